/**
 * Peer pairs: one pool paired exactly (blossom, most pairs first), with an optional trio
 * for the person an odd pool leaves out. Weights are a symmetric n×n matrix, `-Infinity`
 * off the diagonal = the two may not be paired; the diagonal is ignored.
 *
 * @module
 */
import { requireOptions } from '../_internal/args.js';
import { InvalidInputError } from '../errors.js';
import { maxWeightMatchingDense } from './blossom.js';
import { toDense } from './_internal/dense.js';
import type { CostInput } from './types.js';

/**
 * Options of {@link peerPairs}.
 *
 * @example
 * ```ts
 * peerPairs(weights, { odd: 'trio' });
 * ```
 */
export interface PeerPairsOptions {
  /**
   * What happens to the person an odd pool leaves out: `'leave-one'` reports them
   * unmatched; `'trio'` adds them to the pair where they fit best (see {@link peerPairs}).
   * @defaultValue 'leave-one'
   */
  readonly odd?: 'leave-one' | 'trio';
}

/**
 * Result of {@link peerPairs}.
 *
 * @example
 * ```ts
 * const r: PeerPairsResult = { pairs: [[0, 1]], trio: null, unmatched: [2], total: 5 };
 * ```
 */
export interface PeerPairsResult {
  /** Pairs `[u, v]` with `u < v`, sorted by `u`; the pair that became the trio is not listed. */
  readonly pairs: readonly (readonly [number, number])[];
  /** The trio, members ascending, or null. */
  readonly trio: readonly [number, number, number] | null;
  /** People in no pair and no trio, ascending. */
  readonly unmatched: readonly number[];
  /** Σ weight of the matched edges, plus the trio's two extra edges. */
  readonly total: number;
}

/**
 * Peer pairs: an exact maximum-cardinality, maximum-weight matching of the pool (blossom,
 * `maxCardinality: true`), so as many pairs as possible are formed and, among those, the
 * total weight is largest. In an odd pool with every pair allowed exactly one person is
 * left out: the one whose absence costs least.
 *
 * With `odd: 'trio'`, one person left out (if any) joins the pair `(a, b)` for which
 * `w(u, a) + w(u, b)` is largest, provided both edges are allowed (ties: the lowest left-out
 * person, then the pair with the lowest first member). This step is a heuristic on top of
 * the exact pairs: the best "pairs plus one trio" partition may pair people differently.
 * At most one trio is formed; when forbidden pairs leave several people out, the others
 * stay unmatched.
 *
 * Time O(n³) worst case (blossom), plus O(n) for the trio.
 *
 * @param weights - symmetric n×n matrix: `number[][]`, an ml-matrix `Matrix`, or
 *   `{ rows, cols, data: Float64Array }`; `-Infinity` = forbidden pair; the diagonal is
 *   ignored. Never mutated.
 * @param options - `{ odd = 'leave-one' }`.
 * @returns pairs, the trio (or null), the unmatched people and the total weight. Exact
 *   (no search budget) for the pairs; the trio step is the one heuristic.
 * @throws InvalidInputError (`INVALID_INPUT`) on a non-square or ragged matrix, an
 *   off-diagonal NaN, `+Infinity` or |w| > 1e300, an asymmetric pair (from the blossom
 *   solver), or an unknown `odd`.
 *
 * @example
 * ```ts
 * const w = { rows: 3, cols: 3, data: new Float64Array([0, 5, 1, 5, 0, 2, 1, 2, 0]) };
 * peerPairs(w, { odd: 'leave-one' });
 * // { pairs: [[0, 1]], trio: null, unmatched: [2], total: 5 }
 * peerPairs(w, { odd: 'trio' });
 * // { pairs: [], trio: [0, 1, 2], unmatched: [], total: 8 }
 * ```
 *
 * @see J. Edmonds (1965), "Paths, trees, and flowers", Canad. J. Math. 17:449–467.
 * @see Z. Galil (1986), "Efficient algorithms for finding maximum matching in graphs",
 *   ACM Computing Surveys 18(1):23–38.
 */
export function peerPairs(weights: CostInput, options: PeerPairsOptions = {}): PeerPairsResult {
  requireOptions(options, 'peerPairs');
  const odd = options.odd ?? 'leave-one';
  if (odd !== 'leave-one' && odd !== 'trio') {
    throw new InvalidInputError(`options.odd must be 'leave-one' or 'trio'; found ${String(odd)}`, { value: odd });
  }
  // Converted once: a `{ rows, cols, data }` input is read in place, other shapes copied here.
  const dense = toDense(weights, 'weights');
  const { mate, total: matched } = maxWeightMatchingDense(dense, { maxCardinality: true });
  const { rows: n, data } = dense;
  const pairs: [number, number][] = [];
  const unmatched: number[] = [];
  for (let v = 0; v < n; v++) {
    if (mate[v] < 0) unmatched.push(v);
    else if (mate[v] > v) pairs.push([v, mate[v]]);
  }
  let trio: [number, number, number] | null = null;
  let total = matched;
  const best = odd === 'trio' ? bestTrio(unmatched, pairs, (u, x) => data[u * n + x]) : null;
  if (best) {
    const [a, b] = pairs[best.pair];
    trio = [a, b, best.person].sort((x, y) => x - y) as [number, number, number];
    pairs.splice(best.pair, 1);
    unmatched.splice(unmatched.indexOf(best.person), 1);
    total = matched + best.gain;
  }
  return { pairs, trio, unmatched, total };
}

/**
 * The trio step of {@link peerPairs}: the left-out person `u` and the pair `(a, b)` for which
 * `w(u, a) + w(u, b)` is largest, both edges allowed (ties: the earlier left-out person,
 * then the earlier pair), or null when no left-out person may join any pair. Shared by
 * the dense pairs and the candidate path (which reads a left-out person's row again).
 *
 * @param unmatched - The people left out, ascending.
 * @param pairs - The pairs, in order.
 * @param weight - `weight(u, x)`: the weight of pair (u, x), `-Infinity` when not allowed.
 * @returns The person, the index of the pair in `pairs`, and the weight gained.
 *
 * @example
 * ```ts
 * bestTrio([2], [[0, 1]], (u, x) => [1, 2][x]); // { person: 2, pair: 0, gain: 3 }
 * ```
 */
export function bestTrio(unmatched: readonly number[], pairs: readonly (readonly [number, number])[], weight: (u: number, x: number) => number): { person: number; pair: number; gain: number } | null {
  let best: { person: number; pair: number; gain: number } | null = null;
  for (const u of unmatched) {
    for (let k = 0; k < pairs.length; k++) {
      const [a, b] = pairs[k];
      const wa = weight(u, a);
      const wb = weight(u, b);
      if (wa === -Infinity || wb === -Infinity) continue;
      if (best === null || wa + wb > best.gain) best = { person: u, pair: k, gain: wa + wb };
    }
  }
  return best;
}
