/**
 * Parts of every result: the exact search status, summary statistics and the scores inside peer groups.
 *
 * @module
 */
import type { CompatibilityMatrix } from '../score/matrix.js';
import type { MatchStats, PairDetails, SearchStatus, Unmatched } from './types.js';

/** The search status of the exact solvers. */
export const EXACT: SearchStatus = Object.freeze({ exact: true, converged: true, moves: 0 });

/**
 * Summary statistics: every pair's score, the pairs inside peer trios and circles
 * included (`circlePairScores`: one score per pair of members).
 */
export function stats(participants: number, pairs: readonly PairDetails[], unmatched: readonly Unmatched[], circlePairScores: readonly number[] = []): MatchStats {
  const scores = [...pairs.map((p) => p.score), ...circlePairScores];
  return {
    participants,
    matched: participants - unmatched.length,
    unmatched: unmatched.length,
    pairs: scores.length,
    meanScore: mean(scores),
    lowestScore: scores.length ? scores.reduce((a, b) => (b < a ? b : a)) : 0,
    totalScore: scores.reduce((a, b) => a + b, 0),
  };
}

/** Scores (0–100) of every pair of members inside each peer group. */
export function innerPairScores(matrix: CompatibilityMatrix, members: readonly (readonly number[])[]): number[] {
  const out: number[] = [];
  for (const c of members) for (let a = 0; a < c.length; a++) for (let b = a + 1; b < c.length; b++) out.push(100 * matrix.score(c[a], c[b]));
  return out;
}

/**
 * The mean score (0–100) of every pair of members of a peer group.
 *
 * @example
 * ```ts
 * circleScore(matrix, [0, 3, 5]); // mean of the scores of 0–3, 0–5 and 3–5
 * ```
 */
export function circleScore(matrix: CompatibilityMatrix, c: readonly number[]): number {
  const s: number[] = [];
  for (let a = 0; a < c.length; a++) for (let b = a + 1; b < c.length; b++) s.push(100 * matrix.score(c[a], c[b]));
  return mean(s);
}

/**
 * The arithmetic mean, 0 for no numbers.
 *
 * @example
 * ```ts
 * mean([50, 70]); // 60
 * ```
 */
export function mean(xs: readonly number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}
