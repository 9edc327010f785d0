/**
 * Problems found while reading a CSV file: one per bad cell, row or header, and the one
 * table of their codes.
 *
 * @module
 */
import type { ProfileIssueCode, ProfileWarningCode } from '../../profile/issues.js';

/**
 * The codes of the CSV readers (`parseCohortCsv`, `parseHistoryCsv`) and of the command
 * line's file checks, with what each means. A profile problem found in a cohort row keeps
 * its profile code (`PROFILE_ISSUE_CODES`, `PROFILE_WARNING_CODES` in `mentor-match`), addressed
 * to its row and column: see {@link CsvIssueCode}.
 *
 * @example
 * ```ts
 * const { issues } = parseCohortCsv('id,role,colour\nm1,mentor,blue\n');
 * issues[0].code;                 // 'unknown_column'
 * CSV_ISSUE_CODES.unknown_column; // 'warning: a header that names no field, trait or attribute; …'
 * ```
 */
export const CSV_ISSUE_CODES = {
  invalid_input: "the text given is not a string (decode the file's bytes first)",
  empty_file: 'the file has no header row',
  csv_syntax: 'a row that is not valid CSV; the row is not loaded (an unclosed quote swallows the rest of the file, and the issue says so)',
  missing_column:
    'a required column is missing (cohort: id, and role unless the role option is given; history: mentee, mentor and an outcome); no row is loaded',
  duplicate_column: 'two columns for one field (cohort: the file is refused; history: a warning, the first one is read)',
  unknown_column: "warning: a header that names no field, trait or attribute; its cells are ignored (map it with the columns option)",
  invalid_mapping: 'an entry of the column mapping that is not valid, or sends a column nowhere; the file is refused',
  unused_mapping: 'warning: the column mapping names a header the file does not have',
  extra_cells: 'a row with more cells than the header (cohort: the row is not loaded; history: a warning, the extra cells are ignored)',
  role_mismatch: 'a row whose role is not the one the file is read as (the role option); the row is not loaded',
  ambiguous_outcome_column: 'warning (history): several outcome columns; the first is read unless options.outcome chooses',
  missing_value: 'history: an empty mentee, mentor or outcome cell; the row is not loaded',
  invalid_rating: 'history: a rating that is not a number from 1 to 5; the row is not loaded',
  invalid_goal: 'history: a goal_achieved cell that is not yes/no, true/false or 1/0; the row is not loaded',
  unreadable_file: 'command line: a file that cannot be read (missing, a directory, no permission)',
  not_utf8: 'command line: a file that is neither UTF-8 nor UTF-16 text',
  utf16_without_bom: 'a file that looks like UTF-16 without a byte-order mark (NUL bytes in every other byte); save it as "CSV UTF-8"',
  record_too_large: 'a row longer than the maxRecordSize limit (all its cells together; 1,000,000 characters by default); the row is not loaded',
  no_input: 'command line: no cohort file given',
} as const;

/**
 * The `code` of a {@link CsvIssue}: one of {@link CSV_ISSUE_CODES}, or the code of a
 * profile issue or warning found in a row (`unknown_time_zone`, `comma_separated_list`, …).
 *
 * @example
 * ```ts
 * function isFileProblem(code: CsvIssueCode): boolean {
 *   switch (code) {
 *     case 'empty_file':
 *     case 'missing_column':
 *     case 'duplicate_column':
 *       return true;
 *     // case 'missing_columns': … does not compile: not a CsvIssueCode
 *     default:
 *       return false;
 *   }
 * }
 * ```
 */
export type CsvIssueCode = keyof typeof CSV_ISSUE_CODES | ProfileIssueCode | ProfileWarningCode;

/**
 * One problem in a CSV file. Rows are numbered as a spreadsheet shows them: the header
 * is row 1, the first data row is row 2 (a quoted field with embedded newlines still
 * counts as one row).
 *
 * @example
 * ```ts
 * const issue: CsvIssue = {
 *   severity: 'error', code: 'unknown_time_zone', row: 7, column: 'time_zone',
 *   participant: 'e-017', message: "row 7, column 'time_zone' (participant e-017): expected an IANA time zone; found 'Mars/Base'",
 * };
 * ```
 */
export interface CsvIssue {
  /**
   * `error`: the row was not loaded; `warning`: loaded, but something was ignored or read
   * in a way to check (an unknown column, a list written with commas, an unknown language,
   * a manager e-mail that names nobody).
   */
  readonly severity: 'error' | 'warning';
  /** Stable machine-readable kind, e.g. `csv_syntax`, `missing_column`, `unknown_time_zone`: see {@link CsvIssueCode}. */
  readonly code: CsvIssueCode;
  /** 1-based row as in a spreadsheet (header = 1); undefined for a file-level problem. */
  readonly row: number | undefined;
  /** The header of the column as written in the file; undefined when no column is at fault. */
  readonly column: string | undefined;
  /** The participant id of the row, when it has one. */
  readonly participant: string | undefined;
  /** One readable line naming all of the above, with what was expected and found. */
  readonly message: string;
}
