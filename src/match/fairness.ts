/**
 * The fairness floor search shared by every mode family.
 *
 * @module
 */
import { baseValue, isLifted, type SolverValues } from './tiers.js';

/** The floor a fairness search reached, and the total it gave up for it (0–1 scale, bonuses included, the tier's lift not). */
export interface Fairness {
  readonly floor: number;
  readonly price: number;
}

/** Pairs, essential fits and the total (values without the tier's lift) of a set of pairs. */
export function tally(v: SolverValues, pairs: readonly (readonly [number, number])[]): { count: number; fits: number; total: number } {
  let fits = 0;
  let total = 0;
  for (const [i, j] of pairs) {
    const k = i * v.cols + j;
    if (isLifted(v, k)) fits++;
    total += baseValue(v, k);
  }
  return { count: pairs.length, fits, total };
}

/**
 * The fairness search shared by every solver: binary search over the distinct pair
 * scores (0–1, bonuses and the tier's lift excluded) for the highest floor whose solve —
 * pairs scoring below the floor not allowed — still reaches the reference answer's
 * number of pairs and of essential fits; then that solve's answer, the floor (its lowest
 * pair score: a higher floor would have been feasible too) and the price of fairness,
 * the total score given up versus the reference (≥ 0).
 *
 * @param v - The solver values (with their tier).
 * @param scores - The pair scores of the matrix (row-major, 0–1), what the floor is on.
 * @param reference - The answer without a floor.
 * @param solve - Solves on values with the pairs below a floor set to −Infinity.
 * @param pairsOf - The pairs of an answer.
 */
export function fairnessSearch<T>(
  v: SolverValues,
  scores: Float64Array,
  reference: T,
  solve: (data: Float64Array) => T,
  pairsOf: (x: T) => readonly (readonly [number, number])[],
): Fairness & { result: T } {
  const scoreTotal = (pairs: readonly (readonly [number, number])[]): number => pairs.reduce((t, [i, j]) => t + scores[i * v.cols + j], 0);
  const refPairs = pairsOf(reference);
  const ref = { ...tally(v, refPairs), scoreTotal: scoreTotal(refPairs) };
  const n = v.data.length;
  const buf = new Float64Array(n);
  let m = 0;
  for (let k = 0; k < n; k++) if (v.data[k] !== -Infinity) buf[m++] = scores[k];
  const sorted = buf.subarray(0, m).sort();
  const levels: number[] = [];
  for (let t = 0; t < m; t++) if (t === 0 || sorted[t] !== sorted[t - 1]) levels.push(sorted[t]);
  const d = buf; // reused: one buffer for every floor tried
  const above = (floor: number) => {
    for (let k = 0; k < n; k++) d[k] = v.data[k] !== -Infinity && scores[k] >= floor ? v.data[k] : -Infinity;
    const result = solve(d);
    const pairs = pairsOf(result);
    return { ...tally(v, pairs), scoreTotal: scoreTotal(pairs), result };
  };
  let lo = 0;
  let hi = levels.length - 1;
  let bestFloor = -Infinity;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = above(levels[mid]);
    if (r.count >= ref.count && r.fits >= ref.fits) {
      bestFloor = levels[mid];
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  const best = above(bestFloor);
  const pairs = pairsOf(best.result);
  // The floor reached is the lowest pair score of the answer (equal to bestFloor for the
  // exact solvers; the group heuristic may do better). Never a negative price: the exact
  // solvers cannot beat their reference, and where the heuristic does, nothing was paid.
  const lowest = pairs.length ? pairs.reduce((x, [i, j]) => Math.min(x, scores[i * v.cols + j]), Infinity) : 0;
  return { result: best.result, floor: lowest, price: Math.max(0, ref.scoreTotal - best.scoreTotal) };
}
