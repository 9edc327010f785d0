/**
 * Working state of the sparse capacitated assignment (sparse-ssp.ts): the column and
 * edge of each row, each column's members, and the column duals as (level, value)
 * pairs in the maximisation form (v ≥ 0, level counts multiples of the symbolic M).
 * Memory O(rows + cols + Σ min(cap, degree)); the graph arrays are only read.
 */
export class SparseState {
  /** Column of each row, -1 when unassigned. */
  readonly assign: Int32Array;
  /** Edge (index into `col` / `value`) of each assigned row. */
  readonly edge: Int32Array;
  /** Members of column j: `members[start[j] .. start[j] + count[j])`. */
  readonly start: Int32Array;
  readonly members: Int32Array;
  readonly count: Int32Array;
  /** Position of each assigned row in `members`. */
  private readonly pos: Int32Array;
  /** Column duals: level and value. A column with room has (0, 0); capacity 0 has level +∞. */
  readonly va: Float64Array;
  readonly vb: Float64Array;

  constructor(
    readonly n: number,
    readonly m: number,
    /** Row i's edges are p in [rowBegin[i], rowEnd[i]) (rows may share an edge list). */
    readonly rowBegin: Int32Array,
    readonly rowEnd: Int32Array,
    readonly col: Int32Array,
    readonly value: Float64Array,
    readonly cap: Int32Array,
  ) {
    this.assign = new Int32Array(n).fill(-1);
    this.edge = new Int32Array(n).fill(-1);
    const degree = new Int32Array(m);
    for (let p = 0; p < col.length; p++) degree[col[p]]++;
    // A column never holds more rows than it has edges (duplicates only overcount).
    this.start = new Int32Array(m + 1);
    for (let j = 0; j < m; j++) this.start[j + 1] = this.start[j] + Math.min(cap[j], degree[j]);
    this.members = new Int32Array(this.start[m]);
    this.count = new Int32Array(m);
    this.pos = new Int32Array(n);
    this.va = new Float64Array(m);
    this.vb = new Float64Array(m);
    // A column that can take nobody is never worth reaching: its level is +∞.
    for (let j = 0; j < m; j++) if (cap[j] === 0) this.va[j] = Infinity;
  }

  /** Adds row i to column j (which must have room) through edge p. */
  add(i: number, j: number, p: number): void {
    const q = this.start[j] + this.count[j]++;
    this.members[q] = i;
    this.pos[i] = q;
    this.assign[i] = j;
    this.edge[i] = p;
  }

  /** Removes row i from its column. */
  remove(i: number): void {
    const j = this.assign[i];
    const last = this.start[j] + --this.count[j];
    const moved = this.members[last];
    this.members[this.pos[i]] = moved;
    this.pos[moved] = this.pos[i];
    this.assign[i] = -1;
    this.edge[i] = -1;
  }
}
