/**
 * `matchesToCsv`: a {@link MatchResult} as a CSV a programme manager can open in a
 * spreadsheet: one row per pair, per peer-group member and per unmatched person.
 *
 * @module
 */
import { requireResult } from '../../match/result-schema.js';
import { requireOptions, requireParticipants } from '../../_internal/args.js';
import { stringify } from 'csv-stringify/sync';

import type { MatchResult } from '../../match/types.js';
import { mentorGroups, pairIds, peerGroups } from '../../match/result-shape.js';
import type { Participant } from '../../profile/types.js';
import { CONCERN_CODES, type Concern } from '../../score/concerns.js';
import type { CriterionBreakdown } from '../../score/explain.js';

/**
 * The columns of {@link matchesToCsv}, in order: who (`status` … `mentor_name`), how
 * good (`score`, `locked`, `essential_fit`, `concerns`), then the long texts (`reasons`,
 * `reason_code`, `concern_details`).
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
  'essential_fit',
  'concerns',
  'reasons',
  'reason_code',
  'concern_details',
] as const;

/** Options of {@link matchesToCsv}. */
export interface MatchesCsvOptions {
  /** How many criteria to list in `reasons` (largest contribution first). @defaultValue 3 */
  readonly topReasons?: number;
  /** Field delimiter. @defaultValue ',' */
  readonly delimiter?: string;
  /** Start with a UTF-8 BOM, so that spreadsheet programs read the names right. @defaultValue false */
  readonly bom?: boolean;
  /**
   * Neutralise spreadsheet formulas (CSV injection, OWASP): a text cell — a name, an id,
   * a reason — that starts with `=`, `+`, `-`, `@`, a tab or a carriage return (or their
   * full-width forms) is written with a `'` in front, so that Excel, LibreOffice, Google
   * Sheets and Numbers show it as text instead of running it. Number cells (`score`,
   * `group`) are never changed, negative numbers included. Turn it off only when the file
   * is read by a program, never opened in a spreadsheet. @defaultValue true
   */
  readonly escapeFormulas?: boolean;
}

/**
 * Writes a result as CSV (csv-stringify: RFC 4180 quoting, CRLF-free `\n` line ends).
 *
 * Rows: `status = pair` for each pair (`group` = the mentor's group number in group mode;
 * in peer mode `status = peers`: nobody is the mentor);
 * `status = group` for each member of a peer trio or circle (`mentee_id` = the member,
 * `score` = the group's mean); `status = unmatched` for each person left out, with the
 * reason in `reasons` and its code in `reason_code`. In peer mode `mentee_id` and
 * `mentor_id` are the two peers. `reasons` lists the criteria that added most to the
 * score, each with its points and evidence, separated by ` | `. Names come from
 * `participants` when given.
 *
 * Checks, on pair rows: `essential_fit` is `yes` when the pair passes the essential-fit
 * checklist (a wanted skill at level, a shared language, ≥ 30 min a week), else `no`;
 * `concerns` lists the pair's concern codes (`no-wanted-skill`, `no-shared-language`,
 * `no-common-time`, `time-zone-gap`, `mentor-not-senior`, in that order) joined by `; `,
 * and `concern_details` their messages joined by ` | ` (both empty when the pair has
 * none). In group mode a pair row adds its group's concerns (a code already listed is not
 * repeated in `concerns`; its message is still in `concern_details`). Peer-group rows
 * carry the group's concerns with `essential_fit` empty (a group has no pair checks);
 * unmatched rows leave the three columns empty.
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
 * // 'status,group,mentee_id,mentee_name,mentor_id,mentor_name,score,locked,essential_fit,concerns,reasons,reason_code,concern_details'
 * ```
 */
export function matchesToCsv(result: MatchResult, participants: readonly Participant[] = [], options: MatchesCsvOptions = {}): string {
  requireResult(result, 'matchesToCsv', 'result');
  requireParticipants(participants, 'matchesToCsv');
  requireOptions(options, 'matchesToCsv');
  const top = options.topReasons ?? 3;
  const names = new Map(participants.map((p) => [p.id, p.name ?? ''] as const));
  const name = (id: string | undefined): string => (id === undefined ? '' : (names.get(id) ?? ''));
  const groupOf = new Map<string, number>();
  const mentorGroupList = mentorGroups(result);
  mentorGroupList.forEach((g, k) => groupOf.set(g.mentorId, k + 1));

  const rows: (string | number)[][] = [];
  for (const p of result.pairs) {
    // Peer pairs: the two peers in the mentee and mentor columns (id order).
    const [a, b] = pairIds(p);
    const k = 'mentorId' in p ? groupOf.get(p.mentorId) : undefined;
    const concerns = k === undefined ? (p.concerns ?? []) : [...(p.concerns ?? []), ...(mentorGroupList[k - 1]!.concerns ?? [])];
    rows.push([
      result.mode === 'peer' ? 'peers' : 'pair',
      k ?? '',
      a,
      name(a),
      b,
      name(b),
      round(p.score),
      p.locked ? 'yes' : 'no',
      p.essentialFit ? 'yes' : 'no',
      codes(concerns),
      reasons(p.breakdown, top),
      '',
      details(concerns),
    ]);
  }
  // Group mode's groups are listed above, pair by pair; peer trios and circles here.
  peerGroups(result).forEach((g, k) => {
    const concerns = g.concerns ?? [];
    for (const id of g.memberIds) {
      rows.push(['group', k + 1, id, name(id), '', '', round(g.score), 'no', '', codes(concerns), `peer group of ${g.memberIds.length}: ${g.memberIds.join(', ')}`, '', details(concerns)]);
    }
  });
  for (const u of result.unmatched) {
    const asMentor = u.role === 'mentor';
    rows.push(['unmatched', '', asMentor ? '' : u.id, asMentor ? '' : name(u.id), asMentor ? u.id : '', asMentor ? name(u.id) : '', '', '', '', '', u.reason.message, u.reason.code, '']);
  }
  // csv-stringify's escape_formulas prefixes `'` to text cells starting with = + - @ \t \r
  // (and their full-width forms); a number cell starting with `-` is left as it is.
  return stringify(rows, {
    header: true,
    columns: [...MATCHES_CSV_COLUMNS],
    delimiter: options.delimiter ?? ',',
    bom: options.bom ?? false,
    escape_formulas: options.escapeFormulas ?? true,
  });
}

/** Distinct concern codes in CONCERN_CODES order, joined by `; `. */
function codes(concerns: readonly Concern[]): string {
  const present = new Set(concerns.map((c) => c.code));
  return CONCERN_CODES.filter((c) => present.has(c)).join('; ');
}

/** Concern messages in the order given, joined by ` | `. */
function details(concerns: readonly Concern[]): string {
  return concerns.map((c) => c.message).join(' | ');
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
