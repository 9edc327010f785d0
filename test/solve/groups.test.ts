/**
 * groupAssignment: group mentoring (a mentor leads a group of mentees of size min..max),
 * read as a specification.
 *
 * Contract: never a forbidden pair, never more than maxSize in a group, no non-empty
 * group below minSize; without cohesion the assignment is the exact
 * maximum-cardinality, maximum-fit one (minSize 0), and `exact` implies optimality;
 * with cohesion the local search never lowers the objective of its exact start and
 * stops at a local optimum of its neighbourhood (moves and swaps), or says it did not
 * (`converged: false`).
 *
 * Oracles: a brute force over every assignment (rows ≤ 6, cols ≤ 3) with the
 * "empty or ≥ minSize" rule, and `bruteForceCapacitated` from the solver tests.
 * A fast-check failure prints its seed and path: pin it by adding the counterexample to
 * the example tests.
 */
import fc from 'fast-check';
import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';

import { groupAssignment, type GroupAssignmentOptions } from '../../src/solve/groups.js';
import type { DenseMatrix } from '../../src/solve/types.js';
import { expectMatchError } from '../_helpers/expect-error.js';
import { bruteForceCapacitated } from '../_helpers/oracles.js';

function scores(rows: readonly (readonly number[])[]): DenseMatrix {
  const cols = rows.length === 0 ? 0 : rows[0].length;
  return { rows: rows.length, cols, data: Float64Array.from(rows.flat()) };
}
const mask = (rows: readonly (readonly number[])[]): Uint8Array => Uint8Array.from(rows.flat());
/** The scores with the pairs the mask forbids (0) set to -Infinity, as the solver reads them. */
const forbid = (s: DenseMatrix, allowed: Uint8Array): DenseMatrix => ({ ...s, data: s.data.map((v, k) => (allowed[k] === 1 ? v : -Infinity)) });

/** Similarity from a symmetric table. */
const table =
  (t: readonly (readonly number[])[]) =>
  (a: number, b: number): number =>
    t[a][b];

// ---------------------------------------------------------------------------
// Independent oracles
// ---------------------------------------------------------------------------

interface Instance {
  readonly s: DenseMatrix;
  readonly allowed: Uint8Array;
  readonly minSize: number;
  readonly maxSize: number[];
  /** Symmetric similarity table (rows × rows) in [0, 1]. */
  readonly sim: number[][];
  readonly weight: number;
}

function groupsOf(assignment: Int32Array, cols: number): number[][] {
  const g: number[][] = Array.from({ length: cols }, () => []);
  for (let i = 0; i < assignment.length; i++) if (assignment[i] >= 0) g[assignment[i]].push(i);
  return g;
}

function fitOf(s: DenseMatrix, assignment: Int32Array): number {
  let t = 0;
  for (let i = 0; i < s.rows; i++) if (assignment[i] >= 0) t += s.data[i * s.cols + assignment[i]];
  return t;
}

function cohesionOf(assignment: Int32Array, cols: number, sim: readonly (readonly number[])[]): number {
  let t = 0;
  for (const g of groupsOf(assignment, cols)) {
    if (g.length < 2) continue;
    let s = 0;
    for (let a = 0; a < g.length; a++) for (let b = a + 1; b < g.length; b++) s += sim[g[a]][g[b]];
    t += s / ((g.length * (g.length - 1)) / 2);
  }
  return t;
}

/**
 * Every assignment respecting allowed, maxSize and "each group empty or ≥ minSize",
 * passed to `visit(assignment, count)`.
 */
function enumerate(x: Instance, visit: (a: Int32Array, count: number) => void): void {
  const { s, allowed, minSize, maxSize } = x;
  const a = new Int32Array(s.rows).fill(-1);
  const size = new Int32Array(s.cols);
  const rec = (i: number, count: number): void => {
    if (i === s.rows) {
      for (let j = 0; j < s.cols; j++) if (size[j] > 0 && size[j] < minSize) return;
      visit(a, count);
      return;
    }
    const choices = [-1, ...Array.from({ length: s.cols }, (_, j) => j)];
    for (const j of choices) {
      if (j >= 0 && (allowed[i * s.cols + j] === 0 || size[j] >= maxSize[j])) continue;
      a[i] = j;
      if (j >= 0) size[j]++;
      rec(i + 1, count + (j >= 0 ? 1 : 0));
      if (j >= 0) size[j]--;
      a[i] = -1;
    }
  };
  rec(0, 0);
}

/** Brute-force optimum of (count, fit) lexicographically, or null when nothing is feasible. */
function bruteForceFit(x: Instance): { count: number; fit: number } | null {
  let best: { count: number; fit: number } | null = null;
  enumerate(x, (a, count) => {
    const fit = fitOf(x.s, a);
    if (best === null || count > best.count || (count === best.count && fit > best.fit)) best = { count, fit };
  });
  return best;
}

/** Best objective (fit + weight · cohesion) among feasible assignments placing exactly `count` rows. */
function bruteForceObjective(x: Instance, count: number): number {
  let best = -Infinity;
  enumerate(x, (a, c) => {
    if (c !== count) return;
    best = Math.max(best, fitOf(x.s, a) + x.weight * cohesionOf(a, x.s.cols, x.sim));
  });
  return best;
}

function optionsOf(x: Instance, withCohesion: boolean): GroupAssignmentOptions {
  return {
    minSize: x.minSize,
    maxSize: x.maxSize,
    ...(withCohesion ? { cohesion: { weight: x.weight, similarity: table(x.sim) } } : {}),
  };
}

/** Checks every hard rule of a solution and its fit total. */
function expectValid(x: Instance, r: ReturnType<typeof groupAssignment>): void {
  const { s, allowed, minSize, maxSize } = x;
  expect(r.assignment.length).toBe(s.rows);
  const size = new Array<number>(s.cols).fill(0);
  for (let i = 0; i < s.rows; i++) {
    const j = r.assignment[i];
    expect(j).toBeGreaterThanOrEqual(-1);
    expect(j).toBeLessThan(s.cols);
    if (j < 0) continue;
    expect(allowed[i * s.cols + j]).toBe(1);
    size[j]++;
  }
  for (let j = 0; j < s.cols; j++) {
    expect(size[j]).toBeLessThanOrEqual(maxSize[j]);
    if (size[j] > 0) expect(size[j]).toBeGreaterThanOrEqual(minSize);
  }
  for (const j of r.dissolved) expect(size[j]).toBe(0);
  expect(new Set(r.dissolved).size).toBe(r.dissolved.length);
  expect(r.fitTotal).toBeCloseTo(fitOf(s, r.assignment), 9);
}

/** No single move or swap (of the solver's neighbourhood) improves the objective by more than tol. */
function expectLocalOptimum(x: Instance, r: ReturnType<typeof groupAssignment>, dissolvedOrClosed: Set<number>): void {
  const { s, allowed, minSize, maxSize } = x;
  const objective = (a: Int32Array): number => fitOf(s, a) + x.weight * cohesionOf(a, s.cols, x.sim);
  const base = objective(r.assignment);
  const size = new Array<number>(s.cols).fill(0);
  for (const j of r.assignment) if (j >= 0) size[j]++;
  const tol = 1e-7;
  for (let i = 0; i < s.rows; i++) {
    const g = r.assignment[i];
    if (g >= 0 && size[g] - 1 >= minSize) {
      for (let h = 0; h < s.cols; h++) {
        if (h === g || dissolvedOrClosed.has(h) || size[h] >= maxSize[h] || size[h] + 1 < minSize || allowed[i * s.cols + h] === 0) continue;
        const a = r.assignment.slice();
        a[i] = h;
        expect(objective(a), `move ${i}: ${g} → ${h}`).toBeLessThanOrEqual(base + tol);
      }
    }
    for (let k = i + 1; k < s.rows; k++) {
      const ga = r.assignment[i];
      const gb = r.assignment[k];
      if (ga === gb) continue;
      if (ga >= 0 && allowed[k * s.cols + ga] === 0) continue;
      if (gb >= 0 && allowed[i * s.cols + gb] === 0) continue;
      const a = r.assignment.slice();
      a[i] = gb;
      a[k] = ga;
      expect(objective(a), `swap ${i} ↔ ${k}`).toBeLessThanOrEqual(base + tol);
    }
  }
}

/** Random small instance: rows ≤ 6, cols ≤ 3, maxSize ≤ 3, integer scores 0..9, some forbidden cells. */
function instanceArb(o: { minSize?: fc.Arbitrary<number> } = {}): fc.Arbitrary<Instance> {
  return fc
    .record({ rows: fc.integer({ min: 0, max: 6 }), cols: fc.integer({ min: 1, max: 3 }) })
    .chain(({ rows, cols }) =>
      fc.record({
        cells: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: rows * cols, maxLength: rows * cols }),
        allowed: fc.array(fc.integer({ min: 0, max: 4 }).map((x) => (x === 0 ? 0 : 1)), { minLength: rows * cols, maxLength: rows * cols }),
        maxSize: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: cols, maxLength: cols }),
        minSize: o.minSize ?? fc.constant(0),
        sim: fc.array(fc.integer({ min: 0, max: 4 }).map((x) => x / 4), { minLength: rows * rows, maxLength: rows * rows }),
        weight: fc.constantFrom(0.5, 1, 3, 10),
        rows: fc.constant(rows),
        cols: fc.constant(cols),
      }),
    )
    .map(({ cells, allowed, maxSize, minSize, sim, weight, rows, cols }) => {
      const al = Uint8Array.from(allowed);
      // The solver reads a forbidden pair as -Infinity; `allowed` is kept for the checks.
      const s: DenseMatrix = { rows, cols, data: Float64Array.from(cells, (v, k) => (al[k] === 1 ? v : -Infinity)) };
      const t: number[][] = Array.from({ length: rows }, (_, a) =>
        Array.from({ length: rows }, (_, b) => (a === b ? 1 : sim[Math.min(a, b) * rows + Math.max(a, b)])),
      );
      return { s, allowed: al, minSize, maxSize, sim: t, weight };
    });
}

// ---------------------------------------------------------------------------
// Hand-checked cases
// ---------------------------------------------------------------------------

describe('groupAssignment(scores, { minSize, maxSize }) without cohesion', () => {
  it('is the exact best-fit assignment within maxSize, around a forbidden pair (the @example)', () => {
    // mentee 3 may not join mentor 0; the best is {0,1} with mentor 0 and {2,3} with mentor 1.
    const s = scores([
      [0.9, 0.1],
      [0.8, 0.2],
      [0.7, 0.6],
      [0.5, 0.4],
    ]);
    const r = groupAssignment(forbid(s, mask([[1, 1], [1, 1], [1, 1], [0, 1]])), { minSize: 0, maxSize: 2 });
    expect(Array.from(r.assignment)).toEqual([0, 0, 1, 1]);
    expect(r.fitTotal).toBeCloseTo(2.7, 12);
    expect(r.objective).toBe(r.fitTotal);
    expect(r.cohesionTotal).toBe(0);
    expect(r.exact).toBe(true);
    expect(r.dissolved).toEqual([]);
    expect(r.swaps).toBe(0);
    expect(r.converged).toBe(true);
  });

  it('dissolves a group below minSize and re-solves (the @example): [0,0,0,1] → mentor 1 dissolved', () => {
    const s = scores([
      [0.9, 0.1],
      [0.8, 0.2],
      [0.7, 0.6],
      [0.5, 0.45],
    ]);
    // Unconstrained optimum: mentor 0 takes rows 0-2 (cap 3), mentor 1 row 3: a group of one.
    expect(Array.from(groupAssignment(s, { minSize: 0, maxSize: 3 }).assignment)).toEqual([0, 0, 0, 1]);
    const r = groupAssignment(s, { minSize: 3, maxSize: 3 });
    expect(r.dissolved).toEqual([1]);
    expect(Array.from(r.assignment)).toEqual([0, 0, 0, -1]);
    expect(r.fitTotal).toBeCloseTo(2.4, 12);
    expect(r.exact).toBe(false);
  });

  it('dissolves the smallest group first, ties broken by lowest fit', () => {
    // rows 0, 1 love mentor 0; row 2 likes mentor 1 (0.9), row 3 likes mentor 2 (0.8).
    const s = scores([
      [1, 0.2, 0.2],
      [1, 0.2, 0.2],
      [0.1, 0.9, 0.1],
      [0.1, 0.1, 0.8],
    ]);
    const r = groupAssignment(s, { minSize: 2, maxSize: 2 });
    // groups {2} (fit 0.9) and {3} (fit 0.8) are both too small: mentor 2's goes first,
    // after which row 3 joins mentor 1 and every group has 2 members.
    expect(r.dissolved).toEqual([2]);
    expect(Array.from(r.assignment)).toEqual([0, 0, 1, 1]);
    expect(r.fitTotal).toBeCloseTo(3, 12);
  });

  it('with dissolveBatch: 2 dissolves both small groups before re-solving (fewer re-solves, may over-dissolve)', () => {
    const s = scores([
      [1, 0.2, 0.2],
      [1, 0.2, 0.2],
      [0.1, 0.9, 0.1],
      [0.1, 0.1, 0.8],
    ]);
    const r = groupAssignment(s, { minSize: 2, maxSize: 2, dissolveBatch: 2 });
    expect(r.dissolved).toEqual([2, 1]);
    expect(Array.from(r.assignment)).toEqual([0, 0, -1, -1]);
  });

  it('dissolves the lowest column when size and fit tie', () => {
    const s = scores([
      [1, 0.2, 0.2],
      [1, 0.2, 0.2],
      [0.1, 0.9, 0.1],
      [0.1, 0.1, 0.9],
    ]);
    const r = groupAssignment(s, { minSize: 2, maxSize: 2 });
    expect(r.dissolved).toEqual([1]);
    expect(Array.from(r.assignment)).toEqual([0, 0, 2, 2]);
  });

  it('keeps dissolving until every non-empty group reaches minSize (possibly all)', () => {
    const s = scores([
      [1, 2],
      [3, 1],
    ]);
    const r = groupAssignment(s, { minSize: 3, maxSize: 5 });
    // [1, 0]: two groups of one; mentor 1's (fit 2) goes first, then both rows join
    // mentor 0: a group of two, still below 3, dissolved too.
    expect(r.dissolved).toEqual([1, 0]);
    expect(Array.from(r.assignment)).toEqual([-1, -1]);
    expect(r.fitTotal).toBe(0);
  });

  it('closes a column whose maxSize is below minSize from the start, without listing it as dissolved', () => {
    const s = scores([
      [9, 1],
      [9, 1],
      [9, 1],
    ]);
    const r = groupAssignment(s, { minSize: 2, maxSize: [1, 3] });
    expect(Array.from(r.assignment)).toEqual([1, 1, 1]);
    expect(r.dissolved).toEqual([]);
    expect(r.exact).toBe(true);
  });

  it('minSize 0 and 1 never dissolve; maxSize 0 everywhere leaves everyone out', () => {
    const s = scores([[1, 2]]);
    expect(Array.from(groupAssignment(s, { minSize: 1, maxSize: 1 }).assignment)).toEqual([1]);
    const r = groupAssignment(s, { minSize: 0, maxSize: 0 });
    expect(Array.from(r.assignment)).toEqual([-1]);
    expect(r.exact).toBe(true);
  });

  it('places as many mentees as possible first, even at a lower fit', () => {
    // row 0 could take mentor 0 (10) but then row 1 (only allowed with mentor 0) is out.
    const s = scores([
      [10, 1],
      [1, 0],
    ]);
    const r = groupAssignment(forbid(s, mask([[1, 1], [1, 0]])), { minSize: 0, maxSize: 1 });
    expect(Array.from(r.assignment)).toEqual([1, 0]);
    expect(r.fitTotal).toBe(2);
  });

  it('handles empty input: 0 rows, 0 columns', () => {
    const r0 = groupAssignment({ rows: 0, cols: 2, data: new Float64Array(0) }, { minSize: 1, maxSize: 2 });
    expect(Array.from(r0.assignment)).toEqual([]);
    expect(r0.objective).toBe(0);
    const r1 = groupAssignment({ rows: 2, cols: 0, data: new Float64Array(0) }, { minSize: 1, maxSize: [] });
    expect(Array.from(r1.assignment)).toEqual([-1, -1]);
    expect(r1.exact).toBe(true);
  });

  it('groupAssignment(number[][]), (Matrix), ({ rows, cols, data }) agree', () => {
    const rows = [
      [0.9, 0.1],
      [0.8, 0.2],
      [0.7, 0.6],
      [0.5, 0.4],
    ];
    rows[3][0] = -Infinity;
    const r = groupAssignment(scores(rows), { minSize: 0, maxSize: 2 });
    expect(groupAssignment(rows, { minSize: 0, maxSize: 2 })).toEqual(r);
    expect(groupAssignment(new Matrix(rows), { minSize: 0, maxSize: 2 })).toEqual(r);
  });

  it('treats a -Infinity score as forbidden', () => {
    const s = scores([[-Infinity, 1]]);
    expect(Array.from(groupAssignment(s, { minSize: 0, maxSize: 1 }).assignment)).toEqual([1]);
  });
});

describe('groupAssignment(scores, { cohesion })', () => {
  // Fit mixes the two alike pairs {0, 1} and {2, 3}; cohesion wants them together.
  const s = scores([
    [0.6, 0.5],
    [0.5, 0.6],
    [0.6, 0.5],
    [0.5, 0.6],
  ]);
  const sim = [
    [1, 1, 0, 0],
    [1, 1, 0, 0],
    [0, 0, 1, 1],
    [0, 0, 1, 1],
  ];

  it('swaps mentees to group alike ones when the cohesion weight is worth the fit lost', () => {
    const r = groupAssignment(s, { minSize: 0, maxSize: 2, cohesion: { weight: 1, similarity: table(sim) } });
    // exact start [0, 1, 0, 1]: fit 2.4, cohesion 0. Swap 0 ↔ 3: fit 2.2, cohesion 2 → 4.2.
    expect(Array.from(r.assignment)).toEqual([1, 1, 0, 0]);
    expect(r.fitTotal).toBeCloseTo(2.2, 12);
    expect(r.cohesionTotal).toBeCloseTo(2, 12);
    expect(r.objective).toBeCloseTo(4.2, 12);
    expect(r.swaps).toBe(1);
    expect(r.exact).toBe(false);
    expect(r.converged).toBe(true);
  });

  it('keeps the exact assignment when the weight is too small to pay for the fit lost', () => {
    const r = groupAssignment(s, { minSize: 0, maxSize: 2, cohesion: { weight: 0.05, similarity: table(sim) } });
    expect(Array.from(r.assignment)).toEqual([0, 1, 0, 1]);
    expect(r.cohesionTotal).toBe(0);
    expect(r.objective).toBeCloseTo(2.4, 12);
    expect(r.swaps).toBe(0);
  });

  it('with weight 0 reports cohesion but does not search, and is exact', () => {
    const r = groupAssignment(s, { minSize: 0, maxSize: 2, cohesion: { weight: 0, similarity: table(sim) } });
    expect(Array.from(r.assignment)).toEqual([0, 1, 0, 1]);
    expect(r.exact).toBe(true);
    expect(r.objective).toBeCloseTo(2.4, 12);
  });

  it('moves a mentee to a group with room when that raises the objective', () => {
    // 3 mentees, mentors with room for 3 each; fit puts row 2 with mentor 1, cohesion wants all three together.
    const s3 = scores([
      [1, 0],
      [1, 0],
      [0.9, 1],
    ]);
    const r = groupAssignment(s3, {
      minSize: 0,
      maxSize: 3,
      cohesion: { weight: 1, similarity: () => 1 },
    });
    // start [0, 0, 1]: 3 + (1 + 0) = 4; move 2 → 0: 2.9 + 1 = 3.9 < 4: stays.
    expect(Array.from(r.assignment)).toEqual([0, 0, 1]);
    const r2 = groupAssignment(s3, { minSize: 0, maxSize: 3, cohesion: { weight: 1, similarity: (a, b) => (a + b === 1 ? 0 : 1) } });
    // similarity: {0,1} = 0, {0,2} = {1,2} = 1. Start [0, 0, 1]: fit 3, cohesion 0.
    // move 2 → 0: fit 2.9, group {0,1,2} mean (0+1+1)/3 = 2/3 → 3.567 > 3: moved.
    expect(Array.from(r2.assignment)).toEqual([0, 0, 0]);
    expect(r2.objective).toBeCloseTo(2.9 + 2 / 3, 12);
    expect(r2.swaps).toBe(1);
  });

  it('may swap a placed mentee with an unplaced one (the number placed never changes)', () => {
    // two seats; fit places rows 0 and 2, but row 1 is alike row 2: 1.15 + 0 < 1.05 + 1.
    const s3 = scores([[0.6], [0.5], [0.55]]);
    const r = groupAssignment(s3, {
      minSize: 0,
      maxSize: 2,
      cohesion: { weight: 1, similarity: (a, b) => (a === 1 && b === 2 ? 1 : 0) },
    });
    expect(Array.from(r.assignment)).toEqual([-1, 0, 0]);
    expect(r.swaps).toBe(1);
    expect(r.converged).toBe(true);
  });

  it('stops on the work budget with converged: false and a valid answer', () => {
    const r = groupAssignment(s, { minSize: 0, maxSize: 2, maxWork: 0, cohesion: { weight: 1, similarity: table(sim) } });
    expect(r.converged).toBe(false);
    expect(Array.from(r.assignment)).toEqual([0, 1, 0, 1]);
  });

  it('calls similarity with the smaller row first', () => {
    const seen: [number, number][] = [];
    groupAssignment(s, {
      minSize: 0,
      maxSize: 2,
      cohesion: {
        weight: 1,
        similarity: (a, b) => {
          seen.push([a, b]);
          return sim[a][b];
        },
      },
    });
    expect(seen.length).toBeGreaterThan(0);
    for (const [a, b] of seen) expect(a).toBeLessThan(b);
  });
});

describe('groupAssignment rejects invalid input with INVALID_INPUT', () => {
  const s = scores([
    [1, 2],
    [3, 4],
  ]);
  it.each<[string, () => unknown]>([
    ['data length', () => groupAssignment({ rows: 2, cols: 2, data: new Float64Array(3) }, { minSize: 0, maxSize: 1 })],
    ['NaN score', () => groupAssignment(scores([[NaN, 1]]), { minSize: 0, maxSize: 1 })],
    ['+Infinity score', () => groupAssignment(scores([[Infinity, 1]]), { minSize: 0, maxSize: 1 })],
    ['negative minSize', () => groupAssignment(s, { minSize: -1, maxSize: 1 })],
    ['fractional maxSize', () => groupAssignment(s, { minSize: 0, maxSize: 1.5 })],
    ['maxSize of the wrong length', () => groupAssignment(s, { minSize: 0, maxSize: [1] })],
    ['negative cohesion weight', () => groupAssignment(s, { minSize: 0, maxSize: 1, cohesion: { weight: -1, similarity: () => 0 } })],
    ['similarity above 1', () => groupAssignment(s, { minSize: 0, maxSize: 2, cohesion: { weight: 1, similarity: () => 2 } })],
    ['similarity NaN', () => groupAssignment(s, { minSize: 0, maxSize: 2, cohesion: { weight: 1, similarity: () => NaN } })],
    ['dissolveBatch 0', () => groupAssignment(s, { minSize: 0, maxSize: 1, dissolveBatch: 0 })],
    ['no options', () => groupAssignment(s, undefined as never)],
    ['a ragged matrix', () => groupAssignment([[1, 2], [3]], { minSize: 0, maxSize: 1 })],
    ['maxWork negative', () => groupAssignment(s, { minSize: 0, maxSize: 1, maxWork: -1 })],
  ])('%s', (_, f) => {
    expectMatchError(f, 'INVALID_INPUT');
  });
});

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

describe('groupAssignment properties', () => {
  it('cohesion off, minSize 0: count and fit equal the brute-force optimum', () => {
    fc.assert(
      fc.property(instanceArb(), (x) => {
        const r = groupAssignment(x.s, optionsOf(x, false));
        expectValid(x, r);
        const m = { ...x.s, data: x.s.data.map((v, k) => (x.allowed[k] === 1 ? v : -Infinity)) };
        const bf = bruteForceCapacitated(m, x.maxSize, true);
        expect(r.assignment.filter((j) => j >= 0).length).toBe(bf.assignedCount);
        expect(r.fitTotal).toBeCloseTo(bf.total, 9);
        expect(r.exact).toBe(true);
        expect(r.dissolved).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('never breaks a size limit or a forbidden pair (any minSize, batch, cohesion on or off)', () => {
    fc.assert(
      fc.property(instanceArb({ minSize: fc.integer({ min: 0, max: 3 }) }), fc.boolean(), fc.integer({ min: 1, max: 3 }), (x, withCohesion, dissolveBatch) => {
        const r = groupAssignment(x.s, { ...optionsOf(x, withCohesion), dissolveBatch });
        expectValid(x, r);
        if (withCohesion) {
          expect(r.cohesionTotal).toBeCloseTo(cohesionOf(r.assignment, x.s.cols, x.sim), 9);
          expect(r.objective).toBeCloseTo(r.fitTotal + x.weight * r.cohesionTotal, 9);
        } else {
          expect(r.cohesionTotal).toBe(0);
          expect(r.objective).toBe(r.fitTotal);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('exact: true means optimal for the "empty or ≥ minSize" problem (brute force)', () => {
    fc.assert(
      fc.property(instanceArb({ minSize: fc.integer({ min: 0, max: 3 }) }), (x) => {
        const r = groupAssignment(x.s, optionsOf(x, false));
        if (!r.exact) return;
        const bf = bruteForceFit(x);
        expect(bf).not.toBeNull();
        expect(r.assignment.filter((j) => j >= 0).length).toBe(bf!.count);
        expect(r.fitTotal).toBeCloseTo(bf!.fit, 9);
      }),
      { numRuns: 300 },
    );
  });

  it('the dissolve heuristic places no more than the brute-force optimum and leaves a feasible answer', () => {
    fc.assert(
      fc.property(instanceArb({ minSize: fc.integer({ min: 2, max: 3 }) }), (x) => {
        const r = groupAssignment(x.s, optionsOf(x, false));
        expectValid(x, r);
        const bf = bruteForceFit(x)!;
        const count = r.assignment.filter((j) => j >= 0).length;
        expect(count).toBeLessThanOrEqual(bf.count);
        if (count === bf.count) expect(r.fitTotal).toBeLessThanOrEqual(bf.fit + 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it('local search never lowers the objective of its exact start, keeps the count, and ends at a local optimum', () => {
    fc.assert(
      fc.property(instanceArb({ minSize: fc.integer({ min: 0, max: 2 }) }), (x) => {
        const start = groupAssignment(x.s, optionsOf(x, false));
        const startObjective = start.fitTotal + x.weight * cohesionOf(start.assignment, x.s.cols, x.sim);
        const r = groupAssignment(x.s, optionsOf(x, true));
        expect(r.objective).toBeGreaterThanOrEqual(startObjective - 1e-9);
        expect(r.dissolved).toEqual(start.dissolved);
        const count = r.assignment.filter((j) => j >= 0).length;
        expect(count).toBe(start.assignment.filter((j) => j >= 0).length);
        if (r.swaps === 0) expect(Array.from(r.assignment)).toEqual(Array.from(start.assignment));
        expect(r.converged).toBe(true);
        const closed = new Set<number>(r.dissolved);
        for (let j = 0; j < x.s.cols; j++) if (x.maxSize[j] < x.minSize) closed.add(j);
        expectLocalOptimum(x, r, closed);
        // and never above the brute-force optimum with the same number placed
        expect(r.objective).toBeLessThanOrEqual(bruteForceObjective(x, count) + 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic: the same input gives the same output', () => {
    fc.assert(
      fc.property(instanceArb({ minSize: fc.integer({ min: 0, max: 3 }) }), fc.boolean(), (x, withCohesion) => {
        const a = groupAssignment(x.s, optionsOf(x, withCohesion));
        const b = groupAssignment(x.s, optionsOf(x, withCohesion));
        expect(b).toEqual(a);
      }),
      { numRuns: 100 },
    );
  });

  it('never writes its input: the scores are unchanged', () => {
    fc.assert(
      fc.property(instanceArb({ minSize: fc.integer({ min: 0, max: 3 }) }), (x) => {
        const data = x.s.data.slice();
        groupAssignment(x.s, optionsOf(x, true));
        expect(x.s.data).toEqual(data);
      }),
      { numRuns: 100 },
    );
  });
});

describe('groupAssignment at a moderate size', () => {
  it('200 mentees × 40 mentors with cohesion: valid, converged or capped, objective ≥ exact start', () => {
    let seed = 12345;
    const rnd = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const rows = 200;
    const cols = 40;
    const fit = Float64Array.from({ length: rows * cols }, () => Math.round(rnd() * 100) / 100);
    const allowed = Uint8Array.from({ length: rows * cols }, () => (rnd() < 0.1 ? 0 : 1));
    const s = forbid({ rows, cols, data: fit }, allowed);
    const tag = Int32Array.from({ length: rows }, () => Math.floor(rnd() * 5));
    const similarity = (a: number, b: number): number => (tag[a] === tag[b] ? 1 : 0);
    const start = groupAssignment(s, { minSize: 3, maxSize: 6 });
    const r = groupAssignment(s, { minSize: 3, maxSize: 6, cohesion: { weight: 1, similarity } });
    const sim = Array.from({ length: rows }, (_, a) => Array.from({ length: rows }, (_, b) => similarity(a, b)));
    expect(r.objective).toBeGreaterThanOrEqual(start.fitTotal + cohesionOf(start.assignment, cols, sim) - 1e-9);
    expect(r.swaps).toBeGreaterThan(0);
    const x: Instance = { s, allowed, minSize: 3, maxSize: new Array<number>(cols).fill(6), sim, weight: 1 };
    expectValid(x, r);
  });
});
