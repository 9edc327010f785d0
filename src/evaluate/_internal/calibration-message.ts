/**
 * The one- or two-sentence account of a calibration (`CalibrationResult.message`).
 * Private to `evaluate/`.
 *
 * @module
 */
import type { CalibrationResult, CriterionFit } from '../types.js';

/**
 * The verdict and the numbers in words.
 *
 * @example
 * ```ts
 * describe(400, 0.69, 0.58, 1.04, 0.69, 11.9, 5, 'predictive', criteria, 2);
 * // 'Calibrated on 400 pairs: in-sample R² 0.69; … Predictive: skills 37%, …; the new weights are in config. …'
 * ```
 */
export function describe(
  n: number,
  r2: number,
  cv: number,
  base: number,
  cvR2: number,
  t: number,
  k: number,
  verdict: CalibrationResult['verdict'],
  criteria: readonly CriterionFit[],
  minT: number,
): string {
  const head = `Calibrated on ${n} pairs: in-sample R² ${r2.toFixed(2)}; ${k}-fold cross-validated RMSE ${cv.toFixed(3)} vs ${base.toFixed(3)} for always predicting the mean`;
  if (verdict === 'not-predictive') {
    const why = cv >= base ? 'is not below the baseline' : `is below the baseline by no more than chance (t = ${t.toFixed(1)} < ${minT})`;
    return `${head}. Not predictive: the cross-validated error ${why}, so the criterion scores do not predict the outcome; config keeps the current weights.`;
  }
  const top = criteria
    .filter((c) => c.status === 'predictive')
    .sort((a, b) => b.share - a.share)
    .map((c) => `${c.name} ${pct(c.share)}`)
    .join(', ');
  const none = criteria.filter((c) => c.status === 'not-predictive').map((c) => c.name);
  const tail = none.length ? ` Not predictive: ${none.join(', ')}.` : '';
  if (verdict === 'weak') {
    return `${head} (${pct(cvR2)} of the error removed). Weak: the scores predict a little (${top}), too little to trust new weights; config keeps the current weights.${tail}`;
  }
  return `${head} (${pct(cvR2)} of the error removed). Predictive: ${top}; the new weights are in config.${tail}`;
}

/** A share as a whole percentage. */
export function pct(x: number): string {
  return `${(100 * x).toFixed(0)}%`;
}
