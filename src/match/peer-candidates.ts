/**
 * The candidate path of peer pairs, for pools too large for the dense blossom: every pair
 * is scored once, streamed, and only each peer's best partners are kept (a symmetric
 * graph: a pair is kept when either side keeps it); the exact sparse blossom then pairs
 * that graph and its LP duals prove the answer for the whole pool. A pair left out has a
 * value at most the best value its row left out (the row's bound); when the duals of its
 * two people cover that, it cannot improve the matching; rows the bound cannot prove are
 * scored again and their uncovered pairs added, and the solve repeats. The most pairs is
 * proved by the pool's components (every allowed pair, union–find in the streamed pass):
 * no matching has more than Σ ⌊|component| / 2⌋ pairs.
 *
 * @module
 */
import type { Participant } from '../profile/types.js';
import { resolveConfig, type ResolvedConfig, type ScoringConfig } from '../score/config.js';
import type { ScoringPool } from '../score/pool.js';
import { streamedMatrix, type CompatibilityMatrix } from '../score/matrix.js';
import { RowScorer } from '../score/row-scorer.js';
import { bestTrio } from '../solve/peer-pairs.js';
import { covered, sparseMatching, type SparseMatching } from '../solve/sparse-matching.js';
import type { ResolvedMatchOptions } from './config.js';
import { PeerGraph, PeerLookup, PeerRows, type AddedPairs } from './peer-graph.js';
import { lockedPeers, peerResult, peerRowMost, peerScoring, type PeerSolve } from './peer.js';
import { countFits, peerReason, rowTally, type RowSource } from './reasons.js';
import { EXACT } from './result-parts.js';
import { candidatePairBudget, OVER_BUDGET, perPeerFor, type CandidateCounts } from './size.js';
import { essentialLift } from './tiers.js';
import type { Certificate, PeerResult } from './types.js';
import { valueOptions, valueRule } from './values.js';
import { streamPool, type PeerStreamSpec } from './peer-stream.js';

/**
 * When the components cannot prove the most pairs, the graph takes every allowed pair
 * (one more pass) if they are at most this many times what it holds, and the blossom
 * proves the count itself; else the result says `certified: false`.
 */
const WHOLE_GRAPH_FACTOR = 8;

/** Times a row may be scored again before all its allowed pairs join the graph (so that the rounds end). */
const MAX_RESCORES = 3;
/** Partners with a low dual a row's check looks at one by one before the row is scored again instead. */
const CHECK_STEPS = 1024;
/**
 * A row scored again adds its pairs worth more than its dual plus the dual of this rank
 * (lowest first; as well as every pair the duals do not cover), so that its new bound
 * passes the next round's check partner by partner within {@link CHECK_STEPS} instead of
 * failing again.
 */
const LOW_RANK = 16;

/**
 * Peer pairs on the candidate path (see the module): the dense path's answer (as many
 * pairs, as many essential fits, the same total; pairs may differ only between equally
 * good answers), with a certificate in `search`. Called by `match` for pools too large
 * for the dense matrix, or when `candidates.use` is `'always'`; not for circles or the
 * fairness objective.
 *
 * @example
 * ```ts
 * const { result } = matchPeersByCandidates(inIdOrder(pool), scoring, options, hash, { perMentee: 16 });
 * result.search.certificate; // { strategy: 'candidates', certified: true, rounds: 1, … }
 * ```
 */
export function matchPeersByCandidates(people: Participant[], scoringIn: ScoringConfig, o: ResolvedMatchOptions, configHash: string, counts: CandidateCounts): { result: PeerResult; matrix: CompatibilityMatrix } {
  const n = people.length;
  const ids = people.map((p) => p.id);
  const config = resolveConfig(peerScoring(scoringIn, o));
  const scorer = new RowScorer('peer', people, null, config);
  const lift = o.tiers.includes('essential-fit') ? essentialLift(n, peerRowMost(o)) : 0;
  const rule = valueRule('peer', o, ids, ids);
  // The locked pairs are checked against the hard rules first (rows scored on demand), then leave the pool.
  const lookup = new PeerLookup(new PeerRows(scorer, rule, lift, new Int32Array(n).fill(-1)));
  const matrix = streamedMatrix(scorer, lookup);
  const lockedWith = lockedPeers(ids, matrix, o);
  const rows = new PeerRows(scorer, rule, lift, lockedWith);
  const first = streamPeers(people, config, { values: valueOptions(o), lift, lockedWith, perRow: perPeerFor(n, counts) }, scorer, o.pool);
  const solved = certifiedPairs(first, rows, candidatePairBudget(n, o.memoryLimit, 'peer'));
  lookup.use(solved.graph, rows);

  const m = solved.matching;
  const pairs: [number, number][] = [];
  const left: number[] = [];
  for (let v = 0; v < n; v++) {
    if (lockedWith[v] >= 0) continue;
    if (m.mate[v] > v) pairs.push([v, m.mate[v]]);
    else if (m.mate[v] < 0) left.push(v);
  }
  const base = (u: number, v: number): number => solved.graph.baseValue(u, v, rows);
  const trio = o.peer.odd === 'trio' ? bestTrio(left, pairs, (u, x) => rows.valueOf(u, x)) : null;
  let total = 0;
  for (const [a, b] of pairs) total += base(a, b);
  const groups: number[][] = [];
  if (trio) {
    const [a, b] = pairs[trio.pair];
    groups.push([a, b, trio.person].sort((x, y) => x - y));
    pairs.splice(trio.pair, 1);
    total += base(trio.person, a) + base(trio.person, b);
  }
  const search = { ...EXACT, exact: solved.certificate.certified, certificate: solved.certificate };
  const solve: PeerSolve = { pairs, groups, objective: { name: o.objective, value: 100 * total }, search };
  const reasons = rowSource(rows, matrix.ruleNames.length, o.minScore);
  return { result: peerResult(matrix, ids, lockedWith, solve, (i) => peerReason(reasons, matrix, i, o, undefined), o, configHash), matrix };
}

/** The reasons' rows: scored again on demand (only the people left out need one). */
function rowSource(rows: PeerRows, ruleCount: number, minScore: number): RowSource {
  return {
    row: (i) => rows.run(i),
    fitCount: (i) => countFits(rows.run(i)),
    // In a symmetric pool a person's column is their row.
    column: (j) => rowTally(rows.run(j), j, 'peer', ruleCount, minScore),
  };
}

/** What the streamed pass keeps: the graph of kept pairs, the most pairs the pool's components allow, and how many pairs are allowed in all. */
interface StreamedPeers {
  readonly graph: PeerGraph;
  readonly mostPairs: number;
  readonly allowedPairs: number;
}

/** The streamed pass ({@link streamPool}, on the pool's threads when there is one) as the graph the solve starts from. */
function streamPeers(people: readonly Participant[], config: ResolvedConfig, spec: PeerStreamSpec, scorer: RowScorer, pool: ScoringPool | undefined): StreamedPeers {
  const { set, components, allowedPairs } = streamPool(people, config, spec, scorer, pool);
  return { graph: PeerGraph.fromRows(set), mostPairs: components.mostPairs(), allowedPairs };
}

/**
 * Solves on the graph and certifies the answer for every pair of the pool: rows whose
 * bound the duals do not cover are scored again (lowest dual first, so that a person left
 * out with a low dual is checked once, exactly, for everyone) and their uncovered pairs
 * join the graph; then the solve repeats. When the graph would outgrow `budget` pairs,
 * the last solve stands, not certified.
 */
function certifiedPairs(first: StreamedPeers, rows: PeerRows, budget: number): { graph: PeerGraph; matching: SparseMatching; certificate: Certificate } {
  let graph = first.graph;
  const rescored = new Uint8Array(graph.n);
  const checkedIn = new Int32Array(graph.n).fill(-1); // the round whose duals checked the row exactly
  let rescoredRows = 0;
  let whole = false; // the graph holds every allowed pair
  for (let round = 1; ; round++) {
    const matching = sparseMatching(graph.csr, { maxCardinality: true });
    const added = new Map<number, AddedPairs>();
    let pairs = graph.pairs;
    // Scores row u again and keeps its pairs to add; false once the graph would outgrow the budget.
    const rescore = (u: number, above: number): boolean => {
      if (!rescored[u]) rescoredRows++;
      rescored[u]++;
      checkedIn[u] = round;
      const a = uncovered(graph, matching, rows.run(u), u, rescored[u] >= MAX_RESCORES ? -Infinity : above);
      added.set(u, a);
      pairs += a.cols.length;
      return pairs <= budget;
    };
    const certificate = (certified: boolean, why?: string): Certificate => ({ strategy: 'candidates', certified, rounds: round, candidatePairs: graph.pairs, rescoredRows, ...(why ? { why } : {}) });
    if (!whole && !coverRows(graph, matching, checkedIn, round, rescore)) return { graph, matching, certificate: certificate(false, OVER_BUDGET) };
    if (pairs > graph.pairs) {
      graph = graph.withPairs(added);
      continue;
    }
    let pairsMatched = 0;
    for (let u = 0; u < graph.n; u++) if (matching.mate[u] > u) pairsMatched++;
    // The components prove the most pairs; else, when the pool allows few pairs, the graph takes them all and the blossom proves it.
    if (whole || pairsMatched === first.mostPairs) return { graph, matching, certificate: certificate(true) };
    if (first.allowedPairs > Math.min(budget, WHOLE_GRAPH_FACTOR * Math.max(graph.pairs, graph.n))) return { graph, matching, certificate: certificate(false, MOST_PAIRS_UNPROVED) };
    for (let u = 0; u < graph.n; u++) if (graph.bound[u] !== -Infinity) rescore(u, -Infinity);
    graph = graph.withPairs(added);
    whole = true;
  }
}

/** The certificate's `why` when the pool's components cannot prove the most pairs and the pool allows too many pairs to take them all. */
const MOST_PAIRS_UNPROVED = 'the most pairs could not be proved: the hard rules split the pool so that its components do not bound the pairs, and the pool allows too many pairs to solve on all of them';

/**
 * Scores again (`rescore`) every row whose left-out pairs the duals may not cover: the
 * lowest duals always (a blossom's or a person left out may be far below the rest, and
 * checked exactly they need no bound), then every row the bounds cannot prove, whole
 * (`BoundCover`) or partner by partner. False when `rescore` stops it (over the budget).
 */
function coverRows(graph: PeerGraph, m: SparseMatching, checkedIn: Int32Array, round: number, rescore: (u: number, above: number) => boolean): boolean {
  const order = byDual(m.duals, graph.bound);
  // A row scored again keeps out only what the duals cover with room: pairs above its dual plus this low one join too.
  const low = order.length > 0 ? m.duals[order[Math.min(LOW_RANK, order.length - 1)]] : 0;
  const lowest = Math.min(LOW_RANK, order.length);
  for (let t = 0; t < lowest; t++) if (!rescore(order[t], m.duals[order[t]] + low)) return false;
  const floor = lowest < order.length ? m.duals[order[lowest]] : 0;
  const cover = new BoundCover(m.duals, graph.bound, (v) => checkedIn[v] === round);
  for (let t = lowest; t < order.length; t++) {
    const u = order[t];
    if (!cover.row(u) && !rowCovered(graph, m, u, floor, order, checkedIn, round) && !rescore(u, m.duals[u] + low)) return false;
  }
  return true;
}

/**
 * Row `u`'s pairs outside the graph that the duals do not cover or that are worth more
 * than `above` (−Infinity: every allowed pair), and the best value the row then still
 * leaves out.
 */
function uncovered(graph: PeerGraph, m: SparseMatching, r: PeerRows, u: number, above: number): AddedPairs {
  const out = { cols: [] as number[], values: [] as number[], scores: [] as number[], checks: [] as number[], bound: -Infinity };
  const v = r.value;
  for (let j = 0; j < v.length; j++) {
    if (v[j] === -Infinity || graph.has(u, j)) continue;
    if (v[j] > above || !covered(m.duals[u], m.duals[j], v[j])) {
      out.cols.push(j);
      out.values.push(v[j]);
      out.scores.push(r.scores[j]);
      out.checks.push(r.checks[j]);
    } else if (v[j] > out.bound) out.bound = v[j];
  }
  return out;
}

/** The people whose rows have a left-out pair (bound above −Infinity), by dual ascending. */
function byDual(duals: Float64Array, bound: Float64Array): Int32Array {
  const out: number[] = [];
  for (let v = 0; v < bound.length; v++) if (bound[v] !== -Infinity) out.push(v);
  out.sort((a, b) => duals[a] - duals[b] || a - b);
  return Int32Array.from(out);
}

/**
 * True when the duals cover every pair of row `u` the graph left out: by the row's bound
 * against the lowest dual, else partner by partner over the low duals (a pair is at most
 * the smaller of its two rows' bounds; a partner whose row was checked exactly this round
 * has already added any pair it did not cover).
 */
function rowCovered(graph: PeerGraph, m: SparseMatching, u: number, floor: number, order: Int32Array, checkedIn: Int32Array, round: number): boolean {
  const bu = graph.bound[u];
  const yu = m.duals[u];
  if (covered(yu, floor, bu)) return true;
  for (let t = 0; t < order.length; t++) {
    const v = order[t];
    if (covered(yu, m.duals[v], bu)) return true; // every later partner has a higher dual
    if (t >= CHECK_STEPS) return false; // too many low duals to go through: score the row again
    if (v === u || checkedIn[v] === round || graph.has(u, v)) continue;
    if (!covered(yu, m.duals[v], Math.min(bu, graph.bound[v]))) return false; // a pair the bounds cannot settle
  }
  return true;
}

/**
 * The bounds' check of whole rows at once: a pair (u, v) left out is worth at most
 * min(bound u, bound v), so row u is covered when every v with bound ≥ bound u has
 * y v ≥ bound u − y u (the least such dual, a suffix minimum by bound) and every v with
 * a lower bound has bound v − y v ≤ y u (a prefix maximum). O(log n) a row; it counts u
 * and the pairs the graph holds too, so a row it fails goes to the partner-by-partner check.
 * People whose rows were checked exactly (`exact`) are left out: their pairs are settled.
 */
class BoundCover {
  /** People with a finite bound, by bound ascending. */
  private readonly byBound: Int32Array;
  private readonly sufMinY: Float64Array;
  /** Per prefix of `byBound`: the person with the largest bound − dual. */
  private readonly preMaxG: Int32Array;

  constructor(
    private readonly y: Float64Array,
    private readonly bound: Float64Array,
    exact: (v: number) => boolean,
  ) {
    const ids: number[] = [];
    for (let v = 0; v < bound.length; v++) if (bound[v] !== -Infinity && !exact(v)) ids.push(v);
    ids.sort((a, b) => bound[a] - bound[b] || a - b);
    const k = ids.length;
    this.byBound = Int32Array.from(ids);
    this.sufMinY = new Float64Array(k + 1).fill(Infinity);
    for (let t = k - 1; t >= 0; t--) this.sufMinY[t] = Math.min(this.sufMinY[t + 1], y[ids[t]]);
    this.preMaxG = new Int32Array(k);
    for (let t = 0; t < k; t++) {
      const v = ids[t];
      const best = t > 0 ? this.preMaxG[t - 1] : v;
      this.preMaxG[t] = bound[v] - y[v] > bound[best] - y[best] ? v : best;
    }
  }

  /** True when the bounds prove every pair of row u the graph left out covered. */
  row(u: number): boolean {
    const bu = this.bound[u];
    const yu = this.y[u];
    if (bu === -Infinity) return true;
    // First position whose bound is ≥ bu.
    let lo = 0;
    let hi = this.byBound.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.bound[this.byBound[mid]] < bu) lo = mid + 1;
      else hi = mid;
    }
    if (this.sufMinY[lo] !== Infinity && !covered(yu, this.sufMinY[lo], bu)) return false;
    if (lo === 0) return true;
    const v = this.preMaxG[lo - 1];
    return covered(yu, this.y[v], this.bound[v]);
  }
}
