/**
 * The zod schemas of the participant fields: one schema per field, each of which accepts
 * the handful of shapes HR exports use and returns the normalised value the
 * {@link Participant} type holds. The field table (`PROFILE_FIELDS` in fields.ts) names
 * each field's schema, and `parse.ts` runs them field by field, so that every field's
 * problems are reported even when another field is broken, and then applies the checks
 * that span fields (roles, time zone with availability, self-manager, unique ids).
 *
 * Each schema's input type is what the field documents accepting (zod's `z.input`, from
 * which `ParticipantInput` is inferred); the value is checked at run time, whatever its type.
 *
 * Conventions shared by every field:
 * - `null` (or `undefined`) means the field is absent;
 * - a list field accepts an array, or one string of items separated by `;` (CSV exports);
 *   a blank string is an empty list; an empty item (`"a;;b"`, `"a;"`) is an issue;
 * - a list string with `,` and no `;` is split at the commas by the caller, with a
 *   `comma_separated_list` warning (parse.ts);
 * - numbers accept a decimal numeric string too (`"3"`, `" 2.5 "`);
 * - tags go through `normalizeTag`, languages through `resolveLanguage`; lists are
 *   de-duplicated, first occurrence kept.
 *
 * @module
 */
import * as z from 'zod/mini';

import { describeValue, flag, fromZodIssues, quote } from './issues.js';
import { resolveLanguage, type LanguageMatch } from './languages.js';
import { normalizeId } from './ids.js';
import { memoize, tagOf } from './memo.js';
import { isTimeZone, parseSlot } from './slots.js';
import { isRecordObject, numberWhere, preprocess, transformed } from './traits.js';
import type { Capacity, Role, Skill, Slot } from './types.js';

/**
 * A role word, any case: `'mentor'`, `'mentee'`, `'both'` or `'peer'` (both = peer =
 * mentor and mentee).
 *
 * @example
 * ```ts
 * const r: RoleInput = 'Peer';
 * ```
 */
export type RoleInput = 'mentor' | 'mentee' | 'both' | 'peer' | (string & {});

/**
 * A skill as an object; the string forms are `'python'` and `'python:4'`.
 *
 * @example
 * ```ts
 * const s: SkillInput = { name: 'Python', level: 4 };
 * ```
 */
export interface SkillInput {
  name: string;
  level?: number | string | null;
}

/**
 * Mentor capacity as an object; a bare number is the maximum.
 *
 * @example
 * ```ts
 * const c: CapacityInput = { max: 3, min: 1 };
 * ```
 */
export interface CapacityInput {
  max?: number | string | null;
  min?: number | string | null;
}

// ---------------------------------------------------------------------------------------
// Building blocks
//
// `z.custom<I>()` without a check lets every value through to the transform after it,
// which checks it (`v: unknown`); `I` only declares the input type, for `z.input`.

const nullToUndefined = (v: unknown): unknown => (v === null ? undefined : v);

/** `"a; b"` → `["a", " b"]`, a blank string → `[]`, anything else unchanged. */
function splitList(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  return v.trim() === '' ? [] : v.split(';');
}

/** A list field: an array of `item`, or one `;`-separated string (its input type says so). */
function listOf<T extends z.ZodMiniType>(item: T, expected: string) {
  return preprocess((v: string | readonly z.input<T>[]) => splitList(v), z.array(item, { error: expected }));
}

/** Keeps the first occurrence of each value. */
function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

/** A tag: a string, normalised with `normalizeTag`; empty afterwards → `empty_value`. */
const tag = transformed(z.string({ error: 'a string' }), (s, ctx) => {
  const t = tagOf(s);
  if (t === '') flag(ctx, 'empty_value', 'a non-empty string', quote(s));
  return t;
});

/**
 * Zod schema of a list of tags (goals, interests; languages use `languagesSchema`): normalised, de-duplicated,
 * first occurrence kept. Internal.
 *
 * @example
 * ```ts
 * tagListSchema.parse('Chess; hiking;CHESS'); // ['chess', 'hiking']
 * ```
 */
export const tagListSchema = transformed(listOf(tag, "a list of strings (an array, or one string separated by ';')"), unique);

/**
 * What {@link languagesSchema} returns: the canonical tags, and the items that are no
 * known language (for the caller's `unknown_language` warnings). Internal.
 *
 * @example
 * ```ts
 * const l: LanguageList = { tags: ['english', 'klingon'], unknown: [{ index: 1, value: 'Klingon', tag: 'klingon' }] };
 * ```
 */
export interface LanguageList {
  readonly tags: readonly string[];
  readonly unknown: readonly { readonly index: number; readonly value: string; readonly tag: string }[];
}

const language = transformed(z.string({ error: 'a string' }), (s, ctx): { readonly value: string; readonly match: LanguageMatch } => {
  const match = resolveLanguage(s);
  if (match.tag === '') flag(ctx, 'empty_value', 'a non-empty string', quote(s));
  return { value: s.trim(), match };
});

/**
 * Zod schema of `languages`: a list of language names or codes, each resolved with
 * `resolveLanguage` (`EN`, `English`, `Englisch` → `english`), de-duplicated, first
 * occurrence kept. A value that is no known language is kept as an ordinary tag and
 * listed in `unknown` (with its position in the input list). Internal.
 *
 * @example
 * ```ts
 * languagesSchema.parse('EN; Deutsch; English; Klingon');
 * // { tags: ['english', 'german', 'klingon'], unknown: [{ index: 3, value: 'Klingon', tag: 'klingon' }] }
 * ```
 */
export const languagesSchema = transformed(
  listOf(language, "a list of languages (an array, or one string separated by ';')"),
  (items): LanguageList => ({
    tags: unique(items.map((i) => i.match.tag)),
    unknown: items.flatMap((i, index) => (i.match.kind === 'unknown' ? [{ index, value: i.value, tag: i.match.tag }] : [])),
  }),
);

// ---------------------------------------------------------------------------------------
// id, name, roles

const ID_EXPECTED = 'a non-empty string or an integer';

/**
 * An id: a string (`normalizeId`: NFC, zero-width characters removed, trimmed, case kept)
 * or a safe integer (→ its decimal string). With `blankIsAbsent`, a blank string means
 * "no value" (used by `managerId`).
 */
function idSchema(blankIsAbsent: boolean) {
  return transformed(z.union([z.string(), z.number()], { error: ID_EXPECTED }), (v, ctx): string | undefined => {
    if (typeof v === 'number') {
      if (!Number.isSafeInteger(v)) flag(ctx, 'invalid_value', ID_EXPECTED, describeValue(v));
      return String(v);
    }
    const s = normalizeId(v);
    if (s === '') {
      if (blankIsAbsent) return undefined;
      flag(ctx, 'empty_value', ID_EXPECTED, quote(v));
    }
    return s;
  });
}

/**
 * Zod schema of `id`: required (checked by the caller), non-empty. Internal.
 *
 * @example
 * ```ts
 * idFieldSchema.parse(42); // '42'
 * ```
 */
export const idFieldSchema = idSchema(false);
/**
 * Zod schema of `managerId`: like an id, blank = absent. Internal.
 *
 * @example
 * ```ts
 * managerIdSchema.parse(' '); // undefined
 * ```
 */
export const managerIdSchema = idSchema(true);

/**
 * Zod schema of `name`: any string, Unicode NFC and trimmed (display text: not NFKC, case
 * kept); blank = absent. Internal.
 *
 * @example
 * ```ts
 * nameSchema.parse(' José 🚀 '); // 'José 🚀'
 * ```
 */
export const nameSchema = transformed(z.string({ error: 'a string' }), (s) => s.normalize('NFC').trim() || undefined);

const ROLE_EXPECTED = "'mentor', 'mentee', 'both' or 'peer'";
const ROLE_WORDS: ReadonlyMap<string, readonly Role[]> = new Map<string, readonly Role[]>([
  ['mentor', ['mentor']],
  ['mentee', ['mentee']],
  ['both', ['mentor', 'mentee']],
  ['peer', ['mentor', 'mentee']],
]);

const roleWord = transformed(z.string({ error: ROLE_EXPECTED }), (s, ctx): readonly Role[] => {
  const roles = ROLE_WORDS.get(tagOf(s));
  if (roles === undefined) flag(ctx, 'invalid_value', ROLE_EXPECTED, quote(s));
  return roles ?? [];
});

const roleList = listOf(roleWord, `${ROLE_EXPECTED}, or a list of them`);

/**
 * `role` / `roles`: one role word, a `;`-separated string of them, or an array of them;
 * any case. Returns the roles in canonical order (mentor before mentee), possibly empty
 * (the caller reports `no_role`). A single word is checked as the field itself (an issue
 * names `role`, not `role[0]`). Internal.
 *
 * @example
 * ```ts
 * rolesSchema.parse(['Mentee', 'mentor']); // ['mentor', 'mentee']
 * rolesSchema.parse('peer');               // ['mentor', 'mentee']
 * ```
 */
export const rolesSchema = transformed(z.custom<RoleInput | readonly RoleInput[]>(), (v: unknown, ctx): Role[] => {
  const single = typeof v === 'string' && !v.includes(';') && v.trim() !== '';
  const r = single ? roleWord.safeParse(v, { reportInput: true }) : roleList.safeParse(v, { reportInput: true });
  if (!r.success) {
    for (const d of fromZodIssues(r.error.issues)) flag(ctx, d.code, d.expected, d.found, d.path);
    return []; // discarded: the issues fail the parse
  }
  const set = new Set<Role>(single ? (r.data as readonly Role[]) : (r.data as (readonly Role[])[]).flat());
  return (['mentor', 'mentee'] as const).filter((role) => set.has(role));
});

// ---------------------------------------------------------------------------------------
// Skills

const LEVEL_EXPECTED = 'an integer from 1 to 5';
const SKILL_EXPECTED = "a skill: 'name', 'name:level' or { name, level }";

const level = preprocess(
  nullToUndefined,
  z.optional(numberWhere(LEVEL_EXPECTED, (n) => Number.isInteger(n) && n >= 1 && n <= 5)),
);

/** `"python:4"` → `{ name: "python", level: "4" }` (split at the last colon); `"python"` → `{ name }`. */
function skillFromString(v: string | SkillInput): unknown {
  if (typeof v !== 'string') return v;
  const colon = v.lastIndexOf(':');
  return colon < 0 ? { name: v } : { name: v.slice(0, colon), level: v.slice(colon + 1) };
}

function skillObject(strict: boolean) {
  const shape = { name: z.pipe(z.string({ error: 'a skill name (a string)' }), tag), level };
  const error = (iss: { code?: string }) => (iss.code === 'unrecognized_keys' ? 'only name and level' : SKILL_EXPECTED);
  return strict ? z.strictObject(shape, { error }) : z.object(shape, { error });
}

/** Merges skills with the same name, keeping the first position and the higher level. */
function mergeSkills(skills: readonly { name: string; level?: number | undefined }[]): Skill[] {
  const byName = new Map<string, { name: string; level: number | undefined }>();
  for (const s of skills) {
    const seen = byName.get(s.name);
    if (seen === undefined) byName.set(s.name, { name: s.name, level: s.level });
    else if (s.level !== undefined && (seen.level === undefined || s.level > seen.level)) seen.level = s.level;
  }
  return [...byName.values()].map((s) => Object.freeze(s));
}

/**
 * `skillsOffered` / `skillsWanted`: a list (array or `;`-separated string) of `'name'`,
 * `'name:level'` or `{ name, level }`; level an integer 1–5. A name that contains a colon
 * must use the object form. Duplicates (after normalisation) are merged: first position,
 * higher level. With `strict`, extra keys in a skill object are `unknown_field` issues.
 * Internal.
 *
 * @example
 * ```ts
 * skillsSchema(true).parse('Python:3; python:5; SQL');
 * // [{ name: 'python', level: 5 }, { name: 'sql', level: undefined }]
 * ```
 */
export function skillsSchema(strict: boolean) {
  return transformed(listOf(preprocess(skillFromString, skillObject(strict)), `a list of skills (${SKILL_EXPECTED})`), mergeSkills);
}

// ---------------------------------------------------------------------------------------
// Department, location, seniority

/**
 * Zod schema of `department` and `location`: a string or number, normalised as a tag;
 * blank = absent. Internal.
 *
 * @example
 * ```ts
 * placeSchema.parse(' R&D-Berlin '); // 'r&d berlin'
 * ```
 */
export const placeSchema = transformed(z.union([z.string(), z.number()], { error: 'a string' }), (v) => tagOf(String(v)) || undefined);

// seniority: see seniority.ts (numbers and words, with the caller's own words).

// ---------------------------------------------------------------------------------------
// E-mail

const EMAIL_EXPECTED = "an e-mail address: one '@' with text on both sides, no spaces";
const EMAIL = /^[^@\s]+@[^@\s]+$/u;

/**
 * Normalises an e-mail address for comparison: NFKC, trimmed, lower case. Internal.
 *
 * @example
 * ```ts
 * normalizeEmail(' Ana.Silva@Example.COM '); // 'ana.silva@example.com'
 * ```
 */
export function normalizeEmail(s: string): string {
  return s.normalize('NFKC').trim().toLowerCase();
}

/**
 * Zod schema of `email`: checked loosely (one `@` with text on both sides, no spaces),
 * stored normalised (`normalizeEmail`); blank = absent. Internal.
 *
 * @example
 * ```ts
 * emailSchema.parse(' Ana@Example.com '); // 'ana@example.com'
 * emailSchema.safeParse('ana.example.com').success; // false (invalid_email)
 * ```
 */
export const emailSchema = transformed(z.string({ error: EMAIL_EXPECTED }), (s, ctx): string | undefined => {
  const e = normalizeEmail(s);
  if (e === '') return undefined;
  if (!EMAIL.test(e)) flag(ctx, 'invalid_email', EMAIL_EXPECTED, quote(s));
  return e;
});

// ---------------------------------------------------------------------------------------
// Time zone and availability

const TZ_EXPECTED = "an IANA time zone name such as 'Europe/Berlin'";

let canonicalZones: Map<string, string> | undefined;

/**
 * The IANA spelling of a known zone written in another case (`europe/berlin` →
 * `Europe/Berlin`, `utc` → `UTC`); any other known name (an alias such as `US/Pacific`)
 * is kept as written.
 */
function canonicalTimeZone(tz: string): string {
  if (canonicalZones === undefined) {
    canonicalZones = new Map();
    const supported = (Intl as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf;
    for (const name of supported ? supported('timeZone') : []) canonicalZones.set(name.toLowerCase(), name);
  }
  const listed = canonicalZones.get(tz.toLowerCase());
  if (listed !== undefined) return listed;
  const resolved = new Intl.DateTimeFormat('en-US', { timeZone: tz }).resolvedOptions().timeZone;
  return resolved.toLowerCase() === tz.toLowerCase() ? resolved : tz;
}

/** The stored spelling of a zone `isTimeZone` knows, else undefined (memoised: each lookup builds an Intl formatter). */
const zoneOf = memoize((tz: string): string | undefined => (isTimeZone(tz) ? canonicalTimeZone(tz) : undefined));

/**
 * Zod schema of `timeZone` (`timezone`, `tz`): an IANA name this runtime knows
 * (`isTimeZone`); blank = absent. Internal.
 *
 * @example
 * ```ts
 * timeZoneSchema.parse('europe/berlin'); // 'Europe/Berlin'
 * ```
 */
export const timeZoneSchema = transformed(z.string({ error: TZ_EXPECTED }), (s, ctx): string | undefined => {
  const t = s.trim();
  if (t === '') return undefined;
  const zone = zoneOf(t);
  if (zone === undefined) flag(ctx, 'unknown_time_zone', TZ_EXPECTED, quote(s));
  return zone;
});

const SLOT_EXPECTED = "'Day HH:MM-HH:MM', e.g. 'Mon 09:00-11:00'";

const slot = transformed(z.custom<string>(), (v: unknown, ctx): Slot | undefined => {
  if (typeof v !== 'string') {
    flag(ctx, 'invalid_slot', SLOT_EXPECTED, describeValue(v));
    return undefined;
  }
  const p = parseSlot(v);
  if (!p.ok) {
    flag(ctx, 'invalid_slot', p.expected, p.found);
    return undefined;
  }
  // parseSlot looks days up in a plain object, so 'constructor' finds Object; guard here.
  if (!(Number.isInteger(p.slot.day) && p.slot.day >= 0 && p.slot.day <= 6)) {
    flag(ctx, 'invalid_slot', 'a day such as Mon, Tue, … Sun', quote(v.trim().split(/\s+/u)[0]));
    return undefined;
  }
  return { day: p.slot.day, start: p.slot.start, end: p.slot.end };
});

/**
 * Sorts slots by day and start and merges those that overlap or touch. Internal.
 *
 * @example
 * ```ts
 * mergeSlots([{ day: 0, start: 600, end: 660 }, { day: 0, start: 540, end: 600 }]);
 * // [{ day: 0, start: 540, end: 660 }]
 * ```
 */
export function mergeSlots(slots: readonly Slot[]): Slot[] {
  const sorted = [...slots].sort((a, b) => a.day - b.day || a.start - b.start);
  const out: { day: number; start: number; end: number }[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && last.day === s.day && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ day: s.day, start: s.start, end: s.end });
  }
  return out.map((s) => Object.freeze(s));
}

/**
 * `availability`: slot strings (`parseSlot`), as an array or one `;`-separated string.
 * Slots that overlap or touch are merged; the result is sorted by day, then start.
 * Internal.
 *
 * @example
 * ```ts
 * availabilitySchema.parse('Mon 9:00-10:00; Mon 09:30-11:00'); // [{ day: 0, start: 540, end: 660 }]
 * ```
 */
export const availabilitySchema = transformed(listOf(slot, `a list of slots (${SLOT_EXPECTED})`), (slots) =>
  mergeSlots(slots as Slot[]),
);

// ---------------------------------------------------------------------------------------
// Capacity, maxMentors

/**
 * The largest count (capacity, `maxMentors`, group sizes, quota caps, `k`) mentor-match
 * reads: 2³¹ − 1, the largest value the solvers' 32-bit integer arrays hold. A larger
 * count is an `out_of_range` issue naming this limit — never a value that wraps round.
 * (A count larger than the cohort is read as it is, and means "no limit".)
 *
 * @example
 * ```ts
 * MAX_COUNT; // 2147483647
 * ```
 */
export const MAX_COUNT = 2 ** 31 - 1;

const count0 = numberWhere(`an integer from 0 to ${MAX_COUNT}`, (n) => Number.isInteger(n) && n >= 0 && n <= MAX_COUNT);

const capacityObject = z.object(
  { max: preprocess(nullToUndefined, z.optional(count0)), min: preprocess(nullToUndefined, z.optional(count0)) },
  { error: `an integer from 0 to ${MAX_COUNT}, or { max, min }` },
);
const CAPACITY_KEYS: ReadonlySet<string> = new Set(['max', 'min']);

/**
 * Default mentor capacity: at most one mentee, no minimum.
 *
 * @example
 * ```ts
 * DEFAULT_CAPACITY; // { max: 1, min: 0 }
 * ```
 */
export const DEFAULT_CAPACITY: Capacity = Object.freeze({ max: 1, min: 0 });

/**
 * `capacity` (`maxMentees`): a count (the maximum) or `{ max, min }`; integers ≥ 0;
 * `max` defaults to 1 and `min` to 0; `min > max` is an `out_of_range` issue on `min`.
 * With `strict`, other keys of the object are `unknown_field` issues (reported together
 * with any problem of `max` and `min`). Internal.
 *
 * @example
 * ```ts
 * capacitySchema(true).parse(3);          // { max: 3, min: 0 }
 * capacitySchema(true).parse({ min: 1 }); // { max: 1, min: 1 }
 * ```
 */
export function capacitySchema(strict: boolean) {
  // On an issue the returned value is discarded (the issues fail the parse).
  return transformed(z.custom<number | string | CapacityInput>(), (v: unknown, ctx): Capacity => {
    if (!isRecordObject(v)) {
      const n = count0.safeParse(v, { reportInput: true });
      if (n.success) return Object.freeze({ max: n.data, min: 0 });
      for (const d of fromZodIssues(n.error.issues)) flag(ctx, d.code, d.expected, d.found, d.path);
      return DEFAULT_CAPACITY;
    }
    let ok = true;
    if (strict) {
      for (const key of Object.keys(v)) {
        if (!CAPACITY_KEYS.has(key)) {
          flag(ctx, 'unknown_field', 'only max and min', `an unknown field ${quote(key)}`, [key]);
          ok = false;
        }
      }
    }
    const r = capacityObject.safeParse(v, { reportInput: true });
    if (!r.success) {
      for (const d of fromZodIssues(r.error.issues)) flag(ctx, d.code, d.expected, d.found, d.path);
      return DEFAULT_CAPACITY;
    }
    const max = r.data.max ?? DEFAULT_CAPACITY.max;
    const min = r.data.min ?? DEFAULT_CAPACITY.min;
    if (min > max) {
      const given = r.data.max === undefined ? ', the default' : '';
      flag(ctx, 'out_of_range', `at most max (${max}${given})`, String(min), ['min']);
      ok = false;
    }
    return ok ? Object.freeze({ max, min }) : DEFAULT_CAPACITY;
  });
}

/**
 * Zod schema of `maxMentors`: an integer ≥ 1 (the default, 1, is applied by the caller).
 * Internal.
 *
 * @example
 * ```ts
 * maxMentorsSchema.safeParse(0).success; // false (out_of_range)
 * ```
 */
export const maxMentorsSchema = numberWhere(`an integer from 1 to ${MAX_COUNT}`, (n) => Number.isInteger(n) && n >= 1 && n <= MAX_COUNT);

// ---------------------------------------------------------------------------------------
// Attributes

const attributeValue = z.union([z.string(), z.number(), z.boolean()], { error: 'a string, number or boolean' });

const attributesObject = z.custom<Readonly<Record<string, string | number | boolean | null>>>(isRecordObject, { error: 'an object of name → string, number or boolean' });

/**
 * `attributes` (`custom`): an object of name → string, number or boolean. Names are
 * normalised with `normalizeTag` (so `__proto__` becomes `proto`); values are kept as
 * given; `null` values count as absent. The result has a null prototype and is frozen, so
 * keys such as `constructor` or `prototype` are plain data. Internal.
 *
 * @example
 * ```ts
 * attributesSchema.parse({ 'Team-Size': 5, Remote: true }); // { 'team size': 5, remote: true }
 * ```
 */
export const attributesSchema = transformed(attributesObject, (obj: Readonly<Record<string, unknown>>, ctx) => {
  const out: Record<string, string | number | boolean> = Object.create(null);
  const seen = new Map<string, string>();
  for (const key of Object.keys(obj)) {
    const name = tagOf(key);
    if (name === '') {
      flag(ctx, 'empty_value', 'a non-empty attribute name', quote(key), [key]);
      continue;
    }
    const first = seen.get(name);
    if (first !== undefined) {
      flag(ctx, 'duplicate_key', `one value per attribute (${quote(first)} already gives ${quote(name)})`, quote(key), [key]);
      continue;
    }
    seen.set(name, key);
    const value = obj[key];
    if (value === null || value === undefined) continue;
    const r = attributeValue.safeParse(value, { reportInput: true });
    if (r.success) out[name] = r.data;
    else for (const d of fromZodIssues(r.error.issues, [key])) flag(ctx, d.code, d.expected, d.found, d.path);
  }
  return Object.freeze(out) as Readonly<Record<string, string | number | boolean>>;
});

