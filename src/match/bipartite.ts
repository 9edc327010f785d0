/**
 * The bipartite mode family: one-to-one, capacity, reverse and group mentoring.
 *
 * @module
 */
import { InfeasibleError } from '../errors.js';
import type { Participant } from '../profile/types.js';
import type { ScoringConfig } from '../score/config.js';
import { groupConcerns } from '../score/concerns.js';
import { explainPair } from '../score/explain.js';
import { buildCompatibility, type CompatibilityMatrix } from '../score/matrix.js';
import { capacitatedAssignment } from '../solve/capacitated.js';
import { bMatching } from '../solve/b-matching.js';
import type { ResolvedMatchOptions } from './config.js';
import { deepFreeze } from './freeze.js';
import { denseRows, menteeReason, mentorReason, type BipartiteOutcome, type RowSource } from './reasons.js';
import { withModeRules } from './mode-rules.js';
import { menteePlacesIn as menteePlacesInMode, placesIn as placesInMode } from './places.js';
import { isLifted, withEssentialTier, type SolverValues } from './tiers.js';
import type { MentorGroup, MatchedPair, PairsResult, MatchResult, ObjectiveValue, SearchStatus, Unmatched } from './types.js';
import { fairnessSearch, tally, type Fairness } from './fairness.js';
import { groupStage } from './group.js';
import type { BipartiteSetup, FirstStage, MenteeQuota, StageResult } from './stage.js';
import { EXACT, mean, stats } from './result-parts.js';
import { fromAssignment, orient, solverValues } from './values.js';

/**
 * Mentees, mentors and the scoring config of a bipartite mode: excluded partners banned,
 * nobody paired with themself, the mode's rules (reverse mode's direction).
 */
export function bipartiteScoring(people: readonly Participant[], scoringIn: ScoringConfig, o: ResolvedMatchOptions): { mentees: Participant[]; mentors: Participant[]; scoring: ScoringConfig } {
  const mentees = people.filter((p) => p.roles.includes('mentee'));
  const mentors = people.filter((p) => p.roles.includes('mentor'));
  const menteeIdx = new Map(mentees.map((p, i) => [p.id, i]));
  const mentorIdx = new Map(mentors.map((p, j) => [p.id, j]));
  const rules = { ...(scoringIn.rules ?? {}) };
  const banned = [...(rules.bannedPairs ?? []), ...o.excludedPartners.map(([a, b]) => orient(a, b, menteeIdx, mentorIdx, 'excludedPartners'))];
  // Someone who is both mentor and mentee is never paired with themself.
  for (const p of people) if (menteeIdx.has(p.id) && mentorIdx.has(p.id)) banned.push([p.id, p.id]);
  if (banned.length) rules.bannedPairs = banned;
  return { mentees, mentors, scoring: { ...scoringIn, rules: withModeRules(rules, o) } };
}

/** Mentees, mentors and the matrix of a bipartite mode (see {@link bipartiteScoring}). */
export function bipartiteMatrix(people: readonly Participant[], scoringIn: ScoringConfig, o: ResolvedMatchOptions): { mentees: Participant[]; mentors: Participant[]; matrix: CompatibilityMatrix } {
  const { mentees, mentors, scoring } = bipartiteScoring(people, scoringIn, o);
  return { mentees, mentors, matrix: buildCompatibility(mentees, mentors, scoring, undefined, { pool: o.pool }) };
}

/** The locked pairs as (mentee, mentor) indices. */
export function lockedIndices(mentees: readonly Participant[], mentors: readonly Participant[], o: ResolvedMatchOptions): [number, number][] {
  const menteeIdx = new Map(mentees.map((p, i) => [p.id, i]));
  const mentorIdx = new Map(mentors.map((p, j) => [p.id, j]));
  // Locked pairs are kept; their mentors' places (and their mentees' places) are used up.
  return o.locked.map(([a, b]) => {
    const [ma, mb] = orient(a, b, menteeIdx, mentorIdx, 'locked');
    return [menteeIdx.get(ma)!, mentorIdx.get(mb)!];
  });
}

/**
 * Locked pairs must be possible: allowed by the hard rules, within each mentor's places
 * and each mentee's number of mentors. Otherwise no matching keeps them all.
 *
 * @throws {@link InfeasibleError} naming the pair or the person.
 */
export function checkLocked(locked: readonly (readonly [number, number])[], matrix: CompatibilityMatrix, mentorPlaces: Int32Array, menteePlaces: Int32Array): void {
  const perMentor = new Int32Array(matrix.cols);
  const perMentee = new Int32Array(matrix.rows);
  for (const [i, j] of locked) {
    const reason = matrix.reason(i, j);
    if (reason) throw new InfeasibleError(`locked pair (${matrix.rowIds[i]}, ${matrix.colIds[j]}) is forbidden by a hard rule: ${reason.message}`, { menteeId: matrix.rowIds[i], mentorId: matrix.colIds[j], rule: reason.rule });
    if (++perMentor[j] > mentorPlaces[j]) throw new InfeasibleError(`locked pairs give mentor ${matrix.colIds[j]} ${perMentor[j]} mentees; expected at most ${mentorPlaces[j]} (their places in this mode)`, { mentorId: matrix.colIds[j] });
    if (++perMentee[i] > menteePlaces[i]) throw new InfeasibleError(`locked pairs give mentee ${matrix.rowIds[i]} ${perMentee[i]} mentors; expected at most ${menteePlaces[i]}`, { menteeId: matrix.rowIds[i] });
  }
}

/** What {@link bipartiteResult} assembles a result from. */
export interface BipartiteParts extends Omit<BipartiteSetup, 'value'> {
  /** The rows the reasons read (solver values, rule codes, scores, checks). */
  readonly rows: RowSource;
  readonly people: readonly Participant[];
  /** Each mentor's places in this mode (before locked pairs). */
  readonly places: Int32Array;
  readonly dissolved: readonly number[];
  readonly objective: ObjectiveValue;
  readonly search: SearchStatus;
  readonly configHash: string;
}

/** The explained, frozen result of a bipartite solve: pairs, groups, everyone unmatched with the cause, stats. */
export function bipartiteResult(x: BipartiteParts, lockedPairs: readonly [number, number][], chosen: readonly [number, number][]): { result: MatchResult; matrix: CompatibilityMatrix } {
  const { o, people, mentees, mentors, matrix, rows, places, quota, dissolved, objective, search, configHash } = x;
  const R = mentees.length;
  const C = mentors.length;
  const lockedSet = new Set(lockedPairs.map(([i, j]) => i * C + j));
  const all = [...lockedPairs, ...chosen].sort((x, y) => x[0] - y[0] || x[1] - y[1]);

  const pairs: MatchedPair[] = [];
  const members: number[][] = mentors.map(() => []);
  const menteeMatched = new Uint8Array(R);
  for (const [i, j] of all) {
    members[j].push(i);
    menteeMatched[i] = 1;
    const e = explainPair(matrix, i, j);
    pairs.push({
      menteeId: mentees[i].id,
      mentorId: mentors[j].id,
      score: 100 * matrix.score(i, j),
      locked: lockedSet.has(i * C + j),
      essentialFit: e.essentialFit,
      concerns: e.concerns,
      breakdown: e.criteria,
    });
  }
  const dissolvedSet = new Set(dissolved);
  let quotaUse: { of: Int32Array; used: Int32Array } | undefined;
  if (quota) {
    const used = new Int32Array(o.quotas.length);
    for (const [i] of all) if (quota.of[i] >= 0) used[quota.of[i]]++;
    quotaUse = { of: quota.of, used };
  }
  const outcome: BipartiteOutcome = { matrix, rows, mentees, mentors, places, members, locked: lockedSet, quota: quotaUse, anyDissolved: dissolvedSet.size > 0, options: o };
  const unmatched: Unmatched[] = [];
  for (let i = 0; i < R; i++) if (!menteeMatched[i]) unmatched.push({ id: mentees[i].id, role: 'mentee', reason: menteeReason(outcome, i) });
  const menteeSet = new Set(mentees.map((p) => p.id));
  mentors.forEach((p, j) => {
    if (members[j].length > 0 || menteeSet.has(p.id)) return; // a matched mentee who also mentors is not "unmatched"
    const min = o.mode === 'group' ? o.group.minSize : p.capacity.min;
    unmatched.push({ id: p.id, role: 'mentor', reason: mentorReason(outcome, j, dissolvedSet.has(j) ? min : -1) });
  });
  const base = { pairs, unmatched, stats: stats(people.length, pairs, unmatched), objective, tiers: o.tiers, search, configHash };
  if (o.mode !== 'group') return { result: deepFreeze({ mode: o.mode as PairsResult['mode'], ...base }), matrix };
  const groups: MentorGroup[] = members.flatMap((m, j) =>
    m.length === 0 ? [] : [{ mentorId: mentors[j].id, memberIds: m.map((i) => mentees[i].id), score: mean(m.map((i) => 100 * matrix.score(i, j))), concerns: groupConcerns(matrix, m, j) }],
  );
  return { result: deepFreeze({ mode: 'group', ...base, groups, group: { minSize: o.group.minSize, maxSize: o.group.maxSize } }), matrix };
}

/**
 * Stage 1 of the bipartite modes: one mentor per mentee (locked mentees' rows closed),
 * under the tiers and the objective — through the group search when groups or mentor
 * minimums need it, else exactly (capacitated assignment; with quotas, the b-matching
 * flow when the plain answer breaks a cap).
 */
function firstMentors(x: FirstStage): StageResult {
  const { o, mentees, mentors, matrix, value, capacity, quota } = x;
  const R = mentees.length;
  const C = mentors.length;
  // Without the `matched` tier, best total (and the fairness reference) may leave people
  // out for a better total; most-matched, the `matched` tier and every floor-restricted
  // fairness solve match as many as possible first.
  const cardinalityFirst = o.objective === 'most-matched' || o.tiers.includes('matched');
  // Group mode, and capacity modes where some mentor asks for a minimum number of mentees,
  // go through the group solver (sizes between a minimum and a maximum per mentor).
  const mentorMins = quota === undefined && o.mode !== 'group' && o.mode !== 'one-to-one' && mentors.some((p) => p.capacity.min > 0);
  if (o.mode === 'group' || mentorMins) return groupStage(x, mentorMins);
  // One mentor each (locked mentees' rows are closed). With quotas, the plain solve comes
  // first: when its answer keeps every cap it is also the optimum under the caps (the
  // caps only remove answers), so a cap that binds nothing changes nothing — ties
  // included. Otherwise the exact flow with a node per quota group decides.
  const solveOne = (d: Float64Array, anySize: boolean): [number, number][] => {
    const r = anySize
      ? capacitatedAssignment(withNobody(d, R, C), { capacity: Int32Array.from([...capacity, R]), maximize: true })
      : capacitatedAssignment({ rows: R, cols: C, data: d }, { capacity, maximize: true });
    return fromAssignment(r.assignment.map((j) => (j === C ? -1 : j)));
  };
  const firstOnly = new Int32Array(R).fill(1);
  const solveCapped = (d: Float64Array, anySize: boolean): [number, number][] => bMatchingPairs(R, C, d, firstOnly, capacity, anySize, quota);
  const keeps = (pairs: readonly (readonly [number, number])[]): boolean => quota === undefined || withinQuota(pairs, quota);
  const objectiveOn = (solver: typeof solveOne): { pairs: [number, number][]; fair?: Fairness; reference: [number, number][] } => {
    const reference = solver(value.data, !cardinalityFirst);
    if (o.objective !== 'fairness') return { pairs: reference, reference };
    const r = fairnessSearch(value, matrix.scores, reference, (d) => solver(d, false), (x) => x);
    return { pairs: r.result, fair: r, reference };
  };
  let solved = objectiveOn(solveOne);
  if (!keeps(solved.reference) || !keeps(solved.pairs)) solved = objectiveOn(solveCapped);
  return { chosen: solved.pairs, fair: solved.fair, search: EXACT, dissolved: [] };
}

/**
 * The bipartite modes (one-to-one, capacity, reverse, group): locked pairs kept, the
 * tiers and the objective solved exactly (the group search where groups or mentor
 * minimums need it), several mentors per mentee first mentors first, quotas kept, and
 * every unmatched person told the cause. Called by `match` with participants in id order.
 *
 * @example
 * ```ts
 * const { result } = matchBipartite(inIdOrder(people), scoring, options, hash);
 * ```
 */
export function matchBipartite(people: Participant[], scoringIn: ScoringConfig, o: ResolvedMatchOptions, configHash: string): { result: MatchResult; matrix: CompatibilityMatrix } {
  const { mentees, mentors, matrix } = bipartiteMatrix(people, scoringIn, o);
  const R = mentees.length;
  const C = mentors.length;
  const lockedPairs = lockedIndices(mentees, mentors, o);
  // A mentee may take several mentors (profile `maxMentors`) in capacity and reverse modes.
  const severalMentors = (o.mode === 'capacity' || o.mode === 'reverse') && mentees.some((p) => p.maxMentors > 1);
  // Several mentors per mentee go first mentors first: a one-mentor solve, then further
  // mentors on the places left (stage 2 below), so that nobody gets a second mentor at the
  // cost of someone's first. Quotas (caps on the pairs of a group of mentees) need the
  // exact b-matching flow with a node per quota group, in both stages.
  const quota = quotaGroups(mentees, o, lockedPairs);
  const menteePlaces = Int32Array.from(mentees, (p) => menteePlacesInMode(p, o));
  const rowCap = menteePlaces.slice();
  const lockedCol = new Int32Array(R).fill(-1); // one-mentor solves: a locked mentee's row is closed
  for (const [i, j] of lockedPairs) {
    rowCap[i] = Math.max(0, rowCap[i] - 1);
    lockedCol[i] = j;
  }
  const capacity = new Int32Array(C);
  mentors.forEach((p, j) => (capacity[j] = placesInMode(p, o)));
  const places = capacity.slice();
  checkLocked(lockedPairs, matrix, capacity, menteePlaces);
  for (const [, j] of lockedPairs) capacity[j] -= 1;

  // Locked mentees who may take more mentors keep their open row for stage 2.
  const openRows = new Map<number, Float64Array>();
  const cohesionBound = o.mode === 'group' && o.group.cohesion ? o.group.cohesion.weight * R * capacity.reduce((a, b) => Math.max(a, b), 1) : 0;
  const rowMost = (1 + o.priorityBonus + o.preferredBonus) * menteePlaces.reduce((a, b) => Math.max(a, b), 1);
  const value = withEssentialTier(
    solverValues(matrix, o, mentees.map((p) => p.id), mentors.map((p) => p.id), new Int32Array(R).fill(-1)).data,
    matrix,
    o.tiers.includes('essential-fit'),
    rowMost,
    cohesionBound,
  );
  for (const [i, j] of lockedPairs) value.data[i * C + j] = -Infinity; // never the same pair twice
  for (let i = 0; i < R; i++) {
    if (lockedCol[i] < 0) continue;
    if (severalMentors && rowCap[i] > 0) openRows.set(i, value.data.slice(i * C, (i + 1) * C));
    value.data.fill(-Infinity, i * C, (i + 1) * C);
  }
  const first = firstMentors({ o, mentees, mentors, matrix, value, capacity, quota });
  let chosen = first.chosen;
  const { fair, search, dissolved } = first;
  let total = tally(value, chosen).total;
  if (severalMentors) {
    const { more, left, rest } = stageTwoRoom(mentors, rowCap, capacity, chosen, quota);
    const rowOf = (i: number): Float64Array => openRows.get(i) ?? value.data.subarray(i * C, (i + 1) * C);
    const further = furtherMentors(rowOf, (i, j) => isLifted(value, i * C + j), value.lift, (i, j) => matrix.scores[i * C + j], chosen, more, left, o.objective === 'best-total', fair ? fair.floor : -Infinity, rest);
    chosen = [...chosen, ...further.pairs];
    total += further.total;
  }
  const objective: ObjectiveValue = fair
    ? { name: 'fairness', value: 100 * fair.floor, priceOfFairness: 100 * fair.price, referenceTotal: 100 * fair.reference }
    : { name: o.objective, value: 100 * total };
  return bipartiteResult({ o, people, mentees, mentors, matrix, rows: denseRows(matrix, value.data, o.minScore), places, quota, dissolved, objective, search, configHash }, lockedPairs, chosen);
}

/** The values with a zero-valued "nobody" column appended (so that leaving a row out costs nothing). */
function withNobody(data: Float64Array, rows: number, cols: number): { rows: number; cols: number; data: Float64Array } {
  const ext = new Float64Array(rows * (cols + 1));
  for (let i = 0; i < rows; i++) ext.set(data.subarray(i * cols, (i + 1) * cols), i * (cols + 1));
  return { rows, cols: cols + 1, data: ext };
}

/** True when the pairs keep every quota cap. */
function withinQuota(pairs: readonly (readonly [number, number])[], quota: MenteeQuota): boolean {
  const used = new Int32Array(quota.cap.length);
  for (const [i] of pairs) if (quota.of[i] >= 0 && ++used[quota.of[i]] > quota.cap[quota.of[i]]) return false;
  return true;
}

/**
 * Exact b-matching (maximising the values; quota groups) as a list of pairs: `stop`, the
 * best total of any size; otherwise as many pairs as possible first.
 */
function bMatchingPairs(rows: number, cols: number, data: Float64Array, rowCap: Int32Array, colCap: Int32Array, stop: boolean, quota?: MenteeQuota): [number, number][] {
  const r = bMatching({ rows, cols, data }, { rowCapacity: rowCap, colCapacity: colCap, maximize: true, maxCardinality: !stop, ...(quota ? { quota: { groupOf: quota.of, capacity: quota.cap } } : {}) });
  return Array.from(r.rowIndices, (i, t) => [i, r.colIndices[t]] as [number, number]);
}

/**
 * The quota groups of the mentees: for each quota, the mentees whose attribute has the
 * value; a mentee in several quotas is capped by the first (a documented simplification).
 */
function quotaGroups(mentees: readonly Participant[], o: ResolvedMatchOptions, locked: readonly [number, number][]): MenteeQuota | undefined {
  if (o.quotas.length === 0) return undefined;
  const of = Int32Array.from(mentees, (p) => o.quotas.findIndex((q) => p.attributes[q.attribute] === q.value));
  const cap = Int32Array.from(o.quotas, (q) => q.max);
  for (const [i] of locked) if (of[i] >= 0) cap[of[i]] = Math.max(0, cap[of[i]] - 1); // locked pairs count
  return { of, cap };
}

/**
 * Stage 2 of several mentors per mentee (first mentors first): after every mentee has had
 * the chance of a first mentor, the mentees who may take more get further, different
 * mentors on the places left — exactly (b-matching on the mentees with room × the mentors
 * with places, which is small: the first-mentor solve filled most places). Best total
 * stops when another pair would not add value; most matched fills what it can; fairness
 * keeps the floor the first stage reached.
 *
 * @param rowOf - Row i's solver values with the tier (a locked mentee's open row; its
 *   locked pair −Infinity); read once per mentee with room, before the next call.
 * @param lifted - Whether pair (i, j) carries the tier's lift (`lift` is its amount).
 * @param scoreOf - The pair score (0–1): what the fairness floor is on.
 * @param chosen - Stage 1's pairs.
 * @param more - Further mentors each mentee may take.
 * @param left - Places left per mentor.
 * @param stop - Stop when another pair would not add value (best total).
 * @param floor - The fairness floor to keep (−Infinity: none).
 * @param quota - The quota groups of the mentees (all rows) with what is left of each cap.
 */
export function furtherMentors(
  rowOf: (i: number) => ArrayLike<number>,
  lifted: (i: number, j: number) => boolean,
  lift: number,
  scoreOf: (i: number, j: number) => number,
  chosen: readonly (readonly [number, number])[],
  more: Int32Array,
  left: Int32Array,
  stop: boolean,
  floor: number,
  quota?: MenteeQuota,
): { pairs: [number, number][]; total: number } {
  const rows = more.length;
  const cols = left.length;
  const R2: number[] = [];
  const C2: number[] = [];
  for (let i = 0; i < rows; i++) if (more[i] > 0) R2.push(i);
  for (let j = 0; j < cols; j++) if (left[j] > 0) C2.push(j);
  if (R2.length === 0 || C2.length === 0) return { pairs: [], total: 0 };
  const taken = new Set(chosen.map(([i, j]) => i * cols + j));
  const m = C2.length;
  const sub = new Float64Array(R2.length * m);
  R2.forEach((i, a) => {
    const row = rowOf(i);
    C2.forEach((j, b) => {
      sub[a * m + b] = taken.has(i * cols + j) || (floor !== -Infinity && scoreOf(i, j) < floor) ? -Infinity : row[j];
    });
  });
  const q = quota ? { of: Int32Array.from(R2, (i) => quota.of[i]), cap: quota.cap } : undefined;
  const rowCap = Int32Array.from(R2, (i) => more[i]);
  const colCap = Int32Array.from(C2, (j) => left[j]);
  // As in stage 1: the plain flow first, the quota groups only when a cap binds.
  let local = bMatchingPairs(R2.length, m, sub, rowCap, colCap, stop);
  if (q && !withinQuota(local, q)) local = bMatchingPairs(R2.length, m, sub, rowCap, colCap, stop, q);
  const pairs: [number, number][] = [];
  let total = 0;
  for (const [a, b] of local) {
    const [i, j] = [R2[a], C2[b]];
    pairs.push([i, j]);
    total += sub[a * m + b] - (lifted(i, j) ? lift : 0);
  }
  return { pairs, total };
}

/**
 * What stage 2 starts from: each mentee's further mentors and each mentor's places left
 * after stage 1 (a mentor below their minimum keeps no mentees), and what is left of
 * each quota cap.
 */
export function stageTwoRoom(mentors: readonly Participant[], rowCap: Int32Array, capacity: Int32Array, chosen: readonly (readonly [number, number])[], quota: MenteeQuota | undefined): { more: Int32Array; left: Int32Array; rest: MenteeQuota | undefined } {
  const more = Int32Array.from(rowCap);
  const left = Int32Array.from(capacity);
  for (const [i, j] of chosen) {
    more[i]--;
    left[j]--;
  }
  // A mentor below their minimum after the first stage (no group) stays without mentees.
  mentors.forEach((p, j) => {
    if (p.capacity.min > 0 && capacity[j] - left[j] < p.capacity.min) left[j] = 0;
  });
  // Quotas: what stage 1 left of each cap (locked pairs are already taken off).
  let rest: MenteeQuota | undefined;
  if (quota) {
    const cap = quota.cap.slice();
    for (const [i] of chosen) if (quota.of[i] >= 0) cap[quota.of[i]]--;
    rest = { of: quota.of, cap };
  }
  return { more, left, rest };
}
