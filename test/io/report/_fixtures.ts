/**
 * Realistic results for the report tests: small cohorts parsed with parseParticipants and
 * matched with match() in every mode, names with markup in them, summaries and audits from
 * src/evaluate/, hand-written audits with markup, and a large synthetic result for size.
 */
import { fairnessAudit } from '../../../src/evaluate/fairness-audit.js';
import { stabilityAudit } from '../../../src/evaluate/stability-audit.js';
import { summarize } from '../../../src/evaluate/summarize.js';
import type { FairnessAudit, StabilityAudit } from '../../../src/evaluate/types.js';
import type { MatchConfig } from '../../../src/match/config.js';
import { match, matchMatrix } from '../../../src/match/match.js';
import type { MatchedPair, MatchResult, ModeOf, PairsResult, ResultFor, Unmatched } from '../../../src/match/types.js';
import { parseParticipants } from '../../../src/profile/parse.js';
import type { ParticipantInput } from '../../../src/profile/fields.js';
import type { Participant } from '../../../src/profile/types.js';
import type { Concern } from '../../../src/score/concerns.js';

/** A name that must never reach the page as markup. */
export const EVIL_NAME = '<script>alert("pwned")</script>';
/** Quotes and ampersands. */
export const QUOTED_NAME = `Ó'Brien & "Sons"`;
/** Markup and an ampersand in a department. */
export const EVIL_DEPARTMENT = 'R&D <ops>';

const mentee = (id: string, name: string, wants: string, extra: Partial<ParticipantInput> = {}): ParticipantInput => ({
  id,
  name,
  role: 'mentee',
  skillsWanted: wants,
  languages: ['English'],
  tz: 'Europe/Berlin',
  availability: ['Mon 09:00-12:00', 'Wed 14:00-16:00'],
  department: 'Sales',
  goals: 'leadership; public speaking',
  ...extra,
});
const mentor = (id: string, name: string, offers: string, max: number, extra: Partial<ParticipantInput> = {}): ParticipantInput => ({
  id,
  name,
  role: 'mentor',
  skillsOffered: offers,
  languages: ['English', 'German'],
  tz: 'Europe/London',
  availability: ['Mon 08:00-11:00', 'Thu 10:00-12:00'],
  department: 'Engineering',
  goals: 'leadership',
  capacity: { max },
  ...extra,
});

/** Ten mentees and three mentors (five places): three mentees are left unmatched. */
export const COHORT_INPUT: ParticipantInput[] = [
  mentee('e-01', 'Ada Lovelace', 'python:3; sql:2', { department: EVIL_DEPARTMENT }),
  mentee('e-02', EVIL_NAME, 'python:4'),
  mentee('e-03', QUOTED_NAME, 'go:2; sql:3'),
  mentee('e-04', 'Grace Hopper', 'cobol:4; leadership'),
  mentee('e-05', 'Alan Turing', 'python:2; statistics'),
  mentee('e-06', 'Barbara Liskov', 'go:3', { tz: 'America/New_York', availability: ['Tue 09:00-10:00'] }),
  mentee('e-07', 'Edsger Dijkstra', 'sql:2', { languages: ['Dutch'] }),
  mentee('e-08', 'Katherine Johnson', 'statistics:4; python:3'),
  mentee('e-09', 'Donald Knuth', 'typesetting:5'),
  mentee('e-10', 'Frances Allen', 'compilers:4; go:2'),
  mentor('m-01', 'Margaret Hamilton', 'python:5; sql:4; statistics:3', 2),
  mentor('m-02', 'Ken Thompson', 'go:5; compilers:4; sql:3', 2),
  mentor('m-03', 'Linus <Torvalds> & co', 'cobol:2; leadership:4', 1, { department: 'Sales' }),
];

/** The parsed cohort. */
export function cohort(): readonly Participant[] {
  return parseParticipants(COHORT_INPUT);
}

/**
 * Five mentees and two mentors with room for all, each pair but one with a concern: no
 * shared language (the mentee with markup in the name, so it reaches the messages), no
 * common time with an 8-hour gap, a mentor not more senior, no wanted skill.
 */
export const CONCERN_INPUT: ParticipantInput[] = [
  mentee('c-01', 'Fiona Fit', 'python:3', { seniority: 1 }),
  mentee('c-02', EVIL_NAME, 'python:3', { languages: ['French'], seniority: 1 }),
  mentee('c-03', 'Taro Tokyo', 'python:3', { tz: 'Asia/Tokyo', availability: ['Mon 09:00-10:00'], seniority: 1 }),
  mentee('c-04', 'Sam Senior', 'go:3', { seniority: 6 }),
  mentee('c-05', 'Rusty Rust', 'rust:3', { seniority: 1 }),
  mentor('k-01', 'Mentor One', 'python:5; sql:4', 5, { tz: 'Europe/Berlin', availability: ['Mon 08:00-12:00', 'Wed 14:00-16:00'], seniority: 4 }),
  mentor('k-02', 'Mentor Two', 'go:5', 5, { tz: 'Europe/Berlin', availability: ['Mon 08:00-12:00', 'Wed 14:00-16:00'], seniority: 5 }),
];

/** The parsed {@link CONCERN_INPUT}. */
export function concernCohort(): readonly Participant[] {
  return parseParticipants(CONCERN_INPUT);
}

/** Six peers for peer mode (odd pool with a trio, or circles). */
export function peers(n = 7): readonly Participant[] {
  const skills = ['python', 'sql', 'go', 'statistics', 'design', 'writing'];
  return parseParticipants(
    Array.from({ length: n }, (_, i) => ({
      id: `p-${String(i + 1).padStart(2, '0')}`,
      name: i === 0 ? EVIL_NAME : `Peer ${i + 1}`,
      roles: ['mentor', 'mentee'],
      skillsOffered: `${skills[i % 6]}:4; ${skills[(i + 1) % 6]}:3`,
      skillsWanted: `${skills[(i + 2) % 6]}:3; ${skills[(i + 3) % 6]}:2`,
      languages: ['English'],
      department: i % 2 ? 'Finance' : 'Legal',
    })),
  );
}

/** What a report is made from: a real result, its summary and (optionally) audits. */
export interface Run<R extends MatchResult = MatchResult> {
  readonly people: readonly Participant[];
  readonly result: R;
  readonly summary: ReturnType<typeof summarize>;
  readonly stability: StabilityAudit;
  readonly fairness: FairnessAudit[];
}

/** Runs match() on a cohort, then summarize(), stabilityAudit() and a fairness audit by department. */
export function run<C extends MatchConfig>(people: readonly Participant[], config: C): Run<ResultFor<ModeOf<C>>> {
  const result = match(people, config);
  return {
    people,
    result,
    summary: summarize(result, people),
    stability: stabilityAudit(result, matchMatrix(people, config), { participants: people, minScore: config.minScore }),
    fairness: [fairnessAudit(result, people, 'department')],
  };
}

/** A stability audit naming people of the cohort (with markup in a name). */
export const STABILITY: StabilityAudit = {
  kind: 'bipartite',
  blockingPairs: 3,
  menteesAffected: 2,
  mentorsAffected: 2,
  peopleAffected: 4,
  stable: false,
  worst: [
    { menteeId: 'e-02', mentorId: 'm-01', score: 71.5, menteeCurrent: 60.25, menteeHasRoom: false, menteePartners: 1, mentorCurrent: 64, mentorHasRoom: false, gain: 7.5 },
    { menteeId: 'e-09', mentorId: 'm-03', score: 40, menteeCurrent: 0, menteeHasRoom: true, menteePartners: 0, mentorCurrent: 0, mentorHasRoom: true, gain: 40 },
  ],
};

/** A fairness audit with a flagged match-rate gap and a group value with markup. */
export const FAIRNESS: FairnessAudit = {
  attribute: 'department',
  groups: [
    { value: 'Sales', participants: 9, matched: 7, matchRate: 7 / 9, meanScore: 55.2, minScore: 31.7 },
    { value: EVIL_DEPARTMENT, participants: 1, matched: 0, matchRate: 0, meanScore: null, minScore: null },
    { value: 'Engineering', participants: 2, matched: 2, matchRate: 1, meanScore: 58.1, minScore: 50.3 },
  ],
  matchRateGap: { gap: 1, highest: 'Engineering', lowest: EVIL_DEPARTMENT },
  meanScoreGap: { gap: 2.9, highest: 'Engineering', lowest: 'Sales' },
};

/** A fairness audit with small gaps (not flagged). */
export const FAIR: FairnessAudit = {
  attribute: 'location',
  groups: [
    { value: 'berlin', participants: 6, matched: 5, matchRate: 5 / 6, meanScore: 56, minScore: 40 },
    { value: 'london', participants: 7, matched: 6, matchRate: 6 / 7, meanScore: 57, minScore: 42 },
  ],
  matchRateGap: { gap: 6 / 7 - 5 / 6, highest: 'london', lowest: 'berlin' },
  meanScoreGap: { gap: 1, highest: 'london', lowest: 'berlin' },
};

const CRITERIA = ['skills', 'goals', 'interests', 'availability', 'timeZone', 'personality', 'languages', 'department', 'location', 'seniority'];
const PHRASES = [
  (i: number) => [`teaches skill ${i % 120} at level 4 (wanted level 3)`, `teaches skill ${(i * 7) % 120}`],
  (i: number) => [`shared goal: goal ${i % 40}`],
  (i: number) => [`both like interest ${i % 80}`],
  (i: number) => [`${1 + (i % 5)} h a week in common (Mon 09:00–10:00 Berlin = 08:00–09:00 London)`],
  () => ['same time-zone offset (Europe/Berlin, Europe/Paris)'],
  (i: number) => [`openness ${i % 101} vs ${(i * 3) % 101} (similar, ${100 - (i % 50)}/100)`, `extraversion ${(i * 5) % 101} vs ${(i * 11) % 101} (similar, ${50 + (i % 50)}/100)`],
  () => ['both speak english'],
  (i: number) => [`different departments: dept ${i % 8} / dept ${(i + 3) % 8}`],
  (i: number) => [`same location: site ${i % 8}`],
  (i: number) => [`mentor m-${i % 2000} is ${i % 4} levels more senior (${(i % 4) + 2} vs 2)`],
];

/**
 * The concerns of pair `i` of {@link largeResult}: every 5th pair is 9 hours apart, every
 * 7th shares no common time (and so is no essential fit).
 */
export function largeConcerns(i: number, mentor: number): Concern[] {
  const out: Concern[] = [];
  if (i % 7 === 0) out.push({ code: 'no-common-time', message: `no common time: not one minute a week in common (at least 30 needed); Mentee Number ${i} in Asia/Tokyo, Mentor Number ${mentor} in Europe/Berlin` });
  if (i % 5 === 0) out.push({ code: 'time-zone-gap', message: `9 hours apart: Mentee Number ${i} in Asia/Tokyo, Mentor Number ${mentor} in Europe/Berlin` });
  return out;
}

/**
 * A synthetic capacity result with `n` pairs (mentors of capacity 5), ten criteria and
 * evidence of realistic length, concerns on some pairs ({@link largeConcerns}), plus
 * `n / 10` unmatched: for size and speed at scale.
 */
export function largeResult(n: number): { result: PairsResult; participants: Participant[] } {
  const mentors = Math.ceil(n / 5);
  const pairs: MatchedPair[] = [];
  let total = 0;
  for (let i = 0; i < n; i++) {
    const parts = CRITERIA.map((name, k) => {
      const score = ((i * 31 + k * 17) % 100) / 100;
      const weight = k < 2 ? 2 : 1;
      return { name, weight, configuredWeight: weight, must: false, score, contribution: (score * 100) / 12, evidence: score > 0.2 ? PHRASES[k](i) : [] };
    });
    const score = parts.reduce((s, p) => s + p.contribution, 0);
    total += score;
    const concerns = largeConcerns(i, i % mentors);
    pairs.push({ menteeId: `e-${i}`, mentorId: `m-${i % mentors}`, score, locked: false, essentialFit: i % 7 !== 0, concerns, breakdown: parts });
  }
  const unmatched = Array.from({ length: Math.floor(n / 10) }, (_, k): Unmatched => ({
    id: `u-${k}`,
    role: 'mentee' as const,
    reason: k % 3 ? { code: 'no-capacity', message: 'the 4 mentors this mentee could have were filled by matches that serve the objective better' } : { code: 'all-forbidden', message: 'every mentor is excluded: 1999 by sharedLanguage, 1 by maxTimeZoneGap' },
  }));
  const participants = parseParticipants([
    ...Array.from({ length: n }, (_, i) => ({ id: `e-${i}`, name: `Mentee Number ${i}`, role: 'mentee', department: `dept ${i % 8}` })),
    ...unmatched.map((u) => ({ id: u.id, name: `Unmatched ${u.id}`, role: 'mentee', department: 'dept 1' })),
    ...Array.from({ length: mentors }, (_, j) => ({ id: `m-${j}`, name: `Mentor Number ${j}`, role: 'mentor', department: `dept ${(j + 3) % 8}`, capacity: { max: 5 } })),
  ] as ParticipantInput[]) as Participant[];
  const people = n + unmatched.length + mentors;
  const result: PairsResult = {
    mode: 'capacity',
    pairs,
    unmatched,
    stats: { participants: people, matched: n + mentors, unmatched: unmatched.length, pairs: n, meanScore: n ? total / n : 0, lowestScore: 0, totalScore: total },
    objective: { name: 'best-total', value: total },
    tiers: ['matched', 'essential-fit'],
    search: { exact: true, converged: true, moves: 0 },
    configHash: '0123456789abcdef',
  };
  return { result, participants };
}
