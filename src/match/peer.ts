/**
 * The peer mode family: pairs (with an odd person out or a trio) and circles.
 *
 * @module
 */
import { ConfigError, InfeasibleError } from '../errors.js';
import type { Participant } from '../profile/types.js';
import type { ScoringConfig } from '../score/config.js';
import { groupConcerns } from '../score/concerns.js';
import { explainPair } from '../score/explain.js';
import { buildPeerCompatibility, type CompatibilityMatrix } from '../score/matrix.js';
import { peerCircles } from '../solve/peer-circles.js';
import { peerPairs } from '../solve/peer-pairs.js';
import type { ResolvedMatchOptions } from './config.js';
import { deepFreeze } from './freeze.js';
import { peerReason } from './reasons.js';
import { baseValue, withEssentialTier } from './tiers.js';
import type { MatchedGroup, MatchedPair, MatchResult, ObjectiveValue, SearchStatus, Unmatched } from './types.js';
import { fairnessSearch, type Fairness } from './fairness.js';
import { EXACT, circleScore, innerPairScores, stats } from './result-parts.js';
import { solverValues } from './values.js';

/** The peer matrix (excluded partners banned). */
export function peerMatrix(people: readonly Participant[], scoringIn: ScoringConfig, o: ResolvedMatchOptions): CompatibilityMatrix {
  const rules = { ...(scoringIn.rules ?? {}) };
  if (o.excludedPartners.length) rules.bannedPairs = [...(rules.bannedPairs ?? []), ...o.excludedPartners.map(([a, b]) => [a, b] as [string, string])];
  return buildPeerCompatibility(people, { ...scoringIn, rules });
}


/**
 * Peer mode: exact pairs from the maximum-cardinality blossom (odd pools leave one out or
 * form a trio), or circles of `peer.circleSize` (a heuristic), under the tiers and the
 * objective (fairness: a bottleneck search around the blossom). Called by `match`.
 *
 * @example
 * ```ts
 * const { result } = matchPeers(inIdOrder(pool), scoring, options, hash);
 * ```
 */
export function matchPeers(people: Participant[], scoringIn: ScoringConfig, o: ResolvedMatchOptions, configHash: string): { result: MatchResult; matrix: CompatibilityMatrix } {
  const idx = new Map(people.map((p, i) => [p.id, i]));
  const matrix = peerMatrix(people, scoringIn, o);
  const n = people.length;
  const lockedWith = new Int32Array(n).fill(-1);
  const ids = people.map((p) => p.id);
  for (const [a, b] of o.locked) {
    const i = idx.get(a);
    const j = idx.get(b);
    if (i === undefined || j === undefined || i === j) throw new ConfigError([`locked: [${a}, ${b}] does not name two participants`]);
    for (const [x, y] of [[i, j], [j, i]] as const) {
      if (lockedWith[x] >= 0 && lockedWith[x] !== y) throw new InfeasibleError(`locked pairs give ${ids[x]} two peers (${ids[lockedWith[x]]} and ${ids[y]}); a peer has one partner`, { id: ids[x] });
    }
    const reason = matrix.reason(i, j);
    if (reason) throw new InfeasibleError(`locked pair (${a}, ${b}) is forbidden by a hard rule: ${reason.message}`, { menteeId: a, mentorId: b, rule: reason.rule });
    lockedWith[i] = j;
    lockedWith[j] = i;
  }
  const value = withEssentialTier(solverValues(matrix, o, ids, ids, lockedWith).data, matrix, o.tiers.includes('essential-fit'), (1 + 2 * o.priorityBonus + o.preferredBonus) * (o.peer.circleSize ?? 2));
  for (let j = 0; j < n; j++) if (lockedWith[j] >= 0) for (let i = 0; i < n; i++) value.data[i * n + j] = -Infinity;
  // Objective: the pairs' values (bonuses included, the tier's lift not), every pair inside a trio or circle counted.
  const totalOf = (members: readonly (readonly number[])[]): number => {
    let t = 0;
    for (const c of members) for (let a = 0; a < c.length; a++) for (let b = a + 1; b < c.length; b++) t += baseValue(value, c[a] * n + c[b]);
    return t;
  };

  const pairs: MatchedPair[] = [];
  const groups: MatchedGroup[] = [];
  const placed = new Uint8Array(n);
  const addPair = (i: number, j: number, locked: boolean): void => {
    const [a, b] = i < j ? [i, j] : [j, i];
    placed[a] = placed[b] = 1;
    const e = explainPair(matrix, a, b);
    pairs.push({ menteeId: ids[a], mentorId: ids[b], score: 100 * matrix.score(a, b), locked, essentialFit: e.essentialFit, concerns: e.concerns, breakdown: e.criteria });
  };
  for (let i = 0; i < n; i++) if (lockedWith[i] > i) addPair(i, lockedWith[i], true);

  let objective: ObjectiveValue;
  let search: SearchStatus = EXACT;
  const circles: number[][] = []; // trios and circles, as indices
  if (o.peer.circleSize !== undefined) {
    if (o.objective === 'fairness') throw new ConfigError(["objective 'fairness' with peer.circleSize: the circle search is a heuristic, so no floor can be guaranteed; use pairs (no circleSize) or objective 'best-total'"]);
    const r = peerCircles(value, o.peer.circleSize);
    search = { exact: false, converged: r.converged, moves: r.moves };
    for (const c of r.circles) {
      circles.push([...c]);
      for (const x of c) placed[x] = 1;
      groups.push({ mentorId: undefined, memberIds: c.map((x) => ids[x]).sort(), score: circleScore(matrix, c), concerns: groupConcerns(matrix, c, -1) });
    }
    objective = { name: o.objective, value: 100 * totalOf(r.circles) };
  } else {
    // Pairs and the trio, as the fairness search counts them (the trio's three inner pairs).
    const pairsOf = (x: ReturnType<typeof peerPairs>): [number, number][] => {
      const t = x.trio;
      return [...x.pairs.map(([a, b]) => [a, b] as [number, number]), ...(t ? ([[t[0], t[1]], [t[0], t[2]], [t[1], t[2]]] as [number, number][]) : [])];
    };
    const solvePairs = (data: Float64Array) => peerPairs({ rows: n, cols: n, data }, { odd: o.peer.odd });
    let r = solvePairs(value.data);
    let fair: Fairness | undefined;
    if (o.objective === 'fairness') {
      // A bottleneck search around the (maximum-cardinality) blossom, as around the bipartite solvers.
      const f = fairnessSearch(value, matrix.scores, r, solvePairs, pairsOf);
      r = f.result;
      fair = f;
    }
    for (const [a, b] of r.pairs) addPair(a, b, false);
    if (r.trio) {
      circles.push([...r.trio]);
      for (const x of r.trio) placed[x] = 1;
      groups.push({ mentorId: undefined, memberIds: r.trio.map((x) => ids[x]).sort(), score: circleScore(matrix, [...r.trio]), concerns: groupConcerns(matrix, [...r.trio], -1) });
    }
    objective = fair
      ? { name: 'fairness', value: 100 * fair.floor, priceOfFairness: 100 * fair.price }
      : { name: o.objective, value: 100 * totalOf(r.trio ? [...r.pairs, r.trio] : r.pairs) };
  }
  pairs.sort((x, y) => (x.menteeId < y.menteeId ? -1 : 1));
  const unmatched: Unmatched[] = [];
  for (let i = 0; i < n; i++) {
    if (placed[i]) continue;
    const reason = peerReason(matrix, value.data, i, o, o.peer.circleSize);
    unmatched.push({ id: ids[i], role: 'peer', reason });
  }
  return { result: deepFreeze({ mode: 'peer', pairs, groups, unmatched, stats: stats(n, pairs, unmatched, innerPairScores(matrix, circles)), objective, tiers: o.tiers, search, configHash }), matrix };
}
