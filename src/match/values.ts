/**
 * What the solvers maximise, and the small conversions every mode family shares.
 *
 * @module
 */
import { ConfigError } from '../errors.js';
import type { CompatibilityMatrix } from '../score/matrix.js';
import type { ResolvedMatchOptions } from './config.js';

/**
 * Values the solver maximises: pair scores (0–1) plus preference and priority bonuses;
 * forbidden pairs, pairs below `minScore`, and the rows of locked mentees are -Infinity.
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
  const prio = new Set(o.priority);
  const rowIndex = new Map(rowIds.map((x, i) => [x, i]));
  const colIndex = new Map(colIds.map((x, j) => [x, j]));
  const preferred = new Set<number>();
  for (const [a, b] of o.preferredPartners) {
    const i = rowIndex.get(a) ?? rowIndex.get(b);
    const j = rowIndex.has(a) ? colIndex.get(b) : colIndex.get(a);
    if (i === undefined || j === undefined) throw new ConfigError([`preferredPartners: [${a}, ${b}] does not name a mentee and a mentor`]);
    preferred.add(i * cols + j);
    if (matrix.kind === 'peer') preferred.add(j * cols + i);
  }
  for (const x of o.priority) if (!rowIndex.has(x) && !colIndex.has(x)) throw new ConfigError([`priority: '${x}' is not a participant`]);
  for (let i = 0; i < rows; i++) {
    const bonusRow = prio.has(rowIds[i]) ? o.priorityBonus : 0;
    for (let j = 0; j < cols; j++) {
      const k = i * cols + j;
      const s = matrix.scores[k];
      if (matrix.forbidden[k] !== 0 || s < o.minScore || lockedRow[i] >= 0) {
        data[k] = -Infinity;
        continue;
      }
      data[k] = s + bonusRow + (prio.has(colIds[j]) && matrix.kind === 'peer' ? o.priorityBonus : 0) + (preferred.has(k) ? o.preferredBonus : 0);
    }
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
