/**
 * Tiers: what `match` maximises before the objective, in order. The default is
 * `['matched', 'essential-fit']` — as many mentees matched as the places and rules
 * allow, then as many of them as possible with an essential-fit mentor, then the
 * objective (best total, by default).
 *
 * @module
 */
import type { CompatibilityMatrix } from '../score/matrix.js';

/** A tier above the objective: `matched` (cardinality) or `essential-fit` (pairs passing the checklist). */
export type Tier = 'matched' | 'essential-fit';

/** The tiers `match` uses when `tiers` is not given. */
export const DEFAULT_TIERS: readonly Tier[] = ['matched', 'essential-fit'];

/**
 * Solver values with the essential-fit tier folded in: `data[k]` is the pair's value
 * (score plus bonuses) plus `lift` when the pair is an essential fit. `lift` exceeds the
 * largest total any matching can reach on the untiered values, so one more essential
 * fit always outweighs every score difference: maximising the tiered total maximises the
 * number of essential fits first, then the total — exactly, as one solve.
 */
export interface SolverValues {
  readonly rows: number;
  readonly cols: number;
  /** Row-major values to maximise; −Infinity = not allowed. */
  readonly data: Float64Array;
  /** Essential fit per pair (1) when the tier is on; null when it is off. */
  readonly fit: Uint8Array | null;
  /** The amount added to essential-fit pairs (0 when the tier is off). */
  readonly lift: number;
}

/**
 * Folds the essential-fit tier into `data` in place (when `on`): adds a lift larger than
 * any achievable untiered total to every allowed essential-fit pair.
 *
 * @param data - Row-major solver values (−Infinity = not allowed), changed in place.
 * @param matrix - The matrix the values came from (its `checks` say which pairs fit).
 * @param on - Whether the essential-fit tier is on.
 * @param extra - A bound on anything else the solver adds to the total (group cohesion), ≥ 0.
 * @returns The values with their tier.
 *
 * @example
 * ```ts
 * const v = withEssentialTier(data, matrix, true);
 * baseValue(v, k); // the pair's value without the lift
 * ```
 */
export function withEssentialTier(data: Float64Array, matrix: CompatibilityMatrix, on: boolean, extra = 0): SolverValues {
  const { rows, cols } = matrix;
  if (!on) return { rows, cols, data, fit: null, lift: 0 };
  // Lift > Σ_i max_j |value(i, j)|: no difference in untiered totals reaches it.
  let bound = 1 + extra;
  for (let i = 0; i < rows; i++) {
    let best = 0;
    for (let k = i * cols, e = k + cols; k < e; k++) {
      const x = data[k];
      if (x !== -Infinity && Math.abs(x) > best) best = Math.abs(x);
    }
    bound += best;
  }
  const fit = new Uint8Array(rows * cols);
  const checks = matrix.checks;
  const forbidden = matrix.forbidden;
  for (let k = 0; k < data.length; k++) {
    if (data[k] !== -Infinity && forbidden[k] === 0 && checks[k] === 0) {
      fit[k] = 1;
      data[k] += bound;
    }
  }
  return { rows, cols, data, fit, lift: bound };
}

/**
 * A pair's value without the tier's lift.
 *
 * @example
 * ```ts
 * baseValue(values, i * values.cols + j); // 0.61 (+ bonuses)
 * ```
 */
export function baseValue(v: SolverValues, k: number): number {
  return v.fit !== null && v.fit[k] === 1 ? v.data[k] - v.lift : v.data[k];
}
