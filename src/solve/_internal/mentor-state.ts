/**
 * The working state of the capacitated solver: which mentor each row holds, each
 * mentor's members, and the mentor duals as (level, value) pairs — see
 * `capacitated-ssp.ts` for what the level means. O(rows + Σ min(cap, rows)) memory; the
 * cost buffer is only read.
 */
export class MentorState {
  /** Mentor of each row, -1 when unassigned. */
  readonly assign: Int32Array;
  /** Members of mentor j: `members[start[j] .. start[j] + count[j])`. */
  readonly start: Int32Array;
  readonly members: Int32Array;
  readonly count: Int32Array;
  /** Position of each assigned row in `members`. */
  private readonly pos: Int32Array;
  /** Mentor duals: level and value. A mentor with room has (0, 0); capacity 0 has -∞. */
  readonly va: Float64Array;
  readonly vb: Float64Array;

  constructor(
    n: number,
    readonly m: number,
    readonly c: Float64Array,
    readonly sign: 1 | -1,
    readonly cap: Int32Array,
  ) {
    this.assign = new Int32Array(n).fill(-1);
    this.start = new Int32Array(m + 1);
    for (let j = 0; j < m; j++) this.start[j + 1] = this.start[j] + Math.min(cap[j], n);
    this.members = new Int32Array(this.start[m]);
    this.count = new Int32Array(m);
    this.pos = new Int32Array(n);
    this.va = new Float64Array(m);
    this.vb = new Float64Array(m);
    // A mentor who can take nobody is never worth choosing.
    for (let j = 0; j < m; j++) if (cap[j] === 0) this.vb[j] = -Infinity;
  }

  /** Adds row i to mentor j (which must have room). */
  add(i: number, j: number): void {
    const p = this.start[j] + this.count[j]++;
    this.members[p] = i;
    this.pos[i] = p;
    this.assign[i] = j;
  }

  /** Removes row i from its mentor. */
  remove(i: number): void {
    const j = this.assign[i];
    const last = this.start[j] + --this.count[j];
    const moved = this.members[last];
    this.members[this.pos[i]] = moved;
    this.pos[moved] = this.pos[i];
    this.assign[i] = -1;
  }
}
