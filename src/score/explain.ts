import { requireIndex } from '../_internal/args.js';
import { pairConcerns, type Concern } from './concerns.js';
import { internalsOf, requireMatrix, type CompatibilityMatrix, type ForbiddenReason } from './matrix.js';

/** One criterion's part in a pair score. */
export interface CriterionBreakdown {
  readonly name: string;
  /** The weight used for this cohort: the configured weight times the criterion's information (a criterion on which every pair scores the same gets 0). */
  readonly weight: number;
  /** The weight the configuration gave. */
  readonly configuredWeight: number;
  readonly must: boolean;
  /** In [0, 1], or null when the criterion does not apply to this pair (missing data; it then scores as a poor match, see the evidence). */
  readonly score: number | null;
  /** Points (0–100 scale) this criterion adds to the pair score; the parts sum to the score. */
  readonly contribution: number;
  /** The evidence that actually matched, in words (empty when nothing matched). */
  readonly evidence: readonly string[];
}

/** Explanation of one pair: {@link explainPair}. */
export interface PairExplanation {
  readonly rowId: string;
  readonly colId: string;
  /** Pair score on 0–100 (for a forbidden pair: what it would score without the rules). */
  readonly score: number;
  readonly forbidden: boolean;
  /** Every rule that forbids the pair (empty when allowed). */
  readonly reasons: readonly ForbiddenReason[];
  readonly criteria: readonly CriterionBreakdown[];
  /** True when the pair passes the essential-fit checklist (skill, language, time) and is allowed. */
  readonly essentialFit: boolean;
  /** What a programme manager should check in this pair (see `pairConcerns`); empty when nothing. */
  readonly concerns: readonly Concern[];
}

/**
 * Explains a pair score: each criterion's score, weight and contribution, with the
 * evidence in words — shared skills with levels, common hours in both people's local
 * time, shared languages, trait differences — naming only evidence that actually
 * matched; and every rule that forbids the pair. Computed on demand (not stored).
 *
 * @throws InvalidInputError (`INVALID_INPUT`) when `matrix` is not a CompatibilityMatrix
 *   built by this copy of mentor-match, or `i` / `j` is not a row / column index of it.
 *
 * @example
 * ```ts
 * const e = explainPair(matrix, 0, 2);
 * e.score;                 // 78.5
 * e.criteria[0].evidence;  // ['teaches python at level 4 (wanted level 3)']
 * ```
 */
export function explainPair(matrix: CompatibilityMatrix, i: number, j: number): PairExplanation {
  requireMatrix(matrix, 'explainPair');
  requireIndex(i, 'explainPair', 'i', matrix.rows, 'row');
  requireIndex(j, 'explainPair', 'j', matrix.cols, 'column');
  const { criteria, weights } = internalsOf(matrix);
  const peer = matrix.kind === 'peer';
  const parts = criteria.map((c, k) => {
    const f = c.explain(i, j, false);
    if (!peer || c.symmetric) return { score: f.score, evidence: f.evidence, w: weights[k] };
    const b = c.explain(i, j, true);
    const score = f.score !== f.score ? b.score : b.score !== b.score ? f.score : (f.score + b.score) / 2;
    const evidence = [
      ...f.evidence.map((e) => `${matrix.colIds[j]} → ${matrix.rowIds[i]}: ${e}`),
      ...b.evidence.map((e) => `${matrix.rowIds[i]} → ${matrix.colIds[j]}: ${e}`),
    ];
    return { score, evidence, w: weights[k] };
  });
  // As the matrix scores: a criterion without data scores its poor-match value, when it has one.
  const used = parts.map((p) => (p.score === p.score ? p.score : (p.w.missingScore ?? NaN)));
  let wsum = 0;
  parts.forEach((p, k) => {
    if (used[k] === used[k] && p.w.weight > 0) wsum += p.w.weight;
  });
  const breakdown: CriterionBreakdown[] = parts.map((p, k) => {
    const applies = p.score === p.score;
    const s = used[k];
    return {
      name: p.w.name,
      weight: p.w.weight,
      configuredWeight: p.w.configuredWeight,
      must: p.w.must,
      score: applies ? p.score : null,
      contribution: s === s && wsum > 0 ? (100 * p.w.weight * s) / wsum : 0,
      evidence: applies || s !== s ? p.evidence : [`no data on one side: scored ${Math.round(100 * s)}/100, a poor match in this cohort`],
    };
  });
  const reasons = matrix.reasons(i, j);
  return {
    rowId: matrix.rowIds[i],
    colId: matrix.colIds[j],
    // The criteria's sum: the matrix score for an allowed pair, and for a forbidden one
    // (scored 0 in the matrix) what it would have scored.
    score: breakdown.reduce((s, c) => s + c.contribution, 0),
    forbidden: matrix.isForbidden(i, j),
    reasons,
    criteria: breakdown,
    essentialFit: matrix.isEssentialFit(i, j),
    concerns: pairConcerns(matrix, i, j),
  };
}
