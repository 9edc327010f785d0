import { LexHeap } from './sparse-heap.js';
import type { SparseState } from './sparse-state.js';

const NONE = -3; // not reached: no tree
const FREE = -1; // the column has room: the path ends here
const DROP = -2; // the path ends by leaving the column's member `nextRow` out
/**
 * A pass stops after this many rows it could not place: rows are best taken in their
 * order (sparse-ssp.ts), and a strong row left behind for later would displace the
 * weaker ones placed past it.
 */
const MAX_SKIPPED = 16;

/**
 * The batched phase of the sparse assignment (sparse-ssp.ts): one Dijkstra backwards
 * from every end at once, then many rows placed along tight paths without a search.
 *
 * The ends are the columns with room (distance 0) and, without cardinality first, each
 * full column's cheapest member to leave out (distance u_k). A residual arc j → j' is
 * "member k of column j moves to its edge p to j'", of reduced cost
 * c = u_k + v_j' - w'_kp ≥ 0 with u_k = w'_k,own - v_j. The Dijkstra runs over the
 * level-0 columns only (cardinality first: a level-1 column never leads to a place at
 * level 0, and every drop there costs a level-1 amount, so it is left to the one-row
 * searches); it gives D(j), the distance from column j to its nearest end.
 *
 * Columns then rise by min(D(j), T), T the largest finite D. Every residual arc stays
 * feasible (c + min(D(j'), T) - min(D(j), T) ≥ 0, by D(j) ≤ c + D(j')), columns with
 * room stay at 0, a member's dual falls by at most D(j) ≤ u_k (still ≥ 0), unassigned
 * rows stay feasible (columns only rise), and every tree arc becomes tight. A pending
 * row r then gets u_r = max(0, max_j w'_rj - v_j) as in the one-row search; at 0 it
 * stays out; at its best column j0, the tree path from j0 is tight, so r can be placed
 * at j0 and every member on the path moved one arc on (the last one dropped, or the
 * path ending at a column with room) with all invariants kept. Paths of one pass must
 * not share a column whose members changed: a row whose path meets a column already
 * used in this pass is left to a later phase or its own search.
 */
export class SparsePhase {
  private readonly cstart: Int32Array;
  private readonly cedge: Int32Array;
  private readonly crow: Int32Array;
  private readonly dist: Float64Array;
  private readonly next: Int32Array;
  private readonly nextRow: Int32Array;
  private readonly done: Int32Array;
  private readonly used: Int32Array;
  private readonly heap: LexHeap;
  private id = 0;
  /** The level of the last phase's columns. */
  private lam = 0;
  /** Edges read by the last phase: its cost, for the caller's trigger. */
  work = 0;

  constructor(private readonly s: SparseState, private readonly L: number) {
    const { n, m, rowBegin, rowEnd, col } = s;
    const cstart = new Int32Array(m + 1);
    for (let i = 0; i < n; i++) for (let p = rowBegin[i], e = rowEnd[i]; p < e; p++) cstart[col[p] + 1]++;
    for (let j = 0; j < m; j++) cstart[j + 1] += cstart[j];
    const fill = cstart.slice(0, m);
    this.cedge = new Int32Array(cstart[m]);
    this.crow = new Int32Array(cstart[m]);
    for (let i = 0; i < n; i++) {
      for (let p = rowBegin[i], e = rowEnd[i]; p < e; p++) {
        const q = fill[col[p]]++;
        this.cedge[q] = p;
        this.crow[q] = i;
      }
    }
    this.cstart = cstart;
    this.dist = new Float64Array(m);
    this.next = new Int32Array(m);
    this.nextRow = new Int32Array(m);
    this.done = new Int32Array(m);
    this.used = new Int32Array(m);
    this.heap = new LexHeap(m);
  }

  /**
   * Runs one phase over the rows `order[from..to)` not yet `taken` (marks those it
   * settles: placed, or left out with u = 0). Returns how many it settled, or -1 when
   * there is no end to reach at level 0 (cardinality first with every place taken:
   * that never changes again, so no later phase can help).
   */
  run(order: Int32Array, from: number, to: number, taken: Uint8Array): number {
    this.work = 0;
    if (!this.backward()) return -1;
    this.raise();
    return this.place(order, from, to, taken);
  }

  /**
   * The backward Dijkstra over the columns of one level λ; false when no end exists.
   * λ = 0 while a column has room (its ends: those columns, and without cardinality
   * first also the drops); else, cardinality first, λ = 1 and the ends are the drops
   * from level-1 columns (whose members have level-0 duals).
   */
  private backward(): boolean {
    const { s, L, heap, dist, next, nextRow, done, cstart, cedge, crow } = this;
    const { m, cap, count, va, vb, value, edge, start, members, assign } = s;
    const id = ++this.id;
    heap.clear();
    let lam = 0;
    if (L === 1) {
      lam = 1;
      for (let j = 0; j < m; j++) {
        if (count[j] < cap[j]) {
          lam = 0;
          break;
        }
      }
    }
    this.lam = lam;
    for (let j = 0; j < m; j++) {
      next[j] = NONE;
      if (va[j] !== lam) continue;
      if (count[j] < cap[j]) {
        dist[j] = 0;
        next[j] = FREE;
        heap.push(j, 0, 0);
      } else if (lam === L) {
        let best = Infinity;
        let who = -1;
        for (let q = start[j], e = q + count[j]; q < e; q++) {
          const k = members[q];
          const u = value[edge[k]] - vb[j];
          if (u < best) {
            best = u;
            who = k;
          }
        }
        dist[j] = best;
        next[j] = DROP;
        nextRow[j] = who;
        heap.push(j, 0, best);
      }
    }
    if (heap.size === 0) return false;
    let work = 0;
    while (heap.size > 0) {
      const jp = heap.pop();
      done[jp] = id;
      const dj = dist[jp] + vb[jp];
      const e = cstart[jp + 1];
      work += e - cstart[jp];
      for (let q = cstart[jp]; q < e; q++) {
        const k = crow[q];
        const j = assign[k];
        if (j < 0 || j === jp || done[j] === id || va[j] !== lam || next[j] === FREE) continue;
        const nd = dj + value[edge[k]] - vb[j] - value[cedge[q]];
        if (next[j] === NONE) {
          dist[j] = nd;
          next[j] = cedge[q];
          nextRow[j] = k;
          heap.push(j, 0, nd);
        } else if (nd < dist[j]) {
          dist[j] = nd;
          next[j] = cedge[q];
          nextRow[j] = k;
          heap.decrease(j, 0, nd);
        }
      }
    }
    this.work = work;
    return true;
  }

  /** Columns rise by min(D, T). */
  private raise(): void {
    const { dist, next } = this;
    const { m, va, vb, cap } = this.s;
    const lam = this.lam;
    let T = 0;
    for (let j = 0; j < m; j++) if (next[j] !== NONE && dist[j] > T) T = dist[j];
    for (let j = 0; j < m; j++) {
      if (va[j] !== lam || cap[j] === 0) continue;
      const d = next[j] === NONE ? T : dist[j];
      if (d > 0) vb[j] += d;
    }
  }

  /** Places the pending rows along tight, column-disjoint tree paths. */
  private place(order: Int32Array, from: number, to: number, taken: Uint8Array): number {
    const { s, L, next, nextRow, used } = this;
    const { rowBegin, rowEnd, col, value, va, vb, count, cap } = s;
    const id = this.id;
    const lam = this.lam;
    let settledRows = 0;
    let skipped = 0;
    let work = this.work;
    for (let t = from; t < to; t++) {
      const r = order[t];
      if (taken[r]) continue;
      let uA = 0;
      let uB = 0;
      let arg = -1;
      const e = rowEnd[r];
      work += e - rowBegin[r];
      for (let p = rowBegin[r]; p < e; p++) {
        const j = col[p];
        const a = L - va[j];
        const b = value[p] - vb[j];
        if (a > uA || (a === uA && b > uB)) {
          uA = a;
          uB = b;
          arg = p;
        }
      }
      if (arg < 0) {
        taken[r] = 1; // stays out: every edge already feasible with u_r = 0
        settledRows++;
        continue;
      }
      const j0 = col[arg];
      if (va[j0] !== lam || next[j0] === NONE) {
        if (++skipped > MAX_SKIPPED) break; // left to the one-row search
        continue;
      }
      let j = j0;
      let clear = true;
      for (;;) {
        if (used[j] === id) {
          clear = false;
          break;
        }
        const x = next[j];
        if (x < 0) break;
        j = col[x];
      }
      if (!clear) {
        if (++skipped > MAX_SKIPPED) break;
        continue;
      }
      taken[r] = 1;
      settledRows++;
      let i = r;
      let p = arg;
      j = j0;
      for (;;) {
        const x = next[j];
        if (x === FREE) {
          s.add(i, j, p);
          if (count[j] >= cap[j]) used[j] = id;
          break;
        }
        used[j] = id;
        const k = nextRow[j];
        s.remove(k);
        s.add(i, j, p);
        if (x === DROP) break;
        i = k;
        p = x;
        j = col[x];
      }
    }
    this.work = work;
    return settledRows;
  }
}
