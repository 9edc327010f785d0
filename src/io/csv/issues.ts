/**
 * Problems found while reading a CSV file: one per bad cell, row or header.
 *
 * @module
 */

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
  /** Stable machine-readable kind, e.g. `csv_syntax`, `missing_column`, `unknown_time_zone`. */
  readonly code: string;
  /** 1-based row as in a spreadsheet (header = 1); undefined for a file-level problem. */
  readonly row: number | undefined;
  /** The header of the column as written in the file; undefined when no column is at fault. */
  readonly column: string | undefined;
  /** The participant id of the row, when it has one. */
  readonly participant: string | undefined;
  /** One readable line naming all of the above, with what was expected and found. */
  readonly message: string;
}
