import { internalsOf, type CompatibilityMatrix, type ForbiddenReason } from './matrix.js';

/** One criterion's part in a pair score. */
export interface CriterionBreakdown {
  readonly name: string;
  readonly weight: number;
  readonly must: boolean;
  /** In [0, 1], or null when the criterion does not apply to this pair (missing data). */
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
}

/**
 * Explains a pair score: each criterion's score, weight and contribution, with the
 * evidence in words — shared skills with levels, common hours in both people's local
 * time, shared languages, trait differences — naming only evidence that actually
 * matched; and every rule that forbids the pair. Computed on demand (not stored).
 *
 * @example
 * ```ts
 * const e = explainPair(matrix, 0, 2);
 * e.score;                 // 78.5
 * e.criteria[0].evidence;  // ['teaches python at level 4 (wanted level 3)']
 * ```
 */
export function explainPair(matrix: CompatibilityMatrix, i: number, j: number): PairExplanation {
  if (!Number.isInteger(i) || !Number.isInteger(j) || i < 0 || j < 0 || i >= matrix.rows || j >= matrix.cols) {
    throw new RangeError(`pair (${i}, ${j}) is outside the ${matrix.rows} × ${matrix.cols} matrix`);
  }
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
  let wsum = 0;
  for (const p of parts) if (p.score === p.score && p.w.weight > 0) wsum += p.w.weight;
  const breakdown: CriterionBreakdown[] = parts.map((p) => {
    const applies = p.score === p.score;
    return {
      name: p.w.name,
      weight: p.w.weight,
      must: p.w.must,
      score: applies ? p.score : null,
      contribution: applies && wsum > 0 ? (100 * p.w.weight * p.score) / wsum : 0,
      evidence: p.evidence,
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
  };
}
