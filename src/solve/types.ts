/**
 * The matrix types every solver accepts: the public input shapes of `solve/`. The
 * conversion and value checks behind them (`toDense`, `checkValues`) are internal.
 *
 * @module
 */

/**
 * A dense row-major matrix of float64 values. `data.length === rows * cols`; cell
 * (i, j) is `data[i * cols + j]`.
 *
 * @example
 * ```ts
 * const m: DenseMatrix = { rows: 2, cols: 2, data: new Float64Array([1, 2, 3, 4]) };
 * ```
 */
export interface DenseMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/**
 * Anything with `rows`, `columns` and `get(i, j)`, e.g. an ml-matrix `Matrix`.
 *
 * @example
 * ```ts
 * const m: MatrixLike = { rows: 1, columns: 2, get: (i, j) => [[4, 1]][i][j] };
 * ```
 */
export interface MatrixLike {
  readonly rows: number;
  readonly columns: number;
  get(row: number, column: number): number;
}

/**
 * The cost-matrix shapes every solver accepts: `number[][]` (or any array of array-likes
 * of equal length), an ml-matrix `Matrix` (anything with `rows`, `columns`, `get`), or a
 * {@link DenseMatrix}. Normalised once, at the solver's boundary; never mutated.
 *
 * @example
 * ```ts
 * const a: CostInput = [[4, 1], [2, 0]];
 * const b: CostInput = { rows: 2, cols: 2, data: new Float64Array([4, 1, 2, 0]) };
 * ```
 */
export type CostInput = ReadonlyArray<ArrayLike<number>> | MatrixLike | DenseMatrix;
