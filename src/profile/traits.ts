/** A numeric trait's declared range. */
export interface TraitRange {
  readonly min: number;
  readonly max: number;
}

/**
 * The default personality traits: the Big Five, each scored 0–100 (percentile-style).
 * Declare other traits (e.g. DISC) and ranges with `ParseOptions.traits`.
 *
 * @example
 * ```ts
 * DEFAULT_TRAITS.openness; // { min: 0, max: 100 }
 * ```
 */
export const DEFAULT_TRAITS: Readonly<Record<string, TraitRange>> = Object.freeze({
  openness: { min: 0, max: 100 },
  conscientiousness: { min: 0, max: 100 },
  extraversion: { min: 0, max: 100 },
  agreeableness: { min: 0, max: 100 },
  neuroticism: { min: 0, max: 100 },
});
