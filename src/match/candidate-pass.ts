/**
 * The streamed pass of the candidate path: each row's solver values are seen once, and
 * only what the solve and the certificate need is kept — each mentee's best `perRow`
 * mentors, each mentor's best `perCol` mentees, and per row an upper bound on every
 * value left out.
 *
 * @module
 */

/** What {@link CandidateCollector} keeps of a cohort. */
export interface CandidateSet {
  readonly rows: number;
  readonly cols: number;
  /** Compressed rows: row i's candidates are `col[p]`, `value[p]` for p in [rowStart[i], rowStart[i+1]), columns ascending. */
  readonly rowStart: Int32Array;
  readonly col: Int32Array;
  readonly value: Float64Array;
  /** Each candidate's pair score (0–1) and essential-fit bits (candidates are allowed pairs: rule code 0). */
  readonly score: Float64Array;
  readonly checks: Uint8Array;
  /**
   * Per row: an upper bound on the value of every allowed pair of the row that is not a
   * candidate (−Infinity when there is none): the best value the row's list left out.
   */
  readonly bound: Float64Array;
  /**
   * Per column: an upper bound on the value of every allowed pair of the column that its
   * own list left out (−Infinity when none). A pair outside both lists is at most
   * `min(bound[i], colBound[j])`.
   */
  readonly colBound: Float64Array;
}

/**
 * Where a {@link CandidateCollector} keeps its rows' lists: each row's best columns (its
 * values, pair scores and essential-fit bits), their count and the row's bound. Views
 * over any buffers — shared ones when several threads fill the rows of one job (a row is
 * written only by the thread that scores it).
 */
export interface RowLists {
  readonly col: Int32Array;
  readonly value: Float64Array;
  readonly score: Float64Array;
  readonly checks: Uint8Array;
  readonly len: Int32Array;
  /** Per row: the best value its list left out (−Infinity when none). */
  readonly bound: Float64Array;
}

/**
 * Where a {@link CandidateCollector} keeps its columns' lists: each column's best rows
 * (a heap, the last of them first), their count, the smallest value kept once the list
 * is full, and the column's bound.
 * Every pair of a column may improve its list, so threads that score different rows each
 * keep their own column lists, merged afterwards ({@link CandidateCollector.mergeColumns}).
 */
export interface ColumnLists {
  readonly row: Int32Array;
  readonly value: Float64Array;
  readonly score: Float64Array;
  readonly checks: Uint8Array;
  readonly len: Int32Array;
  /** Per column: the smallest kept value once its list is full (−Infinity before; +Infinity when no list is kept). */
  readonly min: Float64Array;
  /** Per column: the best value its list left out (−Infinity when none). */
  readonly bound: Float64Array;
}

/** A buffer of `bytes` bytes: an `ArrayBuffer`, or a `SharedArrayBuffer` for threads. */
export type MakeBuffer = (bytes: number) => ArrayBufferLike;

const plainBuffer: MakeBuffer = (bytes) => new ArrayBuffer(bytes);

/**
 * The buffers of {@link RowLists} for `rows` rows of `perRow` columns each, by name (as a
 * row job carries them), initialised (bounds −Infinity).
 *
 * @example
 * ```ts
 * const lists = rowLists(rowListBuffers(1000, 16, (n) => new SharedArrayBuffer(n)), 16);
 * ```
 */
export function rowListBuffers(rows: number, perRow: number, make: MakeBuffer = plainBuffer): Record<string, ArrayBufferLike> {
  const k = rows * perRow;
  const b = { col: make(4 * k), value: make(8 * k), score: make(8 * k), checks: make(k), len: make(4 * rows), bound: make(8 * rows) };
  new Float64Array(b.bound).fill(-Infinity);
  return prefixed('row.', b);
}

/** Views of the buffers {@link rowListBuffers} made. */
export function rowLists(buffers: Readonly<Record<string, ArrayBufferLike>>): RowLists {
  return {
    col: new Int32Array(buffers['row.col']),
    value: new Float64Array(buffers['row.value']),
    score: new Float64Array(buffers['row.score']),
    checks: new Uint8Array(buffers['row.checks']),
    len: new Int32Array(buffers['row.len']),
    bound: new Float64Array(buffers['row.bound']),
  };
}

/**
 * The buffers of one thread's {@link ColumnLists} (`slot`) for `cols` columns of `perCol`
 * rows each, by name, initialised (`perCol` 0: no lists, every value left out).
 *
 * @example
 * ```ts
 * const mine = columnLists(columnListBuffers(200, 32, 1), 1); // thread 1's lists
 * ```
 */
export function columnListBuffers(cols: number, perCol: number, slot: number, make: MakeBuffer = plainBuffer): Record<string, ArrayBufferLike> {
  const k = cols * perCol;
  const b = { row: make(4 * k), value: make(8 * k), score: make(8 * k), checks: make(k), len: make(4 * cols), min: make(8 * cols), bound: make(8 * cols) };
  new Float64Array(b.min).fill(perCol === 0 ? Infinity : -Infinity);
  new Float64Array(b.bound).fill(-Infinity);
  return prefixed(`col${slot}.`, b);
}

/** Views of the buffers {@link columnListBuffers} made for `slot`. */
export function columnLists(buffers: Readonly<Record<string, ArrayBufferLike>>, slot: number): ColumnLists {
  const at = (name: string): ArrayBufferLike => buffers[`col${slot}.${name}`];
  return {
    row: new Int32Array(at('row')),
    value: new Float64Array(at('value')),
    score: new Float64Array(at('score')),
    checks: new Uint8Array(at('checks')),
    len: new Int32Array(at('len')),
    min: new Float64Array(at('min')),
    bound: new Float64Array(at('bound')),
  };
}

function prefixed(prefix: string, b: Record<string, ArrayBufferLike>): Record<string, ArrayBufferLike> {
  return Object.fromEntries(Object.entries(b).map(([k, v]) => [prefix + k, v]));
}

/**
 * Keeps, from rows of solver values streamed in any order, each row's `perRow` best
 * columns and each column's `perCol` best rows (ties in a fixed pseudo-random order of the
 * pairs, so that rows with the same values keep different columns; `perCol` 0 keeps no
 * column lists), and each row's and column's bound. Memory O(rows · perRow + cols · perCol),
 * whatever rows × cols is.
 *
 * Threads that score different rows of one cohort each run a collector over the same
 * {@link RowLists} and their own {@link ColumnLists}; {@link mergeColumns} then gives the
 * column lists one thread would have kept, bit for bit (the lists' order is strict).
 *
 * @example
 * ```ts
 * const c = new CandidateCollector(2, 3, 1, 1);
 * c.addRow(0, Float64Array.of(0.5, 0.9, -Infinity), [0.5, 0.9, 0], [0, 0, 0]);
 * c.addRow(1, Float64Array.of(0.7, 0.2, 0.1), [0.7, 0.2, 0.1], [0, 0, 1]);
 * c.finish().col; // Int32Array [1, 0, 2]: row 0 keeps column 1; row 1 column 0, and column 2's best row
 * ```
 */
export class CandidateCollector {
  private readonly r: RowLists;
  private readonly c: ColumnLists;

  /**
   * @param lists - Where to keep the lists (default: new ones, see {@link rowListBuffers}
   *   and {@link columnListBuffers}).
   */
  constructor(
    readonly rows: number,
    readonly cols: number,
    readonly perRow: number,
    readonly perCol: number,
    lists?: { readonly rows: RowLists; readonly columns: ColumnLists },
  ) {
    this.r = lists?.rows ?? rowLists(rowListBuffers(rows, perRow));
    this.c = lists?.columns ?? columnLists(columnListBuffers(cols, perCol, 0), 0);
  }

  /**
   * Takes row `i`: its solver values (length `cols`, −Infinity = not allowed), pair
   * scores and essential-fit bits. Each row once, in any order.
   */
  addRow(i: number, values: Float64Array, scores: ArrayLike<number>, checks: ArrayLike<number>): void {
    const K = this.perRow;
    const base = i * K;
    const { col: rc, value: rv, score: rs, checks: rk } = this.r;
    const colMin = this.c.min;
    const colBound = this.c.bound;
    let len = 0;
    let out = -Infinity; // best value left out of the row's list
    for (let j = 0; j < values.length; j++) {
      const v = values[j];
      if (v === -Infinity) continue;
      if (v >= colMin[j]) this.offerCol(j, i, v, scores[j], checks[j]);
      else if (v > colBound[j]) colBound[j] = v;
      if (len === K && (K === 0 || !ahead(v, i, j, rv[base + K - 1], i, rc[base + K - 1]))) {
        if (v > out) out = v;
        continue;
      }
      // Insert (v, j) into the row's list, kept in descending value (ties by tieKey).
      let at = len < K ? len : K - 1;
      if (len === K) {
        if (rv[base + K - 1] > out) out = rv[base + K - 1];
      } else len++;
      while (at > 0 && ahead(v, i, j, rv[base + at - 1], i, rc[base + at - 1])) {
        rv[base + at] = rv[base + at - 1];
        rc[base + at] = rc[base + at - 1];
        rs[base + at] = rs[base + at - 1];
        rk[base + at] = rk[base + at - 1];
        at--;
      }
      rv[base + at] = v;
      rc[base + at] = j;
      rs[base + at] = scores[j];
      rk[base + at] = checks[j];
    }
    this.r.len[i] = len;
    this.r.bound[i] = out;
  }

  /**
   * Offers pair (i, j) of value v to column j's list of its best rows: a heap of at most
   * `perCol`, the last in the order at its root (so that a full list decides by one
   * comparison, and takes a pair in O(log perCol)); what it turns away or evicts raises
   * the column's bound.
   */
  private offerCol(j: number, i: number, v: number, score: number, check: number): void {
    const K = this.perCol;
    const base = j * K;
    const { row: cr, value: cv, score: cs, checks: ck, bound } = this.c;
    const len = this.c.len[j];
    let p: number;
    if (len < K) {
      // Sift up from the end: a parent the new pair goes before stays above it.
      p = len;
      while (p > 0) {
        const up = (p - 1) >> 1;
        if (!ahead(cv[base + up], cr[base + up], j, v, i, j)) break;
        this.moveCol(base + up, base + p);
        p = up;
      }
      this.c.len[j] = len + 1;
    } else {
      if (!ahead(v, i, j, cv[base], cr[base], j)) {
        if (v > bound[j]) bound[j] = v;
        return;
      }
      if (cv[base] > bound[j]) bound[j] = cv[base]; // evicted
      // Sift down from the root: the later child moves up while the new pair goes before it.
      p = 0;
      for (;;) {
        let c = 2 * p + 1;
        if (c >= K) break;
        if (c + 1 < K && ahead(cv[base + c], cr[base + c], j, cv[base + c + 1], cr[base + c + 1], j)) c++;
        if (!ahead(v, i, j, cv[base + c], cr[base + c], j)) break;
        this.moveCol(base + c, base + p);
        p = c;
      }
    }
    cv[base + p] = v;
    cr[base + p] = i;
    cs[base + p] = score;
    ck[base + p] = check;
    if (this.c.len[j] === K) this.c.min[j] = cv[base];
  }

  /** Moves a column-list entry from slot `from` to slot `to`. */
  private moveCol(from: number, to: number): void {
    const c = this.c;
    c.value[to] = c.value[from];
    c.row[to] = c.row[from];
    c.score[to] = c.score[from];
    c.checks[to] = c.checks[from];
  }

  /**
   * Merges another thread's column lists (over other rows of the same cohort) into this
   * collector's: each column keeps the best `perCol` of both, and its bound becomes the
   * best value either left out. The result does not depend on how the rows were split
   * (the order of the lists is a strict total order, so a column's best `perCol` are one set).
   *
   * @example
   * ```ts
   * mine.mergeColumns(columnLists(job.buffers, 1)); // thread 1's column lists joined in
   * ```
   */
  mergeColumns(other: ColumnLists): void {
    const K = this.perCol;
    for (let j = 0; j < this.cols; j++) {
      if (other.bound[j] > this.c.bound[j]) this.c.bound[j] = other.bound[j];
      for (let t = j * K, end = t + other.len[j]; t < end; t++) this.offerCol(j, other.row[t], other.value[t], other.score[t], other.checks[t]);
    }
  }

  /**
   * The candidates: each row's list merged with the pairs the columns kept, rows
   * compressed, columns ascending within a row.
   */
  finish(): CandidateSet {
    const { rows, cols, perRow, perCol } = this;
    const { row: colRow, value: colVal, score: colScore, checks: colChecks, len: colLen } = this.c;
    const { col: rowCol, value: rowVal, score: rowScore, checks: rowChecks, len: rowLen } = this.r;
    // Column-kept entries, bucketed by row (index into the column lists).
    const start = new Int32Array(rows + 1);
    for (let j = 0; j < cols; j++) for (let t = 0; t < colLen[j]; t++) start[colRow[j * perCol + t] + 1]++;
    for (let i = 0; i < rows; i++) start[i + 1] += start[i];
    const byRow = new Int32Array(start[rows]);
    const fill = start.slice(0, rows);
    for (let j = 0; j < cols; j++) for (let t = 0; t < colLen[j]; t++) byRow[fill[colRow[j * perCol + t]]++] = j * perCol + t;
    const b = new SetBuilder(rows, cols);
    const entries: number[] = []; // row-list entries as r, column-list entries as -1 - c
    const colOf = (e: number): number => (e >= 0 ? rowCol[e] : Math.floor((-1 - e) / perCol));
    for (let i = 0; i < rows; i++) {
      entries.length = 0;
      for (let t = 0; t < rowLen[i]; t++) entries.push(i * perRow + t);
      for (let p = start[i]; p < start[i + 1]; p++) entries.push(-1 - byRow[p]);
      entries.sort((x, y) => colOf(x) - colOf(y));
      let last = -1;
      for (const e of entries) {
        const j = colOf(e);
        if (j === last) continue; // kept by the row and by the column
        last = j;
        if (e >= 0) b.push(j, rowVal[e], rowScore[e], rowChecks[e]);
        else b.push(j, colVal[-1 - e], colScore[-1 - e], colChecks[-1 - e]);
      }
      b.endRow(i);
    }
    return b.build(this.r.bound.slice(), this.c.bound.slice());
  }
}

/**
 * A fixed pseudo-random order of the pairs, for ties: a list keeps, among pairs of equal
 * value, those with the lower key. Lowest index first would make every row whose best
 * columns tie keep the same few (and every column the same few rows), a graph too poor to
 * solve on; the key spreads them, deterministically.
 */
function tieKey(i: number, j: number): number {
  let h = Math.imul(i ^ 0x5bd1e995, 0x9e3779b1) ^ Math.imul(j ^ 0x27d4eb2f, 0x85ebca77);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  return (h ^ (h >>> 12)) >>> 0;
}

/**
 * True when pair (i, j) of value v goes before pair (a, b) of value w in a list: a higher
 * value, or an equal one with a lower tie key, or (keys equal) the lower row, then column.
 * A strict total order of distinct pairs, so that a list's best `K` do not depend on the
 * order the pairs come in, nor on how the rows were split between threads.
 */
function ahead(v: number, i: number, j: number, w: number, a: number, b: number): boolean {
  if (v !== w) return v > w;
  const x = tieKey(i, j);
  const y = tieKey(a, b);
  return x !== y ? x < y : i !== a ? i < a : j < b;
}

/**
 * The position of `j` in `col[lo..hi)` (ascending, as a compressed row's columns), or −1.
 *
 * @example
 * ```ts
 * indexInRow(set.col, set.rowStart[i], set.rowStart[i + 1], j); // pair (i, j)'s slot in the set
 * ```
 */
export function indexInRow(col: Int32Array, lo: number, hi: number, j: number): number {
  let a = lo;
  let b = hi - 1;
  while (a <= b) {
    const mid = (a + b) >> 1;
    const x = col[mid];
    if (x === j) return mid;
    if (x < j) a = mid + 1;
    else b = mid - 1;
  }
  return -1;
}

/** Grows a {@link CandidateSet} row by row (columns ascending within a row). */
export class SetBuilder {
  private readonly rowStart: Int32Array;
  private col: Int32Array;
  private value: Float64Array;
  private score: Float64Array;
  private checks: Uint8Array;
  private n = 0;

  constructor(
    private readonly rows: number,
    private readonly cols: number,
    capacity = 1024,
  ) {
    this.rowStart = new Int32Array(rows + 1);
    this.col = new Int32Array(capacity);
    this.value = new Float64Array(capacity);
    this.score = new Float64Array(capacity);
    this.checks = new Uint8Array(capacity);
  }

  /** Appends a candidate to the current row. */
  push(j: number, value: number, score: number, checks: number): void {
    if (this.n === this.col.length) this.grow();
    this.col[this.n] = j;
    this.value[this.n] = value;
    this.score[this.n] = score;
    this.checks[this.n++] = checks;
  }

  /** Ends row `i` (rows in order). */
  endRow(i: number): void {
    this.rowStart[i + 1] = this.n;
  }

  /** The set, with `bound` and `colBound` as its rows' and columns' bounds. */
  build(bound: Float64Array, colBound: Float64Array): CandidateSet {
    const n = this.n;
    return { rows: this.rows, cols: this.cols, rowStart: this.rowStart, col: this.col.slice(0, n), value: this.value.slice(0, n), score: this.score.slice(0, n), checks: this.checks.slice(0, n), bound, colBound };
  }

  private grow(): void {
    const size = this.col.length * 2;
    const col = new Int32Array(size);
    col.set(this.col);
    const value = new Float64Array(size);
    value.set(this.value);
    const score = new Float64Array(size);
    score.set(this.score);
    const checks = new Uint8Array(size);
    checks.set(this.checks);
    this.col = col;
    this.value = value;
    this.score = score;
    this.checks = checks;
  }
}
