import * as z from 'zod/mini';
import { isRecord } from '../_internal/args.js';
import { describeValue } from '../profile/issues.js';
import { ConfigError } from '../errors.js';
import { configProblems, expectedPhrase, unknownKeyLine } from './_internal/config-issues.js';
import { normalizeId } from '../profile/ids.js';
import { normalizeTag } from '../profile/normalize.js';
import { DEFAULT_TRAITS } from '../profile/traits.js';

/** Weight tiers and their numeric values. */
export const TIERS = { low: 1, medium: 2, high: 3 } as const;

/** The built-in criteria, in the order they are reported. */
export const CRITERIA = [
  'skills',
  'goals',
  'interests',
  'availability',
  'timeZone',
  'personality',
  'languages',
  'department',
  'location',
  'seniority',
] as const;

/** Name of a built-in criterion; custom attribute criteria are named `custom:<attribute>`. */
export type CriterionName = (typeof CRITERIA)[number];

const tier = z.enum(['low', 'medium', 'high']);
const weightValue = z.union([z.number().check(z.nonnegative()), tier], { error: "a number ≥ 0 or 'low', 'medium' or 'high'" });
/**
 * A criterion's weight: a non-negative number, a tier (`low` = 1, `medium` = 2,
 * `high` = 3), `'must'` (a hard rule with weight `high`), or `{ weight, must }`.
 */
const weight = z.union([weightValue, z.literal('must'), z.strictObject({ weight: weightValue, must: z.optional(z.boolean()) })], {
  error: "a weight: a number ≥ 0, 'low', 'medium', 'high', 'must' or { weight, must }",
});
/** @internal What the schema accepts: test/match/options-type.test.ts checks that it is exactly {@link WeightInput}. */
export type WeightSchemaInput = z.input<typeof weight>;

const preferSame = z.enum(['same', 'different']);
/** A participant id in a rule: compared as `parseParticipants` stores ids (`normalizeId`). */
const id = z.pipe(
  z.pipe(z.union([z.string(), z.number()], { error: 'a participant id (text or a number)' }), z.transform((v: string | number) => normalizeId(String(v)))),
  z.string().check(z.minLength(1, 'a non-empty participant id')),
);
const pair = z.tuple([id, id], { error: 'a pair of two participant ids' });
const opt = z.optional;
/** A number ≥ 0 (`positive`: > 0); zod 4 numbers are finite. */
const nonNegative = () => z.number().check(z.nonnegative());
const positive = () => z.number().check(z.positive());
const measure = () => opt(z.strictObject({ measure: opt(z.enum(['jaccard', 'overlap'])) }));
const prefer = () => opt(z.strictObject({ prefer: opt(preferSame) }));

const configSchema = z.strictObject({
  weights: opt(z.record(z.string(), weight)),
  model: opt(z.strictObject({ missing: opt(z.enum(['poor-match', 'ignore'])), uninformative: opt(z.enum(['damp', 'keep'])) })),
  referenceDate: opt(z.union([z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/u, 'an ISO date YYYY-MM-DD')), z.date()])),
  skills: opt(z.strictObject({ rarity: opt(z.boolean()) })),
  goals: measure(),
  interests: measure(),
  availability: opt(z.strictObject({ minMeetingMinutes: opt(z.number().check(z.int(), z.nonnegative())), targetMinutes: opt(positive()) })),
  timeZone: opt(z.strictObject({ scaleHours: opt(z.number().check(z.positive(), z.maximum(12))) })),
  personality: opt(
    z.strictObject({
      traits: opt(z.record(z.string(), z.strictObject({ mode: opt(z.enum(['similar', 'complementary'])), min: opt(z.number()), max: opt(z.number()) }))),
    }),
  ),
  department: prefer(),
  location: prefer(),
  seniority: opt(z.strictObject({ minGap: opt(z.number()), maxGap: opt(z.number()), decay: opt(positive()) })),
  custom: opt(z.array(z.strictObject({ attribute: z.string().check(z.minLength(1)), prefer: opt(preferSame), weight: opt(weight) }))),
  rules: opt(
    z.strictObject({
      bannedPairs: opt(z.array(pair)),
      requiredPairs: opt(z.array(pair)),
      differentDepartment: opt(z.boolean()),
      notOwnManager: opt(z.boolean()),
      maxTimeZoneGapHours: opt(nonNegative()),
      minAvailabilityMinutes: opt(nonNegative()),
      sharedLanguage: opt(z.boolean()),
      seniorityDirection: opt(z.boolean()),
      reverseSkills: opt(z.array(z.string().check(z.minLength(1)))),
    }),
  ),
});

/** The scoring configuration as a user writes it (every field optional): written out field by field in config-type.ts. */
export type { ScoringConfig, WeightInput } from './config-type.js';
import type { ScoringConfig, WeightInput } from './config-type.js';
/** @internal What the schema accepts: test/match/options-type.test.ts checks that it is exactly {@link ScoringConfig}. */
export type ScoringConfigSchemaInput = z.input<typeof configSchema>;

/** A criterion with its resolved weight. */
export interface ResolvedWeight {
  readonly weight: number;
  readonly must: boolean;
}

/** One custom-attribute criterion. */
export interface CustomCriterion {
  readonly name: string;
  readonly attribute: string;
  readonly prefer: 'same' | 'different';
  readonly weight: ResolvedWeight;
}

/** One personality trait as scored. */
export interface TraitRule {
  readonly name: string;
  readonly mode: 'similar' | 'complementary';
  readonly min: number;
  readonly max: number;
}

/** {@link ScoringConfig} with every default filled in; see {@link DEFAULT_WEIGHTS}. */
export interface ResolvedConfig {
  readonly weights: Readonly<Record<CriterionName, ResolvedWeight>>;
  /**
   * How the cohort shapes the scores (see `cohortModel`): `missing` — a criterion whose
   * data a pair lacks scores as a poor match in this cohort (`'poor-match'`, default) or
   * is left out of the pair's mean (`'ignore'`); `uninformative` — a criterion on which
   * (nearly) every pair scores the same loses weight (`'damp'`, default) or keeps it (`'keep'`).
   */
  readonly model: { readonly missing: 'poor-match' | 'ignore'; readonly uninformative: 'damp' | 'keep' };
  readonly referenceDate: Date;
  readonly skillRarity: boolean;
  readonly goalsMeasure: 'jaccard' | 'overlap';
  readonly interestsMeasure: 'jaccard' | 'overlap';
  readonly minMeetingMinutes: number;
  readonly targetMinutes: number;
  readonly timeZoneScaleHours: number;
  readonly traits: readonly TraitRule[];
  readonly departmentPrefer: 'same' | 'different';
  readonly locationPrefer: 'same' | 'different';
  readonly seniorityMinGap: number;
  readonly seniorityMaxGap: number;
  readonly seniorityDecay: number;
  readonly custom: readonly CustomCriterion[];
  readonly rules: {
    readonly bannedPairs: readonly (readonly [string, string])[];
    readonly requiredPairs: readonly (readonly [string, string])[];
    readonly differentDepartment: boolean;
    readonly notOwnManager: boolean;
    readonly maxTimeZoneGapHours: number;
    readonly minAvailabilityMinutes: number;
    readonly sharedLanguage: boolean;
    readonly seniorityDirection: boolean;
    readonly reverseSkills: readonly string[];
  };
}

/**
 * Default weights: what a programme manager would weigh first. Skills `high`; goals,
 * availability and languages `medium`; the rest `low`.
 */
export const DEFAULT_WEIGHTS: Readonly<Record<CriterionName, WeightInput>> = {
  skills: 'high',
  goals: 'medium',
  interests: 'low',
  availability: 'medium',
  timeZone: 'low',
  personality: 'low',
  languages: 'medium',
  department: 'low',
  location: 'low',
  seniority: 'low',
};

/** Default reference date for time zones and daylight saving: a fixed Monday, so runs are reproducible. */
export const DEFAULT_REFERENCE_DATE = '2026-01-05';

function resolveWeight(w: z.output<typeof weight>): ResolvedWeight {
  if (w === 'must') return { weight: TIERS.high, must: true };
  if (typeof w === 'object') return { weight: typeof w.weight === 'number' ? w.weight : TIERS[w.weight], must: w.must === true };
  return { weight: typeof w === 'number' ? w : TIERS[w], must: false };
}

/** The parsed config: zod's output, or the sections that are valid when some are not. */
type ParsedConfig = z.output<typeof configSchema>;

/**
 * Validates a scoring configuration and fills in the defaults. Every problem is found
 * before anything is thrown: unknown keys anywhere (with a "did you mean" for a near
 * miss: `weights.skils` → `skills`), values of the wrong kind or range, and the checks
 * across values (max > min, weights whose sum overflows, …), one line each, saying what
 * was expected and what was found.
 *
 * @param input - The configuration as a user writes it.
 * @returns The configuration with every default filled in.
 * @throws ConfigError (`INVALID_CONFIG`) listing every problem (unknown key, unknown
 *   criterion in `weights`, negative weight, bad date, …).
 *
 * @example
 * ```ts
 * const c = resolveConfig({ weights: { skills: 'must', goals: 5 } });
 * c.weights.skills; // { weight: 3, must: true }
 * c.weights.goals;  // { weight: 5, must: false }
 * resolveConfig({ weights: { skils: 3, goals: -1 } }); // throws ConfigError with both:
 * // "weights.goals: expected a number ≥ 0; found -1"
 * // "weights.skils: unknown criterion; did you mean 'skills'? (expected one of skills, goals, …)"
 * ```
 */
export function resolveConfig(input: ScoringConfig = {}): ResolvedConfig {
  const { problems, config } = checkScoringConfig(input);
  if (config === undefined) throw new ConfigError(problems);
  return config;
}

/**
 * Every problem of a scoring configuration, as {@link resolveConfig} lists them, without
 * throwing; `splitConfig` adds them to those of the match options.
 *
 * @param input - The scoring part of a config.
 * @param alsoKnown - Top-level keys that are valid elsewhere (the match options), for "did you mean".
 * @returns One line per problem; empty when the configuration is valid.
 *
 * @example
 * ```ts
 * scoringConfigProblems({ weights: { goals: -1 } }); // ['weights.goals: expected a number ≥ 0; found -1']
 * ```
 */
export function scoringConfigProblems(input: unknown, alsoKnown: readonly string[] = []): string[] {
  return checkScoringConfig(input, alsoKnown).problems;
}

/** The resolved config and every problem (config undefined when there is one). */
function checkScoringConfig(input: unknown, alsoKnown: readonly string[] = []): { problems: string[]; config: ResolvedConfig | undefined } {
  // Nothing is the defaults; anything else but an object of settings is one problem.
  if (input !== undefined && !isRecord(input)) return { problems: [`(config): expected an object of settings, or nothing; found ${describeValue(input)}`], config: undefined };
  const raw = input ?? {};
  // An own `__proto__` key (JSON.parse makes one) is an unknown key like any other; zod's
  // records would drop it without a word, so it is looked for apart.
  const problems = ownProtoKeys(raw).map((path) => `${path}: unknown key "__proto__"`);
  const parsed = configSchema.safeParse(raw, { error: expectedPhrase });
  if (!parsed.success) problems.push(...configProblems(parsed.error.issues, raw, configSchema, alsoKnown));
  // The checks across values run on the sections that are valid, so one run lists everything.
  const c = parsed.success ? parsed.data : validSections(raw);
  const weights = resolveWeights(raw, c, problems);
  const referenceDate = new Date(c.referenceDate ?? DEFAULT_REFERENCE_DATE);
  if (Number.isNaN(referenceDate.getTime())) problems.push(`referenceDate: expected a valid date; found ${String(c.referenceDate)}`);
  const traits = resolveTraits(c, problems);
  const minGap = c.seniority?.minGap ?? 1;
  const maxGap = c.seniority?.maxGap ?? 3;
  if (maxGap < minGap) problems.push(`seniority: expected maxGap ≥ minGap; found ${minGap}..${maxGap}`);
  const custom = resolveCustom(c, problems);
  checkFiniteSums(weights, custom, traits, problems);
  if (problems.length > 0) return { problems, config: undefined };
  return { problems, config: assemble(c, { weights, referenceDate, traits, custom, minGap, maxGap }) };
}

/** The top-level sections of a config that are valid on their own (and, of `weights`, the valid entries). */
function validSections(raw: unknown): ParsedConfig {
  const out: Record<string, unknown> = {};
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return out as ParsedConfig;
  const given = raw as Record<string, unknown>;
  for (const [key, schema] of Object.entries(configSchema.shape)) {
    if (!Object.hasOwn(given, key) || given[key] === undefined) continue;
    const value = given[key];
    if (key === 'weights' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const entries: Record<string, unknown> = {};
      for (const [name, w] of Object.entries(value)) {
        const r = weight.safeParse(w);
        if (r.success) entries[name] = r.data;
      }
      out.weights = entries;
      continue;
    }
    const r = (schema as z.ZodMiniType).safeParse(value);
    if (r.success) out[key] = r.data;
  }
  return out as ParsedConfig;
}

/** The weight of every criterion (defaults, then the config's); unknown names are problems. */
function resolveWeights(raw: unknown, c: ParsedConfig, problems: string[]): Record<CriterionName, ResolvedWeight> {
  const weights = {} as Record<CriterionName, ResolvedWeight>;
  for (const name of CRITERIA) weights[name] = resolveWeight(DEFAULT_WEIGHTS[name] as z.output<typeof weight>);
  const given = raw !== null && typeof raw === 'object' ? (raw as { weights?: unknown }).weights : undefined;
  if (given !== null && typeof given === 'object' && !Array.isArray(given)) {
    for (const name of Object.keys(given)) {
      if (name === '__proto__' || (CRITERIA as readonly string[]).includes(name)) continue;
      problems.push(unknownKeyLine(['weights', name], name, CRITERIA, 'criterion', "; custom attributes go in 'custom'"));
    }
  }
  for (const [name, w] of Object.entries(c.weights ?? {})) {
    if ((CRITERIA as readonly string[]).includes(name)) weights[name as CriterionName] = resolveWeight(w);
  }
  return weights;
}

/** The personality traits scored: the config's (each with a range), else the default ones. */
function resolveTraits(c: ParsedConfig, problems: string[]): TraitRule[] {
  const traitCfg = c.personality?.traits;
  if (!traitCfg) return Object.entries(DEFAULT_TRAITS).map(([name, r]) => ({ name, mode: 'similar', min: r.min, max: r.max }));
  const traits: TraitRule[] = [];
  for (const [raw, t] of Object.entries(traitCfg)) {
    const name = raw.trim().toLowerCase();
    const def = DEFAULT_TRAITS[name];
    const min = t.min ?? def?.min;
    const max = t.max ?? def?.max;
    if (min === undefined || max === undefined) {
      problems.push(`personality.traits.${raw}: expected min and max (not a default trait)`);
      continue;
    }
    if (!(max > min)) problems.push(`personality.traits.${raw}: expected max > min; found ${min}..${max}`);
    traits.push({ name, mode: t.mode ?? 'similar', min, max });
  }
  return traits;
}

/** The custom-attribute criteria; an attribute listed twice is a problem. */
function resolveCustom(c: ParsedConfig, problems: string[]): CustomCriterion[] {
  const custom: CustomCriterion[] = [];
  const seen = new Set<string>();
  for (const [k, cc] of (c.custom ?? []).entries()) {
    const attribute = normalizeTag(cc.attribute);
    if (seen.has(attribute)) problems.push(`custom[${k}]: attribute '${attribute}' listed twice`);
    seen.add(attribute);
    custom.push({ name: `custom:${attribute}`, attribute, prefer: cc.prefer ?? 'same', weight: resolveWeight(cc.weight ?? 'medium') });
  }
  return custom;
}

/** The pair score is Σ wᵢsᵢ / Σ wᵢ: each weight is finite, but their sum must be too; so must each trait's range. */
function checkFiniteSums(weights: Readonly<Record<CriterionName, ResolvedWeight>>, custom: readonly CustomCriterion[], traits: readonly TraitRule[], problems: string[]): void {
  const weightSum = [...Object.values(weights), ...custom.map((cc) => cc.weight)].reduce((t, w) => t + w.weight, 0);
  if (!Number.isFinite(weightSum)) {
    const named = [...CRITERIA.filter((n) => weights[n].weight > 0).map((n) => `${n} ${weights[n].weight}`), ...custom.filter((cc) => cc.weight.weight > 0).map((cc) => `${cc.name} ${cc.weight.weight}`)];
    problems.push(`weights: expected weights whose sum is a finite number (only their ratios matter: 3 and 1 weigh as 3e300 and 1e300); found ${named.join(', ')}, which sum to more than ${Number.MAX_VALUE}`);
  }
  for (const t of traits) {
    if (!Number.isFinite(t.max - t.min)) problems.push(`personality.traits.${t.name}: expected a range max − min that is a finite number; found ${t.min}..${t.max}`);
  }
}

/** The valid config with every default filled in. */
function assemble(
  c: ParsedConfig,
  parts: { weights: ResolvedConfig['weights']; referenceDate: Date; traits: readonly TraitRule[]; custom: readonly CustomCriterion[]; minGap: number; maxGap: number },
): ResolvedConfig {
  const r = c.rules ?? {};
  return {
    weights: parts.weights,
    model: { missing: c.model?.missing ?? 'poor-match', uninformative: c.model?.uninformative ?? 'damp' },
    referenceDate: parts.referenceDate,
    skillRarity: c.skills?.rarity ?? false,
    goalsMeasure: c.goals?.measure ?? 'jaccard',
    interestsMeasure: c.interests?.measure ?? 'jaccard',
    minMeetingMinutes: c.availability?.minMeetingMinutes ?? 30,
    targetMinutes: c.availability?.targetMinutes ?? 120,
    timeZoneScaleHours: c.timeZone?.scaleHours ?? 12,
    traits: parts.traits,
    departmentPrefer: c.department?.prefer ?? 'different',
    locationPrefer: c.location?.prefer ?? 'same',
    seniorityMinGap: parts.minGap,
    seniorityMaxGap: parts.maxGap,
    seniorityDecay: c.seniority?.decay ?? 2,
    custom: parts.custom,
    rules: {
      bannedPairs: r.bannedPairs ?? [],
      requiredPairs: r.requiredPairs ?? [],
      differentDepartment: r.differentDepartment ?? false,
      notOwnManager: r.notOwnManager ?? true,
      maxTimeZoneGapHours: r.maxTimeZoneGapHours ?? Infinity,
      minAvailabilityMinutes: r.minAvailabilityMinutes ?? 0,
      sharedLanguage: r.sharedLanguage ?? false,
      seniorityDirection: r.seniorityDirection ?? false,
      reverseSkills: (r.reverseSkills ?? []).map(normalizeTag),
    },
  };
}

/** Paths of every own `__proto__` key in a config (JSON-parsed input has them as data), cycle-safe and depth-bounded. */
function ownProtoKeys(x: unknown, path = '(config)', open: Set<object> = new Set(), depth = 0): string[] {
  if (x === null || typeof x !== 'object' || open.has(x) || depth > 20) return [];
  open.add(x);
  const out: string[] = [];
  if (Object.hasOwn(x, '__proto__')) out.push(path === '(config)' ? '__proto__' : `${path}.__proto__`);
  for (const k of Object.keys(x)) {
    if (k === '__proto__') continue;
    out.push(...ownProtoKeys((x as Record<string, unknown>)[k], path === '(config)' ? k : `${path}.${k}`, open, depth + 1));
  }
  open.delete(x);
  return out;
}
