/**
 * Group mentoring: one mentor (column) leads a group of mentees (rows) whose size lies
 * between `minSize` and `maxSize`, optionally trading mentor fit against the cohesion of
 * the group (how similar its mentees are to each other).
 *
 * Internal: called by `match()`; inputs are trusted to come from the compatibility
 * matrix, but shapes and option values are still checked once here.
 *
 * @module
 */
import { InvalidInputError } from '../../errors.js';
import { capacitatedAssignment } from '../../solve/capacitated.js';
import { neumaierSum } from '../../solve/_internal/sum.js';

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
 * Options of {@link solveGroups}.
 *
 * @example
 * ```ts
 * const options: GroupOptions = { minSize: 3, maxSize: [6, 4, 6], fixed: Int32Array.from([1, -1, -1]) };
 * ```
 */
export interface GroupOptions {
  /**
   * Smallest group a mentor may lead (integer ≥ 0), one for every column or one per
   * column. A mentor with fewer mentees than this leads no group: the group is
   * dissolved. 0 and 1 never dissolve anything.
   */
  readonly minSize: number | readonly number[];
  /** Largest group per mentor: one integer ≥ 0 for every column, or one per column. */
  readonly maxSize: readonly number[] | number;
  /** Cohesion term; absent = mentor fit only (exact). */
  readonly cohesion?: GroupCohesion;
  /**
   * Locked rows: `fixed[i] = j` keeps row `i` in column `j` throughout (it counts towards
   * the sizes and may not be a forbidden pair); -1 = free. Length `rows`.
   * @defaultValue every row free
   */
  readonly fixed?: Int32Array;
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
 * Result of {@link solveGroups}.
 *
 * @example
 * ```ts
 * const { assignment, dissolved, objective, exact } = solveGroups(scores, allowed, { minSize: 2, maxSize: 4 });
 * ```
 */
export interface GroupSolution {
  /** Column of each row, -1 = unassigned. */
  readonly assignment: Int32Array;
  /** Columns whose group was below `minSize` and was dissolved, in the order dissolved. */
  readonly dissolved: readonly number[];
  /**
   * Columns left below `minSize` because their group holds fixed rows (which may not be
   * moved, so the group cannot be dissolved). Empty unless `fixed` is given.
   */
  readonly undersized: readonly number[];
  /** Σ score of the assigned (row, column) pairs, fixed rows included. */
  readonly fitTotal: number;
  /** Σ over groups of the mean pairwise similarity inside the group (groups of < 2 add 0); 0 without cohesion. */
  readonly cohesionTotal: number;
  /** `fitTotal + weight · cohesionTotal`. */
  readonly objective: number;
  /**
   * True when the answer is provably optimal: cohesion is off (or has weight 0) and no
   * group had to be dissolved or was left undersized. The assignment is then the
   * maximum-cardinality, maximum-fit assignment under the size limits.
   */
  readonly exact: boolean;
  /** Improving moves (single moves and swaps) made by the cohesion local search. */
  readonly swaps: number;
  /** False when the local search stopped on its pass or work cap rather than at a local optimum. */
  readonly converged: boolean;
}

/**
 * Default work budget of the cohesion local search (candidate evaluations + similarity calls).
 *
 * @example
 * ```ts
 * solveGroups(scores, allowed, { minSize: 3, maxSize: 6, cohesion, maxWork: 4 * GROUP_SEARCH_BUDGET });
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
 * Dense fit scores, row-major: rows = mentees, cols = mentors.
 *
 * @example
 * ```ts
 * const scores: GroupScores = { rows: 2, cols: 3, data: new Float64Array([0.9, 0.1, 0.5, 0.2, 0.8, 0.4]) };
 * ```
 */
export interface GroupScores {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/**
 * Assigns mentees (rows) to mentor groups (columns) within the size limits, maximising
 * the number of mentees placed first, then the total fit — plus, when `cohesion` is on,
 * `weight ×` the sum over groups of the mean pairwise similarity of the group's mentees.
 *
 * **Without cohesion** the assignment is exact: a capacitated assignment (maximise,
 * capacity = `maxSize` minus the fixed rows, forbidden pairs = -Infinity). Groups that
 * come out non-empty but below `minSize` are then handled by a *dissolve loop*: the
 * smallest such group (ties: lowest fit, then lowest column) is dissolved — its column's
 * capacity set to 0 — and the problem re-solved, until every non-empty group has at least
 * `minSize` members. This loop is a heuristic (the exact problem with lower bounds —
 * "either empty or ≥ minSize" — is a facility-location-type problem, NP-hard in general),
 * but it never breaks a size limit or uses a forbidden pair, and it reports what it
 * dissolved. Columns whose `maxSize` is below `minSize` (and hold no fixed row) are closed
 * from the start: they could never lead a valid group, so they are not listed in
 * `dissolved`. A group holding a fixed row is never dissolved; if it stays below
 * `minSize` it is listed in `undersized`. Exact (`exact: true`) when nothing is dissolved
 * or undersized: the unconstrained optimum is then feasible, hence optimal. Every
 * re-solve is a full capacitated assignment, so with many small groups the loop costs one
 * solve per dissolved group (10,000 × 2,000 with ~240 dissolutions: ~40 s); a
 * `dissolveBatch` of k dissolves the k first groups in the dissolve order per re-solve
 * (same instance, k = 16: ~4 s, 3 more groups dissolved).
 *
 * **With cohesion** (weight > 0) the exact assignment above is the start of a
 * deterministic first-improvement local search. In a fixed order — rows 0…n−1; for each
 * row first its moves to columns 0…m−1, then its swaps with rows r+1…n−1 — it tries
 *  - moving an assigned row to another open column with room, and
 *  - swapping two rows in different columns, or an assigned row with an unassigned one
 *    (the number of mentees placed never changes),
 * accepting a candidate as soon as it raises the objective by more than a relative
 * 1e-10, and keeping every size limit (`maxSize`, and `minSize` for both columns of a
 * move — so with `minSize > 0` a move neither empties a group nor starts a new one), every
 * forbidden pair and every fixed row. Dissolved and closed columns stay closed. It stops
 * at a local optimum (a full pass with no improvement), after
 * {@link GROUP_SEARCH_MAX_PASSES} passes, or when the work budget (`maxWork`) runs out
 * (`converged: false`). The objective never falls below that of the starting exact
 * assignment. A move costs O(group size) similarity calls; a pass O(n·(m + n)·size).
 *
 * @param scores - fit of each (row, column), row-major; finite where allowed.
 * @param allowed - `rows × cols` mask, 1 = allowed pair, 0 = forbidden.
 * @param options - sizes, optional cohesion, fixed rows; see {@link GroupOptions}.
 * @returns the assignment, the dissolved and undersized columns, the totals and search
 *   statistics; see {@link GroupSolution}.
 * @throws InvalidInputError (`INVALID_INPUT`) on a shape mismatch, a NaN or infinite
 *   allowed score, a size or `maxWork` that is not a non-negative integer, a `dissolveBatch` that is
 *   not a positive integer, a cohesion weight that is
 *   negative or not finite, a similarity outside [0, 1], or a fixed row that is out of
 *   range, on a forbidden pair, or exceeds its column's `maxSize`.
 *
 * @example
 * ```ts
 * // 4 mentees, 2 mentors taking at most 2 each; mentee 3 may not join mentor 0.
 * const r = solveGroups(
 *   { rows: 4, cols: 2, data: new Float64Array([0.9, 0.1, 0.8, 0.2, 0.7, 0.6, 0.5, 0.4]) },
 *   new Uint8Array([1, 1, 1, 1, 1, 1, 0, 1]),
 *   { minSize: 0, maxSize: 2 },
 * );
 * // r.assignment = Int32Array [0, 0, 1, 1], r.fitTotal ≈ 2.7, r.exact = true, r.dissolved = []
 *
 * // minSize 3: the best split gives mentor 1 a group of one, so that group is dissolved.
 * const s = solveGroups(
 *   { rows: 4, cols: 2, data: new Float64Array([0.9, 0.1, 0.8, 0.2, 0.7, 0.6, 0.5, 0.45]) },
 *   new Uint8Array(8).fill(1),
 *   { minSize: 3, maxSize: 3 },
 * );
 * // first solve [0, 0, 0, 1]; after dissolving mentor 1's group:
 * // s.dissolved = [1], s.assignment = Int32Array [0, 0, 0, -1], s.exact = false
 * ```
 */
export function solveGroups(scores: GroupScores, allowed: Uint8Array, options: GroupOptions): GroupSolution {
  const { rows, cols, data } = checkShape(scores, allowed);
  const minOf = normalizeMinSize(options.minSize, cols);
  const maxSize = normalizeMaxSize(options.maxSize, cols);
  const cohesion = checkCohesion(options.cohesion);
  const maxWork = options.maxWork === undefined ? GROUP_SEARCH_BUDGET : checkSize(options.maxWork, 'maxWork');
  const batch = options.dissolveBatch === undefined ? 1 : checkSize(options.dissolveBatch, 'dissolveBatch');
  if (batch === 0) throw new InvalidInputError('dissolveBatch must be a positive integer; found 0', { value: 0 });
  const fixed = normalizeFixed(options.fixed, rows, cols, allowed, data, maxSize);

  // Fixed rows are taken out of the assignment problem; they use up capacity.
  const fixedCount = new Int32Array(cols);
  const freeRows: number[] = [];
  for (let i = 0; i < rows; i++) {
    if (fixed[i] >= 0) fixedCount[fixed[i]]++;
    else freeRows.push(i);
  }
  const f = freeRows.length;
  const cost = new Float64Array(f * cols);
  for (let k = 0; k < f; k++) {
    const off = freeRows[k] * cols;
    for (let j = 0; j < cols; j++) {
      const x = data[off + j];
      if (allowed[off + j] === 0 || x === -Infinity) cost[k * cols + j] = -Infinity;
      else if (Number.isFinite(x)) cost[k * cols + j] = x;
      else throw badScore(freeRows[k], j, x);
    }
  }

  // Open columns and their capacity for the free rows.
  const open = new Uint8Array(cols);
  const capacity = new Int32Array(cols);
  for (let j = 0; j < cols; j++) {
    open[j] = maxSize[j] >= minOf[j] || fixedCount[j] > 0 ? 1 : 0;
    capacity[j] = open[j] === 1 ? maxSize[j] - fixedCount[j] : 0;
  }

  const assignment = new Int32Array(rows);
  for (let i = 0; i < rows; i++) assignment[i] = fixed[i];
  const size = new Int32Array(cols);
  const fit = new Float64Array(cols);
  const dissolved: number[] = [];
  // Dissolve loop: at most one re-solve per dissolved batch.
  for (;;) {
    const solved = capacitatedAssignment({ rows: f, cols, data: cost }, { capacity, maximize: true }).assignment;
    for (let k = 0; k < f; k++) assignment[freeRows[k]] = solved[k];
    size.fill(0);
    fit.fill(0);
    for (let i = 0; i < rows; i++) {
      const j = assignment[i];
      if (j < 0) continue;
      size[j]++;
      fit[j] += data[i * cols + j];
    }
    const under: number[] = [];
    for (let j = 0; j < cols; j++) if (size[j] > 0 && size[j] < minOf[j] && fixedCount[j] === 0) under.push(j);
    if (under.length === 0) break;
    under.sort((a, b) => size[a] - size[b] || fit[a] - fit[b] || a - b);
    for (const j of under.slice(0, batch)) {
      dissolved.push(j);
      open[j] = 0;
      capacity[j] = 0;
    }
  }
  const undersized: number[] = [];
  for (let j = 0; j < cols; j++) if (size[j] > 0 && size[j] < minOf[j]) undersized.push(j);

  const weight = cohesion === undefined ? 0 : cohesion.weight;
  let swaps = 0;
  let converged = true;
  if (cohesion !== undefined && weight > 0 && rows > 0 && cols > 0) {
    const out = localSearch({
      rows,
      cols,
      data,
      allowed,
      fixed,
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
    undersized,
    fitTotal,
    cohesionTotal,
    objective: fitTotal + weight * cohesionTotal,
    exact: weight === 0 && dissolved.length === 0 && undersized.length === 0,
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
  readonly fixed: Int32Array;
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

/** First-improvement local search over moves and swaps; see {@link solveGroups}. */
function localSearch(p: SearchInput): { swaps: number; converged: boolean } {
  const { rows, cols, data, allowed, fixed, assignment, size, cap, minOf, weight, similarity, maxWork } = p;
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
      if (fixed[r] >= 0) continue;
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
        if (fixed[s] >= 0 || a === b) continue;
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

function checkShape(scores: GroupScores, allowed: Uint8Array): GroupScores {
  if (scores === null || typeof scores !== 'object' || !(scores.data instanceof Float64Array)) {
    throw new InvalidInputError('scores must be { rows, cols, data: Float64Array }');
  }
  const { rows, cols, data } = scores;
  if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(cols) || cols < 0 || data.length !== rows * cols) {
    throw new InvalidInputError(`scores must have data.length = rows * cols with integer rows, cols ≥ 0; found ${rows} × ${cols}, length ${data.length}`, {
      rows,
      cols,
      length: data.length,
    });
  }
  if (!(allowed instanceof Uint8Array) || allowed.length !== rows * cols) {
    throw new InvalidInputError(`allowed must be a Uint8Array of length rows * cols = ${rows * cols}; found ${allowed instanceof Uint8Array ? `length ${allowed.length}` : typeof allowed}`, {
      expected: rows * cols,
    });
  }
  return scores;
}

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
  return new InvalidInputError(`scores[${i}][${j}] must be finite for an allowed pair; found ${x}`, { row: i, col: j, value: x });
}

function normalizeFixed(
  fixed: Int32Array | undefined,
  rows: number,
  cols: number,
  allowed: Uint8Array,
  data: Float64Array,
  maxSize: Int32Array,
): Int32Array {
  if (fixed === undefined) return new Int32Array(rows).fill(-1);
  if (!(fixed instanceof Int32Array) || fixed.length !== rows) {
    throw new InvalidInputError(`fixed must be an Int32Array of length rows = ${rows}`, { expected: rows });
  }
  const count = new Int32Array(cols);
  for (let i = 0; i < rows; i++) {
    const j = fixed[i];
    if (j === -1) continue;
    if (j < -1 || j >= cols) {
      throw new InvalidInputError(`fixed[${i}] must be -1 or a column in [0, ${cols}); found ${j}`, { row: i, value: j });
    }
    if (allowed[i * cols + j] === 0) {
      throw new InvalidInputError(`fixed[${i}] = ${j} must be an allowed pair; found a forbidden one`, { row: i, col: j });
    }
    if (!Number.isFinite(data[i * cols + j])) throw badScore(i, j, data[i * cols + j]);
    if (++count[j] > maxSize[j]) {
      throw new InvalidInputError(`column ${j} must hold at most maxSize = ${maxSize[j]} fixed rows; found more`, { col: j, maxSize: maxSize[j] });
    }
  }
  return fixed;
}
