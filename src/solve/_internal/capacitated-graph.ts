import type { MentorState } from './mentor-state.js';
import type { PathEnd } from './capacitated-search.js';

/**
 * Largest number of usable mentors for which the solver uses {@link MentorGraph}: its
 * tables take 12·mentors² bytes (3 MB at 512) and a search costs O(mentors) per settled
 * mentor, which beats the candidate-list search (capacitated-search.ts) when mentors are
 * few — above all with tied costs and with more rows than places, where the list search
 * keeps falling back to full row scans.
 *
 * @example
 * ```ts
 * const useGraph = usableMentors <= GRAPH_MAX_MENTORS; // as solveCapacitated decides
 * ```
 */
export const GRAPH_MAX_MENTORS = 512;

/**
 * Shortest augmenting path search of the capacitated solver on the *mentor graph*: one
 * node per usable mentor, and an arc j → j' whose cost is the cheapest way to move one
 * of j's members to j'. The reduced cost of moving member i is
 * `(c[i][j'] - v[j']) - (c[i][j] - v[j]) = (c[i][j'] - c[i][j]) + v[j] - v[j']`: the dual
 * part does not depend on i, so the table `W[j][j'] = min over members i of
 * (c[i][j'] - c[i][j])` (and which member attains it) changes only when j's members
 * change — never when the duals move. Likewise the member of j that is cheapest to leave
 * out is the one with the largest `c[i][j]`, whatever the duals.
 *
 * A search from a free row is then a dense Dijkstra over the mentors (the `collist`
 * scheme of Jonker–Volgenant): all mentors at the current minimum distance are gathered
 * first and a mentor with room among them ends the search at once, so tied costs cost
 * O(mentors) per row, and a search that finds no free place (more rows than places)
 * costs O(mentors²) instead of a scan of every member row. After an augmentation only
 * the mentors whose members changed get their table row rebuilt (O(members · mentors)).
 *
 * Same (level, value) distances, parking rule and invariants as capacitated-search.ts:
 * the two are interchangeable, and the solver picks this one when mentors are few.
 *
 * @example
 * ```ts
 * const s = new MentorState(rows, cols, cost, 1, cap); // after the row reduction, if any
 * const graph = new MentorGraph(s);
 * const end: PathEnd = { mentor: -1, parkRow: -1 };
 * for (const row of freeRows) graph.place(row, end); // s.assign is then optimal
 * ```
 */
export class MentorGraph {
  /** Usable mentors (capacity > 0), in order; graph node t is mentor `cols[t]`. */
  private readonly cols: Int32Array;
  private readonly mu: number;
  /** `W[t·mu + t']`: cheapest c[i][j'] - c[i][j] over members i of j (+∞: none). */
  private readonly w: Float64Array;
  /** The member attaining `W[t·mu + t']`. */
  private readonly arg: Int32Array;
  /** Largest c[i][j] over members of j (-∞: none), and which member. */
  private readonly worst: Float64Array;
  private readonly worstRow: Int32Array;
  // Search state (per node).
  private readonly da: Float64Array;
  private readonly db: Float64Array;
  private readonly pred: Int32Array;
  private readonly list: Int32Array;
  private readonly touched: Uint8Array;
  private readonly path: Int32Array;

  constructor(private readonly s: MentorState) {
    const { m, cap } = s;
    const cols: number[] = [];
    for (let j = 0; j < m; j++) if (cap[j] > 0) cols.push(j);
    this.cols = Int32Array.from(cols);
    const mu = (this.mu = cols.length);
    this.w = new Float64Array(mu * mu);
    this.arg = new Int32Array(mu * mu);
    this.worst = new Float64Array(mu);
    this.worstRow = new Int32Array(mu);
    this.da = new Float64Array(mu);
    this.db = new Float64Array(mu);
    this.pred = new Int32Array(mu);
    this.list = new Int32Array(mu);
    this.touched = new Uint8Array(mu);
    this.path = new Int32Array(mu);
    for (let t = 0; t < mu; t++) this.rebuild(t);
  }

  /**
   * Places free row f: a shortest path to the nearest mentor with room, or parks the
   * tree's row that is cheapest to leave out. Updates the duals and the assignment (and
   * the tables of the mentors whose members changed); returns where the path ended.
   */
  place(f: number, end: PathEnd): PathEnd {
    const { s, mu, cols, w, da, db, pred, list, worst } = this;
    const { c, sign, va, vb, m, count, cap } = s;
    const off = f * m;
    for (let t = 0; t < mu; t++) {
      const j = cols[t];
      da[t] = -va[j];
      db[t] = c[off + j] * sign - vb[j];
      if (db[t] === Infinity) da[t] = Infinity; // forbidden: unreachable at any level
      pred[t] = -1;
      list[t] = t;
    }
    // Parking f itself costs M - u_f = (1, 0) (the root's h = d - u is 0).
    let parkA = 1;
    let parkB = 0;
    let parkNode = -1; // node whose worst member is parked; -1 = f itself
    // list: [0, low) settled; [low, up) at the current minimum, to scan; [up, mu) the rest.
    let low = 0;
    let up = 0;
    let minA = 0;
    let minB = 0;
    let endNode = -1;
    search: for (;;) {
      if (up === low) {
        if (up === mu) break; // every mentor settled: park
        // Gather every node at the smallest distance into [low, up).
        minA = da[list[up]];
        minB = db[list[up]];
        up++;
        for (let k = up; k < mu; k++) {
          const t = list[k];
          const a = da[t];
          const b = db[t];
          if (a < minA || (a === minA && b <= minB)) {
            if (a < minA || b < minB) {
              up = low;
              minA = a;
              minB = b;
            }
            list[k] = list[up];
            list[up++] = t;
          }
        }
        // Parking strictly nearer than every mentor (a mentor wins a tie: rows first).
        if (minB === Infinity || parkA < minA || (parkA === minA && parkB < minB)) {
          up = low;
          break;
        }
        for (let k = low; k < up; k++) {
          const t = list[k];
          if (count[cols[t]] < cap[cols[t]]) {
            endNode = t;
            break search;
          }
        }
      }
      const t = list[low++];
      const j = cols[t];
      const hA = minA + va[j];
      const hB = minB + vb[j];
      // Leaving out j's member with the largest cost: d + M - u.
      const pA = hA + 1;
      const pB = hB - worst[t];
      if (pA < parkA || (pA === parkA && pB < parkB)) {
        parkA = pA;
        parkB = pB;
        parkNode = t;
      }
      const base = t * mu;
      for (let k = up; k < mu; k++) {
        const t2 = list[k];
        const x = w[base + t2];
        if (x === Infinity) continue;
        const j2 = cols[t2];
        const nA = hA - va[j2];
        const nB = hB + x - vb[j2];
        const a = da[t2];
        if (nA < a || (nA === a && nB < db[t2])) {
          da[t2] = nA;
          db[t2] = nB;
          pred[t2] = t;
          if (nA === minA && nB === minB) {
            if (count[j2] < cap[j2]) {
              endNode = t2;
              break search;
            }
            list[k] = list[up];
            list[up++] = t2;
          }
        }
      }
    }
    let muA = minA;
    let muB = minB;
    if (endNode < 0) {
      muA = parkA;
      muB = parkB;
    }
    // Dual update: every settled node moves by d - μ.
    for (let k = 0; k < low; k++) {
      const t = list[k];
      const j = cols[t];
      va[j] += da[t] - muA;
      vb[j] += db[t] - muB;
    }
    end.mentor = -1;
    end.parkRow = -1;
    if (endNode >= 0) {
      end.mentor = cols[endNode];
    } else {
      if (parkNode < 0) {
        end.parkRow = f;
        return end;
      }
      end.parkRow = this.worstRow[parkNode];
      endNode = parkNode;
    }
    this.augment(f, endNode, end.parkRow);
    return end;
  }

  /** Moves rows along the predecessor chain ending at node e (dropping `drop` there, if ≥ 0). */
  private augment(f: number, e: number, drop: number): void {
    const { s, cols, pred, arg, mu, path, touched } = this;
    // Rows to move, read before any table changes: path[q] moves into node chain[q].
    let len = 0;
    for (let t = e; ; ) {
      const p = pred[t];
      path[len++] = t;
      if (p < 0) break;
      t = p;
    }
    if (drop >= 0) s.remove(drop);
    for (let q = 0; q < len; q++) {
      const t = path[q];
      const p = q + 1 < len ? path[q + 1] : -1;
      const row = p < 0 ? f : arg[p * mu + t];
      if (p >= 0) s.remove(row);
      s.add(row, cols[t]);
      // Node t gained `row`; it also lost one unless it is the end and nothing was dropped.
      touched[t] = drop >= 0 || q > 0 ? 2 : Math.max(touched[t], 1);
      if (touched[t] === 1) this.addMember(t, row);
    }
    for (let q = 0; q < len; q++) {
      const t = path[q];
      if (touched[t] === 2) this.rebuild(t);
      touched[t] = 0;
    }
  }

  /** Table row of node t after row i joined it (no member left). */
  private addMember(t: number, i: number): void {
    const { s, cols, w, arg, mu, worst, worstRow } = this;
    const { c, sign, m } = s;
    const off = i * m;
    const own = c[off + cols[t]] * sign;
    if (own > worst[t]) {
      worst[t] = own;
      worstRow[t] = i;
    }
    const base = t * mu;
    for (let t2 = 0; t2 < mu; t2++) {
      const x = c[off + cols[t2]] * sign - own;
      if (x < w[base + t2]) {
        w[base + t2] = x;
        arg[base + t2] = i;
      }
    }
  }

  /** Rebuilds node t's table row and worst member from its current members. */
  private rebuild(t: number): void {
    const { s, w, mu } = this;
    const j = this.cols[t];
    const base = t * mu;
    w.fill(Infinity, base, base + mu);
    this.worst[t] = -Infinity;
    this.worstRow[t] = -1;
    for (let p = s.start[j], e = p + s.count[j]; p < e; p++) this.addMember(t, s.members[p]);
  }
}
