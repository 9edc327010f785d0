/**
 * Checks of the arguments of the public functions, run once at each function's entry:
 * a call with `null`, a number, a sparse array or an object of the wrong shape is an
 * {@link InvalidInputError} naming the function and the argument (`match: participants[2]:
 * expected a participant …; found nothing`), never a TypeError from deep inside. Inner
 * code trusts what passed. Internal: never re-exported.
 *
 * @module
 */
import { InvalidInputError } from '../errors.js';
import { describeValue } from '../profile/issues.js';
import type { Participant } from '../profile/types.js';

/** `fn: name: expected …; found …` as an InvalidInputError. */
export function argError(fn: string, name: string, expected: string, value: unknown, details: Record<string, unknown> = {}): InvalidInputError {
  return new InvalidInputError(`${fn}: ${name}: expected ${expected}; found ${describeValue(value)}`, { argument: name, ...details });
}

/** A plain object (not null, not an array). */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * An array without holes. A hole (`[a, , b]`) is reported as `name[k]` holding nothing.
 *
 * @example
 * ```ts
 * requireList([1, , 2], 'match', 'participants', 'participants'); // throws: match: participants[1]: expected …; found nothing
 * ```
 */
export function requireList<T>(v: unknown, fn: string, name: string, what: string): readonly T[] {
  if (!Array.isArray(v)) throw argError(fn, name, `an array of ${what}`, v);
  for (let k = 0; k < v.length; k++) if (!(k in v)) throw argError(fn, `${name}[${k}]`, `one of the ${what} (the array has a hole here)`, undefined, { index: k });
  return v as readonly T[];
}

const PARTICIPANT_LISTS = ['roles', 'skillsOffered', 'skillsWanted', 'goals', 'interests', 'languages', 'availability'] as const;

/**
 * Null when `p` has the shape of a validated participant (an id, and the lists every
 * scorer reads), else the first field that is wrong. A light check, not validation:
 * `parseParticipants` is what makes participants.
 */
function participantProblem(p: unknown): { field: string; value: unknown } | null {
  if (!isRecord(p)) return { field: '', value: p };
  if (typeof p.id !== 'string') return { field: '.id', value: p.id };
  for (const f of PARTICIPANT_LISTS) if (!Array.isArray(p[f])) return { field: `.${f}`, value: p[f] };
  if (!isRecord(p.capacity)) return { field: '.capacity', value: p.capacity };
  return null;
}

/**
 * One participant as `parseParticipants` returns it (its shape, lightly checked).
 *
 * @example
 * ```ts
 * requireParticipant(null, 'places', 'person'); // throws: places: person: expected a participant (from parseParticipants); found null
 * ```
 */
export function requireParticipant(v: unknown, fn: string, name: string): Participant {
  const bad = participantProblem(v);
  if (bad) throw argError(fn, `${name}${bad.field}`, bad.field === '' ? 'a participant (from parseParticipants)' : 'a participant as parseParticipants returns it', bad.value);
  return v as Participant;
}

/**
 * A list of participants as `parseParticipants` returns them: an array without holes of
 * participant-shaped objects.
 *
 * @example
 * ```ts
 * requireParticipants([null], 'match', 'participants'); // throws: match: participants[0]: expected a participant …; found null
 * ```
 */
export function requireParticipants(v: unknown, fn: string, name = 'participants'): readonly Participant[] {
  const list = requireList<unknown>(v, fn, name, 'participants (from parseParticipants)');
  for (let k = 0; k < list.length; k++) requireParticipant(list[k], fn, `${name}[${k}]`);
  return list as readonly Participant[];
}

/**
 * An options object; `undefined` is `{}` when `optional`.
 *
 * @example
 * ```ts
 * requireOptions(null, 'linearSumAssignment', 'options', true); // throws: linearSumAssignment: options: expected an object …; found null
 * ```
 */
export function requireOptions<T extends object>(v: unknown, fn: string, name = 'options', optional = true): T {
  if (v === undefined && optional) return {} as T;
  if (!isRecord(v)) throw argError(fn, name, optional ? 'an object of options, or nothing' : 'an object', v);
  return v as T;
}

/**
 * A string.
 *
 * @example
 * ```ts
 * requireString(42, 'parseCohortCsv', 'text', 'the CSV text'); // throws: parseCohortCsv: text: expected the CSV text (a string); found 42
 * ```
 */
export function requireString(v: unknown, fn: string, name: string, what: string): string {
  if (typeof v !== 'string') throw argError(fn, name, `${what} (a string)`, v);
  return v;
}

/**
 * An integer index in `[0, size)`.
 *
 * @example
 * ```ts
 * requireIndex(NaN, 'explainPair', 'i', 3, 'row'); // throws: explainPair: i: expected a row index, an integer from 0 to 2; found NaN
 * ```
 */
export function requireIndex(v: unknown, fn: string, name: string, size: number, what: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= size) {
    throw argError(fn, name, size === 0 ? `a ${what} index, but there is none` : `a ${what} index, an integer from 0 to ${size - 1}`, v);
  }
  return v;
}

/**
 * A function.
 *
 * @example
 * ```ts
 * requireFunction({}, 'highestFloor', 'solve'); // throws: highestFloor: solve: expected a function; found an object
 * ```
 */
export function requireFunction<F>(v: unknown, fn: string, name: string): F {
  if (typeof v !== 'function') throw argError(fn, name, 'a function', v);
  return v as F;
}
