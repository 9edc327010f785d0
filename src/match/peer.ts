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
import { denseRows, peerReason } from './reasons.js';
import { baseValue, withEssentialTier, type SolverValues } from './tiers.js';
import type { PeerGroup, PeerPair, PeerResult, ObjectiveValue, SearchStatus, Unmatched, UnmatchedReason } from './types.js';
import { fairnessSearch } from './fairness.js';
import { EXACT, circleScore, innerPairScores, stats } from './result-parts.js';
import { solverValues } from './values.js';

/**
 * The peer scoring: the config's rules with every excluded partner banned.
 *
 * @example
 * ```ts
 * peerScoring({}, splitConfig({ mode: 'peer', excludedPartners: [['P1', 'P2']] }).options).rules; // { bannedPairs: [['P1', 'P2']] }
 * ```
 */
export function peerScoring(scoringIn: ScoringConfig, o: ResolvedMatchOptions): ScoringConfig {
  const rules = { ...(scoringIn.rules ?? {}) };
  if (o.excludedPartners.length) rules.bannedPairs = [...(rules.bannedPairs ?? []), ...o.excludedPartners.map(([a, b]) => [a, b] as [string, string])];
  return { ...scoringIn, rules };
}

/**
 * The peer matrix (excluded partners banned).
 *
 * @example
 * ```ts
 * peerMatrix(inIdOrder(pool), {}, splitConfig({ mode: 'peer' }).options).rows === pool.length; // true
 * ```
 */
export function peerMatrix(people: readonly Participant[], scoringIn: ScoringConfig, o: ResolvedMatchOptions): CompatibilityMatrix {
  return buildPeerCompatibility(people, peerScoring(scoringIn, o), { pool: o.pool });
}

/**
 * What a peer solve chose: pairs and groups (trio, circles) as indices, the objective and how it was searched.
 *
 * @example
 * ```ts
 * const solve: PeerSolve = { pairs: [[0, 3], [1, 2]], groups: [], objective: { name: 'best-total', value: 151.2 }, search: EXACT };
 * ```
 */
export interface PeerSolve {
  readonly pairs: readonly (readonly [number, number])[];
  readonly groups: readonly (readonly number[])[];
  readonly objective: ObjectiveValue;
  readonly search: SearchStatus;
}

/**
 * The lift of the essential-fit tier in peer mode: a pair's most value (score 1 and both bonuses), per partner a group gives.
 *
 * @example
 * ```ts
 * peerRowMost(splitConfig({ mode: 'peer' }).options); // (1 + 2 · priorityBonus + preferredBonus) · 2
 * ```
 */
export function peerRowMost(o: ResolvedMatchOptions): number {
  return (1 + 2 * o.priorityBonus + o.preferredBonus) * (o.peer.circleSize ?? 2);
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
export function matchPeers(people: Participant[], scoringIn: ScoringConfig, o: ResolvedMatchOptions, configHash: string): { result: PeerResult; matrix: CompatibilityMatrix } {
  const matrix = peerMatrix(people, scoringIn, o);
  const n = people.length;
  const ids = people.map((p) => p.id);
  const lockedWith = lockedPeers(ids, matrix, o);
  const value = withEssentialTier(solverValues(matrix, o, ids, ids, lockedWith).data, matrix, o.tiers.includes('essential-fit'), peerRowMost(o));
  for (let j = 0; j < n; j++) if (lockedWith[j] >= 0) for (let i = 0; i < n; i++) value.data[i * n + j] = -Infinity;
  const solved = o.peer.circleSize !== undefined ? solveCircles(value, o, o.peer.circleSize) : solvePairs(value, matrix, o);
  const rows = denseRows(matrix, value.data, o.minScore);
  return { result: peerResult(matrix, ids, lockedWith, solved, (i) => peerReason(rows, matrix, i, o, o.peer.circleSize), o, configHash), matrix };
}

/**
 * The peer result of a solve (dense or candidate path): the locked pairs and the chosen
 * ones explained, the groups, the unmatched with `reasonOf`'s reasons, the stats.
 *
 * @example
 * ```ts
 * peerResult(matrix, ids, lockedWith, solved, (i) => peerReason(rows, matrix, i, o, undefined), o, hash);
 * ```
 */
export function peerResult(matrix: CompatibilityMatrix, ids: readonly string[], lockedWith: Int32Array, solved: PeerSolve, reasonOf: (i: number) => UnmatchedReason, o: ResolvedMatchOptions, configHash: string): PeerResult {
  const n = ids.length;
  const placed = new Uint8Array(n);
  const pairs: PeerPair[] = [];
  const addPair = (i: number, j: number, locked: boolean): void => {
    const [a, b] = i < j ? [i, j] : [j, i];
    placed[a] = placed[b] = 1;
    const e = explainPair(matrix, a, b);
    pairs.push({ peerIds: [ids[a], ids[b]], score: 100 * matrix.score(a, b), locked, essentialFit: e.essentialFit, concerns: e.concerns, breakdown: e.criteria });
  };
  for (let i = 0; i < n; i++) if (lockedWith[i] > i) addPair(i, lockedWith[i], true);
  for (const [a, b] of solved.pairs) addPair(a, b, false);
  pairs.sort((x, y) => (x.peerIds[0] < y.peerIds[0] ? -1 : 1));
  const groups: PeerGroup[] = solved.groups.map((c) => {
    for (const x of c) placed[x] = 1;
    return { memberIds: c.map((x) => ids[x]).sort(), score: circleScore(matrix, c), concerns: groupConcerns(matrix, [...c], -1) };
  });
  const unmatched: Unmatched[] = [];
  for (let i = 0; i < n; i++) if (!placed[i]) unmatched.push({ id: ids[i], role: 'peer', reason: reasonOf(i) });
  const st = stats(n, pairs, unmatched, innerPairScores(matrix, solved.groups));
  return deepFreeze({ mode: 'peer', pairs, groups, unmatched, stats: st, objective: solved.objective, tiers: o.tiers, search: solved.search, configHash });
}

/**
 * Each peer's locked partner (-1 for none), checked: two participants, one partner each,
 * allowed by the hard rules.
 *
 * @throws {@link ConfigError} for a locked pair not naming two participants;
 *   {@link InfeasibleError} for a peer locked twice or a pair a hard rule forbids.
 *
 * @example
 * ```ts
 * lockedPeers(['A', 'B', 'C'], matrix, splitConfig({ mode: 'peer', locked: [['A', 'C']] }).options); // Int32Array [2, -1, 0]
 * ```
 */
export function lockedPeers(ids: readonly string[], matrix: CompatibilityMatrix, o: ResolvedMatchOptions): Int32Array {
  const idx = new Map(ids.map((id, i) => [id, i]));
  const lockedWith = new Int32Array(ids.length).fill(-1);
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
  return lockedWith;
}

/** The objective's value of a set of groups: their pairs' values (bonuses included, the tier's lift not), every pair inside a trio or circle counted. */
function totalOf(value: SolverValues, members: readonly (readonly number[])[]): number {
  const n = value.cols;
  let t = 0;
  for (const c of members) for (let a = 0; a < c.length; a++) for (let b = a + 1; b < c.length; b++) t += baseValue(value, c[a] * n + c[b]);
  return t;
}

/** Circles of about `k` (a heuristic: no fairness floor can be guaranteed). */
function solveCircles(value: SolverValues, o: ResolvedMatchOptions, k: number): PeerSolve {
  if (o.objective === 'fairness') throw new ConfigError(["objective 'fairness' with peer.circleSize: the circle search is a heuristic, so no floor can be guaranteed; use pairs (no circleSize) or objective 'best-total'"]);
  const r = peerCircles(value, k);
  return { pairs: [], groups: r.circles, objective: { name: o.objective, value: 100 * totalOf(value, r.circles) }, search: { exact: false, converged: r.converged, moves: r.moves } };
}

/** Exact pairs (and the trio), under the objective: fairness is a bottleneck search around the (maximum-cardinality) blossom. */
function solvePairs(value: SolverValues, matrix: CompatibilityMatrix, o: ResolvedMatchOptions): PeerSolve {
  const n = value.cols;
  // Pairs and the trio, as the fairness search counts them (the trio's three inner pairs).
  const pairsOf = (x: ReturnType<typeof peerPairs>): [number, number][] => {
    const t = x.trio;
    return [...x.pairs.map(([a, b]) => [a, b] as [number, number]), ...(t ? ([[t[0], t[1]], [t[0], t[2]], [t[1], t[2]]] as [number, number][]) : [])];
  };
  const solve = (data: Float64Array) => peerPairs({ rows: n, cols: n, data }, { odd: o.peer.odd });
  let r = solve(value.data);
  let objective: ObjectiveValue;
  if (o.objective === 'fairness') {
    const f = fairnessSearch(value, matrix.scores, r, solve, pairsOf);
    r = f.result;
    objective = { name: 'fairness', value: 100 * f.floor, priceOfFairness: 100 * f.price, referenceTotal: 100 * f.reference };
  } else {
    objective = { name: o.objective, value: 100 * totalOf(value, r.trio ? [...r.pairs, r.trio] : r.pairs) };
  }
  return { pairs: r.pairs, groups: r.trio ? [r.trio] : [], objective, search: EXACT };
}
