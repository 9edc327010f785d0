/**
 * The shape of a {@link MatchResult} as a schema: what the readers of a result (the audits,
 * `compareResults`, the report, the CSV writer, `mentor-match compare`) check at their
 * boundary, so that a hand-edited or truncated result file is a list of problems with
 * their paths (`groups[0].memberIds: expected a list of ids; found nothing`), never a
 * TypeError. zod/mini: library code, where bundle size matters.
 *
 * @module
 */
import * as z from 'zod/mini';

import { InvalidInputError } from '../errors.js';
import { describeValue, formatPath } from '../profile/issues.js';
import type { MatchResult } from './types.js';

/** At most this many problems are listed (the count says how many there are). */
export const MAX_RESULT_ISSUES = 20;

const MODES = ['one-to-one', 'capacity', 'reverse', 'group', 'peer'] as const;

/**
 * Results `match` made (deeply frozen, valid by construction): the audits, the report and
 * the CSV writer take them without walking every pair again.
 */
const FROM_MATCH = new WeakSet<object>();

/**
 * Records a result `match` just built, so {@link requireResult} need not check it again.
 * Internal to the match layer.
 *
 * @example
 * ```ts
 * fromMatch(result); // in matchWithMatrix, once the result is frozen
 * ```
 */
export function fromMatch(result: MatchResult): void {
  FROM_MATCH.add(result);
}

/**
 * The schemas of one result mode. `complete: false` is what `compareResults` reads: the
 * fields added by later versions (`locked`, `essentialFit`, `concerns`, `breakdown`,
 * `objective`, `tiers`, `search`, `group`, most of `stats`) may be missing, but are checked
 * when present.
 */
function schemas(complete: boolean) {
  const later = <T extends z.ZodMiniType>(s: T) => (complete ? s : z.optional(s));
  const id = z.string({ error: 'an id (a string)' });
  const ids = z.array(id, { error: 'a list of ids' });
  const score = z.number({ error: 'a score (a finite number)' });
  const concerns = z.array(z.object({ code: z.string({ error: 'a concern code (a string)' }), message: z.string({ error: 'a message (a string)' }) }, { error: 'a concern { code, message }' }), {
    error: 'a list of concerns',
  });
  const details = {
    score,
    locked: later(z.boolean({ error: 'true or false' })),
    essentialFit: later(z.boolean({ error: 'true or false' })),
    concerns: later(concerns),
    breakdown: later(z.array(z.unknown(), { error: 'a list of criteria' })),
  };
  const mentorPair = z.object({ menteeId: id, mentorId: id, ...details }, { error: 'a pair { menteeId, mentorId, score, … }' });
  const peerPair = z.object({ peerIds: z.tuple([id, id], { error: 'two peer ids' }), ...details }, { error: 'a pair { peerIds, score, … }' });
  const count = z.number({ error: 'a number' });
  const base = {
    unmatched: z.array(
      z.object(
        {
          id,
          role: z.enum(['mentee', 'mentor', 'peer'], { error: "'mentee', 'mentor' or 'peer'" }),
          reason: z.object({ code: z.string({ error: 'a reason code (a string)' }), message: z.string({ error: 'a message (a string)' }) }, { error: 'a reason { code, message }' }),
        },
        { error: 'an unmatched participant { id, role, reason }' },
      ),
      { error: 'a list of unmatched participants' },
    ),
    stats: z.object(
      {
        matched: count,
        meanScore: count,
        participants: later(count),
        unmatched: later(count),
        pairs: later(count),
        lowestScore: later(count),
        totalScore: later(count),
      },
      { error: 'the statistics { matched, meanScore, … }' },
    ),
    objective: later(z.object({ name: z.string({ error: 'a string' }), value: count, priceOfFairness: z.optional(count), referenceTotal: z.optional(count) }, { error: 'the objective { name, value }' })),
    tiers: later(z.array(z.string({ error: 'a tier (a string)' }), { error: 'a list of tiers' })),
    search: later(
      z.object(
        {
          exact: z.boolean({ error: 'true or false' }),
          converged: z.boolean({ error: 'true or false' }),
          moves: count,
          certificate: z.optional(
            z.object(
              { strategy: z.literal('candidates', { error: "'candidates'" }), certified: z.boolean({ error: 'true or false' }), rounds: count, candidatePairs: count, rescoredRows: count, why: z.optional(z.string({ error: 'a string' })) },
              { error: 'the certificate { strategy, certified, rounds, candidatePairs, rescoredRows }' },
            ),
          ),
        },
        { error: 'the search status { exact, converged, moves }' },
      ),
    ),
    configHash: z.string({ error: 'the config hash (a string)' }),
  };
  const pairs = (p: z.ZodMiniType) => z.array(p, { error: 'a list of pairs' });
  const groups = (g: z.ZodMiniType) => z.array(g, { error: 'a list of groups' });
  return {
    pairs: z.object({ ...base, pairs: pairs(mentorPair) }),
    group: z.object({
      ...base,
      pairs: pairs(mentorPair),
      groups: groups(z.object({ mentorId: id, memberIds: ids, score, concerns: later(concerns) }, { error: 'a group { mentorId, memberIds, score }' })),
      group: later(z.object({ minSize: count, maxSize: z.optional(z.nullable(count)) }, { error: 'the group sizes { minSize, maxSize }' })),
    }),
    peer: z.object({
      ...base,
      pairs: pairs(peerPair),
      groups: groups(z.object({ memberIds: ids, score, concerns: later(concerns) }, { error: 'a group { memberIds, score }' })),
    }),
    base: z.object(base),
  };
}

const COMPLETE = schemas(true);
const READABLE = schemas(false);

/**
 * Every problem that keeps `value` from being a {@link MatchResult}, one line each
 * (`pairs[3].mentorId: expected an id (a string); found 7`); empty when there is none.
 * With `complete: false`, results written by older versions (without `concerns`,
 * `essentialFit`, `search`, `tiers`, …) pass when the fields `compareResults` reads are
 * there.
 *
 * @param value - What should be a result (e.g. parsed from `match --json`).
 * @param complete - Whether every field of the current result shape is required.
 * @returns The problems, in path order as found (all of them; callers show the first few).
 *
 * @example
 * ```ts
 * resultIssues({ mode: 'peer', pairs: [], groups: [{ x: 1 }], unmatched: [], stats: { matched: 0, meanScore: 0 }, configHash: 'h' }, false);
 * // ['groups[0].memberIds: expected a list of ids; found nothing', 'groups[0].score: expected a score (a finite number); found nothing']
 * ```
 */
export function resultIssues(value: unknown, complete: boolean): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`expected a result of match (an object with mode, pairs, unmatched, stats, configHash); found ${describeValue(value)}`];
  const mode = (value as { mode?: unknown }).mode;
  const set = complete ? COMPLETE : READABLE;
  const known = (MODES as readonly unknown[]).includes(mode);
  const schema = !known ? set.base : mode === 'group' ? set.group : mode === 'peer' ? set.peer : set.pairs;
  const out = known ? [] : [`mode: expected one of ${MODES.map((m) => `'${m}'`).join(', ')}; found ${describeValue(mode)}`];
  const r = schema.safeParse(value, { reportInput: true });
  if (!r.success) {
    for (const iss of r.error.issues) {
      const input = iss.code === 'invalid_type' || iss.code === 'invalid_value' ? (iss.input as unknown) : (iss as { input?: unknown }).input;
      out.push(`${iss.path.length ? `${formatPath(iss.path)}: ` : ''}expected ${iss.message}; found ${describeValue(input)}`);
    }
  }
  return out;
}

/**
 * One issue of {@link resultIssues} under a name: `b.groups[0].memberIds: expected …`,
 * `b: expected …` for the whole value, `b[0]…` never (a result is an object).
 *
 * @example
 * ```ts
 * underName('b.json: ', 'mode: expected …'); // 'b.json: mode: expected …'
 * underName('b', 'mode: expected …');        // 'b.mode: expected …'
 * ```
 */
export function underName(name: string, issue: string): string {
  if (name.endsWith(': ')) return `${name}${issue}`;
  return issue.startsWith('expected') ? `${name}: ${issue}` : `${name}.${issue}`;
}

/**
 * The first {@link MAX_RESULT_ISSUES} lines as a list, then how many more.
 *
 * @example
 * ```ts
 * issueList(['a: expected x; found y']); // '  - a: expected x; found y'
 * ```
 */
export function issueList(lines: readonly string[]): string {
  const shown = lines.slice(0, MAX_RESULT_ISSUES).map((i) => `  - ${i}`);
  if (lines.length > MAX_RESULT_ISSUES) shown.push(`  - … and ${lines.length - MAX_RESULT_ISSUES} more`);
  return shown.join('\n');
}

/**
 * The argument check of every function that reads a result: `value` is returned as a
 * {@link MatchResult} (not copied), or an InvalidInputError lists its problems (the first
 * 20), each naming the argument and the path (`compareResults: b.groups[0].memberIds:
 * expected a list of ids; found nothing`).
 *
 * @param value - The argument.
 * @param fn - The function's name, for the message.
 * @param name - The argument's name (`result`, `a`, `b`).
 * @param complete - As for {@link resultIssues} (default `true`: the current shape).
 * @returns `value`.
 * @throws InvalidInputError (`INVALID_INPUT`) with `details.issues` (all of them).
 *
 * @example
 * ```ts
 * requireResult(null, 'summarize', 'result'); // throws: summarize: result: expected a result of match …; found null
 * ```
 */
export function requireResult(value: unknown, fn: string, name: string, complete = true): MatchResult {
  if (typeof value === 'object' && value !== null && FROM_MATCH.has(value)) return value as MatchResult;
  const issues = resultIssues(value, complete);
  if (issues.length === 0) return value as MatchResult;
  const lines = issues.map((i) => underName(name, i));
  const msg = lines.length === 1 ? `${fn}: ${lines[0]}` : `${fn}: ${name} is not a result of match (${lines.length} problems):\n${issueList(lines)}`;
  throw new InvalidInputError(msg, { argument: name, issues });
}
