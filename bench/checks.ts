/**
 * Answer checks, run once per solver before timing: is the output a valid assignment /
 * matching, and does its cost (recomputed here from the matrix, compensated sum) equal the
 * reference total within 1e-9 relative?
 */
import type { Dense } from './data.js';
import { sameTotal, type Verdict } from './timing.js';

/** Neumaier-compensated sum of f(0..n-1). */
export function kahan(n: number, f: (k: number) => number): number {
  let s = 0, c = 0;
  for (let k = 0; k < n; k++) {
    const x = f(k);
    const t = s + x;
    c += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
    s = t;
  }
  return s + c;
}

function fmt(x: number): string {
  return Number.isFinite(x) ? x.toPrecision(15) : String(x);
}

/**
 * `assign[row] = col | -1` must use min(rows, cols) distinct columns (every row when
 * rows <= cols, every column otherwise) and cost `ref` (when given).
 */
export function checkLsap(cost: Dense, assign: Int32Array, ref: number | undefined, capacity = 1): Verdict {
  const { rows, cols, data } = cost;
  if (assign.length !== rows) return { ok: false, detail: `assignment has ${assign.length} rows, expected ${rows}` };
  const used = new Int32Array(cols);
  let count = 0;
  for (let i = 0; i < rows; i++) {
    const j = assign[i];
    if (j === -1) continue;
    if (!Number.isInteger(j) || j < 0 || j >= cols) return { ok: false, detail: `row ${i} -> invalid column ${j}` };
    if (++used[j] > capacity) return { ok: false, detail: `column ${j} used more than ${capacity}x` };
    count++;
  }
  const want = Math.min(rows, cols * capacity);
  if (count !== want) return { ok: false, detail: `${count} pairs assigned, expected ${want}` };
  const rowsOf: number[] = [];
  for (let i = 0; i < rows; i++) if (assign[i] >= 0) rowsOf.push(i);
  const total = kahan(rowsOf.length, (k) => data[rowsOf[k] * cols + assign[rowsOf[k]]]);
  if (ref !== undefined && !sameTotal(total, ref)) return { ok: false, detail: `total ${fmt(total)} != scipy ${fmt(ref)}` };
  return { ok: true, total };
}

/** `mate[v]` must be an involution without fixed points (or -1); weight = Σ W[u][mate[u]] over u < mate[u]. */
export function checkMatching(w: Dense, mate: Int32Array, ref: number | undefined, refName = 'reference'): Verdict {
  const n = w.rows;
  if (mate.length !== n) return { ok: false, detail: `mate has ${mate.length} entries, expected ${n}` };
  const us: number[] = [];
  for (let v = 0; v < n; v++) {
    const u = mate[v];
    if (u === -1) continue;
    if (u < 0 || u >= n || u === v || mate[u] !== v) return { ok: false, detail: `mate[${v}] = ${u} is not a matching` };
    if (v < u) us.push(v);
  }
  const total = kahan(us.length, (k) => w.data[us[k] * n + mate[us[k]]]);
  if (ref !== undefined && !sameTotal(total, ref)) return { ok: false, detail: `weight ${fmt(total)} != ${refName} ${fmt(ref)}` };
  return { ok: true, total };
}
