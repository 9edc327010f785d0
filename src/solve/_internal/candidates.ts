/** Candidate list length: 8 measured best on dense uniform and integer costs, n = 1000–5000. */
const CANDIDATES = 8;

/**
 * Per-row candidate lists: the K columns with the smallest reduced cost `sign * c[i][j] - v[j]`
 * when the list was built, and `limit[i]`, the K-th smallest value then. Reduced costs
 * only grow while the algorithm runs (column duals only decrease), so a column outside
 * the list still costs at least `limit[i]`: whenever the two best candidates cost at
 * most that, they are the row's true best and second best, found in O(K) instead of
 * O(cols). Otherwise the list is rebuilt from a full scan of the row.
 */
export class Candidates {
  readonly k: number;
  readonly cols: Int32Array;
  readonly limit: Float64Array;
  private readonly vals: Float64Array;
  private readonly idx: Int32Array;

  constructor(
    rows: number,
    private readonly m: number,
    private readonly c: Float64Array,
    private readonly v: Float64Array,
    private readonly sign: 1 | -1,
  ) {
    this.k = Math.min(CANDIDATES, m);
    this.cols = new Int32Array(rows * this.k);
    this.limit = new Float64Array(rows);
    this.vals = new Float64Array(this.k);
    this.idx = new Int32Array(this.k);
  }

  /** Full scan of row `i`; returns its smallest reduced cost except at column `skip`. */
  rebuild(i: number, skip = -1): number {
    const { k, m, c, v, sign, vals, idx } = this;
    const off = i * m;
    for (let j = 0; j < k; j++) insertSorted(vals, idx, j, c[off + j] * sign - v[j]);
    let worst = vals[k - 1];
    for (let j = k; j < m; j++) {
      const h = c[off + j] * sign - v[j];
      if (h < worst) {
        insertSorted(vals, idx, k, h, j);
        worst = vals[k - 1];
      }
    }
    const base = i * k;
    for (let t = 0; t < k; t++) this.cols[base + t] = idx[t];
    this.limit[i] = m > k ? worst : Infinity;
    if (skip !== idx[0]) return vals[0];
    return k > 1 ? vals[1] : Infinity;
  }
}

/**
 * Inserts (h, j) into the ascending list vals/idx holding `len` entries, after any equal
 * key; when the list is full (`len === vals.length`) its last entry drops off. The caller
 * checks that a full list's last key is above `h`.
 */
export function insertSorted(vals: Float64Array, idx: Int32Array, len: number, h: number, j = len): void {
  let p = len === vals.length ? len - 1 : len;
  while (p > 0 && vals[p - 1] > h) {
    vals[p] = vals[p - 1];
    idx[p] = idx[p - 1];
    p--;
  }
  vals[p] = h;
  idx[p] = j;
}
