/**
 * Per-criterion scores of a list of (mentee, mentor) pairs, without building a matrix.
 * Private to `evaluate/`.
 *
 * @module
 */
import type { Participant } from '../../profile/types.js';
import { CRITERIA, type ResolvedConfig } from '../../score/config.js';
import { criterionCatalogue } from '../../score/criteria/catalogue.js';
import type { ScoringContext } from '../../score/criteria/types.js';
import { encodeSide, newDictionaries } from '../../score/encode.js';

/** The scores of n pairs on p criteria. */
export interface PairFeatures {
  /** Criterion names in report order: the built-in {@link CRITERIA}, then `custom:<attribute>`. */
  readonly names: readonly string[];
  /** n × p, row-major, each in [0, 1]; NaN where the criterion does not apply to the pair. */
  readonly values: Float64Array;
  readonly n: number;
  readonly p: number;
}

/**
 * Scores the given pairs on every criterion through the scoring layer's own criteria.
 * Mentors are encoded as one side (so population statistics such as skill rarity are
 * those of a full build over `mentors`), mentees as the other; only the listed pairs are
 * scored: O(people) to encode plus O(pairs × criteria), no matrix. Hard rules do not
 * change criterion scores and are not built.
 *
 * @param mentees - The row side (at least every mentee of a pair).
 * @param mentors - The column side (all mentors of the cohort, for rarity).
 * @param pairs - `[menteeIndex, mentorIndex]` into the two lists.
 * @param cfg - The resolved scoring configuration.
 * @returns The n × p scores.
 *
 * @example
 * ```ts
 * const f = pairFeatures([ana], [ben, eve], [[0, 1]], resolveConfig());
 * f.values[f.names.indexOf('skills')]; // Ana × Eve on skills
 * ```
 */
export function pairFeatures(
  mentees: readonly Participant[],
  mentors: readonly Participant[],
  pairs: readonly (readonly [number, number])[],
  cfg: ResolvedConfig,
): PairFeatures {
  const dict = newDictionaries();
  const rows = encodeSide(mentees, cfg, dict);
  const cols = encodeSide(mentors, cfg, dict);
  const ctx: ScoringContext = { rows, cols, dict, cfg, peer: false };
  // Every criterion, whatever its weight: calibration may find that a weight-0 one matters.
  const criteria = criterionCatalogue(ctx).map((c) => c.create());
  const n = pairs.length;
  const p = criteria.length;
  const values = new Float64Array(n * p);
  for (let r = 0; r < n; r++) {
    const [i, j] = pairs[r];
    for (let c = 0; c < p; c++) values[r * p + c] = criteria[c].explain(i, j, false).score;
  }
  return { names: criteria.map((c) => c.name), values, n, p };
}
