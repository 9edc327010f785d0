/**
 * The cohort a command works on: one CSV with a role column, or a mentors file and a
 * mentees file, read with `parseCohortCsv` (node-only: reads files).
 *
 * @module
 */
import { ConfigError, CsvFileError } from '../errors.js';
import { checkMappingEntry, headerKey, resolveMappingTarget, type ColumnMappingValue } from '../io/csv/columns.js';
import type { CsvIssue } from '../io/csv/issues.js';
import { parseCohortCsv } from '../io/csv/parse-cohort.js';
import { DEFAULT_TRAITS } from '../profile/traits.js';
import type { Participant } from '../profile/types.js';
import { readJsonFile, readTextFile } from './files.js';

/** Where the cohort comes from, as given on the command line. */
export interface CohortSource {
  readonly cohort?: string | undefined;
  readonly mentors?: string | undefined;
  readonly mentees?: string | undefined;
  /**
   * A JSON file `{ "columns": { "<header>": "<column>" } }` (or the bare object); a value
   * may also be `{ "column": "seniority", "values": { "IC1": 1 } }`.
   */
  readonly columns?: string | undefined;
  readonly delimiter?: string | undefined;
  readonly strict?: boolean | undefined;
  /** The most characters a row may hold (`parseCohortCsv`'s `maxRecordSize`). */
  readonly maxRecordSize?: number | undefined;
}

/** A CSV issue, with the file it is in. */
export interface FileIssue extends CsvIssue {
  readonly file: string;
}

/** What {@link loadCohort} returns. */
export interface LoadedCohort {
  readonly participants: readonly Participant[];
  readonly issues: readonly FileIssue[];
  /** Data rows read across the files. */
  readonly rows: number;
  readonly files: readonly string[];
}

/**
 * Reads the cohort file(s). Ids must be unique across files (a clash is an issue on the
 * later file's row, and that row is left out).
 *
 * @param source - Files and options.
 * @returns Participants and every issue, each naming its file.
 * @throws {@link CsvFileError} when a file cannot be read, or on any issue with `strict`;
 *   `ConfigError` for a bad column mapping file (not JSON, not an object, an entry that is
 *   no column or a bad `{ column, values }`), naming the file and each bad entry.
 *
 * @example
 * ```ts
 * const { participants, issues } = loadCohort({ mentors: 'mentors.csv', mentees: 'mentees.csv' });
 * ```
 */
export function loadCohort(source: CohortSource): LoadedCohort {
  const parts: { file: string; role?: 'mentor' | 'mentee' }[] = [];
  if (source.cohort !== undefined) parts.push({ file: source.cohort });
  if (source.mentors !== undefined) parts.push({ file: source.mentors, role: 'mentor' });
  if (source.mentees !== undefined) parts.push({ file: source.mentees, role: 'mentee' });
  if (parts.length === 0) {
    throw new CsvFileError([{ code: 'no_input', row: undefined, column: undefined, message: 'no cohort given: pass a cohort CSV, or --mentors and --mentees files' }], 'cohort');
  }
  const columns = source.columns === undefined ? undefined : readMapping(source.columns);

  const participants: Participant[] = [];
  const issues: FileIssue[] = [];
  const firstFile = new Map<string, string>();
  let rows = 0;
  for (const part of parts) {
    const text = readTextFile(part.file, 'cohort CSV');
    let parsed;
    try {
      parsed = parseCohortCsv(text, { columns, delimiter: source.delimiter ?? 'auto', strict: source.strict ?? false, ...(source.maxRecordSize !== undefined ? { maxRecordSize: source.maxRecordSize } : {}), ...(part.role ? { role: part.role } : {}) });
    } catch (e) {
      if (e instanceof CsvFileError) throw new CsvFileError(e.issues.map((i) => ({ ...i, message: `${part.file}: ${i.message}` })), `cohort CSV ${part.file}`);
      throw e;
    }
    rows += parsed.rows;
    for (const i of parsed.issues) issues.push({ ...i, file: part.file });
    for (const p of parsed.participants) {
      const other = firstFile.get(p.id);
      if (other !== undefined) {
        issues.push({ severity: 'error', code: 'duplicate_id', row: undefined, column: 'id', participant: p.id, file: part.file, message: `participant ${p.id}: expected an id not used by another participant; found it in ${other} and again in ${part.file} (the second is left out)` });
        continue;
      }
      firstFile.set(p.id, part.file);
      participants.push(p);
    }
  }
  if (source.strict && issues.length > 0) throw new CsvFileError(issues.map((i) => ({ ...i, message: `${i.file}: ${i.message}` })), 'cohort');
  return { participants, issues, rows, files: parts.map((p) => p.file) };
}

const TRAITS = new Map(Object.keys(DEFAULT_TRAITS).map((t) => [headerKey(t), t] as const));

/**
 * The column mapping file: `{ "columns": {…} }` or the bare object of header → column
 * (or → `{ column, values }`), each entry checked (`checkMappingEntry`); every bad entry
 * is one line of a `ConfigError` naming the file and the header.
 */
function readMapping(path: string): Record<string, ColumnMappingValue> {
  const json = readJsonFile(path, 'column mapping');
  const obj = json !== null && typeof json === 'object' && 'columns' in json ? (json as { columns: unknown }).columns : json;
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
    throw new ConfigError([`${path}: expected { "columns": { "<header in the file>": "<column>" } }; found ${Array.isArray(obj) ? 'an array' : obj === null ? 'null' : typeof obj}`]);
  }
  const out: Record<string, ColumnMappingValue> = {};
  const problems: string[] = [];
  for (const [k, v] of Object.entries(obj)) {
    const checked = checkMappingEntry(v, TRAITS);
    if (!checked.ok) problems.push(`${path}: column ${JSON.stringify(k)}: ${checked.problem}`);
    else if (resolveMappingTarget(checked.mapping.target, TRAITS).kind === 'unknown') {
      problems.push(`${path}: column ${JSON.stringify(k)} maps to ${JSON.stringify(checked.mapping.target)}; expected a column name such as "skills_offered", "attr:site", "personality:<trait>" or "ignore"`);
    } else Object.defineProperty(out, k, { value: v as ColumnMappingValue, enumerable: true, configurable: true, writable: true });
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return out;
}
