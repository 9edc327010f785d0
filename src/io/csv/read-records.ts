/**
 * The CSV tokenizer layer: text in, records with the line each starts on out, plus an
 * issue for every part of the file that cannot be read. Parsing is csv-parse's; this
 * file adds delimiter detection and line accounting.
 *
 * @module
 */
import { requireString } from '../../_internal/args.js';
import { parse, type CsvError, type Options } from 'csv-parse/sync';

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
 *
 * @param text - The whole file as a string.
 * @param delimiter - A delimiter character, or `'auto'` to {@link detectDelimiter}.
 * @returns The records with their rows, the delimiter and the issues.
 *
 * @example
 * ```ts
 * const r = readCsvRecords('id,name\n1,"Ana\nMaria"\n\n2,Bo\n', 'auto');
 * r.records.map((x) => x.row); // [1, 2, 4]
 * ```
 */
export function readCsvRecords(text: string, delimiter = 'auto'): CsvRecords {
  const delim = delimiter === 'auto' ? detectDelimiter(text) : delimiter;
  const records: CsvRecord[] = [];
  const issues: CsvIssue[] = [];
  let row = 0;
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
      if (!blank) records.push({ cells: record, row });
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
