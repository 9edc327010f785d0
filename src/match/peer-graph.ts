/**
 * The peer candidate path's pieces: one peer's row of solver values scored on demand
 * ({@link PeerRows}), the symmetric graph of kept pairs with each row's bound
 * ({@link PeerGraph}), and the streamed matrix's view of both ({@link PeerLookup}).
 *
 * @module
 */
import type { PairLookup } from '../score/matrix.js';
import type { RowScorer } from '../score/row-scorer.js';
import type { SparseGraph } from '../solve/sparse-matching.js';
import { indexInRow, type CandidateSet } from './candidate-pass.js';
import type { RowView } from './reasons.js';
import { liftRow } from './tiers.js';
import type { ValueRule } from './values.js';

/**
 * One peer's row, scored on demand into reused buffers: scores, rule codes, checks, and
 * the solver values with the tier (the diagonal, locked people and their partners
 * −Infinity). The last row is kept, so reading it again costs nothing.
 *
 * @example
 * ```ts
 * const rows = new PeerRows(scorer, valueRule('peer', o, ids, ids), lift, lockedWith);
 * rows.run(3).value[7]; // the solver value of peers 3 and 7
 * ```
 */
export class PeerRows implements RowView {
  readonly n: number;
  readonly scores: Float64Array;
  readonly code: Uint8Array;
  readonly checks: Uint8Array;
  readonly value: Float64Array;
  private readonly locked: Int32Array;
  private last = -1;

  constructor(
    private readonly scorer: RowScorer,
    private readonly rule: ValueRule,
    readonly lift: number,
    private readonly lockedWith: Int32Array,
  ) {
    const n = scorer.rows;
    this.n = n;
    this.scores = new Float64Array(n);
    this.code = new Uint8Array(n);
    this.checks = new Uint8Array(n);
    this.value = new Float64Array(n);
    this.locked = Int32Array.from(Array.from(lockedWith).flatMap((p, j) => (p >= 0 ? [j] : [])));
  }

  /** Scores row `i` (unless it is the last one scored) and returns this. */
  run(i: number): PeerRows {
    if (i === this.last) return this;
    this.score(i, 0);
    this.last = i;
    return this;
  }

  /**
   * Scores row `i`'s pairs with the people after it only (each pair of the pool once: a
   * pair reads the same from either end); the values before `i + 1` are −Infinity.
   */
  runAfter(i: number): PeerRows {
    this.score(i, i + 1);
    this.last = -1; // not a whole row
    return this;
  }

  private score(i: number, from: number): void {
    this.scorer.scoreRow(i, this.scores, this.code, this.checks, from);
    this.rule.row(i, this.scores, this.code, this.value, this.lockedWith[i] >= 0);
    this.value.fill(-Infinity, 0, Math.min(from, this.n));
    this.value[i] = -Infinity;
    if (this.lift !== 0) liftRow(this.value, this.checks, this.code, this.lift);
    for (const j of this.locked) this.value[j] = -Infinity; // locked people are out of the pool
  }

  /** The solver value of pair (u, x), tier included (−Infinity when not allowed). */
  valueOf(u: number, x: number): number {
    return this.run(u).value[x];
  }

  /** The value of pair (u, x) without the tier's lift. */
  baseOf(u: number, x: number): number {
    const r = this.run(u);
    const v = r.value[x];
    return v !== -Infinity && this.lift !== 0 && r.checks[x] === 0 && r.code[x] === 0 ? v - this.lift : v;
  }
}

/** Pairs one row adds to a {@link PeerGraph}, and the row's new bound (the best value still left out). */
export interface AddedPairs {
  readonly cols: readonly number[];
  readonly values: readonly number[];
  readonly scores: readonly number[];
  readonly checks: readonly number[];
  readonly bound: number;
}

/**
 * The kept pairs as a symmetric graph (each pair from both ends, with the value its
 * lower-numbered person's row gave), each kept pair's score and checks, and per person
 * the bound: an upper bound on the value of every allowed pair of their row that the graph
 * does not hold (−Infinity when none).
 *
 * @example
 * ```ts
 * const g = PeerGraph.fromRows(collector.finish());
 * g.has(3, 7); // true when 3 kept 7 or 7 kept 3
 * ```
 */
export class PeerGraph {
  readonly n: number;
  readonly csr: SparseGraph;
  readonly score: Float64Array;
  readonly checks: Uint8Array;
  readonly bound: Float64Array;
  /** Pairs in the graph (each once). */
  readonly pairs: number;

  private constructor(edges: EdgeList, bound: Float64Array) {
    const n = bound.length;
    this.n = n;
    this.bound = bound;
    const order = sortedUnique(n, edges);
    this.pairs = order.length;
    const offsets = new Int32Array(n + 1);
    for (const k of order) {
      offsets[edges.a[k] + 1]++;
      offsets[edges.b[k] + 1]++;
    }
    for (let v = 0; v < n; v++) offsets[v + 1] += offsets[v];
    const fill = offsets.slice(0, n);
    const adjVertex = new Int32Array(offsets[n]);
    const adjWeight = new Float64Array(offsets[n]);
    this.score = new Float64Array(offsets[n]);
    this.checks = new Uint8Array(offsets[n]);
    // Edges by (a, b) ascending: a vertex's lower neighbours (as b) arrive before its own higher ones.
    const place = (x: number, y: number, k: number): void => {
      const p = fill[x]++;
      adjVertex[p] = y;
      adjWeight[p] = edges.w[k];
      this.score[p] = edges.s[k];
      this.checks[p] = edges.c[k];
    };
    for (const k of order) {
      place(edges.a[k], edges.b[k], k);
      place(edges.b[k], edges.a[k], k);
    }
    this.csr = { n, offsets, adjVertex, adjWeight };
  }

  /**
   * The graph of a streamed pass over the pool's upper triangle (row i's pairs with the
   * people after it): a row's list holds its best later partners and a column's list its
   * best earlier ones, so a person's bound is the larger of their row's and their column's.
   */
  static fromRows(set: CandidateSet): PeerGraph {
    const e = new EdgeList();
    for (let i = 0; i < set.rows; i++) {
      for (let p = set.rowStart[i]; p < set.rowStart[i + 1]; p++) e.push(i, set.col[p], set.value[p], set.score[p], set.checks[p]);
    }
    return new PeerGraph(e, Float64Array.from(set.bound, (b, v) => Math.max(b, set.colBound[v])));
  }

  /** This graph with more pairs, by row, and those rows' new bounds. */
  withPairs(added: ReadonlyMap<number, AddedPairs>): PeerGraph {
    const e = new EdgeList();
    const { offsets, adjVertex, adjWeight } = this.csr;
    for (let u = 0; u < this.n; u++) for (let p = offsets[u]; p < offsets[u + 1]; p++) if (adjVertex[p] > u) e.push(u, adjVertex[p], adjWeight[p], this.score[p], this.checks[p]);
    const bound = this.bound.slice();
    for (const [u, a] of added) {
      for (let t = 0; t < a.cols.length; t++) e.push(u, a.cols[t], a.values[t], a.scores[t], a.checks[t]);
      bound[u] = a.bound;
    }
    return new PeerGraph(e, bound);
  }

  /** The adjacency slot of pair (u, v), or −1. */
  find(u: number, v: number): number {
    const { offsets, adjVertex } = this.csr;
    return indexInRow(adjVertex, offsets[u], offsets[u + 1], v);
  }

  has(u: number, v: number): boolean {
    return this.find(u, v) >= 0;
  }

  /** The value of pair (u, v) without the tier's lift: from the graph when it holds the pair, else from the row. */
  baseValue(u: number, v: number, rows: PeerRows): number {
    const p = this.find(u, v);
    if (p < 0) return rows.baseOf(u, v);
    const w = this.csr.adjWeight[p];
    return rows.lift !== 0 && this.checks[p] === 0 ? w - rows.lift : w;
  }
}

/** Edges as pushed, from either end: (a, b) with a < b, and which end gave it (0: a, the lower). */
class EdgeList {
  a: number[] = [];
  b: number[] = [];
  w: number[] = [];
  s: number[] = [];
  c: number[] = [];
  from: number[] = [];

  push(u: number, v: number, w: number, s: number, c: number): void {
    this.a.push(Math.min(u, v));
    this.b.push(Math.max(u, v));
    this.from.push(u < v ? 0 : 1);
    this.w.push(w);
    this.s.push(s);
    this.c.push(c);
  }
}

/** Indices of the edges by (a, b) ascending, one per pair: the one its lower end gave when both ends did. */
function sortedUnique(n: number, e: EdgeList): number[] {
  const start = new Int32Array(n + 1);
  for (const a of e.a) start[a + 1]++;
  for (let v = 0; v < n; v++) start[v + 1] += start[v];
  const fill = start.slice(0, n);
  const idx = new Int32Array(e.a.length);
  for (let k = 0; k < e.a.length; k++) idx[fill[e.a[k]]++] = k;
  const out: number[] = [];
  for (let v = 0; v < n; v++) {
    const bucket = Array.from(idx.subarray(start[v], start[v + 1])).sort((x, y) => e.b[x] - e.b[y] || e.from[x] - e.from[y]);
    for (let t = 0; t < bucket.length; t++) if (t === 0 || e.b[bucket[t]] !== e.b[bucket[t - 1]]) out.push(bucket[t]);
  }
  return out;
}

/**
 * The streamed peer matrix's pairs: from the graph when it holds them, else from the row
 * scored again (the last row is kept).
 *
 * @example
 * ```ts
 * const lookup = new PeerLookup(rows);
 * lookup.use(graph, rows);
 * lookup.score(3, 7); // in [0, 1]
 * ```
 */
export class PeerLookup implements PairLookup {
  private graph: PeerGraph | undefined;

  constructor(private rows: PeerRows) {}

  /** Reads from `graph` (and scores other pairs on `rows`) from now on. */
  use(graph: PeerGraph, rows: PeerRows): void {
    this.graph = graph;
    this.rows = rows;
  }

  private slot(i: number, j: number): number {
    return this.graph ? this.graph.find(i, j) : -1;
  }

  score(i: number, j: number): number {
    const p = this.slot(i, j);
    return p >= 0 ? this.graph!.score[p] : this.rows.run(i).scores[j];
  }

  code(i: number, j: number): number {
    return this.slot(i, j) >= 0 ? 0 : this.rows.run(i).code[j];
  }

  checks(i: number, j: number): number {
    const p = this.slot(i, j);
    return p >= 0 ? this.graph!.checks[p] : this.rows.run(i).checks[j];
  }
}
