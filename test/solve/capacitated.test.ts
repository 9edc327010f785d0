/**
 * capacitatedAssignment: mentors (columns) with capacities, mentees (rows) with at most
 * one mentor each, read as a specification.
 *
 * Contract: as many rows as possible are assigned (forbidden cells never used), then the
 * minimum (maximum) total among those; rows left out get -1; never INFEASIBLE.
 *
 * Oracles: brute force (rows ≤ 6, cols ≤ 3), an augmenting-path maximum cardinality,
 * and munkres-js on the rows × Σcapacity slot matrix with a big M for forbidden cells.
 *
 * A fast-check failure prints its seed and path: pin it by adding the counterexample
 * to the example tests.
 */
import fc from 'fast-check';
import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';

import { InvalidInputError, isMatchError } from '../../src/errors.js';
import { capacitatedAssignment } from '../../src/solve/capacitated.js';
import { linearSumAssignment } from '../../src/solve/lsap.js';
import type { DenseMatrix } from '../../src/solve/types.js';
import { expectMatchError, resultOrInfeasible } from '../_helpers/expect-error.js';
import {
  at,
  bruteForceCapacitated,
  capacityArray,
  expectTotal,
  expectValidCapacitated,
  floatCell,
  fromRows,
  intOrForbiddenCell,
  mapDense,
  matrixArb,
  maxCardinality,
  munkresLsap,
  negateDense,
  randomMatrix,
  slotMatrix,
  tolerance,
  toRows,
} from '../_helpers/oracles.js';

const INF = Infinity;

type Capacity = number | number[];

/** A matrix with a capacity per column (or one number), for fast-check. */
function instanceArb(o: {
  minRows?: number;
  maxRows: number;
  minCols?: number;
  maxCols: number;
  maxCap: number;
  cell: fc.Arbitrary<number>;
}): fc.Arbitrary<{ m: DenseMatrix; capacity: Capacity }> {
  return matrixArb({ minRows: o.minRows, maxRows: o.maxRows, minCols: o.minCols, maxCols: o.maxCols, cell: o.cell }).chain((m) =>
    fc
      .oneof(
        fc.integer({ min: 0, max: o.maxCap }),
        fc.array(fc.integer({ min: 0, max: o.maxCap }), { minLength: m.cols, maxLength: m.cols }),
      )
      .map((capacity) => ({ m, capacity })),
  );
}

function solve(m: DenseMatrix, capacity: Capacity, maximize = false) {
  const r = capacitatedAssignment(m, { capacity, maximize });
  expectValidCapacitated(m, capacity, r, maximize);
  return r;
}

// ---------------------------------------------------------------------------
// Examples
// ---------------------------------------------------------------------------

describe('capacitatedAssignment(cost, { capacity }): examples', () => {
  it('capacitatedAssignment(the TSDoc example, { capacity: [2, 1] }) assigns [0, 0, 1] at total 4', () => {
    const r = solve(fromRows([[1, 5], [2, 4], [3, 1]]), [2, 1]);
    expect(Array.from(r.assignment)).toEqual([0, 0, 1]);
    expect(r.total).toBe(4);
    expect(r.assignedCount).toBe(3);
  });

  it('capacitatedAssignment(cost, { capacity: 1 }) on a square matrix is the LSAP (unique optimum)', () => {
    const cost = [[4, 1, 3], [2, 0, 5], [3, 2, 2]];
    const r = solve(fromRows(cost), 1);
    expect(Array.from(r.assignment)).toEqual([1, 0, 2]);
    expect(r.total).toBe(5);
  });

  it('capacitatedAssignment(cost, { capacity: 2 }) lets one mentor take the two mentees who prefer it', () => {
    const r = solve(fromRows([[1, 9], [1, 9], [1, 9], [9, 1]]), 2);
    // Two of rows 0..2 take column 0; the third goes to column 1 (it has a slot left).
    expect(r.assignedCount).toBe(4);
    expect(r.total).toBe(1 + 1 + 9 + 1);
    expect(r.assignment[3]).toBe(1);
  });

  it('capacitatedAssignment(cost) puts as many rows as possible first, even at a higher total', () => {
    // Row 1 can only use column 0; giving column 0 to row 0 (cost 1) would leave row 1 out.
    const r = solve(fromRows([[1, 100], [50, INF]]), 1);
    expect(Array.from(r.assignment)).toEqual([1, 0]);
    expect(r.total).toBe(150);
    expect(r.assignedCount).toBe(2);
  });

  it('capacitatedAssignment(cost) assigns rows even when every cost is positive (no "leave it out to save")', () => {
    const r = solve(fromRows([[5], [7]]), 1);
    expect(Array.from(r.assignment)).toEqual([0, -1]);
    expect(r.total).toBe(5);
  });

  it('capacitatedAssignment(cost, { maximize: true }) picks the largest total among maximum-cardinality assignments', () => {
    const r = solve(fromRows([[5], [7]]), 1, true);
    expect(Array.from(r.assignment)).toEqual([-1, 0]);
    expect(r.total).toBe(7);
    const neg = solve(fromRows([[-5, -INF], [-1, -2]]), 1, true);
    // Both rows assigned (count first) although leaving row 0 out would sum higher.
    expect(Array.from(neg.assignment)).toEqual([0, 1]);
    expect(neg.total).toBe(-7);
  });

  it('capacitatedAssignment(cost) leaves a row with only forbidden cells unassigned instead of throwing', () => {
    const r = solve(fromRows([[INF, INF], [3, 1], [2, INF]]), 1);
    expect(Array.from(r.assignment)).toEqual([-1, 1, 0]);
    expect(r.total).toBe(3);
    expect(r.assignedCount).toBe(2);
  });

  it('capacitatedAssignment(all forbidden) assigns nobody, total 0', () => {
    const r = solve(fromRows([[INF, INF], [INF, INF]]), 3);
    expect(Array.from(r.assignment)).toEqual([-1, -1]);
    expect(r.total).toBe(0);
    expect(r.assignedCount).toBe(0);
  });

  it('capacitatedAssignment(cost, { capacity: 0 }) assigns nobody; capacity 0 on one column closes it', () => {
    const m = fromRows([[1, 2], [3, 4]]);
    const r0 = solve(m, 0);
    expect(Array.from(r0.assignment)).toEqual([-1, -1]);
    expect(r0.total).toBe(0);
    const r1 = solve(m, [0, 5]);
    expect(Array.from(r1.assignment)).toEqual([1, 1]);
    expect(r1.total).toBe(6);
  });

  it('capacitatedAssignment(cost, { capacity: n }) with a huge capacity gives every row its cheapest column', () => {
    const m = fromRows([[3, 1, 2], [0, 5, 5], [7, 6, -1], [2, 2, 2]]);
    for (const capacity of [4, 1000, 2 ** 31 - 1, [4, 4, 4], [10, 20, 30]]) {
      const r = solve(m, capacity);
      expect(r.assignedCount).toBe(4);
      expect(r.total).toBe(1 + 0 - 1 + 2);
    }
  });

  it('capacitatedAssignment(cost) with ties returns a valid optimum', () => {
    const m = fromRows([[1, 1, 1], [1, 1, 1], [1, 1, 1], [1, 1, 1], [1, 1, 1]]);
    const r = solve(m, [1, 2, 1]);
    expect(r.assignedCount).toBe(4);
    expect(r.total).toBe(4);
  });

  it('capacitatedAssignment(negative and mixed costs) equals brute force', () => {
    const m = fromRows([[-3, 2, 0], [1, -5, INF], [-2, -2, -2], [4, INF, -1], [0, 0, 0]]);
    for (const cap of [[1, 1, 1], [2, 1, 1], [0, 2, 2], [3, 3, 3]]) {
      const r = solve(m, cap);
      const b = bruteForceCapacitated(m, cap);
      expect(r.assignedCount).toBe(b.assignedCount);
      expect(r.total).toBe(b.total);
    }
  });
});

describe('capacitatedAssignment(cost, { capacity }): empty input', () => {
  it('capacitatedAssignment([], { capacity: 1 }) returns an empty assignment, total 0', () => {
    const r = capacitatedAssignment([], { capacity: 1 });
    expect(r.assignment).toBeInstanceOf(Int32Array);
    expect(r.assignment.length).toBe(0);
    expect(r.total).toBe(0);
    expect(r.assignedCount).toBe(0);
  });

  it('capacitatedAssignment(0 × 3, { capacity: [1, 2, 3] }) returns an empty assignment', () => {
    const r = capacitatedAssignment({ rows: 0, cols: 3, data: new Float64Array(0) }, { capacity: [1, 2, 3] });
    expect(r.assignment.length).toBe(0);
    expect(r.assignedCount).toBe(0);
    expect(r.total).toBe(0);
  });

  it('capacitatedAssignment(3 × 0) leaves every row unassigned (-1)', () => {
    for (const capacity of [2, [] as number[]]) {
      const r = capacitatedAssignment([[], [], []], { capacity });
      expect(Array.from(r.assignment)).toEqual([-1, -1, -1]);
      expect(r.assignedCount).toBe(0);
      expect(r.total).toBe(0);
    }
  });
});

describe('capacitatedAssignment(cost, { capacity }): input shapes and immutability', () => {
  const cost = [
    [3, 8, 1, 6],
    [5, 2, 7, 3],
    [INF, 4, 6, 2],
    [2, 6, 3, INF],
    [1, 1, 9, 9],
    [4, INF, INF, 5],
  ];
  const capacity = [2, 1, 1, 2];

  it('capacitatedAssignment(number[][]), (Matrix), ({ rows, cols, data }) agree, with capacity as number[], Int32Array or Float64Array', () => {
    const a = capacitatedAssignment(cost, { capacity });
    expectValidCapacitated(fromRows(cost), capacity, a);
    const others = [
      capacitatedAssignment(new Matrix(cost), { capacity }),
      capacitatedAssignment(fromRows(cost), { capacity }),
      capacitatedAssignment(cost.map((r) => Float64Array.from(r)), { capacity }),
      capacitatedAssignment(cost, { capacity: Int32Array.from(capacity) }),
      capacitatedAssignment(cost, { capacity: Float64Array.from(capacity) }),
    ];
    for (const b of others) {
      expect(Array.from(b.assignment)).toEqual(Array.from(a.assignment));
      expect(b.total).toBe(a.total);
      expect(b.assignedCount).toBe(a.assignedCount);
    }
  });

  it('capacitatedAssignment(cost, { capacity: k }) equals capacity [k, k, …]', () => {
    for (const k of [0, 1, 2, 3, 7]) {
      const a = capacitatedAssignment(cost, { capacity: k });
      const b = capacitatedAssignment(cost, { capacity: [k, k, k, k] });
      expect(b.total).toBe(a.total);
      expect(b.assignedCount).toBe(a.assignedCount);
    }
  });

  for (const maximize of [false, true]) {
    const c = maximize ? cost.map((r) => r.map((x) => -x)) : cost;

    it(`capacitatedAssignment(number[][], { maximize: ${maximize} }) leaves the cost arrays and the capacity array untouched`, () => {
      const input = c.map((r) => r.slice());
      const cap = capacity.slice();
      capacitatedAssignment(input, { capacity: cap, maximize });
      expect(input).toEqual(c);
      expect(cap).toEqual(capacity);
    });

    it(`capacitatedAssignment(Matrix, { maximize: ${maximize} }) leaves the Matrix untouched`, () => {
      const input = new Matrix(c);
      capacitatedAssignment(input, { capacity, maximize });
      expect(input.to2DArray()).toEqual(c);
    });

    it(`capacitatedAssignment({ rows, cols, data }, { maximize: ${maximize} }) leaves the Float64Array and an Int32Array capacity untouched`, () => {
      const input = fromRows(c);
      const before = Array.from(input.data);
      const cap = Int32Array.from(capacity);
      capacitatedAssignment(input, { capacity: cap, maximize });
      expect(Array.from(input.data)).toEqual(before);
      expect(Array.from(cap)).toEqual(capacity);
    });
  }

  it('capacitatedAssignment(cost) is deterministic: the same input gives the same assignment', () => {
    const m = randomMatrix(60, 7, { seed: 11, integer: true, max: 3, forbidden: 0.1 });
    const a = capacitatedAssignment(m, { capacity: [5, 9, 0, 3, 12, 8, 6] });
    const b = capacitatedAssignment(fromRows(toRows(m)), { capacity: [5, 9, 0, 3, 12, 8, 6] });
    expect(Array.from(b.assignment)).toEqual(Array.from(a.assignment));
    expect(b.total).toBe(a.total);
  });
});

describe('capacitatedAssignment(cost, { capacity }): invalid input throws INVALID_INPUT', () => {
  const cost = [[1, 2], [3, 4]];
  const invalid: [string, () => unknown][] = [
    ['capacity -1', () => capacitatedAssignment(cost, { capacity: -1 })],
    ['capacity 1.5', () => capacitatedAssignment(cost, { capacity: 1.5 })],
    ['capacity NaN', () => capacitatedAssignment(cost, { capacity: NaN })],
    ['capacity [1, -2]', () => capacitatedAssignment(cost, { capacity: [1, -2] })],
    ['capacity [1, 0.5]', () => capacitatedAssignment(cost, { capacity: [1, 0.5] })],
    ['capacity [NaN, 1]', () => capacitatedAssignment(cost, { capacity: [NaN, 1] })],
    ['capacity too short: [1]', () => capacitatedAssignment(cost, { capacity: [1] })],
    ['capacity too long: [1, 1, 1]', () => capacitatedAssignment(cost, { capacity: [1, 1, 1] })],
    ['capacity [] for two columns', () => capacitatedAssignment(cost, { capacity: [] })],
    ['capacity "2"', () => capacitatedAssignment(cost, { capacity: '2' as unknown as number })],
    ['capacity missing', () => capacitatedAssignment(cost, {} as unknown as { capacity: number })],
    ['capacity null', () => capacitatedAssignment(cost, { capacity: null as unknown as number })],
    ['capacity [1, "1"]', () => capacitatedAssignment(cost, { capacity: [1, '1' as unknown as number] })],
    ['NaN in cost', () => capacitatedAssignment([[1, NaN], [3, 4]], { capacity: 1 })],
    ['NaN in cost when maximising', () => capacitatedAssignment([[1, NaN], [3, 4]], { capacity: 1, maximize: true })],
    ['-Infinity in cost when minimising', () => capacitatedAssignment([[1, -INF], [3, 4]], { capacity: 1 })],
    ['+Infinity in cost when maximising', () => capacitatedAssignment([[1, INF], [3, 4]], { capacity: 1, maximize: true })],
    ['a ragged cost matrix', () => capacitatedAssignment([[1, 2], [3]], { capacity: 1 })],
    ['a dense matrix with the wrong data length', () => capacitatedAssignment({ rows: 2, cols: 2, data: new Float64Array(3) }, { capacity: 1 })],
    ['NaN in an ml-matrix Matrix', () => capacitatedAssignment(new Matrix([[NaN]]), { capacity: 1 })],
  ];

  it.each(invalid)('capacitatedAssignment(cost, %s) throws InvalidInputError (INVALID_INPUT)', (_, f) => {
    const e = expectMatchError(f, 'INVALID_INPUT');
    expect(e).toBeInstanceOf(InvalidInputError);
    expect(isMatchError(e)).toBe(true);
  });

  it('capacitatedAssignment(cost, { capacity }) validates the capacity even when the matrix is empty', () => {
    expectMatchError(() => capacitatedAssignment({ rows: 0, cols: 2, data: new Float64Array(0) }, { capacity: [1] }), 'INVALID_INPUT');
    expectMatchError(() => capacitatedAssignment([], { capacity: -1 }), 'INVALID_INPUT');
  });
});

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

describe('capacitatedAssignment(cost, { capacity }): properties', () => {
  it('capacitatedAssignment(cost) respects capacities, gives each row at most one allowed column, and reports count and total truthfully', () => {
    fc.assert(
      fc.property(
        instanceArb({ maxRows: 40, maxCols: 12, maxCap: 5, cell: intOrForbiddenCell }),
        fc.boolean(),
        ({ m, capacity }, maximize) => {
          solve(maximize ? negateDense(m) : m, capacity, maximize);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('capacitatedAssignment(cost) equals brute force on count and total (rows ≤ 6, cols ≤ 3, capacity 0–3, forbidden cells)', () => {
    fc.assert(
      fc.property(
        instanceArb({ maxRows: 6, maxCols: 3, maxCap: 3, cell: intOrForbiddenCell }),
        fc.boolean(),
        ({ m, capacity }, maximize) => {
          const mm = maximize ? negateDense(m) : m;
          const r = solve(mm, capacity, maximize);
          const b = bruteForceCapacitated(mm, capacityArray(capacity, m.cols), maximize);
          expect(r.assignedCount).toBe(b.assignedCount);
          expect(r.total).toBe(b.total);
        },
      ),
      { numRuns: 600 },
    );
  });

  it('capacitatedAssignment(cost) equals brute force with float costs (rows ≤ 6, cols ≤ 3)', () => {
    fc.assert(
      fc.property(
        instanceArb({ minRows: 1, maxRows: 6, minCols: 1, maxCols: 3, maxCap: 3, cell: fc.oneof(floatCell, floatCell, fc.constant(INF)) }),
        ({ m, capacity }) => {
          const r = solve(m, capacity);
          const b = bruteForceCapacitated(m, capacityArray(capacity, m.cols));
          expect(r.assignedCount).toBe(b.assignedCount);
          expectTotal(r.total, b.total, tolerance(m));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('capacitatedAssignment(cost).assignedCount is the maximum possible (augmenting paths), rows ≤ 60', () => {
    fc.assert(
      fc.property(
        instanceArb({ maxRows: 60, maxCols: 15, maxCap: 6, cell: fc.oneof(fc.integer({ min: 0, max: 9 }), fc.constant(INF), fc.constant(INF)) }),
        ({ m, capacity }) => {
          expect(solve(m, capacity).assignedCount).toBe(maxCardinality(m, capacity));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('capacitatedAssignment(cost) equals munkres-js on the rows × Σcapacity slot matrix (forbidden → big M)', () => {
    fc.assert(
      fc.property(
        instanceArb({ minRows: 1, maxRows: 30, minCols: 1, maxCols: 8, maxCap: 5, cell: intOrForbiddenCell }),
        ({ m, capacity }) => {
          const r = solve(m, capacity);
          const M = 1e6;
          const { slots } = slotMatrix(m, capacity, M);
          if (slots.cols === 0) {
            expect(r.assignedCount).toBe(0);
            return;
          }
          const lost = Math.min(m.rows, slots.cols) - r.assignedCount;
          expect(munkresLsap(slots).total).toBe(r.total + lost * M);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('capacitatedAssignment(cost, { capacity: 1 }) with rows ≤ cols reproduces linearSumAssignment, and leaves a row out exactly when the LSAP is infeasible', () => {
    fc.assert(
      fc.property(
        matrixArb({ minRows: 1, maxRows: 14, minCols: 1, maxCols: 14, cell: intOrForbiddenCell }).filter((m) => m.rows <= m.cols),
        (m) => {
          const r = solve(m, 1);
          const l = resultOrInfeasible(() => linearSumAssignment(m));
          if (l === 'INFEASIBLE') expect(r.assignedCount).toBeLessThan(m.rows);
          else {
            expect(r.assignedCount).toBe(m.rows);
            expect(r.total).toBe(l.total);
          }
        },
      ),
      { numRuns: 250 },
    );
  });

  it('capacitatedAssignment(cost, { capacity ≥ rows }) gives every row its cheapest allowed column', () => {
    fc.assert(
      fc.property(
        matrixArb({ maxRows: 30, minCols: 1, maxCols: 10, cell: fc.oneof(floatCell, floatCell, fc.constant(INF)) }),
        fc.integer({ min: 0, max: 5 }),
        fc.boolean(),
        (m0, extra, maximize) => {
          const m = maximize ? negateDense(m0) : m0;
          const r = solve(m, m.rows + extra, maximize);
          let count = 0;
          for (let i = 0; i < m.rows; i++) {
            const row = Array.from({ length: m.cols }, (_, j) => at(m, i, j));
            const best = maximize ? Math.max(...row) : Math.min(...row);
            if (!Number.isFinite(best)) expect(r.assignment[i]).toBe(-1);
            else {
              count++;
              const got = at(m, i, r.assignment[i]);
              expect(got === best, `row ${i}: cost ${got}, cheapest ${best}`).toBe(true); // === : 0 and -0 tie
            }
          }
          expect(r.assignedCount).toBe(count);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('capacitatedAssignment(C, { maximize: true }) = -capacitatedAssignment(-C) on total and count', () => {
    fc.assert(
      fc.property(
        instanceArb({ maxRows: 30, maxCols: 8, maxCap: 4, cell: fc.oneof(floatCell, floatCell, fc.constant(-INF)) }),
        ({ m, capacity }) => {
          const a = solve(m, capacity, true);
          const b = solve(negateDense(m), capacity, false);
          expect(a.assignedCount).toBe(b.assignedCount);
          expectTotal(a.total, -b.total, tolerance(m));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('capacitatedAssignment(C + c everywhere) = capacitatedAssignment(C) + c · assignedCount', () => {
    fc.assert(
      fc.property(
        instanceArb({ maxRows: 25, maxCols: 8, maxCap: 4, cell: intOrForbiddenCell }),
        fc.integer({ min: -100, max: 100 }),
        ({ m, capacity }, c) => {
          const a = solve(m, capacity);
          const b = solve(mapDense(m, (x) => x + c), capacity);
          expect(b.assignedCount).toBe(a.assignedCount);
          expect(b.total).toBe(a.total + c * a.assignedCount);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('capacitatedAssignment(permuted rows, permuted columns with their capacities) has the same total and count', () => {
    fc.assert(
      fc.property(
        instanceArb({ minRows: 1, maxRows: 25, minCols: 1, maxCols: 8, maxCap: 4, cell: intOrForbiddenCell }).chain(({ m, capacity }) =>
          fc.tuple(
            fc.constant(m),
            fc.constant(capacityArray(capacity, m.cols)),
            fc.shuffledSubarray(Array.from({ length: m.rows }, (_, i) => i), { minLength: m.rows, maxLength: m.rows }),
            fc.shuffledSubarray(Array.from({ length: m.cols }, (_, j) => j), { minLength: m.cols, maxLength: m.cols }),
          ),
        ),
        ([m, cap, rp, cp]) => {
          const a = solve(m, cap);
          const pm = mapDense(m, (_x, i, j) => at(m, rp[i], cp[j]));
          const b = solve(pm, cp.map((j) => cap[j]));
          expect(b.assignedCount).toBe(a.assignedCount);
          expect(b.total).toBe(a.total);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('capacitatedAssignment(cost, { capacity }): medium seeded instances', () => {
  it('capacitatedAssignment(500 × 40 seeded, capacities 0–20, ties and forbidden cells) equals linearSumAssignment on the slot matrix', () => {
    for (let seed = 1; seed <= 4; seed++) {
      const m = randomMatrix(500, 40, { seed: 1000 + seed, integer: true, max: seed * 3, forbidden: 0.1 * seed });
      const capacity = Array.from({ length: 40 }, (_, j) => (j * 7 + seed) % 21);
      for (const maximize of [false, true]) {
        const mm = maximize ? negateDense(m) : m;
        const r = solve(mm, capacity, maximize);
        expect(r.assignedCount).toBe(maxCardinality(m, capacity));
        const M = 1e6;
        const { slots } = slotMatrix(m, capacity, M);
        const l = linearSumAssignment(slots);
        const lost = Math.min(m.rows, slots.cols) - r.assignedCount;
        expect((maximize ? -r.total : r.total) + lost * M).toBe(l.total);
      }
    }
  });

  it('capacitatedAssignment(200 × 12 seeded, mixed capacities) equals linearSumAssignment on the slot matrix', () => {
    for (let seed = 1; seed <= 6; seed++) {
      const m = randomMatrix(200, 12, { seed, integer: seed % 2 === 0, max: seed % 2 === 0 ? 5 : 1, forbidden: 0.3 });
      const capacity = Array.from({ length: 12 }, (_, j) => (j * seed) % 25);
      const r = solve(m, capacity);
      expect(r.assignedCount).toBe(maxCardinality(m, capacity));
      const M = 1e6;
      const { slots } = slotMatrix(m, capacity, M);
      const l = linearSumAssignment(slots);
      const lost = Math.min(m.rows, slots.cols) - r.assignedCount;
      expectTotal(r.total + lost * M, l.total, 1e-6);
    }
  });
});

describe('capacitatedAssignment(cost, { capacity }): extreme magnitudes', () => {
  it('capacitatedAssignment(cost) rejects finite costs beyond ±1e300 as INVALID_INPUT', () => {
    expectMatchError(() => capacitatedAssignment([[1e308], [1e308]], { capacity: 2 }), 'INVALID_INPUT');
    expectMatchError(() => capacitatedAssignment([[1.7e308, INF], [-1.7e308, 0]], { capacity: 1 }), 'INVALID_INPUT');
  });

  it('capacitatedAssignment(costs of magnitude 1e300) still finds the only complete assignment', () => {
    const r = capacitatedAssignment([[1e300, INF], [-1e300, 0]], { capacity: 1 });
    expect(Array.from(r.assignment)).toEqual([0, 1]);
    expect(r.total).toBe(1e300);
  });
});
