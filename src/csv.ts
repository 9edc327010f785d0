/**
 * `mentor-match/csv`: cohorts from CSV files (HR exports) and results to CSV, through
 * csv-parse and csv-stringify. A separate entry point because those expect a global
 * `Buffer` (Node, Deno, Bun); the main entry runs anywhere.
 *
 * @example
 * ```ts
 * import { parseCohortCsv, matchesToCsv } from 'mentor-match/csv';
 * ```
 *
 * @packageDocumentation
 */
export { parseCohortCsv } from './io/csv/parse-cohort.js';
export type { CohortCsvOptions, CohortCsvResult } from './io/csv/parse-cohort.js';
export { matchesToCsv, MATCHES_CSV_COLUMNS } from './io/csv/write-matches.js';
export type { MatchesCsvOptions } from './io/csv/write-matches.js';
export { COHORT_COLUMNS } from './io/csv/columns.js';
export type { ColumnMapping, ColumnMappingValue, CohortField } from './io/csv/columns.js';
export { detectDelimiter, DEFAULT_MAX_RECORD_SIZE } from './io/csv/read-records.js';
export { CSV_ISSUE_CODES } from './io/csv/issues.js';
export type { CsvIssue, CsvIssueCode } from './io/csv/issues.js';
export { parseHistoryCsv } from './io/csv/history.js';
export type { HistoryCsv, ParseHistoryCsvOptions, HistoryOutcomeColumn } from './io/csv/history.js';
export { CsvFileError } from './errors.js';
