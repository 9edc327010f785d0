import { requireOptions } from '../_internal/args.js';
import { InvalidInputError } from '../errors.js';
import { solveBMatching, type RowQuota } from './_internal/b-matching-ssp.js';
import { normalizeCapacity } from './_internal/capacity.js';
import { checkValues, toDense } from './_internal/dense.js';
import { neumaierSum } from './_internal/sum.js';
import type { CostInput } from './types.js';

/**
 * Caps on the pairs of groups of rows (e.g. at most 3 pairs for the mentees of one site).
 *
 * @example
 * ```ts
 * // rows 0 and 1 form group 0 (at most one pair between them); row 2 is in no group.
 * const quota: BMatchingQuota = { groupOf: [0, 0, -1], capacity: [1] };
 * ```
 */
export interface BMatchingQuota {
  /** Group of each row (one entry per row): an integer in `[0, capacity.length)`, or -1 for none. */
  readonly groupOf: ArrayLike<number>;
  /** Most pairs the rows of group `g` may have together: one non-negative integer per group. */
  readonly capacity: ArrayLike<number>;
}

/** Options of {@link bMatching}. */
export interface BMatchingOptions {
  /** Most columns each row may take: one non-negative integer for every row, or one per row. */
  readonly rowCapacity: number | ArrayLike<number>;
  /** Most rows each column may take: one non-negative integer for every column, or one per column. */
  readonly colCapacity: number | ArrayLike<number>;
  /**
   * Maximise the total instead of minimising it. Forbidden pairs are then `-Infinity`.
   * @defaultValue false
   */
  readonly maximize?: boolean;
  /**
   * Form as many pairs as possible first, then take the best total among those matchings
   * (as `capacitatedAssignment` does). `false`: the best total over matchings of
   * any size — a pair is taken only when it improves the total, so when minimising
   * non-negative costs the answer is empty.
   * @defaultValue true
   */
  readonly maxCardinality?: boolean;
  /**
   * Groups of rows whose pairs are capped together (each row in at most one group).
   * @defaultValue no groups
   */
  readonly quota?: BMatchingQuota;
}

/** Result of {@link bMatching}: parallel index arrays, sorted by row, then column. */
export interface BMatchingResult {
  /** Row of each chosen pair; ascending, a row repeated once per column it takes. */
  readonly rowIndices: Int32Array;
  /** Column of each chosen pair (`colIndices[k]` goes with `rowIndices[k]`); ascending within a row. */
  readonly colIndices: Int32Array;
  /** Sum of `cost[rowIndices[k]][colIndices[k]]`. */
  readonly total: number;
}

/**
 * Bipartite b-matching (mentees with several mentors): row `i` takes at most
 * `rowCapacity[i]` distinct columns, column `j` at most `colCapacity[j]` distinct rows,
 * each (row, column) pair at most once, never a forbidden pair. By default as many pairs
 * as possible are formed and among those the total cost is minimal (or maximal with
 * `{ maximize: true }`); with `{ maxCardinality: false }` the best total over matchings
 * of any size. Optional `quota` groups cap the pairs of a group of rows together. With a
 * row capacity of 1 this is `capacitatedAssignment`.
 *
 * Exact. Successive shortest augmenting paths from a super-source to a super-sink with
 * node potentials (Johnson), on unit (row, column) arcs: after k augmentations the flow
 * is the best of value k, so running to exhaustion gives the best among the largest
 * matchings, and stopping at the first path that would not improve the total gives the
 * best total of any size. Quota groups add a node between the source and their rows
 * (still an exact min-cost flow). Each path is a Dijkstra on reduced costs (binary heap,
 * stops when the sink is settled); potentials start tight (a row at its best arc), and
 * a settled row relaxes only its 16 best columns, deferring the rest of the row until
 * its lower bound could matter. Worst case O(pairs · (rows · cols + V log V)) with
 * V = rows + cols + groups; extra memory O(rows · cols) bytes (one flag per pair) plus
 * O(16 · rows + cols). A `{ rows, cols, data }` input is read in place when maximising.
 *
 * @param cost - rows × cols: `number[][]`, an ml-matrix `Matrix`, or
 *   `{ rows, cols, data: Float64Array }`. `+Infinity` (`-Infinity` when maximising)
 *   forbids a pair. Never mutated.
 * @param options - `{ rowCapacity, colCapacity, maximize = false, maxCardinality = true, quota }`.
 * @returns `{ rowIndices, colIndices, total }`, sorted by row then column; an empty
 *   matrix (or no allowed pair) gives empty arrays and a total of 0.
 * @throws InvalidInputError (`INVALID_INPUT`) naming the argument: a missing `options`,
 *   a capacity that is not a non-negative integer or has the wrong length, a `quota`
 *   whose `groupOf` is not one integer in [-1, groups) per row or whose `capacity` is not
 *   non-negative integers; a ragged matrix, `NaN`, the wrong infinity or |x| > 1e300.
 *
 * @example
 * ```ts
 * // 3 mentees (rows) taking up to 2 mentors each, 2 mentors taking up to 2 mentees each;
 * // mentee 1 may not have mentor 1.
 * const r = bMatching(
 *   [
 *     [9, 8],
 *     [7, -Infinity],
 *     [6, 5],
 *   ],
 *   { rowCapacity: 2, colCapacity: 2, maximize: true },
 * );
 * // r.rowIndices = Int32Array [0, 0, 1, 2], r.colIndices = Int32Array [0, 1, 0, 1], r.total = 29
 * ```
 *
 * @see R.K. Ahuja, T.L. Magnanti, J.B. Orlin (1993), Network Flows, ch. 9 (successive
 *   shortest paths) and §12 (b-matching as a flow); A. Schrijver (2003), Combinatorial
 *   Optimization, ch. 21 (bipartite b-matching).
 */
export function bMatching(cost: CostInput, options: BMatchingOptions): BMatchingResult {
  requireOptions(options, 'bMatching', 'options (with rowCapacity and colCapacity)', false);
  const maximize = options.maximize === true;
  const maxCardinality = options.maxCardinality !== false;
  const input = toDense(cost);
  checkValues(input, maximize);
  const { rows, cols, data } = input;
  const rowCap = normalizeCapacity(options.rowCapacity, rows, 'rowCapacity', 'row');
  const colCap = normalizeCapacity(options.colCapacity, cols, 'colCapacity', 'column');
  const quota = options.quota === undefined ? undefined : normalizeQuota(options.quota, rows);
  // The kernel maximises values, -Infinity = forbidden.
  let value = data;
  if (!maximize) {
    value = new Float64Array(data.length);
    for (let k = 0; k < data.length; k++) value[k] = -data[k];
  }
  const flat = solveBMatching(rows, cols, value, rowCap, colCap, !maxCardinality, quota);
  const n = flat.length >> 1;
  const rowIndices = new Int32Array(n);
  const colIndices = new Int32Array(n);
  for (let t = 0; t < n; t++) {
    rowIndices[t] = flat[2 * t];
    colIndices[t] = flat[2 * t + 1];
  }
  const total = neumaierSum(n, (t) => data[rowIndices[t] * cols + colIndices[t]]);
  return { rowIndices, colIndices, total };
}

/** The quota as the kernel's Int32Arrays, validated. */
function normalizeQuota(quota: BMatchingQuota, rows: number): RowQuota {
  if (quota === null || typeof quota !== 'object') {
    throw new InvalidInputError(`quota must be { groupOf, capacity }; found ${quota === null ? 'null' : typeof quota}`);
  }
  const g = quota.capacity;
  if (g === null || typeof g !== 'object' || typeof g.length !== 'number') {
    throw new InvalidInputError(`quota.capacity must be one number per group; found ${g === null ? 'null' : typeof g}`);
  }
  const cap = normalizeCapacity(g, g.length, 'quota.capacity', 'group');
  const groups = cap.length;
  const of = quota.groupOf;
  if (of === null || typeof of !== 'object' || typeof of.length !== 'number' || of.length !== rows) {
    const found = of === null || typeof of !== 'object' ? String(of) : `length ${String(of.length)}`;
    throw new InvalidInputError(`quota.groupOf must have one entry per row (${rows}); found ${found}`, { expected: rows });
  }
  const out = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    const x = of[i];
    if (typeof x !== 'number' || !Number.isInteger(x) || x < -1 || x >= groups) {
      throw new InvalidInputError(`quota.groupOf[${i}] must be -1 or a group in [0, ${groups}); found ${String(x)}`, { row: i, value: x });
    }
    out[i] = x;
  }
  return { of: out, cap };
}
