/**
 * Column headers of a cohort CSV → participant fields: the canonical names, their
 * aliases, `attr:` / `personality:` prefixes, and a user's mapping for HR exports
 * (header → column, or header → `{ column, values }` for a seniority column with the
 * company's own grades).
 *
 * @module
 */
import { z } from 'zod';

import { tagOf } from '../../profile/memo.js';

/** A participant field a column fills. `capacityMin` is `capacity.min`. */
export type CohortField =
  | 'id'
  | 'name'
  | 'roles'
  | 'skillsOffered'
  | 'skillsWanted'
  | 'goals'
  | 'interests'
  | 'languages'
  | 'department'
  | 'location'
  | 'managerId'
  | 'email'
  | 'seniority'
  | 'timeZone'
  | 'availability'
  | 'capacity'
  | 'capacityMin'
  | 'maxMentors';

/** Where a column's cells go. */
export type ColumnTarget =
  | { readonly kind: 'field'; readonly field: CohortField }
  | { readonly kind: 'trait'; readonly trait: string }
  | { readonly kind: 'attribute'; readonly attribute: string }
  | { readonly kind: 'ignore' }
  | { readonly kind: 'unknown' };

/**
 * Canonical column name of each field (as the sample cohort and the docs write them),
 * followed by accepted aliases. Matching ignores case, spaces, `_`, `-` and `.`.
 *
 * @example
 * ```ts
 * COHORT_COLUMNS.timeZone; // ['time_zone', 'timezone', 'tz', 'zone']
 * ```
 */
export const COHORT_COLUMNS: Readonly<Record<CohortField, readonly string[]>> = {
  id: ['id', 'participant_id', 'employee_id', 'person_id'],
  name: ['name', 'full_name'],
  roles: ['role', 'roles'],
  skillsOffered: ['skills_offered', 'offered_skills', 'offers', 'can_teach', 'expertise'],
  skillsWanted: ['skills_wanted', 'wanted_skills', 'wants', 'wants_to_learn'],
  goals: ['goals', 'goal'],
  interests: ['interests', 'interest', 'hobbies'],
  languages: ['languages', 'language', 'langs'],
  department: ['department', 'dept'],
  location: ['location', 'office', 'city'],
  managerId: ['manager_id', 'manager', 'reports_to', 'manager_email'],
  email: ['email', 'e_mail', 'email_address', 'mail', 'work_email'],
  seniority: ['seniority', 'seniority_level', 'level'],
  timeZone: ['time_zone', 'timezone', 'tz', 'zone'],
  availability: ['availability', 'slots', 'available'],
  capacity: ['capacity', 'max_mentees', 'mentor_capacity', 'max_capacity'],
  capacityMin: ['min_capacity', 'min_mentees'],
  maxMentors: ['max_mentors'],
};

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
  (Object.entries(COHORT_COLUMNS) as [CohortField, readonly string[]][]).flatMap(([field, names]) => names.map((n) => [headerKey(n), field] as const)),
);

const PREFIXED = /^\s*(attr|attribute|custom|personality|trait)\s*[:.]\s*(\S(?:.*\S)?)\s*$/i;
const IGNORE_WORDS = new Set(['', 'ignore', '-']);

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
 * resolveColumn('attr:site', new Map()); // { kind: 'attribute', attribute: 'site' }
 * resolveColumn('Openness', new Map([['openness', 'openness']])); // { kind: 'trait', trait: 'openness' }
 * ```
 */
export function resolveColumn(header: string, traits: ReadonlyMap<string, string>): ColumnTarget {
  const prefixed = PREFIXED.exec(header.normalize('NFKC'));
  if (prefixed) {
    const kind = prefixed[1]!.toLowerCase();
    const name = prefixed[2]!;
    return kind === 'personality' || kind === 'trait' ? { kind: 'trait', trait: name } : { kind: 'attribute', attribute: name };
  }
  const key = headerKey(header);
  const field = FIELD_BY_KEY.get(key);
  if (field) return { kind: 'field', field };
  const trait = traits.get(key);
  if (trait !== undefined) return { kind: 'trait', trait };
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
 * targetKey({ kind: 'trait', trait: 'Openness' }); // 'personality:openness'
 * ```
 */
export function targetKey(t: ColumnTarget): string | undefined {
  switch (t.kind) {
    case 'field':
      return t.field;
    case 'trait':
      return `personality:${headerKey(t.trait)}`;
    case 'attribute':
      return `attr:${headerKey(t.attribute)}`;
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
    z.strictObject({
      column: z.string({ error: 'a column name (a string)' }),
      values: z.custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), { error: 'an object of cell value → level' }).optional(),
    }),
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
