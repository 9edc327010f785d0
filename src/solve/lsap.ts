import { requireOptions } from '../_internal/args.js';
import { checkValues, toDense, transpose } from './_internal/dense.js';
import type { CostInput, DenseMatrix } from './types.js';
import { solveJV } from './_internal/jv.js';
import { neumaierSum } from './_internal/sum.js';

/** Options of {@link linearSumAssignment}. */
export interface LinearSumAssignmentOptions {
  /**
   * Maximise the total instead of minimising it. Forbidden pairs are then `-Infinity`.
   * @defaultValue false
   */
  readonly maximize?: boolean;
}

/** Result of {@link linearSumAssignment}: parallel index arrays, rows ascending. */
export interface LinearSumAssignmentResult {
  /** Row of each assigned pair, ascending. */
  readonly rowIndices: Int32Array;
  /** Column of each assigned pair (`colIndices[k]` goes with `rowIndices[k]`). */
  readonly colIndices: Int32Array;
  /** Sum of `cost[rowIndices[k]][colIndices[k]]`. */
  readonly total: number;
}

/**
 * Solves the linear sum assignment problem with scipy's contract
 * (`scipy.optimize.linear_sum_assignment`).
 *
 * Every row is assigned to a distinct column when `rows <= cols`, otherwise every column
 * to a distinct row, so that the total cost is minimal (or maximal with
 * `{ maximize: true }`). A forbidden pair is `+Infinity` when minimising and `-Infinity`
 * when maximising.
 *
 * Algorithm: Jonker–Volgenant shortest augmenting paths (column reduction, augmenting
 * row reduction over per-row candidate lists, Dijkstra on reduced costs) on flat
 * `Float64Array`s; O(n³) worst case,
 * O(n) extra memory besides one copy of the matrix when it must be negated or
 * transposed (a `{ rows, cols, data }` input that needs neither is read in place).
 *
 * @param cost - `number[][]`, an ml-matrix `Matrix`, or `{ rows, cols, data: Float64Array }`
 *   (row-major). Never mutated.
 * @param options - `{ maximize }`.
 * @returns `{ rowIndices, colIndices, total }` with rows ascending; an empty matrix gives
 *   empty arrays and a total of 0.
 * @throws InvalidInputError (`INVALID_INPUT`) on a ragged matrix, `NaN`, or the wrong
 *   infinity (`-Infinity` when minimising, `+Infinity` when maximising).
 * @throws InfeasibleError (`INFEASIBLE`) when no complete assignment avoids the forbidden pairs.
 *
 * @example
 * ```ts
 * const { rowIndices, colIndices, total } = linearSumAssignment([
 *   [4, 1, 3],
 *   [2, 0, 5],
 *   [3, 2, 2],
 * ]);
 * // rowIndices = Int32Array [0, 1, 2], colIndices = Int32Array [1, 0, 2], total = 5
 * ```
 *
 * @see R. Jonker, A. Volgenant (1987), "A shortest augmenting path algorithm for dense
 *   and sparse linear assignment problems", Computing 38:325–340.
 * @see D.F. Crouse (2016), "On implementing 2D rectangular assignment algorithms",
 *   IEEE Trans. Aerospace and Electronic Systems 52(4) — the algorithm behind scipy's.
 */
export function linearSumAssignment(
  cost: CostInput,
  options: LinearSumAssignmentOptions = {},
): LinearSumAssignmentResult {
  const maximize = requireOptions<LinearSumAssignmentOptions>(options, 'linearSumAssignment').maximize === true;
  const input = toDense(cost);
  const { rows, cols } = input;
  if (rows === 0 || cols === 0) {
    return { rowIndices: new Int32Array(0), colIndices: new Int32Array(0), total: 0 };
  }

  const transposed = rows > cols;
  let work: DenseMatrix = input;
  if (transposed) work = transpose(input);
  if (maximize) work = negated(work, work !== input);

  // The value check runs inside the solver, on each row as it is first read (the same
  // cells in another order when negated or transposed; errors name the input's cell).
  const rowsol = solveJV(work.rows, work.cols, work.data, () => checkValues(input, maximize));

  const k = Math.min(rows, cols);
  const rowIndices = new Int32Array(k);
  const colIndices = new Int32Array(k);
  if (!transposed) {
    for (let i = 0; i < rows; i++) {
      rowIndices[i] = i;
      colIndices[i] = rowsol[i];
    }
  } else {
    // work row = original column; rowsol maps original columns to original rows.
    const colOfRow = new Int32Array(rows).fill(-1);
    for (let j = 0; j < cols; j++) colOfRow[rowsol[j]] = j;
    let t = 0;
    for (let i = 0; i < rows; i++) {
      if (colOfRow[i] >= 0) {
        rowIndices[t] = i;
        colIndices[t++] = colOfRow[i];
      }
    }
  }
  const data = input.data;
  const total = neumaierSum(k, (t) => data[rowIndices[t] * cols + colIndices[t]]);
  return { rowIndices, colIndices, total };
}

function negated(m: DenseMatrix, inPlace: boolean): DenseMatrix {
  const out = inPlace ? m.data : new Float64Array(m.data.length);
  const src = m.data;
  for (let k = 0; k < src.length; k++) out[k] = -src[k];
  return { rows: m.rows, cols: m.cols, data: out };
}
