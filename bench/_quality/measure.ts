/**
 * One cohort through the quality benchmark: the default `match`, then the exact
 * references built from the oracle ({@link FitOracle}) and the hard-rule mask of
 * `matchMatrix`, and the counts a programme manager sees.
 *
 * References (exact; a mentee takes one mentor, a mentor `capacity.max` places,
 * forbidden pairs `-Infinity`):
 * - best achievable essential fits: `capacitatedAssignment` with `maximize: true` on the
 *   allowed pairs valued 1 (essential fit) or 0 → as many mentees matched as possible,
 *   then the most essential fits among those assignments;
 * - most matchable: the number that solve assigns (it maximises the count first). The
 *   solve on the all-zero matrix the definition names gives the same count but takes
 *   ~65 s at 4,000 × 1,000 (every pair ties), so it is not run; the count is instead
 *   cross-checked by an independent Hopcroft–Karp ({@link maxMatchable});
 * - essential-fit ceiling: `capacitatedAssignment` with only essential-fit pairs allowed
 *   → the most essential-fit mentees with no duty to match everyone (≥ best achievable).
 */
import {
  capacitatedAssignment,
  DEFAULT_REFERENCE_DATE,
  match,
  matchMatrix,
  type MatchResult,
  type Participant,
} from '../../src/index.js';
import type { Cohort } from './cohorts.js';
import { maxMatchable } from './max-matchable.js';
import { FitOracle } from './oracle.js';

/** Concern codes of the three checks (on `MatchedPair.concerns`, when the engine has it). */
export const CONCERN_OF = { skill: 'no-wanted-skill', language: 'no-shared-language', time: 'no-common-time' } as const;
type Check = keyof typeof CONCERN_OF;
const CHECKS: readonly Check[] = ['skill', 'language', 'time'];
/** Bits as in the engine's `matrix.checks` (skill 1, language 2, time 4). */
const BIT: Readonly<Record<Check, number>> = { skill: 1, language: 2, time: 4 };

/** What the benchmark reports for one cohort. */
export interface QualityRow {
  readonly cohort: string;
  readonly about: string;
  readonly people: number;
  readonly mentees: number;
  readonly mentors: number;
  /** Σ capacity.max over mentors. */
  readonly places: number;
  /** Mentees with at least one mentor in the default result. */
  readonly matched: number;
  readonly mostMatchable: number;
  /** Mentees with at least one essential-fit mentor in the default result. */
  readonly efMentees: number;
  /** Most essential fits among the most-matched assignments (first mentors). */
  readonly efBest: number;
  /** Most essential-fit mentees when nobody has to be matched otherwise. */
  readonly efCeiling: number;
  readonly pairs: number;
  /** Pairs of the default result failing each check. */
  readonly fails: Readonly<Record<Check, number>>;
  /** Pairs failing a check without that check's concern; undefined when pairs carry no `concerns`. */
  readonly missingConcerns: number | undefined;
  /** Pairs with a check's concern although the oracle passes that check; undefined as above. */
  readonly extraConcerns: number | undefined;
  /** Pairs whose `essentialFit` flag disagrees with the oracle; undefined when pairs carry no flag. */
  readonly flagMismatches: number | undefined;
  /** Allowed pairs where `matrix.checks` disagrees with the oracle, per check; undefined when the matrix has no `checks`. */
  readonly matrixMismatches: Readonly<Record<Check, number>> | undefined;
  readonly meanScore: number;
  readonly matchMs: number;
  /** Time of the oracle and the three reference solves. */
  readonly referenceMs: number;
  /** Mentees with more than one mentor in the default result. */
  readonly multiMentor: number;
  /** Failed sanity checks (empty when the answer and the references are consistent). */
  readonly problems: readonly string[];
}

/** Measures one cohort. */
export function measure(cohort: Cohort): QualityRow {
  const people = cohort.participants;
  const problems: string[] = [];

  const t0 = performance.now();
  const result: MatchResult = match(people);
  const matchMs = performance.now() - t0;

  const t1 = performance.now();
  const matrix = matchMatrix(people);
  const byId = new Map(people.map((p) => [p.id, p]));
  const mentees = matrix.rowIds.map((id) => byId.get(id)!);
  const mentors = matrix.colIds.map((id) => byId.get(id)!);
  const ids = (role: 'mentee' | 'mentor'): string[] => people.filter((p) => p.roles.includes(role)).map((p) => p.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (ids('mentee').join('\n') !== matrix.rowIds.join('\n')) problems.push('matchMatrix rows are not the mentees in id order');
  if (ids('mentor').join('\n') !== matrix.colIds.join('\n')) problems.push('matchMatrix columns are not the mentors in id order');
  const R = mentees.length;
  const C = mentors.length;
  const forbidden = matrix.forbidden;
  const capacity = mentors.map((m) => m.capacity.max);

  // The oracle on every allowed pair: failed-check bits as the engine's (skill 1, language 2, time 4).
  const oracle = new FitOracle(new Date(DEFAULT_REFERENCE_DATE));
  const bits = new Uint8Array(R * C);
  for (let i = 0; i < R; i++) {
    for (let j = 0; j < C; j++) {
      const k = i * C + j;
      if (forbidden[k] !== 0) continue;
      const c = oracle.checks(mentees[i], mentors[j]);
      bits[k] = (c.skill ? 0 : 1) | (c.language ? 0 : 2) | (c.time ? 0 : 4);
    }
  }
  const engineChecks = (matrix as { checks?: unknown }).checks;
  let matrixMismatches: Record<Check, number> | undefined;
  if (engineChecks instanceof Uint8Array && engineChecks.length === R * C) {
    matrixMismatches = { skill: 0, language: 0, time: 0 };
    for (let k = 0; k < R * C; k++) {
      if (forbidden[k] !== 0) continue;
      const d = bits[k] ^ engineChecks[k];
      if (d === 0) continue;
      for (const c of CHECKS) if (d & BIT[c]) matrixMismatches[c]++;
    }
  }

  // The references.
  const fitValue = new Float64Array(R * C);
  const fitOnly = new Float64Array(R * C);
  for (let k = 0; k < R * C; k++) {
    const off = forbidden[k] !== 0;
    fitValue[k] = off ? -Infinity : bits[k] === 0 ? 1 : 0;
    fitOnly[k] = off || bits[k] !== 0 ? -Infinity : 0;
  }
  const none = { assignment: new Int32Array(R).fill(-1), assignedCount: 0, total: 0 };
  const solve = (data: Float64Array) => (R && C ? capacitatedAssignment({ rows: R, cols: C, data }, { capacity, maximize: true }) : none);
  const best = solve(fitValue);
  const ceiling = solve(fitOnly);
  const most = { assignment: best.assignment, assignedCount: best.assignedCount };
  const flow = maxMatchable(R, C, forbidden, capacity);
  if (flow !== most.assignedCount) problems.push(`capacitatedAssignment assigns ${most.assignedCount} mentees, Hopcroft–Karp finds ${flow}`);
  const validate = (name: string, a: Int32Array, data: Float64Array): number => {
    const load = new Int32Array(C);
    let ones = 0;
    for (let i = 0; i < R; i++) {
      const j = a[i];
      if (j < 0) continue;
      if (data[i * C + j] === -Infinity) problems.push(`${name}: assigns a forbidden pair (${matrix.rowIds[i]}, ${matrix.colIds[j]})`);
      if (++load[j] === capacity[j] + 1) problems.push(`${name}: mentor ${matrix.colIds[j]} over capacity`);
      if (data[i * C + j] === 1) ones++;
    }
    return ones;
  };
  const efBest = validate('best achievable', best.assignment, fitValue);
  if (efBest !== best.total) problems.push(`best achievable: total ${best.total}, counted ${efBest}`);
  validate('ceiling', ceiling.assignment, fitOnly);
  if (ceiling.assignedCount < efBest) problems.push(`ceiling ${ceiling.assignedCount} < best achievable ${efBest}`);
  const referenceMs = performance.now() - t1;

  // The default result, pair by pair.
  const rowOf = new Map(matrix.rowIds.map((id, i) => [id, i]));
  const colOf = new Map(matrix.colIds.map((id, j) => [id, j]));
  const fails: Record<Check, number> = { skill: 0, language: 0, time: 0 };
  const matchedSet = new Set<string>();
  const fitSet = new Set<string>();
  const perMentee = new Map<string, number>();
  const load = new Int32Array(C);
  let missing = 0;
  let extra = 0;
  let flagMismatches = 0;
  let withConcerns = 0;
  let withFlag = 0;
  for (const p of result.pairs) {
    const i = rowOf.get(p.menteeId);
    const j = colOf.get(p.mentorId);
    if (i === undefined || j === undefined) {
      problems.push(`pair (${p.menteeId}, ${p.mentorId}) names someone who is not a mentee / mentor`);
      continue;
    }
    if (forbidden[i * C + j] !== 0) problems.push(`pair (${p.menteeId}, ${p.mentorId}) is forbidden by the hard rules`);
    if (++load[j] === capacity[j] + 1) problems.push(`mentor ${p.mentorId} has more than capacity.max = ${capacity[j]} mentees`);
    perMentee.set(p.menteeId, (perMentee.get(p.menteeId) ?? 0) + 1);
    matchedSet.add(p.menteeId);
    const c = oracle.checks(mentees[i], mentors[j]);
    const fit = c.skill && c.language && c.time;
    if (fit) fitSet.add(p.menteeId);
    for (const k of CHECKS) if (!c[k]) fails[k]++;
    const concerns = (p as { concerns?: unknown }).concerns;
    if (Array.isArray(concerns)) {
      withConcerns++;
      const codes = new Set(concerns.map((x: unknown) => (x as { code?: unknown } | null)?.code));
      if (CHECKS.some((k) => !c[k] && !codes.has(CONCERN_OF[k]))) missing++;
      if (CHECKS.some((k) => c[k] && codes.has(CONCERN_OF[k]))) extra++;
    }
    const flag = (p as { essentialFit?: unknown }).essentialFit;
    if (typeof flag === 'boolean') {
      withFlag++;
      if (flag !== fit) flagMismatches++;
    }
  }
  for (const [id, n] of perMentee) if (n > byId.get(id)!.maxMentors) problems.push(`mentee ${id} has ${n} mentors, maxMentors ${byId.get(id)!.maxMentors}`);
  const pairs = result.pairs.length;
  if (matchedSet.size > most.assignedCount) problems.push(`the default result matches ${matchedSet.size} mentees, more than the most matchable ${most.assignedCount}`);
  if (fitSet.size > ceiling.assignedCount) problems.push(`the default result has ${fitSet.size} essential-fit mentees, more than the ceiling ${ceiling.assignedCount}`);

  return {
    cohort: cohort.name,
    about: cohort.about,
    people: people.length,
    mentees: R,
    mentors: C,
    places: capacity.reduce((a, b) => a + b, 0),
    matched: matchedSet.size,
    mostMatchable: most.assignedCount,
    efMentees: fitSet.size,
    efBest,
    efCeiling: ceiling.assignedCount,
    pairs,
    fails,
    // Absent field (or only on some pairs) → not measurable.
    missingConcerns: pairs > 0 && withConcerns === pairs ? missing : undefined,
    extraConcerns: pairs > 0 && withConcerns === pairs ? extra : undefined,
    flagMismatches: pairs > 0 && withFlag === pairs ? flagMismatches : undefined,
    matrixMismatches,
    meanScore: result.stats.meanScore,
    matchMs,
    referenceMs,
    multiMentor: [...perMentee.values()].filter((n) => n > 1).length,
    problems,
  };
}

/** Cohort characteristics worth a note: wanted skills with ≤ 2 mentors, zones, languages. */
export function describeCohort(people: readonly Participant[]): string {
  const offeredBy = new Map<string, number>();
  const wanted = new Set<string>();
  const zones = new Set<string>();
  const languages = new Set<string>();
  for (const p of people) {
    if (p.roles.includes('mentor')) for (const s of p.skillsOffered) offeredBy.set(s.name, (offeredBy.get(s.name) ?? 0) + 1);
    if (p.roles.includes('mentee')) for (const s of p.skillsWanted) wanted.add(s.name);
    if (p.timeZone) zones.add(p.timeZone);
    for (const l of p.languages) languages.add(l);
  }
  let none = 0;
  let scarce = 0;
  for (const s of wanted) {
    const n = offeredBy.get(s) ?? 0;
    if (n === 0) none++;
    else if (n <= 2) scarce++;
  }
  return `${zones.size} time zones, ${languages.size} languages, ${wanted.size} wanted skills (${scarce} offered by 1–2 mentors, ${none} by none)`;
}
