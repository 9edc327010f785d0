/**
 * Test oracles for the assignment solvers: brute force for tiny instances, a guarded
 * adapter to the npm `munkres-js` package (an independent Hungarian implementation),
 * a seeded matrix generator, fast-check arbitraries and result validators.
 *
 * None of this is shipped; it favours obviousness over speed.
 */
import fc from 'fast-check';
import computeMunkres from 'munkres-js';
import { expect } from 'vitest';

import type { DenseMatrix } from '../../src/solve/types.js';

// ---------------------------------------------------------------------------
// Dense matrix utilities
// ---------------------------------------------------------------------------

/** `number[][]` → dense (a `[]` input is 0 × 0). */
export function fromRows(rows: readonly (readonly number[])[], cols = rows.length === 0 ? 0 : rows[0].length): DenseMatrix {
  const data = new Float64Array(rows.length * cols);
  rows.forEach((r, i) => {
    if (r.length !== cols) throw new Error(`ragged test matrix: row ${i}`);
    data.set(r, i * cols);
  });
  return { rows: rows.length, cols, data };
}

/** Dense → `number[][]`. */
export function toRows(m: DenseMatrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < m.rows; i++) out.push(Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
  return out;
}

/** A copy that shares nothing with `m`. */
export function cloneDense(m: DenseMatrix): DenseMatrix {
  return { rows: m.rows, cols: m.cols, data: Float64Array.from(m.data) };
}

/** The transpose (a new matrix). */
export function transposeDense(m: DenseMatrix): DenseMatrix {
  const data = new Float64Array(m.rows * m.cols);
  for (let i = 0; i < m.rows; i++) for (let j = 0; j < m.cols; j++) data[j * m.rows + i] = m.data[i * m.cols + j];
  return { rows: m.cols, cols: m.rows, data };
}

/** `f` applied to every cell (a new matrix). `-x` maps +Infinity to -Infinity. */
export function mapDense(m: DenseMatrix, f: (x: number, i: number, j: number) => number): DenseMatrix {
  const data = new Float64Array(m.data.length);
  for (let i = 0; i < m.rows; i++) for (let j = 0; j < m.cols; j++) data[i * m.cols + j] = f(m.data[i * m.cols + j], i, j);
  return { rows: m.rows, cols: m.cols, data };
}

/** The negated matrix (forbidden +Infinity becomes -Infinity, as `maximize` expects). */
export function negateDense(m: DenseMatrix): DenseMatrix {
  return mapDense(m, (x) => -x);
}

/** Cell (i, j). */
export function at(m: DenseMatrix, i: number, j: number): number {
  return m.data[i * m.cols + j];
}

// ---------------------------------------------------------------------------
// Seeded generation
// ---------------------------------------------------------------------------

/** mulberry32: a tiny seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Options of {@link randomMatrix}. */
export interface RandomMatrixOptions {
  /** PRNG seed. */
  readonly seed: number;
  /** Integer costs in [min, max] (`true`) or uniform floats in [min, max) (`false`). @defaultValue false */
  readonly integer?: boolean;
  /** @defaultValue 0 */
  readonly min?: number;
  /** @defaultValue 1 */
  readonly max?: number;
  /** Probability that a cell is forbidden (`+Infinity`). @defaultValue 0 */
  readonly forbidden?: number;
}

/** A seeded random cost matrix. */
export function randomMatrix(rows: number, cols: number, o: RandomMatrixOptions): DenseMatrix {
  const rnd = mulberry32(o.seed);
  const min = o.min ?? 0;
  const max = o.max ?? 1;
  const data = new Float64Array(rows * cols);
  for (let k = 0; k < data.length; k++) {
    if (o.forbidden !== undefined && o.forbidden > 0 && rnd() < o.forbidden) {
      data[k] = Infinity;
      continue;
    }
    data[k] = o.integer ? min + Math.floor(rnd() * (max - min + 1)) : min + rnd() * (max - min);
  }
  return { rows, cols, data };
}

// ---------------------------------------------------------------------------
// fast-check arbitraries
// ---------------------------------------------------------------------------

/** Shape and cell arbitrary of {@link matrixArb}. */
export interface MatrixArbOptions {
  readonly minRows?: number;
  readonly maxRows: number;
  readonly minCols?: number;
  readonly maxCols: number;
  readonly cell: fc.Arbitrary<number>;
}

/**
 * A matrix as `number[][]` plus its column count (so 3 × 0 survives), shrinking
 * towards fewer rows and columns.
 */
export function matrixArb(o: MatrixArbOptions): fc.Arbitrary<DenseMatrix> {
  return fc
    .tuple(fc.integer({ min: o.minRows ?? 0, max: o.maxRows }), fc.integer({ min: o.minCols ?? 0, max: o.maxCols }))
    .chain(([rows, cols]) =>
      fc
        .array(fc.array(o.cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows })
        .map((r) => fromRows(r, cols)),
    );
}

/**
 * Structured integer matrices that stress the shortest-path phase far more than uniform
 * noise does: c[i][j] = a[i]·b[j] + noise (rank one, Machol–Wien-like), |a[i] - b[j]|
 * (geometric), or a[i] + b[j] + noise (near-constant after reduction). With
 * `forbidden`, a random share of cells (0–40%) becomes +Infinity.
 */
export function structuredMatrixArb(o: {
  readonly minRows?: number;
  readonly maxRows: number;
  readonly minCols?: number;
  readonly maxCols: number;
  readonly forbidden?: boolean;
}): fc.Arbitrary<DenseMatrix> {
  return fc
    .record({
      rows: fc.integer({ min: o.minRows ?? 1, max: o.maxRows }),
      cols: fc.integer({ min: o.minCols ?? 1, max: o.maxCols }),
      kind: fc.constantFrom('product', 'geometric', 'sum'),
      noise: fc.integer({ min: 0, max: 6 }),
      share: o.forbidden ? fc.integer({ min: 0, max: 40 }) : fc.constant(0),
      seed: fc.integer({ min: 1, max: 0x7fffffff }),
    })
    .map(({ rows, cols, kind, noise, share, seed }) => {
      const rnd = mulberry32(seed);
      const a = Array.from({ length: rows }, () => Math.floor(rnd() * 21));
      const b = Array.from({ length: cols }, () => Math.floor(rnd() * 21));
      const data = new Float64Array(rows * cols);
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols; j++) {
          const e = Math.floor(rnd() * (noise + 1));
          const base = kind === 'product' ? a[i] * b[j] : kind === 'geometric' ? 10 * Math.abs(a[i] - b[j]) : a[i] + b[j];
          data[i * cols + j] = rnd() * 100 < share ? Infinity : base + e;
        }
      }
      return { rows, cols, data };
    });
}

/** Small integers, so that ties are frequent. */
export const tieCell = fc.integer({ min: -3, max: 3 });

/** Integer costs with a chance of `+Infinity` (forbidden). */
export const intOrForbiddenCell = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -20, max: 20 }) },
  { weight: 1, arbitrary: fc.constant(Infinity) },
);

/** Finite doubles of moderate magnitude (no NaN, no infinity, no -0 surprises matter). */
export const floatCell = fc.double({ min: -1000, max: 1000, noNaN: true, noDefaultInfinity: true });

// ---------------------------------------------------------------------------
// Brute force
// ---------------------------------------------------------------------------

/** Result of a brute-force LSAP: `total` is `null` when no complete assignment exists. */
export interface BruteLsap {
  readonly total: number | null;
  /** One optimal assignment as `[row, col]` pairs (rows ascending), or null. */
  readonly pairs: [number, number][] | null;
  /** How many optimal assignments exist (ties). */
  readonly optimalCount: number;
}

/**
 * Brute-force LSAP with scipy's semantics: every row is assigned when rows <= cols,
 * every column otherwise; forbidden = +Infinity (min) / -Infinity (max). Enumerates all
 * partial permutations; keep P(max(rows, cols), min(rows, cols)) small (≲ 10⁵).
 */
export function bruteForceLsap(m: DenseMatrix, maximize = false): BruteLsap {
  const { rows, cols } = m;
  if (rows === 0 || cols === 0) return { total: 0, pairs: [], optimalCount: 1 };
  const flip = rows > cols;
  const n = flip ? cols : rows; // the side that is fully assigned
  const k = flip ? rows : cols;
  const cost = (a: number, b: number): number => (flip ? at(m, b, a) : at(m, a, b));
  const forbidden = maximize ? -Infinity : Infinity;
  const better = (x: number, y: number): boolean => (maximize ? x > y : x < y);
  const used = new Uint8Array(k);
  const choice = new Int32Array(n);
  let best: number | null = null;
  let bestChoice: Int32Array | null = null;
  let count = 0;
  const rec = (a: number, acc: number): void => {
    if (a === n) {
      if (best === null || better(acc, best)) {
        best = acc;
        bestChoice = choice.slice();
        count = 1;
      } else if (acc === best) count++;
      return;
    }
    for (let b = 0; b < k; b++) {
      if (used[b]) continue;
      const c = cost(a, b);
      if (c === forbidden) continue;
      used[b] = 1;
      choice[a] = b;
      rec(a + 1, acc + c);
      used[b] = 0;
    }
  };
  rec(0, 0);
  if (best === null || bestChoice === null) return { total: null, pairs: null, optimalCount: 0 };
  const bc: Int32Array = bestChoice;
  const pairs: [number, number][] = [];
  for (let a = 0; a < n; a++) pairs.push(flip ? [bc[a], a] : [a, bc[a]]);
  pairs.sort((p, q) => p[0] - q[0]);
  return { total: best, pairs, optimalCount: count };
}

/** Result of a brute-force capacitated assignment. */
export interface BruteCapacitated {
  readonly assignedCount: number;
  readonly total: number;
  /** One optimal assignment, row → column or -1. */
  readonly assignment: Int32Array;
}

/**
 * Brute-force capacitated assignment: every row picks a column with spare capacity
 * (never a forbidden cell) or stays unassigned (-1); the best is the one with the most
 * rows assigned, then the minimum (maximum) total. (cols + 1)^rows leaves: tiny only.
 */
export function bruteForceCapacitated(m: DenseMatrix, capacity: number | readonly number[], maximize = false): BruteCapacitated {
  const { rows, cols } = m;
  const cap = Array.from({ length: cols }, (_, j) => (typeof capacity === 'number' ? capacity : capacity[j]));
  const forbidden = maximize ? -Infinity : Infinity;
  const choice = new Int32Array(rows).fill(-1);
  let bestCount = -1;
  let bestTotal = 0;
  let bestChoice = new Int32Array(rows).fill(-1);
  const rec = (i: number, count: number, acc: number): void => {
    if (i === rows) {
      if (count > bestCount || (count === bestCount && (maximize ? acc > bestTotal : acc < bestTotal))) {
        bestCount = count;
        bestTotal = acc;
        bestChoice = choice.slice();
      }
      return;
    }
    // Upper bound on what the remaining rows can add: prune hopeless branches.
    if (count + (rows - i) < bestCount) return;
    choice[i] = -1;
    rec(i + 1, count, acc);
    for (let j = 0; j < cols; j++) {
      const c = at(m, i, j);
      if (cap[j] <= 0 || c === forbidden) continue;
      cap[j]--;
      choice[i] = j;
      rec(i + 1, count + 1, acc + c);
      cap[j]++;
      choice[i] = -1;
    }
  };
  rec(0, 0, 0);
  return { assignedCount: bestCount, total: bestTotal, assignment: bestChoice };
}

// ---------------------------------------------------------------------------
// munkres-js adapter
// ---------------------------------------------------------------------------

/**
 * Minimum-cost assignment by the npm `munkres-js` package (classic Munkres, pads a
 * rectangular matrix with zeros: same semantics as scipy's rectangular case).
 * Refuses non-finite input: munkres-js loops forever on it.
 */
export function munkresLsap(m: DenseMatrix): { total: number; pairs: [number, number][] } {
  for (let k = 0; k < m.data.length; k++) {
    if (!Number.isFinite(m.data[k])) throw new Error(`munkresLsap: non-finite cell ${m.data[k]} at ${k}: munkres-js would hang`);
  }
  if (m.rows === 0 || m.cols === 0) return { total: 0, pairs: [] };
  const raw = computeMunkres(toRows(m));
  const pairs = raw.filter(([i, j]) => i < m.rows && j < m.cols).sort((p, q) => p[0] - q[0]);
  if (pairs.length !== Math.min(m.rows, m.cols)) throw new Error(`munkresLsap: ${pairs.length} pairs for ${m.rows}×${m.cols}`);
  let total = 0;
  for (const [i, j] of pairs) total += at(m, i, j);
  return { total, pairs };
}

// ---------------------------------------------------------------------------
// Validators
// ---------------------------------------------------------------------------

/** Tolerance for comparing totals summed in different orders. */
export function tolerance(m: DenseMatrix): number {
  let s = 0;
  for (let k = 0; k < m.data.length; k++) if (Number.isFinite(m.data[k])) s = Math.max(s, Math.abs(m.data[k]));
  return 1e-9 * Math.max(1, s * Math.max(m.rows, m.cols));
}

/** Expects |actual - expected| <= tol (exact when tol = 0). */
export function expectTotal(actual: number, expected: number, tol: number): void {
  if (Math.abs(actual - expected) > tol) {
    expect.fail(`total ${actual} differs from expected ${expected} by more than ${tol}`);
  }
}

/** The shape of a `linearSumAssignment` result. */
export interface LsapResultLike {
  readonly rowIndices: Int32Array;
  readonly colIndices: Int32Array;
  readonly total: number;
}

/**
 * Checks scipy's output contract: Int32Arrays of length min(rows, cols), rows strictly
 * ascending, columns distinct and in range, no forbidden cell, and `total` equal to the
 * sum of the chosen cells. Returns that sum.
 */
export function expectValidAssignment(m: DenseMatrix, r: LsapResultLike, maximize = false): number {
  expect(r.rowIndices).toBeInstanceOf(Int32Array);
  expect(r.colIndices).toBeInstanceOf(Int32Array);
  const k = Math.min(m.rows, m.cols);
  expect(r.rowIndices.length).toBe(k);
  expect(r.colIndices.length).toBe(k);
  const seen = new Set<number>();
  let sum = 0;
  const forbidden = maximize ? -Infinity : Infinity;
  for (let t = 0; t < k; t++) {
    const i = r.rowIndices[t];
    const j = r.colIndices[t];
    expect(i >= 0 && i < m.rows, `row ${i} in range`).toBe(true);
    expect(j >= 0 && j < m.cols, `col ${j} in range`).toBe(true);
    if (t > 0) expect(i > r.rowIndices[t - 1], 'rows strictly ascending').toBe(true);
    expect(seen.has(j), `column ${j} used twice`).toBe(false);
    seen.add(j);
    const c = at(m, i, j);
    expect(c !== forbidden, `forbidden cell (${i}, ${j}) used`).toBe(true);
    sum += c;
  }
  if (m.rows <= m.cols) for (let t = 0; t < k; t++) expect(r.rowIndices[t]).toBe(t);
  expectTotal(r.total, sum, tolerance(m));
  return sum;
}

/** The shape of a `capacitatedAssignment` result. */
export interface CapacitatedResultLike {
  readonly assignment: Int32Array;
  readonly total: number;
  readonly assignedCount: number;
}

/**
 * Checks a capacitated result: one entry per row, each -1 or a column in range whose
 * cell is not forbidden, no column above its capacity, `assignedCount` = number of
 * assigned rows, `total` = sum of the chosen cells. Returns the per-column loads.
 */
export function expectValidCapacitated(
  m: DenseMatrix,
  capacity: number | ArrayLike<number>,
  r: CapacitatedResultLike,
  maximize = false,
): Int32Array {
  expect(r.assignment).toBeInstanceOf(Int32Array);
  expect(r.assignment.length).toBe(m.rows);
  const load = new Int32Array(m.cols);
  const forbidden = maximize ? -Infinity : Infinity;
  let count = 0;
  let sum = 0;
  for (let i = 0; i < m.rows; i++) {
    const j = r.assignment[i];
    if (j === -1) continue;
    expect(j >= 0 && j < m.cols, `row ${i} → column ${j} in range`).toBe(true);
    const c = at(m, i, j);
    expect(c !== forbidden, `forbidden cell (${i}, ${j}) used`).toBe(true);
    load[j]++;
    count++;
    sum += c;
  }
  for (let j = 0; j < m.cols; j++) {
    const cap = typeof capacity === 'number' ? capacity : capacity[j];
    expect(load[j] <= cap, `column ${j} holds ${load[j]} rows, capacity ${cap}`).toBe(true);
  }
  expect(r.assignedCount).toBe(count);
  expectTotal(r.total, sum, tolerance(m));
  return load;
}

// ---------------------------------------------------------------------------
// Capacitated oracles
// ---------------------------------------------------------------------------

/** One capacity per column from a number or an array. */
export function capacityArray(capacity: number | ArrayLike<number>, cols: number): number[] {
  return Array.from({ length: cols }, (_, j) => (typeof capacity === 'number' ? capacity : capacity[j]));
}

/**
 * The largest number of rows that can be assigned (each row at most one allowed
 * column, column j at most cap[j] rows), by plain augmenting paths (Kuhn's algorithm
 * generalised to column capacities). Independent of costs.
 */
export function maxCardinality(m: DenseMatrix, capacity: number | ArrayLike<number>, maximize = false): number {
  const { rows, cols } = m;
  const cap = capacityArray(capacity, cols);
  const forbidden = maximize ? -Infinity : Infinity;
  const inCol: number[][] = Array.from({ length: cols }, () => []);
  let count = 0;
  for (let r = 0; r < rows; r++) {
    const seen = new Uint8Array(cols);
    const tryRow = (i: number): boolean => {
      for (let j = 0; j < cols; j++) {
        if (seen[j] || cap[j] <= 0 || at(m, i, j) === forbidden) continue;
        seen[j] = 1;
        if (inCol[j].length < cap[j]) {
          inCol[j].push(i);
          return true;
        }
        for (let t = 0; t < inCol[j].length; t++) {
          const k = inCol[j][t];
          inCol[j].splice(t, 1);
          if (tryRow(k)) {
            inCol[j].push(i);
            return true;
          }
          inCol[j].splice(t, 0, k);
        }
      }
      return false;
    };
    if (tryRow(r)) count++;
  }
  return count;
}

/**
 * The rows × Σcap slot matrix (column j repeated cap[j] times) with forbidden cells
 * replaced by `bigM`, plus the column each slot belongs to. Solving it as an LSAP with
 * scipy's rectangular semantics gives k·bigM + (best total among maximum-cardinality
 * assignments), where k = min(rows, Σcap) − maximum cardinality, provided bigM exceeds
 * every possible spread of real totals.
 */
export function slotMatrix(m: DenseMatrix, capacity: number | ArrayLike<number>, bigM: number, maximize = false): { slots: DenseMatrix; slotCol: number[] } {
  const cap = capacityArray(capacity, m.cols);
  const slotCol: number[] = [];
  cap.forEach((c, j) => {
    for (let t = 0; t < Math.min(c, m.rows); t++) slotCol.push(j);
  });
  const forbidden = maximize ? -Infinity : Infinity;
  const cols = slotCol.length;
  const data = new Float64Array(m.rows * cols);
  for (let i = 0; i < m.rows; i++) {
    for (let s = 0; s < cols; s++) {
      const x = at(m, i, slotCol[s]);
      data[i * cols + s] = x === forbidden ? (maximize ? -bigM : bigM) : x;
    }
  }
  return { slots: { rows: m.rows, cols, data }, slotCol };
}
