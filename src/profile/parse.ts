/**
 * `parseParticipants` / `safeParseParticipants`: HR JSON in, validated and normalised
 * {@link Participant}s out, or every problem found.
 *
 * @module
 */
import * as z from 'zod/mini';

import { ConfigError, ProfileError, type ProfileIssue } from '../errors.js';
import { caseKey } from './ids.js';
import { FIELD_NAMES, KNOWN_KEYS, PROFILE_FIELDS, fieldKeys, type FieldContext, type FieldName, type FieldSpec } from './fields.js';
import { describeValue, fromZodIssues, quote, toIssue, toWarning, type IssueDraft, type ProfileWarning, type WarningDraft } from './issues.js';
import { normalizeEmail } from './schema.js';
import { resolveSeniorityLevels, type SENIORITY_LEVELS } from './seniority.js';
import { DEFAULT_TRAITS, isRecordObject, resolveTraits, type TraitRange } from './traits.js';
import type { Participant } from './types.js';

/**
 * Options of {@link parseParticipants} and {@link safeParseParticipants}.
 *
 * @example
 * ```ts
 * const options: ParseOptions = {
 *   traits: { dominance: { min: 0, max: 10 }, influence: { min: 0, max: 10 } }, // DISC instead of Big Five
 *   allowUnknownFields: true, // ignore the HR system's extra columns
 *   seniorityLevels: { IC1: 1, IC2: 2, M1: 4 }, // the company's grades, besides Junior, Senior, …
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
  /**
   * A company's own seniority words → levels (`{ IC1: 1, IC2: 2, M1: 4 }`), read on top of
   * {@link SENIORITY_LEVELS} (a word given here wins). Words are compared after tag
   * normalisation (any case). Numbers are always read as numbers.
   * @defaultValue none: {@link SENIORITY_LEVELS} only
   */
  readonly seniorityLevels?: Readonly<Record<string, number>>;
}

/**
 * What {@link safeParseParticipants} returns: the participants, or every issue found; and
 * in both cases the warnings (values read, but perhaps not as meant), by participant
 * index.
 *
 * @example
 * ```ts
 * const r: SafeParseParticipantsResult = safeParseParticipants(json);
 * for (const w of r.warnings) console.warn(w.message);
 * if (r.success) use(r.data); else report(r.issues);
 * ```
 */
export type SafeParseParticipantsResult =
  | { readonly success: true; readonly data: readonly Participant[]; readonly warnings: readonly ProfileWarning[] }
  | { readonly success: false; readonly issues: readonly ProfileIssue[]; readonly warnings: readonly ProfileWarning[] };

/** Options with defaults applied, and every field's schema for them. */
interface Resolved {
  readonly allowUnknownFields: boolean;
  /** The schema of each field, in table order (as {@link FIELD_LIST}). */
  readonly schemas: readonly z.ZodMiniType[];
}

const optionsSchema = z.strictObject(
  {
    traits: z.optional(z.unknown()),
    allowUnknownTraits: z.optional(z.boolean({ error: 'a boolean' })),
    allowUnknownFields: z.optional(z.boolean({ error: 'a boolean' })),
    seniorityLevels: z.optional(z.unknown()),
  },
  {
    error: (iss) =>
      iss.code === 'unrecognized_keys' ? 'only traits, allowUnknownTraits, allowUnknownFields and seniorityLevels' : 'an options object',
  },
);

/** Resolves the options once per call (the one table of defaults) and builds the fields' schemas for them. */
function resolveOptions(options: ParseOptions | undefined): Resolved {
  const r = optionsSchema.safeParse(options === undefined ? {} : options, { reportInput: true });
  if (!r.success) {
    throw new ConfigError(
      fromZodIssues(r.error.issues).map((d) => `options${d.path.length ? `.${d.path.map(String).join('.')}` : ''}: expected ${d.expected}, found ${d.found}`),
    );
  }
  const allowUnknownFields = r.data.allowUnknownFields ?? false;
  const context: FieldContext = {
    strict: !allowUnknownFields,
    traits: resolveTraits(options?.traits ?? DEFAULT_TRAITS),
    allowUnknownTraits: r.data.allowUnknownTraits ?? false,
    seniorityLevels: resolveSeniorityLevels(options?.seniorityLevels),
  };
  return { allowUnknownFields, schemas: FIELD_LIST.map((f) => f.spec.schema(context)) };
}

/** One field as read from a participant: which key spelt it, and its parsed value when valid. */
type Read<T> =
  | { readonly state: 'absent'; readonly key: undefined }
  | { readonly state: 'invalid'; readonly key: string }
  | { readonly state: 'ok'; readonly key: string; readonly value: T };

/** Every field of one participant, as read. */
type Reads = { [K in FieldName]: Read<z.output<ReturnType<(typeof PROFILE_FIELDS)[K]['schema']>>> };

/** The table in order, each field with the keys that spell it: what {@link parseOne} walks. */
const FIELD_LIST: readonly { readonly name: FieldName; readonly keys: readonly string[]; readonly spec: FieldSpec }[] = FIELD_NAMES.map((name) => ({
  name,
  keys: fieldKeys(name),
  spec: PROFILE_FIELDS[name],
}));
/** Each field's position in {@link FIELD_LIST}. */
const POSITION = Object.fromEntries(FIELD_LIST.map((f, k) => [f.name, k])) as Readonly<Record<FieldName, number>>;

const KNOWN_LIST = FIELD_NAMES.map((name) => fieldKeys(name).join('/')).join(', ');
const SQUASHED = new Map([...KNOWN_KEYS].map((k) => [k.toLowerCase(), k]));

/** `expected` for an unknown field, with a suggestion when only case or separators differ. */
function unknownFieldExpected(key: string): string {
  const guess = SQUASHED.get(key.toLowerCase().replace(/[\s_\-]+/gu, ''));
  return guess !== undefined ? `a known field (did you mean ${quote(guess)}?)` : `a known field (${KNOWN_LIST})`;
}

/** What the whole cohort pass keeps across participants: ids and e-mails seen, issues, warnings. */
interface CohortState {
  readonly firstIndexById: Map<string, number>;
  /** Id in lower case → the first participant with it (index and id as stored), for `id_differs_by_case`. */
  readonly firstByCaseKey: Map<string, { readonly index: number; readonly id: string }>;
  /** Normalised e-mail → the first participant that gave it (index and id). */
  readonly firstByEmail: Map<string, { readonly index: number; readonly id: string | undefined }>;
  readonly issues: ProfileIssue[];
  readonly warnings: ProfileWarning[];
}

/** A participant that parsed, with what the cohort pass needs to resolve its manager. */
interface Parsed {
  readonly participant: Participant;
  readonly index: number;
  /** The key that spelt `managerId`. */
  readonly managerKey: string | undefined;
}

const LANGUAGE_EXPECTED = 'a language name (English, Deutsch, français, 中文, …) or an ISO 639-1 code (en, de, pt-BR, …)';

/** Where one participant's issue and warning drafts are collected. */
interface Drafts {
  readonly issues: IssueDraft[];
  readonly warnings: WarningDraft[];
}

/** Parses one participant object; pushes its issues and warnings, and returns the participant when it has no issue. */
function parseOne(raw: Record<string, unknown>, index: number, opts: Resolved, state: CohortState): Parsed | undefined {
  const drafts: Drafts = { issues: [], warnings: [] };
  // Each field as read, by its position in FIELD_LIST; `get` types one by name.
  const reads: Read<unknown>[] = new Array<Read<unknown>>(FIELD_LIST.length);
  const get = <K extends FieldName>(name: K): Reads[K] => reads[POSITION[name]] as Reads[K];

  // id first: it labels every other issue of this participant.
  reads[POSITION.id] = readField(raw, POSITION.id, opts, drafts);
  const id = get('id');
  const idValue = id.state === 'ok' ? id.value : undefined;
  if (idValue !== undefined) checkId(idValue, index, state, drafts);
  if (!opts.allowUnknownFields) {
    for (const key of Object.keys(raw)) {
      if (!KNOWN_KEYS.has(key)) drafts.issues.push({ code: 'unknown_field', path: [key], expected: unknownFieldExpected(key), found: `an unknown field ${quote(key)}` });
    }
  }
  for (let f = 0; f < FIELD_LIST.length; f++) if (f !== POSITION.id) reads[f] = readField(raw, f, opts, drafts);
  crossFieldChecks(raw, get, idValue, index, state, drafts);

  const who = idValue ?? index;
  for (const w of drafts.warnings) state.warnings.push(toWarning(w, who, index));
  if (drafts.issues.length > 0) {
    for (const d of drafts.issues) state.issues.push(toIssue(d, who, index));
    return undefined;
  }

  // Every field stored in table order into a fresh object, present or not: all participants
  // then share one hidden class, as with an object literal (a copied template, or only the
  // present fields, made scoring them ~10% slower).
  const participant: Record<string, unknown> = {};
  for (let f = 0; f < FIELD_LIST.length; f++) {
    const r = reads[f]!;
    const { name, spec } = FIELD_LIST[f]!;
    participant[name] = r.state !== 'ok' ? spec.absent : spec.value === undefined ? r.value : spec.value(r.value);
  }
  return { participant: Object.freeze(participant) as unknown as Participant, index, managerKey: get('managerId').key };
}

/** Reads the field at position `f` of {@link FIELD_LIST} from `raw` (one of its keys; a comma list read as `;` with a warning). */
function readField(raw: Record<string, unknown>, f: number, opts: Resolved, drafts: Drafts): Read<unknown> {
  const { name, keys, spec } = FIELD_LIST[f]!;
  let used: string | undefined;
  for (const k of keys) {
    if (!Object.hasOwn(raw, k) || raw[k] === undefined || raw[k] === null) continue;
    if (used === undefined) used = k;
    else drafts.issues.push({ code: 'conflicting_fields', path: [k], expected: `only one of ${keys.join(', ')}`, found: `both ${used} and ${k}` });
  }
  if (used === undefined) {
    if (spec.required !== undefined) drafts.issues.push({ code: 'missing_field', path: [name], expected: spec.required, found: 'nothing' });
    return ABSENT;
  }
  let input = raw[used];
  if (spec.kind === 'list' && typeof input === 'string' && !input.includes(';') && input.includes(',')) {
    const items = input.split(',');
    drafts.warnings.push({
      code: 'comma_separated_list',
      path: [used],
      expected: "list items separated by ';'",
      found: quote(input),
      outcome: `read as ${items.length} items (${items.map((i) => quote(i.trim())).join(', ')}) — separate list items with ';'`,
    });
    input = items.join(';');
  }
  const r = opts.schemas[f]!.safeParse(input, { reportInput: true });
  if (r.success) return { state: 'ok', key: used, value: r.data };
  drafts.issues.push(...fromZodIssues(r.error.issues, [used]));
  return { state: 'invalid', key: used };
}

/** An id already used is `duplicate_id`; one equal to an earlier id up to case, a warning. Records the id. */
function checkId(idValue: string, index: number, state: CohortState, drafts: Drafts): void {
  const first = state.firstIndexById.get(idValue);
  if (first !== undefined) {
    drafts.issues.push({ code: 'duplicate_id', path: ['id'], expected: 'an id not used by another participant', found: `${quote(idValue)}, already the id of the participant at index ${first}` });
    return;
  }
  state.firstIndexById.set(idValue, index);
  const key = caseKey(idValue);
  const same = state.firstByCaseKey.get(key);
  if (same === undefined) {
    state.firstByCaseKey.set(key, { index, id: idValue });
    return;
  }
  drafts.warnings.push({
    code: 'id_differs_by_case',
    path: ['id'],
    expected: 'ids that differ by more than case',
    found: `${quote(idValue)}, which differs only by case from ${quote(same.id)}, the id of the participant at index ${same.index}`,
    outcome: `kept as a different person from ${quote(same.id)}; if they are one person, spell the id the same way`,
  });
}

/** Checks across fields: a role, a time zone with availability, not one's own manager, a unique e-mail, unknown languages. */
function crossFieldChecks(raw: Record<string, unknown>, get: <K extends FieldName>(name: K) => Reads[K], idValue: string | undefined, index: number, state: CohortState, drafts: Drafts): void {
  const roles = get('roles');
  const timeZone = get('timeZone');
  const availability = get('availability');
  const managerId = get('managerId');
  const email = get('email');
  const languages = get('languages');
  if (roles.state === 'absent' || (roles.state === 'ok' && roles.value.length === 0)) {
    drafts.issues.push({
      code: 'no_role',
      path: [roles.key ?? 'roles'],
      expected: "a role: 'mentor', 'mentee', 'both' or 'peer'",
      found: roles.key === undefined ? 'nothing' : describeValue(raw[roles.key]),
    });
  }
  const hasSlots = availability.state === 'invalid' || (availability.state === 'ok' && availability.value.length > 0);
  const noZone = timeZone.state === 'absent' || (timeZone.state === 'ok' && timeZone.value === undefined);
  if (hasSlots && noZone) {
    drafts.issues.push({
      code: 'missing_time_zone',
      path: [timeZone.key ?? 'timeZone'],
      expected: 'an IANA time zone, required when availability is given',
      found: timeZone.key === undefined ? 'nothing' : describeValue(raw[timeZone.key]),
    });
  }
  if (idValue !== undefined && managerId.state === 'ok' && managerId.value === idValue) {
    drafts.issues.push({ code: 'self_manager', path: [managerId.key], expected: "another participant's id (or an external manager)", found: `${quote(idValue)}, the participant's own id` });
  }
  const emailValue = email.state === 'ok' ? email.value : undefined;
  if (emailValue !== undefined) {
    if (managerId.state === 'ok' && managerId.value !== undefined && normalizeEmail(managerId.value) === emailValue) {
      drafts.issues.push({ code: 'self_manager', path: [managerId.key], expected: "another participant's id or e-mail (or an external manager)", found: `${quote(managerId.value)}, the participant's own e-mail` });
    }
    const first = state.firstByEmail.get(emailValue);
    if (first !== undefined) {
      drafts.issues.push({ code: 'duplicate_email', path: [email.key ?? 'email'], expected: 'an e-mail not used by another participant', found: `${quote(emailValue)}, already the e-mail of the participant at index ${first.index}` });
    } else state.firstByEmail.set(emailValue, { index, id: idValue });
  }
  if (languages.state === 'ok') {
    for (const u of languages.value.unknown) {
      drafts.warnings.push({ code: 'unknown_language', path: [languages.key, u.index], expected: LANGUAGE_EXPECTED, found: quote(u.value), outcome: `kept as the tag ${quote(u.tag)}, which matches only the same word` });
    }
  }
}

const ABSENT: Read<never> = Object.freeze({ state: 'absent', key: undefined });

/**
 * The cohort pass over managers: a `managerId` that is no participant's id but some
 * participant's e-mail (case-insensitive) becomes that participant's id, so the
 * reporting-line rule follows it. A `managerId` that looks like an e-mail and names
 * nobody gets an `unknown_manager` warning; any other unknown value is an external
 * manager, as documented.
 */
function resolveManagers(parsed: readonly Parsed[], state: CohortState): Participant[] {
  return parsed.map(({ participant: p, index, managerKey }) => {
    const m = p.managerId;
    if (m === undefined || state.firstIndexById.has(m)) return p;
    const owner = state.firstByEmail.get(normalizeEmail(m));
    if (owner?.id !== undefined) return Object.freeze({ ...p, managerId: owner.id });
    if (m.includes('@')) {
      const draft: WarningDraft = {
        code: 'unknown_manager',
        path: [managerKey ?? 'managerId'],
        expected: "a participant's id or e-mail",
        found: quote(m),
        outcome: "no participant has this e-mail, so it is kept as an external manager and the reporting-line rule cannot follow it (add the e-mail to the manager's own profile, or give their id)",
      };
      state.warnings.push(toWarning(draft, p.id, index));
    }
    return p;
  });
}

/**
 * Validates and normalises participant profiles, returning every issue instead of
 * throwing. Same rules as {@link parseParticipants}.
 *
 * @param input - anything (usually `JSON.parse` of an HR export): must be an array of participant objects.
 * @param options - {@link ParseOptions}.
 * @returns `{ success: true, data }` with the frozen participants in input order, or
 *   `{ success: false, issues }` with every {@link ProfileIssue}, ordered by participant index;
 *   both with `warnings` ({@link ProfileWarning}: values read, but perhaps not as meant),
 *   ordered by participant index. Warnings never make `success` false.
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
 *
 * const ok = safeParseParticipants([{ id: 'b', role: 'mentor', skillsOffered: 'Kubernetes, Go', languages: 'EN; Klingon' }]);
 * ok.success;                          // true
 * ok.warnings.map((w) => `${w.field} ${w.code}`);
 * // ['skillsOffered comma_separated_list', 'languages[1] unknown_language']
 * ```
 */
export function safeParseParticipants(input: unknown, options?: ParseOptions): SafeParseParticipantsResult {
  const opts = resolveOptions(options);
  if (!Array.isArray(input)) {
    const issue = toIssue({ code: 'invalid_type', path: [], expected: 'an array of participant objects', found: describeValue(input) }, -1, -1);
    return Object.freeze({ success: false, issues: Object.freeze([issue]), warnings: NO_WARNINGS });
  }
  const state: CohortState = { firstIndexById: new Map(), firstByCaseKey: new Map(), firstByEmail: new Map(), issues: [], warnings: [] };
  const parsed: Parsed[] = [];
  for (let i = 0; i < input.length; i++) {
    const raw: unknown = input[i];
    if (!isRecordObject(raw)) {
      state.issues.push(toIssue({ code: 'invalid_type', path: [], expected: 'a participant object', found: describeValue(raw) }, i, i));
      continue;
    }
    const p = parseOne(raw, i, opts, state);
    if (p !== undefined) parsed.push(p);
  }
  const data = resolveManagers(parsed, state);
  const warnings = Object.freeze(state.warnings.sort((a, b) => a.index - b.index)); // stable: field order within a participant
  if (state.issues.length > 0) return Object.freeze({ success: false, issues: Object.freeze(state.issues), warnings });
  return Object.freeze({ success: true, data: Object.freeze(data), warnings });
}

const NO_WARNINGS: readonly ProfileWarning[] = Object.freeze([]);

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
 * | `id` | string (NFC, zero-width characters U+200B–U+200D, U+2060, U+FEFF removed, trimmed; case kept) or safe integer (→ string); required, unique after that normalisation | `missing_field`, `empty_value`, `invalid_value`, `duplicate_id` (on each later duplicate, naming the first index); warning `id_differs_by_case` (naming the first index) |
 * | `name` | string, NFC, trimmed; blank = absent | `invalid_type` |
 * | `role` / `roles` | `'mentor'`, `'mentee'`, `'both'`, `'peer'` (any case), a list of them; both/peer = mentor + mentee; result in order mentor, mentee | `invalid_value`, `no_role` |
 * | `skillsOffered`, `skillsWanted` | list of `'python'`, `'python:4'` (split at the last colon), `{ name, level }`; level integer 1–5; a repeated skill is merged, keeping its first position and the higher level | `out_of_range`, `empty_value`, `missing_field`, `unknown_field` |
 * | `goals`, `interests` | list of strings | `empty_value`, `invalid_type` |
 * | `languages` | list of language names or codes, each resolved with `resolveLanguage` (`EN`, `Englisch`, `anglais` → `english`) | `empty_value`, `invalid_type`; warning `unknown_language` (kept as a tag) |
 * | `department`, `location` | string or number, stored normalised; blank = absent | `invalid_type` |
 * | `managerId` | like `id`; may name someone outside the input; blank = absent; a participant's e-mail (any case) is stored as that participant's id | `self_manager` (own id or own e-mail); warning `unknown_manager` (an e-mail that names nobody) |
 * | `email` | string with one `@` and no spaces, stored trimmed and lower case; blank = absent; unique | `invalid_email`, `duplicate_email` |
 * | `seniority` | finite number, numeric string, or a word of {@link SENIORITY_LEVELS} or `options.seniorityLevels` (any case) | `invalid_type`, `unknown_seniority` (listing the words) |
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
 * A list field given as one string with `,` and no `;` (`"Kubernetes, Go"`) is split at the
 * commas, with a `comma_separated_list` warning. Warnings ({@link ProfileWarning}) never
 * fail the parse; `parseParticipants` does not return them — use
 * {@link safeParseParticipants}, whose result carries `warnings`.
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
