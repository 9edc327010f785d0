/**
 * Column headers of a cohort CSV → participant fields: the canonical names, their
 * aliases, `attr:` / `personality:` prefixes, and a user's mapping for HR exports.
 *
 * @module
 */

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
  managerId: ['manager_id', 'manager', 'reports_to'],
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
