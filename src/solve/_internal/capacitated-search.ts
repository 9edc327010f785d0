import type { MentorState } from './mentor-state.js';

/** Candidate mentors kept per row for the search (more than the row reduction's 8). */
const SEARCH_CANDIDATES = 16;

/** Where a shortest augmenting path ends: a mentor with room, or a row to leave out. */
export interface PathEnd {
  /** Mentor with a free place, or -1 when a row is parked instead. */
  mentor: number;
  /** Row to leave unassigned (may be the searching row itself), or -1. */
  parkRow: number;
}

/**
 * Shortest augmenting path search of the capacitated solver (see capacitated-ssp.ts):
 * a Dijkstra over mentors, from one free row, to the nearest mentor with room — or to
 * "parking", leaving out the row of the search tree that costs least to drop.
 *
 * Distances and duals are (level, value) pairs compared lexicographically; parking
 * costs the symbolic M = (1, 0) minus the parked row's dual, so a free place is always
 * preferred and rows are dropped only when the tree has no way to a free place.
 *
 * Sparse with exact fallback: each scanned row relaxes only its candidate mentors (the
 * K with the smallest `c - v` when its list was built) and schedules a *deferred full
 * scan* at `d - u + limit`, where `limit` is the list's K-th (level, value) — a lower
 * bound on `c - v` for every mentor outside the list, still valid because reduced
 * costs only grow lexicographically. Mentors, deferred scans and parking are taken in key order,
 * so no mentor is settled while a pending full scan could still improve it: this is
 * Dijkstra on the full dense graph, postponing edges that cannot matter yet. A
 * deferred scan that runs also rebuilds that row's list against the current duals.
 * On dense costs a search settles many mentors but runs few full scans, so a scanned
 * row costs O(K log cols) instead of O(cols).
 */
export class PathSearch {
  /** Row through which each mentor was reached (valid for this search's tree). */
  readonly pred: Int32Array;
  // Candidate lists: K mentors per row and the K-th (level, value) as the limit.
  private readonly k: number;
  private readonly cand: Int32Array;
  private readonly limA: Float64Array;
  private readonly limB: Float64Array;
  private readonly topA: Float64Array;
  private readonly topB: Float64Array;
  private readonly topJ: Int32Array;
  private id = 0;
  private readonly seen: Int32Array;
  private readonly done: Int32Array;
  private readonly da: Float64Array;
  private readonly db: Float64Array;
  private readonly heap: PairHeap;
  private readonly lazy: PairHeap;
  private readonly lazyA: Float64Array;
  private readonly lazyB: Float64Array;
  private readonly settled: Int32Array;
  private readonly usable: Int32Array;
  private readonly end: PathEnd = { mentor: -1, parkRow: -1 };
  // Best parking found so far in the current search.
  private parkA = 1;
  private parkB = 0;
  private parkRow = -1;

  constructor(private readonly s: MentorState) {
    const { m } = s;
    const n = s.assign.length;
    this.pred = new Int32Array(m);
    this.k = Math.min(SEARCH_CANDIDATES, m);
    this.cand = new Int32Array(n * this.k);
    this.limA = new Float64Array(n).fill(-Infinity); // built at a row's first scan
    this.limB = new Float64Array(n);
    this.topA = new Float64Array(this.k);
    this.topB = new Float64Array(this.k);
    this.topJ = new Int32Array(this.k);
    this.seen = new Int32Array(m);
    this.done = new Int32Array(m);
    this.da = new Float64Array(m);
    this.db = new Float64Array(m);
    this.heap = new PairHeap(m);
    this.lazy = new PairHeap(n);
    this.lazyA = new Float64Array(n);
    this.lazyB = new Float64Array(n);
    this.settled = new Int32Array(m);
    const cols: number[] = [];
    for (let j = 0; j < m; j++) if (s.cap[j] > 0) cols.push(j);
    this.usable = Int32Array.from(cols);
  }

  /** Runs the search from free row f and updates the duals; the caller augments. */
  run(f: number): PathEnd {
    const id = ++this.id;
    const { s, da, db, done, heap, lazy, settled, end } = this;
    const { count, cap, start, members, c, sign, va, vb, m } = s;
    heap.clear();
    lazy.clear();
    this.parkA = 1;
    this.parkB = 0;
    this.parkRow = f;
    let nsettled = 0;
    this.scanRow(f, 0, 0, 0, 0, id);
    let muA = 0;
    let muB = 0;
    end.mentor = -1;
    end.parkRow = -1;
    for (;;) {
      const hasM = heap.size > 0;
      const hasL = lazy.size > 0;
      // A deferred scan goes first only when its key is below the best mentor's: on a tie
      // the mentor is settled first (the scan cannot reach it, or anyone, any nearer), so
      // tied costs — common in real cohorts — rarely pay for a full row scan.
      if (hasL && (!hasM || less(lazy.topA(), lazy.topB(), heap.topA(), heap.topB()))) {
        if (!less(this.parkA, this.parkB, lazy.topA(), lazy.topB())) {
          const k = lazy.pop();
          this.fullScan(k, this.lazyA[k], this.lazyB[k], id);
          continue;
        }
      } else if (hasM && !less(this.parkA, this.parkB, heap.topA(), heap.topB())) {
        const j = heap.pop();
        const dA = da[j];
        const dB = db[j];
        done[j] = id;
        settled[nsettled++] = j;
        if (count[j] < cap[j]) {
          end.mentor = j;
          muA = dA;
          muB = dB;
          break;
        }
        for (let p = start[j], e = p + count[j]; p < e; p++) {
          const k = members[p];
          // Row k's dual u = c[k][j] - v[j] = (-va[j], c - vb[j]).
          this.scanRow(k, dA, dB, -va[j], c[k * m + j] * sign - vb[j], id);
        }
        continue;
      }
      // Parking is the nearest end.
      end.parkRow = this.parkRow;
      muA = this.parkA;
      muB = this.parkB;
      break;
    }
    // Dual update: every settled mentor moves by d - μ (a sink moves by 0).
    for (let t = 0; t < nsettled; t++) {
      const j = settled[t];
      va[j] += da[j] - muA;
      vb[j] += db[j] - muB;
    }
    return end;
  }

  /** Row k reached at distance d with dual u: parking option, candidates, deferral. */
  private scanRow(k: number, dA: number, dB: number, uA: number, uB: number, id: number): void {
    const hA = dA - uA;
    const hB = dB - uB;
    // Leaving k out: d + M - u.
    if (less(hA + 1, hB, this.parkA, this.parkB)) {
      this.parkA = hA + 1;
      this.parkB = hB;
      this.parkRow = k;
    }
    const limA = this.limA[k];
    if (limA === -Infinity) {
      this.fullScan(k, hA, hB, id);
      return;
    }
    const { c, sign, va, vb, m } = this.s;
    const { done, cand } = this;
    const K = this.k;
    const off = k * m;
    for (let t = 0, base = k * K; t < K; t++) {
      const j = cand[base + t];
      if (done[j] === id) continue;
      const nb = hB + c[off + j] * sign - vb[j];
      if (nb === Infinity) continue;
      this.relax(j, hA - va[j], nb, k, id);
    }
    const limB = this.limB[k];
    if (limB !== Infinity) {
      this.lazyA[k] = hA;
      this.lazyB[k] = hB;
      this.lazy.push(k, hA + limA, hB + limB);
    }
  }

  /** Offers distance (na, nb) to unsettled mentor j, reached through row k. */
  private relax(j: number, na: number, nb: number, k: number, id: number): void {
    const { da, db, seen, pred, heap } = this;
    if (seen[j] !== id) {
      seen[j] = id;
      da[j] = na;
      db[j] = nb;
      pred[j] = k;
      heap.push(j, na, nb);
    } else if (less(na, nb, da[j], db[j])) {
      da[j] = na;
      db[j] = nb;
      pred[j] = k;
      heap.decrease(j, na, nb);
    }
  }

  /** Relaxes row k (h = d - u) over every mentor and rebuilds its candidate list. */
  private fullScan(k: number, hA: number, hB: number, id: number): void {
    const { c, sign, va, vb, m } = this.s;
    const { done, usable, topA, topB, topJ } = this;
    const K = this.k;
    const off = k * m;
    let filled = 0;
    let worstA = Infinity;
    let worstB = Infinity;
    for (let t = 0; t < usable.length; t++) {
      const j = usable[t];
      const vB = c[off + j] * sign - vb[j];
      if (vB === Infinity) continue;
      const vA = -va[j];
      // Keep the K smallest reduced costs (level, value) of the row.
      if (filled < K || less(vA, vB, worstA, worstB)) {
        let p = filled < K ? filled++ : K - 1;
        while (p > 0 && less(vA, vB, topA[p - 1], topB[p - 1])) {
          topA[p] = topA[p - 1];
          topB[p] = topB[p - 1];
          topJ[p] = topJ[p - 1];
          p--;
        }
        topA[p] = vA;
        topB[p] = vB;
        topJ[p] = j;
        if (filled === K) {
          worstA = topA[K - 1];
          worstB = topB[K - 1];
        }
      }
      if (done[j] === id) continue;
      this.relax(j, hA + vA, hB + vB, k, id);
    }
    // Store the list; with fewer than K allowed mentors it is complete (limit +∞).
    const base = k * K;
    for (let t = 0; t < K; t++) this.cand[base + t] = t < filled ? topJ[t] : topJ[0];
    if (filled === K && usable.length > K) {
      this.limA[k] = worstA;
      this.limB[k] = worstB;
    } else {
      this.limA[k] = 0;
      this.limB[k] = Infinity;
    }
  }
}

/** Lexicographic (a, b) < (c, d). */
function less(a: number, b: number, c: number, d: number): boolean {
  return a < c || (a === c && b < d);
}

/** Indexed binary min-heap with (level, value) keys and decrease-key. */
class PairHeap {
  size = 0;
  private readonly items: Int32Array;
  private readonly ka: Float64Array;
  private readonly kb: Float64Array;
  private readonly where: Int32Array;

  constructor(capacity: number) {
    this.items = new Int32Array(capacity);
    this.ka = new Float64Array(capacity);
    this.kb = new Float64Array(capacity);
    this.where = new Int32Array(capacity);
  }

  clear(): void {
    this.size = 0;
  }

  topA(): number {
    return this.ka[0];
  }

  topB(): number {
    return this.kb[0];
  }

  push(x: number, a: number, b: number): void {
    this.up(this.size++, x, a, b);
  }

  /** Lowers the key of x, which must be in the heap. */
  decrease(x: number, a: number, b: number): void {
    this.up(this.where[x], x, a, b);
  }

  pop(): number {
    const top = this.items[0];
    const n = --this.size;
    if (n > 0) this.down(this.items[n], this.ka[n], this.kb[n]);
    return top;
  }

  private up(p: number, x: number, a: number, b: number): void {
    const { items, ka, kb, where } = this;
    while (p > 0) {
      const q = (p - 1) >> 1;
      if (!less(a, b, ka[q], kb[q])) break;
      const y = items[q];
      items[p] = y;
      ka[p] = ka[q];
      kb[p] = kb[q];
      where[y] = p;
      p = q;
    }
    items[p] = x;
    ka[p] = a;
    kb[p] = b;
    where[x] = p;
  }

  private down(x: number, a: number, b: number): void {
    const { items, ka, kb, where } = this;
    const n = this.size;
    let p = 0;
    for (;;) {
      let q = 2 * p + 1;
      if (q >= n) break;
      if (q + 1 < n && less(ka[q + 1], kb[q + 1], ka[q], kb[q])) q++;
      if (!less(ka[q], kb[q], a, b)) break;
      const y = items[q];
      items[p] = y;
      ka[p] = ka[q];
      kb[p] = kb[q];
      where[y] = p;
      p = q;
    }
    items[p] = x;
    ka[p] = a;
    kb[p] = b;
    where[x] = p;
  }
}
