/**
 * Seniority as a number or as a word: the default table of job-level words
 * ({@link SENIORITY_LEVELS}), a caller's own words on top of it (`IC1`, `M2`, …), and the
 * schema of the `seniority` field.
 *
 * @module
 */
import * as z from 'zod/mini';

import { ConfigError } from '../errors.js';
import { describeValue, flag, quote } from './issues.js';
import { tagOf } from './memo.js';
import { isRecordObject, numberish, transformed } from './traits.js';

/**
 * The seniority words `parseParticipants` reads as levels, and the level of each (larger
 * = more senior). Words are compared after tag normalisation (`normalizeTag`: any case,
 * `-`, `_` and spaces alike, so `Entry-Level`, `C-level` and `Vice President` are found).
 * The table is monotone: every word of a level is more senior than every word of the
 * level before.
 *
 * | level | words |
 * | ---: | --- |
 * | 0 | intern, trainee, apprentice, student |
 * | 1 | junior, entry, entry level, graduate |
 * | 2 | associate, mid, mid level, intermediate, regular |
 * | 3 | senior |
 * | 4 | lead, team lead, tech lead, staff, principal, manager |
 * | 5 | director, head |
 * | 6 | vp, vice president, svp, evp |
 * | 7 | executive, c level, c suite, chief, cxo |
 *
 * Numbers keep working (`3`, `"3"`, `"2.5"`) and may be mixed with words. A company's own
 * grades (`IC1`, `M2`) are added with `ParseOptions.seniorityLevels`, or in a cohort CSV
 * with a value mapping on the seniority column.
 *
 * @example
 * ```ts
 * SENIORITY_LEVELS.junior;   // 1
 * SENIORITY_LEVELS.senior;   // 3
 * SENIORITY_LEVELS['vice president']; // 6
 * ```
 */
export const SENIORITY_LEVELS: Readonly<Record<string, number>> = Object.freeze({
  intern: 0,
  trainee: 0,
  apprentice: 0,
  student: 0,
  junior: 1,
  entry: 1,
  'entry level': 1,
  graduate: 1,
  associate: 2,
  mid: 2,
  'mid level': 2,
  intermediate: 2,
  regular: 2,
  senior: 3,
  lead: 4,
  'team lead': 4,
  'tech lead': 4,
  staff: 4,
  principal: 4,
  manager: 4,
  director: 5,
  head: 5,
  vp: 6,
  'vice president': 6,
  svp: 6,
  evp: 6,
  executive: 7,
  'c level': 7,
  'c suite': 7,
  chief: 7,
  cxo: 7,
});

/**
 * Seniority words → levels as the parser reads them: the caller's own words (normalised)
 * over {@link SENIORITY_LEVELS}, and the sentence of accepted words for issues. Internal.
 *
 * @example
 * ```ts
 * const t: SeniorityTable = resolveSeniorityLevels({ IC1: 1 });
 * t.levels.get('ic1'); // 1
 * ```
 */
export interface SeniorityTable {
  readonly levels: ReadonlyMap<string, number>;
  /** `expected` of an unknown word: a number, or one of the words with their levels. */
  readonly expected: string;
}

const DEFAULT_TABLE = table(new Map());

/** Groups words by level: `intern, trainee (0); junior (1)`. */
function describeWords(words: ReadonlyMap<string, number>): string {
  const byLevel = new Map<number, string[]>();
  for (const [w, n] of words) {
    const list = byLevel.get(n);
    if (list) list.push(w);
    else byLevel.set(n, [w]);
  }
  return [...byLevel].map(([n, ws]) => `${ws.join(', ')} (${n})`).join('; ');
}

/** The table for the caller's words (normalised word → level) and their spellings (as given → level). */
function table(custom: ReadonlyMap<string, number>, spelt: ReadonlyMap<string, number> = custom): SeniorityTable {
  const levels = new Map(custom);
  for (const [w, n] of Object.entries(SENIORITY_LEVELS)) if (!levels.has(w)) levels.set(w, n);
  const own = spelt.size > 0 ? `${describeWords(spelt)}; ` : '';
  return { levels, expected: `a number (larger = more senior) or a seniority word: ${own}${describeWords(new Map(Object.entries(SENIORITY_LEVELS)))}` };
}

/**
 * Checks a caller's seniority words (`ParseOptions.seniorityLevels`) and returns the table
 * the parser reads: those words over the defaults. Internal.
 *
 * @param custom - word → level; `undefined` for the defaults only.
 * @returns The table.
 * @throws {ConfigError} when `custom` is not an object of word → finite number, or a word
 *   is empty, or two words are the same after normalisation.
 *
 * @example
 * ```ts
 * resolveSeniorityLevels({ IC1: 1, M1: 4 }).levels.get('m1'); // 4
 * resolveSeniorityLevels({ IC1: 'one' });                     // throws ConfigError
 * ```
 */
export function resolveSeniorityLevels(custom: unknown): SeniorityTable {
  if (custom === undefined) return DEFAULT_TABLE;
  if (!isRecordObject(custom)) throw new ConfigError([`options.seniorityLevels: expected an object of word → level (a number), found ${describeValue(custom)}`]);
  const problems: string[] = [];
  const own = new Map<string, number>();
  const spelt = new Map<string, string>(); // normalised word → the key as given
  for (const key of Object.keys(custom)) {
    const value = custom[key];
    const word = tagOf(key);
    if (word === '') problems.push(`options.seniorityLevels: expected a non-empty word, found ${quote(key)}`);
    else if (spelt.has(word)) problems.push(`options.seniorityLevels: expected one level per word, found ${quote(spelt.get(word)!)} and ${quote(key)} (both ${quote(word)})`);
    else if (typeof value !== 'number' || !Number.isFinite(value)) problems.push(`options.seniorityLevels[${quote(key)}]: expected a finite number, found ${describeValue(value)}`);
    else {
      own.set(word, value);
      spelt.set(word, key);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return table(own, new Map([...own].map(([w, n]) => [spelt.get(w)!.trim(), n])));
}

/**
 * Zod schema of `seniority` for a table: a finite number, a decimal numeric string, or a
 * word of the table (any case; `unknown_seniority` otherwise, listing the words).
 * Internal.
 *
 * @example
 * ```ts
 * senioritySchema(resolveSeniorityLevels(undefined)).parse('Senior'); // 3
 * senioritySchema(resolveSeniorityLevels(undefined)).parse(' 2.5 ');  // 2.5
 * ```
 */
export function senioritySchema(t: SeniorityTable) {
  return transformed(z.custom<number | string>(), (v: unknown, ctx): number => {
    const n = numberish(v);
    if (typeof n === 'number') {
      if (!Number.isFinite(n)) flag(ctx, 'invalid_type', t.expected, describeValue(n));
      return n;
    }
    if (typeof n !== 'string') {
      flag(ctx, 'invalid_type', t.expected, describeValue(n));
      return NaN;
    }
    const level = t.levels.get(tagOf(n));
    if (level === undefined) flag(ctx, 'unknown_seniority', t.expected, quote(n));
    return level ?? NaN;
  });
}
