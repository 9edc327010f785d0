import { argError, isRecord } from '../../_internal/args.js';
import { MAX_ABS_COST } from './dense.js';

/** The graph's fields, as the public `SparseBipartite` declares them. */
export interface SparseGraphFields {
  readonly rows: number;
  readonly cols: number;
  readonly rowStart: Int32Array;
  readonly col: Int32Array;
  readonly value: Float64Array;
}

/**
 * Checks a compressed-sparse-row bipartite graph once, at the public boundary: `rows`
 * and `cols` non-negative integers, `rowStart` an Int32Array of length rows + 1 that
 * starts at 0, never decreases and ends at the number of edges, `col` and `value` of
 * that length, every `col[p]` in `[0, cols)`, every `value[p]` finite with
 * |x| ≤ 1e300. Duplicate (row, column) edges are allowed (the solver uses the largest).
 *
 * @param fn - the public function's name, for messages.
 * @throws InvalidInputError naming the field and the first bad index.
 */
export function checkSparseGraph(graph: unknown, fn: string): SparseGraphFields {
  if (!isRecord(graph)) throw argError(fn, 'graph', 'an object { rows, cols, rowStart, col, value }', graph);
  const { rows, cols, rowStart, col, value } = graph;
  for (const [name, x] of [['rows', rows], ['cols', cols]] as const) {
    if (typeof x !== 'number' || !Number.isInteger(x) || x < 0 || x > 0x7ffffffe) {
      throw argError(fn, `graph.${name}`, 'a non-negative integer', x);
    }
  }
  const n = rows as number;
  const m = cols as number;
  if (!(rowStart instanceof Int32Array)) throw argError(fn, 'graph.rowStart', 'an Int32Array', rowStart);
  if (!(col instanceof Int32Array)) throw argError(fn, 'graph.col', 'an Int32Array', col);
  if (!(value instanceof Float64Array)) throw argError(fn, 'graph.value', 'a Float64Array', value);
  if (rowStart.length !== n + 1) {
    throw argError(fn, 'graph.rowStart', `an Int32Array of length rows + 1 = ${n + 1}`, rowStart, { expected: n + 1, found: rowStart.length });
  }
  if (rowStart[0] !== 0) throw argError(fn, 'graph.rowStart[0]', '0', rowStart[0], { index: 0 });
  for (let i = 0; i < n; i++) {
    if (rowStart[i + 1] < rowStart[i]) {
      throw argError(fn, `graph.rowStart[${i + 1}]`, `a value ≥ rowStart[${i}] = ${rowStart[i]} (rowStart never decreases)`, rowStart[i + 1], {
        index: i + 1,
      });
    }
  }
  const edges = rowStart[n];
  if (col.length !== edges) throw argError(fn, 'graph.col', `an Int32Array of length rowStart[rows] = ${edges}`, col, { expected: edges, found: col.length });
  if (value.length !== edges) {
    throw argError(fn, 'graph.value', `a Float64Array of length rowStart[rows] = ${edges}`, value, { expected: edges, found: value.length });
  }
  for (let p = 0; p < edges; p++) {
    const j = col[p];
    if (j < 0 || j >= m) {
      throw argError(fn, `graph.col[${p}]`, m === 0 ? 'a column index, but there is no column' : `a column index, an integer from 0 to ${m - 1}`, j, {
        index: p,
      });
    }
  }
  for (let p = 0; p < edges; p++) {
    const x = value[p];
    if (!(Math.abs(x) <= MAX_ABS_COST)) throw argError(fn, `graph.value[${p}]`, 'a finite number with |x| ≤ 1e300', x, { index: p });
  }
  return { rows: n, cols: m, rowStart, col, value };
}
