import { RowReduction } from './capacitated-arr.js';
import { GRAPH_MAX_MENTORS, MentorGraph } from './capacitated-graph.js';
import { PathSearch, type PathEnd } from './capacitated-search.js';
import { MentorState } from './mentor-state.js';

/**
 * Exact capacitated assignment (a transportation problem with unit supplies) by
 * successive shortest augmenting paths on the mentor nodes: mentor j stands for
 * `cap[j]` identical places, which are never materialised. Memory is
 * O(rows + Σ min(cap, rows)) besides the cost buffer, which is only read (plus
 * 12·mentors² bytes when the mentor-graph search is used).
 *
 * Cardinality comes first: a row may be "parked" (left unassigned) at a symbolic cost
 * M larger than any sum of real costs. Distances and duals are pairs (level, value)
 * compared lexicographically: the level counts multiples of M and is a small exact
 * integer, the value carries the real costs — no big-M rounding. A row is parked only
 * when no augmenting path reaches a free place, and then the row of the search tree
 * that is cheapest to leave out is chosen, which yields, among maximum-cardinality
 * assignments, one of minimum total cost.
 *
 * Invariants (LP duals of the transportation problem plus a park column of unlimited
 * capacity and cost M): mentor duals `v ≤ 0`, `v = 0` while a mentor has room; every
 * assigned row sits at its minimum reduced cost `c[i][j] - v[j]`, which is at most M.
 *
 * Phases: augmenting row reduction (capacitated-arr.ts) settles most rows cheaply;
 * each row it leaves free gets a shortest-path search: over the mentor graph
 * (capacitated-graph.ts) when at most {@link GRAPH_MAX_MENTORS} mentors are usable, else
 * over rows with candidate lists (capacitated-search.ts).
 *
 * @param phases - for tests: skip the row reduction, or force one search.
 * @returns the mentor of each row, -1 for rows left unassigned.
 *
 * @example
 * ```ts
 * // 3 rows, 2 mentors (row-major costs), mentor 0 takes two rows, mentor 1 one.
 * const c = new Float64Array([1, 5, 2, 4, 3, 1]);
 * solveCapacitated(3, 2, c, 1, Int32Array.from([2, 1])); // Int32Array [0, 0, 1]
 * solveCapacitated(3, 2, c, 1, Int32Array.from([2, 1]), { search: 'rows', rowReduction: false }); // same
 * ```
 */
export function solveCapacitated(
  n: number,
  m: number,
  c: Float64Array,
  sign: 1 | -1,
  cap: Int32Array,
  phases: CapacitatedPhases = {},
): Int32Array {
  const s = new MentorState(n, m, c, sign, cap);
  const free = new Int32Array(n);
  for (let i = 0; i < n; i++) free[i] = i;
  let numfree = n;

  let usable = 0;
  for (let j = 0; j < m; j++) if (cap[j] > 0) usable++;
  const useGraph = phases.search === 'graph' || (phases.search !== 'rows' && usable <= GRAPH_MAX_MENTORS);
  if (phases.rowReduction !== false) {
    const arr = new RowReduction(s, useGraph);
    for (let pass = 0; pass < ARR_PASSES && numfree > 0; pass++) {
      numfree = arr.pass(free, numfree, ARR_BUDGET * n * m + 64 * m);
    }
  }
  if (numfree === 0) return s.assign;

  if (useGraph) {
    const graph = new MentorGraph(s);
    const end: PathEnd = { mentor: -1, parkRow: -1 };
    for (let f = 0; f < numfree; f++) graph.place(free[f], end);
    return s.assign;
  }

  const search = new PathSearch(s);
  for (let f = 0; f < numfree; f++) {
    const row = free[f];
    const end = search.run(row);
    let j = end.mentor;
    if (j < 0) {
      const k = end.parkRow;
      if (k === row) continue; // the new row itself is the cheapest to leave out
      j = s.assign[k];
      s.remove(k);
    }
    // Walk the predecessor chain back to the new row, moving each row one mentor on.
    for (;;) {
      const i = search.pred[j];
      const prev = s.assign[i];
      if (prev >= 0) s.remove(i);
      s.add(i, j);
      if (i === row) break;
      j = prev;
    }
  }
  return s.assign;
}

/**
 * Test switches of {@link solveCapacitated}; the defaults are what the library uses.
 *
 * @example
 * ```ts
 * const phases: CapacitatedPhases = { search: 'graph', rowReduction: false };
 * ```
 */
export interface CapacitatedPhases {
  /** Run the augmenting row reduction first (default true). */
  readonly rowReduction?: boolean;
  /** Search of the remaining rows: by size (default), the mentor graph, or row lists. */
  readonly search?: 'auto' | 'graph' | 'rows';
}

/** Augmenting row reduction passes and their work budget (multiples of rows × cols). */
const ARR_PASSES = 2;
const ARR_BUDGET = 1;
