/**
 * The bottleneck (max–min) search around any exact solver: the highest floor on a pair
 * score such that the solver, allowed only pairs scoring at least the floor, still gives
 * an acceptable answer.
 *
 * @module
 */
import { argError, requireFunction } from '../_internal/args.js';
import { InvalidInputError } from '../errors.js';

/** What {@link highestFloor} found. */
export interface FloorSearch<T> {
  /** The highest level tried that was acceptable; `-Infinity` when none was (then `answer` is the unrestricted solve's). */
  readonly floor: number;
  /** The solver's answer at that floor. */
  readonly answer: T;
  /** How many solves the search ran (⌈log₂ (levels + 1)⌉ at most, one more when no floor is acceptable). */
  readonly solves: number;
}

/**
 * Binary search over the distinct values of `scores` (only where `values` is finite)
 * for the highest floor whose restricted solve — every entry scoring below the floor set
 * to `-Infinity` in a copy of `values` — is still `acceptable`; then that solve's answer.
 *
 * Exact when acceptability is monotone in the floor: a higher floor only removes pairs,
 * so an exact solver's answer can only get worse (fewer pairs, a lower total). That holds
 * for "as many pairs as without a floor" with the assignment, b-matching and blossom
 * solvers; with a heuristic solver the floor found is a good floor, not a proven one.
 * Runs `solve` O(log L) times for L distinct scores, on one reused buffer (`solve` must
 * not keep it, nor return anything that refers to it).
 *
 * @param values - The solver's values, row-major (`-Infinity`: not allowed).
 * @param scores - What the floor is on, one per entry (e.g. the pair scores, without bonuses).
 * @param solve - An exact solver on values of the same shape.
 * @param acceptable - Whether an answer is good enough (e.g. as many pairs as the unrestricted answer).
 * @returns The floor, its answer and the number of solves.
 * @throws InvalidInputError (`INVALID_INPUT`) when `scores` and `values` differ in length.
 *
 * @example
 * ```ts
 * // Pairs as many as without a floor, the weakest pair as strong as possible:
 * const ref = lsap(values);
 * const { floor, answer } = highestFloor(values.data, scores, (d) => lsap({ ...values, data: d }), (a) => a.pairs >= ref.pairs);
 * ```
 */
export function highestFloor<T>(values: Float64Array, scores: Float64Array, solve: (data: Float64Array) => T, acceptable: (answer: T) => boolean): FloorSearch<T> {
  for (const [name, v] of [['values', values], ['scores', scores]] as const) {
    if (!(v instanceof Float64Array)) throw argError('highestFloor', name, 'a Float64Array', v);
  }
  requireFunction(solve, 'highestFloor', 'solve');
  requireFunction(acceptable, 'highestFloor', 'acceptable');
  const n = values.length;
  if (scores.length !== n) throw new InvalidInputError(`highestFloor: expected one score per value (${n}); found ${scores.length} scores`, { expected: n, found: scores.length });
  const buf = new Float64Array(n);
  let m = 0;
  for (let k = 0; k < n; k++) if (values[k] !== -Infinity) buf[m++] = scores[k];
  const sorted = buf.subarray(0, m).sort();
  const levels: number[] = [];
  for (let t = 0; t < m; t++) if (t === 0 || sorted[t] !== sorted[t - 1]) levels.push(sorted[t]);
  let solves = 0;
  const above = (floor: number): T => {
    for (let k = 0; k < n; k++) buf[k] = values[k] !== -Infinity && scores[k] >= floor ? values[k] : -Infinity;
    solves++;
    return solve(buf);
  };
  let lo = 0;
  let hi = levels.length - 1;
  let best: { floor: number; answer: T } | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const answer = above(levels[mid]);
    if (acceptable(answer)) {
      best = { floor: levels[mid], answer };
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  // `solve` keeps nothing of the buffer, so the best floor's answer stands as it was
  // solved, whatever higher floors were tried after it.
  if (best === undefined) {
    const answer = above(-Infinity);
    return { floor: -Infinity, answer, solves };
  }
  return { floor: best.floor, answer: best.answer, solves };
}
