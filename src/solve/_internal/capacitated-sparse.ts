import { Candidates } from './candidates.js';
import type { MentorState } from './mentor-state.js';

/** Candidate mentors kept per row for the search (more than the row reduction's 8). */
const SEARCH_CANDIDATES = 16;

/**
 * Shortest augmenting path search for the capacitated problem on plain values (all
 * levels 0), relaxing each scanned row over its candidate mentors only.
 *
 * Exactness: a row's candidate list records `limit`, a lower bound on `c - v` for every
 * mentor outside the list (reduced costs only grow). Scanning row k at distance d with
 * dual u relaxes its candidates at once and schedules a *deferred full scan* at key
 * `d + limit - u`, a lower bound on any distance through a non-candidate. Mentors and
 * deferred scans are taken in key order from two heaps, so no mentor is settled while
 * a pending full scan could still improve it: this is Dijkstra's algorithm on the full
 * dense graph, merely postponing edges that cannot matter yet. A deferred scan that
 * does run also rebuilds that row's list against the current duals.
 *
 * On uniform dense costs a search settles hundreds of mentors but runs few full scans,
 * so the work per scanned row drops from O(cols) to O(K log cols).
 */
export class SparseSearch {
  private readonly cands: Candidates;
  private id = 0;
  /** Search id for which `dist[j]` is valid / mentor j is settled. */
  private readonly seen: Int32Array;
  private readonly done: Int32Array;
  private readonly dist: Float64Array;
  private readonly heap: MentorHeap;
  private readonly lazy: RowHeap;
  private readonly lazyD: Float64Array;
  private readonly lazyU: Float64Array;
  private readonly settled: Int32Array;
  private readonly usable: Int32Array;

  constructor(
    private readonly s: MentorState,
    private readonly pred: Int32Array,
  ) {
    const { m } = s;
    const n = s.assign.length;
    this.cands = new Candidates(n, m, s.c, s.vb, s.sign, SEARCH_CANDIDATES);
    this.cands.limit.fill(-Infinity); // built at a row's first scan
    this.seen = new Int32Array(m);
    this.done = new Int32Array(m);
    this.dist = new Float64Array(m);
    this.heap = new MentorHeap(m);
    this.lazy = new RowHeap(n);
    this.lazyD = new Float64Array(n);
    this.lazyU = new Float64Array(n);
    this.settled = new Int32Array(m);
    const cols: number[] = [];
    for (let j = 0; j < m; j++) if (s.cap[j] > 0) cols.push(j);
    this.usable = Int32Array.from(cols);
  }

  /**
   * Shortest path from free row f to a mentor with room; on success updates the duals
   * and returns that mentor (predecessors in `pred`). Returns -1, having changed
   * nothing, when no mentor with room can be reached.
   */
  run(f: number): number {
    const id = ++this.id;
    const { s, dist, done, heap, lazy, settled } = this;
    const { count, cap, start, members, c, sign, vb, m } = s;
    heap.clear();
    lazy.clear();
    let nsettled = 0;
    this.scanRow(f, 0, 0, id);
    let sink = -1;
    let mu = 0;
    for (;;) {
      const mtop = heap.size > 0 ? heap.topKey() : Infinity;
      const ltop = lazy.size > 0 ? lazy.topKey() : Infinity;
      if (mtop === Infinity && ltop === Infinity) return -1;
      if (ltop <= mtop) {
        const k = lazy.pop();
        this.fullScan(k, this.lazyD[k], this.lazyU[k], id);
        continue;
      }
      const j = heap.pop();
      const d = dist[j];
      done[j] = id;
      settled[nsettled++] = j;
      if (count[j] < cap[j]) {
        sink = j;
        mu = d;
        break;
      }
      for (let p = start[j], e = p + count[j]; p < e; p++) {
        const k = members[p];
        this.scanRow(k, d, c[k * m + j] * sign - vb[j], id);
      }
    }
    // Dual update for the settled mentors (the sink moves by 0).
    for (let t = 0; t < nsettled; t++) {
      const j = settled[t];
      vb[j] += dist[j] - mu;
    }
    return sink;
  }

  /** Relaxes row k (at distance d, dual u) over its candidates; defers the rest. */
  private scanRow(k: number, d: number, u: number, id: number): void {
    const { cands } = this;
    const limit = cands.limit[k];
    if (limit === -Infinity) {
      this.fullScan(k, d, u, id);
      return;
    }
    const { c, sign, vb, m } = this.s;
    const { dist, seen, done, pred, heap } = this;
    const K = cands.k;
    const off = k * m;
    const h = d - u;
    for (let t = 0, base = k * K; t < K; t++) {
      const j = cands.cols[base + t];
      if (done[j] === id) continue;
      const nd = h + c[off + j] * sign - vb[j];
      if (seen[j] !== id) {
        if (nd === Infinity) continue;
        seen[j] = id;
        dist[j] = nd;
        pred[j] = k;
        heap.push(j, nd);
      } else if (nd < dist[j]) {
        dist[j] = nd;
        pred[j] = k;
        heap.decrease(j, nd);
      }
    }
    if (limit !== Infinity) {
      this.lazyD[k] = d;
      this.lazyU[k] = u;
      this.lazy.push(k, h + limit);
    }
  }

  /** Relaxes row k over every mentor, and rebuilds its candidate list. */
  private fullScan(k: number, d: number, u: number, id: number): void {
    const { c, sign, vb, m } = this.s;
    const { dist, seen, done, pred, heap, usable } = this;
    const off = k * m;
    const h = d - u;
    for (let t = 0; t < usable.length; t++) {
      const j = usable[t];
      if (done[j] === id) continue;
      const nd = h + c[off + j] * sign - vb[j];
      if (seen[j] !== id) {
        if (nd === Infinity) continue;
        seen[j] = id;
        dist[j] = nd;
        pred[j] = k;
        heap.push(j, nd);
      } else if (nd < dist[j]) {
        dist[j] = nd;
        pred[j] = k;
        heap.decrease(j, nd);
      }
    }
    this.cands.rebuild(k);
  }
}

/** Indexed binary min-heap of mentors keyed by distance, with decrease-key. */
class MentorHeap {
  size = 0;
  private readonly items: Int32Array;
  private readonly keys: Float64Array;
  private readonly where: Int32Array;

  constructor(m: number) {
    this.items = new Int32Array(m);
    this.keys = new Float64Array(m);
    this.where = new Int32Array(m);
  }

  clear(): void {
    this.size = 0;
  }

  topKey(): number {
    return this.keys[0];
  }

  push(j: number, key: number): void {
    this.up(this.size++, j, key);
  }

  decrease(j: number, key: number): void {
    this.up(this.where[j], j, key);
  }

  pop(): number {
    const { items, keys } = this;
    const top = items[0];
    const n = --this.size;
    if (n > 0) this.down(0, items[n], keys[n]);
    return top;
  }

  private up(p: number, j: number, key: number): void {
    const { items, keys, where } = this;
    while (p > 0) {
      const q = (p - 1) >> 1;
      if (keys[q] <= key) break;
      items[p] = items[q];
      keys[p] = keys[q];
      where[items[p]] = p;
      p = q;
    }
    items[p] = j;
    keys[p] = key;
    where[j] = p;
  }

  private down(p: number, j: number, key: number): void {
    const { items, keys, where } = this;
    const n = this.size;
    for (;;) {
      let q = 2 * p + 1;
      if (q >= n) break;
      if (q + 1 < n && keys[q + 1] < keys[q]) q++;
      if (keys[q] >= key) break;
      items[p] = items[q];
      keys[p] = keys[q];
      where[items[p]] = p;
      p = q;
    }
    items[p] = j;
    keys[p] = key;
    where[j] = p;
  }
}

/** Binary min-heap of rows keyed by a number (no decrease-key needed). */
class RowHeap {
  size = 0;
  private readonly items: Int32Array;
  private readonly keys: Float64Array;

  constructor(n: number) {
    this.items = new Int32Array(n);
    this.keys = new Float64Array(n);
  }

  clear(): void {
    this.size = 0;
  }

  topKey(): number {
    return this.keys[0];
  }

  push(i: number, key: number): void {
    const { items, keys } = this;
    let p = this.size++;
    while (p > 0) {
      const q = (p - 1) >> 1;
      if (keys[q] <= key) break;
      items[p] = items[q];
      keys[p] = keys[q];
      p = q;
    }
    items[p] = i;
    keys[p] = key;
  }

  pop(): number {
    const { items, keys } = this;
    const top = items[0];
    const n = --this.size;
    if (n > 0) {
      const i = items[n];
      const key = keys[n];
      let p = 0;
      for (;;) {
        let q = 2 * p + 1;
        if (q >= n) break;
        if (q + 1 < n && keys[q + 1] < keys[q]) q++;
        if (keys[q] >= key) break;
        items[p] = items[q];
        keys[p] = keys[q];
        p = q;
      }
      items[p] = i;
      keys[p] = key;
    }
    return top;
  }
}
