import * as z from 'zod/mini';
import { isRecord } from '../_internal/args.js';
import { describeValue } from '../profile/issues.js';
import { ConfigError } from '../errors.js';
import { normalizeId } from '../profile/ids.js';
import { normalizeTag } from '../profile/normalize.js';
import { MAX_COUNT } from '../profile/schema.js';
import { configProblems, expectedPhrase } from '../score/_internal/config-issues.js';
import { scoringConfigProblems, type ScoringConfig } from '../score/config.js';
import { isScoringPool, type ScoringPool } from '../score/pool.js';
import { DEFAULT_MEMORY_LIMIT } from './size.js';
import { DEFAULT_TIERS, type Tier } from './tiers.js';

/** The mentoring models `match` runs. */
export type MatchMode = 'one-to-one' | 'capacity' | 'group' | 'peer' | 'reverse';
/** What `match` optimises; see the README for the plain-words version. */
export type Objective = 'best-total' | 'most-matched' | 'fairness';

/** A participant id: compared as `parseParticipants` stores ids (`normalizeId`). */
const id = z.pipe(
  z.pipe(z.union([z.string(), z.number()], { error: 'a participant id (text or a number)' }), z.transform((v: string | number) => normalizeId(String(v)))),
  z.string().check(z.minLength(1, 'a non-empty participant id')),
);
/** A count that ends up in a 32-bit integer array: at most {@link MAX_COUNT}; `checks` are added after those. */
const count = (...checks: z.core.$ZodCheck<number>[]) => z.number().check(z.int(), z.maximum(MAX_COUNT, `at most ${MAX_COUNT} (the largest count mentor-match reads)`), ...checks);
const pair = z.tuple([id, id], { error: 'a pair of two participant ids' });
const opt = z.optional;
/** Points on the 0–100 scale. */
const points = () => z.number().check(z.minimum(0), z.maximum(100));

const matchSchema = z.strictObject({
  mode: opt(z.enum(['one-to-one', 'capacity', 'group', 'peer', 'reverse'])),
  objective: opt(z.enum(['best-total', 'most-matched', 'fairness'])),
  minScore: opt(points()),
  tiers: opt(z.array(z.enum(['matched', 'essential-fit']))),
  group: opt(
    z.strictObject({
      minSize: opt(count(z.nonnegative())),
      maxSize: opt(count(z.positive())),
      cohesion: opt(z.strictObject({ weight: z.number().check(z.nonnegative()), on: opt(z.enum(['goals', 'interests'])) })),
    }),
  ),
  peer: opt(z.strictObject({ odd: opt(z.enum(['leave-one', 'trio'])), circleSize: opt(count(z.minimum(3))) })),
  locked: opt(z.array(pair)),
  excludedPartners: opt(z.array(pair)),
  preferredPartners: opt(z.array(pair)),
  preferredBonus: opt(points()),
  quotas: opt(
    z.array(
      z.strictObject({
        attribute: z.string().check(z.minLength(1)),
        value: z.union([z.string(), z.number(), z.boolean()]),
        max: count(z.nonnegative()),
      }),
    ),
  ),
  priority: opt(z.array(id)),
  priorityBonus: opt(points()),
  memoryLimit: opt(z.number().check(z.positive())),
  candidates: opt(
    z.strictObject({
      use: opt(z.enum(['auto', 'always', 'never'])),
      perMentee: opt(count(z.positive())),
      perMentor: opt(count(z.nonnegative())),
      abovePairs: opt(z.number().check(z.nonnegative())),
    }),
  ),
  pool: opt(z.custom<ScoringPool>(isScoringPool, { error: 'a scoring pool: an object with a positive integer size and a runRows function (see createWorkerPool in mentor-match/node)' })),
});

/** Match options on top of the scoring configuration (weights, rules, …): written out field by field in options-type.ts. */
export type { MatchOptions } from './options-type.js';
import type { MatchOptions } from './options-type.js';
/** @internal What the schema accepts: test/match/options-type.test.ts checks that it is exactly {@link MatchOptions}. */
export type MatchOptionsSchemaInput = z.input<typeof matchSchema>;

/** Everything `match` accepts: {@link ScoringConfig} plus {@link MatchOptions}. */
export type MatchConfig = ScoringConfig & MatchOptions;

/** {@link MatchOptions} with defaults filled in. */
export interface ResolvedMatchOptions {
  readonly mode: MatchMode;
  readonly objective: Objective;
  /** What is maximised before the objective, in order (default `['matched', 'essential-fit']`). */
  readonly tiers: readonly Tier[];
  /** 0–1 (from 0–100). */
  readonly minScore: number;
  readonly group: { readonly minSize: number; readonly maxSize: number | undefined; readonly cohesion?: { readonly weight: number; readonly on: 'goals' | 'interests' } };
  readonly peer: { readonly odd: 'leave-one' | 'trio'; readonly circleSize: number | undefined };
  readonly locked: readonly (readonly [string, string])[];
  readonly excludedPartners: readonly (readonly [string, string])[];
  readonly preferredPartners: readonly (readonly [string, string])[];
  /** 0–1 (from points). */
  readonly preferredBonus: number;
  readonly priority: readonly string[];
  readonly priorityBonus: number;
  /** Hard caps on the pairs of mentees whose custom attribute has a value. */
  readonly quotas: readonly { readonly attribute: string; readonly value: string | number | boolean; readonly max: number }[];
  /** Bytes a run may use (see `checkSize`); a larger cohort is refused with `TooLargeError`. */
  readonly memoryLimit: number;
  /** The candidate path (see `candidates` in the README): when to use it, and how many candidates the streamed pass keeps. */
  readonly candidates: { readonly use: 'auto' | 'always' | 'never'; readonly perMentee: number; readonly perMentor: number | undefined; readonly abovePairs: number };
  /**
   * Worker threads to score a large matrix on (see `ScoringPool`); a run option, like
   * `memoryLimit`: not part of the config hash (the scores are the same bytes either way).
   */
  readonly pool: ScoringPool | undefined;
}

/**
 * The defaults of {@link MatchOptions}, in one place (graphology's `DEFAULTS` habit): what
 * `match`, `recommend` and the CLI use when an option is not given. Points are on the
 * 0–100 scale.
 *
 * @example
 * ```ts
 * MATCH_DEFAULTS.objective;     // 'best-total'
 * MATCH_DEFAULTS.groupMinSize;  // 2 (group mode: no groups of one unless asked)
 * ```
 */
export const MATCH_DEFAULTS = Object.freeze({
  mode: 'capacity' as MatchMode,
  objective: 'best-total' as Objective,
  tiers: DEFAULT_TIERS,
  /** Pairs scoring less are never made (0: none forbidden). */
  minScore: 0,
  /** Smallest group in group mode (other modes: no minimum). */
  groupMinSize: 2,
  cohesionOn: 'goals' as 'goals' | 'interests',
  peerOdd: 'leave-one' as 'leave-one' | 'trio',
  preferredBonus: 10,
  priorityBonus: 20,
  /** Bytes a run may use before it is refused (`TooLargeError`): 4 GiB; the CLI passes 70% of the machine's memory. */
  memoryLimit: DEFAULT_MEMORY_LIMIT,
  /** `auto`: the candidate path when the dense matrix would not fit `memoryLimit` or has more than `candidatesAbovePairs` pairs; `always`; `never`. */
  candidatesUse: 'auto' as 'auto' | 'always' | 'never',
  /** `auto` takes the candidate path above this many mentee × mentor pairs (50 million: a 1.3 GB dense run; measured at 9,721 × 2,400 the candidate path already took less time and memory). */
  candidatesAbovePairs: 50_000_000,
  /** The same in peer mode: 4 million pairs, a pool of 2,000 (the dense blossom grows like n³: a generated pool of 3,000 took 25 s dense, 8.5 s on the candidate path). */
  candidatesAbovePeerPairs: 4_000_000,
  /** Candidates the streamed pass keeps per mentee (their best mentors) … */
  candidatesPerMentee: 16,
});
const D = MATCH_DEFAULTS;

const MATCH_KEYS = new Set(Object.keys(matchSchema.shape));

/** The parsed match options: zod's output, or the sections that are valid when some are not. */
type ParsedOptions = z.output<typeof matchSchema>;

/**
 * Splits a {@link MatchConfig} into the scoring part and validated match options. Both
 * parts are checked before anything is thrown, so one `ConfigError` lists every problem of
 * the whole config (unknown keys with a "did you mean", values in words, the checks
 * across values), the scoring part's first (as `resolveConfig` words them).
 *
 * @param config - The whole config.
 * @returns The scoring part (as given) and the match options with defaults filled in.
 * @throws ConfigError (`INVALID_CONFIG`) listing every problem in the config.
 *
 * @example
 * ```ts
 * splitConfig({ mode: 'peer', weights: { goals: 'high' } }).options.mode; // 'peer'
 * splitConfig({ mode: 'pear', weights: { skils: 3 } }); // throws ConfigError with both:
 * // "weights.skils: unknown criterion; did you mean 'skills'? (…)"
 * // "mode: expected one of 'one-to-one', 'capacity', 'group', 'peer' or 'reverse'; found \"pear\"; did you mean 'peer'?"
 * ```
 */
export function splitConfig(config: MatchConfig = {}): { scoring: ScoringConfig; options: ResolvedMatchOptions } {
  if (!isRecord(config)) throw new ConfigError([`(config): expected an object of settings, or nothing; found ${describeValue(config)}`]);
  // Null-prototype objects: an own `__proto__` key (JSON.parse makes one) stays a key, and is reported as unknown.
  const scoring: Record<string, unknown> = Object.create(null);
  const own: Record<string, unknown> = Object.create(null);
  for (const [k, v] of Object.entries(config ?? {})) (MATCH_KEYS.has(k) ? own : scoring)[k] = v;
  const problems = scoringConfigProblems(scoring, [...MATCH_KEYS]);
  const parsed = matchSchema.safeParse(own, { error: expectedPhrase });
  if (!parsed.success) problems.push(...configProblems(parsed.error.issues, own, matchSchema));
  const o = parsed.success ? parsed.data : validOptions(own);
  problems.push(...crossChecks(o));
  if (problems.length > 0) throw new ConfigError(problems);
  return { scoring: scoring as ScoringConfig, options: resolveOptions(o) };
}

/** The match options that are valid on their own, when some are not. */
function validOptions(own: Readonly<Record<string, unknown>>): ParsedOptions {
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(matchSchema.shape)) {
    if (own[key] === undefined) continue;
    const r = (schema as z.ZodMiniType).safeParse(own[key]);
    if (r.success) out[key] = r.data;
  }
  return out as ParsedOptions;
}

/** The checks across match options: quotas and the mode, the order of tiers, group sizes. */
function crossChecks(o: ParsedOptions): string[] {
  const problems: string[] = [];
  const g = o.group ?? {};
  if ((o.quotas?.length ?? 0) > 0 && (o.mode === 'group' || o.mode === 'peer')) {
    problems.push(`quotas: supported in the one-to-one, capacity and reverse modes; found mode '${o.mode}'`);
  }
  const tiers = o.tiers ?? D.tiers;
  if (new Set(tiers).size !== tiers.length || (tiers.length === 2 && tiers[0] !== 'matched')) {
    problems.push(`tiers: expected a subset of ['matched', 'essential-fit'] in that order (most matched comes first when both are on); found ${JSON.stringify(tiers)}`);
  }
  if (g.maxSize !== undefined && g.minSize !== undefined && g.minSize > g.maxSize) {
    problems.push(`group: expected minSize ≤ maxSize; found ${g.minSize} > ${g.maxSize}`);
  }
  return problems;
}

/** Valid match options with every default filled in. */
function resolveOptions(o: ParsedOptions): ResolvedMatchOptions {
  const g = o.group ?? {};
  return {
    mode: o.mode ?? D.mode,
    objective: o.objective ?? D.objective,
    tiers: o.tiers ?? D.tiers,
    minScore: (o.minScore ?? D.minScore) / 100,
    group: {
      minSize: g.minSize ?? (o.mode === 'group' ? Math.min(D.groupMinSize, g.maxSize ?? D.groupMinSize) : 0),
      maxSize: g.maxSize,
      ...(g.cohesion ? { cohesion: { weight: g.cohesion.weight, on: g.cohesion.on ?? D.cohesionOn } } : {}),
    },
    peer: { odd: o.peer?.odd ?? D.peerOdd, circleSize: o.peer?.circleSize },
    locked: o.locked ?? [],
    excludedPartners: o.excludedPartners ?? [],
    preferredPartners: o.preferredPartners ?? [],
    preferredBonus: (o.preferredBonus ?? D.preferredBonus) / 100,
    priority: o.priority ?? [],
    priorityBonus: (o.priorityBonus ?? D.priorityBonus) / 100,
    quotas: (o.quotas ?? []).map((q) => ({ attribute: normalizeTag(q.attribute), value: q.value, max: q.max })),
    memoryLimit: o.memoryLimit ?? D.memoryLimit,
    candidates: {
      use: o.candidates?.use ?? D.candidatesUse,
      perMentee: o.candidates?.perMentee ?? D.candidatesPerMentee,
      perMentor: o.candidates?.perMentor,
      abovePairs: o.candidates?.abovePairs ?? (o.mode === 'peer' ? D.candidatesAbovePeerPairs : D.candidatesAbovePairs),
    },
    pool: o.pool,
  };
}
