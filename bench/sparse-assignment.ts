/**
 * sparseAssignment at cohort scale: 80,000 mentee rows × 20,000 mentor columns, 24
 * candidate edges per row, seeded (mulberry32), built outside the timed call. Run with
 * `npx tsx bench/sparse-assignment.ts` (`--quick` for a 10× smaller cohort).
 *
 * Cases:
 *  - `topk`: each row's best 24 of 20,000 uniform values (drawn exactly as the top order
 *    statistics, so the row's values are close together), plus a per-row offset;
 *  - `uniform`: 24 random columns per row, uniform values in [0, 1.5) plus the offset;
 *  - `ties`: 24 random columns per row, integer values 0..2 (many ties);
 *  - `lift`: `uniform` with a tier lift of 1e5 on 20% of the edges;
 * with capacities 1–4 (places ≈ 50,000 < rows) or scaled to places ≈ 1.2 × rows. Each
 * answer is checked once (capacities, dual feasibility on every edge, slackness) before
 * timing; the time is the best of three warm runs.
 */
import { sparseAssignment, type SparseAssignmentResult, type SparseBipartite } from '../src/solve/sparse-assignment.js';
import { mulberry32 } from './cohort.js';


type Kind = 'topk' | 'uniform' | 'ties' | 'lift';

function makeGraph(rows: number, cols: number, k: number, kind: Kind, seed: number): SparseBipartite {
  const rnd = mulberry32(seed);
  const rowStart = new Int32Array(rows + 1);
  const col = new Int32Array(rows * k);
  const value = new Float64Array(rows * k);
  const mark = new Int32Array(cols).fill(-1);
  let p = 0;
  for (let i = 0; i < rows; i++) {
    const offset = kind === 'ties' ? 0 : rnd();
    let top = 1; // running top order statistic of `cols` uniforms
    for (let t = 0; t < k; t++) {
      let j: number;
      do j = Math.floor(rnd() * cols);
      while (mark[j] === i);
      mark[j] = i;
      let x: number;
      if (kind === 'topk') {
        top *= Math.pow(rnd(), 1 / (cols - t));
        x = offset + 1.5 * top;
      } else if (kind === 'ties') {
        x = Math.floor(rnd() * 3);
      } else {
        x = offset + 1.5 * rnd();
        if (kind === 'lift' && rnd() < 0.2) x += 1e5;
      }
      col[p] = j;
      value[p] = x;
      p++;
    }
    rowStart[i + 1] = p;
  }
  return { rows, cols, rowStart, col, value };
}

function makeCapacity(cols: number, places: number, seed: number): Int32Array {
  const rnd = mulberry32(seed);
  const raw = Array.from({ length: cols }, () => 1 + Math.floor(rnd() * 4));
  const sum = raw.reduce((a, b) => a + b, 0);
  return Int32Array.from(raw, (c) => Math.max(1, Math.round((c * places) / sum)));
}

/** Capacities, dual feasibility on every edge and slackness (the checks of the tests). */
function check(g: SparseBipartite, cap: Int32Array, r: SparseAssignmentResult, card: boolean): string {
  const d = r.duals;
  const L = card ? 1 : 0;
  const load = new Int32Array(g.cols);
  for (let i = 0; i < g.rows; i++) if (r.assignment[i] >= 0) load[r.assignment[i]]++;
  for (let j = 0; j < g.cols; j++) {
    if (load[j] > cap[j]) return `column ${j} over capacity`;
    if (load[j] < cap[j] && (d.colLevel[j] !== 0 || d.col[j] !== 0)) return `column ${j} has room but v ≠ 0`;
  }
  let worst = 0;
  for (let i = 0; i < g.rows; i++) {
    if (r.assignment[i] < 0 && (d.rowLevel[i] !== 0 || d.row[i] !== 0)) return `row ${i} unassigned but u ≠ 0`;
    for (let p = g.rowStart[i]; p < g.rowStart[i + 1]; p++) {
      const j = g.col[p];
      const lv = d.rowLevel[i] + d.colLevel[j];
      if (lv < L) return `edge ${p} uncovered (level)`;
      if (lv === L) worst = Math.max(worst, g.value[p] - d.row[i] - d.col[j]);
    }
  }
  return worst <= 1e-9 * 1e5 ? `ok (max violation ${worst.toExponential(1)})` : `violation ${worst}`;
}

const quick = process.argv.includes('--quick');
const rows = quick ? 8000 : 80000;
const cols = quick ? 2000 : 20000;
const K = 24;
const cases: [Kind, number, boolean][] = [
  ['topk', 0.625, true],
  ['topk', 1.2, true],
  ['uniform', 0.625, true],
  ['uniform', 1.2, true],
  ['ties', 0.625, true],
  ['ties', 1.2, true],
  ['lift', 0.625, true],
  ['uniform', 0.625, false],
  ['ties', 0.625, false],
];
console.log(`sparseAssignment: ${rows} rows × ${cols} cols, ${K} edges per row (best of 3 warm runs)`);
console.log('case      places/rows  mode       assigned   total            ms     check');
for (const [kind, ratio, card] of cases) {
  const g = makeGraph(rows, cols, K, kind, 12345);
  const cap = makeCapacity(cols, Math.round(ratio * rows), 777);
  const places = cap.reduce((a, b) => a + b, 0);
  const first = sparseAssignment(g, { capacity: cap, maxCardinality: card });
  const verdict = check(g, cap, first, card);
  let best = Infinity;
  for (let t = 0; t < 3; t++) {
    const t0 = performance.now();
    const r = sparseAssignment(g, { capacity: cap, maxCardinality: card });
    best = Math.min(best, performance.now() - t0);
    if (r.total !== first.total) throw new Error('runs disagree');
  }
  console.log(
    `${kind.padEnd(9)} ${(places / rows).toFixed(3).padStart(11)}  ${(card ? 'max-card' : 'any-size').padEnd(9)} ${String(first.assignedCount).padStart(9)}   ${first.total.toFixed(4).padStart(14)} ${best.toFixed(0).padStart(7)}    ${verdict}`,
  );
}
