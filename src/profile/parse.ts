/**
 * `parseParticipants` / `safeParseParticipants`: HR JSON in, validated and normalised
 * {@link Participant}s out, or every problem found.
 *
 * @module
 */
import { z } from 'zod';

import { ConfigError, ProfileError, type ProfileIssue } from '../errors.js';
import { describeValue, fromZodIssues, quote, toIssue, type IssueDraft } from './issues.js';
import {
  FIELD_KEYS,
  KNOWN_KEYS,
  DEFAULT_CAPACITY,
  attributesSchema,
  availabilitySchema,
  capacitySchema,
  idFieldSchema,
  managerIdSchema,
  maxMentorsSchema,
  nameSchema,
  placeSchema,
  rolesSchema,
  senioritySchema,
  skillsSchema,
  tagListSchema,
  timeZoneSchema,
} from './schema.js';
import { DEFAULT_TRAITS, isRecordObject, personalitySchema, resolveTraits, type TraitRange } from './traits.js';
import type { Participant } from './types.js';

/**
 * Options of {@link parseParticipants} and {@link safeParseParticipants}.
 *
 * @example
 * ```ts
 * const options: ParseOptions = {
 *   traits: { dominance: { min: 0, max: 10 }, influence: { min: 0, max: 10 } }, // DISC instead of Big Five
 *   allowUnknownFields: true, // ignore the HR system's extra columns
 * };
 * ```
 */
export interface ParseOptions {
  /**
   * The personality traits a participant may have, each with its inclusive range. Names
   * are normalised like tags (`normalizeTag`).
   * @defaultValue {@link DEFAULT_TRAITS} (Big Five, each 0–100)
   */
  readonly traits?: Readonly<Record<string, TraitRange>>;
  /**
   * When true, a personality trait not in `traits` is dropped instead of being an
   * `unknown_trait` issue (the scorer only knows the declared ranges).
   * @defaultValue false
   */
  readonly allowUnknownTraits?: boolean;
  /**
   * When true, fields the schema does not know (at the top level and inside skill and
   * capacity objects) are ignored instead of being `unknown_field` issues. Strict by
   * default, so that a misspelt field (`skills_offered`) is not silently lost.
   * @defaultValue false
   */
  readonly allowUnknownFields?: boolean;
}

/**
 * What {@link safeParseParticipants} returns: the participants, or every issue found.
 *
 * @example
 * ```ts
 * const r: SafeParseParticipantsResult = safeParseParticipants(json);
 * if (r.success) use(r.data); else report(r.issues);
 * ```
 */
export type SafeParseParticipantsResult =
  | { readonly success: true; readonly data: readonly Participant[] }
  | { readonly success: false; readonly issues: readonly ProfileIssue[] };

/** Options with defaults applied and the per-options schemas built. */
interface Resolved {
  readonly allowUnknownFields: boolean;
  readonly skills: ReturnType<typeof skillsSchema>;
  readonly capacity: ReturnType<typeof capacitySchema>;
  readonly personality: ReturnType<typeof personalitySchema>;
}

const optionsSchema = z.strictObject(
  {
    traits: z.unknown().optional(),
    allowUnknownTraits: z.boolean({ error: 'a boolean' }).optional(),
    allowUnknownFields: z.boolean({ error: 'a boolean' }).optional(),
  },
  {
    error: (iss) =>
      iss.code === 'unrecognized_keys' ? 'only traits, allowUnknownTraits and allowUnknownFields' : 'an options object',
  },
);

const STRICT_SKILLS = skillsSchema(true);
const LOOSE_SKILLS = skillsSchema(false);
const STRICT_CAPACITY = capacitySchema(true);
const LOOSE_CAPACITY = capacitySchema(false);

/** Resolves the options once per call (the one table of defaults). */
function resolveOptions(options: ParseOptions | undefined): Resolved {
  const r = optionsSchema.safeParse(options ?? {}, { reportInput: true });
  if (!r.success) {
    throw new ConfigError(
      fromZodIssues(r.error.issues).map((d) => `options${d.path.length ? `.${d.path.map(String).join('.')}` : ''}: expected ${d.expected}, found ${d.found}`),
    );
  }
  const allowUnknownFields = r.data.allowUnknownFields ?? false;
  const table = resolveTraits(options?.traits ?? DEFAULT_TRAITS);
  return {
    allowUnknownFields,
    skills: allowUnknownFields ? LOOSE_SKILLS : STRICT_SKILLS,
    capacity: allowUnknownFields ? LOOSE_CAPACITY : STRICT_CAPACITY,
    personality: personalitySchema(table, r.data.allowUnknownTraits ?? false),
  };
}

/** One field as read from a participant: which key spelt it, and its parsed value when valid. */
type Read<T> =
  | { readonly state: 'absent'; readonly key: undefined }
  | { readonly state: 'invalid'; readonly key: string }
  | { readonly state: 'ok'; readonly key: string; readonly value: T };

type FieldName = keyof typeof FIELD_KEYS;

const KNOWN_LIST = Object.values(FIELD_KEYS)
  .map((keys) => keys.join('/'))
  .join(', ');
const SQUASHED = new Map([...KNOWN_KEYS].map((k) => [k.toLowerCase(), k]));

/** `expected` for an unknown field, with a suggestion when only case or separators differ. */
function unknownFieldExpected(key: string): string {
  const guess = SQUASHED.get(key.toLowerCase().replace(/[\s_\-]+/gu, ''));
  return guess !== undefined ? `a known field (did you mean ${quote(guess)}?)` : `a known field (${KNOWN_LIST})`;
}

/** Parses one participant object; pushes its issues and returns the participant when it has none. */
function parseOne(
  raw: Record<string, unknown>,
  index: number,
  opts: Resolved,
  firstIndexById: Map<string, number>,
  issues: ProfileIssue[],
): Participant | undefined {
  const drafts: IssueDraft[] = [];

  function read<T>(field: FieldName, schema: z.ZodType<T>): Read<T> {
    const keys: readonly string[] = FIELD_KEYS[field];
    let used: string | undefined;
    for (const k of keys) {
      if (!Object.hasOwn(raw, k) || raw[k] === undefined || raw[k] === null) continue;
      if (used === undefined) used = k;
      else drafts.push({ code: 'conflicting_fields', path: [k], expected: `only one of ${keys.join(', ')}`, found: `both ${used} and ${k}` });
    }
    if (used === undefined) return { state: 'absent', key: undefined };
    const r = schema.safeParse(raw[used], { reportInput: true });
    if (r.success) return { state: 'ok', key: used, value: r.data };
    drafts.push(...fromZodIssues(r.error.issues, [used]));
    return { state: 'invalid', key: used };
  }

  // id first: it labels every other issue of this participant.
  const id = read('id', idFieldSchema);
  if (id.state === 'absent') drafts.push({ code: 'missing_field', path: ['id'], expected: 'a non-empty string or an integer', found: 'nothing' });
  const idValue = id.state === 'ok' ? (id.value as string) : undefined;
  if (idValue !== undefined) {
    const first = firstIndexById.get(idValue);
    if (first !== undefined) {
      drafts.push({ code: 'duplicate_id', path: ['id'], expected: 'an id not used by another participant', found: `${quote(idValue)}, already the id of the participant at index ${first}` });
    } else firstIndexById.set(idValue, index);
  }

  if (!opts.allowUnknownFields) {
    for (const key of Object.keys(raw)) {
      if (!KNOWN_KEYS.has(key)) drafts.push({ code: 'unknown_field', path: [key], expected: unknownFieldExpected(key), found: `an unknown field ${quote(key)}` });
    }
  }

  const name = read('name', nameSchema);
  const roles = read('roles', rolesSchema);
  const skillsOffered = read('skillsOffered', opts.skills);
  const skillsWanted = read('skillsWanted', opts.skills);
  const goals = read('goals', tagListSchema);
  const interests = read('interests', tagListSchema);
  const languages = read('languages', tagListSchema);
  const department = read('department', placeSchema);
  const location = read('location', placeSchema);
  const managerId = read('managerId', managerIdSchema);
  const seniority = read('seniority', senioritySchema);
  const timeZone = read('timeZone', timeZoneSchema);
  const availability = read('availability', availabilitySchema);
  const personality = read('personality', opts.personality);
  const capacity = read('capacity', opts.capacity);
  const maxMentors = read('maxMentors', maxMentorsSchema);
  const attributes = read('attributes', attributesSchema);

  // Checks across fields.
  if (roles.state === 'absent' || (roles.state === 'ok' && roles.value.length === 0)) {
    drafts.push({
      code: 'no_role',
      path: [roles.key ?? 'roles'],
      expected: "a role: 'mentor', 'mentee', 'both' or 'peer'",
      found: roles.key === undefined ? 'nothing' : describeValue(raw[roles.key]),
    });
  }
  const hasSlots = availability.state === 'invalid' || (availability.state === 'ok' && availability.value.length > 0);
  const noZone = timeZone.state === 'absent' || (timeZone.state === 'ok' && timeZone.value === undefined);
  if (hasSlots && noZone) {
    drafts.push({
      code: 'missing_time_zone',
      path: [timeZone.key ?? 'timeZone'],
      expected: 'an IANA time zone, required when availability is given',
      found: timeZone.key === undefined ? 'nothing' : describeValue(raw[timeZone.key]),
    });
  }
  if (idValue !== undefined && managerId.state === 'ok' && managerId.value === idValue) {
    drafts.push({ code: 'self_manager', path: [managerId.key], expected: "another participant's id (or an external manager)", found: `${quote(idValue)}, the participant's own id` });
  }

  if (drafts.length > 0) {
    const who = idValue ?? index;
    for (const d of drafts) issues.push(toIssue(d, who, index));
    return undefined;
  }

  const value = <T>(r: Read<T>, fallback: T): T => (r.state === 'ok' ? r.value : fallback);
  return Object.freeze({
    id: idValue as string,
    name: value(name, undefined),
    roles: Object.freeze(value(roles, [])),
    skillsOffered: Object.freeze(value(skillsOffered, [])),
    skillsWanted: Object.freeze(value(skillsWanted, [])),
    goals: Object.freeze(value(goals, [])),
    interests: Object.freeze(value(interests, [])),
    languages: Object.freeze(value(languages, [])),
    department: value(department, undefined),
    location: value(location, undefined),
    managerId: value(managerId, undefined),
    seniority: value(seniority, undefined),
    timeZone: value(timeZone, undefined),
    availability: Object.freeze(value(availability, [])),
    personality: value(personality, EMPTY_RECORD as Readonly<Record<string, number>>),
    capacity: value(capacity, DEFAULT_CAPACITY),
    maxMentors: value(maxMentors, 1),
    attributes: value(attributes, EMPTY_RECORD as Readonly<Record<string, string | number | boolean>>),
  });
}

const EMPTY_RECORD: Readonly<Record<string, never>> = Object.freeze(Object.create(null));

/**
 * Validates and normalises participant profiles, returning every issue instead of
 * throwing. Same rules as {@link parseParticipants}.
 *
 * @param input - anything (usually `JSON.parse` of an HR export): must be an array of participant objects.
 * @param options - {@link ParseOptions}.
 * @returns `{ success: true, data }` with the frozen participants in input order, or
 *   `{ success: false, issues }` with every {@link ProfileIssue}, ordered by participant index.
 * @throws {ConfigError} only when `options` itself is invalid (a programming error, not a data error).
 *
 * @example
 * ```ts
 * const r = safeParseParticipants([
 *   { id: 'a', role: 'mentor', capacity: -1 },
 *   { id: 'a', role: 'boss' },
 * ]);
 * r.success; // false
 * r.issues.map((i) => `${i.participant} ${i.field} ${i.code}`);
 * // ['a capacity out_of_range', 'a id duplicate_id', 'a role invalid_value']
 * ```
 */
export function safeParseParticipants(input: unknown, options?: ParseOptions): SafeParseParticipantsResult {
  const opts = resolveOptions(options);
  if (!Array.isArray(input)) {
    const issue = toIssue({ code: 'invalid_type', path: [], expected: 'an array of participant objects', found: describeValue(input) }, -1, -1);
    return Object.freeze({ success: false, issues: Object.freeze([issue]) });
  }
  const issues: ProfileIssue[] = [];
  const data: Participant[] = [];
  const firstIndexById = new Map<string, number>();
  for (let i = 0; i < input.length; i++) {
    const raw: unknown = input[i];
    if (!isRecordObject(raw)) {
      issues.push(toIssue({ code: 'invalid_type', path: [], expected: 'a participant object', found: describeValue(raw) }, i, i));
      continue;
    }
    const p = parseOne(raw, i, opts, firstIndexById, issues);
    if (p !== undefined) data.push(p);
  }
  if (issues.length > 0) return Object.freeze({ success: false, issues: Object.freeze(issues) });
  return Object.freeze({ success: true, data: Object.freeze(data) });
}

/**
 * Validates and normalises participant profiles (HR JSON) into frozen {@link Participant}s,
 * or throws a {@link ProfileError} listing every issue (not just the first).
 *
 * Liberal in shapes, strict in values: every problem below is an issue, never a silent fix.
 * `null` means absent everywhere; list fields take an array or one `;`-separated string
 * (a blank string is an empty list, an empty item is an issue); numbers take decimal
 * numeric strings too; tags are normalised with `normalizeTag` (NFKC, lower case,
 * whitespace/`-`/`_` runs → one space, trimmed; accents kept) and de-duplicated keeping
 * the first occurrence.
 *
 * | field (aliases) | accepted | issues |
 * | --- | --- | --- |
 * | `id` | string (trimmed) or safe integer (→ string); required, unique | `missing_field`, `empty_value`, `invalid_value`, `duplicate_id` (on each later duplicate, naming the first index) |
 * | `name` | string, NFC, trimmed; blank = absent | `invalid_type` |
 * | `role` / `roles` | `'mentor'`, `'mentee'`, `'both'`, `'peer'` (any case), a list of them; both/peer = mentor + mentee; result in order mentor, mentee | `invalid_value`, `no_role` |
 * | `skillsOffered`, `skillsWanted` | list of `'python'`, `'python:4'` (split at the last colon), `{ name, level }`; level integer 1–5; a repeated skill is merged, keeping its first position and the higher level | `out_of_range`, `empty_value`, `missing_field`, `unknown_field` |
 * | `goals`, `interests`, `languages` | list of strings | `empty_value`, `invalid_type` |
 * | `department`, `location` | string or number, stored normalised; blank = absent | `invalid_type` |
 * | `managerId` | like `id`; may name someone outside the input; blank = absent | `self_manager` |
 * | `seniority` | finite number | `invalid_type` |
 * | `timeZone` / `timezone` / `tz` | IANA name (`isTimeZone`), stored in IANA case when it differs only by case; required when availability is non-empty | `unknown_time_zone`, `missing_time_zone` |
 * | `availability` | list of `'Mon 09:00-11:00'` (`parseSlot`); overlapping or touching slots merged, sorted by day then start | `invalid_slot` at `availability[k]` |
 * | `personality` | object trait → number, names normalised, within `options.traits` ranges | `unknown_trait`, `out_of_range`, `duplicate_key` |
 * | `capacity` / `maxMentees` | integer ≥ 0 (the max) or `{ max, min }`; default `{ max: 1, min: 0 }`; kept (unused) on pure mentees | `out_of_range` (negative, fractional, min > max) |
 * | `maxMentors` | integer ≥ 1; default 1 | `out_of_range` |
 * | `attributes` / `custom` | object name → string, number or boolean; names normalised (`__proto__` → `proto`); null-prototype, frozen | `invalid_type` (nested object or array), `duplicate_key` |
 * | anything else | — | `unknown_field` (unless `options.allowUnknownFields`) |
 *
 * Two aliases of one field given together are a `conflicting_fields` issue. Issues name
 * the field as the input spelt it (`tz`, `skillsWanted[2].level`, `attributes["team size"]`).
 *
 * @param input - anything (usually `JSON.parse` of an HR export): must be an array of participant objects.
 * @param options - {@link ParseOptions}.
 * @returns the participants in input order; the array, each participant and every list or
 *   record inside are frozen.
 * @throws {ProfileError} (code `INVALID_PROFILE`) with `issues` listing every problem.
 * @throws {ConfigError} (code `INVALID_CONFIG`) when `options` itself is invalid.
 *
 * Complexity: O(total size of the input); each field is validated by its own zod schema.
 *
 * @example
 * ```ts
 * const [alice] = parseParticipants([
 *   { id: 7, name: 'Alice', role: 'Mentor', skillsOffered: 'Python:4; SQL; python:5',
 *     tz: 'Europe/Berlin', availability: 'Mon 09:00-10:00; Mon 09:30-11:00' },
 * ]);
 * alice.id;            // '7'
 * alice.roles;         // ['mentor']
 * alice.skillsOffered; // [{ name: 'python', level: 5 }, { name: 'sql', level: undefined }]
 * alice.availability;  // [{ day: 0, start: 540, end: 660 }]
 * alice.capacity;      // { max: 1, min: 0 }
 *
 * parseParticipants([{ id: 'b', role: 'mentee', skillsWanted: ['go:7'] }]);
 * // throws ProfileError: 1 problem in participant profiles:
 * //   - participant "b" (index 0), field skillsWanted[0].level: expected an integer from 1 to 5, found 7 [out_of_range]
 * ```
 */
export function parseParticipants(input: unknown, options?: ParseOptions): readonly Participant[] {
  const r = safeParseParticipants(input, options);
  if (!r.success) throw new ProfileError(r.issues);
  return r.data;
}
