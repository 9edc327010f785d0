/**
 * The certificate-friendliest duals of an optimal sparse assignment: every column dual
 * (a mentor's "price") as high as any optimal dual allows.
 *
 * @module
 */
import { argError } from '../_internal/args.js';
import { LexHeap } from './_internal/sparse-heap.js';
import type { AssignmentDuals, SparseBipartite } from './sparse-assignment.js';

/**
 * Among the LP duals that prove an optimal {@link sparseAssignment} answer optimal, the
 * one with every column dual as high as possible (the "seller-optimal prices" of the
 * assignment game), and the row duals that go with it (`u_i = w'_{i,a(i)} − v_{a(i)}`,
 * 0 for an unassigned row).
 *
 * Why: a caller certifies pairs left out of the graph with `u_i + v_j ≥ w'_ij`. For a row
 * left unassigned (`u_i = 0`) that needs `v_j ≥ w'_ij`: high prices certify outsiders,
 * which is what most left-out pairs of a cohort with too few places are. With
 * cardinality first, a column whose places cannot be freed without leaving a row out
 * gets level 1 (M plus its price), and only columns that can reach a free place keep
 * level 0 — the solver's own duals may leave many full columns at level 0, which then
 * certify no outsider at all.
 *
 * A shortest-path computation over the columns (Dijkstra, the given duals as
 * potentials): `v_a = min(0 if a has a free place; over a's rows i: w'_{ia} (dropping i),
 * and v_j + w_{ia} − w_{ij} for i's other edges (moving i to j))`. O(edges · log cols).
 * The result is again a valid certificate (feasible on every edge, tight on assigned
 * edges, 0 on columns with room and on unassigned rows).
 *
 * @param graph - The graph the assignment was solved on.
 * @param assignment - An optimal assignment of it (column per row, −1 = none).
 * @param capacity - Places per column (as given to the solve).
 * @param duals - Any optimal duals of it (the solve's): the potentials of the search.
 * @returns The duals with the highest column duals.
 * @throws InvalidInputError when the sizes disagree.
 *
 * @example
 * ```ts
 * const r = sparseAssignment(graph, { capacity });
 * const d = highestPrices(graph, r.assignment, capacity, r.duals);
 * pairCertified(d, i, j, w); // true more often than with r.duals for a row left out
 * ```
 */
export function highestPrices(graph: SparseBipartite, assignment: Int32Array, capacity: ArrayLike<number>, duals: AssignmentDuals): AssignmentDuals {
  const { rows, cols, rowStart, col, value } = graph;
  if (assignment.length !== rows) throw argError('highestPrices', 'assignment', `one column per row (${rows})`, assignment);
  if (capacity.length !== cols || duals.colLevel.length !== cols || duals.rowLevel.length !== rows) throw argError('highestPrices', 'capacity', `one place count and one dual per column (${cols})`, capacity);
  const card = duals.cardinality ? 1 : 0;
  // Edge value of each row's assigned edge, and the load of each column.
  const own = new Float64Array(rows);
  const load = new Int32Array(cols);
  for (let i = 0; i < rows; i++) {
    const a = assignment[i];
    if (a < 0) continue;
    load[a]++;
    let best = -Infinity;
    for (let p = rowStart[i]; p < rowStart[i + 1]; p++) if (col[p] === a && value[p] > best) best = value[p];
    own[i] = best;
  }
  // Reverse adjacency: for each column j, the edges (row i, value) into it from rows assigned elsewhere.
  const inStart = new Int32Array(cols + 1);
  for (let i = 0; i < rows; i++) if (assignment[i] >= 0) for (let p = rowStart[i]; p < rowStart[i + 1]; p++) if (col[p] !== assignment[i]) inStart[col[p] + 1]++;
  for (let j = 0; j < cols; j++) inStart[j + 1] += inStart[j];
  const inRow = new Int32Array(inStart[cols]);
  const inVal = new Float64Array(inStart[cols]);
  const fill = inStart.slice(0, cols);
  for (let i = 0; i < rows; i++) {
    if (assignment[i] < 0) continue;
    for (let p = rowStart[i]; p < rowStart[i + 1]; p++) {
      const j = col[p];
      if (j === assignment[i]) continue;
      inRow[fill[j]] = i;
      inVal[fill[j]++] = value[p];
    }
  }
  // Keys: d(a) − v_S(a) as (level, value), ≥ 0; start: free places (0) and dropping a row (its u_S).
  const keyL = new Int32Array(cols);
  const keyV = new Float64Array(cols);
  const state = new Uint8Array(cols); // 0 not reached, 1 in the heap, 2 settled
  const heap = new LexHeap(cols);
  for (let a = 0; a < cols; a++) {
    keyL[a] = capacity[a] === 0 ? 2 + card : 1 << 20; // a column without places keeps a price above every edge
    keyV[a] = 0;
    if (capacity[a] === 0) continue;
    if (load[a] < capacity[a]) {
      keyL[a] = -duals.colLevel[a];
      keyV[a] = -duals.col[a];
    }
  }
  for (let i = 0; i < rows; i++) {
    const a = assignment[i];
    if (a < 0) continue;
    // Dropping i: d(a) ≤ w'_{ia}, key w'_{ia} − v_S(a) = u_S(i).
    lower(a, duals.rowLevel[i], duals.row[i]);
  }
  for (let a = 0; a < cols; a++) if (keyL[a] < 1 << 20 && capacity[a] > 0) reach(a);
  while (heap.size > 0) {
    const j = heap.pop();
    state[j] = 2;
    // Move a row i assigned to a into j: d(a) ≤ d(j) + w_ia − w_ij; as keys: + reduced length u_S(i) + v_S(j) − w'_ij.
    for (let q = inStart[j]; q < inStart[j + 1]; q++) {
      const i = inRow[q];
      const a = assignment[i];
      if (state[a] === 2) continue;
      const redL = duals.rowLevel[i] + duals.colLevel[j] - card;
      const redV = duals.row[i] + duals.col[j] - inVal[q];
      // Reduced lengths are ≥ 0; a float part a hair below 0 at level 0 is rounding.
      if (lower(a, keyL[j] + redL, keyV[j] + (redL > 0 ? redV : Math.max(0, redV)))) reach(a);
    }
  }
  const colLevel = new Int32Array(cols);
  const colV = new Float64Array(cols);
  for (let a = 0; a < cols; a++) {
    if (capacity[a] === 0 || keyL[a] >= 1 << 20) {
      colLevel[a] = duals.colLevel[a];
      colV[a] = duals.col[a];
      continue;
    }
    colLevel[a] = keyL[a] + duals.colLevel[a];
    colV[a] = keyV[a] + duals.col[a];
  }
  const rowLevel = new Int32Array(rows);
  const rowV = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const a = assignment[i];
    if (a < 0) continue;
    rowLevel[i] = card - colLevel[a];
    rowV[i] = own[i] - colV[a];
    if (rowLevel[i] < 0 || (rowLevel[i] === 0 && rowV[i] < 0)) {
      // Rounding: never below zero.
      rowLevel[i] = 0;
      rowV[i] = 0;
    }
  }
  return { rowLevel, row: rowV, colLevel, col: colV, cardinality: duals.cardinality };

  /** Puts column a in the heap at its key, or lowers it there. */
  function reach(a: number): void {
    if (state[a] === 1) heap.decrease(a, keyL[a], keyV[a]);
    else {
      heap.push(a, keyL[a], keyV[a]);
      state[a] = 1;
    }
  }

  function lower(a: number, l: number, v: number): boolean {
    if (l < keyL[a] || (l === keyL[a] && v < keyV[a])) {
      keyL[a] = l;
      keyV[a] = v;
      return true;
    }
    return false;
  }
}
