/**
 * zod's issues, in words: one line per problem of a config, `path: expected …; found …`,
 * with a "did you mean" for near misses. Shared by `resolveConfig` and `splitConfig`, so
 * both say things the same way. Private: the public surface is `ConfigError.issues`.
 *
 * @module
 */
import type * as z from 'zod/mini';
import { $ZodArray, $ZodDefault, $ZodNullable, $ZodObject, $ZodOptional, $ZodPipe, $ZodRecord, $ZodTuple, $ZodUnion, type $ZodType } from 'zod/v4/core';

import { nearMiss } from './near-miss.js';

/**
 * zod's per-parse error map: what was expected, in words (`a number ≥ 0`). Messages a
 * schema sets itself (`'an ISO date YYYY-MM-DD'`) take precedence, so they are written
 * the same way: as what is expected.
 *
 * @example
 * ```ts
 * schema.safeParse(input, { error: expectedPhrase });
 * ```
 */
export function expectedPhrase(iss: z.core.$ZodRawIssue): string {
  switch (iss.code) {
    case 'invalid_type':
      return TYPE_WORDS[iss.expected] ?? `a value of type ${iss.expected}`;
    case 'too_small':
      return boundPhrase(iss.origin, iss.inclusive !== false ? '≥' : '>', Number(iss.minimum), 'at least');
    case 'too_big':
      return boundPhrase(iss.origin, iss.inclusive !== false ? '≤' : '<', Number(iss.maximum), 'at most');
    case 'invalid_value':
      return iss.values.length <= 2 ? orList(iss.values.map(show)) : `one of ${orList(iss.values.map(show))}`;
    case 'invalid_format':
      return iss.format === 'regex' && 'pattern' in iss ? `text matching ${String(iss.pattern)}` : `text in ${iss.format} format`;
    case 'invalid_union':
      return 'a value of one of the accepted forms';
    default:
      return 'a valid value';
  }
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text (a string)',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  tuple: 'a list',
  date: 'a date',
};

function boundPhrase(origin: string, op: string, bound: number, words: string): string {
  if (origin === 'array' || origin === 'set') return `a list of ${words} ${bound} item${bound === 1 ? '' : 's'}`;
  if (origin === 'string') return bound === 1 && words === 'at least' ? 'non-empty text' : `text of ${words} ${bound} characters`;
  return `a number ${op} ${bound}`;
}

/**
 * The problems of one `safeParse`, one line each, in words: `path: expected …; found …`
 * (issues on one path merged), and `path: unknown key; did you mean 'x'?` for each key
 * the schema does not know (`__proto__` left out: the caller reports own `__proto__`
 * keys, which zod's records drop).
 *
 * @param issues - zod's issues (from a parse with {@link expectedPhrase}).
 * @param input - What was parsed, to say what was found.
 * @param schema - The schema, to list the keys known where an unknown one is.
 * @param alsoKnown - Top-level keys known elsewhere (the match options, for the scoring part).
 * @returns One line per problem.
 *
 * @example
 * ```ts
 * const r = schema.safeParse({ weights: { goals: -1 } }, { error: expectedPhrase });
 * configProblems(r.error.issues, input, schema); // ['weights.goals: expected a number ≥ 0; found -1']
 * ```
 */
export function configProblems(issues: readonly z.core.$ZodIssue[], input: unknown, schema: $ZodType, alsoKnown: readonly string[] = []): string[] {
  const out: string[] = [];
  const byPath = new Map<string, { path: readonly PropertyKey[]; expected: string[] }>();
  for (const i of issues) {
    if (i.code === 'unrecognized_keys') {
      const known = [...knownKeys(schema, i.path), ...(i.path.length === 0 ? alsoKnown : [])];
      for (const key of i.keys) if (key !== '__proto__') out.push(unknownKeyLine([...i.path, key], key, known));
      continue;
    }
    const at = formatPath(i.path);
    const entry = byPath.get(at) ?? { path: i.path, expected: [] };
    if (!entry.expected.includes(i.message)) entry.expected.push(i.message);
    byPath.set(at, entry);
  }
  for (const [at, { path, expected }] of byPath) {
    const found = valueAt(input, path);
    const values = issues.find((i) => i.code === 'invalid_value' && formatPath(i.path) === at);
    const hint = typeof found === 'string' && values?.code === 'invalid_value' ? nearMiss(found, values.values.filter((v): v is string => typeof v === 'string')) : undefined;
    out.push(`${at}: expected ${expected.join(' and ')}; found ${describeFound(found)}${hint === undefined ? '' : `; did you mean '${hint}'?`}`);
  }
  return out;
}

/**
 * The line for a key no schema knows: a "did you mean" when one known key is near (with
 * the known keys when there are at most 12), else the keys known there.
 *
 * @example
 * ```ts
 * unknownKeyLine(['skils'], 'skils', ['skills', 'goals']); // "skils: unknown key; did you mean 'skills'?"
 * ```
 */
export function unknownKeyLine(path: readonly PropertyKey[], key: string, known: readonly string[], noun = 'key', note = ''): string {
  const hint = nearMiss(key, known);
  const list = known.length > 0 ? `expected one of ${known.join(', ')}${note}` : `no keys are expected here${note}`;
  const suggestion = hint === undefined ? list : known.length > 12 ? `did you mean '${hint}'?` : `did you mean '${hint}'? (${list})`;
  return `${formatPath(path)}: unknown ${noun}; ${suggestion}`;
}

/**
 * A path as written in messages: `weights.goals`, `custom[0].attribute`, `(config)` for
 * the whole config.
 *
 * @example
 * ```ts
 * formatPath(['custom', 0, 'attribute']); // 'custom[0].attribute'
 * ```
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s === '' ? String(p) : `.${String(p)}`;
  return s === '' ? '(config)' : s;
}

/**
 * A value found in a config, in words: numbers and booleans as written, text quoted (cut
 * at 60 characters), `a list of 3`, `an object`, `nothing` for a missing value.
 *
 * @example
 * ```ts
 * describeFound(-1);     // '-1'
 * describeFound('hi');   // '"hi"'
 * describeFound([1, 2]); // 'a list of 2'
 * ```
 */
export function describeFound(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v);
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (Array.isArray(v)) return v.length === 0 ? 'an empty list' : `a list of ${v.length}`;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'an invalid date' : v.toISOString();
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/** The value at a path of the input (own properties only). */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const p of path) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, p)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

/** The keys an object schema knows at a path (the object options of a union together). */
function knownKeys(schema: $ZodType, path: readonly PropertyKey[]): string[] {
  let s: $ZodType | undefined = schema;
  for (const p of path) {
    s = unwrap(s);
    if (s instanceof $ZodObject) s = (s._zod.def.shape as Record<string, $ZodType>)[String(p)];
    else if (s instanceof $ZodArray) s = s._zod.def.element;
    else if (s instanceof $ZodRecord) s = s._zod.def.valueType;
    else if (s instanceof $ZodTuple) s = s._zod.def.items[Number(p)];
    else return [];
    if (s === undefined) return [];
  }
  s = unwrap(s);
  const objects = s instanceof $ZodUnion ? s._zod.def.options.map(unwrap) : [s];
  return [...new Set(objects.flatMap((o) => (o instanceof $ZodObject ? Object.keys(o._zod.def.shape) : [])))];
}

function unwrap(s: $ZodType): $ZodType {
  for (;;) {
    if (s instanceof $ZodOptional || s instanceof $ZodNullable || s instanceof $ZodDefault) s = s._zod.def.innerType;
    else if (s instanceof $ZodPipe) s = s._zod.def.in;
    else return s;
  }
}

/** 'a', 'b' or 'c'. */
function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function show(v: unknown): string {
  return typeof v === 'string' ? `'${v}'` : String(v);
}
