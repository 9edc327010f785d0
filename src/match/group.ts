/**
 * The group mode family: a mentor leads a group of mentees between a minimum and a
 * maximum size — group mode, and the capacity modes when some mentor asks for a minimum
 * number of mentees. Stage 1 of a bipartite solve (see bipartite.ts) runs here then.
 *
 * @module
 */
import { groupAssignment } from '../solve/groups.js';
import { fairnessSearch, type Fairness } from './fairness.js';
import type { FirstStage, StageResult } from './stage.js';
import { fromAssignment } from './values.js';

/**
 * Stage 1 through the group search ({@link groupAssignment}): groups between the minimum
 * (`group.minSize`, or each mentor's `capacity.min` when `mentorMinimums`) and each
 * mentor's places, optional cohesion on shared tags, under the tiers and the objective
 * (fairness: a bottleneck search around the group search). The result says whether the
 * answer is exact and what the local search did.
 *
 * @example
 * ```ts
 * const { chosen, dissolved, search } = groupStage(stage, false); // group mode
 * ```
 */
export function groupStage(x: FirstStage, mentorMinimums: boolean): StageResult {
  const { o, mentees, mentors, matrix, value, capacity } = x;
  const R = mentees.length;
  const C = mentors.length;
  const cohesion = o.group.cohesion;
  const solve = (data: Float64Array) =>
    groupAssignment(
      { rows: R, cols: C, data },
      {
        minSize: mentorMinimums ? mentors.map((p) => p.capacity.min) : o.group.minSize,
        maxSize: Array.from(capacity),
        // Dissolving one undersized group per re-solve is the rule; on large cohorts (many
        // mentors) 16 at a time keeps the dissolve loop to seconds (see groups.ts).
        dissolveBatch: C > 500 ? 16 : 1,
        ...(cohesion ? { cohesion: { weight: cohesion.weight, similarity: (a: number, b: number) => jaccard(mentees[a][cohesion.on], mentees[b][cohesion.on]) } } : {}),
      },
    );
  let g = solve(value.data);
  let fair: Fairness | undefined;
  if (o.objective === 'fairness') {
    const r = fairnessSearch(value, matrix.scores, g, solve, (a) => fromAssignment(a.assignment));
    g = r.result;
    fair = r;
  }
  return { chosen: fromAssignment(g.assignment), fair, search: { exact: g.exact, converged: g.converged, moves: g.swaps }, dissolved: g.dissolved };
}

/** Jaccard similarity of two tag lists (0 when either is empty). */
function jaccard(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const sb = new Set(b);
  let c = 0;
  for (const x of a) if (sb.has(x)) c++;
  return c / (a.length + b.length - c);
}
