/**
 * The CSV tokenizer layer: text in, records with the line each starts on out, plus an
 * issue for every part of the file that cannot be read. Parsing is csv-parse's; this
 * file adds delimiter detection and line accounting.
 *
 * @module
 */
import { requireString } from '../../_internal/args.js';
import { parse, type CsvError, type Options } from 'csv-parse/sync';

import { InvalidInputError } from '../../errors.js';
import type { CsvIssue } from './issues.js';

/** One data or header record of a CSV file. */
export interface CsvRecord {
  /** Cells as written (not trimmed). */
  readonly cells: readonly string[];
  /**
   * 1-based row as a spreadsheet program shows it: every record is one row, blank lines
   * included, and a quoted field with line breaks stays within its row.
   */
  readonly row: number;
}

/** What {@link readCsvRecords} returns. */
export interface CsvRecords {
  /** Non-blank records in file order; the first is the header. */
  readonly records: readonly CsvRecord[];
  /** The delimiter used. */
  readonly delimiter: string;
  /** Parts of the file that are not valid CSV (each names its row). */
  readonly issues: readonly CsvIssue[];
}

/**
 * The most characters one row of a CSV file may hold, all its cells together, unless the
 * `maxRecordSize` option says otherwise: 1,000,000 (a profile row is a few hundred). A
 * longer row is a `record_too_large` issue and is not loaded, so a 63 MB quoted field
 * never reaches the profiles, the writers or the report.
 *
 * @example
 * ```ts
 * parseCohortCsv(text, { maxRecordSize: 10 * DEFAULT_MAX_RECORD_SIZE }); // long free-text columns
 * ```
 */
export const DEFAULT_MAX_RECORD_SIZE = 1_000_000;

/** Delimiters recognised by `delimiter: 'auto'`. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * The delimiter of a CSV text, read off its first line: the one of `,` `;` tab `|` that
 * occurs most often outside quotes (`,` on a tie or when none occurs). Spreadsheet
 * programs in many locales export with `;`.
 *
 * @param text - The CSV text (a leading UTF-8 BOM is ignored).
 * @returns The delimiter character.
 *
 * @example
 * ```ts
 * detectDelimiter('id;name;role\r\n1;Ana;mentor'); // ';'
 * detectDelimiter('id,"a;b",c');                    // ','
 * ```
 */
export function detectDelimiter(text: string): string {
  requireString(text, 'detectDelimiter', 'text', "the CSV file's text");
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let inQuotes = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === '\n' || c === '\r')) break;
    else if (!inQuotes && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/**
 * Splits CSV text into records with csv-parse (RFC 4180 quoting, embedded newlines and
 * delimiters, a UTF-8 BOM, CRLF or LF, a quote inside an unquoted field taken literally),
 * skipping blank lines and turning unreadable parts into issues instead of throwing.
 * A record longer than `maxRecordSize` characters is a `record_too_large` issue naming its
 * row and the column of its largest cell, and is left out (a header that long: nothing is
 * read). csv-parse's own `max_record_size` is not used: it stops the whole parse at the
 * first long record.
 *
 * @param text - The whole file as a string.
 * @param delimiter - A delimiter character, or `'auto'` to {@link detectDelimiter}.
 * @param maxRecordSize - The most characters a record may hold, all cells together.
 * @defaultValue maxRecordSize {@link DEFAULT_MAX_RECORD_SIZE}
 * @returns The records with their rows, the delimiter and the issues.
 * @throws {@link InvalidInputError} when `maxRecordSize` is not a positive integer.
 *
 * @example
 * ```ts
 * const r = readCsvRecords('id,name\n1,"Ana\nMaria"\n\n2,Bo\n', 'auto');
 * r.records.map((x) => x.row); // [1, 2, 4]
 * ```
 */
export function readCsvRecords(text: string, delimiter = 'auto', maxRecordSize = DEFAULT_MAX_RECORD_SIZE): CsvRecords {
  if (!Number.isSafeInteger(maxRecordSize) || maxRecordSize <= 0) {
    throw new InvalidInputError(`maxRecordSize: expected a positive whole number of characters; found ${String(maxRecordSize)}`, { maxRecordSize });
  }
  const delim = delimiter === 'auto' ? detectDelimiter(text) : delimiter;
  const records: CsvRecord[] = [];
  const issues: CsvIssue[] = [];
  let row = 0;
  let headerTooLarge = false;
  const options: Options = {
    bom: true,
    delimiter: delim,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false, // blank lines count as rows, as in a spreadsheet; skipped below
    skip_records_with_error: true,
    on_record: (record: string[]) => {
      row++;
      const blank = record.length === 0 || (record.length === 1 && record[0]!.trim() === '');
      if (blank || headerTooLarge) return null;
      if (recordSize(record) > maxRecordSize) {
        issues.push(tooLargeIssue(record, row, records[0], maxRecordSize));
        headerTooLarge = records.length === 0;
      } else records.push({ cells: record, row });
      return null; // csv-parse keeps nothing: the records live here
    },
    on_skip: (err: CsvError | undefined) => {
      row++;
      const unclosed = err?.code === 'CSV_QUOTE_NOT_CLOSED'; // runs to the end of the file
      issues.push({
        severity: 'error',
        code: 'csv_syntax',
        row,
        column: undefined,
        participant: undefined,
        message: unclosed
          ? `row ${row}: a quoted field is never closed; expected a closing '"' (quotes inside a quoted field are doubled); row ${row} and everything after it were not loaded`
          : `row ${row}: not valid CSV (${err?.message ?? 'unreadable'}); expected fields separated by ${describeDelimiter(delim)}; the row was not loaded`,
      });
      return undefined;
    },
  };
  if (typeof text === 'string') parse(text, options);
  return { records, delimiter: delim, issues };
}

/** Characters in a record, all cells together. */
function recordSize(cells: readonly string[]): number {
  let n = 0;
  for (const c of cells) n += c.length;
  return n;
}

/** The issue of a record over the limit: its row and the column of its largest cell (never its text). */
function tooLargeIssue(cells: readonly string[], row: number, header: CsvRecord | undefined, limit: number): CsvIssue {
  let largest = 0;
  for (let k = 1; k < cells.length; k++) if (cells[k]!.length > cells[largest]!.length) largest = k;
  const column = header === undefined ? undefined : header.cells[largest]?.trim();
  const n = (x: number): string => x.toLocaleString('en-US');
  const where = column === undefined ? `row ${row}` : `row ${row}, column '${column}'`;
  const cell = cells.length > 1 ? ` (${n(cells[largest]!.length)} in ${column === undefined ? `cell ${largest + 1}` : 'this cell'})` : '';
  const outcome = header === undefined ? 'the header row is too long to read, so no row was loaded' : 'the row was not loaded';
  return {
    severity: 'error',
    code: 'record_too_large',
    row,
    column,
    participant: undefined,
    message: `${where}: expected at most ${n(limit)} characters in a row (raise the limit with the maxRecordSize option, --max-record-size on the command line); found ${n(recordSize(cells))}${cell}; ${outcome}`,
  };
}

/**
 * A delimiter in words, for messages.
 *
 * @example
 * ```ts
 * describeDelimiter('\t'); // 'tabs'
 * ```
 */
export function describeDelimiter(d: string): string {
  return d === '\t' ? 'tabs' : d === ',' ? 'commas' : d === ';' ? 'semicolons' : `'${d}'`;
}
