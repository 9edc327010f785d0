/**
 * What each criterion is worth in this cohort: the score a pair gets when the criterion's
 * data is missing (a poor match, never better), and how much information the criterion
 * carries (a criterion on which every pair scores the same ranks nothing and adds only
 * a constant that crowds out the others).
 *
 * @module
 */
import type { Criterion, ScoringContext } from './criteria/types.js';

/** Rows sampled (evenly spaced, every column) to estimate each criterion's spread and its poor-match score. */
export const COHORT_SAMPLE_ROWS = 64;

/**
 * Coefficient of variation (standard deviation / mean of a criterion's scores over the
 * cohort's pairs) at or above which a criterion keeps its full weight; below it the
 * weight shrinks in proportion. The mean is what the criterion adds to nearly every
 * pair (points that rank nobody), the spread what tells pairs apart: at 0.5 the
 * constant part is at most twice the part that ranks.
 */
export const INFORMATIVE_CV = 0.5;

/** Fewest applicable sampled pairs for a spread estimate: below it every criterion keeps its weight. */
export const MIN_SPREAD_PAIRS = 200;

/** Fewest applicable sampled pairs for a poor-match score: below it missing data is left out of the pair's mean. */
export const MIN_MISSING_PAIRS = 20;

/** Per criterion (in matrix order): the missing-data score and the weight factor. */
export interface CohortModel {
  /** Score used when the criterion does not apply to a pair (NaN: keep it out of the pair's mean). */
  readonly missing: Float64Array;
  /** Factor in [0, 1] on the configured weight. */
  readonly information: Float64Array;
  /** Each criterion's standard deviation over the sample (NaN: no applicable pair sampled). */
  readonly spread: Float64Array;
}

/**
 * Estimates the {@link CohortModel} from {@link COHORT_SAMPLE_ROWS} evenly spaced rows
 * against every column (deterministic; about 64 / rows of the build's work). Small
 * cohorts keep the plain model: the spread needs {@link MIN_SPREAD_PAIRS} applicable
 * sampled pairs, the poor-match score {@link MIN_MISSING_PAIRS}.
 *
 * - `missing` (with `model.missing = 'poor-match'`, the default): the lower quartile of
 *   the criterion's scores over the applicable sampled pairs — what a poor match scores
 *   in this cohort. A pair with the data missing then never outscores a poor match,
 *   where leaving the criterion out of its mean (`'ignore'`) would let a blank profile
 *   field inflate it.
 * - `information` (with `model.uninformative = 'damp'`, the default):
 *   `min(1, (sd / mean) / INFORMATIVE_CV)` — 1 for a criterion that tells pairs apart,
 *   shrinking towards 0 for one on which (nearly) every pair scores the same high
 *   value, such as languages in a cohort where nearly everyone speaks English: such a
 *   criterion adds the same points to every pair, crowding out the criteria that rank.
 *
 * @internal Called by the matrix build (its arguments are the build's internals); the
 * model's effect is public: `WeightedCriterion.weight` and `missingScore`.
 *
 * @param ctx - The scoring context.
 * @param criteria - The live criteria.
 * @returns The model (factors 1 and missing NaN where the options turn it off).
 *
 * @example
 * ```ts
 * const model = cohortModel(ctx, criteria);
 * model.information[criteria.findIndex((c) => c.name === 'languages')]; // 0 when all speak English
 * ```
 */
export function cohortModel(ctx: ScoringContext, criteria: readonly Criterion[]): CohortModel {
  const { rows, cols, cfg, peer } = ctx;
  const K = criteria.length;
  const missing = new Float64Array(K).fill(NaN);
  const information = new Float64Array(K).fill(1);
  const spread = new Float64Array(K).fill(NaN);
  const R = rows.n;
  const C = cols.n;
  if (R === 0 || C === 0) return { missing, information, spread };
  const S = Math.min(R, COHORT_SAMPLE_ROWS);
  const tmp = new Float64Array(C);
  const tmp2 = new Float64Array(C);
  const buf = new Float64Array(S * C);
  for (let k = 0; k < K; k++) {
    const c = criteria[k];
    let m = 0;
    for (let t = 0; t < S; t++) {
      const i = Math.floor((t * R) / S);
      c.scoreRow(i, tmp, false);
      if (peer && !c.symmetric) c.scoreRow(i, tmp2, true);
      for (let j = 0; j < C; j++) {
        if (peer && j === i) continue;
        let s = tmp[j];
        if (peer && !c.symmetric) s = s !== s ? tmp2[j] : tmp2[j] !== tmp2[j] ? s : (s + tmp2[j]) / 2;
        if (s === s) buf[m++] = s;
      }
    }
    if (m === 0) continue;
    const seen = buf.subarray(0, m);
    let mean = 0;
    for (let t = 0; t < m; t++) mean += seen[t];
    mean /= m;
    let v = 0;
    for (let t = 0; t < m; t++) v += (seen[t] - mean) * (seen[t] - mean);
    const sd = Math.sqrt(v / m);
    spread[k] = sd;
    if (cfg.model.uninformative === 'damp' && m >= MIN_SPREAD_PAIRS) information[k] = mean > 0 ? Math.min(1, sd / mean / INFORMATIVE_CV) : 0;
    if (cfg.model.missing === 'poor-match' && m >= MIN_MISSING_PAIRS) missing[k] = lowerQuartile(seen);
  }
  return { missing, information, spread };
}

/** The lower quartile (linear interpolation); sorts `a` in place. */
function lowerQuartile(a: Float64Array): number {
  a.sort();
  const h = (a.length - 1) * 0.25;
  const lo = Math.floor(h);
  return a[lo] + (a[Math.min(lo + 1, a.length - 1)] - a[lo]) * (h - lo);
}
