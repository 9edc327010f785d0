/**
 * Cross-validation helpers of calibration: the out-of-sample error against the mean, the
 * ridge strength by inner k-fold error, fold index lists, and the paired t statistic.
 * Private to `evaluate/`.
 *
 * @module
 */
import type { CalibrationResult } from '../types.js';
import { foldAssignment } from './folds.js';
import { fitRidgeNnls, predict, type LinearFit } from './ridge.js';

/** Out-of-sample errors of the fit against a baseline that predicts the training mean (documented in {@link CalibrationResult}). */
export type CrossValidation = Pick<CalibrationResult, 'cvRmse' | 'baselineRmse' | 'cvR2' | 't'>;

/**
 * k-fold cross-validation of the ridge fit against the mean, with a paired t test on the
 * per-pair gain. With `lambda: 'cv'` each fold picks its own ridge strength on its
 * training rows (seed `seed + 2 + fold`), so the reported error stays honest.
 *
 * @param X - n × p design matrix, row-major, no NaN.
 * @param p - Columns of X.
 * @param y - The n outcomes.
 * @param k - Folds.
 * @param seed - Seed of the fold assignment.
 * @param lambda - The ridge strength, or `'cv'` to choose it from `grid` per fold.
 * @param grid - Ridge strengths tried with `'cv'`.
 * @returns The errors, R² and t statistic.
 *
 * @example
 * ```ts
 * const cv = crossValidate(X, p, y, 5, 1, 0.01, [0.001, 0.01, 0.1, 1, 10]);
 * cv.cvRmse < cv.baselineRmse; // true when the scores predict the outcome
 * ```
 */
export function crossValidate(
  X: Float64Array,
  p: number,
  y: Float64Array,
  k: number,
  seed: number,
  lambda: number | 'cv',
  grid: readonly number[],
): CrossValidation {
  const n = y.length;
  const fold = foldAssignment(n, k, seed);
  const gain = new Float64Array(n);
  let sseModel = 0;
  let sseBase = 0;
  for (let f = 0; f < k; f++) {
    const train = indices(fold, (g) => g !== f);
    const test = indices(fold, (g) => g === f);
    const lam = lambda === 'cv' ? chooseLambda(X, p, y, train, k, seed + 2 + f, grid) : lambda;
    const m = fitRidgeNnls(X, p, y, train, lam);
    let base = 0;
    for (const r of train) base += y[r];
    base /= train.length;
    for (const r of test) {
      const em = (y[r] - predict(m, X, p, r)) ** 2;
      const eb = (y[r] - base) ** 2;
      sseModel += em;
      sseBase += eb;
      gain[r] = eb - em;
    }
  }
  return { cvRmse: Math.sqrt(sseModel / n), baselineRmse: Math.sqrt(sseBase / n), cvR2: 1 - sseModel / sseBase, t: pairedT(gain) };
}

/**
 * The ridge strength of `grid` with the least k-fold squared error on `rows` (ties: the
 * stronger ridge).
 *
 * @example
 * ```ts
 * chooseLambda(X, p, y, train, 5, 1, [0.001, 0.01, 0.1, 1, 10]); // 0.01
 * ```
 */
export function chooseLambda(X: Float64Array, p: number, y: Float64Array, rows: Int32Array, k: number, seed: number, grid: readonly number[]): number {
  const fold = foldAssignment(rows.length, Math.min(k, rows.length), seed);
  let best = grid[0];
  let bestErr = Infinity;
  for (const lambda of grid) {
    let sse = 0;
    for (let f = 0; f < k; f++) {
      const train = Int32Array.from(rows.filter((_, q) => fold[q] !== f));
      const fit: LinearFit = fitRidgeNnls(X, p, y, train, lambda);
      rows.forEach((r, q) => {
        if (fold[q] === f) sse += (y[r] - predict(fit, X, p, r)) ** 2;
      });
    }
    // Ties (within rounding) go to the stronger ridge: the grid is ascending.
    if (sse <= bestErr * (1 + 1e-9)) {
      bestErr = Math.min(sse, bestErr);
      best = lambda;
    }
  }
  return best;
}

/**
 * Rows whose fold passes `keep`.
 *
 * @example
 * ```ts
 * indices(Int32Array.from([0, 1, 0]), (f) => f === 0); // Int32Array [0, 2]
 * ```
 */
export function indices(fold: Int32Array, keep: (f: number) => boolean): Int32Array {
  const out: number[] = [];
  for (let r = 0; r < fold.length; r++) if (keep(fold[r])) out.push(r);
  return Int32Array.from(out);
}

/**
 * The paired t statistic mean / (sd / √n); 0 when every value is equal (no evidence either way).
 *
 * @example
 * ```ts
 * pairedT(Float64Array.from([1, 2, 3])); // 3.46…
 * ```
 */
export function pairedT(d: Float64Array): number {
  const n = d.length;
  let mean = 0;
  for (const v of d) mean += v;
  mean /= n;
  let ss = 0;
  for (const v of d) ss += (v - mean) ** 2;
  const sd = Math.sqrt(ss / (n - 1));
  return sd > 0 ? mean / (sd / Math.sqrt(n)) : 0;
}
