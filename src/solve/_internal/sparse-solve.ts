import { solveSparse } from './sparse-ssp.js';

/** The solution of the sparse assignment with its duals in the public form. */
export interface SparseSolution {
  /** Column of each row, -1 when unassigned. */
  readonly assign: Int32Array;
  /** Edge (index into the graph's `col` / `value`) of each assigned row, -1 otherwise. */
  readonly edge: Int32Array;
  readonly rowLevel: Int32Array;
  readonly row: Float64Array;
  readonly colLevel: Int32Array;
  readonly col: Float64Array;
}

/**
 * Runs the kernel (sparse-ssp.ts) on the CSR graph and writes the duals out: row duals
 * from the tight assigned edges (u = w' - v; 0 for unassigned rows), column duals as
 * stored; a column of capacity 0 gets level L + 1 and value 0 (no pair can use it, so
 * every pair to it is certified). L = 1 with cardinality first, else 0.
 */
export function solveSparseAssignment(
  n: number,
  m: number,
  rowStart: Int32Array,
  col: Int32Array,
  value: Float64Array,
  cap: Int32Array,
  cardinality: boolean,
  /** Scales the trigger of the batched phases (tests: 0 runs one after every search). */
  phaseScale = 1,
): SparseSolution {
  const L = cardinality ? 1 : 0;
  const s = solveSparse(n, m, rowStart.subarray(0, n), rowStart.subarray(1, n + 1), col, value, cap, cardinality, phaseScale);
  const { assign, edge, va, vb } = s;
  const rowLevel = new Int32Array(n);
  const row = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const j = assign[i];
    if (j < 0) continue;
    rowLevel[i] = L - va[j];
    row[i] = value[edge[i]] - vb[j];
  }
  const colLevel = new Int32Array(m);
  const colValue = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    if (cap[j] === 0) {
      colLevel[j] = L + 1;
      continue;
    }
    colLevel[j] = va[j];
    colValue[j] = vb[j] + 0; // no -0
  }
  return { assign, edge, rowLevel, row, colLevel, col: colValue };
}
