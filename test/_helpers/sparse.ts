/**
 * Instances and checkers for the sparse assignment tests: seeded random dense matrices
 * (non-edges -Infinity), their sparse graphs, and a checker of the dual certificate
 * (feasibility on every edge, complementary slackness, the documented levels).
 */
import { expect } from 'vitest';

import type { SparseAssignmentResult, SparseBipartite } from '../../src/solve/sparse-assignment.js';
import type { DenseMatrix } from '../../src/solve/types.js';

import { mulberry32 } from './oracles.js';

export { mulberry32 };

export type ValueKind = 'continuous' | 'ties' | 'lift' | 'negative';

/** Parameters of one random instance (what fast-check draws). */
export interface InstanceSpec {
  readonly rows: number;
  readonly cols: number;
  readonly density: number;
  readonly kind: ValueKind;
  readonly maxCap: number;
  readonly perColumn: boolean;
  readonly seed: number;
}

/** A dense matrix (non-edges -Infinity) and capacities, from a spec. */
export function randomInstance(spec: InstanceSpec): { dense: DenseMatrix; capacity: number | number[] } {
  const rnd = mulberry32(spec.seed);
  const { rows, cols } = spec;
  const data = new Float64Array(rows * cols).fill(-Infinity);
  for (let k = 0; k < data.length; k++) {
    if (rnd() >= spec.density) continue;
    let x: number;
    switch (spec.kind) {
      case 'continuous':
        x = rnd() * 1.5;
        break;
      case 'ties':
        x = Math.floor(rnd() * 3);
        break;
      case 'lift':
        x = rnd() * 1.5 + (rnd() < 0.3 ? 1e5 : 0);
        break;
      case 'negative':
        x = Math.floor(rnd() * 7) - 3;
        break;
    }
    data[k] = x;
  }
  const capacity = spec.perColumn
    ? Array.from({ length: cols }, () => Math.floor(rnd() * (spec.maxCap + 1)))
    : Math.floor(rnd() * (spec.maxCap + 1));
  return { dense: { rows, cols, data }, capacity };
}

/**
 * The graph of the finite cells of `dense` that `keep(i, j)` accepts, rows' edges in a
 * shuffled order; with `duplicates`, some edges appear again with a smaller value.
 */
export function toSparse(
  dense: DenseMatrix,
  keep: (i: number, j: number) => boolean = () => true,
  duplicates = false,
  seed = 1,
): SparseBipartite {
  const rnd = mulberry32(seed);
  const { rows, cols, data } = dense;
  const rowStart = new Int32Array(rows + 1);
  const col: number[] = [];
  const value: number[] = [];
  for (let i = 0; i < rows; i++) {
    const edges: [number, number][] = [];
    for (let j = 0; j < cols; j++) {
      const x = data[i * cols + j];
      if (x === -Infinity || !keep(i, j)) continue;
      edges.push([j, x]);
      if (duplicates && rnd() < 0.3) edges.push([j, x - 1 - rnd()]);
    }
    for (let t = edges.length - 1; t > 0; t--) {
      const u = Math.floor(rnd() * (t + 1));
      [edges[t], edges[u]] = [edges[u], edges[t]];
    }
    for (const [j, x] of edges) {
      col.push(j);
      value.push(x);
    }
    rowStart[i + 1] = col.length;
  }
  return { rows, cols, rowStart, col: Int32Array.from(col), value: Float64Array.from(value) };
}

/** Capacity of column j. */
export function capOf(capacity: number | ArrayLike<number>, j: number): number {
  return typeof capacity === 'number' ? capacity : capacity[j];
}

/** Largest value of edge (i, j) in the graph, -Infinity when absent. */
export function edgeValue(g: SparseBipartite, i: number, j: number): number {
  let best = -Infinity;
  for (let p = g.rowStart[i]; p < g.rowStart[i + 1]; p++) if (g.col[p] === j && g.value[p] > best) best = g.value[p];
  return best;
}

/** The assignment uses only edges, respects capacities, and its count and total are right. */
export function expectValidSparse(g: SparseBipartite, capacity: number | ArrayLike<number>, r: SparseAssignmentResult): void {
  expect(r.assignment.length).toBe(g.rows);
  const load = new Array<number>(g.cols).fill(0);
  let count = 0;
  let total = 0;
  for (let i = 0; i < g.rows; i++) {
    const j = r.assignment[i];
    if (j === -1) continue;
    expect(j).toBeGreaterThanOrEqual(0);
    expect(j).toBeLessThan(g.cols);
    const w = edgeValue(g, i, j);
    expect(w).toBeGreaterThan(-Infinity);
    load[j]++;
    count++;
    total += w;
  }
  for (let j = 0; j < g.cols; j++) expect(load[j]).toBeLessThanOrEqual(capOf(capacity, j));
  expect(r.assignedCount).toBe(count);
  expectClose(r.total, total);
}

/** a ≈ b to 9 significant digits (absolute near 0). */
export function expectClose(a: number, b: number): void {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(a), Math.abs(b)));
}

const TOL = 1e-9;

/** (a1, b1) ≥ (a2, b2) lexicographically, the float part with a relative slack. */
function lexGe(a1: number, b1: number, a2: number, b2: number, scale: number): boolean {
  return a1 > a2 || (a1 === a2 && b1 >= b2 - TOL * Math.max(1, scale));
}

/**
 * The dual certificate: u ≥ 0, v ≥ 0, u_i + v_j ≥ w'_ij on every edge, tight on the
 * assigned edges, v = 0 on columns with room, u = 0 on unassigned rows, levels as
 * documented (0 or 1; capacity-0 columns L + 1 with value 0).
 */
export function expectDualCertificate(g: SparseBipartite, capacity: number | ArrayLike<number>, r: SparseAssignmentResult, cardinality: boolean): void {
  const d = r.duals;
  const L = cardinality ? 1 : 0;
  expect(d.cardinality).toBe(cardinality);
  expect(d.rowLevel.length).toBe(g.rows);
  expect(d.colLevel.length).toBe(g.cols);
  const load = new Array<number>(g.cols).fill(0);
  for (let i = 0; i < g.rows; i++) if (r.assignment[i] >= 0) load[r.assignment[i]]++;
  for (let j = 0; j < g.cols; j++) {
    const c = capOf(capacity, j);
    if (c === 0) {
      expect([d.colLevel[j], d.col[j]]).toEqual([L + 1, 0]);
      continue;
    }
    expect(lexGe(d.colLevel[j], d.col[j], 0, 0, 1)).toBe(true);
    expect(d.colLevel[j] >= 0 && d.colLevel[j] <= L).toBe(true);
    if (load[j] < c) expect([d.colLevel[j], d.col[j]]).toEqual([0, 0]);
  }
  for (let i = 0; i < g.rows; i++) {
    expect(lexGe(d.rowLevel[i], d.row[i], 0, 0, 1)).toBe(true);
    expect(d.rowLevel[i] >= 0 && d.rowLevel[i] <= L).toBe(true);
    const j = r.assignment[i];
    if (j < 0) {
      expect([d.rowLevel[i], d.row[i]]).toEqual([0, 0]);
    } else {
      const w = edgeValue(g, i, j);
      expect(d.rowLevel[i] + d.colLevel[j]).toBe(L);
      expect(Math.abs(d.row[i] + d.col[j] - w)).toBeLessThanOrEqual(TOL * Math.max(1, Math.abs(w)));
    }
    for (let p = g.rowStart[i]; p < g.rowStart[i + 1]; p++) {
      const c = g.col[p];
      const w = g.value[p];
      const ok = lexGe(d.rowLevel[i] + d.colLevel[c], d.row[i] + d.col[c], L, w, Math.abs(w));
      if (!ok) expect.fail(`edge ${p} (${i}, ${c}) of value ${w} is not covered: u = (${d.rowLevel[i]}, ${d.row[i]}), v = (${d.colLevel[c]}, ${d.col[c]})`);
    }
  }
}
