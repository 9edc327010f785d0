import { Candidates } from './candidates.js';
import type { MentorState } from './mentor-state.js';

/**
 * Augmenting row reduction for the capacitated problem, on mentor duals: the cheap
 * first phase that settles most rows before the exact shortest-path phase.
 *
 * A free row bids for its best mentor. If that mentor has room the row simply joins.
 * If it is full, the mentor's price is raised by the smallest amount that frees a place
 * without breaking optimality: the least *slack* among its members (how much more a
 * member would tolerate before its second-best mentor becomes as good), capped by the
 * bidder's own margin over its second-best mentor. The member whose slack ran out
 * leaves and bids in turn. Every step keeps the invariants the search phase relies on
 * (duals ≤ 0, a mentor with room has dual 0, each assigned row sits at its minimum
 * reduced cost), so any row this phase cannot settle is simply left to it.
 *
 * Row minima use per-row candidate lists: reduced costs `c - v` only grow (duals only
 * fall), so a column outside a row's list costs at least the list's recorded limit.
 *
 * Runs before any row is parked, so every level is 0 and only values are used.
 */
export class RowReduction {
  private readonly cands: Candidates;
  // Results of best2().
  private umin = Infinity;
  private usub = Infinity;
  private j1 = -1;
  private j2 = -1;

  /**
   * @param tiesToSearch - leave a row whose two best mentors tie and are both full to
   *   the search phase at once (worth it when that search is the cheap mentor graph).
   */
  constructor(
    private readonly s: MentorState,
    private readonly tiesToSearch = false,
  ) {
    this.cands = new Candidates(s.assign.length, s.m, s.c, s.vb, s.sign);
    this.cands.limit.fill(-Infinity); // lists are built on a row's first visit
  }

  /**
   * One pass over `free[0..count)`; rows still free are written back to the front of
   * `free`, and their number returned. Stops (leaving the rest free) after reading
   * about `budget` cells.
   */
  pass(free: Int32Array, count: number, budget: number): number {
    const s = this.s;
    const { c, sign, vb, cap, start, members } = s;
    const m = s.m;
    let k = 0;
    let numfree = 0;
    while (k < count) {
      if (budget < 0) {
        while (k < count) free[numfree++] = free[k++];
        break;
      }
      const i = free[k++];
      budget -= this.best2(i, -1);
      const { umin, usub, j1, j2 } = this;
      if (umin === Infinity) continue; // no allowed mentor: stays unassigned
      if (s.count[j1] < cap[j1]) {
        s.add(i, j1);
        continue;
      }
      if (usub === umin && s.count[j2] < cap[j2]) {
        s.add(i, j2);
        continue;
      }
      if (usub === umin && this.tiesToSearch) {
        // Both tied mentors are full: no price can move (the gap is 0) and displacing a
        // member would only swap who is free, so the row is left to the search.
        free[numfree++] = i;
        continue;
      }
      // Least slack among j1's members.
      let minSlack = Infinity;
      let kstar = -1;
      for (let p = start[j1], e = p + s.count[j1]; p < e; p++) {
        const r = members[p];
        budget -= this.best2(r, j1);
        const slack = this.umin - (c[r * m + j1] * sign - vb[j1]);
        if (slack < minSlack) {
          minSlack = slack;
          kstar = r;
        }
      }
      const gap = usub - umin;
      if (minSlack <= gap && minSlack !== Infinity) {
        // kstar is now indifferent between j1 and its second mentor: it makes room.
        if (minSlack > 0) vb[j1] -= minSlack;
        s.remove(kstar);
        s.add(i, j1);
        if (minSlack > 0) free[--k] = kstar;
        else free[numfree++] = kstar;
      } else if (gap > 0 && gap !== Infinity) {
        // Raise j1 until the bidder ties with its second mentor, then bid again.
        vb[j1] -= gap;
        free[--k] = i;
      } else {
        free[numfree++] = i; // left to the shortest-path phase
      }
    }
    return numfree;
  }

  /**
   * Best and second-best mentor of row i by reduced cost, skipping mentor `exclude`
   * (-1: none). Sets umin/j1/usub/j2; returns the number of cells read.
   */
  private best2(i: number, exclude: number): number {
    const { k: K, cols: cand, limit } = this.cands;
    const { c, sign, vb } = this.s;
    const off = i * this.s.m;
    let cost = K;
    for (let attempt = 0; ; attempt++) {
      let umin = Infinity;
      let usub = Infinity;
      let j1 = -1;
      let j2 = -1;
      for (let t = 0, base = i * K; t < K; t++) {
        const j = cand[base + t];
        if (j === exclude) continue;
        const h = c[off + j] * sign - vb[j];
        if (h < usub) {
          if (h >= umin) {
            usub = h;
            j2 = j;
          } else {
            usub = umin;
            j2 = j1;
            umin = h;
            j1 = j;
          }
        }
      }
      if (attempt > 0 || usub <= limit[i]) {
        this.umin = umin;
        this.usub = usub;
        this.j1 = j1;
        this.j2 = j2;
        return cost;
      }
      this.cands.rebuild(i);
      cost += this.s.m + K;
    }
  }
}
