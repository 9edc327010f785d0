/**
 * What the solvers maximise, and the small conversions every mode family shares.
 *
 * @module
 */
import { ConfigError } from '../errors.js';
import type { CompatibilityMatrix } from '../score/matrix.js';
import type { ResolvedMatchOptions } from './config.js';

/**
 * The rule that turns one row of scores into solver values: pair scores (0–1) plus
 * preference and priority bonuses; forbidden pairs, pairs below `minScore`, and the rows
 * of locked mentees are -Infinity. Written once, used by the dense values
 * ({@link solverValues}) and by the streamed candidate pass row by row.
 */
export interface ValueRule {
  /**
   * Writes row `i`'s values into `out` from its scores and rule codes.
   *
   * @param locked - True when the row is closed (a locked mentee's row).
   */
  row(i: number, scores: ArrayLike<number>, code: ArrayLike<number>, out: Float64Array, locked: boolean): void;
}

/**
 * What a {@link ValueRule} reads of the options: plain data (a scoring worker rebuilds
 * the rule from it).
 */
export type ValueOptions = Pick<ResolvedMatchOptions, 'minScore' | 'priority' | 'priorityBonus' | 'preferredPartners' | 'preferredBonus'>;

/**
 * The part of `o` a {@link ValueRule} reads, as plain data.
 *
 * @example
 * ```ts
 * valueOptions(options); // { minScore: 0, priority: [], priorityBonus: 0.1, preferredPartners: [], preferredBonus: 0.1 }
 * ```
 */
export function valueOptions(o: ValueOptions): ValueOptions {
  const { minScore, priority, priorityBonus, preferredPartners, preferredBonus } = o;
  return { minScore, priority, priorityBonus, preferredPartners, preferredBonus };
}

/**
 * The {@link ValueRule} of a matrix's rows and columns under the options.
 *
 * @throws {@link ConfigError} when `preferredPartners` or `priority` name nobody.
 *
 * @example
 * ```ts
 * const rule = valueRule('bipartite', options, menteeIds, mentorIds);
 * rule.row(0, scores, code, out, false); // out[j]: scores[j] + bonuses, or -Infinity
 * ```
 */
export function valueRule(kind: 'bipartite' | 'peer', o: ValueOptions, rowIds: readonly string[], colIds: readonly string[]): ValueRule {
  const cols = colIds.length;
  const prio = new Set(o.priority);
  const rowIndex = new Map(rowIds.map((x, i) => [x, i]));
  const colIndex = new Map(colIds.map((x, j) => [x, j]));
  // Preferred pairs, per row: the columns that carry the bonus.
  const preferred = new Map<number, Set<number>>();
  const prefer = (i: number, j: number): void => {
    let s = preferred.get(i);
    if (!s) preferred.set(i, (s = new Set()));
    s.add(j);
  };
  for (const [a, b] of o.preferredPartners) {
    const i = rowIndex.get(a) ?? rowIndex.get(b);
    const j = rowIndex.has(a) ? colIndex.get(b) : colIndex.get(a);
    if (i === undefined || j === undefined) throw new ConfigError([`preferredPartners: [${a}, ${b}] does not name a mentee and a mentor`]);
    prefer(i, j);
    if (kind === 'peer') prefer(j, i);
  }
  for (const x of o.priority) if (!rowIndex.has(x) && !colIndex.has(x)) throw new ConfigError([`priority: '${x}' is not a participant`]);
  // Peers: a priority person's bonus counts on either side of the pair.
  const colBonus = new Float64Array(cols);
  if (kind === 'peer') colIds.forEach((id, j) => (colBonus[j] = prio.has(id) ? o.priorityBonus : 0));
  return {
    row(i, scores, code, out, locked) {
      if (locked) {
        out.fill(-Infinity, 0, cols);
        return;
      }
      const bonusRow = prio.has(rowIds[i]) ? o.priorityBonus : 0;
      for (let j = 0; j < cols; j++) {
        const s = scores[j];
        out[j] = code[j] !== 0 || s < o.minScore ? -Infinity : s + bonusRow + colBonus[j];
      }
      const pref = preferred.get(i);
      if (pref) for (const j of pref) if (out[j] !== -Infinity) out[j] += o.preferredBonus;
    },
  };
}

/**
 * Values the solver maximises (see {@link ValueRule}), for a whole dense matrix.
 *
 * @example
 * ```ts
 * solverValues(matrix, options, menteeIds, mentorIds, new Int32Array(matrix.rows).fill(-1)).data;
 * ```
 */
export function solverValues(
  matrix: CompatibilityMatrix,
  o: ResolvedMatchOptions,
  rowIds: readonly string[],
  colIds: readonly string[],
  lockedRow: Int32Array,
): { rows: number; cols: number; data: Float64Array } {
  const { rows, cols } = matrix;
  const data = new Float64Array(rows * cols);
  const rule = valueRule(matrix.kind, o, rowIds, colIds);
  for (let i = 0; i < rows; i++) {
    const off = i * cols;
    rule.row(i, matrix.scores.subarray(off, off + cols), matrix.forbidden.subarray(off, off + cols), data.subarray(off, off + cols), lockedRow[i] >= 0);
  }
  return { rows, cols, data };
}

/** [menteeId, mentorId] from a pair written either way round. */
export function orient(a: string, b: string, mentees: Map<string, number>, mentors: Map<string, number>, what: string): [string, string] {
  if (mentees.has(a) && mentors.has(b)) return [a, b];
  if (mentees.has(b) && mentors.has(a)) return [b, a];
  throw new ConfigError([`${what}: [${a}, ${b}] does not name a mentee and a mentor`]);
}

/**
 * A row → column assignment (−1 = none) as a list of (row, column) pairs.
 *
 * @example
 * ```ts
 * fromAssignment(Int32Array.of(1, -1, 0)); // [[0, 1], [2, 0]]
 * ```
 */
export function fromAssignment(a: Int32Array): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < a.length; i++) if (a[i] >= 0) out.push([i, a[i]]);
  return out;
}
