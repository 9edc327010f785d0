import { quantileSorted } from 'd3-array';
import { requireResult } from '../match/result-schema.js';
import { requireParticipants } from '../_internal/args.js';
import type { MatchResult } from '../match/types.js';
import { groupsOf, mentorGroups, mentorPairs, pairIds, peerGroups } from '../match/result-shape.js';
import type { Participant } from '../profile/types.js';
import { CONCERN_CODES, type ConcernCode } from '../score/concerns.js';
import { placesIn as placesOf } from '../match/places.js';
import { byId, deepFreeze, meanOf, participantIndex, partnersOf, requireCovered } from './_internal/result-index.js';
import type { CriterionAverage, EssentialFitSummary, FairnessPrice, MentorLoad, ResultSummary, ScoreDistribution, SideSummary, SkillShortfall } from './types.js';

/**
 * Summarises a match result for a programme manager: how many people were matched, how
 * good the pairs are, what each criterion contributed, how evenly mentors are loaded,
 * how many pairs cross departments, why people were left out, and which wanted skills
 * lack mentors.
 *
 * - **Scores** — the distribution of pair scores (0–100; d3-array's `quantileSorted`, R-7).
 *   Peer trios and circles (groups without a mentor) count once each, with the group's
 *   mean score; group-mode groups are already counted through their pairs.
 * - **Criteria** — per criterion, the mean contribution (points) over all pairs and the
 *   mean criterion score over the pairs where it applies, in report order.
 * - **Mentor load** — pairs per mentor (group mode: the group's members), ids ascending,
 *   including mentors with no mentee. `capacity` is the number of places the mode gives
 *   the mentor (`places`, as `match` counts them: one-to-one 1; otherwise the profile's
 *   `capacity.max`, in group mode capped by `group.maxSize` when the result carries it) and needs
 *   `participants`; without them the mentors are the ones the result names. Empty in peer mode.
 * - **Load Gini** — 0 when every mentor has the same load; (n − 1)/n when one of n mentors
 *   has every mentee.
 * - **Cross-department share** — among pairs where both people have a department (needs
 *   `participants`), the share whose departments differ; null when there is no such pair.
 * - **Shortfalls** (needs `participants`) — per wanted skill: `demand` (mentees who want
 *   it), `supply` (mentor places, summed, of mentors who offer it at any level),
 *   `unserved` (mentees who want it and have no mentor offering it, matched or not), and
 *   `mentorsShort`, the missing places in mentors of average capacity, rounded up. A skill
 *   is listed when demand exceeds supply or someone is unserved, worst first (mentors
 *   short, then places short, then unserved, then skill name). In peer mode every peer is
 *   both sides with one place.
 * - **Essential fit** — matched mentees (the distinct mentees of the pairs; peer mode:
 *   both peers of each pair) of whom at least one pair is an essential fit
 *   (`pair.essentialFit`): `{ mentees, of, rate }`. Peer trios and circles have no
 *   pair-level checks and are not counted.
 * - **Concerns** — pairs per concern code (`pair.concerns`), all five codes in
 *   `CONCERN_CODES` order, zeros included; `pairsWithConcerns` counts the pairs with at
 *   least one, and `groupConcerns` the groups per code of their own concerns
 *   (`group.concerns`, e.g. `no-common-time` for a group that cannot meet all at once).
 *
 * @param result - a {@link MatchResult} from `match`.
 * @param participants - the cohort the result was computed from (optional; enables
 *   capacities, departments and skill shortfalls).
 * @returns a readonly {@link ResultSummary}; deterministic (ids and skills in ascending order
 *   where no other order is given).
 * @throws InvalidInputError (`INVALID_INPUT`) when `participants` is given but misses
 *   someone the result names, or repeats an id.
 *
 * Complexity: O(pairs · criteria + participants · skills + Σ people's partners).
 *
 * @example
 * ```ts
 * // 3 mentees, 2 mentors; nobody offers rust (the cohort of the README section).
 * const result = match(people, { mode: 'one-to-one' });
 * const s = summarize(result, people);
 * s.matchRate;          // 0.8 (4 of 5 people: mentors count too)
 * s.sides;              // [{ role: 'mentee', total: 3, matched: 2, rate: 0.667 }, { role: 'mentor', total: 2, matched: 2, rate: 1 }]
 * s.unmatchedByReason;  // { 'no-capacity': 1 }
 * s.shortfalls;         // [{ skill: 'rust', demand: 1, supply: 0, placesShort: 1, unserved: 1, mentorsShort: 1 }]
 * s.essentialFit;       // { mentees: 2, of: 2, rate: 1 } (cai, who wants rust, is unmatched)
 * s.concerns['no-wanted-skill']; // 0
 * ```
 */
export function summarize(result: MatchResult, participants?: readonly Participant[]): ResultSummary {
  requireResult(result, 'summarize', 'result', false); // results of older versions (no concerns, essentialFit) are summarised
  if (participants !== undefined) requireParticipants(participants, 'summarize');
  const people = participants ? participantIndex(participants, 'summarize') : undefined;
  if (people) requireCovered(result, people, 'summarize');
  const { stats } = result;
  const peer = result.mode === 'peer';

  const pairScores = result.pairs.map((p) => p.score);
  for (const g of peerGroups(result)) pairScores.push(g.score);

  const mentorLoad = peer ? [] : loads(result, people);
  const summary: ResultSummary = {
    mode: result.mode,
    participants: stats.participants,
    matched: stats.matched,
    unmatched: stats.unmatched,
    matchRate: stats.participants === 0 ? 0 : stats.matched / stats.participants,
    sides: sides(result),
    fairnessPrice: fairnessPrice(result, pairScores.length),
    scores: distribution(pairScores),
    criteria: criterionAverages(result),
    mentorLoad,
    loadGini: gini(mentorLoad.map((m) => m.load)),
    crossDepartmentShare: people ? crossDepartment(result, people) : null,
    unmatchedByReason: countReasons(result),
    shortfalls: people ? shortfalls(result, participants!, people) : [],
    essentialFit: essentialFit(result, peer),
    ...concernCounts(result),
  };
  return deepFreeze(summary);
}

/** What the fairness objective gave up, of the best total it is compared with. */
function fairnessPrice(result: MatchResult, pairs: number): FairnessPrice | null {
  const { priceOfFairness: points, referenceTotal: of } = result.objective;
  if (points === undefined || of === undefined) return null;
  return { points, of, share: of > 0 ? points / of : 0, perPair: pairs > 0 ? points / pairs : 0 };
}

/** Mentees and mentors apart (peer mode: the peers): matched are the distinct ids in a pair or group. */
function sides(result: MatchResult): SideSummary[] {
  const side = (role: SideSummary['role'], matched: ReadonlySet<string>): SideSummary => {
    const unmatched = result.unmatched.filter((u) => u.role === role && !matched.has(u.id)).length;
    const total = matched.size + unmatched;
    return { role, total, matched: matched.size, rate: total === 0 ? 0 : matched.size / total };
  };
  if (result.mode === 'peer') {
    const peers = new Set<string>();
    for (const p of result.pairs) for (const id of pairIds(p)) peers.add(id);
    for (const g of peerGroups(result)) for (const id of g.memberIds) peers.add(id);
    return [side('peer', peers)];
  }
  const mentees = new Set<string>();
  const mentors = new Set<string>();
  for (const p of mentorPairs(result)) {
    mentees.add(p.menteeId);
    mentors.add(p.mentorId);
  }
  for (const g of mentorGroups(result)) {
    mentors.add(g.mentorId);
    for (const id of g.memberIds) mentees.add(id);
  }
  return [side('mentee', mentees), side('mentor', mentors)];
}

/** Matched mentees (peer mode: peers in a pair) with at least one essential-fit pair. */
function essentialFit(result: MatchResult, peer: boolean): EssentialFitSummary {
  const fit = new Map<string, boolean>();
  const see = (id: string, ok: boolean): void => {
    fit.set(id, (fit.get(id) ?? false) || ok);
  };
  for (const p of result.pairs) {
    const ok = p.essentialFit === true;
    const [a, b] = pairIds(p);
    see(a, ok);
    if (peer) see(b, ok);
  }
  let mentees = 0;
  for (const ok of fit.values()) if (ok) mentees++;
  const of = fit.size;
  return { mentees, of, rate: of === 0 ? 0 : mentees / of };
}

/** Every concern code with 0. */
function zeroCounts(): Record<ConcernCode, number> {
  const out = {} as Record<ConcernCode, number>;
  for (const c of CONCERN_CODES) out[c] = 0;
  return out;
}

/** Pairs per concern code, pairs with any concern, groups per concern code. */
function concernCounts(result: MatchResult): Pick<ResultSummary, 'concerns' | 'pairsWithConcerns' | 'groupConcerns'> {
  const concerns = zeroCounts();
  const groupConcerns = zeroCounts();
  let pairsWithConcerns = 0;
  // `?? []`: a result written before concerns existed (last round's JSON) counts none.
  for (const p of result.pairs) {
    const codes = new Set((p.concerns ?? []).map((c) => c.code));
    for (const c of codes) if (c in concerns) concerns[c]++;
    if (codes.size > 0) pairsWithConcerns++;
  }
  for (const g of groupsOf(result)) {
    for (const c of new Set((g.concerns ?? []).map((x) => x.code))) if (c in groupConcerns) groupConcerns[c]++;
  }
  return { concerns, pairsWithConcerns, groupConcerns };
}

/** Distribution of 0–100 scores; all zeros when empty. */
function distribution(xs: readonly number[]): ScoreDistribution {
  if (xs.length === 0) return { count: 0, mean: 0, min: 0, p10: 0, p25: 0, median: 0, p75: 0, p90: 0, max: 0 };
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number): number => quantileSorted(s, p) ?? 0;
  return {
    count: s.length,
    mean: meanOf(xs),
    min: s[0],
    p10: q(0.1),
    p25: q(0.25),
    median: q(0.5),
    p75: q(0.75),
    p90: q(0.9),
    max: s[s.length - 1],
  };
}

function criterionAverages(result: MatchResult): CriterionAverage[] {
  const acc = new Map<string, { contribution: number; score: number; applies: number }>();
  for (const p of result.pairs) {
    for (const c of p.breakdown) {
      let a = acc.get(c.name);
      if (!a) acc.set(c.name, (a = { contribution: 0, score: 0, applies: 0 }));
      a.contribution += c.contribution;
      if (c.score !== null) {
        a.score += c.score;
        a.applies++;
      }
    }
  }
  const n = result.pairs.length;
  return [...acc].map(([name, a]) => ({
    name,
    meanContribution: a.contribution / n,
    meanScore: a.applies === 0 ? null : a.score / a.applies,
    applies: a.applies,
  }));
}

function loads(result: MatchResult, people: Map<string, Participant> | undefined): MentorLoad[] {
  const load = new Map<string, number>();
  if (people) for (const p of people.values()) if (p.roles.includes('mentor')) load.set(p.id, 0);
  for (const u of result.unmatched) if (u.role === 'mentor' && !load.has(u.id)) load.set(u.id, 0);
  for (const p of mentorPairs(result)) load.set(p.mentorId, (load.get(p.mentorId) ?? 0) + 1);
  // Group mode: the group's members (the same as its pairs when the result is from `match`).
  for (const g of mentorGroups(result)) load.set(g.mentorId, Math.max(load.get(g.mentorId) ?? 0, g.memberIds.length));
  return [...load.keys()].sort(byId).map((id) => {
    const p = people?.get(id);
    return { id, name: p?.name, load: load.get(id)!, capacity: p ? placesOf(p, result) : undefined };
  });
}

/** Gini coefficient of non-negative values (0 when empty or all zero). */
function gini(xs: readonly number[]): number {
  const n = xs.length;
  const s = Float64Array.from(xs).sort();
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    total += s[i];
    weighted += (i + 1) * s[i];
  }
  if (n === 0 || total === 0) return 0;
  return Math.max(0, (2 * weighted) / (n * total) - (n + 1) / n);
}

function crossDepartment(result: MatchResult, people: Map<string, Participant>): number | null {
  let known = 0;
  let cross = 0;
  for (const p of result.pairs) {
    const [x, y] = pairIds(p);
    const a = people.get(x)?.department;
    const b = people.get(y)?.department;
    if (a === undefined || b === undefined) continue;
    known++;
    if (a !== b) cross++;
  }
  return known === 0 ? null : cross / known;
}

function countReasons(result: MatchResult): Record<string, number> {
  const c = new Map<string, number>();
  for (const u of result.unmatched) c.set(u.reason.code, (c.get(u.reason.code) ?? 0) + 1);
  const out: Record<string, number> = {};
  for (const k of [...c.keys()].sort(byId)) out[k] = c.get(k)!;
  return out;
}

function shortfalls(result: MatchResult, participants: readonly Participant[], people: Map<string, Participant>): SkillShortfall[] {
  const peer = result.mode === 'peer';
  const mentees = peer ? participants : participants.filter((p) => p.roles.includes('mentee'));
  const mentors = peer ? participants : participants.filter((p) => p.roles.includes('mentor'));
  const demand = new Map<string, number>();
  const supply = new Map<string, number>();
  const unserved = new Map<string, number>();
  let places = 0;
  for (const m of mentors) {
    const k = placesOf(m, result);
    places += k;
    for (const s of m.skillsOffered) supply.set(s.name, (supply.get(s.name) ?? 0) + k);
  }
  // Who teaches whom: peers learn from every partner; a mentee from their mentors only
  // (someone both mentee and mentor is not taught by their own mentees).
  const teachers = new Map<string, string[]>();
  if (peer) for (const [id, l] of partnersOf(result)) teachers.set(id, l.map((x) => x.partner));
  else {
    for (const p of mentorPairs(result)) {
      const l = teachers.get(p.menteeId);
      if (l) l.push(p.mentorId);
      else teachers.set(p.menteeId, [p.mentorId]);
    }
  }
  for (const e of mentees) {
    const offered = new Set<string>();
    for (const t of teachers.get(e.id) ?? []) for (const s of people.get(t)?.skillsOffered ?? []) offered.add(s.name);
    for (const s of e.skillsWanted) {
      demand.set(s.name, (demand.get(s.name) ?? 0) + 1);
      if (!offered.has(s.name)) unserved.set(s.name, (unserved.get(s.name) ?? 0) + 1);
    }
  }
  const average = mentors.length === 0 || places === 0 ? 1 : places / mentors.length;
  const out: SkillShortfall[] = [];
  for (const [skill, d] of demand) {
    const sup = supply.get(skill) ?? 0;
    const u = unserved.get(skill) ?? 0;
    const placesShort = Math.max(0, d - sup);
    if (placesShort === 0 && u === 0) continue;
    out.push({ skill, demand: d, supply: sup, placesShort, unserved: u, mentorsShort: Math.ceil(placesShort / average) });
  }
  return out.sort(
    (a, b) => b.mentorsShort - a.mentorsShort || b.placesShort - a.placesShort || b.unserved - a.unserved || byId(a.skill, b.skill),
  );
}
