import { requireOptions } from '../_internal/args.js';
import { InvalidInputError } from '../errors.js';
import { checkValues, toDense } from './_internal/dense.js';
import type { CostInput } from './types.js';
import { normalizeCapacity } from './_internal/capacity.js';
import { solveCapacitated } from './_internal/capacitated-ssp.js';
import { neumaierSum } from './_internal/sum.js';

/** Options of {@link capacitatedAssignment}. */
export interface CapacitatedAssignmentOptions {
  /**
   * How many rows (mentees) each column (mentor) may take: one number for every column,
   * or one non-negative integer per column.
   */
  readonly capacity: number | ArrayLike<number>;
  /**
   * Maximise the total instead of minimising it. Forbidden pairs are then `-Infinity`.
   * @defaultValue false
   */
  readonly maximize?: boolean;
}

/** Result of {@link capacitatedAssignment}. */
export interface CapacitatedAssignmentResult {
  /** Column assigned to each row, or -1 when the row is left unassigned. */
  readonly assignment: Int32Array;
  /** Sum of the costs of the assigned pairs. */
  readonly total: number;
  /** Number of assigned rows: the largest number possible. */
  readonly assignedCount: number;
}

/**
 * Capacitated assignment (mentors with several mentees): each row gets at most one
 * column, column `j` takes at most `capacity[j]` rows. As many rows as possible are
 * assigned — never using a forbidden pair — and among those assignments the total cost
 * is minimal (or maximal with `{ maximize: true }`).
 *
 * Exact. Successive shortest augmenting paths over the mentor columns (a transportation
 * problem): an augmenting row reduction on mentor prices settles most rows, then a
 * Dijkstra search per remaining row. With at most 512 usable mentors the search runs on
 * the mentor graph (the cheapest move of a member from one mentor to another, kept per
 * mentor pair: O(cols²) memory, fast with tied costs and with more mentees than places);
 * with more, each scanned row is relaxed over its cheapest mentors and the rest of the
 * row is deferred until its lower bound could matter. A symbolic
 * "leave unassigned" cost maximises cardinality first without any big-M rounding. The
 * rows × Σcapacity slot matrix is never built: extra memory is O(rows + cols) (plus the
 * 12·cols² bytes of the mentor graph when cols ≤ 512), and a
 * `{ rows, cols, data }` input is read in place. Complexity O(rows² · cols) worst case.
 *
 * @param cost - rows = mentees, cols = mentors: `number[][]`, an ml-matrix `Matrix`, or
 *   `{ rows, cols, data: Float64Array }`. `+Infinity` (`-Infinity` when maximising)
 *   forbids a pair. Never mutated.
 * @param options - `{ capacity, maximize }`.
 * @returns `{ assignment, total, assignedCount }`; rows that cannot be placed get -1.
 * @throws InvalidInputError (`INVALID_INPUT`) on `NaN`, the wrong infinity, a ragged
 *   matrix, or a capacity that is not a non-negative integer (or has the wrong length).
 *
 * @example
 * ```ts
 * // three mentees, two mentors; mentor 0 takes two mentees, mentor 1 one.
 * const r = capacitatedAssignment(
 *   [
 *     [1, 5],
 *     [2, 4],
 *     [3, 1],
 *   ],
 *   { capacity: [2, 1] },
 * );
 * // r.assignment = Int32Array [0, 0, 1], r.total = 4, r.assignedCount = 3
 * ```
 *
 * @see R.K. Ahuja, T.L. Magnanti, J.B. Orlin (1993), Network Flows, ch. 9 (successive
 *   shortest paths); R. Jonker, A. Volgenant (1987), Computing 38:325–340.
 */
export function capacitatedAssignment(
  cost: CostInput,
  options: CapacitatedAssignmentOptions,
): CapacitatedAssignmentResult {
  requireOptions(options, 'capacitatedAssignment', 'options (with a capacity)', false);
  const maximize = options.maximize === true;
  const input = toDense(cost);
  checkValues(input, maximize);
  const { rows, cols, data } = input;
  const cap = normalizeCapacity(options.capacity, cols, 'capacity', 'column');
  if (rows === 0 || cols === 0) {
    return { assignment: new Int32Array(rows).fill(-1), total: 0, assignedCount: 0 };
  }
  const assignment = solveCapacitated(rows, cols, data, maximize ? -1 : 1, cap);
  let assignedCount = 0;
  for (let i = 0; i < rows; i++) if (assignment[i] >= 0) assignedCount++;
  const total = neumaierSum(rows, (i) => (assignment[i] >= 0 ? data[i * cols + assignment[i]] : 0));
  return { assignment, total, assignedCount };
}
