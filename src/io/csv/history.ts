/**
 * Reading a history of past pairs and their outcomes from CSV, for `calibrateWeights`.
 *
 * @module
 */
import { requireOptions, requireString } from '../../_internal/args.js';
import type { HistoryEntry } from '../../evaluate/calibrate.js';
import type { CsvIssue, CsvIssueCode } from './issues.js';
import { leadingUnits, looksLikeUtf16, utf16Advice } from './encoding.js';
import { DEFAULT_MAX_RECORD_SIZE, readCsvRecords, type CsvRecord } from './read-records.js';

/**
 * Which outcome column to read when a file has several.
 *
 * @example
 * ```ts
 * parseHistoryCsv(text, { outcome: 'goal_achieved' satisfies HistoryOutcomeColumn });
 * ```
 */
export type HistoryOutcomeColumn = 'rating' | 'satisfaction' | 'goal_achieved';

/**
 * Options of {@link parseHistoryCsv}.
 *
 * @example
 * ```ts
 * parseHistoryCsv(text, { outcome: 'rating' });
 * ```
 */
export interface ParseHistoryCsvOptions {
  /**
   * The outcome column to read when the file has more than one.
   * @defaultValue the first present of `rating`, `satisfaction`, `goal_achieved` (with a warning naming the others)
   */
  readonly outcome?: HistoryOutcomeColumn;
  /**
   * The most characters a row may hold (all its cells together); a longer row is a
   * `record_too_large` issue and is not loaded.
   * @defaultValue {@link DEFAULT_MAX_RECORD_SIZE} (1,000,000)
   */
  readonly maxRecordSize?: number;
}

/**
 * What {@link parseHistoryCsv} returns.
 *
 * @example
 * ```ts
 * const { entries, issues } = parseHistoryCsv(text);
 * const errors = issues.filter((i) => i.severity === 'error');
 * ```
 */
export interface HistoryCsv {
  /** One entry per loaded row, in file order. */
  readonly entries: readonly HistoryEntry[];
  /** Every row not loaded, every cell ignored, and file-level problems (row undefined). */
  readonly issues: readonly CsvIssue[];
}

/** Accepted headers (compared lower-case, without spaces, underscores or hyphens). */
const HEADERS = {
  mentee: ['mentee', 'menteeid'],
  mentor: ['mentor', 'mentorid'],
  rating: ['rating'],
  satisfaction: ['satisfaction'],
  goal_achieved: ['goalachieved'],
} as const;
type Field = keyof typeof HEADERS;
const OUTCOMES: readonly HistoryOutcomeColumn[] = ['rating', 'satisfaction', 'goal_achieved'];

const TRUE = new Set(['yes', 'true', '1']);
const FALSE = new Set(['no', 'false', '0']);

function key(header: string): string {
  return header.trim().toLowerCase().replace(/[\s_-]+/gu, '');
}

/**
 * Reads a history of past pairs from CSV text: one row per pair, with a mentee id, a
 * mentor id and one outcome — a satisfaction rating 1–5 or whether the goal was achieved.
 *
 * Headers (case, spaces, underscores and hyphens ignored): `mentee` or `mentee_id`;
 * `mentor` or `mentor_id`; and one of `rating` / `satisfaction` (a number 1–5, decimals
 * with `.` or `,`) or `goal_achieved` (`yes` / `no` / `true` / `false` / `1` / `0`, any
 * case). Other columns are ignored. The delimiter (`,`, `;` or tab) is read off the
 * header line; a UTF-8 BOM, CRLF line ends, quoted fields (with delimiters, quotes and
 * line breaks inside) are handled by csv-parse.
 *
 * Nothing is lost silently: every data row is either an entry or an issue. Rows are
 * numbered as in a spreadsheet (header = row 1; a blank line is a row; a quoted field
 * spanning lines stays one row). Blank rows are skipped without an issue. A CSV syntax
 * error becomes a `csv_syntax` issue at its row (an unclosed quote swallows the rest of
 * the file, and the issue says so); a missing column is a file-level `missing_column`
 * error (row undefined) and then no row is loaded.
 *
 * Issue codes: `empty_file`, `csv_syntax`, `missing_column`, `duplicate_column`,
 * `ambiguous_outcome_column` (warning), `missing_value`, `invalid_rating`,
 * `invalid_goal`, `extra_cells` (warning), `record_too_large` (a row over
 * `maxRecordSize` characters), `utf16_without_bom` (NUL characters in every other place:
 * UTF-16 bytes decoded as UTF-8; nothing is loaded).
 *
 * Browser-safe: no file access; read the file yourself and pass its text.
 *
 * @param text - The whole file as a string.
 * @param options - See {@link ParseHistoryCsvOptions}.
 * @returns The entries and the issues.
 *
 * @example
 * ```ts
 * import { parseHistoryCsv } from 'mentor-match/csv';
 *
 * const { entries, issues } = parseHistoryCsv('mentee;mentor;rating\r\ne1;m1;4\r\ne2;m1;9\r\n');
 * entries; // [{ menteeId: 'e1', mentorId: 'm1', outcome: 4 }]
 * issues[0].message; // "row 3, column 'rating' (participant e2): expected a rating from 1 to 5; found '9'; the row was not loaded"
 * ```
 */
export function parseHistoryCsv(text: string, options: ParseHistoryCsvOptions = {}): HistoryCsv {
  requireString(text, 'parseHistoryCsv', 'text', "the CSV file's text");
  requireOptions(options, 'parseHistoryCsv');
  const issues: CsvIssue[] = [];
  if ( text.replace(/^\ufeff/u, '').trim() === '') {
    fileIssue(issues, 'empty_file', 'the file is empty; expected a header row (mentee, mentor, rating or goal_achieved) and one row per pair');
    return done([], issues);
  }
  if (looksLikeUtf16(leadingUnits(text)) !== undefined) {
    fileIssue(issues, 'utf16_without_bom', utf16Advice('history CSV'));
    return done([], issues);
  }
  // Every non-blank record with its spreadsheet row; unreadable parts are issues.
  const read = readCsvRecords(text, 'auto', options.maxRecordSize ?? DEFAULT_MAX_RECORD_SIZE);
  issues.push(...read.issues);
  const [header, ...records] = read.records;
  if (!header) {
    fileIssue(issues, 'missing_column', 'no header row could be read; expected columns mentee, mentor and rating (or goal_achieved)');
    return done([], issues);
  }
  const columns = historyColumns(header.cells, records.length, options, issues);
  if (!columns) return done([], issues);
  const entries: HistoryEntry[] = [];
  for (const rec of records) {
    const entry = historyRow(rec, header.cells, columns, issues);
    if (entry) entries.push(entry);
  }
  return done(entries, issues);
}

/** Where the fields of a history file are: column indices and the outcome read. */
interface HistoryColumns {
  readonly mentee: number;
  readonly mentor: number;
  readonly outcome: HistoryOutcomeColumn;
  /** Column of `outcome`. */
  readonly value: number;
}

/** Adds a file-level issue (no row, no participant). */
function fileIssue(issues: CsvIssue[], code: CsvIssueCode, message: string, column?: string, severity: 'error' | 'warning' = 'error'): void {
  issues.push({ severity, code, row: undefined, column, participant: undefined, message });
}

/** Finds the columns in the header (first of duplicates; the outcome asked for, or the first present); undefined, with an issue per missing column, when one is missing. */
function historyColumns(cells: readonly string[], rows: number, options: ParseHistoryCsvOptions, issues: CsvIssue[]): HistoryColumns | undefined {
  const at: Partial<Record<Field, number>> = {};
  cells.forEach((h, c) => {
    const k = key(h);
    for (const field of Object.keys(HEADERS) as Field[]) {
      if (!(HEADERS[field] as readonly string[]).includes(k)) continue;
      if (at[field] === undefined) at[field] = c;
      else {
        fileIssue(issues, 'duplicate_column', `column '${h.trim()}' repeats column '${cells[at[field]!].trim()}'; the first one is read`, h.trim(), 'warning');
      }
    }
  });
  const present = OUTCOMES.filter((o) => at[o] !== undefined);
  let outcome: HistoryOutcomeColumn | undefined;
  if (options.outcome !== undefined) {
    if (at[options.outcome] !== undefined) outcome = options.outcome;
  } else {
    outcome = present[0];
    if (present.length > 1) {
      fileIssue(
        issues,
        'ambiguous_outcome_column',
        `several outcome columns (${present.map((o) => cells[at[o]!].trim()).join(', ')}); reading '${cells[at[outcome!]!].trim()}' (pass options.outcome to choose)`,
        cells[at[present[1]]!].trim(),
        'warning',
      );
    }
  }
  const missing: string[] = [];
  if (at.mentee === undefined) missing.push('mentee (or mentee_id)');
  if (at.mentor === undefined) missing.push('mentor (or mentor_id)');
  if (outcome === undefined) missing.push(options.outcome ?? 'an outcome: rating, satisfaction or goal_achieved');
  if (missing.length) {
    for (const m of missing) {
      fileIssue(
        issues,
        'missing_column',
        `missing column ${m}; found columns ${cells.map((h) => `'${h.trim()}'`).join(', ')}; none of the ${rows} data row${rows === 1 ? ' was' : 's were'} loaded`,
        m.split(' ')[0],
      );
    }
    return undefined;
  }
  return { mentee: at.mentee!, mentor: at.mentor!, outcome: outcome!, value: at[outcome!]! };
}

/** Reads one data row: its entry, or undefined with the row's issues added. */
function historyRow(rec: CsvRecord, header: readonly string[], at: HistoryColumns, issues: CsvIssue[]): HistoryEntry | undefined {
  const { outcome } = at;
  const cell = (c: number): string => (rec.cells[c] ?? '').trim();
  const menteeId = cell(at.mentee);
  const mentorId = cell(at.mentor);
  const raw = cell(at.value);
  const participant = menteeId || undefined;
  const rowIssue = (code: CsvIssueCode, column: number | undefined, what: string, severity: 'error' | 'warning' = 'error'): void => {
    const col = column === undefined ? undefined : header[column].trim();
    issues.push({
      severity,
      code,
      row: rec.row,
      column: col,
      participant,
      message: `row ${rec.row}${col ? `, column '${col}'` : ''}${participant ? ` (participant ${participant})` : ''}: ${what}`,
    });
  };
  const before = issues.length;
  if (!menteeId) rowIssue('missing_value', at.mentee, 'expected a mentee id; found an empty cell; the row was not loaded');
  if (!mentorId) rowIssue('missing_value', at.mentor, 'expected a mentor id; found an empty cell; the row was not loaded');
  let value: number | boolean | undefined;
  if (raw === '') {
    rowIssue('missing_value', at.value, `expected ${outcome === 'goal_achieved' ? 'yes or no' : 'a rating from 1 to 5'}; found an empty cell; the row was not loaded`);
  } else if (outcome === 'goal_achieved') {
    const k = raw.toLowerCase();
    if (TRUE.has(k)) value = true;
    else if (FALSE.has(k)) value = false;
    else rowIssue('invalid_goal', at.value, `expected yes/no, true/false or 1/0; found '${raw}'; the row was not loaded`);
  } else {
    const v = /^[+-]?\d+(?:[.,]\d+)?$/u.test(raw) ? Number(raw.replace(',', '.')) : NaN;
    if (v >= 1 && v <= 5) value = v;
    else rowIssue('invalid_rating', at.value, `expected a rating from 1 to 5; found '${raw}'; the row was not loaded`);
  }
  if (issues.length > before || value === undefined) return undefined;
  if (rec.cells.length > header.length && rec.cells.slice(header.length).some((x) => x.trim() !== '')) {
    rowIssue('extra_cells', undefined, `${rec.cells.length} cells but ${header.length} columns in the header; the extra cells were ignored`, 'warning');
  }
  return { menteeId, mentorId, outcome: value };
}

/** File-level issues first, then by row (stable: a row's issues keep their order). */
function done(entries: HistoryEntry[], issues: CsvIssue[]): HistoryCsv {
  issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { entries, issues };
}
