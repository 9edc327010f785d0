/**
 * The candidate path of the pair modes (one-to-one, capacity, reverse) for cohorts whose
 * dense matrix does not fit: every pair is scored once, streamed, and only each mentee's
 * best mentors and each mentor's best mentees are kept; the exact sparse solve is then
 * proved optimal for the whole cohort by its LP duals, rows the kept bound cannot prove
 * are scored again and their violating pairs added, until every pair is certified.
 *
 * @module
 */
import type { Participant } from '../profile/types.js';
import { resolveConfig, type ScoringConfig } from '../score/config.js';
import { streamedMatrix, type CompatibilityMatrix, type PairLookup } from '../score/matrix.js';
import { RowScorer } from '../score/row-scorer.js';
import { highestPrices } from '../solve/highest-prices.js';
import { pairCertified, rowCertifiedByBound, sparseAssignment, withinSlack, type AssignmentDuals } from '../solve/sparse-assignment.js';
import { bipartiteResult, bipartiteScoring, checkLocked, furtherMentors, lockedIndices, stageTwoRoom } from './bipartite.js';
import { indexInRow, SetBuilder, type CandidateSet } from './candidate-pass.js';
import { columnTally, streamCandidates, ValueRows, type CandidateSpec } from './candidate-stream.js';
import type { ResolvedMatchOptions } from './config.js';
import { menteePlacesIn, placesIn } from './places.js';
import { candidatePairBudget, OVER_BUDGET, perMentorFor, type CandidateCounts } from './size.js';
import type { RowSource, RowView } from './reasons.js';
import { EXACT } from './result-parts.js';
import { essentialLift } from './tiers.js';
import type { Certificate, MatchResult } from './types.js';
import { valueOptions, valueRule } from './values.js';

/**
 * Why the candidate path cannot run a configuration (undefined when it can): it solves
 * mentors' places under the hard rules (several mentors per mentee first mentors first,
 * as the dense path), and peer pairs (`matchPeersByCandidates`), with the `best-total` or
 * `most-matched` objective and the tiers. The group search, peer circles, the fairness
 * floor, quotas and mentor minimums above 1 need the dense matrix.
 *
 * @example
 * ```ts
 * candidatePathBlocker(options, people); // 'the fairness objective'
 * ```
 */
export function candidatePathBlocker(o: ResolvedMatchOptions, people: readonly Participant[]): string | undefined {
  if (o.mode === 'group') return 'group mode';
  if (o.mode === 'peer' && o.peer.circleSize !== undefined) return 'peer circles (peer.circleSize)';
  if (o.objective === 'fairness') return 'the fairness objective';
  if (o.quotas.length > 0) return 'quotas';
  // A minimum of 0 or 1 asks for nothing (a mentor has at least one mentee or none).
  if (o.mode !== 'one-to-one' && o.mode !== 'peer' && people.some((p) => p.roles.includes('mentor') && p.capacity.min > 1)) return 'mentor minimums above 1 (capacity.min)';
  return undefined;
}

/**
 * Matches a pair mode on the candidate path (see the module). Called by `match` for
 * cohorts too large for the dense matrix, or when `candidates.use` is `'always'`; the
 * answer is the dense path's (the same number matched, essential fits and total; pairs
 * may differ only between equally good answers), with a certificate in `search`.
 *
 * @example
 * ```ts
 * const { result } = matchByCandidates(inIdOrder(people), scoring, options, hash, { perMentee: 16 });
 * result.search.certificate; // { strategy: 'candidates', certified: true, rounds: 1, … }
 * ```
 */
export function matchByCandidates(people: Participant[], scoringIn: ScoringConfig, o: ResolvedMatchOptions, configHash: string, counts: CandidateCounts): { result: MatchResult; matrix: CompatibilityMatrix } {
  const { mentees, mentors, scoring } = bipartiteScoring(people, scoringIn, o);
  const cfg = resolveConfig(scoring);
  const scorer = new RowScorer('bipartite', mentees, mentors, cfg);
  const R = mentees.length;
  const C = mentors.length;
  const lockedPairs = lockedIndices(mentees, mentors, o);
  const closed = new Int32Array(R).fill(-1); // a locked mentee's row is closed (one mentor each)
  for (const [i, j] of lockedPairs) closed[i] = j;
  const capacity = Int32Array.from(mentors, (p) => placesIn(p, o));
  const places = capacity.slice();
  const menteePlaces = Int32Array.from(mentees, (p) => menteePlacesIn(p, o));
  const rowMost = (1 + o.priorityBonus + o.preferredBonus) * menteePlaces.reduce((a, b) => Math.max(a, b), 1);
  const lift = o.tiers.includes('essential-fit') ? essentialLift(R, rowMost) : 0;
  const rule = valueRule('bipartite', o, mentees.map((p) => p.id), mentors.map((p) => p.id));
  const pass = new ValueRows(scorer, rule, lift, closed);

  const lockedAt = new Int32Array(C);
  for (const [, j] of lockedPairs) lockedAt[j]++;
  const ruleCount = scorer.ruleNames.length;
  const spec: CandidateSpec = { values: valueOptions(o), lift, closed, places, lockedAt, perRow: Math.min(counts.perMentee, C), perCol: Math.min(perMentorFor(R, counts.perMentor), R), ruleCount };
  const streamed = streamCandidates(mentees, mentors, cfg, spec, pass, o.pool);
  const { columns, facts } = streamed;
  let set = streamed.set;
  const lookup = new CandidateLookup(set, new ValueRows(scorer, rule, lift, closed));
  const matrix = streamedMatrix(scorer, lookup);
  checkLocked(lockedPairs, matrix, capacity, menteePlaces);
  for (const [, j] of lockedPairs) capacity[j] -= 1;

  const cardinality = o.objective === 'most-matched' || o.tiers.includes('matched');
  const solved = certifiedSolve(set, capacity, cardinality, pass, candidatePairBudget(people.length, o.memoryLimit, o.mode));
  set = solved.set;
  lookup.reset(set);
  let chosen: [number, number][] = [];
  let total = 0;
  for (let i = 0; i < R; i++) {
    const j = solved.assignment[i];
    if (j < 0) continue;
    chosen.push([i, j]);
    const p = lookup.find(i, j);
    total += set.value[p] - (lift !== 0 && set.checks[p] === 0 ? lift : 0);
  }
  // Several mentors per mentee: further mentors on the places left (see furtherMentors).
  if ((o.mode === 'capacity' || o.mode === 'reverse') && mentees.some((p) => p.maxMentors > 1)) {
    const rowCap = menteePlaces.slice();
    for (const [i] of lockedPairs) rowCap[i] = Math.max(0, rowCap[i] - 1);
    const { more, left } = stageTwoRoom(mentors, rowCap, capacity, chosen, undefined);
    const further = furtherMentors(openRows(new ValueRows(scorer, rule, lift, new Int32Array(R).fill(-1)), closed), (i, j) => lift !== 0 && matrix.isEssentialFit(i, j), lift, (i, j) => matrix.score(i, j), chosen, more, left, o.objective === 'best-total', -Infinity);
    chosen = [...chosen, ...further.pairs];
    total += further.total;
  }
  let last = -1; // the reasons read a row several times in a row
  const rows: RowSource = {
    row: (i) => (i === last ? pass : ((last = i), pass.run(i))),
    fitCount: (i) => facts[i].scan.fitN,
    column: (j) => columnTally(columns, j, ruleCount),
    facts: (i) => facts[i],
  };
  const search = { ...EXACT, exact: solved.certificate.certified, certificate: solved.certificate };
  return bipartiteResult(
    { o, people, mentees, mentors, matrix, rows, places, quota: undefined, dissolved: [], objective: { name: o.objective, value: 100 * total }, search, configHash },
    lockedPairs,
    chosen,
  );
}

/** Stage 2's rows: a mentee's values without the closed row of stage 1, their locked pair −Infinity. */
function openRows(open: ValueRows, closed: Int32Array): (i: number) => Float64Array {
  return (i) => {
    const v = open.run(i).value;
    if (closed[i] >= 0) v[closed[i]] = -Infinity; // never the locked pair twice
    return v;
  };
}

/**
 * Solves on the candidates and certifies the answer for every pair of the cohort: a row
 * whose bound its dual cannot cover is scored again, and its pairs that the duals do not
 * certify join the candidates (a row scored a {@link MAX_RESCORES}th time joins with every
 * allowed pair, so that the rounds end); then the solve repeats. When the candidates
 * would outgrow `budget` pairs, the last solve stands, not certified.
 */
function certifiedSolve(first: CandidateSet, capacity: Int32Array, cardinality: boolean, pass: ValueRows, budget: number): { set: CandidateSet; assignment: Int32Array; certificate: Certificate } {
  let set = first;
  const rescored = new Uint8Array(set.rows);
  let rescoredRows = 0;
  for (let round = 1; ; round++) {
    const r = sparseAssignment(set, { capacity, maxCardinality: cardinality });
    // The highest prices certify the most mentees left out (see highestPrices).
    const duals = highestPrices(set, r.assignment, capacity, r.duals);
    const floor = openFloor(duals, set.colBound);
    const added = new Map<number, number[]>(); // row → columns to add
    let pairs = set.col.length;
    for (let i = 0; i < set.rows && pairs <= budget; i++) {
      if (floor === undefined || set.bound[i] === -Infinity || rowCertifiedByBound(duals, i, set.bound[i], floor.level, floor.value)) continue;
      const v = pass.run(i);
      if (!rescored[i]) rescoredRows++;
      const js = violations(duals, set, i, v.value, rescored[i] >= MAX_RESCORES);
      rescored[i]++;
      pairs += js.length;
      if (js.length > 0) added.set(i, js);
    }
    const certificate = { strategy: 'candidates' as const, certified: added.size === 0, rounds: round, candidatePairs: set.col.length, rescoredRows };
    if (added.size === 0) return { set, assignment: r.assignment, certificate };
    if (pairs > budget) return { set, assignment: r.assignment, certificate: { ...certificate, why: OVER_BUDGET } };
    set = withPairs(set, added, pass);
  }
}

/**
 * The lowest dual among the columns still open — those whose dual does not cover the
 * best value their own list left out — or undefined when none is open. A pair outside
 * both lists is at most `min(bound[i], colBound[j])`, so a column that covers its own
 * bound certifies every such pair whatever the row (u_i ≥ 0), and a row's bound needs
 * covering only with the open columns' lowest dual.
 */
function openFloor(d: AssignmentDuals, colBound: Float64Array): { level: number; value: number } | undefined {
  const card = d.cardinality ? 1 : 0;
  let floor: { level: number; value: number } | undefined;
  for (let j = 0; j < colBound.length; j++) {
    const b = colBound[j];
    const covered = b === -Infinity || d.colLevel[j] > card || (d.colLevel[j] === card && withinSlack(d.col[j], 0, b));
    if (covered) continue;
    if (!floor || d.colLevel[j] < floor.level || (d.colLevel[j] === floor.level && d.col[j] < floor.value)) floor = { level: d.colLevel[j], value: d.col[j] };
  }
  return floor;
}

/** A row scored again this many times joins with every allowed pair (so that the rounds end). */
const MAX_RESCORES = 3;

/** Row `i`'s pairs outside the candidates that the duals do not certify (`all`: every allowed pair outside). */
function violations(d: AssignmentDuals, set: CandidateSet, i: number, value: Float64Array, all: boolean): number[] {
  const out: number[] = [];
  let p = set.rowStart[i];
  const end = set.rowStart[i + 1];
  for (let j = 0; j < value.length; j++) {
    while (p < end && set.col[p] < j) p++;
    if (p < end && set.col[p] === j) continue;
    if (value[j] === -Infinity) continue;
    if (all || !pairCertified(d, i, j, value[j])) out.push(j);
  }
  return out;
}

/**
 * The set with the `added` pairs (each row's columns ascending) scored in; an added row's
 * bound becomes the best value it still leaves out (−Infinity when none).
 */
function withPairs(set: CandidateSet, added: ReadonlyMap<number, number[]>, pass: ValueRows): CandidateSet {
  let extra = 0;
  for (const js of added.values()) extra += js.length;
  const b = new SetBuilder(set.rows, set.cols, set.col.length + extra);
  const bound = set.bound.slice();
  for (let i = 0; i < set.rows; i++) {
    const js = added.get(i);
    let p = set.rowStart[i];
    const end = set.rowStart[i + 1];
    if (js) {
      const v = pass.run(i);
      let q = 0;
      while (p < end || q < js.length) {
        if (q >= js.length || (p < end && set.col[p] < js[q])) {
          b.push(set.col[p], set.value[p], set.score[p], set.checks[p]);
          p++;
        } else {
          const j = js[q++];
          b.push(j, v.value[j], v.scores[j], v.checks[j]);
        }
      }
      bound[i] = leftOutBound(set, i, js, v.value);
    } else for (; p < end; p++) b.push(set.col[p], set.value[p], set.score[p], set.checks[p]);
    b.endRow(i);
  }
  return b.build(bound, set.colBound);
}

/** The best value of row `i` outside its old candidates and the added columns. */
function leftOutBound(set: CandidateSet, i: number, js: readonly number[], value: Float64Array): number {
  const inSet = new Set(js);
  for (let p = set.rowStart[i]; p < set.rowStart[i + 1]; p++) inSet.add(set.col[p]);
  let best = -Infinity;
  for (let j = 0; j < value.length; j++) if (!inSet.has(j) && value[j] > best) best = value[j];
  return best;
}

/**
 * The pairs of a streamed matrix: candidates from the set (a binary search in the row),
 * any other pair from its row scored again (the last row is kept).
 */
class CandidateLookup implements PairLookup {
  private lastRow = -1;

  constructor(
    private set: CandidateSet,
    private readonly pass: ValueRows,
  ) {}

  /** Reads from a grown set from now on. */
  reset(set: CandidateSet): void {
    this.set = set;
  }

  /** Index of pair (i, j) in the set, or −1. */
  find(i: number, j: number): number {
    const { rowStart, col } = this.set;
    return indexInRow(col, rowStart[i], rowStart[i + 1], j);
  }

  private row(i: number): RowView {
    if (this.lastRow !== i) {
      this.pass.run(i);
      this.lastRow = i;
    }
    return this.pass;
  }

  score(i: number, j: number): number {
    const p = this.find(i, j);
    return p >= 0 ? this.set.score[p] : this.row(i).scores[j];
  }

  code(i: number, j: number): number {
    return this.find(i, j) >= 0 ? 0 : this.row(i).code[j];
  }

  checks(i: number, j: number): number {
    const p = this.find(i, j);
    return p >= 0 ? this.set.checks[p] : this.row(i).checks[j];
  }
}
