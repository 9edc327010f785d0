import { requireParticipants } from '../_internal/args.js';
import { ConfigError } from '../errors.js';
import { normalizeId } from '../profile/ids.js';
import { MAX_COUNT } from '../profile/schema.js';
import type { Participant } from '../profile/types.js';
import { explainPair, type PairExplanation } from '../score/explain.js';
import { buildCompatibility } from '../score/matrix.js';
import { withModeRules } from './mode-rules.js';
import { splitConfig, type MatchConfig } from './config.js';
import { inIdOrder } from './match.js';
import { menteePlacesIn as menteePlaces, placesIn as places } from './places.js';

/** One recommended candidate. */
export interface Recommendation {
  readonly id: string;
  /** Compatibility on 0–100. */
  readonly score: number;
  /** Places the candidate mentor still has (mentee candidates: the mentee's free slots). */
  readonly placesLeft: number;
  readonly explanation: PairExplanation;
}

/** Options of {@link recommend}: the {@link MatchConfig} `match` would run with, plus whom to recommend for and how many. */
export type RecommendOptions = MatchConfig & {
  /** The participant to recommend for (a mentee gets mentors, a mentor gets mentees). */
  readonly for: string;
  /**
   * How many candidates at most (an integer from 0 to 2³¹ − 1).
   * @defaultValue 5
   */
  readonly k?: number;
};

/**
 * The top `k` candidates for one person, best first, with explanations — for
 * self-selection programmes. For a mentee: mentors; for a mentor: mentees. Forbidden
 * pairs (rules, `excludedPartners`, `minScore`) and `locked` partners (already paired)
 * are never recommended, and neither is a mentor with no place left after the `locked`
 * pairs, nor a mentee who already has all their mentors — places counted by
 * {@link places} / {@link menteePlaces} in the configured mode, exactly as `match` counts
 * them (one-to-one: one place per mentor, whatever their capacity; `placesLeft` is what
 * remains of them). Candidates are ranked as `match` chooses: essential fits
 * first (a wanted skill at level, a shared language, common time — unless `tiers` leaves
 * `essential-fit` out), then by score; ties go to the smaller id. Each candidate's
 * `explanation.concerns` says what to check.
 *
 * @param participants - validated participants (see `parseParticipants`).
 * @param options - {@link RecommendOptions}: `for` (required), `k` (default 5) and the
 *   configuration `match` would run with (`mode`, `locked`, `weights`, …).
 * @returns at most `k` recommendations, best first; empty when the person has no place left.
 * @throws ConfigError (`INVALID_CONFIG`) when `for` is not the id of a participant with a
 *   mentee or mentor role (ids compare as `normalizeId` stores them), when `k` is not an
 *   integer from 0 to 2³¹ − 1, or on an invalid configuration.
 *
 * Complexity: one row (or column) of the compatibility matrix: O(candidates × criteria),
 * plus sorting the candidates.
 *
 * @example
 * ```ts
 * recommend(people, { for: 'ana', k: 3 }).map((r) => [r.id, Math.round(r.score)]); // [['ben', 81], ['dee', 74], ['cai', 52]]
 * ```
 */
export function recommend(participants: readonly Participant[], options: RecommendOptions): Recommendation[] {
  requireParticipants(participants, 'recommend');
  const { for: personId, k, config, problems } = recommendOptions(options);
  const { scoring, options: o } = splitWithProblems(config, problems);
  const people = inIdOrder(participants);
  const me = people.find((p) => p.id === personId);
  if (!me) throw new ConfigError([`for: expected the id of one of the ${people.length} participants; found '${personId}'`]);
  const asMentee = me.roles.includes('mentee');
  if (!asMentee && !me.roles.includes('mentor')) throw new ConfigError([`for: expected a participant with a mentee or mentor role; found '${personId}' with no role`]);
  const others = people.filter((p) => p.id !== personId && p.roles.includes(asMentee ? 'mentor' : 'mentee'));
  const rules = { ...(scoring.rules ?? {}) };
  const excluded = o.excludedPartners
    .filter(([a, b]) => a === personId || b === personId)
    .map(([a, b]) => (asMentee ? [personId, a === personId ? b : a] : [a === personId ? b : a, personId]) as [string, string])
    .filter(([a, b]) => others.some((p) => p.id === (asMentee ? b : a)));
  if (excluded.length) rules.bannedPairs = [...(rules.bannedPairs ?? []), ...excluded];
  // The mode's own rules, as `match` applies them.
  Object.assign(rules, withModeRules(rules, o));
  // Scored as in the whole cohort's matrix (the same cohort model), one row or column of it.
  const cohort = { rows: people.filter((p) => p.roles.includes('mentee')), cols: people.filter((p) => p.roles.includes('mentor')) };
  const matrix = asMentee ? buildCompatibility([me], others, { ...scoring, rules }, cohort) : buildCompatibility(others, [me], { ...scoring, rules }, cohort);

  // Places left after locked pairs, counted as `match` counts them in this mode; a locked
  // pair is [mentee, mentor], or [mentor, mentee] when only that order names the roles.
  const menteeIds = new Set(cohort.rows.map((p) => p.id));
  const mentorIds = new Set(cohort.cols.map((p) => p.id));
  const lockedAs = { mentee: new Map<string, number>(), mentor: new Map<string, number>() };
  const bump = (m: Map<string, number>, id: string): void => void m.set(id, (m.get(id) ?? 0) + 1);
  const lockedWithMe = new Set<string>(); // never the same pair twice (as `match`)
  for (const [a, b] of o.locked) {
    const [e, m] = menteeIds.has(a) && mentorIds.has(b) ? [a, b] : [b, a];
    if (!menteeIds.has(e) || !mentorIds.has(m)) continue; // `match` rejects such a pair
    bump(lockedAs.mentee, e);
    bump(lockedAs.mentor, m);
    if ((asMentee ? e : m) === personId) lockedWithMe.add(asMentee ? m : e);
  }
  const placesLeft = (p: Participant, asMentor: boolean): number =>
    asMentor ? places(p, o) - (lockedAs.mentor.get(p.id) ?? 0) : menteePlaces(p, o) - (lockedAs.mentee.get(p.id) ?? 0);
  if (placesLeft(me, !asMentee) <= 0) return [];

  const out: Recommendation[] = [];
  others.forEach((p, t) => {
    const [i, j] = asMentee ? [0, t] : [t, 0];
    if (matrix.isForbidden(i, j) || lockedWithMe.has(p.id)) return;
    const score = 100 * matrix.score(i, j);
    if (score < 100 * o.minScore) return;
    const left = placesLeft(p, asMentee);
    if (left <= 0) return;
    out.push({ id: p.id, score, placesLeft: left, explanation: explainPair(matrix, i, j) });
  });
  // Ranked as match chooses: essential fits first (when that tier is on), then by score.
  const tiered = o.tiers.includes('essential-fit');
  const fit = (r: Recommendation): number => (tiered && r.explanation.essentialFit ? 1 : 0);
  out.sort((a, b) => fit(b) - fit(a) || b.score - a.score || (a.id < b.id ? -1 : 1));
  return out.slice(0, k);
}

/** Splits {@link RecommendOptions} into `for`, `k` and the match configuration, validating the first two. */
function recommendOptions(options: RecommendOptions): { for: string; k: number; config: MatchConfig; problems: string[] } {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new ConfigError([`(options): expected an object { for, k?, …config }; found ${describe(options)}`]);
  }
  const { for: personId, k = 5, ...config } = options;
  const issues: string[] = [];
  const id = typeof personId === 'string' ? normalizeId(personId) : '';
  if (id === '') issues.push(`for: expected a participant id (a non-empty string); found ${describe(personId)}`);
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 0 || k > MAX_COUNT) issues.push(`k: expected an integer from 0 to ${MAX_COUNT}; found ${describe(k)}`);
  return { for: id, k, config, problems: issues };
}

/** `splitConfig`, with the problems of `for` and `k` listed in the same error as the config's. */
function splitWithProblems(config: MatchConfig, problems: readonly string[]): ReturnType<typeof splitConfig> {
  let split: ReturnType<typeof splitConfig>;
  try {
    split = splitConfig(config);
  } catch (e) {
    if (e instanceof ConfigError && problems.length > 0) throw new ConfigError([...problems, ...e.issues]);
    throw e;
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return split;
}

function describe(x: unknown): string {
  return typeof x === 'string' ? `'${x}'` : typeof x === 'number' || typeof x === 'boolean' || x === null || x === undefined ? String(x) : Array.isArray(x) ? 'an array' : `a ${typeof x}`;
}
