/**
 * Group assignment: one mentor (column) leads a group of mentees (rows) whose size lies
 * between `minSize` and `maxSize`, optionally trading mentor fit against the cohesion of
 * the group (how similar its mentees are to each other). Numbers only: shapes and
 * option values are checked once, at the boundary.
 *
 * @module
 */
import { requireOptions } from '../_internal/args.js';
import { InvalidInputError } from '../errors.js';
import { capacitatedAssignment } from './capacitated.js';
import { toDense } from './_internal/dense.js';
import { neumaierSum } from './_internal/sum.js';
import type { CostInput, DenseMatrix } from './types.js';

/**
 * Cohesion of a group: how alike its mentees are, traded against mentor fit.
 *
 * @example
 * ```ts
 * const cohesion: GroupCohesion = { weight: 0.5, similarity: (a, b) => jaccard(goals[a], goals[b]) };
 * ```
 */
export interface GroupCohesion {
  /** Weight of the cohesion total in the objective; finite, ≥ 0 (0 = report only). */
  readonly weight: number;
  /**
   * Similarity of two mentees (rows) in [0, 1]. Always called with `a < b`, so an
   * asymmetric function is read as its upper triangle.
   */
  readonly similarity: (a: number, b: number) => number;
}

/**
 * Options of {@link groupAssignment}.
 *
 * @example
 * ```ts
 * const options: GroupAssignmentOptions = { minSize: 3, maxSize: [6, 4, 6], dissolveBatch: 16 };
 * ```
 */
export interface GroupAssignmentOptions {
  /**
   * Smallest group a mentor may lead (integer ≥ 0), one for every column or one per
   * column. A mentor with fewer mentees than this leads no group: the group is
   * dissolved. 0 and 1 never dissolve anything.
   */
  readonly minSize: number | readonly number[];
  /** Largest group per mentor: one integer ≥ 0 for every column, or one per column. */
  readonly maxSize: readonly number[] | number;
  /**
   * Cohesion term; absent = mentor fit only (exact).
   * @defaultValue none
   */
  readonly cohesion?: GroupCohesion;
  /**
   * Work budget of the cohesion local search, in candidate evaluations plus similarity
   * calls. When it runs out the search stops with `converged: false`.
   * @defaultValue {@link GROUP_SEARCH_BUDGET} (5·10⁷, about half a second for groups of ~5)
   */
  readonly maxWork?: number;
  /**
   * How many under-`minSize` groups the dissolve loop may dissolve before each re-solve,
   * taken in the dissolve order (smallest, then lowest fit, then lowest column). 1 is the
   * careful rule (one re-solve per dissolved group); a larger batch trades a few groups
   * that a neighbour's dissolution would have filled for far fewer re-solves on large
   * instances.
   * @defaultValue 1
   */
  readonly dissolveBatch?: number;
}

/**
 * Result of {@link groupAssignment}. `exact`, `converged` and `swaps` say how the search
 * ended: `exact` — provably optimal; `converged: false` — the cohesion local search hit
 * its pass or work budget (`maxWork`) before a local optimum.
 *
 * @example
 * ```ts
 * const { assignment, dissolved, objective, exact, converged } = groupAssignment(scores, { minSize: 2, maxSize: 4 });
 * ```
 */
export interface GroupAssignmentResult {
  /** Column of each row, -1 = unassigned. */
  readonly assignment: Int32Array;
  /** Columns whose group was below `minSize` and was dissolved, in the order dissolved. */
  readonly dissolved: readonly number[];
  /** Σ score of the assigned (row, column) pairs. */
  readonly fitTotal: number;
  /** Σ over groups of the mean pairwise similarity inside the group (groups of < 2 add 0); 0 without cohesion. */
  readonly cohesionTotal: number;
  /** `fitTotal + weight · cohesionTotal`. */
  readonly objective: number;
  /**
   * True when the answer is provably optimal: cohesion is off (or has weight 0) and no
   * group had to be dissolved. The assignment is then the maximum-cardinality,
   * maximum-fit assignment under the size limits (every group empty or ≥ `minSize`).
   */
  readonly exact: boolean;
  /** Improving changes (single moves and swaps) made by the cohesion local search; 0 without cohesion. */
  readonly swaps: number;
  /**
   * False when the cohesion local search stopped on its pass cap
   * ({@link GROUP_SEARCH_MAX_PASSES}) or work budget (`maxWork`) rather than at a local
   * optimum; true without cohesion.
   */
  readonly converged: boolean;
}

/**
 * Default work budget of the cohesion local search (candidate evaluations + similarity calls).
 *
 * @example
 * ```ts
 * groupAssignment(scores, { minSize: 3, maxSize: 6, cohesion, maxWork: 4 * GROUP_SEARCH_BUDGET });
 * ```
 */
export const GROUP_SEARCH_BUDGET = 50_000_000;

/**
 * Most passes over the rows the cohesion local search makes.
 *
 * @example
 * ```ts
 * GROUP_SEARCH_MAX_PASSES; // 100
 * ```
 */
export const GROUP_SEARCH_MAX_PASSES = 100;

/**
 * Group assignment: assigns mentees (rows) to mentor groups (columns) within the size
 * limits, maximising the number of mentees placed first, then the total fit — plus, when
 * `cohesion` is on, `weight ×` the sum over groups of the mean pairwise similarity of the
 * group's mentees. Every non-empty group has between `minSize` and `maxSize` members.
 *
 * **Without cohesion** the assignment is exact: a capacitated assignment (maximise,
 * capacity = `maxSize`, forbidden pairs = -Infinity). Groups that come out non-empty but
 * below `minSize` are then handled by a *dissolve loop*: the smallest such group (ties:
 * lowest fit, then lowest column) is dissolved — its column's capacity set to 0 — and the
 * problem re-solved, until every non-empty group has at least `minSize` members. This
 * loop is a heuristic (the exact problem with lower bounds — "either empty or ≥ minSize"
 * — is a facility-location-type problem, NP-hard in general), but it never breaks a size
 * limit or uses a forbidden pair, and it reports what it dissolved. Columns whose
 * `maxSize` is below `minSize` are closed from the start: they could never lead a valid
 * group, so they are not listed in `dissolved`. Exact (`exact: true`) when nothing is
 * dissolved: the unconstrained optimum is then feasible, hence optimal. Every re-solve is
 * a full capacitated assignment, so with many small groups the loop costs one solve per
 * dissolved group (10,000 × 2,000 with ~240 dissolutions: ~40 s); a `dissolveBatch` of k
 * dissolves the k first groups in the dissolve order per re-solve (same instance,
 * k = 16: ~4 s, 3 more groups dissolved).
 *
 * **With cohesion** (weight > 0) the exact assignment above is the start of a
 * deterministic first-improvement local search. In a fixed order — rows 0…n−1; for each
 * row first its moves to columns 0…m−1, then its swaps with rows r+1…n−1 — it tries
 *  - moving an assigned row to another open column with room, and
 *  - swapping two rows in different columns, or an assigned row with an unassigned one
 *    (the number of mentees placed never changes),
 * accepting a candidate as soon as it raises the objective by more than a relative
 * 1e-10, and keeping every size limit (`maxSize`, and `minSize` for both columns of a
 * move — so with `minSize > 0` a move neither empties a group nor starts a new one) and
 * every forbidden pair. Dissolved and closed columns stay closed. It stops at a local
 * optimum (a full pass with no improvement: `converged: true`), or after
 * {@link GROUP_SEARCH_MAX_PASSES} passes or when the work budget (`maxWork`) runs out
 * (`converged: false`); `swaps` counts the changes it made, and `exact` is false. The
 * objective never falls below that of the starting exact assignment. A move costs
 * O(group size) similarity calls; a pass O(n·(m + n)·size).
 *
 * @param scores - fit of each (row = mentee, column = mentor), to maximise: `number[][]`,
 *   an ml-matrix `Matrix`, or `{ rows, cols, data: Float64Array }`; finite, or
 *   `-Infinity` for a forbidden pair (as for the other solvers). Never mutated.
 * @param options - sizes, optional cohesion, search budget; see {@link GroupAssignmentOptions}.
 * @returns the assignment, the dissolved columns, the totals and how the search ended
 *   (`exact`, `converged`, `swaps`); see {@link GroupAssignmentResult}.
 * @throws InvalidInputError (`INVALID_INPUT`) on a shape mismatch, a NaN or `+Infinity`
 *   score, a size or `maxWork` that is not a non-negative integer, a
 *   `dissolveBatch` that is not a positive integer, a cohesion weight that is negative or
 *   not finite, or a similarity outside [0, 1].
 *
 * @example
 * ```ts
 * // 4 mentees, 2 mentors taking at most 2 each; mentee 3 may not join mentor 0.
 * const r = groupAssignment(
 *   { rows: 4, cols: 2, data: new Float64Array([0.9, 0.1, 0.8, 0.2, 0.7, 0.6, -Infinity, 0.4]) },
 *   { minSize: 0, maxSize: 2 },
 * );
 * // r.assignment = Int32Array [0, 0, 1, 1], r.fitTotal ≈ 2.7, r.exact = true, r.dissolved = []
 *
 * // minSize 3: the best split gives mentor 1 a group of one, so that group is dissolved.
 * const s = groupAssignment(
 *   { rows: 4, cols: 2, data: new Float64Array([0.9, 0.1, 0.8, 0.2, 0.7, 0.6, 0.5, 0.45]) },
 *   { minSize: 3, maxSize: 3 },
 * );
 * // first solve [0, 0, 0, 1]; after dissolving mentor 1's group:
 * // s.dissolved = [1], s.assignment = Int32Array [0, 0, 0, -1], s.exact = false
 * ```
 *
 * @see R.K. Ahuja, T.L. Magnanti, J.B. Orlin (1993), Network Flows, ch. 9 (the exact
 *   capacitated assignment underneath).
 * @see S. Guha, A. Meyerson, K. Munagala (2000), "Hierarchical placement and network
 *   design problems", FOCS 2000; D.R. Karger, M. Minkoff (2000), FOCS 2000 — facility
 *   location with lower bounds, the hard problem the dissolve loop approximates.
 */
export function groupAssignment(scores: CostInput, options: GroupAssignmentOptions): GroupAssignmentResult {
  requireOptions(options, 'groupAssignment', 'options (with minSize and maxSize)', false);
  const { rows, cols, data } = toDense(scores, 'scores');
  const minOf = normalizeMinSize(options.minSize, cols);
  const maxSize = normalizeMaxSize(options.maxSize, cols);
  const cohesion = checkCohesion(options.cohesion);
  const maxWork = options.maxWork === undefined ? GROUP_SEARCH_BUDGET : checkSize(options.maxWork, 'maxWork');
  const batch = options.dissolveBatch === undefined ? 1 : checkSize(options.dissolveBatch, 'dissolveBatch');
  if (batch === 0) throw new InvalidInputError('dissolveBatch must be a positive integer; found 0', { value: 0 });

  // One flag per pair for the local search (1 = allowed); the exact solves read -Infinity.
  const allowed = new Uint8Array(rows * cols);
  for (let k = 0; k < allowed.length; k++) {
    const x = data[k];
    if (Number.isFinite(x)) allowed[k] = 1;
    else if (x !== -Infinity) throw badScore(Math.floor(k / cols), k % cols, x);
  }

  // Open columns and their capacity.
  const open = new Uint8Array(cols);
  const capacity = new Int32Array(cols);
  for (let j = 0; j < cols; j++) {
    open[j] = maxSize[j] >= minOf[j] ? 1 : 0;
    capacity[j] = open[j] === 1 ? maxSize[j] : 0;
  }

  const assignment = new Int32Array(rows);
  const size = new Int32Array(cols);
  const fit = new Float64Array(cols);
  const dissolved: number[] = [];
  // Dissolve loop: at most one re-solve per dissolved batch.
  for (;;) {
    assignment.set(capacitatedAssignment({ rows, cols, data }, { capacity, maximize: true }).assignment);
    size.fill(0);
    fit.fill(0);
    for (let i = 0; i < rows; i++) {
      const j = assignment[i];
      if (j < 0) continue;
      size[j]++;
      fit[j] += data[i * cols + j];
    }
    const under: number[] = [];
    for (let j = 0; j < cols; j++) if (size[j] > 0 && size[j] < minOf[j]) under.push(j);
    if (under.length === 0) break;
    under.sort((a, b) => size[a] - size[b] || fit[a] - fit[b] || a - b);
    for (const j of under.slice(0, batch)) {
      dissolved.push(j);
      open[j] = 0;
      capacity[j] = 0;
    }
  }

  const weight = cohesion === undefined ? 0 : cohesion.weight;
  let swaps = 0;
  let converged = true;
  if (cohesion !== undefined && weight > 0 && rows > 0 && cols > 0) {
    const out = localSearch({
      rows,
      cols,
      data,
      allowed,
      assignment,
      size,
      cap: Int32Array.from(maxSize, (m, j) => (open[j] === 1 ? m : 0)),
      minOf,
      weight,
      similarity: checkedSimilarity(cohesion.similarity),
      maxWork,
    });
    swaps = out.swaps;
    converged = out.converged;
  }

  const fitTotal = neumaierSum(rows, (i) => (assignment[i] >= 0 ? data[i * cols + assignment[i]] : 0));
  const cohesionTotal = cohesion === undefined ? 0 : cohesionOf(assignment, cols, checkedSimilarity(cohesion.similarity));
  return {
    assignment,
    dissolved,
    fitTotal,
    cohesionTotal,
    objective: fitTotal + weight * cohesionTotal,
    exact: weight === 0 && dissolved.length === 0,
    swaps,
    converged,
  };
}

/** Mean pairwise similarity of a group with `n` members whose pair similarities sum to `s`. */
function mean(s: number, n: number): number {
  return n >= 2 ? s / ((n * (n - 1)) / 2) : 0;
}

/** Σ over groups of the mean pairwise similarity, recomputed from scratch. */
function cohesionOf(assignment: Int32Array, cols: number, sim: (a: number, b: number) => number): number {
  const members: number[][] = Array.from({ length: cols }, () => []);
  for (let i = 0; i < assignment.length; i++) if (assignment[i] >= 0) members[assignment[i]].push(i);
  const means: number[] = [];
  for (const g of members) {
    let s = 0;
    for (let a = 0; a < g.length; a++) for (let b = a + 1; b < g.length; b++) s += sim(g[a], g[b]);
    means.push(mean(s, g.length));
  }
  return neumaierSum(means.length, (k) => means[k]);
}

interface SearchInput {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
  readonly allowed: Uint8Array;
  /** Updated in place. */
  readonly assignment: Int32Array;
  /** Updated in place. */
  readonly size: Int32Array;
  readonly cap: Int32Array;
  readonly minOf: Int32Array;
  readonly weight: number;
  readonly similarity: (a: number, b: number) => number;
  readonly maxWork: number;
}

/** First-improvement local search over moves and swaps; see {@link groupAssignment}. */
function localSearch(p: SearchInput): { swaps: number; converged: boolean } {
  const { rows, cols, data, allowed, assignment, size, cap, minOf, weight, similarity, maxWork } = p;
  const members: number[][] = Array.from({ length: cols }, () => []);
  for (let i = 0; i < rows; i++) if (assignment[i] >= 0) members[assignment[i]].push(i);
  let work = 0;
  const sim = (a: number, b: number): number => {
    work++;
    return similarity(a, b);
  };
  // Σ similarity of row r to the members of group j, leaving out r itself and `skip`.
  const simTo = (r: number, j: number, skip: number): number => {
    let s = 0;
    for (const x of members[j]) if (x !== r && x !== skip) s += sim(r, x);
    return s;
  };
  const pairSum = new Float64Array(cols);
  let scale = weight;
  for (let j = 0; j < cols; j++) {
    const g = members[j];
    let s = 0;
    for (let a = 0; a < g.length; a++) for (let b = a + 1; b < g.length; b++) s += sim(g[a], g[b]);
    pairSum[j] = s;
  }
  for (let k = 0; k < data.length; k++) if (allowed[k] === 1 && Math.abs(data[k]) > scale) scale = Math.abs(data[k]);
  const eps = 1e-10 * Math.max(1, scale);
  const score = (i: number, j: number): number => data[i * cols + j];
  const remove = (r: number, j: number): void => {
    const g = members[j];
    g.splice(g.indexOf(r), 1);
  };

  let swaps = 0;
  for (let pass = 0; pass < GROUP_SEARCH_MAX_PASSES; pass++) {
    let improved = false;
    for (let r = 0; r < rows; r++) {
      // Moves of r to another column with room.
      const g = assignment[r];
      if (g >= 0 && size[g] - 1 >= minOf[g]) {
        for (let h = 0; h < cols; h++) {
          if (work >= maxWork) return { swaps, converged: false };
          work++;
          if (h === g || size[h] >= cap[h] || size[h] + 1 < minOf[h] || allowed[r * cols + h] === 0) continue;
          const sg = pairSum[g] - simTo(r, g, -1);
          const sh = pairSum[h] + simTo(r, h, -1);
          const delta =
            score(r, h) - score(r, g) +
            weight * (mean(sg, size[g] - 1) - mean(pairSum[g], size[g]) + mean(sh, size[h] + 1) - mean(pairSum[h], size[h]));
          if (delta > eps) {
            remove(r, g);
            members[h].push(r);
            pairSum[g] = sg;
            pairSum[h] = sh;
            size[g]--;
            size[h]++;
            assignment[r] = h;
            swaps++;
            improved = true;
            break;
          }
        }
      }
      // Swaps of r with a later row in another column (or unassigned).
      for (let s = r + 1; s < rows; s++) {
        if (work >= maxWork) return { swaps, converged: false };
        work++;
        const a = assignment[r];
        const b = assignment[s];
        if (a === b) continue;
        if (a >= 0 && allowed[s * cols + a] === 0) continue;
        if (b >= 0 && allowed[r * cols + b] === 0) continue;
        let delta = 0;
        let sa = 0;
        let sb = 0;
        if (a >= 0) {
          sa = pairSum[a] - simTo(r, a, -1) + simTo(s, a, r);
          delta += score(s, a) - score(r, a) + weight * (mean(sa, size[a]) - mean(pairSum[a], size[a]));
        }
        if (b >= 0) {
          sb = pairSum[b] - simTo(s, b, -1) + simTo(r, b, s);
          delta += score(r, b) - score(s, b) + weight * (mean(sb, size[b]) - mean(pairSum[b], size[b]));
        }
        if (delta > eps) {
          if (a >= 0) {
            remove(r, a);
            members[a].push(s);
            pairSum[a] = sa;
          }
          if (b >= 0) {
            remove(s, b);
            members[b].push(r);
            pairSum[b] = sb;
          }
          assignment[r] = b;
          assignment[s] = a;
          swaps++;
          improved = true;
        }
      }
    }
    if (!improved) return { swaps, converged: true };
  }
  return { swaps, converged: false };
}

// ---------------------------------------------------------------------------
// Validation (once, at the boundary)
// ---------------------------------------------------------------------------

function checkSize(x: unknown, what: string): number {
  if (typeof x !== 'number' || !Number.isInteger(x) || x < 0) {
    throw new InvalidInputError(`${what} must be a non-negative integer; found ${String(x)}`, { value: x });
  }
  return x;
}

/** One minimum group size per column (a single number applies to every column). */
function normalizeMinSize(minSize: number | readonly number[], cols: number): Int32Array {
  if (typeof minSize === 'number') return new Int32Array(cols).fill(checkSize(minSize, 'minSize'));
  if (!Array.isArray(minSize) || minSize.length !== cols) {
    const found = Array.isArray(minSize) ? `${minSize.length} numbers` : typeof minSize;
    throw new InvalidInputError(`minSize must be a number or one number per column (${cols}); found ${found}`, {});
  }
  return Int32Array.from(minSize, (x, j) => checkSize(x, `minSize[${j}]`));
}

function normalizeMaxSize(maxSize: readonly number[] | number, cols: number): Int32Array {
  const out = new Int32Array(cols);
  if (typeof maxSize === 'number') {
    out.fill(Math.min(checkSize(maxSize, 'maxSize'), 0x7fffffff));
    return out;
  }
  if (!Array.isArray(maxSize) || maxSize.length !== cols) {
    throw new InvalidInputError(`maxSize must be a number or one number per column (${cols}); found ${Array.isArray(maxSize) ? `length ${maxSize.length}` : typeof maxSize}`, {
      expected: cols,
    });
  }
  for (let j = 0; j < cols; j++) out[j] = Math.min(checkSize(maxSize[j], `maxSize[${j}]`), 0x7fffffff);
  return out;
}

function checkCohesion(c: GroupCohesion | undefined): GroupCohesion | undefined {
  if (c === undefined) return undefined;
  if (c === null || typeof c !== 'object' || typeof c.similarity !== 'function') {
    throw new InvalidInputError('cohesion must be { weight, similarity: (a, b) => number }');
  }
  if (typeof c.weight !== 'number' || !Number.isFinite(c.weight) || c.weight < 0) {
    throw new InvalidInputError(`cohesion.weight must be a finite number ≥ 0; found ${String(c.weight)}`, { value: c.weight });
  }
  return c;
}

/** The user's similarity, called with the smaller row first, its value checked to lie in [0, 1]. */
function checkedSimilarity(f: (a: number, b: number) => number): (a: number, b: number) => number {
  return (p, q) => {
    const a = p < q ? p : q;
    const b = p < q ? q : p;
    const x = f(a, b);
    if (typeof x !== 'number' || !(x >= 0 && x <= 1)) {
      throw new InvalidInputError(`cohesion.similarity(${a}, ${b}) must be a number in [0, 1]; found ${String(x)}`, { a, b, value: x });
    }
    return x;
  };
}

function badScore(i: number, j: number, x: number): InvalidInputError {
  return new InvalidInputError(`scores[${i}][${j}] must be finite, or -Infinity for a forbidden pair; found ${x}`, { row: i, col: j, value: x });
}
