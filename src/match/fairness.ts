/**
 * The fairness floor search shared by every mode family.
 *
 * @module
 */
import { highestFloor } from '../solve/bottleneck.js';
import { baseValue, isLifted, type SolverValues } from './tiers.js';

/** The floor a fairness search reached, and the total it gave up for it (0–1 scale, bonuses included, the tier's lift not). */
export interface Fairness {
  readonly floor: number;
  readonly price: number;
  /** The reference answer's total score, what the price is given up from (same scale). */
  readonly reference: number;
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
 * The fairness objective for every mode family: the highest floor on the pair scores
 * (0–1, bonuses and the tier's lift excluded; {@link highestFloor}, a bottleneck search
 * around the exact solver) at which the answer still has the reference answer's number
 * of pairs and of essential fits; then that answer, the floor it reached (its lowest pair
 * score) and the price of fairness, the total score given up versus the reference (≥ 0).
 *
 * @param v - The solver values (with their tier).
 * @param scores - The pair scores of the matrix (row-major, 0–1), what the floor is on.
 * @param reference - The answer without a floor.
 * @param solve - Solves on values with the pairs below a floor set to −Infinity.
 * @param pairsOf - The pairs of an answer.
 *
 * @example
 * ```ts
 * const f = fairnessSearch(value, matrix.scores, reference, solvePairs, (r) => r.pairs);
 * f.floor; // the lowest pair score of f.result
 * ```
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
  const ref = tally(v, refPairs);
  const { answer } = highestFloor(v.data, scores, solve, (x) => {
    const t = tally(v, pairsOf(x));
    return t.count >= ref.count && t.fits >= ref.fits;
  });
  const pairs = pairsOf(answer);
  // The floor reached is the lowest pair score of the answer (the floor searched for the
  // exact solvers; the group heuristic may do better). Never a negative price: the exact
  // solvers cannot beat their reference, and where the heuristic does, nothing was paid.
  const lowest = pairs.length ? pairs.reduce((x, [i, j]) => Math.min(x, scores[i * v.cols + j]), Infinity) : 0;
  const refTotal = scoreTotal(refPairs);
  return { result: answer, floor: lowest, price: Math.max(0, refTotal - scoreTotal(pairs)), reference: refTotal };
}
