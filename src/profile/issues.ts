/**
 * Profile issues: the stable codes, and the small (internal) helpers that turn zod's issues (and our
 * own checks) into {@link ProfileIssue}s that name the participant, the field, what was
 * expected and what was found.
 *
 * @module
 */
import type { z } from 'zod';

import type { ProfileIssue } from '../errors.js';

/**
 * Every `code` a {@link ProfileIssue} from `parseParticipants` can carry. Branch on these,
 * never on the message wording.
 *
 * | code | meaning |
 * | --- | --- |
 * | `invalid_type` | wrong kind of value (a number where a string list belongs, a nested object in `attributes`, input not an array, …) |
 * | `missing_field` | a required field is absent (`id`, a skill object's `name`) |
 * | `empty_value` | a string that is empty after normalisation (an id, a tag, a trait or attribute name) |
 * | `invalid_value` | right type, value not allowed (a role such as `"boss"`, a fractional numeric id) |
 * | `out_of_range` | a number outside its allowed set: level not an integer 1–5, trait outside its range, negative or fractional capacity, `capacity.min` above `capacity.max`, `maxMentors` < 1 |
 * | `duplicate_id` | the id was already used by an earlier participant (reported on each later one) |
 * | `duplicate_key` | two keys of `personality` or `attributes` normalise to the same name |
 * | `no_role` | the participant is neither mentor nor mentee |
 * | `self_manager` | `managerId` equals the participant's own id |
 * | `unknown_time_zone` | not an IANA time zone this runtime knows |
 * | `missing_time_zone` | availability given without a time zone |
 * | `invalid_slot` | an availability entry that `parseSlot` rejects |
 * | `unknown_trait` | a personality trait not declared in `options.traits` |
 * | `unknown_field` | a field the schema does not know (top level or inside a skill / capacity object) |
 * | `conflicting_fields` | two aliases of one field are both given (`role` and `roles`, `timeZone` and `tz`, …) |
 *
 * @example
 * ```ts
 * const r = safeParseParticipants([{ id: 'a', role: 'mentor', tz: 'Mars/Olympus' }]);
 * if (!r.success) r.issues[0].code; // 'unknown_time_zone'
 * ```
 */
export type ProfileIssueCode =
  | 'invalid_type'
  | 'missing_field'
  | 'empty_value'
  | 'invalid_value'
  | 'out_of_range'
  | 'duplicate_id'
  | 'duplicate_key'
  | 'no_role'
  | 'self_manager'
  | 'unknown_time_zone'
  | 'missing_time_zone'
  | 'invalid_slot'
  | 'unknown_trait'
  | 'unknown_field'
  | 'conflicting_fields';

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
 * Adds one of our issues to a zod transform's context, `path` relative to the value being
 * transformed. zod prefixes the path of every enclosing array or object on the way out.
 * Internal.
 *
 * @example
 * ```ts
 * z.number().transform((n, ctx) => {
 *   if (n < 0) flag(ctx, 'out_of_range', 'an integer ≥ 0', String(n));
 *   return n;
 * });
 * ```
 */
export function flag(
  ctx: z.core.$RefinementCtx,
  code: ProfileIssueCode,
  expected: string,
  found: string,
  path: readonly PropertyKey[] = [],
): void {
  const params: DraftParams = { code, expected, found };
  ctx.addIssue({ code: 'custom', message: `expected ${expected}, found ${found}`, params, path: [...path] });
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
  const who =
    index < 0 ? 'input' : typeof participant === 'string' ? `participant ${quote(participant)} (index ${index})` : `participant at index ${index}`;
  const where = field === '' ? who : `${who}, field ${field}`;
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
