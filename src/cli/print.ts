/**
 * Plain-text output of the command line: tables, issue lists, explanations.
 *
 * @module
 */
import type { Concern } from '../score/concerns.js';
import type { CriterionBreakdown, PairExplanation } from '../score/explain.js';
import type { FileIssue } from './load-cohort.js';
import { oneLine } from './terminal-text.js';

/**
 * A left-aligned text table (numbers right-aligned), with a rule under the header. A line
 * break inside a cell (a name from the data) is shown as `\n`, so every row is one line.
 *
 * @param header - Column titles.
 * @param rows - Cells.
 * @returns The table, lines joined by `\n`.
 *
 * @example
 * ```ts
 * table(['metric', 'value'], [['matched', 184]]);
 * // 'metric   value\n-------  -----\nmatched    184'
 * ```
 */
export function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = [header.map(String), ...rows.map((r) => r.map((c) => (typeof c === 'number' ? formatNumber(c) : oneLine(c))))];
  const numeric = header.map((_, k) => rows.length > 0 && rows.every((r) => typeof r[k] === 'number'));
  const width = header.map((_, k) => Math.max(...cells.map((r) => [...(r[k] ?? '')].length)));
  const line = (r: readonly string[]): string =>
    r
      .map((c, k) => (numeric[k] ? c.padStart(width[k]!) : c.padEnd(width[k]!)))
      .join('  ')
      .trimEnd();
  return [line(cells[0]!), width.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** Integers as is, others with one decimal. */
function formatNumber(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(1);
}

/**
 * Issues, errors first, at most `limit` of them, with a count of the rest.
 *
 * @param issues - Issues with their files.
 * @param limit - How many to print.
 * @returns Lines.
 *
 * @example
 * ```ts
 * formatIssues(issues, 20).join('\n');
 * ```
 */
export function formatIssues(issues: readonly FileIssue[], limit = 50): string[] {
  const sorted = [...issues].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  const lines = sorted.slice(0, limit).map((i) => `${i.severity}: ${oneLine(i.file)}: ${oneLine(i.message)} [${i.code}]`);
  if (sorted.length > limit) lines.push(`… and ${sorted.length - limit} more issues (use --json to get them all)`);
  return lines;
}

/**
 * A pair explanation in words: score, each criterion with points and evidence, the rules
 * that forbid the pair, whether it is an essential fit and its concerns.
 *
 * Evidence column: the criterion's evidence lines; `none matched` for a criterion that
 * applies and scores 0 without any (a failed check never shows a bare `-`); `no data`
 * when it does not apply; `-` for a positive score without evidence.
 *
 * @param e - From `explainPair`.
 * @param names - Id → display name.
 * @returns Lines.
 *
 * @example
 * ```ts
 * formatExplanation(explainPair(matrix, 0, 0), new Map()).join('\n');
 * // 'e1 and m1: score 61.5 / 100\n\n  criterion …\n\n  essential fit: no (…)\n  concerns:\n    no-shared-language  no shared language: …'
 * ```
 */
export function formatExplanation(e: PairExplanation, names: ReadonlyMap<string, string | undefined>): string[] {
  const who = (id: string): string => oneLine(names.get(id) ? `${names.get(id)} (${id})` : id);
  const lines = [`${who(e.rowId)} and ${who(e.colId)}: score ${e.score.toFixed(1)} / 100${e.forbidden ? ' — FORBIDDEN' : ''}`];
  for (const r of e.reasons) lines.push(`  rule ${r.rule}: ${oneLine(r.message)}`);
  const rows = e.criteria.map((c) => [c.name, c.must ? 'must' : c.weight, c.score === null ? 'n/a' : (100 * c.score).toFixed(0), c.contribution, evidenceText(c)] as (string | number)[]);
  lines.push('', ...table(['criterion', 'weight', 'score', 'points', 'evidence'], rows).split('\n').map((l) => `  ${l}`));
  lines.push('', `  essential fit: ${e.essentialFit ? 'yes (a wanted skill at level, a shared language, at least 30 min a week)' : essentialMiss(e)}`);
  lines.push(...formatConcerns(e.concerns ?? []).map((l) => `  ${l}`));
  return lines;
}

/** Why a pair is not an essential fit: its failed checks, or the rule that forbids it. */
function essentialMiss(e: PairExplanation): string {
  const failed = (e.concerns ?? []).filter((c) => ESSENTIAL_CODES.has(c.code)).map((c) => c.code);
  if (failed.length) return `no (fails ${failed.join(', ')})`;
  return e.forbidden ? 'no (the pair is forbidden)' : 'no';
}

/** The concern codes that are failed essential checks. */
const ESSENTIAL_CODES: ReadonlySet<string> = new Set(['no-wanted-skill', 'no-shared-language', 'no-common-time']);

/** A criterion's evidence cell. */
function evidenceText(c: CriterionBreakdown): string {
  if (c.evidence.length) return c.evidence.join('; ');
  if (c.score === null) return 'no data';
  return c.score === 0 ? 'none matched' : '-';
}

/**
 * Concerns as lines: `concerns: none`, or `concerns:` and one indented line per concern
 * with its code and message.
 *
 * @param concerns - A pair's or a group's concerns.
 * @returns Lines.
 *
 * @example
 * ```ts
 * formatConcerns([{ code: 'no-shared-language', message: 'no shared language: Ana speaks portuguese; Ben speaks german' }]);
 * // ['concerns:', '  no-shared-language  no shared language: Ana speaks portuguese; Ben speaks german']
 * ```
 */
export function formatConcerns(concerns: readonly Concern[]): string[] {
  if (concerns.length === 0) return ['concerns: none'];
  const width = Math.max(...concerns.map((c) => c.code.length));
  return ['concerns:', ...concerns.map((c) => `  ${c.code.padEnd(width)}  ${oneLine(c.message)}`)];
}
