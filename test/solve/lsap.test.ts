/**
 * linearSumAssignment: the scipy contract, read as a specification.
 *
 * One table of small cases is run minimised, maximised (negated) and transposed; then
 * the edge cases (empty, 1×1, constant, negative, huge, ties, rectangular, the three
 * input shapes, immutability, every error); then property tests against oracles:
 * brute force for n ≤ 7, munkres-js for n ≤ 40 and the algebraic identities.
 *
 * The solver switches to candidate lists above 8 columns, so the properties draw many
 * matrices with 9–40 columns (and rows, for the transposed path).
 *
 * A fast-check failure prints its seed and path: pin it by adding the counterexample
 * to the tables below.
 */
import fc from 'fast-check';
import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';

import { InfeasibleError, InvalidInputError, MatchError, isMatchError } from '../../src/errors.js';
import { linearSumAssignment } from '../../src/solve/lsap.js';
import type { DenseMatrix } from '../../src/solve/types.js';
import { expectMatchError, resultOrInfeasible } from '../_helpers/expect-error.js';
import {
  at,
  bruteForceLsap,
  cloneDense,
  expectTotal,
  expectValidAssignment,
  floatCell,
  fromRows,
  intOrForbiddenCell,
  mapDense,
  matrixArb,
  munkresLsap,
  negateDense,
  randomMatrix,
  structuredMatrixArb,
  tieCell,
  tolerance,
  toRows,
  transposeDense,
} from '../_helpers/oracles.js';

const INF = Infinity;

/** Solves and returns the total, or 'INFEASIBLE'. */
function totalOrInfeasible(m: DenseMatrix, maximize = false): number | 'INFEASIBLE' {
  const r = resultOrInfeasible(() => linearSumAssignment(m, { maximize }));
  if (r === 'INFEASIBLE') return r;
  expectValidAssignment(m, r, maximize);
  return r.total;
}

function pairs(r: { rowIndices: Int32Array; colIndices: Int32Array }): [number, number][] {
  return Array.from(r.rowIndices, (i, t) => [i, r.colIndices[t]]);
}

// ---------------------------------------------------------------------------
// One table: minimised, maximised, transposed
// ---------------------------------------------------------------------------

interface TableCase {
  readonly name: string;
  readonly cost: number[][];
  readonly total: number;
  /** The unique optimal pairs, when the optimum is unique. */
  readonly pairs?: [number, number][];
}

const TABLE: TableCase[] = [
  { name: '1×1', cost: [[5]], total: 5, pairs: [[0, 0]] },
  { name: '1×1 negative', cost: [[-2.5]], total: -2.5, pairs: [[0, 0]] },
  { name: 'the TSDoc example', cost: [[4, 1, 3], [2, 0, 5], [3, 2, 2]], total: 5, pairs: [[0, 1], [1, 0], [2, 2]] },
  { name: 'a constant 4×4 matrix', cost: Array.from({ length: 4 }, () => [7, 7, 7, 7]), total: 28 },
  { name: 'negative costs', cost: [[-1, -5], [-3, -2]], total: -8, pairs: [[0, 1], [1, 0]] },
  { name: 'mixed signs', cost: [[0, -1, 2], [-3, 4, 1], [1, 1, -2]], total: -6, pairs: [[0, 1], [1, 0], [2, 2]] },
  { name: 'the anti-diagonal optimum', cost: [[9, 9, 1], [9, 1, 9], [1, 9, 9]], total: 3, pairs: [[0, 2], [1, 1], [2, 0]] },
  { name: 'a wide 2×3 matrix', cost: [[1, 2, 3], [3, 2, 1]], total: 2, pairs: [[0, 0], [1, 2]] },
  { name: 'a tall 3×2 matrix', cost: [[1, 3], [2, 2], [3, 1]], total: 2, pairs: [[0, 0], [2, 1]] },
  { name: 'a 1×4 row', cost: [[4, 2, 8, 3]], total: 2, pairs: [[0, 1]] },
  { name: 'a 4×1 column', cost: [[4], [2], [8], [3]], total: 2, pairs: [[1, 0]] },
  { name: 'forbidden cells forcing a costly choice', cost: [[1, INF], [2, 100]], total: 101, pairs: [[0, 0], [1, 1]] },
  { name: 'a permutation matrix of allowed cells', cost: [[INF, 3, INF], [INF, INF, 4], [5, INF, INF]], total: 12, pairs: [[0, 1], [1, 2], [2, 0]] },
  { name: 'a wide matrix with a forbidden column', cost: [[INF, 5, 6], [INF, 7, 1]], total: 6, pairs: [[0, 1], [1, 2]] },
  { name: 'a tall matrix with an all-forbidden row', cost: [[INF, INF], [3, 4], [1, 9]], total: 5, pairs: [[1, 1], [2, 0]] },
  { name: 'greedy-trap 3×3', cost: [[1, 2, 100], [2, 100, 100], [100, 100, 1]], total: 5, pairs: [[0, 1], [1, 0], [2, 2]] },
  { name: 'fractions', cost: [[0.1, 0.2], [0.2, 0.1]], total: 0.2, pairs: [[0, 0], [1, 1]] },
];

describe('linearSumAssignment(cost): table of small cases', () => {
  for (const c of TABLE) it(`linearSumAssignment(${c.name}) returns the optimum ${c.total}`, () => {
    const m = fromRows(c.cost);
    const r = linearSumAssignment(c.cost);
    expectValidAssignment(m, r);
    expectTotal(r.total, c.total, 1e-12);
    if (c.pairs) expect(pairs(r)).toEqual(c.pairs);
    // The brute-force oracle agrees with the table (so the table itself is checked).
    expectTotal(bruteForceLsap(m).total as number, c.total, 1e-12);
  });

  for (const c of TABLE) it(`linearSumAssignment(-(${c.name}), { maximize: true }) returns ${-c.total}`, () => {
    const m = negateDense(fromRows(c.cost));
    const r = linearSumAssignment(m, { maximize: true });
    expectValidAssignment(m, r, true);
    expectTotal(r.total, -c.total, 1e-12);
    if (c.pairs) expect(pairs(r)).toEqual(c.pairs);
  });

  for (const c of TABLE) it(`linearSumAssignment(transpose of ${c.name}) returns the same optimum ${c.total}`, () => {
    const m = transposeDense(fromRows(c.cost));
    const r = linearSumAssignment(m);
    expectValidAssignment(m, r);
    expectTotal(r.total, c.total, 1e-12);
    if (c.pairs) {
      const swapped = c.pairs.map(([i, j]) => [j, i] as [number, number]).sort((p, q) => p[0] - q[0]);
      expect(pairs(r)).toEqual(swapped);
    }
  });
});

// ---------------------------------------------------------------------------
// Edge cases
// ---------------------------------------------------------------------------

describe('linearSumAssignment(cost): empty and degenerate input', () => {
  const empties: [string, () => Parameters<typeof linearSumAssignment>[0]][] = [
    ['[] (0×0)', () => []],
    ['{ rows: 0, cols: 3 }', () => ({ rows: 0, cols: 3, data: new Float64Array(0) })],
    ['[[], [], []] (3×0)', () => [[], [], []]],
    ['{ rows: 3, cols: 0 }', () => ({ rows: 3, cols: 0, data: new Float64Array(0) })],
    ['new Matrix(0, 3)', () => new Matrix(0, 3)],
    ['new Matrix(3, 0)', () => new Matrix(3, 0)],
  ];

  it.each(empties)('linearSumAssignment(%s) returns empty Int32Arrays and a total of 0', (_, make) => {
    for (const maximize of [false, true]) {
      const r = linearSumAssignment(make(), { maximize });
      expect(r.rowIndices).toBeInstanceOf(Int32Array);
      expect(r.colIndices).toBeInstanceOf(Int32Array);
      expect(r.rowIndices.length).toBe(0);
      expect(r.colIndices.length).toBe(0);
      expect(r.total).toBe(0);
    }
  });

  it('linearSumAssignment(cost) defaults to minimising when options are omitted or {}', () => {
    const cost = [[1, 9], [9, 1]];
    expect(linearSumAssignment(cost).total).toBe(2);
    expect(linearSumAssignment(cost, {}).total).toBe(2);
    expect(linearSumAssignment(cost, { maximize: false }).total).toBe(2);
    expect(linearSumAssignment(cost, { maximize: true }).total).toBe(18);
  });

  it('linearSumAssignment([[x]]) returns x for 0, -0, tiny and huge x (|x| ≤ 1e300)', () => {
    for (const x of [0, -0, 5e-324, -1e300, 1e300, Number.MAX_SAFE_INTEGER]) {
      const r = linearSumAssignment([[x]]);
      expect(Array.from(r.colIndices)).toEqual([0]);
      expect(r.total === x).toBe(true);
    }
  });

  it('linearSumAssignment(constant n×n) returns n·c for n up to 50 (fast path included)', () => {
    for (const n of [2, 7, 8, 9, 10, 17, 50]) {
      for (const c of [0, 3, -2.5]) {
        const m = mapDense(randomMatrix(n, n, { seed: n }), () => c);
        const r = linearSumAssignment(m);
        expectValidAssignment(m, r);
        expect(r.total).toBe(n * c);
      }
    }
  });

  it('linearSumAssignment(cost) is deterministic: the same input gives the same assignment', () => {
    for (const seed of [1, 2, 3]) {
      const m = randomMatrix(30, 45, { seed, integer: true, max: 3 });
      const a = linearSumAssignment(m);
      const b = linearSumAssignment(cloneDense(m));
      expect(pairs(a)).toEqual(pairs(b));
      expect(a.total).toBe(b.total);
    }
  });
});

describe('linearSumAssignment(cost): huge magnitudes', () => {
  it('linearSumAssignment(1e9 + x) equals brute force exactly for integer x (n ≤ 7)', () => {
    fc.assert(
      fc.property(matrixArb({ minRows: 1, maxRows: 7, minCols: 1, maxCols: 7, cell: fc.integer({ min: 0, max: 50 }) }), (m0) => {
        const m = mapDense(m0, (x) => 1e9 + x);
        const r = linearSumAssignment(m);
        expectValidAssignment(m, r);
        expect(r.total).toBe(bruteForceLsap(m).total);
      }),
      { numRuns: 150 },
    );
  });

  it('linearSumAssignment(±1e12 + x) agrees with brute force on mixed huge signs, and on 9–12 columns', () => {
    fc.assert(
      fc.property(
        matrixArb({ minRows: 1, maxRows: 3, minCols: 9, maxCols: 12, cell: fc.integer({ min: -20, max: 20 }) }),
        fc.boolean(),
        (m0, tall) => {
          const base = tall ? transposeDense(m0) : m0;
          const m = mapDense(base, (x, i) => (i % 2 === 0 ? 1e12 : -1e12) + x);
          const r = linearSumAssignment(m);
          expectValidAssignment(m, r);
          expect(r.total).toBe(bruteForceLsap(m).total);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('linearSumAssignment(1e9 + u) with fractional u in [0, 1) finds the brute-force optimum (within 1e-5)', () => {
    fc.assert(
      fc.property(
        matrixArb({ minRows: 1, maxRows: 6, minCols: 1, maxCols: 6, cell: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }) }),
        (m0) => {
          const m = mapDense(m0, (x) => 1e9 + x);
          const r = linearSumAssignment(m);
          expectValidAssignment(m, r);
          expectTotal(r.total, bruteForceLsap(m).total as number, 1e-5);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('linearSumAssignment(cost): ties', () => {
  it('linearSumAssignment(cost) with many ties returns a valid optimum (brute force counts several)', () => {
    const cost = [
      [1, 1, 2, 2],
      [1, 1, 2, 2],
      [2, 2, 1, 1],
      [2, 2, 1, 1],
    ];
    const m = fromRows(cost);
    const brute = bruteForceLsap(m);
    expect(brute.optimalCount).toBe(4);
    const r = linearSumAssignment(cost);
    expectValidAssignment(m, r);
    expect(r.total).toBe(4);
  });

  it('linearSumAssignment(0/1 matrix with ties, 9–40 columns) equals munkres-js', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rows = 9 + (seed % 32);
      const cols = rows + (seed % 5);
      const m = randomMatrix(rows, cols, { seed, integer: true, min: 0, max: 1 });
      const r = linearSumAssignment(m);
      expectValidAssignment(m, r);
      expect(r.total).toBe(munkresLsap(m).total);
    }
  });
});

describe('linearSumAssignment(cost): rectangular input', () => {
  it('linearSumAssignment(wide) assigns every row, in ascending order', () => {
    const cost = [
      [5, 9, 1, 7],
      [8, 2, 6, 3],
    ];
    const r = linearSumAssignment(cost);
    expect(pairs(r)).toEqual([[0, 2], [1, 1]]);
    expect(r.total).toBe(3);
  });

  it('linearSumAssignment(tall) assigns every column, rows ascending and some rows left out', () => {
    const cost = [
      [5, 8],
      [9, 2],
      [1, 6],
      [7, 3],
    ];
    const r = linearSumAssignment(cost);
    expect(pairs(r)).toEqual([[1, 1], [2, 0]]);
    expect(r.total).toBe(3);
  });

  it('linearSumAssignment(tall, { maximize: true }) assigns every column to its best rows', () => {
    const r = linearSumAssignment(
      [
        [5, 8],
        [9, 2],
        [1, 6],
        [7, 3],
      ],
      { maximize: true },
    );
    expect(pairs(r)).toEqual([[0, 1], [1, 0]]);
    expect(r.total).toBe(17);
  });

  it('linearSumAssignment(n × m) equals munkres-js on seeded 1×50, 50×1, 60×150 and 150×60 matrices', () => {
    const shapes: [number, number][] = [[1, 50], [50, 1], [60, 150], [150, 60], [100, 100], [7, 120], [120, 7]];
    shapes.forEach(([rows, cols], k) => {
      for (const integer of [true, false]) {
        const m = randomMatrix(rows, cols, { seed: 100 + k, integer, max: integer ? 20 : 1 });
        const r = linearSumAssignment(m);
        expectValidAssignment(m, r);
        expectTotal(r.total, munkresLsap(m).total, tolerance(m));
      }
    });
  });
});

describe('linearSumAssignment(cost): input shapes', () => {
  const cost = [
    [3, 8, 1, 6, 2, 9, 4, 4, 7, 5, 1],
    [5, 2, 7, 3, 3, 1, 8, 6, 2, 9, 4],
    [INF, 4, 6, 2, 8, 5, 3, 1, 9, 7, 6],
    [2, 6, 3, 9, 1, 4, 7, 8, 5, 3, INF],
  ];
  const asDense = (c: number[][]): DenseMatrix => fromRows(c);

  it('linearSumAssignment(number[][]), (Matrix), ({ rows, cols, data }) and (Float64Array[]) agree', () => {
    for (const c of [cost, toRows(transposeDense(fromRows(cost)))]) {
      const a = linearSumAssignment(c);
      const b = linearSumAssignment(new Matrix(c));
      const d = linearSumAssignment(asDense(c));
      const f = linearSumAssignment(c.map((r) => Float64Array.from(r)));
      for (const x of [b, d, f]) {
        expect(pairs(x)).toEqual(pairs(a));
        expect(x.total).toBe(a.total);
      }
      expectValidAssignment(asDense(c), a);
    }
  });

  it('linearSumAssignment(Matrix, { maximize: true }) and ({ rows, cols, data }, { maximize: true }) agree with number[][]', () => {
    const c = cost.map((r) => r.map((x) => (x === INF ? -INF : x)));
    const a = linearSumAssignment(c, { maximize: true });
    const b = linearSumAssignment(new Matrix(c), { maximize: true });
    const d = linearSumAssignment(asDense(c), { maximize: true });
    expect(pairs(b)).toEqual(pairs(a));
    expect(pairs(d)).toEqual(pairs(a));
    expect(b.total).toBe(a.total);
    expect(d.total).toBe(a.total);
  });
});

describe('linearSumAssignment(cost): never mutates its input', () => {
  const shapes: [string, number[][]][] = [
    ['square with forbidden cells', [[1, INF, 3], [4, 5, INF], [7, 8, 9]]],
    ['wide', [[4, 1, 3, 0, 2], [2, 0, 5, 1, 1]]],
    ['tall', [[4, 1], [3, 0], [2, 2], [0, 5], [1, 1]]],
    ['12×12 (fast path)', toRows(randomMatrix(12, 12, { seed: 7, forbidden: 0.1 }))],
    ['10×14 (fast path, wide)', toRows(randomMatrix(10, 14, { seed: 8, integer: true, max: 3 }))],
    ['14×10 (fast path, tall)', toRows(randomMatrix(14, 10, { seed: 9, integer: true, max: 3 }))],
  ];
  const variants = shapes.flatMap(([name, c]) => [
    { name, c, maximize: false },
    { name: `${name}, negated`, c: c.map((r) => r.map((x) => -x)), maximize: true },
  ]);

  it.each(variants)('linearSumAssignment(number[][] $name, { maximize: $maximize }) leaves the arrays untouched', ({ c, maximize }) => {
    const input = c.map((r) => r.slice());
    const rowRefs = input.slice();
    linearSumAssignment(input, { maximize });
    expect(input).toEqual(c);
    input.forEach((r, i) => expect(r).toBe(rowRefs[i]));
  });

  it.each(variants)('linearSumAssignment(Matrix $name, { maximize: $maximize }) leaves the Matrix untouched', ({ c, maximize }) => {
    const input = new Matrix(c);
    linearSumAssignment(input, { maximize });
    expect(input.to2DArray()).toEqual(c);
  });

  it.each(variants)('linearSumAssignment({ rows, cols, data } $name, { maximize: $maximize }) leaves the Float64Array untouched', ({ c, maximize }) => {
    const input = fromRows(c);
    const before = Float64Array.from(input.data);
    const data = input.data;
    linearSumAssignment(input, { maximize });
    expect(input.data).toBe(data);
    expect(input.rows).toBe(c.length);
    expect(Array.from(input.data)).toEqual(Array.from(before));
  });

  it('linearSumAssignment(cost) leaves its input untouched when it throws INFEASIBLE', () => {
    const c = [[INF, 1], [INF, 2]];
    const input = fromRows(c);
    expectMatchError(() => linearSumAssignment(input), 'INFEASIBLE');
    expect(Array.from(input.data)).toEqual([INF, 1, INF, 2]);
    const neg = fromRows(c.map((r) => r.map((x) => -x)));
    expectMatchError(() => linearSumAssignment(neg, { maximize: true }), 'INFEASIBLE');
    expect(Array.from(neg.data)).toEqual([-INF, -1, -INF, -2]);
  });
});

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

describe('linearSumAssignment(cost): invalid input throws INVALID_INPUT', () => {
  const invalid: [string, () => unknown][] = [
    ['a ragged number[][]', () => linearSumAssignment([[1, 2], [3]])],
    ['a ragged number[][] whose later row is longer', () => linearSumAssignment([[1, 2], [3, 4, 5]])],
    ['NaN when minimising', () => linearSumAssignment([[1, NaN], [3, 4]])],
    ['NaN when maximising', () => linearSumAssignment([[1, 2], [NaN, 4]], { maximize: true })],
    ['NaN in a forbidden-heavy matrix', () => linearSumAssignment([[INF, INF], [INF, NaN]])],
    ['-Infinity when minimising', () => linearSumAssignment([[1, -INF], [3, 4]])],
    ['+Infinity when maximising', () => linearSumAssignment([[1, INF], [3, 4]], { maximize: true })],
    ['NaN in a 3×0-adjacent wide matrix', () => linearSumAssignment([[NaN, 1, 2]])],
    ['NaN in an ml-matrix Matrix', () => linearSumAssignment(new Matrix([[1, NaN], [3, 4]]))],
    ['-Infinity in a dense { rows, cols, data }', () => linearSumAssignment({ rows: 1, cols: 2, data: new Float64Array([1, -INF]) })],
    ['data.length ≠ rows·cols', () => linearSumAssignment({ rows: 2, cols: 2, data: new Float64Array(3) })],
    ['negative rows', () => linearSumAssignment({ rows: -1, cols: 0, data: new Float64Array(0) })],
    ['fractional cols', () => linearSumAssignment({ rows: 2, cols: 1.5, data: new Float64Array(3) })],
    ['a string cell', () => linearSumAssignment([[1, '2' as unknown as number]])],
    ['a null row', () => linearSumAssignment([[1, 2], null as unknown as number[]])],
    ['null', () => linearSumAssignment(null as unknown as number[][])],
    ['a number', () => linearSumAssignment(42 as unknown as number[][])],
  ];

  it.each(invalid)('linearSumAssignment(%s) throws InvalidInputError (INVALID_INPUT)', (_, f) => {
    const e = expectMatchError(f, 'INVALID_INPUT');
    expect(e).toBeInstanceOf(InvalidInputError);
    expect(e).toBeInstanceOf(MatchError);
    expect(isMatchError(e)).toBe(true);
  });

  it('linearSumAssignment(cost with bad cells anywhere: square, wide, tall, ± forbidden cells, maximize) throws INVALID_INPUT naming the first bad cell', () => {
    // The value check runs inside the solver, row by row as rows are first read: it must
    // still catch every bad cell before any result or INFEASIBLE, and name the first one.
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 12 }),
        fc.boolean(),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(NaN, INF, -INF, 2e300, -2e300)), { minLength: 1, maxLength: 3 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (rows, cols, maximize, bad, forbidden, seed) => {
          const n = rows * cols;
          const data = new Float64Array(n);
          let s = seed;
          for (let k = 0; k < n; k++) {
            s = (Math.imul(s, 1103515245) + 12345) >>> 0;
            data[k] = (s >>> 8) % 50;
          }
          const allowed = maximize ? -INF : INF;
          for (const k of forbidden) data[k % n] = allowed;
          let first = n;
          for (const [k, x] of bad) {
            if (x === allowed) continue; // the forbidden infinity is not bad
            data[k % n] = x;
            first = Math.min(first, k % n);
          }
          if (first === n) return;
          const e = expectMatchError(() => linearSumAssignment({ rows, cols, data }, { maximize }), 'INVALID_INPUT');
          expect(e.message).toContain(`cost[${Math.floor(first / cols)}][${first % cols}]`);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('linearSumAssignment(cost) reports the wrong-infinity cell even when the matrix is otherwise infeasible', () => {
    // Validation comes before solving: INVALID_INPUT wins over INFEASIBLE.
    expectMatchError(() => linearSumAssignment([[INF, -INF], [INF, 1]]), 'INVALID_INPUT');
  });
});

describe('linearSumAssignment(cost): no complete assignment throws INFEASIBLE', () => {
  const infeasible: [string, number[][], boolean][] = [
    ['1×1 forbidden', [[INF]], false],
    ['a row all forbidden (square)', [[1, 2, 3], [INF, INF, INF], [4, 5, 6]], false],
    ['a column all forbidden (square)', [[1, INF, 3], [4, INF, 6], [7, INF, 9]], false],
    ['a Hall violation: rows 1 and 2 share one column', [[1, 2, 3], [INF, 5, INF], [INF, 6, INF]], false],
    ['a Hall violation: three rows, two columns allowed', [[1, 2, INF, INF], [3, 4, INF, INF], [5, 6, INF, INF], [7, 8, 9, 1]], false],
    ['a wide matrix whose rows share a single column', [[1, INF, INF], [2, INF, INF]], false],
    ['a wide matrix with an all-forbidden row', [[INF, INF, INF], [1, 2, 3]], false],
    ['a tall matrix with an all-forbidden column', [[1, INF], [2, INF], [3, INF]], false],
    ['a tall matrix whose columns share a single row', [[1, 2], [INF, INF], [INF, INF]], false],
    ['all forbidden', [[INF, INF], [INF, INF]], false],
    ['a row all -Infinity when maximising', [[1, 2], [-INF, -INF]], true],
    ['a Hall violation when maximising', [[-INF, 1, -INF], [-INF, 2, -INF], [3, 4, 5]], true],
  ];

  it.each(infeasible)('linearSumAssignment(%s) throws InfeasibleError (INFEASIBLE)', (_, c, maximize) => {
    const e = expectMatchError(() => linearSumAssignment(c, { maximize }), 'INFEASIBLE');
    expect(e).toBeInstanceOf(InfeasibleError);
    expect(isMatchError(e)).toBe(true);
    // and the transpose too
    expectMatchError(() => linearSumAssignment(transposeDense(fromRows(c)), { maximize }), 'INFEASIBLE');
  });

  it('linearSumAssignment(n×n with a Hall violation) throws INFEASIBLE on the fast path (n = 9…40)', () => {
    for (const n of [9, 10, 16, 25, 40]) {
      // Rows 0..2 may only use columns 0..1.
      const m = randomMatrix(n, n, { seed: n, integer: true, max: 9 });
      for (let i = 0; i < 3; i++) for (let j = 2; j < n; j++) m.data[i * n + j] = INF;
      expectMatchError(() => linearSumAssignment(m), 'INFEASIBLE');
      expectMatchError(() => linearSumAssignment(transposeDense(m)), 'INFEASIBLE');
    }
  });

  it('linearSumAssignment(a tall matrix with an all-forbidden row) is feasible: that row is left out', () => {
    const r = linearSumAssignment([[INF, INF], [3, 4], [1, 9]]);
    expect(pairs(r)).toEqual([[1, 1], [2, 0]]);
  });

  it('linearSumAssignment(a wide matrix with an all-forbidden column) is feasible: that column is left out', () => {
    const r = linearSumAssignment([[INF, 3, 1], [INF, 4, 9]]);
    expect(pairs(r)).toEqual([[0, 2], [1, 1]]);
  });
});

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

describe('linearSumAssignment(cost): properties', () => {
  it('linearSumAssignment(cost) returns a valid assignment: rows ascending, distinct columns, min(rows, cols) pairs, total = Σ chosen cells', () => {
    fc.assert(
      fc.property(matrixArb({ maxRows: 40, maxCols: 40, cell: floatCell }), fc.boolean(), (m, maximize) => {
        const r = linearSumAssignment(m, { maximize });
        expectValidAssignment(m, r, maximize);
      }),
      { numRuns: 150 },
    );
  });

  it('linearSumAssignment(cost) equals brute force for n ≤ 7 (integer costs with ties)', () => {
    fc.assert(
      fc.property(matrixArb({ maxRows: 7, maxCols: 7, cell: tieCell }), (m) => {
        expect(totalOrInfeasible(m)).toBe(bruteForceLsap(m).total);
      }),
      { numRuns: 300 },
    );
  });

  it('linearSumAssignment(cost) equals brute force for n ≤ 7 (floats)', () => {
    fc.assert(
      fc.property(matrixArb({ maxRows: 7, maxCols: 7, cell: floatCell }), (m) => {
        const t = totalOrInfeasible(m);
        expect(t).not.toBe('INFEASIBLE');
        expectTotal(t as number, bruteForceLsap(m).total as number, tolerance(m));
      }),
      { numRuns: 200 },
    );
  });

  it('linearSumAssignment(cost with +Infinity cells) agrees with brute force on feasibility and optimum (n ≤ 7)', () => {
    fc.assert(
      fc.property(matrixArb({ minRows: 1, maxRows: 7, minCols: 1, maxCols: 7, cell: intOrForbiddenCell }), (m) => {
        const brute = bruteForceLsap(m).total;
        expect(totalOrInfeasible(m)).toBe(brute === null ? 'INFEASIBLE' : brute);
      }),
      { numRuns: 400 },
    );
  });

  it('linearSumAssignment(cost, up to 70% of it forbidden) agrees with brute force on feasibility and optimum (n ≤ 7 and 9–12 columns)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          matrixArb({ minRows: 1, maxRows: 7, minCols: 1, maxCols: 7, cell: fc.integer({ min: 0, max: 99 }) }),
          matrixArb({ minRows: 1, maxRows: 4, minCols: 9, maxCols: 12, cell: fc.integer({ min: 0, max: 99 }) }),
        ),
        fc.integer({ min: 0, max: 70 }),
        fc.boolean(),
        (m0, threshold, tall) => {
          // A cell below the threshold is forbidden; the others cost value - 50.
          const m = mapDense(tall ? transposeDense(m0) : m0, (x) => (x < threshold ? INF : x - 50));
          const brute = bruteForceLsap(m).total;
          expect(totalOrInfeasible(m)).toBe(brute === null ? 'INFEASIBLE' : brute);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('linearSumAssignment(cost with -Infinity cells, { maximize: true }) agrees with brute force (n ≤ 7)', () => {
    fc.assert(
      fc.property(matrixArb({ minRows: 1, maxRows: 7, minCols: 1, maxCols: 7, cell: intOrForbiddenCell }), (m0) => {
        const m = negateDense(m0);
        const brute = bruteForceLsap(m, true).total;
        expect(totalOrInfeasible(m, true)).toBe(brute === null ? 'INFEASIBLE' : brute);
      }),
      { numRuns: 200 },
    );
  });

  it('linearSumAssignment(cost) equals brute force with 9–13 columns or rows (fast path), forbidden cells included', () => {
    fc.assert(
      fc.property(
        matrixArb({ minRows: 1, maxRows: 4, minCols: 9, maxCols: 13, cell: intOrForbiddenCell }),
        fc.boolean(),
        (m0, tall) => {
          const m = tall ? transposeDense(m0) : m0;
          const brute = bruteForceLsap(m).total;
          expect(totalOrInfeasible(m)).toBe(brute === null ? 'INFEASIBLE' : brute);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('linearSumAssignment(cost) equals munkres-js for finite n ≤ 40, rectangular included', () => {
    fc.assert(
      fc.property(
        matrixArb({ minRows: 1, maxRows: 40, minCols: 1, maxCols: 40, cell: fc.integer({ min: 0, max: 100 }) }),
        (m) => {
          const t = totalOrInfeasible(m);
          expect(t).toBe(munkresLsap(m).total);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('linearSumAssignment(cost) equals munkres-js with 9–40 rows and columns (fast path), few distinct values', () => {
    fc.assert(
      fc.property(
        matrixArb({ minRows: 9, maxRows: 40, minCols: 9, maxCols: 40, cell: fc.integer({ min: 0, max: 4 }) }),
        (m) => {
          expect(totalOrInfeasible(m)).toBe(munkresLsap(m).total);
        },
      ),
      { numRuns: 120 },
    );
  });

  it('linearSumAssignment(cost) equals munkres-js with 9–40 rows and columns (fast path), float costs', () => {
    fc.assert(
      fc.property(matrixArb({ minRows: 9, maxRows: 40, minCols: 9, maxCols: 40, cell: floatCell }), (m) => {
        const t = totalOrInfeasible(m);
        expect(t).not.toBe('INFEASIBLE');
        expectTotal(t as number, munkresLsap(m).total, tolerance(m));
      }),
      { numRuns: 100 },
    );
  });

  it('linearSumAssignment(cost with forbidden cells, 9–30 side) matches munkres-js on a big-M copy', () => {
    // munkres-js cannot take Infinity: replace it by M, larger than any finite
    // assignment can cost. The instance is feasible iff munkres' optimum stays below M.
    fc.assert(
      fc.property(
        matrixArb({ minRows: 1, maxRows: 30, minCols: 9, maxCols: 30, cell: intOrForbiddenCell }),
        fc.boolean(),
        (m0, tall) => {
          const m = tall ? transposeDense(m0) : m0;
          const k = Math.min(m.rows, m.cols);
          const M = 1e6;
          const mk = munkresLsap(mapDense(m, (x) => (x === INF ? M : x)));
          const expected = mk.total >= M - 20 * k ? 'INFEASIBLE' : mk.total;
          expect(totalOrInfeasible(m)).toBe(expected);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('linearSumAssignment(structured cost: rank one + noise, geometric, a[i] + b[j]) equals munkres-js for n ≤ 40', () => {
    fc.assert(
      fc.property(structuredMatrixArb({ maxRows: 40, maxCols: 40 }), (m) => {
        expect(totalOrInfeasible(m)).toBe(munkresLsap(m).total);
      }),
      { numRuns: 250 },
    );
  });

  it('linearSumAssignment(structured cost with forbidden cells) matches munkres-js on a big-M copy (n ≤ 40)', () => {
    fc.assert(
      fc.property(structuredMatrixArb({ maxRows: 40, maxCols: 40, forbidden: true }), (m) => {
        // Finite cells are ≤ 20·20 + 6 = 406, so any assignment using M costs more than all finite ones.
        const M = 1e7;
        const k = Math.min(m.rows, m.cols);
        const mk = munkresLsap(mapDense(m, (x) => (x === INF ? M : x)));
        expect(totalOrInfeasible(m)).toBe(mk.total >= M - 406 * k ? 'INFEASIBLE' : mk.total);
      }),
      { numRuns: 250 },
    );
  });

  it('linearSumAssignment(structured cost with forbidden cells) equals brute force for n ≤ 7', () => {
    fc.assert(
      fc.property(structuredMatrixArb({ maxRows: 7, maxCols: 7, forbidden: true }), fc.boolean(), (m, maximize) => {
        const mm = maximize ? negateDense(m) : m;
        const brute = bruteForceLsap(mm, maximize).total;
        expect(totalOrInfeasible(mm, maximize)).toBe(brute === null ? 'INFEASIBLE' : brute);
      }),
      { numRuns: 250 },
    );
  });

  it('linearSumAssignment(C, { maximize: true }).total = -linearSumAssignment(-C).total (forbidden cells included)', () => {
    fc.assert(
      fc.property(
        matrixArb({ maxRows: 20, maxCols: 20, cell: fc.oneof(floatCell, fc.constant(-INF)) }),
        (m) => {
          const max = totalOrInfeasible(m, true);
          const min = totalOrInfeasible(negateDense(m), false);
          if (max === 'INFEASIBLE' || min === 'INFEASIBLE') expect(max).toBe(min);
          else expectTotal(max, -min, tolerance(m));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('linearSumAssignment(transpose(C)).total = linearSumAssignment(C).total (forbidden cells included)', () => {
    fc.assert(
      fc.property(matrixArb({ maxRows: 25, maxCols: 25, cell: fc.oneof(floatCell, floatCell, fc.constant(INF)) }), (m) => {
        const a = totalOrInfeasible(m);
        const b = totalOrInfeasible(transposeDense(m));
        if (a === 'INFEASIBLE' || b === 'INFEASIBLE') expect(a).toBe(b);
        else expectTotal(a, b, tolerance(m));
      }),
      { numRuns: 200 },
    );
  });

  it('linearSumAssignment(C + c on row r) = linearSumAssignment(C) + c for square C', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }).chain((n) =>
          fc.tuple(
            matrixArb({ minRows: n, maxRows: n, minCols: n, maxCols: n, cell: intOrForbiddenCell }),
            fc.integer({ min: 0, max: n - 1 }),
            fc.integer({ min: -1000, max: 1000 }),
          ),
        ),
        ([m, row, c]) => {
          const shifted = mapDense(m, (x, i) => (i === row ? x + c : x));
          const a = totalOrInfeasible(m);
          const b = totalOrInfeasible(shifted);
          if (a === 'INFEASIBLE') expect(b).toBe('INFEASIBLE');
          else expect(b).toBe(a + c);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('linearSumAssignment(C + c on column j) = linearSumAssignment(C) + c for square C', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }).chain((n) =>
          fc.tuple(
            matrixArb({ minRows: n, maxRows: n, minCols: n, maxCols: n, cell: fc.integer({ min: -50, max: 50 }) }),
            fc.integer({ min: 0, max: n - 1 }),
            fc.integer({ min: -1000, max: 1000 }),
          ),
        ),
        ([m, col, c]) => {
          const shifted = mapDense(m, (x, _i, j) => (j === col ? x + c : x));
          expect(totalOrInfeasible(shifted)).toBe((totalOrInfeasible(m) as number) + c);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('linearSumAssignment(cost) returns pairs whose cells sum to at most any other permutation (rows swapped pairwise)', () => {
    // Local optimality: exchanging the columns of two assigned rows never lowers the total.
    fc.assert(
      fc.property(matrixArb({ minRows: 2, maxRows: 40, minCols: 2, maxCols: 40, cell: fc.integer({ min: 0, max: 30 }) }), (m) => {
        const r = linearSumAssignment(m);
        const k = r.rowIndices.length;
        for (let a = 0; a < k; a++) {
          for (let b = a + 1; b < k; b++) {
            const i = r.rowIndices[a];
            const j = r.rowIndices[b];
            const ci = r.colIndices[a];
            const cj = r.colIndices[b];
            expect(at(m, i, ci) + at(m, j, cj)).toBeLessThanOrEqual(at(m, i, cj) + at(m, j, ci));
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('linearSumAssignment(cost): extreme magnitudes', () => {
  it('linearSumAssignment(cost) rejects finite costs beyond ±1e300 as INVALID_INPUT (intermediate sums could overflow)', () => {
    expectMatchError(() => linearSumAssignment([[1e308, 0], [0, 1e308]], { maximize: true }), 'INVALID_INPUT');
    expectMatchError(() => linearSumAssignment([[1e308, INF], [-1e308, 0]]), 'INVALID_INPUT');
    expectMatchError(() => linearSumAssignment([[1, 2], [3, -Number.MAX_VALUE]]), 'INVALID_INPUT');
  });

  it('linearSumAssignment(cost) solves costs of magnitude 1e300 exactly as the forced assignment', () => {
    const r = linearSumAssignment([[1e300, INF], [-1e300, 0]]);
    expect(pairs(r)).toEqual([[0, 0], [1, 1]]);
    expect(r.total).toBe(1e300);
  });
});
