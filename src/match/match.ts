import { ConfigError, InfeasibleError } from '../errors.js';
import type { Participant } from '../profile/types.js';
import type { ScoringConfig } from '../score/config.js';
import { groupConcerns } from '../score/concerns.js';
import { explainPair } from '../score/explain.js';
import { buildCompatibility, buildPeerCompatibility, type CompatibilityMatrix } from '../score/matrix.js';
import { capacitatedAssignment } from '../solve/capacitated.js';
import { solveBMatching, type RowQuota } from '../solve/b-matching.js';
import { groupAssignment as solveGroups } from '../solve/groups.js';
import { peerCircles } from '../solve/peer-circles.js';
import { peerPairs } from '../solve/peer-pairs.js';
import { splitConfig, type MatchConfig, type ResolvedMatchOptions } from './config.js';
import { deepFreeze } from './freeze.js';
import { canonicalJson, fnv1a64 } from './hash.js';
import { menteeReason, mentorReason, peerReason, type BipartiteOutcome } from './reasons.js';
import { withModeRules } from './mode-rules.js';
import { menteePlaces as menteePlacesInMode, places as placesInMode } from './places.js';
import { baseValue, isLifted, withEssentialTier, type SolverValues } from './tiers.js';
import type { MatchedGroup, MatchedPair, MatchResult, ObjectiveValue, SearchStatus, Unmatched } from './types.js';

/** The search status of the exact solvers. */
const EXACT: SearchStatus = Object.freeze({ exact: true, converged: true, moves: 0 });

/**
 * Matches participants for one mentoring model and returns the complete, explained
 * result: every participant is in a pair or group, or listed as unmatched with a reason.
 *
 * Modes (`config.mode`, default `capacity`):
 * - `one-to-one`: each mentor takes at most one mentee;
 * - `capacity`: each mentor takes up to `capacity.max` mentees (their profile);
 * - `group`: a mentor leads a group of `group.minSize` (default 2: no groups of one
 *   unless asked) to `group.maxSize` mentees, never more than the mentor's own capacity;
 *   groups below the minimum are dissolved and their members re-placed; a group whose
 *   members share no common half hour carries the `no-common-time` concern; optional
 *   `group.cohesion` trades mentees' shared goals against mentor fit;
 * - `reverse`: capacity mode with `rules.seniorityDirection` on, so that for the skills in
 *   `rules.reverseSkills` the junior mentors the senior;
 * - `peer`: pairs within one pool (everyone), exact; an odd pool leaves out the person
 *   whose absence costs least, or forms one trio (`peer.odd: 'trio'`); `peer.circleSize`
 *   forms circles of that size instead.
 *
 * Tiers (`config.tiers`, default `['matched', 'essential-fit']`): before the objective,
 * as many mentees matched as the places and rules allow, then as many of them as
 * possible with an essential-fit mentor (a wanted skill at level, a shared language,
 * ≥ 30 min a week in common) — exact, in the same solve; each pair carries
 * `essentialFit` and its `concerns`. `tiers: []` leaves the objective alone.
 *
 * Objectives (`config.objective`): `best-total` (default) — the largest total score;
 * `most-matched` — as many people matched as possible, then the largest total;
 * `fairness` — as many matched as `most-matched`, the lowest pair score as high as
 * possible, then the largest total under that floor (the result reports the price of
 * fairness). `minScore` (0–100) forbids weaker pairs.
 *
 * Life cycle: `locked` pairs are kept as they are while the others are matched;
 * `excludedPartners` are never paired again; `preferredPartners` get `preferredBonus`
 * points (default 10) and people in `priority` (left unmatched last round) get
 * `priorityBonus` points (default 20) on every pair while solving — reported scores never
 * include bonuses.
 *
 * Deterministic: participants are put in id order before solving, so the same input in
 * any order gives the same pairs, in the same (id) order.
 *
 * @param participants - validated participants (see `parseParticipants`).
 * @param config - scoring configuration (weights, rules, …) plus the options above.
 * @throws ConfigError (`INVALID_CONFIG`) on an invalid configuration, including locked or
 *   listed pairs naming unknown participants.
 *
 * @example
 * ```ts
 * const result = match(parseParticipants(json), { mode: 'capacity', objective: 'fairness' });
 * result.pairs[0];     // { menteeId: 'ana', mentorId: 'ben', score: 81.2, locked: false, breakdown: [...] }
 * result.unmatched[0]; // { id: 'eve', role: 'mentee', reason: { code: 'all-forbidden', message: '…' } }
 * ```
 */
export function match(participants: readonly Participant[], config: MatchConfig = {}): MatchResult {
  return matchWithMatrix(participants, config).result;
}

/**
 * {@link match}, and the compatibility matrix it solved on: what the audits need
 * (`stabilityAudit(result, matrix)`), without building the matrix a second time as
 * {@link matchMatrix} would.
 *
 * @param participants - The cohort.
 * @param config - As for {@link match}.
 * @returns The result and the matrix (mentees × mentors, or peers × peers).
 * @throws As {@link match}.
 *
 * @example
 * ```ts
 * const { result, matrix } = matchWithMatrix(people, { mode: 'capacity' });
 * stabilityAudit(result, matrix, { participants: people }).blockingPairs;
 * ```
 */
export function matchWithMatrix(participants: readonly Participant[], config: MatchConfig = {}): { result: MatchResult; matrix: CompatibilityMatrix } {
  const { scoring, options } = splitConfig(config);
  const people = inIdOrder(participants);
  const configHash = fnv1a64(canonicalJson({ config, participants: people }));
  if (options.mode === 'peer') return matchPeers(people, scoring, options, configHash);
  return matchBipartite(people, scoring, options, configHash);
}

/** Participants sorted by id: the canonical order every run solves in. */
export function inIdOrder(participants: readonly Participant[]): Participant[] {
  return [...participants].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The compatibility matrix {@link match} solves on, for audits of its result (e.g.
 * `stabilityAudit`): the same participants in the same order, the same rules, with
 * excluded partners banned and, in reverse mode, the seniority direction on. Peer mode
 * gives the peer matrix. Pair scores in a result are `100 × matrix.score(i, j)`.
 *
 * @param participants - The cohort given to `match`.
 * @param config - The config given to `match`.
 * @returns The matrix (mentees × mentors, or peers × peers).
 * @throws {@link ConfigError} for an invalid config, as `match` would.
 *
 * @example
 * ```ts
 * const result = match(people, config);
 * const audit = stabilityAudit(result, matchMatrix(people, config));
 * ```
 */
export function matchMatrix(participants: readonly Participant[], config: MatchConfig = {}): CompatibilityMatrix {
  const { scoring, options } = splitConfig(config);
  const people = inIdOrder(participants);
  return options.mode === 'peer' ? peerMatrix(people, scoring, options) : bipartiteMatrix(people, scoring, options).matrix;
}

/** Mentees, mentors and the matrix of a bipartite mode (excluded partners banned, reverse mode's direction rule). */
function bipartiteMatrix(people: readonly Participant[], scoringIn: ScoringConfig, o: ResolvedMatchOptions): { mentees: Participant[]; mentors: Participant[]; matrix: CompatibilityMatrix } {
  const mentees = people.filter((p) => p.roles.includes('mentee'));
  const mentors = people.filter((p) => p.roles.includes('mentor'));
  const menteeIdx = new Map(mentees.map((p, i) => [p.id, i]));
  const mentorIdx = new Map(mentors.map((p, j) => [p.id, j]));
  const rules = { ...(scoringIn.rules ?? {}) };
  const banned = [...(rules.bannedPairs ?? []), ...o.excludedPartners.map(([a, b]) => orient(a, b, menteeIdx, mentorIdx, 'excludedPartners'))];
  // Someone who is both mentor and mentee is never paired with themself.
  for (const p of people) if (menteeIdx.has(p.id) && mentorIdx.has(p.id)) banned.push([p.id, p.id]);
  if (banned.length) rules.bannedPairs = banned;
  return { mentees, mentors, matrix: buildCompatibility(mentees, mentors, { ...scoringIn, rules: withModeRules(rules, o) }) };
}

/**
 * Locked pairs must be possible: allowed by the hard rules, within each mentor's places
 * and each mentee's number of mentors. Otherwise no matching keeps them all.
 *
 * @throws {@link InfeasibleError} naming the pair or the person.
 */
function checkLocked(locked: readonly (readonly [number, number])[], matrix: CompatibilityMatrix, mentorPlaces: Int32Array, menteePlaces: Int32Array): void {
  const perMentor = new Int32Array(matrix.cols);
  const perMentee = new Int32Array(matrix.rows);
  for (const [i, j] of locked) {
    const reason = matrix.reason(i, j);
    if (reason) throw new InfeasibleError(`locked pair (${matrix.rowIds[i]}, ${matrix.colIds[j]}) is forbidden by a hard rule: ${reason.message}`, { menteeId: matrix.rowIds[i], mentorId: matrix.colIds[j], rule: reason.rule });
    if (++perMentor[j] > mentorPlaces[j]) throw new InfeasibleError(`locked pairs give mentor ${matrix.colIds[j]} ${perMentor[j]} mentees; expected at most ${mentorPlaces[j]} (their places in this mode)`, { mentorId: matrix.colIds[j] });
    if (++perMentee[i] > menteePlaces[i]) throw new InfeasibleError(`locked pairs give mentee ${matrix.rowIds[i]} ${perMentee[i]} mentors; expected at most ${menteePlaces[i]}`, { menteeId: matrix.rowIds[i] });
  }
}

/** The peer matrix (excluded partners banned). */
function peerMatrix(people: readonly Participant[], scoringIn: ScoringConfig, o: ResolvedMatchOptions): CompatibilityMatrix {
  const rules = { ...(scoringIn.rules ?? {}) };
  if (o.excludedPartners.length) rules.bannedPairs = [...(rules.bannedPairs ?? []), ...o.excludedPartners.map(([a, b]) => [a, b] as [string, string])];
  return buildPeerCompatibility(people, { ...scoringIn, rules });
}

// --- bipartite modes ---------------------------------------------------------------

function matchBipartite(people: Participant[], scoringIn: ScoringConfig, o: ResolvedMatchOptions, configHash: string): { result: MatchResult; matrix: CompatibilityMatrix } {
  const { mentees, mentors, matrix } = bipartiteMatrix(people, scoringIn, o);
  const menteeIdx = new Map(mentees.map((p, i) => [p.id, i]));
  const mentorIdx = new Map(mentors.map((p, j) => [p.id, j]));
  const R = mentees.length;
  const C = mentors.length;

  // Locked pairs are kept; their mentors' places (and their mentees' places) are used up.
  const lockedPairs: [number, number][] = o.locked.map(([a, b]) => {
    const [ma, mb] = orient(a, b, menteeIdx, mentorIdx, 'locked');
    return [menteeIdx.get(ma)!, mentorIdx.get(mb)!];
  });
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
  let chosen: [number, number][];
  let fair: Fairness | undefined;
  let search: SearchStatus = EXACT;
  let dissolved: readonly number[] = [];
  // Without the `matched` tier, best total (and the fairness reference) may leave people
  // out for a better total; most-matched, the `matched` tier and every floor-restricted
  // fairness solve match as many as possible first.
  const cardinalityFirst = o.objective === 'most-matched' || o.tiers.includes('matched');
  // Group mode, and capacity modes where some mentor asks for a minimum number of mentees,
  // go through the group solver (sizes between a minimum and a maximum per mentor).
  const mentorMins = quota === undefined && o.mode !== 'group' && o.mode !== 'one-to-one' && mentors.some((p) => p.capacity.min > 0);
  if (o.mode === 'group' || mentorMins) {
    const cohesion = o.group.cohesion;
    const groups = (data: Float64Array) => {
      const allowed = new Uint8Array(R * C);
      for (let k = 0; k < allowed.length; k++) allowed[k] = data[k] === -Infinity ? 0 : 1;
      return solveGroups({ rows: R, cols: C, data }, allowed, {
        minSize: mentorMins ? mentors.map((p) => p.capacity.min) : o.group.minSize,
        maxSize: Array.from(capacity),
        // Dissolving one undersized group per re-solve is the rule; on large cohorts (many
        // mentors) 16 at a time keeps the dissolve loop to seconds (see groups.ts).
        dissolveBatch: C > 500 ? 16 : 1,
        ...(cohesion ? { cohesion: { weight: cohesion.weight, similarity: (a: number, b: number) => jaccard(mentees[a][cohesion.on], mentees[b][cohesion.on]) } } : {}),
      });
    };
    let g = groups(value.data);
    if (o.objective === 'fairness') {
      const r = fairnessSearch(value, matrix.scores, g, groups, (x) => fromAssignment(x.assignment));
      g = r.result;
      fair = r;
    }
    chosen = fromAssignment(g.assignment);
    dissolved = g.dissolved;
    search = { exact: g.exact, converged: g.converged, moves: g.swaps };
  } else {
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
    chosen = solved.pairs;
    fair = solved.fair;
  }
  let total = tally(value, chosen).total;
  if (severalMentors) {
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
    let rest: RowQuota | undefined;
    if (quota) {
      const cap = quota.cap.slice();
      for (const [i] of chosen) if (quota.of[i] >= 0) cap[quota.of[i]]--;
      rest = { of: quota.of, cap };
    }
    const further = furtherMentors(value, matrix.scores, openRows, chosen, more, left, o.objective === 'best-total', fair ? fair.floor : -Infinity, rest);
    chosen = [...chosen, ...further.pairs];
    total += further.total;
  }
  const objective: ObjectiveValue = fair
    ? { name: 'fairness', value: 100 * fair.floor, priceOfFairness: 100 * fair.price }
    : { name: o.objective, value: 100 * total };
  const lockedSet = new Set(lockedPairs.map(([i, j]) => i * C + j));
  chosen = [...lockedPairs, ...chosen].sort((x, y) => x[0] - y[0] || x[1] - y[1]);

  const pairs: MatchedPair[] = [];
  const members: number[][] = mentors.map(() => []);
  const menteeMatched = new Uint8Array(R);
  for (const [i, j] of chosen) {
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
  const groups: MatchedGroup[] =
    o.mode === 'group'
      ? members.flatMap((m, j) =>
          m.length === 0
            ? []
            : [{ mentorId: mentors[j].id, memberIds: m.map((i) => mentees[i].id), score: mean(m.map((i) => 100 * matrix.score(i, j))), concerns: groupConcerns(matrix, m, j) }],
        )
      : [];
  const dissolvedSet = new Set(dissolved);
  let quotaUse: { of: Int32Array; used: Int32Array } | undefined;
  if (quota) {
    const used = new Int32Array(o.quotas.length);
    for (const [i] of chosen) if (quota.of[i] >= 0) used[quota.of[i]]++;
    quotaUse = { of: quota.of, used };
  }
  const outcome: BipartiteOutcome = { matrix, value: value.data, mentees, mentors, places, members, locked: lockedSet, quota: quotaUse, anyDissolved: dissolvedSet.size > 0, options: o };
  const unmatched: Unmatched[] = [];
  for (let i = 0; i < R; i++) if (!menteeMatched[i]) unmatched.push({ id: mentees[i].id, role: 'mentee', reason: menteeReason(outcome, i) });
  const menteeSet = new Set(mentees.map((p) => p.id));
  mentors.forEach((p, j) => {
    if (members[j].length > 0 || menteeSet.has(p.id)) return; // a matched mentee who also mentors is not "unmatched"
    const min = o.mode === 'group' ? o.group.minSize : p.capacity.min;
    unmatched.push({ id: p.id, role: 'mentor', reason: mentorReason(outcome, j, dissolvedSet.has(j) ? min : -1) });
  });
  return { result: deepFreeze({ mode: o.mode, pairs, groups, unmatched, stats: stats(people.length, pairs, unmatched), objective, tiers: o.tiers, search, ...(o.mode === 'group' ? { group: { minSize: o.group.minSize, maxSize: o.group.maxSize } } : {}), configHash }), matrix };
}

/**
 * Values the solver maximises: pair scores (0–1) plus preference and priority bonuses;
 * forbidden pairs, pairs below `minScore`, and the rows of locked mentees are -Infinity.
 */
function solverValues(
  matrix: CompatibilityMatrix,
  o: ResolvedMatchOptions,
  rowIds: readonly string[],
  colIds: readonly string[],
  lockedRow: Int32Array,
): { rows: number; cols: number; data: Float64Array } {
  const { rows, cols } = matrix;
  const data = new Float64Array(rows * cols);
  const prio = new Set(o.priority);
  const rowIndex = new Map(rowIds.map((x, i) => [x, i]));
  const colIndex = new Map(colIds.map((x, j) => [x, j]));
  const preferred = new Set<number>();
  for (const [a, b] of o.preferredPartners) {
    const i = rowIndex.get(a) ?? rowIndex.get(b);
    const j = rowIndex.has(a) ? colIndex.get(b) : colIndex.get(a);
    if (i === undefined || j === undefined) throw new ConfigError([`preferredPartners: [${a}, ${b}] does not name a mentee and a mentor`]);
    preferred.add(i * cols + j);
    if (matrix.kind === 'peer') preferred.add(j * cols + i);
  }
  for (const x of o.priority) if (!rowIndex.has(x) && !colIndex.has(x)) throw new ConfigError([`priority: '${x}' is not a participant`]);
  for (let i = 0; i < rows; i++) {
    const bonusRow = prio.has(rowIds[i]) ? o.priorityBonus : 0;
    for (let j = 0; j < cols; j++) {
      const k = i * cols + j;
      const s = matrix.scores[k];
      if (matrix.forbidden[k] !== 0 || s < o.minScore || lockedRow[i] >= 0) {
        data[k] = -Infinity;
        continue;
      }
      data[k] = s + bonusRow + (prio.has(colIds[j]) && matrix.kind === 'peer' ? o.priorityBonus : 0) + (preferred.has(k) ? o.preferredBonus : 0);
    }
  }
  return { rows, cols, data };
}

/** The floor a fairness search reached, and the total it gave up for it (0–1 scale, bonuses included, the tier's lift not). */
interface Fairness {
  readonly floor: number;
  readonly price: number;
}

/** Pairs, essential fits and the total (values without the tier's lift) of a set of pairs. */
function tally(v: SolverValues, pairs: readonly (readonly [number, number])[]): { count: number; fits: number; total: number } {
  let fits = 0;
  let total = 0;
  for (const [i, j] of pairs) {
    const k = i * v.cols + j;
    if (isLifted(v, k)) fits++;
    total += baseValue(v, k);
  }
  return { count: pairs.length, fits, total };
}

/** The values with a zero-valued "nobody" column appended (so that leaving a row out costs nothing). */
function withNobody(data: Float64Array, rows: number, cols: number): { rows: number; cols: number; data: Float64Array } {
  const ext = new Float64Array(rows * (cols + 1));
  for (let i = 0; i < rows; i++) ext.set(data.subarray(i * cols, (i + 1) * cols), i * (cols + 1));
  return { rows, cols: cols + 1, data: ext };
}

/** True when the pairs keep every quota cap. */
function withinQuota(pairs: readonly (readonly [number, number])[], quota: RowQuota): boolean {
  const used = new Int32Array(quota.cap.length);
  for (const [i] of pairs) if (quota.of[i] >= 0 && ++used[quota.of[i]] > quota.cap[quota.of[i]]) return false;
  return true;
}

/** Exact b-matching (quota groups) as a list of pairs. */
function bMatchingPairs(rows: number, cols: number, data: Float64Array, rowCap: Int32Array, colCap: Int32Array, stop: boolean, quota: RowQuota | undefined): [number, number][] {
  const flat = solveBMatching(rows, cols, data, rowCap, colCap, stop, quota);
  const pairs: [number, number][] = [];
  for (let t = 0; t < flat.length; t += 2) pairs.push([flat[t], flat[t + 1]]);
  return pairs;
}

/**
 * The fairness search shared by every solver: binary search over the distinct pair
 * scores (0–1, bonuses and the tier's lift excluded) for the highest floor whose solve —
 * pairs scoring below the floor not allowed — still reaches the reference answer's
 * number of pairs and of essential fits; then that solve's answer, the floor (its lowest
 * pair score: a higher floor would have been feasible too) and the price of fairness,
 * the total score given up versus the reference (≥ 0).
 *
 * @param v - The solver values (with their tier).
 * @param scores - The pair scores of the matrix (row-major, 0–1), what the floor is on.
 * @param reference - The answer without a floor.
 * @param solve - Solves on values with the pairs below a floor set to −Infinity.
 * @param pairsOf - The pairs of an answer.
 */
function fairnessSearch<T>(
  v: SolverValues,
  scores: Float64Array,
  reference: T,
  solve: (data: Float64Array) => T,
  pairsOf: (x: T) => readonly (readonly [number, number])[],
): Fairness & { result: T } {
  const scoreTotal = (pairs: readonly (readonly [number, number])[]): number => pairs.reduce((t, [i, j]) => t + scores[i * v.cols + j], 0);
  const refPairs = pairsOf(reference);
  const ref = { ...tally(v, refPairs), scoreTotal: scoreTotal(refPairs) };
  const n = v.data.length;
  const buf = new Float64Array(n);
  let m = 0;
  for (let k = 0; k < n; k++) if (v.data[k] !== -Infinity) buf[m++] = scores[k];
  const sorted = buf.subarray(0, m).sort();
  const levels: number[] = [];
  for (let t = 0; t < m; t++) if (t === 0 || sorted[t] !== sorted[t - 1]) levels.push(sorted[t]);
  const d = buf; // reused: one buffer for every floor tried
  const above = (floor: number) => {
    for (let k = 0; k < n; k++) d[k] = v.data[k] !== -Infinity && scores[k] >= floor ? v.data[k] : -Infinity;
    const result = solve(d);
    const pairs = pairsOf(result);
    return { ...tally(v, pairs), scoreTotal: scoreTotal(pairs), result };
  };
  let lo = 0;
  let hi = levels.length - 1;
  let bestFloor = -Infinity;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = above(levels[mid]);
    if (r.count >= ref.count && r.fits >= ref.fits) {
      bestFloor = levels[mid];
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  const best = above(bestFloor);
  const pairs = pairsOf(best.result);
  // The floor reached is the lowest pair score of the answer (equal to bestFloor for the
  // exact solvers; the group heuristic may do better). Never a negative price: the exact
  // solvers cannot beat their reference, and where the heuristic does, nothing was paid.
  const lowest = pairs.length ? pairs.reduce((x, [i, j]) => Math.min(x, scores[i * v.cols + j]), Infinity) : 0;
  return { result: best.result, floor: lowest, price: Math.max(0, ref.scoreTotal - best.scoreTotal) };
}

/**
 * The quota groups of the mentees: for each quota, the mentees whose attribute has the
 * value; a mentee in several quotas is capped by the first (a documented simplification).
 */
function quotaGroups(mentees: readonly Participant[], o: ResolvedMatchOptions, locked: readonly [number, number][]): RowQuota | undefined {
  if (o.quotas.length === 0) return undefined;
  const of = Int32Array.from(mentees, (p) => o.quotas.findIndex((q) => p.attributes[q.attribute] === q.value));
  const cap = Int32Array.from(o.quotas, (q) => q.max);
  for (const [i] of locked) if (of[i] >= 0) cap[of[i]] = Math.max(0, cap[of[i]] - 1); // locked pairs count
  return { of, cap };
}

function fromAssignment(a: Int32Array): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < a.length; i++) if (a[i] >= 0) out.push([i, a[i]]);
  return out;
}

/**
 * Stage 2 of several mentors per mentee (first mentors first): after every mentee has had
 * the chance of a first mentor, the mentees who may take more get further, different
 * mentors on the places left — exactly (b-matching on the mentees with room × the mentors
 * with places, which is small: the first-mentor solve filled most places). Best total
 * stops when another pair would not add value; most matched fills what it can; fairness
 * keeps the floor the first stage reached.
 *
 * @param value - Solver values (rows of locked mentees closed; their open rows in `openRows`).
 * @param chosen - Stage 1's pairs.
 * @param more - Further mentors each mentee may take.
 * @param left - Places left per mentor.
 * @param stop - Stop when another pair would not add value (best total).
 * @param scores - The matrix's pair scores (0–1): what the fairness floor is on.
 * @param floor - The fairness floor to keep (−Infinity: none).
 * @param quota - The quota groups of the mentees (all rows) with what is left of each cap.
 */
function furtherMentors(
  value: SolverValues,
  scores: Float64Array,
  openRows: ReadonlyMap<number, Float64Array>,
  chosen: readonly (readonly [number, number])[],
  more: Int32Array,
  left: Int32Array,
  stop: boolean,
  floor: number,
  quota?: RowQuota,
): { pairs: [number, number][]; total: number } {
  const { rows, cols, data } = value;
  const R2: number[] = [];
  const C2: number[] = [];
  for (let i = 0; i < rows; i++) if (more[i] > 0) R2.push(i);
  for (let j = 0; j < cols; j++) if (left[j] > 0) C2.push(j);
  if (R2.length === 0 || C2.length === 0) return { pairs: [], total: 0 };
  const taken = new Set(chosen.map(([i, j]) => i * cols + j));
  const m = C2.length;
  const sub = new Float64Array(R2.length * m);
  const base = (i: number, j: number, v: number): number => (isLifted(value, i * cols + j) ? v - value.lift : v);
  R2.forEach((i, a) => {
    const row = openRows.get(i);
    C2.forEach((j, b) => {
      const v = row ? row[j] : data[i * cols + j];
      sub[a * m + b] = taken.has(i * cols + j) || scores[i * cols + j] < floor ? -Infinity : v;
    });
  });
  const q = quota ? { of: Int32Array.from(R2, (i) => quota.of[i]), cap: quota.cap } : undefined;
  const rowCap = Int32Array.from(R2, (i) => more[i]);
  const colCap = Int32Array.from(C2, (j) => left[j]);
  // As in stage 1: the plain flow first, the quota groups only when a cap binds.
  let flat = solveBMatching(R2.length, m, sub, rowCap, colCap, stop);
  if (q) {
    const local: [number, number][] = [];
    for (let t = 0; t < flat.length; t += 2) local.push([flat[t], flat[t + 1]]);
    if (!withinQuota(local, q)) flat = solveBMatching(R2.length, m, sub, rowCap, colCap, stop, q);
  }
  const pairs: [number, number][] = [];
  let total = 0;
  for (let t = 0; t < flat.length; t += 2) {
    const [i, j] = [R2[flat[t]], C2[flat[t + 1]]];
    pairs.push([i, j]);
    total += base(i, j, sub[flat[t] * m + flat[t + 1]]);
  }
  return { pairs, total };
}

// --- peer mode ---------------------------------------------------------------------

function matchPeers(people: Participant[], scoringIn: ScoringConfig, o: ResolvedMatchOptions, configHash: string): { result: MatchResult; matrix: CompatibilityMatrix } {
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

// --- reasons, stats, helpers -----------------------------------------------------

function circleScore(matrix: CompatibilityMatrix, c: readonly number[]): number {
  const s: number[] = [];
  for (let a = 0; a < c.length; a++) for (let b = a + 1; b < c.length; b++) s.push(100 * matrix.score(c[a], c[b]));
  return mean(s);
}

function mean(xs: readonly number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}

function jaccard(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const sb = new Set(b);
  let c = 0;
  for (const x of a) if (sb.has(x)) c++;
  return c / (a.length + b.length - c);
}

/** [menteeId, mentorId] from a pair written either way round. */
function orient(a: string, b: string, mentees: Map<string, number>, mentors: Map<string, number>, what: string): [string, string] {
  if (mentees.has(a) && mentors.has(b)) return [a, b];
  if (mentees.has(b) && mentors.has(a)) return [b, a];
  throw new ConfigError([`${what}: [${a}, ${b}] does not name a mentee and a mentor`]);
}

/**
 * Summary statistics: every pair's score, the pairs inside peer trios and circles
 * included (`circlePairScores`: one score per pair of members).
 */
function stats(participants: number, pairs: readonly MatchedPair[], unmatched: readonly Unmatched[], circlePairScores: readonly number[] = []): MatchResult['stats'] {
  const scores = [...pairs.map((p) => p.score), ...circlePairScores];
  return {
    participants,
    matched: participants - unmatched.length,
    unmatched: unmatched.length,
    pairs: scores.length,
    meanScore: mean(scores),
    lowestScore: scores.length ? scores.reduce((a, b) => (b < a ? b : a)) : 0,
    totalScore: scores.reduce((a, b) => a + b, 0),
  };
}

/** Scores (0–100) of every pair of members inside each peer group. */
function innerPairScores(matrix: CompatibilityMatrix, members: readonly (readonly number[])[]): number[] {
  const out: number[] = [];
  for (const c of members) for (let a = 0; a < c.length; a++) for (let b = a + 1; b < c.length; b++) out.push(100 * matrix.score(c[a], c[b]));
  return out;
}

