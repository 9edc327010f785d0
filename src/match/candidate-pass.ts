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
  /**
   * Per row: an upper bound on the value of every allowed pair of the row that is not a
   * candidate (−Infinity when there is none): the best value the row's list left out.
   */
  readonly bound: Float64Array;
}

/**
 * Keeps, from rows of solver values streamed in any order, each row's `perRow` best
 * columns and each column's `perCol` best rows (ties to the lower index), and each
 * row's bound. Memory O(rows · perRow + cols · perCol), whatever rows × cols is.
 *
 * @example
 * ```ts
 * const c = new CandidateCollector(2, 3, 1, 1);
 * c.addRow(0, Float64Array.of(0.5, 0.9, -Infinity));
 * c.addRow(1, Float64Array.of(0.7, 0.2, 0.1));
 * c.finish().col; // Int32Array [1, 0, 2]: row 0 keeps column 1; row 1 column 0, and column 2's best row
 * ```
 */
export class CandidateCollector {
  private readonly rowCol: Int32Array;
  private readonly rowVal: Float64Array;
  private readonly rowLen: Int32Array;
  private readonly bound: Float64Array;
  private readonly colRow: Int32Array;
  private readonly colVal: Float64Array;
  private readonly colLen: Int32Array;
  /** Per column: the smallest kept value once its list is full (−Infinity before). */
  private readonly colMin: Float64Array;

  constructor(
    readonly rows: number,
    readonly cols: number,
    readonly perRow: number,
    readonly perCol: number,
  ) {
    this.rowCol = new Int32Array(rows * perRow);
    this.rowVal = new Float64Array(rows * perRow);
    this.rowLen = new Int32Array(rows);
    this.bound = new Float64Array(rows).fill(-Infinity);
    this.colRow = new Int32Array(cols * perCol);
    this.colVal = new Float64Array(cols * perCol);
    this.colLen = new Int32Array(cols);
    this.colMin = new Float64Array(cols).fill(-Infinity);
  }

  /** Takes row `i`'s values (length `cols`, −Infinity = not allowed). Each row once. */
  addRow(i: number, values: Float64Array): void {
    const K = this.perRow;
    const base = i * K;
    const rc = this.rowCol;
    const rv = this.rowVal;
    let len = 0;
    let out = -Infinity; // best value left out of the row's list
    for (let j = 0; j < values.length; j++) {
      const v = values[j];
      if (v === -Infinity) continue;
      if (v > this.colMin[j] || this.colLen[j] < this.perCol) this.offerCol(j, i, v);
      if (len === K && v <= rv[base + K - 1]) {
        if (v > out) out = v;
        continue;
      }
      // Insert (v, j) into the row's list, kept in descending value (earlier j first on ties).
      let at = len < K ? len : K - 1;
      if (len === K) {
        if (rv[base + K - 1] > out) out = rv[base + K - 1];
      } else len++;
      while (at > 0 && rv[base + at - 1] < v) {
        rv[base + at] = rv[base + at - 1];
        rc[base + at] = rc[base + at - 1];
        at--;
      }
      rv[base + at] = v;
      rc[base + at] = j;
    }
    this.rowLen[i] = len;
    this.bound[i] = out;
  }

  /** Offers (row i, value v) to column j's list of its best rows. */
  private offerCol(j: number, i: number, v: number): void {
    const K = this.perCol;
    const base = j * K;
    const cr = this.colRow;
    const cv = this.colVal;
    let len = this.colLen[j];
    // Descending values; a later row with an equal value never displaces an earlier one.
    let at: number;
    if (len < K) at = len++;
    else {
      if (!(v > cv[base + K - 1])) return;
      at = K - 1;
    }
    while (at > 0 && cv[base + at - 1] < v) {
      cv[base + at] = cv[base + at - 1];
      cr[base + at] = cr[base + at - 1];
      at--;
    }
    cv[base + at] = v;
    cr[base + at] = i;
    this.colLen[j] = len;
    if (len === K) this.colMin[j] = cv[base + K - 1];
  }

  /**
   * The candidates: each row's list merged with the pairs the columns kept, rows
   * compressed, columns ascending within a row.
   */
  finish(): CandidateSet {
    const { rows, cols, perRow, perCol } = this;
    // Column-kept pairs, bucketed by row.
    const extra = new Int32Array(rows + 1);
    for (let j = 0; j < cols; j++) for (let t = 0; t < this.colLen[j]; t++) extra[this.colRow[j * perCol + t] + 1]++;
    for (let i = 0; i < rows; i++) extra[i + 1] += extra[i];
    const byRowCol = new Int32Array(extra[rows]);
    const byRowVal = new Float64Array(extra[rows]);
    const fill = extra.slice(0, rows);
    for (let j = 0; j < cols; j++) {
      for (let t = 0; t < this.colLen[j]; t++) {
        const i = this.colRow[j * perCol + t];
        byRowCol[fill[i]] = j;
        byRowVal[fill[i]++] = this.colVal[j * perCol + t];
      }
    }
    const rowStart = new Int32Array(rows + 1);
    const colOut: number[] = [];
    const valOut: number[] = [];
    const seen = new Map<number, number>();
    for (let i = 0; i < rows; i++) {
      seen.clear();
      for (let t = 0; t < this.rowLen[i]; t++) seen.set(this.rowCol[i * perRow + t], this.rowVal[i * perRow + t]);
      for (let p = extra[i]; p < extra[i + 1]; p++) seen.set(byRowCol[p], byRowVal[p]);
      const js = [...seen.keys()].sort((a, b) => a - b);
      for (const j of js) {
        colOut.push(j);
        valOut.push(seen.get(j)!);
      }
      rowStart[i + 1] = colOut.length;
    }
    return { rows, cols, rowStart, col: Int32Array.from(colOut), value: Float64Array.from(valOut), bound: this.bound };
  }
}
