/**
 * The CSV tokenizer layer: text in, records with the line each starts on out, plus an
 * issue for every part of the file that cannot be read. Parsing is csv-parse's; this
 * file adds delimiter detection and line accounting.
 *
 * @module
 */
import { parse, type CsvError, type Options } from 'csv-parse/sync';

import type { CsvIssue } from './issues.js';

/** One data or header record of a CSV file. */
export interface CsvRecord {
  /** Cells as written (not trimmed). */
  readonly cells: readonly string[];
  /** 1-based line of the file where the record starts. */
  readonly line: number;
}

/** What {@link readCsvRecords} returns. */
export interface CsvRecords {
  /** Non-blank records in file order; the first is the header. */
  readonly records: readonly CsvRecord[];
  /** The delimiter used. */
  readonly delimiter: string;
  /** Parts of the file that are not valid CSV (each names its lines). */
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

/** Line breaks in `s`, counting CRLF, LF and a lone CR as one each. */
function lineBreaks(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13) {
      n++;
      if (s.charCodeAt(i + 1) === 10) i++;
    }
  }
  return n;
}

/**
 * Splits CSV text into records with csv-parse (RFC 4180 quoting, embedded newlines and
 * delimiters, a UTF-8 BOM, CRLF or LF, a quote inside an unquoted field taken literally),
 * skipping blank lines and turning unreadable parts into issues instead of throwing.
 *
 * @param text - The whole file as a string.
 * @param delimiter - A delimiter character, or `'auto'` to {@link detectDelimiter}.
 * @returns The records with their starting lines, the delimiter and the issues.
 *
 * @example
 * ```ts
 * const r = readCsvRecords('id,name\n1,"Ana\nMaria"\n\n2,Bo\n', 'auto');
 * r.records.map((x) => x.line); // [1, 2, 5]
 * ```
 */
export function readCsvRecords(text: string, delimiter = 'auto'): CsvRecords {
  const delim = delimiter === 'auto' ? detectDelimiter(text) : delimiter;
  const records: CsvRecord[] = [];
  const issues: CsvIssue[] = [];
  let lastEnd = 0; // line on which the previous record (or skipped part) ended
  const totalLines = lineBreaks(text) + (/[\r\n]$/.test(text) || text === '' ? 0 : 1);

  const options: Options = {
    bom: true,
    delimiter: delim,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
    skip_records_with_error: true,
    // csv-parse's own line counter counts a CRLF inside a quoted field twice, so the
    // lines a record spans are counted here from its cells.
    on_record: (record: string[]) => {
      const line = lastEnd + 1;
      lastEnd = line + record.reduce((n, cell) => n + lineBreaks(cell), 0);
      const blank = record.length === 0 || (record.length === 1 && record[0]!.trim() === '');
      if (!blank) records.push({ cells: record, line });
      return null; // csv-parse keeps nothing: the records live here
    },
    on_skip: (err: CsvError | undefined) => {
      const start = lastEnd + 1;
      const unclosed = err?.code === 'CSV_QUOTE_NOT_CLOSED'; // runs to the end of the file
      const end = unclosed ? Math.max(start, totalLines) : Math.max(start, Number(err?.lines ?? start));
      lastEnd = end;
      const where = start === end ? `line ${start}` : `lines ${start}–${end}`;
      const what = unclosed ? 'a quoted field is never closed' : (err?.message ?? 'unreadable CSV');
      issues.push({
        severity: 'error',
        code: 'csv_syntax',
        row: start,
        column: undefined,
        participant: undefined,
        message: `${where}: not valid CSV (${what}); expected fields separated by ${describeDelimiter(delim)}, quotes doubled inside quoted fields; the ${start === end ? 'line was' : 'lines were'} not loaded`,
      });
      return undefined;
    },
  };
  parse(text, options);
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
