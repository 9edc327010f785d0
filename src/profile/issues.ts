/**
 * Profile issues: the stable codes, and the small (internal) helpers that turn zod's issues (and our
 * own checks) into {@link ProfileIssue}s that name the participant, the field, what was
 * expected and what was found.
 *
 * @module
 */
import type * as z from 'zod/mini';

/**
 * Every `code` a {@link ProfileIssue} from `parseParticipants` can carry, with what it
 * means. Branch on the codes ({@link ProfileIssueCode}), never on the message wording.
 *
 * @example
 * ```ts
 * const r = safeParseParticipants([{ id: 'a', role: 'mentor', tz: 'Mars/Olympus' }]);
 * if (!r.success) r.issues[0].code; // 'unknown_time_zone'
 * PROFILE_ISSUE_CODES.unknown_time_zone; // 'not an IANA time zone this runtime knows'
 * ```
 */
export const PROFILE_ISSUE_CODES = {
  invalid_type: 'wrong kind of value (a number where a string list belongs, a nested object in `attributes`, input not an array, …)',
  missing_field: "a required field is absent (`id`, a skill object's `name`)",
  empty_value: 'a string that is empty after normalisation (an id, a tag, a trait or attribute name)',
  invalid_value: 'right type, value not allowed (a role such as `"boss"`, a fractional numeric id)',
  out_of_range:
    'a number outside its allowed set: level not an integer 1–5, trait outside its range, negative or fractional capacity, `capacity.min` above `capacity.max`, `maxMentors` < 1',
  duplicate_id: 'the id was already used by an earlier participant (reported on each later one)',
  duplicate_key: 'two keys of `personality` or `attributes` normalise to the same name',
  no_role: 'the participant is neither mentor nor mentee',
  self_manager: "`managerId` equals the participant's own id (or own e-mail)",
  unknown_time_zone: 'not an IANA time zone this runtime knows',
  missing_time_zone: 'availability given without a time zone',
  invalid_slot: 'an availability entry that `parseSlot` rejects',
  unknown_trait: 'a personality trait not declared in `options.traits`',
  unknown_field: 'a field the schema does not know (top level or inside a skill / capacity object)',
  conflicting_fields: 'two aliases of one field are both given (`role` and `roles`, `timeZone` and `tz`, …)',
  unknown_seniority: 'a seniority word that is neither in `SENIORITY_LEVELS` nor in `options.seniorityLevels` (the issue lists the accepted words)',
  invalid_email: 'an `email` without exactly one `@` with text on both sides, or with spaces',
  duplicate_email: 'the e-mail was already given by an earlier participant (case-insensitive; reported on each later one)',
} as const;

/**
 * One of the keys of {@link PROFILE_ISSUE_CODES}: the `code` of a {@link ProfileIssue}.
 *
 * @example
 * ```ts
 * function hint(code: ProfileIssueCode): string {
 *   switch (code) {
 *     case 'unknown_time_zone': return 'use an IANA name such as Europe/Berlin';
 *     // case 'unknown_timezone': … does not compile: not a ProfileIssueCode
 *     default: return PROFILE_ISSUE_CODES[code];
 *   }
 * }
 * ```
 */
export type ProfileIssueCode = keyof typeof PROFILE_ISSUE_CODES;

/**
 * Every `code` a {@link ProfileWarning} can carry, with what it means: the value was read,
 * but perhaps not as meant. Warnings never keep a participant out.
 *
 * @example
 * ```ts
 * const r = safeParseParticipants([{ id: 'a', role: 'mentee', languages: 'Klingon' }]);
 * r.warnings[0].code; // 'unknown_language'
 * ```
 */
export const PROFILE_WARNING_CODES = {
  comma_separated_list:
    'a list field given as one string with `,` and no `;` (`"Kubernetes, Go"`): split at the commas, as if written with `;`',
  unknown_language: 'a language that is neither a known name nor a code (`Klingon`): kept as an ordinary tag, so it matches only the same word',
  id_differs_by_case:
    'an id that differs only by case from an earlier participant\'s (`ANA` after `ana`): kept as a different person (ids are compared with case), named with both participants',
  unknown_manager:
    "a `managerId` that looks like an e-mail (has an `@`) but is no participant's id or e-mail: kept as an external manager, so the reporting-line rule cannot follow it",
} as const;

/**
 * One of the keys of {@link PROFILE_WARNING_CODES}: the `code` of a {@link ProfileWarning}.
 *
 * @example
 * ```ts
 * const code: ProfileWarningCode = 'comma_separated_list';
 * ```
 */
export type ProfileWarningCode = keyof typeof PROFILE_WARNING_CODES;

/**
 * One problem found in participant profiles: which participant (id, or index when the
 * id itself is missing or invalid), which field, what was expected and what was found.
 * (Also exported from `errors.ts`, next to {@link ProfileError}.)
 *
 * @example
 * ```ts
 * const issue: ProfileIssue = safeParseParticipants([{ id: 'a', role: 'mentor', capacity: -1 }]).issues[0];
 * issue.code;  // 'out_of_range'
 * issue.field; // 'capacity'
 * ```
 */
export interface ProfileIssue {
  /** Stable machine-readable kind, e.g. `duplicate_id`, `unknown_time_zone`, `invalid_slot`: one of {@link PROFILE_ISSUE_CODES}. */
  readonly code: ProfileIssueCode;
  /** Participant id when known, else its index in the input. */
  readonly participant: string | number;
  /** Index of the participant in the input (0-based). */
  readonly index: number;
  /** Field path, e.g. `skillsWanted[2].level` or `availability[0]`. */
  readonly field: string;
  readonly expected: string;
  readonly found: string;
  /** One readable line naming all of the above. */
  readonly message: string;
}

/**
 * A value that was read, but perhaps not as its author meant: a comma-separated list, an
 * unknown language, a manager e-mail that names nobody. Like a {@link ProfileIssue} it
 * names the participant, the field, what was expected and what was found; `outcome` says
 * what the parser did with the value. `safeParseParticipants` returns them in `warnings`.
 *
 * @example
 * ```ts
 * const w: ProfileWarning = safeParseParticipants([{ id: 'a', role: 'mentor', skillsOffered: 'Kubernetes, Go' }]).warnings[0];
 * w.outcome; // 'read as 2 items ("Kubernetes", "Go") — separate list items with \';\''
 * w.message;
 * // participant "a" (index 0), field skillsOffered: expected list items separated by ';', found "Kubernetes, Go";
 * // read as 2 items ("Kubernetes", "Go") — separate list items with ';' [comma_separated_list]
 * ```
 */
export interface ProfileWarning extends Omit<ProfileIssue, 'code'> {
  readonly severity: 'warning';
  /** One of {@link PROFILE_WARNING_CODES}. */
  readonly code: ProfileWarningCode;
  /** What was done with the value, e.g. `read as 2 items ("Kubernetes", "Go")`. */
  readonly outcome: string;
}

/**
 * A warning before it is attached to a participant. Internal.
 *
 * @example
 * ```ts
 * const d: WarningDraft = { code: 'unknown_language', path: ['languages', 0], expected: 'a language', found: '"Klingon"', outcome: 'kept as the tag "klingon"' };
 * ```
 */
export interface WarningDraft {
  readonly code: ProfileWarningCode;
  readonly path: readonly PropertyKey[];
  readonly expected: string;
  readonly found: string;
  readonly outcome: string;
}

/**
 * An issue before it is attached to a participant: code, path inside the participant,
 * expected, found. Internal.
 *
 * @example
 * ```ts
 * const d: IssueDraft = { code: 'out_of_range', path: ['capacity'], expected: 'an integer ≥ 0', found: '-1' };
 * ```
 */
export interface IssueDraft {
  readonly code: ProfileIssueCode;
  readonly path: readonly PropertyKey[];
  readonly expected: string;
  readonly found: string;
}

/** What our own checks put in a zod `custom` issue's `params`. */
interface DraftParams {
  readonly code: ProfileIssueCode;
  readonly expected: string;
  readonly found: string;
}

/**
 * Adds one of our issues to a zod transform's context (zod/mini hands a transform its
 * parse payload), `path` relative to the value being transformed. zod prefixes the path
 * of every enclosing array or object on the way out. Internal.
 *
 * @example
 * ```ts
 * z.pipe(z.number(), z.transform((n: number, ctx) => {
 *   if (n < 0) flag(ctx, 'out_of_range', 'an integer ≥ 0', String(n));
 *   return n;
 * }));
 * ```
 */
export function flag(
  ctx: z.core.ParsePayload,
  code: ProfileIssueCode,
  expected: string,
  found: string,
  path: readonly PropertyKey[] = [],
): void {
  const params: DraftParams = { code, expected, found };
  // What classic zod's `ctx.addIssue` pushed: the value transformed as the issue's input.
  ctx.issues.push({ code: 'custom', message: `expected ${expected}, found ${found}`, params, path: [...path], input: ctx.value });
}

/**
 * Converts zod issues to drafts. Our own checks carry their code in `params`; zod's
 * built-in issues take their `expected` text from the schema's `error` (every schema in
 * schema.ts sets one) and their `found` from the input (parse with `reportInput: true`).
 * An `invalid_type` on `undefined` is a `missing_field`; an unrecognised key an
 * `unknown_field`. Internal.
 *
 * @example
 * ```ts
 * const r = z.string({ error: 'a string' }).safeParse(5, { reportInput: true });
 * fromZodIssues(r.error!.issues, ['name']);
 * // [{ code: 'invalid_type', path: ['name'], expected: 'a string', found: '5' }]
 * ```
 */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = []): IssueDraft[] {
  const out: IssueDraft[] = [];
  for (const iss of issues) {
    const path = [...prefix, ...iss.path];
    if (iss.code === 'custom' && isDraftParams(iss.params)) {
      out.push({ code: iss.params.code, path, expected: iss.params.expected, found: iss.params.found });
    } else if (iss.code === 'unrecognized_keys') {
      for (const key of iss.keys) {
        out.push({ code: 'unknown_field', path: [...path, key], expected: iss.message, found: `an unknown field ${quote(key)}` });
      }
    } else if (iss.code === 'invalid_type' || iss.code === 'invalid_union' || iss.code === 'custom') {
      const missing = iss.input === undefined;
      out.push({ code: missing ? 'missing_field' : 'invalid_type', path, expected: iss.message, found: describeValue(iss.input) });
    } else if (iss.code === 'too_small' || iss.code === 'too_big' || iss.code === 'not_multiple_of') {
      out.push({ code: 'out_of_range', path, expected: iss.message, found: describeValue(iss.input) });
    } else {
      out.push({ code: 'invalid_value', path, expected: iss.message, found: describeValue(iss.input) });
    }
  }
  return out;
}

function isDraftParams(p: unknown): p is DraftParams {
  return typeof p === 'object' && p !== null && typeof (p as DraftParams).code === 'string';
}

const MAX_SHOWN = 60;

/**
 * A JSON-quoted string, shortened to 60 characters. Internal.
 *
 * @example
 * ```ts
 * quote('a "b"'); // '"a \\"b\\""'
 * ```
 */
export function quote(s: string): string {
  const short = s.length > MAX_SHOWN ? `${s.slice(0, MAX_SHOWN - 1)}…` : s;
  return JSON.stringify(short);
}

/**
 * A short, safe description of any value for the `found` part of an issue. Never throws
 * (objects are not stringified: a null-prototype object has no `toString`). Internal.
 *
 * @example
 * ```ts
 * describeValue(undefined); // 'nothing'
 * describeValue('x');       // '"x"'
 * describeValue([1, 2]);    // 'an array of 2'
 * ```
 */
export function describeValue(v: unknown): string {
  switch (typeof v) {
    case 'undefined':
      return 'nothing';
    case 'string':
      return quote(v);
    case 'number':
    case 'boolean':
      return String(v);
    case 'bigint':
      return `${v}n`;
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    default:
      if (v === null) return 'null';
      if (Array.isArray(v)) return `an array of ${v.length}`;
      return 'an object';
  }
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/u;

/**
 * Formats a path as `skillsWanted[2].level`: numbers in brackets, identifiers after a dot,
 * any other key as a quoted bracket (`attributes["team size"]`). The first key is written
 * as is, so an unknown top-level field is named exactly as it was spelt. Internal.
 *
 * @example
 * ```ts
 * formatPath(['skillsWanted', 2, 'level']);  // 'skillsWanted[2].level'
 * formatPath(['attributes', 'team size']);   // 'attributes["team size"]'
 * ```
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  path.forEach((seg, k) => {
    if (typeof seg === 'number') out += `[${seg}]`;
    else {
      const s = typeof seg === 'symbol' ? seg.toString() : seg;
      if (k === 0) out += s;
      else out += IDENTIFIER.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`;
    }
  });
  return out;
}

/**
 * Attaches a draft to a participant (its id when known, else its index) and writes the
 * message. Internal.
 *
 * @example
 * ```ts
 * toIssue({ code: 'out_of_range', path: ['capacity'], expected: 'an integer ≥ 0', found: '-1' }, 'a', 0).message;
 * // 'participant "a" (index 0), field capacity: expected an integer ≥ 0, found -1 [out_of_range]'
 * ```
 */
export function toIssue(draft: IssueDraft, participant: string | number, index: number): ProfileIssue {
  const field = formatPath(draft.path);
  const where = describeWhere(field, participant, index);
  return Object.freeze({
    code: draft.code,
    participant,
    index,
    field,
    expected: draft.expected,
    found: draft.found,
    message: `${where}: expected ${draft.expected}, found ${draft.found} [${draft.code}]`,
  });
}

function describeWhere(field: string, participant: string | number, index: number): string {
  const who =
    index < 0 ? 'input' : typeof participant === 'string' ? `participant ${quote(participant)} (index ${index})` : `participant at index ${index}`;
  return field === '' ? who : `${who}, field ${field}`;
}

/**
 * Attaches a warning draft to a participant and writes the message. Internal.
 *
 * @example
 * ```ts
 * toWarning({ code: 'unknown_language', path: ['languages', 0], expected: 'a language name or code', found: '"Klingon"', outcome: 'kept as the tag "klingon"' }, 'a', 0).message;
 * // 'participant "a" (index 0), field languages[0]: expected a language name or code, found "Klingon"; kept as the tag "klingon" [unknown_language]'
 * ```
 */
export function toWarning(draft: WarningDraft, participant: string | number, index: number): ProfileWarning {
  const field = formatPath(draft.path);
  return Object.freeze({
    severity: 'warning',
    code: draft.code,
    participant,
    index,
    field,
    expected: draft.expected,
    found: draft.found,
    outcome: draft.outcome,
    message: `${describeWhere(field, participant, index)}: expected ${draft.expected}, found ${draft.found}; ${draft.outcome} [${draft.code}]`,
  });
}
