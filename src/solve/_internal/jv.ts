import { InfeasibleError } from '../../errors.js';
import { Candidates } from './candidates.js';
import { moderateRange } from './dense.js';

/**
 * The input value check, fused into the solver's first reading of each row (see
 * {@link solveJV}): `full()` is the complete check, which throws on a bad value; it is
 * called at most once, when a row read holds a value that is not finite-and-moderate
 * (a bad value, or only an allowed +Infinity — then the check passes and is not needed
 * again).
 */
interface FusedCheck {
  readonly full: () => void;
  pending: boolean;
}

/** Checks row i (offset off, m cells) once it has been read, when a check is pending. */
function checkRow(check: FusedCheck | undefined, c: Float64Array, off: number, m: number): void {
  if (check !== undefined && check.pending && !moderateRange(c, off, m)) {
    check.pending = false;
    check.full();
  }
}

/** Augmenting row reduction passes, as in Jonker–Volgenant. */
const ARR_PASSES = 2;

/** Work budget of one augmenting row reduction pass, in multiples of rows × cols cells. */
const ARR_BUDGET = 1;

/**
 * Jonker–Volgenant shortest augmenting path solver on a flat row-major cost buffer
 * with `rows <= cols`. Every row is assigned to a distinct column at minimum total
 * cost. `+Infinity` marks a forbidden cell; the buffer is never written.
 *
 * Phases (Jonker & Volgenant 1987, "A shortest augmenting path algorithm for dense and
 * sparse linear assignment problems", Computing 38):
 * 1. column reduction and reduction transfer (square problems only: with more columns
 *    than rows an unassigned column must keep its dual at 0, so these are skipped);
 * 2. two passes of augmenting row reduction (an auction-like step that settles most
 *    rows cheaply), capped so that near-ties in floating point cannot make it crawl;
 * 3. for every row still free, a Dijkstra-like shortest augmenting path over the
 *    reduced costs, then dual update and augmentation.
 *
 * The column duals `v` only ever decrease and a column, once assigned, stays assigned,
 * which keeps the rectangular case correct (unassigned columns keep `v = 0`).
 *
 * Complexity: O(rows² · cols) worst case, far less on typical inputs; O(rows + cols)
 * extra memory.
 *
 * @param check - the input value check to run along the way (`full` throws on a bad
 *   value; see {@link FusedCheck}): every row is checked right after its first full scan
 *   — column reduction reads every row, the first row-reduction pass most — and the rows
 *   not read by then before any shortest path is searched, so the matrix is read once
 *   for both. Without it the values must have been checked already.
 * @returns `rowsol`: the column assigned to each row.
 * @throws InfeasibleError when some row cannot be given a column without using a
 *   forbidden cell.
 */
export function solveJV(rows: number, cols: number, c: Float64Array, fullCheck?: () => void): Int32Array {
  const check: FusedCheck | undefined = fullCheck ? { full: fullCheck, pending: true } : undefined;
  const n = rows;
  const m = cols;
  const rowsol = new Int32Array(n).fill(-1);
  const colsol = new Int32Array(m).fill(-1);
  const v = new Float64Array(m);
  const free = new Int32Array(n);
  const cands = new Candidates(n, m, c, v, 1);
  const visited = new Uint8Array(n);
  let numfree = 0;

  if (n === m) {
    numfree = columnReduction(n, c, v, rowsol, colsol, free, cands, check);
  } else {
    // Lists are built lazily (a limit of -Infinity), see augmentingRowReduction.
    for (let i = 0; i < n; i++) free[i] = i;
    cands.limit.fill(-Infinity);
    numfree = n;
  }

  // Augmenting row reduction. Each pass has a work budget (in cells read), so that a
  // price war on near-ties cannot cost more than it saves; the rows it leaves free go
  // to the exact shortest-path phase.
  for (let pass = 0; pass < ARR_PASSES && numfree > 0; pass++) {
    numfree = augmentingRowReduction(m, c, v, rowsol, colsol, free, numfree, cands, visited, ARR_BUDGET * n * m + 64 * m, check);
  }
  // Rows the row reduction never read (its budget ran out) are checked before any search.
  if (check !== undefined && check.pending && n !== m) {
    for (let i = 0; i < n; i++) if (visited[i] === 0) checkRow(check, c, i * m, m);
  }

  // Shortest augmenting paths for the rows still free.
  if (numfree > 0) {
    const d = new Float64Array(m);
    const pred = new Int32Array(m);
    const collist = new Int32Array(m);
    for (let f = 0; f < numfree; f++) {
      augment(free[f], m, c, v, rowsol, colsol, d, pred, collist);
    }
  }
  return rowsol;
}

/**
 * Column reduction + reduction transfer (square case). Fills `free` with the rows left
 * unassigned, builds every row's candidate list, and returns how many rows are free.
 */
function columnReduction(
  n: number,
  c: Float64Array,
  v: Float64Array,
  rowsol: Int32Array,
  colsol: Int32Array,
  free: Int32Array,
  cands: Candidates,
  check: FusedCheck | undefined,
): number {
  // Column minima, read row by row (the first row wins a tie); each row is value-checked
  // right after (still in cache), before anything can throw.
  const colArg = new Int32Array(n);
  v.fill(Infinity);
  for (let i = 0, off = 0; i < n; i++, off += n) {
    for (let j = 0; j < n; j++) {
      const h = c[off + j];
      if (h < v[j]) {
        v[j] = h;
        colArg[j] = i;
      }
    }
    checkRow(check, c, off, n);
  }
  const matches = new Int32Array(n);
  for (let j = n - 1; j >= 0; j--) {
    const min = v[j];
    if (min === Infinity) {
      throw new InfeasibleError(`cost matrix is infeasible: every pair in column ${j} is forbidden`, { col: j });
    }
    const imin = colArg[j];
    if (++matches[imin] === 1) {
      rowsol[imin] = j;
      colsol[j] = imin;
    } else if (min < v[rowsol[imin]]) {
      const j1 = rowsol[imin];
      rowsol[imin] = j;
      colsol[j] = imin;
      colsol[j1] = -1;
    } else {
      colsol[j] = -1;
    }
  }

  // Candidate lists are built for the rows that need a full scan now anyway; the
  // others get theirs lazily (a limit of -Infinity).
  cands.limit.fill(-Infinity);
  let numfree = 0;
  for (let i = 0; i < n; i++) {
    if (matches[i] === 0) {
      free[numfree++] = i;
    } else if (matches[i] === 1) {
      // Reduction transfer: raise the price of the row's only column up to its second best.
      const j1 = rowsol[i];
      const min = cands.rebuild(i, j1);
      if (min !== Infinity) v[j1] -= min;
    }
  }
  return numfree;
}

/**
 * One pass of augmenting row reduction. Reads `free[0..numfree)`, writes the rows still
 * free back to the front of `free` and returns their count. Stops early (leaving the
 * remaining rows free) once `budget` cells have been read.
 */
function augmentingRowReduction(
  m: number,
  c: Float64Array,
  v: Float64Array,
  rowsol: Int32Array,
  colsol: Int32Array,
  free: Int32Array,
  prvnumfree: number,
  cands: Candidates,
  visited: Uint8Array,
  budget: number,
  check: FusedCheck | undefined,
): number {
  const K = cands.k;
  const candCols = cands.cols;
  const limit = cands.limit;
  let k = 0;
  let numfree = 0;
  while (k < prvnumfree) {
    if (budget < 0) {
      while (k < prvnumfree) free[numfree++] = free[k++];
      break;
    }
    const i = free[k++];
    const off = i * m;
    let umin = Infinity;
    let usubmin = Infinity;
    let j1 = -1;
    let j2 = -1;
    let jfree = -1; // a free column at reduced cost umin, when known
    if (limit[i] === -Infinity && visited[i] === 0) {
      // First visit of a row without a list: one plain scan. Most rows of a wide
      // problem are settled here and never need a list.
      visited[i] = 1;
      for (let j = 0; j < m; j++) {
        const h = c[off + j] - v[j];
        if (h <= usubmin) {
          if (h >= umin) {
            if (h === umin && jfree < 0 && colsol[j] < 0) jfree = j;
            if (h < usubmin) {
              usubmin = h;
              j2 = j;
            }
          } else {
            usubmin = umin;
            j2 = j1;
            umin = h;
            j1 = j;
            jfree = colsol[j] < 0 ? j : -1;
          }
        }
      }
      budget -= m;
      checkRow(check, c, off, m);
    } else {
      // Best and second best over the candidates; rebuild when they may be stale.
      for (let t = 0, base = i * K; t < K; t++) {
        const j = candCols[base + t];
        const h = c[off + j] - v[j];
        if (h < usubmin) {
          if (h >= umin) {
            usubmin = h;
            j2 = j;
          } else {
            usubmin = umin;
            j2 = j1;
            umin = h;
            j1 = j;
          }
        }
      }
      budget -= K;
      if (usubmin > limit[i]) {
        cands.rebuild(i);
        budget -= m;
        const base = i * K;
        j1 = candCols[base];
        j2 = candCols[base + 1];
        umin = c[off + j1] - v[j1];
        usubmin = K > 1 ? c[off + j2] - v[j2] : Infinity;
      }
    }
    if (umin === Infinity) {
      // Row with no allowed cell: the augmentation phase reports it as infeasible.
      free[numfree++] = i;
      continue;
    }
    let i0 = colsol[j1];
    const strict = umin < usubmin;
    if (strict) {
      if (usubmin !== Infinity) v[j1] -= usubmin - umin;
    } else if (i0 >= 0) {
      // Tie and j1 is taken: prefer a free column at the same reduced cost (common with
      // integer costs), else displace the owner of j2 without a price change.
      let jf = jfree;
      if (jf < 0 && limit[i] !== -Infinity) {
        for (let t = 0, base = i * K; t < K; t++) {
          const j = candCols[base + t];
          if (colsol[j] < 0 && c[off + j] - v[j] === umin) {
            jf = j;
            break;
          }
        }
      }
      j1 = jf >= 0 ? jf : j2;
      i0 = colsol[j1];
    }
    rowsol[i] = j1;
    colsol[j1] = i;
    if (i0 >= 0) {
      rowsol[i0] = -1;
      if (strict && usubmin !== Infinity) free[--k] = i0;
      else free[numfree++] = i0;
    }
  }
  return numfree;
}

/** Shortest augmenting path from free row `f` (Dijkstra on reduced costs), then augment. */
function augment(
  f: number,
  m: number,
  c: Float64Array,
  v: Float64Array,
  rowsol: Int32Array,
  colsol: Int32Array,
  d: Float64Array,
  pred: Int32Array,
  collist: Int32Array,
): void {
  const offf = f * m;
  for (let j = 0; j < m; j++) {
    d[j] = c[offf + j] - v[j];
    pred[j] = f;
    collist[j] = j;
  }
  // collist: [0, low) scanned; [low, up) at the current minimum, to scan; [up, m) the rest.
  let low = 0;
  let up = 0;
  let last = 0;
  let min = 0;
  let endofpath = -1;
  search: for (;;) {
    if (up === low) {
      last = low - 1;
      min = d[collist[up++]];
      for (let k = up; k < m; k++) {
        const j = collist[k];
        const h = d[j];
        if (h <= min) {
          if (h < min) {
            up = low;
            min = h;
          }
          collist[k] = collist[up];
          collist[up++] = j;
        }
      }
      if (min === Infinity) {
        throw new InfeasibleError(`cost matrix is infeasible: row ${f} cannot be assigned without a forbidden pair`, {
          row: f,
        });
      }
      for (let k = low; k < up; k++) {
        const j = collist[k];
        if (colsol[j] < 0) {
          endofpath = j;
          break search;
        }
      }
    }
    const j1 = collist[low++];
    const i = colsol[j1];
    const off = i * m;
    const u1 = c[off + j1] - v[j1] - min;
    for (let k = up; k < m; k++) {
      const j = collist[k];
      const v2 = c[off + j] - v[j] - u1;
      if (v2 < d[j]) {
        pred[j] = i;
        if (v2 === min) {
          if (colsol[j] < 0) {
            endofpath = j;
            break search;
          }
          collist[k] = collist[up];
          collist[up++] = j;
        }
        d[j] = v2;
      }
    }
  }

  // Dual update for the columns scanned before the final minimum was reached.
  for (let k = 0; k <= last; k++) {
    const j = collist[k];
    v[j] += d[j] - min;
  }
  // Augment along the predecessor chain.
  let j = endofpath;
  for (;;) {
    const i = pred[j];
    colsol[j] = i;
    const next = rowsol[i];
    rowsol[i] = j;
    j = next;
    if (i === f) break;
  }
}
