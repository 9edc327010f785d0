import { ConfigError } from '../errors.js';
import type { Participant } from '../profile/types.js';
import { explainPair, type PairExplanation } from '../score/explain.js';
import { buildCompatibility } from '../score/matrix.js';
import { splitConfig, type MatchConfig } from './config.js';
import { inIdOrder } from './match.js';

/** One recommended candidate. */
export interface Recommendation {
  readonly id: string;
  /** Compatibility on 0–100. */
  readonly score: number;
  /** Places the candidate mentor still has (mentee candidates: the mentee's free slots). */
  readonly placesLeft: number;
  readonly explanation: PairExplanation;
}

/**
 * The top `k` candidates for one person, best first, with explanations — for
 * self-selection programmes. For a mentee: mentors; for a mentor: mentees. Forbidden
 * pairs (rules, `excludedPartners`, `minScore`) are never recommended, and neither is a
 * mentor with no place left after the `locked` pairs (capacity-aware), nor a mentee
 * who already has all their mentors. Candidates are ranked as `match` chooses: essential
 * fits first (a wanted skill at level, a shared language, common time — unless `tiers`
 * leaves `essential-fit` out), then by score; ties go to the smaller id. Each
 * candidate's `explanation.concerns` says what to check.
 *
 * @throws ConfigError when `personId` is not a participant with a mentee or mentor role.
 *
 * @example
 * ```ts
 * recommend(people, 'ana', 3).map((r) => [r.id, Math.round(r.score)]); // [['ben', 81], ['dee', 74], ['cai', 52]]
 * ```
 */
export function recommend(participants: readonly Participant[], personId: string, k = 5, config: MatchConfig = {}): Recommendation[] {
  const { scoring, options } = splitConfig(config);
  const people = inIdOrder(participants);
  const me = people.find((p) => p.id === personId);
  if (!me) throw new ConfigError([`recommend: '${personId}' is not a participant`]);
  const asMentee = me.roles.includes('mentee');
  if (!asMentee && !me.roles.includes('mentor')) throw new ConfigError([`recommend: '${personId}' has no role`]);
  const others = people.filter((p) => p.id !== personId && p.roles.includes(asMentee ? 'mentor' : 'mentee'));
  const rules = { ...(scoring.rules ?? {}) };
  const excluded = options.excludedPartners
    .filter(([a, b]) => a === personId || b === personId)
    .map(([a, b]) => (asMentee ? [personId, a === personId ? b : a] : [a === personId ? b : a, personId]) as [string, string])
    .filter(([a, b]) => others.some((p) => p.id === (asMentee ? b : a)));
  if (excluded.length) rules.bannedPairs = [...(rules.bannedPairs ?? []), ...excluded];
  // Scored as in the whole cohort's matrix (the same cohort model), one row or column of it.
  const cohort = { rows: people.filter((p) => p.roles.includes('mentee')), cols: people.filter((p) => p.roles.includes('mentor')) };
  const matrix = asMentee ? buildCompatibility([me], others, { ...scoring, rules }, cohort) : buildCompatibility(others, [me], { ...scoring, rules }, cohort);

  // Places left after locked pairs.
  const lockedCount = new Map<string, number>();
  for (const [a, b] of options.locked) for (const x of [a, b]) lockedCount.set(x, (lockedCount.get(x) ?? 0) + 1);
  const placesLeft = (p: Participant, asMentor: boolean): number => (asMentor ? p.capacity.max : p.maxMentors) - (lockedCount.get(p.id) ?? 0);
  if (placesLeft(me, !asMentee) <= 0) return [];

  const out: Recommendation[] = [];
  others.forEach((p, t) => {
    const [i, j] = asMentee ? [0, t] : [t, 0];
    if (matrix.isForbidden(i, j)) return;
    const score = 100 * matrix.score(i, j);
    if (score < 100 * options.minScore) return;
    const left = placesLeft(p, asMentee);
    if (left <= 0) return;
    out.push({ id: p.id, score, placesLeft: left, explanation: explainPair(matrix, i, j) });
  });
  // Ranked as match chooses: essential fits first (when that tier is on), then by score.
  const tiered = options.tiers.includes('essential-fit');
  const fit = (r: Recommendation): number => (tiered && r.explanation.essentialFit ? 1 : 0);
  out.sort((a, b) => fit(b) - fit(a) || b.score - a.score || (a.id < b.id ? -1 : 1));
  return out.slice(0, Math.max(0, k));
}
