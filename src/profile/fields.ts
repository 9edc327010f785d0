/**
 * The participant fields, in one table: for each field, the JSON keys that spell it, its
 * kind, its zod schema, the value stored when it is absent, and the cohort-CSV columns
 * that fill it. Everything else is derived from {@link PROFILE_FIELDS}: the keys
 * `parseParticipants` knows and their aliases, its field-by-field reading and the
 * participant it builds, the {@link ParticipantInput} type (inferred from the schemas),
 * and the CSV columns (`COHORT_COLUMNS` in `io/csv/columns.ts`).
 *
 * A new field is an entry here, its property in `Participant` (types.ts; the table is
 * checked against it) and, when no existing schema fits, a schema in schema.ts.
 *
 * @module
 */
import type * as z from 'zod/mini';

import {
  DEFAULT_CAPACITY,
  attributesSchema,
  availabilitySchema,
  capacitySchema,
  emailSchema,
  idFieldSchema,
  languagesSchema,
  managerIdSchema,
  maxMentorsSchema,
  nameSchema,
  placeSchema,
  rolesSchema,
  skillsSchema,
  tagListSchema,
  timeZoneSchema,
} from './schema.js';
import { senioritySchema, type SeniorityTable } from './seniority.js';
import { personalitySchema, type TraitTable } from './traits.js';
import type { Participant } from './types.js';

/**
 * What a field's schema may depend on: the parse options, resolved once per call.
 * Internal.
 *
 * @example
 * ```ts
 * const c: FieldContext = { strict: true, traits: resolveTraits(DEFAULT_TRAITS), allowUnknownTraits: false, seniorityLevels: resolveSeniorityLevels(undefined) };
 * PROFILE_FIELDS.capacity.schema(c).parse(3); // { max: 3, min: 0 }
 * ```
 */
export interface FieldContext {
  /** Unknown keys inside skill and capacity objects are `unknown_field` issues (false with `allowUnknownFields`). */
  readonly strict: boolean;
  /** The declared personality traits (`options.traits`, resolved). */
  readonly traits: TraitTable;
  /** `options.allowUnknownTraits`. */
  readonly allowUnknownTraits: boolean;
  /** The seniority words (`options.seniorityLevels` over `SENIORITY_LEVELS`). */
  readonly seniorityLevels: SeniorityTable;
}

/**
 * What a field holds, which decides how it is read from JSON and from a CSV cell:
 * - `text`: one string (or a number, for ids and places);
 * - `list`: a list, also written as one string of items separated by `;` (a string with
 *   `,` and no `;` is split at the commas, with a `comma_separated_list` warning);
 * - `number`: a number, also written as a decimal numeric string (in a `;`-delimited CSV
 *   file with a decimal comma);
 * - `record`: an object of name → value, filled in a CSV file by prefixed columns.
 *
 * @example
 * ```ts
 * PROFILE_FIELDS.goals.kind; // 'list'
 * ```
 */
export type FieldKind = 'text' | 'list' | 'number' | 'record';

/**
 * The cohort-CSV columns of a field. A `text`, `list` or `number` field has one column,
 * by any of `headers` (the first is the canonical name; matching ignores case, spaces,
 * `_`, `-` and `.`); `parts` adds columns that fill single keys of the field's object
 * form (`min_capacity` → `capacity.min`; the main column then fills `capacity.max`). A
 * `record` field has one column per entry, `<prefix>:<name>` with any of `prefixes` (or
 * `.` for `:`), and with `bare` also a header that is a declared trait name; `cells` says
 * how a cell is read (`number`: left as text for the schema, a decimal comma turned into
 * a point in a `;`-delimited file; `typed`: `true`/`false` → boolean, a plain decimal →
 * number, anything else text).
 *
 * @example
 * ```ts
 * PROFILE_FIELDS.capacity.csv.parts; // { main: 'max', columns: { min: ['min_capacity', 'min_mentees'] } }
 * ```
 */
export type FieldColumns =
  | {
      readonly headers: readonly string[];
      readonly parts?: { readonly main: string; readonly columns: Readonly<Record<string, readonly string[]>> };
    }
  | { readonly prefixes: readonly string[]; readonly cells: 'number' | 'typed'; readonly bare?: true };

/**
 * One entry of {@link PROFILE_FIELDS}. Internal.
 *
 * @typeParam S - The field's zod schema.
 * @typeParam V - What the participant stores: the schema's output, or what `value` makes of it.
 *
 * @example
 * ```ts
 * const goals: FieldSpec = PROFILE_FIELDS.goals;
 * goals.aliases; // []
 * ```
 */
export interface FieldSpec<S extends z.ZodMiniType = z.ZodMiniType, V = unknown> {
  /** Other JSON keys that spell the field, in order of preference after its own name. */
  readonly aliases: readonly string[];
  readonly kind: FieldKind;
  /** For a required field: `expected` of the `missing_field` issue when it is absent. */
  readonly required?: string;
  /** The field's zod schema for a call's options. */
  readonly schema: (c: FieldContext) => S;
  /** The stored value from the schema's output; the output itself when not given. */
  value?(parsed: z.output<S>): V;
  /** The stored value when the field is absent (`null`, `undefined` or not given); none for a required field. */
  readonly absent?: V;
  /** Where the field's cells are in a cohort CSV file. */
  readonly csv: FieldColumns;
}

/** The properties every entry has, whether required or with a value when absent. */
interface SpecCommon<S extends z.ZodMiniType, V, A extends readonly string[], C extends FieldColumns> {
  readonly aliases: A;
  readonly kind: FieldKind;
  readonly schema: (c: FieldContext) => S;
  value?(parsed: z.output<S>): V;
  readonly csv: C;
}

/** An entry of the table, its aliases and columns kept literal (for the derived types); either required or with a value when absent. */
function field<S extends z.ZodMiniType, const A extends readonly string[], const C extends FieldColumns, V = z.output<S>>(
  spec: SpecCommon<S, V, A, C> & { readonly required: string },
): FieldSpec<S, V> & { readonly aliases: A; readonly csv: C; readonly required: string };
function field<S extends z.ZodMiniType, const A extends readonly string[], const C extends FieldColumns, V = z.output<S>>(
  spec: SpecCommon<S, V, A, C> & { readonly absent: NoInfer<V> },
): FieldSpec<S, V> & { readonly aliases: A; readonly csv: C };
function field(spec: FieldSpec): FieldSpec {
  return Object.freeze(spec);
}

const frozen = <T>(xs: T[]): readonly T[] => Object.freeze(xs);
const NONE: readonly never[] = Object.freeze([]);
const EMPTY_RECORD: Readonly<Record<string, never>> = Object.freeze(Object.create(null));
const STRICT_SKILLS = skillsSchema(true);
const LOOSE_SKILLS = skillsSchema(false);
const STRICT_CAPACITY = capacitySchema(true);
const LOOSE_CAPACITY = capacitySchema(false);

/**
 * The participant fields, in the order of {@link Participant}'s properties. Each entry's
 * doc is the field's doc in {@link ParticipantInput}. See `parseParticipants` for the
 * issues each field can raise. Internal: the package exports what is derived from it.
 *
 * @example
 * ```ts
 * PROFILE_FIELDS.timeZone.aliases;     // ['timezone', 'tz']
 * PROFILE_FIELDS.timeZone.csv.headers; // ['time_zone', 'timezone', 'tz', 'zone']
 * ```
 */
export const PROFILE_FIELDS = {
  /**
   * Required, unique: a string (trimmed, case kept) or a safe integer (stored as its
   * decimal string).
   */
  id: field({
    aliases: [],
    kind: 'text',
    required: 'a non-empty string or an integer',
    schema: () => idFieldSchema,
    csv: { headers: ['id', 'participant_id', 'employee_id', 'person_id'] },
  }),
  /** Display name: Unicode NFC, trimmed, case kept; blank = absent. */
  name: field({ aliases: [], kind: 'text', schema: () => nameSchema, absent: undefined, csv: { headers: ['name', 'full_name'] } }),
  /**
   * `'mentor'`, `'mentee'`, `'both'` or `'peer'` (any case; both = peer = mentor and
   * mentee), or a list of them. Also spelt `role`. Every participant needs one.
   */
  roles: field({ aliases: ['role'], kind: 'list', schema: () => rolesSchema, value: frozen, absent: NONE, csv: { headers: ['role', 'roles'] } }),
  /**
   * Skills a mentor offers: `'python'`, `'python:4'` (level 1–5, split at the last colon)
   * or `{ name, level }`; a repeated skill keeps its first position and the higher level.
   */
  skillsOffered: field({
    aliases: [],
    kind: 'list',
    schema: (c) => (c.strict ? STRICT_SKILLS : LOOSE_SKILLS),
    value: frozen,
    absent: NONE,
    csv: { headers: ['skills_offered', 'offered_skills', 'offers', 'can_teach', 'expertise'] },
  }),
  /** Skills a mentee wants, with the target level; written like `skillsOffered`. */
  skillsWanted: field({
    aliases: [],
    kind: 'list',
    schema: (c) => (c.strict ? STRICT_SKILLS : LOOSE_SKILLS),
    value: frozen,
    absent: NONE,
    csv: { headers: ['skills_wanted', 'wanted_skills', 'wants', 'wants_to_learn'] },
  }),
  /** Goals of the mentoring, as tags. */
  goals: field({ aliases: [], kind: 'list', schema: () => tagListSchema, value: frozen, absent: NONE, csv: { headers: ['goals', 'goal'] } }),
  /** Interests, as tags. */
  interests: field({
    aliases: [],
    kind: 'list',
    schema: () => tagListSchema,
    value: frozen,
    absent: NONE,
    csv: { headers: ['interests', 'interest', 'hobbies'] },
  }),
  /**
   * Languages spoken, by name or code in many languages (`EN`, `English`, `Englisch`,
   * `en-GB` are one language); an unknown one is kept as a tag, with a warning.
   */
  languages: field({
    aliases: [],
    kind: 'list',
    schema: () => languagesSchema,
    value: (l) => Object.freeze([...l.tags]),
    absent: NONE,
    csv: { headers: ['languages', 'language', 'langs'] },
  }),
  /** Department, stored as a tag; blank = absent. */
  department: field({ aliases: [], kind: 'text', schema: () => placeSchema, absent: undefined, csv: { headers: ['department', 'dept'] } }),
  /** Location (office, city), stored as a tag; blank = absent. */
  location: field({ aliases: [], kind: 'text', schema: () => placeSchema, absent: undefined, csv: { headers: ['location', 'office', 'city'] } }),
  /**
   * The manager's id, or a participant's e-mail (stored as that participant's id); may
   * name someone outside the cohort; blank = absent.
   */
  managerId: field({
    aliases: [],
    kind: 'text',
    schema: () => managerIdSchema,
    absent: undefined,
    csv: { headers: ['manager_id', 'manager', 'reports_to', 'manager_email'] },
  }),
  /** E-mail address (one `@`, no spaces), stored trimmed and lower case; unique; blank = absent. */
  email: field({
    aliases: [],
    kind: 'text',
    schema: () => emailSchema,
    absent: undefined,
    csv: { headers: ['email', 'e_mail', 'email_address', 'mail', 'work_email'] },
  }),
  /**
   * Seniority: a number (larger = more senior), or a word of `SENIORITY_LEVELS` or
   * `options.seniorityLevels` (`Junior`, `Senior`, any case).
   */
  seniority: field({
    aliases: [],
    kind: 'number',
    schema: (c) => senioritySchema(c.seniorityLevels),
    absent: undefined,
    csv: { headers: ['seniority', 'seniority_level', 'level'] },
  }),
  /** IANA time zone (`Europe/Berlin`, any case); required when availability is given. Also spelt `timezone` or `tz`. */
  timeZone: field({
    aliases: ['timezone', 'tz'],
    kind: 'text',
    schema: () => timeZoneSchema,
    absent: undefined,
    csv: { headers: ['time_zone', 'timezone', 'tz', 'zone'] },
  }),
  /** Weekly slots in local time, `'Mon 09:00-11:00'`; overlapping or touching slots are merged. */
  availability: field({
    aliases: [],
    kind: 'list',
    schema: () => availabilitySchema,
    value: frozen,
    absent: NONE,
    csv: { headers: ['availability', 'slots', 'available'] },
  }),
  /** Trait → score, each within its range in `options.traits` (Big Five 0–100 by default). */
  personality: field({
    aliases: [],
    kind: 'record',
    schema: (c) => personalitySchema(c.traits, c.allowUnknownTraits),
    absent: EMPTY_RECORD,
    csv: { prefixes: ['personality', 'trait'], cells: 'number', bare: true },
  }),
  /**
   * A mentor's capacity: the most mentees (an integer ≥ 0), or `{ max, min }`; default
   * `{ max: 1, min: 0 }`. Also spelt `maxMentees`.
   */
  capacity: field({
    aliases: ['maxMentees'],
    kind: 'number',
    schema: (c) => (c.strict ? STRICT_CAPACITY : LOOSE_CAPACITY),
    absent: DEFAULT_CAPACITY,
    csv: {
      headers: ['capacity', 'max_mentees', 'mentor_capacity', 'max_capacity'],
      parts: { main: 'max', columns: { min: ['min_capacity', 'min_mentees'] } },
    },
  }),
  /** How many mentors a mentee may take: an integer ≥ 1; default 1. */
  maxMentors: field({ aliases: [], kind: 'number', schema: () => maxMentorsSchema, absent: 1, csv: { headers: ['max_mentors'] } }),
  /**
   * Custom attributes: name → string, number or boolean (names normalised like tags),
   * for rules, quotas and custom criteria. Also spelt `custom`.
   */
  attributes: field({
    aliases: ['custom'],
    kind: 'record',
    schema: () => attributesSchema,
    absent: EMPTY_RECORD,
    csv: { prefixes: ['attr', 'attribute', 'custom'], cells: 'typed' },
  }),
} as const satisfies { readonly [K in keyof Participant]-?: FieldSpec<z.ZodMiniType, Participant[K]> };

/**
 * The name of a participant field (a key of {@link PROFILE_FIELDS}). Internal.
 *
 * @example
 * ```ts
 * const f: FieldName = 'timeZone';
 * ```
 */
export type FieldName = keyof typeof PROFILE_FIELDS;

/**
 * The field names in table order. Internal.
 *
 * @example
 * ```ts
 * FIELD_NAMES[0]; // 'id'
 * ```
 */
export const FIELD_NAMES: readonly FieldName[] = Object.freeze(Object.keys(PROFILE_FIELDS) as FieldName[]);

/**
 * The JSON keys that may spell a field: its name first, then its aliases. Internal.
 *
 * @example
 * ```ts
 * fieldKeys('timeZone'); // ['timeZone', 'timezone', 'tz']
 * ```
 */
export function fieldKeys(name: FieldName): readonly string[] {
  return KEYS_BY_FIELD.get(name)!;
}

const KEYS_BY_FIELD: ReadonlyMap<FieldName, readonly string[]> = new Map(
  FIELD_NAMES.map((name) => [name, Object.freeze([name, ...PROFILE_FIELDS[name].aliases])] as const),
);

/**
 * Every key a participant object may have. Internal.
 *
 * @example
 * ```ts
 * KNOWN_KEYS.has('maxMentees'); // true
 * ```
 */
export const KNOWN_KEYS: ReadonlySet<string> = new Set([...KEYS_BY_FIELD.values()].flat());

type Fields = typeof PROFILE_FIELDS;
type Optional<S extends z.ZodMiniType> = z.ZodMiniOptional<z.ZodMiniNullable<S>>;

/**
 * The zod shape of one participant object, derived from {@link PROFILE_FIELDS}: every
 * field under its name (optional and nullable unless required) and under each alias.
 * Mapped over the table's keys, so each property keeps its entry's doc. Internal.
 */
type ParticipantShape = {
  [K in keyof Fields]: Fields[K] extends { readonly required: string } ? ReturnType<Fields[K]['schema']> : Optional<ReturnType<Fields[K]['schema']>>;
} & {
  [K in keyof Fields as Fields[K]['aliases'][number]]: Optional<ReturnType<Fields[K]['schema']>>;
};

/**
 * The zod schema of one participant object as `parseParticipants` reads it (the fields'
 * schemas at the default options). A type only: `parseParticipants` runs the fields'
 * schemas one by one, so that every field's problems are reported together.
 *
 * @example
 * ```ts
 * type Input = z.input<ParticipantSchema>; // ParticipantInput
 * ```
 */
export type ParticipantSchema = z.ZodMiniObject<ParticipantShape>;

/**
 * What one participant in HR JSON may look like: the shapes `parseParticipants` accepts
 * (aliases included), inferred from the fields' zod schemas (`z.input`). Every field but
 * `id` and a role is optional; `null` means absent. See `parseParticipants` for the rules
 * on each field.
 *
 * @example
 * ```ts
 * const alice: ParticipantInput = {
 *   id: 17, name: 'Alice', role: 'mentor',
 *   skillsOffered: 'python:5; sql:3', languages: ['English', 'Deutsch'],
 *   tz: 'Europe/Berlin', availability: ['Mon 09:00-11:00'], capacity: { max: 3 },
 * };
 * ```
 */
export interface ParticipantInput extends z.input<ParticipantSchema> {}
