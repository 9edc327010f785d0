/**
 * `parseCohortCsv`: a cohort CSV (an HR export) in, validated participants and every
 * problem out, each naming its row and column.
 *
 * @module
 */
import { describeValue } from '../../profile/issues.js';
import { requireOptions } from '../../_internal/args.js';
import { CsvFileError } from '../../errors.js';
import { PROFILE_FIELDS, type FieldColumns, type FieldName } from '../../profile/fields.js';
import type { ProfileIssue, ProfileWarning } from '../../profile/issues.js';
import { safeParseParticipants } from '../../profile/parse.js';
import { DEFAULT_TRAITS, type TraitRange } from '../../profile/traits.js';
import type { Participant, Role } from '../../profile/types.js';
import {
  checkMappingEntry,
  cohortColumn,
  entryCells,
  headerKey,
  resolveColumn,
  resolveMappingTarget,
  targetKey,
  type ColumnMappingValue,
  type ColumnTarget,
} from './columns.js';
import type { CsvIssue, CsvIssueCode } from './issues.js';
import { leadingUnits, looksLikeUtf16, utf16Advice } from './encoding.js';
import { DEFAULT_MAX_RECORD_SIZE, describeDelimiter, readCsvRecords, type CsvRecord } from './read-records.js';

/**
 * Options of {@link parseCohortCsv}.
 *
 * @example
 * ```ts
 * const options: CohortCsvOptions = {
 *   columns: { 'Employee ID': 'id', 'Wants to learn': 'skills_wanted', Site: 'attr:site', Notes: 'ignore' },
 *   role: 'mentee', // a file of mentees only: no role column needed
 * };
 * ```
 */
export interface CohortCsvOptions {
  /**
   * Refuse the whole file (throw {@link CsvFileError}) on any issue, warnings included,
   * instead of loading the rows that are fine.
   * @defaultValue false
   */
  readonly strict?: boolean;
  /**
   * Header in the file → what the column is: a canonical column name or alias
   * (`skills_offered`), `attr:<name>`, `personality:<trait>`, or `ignore`. Headers not
   * in the mapping are read by their own name. The seniority column may also map the
   * company's grades to levels: `{ Grade: { column: 'seniority', values: { IC1: 1, M1: 4 } } }`
   * (cells compared without case; other words and numbers are read as without a mapping).
   * A bad entry is an `invalid_mapping` issue and the file is refused.
   */
  readonly columns?: Readonly<Record<string, ColumnMappingValue>>;
  /** `,` `;` tab or `|`, or `auto` (read off the header line). @defaultValue 'auto' */
  readonly delimiter?: string;
  /** Every row has this role (a file of mentors only, or of mentees only). */
  readonly role?: Role;
  /** Personality traits and their ranges. @defaultValue Big Five, 0–100 */
  readonly traits?: Readonly<Record<string, TraitRange>>;
  /**
   * The most characters a row may hold (all its cells together). A longer row is a
   * `record_too_large` issue naming its row and the column of its largest cell, and is
   * not loaded (nor echoed): a runaway quoted field never reaches the profiles, the
   * writers or the report. Raise it for long free-text columns.
   * @defaultValue {@link DEFAULT_MAX_RECORD_SIZE} (1,000,000)
   */
  readonly maxRecordSize?: number;
}

/**
 * What {@link parseCohortCsv} returns. Every data row is either one of `participants` or
 * the `row` of at least one issue of severity `error`.
 *
 * @example
 * ```ts
 * const { participants, issues, rows } = parseCohortCsv(text);
 * console.log(`${participants.length} of ${rows} rows loaded; ${issues.length} issues`);
 * ```
 */
export interface CohortCsvResult {
  readonly participants: readonly Participant[];
  /** Problems, by row (file-level ones first). */
  readonly issues: readonly CsvIssue[];
  /** Data records read (the header, blank rows and unreadable parts not counted: those are in `issues`). */
  readonly rows: number;
  /** The delimiter used. */
  readonly delimiter: string;
}

/** One column of the file and where it goes. */
interface Column {
  readonly index: number;
  readonly header: string;
  readonly target: ColumnTarget;
  /** Where its cells go in the participant input; undefined for a column that is not read. */
  readonly sink: Sink | undefined;
}

/**
 * Where a column's cells go in a participant input object: the field, the key inside the
 * field's object form (a part such as `capacity.min`, or a record entry such as
 * `attributes.site`), and how a cell is read.
 */
interface Sink {
  readonly field: FieldName;
  readonly key: string | undefined;
  readonly cells: 'text' | 'number' | 'typed';
}

const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;

/**
 * Reads a cohort CSV: one row per participant, one column per profile field.
 *
 * Columns (header case, spaces, `_`, `-` and `.` do not matter; aliases in
 * `COHORT_COLUMNS`): `id` (required), `name`, `role` (`mentor`, `mentee`, `mentor;mentee`,
 * `both`), `department`, `location`, `manager_id` (an id, or a participant's e-mail),
 * `email`, `seniority` (a number or a word such as `Senior`; a company's grades through a
 * `{ column: 'seniority', values }` mapping), `time_zone` (IANA),
 * `languages` (names or ISO 639-1 codes: `English`, `Deutsch`, `en`), `skills_offered` /
 * `skills_wanted` (`typescript:4; sql`), `goals`,
 * `interests`, `availability` (`Mon 09:00-11:00; Wed 14:00-15:30`, local time),
 * `capacity`, `min_capacity`, `max_mentors`, one column per personality trait
 * (`openness` … or `personality:<trait>`), and `attr:<name>` for custom attributes
 * (plain decimal numbers such as `3` or `2.5` become numbers, `true`/`false` booleans; codes
 * such as `007` stay text). Lists are
 * `;`-separated; an empty cell means "not given". In a `;`-delimited file numbers may use
 * a decimal comma.
 *
 * Parsing is csv-parse's (quotes, embedded newlines and delimiters, BOM, CRLF). A row
 * longer than `maxRecordSize` characters (1,000,000 by default) is a `record_too_large`
 * issue and is not loaded; text with NUL characters in every other place (UTF-16 bytes
 * decoded as UTF-8) is refused with one `utf16_without_bom` issue. A bad row
 * becomes issues naming its row, column and participant, and the other rows still load;
 * unknown columns are warnings, and so are the profile parser's warnings (a list cell
 * with commas and no `;`, read split at the commas: `comma_separated_list`; an unknown
 * language; a manager e-mail that names nobody), each with its row and column; a file with no `id` column or two columns for one field
 * is refused. Headers are only ever compared, and the names of `attr:` and
 * `personality:` columns are keys of null-prototype objects, so `__proto__` or
 * `constructor` are names like any other (`attr:__proto__` is the attribute `proto`;
 * `personality:__proto__` an `unknown_trait` issue unless declared).
 *
 * @param text - The file's text (decode bytes as UTF-8 first).
 * @param options - See {@link CohortCsvOptions}.
 * @returns Participants, issues and counts.
 * @throws {@link CsvFileError} when the file cannot be read at all, or on any issue with `strict`.
 *
 * @example
 * ```ts
 * const r = parseCohortCsv('id,role,skills_wanted,time_zone\nm1,mentor,,Europe/Berlin\ne1,mentee,sql:3,Mars/Base\n');
 * r.participants.map((p) => p.id); // ['m1']
 * r.issues[0].message;
 * // "row 3, column 'time_zone' (participant e1): expected an IANA time zone name such as 'Europe/Berlin'; found \"Mars/Base\""
 * ```
 */
export function parseCohortCsv(text: string, options: CohortCsvOptions = {}): CohortCsvResult {
  if (typeof text !== 'string') throw new CsvFileError([fileIssue('invalid_input', `parseCohortCsv: text: expected the CSV file's text (a string); found ${describeValue(text)}`)]);
  requireOptions(options, 'parseCohortCsv');
  const traitRanges = options.traits ?? DEFAULT_TRAITS;
  const traits = new Map(Object.keys(traitRanges).map((t) => [headerKey(t), t] as const));
  if (looksLikeUtf16(leadingUnits(text)) !== undefined) throw new CsvFileError([fileIssue('utf16_without_bom', utf16Advice('cohort CSV'))], 'cohort CSV');
  const { records, delimiter, issues: syntaxIssues } = readCsvRecords(text, options.delimiter ?? 'auto', options.maxRecordSize ?? DEFAULT_MAX_RECORD_SIZE);
  const issues: CsvIssue[] = [...syntaxIssues];
  const finish = (participants: readonly Participant[], rows: number): CohortCsvResult => {
    issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    if (options.strict && issues.length > 0) throw new CsvFileError(issues, 'cohort CSV');
    return Object.freeze({ participants: Object.freeze(participants), issues: Object.freeze(issues), rows, delimiter });
  };

  if (records.length === 0) {
    if (!issues.some((i) => i.code === 'record_too_large')) {
      issues.push(fileIssue('empty_file', 'the file has no header row: expected a header such as "id,name,role,…" and one row per participant'));
    }
    throw new CsvFileError(issues, 'cohort CSV');
  }
  const [header, ...data] = records as [CsvRecord, ...CsvRecord[]];
  const { columns, seniorityLevels } = resolveColumns(header, options, traits, delimiter, issues);
  if (issues.some((i) => i.severity === 'error' && (i.row === undefined || i.row === 1))) throw new CsvFileError(issues, 'cohort CSV');

  const { inputs, rowOf } = rowInputs(data, header.cells.length, columns, options, delimiter, issues);
  const fieldColumns = new Map<string, string>(); // input key path → header
  for (const c of columns) {
    if (c.sink !== undefined) fieldColumns.set(c.sink.key === undefined ? c.sink.field : `${c.sink.field}.${c.sink.key}`, c.header);
  }

  // Validate; rows with issues are reported and left out, the rest is validated again
  // (a duplicate id flags only the later rows, so one more pass settles it).
  let pending = inputs.map((_, k) => k);
  // A file read with the role option: a row whose role cell names another role only is
  // reported (its roles as the profile parser read them) and left out.
  const roleColumn = columns.find((c) => c.target.kind === 'field' && c.target.field === 'roles')?.header;
  const withRole = (people: readonly Participant[], at: readonly number[]): Participant[] => {
    const role = options.role;
    if (role === undefined) return [...people];
    return people.filter((p, t) => {
      if (p.roles.includes(role)) return true;
      issues.push(rowIssue('role_mismatch', rowOf[at[t]!]!, roleColumn, p.id, `expected role ${role} (this file is read as a file of ${role}s); found ${p.roles.join(' and ')}`));
      return false;
    });
  };
  for (;;) {
    const r = safeParseParticipants(pending.map((k) => inputs[k]), { traits: traitRanges, ...(seniorityLevels ? { seniorityLevels } : {}) });
    // Each row's warnings are reported once: from the pass that leaves it out, or the last.
    const warn = (keep: (k: number) => boolean): void => {
      for (const w of r.warnings) {
        const k = pending[w.index];
        if (k !== undefined && keep(k)) issues.push(profileWarningToCsv(w, rowOf[k]!, inputs[k]!, fieldColumns, rowOf, pending));
      }
    };
    if (r.success) {
      warn(() => true);
      return finish(withRole(r.data, pending), data.length);
    }
    const bad = new Set<number>();
    for (const pi of r.issues) {
      const k = pending[pi.index];
      if (k === undefined) continue;
      bad.add(k);
      issues.push(profileIssueToCsv(pi, rowOf[k]!, inputs[k]!, fieldColumns, rowOf, pending));
    }
    if (bad.size === 0) throw new Error('mentor-match: profile validation failed without naming a row'); // cannot happen
    warn((k) => bad.has(k));
    pending = pending.filter((k) => !bad.has(k));
  }
}

/**
 * Each data row as a participant input (cells of known columns only), with its file row;
 * a row with more cells than the header has, or another error on reading, is reported
 * and left out.
 */
function rowInputs(
  data: readonly CsvRecord[],
  width: number,
  columns: readonly Column[],
  options: CohortCsvOptions,
  delimiter: string,
  issues: CsvIssue[],
): { inputs: Record<string, unknown>[]; rowOf: number[] } {
  const inputs: Record<string, unknown>[] = [];
  const rowOf: number[] = [];
  for (const record of data) {
    const rowIssues = issues.length;
    const input = rowInput(record, columns, options.role, delimiter);
    const extra = record.cells.slice(width).filter((c) => c.trim() !== '');
    if (extra.length > 0) {
      const id = typeof input.id === 'string' ? input.id : undefined;
      issues.push(rowIssue('extra_cells', record.row, undefined, id,
        `expected at most ${width} cells (one per header); found ${record.cells.length}, the extra ones ${extra.map((c) => JSON.stringify(c)).join(', ')} — is a ${describeDelimiter(delimiter).replace(/s$/, '')} inside a value that is not quoted?`));
    }
    if (issues.length > rowIssues && issues.slice(rowIssues).some((i) => i.severity === 'error')) continue;
    inputs.push(input);
    rowOf.push(record.row);
  }
  return { inputs, rowOf };
}

/**
 * The header's columns, with mapping applied, and the seniority value table of the
 * mapping (if any); file-level problems go to `issues`.
 */
function resolveColumns(
  header: CsvRecord,
  options: CohortCsvOptions,
  traits: ReadonlyMap<string, string>,
  delimiter: string,
  issues: CsvIssue[],
): { columns: Column[]; seniorityLevels: Readonly<Record<string, number>> | undefined } {
  type Entry = { readonly target: string | null; readonly values: Readonly<Record<string, number>> | undefined } | { readonly problem: string };
  const mapping = new Map<string, Entry>();
  const mappingByKey = new Map<string, Entry>();
  const given: unknown = options.columns ?? {};
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    issues.push(fileIssue('invalid_mapping', `the column mapping must be an object of header → column; found ${Array.isArray(given) ? 'an array' : typeof given}`));
  } else {
    for (const [from, to] of Object.entries(given)) {
      const checked = checkMappingEntry(to, traits);
      const entry: Entry = checked.ok ? checked.mapping : { problem: checked.problem };
      mapping.set(from, entry);
      mappingByKey.set(headerKey(from), entry);
    }
  }
  let seniorityLevels: Readonly<Record<string, number>> | undefined;
  const used = new Set<string>();
  const columns: Column[] = header.cells.map((raw, index) => {
    const headerText = raw.trim();
    let target: ColumnTarget;
    const mapped = mapping.has(headerText) ? mapping.get(headerText) : mappingByKey.get(headerKey(headerText));
    if (mapped !== undefined) {
      used.add(headerKey(headerText));
      if ('problem' in mapped) {
        issues.push(rowIssue('invalid_mapping', 1, headerText, undefined, `the column mapping for this column is not valid: ${mapped.problem}`, 'error', true));
        target = { kind: 'ignore' };
      } else {
        target = resolveMappingTarget(mapped.target, traits);
        if (target.kind === 'unknown') {
          issues.push(rowIssue('invalid_mapping', 1, headerText, undefined, `the column mapping sends this column to ${JSON.stringify(mapped.target)}; expected a column name such as 'skills_offered', 'attr:<name>', 'personality:<trait>' or 'ignore'`, 'error', true));
        }
        if (mapped.values !== undefined) seniorityLevels = mapped.values;
      }
    } else {
      target = resolveColumn(headerText, traits);
    }
    return { index, header: headerText, target, sink: sinkOf(target) };
  });

  const seen = new Map<string, string>();
  for (const c of columns) {
    const key = targetKey(c.target);
    if (key === undefined) continue;
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push(rowIssue('duplicate_column', 1, c.header, undefined, `expected one column per field; found both ${JSON.stringify(first)} and ${JSON.stringify(c.header)} for ${key}`, 'error', true));
    } else seen.set(key, c.header);
  }
  for (const c of columns) {
    if (c.target.kind !== 'unknown' || issues.some((i) => i.column === c.header && i.code === 'invalid_mapping')) continue;
    if (c.header === '' && c.index === columns.length - 1) continue; // a trailing delimiter on the header line
    issues.push(rowIssue('unknown_column', 1, c.header, undefined,
      `not a known column (expected a field such as 'skills_offered', a trait such as 'openness', or 'attr:<name>' for a custom attribute); its cells are ignored — map it with the columns option to read it`, 'warning', true));
  }
  for (const from of mapping.keys()) {
    if (!used.has(headerKey(from))) {
      issues.push(fileIssue('unused_mapping', `the column mapping names ${JSON.stringify(from)}, which is not a header of this file (headers: ${columns.map((c) => JSON.stringify(c.header)).join(', ')})`, 'warning'));
    }
  }
  if (!seen.has('id')) {
    issues.push(fileIssue('missing_column', `expected an 'id' column (or a mapping to id); found the headers ${columns.map((c) => JSON.stringify(c.header)).join(', ')} (fields separated by ${describeDelimiter(delimiter)})`));
  }
  if (!seen.has('roles') && options.role === undefined) {
    issues.push(fileIssue('missing_column', "expected a 'role' column (mentor, mentee or mentor;mentee), or the role option for a file of mentors only or of mentees only"));
  }
  return { columns, seniorityLevels };
}

/** Where a column's cells go, from its target (see {@link Sink}). */
function sinkOf(t: ColumnTarget): Sink | undefined {
  if (t.kind === 'entry') return { field: t.field, key: t.name, cells: entryCells(t.field) };
  if (t.kind !== 'field') return undefined;
  const { field, key } = cohortColumn(t.field);
  return { field, key, cells: PROFILE_FIELDS[field].kind === 'number' ? 'number' : 'text' };
}

/** The columns of a field's parts (`capacity` → `min_capacity`, …), when it has any. */
function partsOf(field: FieldName): Extract<FieldColumns, { readonly headers: readonly string[] }>['parts'] {
  const csv: FieldColumns = PROFILE_FIELDS[field].csv;
  return 'headers' in csv ? csv.parts : undefined;
}

/** The participant input object of one row (only known keys; headers never become keys). */
function rowInput(record: CsvRecord, columns: readonly Column[], role: Role | undefined, delimiter: string): Record<string, unknown> {
  // Null-prototype objects: a column `attr:__proto__` is an entry like any other, never the prototype.
  const input: Record<string, unknown> = Object.create(null);
  const objects = new Map<FieldName, Record<string, unknown>>(); // a field's parts, or a record field's entries
  for (const c of columns) {
    const raw = c.sink === undefined ? undefined : record.cells[c.index];
    if (raw === undefined) continue;
    const cell = raw.trim();
    if (cell === '') continue;
    const { field, key, cells } = c.sink!;
    const value = cells === 'number' ? numberCell(cell, delimiter) : cells === 'typed' ? attributeCell(cell, delimiter) : cell;
    if (key === undefined) input[field] = value;
    else {
      let o = objects.get(field);
      if (o === undefined) objects.set(field, (o = Object.create(null) as Record<string, unknown>));
      o[key] = value;
    }
  }
  for (const [field, o] of objects) {
    // Parts join the main column in the object form: capacity 3 and min_capacity 1 → { max: 3, min: 1 }.
    const main = partsOf(field)?.main;
    input[field] = main !== undefined && input[field] !== undefined ? Object.assign(Object.create(null) as Record<string, unknown>, { [main]: input[field] }, o) : o;
  }
  if (role !== undefined && input.roles === undefined) input.roles = role;
  return input;
}

/**
 * A number cell, left as text for the profile schema to read (it accepts plain decimal
 * numbers only), with a decimal comma turned into a point in `;`-delimited files.
 */
function numberCell(cell: string, delimiter: string): string {
  return delimiter === ';' && DECIMAL_COMMA.test(cell) ? cell.replace(',', '.') : cell;
}

/** Plain decimals without a leading zero: `42`, `-3.5`, `0.25` (not `007`, `1e3`, `0x10`). */
const PLAIN_NUMBER = /^[+-]?(?:0|[1-9]\d*)(?:\.\d+)?$/;

/**
 * An attribute cell: `true`/`false` → boolean, a plain decimal number → number (codes
 * such as `007` or `1e3` stay text), anything else → the text.
 */
function attributeCell(cell: string, delimiter: string): string | number | boolean {
  const lower = cell.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  const text = numberCell(cell, delimiter);
  return PLAIN_NUMBER.test(text) ? Number(text) : cell;
}

/** A profile validation issue, re-addressed to its row and column. */
function profileIssueToCsv(pi: ProfileIssue, row: number, input: Record<string, unknown>, fieldColumns: ReadonlyMap<string, string>, rowOf: readonly number[], pending: readonly number[]): CsvIssue {
  const path = pi.field;
  const column = csvColumnOf(path, fieldColumns);
  const id = typeof input.id === 'string' && input.id.trim() !== '' ? input.id.trim() : undefined;
  const found = pi.code === 'duplicate_id' || pi.code === 'duplicate_email' ? withRows(pi.found, rowOf, pending) : pi.found;
  const where = path === '' || column !== undefined ? '' : ` (field ${path})`;
  return rowIssue(pi.code, row, column, id, `expected ${pi.expected}; found ${found}${where}`);
}

/** A profile warning, re-addressed to its row and column (severity `warning`: the row is loaded). */
function profileWarningToCsv(w: ProfileWarning, row: number, input: Record<string, unknown>, fieldColumns: ReadonlyMap<string, string>, rowOf: readonly number[], pending: readonly number[]): CsvIssue {
  const column = csvColumnOf(w.field, fieldColumns);
  const id = typeof input.id === 'string' && input.id.trim() !== '' ? input.id.trim() : undefined;
  const where = w.field === '' || column !== undefined ? '' : ` (field ${w.field})`;
  const found = w.code === 'id_differs_by_case' ? withRows(w.found, rowOf, pending) : w.found;
  return rowIssue(w.code, row, column, id, `expected ${w.expected}; found ${found}${where}; ${w.outcome}`, 'warning');
}

/** "already the id of the participant at index 3" → "already the id on row 5" (the index is into this pass's rows). */
function withRows(found: string, rowOf: readonly number[], pending: readonly number[]): string {
  return found.replace(/(already the (?:id|e-mail)|the id) of the participant at index (\d+)/, (whole, what: string, n: string) => {
    const firstRow = rowOf[pending[Number(n)]!];
    return firstRow === undefined ? whole : `${what} on row ${firstRow}`;
  });
}

/**
 * The header of the column that filled a profile field path (`skillsWanted[2].level` →
 * its column; `capacity.max` → the `capacity` column, else the `min_capacity` one).
 */
function csvColumnOf(path: string, fieldColumns: ReadonlyMap<string, string>): string | undefined {
  const head = path.split(/[.[]/)[0]!;
  const exact = fieldColumns.get(path) ?? fieldColumns.get(head);
  if (exact !== undefined || !Object.hasOwn(PROFILE_FIELDS, head)) return exact;
  const parts = partsOf(head as FieldName);
  for (const key of Object.keys(parts?.columns ?? {})) {
    const column = fieldColumns.get(`${head}.${key}`);
    if (column !== undefined) return column;
  }
  return undefined;
}

/** An issue on a row (row 1 = the header). */
function rowIssue(code: CsvIssueCode, row: number, column: string | undefined, participant: string | undefined, what: string, severity: 'error' | 'warning' = 'error', headerLevel = false): CsvIssue {
  const col = column === undefined ? '' : `, column '${column}'`;
  const who = participant === undefined ? '' : ` (participant ${participant})`;
  return { severity, code, row: headerLevel ? 1 : row, column, participant, message: `row ${row}${col}${who}: ${what}` };
}

/** A problem with the file as a whole. */
function fileIssue(code: CsvIssueCode, message: string, severity: 'error' | 'warning' = 'error'): CsvIssue {
  return { severity, code, row: undefined, column: undefined, participant: undefined, message };
}
