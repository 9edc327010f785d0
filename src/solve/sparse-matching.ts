/**
 * Maximum-weight matching on a sparse graph, with the LP duals that let a caller prove the
 * answer optimal for a larger graph whose extra edges it never handed over (the peer
 * candidate path: a pool's best partners in, every other pair certified by the duals).
 *
 * @module
 */
import { argError, requireOptions } from '../_internal/args.js';
import { InvalidInputError } from '../errors.js';
import { solveBlossomWithDuals } from './_internal/blossom-core.js';
import { withinSlack } from './sparse-assignment.js';

/**
 * An undirected graph in compressed rows: vertex `v`'s neighbours are
 * `adjVertex[p]` with weights `adjWeight[p]` for p in `[offsets[v], offsets[v + 1])`,
 * ascending and distinct; every edge is listed from both ends with the same weight.
 *
 * @example
 * ```ts
 * // the path 0 –5– 1 –7– 2
 * const g: SparseGraph = { n: 3, offsets: Int32Array.of(0, 1, 3, 4), adjVertex: Int32Array.of(1, 0, 2, 1), adjWeight: Float64Array.of(5, 5, 7, 7) };
 * ```
 */
export interface SparseGraph {
  readonly n: number;
  readonly offsets: Int32Array;
  readonly adjVertex: Int32Array;
  readonly adjWeight: Float64Array;
}

/**
 * Result of {@link sparseMatching}.
 *
 * @example
 * ```ts
 * const r: SparseMatching = { mate: Int32Array.of(1, 0), total: 4, duals: Float64Array.of(2, 2), freeDual: 0, maxCardinality: false };
 * ```
 */
export interface SparseMatching {
  /** `mate[v]`: v's partner, or −1. */
  readonly mate: Int32Array;
  /** Σ weight of the matched edges. */
  readonly total: number;
  /**
   * Vertex duals y: every edge of the graph has `y[u] + y[v] ≥ w(u, v)` once the
   * (non-negative) duals of the blossoms holding both ends are added, and matched edges
   * are tight. An edge outside the graph with `y[u] + y[v] ≥ w` (see {@link edgeCertified})
   * leaves the matching optimal when added.
   */
  readonly duals: Float64Array;
  /**
   * The dual every unmatched vertex has, the least of all: 0 for maximum weight; with
   * `maxCardinality` it may be negative.
   */
  readonly freeDual: number;
  readonly maxCardinality: boolean;
}

/**
 * Maximum-weight matching (with `maxCardinality`: maximum weight among the matchings of
 * most edges) on a sparse graph, exact (Edmonds' blossom, the heap kernel of
 * `maxWeightMatching`), with its vertex duals.
 *
 * What the duals prove about edges the graph left out: if every left-out edge passes
 * {@link edgeCertified}, the duals stay feasible on the larger graph, so the matching
 * maximises `Σ (w − freeDual)` there too. Without `maxCardinality` (freeDual 0) that is the
 * maximum weight. With it, the matching is maximum-cardinality-then-weight on the larger
 * graph when its edge count is also the most the larger graph allows (the caller shows
 * that separately, e.g. by the components' sizes).
 *
 * @param graph - {@link SparseGraph}; weights finite, |w| ≤ 1e300.
 * @param options - `{ maxCardinality = false }`.
 * @throws InvalidInputError (`INVALID_INPUT`) on a malformed graph: offsets not rising,
 *   a neighbour out of range, a self-loop, a row not ascending, an edge listed from one
 *   end only or with two weights, a weight that is not finite.
 *
 * @example
 * ```ts
 * const g = { n: 3, offsets: Int32Array.of(0, 1, 3, 4), adjVertex: Int32Array.of(1, 0, 2, 1), adjWeight: Float64Array.of(5, 5, 7, 7) };
 * const r = sparseMatching(g);
 * r.mate; // Int32Array [-1, 2, 1]
 * edgeCertified(r, 0, 2, 1); // true: adding the edge 0 –1– 2 cannot help
 * ```
 */
export function sparseMatching(graph: SparseGraph, options: { readonly maxCardinality?: boolean } = {}): SparseMatching {
  const mc = requireOptions<{ readonly maxCardinality?: boolean }>(options, 'sparseMatching').maxCardinality;
  if (mc !== undefined && typeof mc !== 'boolean') throw argError('sparseMatching', 'options.maxCardinality', 'a boolean, or nothing', mc);
  const maxCardinality = mc === true;
  const integral = checkGraph(graph);
  const { n, offsets, adjVertex, adjWeight } = graph;
  const { mate, dual, inBlossom } = solveBlossomWithDuals({ kind: 'sparse', n, offsets, adjVertex, adjWeight }, { maxCardinality, integral });
  const duals = new Float64Array(n);
  let least = n > 0 ? Infinity : 0;
  let free = false;
  for (let v = 0; v < n; v++) {
    duals[v] = dual[v] / 2;
    if (duals[v] < least) least = duals[v];
    if (mate[v] < 0) free = true;
  }
  const freeDual = maxCardinality ? least : 0;
  for (let sweep = 0; sweep < BALANCE_SWEEPS; sweep++) balance(graph, mate, duals, inBlossom, free || !maxCardinality ? freeDual : -Infinity);
  let total = 0;
  for (let u = 0; u < n; u++) {
    if (mate[u] <= u) continue;
    for (let p = offsets[u]; p < offsets[u + 1]; p++) if (adjVertex[p] === mate[u]) total += adjWeight[p];
  }
  return { mate, total, duals, freeDual, maxCardinality };
}

/** Sweeps of {@link balance} over the matched pairs. */
const BALANCE_SWEEPS = 3;

/**
 * Moves dual between the two ends of each matched edge toward an even split, as far as
 * the other edges at each end allow: the matched edge stays tight, every edge of the graph
 * keeps a non-negative slack and no dual drops below `least` (the free vertices' dual),
 * so the duals still prove the matching optimal — and an edge left out of the graph is
 * covered as soon as both its ends hold a fair share of their own partners' weight. Only
 * vertices outside non-trivial blossoms move (their edges' slacks have no blossom term).
 */
function balance(g: SparseGraph, mate: Int32Array, y: Float64Array, inBlossom: Uint8Array, least: number): void {
  for (let u = 0; u < g.n; u++) {
    const v = mate[u];
    if (v < u || inBlossom[u] || inBlossom[v]) continue;
    const want = (y[u] - y[v]) / 2; // move this much from u to v
    if (want === 0) continue;
    const from = want > 0 ? u : v;
    const room = Math.min(Math.abs(want), slackAt(g, y, from, mate[from]), y[from] - least);
    if (!(room > 0)) continue;
    y[from] -= room;
    y[mate[from]] += room;
  }
}

/** The least slack y[u] + y[x] − w(u, x) over u's edges other than the one to `except`. */
function slackAt(g: SparseGraph, y: Float64Array, u: number, except: number): number {
  let s = Infinity;
  for (let p = g.offsets[u]; p < g.offsets[u + 1]; p++) {
    const x = g.adjVertex[p];
    if (x === except) continue;
    const t = y[u] + y[x] - g.adjWeight[p];
    if (t < s) s = t;
  }
  return s;
}

/**
 * True when an edge (u, v) of weight `w` that is NOT in the graph provably cannot improve
 * the matching: `y[u] + y[v] ≥ w`, with the float slack of `CERTIFICATE_TOLERANCE` (as
 * `pairCertified`). An upper bound on the weight is enough; `-Infinity` always passes.
 *
 * @throws InvalidInputError when `u` or `v` is not a vertex or `w` is NaN.
 * @example
 * ```ts
 * edgeCertified(sparseMatching(g), 0, 2, 100); // false: the edge might be worth taking
 * ```
 */
export function edgeCertified(m: SparseMatching, u: number, v: number, w: number): boolean {
  const n = m.duals.length;
  if (!(Number.isInteger(u) && u >= 0 && u < n)) throw argError('edgeCertified', 'u', `a vertex, an integer from 0 to ${n - 1}`, u);
  if (!(Number.isInteger(v) && v >= 0 && v < n)) throw argError('edgeCertified', 'v', `a vertex, an integer from 0 to ${n - 1}`, v);
  if (typeof w !== 'number' || Number.isNaN(w)) throw argError('edgeCertified', 'w', 'a number', w);
  return covered(m.duals[u], m.duals[v], w);
}

/**
 * y_u + y_v ≥ w within the float slack of `CERTIFICATE_TOLERANCE` (the test of
 * {@link edgeCertified}, on duals the caller holds).
 *
 * @example
 * ```ts
 * covered(2, 3, 5); // true
 * covered(2, 3, 5.1); // false
 * ```
 */
export function covered(yu: number, yv: number, w: number): boolean {
  return w === -Infinity || withinSlack(yu, yv, w);
}

/** Validates the graph; returns whether every weight is an integer. */
function checkGraph(g: SparseGraph): boolean {
  if (typeof g !== 'object' || g === null) throw argError('sparseMatching', 'graph', 'a SparseGraph { n, offsets, adjVertex, adjWeight }', g);
  const { n, offsets, adjVertex, adjWeight } = g;
  if (!Number.isInteger(n) || n < 0) throw argError('sparseMatching', 'graph.n', 'a non-negative integer', n);
  if (!(offsets instanceof Int32Array) || offsets.length !== n + 1 || offsets[0] !== 0) throw argError('sparseMatching', 'graph.offsets', `an Int32Array of n + 1 = ${n + 1} rising offsets from 0`, offsets);
  if (!(adjVertex instanceof Int32Array) || !(adjWeight instanceof Float64Array) || adjVertex.length !== offsets[n] || adjWeight.length !== offsets[n]) {
    throw argError('sparseMatching', 'graph.adjVertex', `an Int32Array and a Float64Array (adjWeight) of offsets[n] = ${offsets[n]} entries`, adjVertex);
  }
  let integral = true;
  for (let u = 0; u < n; u++) {
    if (offsets[u + 1] < offsets[u]) throw new InvalidInputError(`graph.offsets must rise; offsets[${u + 1}] = ${offsets[u + 1]} < offsets[${u}] = ${offsets[u]}`, { vertex: u });
    for (let p = offsets[u], last = -1; p < offsets[u + 1]; p++) {
      const v = adjVertex[p];
      const w = adjWeight[p];
      if (!(v >= 0 && v < n) || v === u || v <= last) throw new InvalidInputError(`graph: vertex ${u}'s neighbours must be distinct vertices other than ${u}, ascending; found ${v} after ${last}`, { vertex: u, neighbour: v });
      if (!(Math.abs(w) <= 1e300)) throw new InvalidInputError(`graph: edge (${u}, ${v}) must have a finite weight with |w| ≤ 1e300; found ${w}`, { vertex: u, neighbour: v, value: w });
      if (u < v && reverseWeight(g, v, u) !== w) throw new InvalidInputError(`graph: edge (${u}, ${v}) of weight ${w} must be listed from ${v} too, with the same weight`, { vertex: u, neighbour: v });
      if (integral && !Number.isInteger(w)) integral = false;
      last = v;
    }
  }
  return integral;
}

/** The weight vertex `v` lists for its neighbour `u` (binary search), or NaN. */
function reverseWeight(g: SparseGraph, v: number, u: number): number {
  let lo = g.offsets[v];
  let hi = g.offsets[v + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = g.adjVertex[mid];
    if (x === u) return g.adjWeight[mid];
    if (x < u) lo = mid + 1;
    else hi = mid - 1;
  }
  return NaN;
}
