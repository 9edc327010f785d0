import { requireOptions } from '../_internal/args.js';
import { InvalidInputError, TooLargeError } from '../errors.js';
import { solveBlossom } from './_internal/blossom-core.js';
import { MAX_ABS_COST, toDense } from './_internal/dense.js';
import type { CostInput } from './types.js';
import { neumaierSum } from './_internal/sum.js';

/** Options shared by {@link maxWeightMatching} and {@link maxWeightMatchingDense}. */
export interface MaxWeightMatchingOptions {
  /**
   * Return the maximum-weight matching among the matchings of maximum cardinality
   * (as many pairs as possible first, then the best total), instead of the
   * maximum-weight matching overall.
   * @defaultValue false
   */
  readonly maxCardinality?: boolean;
}

/** Options of {@link maxWeightMatching}: {@link MaxWeightMatchingOptions} plus `vertexCount`. */
export interface MaxWeightMatchingEdgeOptions extends MaxWeightMatchingOptions {
  /**
   * Number of vertices, to include isolated vertices (they come back unmatched). Must be
   * at least the largest vertex id + 1.
   * @defaultValue largest vertex id in `edges` + 1 (0 for no edges)
   */
  readonly vertexCount?: number;
}

/** Result of {@link maxWeightMatching} and {@link maxWeightMatchingDense}. */
export interface MatchingResult {
  /** `mate[v]` is the vertex matched to `v`, or -1 when `v` is unmatched; `mate[mate[v]] === v`. */
  readonly mate: Int32Array;
  /** Sum of the weights of the matched edges (each edge counted once). */
  readonly total: number;
}

/** Largest number of vertices accepted by the edge-list entry point (memory guard). */
const MAX_VERTICES = 1 << 22;

/**
 * Largest accepted |weight| (the bound every solver shares): slacks add a few weights
 * together, so values near `Number.MAX_VALUE` would overflow to Infinity (mwmatching
 * rejects 1e308 for the same reason).
 */
const MAX_ABS_WEIGHT = MAX_ABS_COST;

function describe(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return `an array of length ${x.length}`;
  if (typeof x === 'number') return String(x);
  if (typeof x === 'string') return JSON.stringify(x);
  return typeof x;
}

/**
 * Exact maximum-weight matching on a general (not necessarily bipartite) graph: the
 * peer-mentoring engine. Pairs are chosen so that the sum of their weights is as large as
 * possible; with `{ maxCardinality: true }` as many pairs as possible are formed first,
 * then the sum is maximised among those matchings. Negative weights are allowed: such an
 * edge is taken only when `maxCardinality` needs it.
 *
 * Algorithm: Edmonds' blossom algorithm with dual variables (Galil 1986), organised for
 * sparse graphs like LEMON's `MaxWeightedMatching`: every free vertex roots an
 * alternating tree, all trees grow under one dual change, an augmentation dissolves only
 * the trees it used; duals are updated lazily through one running sum, and the four dual
 * steps (δ₁ vertex duals, δ₂ edges leaving the forest, δ₃ edges between S-blossoms, δ₄
 * T-blossom duals) come from heaps, so each step costs what it touches (O(log n) per heap
 * operation) instead of O(n). A greedy jump start (per-vertex initial duals, tight greedy
 * matching, tight 3-edge augmenting paths) starts it. Flat typed arrays, no recursion.
 * The result is checked against its dual certificate before it is returned (the previous
 * stage-based O(n³) kernel answers if that check ever fails). Dual variables are doubled,
 * so integer weights are handled in exact arithmetic (exact while weights stay below 2⁵⁰
 * in magnitude; non-integral duals stay dyadic). Time O(n·m·log n) worst case, far less
 * on typical inputs; memory O(n + m).
 *
 * @param edges - `[u, v, weight]` triples; vertices are integers `0..n-1` with
 *   `n = max vertex + 1` (or `options.vertexCount`); weights are finite numbers. Each
 *   unordered pair at most once. Never mutated.
 * @param options - `{ maxCardinality = false, vertexCount }`.
 * @returns `{ mate, total }`: `mate` has one entry per vertex (-1 = unmatched), `total`
 *   is the sum of the matched edges' weights. An empty edge list gives `total = 0`.
 * @throws InvalidInputError (`INVALID_INPUT`) naming the edge index, on a malformed edge
 *   (not a 3-element array), a negative / non-integer / non-number vertex, a self-loop,
 *   a duplicate edge ((u, v) and (v, u) count as the same edge), a weight that is NaN,
 *   ±Infinity, larger than 1e300 in magnitude (overflow guard) or not a number, or a
 *   `vertexCount` that is not a non-negative integer or not above every vertex id.
 * @throws TooLargeError (`TOO_LARGE`) when the graph has more than 4,194,304 vertices.
 *
 * @example
 * ```ts
 * const { mate, total } = maxWeightMatching([
 *   [0, 1, 5],
 *   [1, 2, 11],
 *   [2, 3, 5],
 * ]);
 * // mate = Int32Array [-1, 2, 1, -1], total = 11
 *
 * maxWeightMatching([[0, 1, 5], [1, 2, 11], [2, 3, 5]], { maxCardinality: true });
 * // mate = Int32Array [1, 0, 3, 2], total = 10
 * ```
 *
 * @see J. Edmonds (1965), "Maximum matching and a polyhedron with 0,1-vertices",
 *   J. Res. Nat. Bur. Standards 69B:125–130; "Paths, trees, and flowers", Canad. J. Math. 17:449–467.
 * @see Z. Galil (1986), "Efficient algorithms for finding maximum matching in graphs",
 *   ACM Computing Surveys 18(1):23–38.
 * @see J. van Rantwijk, `mwmatching.py` (2008), whose test suite this implementation passes.
 */
export function maxWeightMatching(
  edges: ReadonlyArray<readonly [number, number, number]>,
  options: MaxWeightMatchingEdgeOptions = {},
): MatchingResult {
  if (!Array.isArray(edges)) {
    throw new InvalidInputError(`edges must be an array of [u, v, weight]; found ${describe(edges)}`);
  }
  const maxCardinality = requireOptions<MaxWeightMatchingEdgeOptions>(options, 'maxWeightMatching').maxCardinality === true;
  const vertexCount = options.vertexCount;
  if (vertexCount !== undefined && (typeof vertexCount !== 'number' || !Number.isInteger(vertexCount) || vertexCount < 0)) {
    throw new InvalidInputError(`vertexCount must be a non-negative integer; found ${describe(vertexCount)}`, {
      vertexCount,
    });
  }

  const m = edges.length;
  const eu = new Int32Array(m);
  const ev = new Int32Array(m);
  const ew = new Float64Array(m);
  let maxVertex = -1;
  let integral = true;
  const limit = vertexCount ?? MAX_VERTICES;
  for (let k = 0; k < m; k++) {
    const e = edges[k] as unknown;
    if (e === null || typeof e !== 'object' || (e as ArrayLike<unknown>).length !== 3) {
      throw new InvalidInputError(`edges[${k}] must be [u, v, weight]; found ${describe(e)}`, { edge: k });
    }
    const u = checkVertex(k, 'u', (e as ArrayLike<unknown>)[0], limit, vertexCount);
    const v = checkVertex(k, 'v', (e as ArrayLike<unknown>)[1], limit, vertexCount);
    const w = (e as ArrayLike<unknown>)[2];
    if (u === v) {
      throw new InvalidInputError(`edges[${k}] must join two different vertices; found a self-loop on vertex ${u}`, {
        edge: k,
        vertex: u,
      });
    }
    if (typeof w !== 'number' || !(Math.abs(w) <= MAX_ABS_WEIGHT)) {
      throw new InvalidInputError(`edges[${k}] weight must be a finite number with |weight| ≤ 1e300; found ${describe(w)}`, {
        edge: k,
        value: w,
      });
    }
    eu[k] = u;
    ev[k] = v;
    ew[k] = w;
    if (integral && !Number.isInteger(w)) integral = false;
    if (u > maxVertex) maxVertex = u;
    if (v > maxVertex) maxVertex = v;
  }
  const n = vertexCount ?? maxVertex + 1;
  if (n > MAX_VERTICES) {
    throw new TooLargeError(`vertexCount = ${n}: at most ${MAX_VERTICES} vertices are supported`, { vertexCount: n });
  }

  // CSR adjacency (each edge from both ends), grouped by vertex in edge order.
  const offsets = new Int32Array(n + 1);
  for (let k = 0; k < m; k++) {
    offsets[eu[k] + 1]++;
    offsets[ev[k] + 1]++;
  }
  for (let v = 0; v < n; v++) offsets[v + 1] += offsets[v];
  const fill = offsets.slice(0, n);
  const adjVertex = new Int32Array(2 * m);
  const adjWeight = new Float64Array(2 * m);
  for (let k = 0; k < m; k++) {
    let p = fill[eu[k]]++;
    adjVertex[p] = ev[k];
    adjWeight[p] = ew[k];
    p = fill[ev[k]]++;
    adjVertex[p] = eu[k];
    adjWeight[p] = ew[k];
  }
  if (hasDuplicate(n, offsets, adjVertex)) checkDuplicates(n, offsets, adjVertex, eu, ev);

  const mate = solveBlossom({ kind: 'sparse', n, offsets, adjVertex, adjWeight }, { maxCardinality, integral });
  const total = neumaierSum(m, (k) => (mate[eu[k]] === ev[k] ? ew[k] : 0));
  return { mate, total };
}

/** Validates one end of `edges[k]` and returns it as a number. */
function checkVertex(k: number, name: 'u' | 'v', x: unknown, limit: number, vertexCount: number | undefined): number {
  if (typeof x !== 'number' || !Number.isInteger(x) || x < 0) {
    throw new InvalidInputError(`edges[${k}].${name} must be a non-negative integer vertex id; found ${describe(x)}`, {
      edge: k,
      value: x,
    });
  }
  if (x >= limit) {
    if (vertexCount !== undefined) {
      throw new InvalidInputError(`edges[${k}].${name} must be < vertexCount = ${vertexCount}; found ${x}`, { edge: k, value: x });
    }
    throw new TooLargeError(`edges[${k}].${name} = ${x}: at most ${MAX_VERTICES} vertices are supported`, {
      edge: k,
      value: x,
    });
  }
  return x;
}

/** Fast test: does some vertex list a neighbour twice? (One stamp array, no reset pass.) */
function hasDuplicate(n: number, offsets: Int32Array, adjVertex: Int32Array): boolean {
  const seen = new Int32Array(n).fill(-1); // seen[x] = last vertex that listed x
  for (let v = 0; v < n; v++) {
    for (let p = offsets[v], e = offsets[v + 1]; p < e; p++) {
      const x = adjVertex[p];
      if (seen[x] === v) return true;
      seen[x] = v;
    }
  }
  return false;
}

/** Throws on the first (by position) edge that repeats an earlier unordered pair (after {@link hasDuplicate} found one). */
function checkDuplicates(n: number, offsets: Int32Array, adjVertex: Int32Array, eu: Int32Array, ev: Int32Array): void {
  // Rebuild the edge index of every adjacency slot (the same fill order as the CSR).
  const adjEdge = new Int32Array(adjVertex.length);
  const fill = offsets.slice(0, n);
  for (let k = 0; k < eu.length; k++) {
    adjEdge[fill[eu[k]]++] = k;
    adjEdge[fill[ev[k]]++] = k;
  }
  const seen = new Int32Array(n).fill(-1); // seen[x] = first edge index to x from the current vertex
  let worst = -1;
  let first = -1;
  for (let v = 0; v < n; v++) {
    for (let p = offsets[v]; p < offsets[v + 1]; p++) {
      const x = adjVertex[p];
      const k = adjEdge[p];
      const prev = seen[x];
      if (prev >= 0 && prev !== k && (worst === -1 || k < worst)) {
        worst = k;
        first = prev;
      }
      if (prev < 0) seen[x] = k;
    }
    for (let p = offsets[v]; p < offsets[v + 1]; p++) seen[adjVertex[p]] = -1;
  }
  if (worst >= 0) {
    throw new InvalidInputError(
      `edges[${worst}] = (${eu[worst]}, ${ev[worst]}) must be a new pair; found a duplicate of edges[${first}] = (${eu[first]}, ${ev[first]})`,
      { edge: worst, duplicateOf: first },
    );
  }
}

function badCell(r: number, c: number, x: number): never {
  throw new InvalidInputError(`weights[${r}][${c}] must be a finite number with |w| ≤ 1e300, or -Infinity (no edge); found ${x}`, {
    row: r,
    col: c,
    value: x,
  });
}

/**
 * Exact maximum-weight matching on a graph given by its symmetric weight matrix: the fast
 * entry point for complete graphs (peer pools), working directly on the matrix without
 * building an edge list.
 *
 * `weights[i][j]` is the weight of pairing i with j. The diagonal is ignored; an
 * off-diagonal `-Infinity` means "i and j may not be paired". Everything else is as in
 * {@link maxWeightMatching}: maximum total weight, or with `{ maxCardinality: true }`
 * the maximum total among the matchings with the most pairs.
 *
 * Algorithm: the same blossom solver as {@link maxWeightMatching} (Edmonds 1965; Galil
 * 1986), scanning matrix rows directly (slack of (u, v) = y[u] + y[v] − 2·w(u, v) with
 * doubled duals, least-slack edges tracked per blossom). Time O(n³) worst case, much less
 * on random weights thanks to the greedy jump start; memory O(n) besides the matrix (a
 * `{ rows, cols, data }` input is read in place, other shapes are copied once).
 *
 * @param weights - n×n symmetric matrix: `number[][]`, an ml-matrix `Matrix`, or
 *   `{ rows, cols, data: Float64Array }` (row-major). Never mutated.
 * @param options - `{ maxCardinality = false }`.
 * @returns `{ mate, total }` with `mate.length === n`.
 * @throws InvalidInputError (`INVALID_INPUT`) on a non-square or ragged matrix, an
 *   off-diagonal NaN, `+Infinity` or |w| > 1e300, or an asymmetric pair
 *   (`weights[i][j] !== weights[j][i]`), naming the cell.
 *
 * @example
 * ```ts
 * const { mate, total } = maxWeightMatchingDense([
 *   [0, 8, 9, 0],
 *   [8, 0, 10, 0],
 *   [9, 10, 0, 7],
 *   [0, 0, 7, 0],
 * ]);
 * // mate = Int32Array [1, 0, 3, 2], total = 15
 * ```
 *
 * @see J. Edmonds (1965), "Paths, trees, and flowers", Canad. J. Math. 17:449–467.
 * @see Z. Galil (1986), "Efficient algorithms for finding maximum matching in graphs",
 *   ACM Computing Surveys 18(1):23–38.
 */
export function maxWeightMatchingDense(weights: CostInput, options: MaxWeightMatchingOptions = {}): MatchingResult {
  const maxCardinality = requireOptions<MaxWeightMatchingOptions>(options, 'maxWeightMatchingDense').maxCardinality === true;
  const m = toDense(weights, 'weights');
  if (m.rows !== m.cols) {
    throw new InvalidInputError(`weights must be a square matrix; found ${m.rows} × ${m.cols}`, {
      rows: m.rows,
      cols: m.cols,
    });
  }
  const n = m.rows;
  const data = m.data;
  let integral = true;
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let j = i + 1; j < n; j++) {
      const a = data[ri + j];
      const b = data[j * n + i];
      if (!(a === -Infinity || Math.abs(a) <= MAX_ABS_WEIGHT)) badCell(i, j, a);
      if (!(b === -Infinity || Math.abs(b) <= MAX_ABS_WEIGHT)) badCell(j, i, b);
      if (a !== b) {
        throw new InvalidInputError(
          `weights must be symmetric: expected weights[${j}][${i}] = weights[${i}][${j}] = ${a}; found ${b}`,
          { row: j, col: i, expected: a, found: b },
        );
      }
      if (integral && a !== -Infinity && !Number.isInteger(a)) integral = false;
    }
  }
  const mate = solveBlossom({ kind: 'dense', n, weights: data }, { maxCardinality, integral });
  const total = neumaierSum(n, (v) => (mate[v] > v ? data[v * n + mate[v]] : 0));
  return { mate, total };
}
