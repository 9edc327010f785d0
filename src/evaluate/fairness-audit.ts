import { ConfigError, InvalidInputError } from '../errors.js';
import { requireResult } from '../match/result-schema.js';
import { requireOptions, requireParticipants } from '../_internal/args.js';
import type { MatchResult } from '../match/types.js';
import { mentorGroups, mentorPairs } from '../match/result-shape.js';
import { normalizeTag } from '../profile/normalize.js';
import type { Participant, Role } from '../profile/types.js';
import { byId, deepFreeze, meanOf, participantIndex, partnersOf } from './_internal/result-index.js';
import type { FairnessAudit, FairnessGroup } from './types.js';

/** Options of {@link fairnessAudit}. */
export interface FairnessAuditOptions {
  /**
   * Audit only the participants with this role (e.g. `'mentee'`: do mentees of every group
   * get matched alike?). Peers have both roles.
   * @defaultValue every participant
   */
  readonly role?: Role;
}

/** Profile fields that can be audited by name, besides the custom attributes. */
const BUILT_IN = ['department', 'location', 'seniority'] as const;
type BuiltIn = (typeof BUILT_IN)[number];

/** The label of people without the attribute. */
const MISSING_VALUE = '(missing)';

/**
 * Compares how each group of an attribute fares in a result: per value of the attribute,
 * how many participants, how many matched, the match rate, and the mean and lowest score
 * of its matched people; then the largest gaps between groups. Use it to check that, say,
 * mentees of every location or gender get matched as often and as well.
 *
 * The attribute is a custom attribute (`participant.attributes`, key normalised with
 * `normalizeTag`, so `'Team Size'` finds `team size`) or one of the built-in profile fields
 * `department`, `location`, `seniority`. A built-in name wins; write
 * `attributes.<name>` for a custom attribute with a built-in's name. Values are compared
 * as strings, as the profiles hold them (departments and locations are normalised by
 * `parseParticipants`, custom attribute values are not); people without the attribute form the group `(missing)`, listed last and
 * included in the gaps. Groups are in ascending value order (numeric when every value is a
 * number).
 *
 * A person is matched when they are in a pair or group of the result; their score is the
 * mean of their pair scores (a member of a peer trio or circle: the group's mean score).
 *
 * @param result - a {@link MatchResult} from `match`.
 * @param participants - the cohort (every participant is counted, matched or not).
 * @param attribute - the attribute to group by.
 * @param options - {@link FairnessAuditOptions}.
 * @returns a readonly {@link FairnessAudit}. Gaps are 0 with one group; `meanScoreGap` names
 *   `''` when no group has a matched person.
 * @throws ConfigError (`INVALID_CONFIG`) when no participant has the attribute (unknown
 *   attribute, or an empty cohort); the message lists the custom attributes that exist.
 * @throws InvalidInputError (`INVALID_INPUT`) when `participants` repeats an id.
 *
 * Complexity: O(participants + Σ pairs).
 *
 * @example
 * ```ts
 * const audit = fairnessAudit(result, people, 'location', { role: 'mentee' });
 * audit.groups.map((g) => [g.value, g.matchRate]); // [['berlin', 1], ['lisbon', 0.5]]
 * audit.matchRateGap;                              // { gap: 0.5, highest: 'berlin', lowest: 'lisbon' }
 * ```
 */
export function fairnessAudit(
  result: MatchResult,
  participants: readonly Participant[],
  attribute: string,
  options: FairnessAuditOptions = {},
): FairnessAudit {
  requireResult(result, 'fairnessAudit', 'result');
  requireParticipants(participants, 'fairnessAudit');
  requireOptions(options, 'fairnessAudit');
  participantIndex(participants, 'fairnessAudit'); // unique ids
  if (typeof attribute !== 'string' || attribute.trim() === '') {
    throw new ConfigError([`fairnessAudit: expected an attribute name; found ${JSON.stringify(attribute)}`]);
  }
  const role = options.role;
  if (role !== undefined && role !== 'mentee' && role !== 'mentor') {
    throw new InvalidInputError(`fairnessAudit: expected role 'mentee' or 'mentor'; found ${JSON.stringify(role)}`);
  }
  const cohort = role ? participants.filter((p) => p.roles.includes(role)) : participants;
  const read = reader(attribute);
  const values = cohort.map(read.value);
  if (!values.some((v) => v !== undefined)) throw unknownAttribute(attribute, read.label, participants, cohort.length, role);

  const scores = personScores(result, result.mode === 'peer' ? undefined : role);
  const byValue = new Map<string, { n: number; matched: number; scores: number[] }>();
  let allNumbers = true;
  cohort.forEach((p, k) => {
    const v = values[k];
    if (v !== undefined && typeof v !== 'number') allNumbers = false;
    const key = v === undefined ? MISSING_VALUE : String(v);
    let g = byValue.get(key);
    if (!g) byValue.set(key, (g = { n: 0, matched: 0, scores: [] }));
    g.n++;
    const s = scores.get(p.id);
    if (s !== undefined) {
      g.matched++;
      g.scores.push(s);
    }
  });
  const keys = [...byValue.keys()].filter((k) => k !== MISSING_VALUE);
  keys.sort(allNumbers ? (a, b) => Number(a) - Number(b) : byId);
  if (byValue.has(MISSING_VALUE)) keys.push(MISSING_VALUE);
  const groups: FairnessGroup[] = keys.map((value) => {
    const g = byValue.get(value)!;
    return {
      value,
      participants: g.n,
      matched: g.matched,
      matchRate: g.matched / g.n,
      meanScore: g.scores.length ? meanOf(g.scores) : null,
      minScore: g.scores.length ? g.scores.reduce((a, b) => (b < a ? b : a)) : null,
    };
  });
  return deepFreeze({
    attribute: read.label,
    role,
    groups,
    matchRateGap: gap(groups.map((g) => [g.value, g.matchRate])),
    meanScoreGap: gap(groups.flatMap((g) => (g.meanScore === null ? [] : [[g.value, g.meanScore] as [string, number]]))),
  });
}

function reader(attribute: string): { label: string; value: (p: Participant) => string | number | boolean | undefined } {
  const custom = attribute.startsWith('attributes.');
  const key = normalizeTag(custom ? attribute.slice('attributes.'.length) : attribute);
  if (!custom && (BUILT_IN as readonly string[]).includes(key)) {
    const field = key as BuiltIn;
    return { label: field, value: (p) => p[field] };
  }
  return { label: key, value: (p) => (Object.prototype.hasOwnProperty.call(p.attributes, key) ? p.attributes[key] : undefined) };
}

function unknownAttribute(attribute: string, label: string, participants: readonly Participant[], n: number, role: Role | undefined): ConfigError {
  const keys = new Set<string>();
  for (const p of participants) for (const k of Object.keys(p.attributes)) keys.add(k);
  const known = [...keys].sort(byId);
  const who = `${n} participant${n === 1 ? '' : 's'}${role ? ` with role '${role}'` : ''}`;
  return new ConfigError([
    `fairnessAudit: attribute '${attribute}' (read as '${label}') is not set for any of the ${who}; ` +
      `custom attributes present: ${known.length ? known.join(', ') : 'none'}; built-in: ${BUILT_IN.join(', ')}`,
  ]);
}

/**
 * Each matched person's score: the mean of their pair scores. With a role, only the pairs
 * in which the person has that role count (someone who mentors but got no mentor is not a
 * matched mentee).
 */
function personScores(result: MatchResult, role: Role | undefined): Map<string, number> {
  const out = new Map<string, number>();
  if (role === undefined) {
    for (const [id, l] of partnersOf(result)) out.set(id, meanOf(l.map((x) => x.score)));
  } else {
    const lists = new Map<string, number[]>();
    for (const p of mentorPairs(result)) {
      const id = role === 'mentee' ? p.menteeId : p.mentorId;
      const l = lists.get(id);
      if (l) l.push(p.score);
      else lists.set(id, [p.score]);
    }
    for (const [id, l] of lists) out.set(id, meanOf(l));
  }
  // A hand-built group-mode result may carry groups without their pairs.
  for (const g of mentorGroups(result)) {
    const ids = role === 'mentee' ? g.memberIds : role === 'mentor' ? [g.mentorId] : [g.mentorId, ...g.memberIds];
    for (const id of ids) if (!out.has(id)) out.set(id, g.score);
  }
  return out;
}

function gap(xs: readonly (readonly [string, number])[]): { gap: number; highest: string; lowest: string } {
  if (xs.length === 0) return { gap: 0, highest: '', lowest: '' };
  let hi = xs[0];
  let lo = xs[0];
  for (const x of xs) {
    if (x[1] > hi[1]) hi = x;
    if (x[1] < lo[1]) lo = x;
  }
  return { gap: hi[1] - lo[1], highest: hi[0], lowest: lo[0] };
}
