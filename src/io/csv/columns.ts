/**
 * Column headers of a cohort CSV → participant fields: the canonical names and their
 * aliases and the `attr:` / `personality:` prefixes, all derived from the profile field
 * table (`PROFILE_FIELDS`), and a user's mapping for HR exports (header → column, or
 * header → `{ column, values }` for a seniority column with the company's own grades).
 *
 * @module
 */
import * as z from 'zod/mini';

import { FIELD_NAMES, PROFILE_FIELDS, type FieldColumns, type FieldName } from '../../profile/fields.js';
import { tagOf } from '../../profile/memo.js';

type Fields = typeof PROFILE_FIELDS;
type HeaderColumns = Extract<FieldColumns, { readonly headers: readonly string[] }>;
type PrefixColumns = Extract<FieldColumns, { readonly prefixes: readonly string[] }>;

/** A field with a column of its own (`record` fields have prefixed columns instead). */
type ColumnFieldName = { [K in keyof Fields]: Fields[K]['csv'] extends HeaderColumns ? K : never }[keyof Fields];

/** `capacityMin` for the `min` part of `capacity`. */
type PartColumnName<K extends keyof Fields> = Fields[K]['csv'] extends { readonly parts: { readonly columns: infer C } }
  ? `${K}${Capitalize<keyof C & string>}`
  : never;

/**
 * A kind of cohort-CSV column: a participant field with a column of its own, or a part
 * of one (`capacityMin` is `capacity.min`). Derived from `PROFILE_FIELDS` (the keys of
 * {@link COHORT_COLUMNS} are every one).
 *
 * @useDeclaredType
 *
 * @example
 * ```ts
 * const f: CohortField = 'capacityMin';
 * ```
 */
export type CohortField = ColumnFieldName | { [K in keyof Fields]: PartColumnName<K> }[keyof Fields];

/**
 * A field whose entries come from prefixed columns (`personality`, `attributes`).
 *
 * @example
 * ```ts
 * const f: EntryFieldName = 'attributes'; // attr:site, custom:site, …
 * ```
 */
export type EntryFieldName = { [K in keyof Fields]: Fields[K]['csv'] extends PrefixColumns ? K : never }[keyof Fields];

/**
 * Where a column's cells go: a field (or part of one), or one entry of a record field (a
 * trait, an attribute).
 *
 * @example
 * ```ts
 * const t: ColumnTarget = { kind: 'entry', field: 'personality', name: 'openness' };
 * ```
 */
export type ColumnTarget =
  | { readonly kind: 'field'; readonly field: CohortField }
  | { readonly kind: 'entry'; readonly field: EntryFieldName; readonly name: string }
  | { readonly kind: 'ignore' }
  | { readonly kind: 'unknown' };

/**
 * What a column kind fills: the field and, for a part, the key inside the field's object
 * form (`capacityMin` → `capacity`, `min`). Internal.
 *
 * @example
 * ```ts
 * const c: CohortColumn = { field: 'capacity', key: 'min', headers: ['min_capacity', 'min_mentees'] };
 * ```
 */
export interface CohortColumn {
  readonly field: FieldName;
  readonly key: string | undefined;
  readonly headers: readonly string[];
}

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

const COLUMNS: ReadonlyMap<CohortField, CohortColumn> = new Map(
  FIELD_NAMES.flatMap((field) => {
    const csv: FieldColumns = PROFILE_FIELDS[field].csv;
    if (!('headers' in csv)) return [];
    const parts = Object.entries(csv.parts?.columns ?? {}).map(([key, headers]) => [`${field}${capitalize(key)}`, { field, key, headers }] as const);
    return [[field, { field, key: undefined, headers: csv.headers }] as const, ...parts];
  }) as [CohortField, CohortColumn][],
);

/**
 * What a column kind fills (see {@link CohortColumn}). Internal.
 *
 * @example
 * ```ts
 * cohortColumn('capacityMin'); // { field: 'capacity', key: 'min', headers: ['min_capacity', 'min_mentees'] }
 * ```
 */
export function cohortColumn(name: CohortField): CohortColumn {
  return COLUMNS.get(name)!;
}

/**
 * Canonical column name of each field (as the sample cohort and the docs write them),
 * followed by accepted aliases. Matching ignores case, spaces, `_`, `-` and `.`. Derived
 * from the profile field table, in its order.
 *
 * @example
 * ```ts
 * COHORT_COLUMNS.timeZone; // ['time_zone', 'timezone', 'tz', 'zone']
 * ```
 */
export const COHORT_COLUMNS: Readonly<Record<CohortField, readonly string[]>> = Object.freeze(
  Object.fromEntries([...COLUMNS].map(([name, c]) => [name, c.headers])) as Record<CohortField, readonly string[]>,
);

/**
 * A header reduced for comparison: NFKC, lower case, without spaces, `_`, `-` and `.`.
 *
 * @example
 * ```ts
 * headerKey(' Skills-Offered '); // 'skillsoffered'
 * ```
 */
export function headerKey(header: string): string {
  return header.normalize('NFKC').toLowerCase().replace(/[\s_.-]+/g, '');
}

const FIELD_BY_KEY: ReadonlyMap<string, CohortField> = new Map(
  [...COLUMNS].flatMap(([name, c]) => c.headers.map((h) => [headerKey(h), name] as const)),
);

const ENTRY_COLUMNS: ReadonlyMap<EntryFieldName, PrefixColumns> = new Map(
  FIELD_NAMES.flatMap((field) => {
    const csv: FieldColumns = PROFILE_FIELDS[field].csv;
    return 'prefixes' in csv ? [[field as EntryFieldName, csv] as const] : [];
  }),
);
const ENTRY_BY_PREFIX: ReadonlyMap<string, EntryFieldName> = new Map(
  [...ENTRY_COLUMNS].flatMap(([field, csv]) => csv.prefixes.map((p) => [p.toLowerCase(), field] as const)),
);
/** The record field a bare trait name fills (`openness` → personality). */
const BARE_FIELD: EntryFieldName | undefined = [...ENTRY_COLUMNS].find(([, csv]) => csv.bare)?.[0];
/** `attr:site`, `Personality . Openness`: a prefix (a word), `:` or `.`, a name. */
const PREFIXED = new RegExp(`^\\s*(${[...ENTRY_BY_PREFIX.keys()].join('|')})\\s*[:.]\\s*(\\S(?:.*\\S)?)\\s*$`, 'i');
const IGNORE_WORDS = new Set(['', 'ignore', '-']);

/**
 * How the cells of a record field's columns are read (see `FieldColumns`). Internal.
 *
 * @example
 * ```ts
 * entryCells('attributes'); // 'typed'
 * ```
 */
export function entryCells(field: EntryFieldName): 'number' | 'typed' {
  return ENTRY_COLUMNS.get(field)!.cells;
}

/**
 * Where a column goes, from its header (or from a mapping's target name): a field by its
 * canonical name or an alias, `attr:<name>` (also `attribute:`, `custom:`, with `:` or
 * `.`) for a custom attribute, `personality:<trait>` (or `trait:`) or a bare trait name
 * for a personality score.
 *
 * @param header - The header or mapping target.
 * @param traits - Trait names a bare header may name: {@link headerKey} → declared name.
 * @returns The target; `unknown` when nothing matches.
 *
 * @example
 * ```ts
 * resolveColumn('Time Zone', new Map()); // { kind: 'field', field: 'timeZone' }
 * resolveColumn('attr:site', new Map()); // { kind: 'entry', field: 'attributes', name: 'site' }
 * resolveColumn('Openness', new Map([['openness', 'openness']])); // { kind: 'entry', field: 'personality', name: 'openness' }
 * ```
 */
export function resolveColumn(header: string, traits: ReadonlyMap<string, string>): ColumnTarget {
  const prefixed = PREFIXED.exec(header.normalize('NFKC'));
  if (prefixed) return { kind: 'entry', field: ENTRY_BY_PREFIX.get(prefixed[1]!.toLowerCase())!, name: prefixed[2]! };
  const key = headerKey(header);
  const field = FIELD_BY_KEY.get(key);
  if (field) return { kind: 'field', field };
  const trait = traits.get(key);
  if (trait !== undefined && BARE_FIELD !== undefined) return { kind: 'entry', field: BARE_FIELD, name: trait };
  return { kind: 'unknown' };
}

/**
 * A mapping target: like {@link resolveColumn}, plus `ignore` (or an empty string / `-`
 * / `null`) to skip the column.
 *
 * @param target - What the mapping says the column is.
 * @param traits - Known trait names: {@link headerKey} → declared name.
 * @returns The target.
 *
 * @example
 * ```ts
 * resolveMappingTarget('ignore', new Map()); // { kind: 'ignore' }
 * ```
 */
export function resolveMappingTarget(target: string | null, traits: ReadonlyMap<string, string>): ColumnTarget {
  if (target === null || IGNORE_WORDS.has(target.trim().toLowerCase())) return { kind: 'ignore' };
  return resolveColumn(target, traits);
}

/**
 * A stable key for "two columns fill the same thing".
 *
 * @example
 * ```ts
 * targetKey({ kind: 'entry', field: 'personality', name: 'Openness' }); // 'personality:openness'
 * ```
 */
export function targetKey(t: ColumnTarget): string | undefined {
  switch (t.kind) {
    case 'field':
      return t.field;
    case 'entry':
      return `${ENTRY_COLUMNS.get(t.field)!.prefixes[0]}:${headerKey(t.name)}`;
    default:
      return undefined;
  }
}

/**
 * One entry of a column mapping in object form: the column a header goes to and, for the
 * seniority column, the company's own grades → levels (`{ IC1: 1, IC2: 2, M1: 4 }`; cells
 * are compared without case, like tags). The string form `"seniority"` is the same as
 * `{ column: "seniority" }`.
 *
 * @example
 * ```ts
 * const grade: ColumnMapping = { column: 'seniority', values: { IC1: 1, IC2: 2, M1: 4 } };
 * parseCohortCsv(text, { columns: { Grade: grade } });
 * ```
 */
export interface ColumnMapping {
  /** A canonical column name or alias, `attr:<name>`, `personality:<trait>`, or `ignore`. */
  readonly column: string;
  /** Cell value → seniority level; only for the seniority column. */
  readonly values?: Readonly<Record<string, number>>;
}

/**
 * What a header may map to: a column name (or `null` / `ignore` to skip it), or a
 * {@link ColumnMapping} object.
 *
 * @example
 * ```ts
 * const columns: Record<string, ColumnMappingValue> = { 'Employee ID': 'id', Notes: null, Grade: { column: 'seniority', values: { IC1: 1 } } };
 * ```
 */
export type ColumnMappingValue = string | null | ColumnMapping;

/**
 * A mapping entry, checked by {@link checkMappingEntry}: where the column goes, and its
 * value table when it has one.
 *
 * @example
 * ```ts
 * const m: ResolvedMapping = { target: 'seniority', values: { IC1: 1, M1: 4 } };
 * ```
 */
export interface ResolvedMapping {
  readonly target: string | null;
  /** Cell value (as given) → level (seniority only); the values are distinct after tag normalisation. */
  readonly values: Readonly<Record<string, number>> | undefined;
}

const entrySchema = z.union(
  [
    z.string(),
    z.null(),
    z.strictObject(
      {
        column: z.string({ error: 'a column name (a string)' }),
        values: z.optional(z.custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), { error: 'an object of cell value → level' })),
      },
      // zod's English wording, as classic zod gave it (zod/mini loads no locale).
      { error: (iss) => (iss.code === 'unrecognized_keys' ? `Unrecognized key${iss.keys.length > 1 ? 's' : ''}: ${iss.keys.map((k) => `"${k}"`).join(', ')}` : undefined) },
    ),
  ],
  { error: 'a column name such as "skills_offered", "attr:site" or "ignore", or { "column": "seniority", "values": { "IC1": 1 } }' },
);
const levelSchema = z.number({ error: 'a level (a finite number)' }); // zod 4 numbers are finite

/**
 * Checks one entry of a column mapping with zod: a column name, `null`, or
 * `{ column, values }` where `values` (cell value → finite number) is only allowed for
 * the seniority column and its keys stay distinct after tag normalisation. Never
 * throws; a bad entry is a sentence for an `invalid_mapping` issue.
 *
 * @param entry - The mapping's value for one header.
 * @param traits - Known trait names (see {@link resolveColumn}).
 * @returns The checked entry, or `problem`: what was expected and found.
 *
 * @example
 * ```ts
 * checkMappingEntry({ column: 'seniority', values: { IC1: 1 } }, new Map());
 * // { ok: true, mapping: { target: 'seniority', values: { IC1: 1 } } }
 * checkMappingEntry({ column: 'department', values: { a: 1 } }, new Map()).ok; // false
 * ```
 */
export function checkMappingEntry(
  entry: unknown,
  traits: ReadonlyMap<string, string>,
): { readonly ok: true; readonly mapping: ResolvedMapping } | { readonly ok: false; readonly problem: string } {
  const r = entrySchema.safeParse(entry);
  if (!r.success) {
    const iss = r.error.issues[0]!;
    const at = iss.path.length > 0 ? ` at ${iss.path.map(String).join('.')}` : '';
    return { ok: false, problem: `expected ${iss.message}${at}; found ${JSON.stringify(entry) ?? String(entry)}` };
  }
  if (r.data === null || typeof r.data === 'string') return { ok: true, mapping: { target: r.data, values: undefined } };
  const { column, values } = r.data;
  if (values === undefined) return { ok: true, mapping: { target: column, values: undefined } };
  const target = resolveMappingTarget(column, traits);
  if (target.kind !== 'field' || target.field !== 'seniority') {
    return { ok: false, problem: `"values" are read for the seniority column only; found them on ${JSON.stringify(column)}` };
  }
  const out: Record<string, number> = Object.create(null);
  const spelt = new Map<string, string>();
  for (const key of Object.keys(values)) {
    const word = tagOf(key);
    const level = levelSchema.safeParse(values[key]);
    if (word === '') return { ok: false, problem: `expected a non-empty cell value in "values"; found ${JSON.stringify(key)}` };
    if (spelt.has(word)) return { ok: false, problem: `expected one level per cell value; found ${JSON.stringify(spelt.get(word))} and ${JSON.stringify(key)} in "values" (the same value, ignoring case)` };
    if (!level.success) return { ok: false, problem: `expected ${level.error.issues[0]!.message} for ${JSON.stringify(key)} in "values"; found ${JSON.stringify(values[key]) ?? String(values[key])}` };
    spelt.set(word, key);
    out[key] = level.data;
  }
  return { ok: true, mapping: { target: column, values: Object.freeze(out) } };
}
