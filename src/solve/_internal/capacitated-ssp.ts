import { RowReduction } from './capacitated-arr.js';
import { SparseSearch } from './capacitated-sparse.js';
import { MentorState } from './mentor-state.js';

/**
 * Successive shortest paths for the capacitated assignment (transportation) problem,
 * on the mentor nodes directly: column j has `cap[j]` slots, but the slots are never
 * materialised. O(rows + Σ min(cap, rows)) memory besides the (unmodified) cost buffer.
 *
 * Cardinality comes first: a row may be "parked" (left unassigned) at a symbolic cost
 * M larger than any sum of real costs. Every cost, distance and dual is a pair
 * (level, value) compared lexicographically: level counts multiples of M and is exact
 * (a small integer), value carries the real costs. A row is parked only when no
 * augmenting path reaches a free slot, and then the cheapest row of the search tree to
 * leave out is chosen — which yields, among maximum-cardinality assignments, one of
 * minimum total cost.
 *
 * Invariants (the LP dual of the transportation problem with a park column of infinite
 * capacity and cost M): column duals `v ≤ 0`, `v = 0` while a column has a free slot;
 * an assigned row is at its minimum reduced cost `c[i][j] - v[j]` over all columns and
 * that minimum is at most M; the park column's dual stays 0.
 */
export function solveCapacitated(
  n: number,
  m: number,
  c: Float64Array,
  sign: 1 | -1,
  cap: Int32Array,
): Int32Array {
  const s = new MentorState(n, m, c, sign, cap);
  const free = new Int32Array(n);
  for (let i = 0; i < n; i++) free[i] = i;
  let numfree = n;

  // Cheap first phase: settles most rows (see capacitated-arr.ts).
  const arr = new RowReduction(s);
  const P=(globalThis as any).__prof; let T=performance.now();
  for (let pass = 0; pass < ((globalThis as any).__P ?? ARR_PASSES) && numfree > 0; pass++) {
    numfree = arr.pass(free, numfree, ((globalThis as any).__B ?? ARR_BUDGET) * n * m + 64 * m);
    if (P) P['free'+pass]=numfree;
  }
  if (P) { P.arr = performance.now()-T; T=performance.now(); }

  if (numfree > 0) {
    const search = new PathSearch(s);
    for (let f = 0; f < numfree; f++) {
      const row = free[f];
      const end = search.run(row);
      // end.column >= 0: free slot in that column; else park row end.parkRow.
      let j: number;
      if (end.column >= 0) {
        j = end.column;
      } else {
        const k = end.parkRow;
        if (k === row) continue; // the new row itself is the cheapest to leave out
        j = s.assign[k];
        s.remove(k);
      }
      // Walk the predecessor chain back to the new row, shifting each row one column on.
      for (;;) {
        const i = search.pred[j];
        const prev = s.assign[i];
        if (prev >= 0) s.remove(i);
        s.add(i, j);
        if (i === row) break;
        j = prev;
      }
    }
  }
  if (P) { P.aug = performance.now()-T; }
  return s.assign;
}

/** Augmenting row reduction passes and their work budget (multiples of rows × cols). */
const ARR_PASSES = 2;
const ARR_BUDGET = 1;

/** Where a shortest augmenting path ends: a column with a free slot, or a parked row. */
interface PathEnd {
  column: number;
  parkRow: number;
}

/** Dijkstra over mentor columns with reduced (level, value) costs; reuses its buffers. */
class PathSearch {
  readonly pred: Int32Array;
  private readonly da: Float64Array;
  private readonly db: Float64Array;
  private readonly collist: Int32Array;
  private readonly usable: number;
  private readonly end: PathEnd = { column: -1, parkRow: -1 };
  private readonly sparse: SparseSearch;

  constructor(private readonly s: MentorState) {
    const { m, cap } = s;
    this.pred = new Int32Array(m);
    this.da = new Float64Array(m);
    this.db = new Float64Array(m);
    // Columns with capacity 0 can never be used: leave them out of every search.
    const cols: number[] = [];
    for (let j = 0; j < m; j++) if (cap[j] > 0) cols.push(j);
    this.collist = Int32Array.from(cols);
    this.usable = cols.length;
    this.sparse = new SparseSearch(s, this.pred);
  }

  /** True once a row has been parked: from then on duals carry levels. */
  private levels = false;

  /**
   * Shortest path from free row `f` to a free slot or to parking, then the dual update.
   * Until the first row must be parked every level is 0, and a search on plain values
   * (`runValues`) is exact and much cheaper; the first search that finds no free slot
   * is redone with levels, and so is every search after it.
   */
  run(f: number): PathEnd {
    if (!this.levels) {
      if ((globalThis as any).__dense) { if (this.runValues(f)) return this.end; }
      else {
      const sink = this.sparse.run(f);
      if (sink >= 0) {
        this.end.column = sink;
        this.end.parkRow = -1;
        return this.end;
      }
      }
      this.levels = true;
    }
    return this.runLevels(f);
  }

  /**
   * The search on values alone (all levels 0). Returns false, having changed nothing,
   * when no free slot is reachable.
   */
  private runValues(f: number): boolean {
    const { db, pred, collist, usable } = this;
    const { m, c, sign, cap, start, members, count, vb } = this.s;
    const offf = f * m;
    for (let k = 0; k < usable; k++) {
      const j = collist[k];
      db[j] = c[offf + j] * sign - vb[j];
      pred[j] = f;
    }
    // collist[0, low) scanned; [low, up) at the current minimum; [up, usable) the rest.
    let low = 0;
    let up = 0;
    let last = -1;
    let min = 0;
    let sink = -1;
    search: for (;;) {
      if (up === low) {
        last = low - 1;
        if (up === usable) return false;
        min = db[collist[up++]];
        for (let k = up; k < usable; k++) {
          const j = collist[k];
          const h = db[j];
          if (h <= min) {
            if (h < min) {
              up = low;
              min = h;
            }
            collist[k] = collist[up];
            collist[up++] = j;
          }
        }
        if (min === Infinity) return false;
        for (let k = low; k < up; k++) {
          const j = collist[k];
          if (count[j] < cap[j]) {
            sink = j;
            break search;
          }
        }
      }
      const j1 = collist[low++];
      const b1 = db[j1];
      for (let p = start[j1], pe = p + count[j1]; p < pe; p++) {
        const i = members[p];
        const off = i * m;
        const hB = b1 - c[off + j1] * sign + vb[j1];
        for (let k = up; k < usable; k++) {
          const j = collist[k];
          const nb = hB + c[off + j] * sign - vb[j];
          if (nb < db[j]) {
            pred[j] = i;
            db[j] = nb;
            if (nb === min) {
              if (count[j] < cap[j]) {
                sink = j;
                break search;
              }
              collist[k] = collist[up];
              collist[up++] = j;
            }
          }
        }
      }
    }
    for (let k = 0; k <= last; k++) {
      const j = collist[k];
      vb[j] += db[j] - min;
    }
    this.end.column = sink;
    this.end.parkRow = -1;
    return true;
  }

  /** The search with (level, value) pairs, parking allowed. */
  private runLevels(f: number): PathEnd {
    const { da, db, pred, collist, usable } = this;
    const { m, c, sign, cap, start, members, count, va, vb } = this.s;
    const offf = f * m;
    for (let k = 0; k < usable; k++) {
      const j = collist[k];
      const h = c[offf + j] * sign;
      if (h === Infinity) {
        da[j] = Infinity;
        db[j] = Infinity;
      } else {
        da[j] = -va[j];
        db[j] = h - vb[j];
      }
      pred[j] = f;
    }
    // Parking the new row itself costs M = (1, 0).
    let parkA = 1;
    let parkB = 0;
    let parkRow = f;

    // collist[0, low) scanned; [low, up) at the current minimum; [up, usable) the rest.
    let low = 0;
    let up = 0;
    let minA = 0;
    let minB = 0;
    let sink = -1;
    let parked = false;
    search: for (;;) {
      if (up === low) {
        // Next minimum over the unscanned columns, with all its ties.
        minA = Infinity;
        minB = Infinity;
        for (let k = up; k < usable; k++) {
          const j = collist[k];
          const a = da[j];
          const b = db[j];
          if (a < minA || (a === minA && b <= minB)) {
            if (a !== minA || b !== minB) {
              up = low;
              minA = a;
              minB = b;
            }
            collist[k] = collist[up];
            collist[up++] = j;
          }
        }
        if (minB === Infinity || parkA < minA || (parkA === minA && parkB < minB)) {
          parked = true;
          break search;
        }
        for (let k = low; k < up; k++) {
          const j = collist[k];
          if (count[j] < cap[j]) {
            sink = j;
            break search;
          }
        }
      }
      // Scan one column at the minimum: every row in it may move elsewhere or park.
      const j1 = collist[low++];
      const a1 = da[j1];
      const b1 = db[j1];
      for (let p = start[j1], pe = p + count[j1]; p < pe; p++) {
        const i = members[p];
        const off = i * m;
        // Row i's dual u = (-va[j1], c[i][j1] - vb[j1]); new distance = d(j1) + c - v - u.
        const ub = c[off + j1] * sign - vb[j1];
        const hA = a1 + va[j1];
        const hB = b1 - ub;
        // Parking row i: d(j1) + M - u.
        const pA = hA + 1;
        if (pA < parkA || (pA === parkA && hB < parkB)) {
          parkA = pA;
          parkB = hB;
          parkRow = i;
        }
        for (let k = up; k < usable; k++) {
          const j = collist[k];
          const cij = c[off + j] * sign;
          if (cij === Infinity) continue;
          const na = hA - va[j];
          const nb = hB + cij - vb[j];
          const a = da[j];
          if (na < a || (na === a && nb < db[j])) {
            pred[j] = i;
            da[j] = na;
            db[j] = nb;
            if (na === minA && nb === minB) {
              if (count[j] < cap[j]) {
                sink = j;
                break search;
              }
              collist[k] = collist[up];
              collist[up++] = j;
            }
          }
        }
      }
    }

    // Dual update: every scanned column moves by d - μ (μ = the sink's distance).
    const muA = parked ? parkA : minA;
    const muB = parked ? parkB : minB;
    // (Columns popped after the last minimum search have d = μ: no change for them.)
    for (let k = 0; k < low; k++) {
      const j = collist[k];
      va[j] += da[j] - muA;
      vb[j] += db[j] - muB;
    }
    this.end.column = parked ? -1 : sink;
    this.end.parkRow = parked ? parkRow : -1;
    return this.end;
  }
}
