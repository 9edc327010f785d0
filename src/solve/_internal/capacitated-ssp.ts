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
  const assign = new Int32Array(n).fill(-1);
  // Members of each column, in a flat buffer: column j owns [start[j], start[j] + cap[j]).
  const start = new Int32Array(m + 1);
  for (let j = 0; j < m; j++) start[j + 1] = start[j] + Math.min(cap[j], n);
  const members = new Int32Array(start[m]);
  const count = new Int32Array(m);
  const pos = new Int32Array(n);

  const va = new Float64Array(m);
  const vb = new Float64Array(m);

  const add = (i: number, j: number): void => {
    const p = start[j] + count[j]++;
    members[p] = i;
    pos[i] = p;
    assign[i] = j;
  };
  const remove = (i: number): void => {
    const j = assign[i];
    const last = start[j] + --count[j];
    const moved = members[last];
    members[pos[i]] = moved;
    pos[moved] = pos[i];
    assign[i] = -1;
  };

  // Greedy start: every row to its cheapest column while that column has room
  // (with v = 0 each such row sits at its minimum, so the duals stay feasible).
  const free = new Int32Array(n);
  let numfree = 0;
  for (let i = 0; i < n; i++) {
    const off = i * m;
    let best = Infinity;
    let jbest = -1;
    for (let j = 0; j < m; j++) {
      if (cap[j] === 0) continue;
      const h = c[off + j] * sign;
      if (h < best) {
        best = h;
        jbest = j;
      }
    }
    if (jbest < 0) continue; // no allowed column at all: stays parked
    if (count[jbest] < cap[jbest]) add(i, jbest);
    else free[numfree++] = i;
  }

  if (numfree > 0) {
    const search = new PathSearch(m, c, sign, cap, start, members, count, va, vb);
    for (let f = 0; f < numfree; f++) {
      const row = free[f];
      const end = search.run(row, assign);
      // end.column >= 0: free slot in that column; else park row end.parkRow.
      let j: number;
      if (end.column >= 0) {
        j = end.column;
      } else {
        const k = end.parkRow;
        if (k === row) continue; // the new row itself is the cheapest to leave out
        j = assign[k];
        remove(k);
      }
      // Walk the predecessor chain back to the new row, shifting each row one column on.
      for (;;) {
        const i = search.pred[j];
        const prev = assign[i];
        if (prev >= 0) remove(i);
        add(i, j);
        if (i === row) break;
        j = prev;
      }
    }
  }
  return assign;
}

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

  constructor(
    private readonly m: number,
    private readonly c: Float64Array,
    private readonly sign: 1 | -1,
    private readonly cap: Int32Array,
    private readonly start: Int32Array,
    private readonly members: Int32Array,
    private readonly count: Int32Array,
    private readonly va: Float64Array,
    private readonly vb: Float64Array,
  ) {
    this.pred = new Int32Array(m);
    this.da = new Float64Array(m);
    this.db = new Float64Array(m);
    // Columns with capacity 0 can never be used: leave them out of every search.
    const cols: number[] = [];
    for (let j = 0; j < m; j++) if (cap[j] > 0) cols.push(j);
    this.collist = Int32Array.from(cols);
    this.usable = cols.length;
  }

  /**
   * Shortest path from free row `f` to a free slot or to parking, then the dual update.
   * `assign` is read only (to find each scanned row's current column).
   */
  run(f: number, assign: Int32Array): PathEnd {
    const { m, c, sign, cap, start, members, count, va, vb, da, db, pred, collist, usable } = this;
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
