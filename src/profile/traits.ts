/**
 * Personality traits: the declared ranges (Big Five by default) and the schema that checks
 * a participant's `personality` object against them.
 *
 * @module
 */
import * as z from 'zod/mini';

import { ConfigError } from '../errors.js';
import { describeValue, flag, fromZodIssues, quote } from './issues.js';
import { tagOf } from './memo.js';

/**
 * The declared range of one numeric trait, bounds included.
 *
 * @example
 * ```ts
 * const dominance: TraitRange = { min: 0, max: 10 };
 * ```
 */
export interface TraitRange {
  readonly min: number;
  readonly max: number;
}

/**
 * The traits `parseParticipants` accepts when `options.traits` is not given: the Big Five,
 * each scored 0–100.
 *
 * @example
 * ```ts
 * DEFAULT_TRAITS.openness; // { min: 0, max: 100 }
 * Object.keys(DEFAULT_TRAITS);
 * // ['openness', 'conscientiousness', 'extraversion', 'agreeableness', 'neuroticism']
 * ```
 */
export const DEFAULT_TRAITS: Readonly<Record<string, TraitRange>> = Object.freeze({
  openness: Object.freeze({ min: 0, max: 100 }),
  conscientiousness: Object.freeze({ min: 0, max: 100 }),
  extraversion: Object.freeze({ min: 0, max: 100 }),
  agreeableness: Object.freeze({ min: 0, max: 100 }),
  neuroticism: Object.freeze({ min: 0, max: 100 }),
});

/**
 * Declared traits by normalised name (what {@link resolveTraits} returns). Internal.
 *
 * @example
 * ```ts
 * const table: TraitTable = resolveTraits({ Dominance: { min: 0, max: 10 } }); // Map { 'dominance' => { min: 0, max: 10 } }
 * ```
 */
export type TraitTable = ReadonlyMap<string, TraitRange>;

const traitsOptionSchema = z.record(
  z.string(),
  z.strictObject(
    { min: z.number({ error: 'a finite number' }), max: z.number({ error: 'a finite number' }) },
    { error: (iss) => (iss.code === 'unrecognized_keys' ? 'only min and max' : 'an object { min, max }') },
  ),
  { error: 'an object of trait name → { min, max }' },
);

/**
 * Checks `options.traits` and returns it keyed by normalised name (`normalizeTag`).
 * Internal: `parseParticipants` calls it on `options.traits`.
 * @throws {ConfigError} when a range is not `{ min, max }` with finite `min ≤ max`, or two
 * names normalise to the same trait, or a name is empty after normalisation.
 *
 * @example
 * ```ts
 * resolveTraits(DEFAULT_TRAITS).get('openness'); // { min: 0, max: 100 }
 * resolveTraits({ x: { min: 5, max: 1 } });      // throws ConfigError
 * ```
 */
export function resolveTraits(traits: unknown): TraitTable {
  const r = traitsOptionSchema.safeParse(traits, { reportInput: true });
  if (!r.success) {
    throw new ConfigError(
      fromZodIssues(r.error.issues, ['traits']).map(
        (d) => `options.${d.path.map(String).join('.')}: expected ${d.expected}, found ${d.found}`,
      ),
    );
  }
  const problems: string[] = [];
  const table = new Map<string, TraitRange>();
  for (const key of Object.keys(traits as object)) {
    const range = (traits as Record<string, TraitRange>)[key];
    const name = tagOf(key);
    if (name === '') problems.push(`options.traits: expected a non-empty trait name, found ${quote(key)}`);
    else if (table.has(name)) problems.push(`options.traits: expected one range per trait, found ${quote(key)} twice after normalisation (${quote(name)})`);
    else if (range.min > range.max) {
      problems.push(`options.traits.${key}: expected min ≤ max, found min ${range.min} > max ${range.max}`);
    } else table.set(name, Object.freeze({ min: range.min, max: range.max }));
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return table;
}

const NUMERIC = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/u;

/**
 * Reads a decimal numeric string as a number (CSV exports); anything else is returned
 * unchanged for the type check to judge. Internal.
 *
 * @example
 * ```ts
 * numberish(' 2.5 '); // 2.5
 * numberish('');      // ''
 * numberish('0x10');  // '0x10'
 * ```
 */
export function numberish(v: unknown): unknown {
  return typeof v === 'string' && NUMERIC.test(v) ? Number(v) : v;
}

/**
 * A zod schema: a finite number (or numeric string) for which `ok` holds; otherwise
 * `invalid_type` (not a number) or `out_of_range` (a number `ok` rejects), both saying
 * `expected`. Internal.
 *
 * @example
 * ```ts
 * const level = numberWhere('an integer from 1 to 5', (n) => Number.isInteger(n) && n >= 1 && n <= 5);
 * level.safeParse('4').data; // 4
 * level.safeParse(6).success; // false (out_of_range)
 * ```
 */
export function numberWhere(expected: string, ok: (n: number) => boolean) {
  return preprocess(
    (v: number | string) => numberish(v),
    transformed(z.number({ error: expected }), (n, ctx) => {
      if (!ok(n)) flag(ctx, 'out_of_range', expected, describeValue(n));
      return n;
    }),
  );
}

/**
 * Classic zod's `schema.transform(fn)` in zod/mini: `schema`, then `fn` on its output
 * (`fn` adds issues with `flag`, to the parse payload zod/mini hands it). Internal.
 *
 * @example
 * ```ts
 * const trimmed = transformed(z.string(), (s) => s.trim());
 * trimmed.parse(' a '); // 'a'
 * ```
 */
export function transformed<A extends z.core.SomeType, O>(
  schema: A,
  fn: (value: z.output<A>, ctx: z.core.ParsePayload) => O,
): z.ZodMiniPipe<A, z.ZodMiniTransform<O, z.output<A>>> {
  return z.pipe(schema, z.transform(fn) as z.ZodMiniTransform<O, z.output<A>>);
}

/**
 * Classic zod's `z.preprocess(fn, schema)` in zod/mini: `fn` on the input, then `schema`
 * on what it returns; the input type is `fn`'s parameter. Internal.
 *
 * @example
 * ```ts
 * const count = preprocess((v: number | string) => numberish(v), z.number());
 * count.parse(' 3 '); // 3
 * ```
 */
export function preprocess<I, B extends z.core.$ZodType>(fn: (value: I) => unknown, schema: B): z.ZodMiniPipe<z.ZodMiniTransform<unknown, I>, B> {
  return z.pipe<z.ZodMiniTransform<unknown, I>, B>(z.transform(fn), schema);
}

/**
 * True for an object that is not null and not an array. Internal.
 *
 * @example
 * ```ts
 * isRecordObject({}); // true
 * isRecordObject([]); // false
 * ```
 */
export function isRecordObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The schema of `personality` for a trait table: an object of trait → number. Names are
 * normalised (`normalizeTag`: lower case, trimmed, `-`/`_` as spaces); each value must lie
 * in its trait's range; an undeclared trait is an `unknown_trait` issue, or is dropped when
 * `allowUnknown`; `null` values count as absent. The result has a null prototype and is
 * frozen. Internal.
 *
 * @example
 * ```ts
 * personalitySchema(resolveTraits(DEFAULT_TRAITS), false).safeParse({ Openness: 70 }).data; // { openness: 70 }
 * ```
 */
export function personalitySchema(table: TraitTable, allowUnknown: boolean) {
  const known = table.size === 0 ? 'no traits (none are declared in options.traits)' : `one of ${[...table.keys()].join(', ')}`;
  const ranges = new Map([...table].map(([name, r]) => [name, numberWhere(`a number from ${r.min} to ${r.max}`, (n) => n >= r.min && n <= r.max)]));
  const object = z.custom<Readonly<Record<string, number | string | null>>>(isRecordObject, { error: 'an object of trait name → number' });
  return transformed(object, (obj: Readonly<Record<string, unknown>>, ctx) => {
    const out: Record<string, number> = Object.create(null);
    const seen = new Map<string, string>();
    for (const key of Object.keys(obj)) {
      const name = tagOf(key);
      if (name === '') {
        flag(ctx, 'empty_value', 'a non-empty trait name', quote(key), [key]);
        continue;
      }
      const first = seen.get(name);
      if (first !== undefined) {
        flag(ctx, 'duplicate_key', `one value per trait (${quote(first)} already gives ${quote(name)})`, quote(key), [key]);
        continue;
      }
      seen.set(name, key);
      const schema = ranges.get(name);
      if (schema === undefined) {
        if (!allowUnknown) flag(ctx, 'unknown_trait', known, quote(key), [key]);
        continue;
      }
      const value = obj[key];
      if (value === null || value === undefined) continue;
      const r = schema.safeParse(value, { reportInput: true });
      if (r.success) out[name] = r.data;
      else for (const d of fromZodIssues(r.error.issues, [key])) flag(ctx, d.code, d.expected, d.found, d.path);
    }
    return Object.freeze(out) as Readonly<Record<string, number>>;
  });
}
