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
  /** The amount added to essential-fit pairs (0 when the tier is off). */
  readonly lift: number;
  /** The matrix's check bytes and forbidden flags: a pair is lifted when both are 0 (and it was allowed). */
  readonly checks: Uint8Array;
  readonly forbidden: Uint8Array;
}

/**
 * Folds the essential-fit tier into `data` in place (when `on`): adds a lift larger than
 * any achievable untiered total to every allowed essential-fit pair. One pass, no extra
 * buffer: the lift is `1 + extra + rows · maxValue`, above every matching's total when
 * `maxValue` bounds what one row's pairs can add (one pair's largest value times the
 * most mentors a mentee may take).
 *
 * @param data - Row-major solver values (−Infinity = not allowed), changed in place.
 * @param matrix - The matrix the values came from (its `checks` say which pairs fit).
 * @param on - Whether the essential-fit tier is on.
 * @param maxValue - An upper bound on what one row's pairs add to a total (≥ 0).
 * @param extra - A bound on anything else the solver adds to the total (group cohesion), ≥ 0.
 * @returns The values with their tier.
 *
 * @example
 * ```ts
 * const v = withEssentialTier(data, matrix, true, 1.3);
 * baseValue(v, k); // the pair's value without the lift
 * ```
 */
export function withEssentialTier(data: Float64Array, matrix: CompatibilityMatrix, on: boolean, maxValue: number, extra = 0): SolverValues {
  const { rows, cols, checks, forbidden } = matrix;
  if (!on) return { rows, cols, data, lift: 0, checks, forbidden };
  const lift = essentialLift(rows, maxValue, extra);
  liftRow(data, checks, forbidden, lift);
  return { rows, cols, data, lift, checks, forbidden };
}

/**
 * The essential-fit tier's lift: `1 + extra + rows · maxValue`, above every matching's
 * untiered total (see {@link withEssentialTier}).
 *
 * @example
 * ```ts
 * essentialLift(100, 1.3); // 131
 * ```
 */
export function essentialLift(rows: number, maxValue: number, extra = 0): number {
  return 1 + extra + rows * maxValue;
}

/**
 * Adds `lift` to every allowed essential-fit pair of `values` (in place): check bits 0,
 * rule code 0, value not −Infinity. The one place the tier is applied, for a dense
 * matrix or for one streamed row.
 *
 * @example
 * ```ts
 * liftRow(rowValues, rowChecks, rowCodes, 131);
 * ```
 */
export function liftRow(values: Float64Array, checks: ArrayLike<number>, code: ArrayLike<number>, lift: number): void {
  for (let k = 0; k < values.length; k++) if (checks[k] === 0 && code[k] === 0 && values[k] !== -Infinity) values[k] += lift;
}

/** True when pair `k` carries the lift (an allowed essential fit, the tier on). */
export function isLifted(v: SolverValues, k: number): boolean {
  return v.lift !== 0 && v.checks[k] === 0 && v.forbidden[k] === 0;
}

/**
 * A pair's value without the tier's lift (for a pair that is allowed).
 *
 * @example
 * ```ts
 * baseValue(values, i * values.cols + j); // 0.61 (+ bonuses)
 * ```
 */
export function baseValue(v: SolverValues, k: number): number {
  return isLifted(v, k) ? v.data[k] - v.lift : v.data[k];
}
