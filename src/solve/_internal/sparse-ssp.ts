import { LexHeap } from './sparse-heap.js';
import { SparsePhase } from './sparse-phase.js';
import { SparseState } from './sparse-state.js';

/**
 * Exact sparse capacitated assignment by successive shortest augmenting paths over the
 * column nodes, maximising Σ w (plus M per assigned row when `cardinality`), in the
 * maximisation form of the LP duals: row duals u ≥ 0, column duals v ≥ 0,
 * u_i + v_j ≥ w'_ij on every edge (w' = (L, w) with L = 1 when `cardinality`, else 0),
 * tight on assigned edges, v_j = 0 while column j has room, u_i = 0 for unassigned rows.
 *
 * Duals and distances are (level, value) pairs compared lexicographically; the level is
 * a small exact integer counting multiples of the symbolic M, so there is no big-M
 * rounding. Row duals are implicit: u_i = w'_{i,assign(i)} - v_{assign(i)} when row i is
 * assigned (tight), 0 otherwise — only column duals are stored.
 *
 * Rows are taken one at a time; the optimum over the rows taken so far is kept (rows
 * not yet taken are absent, which is the any-size LP restricted to the others). A new
 * row r gets u_r = max(0, max_j w'_rj - v_j). If that is 0 it stays out (its edges are
 * already feasible). Otherwise a Dijkstra from r over columns, with reduced costs
 * u_k + v_j - w'_kj ≥ 0, looks for the cheapest of two kinds of end:
 *  - a column with room, at its distance d_j;
 *  - dropping a row k of the search tree (r included), at g_k = d_k + u_k: the new row
 *    comes in, k goes out, every other row on the path moves one column on.
 * Columns settled before the end μ rise by μ - d_j, which keeps every edge feasible and
 * the tree's edges tight, and makes the dropped row's dual exactly 0.
 *
 * Why failing searches stay cheap: in the cardinality mode a column that a failing
 * search settles at level 0 rises to level 1 and, with all rows that reach it, can never
 * again reach a column with room (column counts never decrease, and a row is only ever
 * assigned to a level-1 column when all its edges lead to level-1 columns). Later
 * searches see that region at level 1, behind every live column, and explore it only
 * while exchanging rows there beats leaving the new row out: a price test, typically a
 * handful of columns. Ties stop a search as early as possible (an end at the same key as
 * the queue's head wins), and a row whose best column has room is placed without a
 * search.
 *
 * When the searches grow wide, batched phases (sparse-phase.ts) place many of the next
 * rows at once; each keeps the same invariants, so rows may be taken by either.
 *
 * @returns the state: assignment, edge of each row, column duals.
 */
export function solveSparse(
  n: number,
  m: number,
  rowBegin: Int32Array,
  rowEnd: Int32Array,
  col: Int32Array,
  value: Float64Array,
  cap: Int32Array,
  cardinality: boolean,
  /** Scales the phase trigger (tests: 0 runs a phase after every search). */
  phaseScale = 1,
): SparseState {
  const s = new SparseState(n, m, rowBegin, rowEnd, col, value, cap);
  const search = new SparseSearch(s, cardinality ? 1 : 0);
  // Strongest rows first: later, weaker rows then mostly fail the price test at once
  // instead of displacing rows taken earlier (any order is exact; this one is fast).
  const order = rowsByBestValue(n, rowBegin, rowEnd, value);
  // A batched phase (sparse-phase.ts) each time the one-row searches have read as many
  // edges as the last phase did: the phases then cost about as much as the searches.
  const taken = new Uint8Array(n);
  let phase: SparsePhase | null = null;
  let phaseCost = 0;
  for (let i = 0; i < n; i++) phaseCost += rowEnd[i] - rowBegin[i];
  let since = 0;
  for (let t = 0; t < n; t++) {
    const r = order[t];
    if (taken[r]) continue;
    taken[r] = 1;
    search.run(r);
    if (search.work - since > phaseCost * phaseScale) {
      phase ??= new SparsePhase(s, cardinality ? 1 : 0);
      if (phase.run(order, t + 1, n, taken) >= 0) phaseCost = Math.max(phase.work, 1024);
      since = search.work;
    }
  }
  return s;
}

const DROP = 0;
const FREE = 1;

/** The Dijkstra of {@link solveSparse}, with its scratch arrays. */
class SparseSearch {
  private readonly heap: LexHeap;
  private readonly da: Float64Array;
  private readonly db: Float64Array;
  private readonly pred: Int32Array;
  private readonly predEdge: Int32Array;
  private readonly seen: Int32Array;
  private readonly done: Int32Array;
  private readonly settled: Int32Array;
  private nsettled = 0;
  private id = 0;
  // Best end found so far: its key, its kind, and the dropped row or the free column.
  private bestA = 0;
  private bestB = 0;
  private bestKind = DROP;
  private bestAt = -1;
  /** Edges read by all searches so far (the trigger of the batched phases). */
  work = 0;

  constructor(
    private readonly s: SparseState,
    /** Level of every edge's weight: 1 when cardinality comes first, else 0. */
    private readonly L: number,
  ) {
    const { m } = s;
    this.heap = new LexHeap(m);
    this.da = new Float64Array(m);
    this.db = new Float64Array(m);
    this.pred = new Int32Array(m);
    this.predEdge = new Int32Array(m);
    this.seen = new Int32Array(m);
    this.done = new Int32Array(m);
    this.settled = new Int32Array(m);
  }

  /** Takes row r into the solution (or leaves it out), keeping the duals optimal. */
  run(r: number): void {
    const { s, L } = this;
    const { rowBegin, rowEnd, col, value, va, vb, count, cap } = s;
    // u_r = max(0, max_j w'_rj - v_j), and the column that attains it.
    let uA = 0;
    let uB = 0;
    let arg = -1;
    for (let p = rowBegin[r], e = rowEnd[r]; p < e; p++) {
      const j = col[p];
      const a = L - va[j];
      const b = value[p] - vb[j];
      if (a > uA || (a === uA && b > uB)) {
        uA = a;
        uB = b;
        arg = p;
      }
    }
    if (arg < 0) return; // nothing beats leaving r out
    const j0 = col[arg];
    if (count[j0] < cap[j0]) {
      s.add(r, j0, arg); // distance 0 to a column with room: no search, no dual change
      return;
    }
    const id = ++this.id;
    this.heap.clear();
    this.nsettled = 0;
    this.bestA = uA;
    this.bestB = uB;
    this.bestKind = DROP;
    this.bestAt = r;
    this.scanRow(r, uA, uB, id);
    this.loop(id);
    this.updateDuals();
    this.augment(r);
  }

  /** Pops columns until the best end is no farther than the queue's head. */
  private loop(id: number): void {
    const { s, L, heap, da, db, done, settled } = this;
    const { start, members, count, edge, value, va, vb } = s;
    while (heap.size > 0) {
      const ta = heap.topA();
      if (ta > this.bestA || (ta === this.bestA && heap.topB() >= this.bestB)) break;
      const j = heap.pop();
      done[j] = id;
      settled[this.nsettled++] = j;
      const dA = da[j];
      const dB = db[j];
      const gA = dA + L - va[j];
      for (let q = start[j], e = q + count[j]; q < e; q++) {
        const k = members[q];
        this.scanRow(k, gA, dB + value[edge[k]] - vb[j], id);
        // An end at j's own distance is final: nothing left can be nearer.
        if (this.bestA < dA || (this.bestA === dA && this.bestB <= dB)) return;
      }
    }
  }

  /** Row k in the tree with g = d_k + u_k: the drop option, then its edges. */
  private scanRow(k: number, gA: number, gB: number, id: number): void {
    if (gA < this.bestA || (gA === this.bestA && gB < this.bestB)) {
      this.bestA = gA;
      this.bestB = gB;
      this.bestKind = DROP;
      this.bestAt = k;
    }
    const { s, L, heap, da, db, seen, done, pred, predEdge } = this;
    const { rowBegin, rowEnd, col, value, va, vb, count, cap } = s;
    const own = s.assign[k];
    const hA = gA - L;
    this.work += rowEnd[k] - rowBegin[k];
    for (let p = rowBegin[k], e = rowEnd[k]; p < e; p++) {
      const j = col[p];
      if (done[j] === id || j === own) continue;
      const na = hA + va[j];
      const nb = gB + vb[j] - value[p];
      const bA = this.bestA;
      if (na > bA || (na === bA && nb >= this.bestB)) continue; // never nearer than the best end
      if (count[j] < cap[j]) {
        this.bestA = na;
        this.bestB = nb;
        this.bestKind = FREE;
        this.bestAt = j;
        pred[j] = k;
        predEdge[j] = p;
      } else if (seen[j] !== id) {
        seen[j] = id;
        da[j] = na;
        db[j] = nb;
        pred[j] = k;
        predEdge[j] = p;
        heap.push(j, na, nb);
      } else if (na < da[j] || (na === da[j] && nb < db[j])) {
        da[j] = na;
        db[j] = nb;
        pred[j] = k;
        predEdge[j] = p;
        heap.decrease(j, na, nb);
      }
    }
  }

  /** Every settled column rises by μ - d_j (μ = the best end). */
  private updateDuals(): void {
    const { settled, da, db } = this;
    const { va, vb } = this.s;
    const muA = this.bestA;
    const muB = this.bestB;
    for (let t = 0; t < this.nsettled; t++) {
      const j = settled[t];
      va[j] += muA - da[j];
      vb[j] += muB - db[j];
    }
  }

  /** Moves the rows along the path from the best end back to the new row r. */
  private augment(r: number): void {
    const { s, pred, predEdge } = this;
    let j: number;
    if (this.bestKind === DROP) {
      const k = this.bestAt;
      if (k === r) return; // the new row itself is the cheapest to leave out
      j = s.assign[k];
      s.remove(k);
    } else {
      j = this.bestAt;
    }
    for (;;) {
      const i = pred[j];
      const p = predEdge[j];
      const prev = s.assign[i];
      if (prev >= 0) s.remove(i);
      s.add(i, j, p);
      if (i === r) break;
      j = prev;
    }
  }
}

/** Rows by their best edge value, largest first (rows without edges last). */
function rowsByBestValue(n: number, rowBegin: Int32Array, rowEnd: Int32Array, value: Float64Array): Int32Array {
  const best = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let b = -Infinity;
    for (let p = rowBegin[i], e = rowEnd[i]; p < e; p++) if (value[p] > b) b = value[p];
    best[i] = b;
  }
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => best[b] - best[a] || a - b);
  return order;
}
