/**
 * Normalisation and value checks of the solver inputs (the types are public, in
 * `solve/types.ts`).
 *
 * @module
 */
import { InvalidInputError, TooLargeError } from '../../errors.js';
import type { CostInput, DenseMatrix, MatrixLike } from '../types.js';

function isDense(x: unknown): x is DenseMatrix {
  return (
    typeof x === 'object' && x !== null && (x as DenseMatrix).data instanceof Float64Array &&
    typeof (x as DenseMatrix).rows === 'number' && typeof (x as DenseMatrix).cols === 'number'
  );
}

function isMatrixLike(x: unknown): x is MatrixLike {
  return (
    typeof x === 'object' && x !== null && typeof (x as MatrixLike).get === 'function' &&
    typeof (x as MatrixLike).rows === 'number' && typeof (x as MatrixLike).columns === 'number'
  );
}

function checkDim(n: number, what: string, name: string): void {
  if (!Number.isInteger(n) || n < 0) {
    throw new InvalidInputError(`${name}.${what} must be a non-negative integer; found ${String(n)}`, { [what]: n });
  }
}

/**
 * Most cells a solver input may have: 2³⁰ (8 GiB of float64 for the matrix alone, before
 * the solver's own arrays). Larger inputs are refused before anything is allocated.
 */
export const MAX_CELLS = 2 ** 30;

function checkCells(rows: number, cols: number, name: string): void {
  if (rows * cols > MAX_CELLS) {
    throw new TooLargeError(
      `${name} is ${rows} × ${cols} = ${rows * cols} cells; at most ${MAX_CELLS} (8 GiB of float64) are accepted — split the problem`,
      { rows, cols, cells: rows * cols, limit: MAX_CELLS },
    );
  }
}

/**
 * Converts any accepted cost input to a {@link DenseMatrix}. A `DenseMatrix` input is
 * returned as is (not copied: callers must not write to the result); other shapes are
 * copied once. Shape is checked here; values are checked by {@link checkValues}.
 *
 * @param cost - The input.
 * @param name - The argument's name in messages (`cost`, `weights`, `scores`).
 * @throws InvalidInputError on a ragged or malformed matrix, a hole, or a value that is
 *   not a number (arrays and matrix-likes alike).
 * @throws TooLargeError when it has more than {@link MAX_CELLS} cells (before allocating).
 */
export function toDense(cost: CostInput, name = 'cost'): DenseMatrix {
  if (isDense(cost)) {
    checkDim(cost.rows, 'rows', name);
    checkDim(cost.cols, 'cols', name);
    if (cost.data.length !== cost.rows * cost.cols) {
      throw new InvalidInputError(
        `${name}: data.length must equal rows * cols = ${cost.rows * cost.cols}; found ${cost.data.length}`,
        { rows: cost.rows, cols: cost.cols, length: cost.data.length },
      );
    }
    return cost;
  }
  if (isMatrixLike(cost)) {
    const rows = cost.rows;
    const cols = cost.columns;
    checkDim(rows, 'rows', name);
    checkDim(cols, 'cols', name);
    checkCells(rows, cols, name);
    const data = new Float64Array(rows * cols);
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const x: unknown = cost.get(i, j);
        if (typeof x !== 'number') throw new InvalidInputError(`${name}[${i}][${j}] must be a number; found ${typeof x}`, { row: i, col: j });
        data[i * cols + j] = x;
      }
    }
    return { rows, cols, data };
  }
  if (!Array.isArray(cost)) {
    throw new InvalidInputError(
      `${name} must be number[][], an ml-matrix Matrix or { rows, cols, data: Float64Array }; found ` +
        (cost === null ? 'null' : typeof cost),
    );
  }
  const rows = cost.length;
  if (rows === 0) return { rows: 0, cols: 0, data: new Float64Array(0) };
  const first = cost[0];
  if (first === null || typeof first !== 'object' || typeof first.length !== 'number') {
    throw new InvalidInputError(`${name}[0] must be an array of numbers; found ${first === null ? 'null' : typeof first}`, { row: 0 });
  }
  const cols = first.length;
  checkCells(rows, cols, name);
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const r = cost[i];
    if (r === null || typeof r !== 'object' || typeof r.length !== 'number') {
      throw new InvalidInputError(`${name}[${i}] must be an array of numbers; found ${r === null ? 'null' : typeof r}`, { row: i });
    }
    if (r.length !== cols) {
      throw new InvalidInputError(`${name} is ragged: row 0 has ${cols} columns but row ${i} has ${r.length}`, {
        row: i,
        expected: cols,
        found: r.length,
      });
    }
    const off = i * cols;
    for (let j = 0; j < cols; j++) {
      const x = r[j];
      if (typeof x !== 'number') {
        throw new InvalidInputError(`${name}[${i}][${j}] must be a number; found ${typeof x}`, { row: i, col: j });
      }
      data[off + j] = x;
    }
  }
  return { rows, cols, data };
}

/**
 * Largest finite cost magnitude accepted. Solvers add and subtract costs and duals;
 * beyond this, intermediate sums could overflow to ±Infinity and be mistaken for a
 * forbidden pair. (Same bound as the blossom solver's weights.)
 */
export const MAX_ABS_COST = 1e300;

/**
 * Checks every value: `NaN` is never allowed; the infinity that marks a forbidden pair
 * is `+Infinity` when minimising and `-Infinity` when maximising; the other one is an
 * error (scipy's contract); finite values must satisfy |x| ≤ {@link MAX_ABS_COST}.
 *
 * @throws InvalidInputError naming the first offending cell.
 */
export function checkValues(m: DenseMatrix, maximize: boolean): void {
  if (allModerate(m.data)) return;
  const { data, cols } = m;
  const forbidden = maximize ? -Infinity : Infinity;
  for (let k = 0; k < data.length; k++) {
    const x = data[k];
    if (Math.abs(x) <= MAX_ABS_COST || x === forbidden) continue;
    const row = Math.floor(k / cols);
    const col = k - row * cols;
    const allowed = maximize ? '-Infinity (forbidden pair)' : '+Infinity (forbidden pair)';
    throw new InvalidInputError(
      `cost[${row}][${col}] must be a finite number with |x| ≤ 1e300 or ${allowed} when ${maximize ? 'maximizing' : 'minimizing'}; found ${x}`,
      { row, col, value: x },
    );
  }
}

/**
 * Scales x so that it overflows to ±Infinity a little before |x| reaches MAX_ABS_COST.
 */
const OVERFLOW_SCALE = (Number.MAX_VALUE / MAX_ABS_COST) * (1 + 1e-9);

/**
 * Fast path of {@link checkValues}: true when every value is finite and (with a margin)
 * within ±MAX_ABS_COST. `(x · s) · 0` is 0 for such x and NaN for NaN, ±Infinity or a
 * larger magnitude, and four independent sums keep the loop short; any NaN total sends
 * the caller to the exact per-cell check (which also allows the forbidden infinity).
 */
function allModerate(data: Float64Array): boolean {
  return moderateRange(data, 0, data.length);
}

/**
 * {@link allModerate} on `data[from .. from + length)`: true when every value there is
 * finite and within ±{@link MAX_ABS_COST} (with the same margin). Solvers that read each
 * row anyway call it on a row they have just scanned (still in cache) instead of a
 * separate pass over the whole matrix, and call {@link checkValues} on a false answer.
 *
 * @example
 * ```ts
 * moderateRange(new Float64Array([1, 2, Infinity]), 0, 2); // true
 * moderateRange(new Float64Array([1, 2, Infinity]), 1, 2); // false
 * ```
 */
export function moderateRange(data: Float64Array, from: number, length: number): boolean {
  const s = OVERFLOW_SCALE;
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  const n = from + length;
  let k = from;
  for (; k + 4 <= n; k += 4) {
    a += data[k] * s * 0;
    b += data[k + 1] * s * 0;
    c += data[k + 2] * s * 0;
    d += data[k + 3] * s * 0;
  }
  for (; k < n; k++) a += data[k] * s * 0;
  return a + b + c + d === 0;
}

/** Row-major transpose into a new buffer. */
export function transpose(m: DenseMatrix): DenseMatrix {
  const { rows, cols, data } = m;
  const out = new Float64Array(rows * cols);
  const B = 64;
  for (let i0 = 0; i0 < rows; i0 += B) {
    const i1 = Math.min(rows, i0 + B);
    for (let j0 = 0; j0 < cols; j0 += B) {
      const j1 = Math.min(cols, j0 + B);
      for (let i = i0; i < i1; i++) {
        const off = i * cols;
        for (let j = j0; j < j1; j++) out[j * rows + i] = data[off + j];
      }
    }
  }
  return { rows: cols, cols: rows, data: out };
}
