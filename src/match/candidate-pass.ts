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
 * Keeps, from rows of solver values streamed in any order, each row's `perRow` best
 * columns and each column's `perCol` best rows (ties in a fixed pseudo-random order of the
 * pairs, so that rows with the same values keep different columns; `perCol` 0 keeps no
 * column lists), and each row's bound. Memory O(rows · perRow + cols · perCol), whatever rows × cols is.
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
  private readonly rowCol: Int32Array;
  private readonly rowVal: Float64Array;
  private readonly rowScore: Float64Array;
  private readonly rowChecks: Uint8Array;
  private readonly rowLen: Int32Array;
  private readonly bound: Float64Array;
  private readonly colRow: Int32Array;
  private readonly colVal: Float64Array;
  private readonly colScore: Float64Array;
  private readonly colChecks: Uint8Array;
  private readonly colLen: Int32Array;
  /** Per column: the smallest kept value once its list is full (−Infinity before). */
  private readonly colMin: Float64Array;
  private readonly colBound: Float64Array;

  constructor(
    readonly rows: number,
    readonly cols: number,
    readonly perRow: number,
    readonly perCol: number,
  ) {
    this.rowCol = new Int32Array(rows * perRow);
    this.rowVal = new Float64Array(rows * perRow);
    this.rowScore = new Float64Array(rows * perRow);
    this.rowChecks = new Uint8Array(rows * perRow);
    this.rowLen = new Int32Array(rows);
    this.bound = new Float64Array(rows).fill(-Infinity);
    this.colRow = new Int32Array(cols * perCol);
    this.colVal = new Float64Array(cols * perCol);
    this.colScore = new Float64Array(cols * perCol);
    this.colChecks = new Uint8Array(cols * perCol);
    this.colLen = new Int32Array(cols);
    this.colMin = new Float64Array(cols).fill(perCol === 0 ? Infinity : -Infinity); // perCol 0: no column lists
    this.colBound = new Float64Array(cols).fill(-Infinity);
  }

  /**
   * Takes row `i`: its solver values (length `cols`, −Infinity = not allowed), pair
   * scores and essential-fit bits. Each row once, in any order.
   */
  addRow(i: number, values: Float64Array, scores: ArrayLike<number>, checks: ArrayLike<number>): void {
    const K = this.perRow;
    const base = i * K;
    const rc = this.rowCol;
    const rv = this.rowVal;
    const rs = this.rowScore;
    const rk = this.rowChecks;
    let len = 0;
    let out = -Infinity; // best value left out of the row's list
    for (let j = 0; j < values.length; j++) {
      const v = values[j];
      if (v === -Infinity) continue;
      if (v >= this.colMin[j]) this.offerCol(j, i, v, scores[j], checks[j]);
      else if (v > this.colBound[j]) this.colBound[j] = v;
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
    this.rowLen[i] = len;
    this.bound[i] = out;
  }

  /** Offers (row i, value v) to column j's list of its best rows. */
  private offerCol(j: number, i: number, v: number, score: number, check: number): void {
    const K = this.perCol;
    const base = j * K;
    const cr = this.colRow;
    const cv = this.colVal;
    let len = this.colLen[j];
    // Descending values, ties by tieKey.
    let at: number;
    if (len < K) at = len++;
    else {
      if (!ahead(v, i, j, cv[base + K - 1], cr[base + K - 1], j)) {
        if (v > this.colBound[j]) this.colBound[j] = v;
        return;
      }
      if (cv[base + K - 1] > this.colBound[j]) this.colBound[j] = cv[base + K - 1]; // evicted
      at = K - 1;
    }
    while (at > 0 && ahead(v, i, j, cv[base + at - 1], cr[base + at - 1], j)) {
      cv[base + at] = cv[base + at - 1];
      cr[base + at] = cr[base + at - 1];
      this.colScore[base + at] = this.colScore[base + at - 1];
      this.colChecks[base + at] = this.colChecks[base + at - 1];
      at--;
    }
    cv[base + at] = v;
    cr[base + at] = i;
    this.colScore[base + at] = score;
    this.colChecks[base + at] = check;
    this.colLen[j] = len;
    if (len === K) this.colMin[j] = cv[base + K - 1];
  }

  /**
   * The candidates: each row's list merged with the pairs the columns kept, rows
   * compressed, columns ascending within a row.
   */
  finish(): CandidateSet {
    const { rows, cols, perRow, perCol } = this;
    // Column-kept entries, bucketed by row (index into the column lists).
    const start = new Int32Array(rows + 1);
    for (let j = 0; j < cols; j++) for (let t = 0; t < this.colLen[j]; t++) start[this.colRow[j * perCol + t] + 1]++;
    for (let i = 0; i < rows; i++) start[i + 1] += start[i];
    const byRow = new Int32Array(start[rows]);
    const fill = start.slice(0, rows);
    for (let j = 0; j < cols; j++) for (let t = 0; t < this.colLen[j]; t++) byRow[fill[this.colRow[j * perCol + t]]++] = j * perCol + t;
    const b = new SetBuilder(rows, cols);
    const entries: number[] = []; // row-list entries as r, column-list entries as -1 - c
    for (let i = 0; i < rows; i++) {
      entries.length = 0;
      for (let t = 0; t < this.rowLen[i]; t++) entries.push(i * perRow + t);
      for (let p = start[i]; p < start[i + 1]; p++) entries.push(-1 - byRow[p]);
      const colOf = (e: number): number => (e >= 0 ? this.rowCol[e] : Math.floor((-1 - e) / perCol));
      entries.sort((x, y) => colOf(x) - colOf(y));
      let last = -1;
      for (const e of entries) {
        const j = colOf(e);
        if (j === last) continue; // kept by the row and by the column
        last = j;
        if (e >= 0) b.push(j, this.rowVal[e], this.rowScore[e], this.rowChecks[e]);
        else b.push(j, this.colVal[-1 - e], this.colScore[-1 - e], this.colChecks[-1 - e]);
      }
      b.endRow(i);
    }
    return b.build(this.bound, this.colBound);
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

/** True when pair (i, j) of value v goes before pair (a, b) of value w in a list: a higher value, or an equal one with a lower tie key. */
function ahead(v: number, i: number, j: number, w: number, a: number, b: number): boolean {
  return v > w || (v === w && tieKey(i, j) < tieKey(a, b));
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
