/**
 * Ridge-regularised, non-negative linear fit with a free intercept. Private to `evaluate/`.
 *
 * @module
 */
import { Matrix } from 'ml-matrix';

import { nnls } from '../../solve/nnls.js';

/** A fitted model: prediction = intercept + Σ weights[c] · x[c]. */
export interface LinearFit {
  readonly intercept: number;
  readonly weights: Float64Array;
}

/**
 * Fits y ≈ b + Σ w_c x_c on the rows `use` of X (n × p row-major, no NaN) minimising
 * (1/m)·Σ (y − b − Xw)² + λ·v̄·‖w‖² subject to w ≥ 0, b free, where m = rows used and
 * v̄ = the mean variance of the columns on those rows, so that λ is unitless: a column
 * of typical variance has its weight shrunk by about λ/(1 + λ).
 *
 * The intercept is left out of the penalty by centring: for any w the best b is
 * ȳ − x̄ᵀw, so the problem reduces to a non-negative least squares problem on the
 * centred columns, augmented with √(m·λ·v̄)·I below (Lawson–Hanson, {@link nnls}).
 *
 * @example
 * ```ts
 * const fit = fitRidgeNnls(X, 3, y, allRows, 0.01);
 * fit.intercept + fit.weights[0] * x0 + fit.weights[1] * x1 + fit.weights[2] * x2;
 * ```
 */
export function fitRidgeNnls(X: Float64Array, p: number, y: Float64Array, use: Int32Array, lambda: number): LinearFit {
  const m = use.length;
  const xMean = new Float64Array(p);
  let yMean = 0;
  for (const r of use) {
    yMean += y[r];
    for (let c = 0; c < p; c++) xMean[c] += X[r * p + c];
  }
  yMean /= m;
  for (let c = 0; c < p; c++) xMean[c] /= m;
  const A = new Matrix(m + p, p);
  const b = new Float64Array(m + p);
  let vbar = 0;
  for (let k = 0; k < m; k++) {
    const r = use[k];
    b[k] = y[r] - yMean;
    for (let c = 0; c < p; c++) {
      const v = X[r * p + c] - xMean[c];
      A.set(k, c, v);
      vbar += v * v;
    }
  }
  vbar /= m * p;
  const ridge = Math.sqrt(m * lambda * (vbar > 0 ? vbar : 1));
  for (let c = 0; c < p; c++) A.set(m + c, c, ridge);
  const { x, converged } = nnls(A, b);
  if (!converged) throw new Error('calibrateWeights: the non-negative least squares solver did not converge');
  let intercept = yMean;
  for (let c = 0; c < p; c++) intercept -= x[c] * xMean[c];
  return { intercept, weights: x };
}

/**
 * Prediction of `fit` for row r of X (n × p, row-major).
 *
 * @example
 * ```ts
 * predict({ intercept: 1, weights: Float64Array.of(2) }, Float64Array.of(0.5), 1, 0); // 2
 * ```
 */
export function predict(fit: LinearFit, X: Float64Array, p: number, r: number): number {
  let s = fit.intercept;
  for (let c = 0; c < p; c++) s += fit.weights[c] * X[r * p + c];
  return s;
}

/**
 * In-sample R² of `fit` on every row of X: 1 − residual / total sum of squares.
 *
 * @example
 * ```ts
 * rSquared({ intercept: 0, weights: Float64Array.of(2) }, Float64Array.of(0, 1), 1, Float64Array.of(0, 2)); // 1
 * ```
 */
export function rSquared(fit: LinearFit, X: Float64Array, p: number, y: Float64Array): number {
  const n = y.length;
  let yMean = 0;
  for (const v of y) yMean += v;
  yMean /= n;
  let rss = 0;
  let tss = 0;
  for (let r = 0; r < n; r++) {
    rss += (y[r] - predict(fit, X, p, r)) ** 2;
    tss += (y[r] - yMean) ** 2;
  }
  return 1 - rss / tss;
}
