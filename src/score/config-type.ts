/**
 * {@link ScoringConfig}: the scoring configuration as a user writes it, field by field.
 * Written out by hand for the API reference; test/match/options-type.test.ts checks at
 * compile time that it is exactly what the schema in config.ts accepts (`z.input`), so the
 * two cannot drift apart. `resolveConfig` fills in the defaults.
 *
 * @module
 */
import type { IdPairInput, MatchOptions } from '../match/options-type.js';
import type { DEFAULT_TRAITS } from '../profile/traits.js';
import type { CriterionName, DEFAULT_REFERENCE_DATE, DEFAULT_WEIGHTS, resolveConfig, TIERS } from './config.js';

/**
 * A weight tier: `low` = 1, `medium` = 2, `high` = 3 ({@link TIERS}).
 *
 * @example
 * ```ts
 * const t: WeightTier = 'high'; // weighs 3
 * ```
 */
export type WeightTier = 'low' | 'medium' | 'high';

/**
 * A criterion's weight: a finite number ≥ 0 (0 switches the criterion off), a
 * {@link WeightTier}, `'must'` (a hard rule with weight `high`: a pair scoring 0 on the
 * criterion is forbidden), or `{ weight, must }`. Only the ratios of the weights matter.
 *
 * @example
 * ```ts
 * const weights: Record<string, WeightInput> = { skills: 'must', goals: 5, languages: { weight: 'low', must: true } };
 * ```
 */
export type WeightInput =
  | number
  | WeightTier
  | 'must'
  | {
      /** The weight: a finite number ≥ 0 or a tier. */
      weight: number | WeightTier;
      /**
       * Whether the criterion is also a hard rule (a pair scoring 0 on it is forbidden).
       *
       * @defaultValue `false`
       */
      must?: boolean;
    };

/**
 * The scoring configuration of `buildCompatibility`, `buildPeerCompatibility`,
 * `explainPair` and (with {@link MatchOptions}) `match`, as a user writes it: every field
 * optional, each section on its own. {@link resolveConfig} validates it and fills in the
 * defaults; unknown keys at any depth and values out of range are a `ConfigError`
 * (`INVALID_CONFIG`) listing every problem.
 *
 * @example
 * ```ts
 * import { buildCompatibility, type ScoringConfig } from 'mentor-match';
 *
 * const config: ScoringConfig = {
 *   weights: { skills: 'must', goals: 'high', department: 0 },
 *   availability: { minMeetingMinutes: 45 },
 *   custom: [{ attribute: 'site', prefer: 'same', weight: 'low' }],
 *   rules: { differentDepartment: true, maxTimeZoneGapHours: 6, bannedPairs: [['E0001', 'M0002']] },
 * };
 * const matrix = buildCompatibility(mentees, mentors, config);
 * ```
 */
export interface ScoringConfig {
  /**
   * Each built-in criterion's weight, by name (`skills`, `goals`, `interests`,
   * `availability`, `timeZone`, `personality`, `languages`, `department`, `location`,
   * `seniority`: {@link CriterionName}); criteria not named keep their default. Custom
   * attributes go in {@link ScoringConfig.custom | custom}.
   *
   * @defaultValue {@link DEFAULT_WEIGHTS}: skills `high`; goals, availability, languages `medium`; the rest `low`
   */
  weights?: Record<string, WeightInput>;
  /** How the cohort shapes the scores (see `cohortModel`). */
  model?: {
    /**
     * A criterion whose data one side of a pair lacks: `poor-match` scores it as a poor
     * match in this cohort (the lower quartile of its scores), `ignore` leaves it out of
     * the pair's mean.
     *
     * @defaultValue `'poor-match'`
     */
    missing?: 'poor-match' | 'ignore';
    /**
     * A criterion on which (nearly) every pair scores the same: `damp` lowers its weight
     * in proportion, `keep` keeps it.
     *
     * @defaultValue `'damp'`
     */
    uninformative?: 'damp' | 'keep';
  };
  /**
   * The week availability slots are placed in to convert them to UTC (daylight saving
   * included): an ISO date `YYYY-MM-DD` or a `Date`. Set it to the programme's start.
   *
   * @defaultValue {@link DEFAULT_REFERENCE_DATE}: `'2026-01-05'` (a fixed Monday, so runs are reproducible)
   */
  referenceDate?: string | Date;
  /** The `skills` criterion: the share of the mentee's wanted skills the mentor offers at the wanted level or above. */
  skills?: {
    /**
     * Weights each skill by its rarity, `1 + ln(M / f)` when f of M mentors offer it.
     *
     * @defaultValue `false`
     */
    rarity?: boolean;
  };
  /** The `goals` criterion: the overlap of the two people's goals. */
  goals?: {
    /**
     * `jaccard`: ∣A∩B∣ / ∣A∪B∣; `overlap`: ∣A∩B∣ / min(∣A∣, ∣B∣).
     *
     * @defaultValue `'jaccard'`
     */
    measure?: 'jaccard' | 'overlap';
  };
  /** The `interests` criterion: the overlap of the two people's interests. */
  interests?: {
    /**
     * `jaccard`: ∣A∩B∣ / ∣A∪B∣; `overlap`: ∣A∩B∣ / min(∣A∣, ∣B∣).
     *
     * @defaultValue `'jaccard'`
     */
    measure?: 'jaccard' | 'overlap';
  };
  /** The `availability` criterion: `min(1, minutes / targetMinutes)` of the minutes a week both are free. */
  availability?: {
    /**
     * Only common stretches at least this long count, in minutes (an integer ≥ 0);
     * `rules.minAvailabilityMinutes` counts in such meetings too.
     *
     * @defaultValue `30`
     */
    minMeetingMinutes?: number;
    /**
     * The common minutes a week that score 1 (a number > 0).
     *
     * @defaultValue `120`
     */
    targetMinutes?: number;
  };
  /** The `timeZone` criterion: 1 − gap / `scaleHours`, the gap being the circular difference of the UTC offsets. */
  timeZone?: {
    /**
     * The gap in hours that scores 0: a number in (0, 12].
     *
     * @defaultValue `12`
     */
    scaleHours?: number;
  };
  /** The `personality` criterion: the mean over the traits both people have. */
  personality?: {
    /**
     * The traits scored, by name (compared trimmed and lower case), each on its declared
     * range: `similar` scores 1 − ∣a − b∣ / range, `complementary` ∣a − b∣ / range. A trait
     * not in {@link DEFAULT_TRAITS} needs `min` and `max`. When given, only these traits
     * are scored.
     *
     * @defaultValue the five traits of {@link DEFAULT_TRAITS} (each 0–100), `similar`
     */
    traits?: Record<
      string,
      {
        /**
         * Whether the trait scores alike (`similar`) or unlike (`complementary`) people higher.
         *
         * @defaultValue `'similar'`
         */
        mode?: 'similar' | 'complementary';
        /**
         * The low end of the trait's range (finite; below `max`).
         *
         * @defaultValue the default trait's (`0`); required for another trait
         */
        min?: number;
        /**
         * The high end of the trait's range (finite; above `min`).
         *
         * @defaultValue the default trait's (`100`); required for another trait
         */
        max?: number;
      }
    >;
  };
  /** The `department` criterion: 1 when the two people's departments are as preferred. */
  department?: {
    /**
     * `same` or `different` departments score 1.
     *
     * @defaultValue `'different'`
     */
    prefer?: 'same' | 'different';
  };
  /** The `location` criterion: 1 when the two people's locations are as preferred. */
  location?: {
    /**
     * `same` or `different` locations score 1.
     *
     * @defaultValue `'same'`
     */
    prefer?: 'same' | 'different';
  };
  /**
   * The `seniority` criterion: a mentor − mentee gap (in seniority levels) in
   * [`minGap`, `maxGap`] scores 1, falling to 0 over `decay` levels outside it;
   * reverse-mentoring pairs measure the other way; between peers, closeness:
   * 1 − ∣gap∣ / (`maxGap` + 1).
   */
  seniority?: {
    /**
     * The smallest gap that scores 1, in levels (finite).
     *
     * @defaultValue `1`
     */
    minGap?: number;
    /**
     * The largest gap that scores 1, in levels (finite, ≥ `minGap`).
     *
     * @defaultValue `3`
     */
    maxGap?: number;
    /**
     * Levels outside [`minGap`, `maxGap`] over which the score falls to 0 (a number > 0).
     *
     * @defaultValue `2`
     */
    decay?: number;
  };
  /**
   * Custom-attribute criteria, each named `custom:<attribute>`: 1 when the two people's
   * values of the attribute are as preferred. An attribute may be listed once.
   *
   * @defaultValue `[]`
   */
  custom?: {
    /** The custom attribute's name (non-empty; compared as a tag, like `normalizeTag`). */
    attribute: string;
    /**
     * `same` or `different` values score 1.
     *
     * @defaultValue `'same'`
     */
    prefer?: 'same' | 'different';
    /**
     * The criterion's weight.
     *
     * @defaultValue `'medium'`
     */
    weight?: WeightInput;
  }[];
  /** Hard rules: each forbids pairs, and a forbidden pair keeps the rule that forbade it (`matrix.reason(i, j)`). */
  rules?: {
    /**
     * Pairs `[menteeId, mentorId]` that are forbidden.
     *
     * @defaultValue `[]`
     */
    bannedPairs?: IdPairInput[];
    /**
     * Pairs `[menteeId, mentorId]` that must be made: every other mentor of that mentee is forbidden.
     *
     * @defaultValue `[]`
     */
    requiredPairs?: IdPairInput[];
    /**
     * Forbids pairs from the same department.
     *
     * @defaultValue `false`
     */
    differentDepartment?: boolean;
    /**
     * Forbids one's manager, and anyone up or down the reporting line (followed through `managerId`).
     *
     * @defaultValue `true`
     */
    notOwnManager?: boolean;
    /**
     * Forbids pairs whose time zones are further apart, in hours (a number ≥ 0).
     *
     * @defaultValue `Infinity` (no limit)
     */
    maxTimeZoneGapHours?: number;
    /**
     * Forbids pairs with fewer common minutes a week (in meetings ≥ `availability.minMeetingMinutes`): a number ≥ 0.
     *
     * @defaultValue `0` (no limit)
     */
    minAvailabilityMinutes?: number;
    /**
     * Forbids pairs without a common language.
     *
     * @defaultValue `false`
     */
    sharedLanguage?: boolean;
    /**
     * Forbids a mentor not more senior than the mentee; for the `reverseSkills`, a pair
     * where the mentee wants and the mentor offers such a skill needs a more junior mentor.
     *
     * @defaultValue `false`
     */
    seniorityDirection?: boolean;
    /**
     * Skills (non-empty names, compared as tags) taught in reverse: the junior mentors the
     * senior (`mode: 'reverse'`, and the seniority rule and criterion flip for those pairs).
     *
     * @defaultValue `[]`
     */
    reverseSkills?: string[];
  };
}
