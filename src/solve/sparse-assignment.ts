/**
 * Exact capacitated assignment on a sparse candidate graph, with a dual certificate
 * that proves the sparse optimum optimal for the full dense problem.
 *
 * @module
 */
import { argError, requireOptions } from '../_internal/args.js';
import { normalizeCapacity } from './_internal/capacity.js';
import { checkSparseGraph } from './_internal/sparse-graph.js';
import { solveSparseAssignment } from './_internal/sparse-solve.js';
import { neumaierSum } from './_internal/sum.js';

const FN = 'sparseAssignment';

/**
 * A bipartite graph in compressed sparse row form: row i's edges are p in
 * `[rowStart[i], rowStart[i+1])`, to column `col[p]` with value `value[p]`. A pair that
 * is not an edge is not allowed. Duplicate (row, column) edges are accepted: the
 * largest value counts (a smaller duplicate can never be chosen over it).
 *
 * @example
 * ```ts
 * // row 0 → columns 0 (value 3) and 1 (value 1); row 1 → column 0 (value 2).
 * const g: SparseBipartite = {
 *   rows: 2,
 *   cols: 2,
 *   rowStart: Int32Array.from([0, 2, 3]),
 *   col: Int32Array.from([0, 1, 0]),
 *   value: Float64Array.from([3, 1, 2]),
 * };
 * ```
 */
export interface SparseBipartite {
  readonly rows: number;
  readonly cols: number;
  /** Length rows + 1, starts at 0, never decreases, ends at the number of edges. */
  readonly rowStart: Int32Array;
  /** Column of each edge, in `[0, cols)`. */
  readonly col: Int32Array;
  /** Value of each edge: finite, |x| ≤ 1e300. Maximised. */
  readonly value: Float64Array;
}

/** Options of {@link sparseAssignment}. */
export interface SparseAssignmentOptions {
  /** Places per column: one non-negative integer for every column, or one per column. */
  readonly capacity: number | ArrayLike<number>;
  /**
   * `true`: as many rows assigned as possible first, then the best total among those.
   * `false`: the best total of any size (an edge is used only when it adds value, so
   * edges of value ≤ 0 never help).
   * @defaultValue true
   */
  readonly maxCardinality?: boolean;
}

/**
 * LP duals of a {@link sparseAssignment} result, the optimality certificate. M is a
 * symbolic quantity larger than any sum of values; a dual is `level·M + value`, compared
 * lexicographically (level first), so no big-M rounding ever happens.
 *
 * The LP (maximisation): max Σ w'_ij x_ij with w' = M + w when `cardinality`, else w;
 * Σ_j x_ij ≤ 1 per row, Σ_i x_ij ≤ cap_j per column, x ≥ 0. Its dual: u_i ≥ 0,
 * v_j ≥ 0, u_i + v_j ≥ w'_ij. Guarantees (floats up to rounding):
 *  - feasible on every edge of the graph: u_i + v_j ≥ w'_ij; u_i ≥ 0, v_j ≥ 0 (lexicographically);
 *  - tight on assigned edges: u_i + v_j = w'_ij;
 *  - v_j = 0 (level 0, value 0) whenever column j has a free place;
 *  - u_i = 0 (level 0, value 0) whenever row i is unassigned, in both modes;
 *  - levels: rows and columns have level 0 or 1. With `cardinality`, a column of level 1
 *    is saturated by rows that cannot go elsewhere without leaving a row out (it is
 *    reachable by an alternating path from an unassigned row; its value part may be
 *    negative), a row of level 1 is assigned to a level-0 column, and an assigned row
 *    of level 0 sits on a level-1 column. Without `cardinality` every level is 0.
 *    A column of capacity 0 can never be used: its level is 2 (1 without
 *    `cardinality`) and its value 0, so every pair to it is certified.
 *
 * Consequence: if every pair left out of the graph passes {@link pairCertified} (or its
 * row passes {@link rowCertifiedByBound}), the result is optimal for the full problem:
 * the same `assignedCount` and the same `total` as a dense solver on the full matrix.
 *
 * @example
 * ```ts
 * const { duals } = sparseAssignment(g, { capacity: 1 });
 * pairCertified(duals, 1, 1, 0.5); // true: (1, 1) could not improve the result
 * ```
 */
export interface AssignmentDuals {
  /** u_i = rowLevel[i]·M + row[i]. */
  readonly rowLevel: Int32Array;
  readonly row: Float64Array;
  /** v_j = colLevel[j]·M + col[j]. */
  readonly colLevel: Int32Array;
  readonly col: Float64Array;
  /** Whether M is in the objective (the solve's `maxCardinality`). */
  readonly cardinality: boolean;
}

/** Result of {@link sparseAssignment}. */
export interface SparseAssignmentResult {
  /** Column of each row, -1 when the row is unassigned. */
  readonly assignment: Int32Array;
  /** Sum of the assigned edges' values (maximised), compensated summation. */
  readonly total: number;
  /** Number of assigned rows (the largest possible with `maxCardinality`). */
  readonly assignedCount: number;
  /** The dual certificate; see {@link AssignmentDuals}. */
  readonly duals: AssignmentDuals;
}

/**
 * Capacitated assignment on a sparse graph, maximising: each row gets at most one
 * column through one of its edges, column `j` takes at most `capacity[j]` rows. By
 * default as many rows as possible are assigned and among those the total value is
 * largest; with `{ maxCardinality: false }` the best total of any size. Returns the LP
 * duals as a certificate: a caller who kept only each row's best candidates proves the
 * result optimal for the full dense problem with {@link pairCertified} /
 * {@link rowCertifiedByBound} on the pairs it left out.
 *
 * Exact. Successive shortest augmenting paths over the columns, one row at a time
 * (rows with the best edge first): a
 * Dijkstra (4-ary heap) on reduced costs ends at the nearest column with room or at
 * the row of its tree that is cheapest to leave out. Duals and distances are
 * (level, value) pairs, the level counting multiples of the symbolic M, so cardinality
 * first needs no big-M rounding. A row whose best column has room is placed without a
 * search; a region that can no longer reach a free place is lifted to level 1 once
 * and then only explored while an exchange there pays. When those one-row searches
 * grow wide (the last free places, or exchanges once every place is taken), a batched
 * phase takes over for a while: one Dijkstra backwards from every end at once (columns
 * with room, or the cheapest member of each column to leave out), columns raised by
 * their distances, then many rows in a row placed along the resulting tight,
 * column-disjoint paths without a search of their own; a phase runs each time the
 * searches have read as many edges as the last phase did. Worst case
 * O(rows · edges · log cols). Measured (bench/sparse-assignment.ts, 80,000 rows ×
 * 20,000 columns, 24 edges a row, a loaded 2-core machine): 1.25 places a row
 * 0.06–0.4 s; 0.625 places a row (Σ capacity < rows) 3.1–8.5 s (ties 0.3 s), where it
 * took 11–23 s before the phases — the last places and the exchanges still cost wide
 * searches, or phases that place only a few rows each. Extra memory
 * O(rows + cols + Σ min(capacity, degree)), plus O(edges) for the column-wise copy of
 * the graph once a phase runs; the graph is only read.
 *
 * @param graph - the {@link SparseBipartite} graph; never mutated.
 * @param options - `{ capacity, maxCardinality = true }`.
 * @returns `{ assignment, total, assignedCount, duals }`.
 * @throws InvalidInputError (`INVALID_INPUT`) naming the field and index: `rowStart`
 *   not of length rows + 1, not starting at 0, decreasing or not ending at the edge
 *   count; a `col` out of range; a `value` that is not finite or has |x| > 1e300; a
 *   capacity that is not a non-negative integer (or has the wrong length); a
 *   `maxCardinality` that is not a boolean.
 *
 * @example
 * ```ts
 * const g = {
 *   rows: 3,
 *   cols: 2,
 *   rowStart: Int32Array.from([0, 2, 3, 4]),
 *   col: Int32Array.from([0, 1, 0, 0]),
 *   value: Float64Array.from([3, 1, 2, 5]),
 * };
 * const r = sparseAssignment(g, { capacity: 1 });
 * // r.assignment = Int32Array [1, -1, 0], r.total = 6, r.assignedCount = 2
 * // (rows 1 and 2 both need column 0; row 0 moves to column 1 so that two rows fit)
 * ```
 *
 * @see R.K. Ahuja, T.L. Magnanti, J.B. Orlin (1993), Network Flows, ch. 9 (successive
 *   shortest paths) and ch. 12 (assignment); A. Schrijver (2003), Combinatorial
 *   Optimization, ch. 21 (bipartite b-matching and its duals).
 */
export function sparseAssignment(graph: SparseBipartite, options: SparseAssignmentOptions): SparseAssignmentResult {
  requireOptions(options, FN, 'options (with a capacity)', false);
  const { rows, cols, rowStart, col, value } = checkSparseGraph(graph, FN);
  const mc = options.maxCardinality;
  if (mc !== undefined && typeof mc !== 'boolean') throw argError(FN, 'options.maxCardinality', 'a boolean, or nothing', mc);
  const cardinality = mc !== false;
  const cap = normalizeCapacity(options.capacity, cols, 'capacity', 'column');
  const sol = solveSparseAssignment(rows, cols, rowStart, col, value, cap, cardinality);
  const { assign, edge, rowLevel, row, colLevel, col: colValue } = sol;
  let assignedCount = 0;
  for (let i = 0; i < rows; i++) if (assign[i] >= 0) assignedCount++;
  const total = neumaierSum(rows, (i) => (assign[i] >= 0 ? value[edge[i]] : 0));
  return { assignment: assign, total, assignedCount, duals: { rowLevel, row, colLevel, col: colValue, cardinality } };
}

/**
 * Relative slack of the certificate checks on the float part:
 * `u + v ≥ w − CERTIFICATE_TOLERANCE · max(1, |w|, |u|, |v|)`. Duals are floats, so an
 * exact check would reject pairs that are tight up to rounding; a pair passed within the
 * slack can improve the total by at most that slack.
 */
export const CERTIFICATE_TOLERANCE = 1e-10;

/**
 * `u + v ≥ w` within the float slack of {@link CERTIFICATE_TOLERANCE}: the one test every
 * certificate check makes (of an assignment's duals, a matching's, a price against a bound).
 *
 * @example
 * ```ts
 * withinSlack(2, 3, 5); // true
 * withinSlack(2, 3, 5.1); // false
 * ```
 */
export function withinSlack(u: number, v: number, w: number): boolean {
  return u + v >= w - CERTIFICATE_TOLERANCE * Math.max(1, Math.abs(w), Math.abs(u), Math.abs(v));
}

/** (uA + vA, uB + vB) ≥ (need, w) lexicographically, with the float slack. */
function covers(sumLevel: number, uB: number, vB: number, need: number, w: number): boolean {
  if (sumLevel !== need) return sumLevel > need;
  return withinSlack(uB, vB, w);
}

function checkPairArgs(d: AssignmentDuals, fn: string, i: number, w: number, name: string): void {
  if (!(Number.isInteger(i) && i >= 0 && i < d.rowLevel.length)) {
    throw argError(fn, 'i', `a row index, an integer from 0 to ${d.rowLevel.length - 1}`, i);
  }
  if (typeof w !== 'number' || Number.isNaN(w)) throw argError(fn, name, 'a number', w);
}

/**
 * True when a pair (i, j) of value `w` that is NOT in the graph provably cannot improve
 * the result: u_i + v_j ≥ w (+ M when `d.cardinality`), lexicographically, the float
 * part with the slack {@link CERTIFICATE_TOLERANCE}. A sufficient condition: when every
 * left-out pair passes, the solve is optimal for the full problem (the duals stay
 * feasible with those pairs added, and complementary slackness still holds).
 *
 * @param d - the duals of a {@link sparseAssignment} result.
 * @param i - row index; @param j - column index; @param w - the pair's value (an upper
 *   bound on it is enough; `-Infinity` is always certified).
 * @returns whether the pair is certified.
 * @throws InvalidInputError when `i` or `j` is not an index of the duals or `w` is NaN.
 *
 * @example
 * ```ts
 * // one row, one column of capacity 1, the edge (0, 0) of value 2: u = 2, v = 0.
 * const { duals } = sparseAssignment(
 *   { rows: 1, cols: 2, rowStart: Int32Array.from([0, 1]), col: Int32Array.from([0]), value: Float64Array.from([2]) },
 *   { capacity: 1 },
 * );
 * pairCertified(duals, 0, 1, 1.5); // true: (0, 1) is worth less than row 0's place
 * pairCertified(duals, 0, 1, 3); // false: (0, 1) might be better
 * ```
 */
export function pairCertified(d: AssignmentDuals, i: number, j: number, w: number): boolean {
  checkPairArgs(d, 'pairCertified', i, w, 'w');
  if (!(Number.isInteger(j) && j >= 0 && j < d.colLevel.length)) {
    throw argError('pairCertified', 'j', `a column index, an integer from 0 to ${d.colLevel.length - 1}`, j);
  }
  if (w === -Infinity) return true;
  return covers(d.rowLevel[i] + d.colLevel[j], d.row[i], d.col[j], d.cardinality ? 1 : 0, w);
}

/**
 * The smallest column dual, lexicographically (level, then value): the floor that
 * {@link rowCertifiedByBound} needs. Computed once per result, O(cols). With no column
 * it is (0, 0) (there is then no pair to certify).
 *
 * @example
 * ```ts
 * const floor = minColumnDual(duals); // { level: 0, value: 0 } when some column has room
 * ```
 */
export function minColumnDual(d: AssignmentDuals): { readonly level: number; readonly value: number } {
  const { colLevel, col } = d;
  if (colLevel.length === 0) return { level: 0, value: 0 };
  let level = colLevel[0];
  let value = col[0];
  for (let j = 1; j < colLevel.length; j++) {
    if (colLevel[j] < level || (colLevel[j] === level && col[j] < value)) {
      level = colLevel[j];
      value = col[j];
    }
  }
  return { level, value };
}

/**
 * True when every pair of row i left out of the graph is certified at once, given an
 * upper bound `bound` on all their values: u_i + minCol ≥ bound (+ M when
 * `d.cardinality`), lexicographically, with the float slack of {@link pairCertified}.
 * `(minColLevel, minCol)` must be at most every column's dual that the row's left-out
 * pairs reach — {@link minColumnDual} gives the global one. Sufficient, not necessary:
 * a row it rejects may still pass {@link pairCertified} pair by pair.
 *
 * @param d - the duals of a {@link sparseAssignment} result.
 * @param i - row index.
 * @param bound - an upper bound on the value of every pair of row i left out.
 * @param minColLevel - level of the floor of the column duals.
 * @param minCol - value of that floor.
 * @throws InvalidInputError when `i` is not a row index or a number is NaN.
 *
 * @example
 * ```ts
 * const floor = minColumnDual(duals);
 * // every left-out pair of row 0 is worth at most 1.5 (e.g. the row's K-th best value):
 * rowCertifiedByBound(duals, 0, 1.5, floor.level, floor.value); // true when u_0 + floor ≥ M + 1.5
 * ```
 */
export function rowCertifiedByBound(d: AssignmentDuals, i: number, bound: number, minColLevel: number, minCol: number): boolean {
  checkPairArgs(d, 'rowCertifiedByBound', i, bound, 'bound');
  if (!Number.isInteger(minColLevel)) throw argError('rowCertifiedByBound', 'minColLevel', 'an integer', minColLevel);
  if (typeof minCol !== 'number' || Number.isNaN(minCol)) throw argError('rowCertifiedByBound', 'minCol', 'a number', minCol);
  if (bound === -Infinity) return true;
  return covers(d.rowLevel[i] + minColLevel, d.row[i], minCol, d.cardinality ? 1 : 0, bound);
}
