/**
 * The columns of a calibration fit: how often each criterion applies to the history
 * pairs and over what range, and the design matrix of the fitted criteria with missing
 * scores imputed. Private to `evaluate/`.
 *
 * @module
 */
import type { PairFeatures } from './features.js';

/** Per criterion (aligned with `PairFeatures.names`): where it applies and what it scores there. */
export interface ColumnStats {
  /** Pairs where the criterion applies (its score is not NaN). */
  readonly applies: Int32Array;
  /** Sum of its scores over those pairs. */
  readonly sums: Float64Array;
  /** Lowest score over those pairs (Infinity when it never applies). */
  readonly lo: Float64Array;
  /** Highest score over those pairs (−Infinity when it never applies). */
  readonly hi: Float64Array;
}

/**
 * Counts, sums and ranges of each criterion's scores over the pairs where it applies.
 *
 * @param features - The n × p pair scores (NaN where a criterion does not apply).
 * @returns The per-criterion statistics.
 *
 * @example
 * ```ts
 * const s = columnStats({ names: ['skills'], values: Float64Array.of(0.5, NaN, 1), n: 3, p: 1 });
 * s.applies[0]; // 2
 * s.sums[0];    // 1.5
 * [s.lo[0], s.hi[0]]; // [0.5, 1]
 * ```
 */
export function columnStats(features: PairFeatures): ColumnStats {
  const { n, p: P, values } = features;
  const applies = new Int32Array(P);
  const sums = new Float64Array(P);
  const lo = new Float64Array(P).fill(Infinity);
  const hi = new Float64Array(P).fill(-Infinity);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < P; c++) {
      const v = values[r * P + c];
      if (v !== v) continue;
      applies[c]++;
      sums[c] += v;
      if (v < lo[c]) lo[c] = v;
      if (v > hi[c]) hi[c] = v;
    }
  }
  return { applies, sums, lo, hi };
}

/**
 * The n × p design matrix (row-major) of the `fitted` criteria, a missing score imputed
 * with the criterion's mean over the pairs where it applies.
 *
 * @param features - The n × P pair scores.
 * @param fitted - Indices into `features.names` of the criteria to fit, in column order.
 * @param stats - {@link columnStats} of `features`.
 * @returns The design matrix, without NaN.
 *
 * @example
 * ```ts
 * const f = { names: ['skills', 'goals'], values: Float64Array.of(0.5, 0, NaN, 1, 1, 1), n: 3, p: 2 };
 * designMatrix(f, [0], columnStats(f)); // Float64Array [0.5, 0.75, 1]
 * ```
 */
export function designMatrix(features: PairFeatures, fitted: readonly number[], stats: ColumnStats): Float64Array {
  const { n, p: P, values } = features;
  const p = fitted.length;
  const X = new Float64Array(n * p);
  const means = fitted.map((c) => stats.sums[c] / stats.applies[c]);
  for (let r = 0; r < n; r++) {
    for (let k = 0; k < p; k++) {
      const v = values[r * P + fitted[k]];
      X[r * p + k] = v === v ? v : means[k];
    }
  }
  return X;
}
