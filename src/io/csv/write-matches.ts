/**
 * `matchesToCsv`: a {@link MatchResult} as a CSV a programme manager can open in a
 * spreadsheet: one row per pair, per peer-group member and per unmatched person.
 *
 * @module
 */
import { stringify } from 'csv-stringify/sync';

import type { MatchResult } from '../../match/types.js';
import type { Participant } from '../../profile/types.js';
import type { CriterionBreakdown } from '../../score/explain.js';

/**
 * The columns of {@link matchesToCsv}, in order.
 *
 * @example
 * ```ts
 * MATCHES_CSV_COLUMNS[0]; // 'status'
 * ```
 */
export const MATCHES_CSV_COLUMNS = [
  'status',
  'group',
  'mentee_id',
  'mentee_name',
  'mentor_id',
  'mentor_name',
  'score',
  'locked',
  'reasons',
  'reason_code',
] as const;

/** Options of {@link matchesToCsv}. */
export interface MatchesCsvOptions {
  /** How many criteria to list in `reasons` (largest contribution first). @defaultValue 3 */
  readonly topReasons?: number;
  /** Field delimiter. @defaultValue ',' */
  readonly delimiter?: string;
  /** Start with a UTF-8 BOM, so that spreadsheet programs read the names right. @defaultValue false */
  readonly bom?: boolean;
}

/**
 * Writes a result as CSV (csv-stringify: RFC 4180 quoting, CRLF-free `\n` line ends).
 *
 * Rows: `status = pair` for each pair (`group` = the mentor's group number in group mode);
 * `status = group` for each member of a peer trio or circle (`mentee_id` = the member,
 * `score` = the group's mean); `status = unmatched` for each person left out, with the
 * reason in `reasons` and its code in `reason_code`. In peer mode `mentee_id` and
 * `mentor_id` are the two peers. `reasons` lists the criteria that added most to the
 * score, each with its points and evidence, separated by ` | `. Names come from
 * `participants` when given.
 *
 * @param result - What `match` returned.
 * @param participants - The cohort, for names (optional).
 * @param options - See {@link MatchesCsvOptions}.
 * @returns The CSV text, header first.
 *
 * @example
 * ```ts
 * const csv = matchesToCsv(match(people, { mode: 'capacity' }), people);
 * csv.split('\n')[0];
 * // 'status,group,mentee_id,mentee_name,mentor_id,mentor_name,score,locked,reasons,reason_code'
 * ```
 */
export function matchesToCsv(result: MatchResult, participants: readonly Participant[] = [], options: MatchesCsvOptions = {}): string {
  const top = options.topReasons ?? 3;
  const names = new Map(participants.map((p) => [p.id, p.name ?? ''] as const));
  const name = (id: string | undefined): string => (id === undefined ? '' : (names.get(id) ?? ''));
  const groupOf = new Map<string, number>();
  result.groups.forEach((g, k) => {
    if (g.mentorId !== undefined) groupOf.set(g.mentorId, k + 1);
  });

  const rows: (string | number)[][] = [];
  for (const p of result.pairs) {
    rows.push(['pair', groupOf.get(p.mentorId) ?? '', p.menteeId, name(p.menteeId), p.mentorId, name(p.mentorId), round(p.score), p.locked ? 'yes' : 'no', reasons(p.breakdown, top), '']);
  }
  result.groups.forEach((g, k) => {
    if (g.mentorId !== undefined) return; // group mode: its pairs are listed above
    for (const id of g.memberIds) rows.push(['group', k + 1, id, name(id), '', '', round(g.score), 'no', `peer group of ${g.memberIds.length}: ${g.memberIds.join(', ')}`, '']);
  });
  for (const u of result.unmatched) {
    const asMentor = u.role === 'mentor';
    rows.push(['unmatched', '', asMentor ? '' : u.id, asMentor ? '' : name(u.id), asMentor ? u.id : '', asMentor ? name(u.id) : '', '', '', u.reason.message, u.reason.code]);
  }
  return stringify(rows, { header: true, columns: [...MATCHES_CSV_COLUMNS], delimiter: options.delimiter ?? ',', bom: options.bom ?? false });
}

/** Two decimals, as a number. */
function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** The criteria that added most, with points and evidence. */
function reasons(breakdown: readonly CriterionBreakdown[], top: number): string {
  return [...breakdown]
    .filter((c) => c.contribution > 0)
    .sort((a, b) => b.contribution - a.contribution || (a.name < b.name ? -1 : 1))
    .slice(0, top)
    .map((c) => `${c.name} +${c.contribution.toFixed(1)}${c.evidence.length ? `: ${c.evidence.slice(0, 2).join('; ')}` : ''}`)
    .join(' | ');
}
