/**
 * bMatching: bipartite b-matching (rows with several columns, each pair at most once),
 * read as a specification.
 *
 * Contract: row i takes at most rowCapacity[i] distinct columns, column j at most
 * colCapacity[j] rows, a quota group at most its cap of pairs, never a forbidden pair;
 * by default as many pairs as possible, then the best total (minimal, or maximal with
 * `maximize`); with `maxCardinality: false` the best total of any size. Pairs come back
 * sorted by row then column, and `total` is their sum.
 *
 * Oracles: brute force over every subset of allowed pairs (rows ≤ 4, cols ≤ 3), and
 * `capacitatedAssignment` (an independent exact solver) when every row takes one column.
 * A fast-check failure prints its seed and path: pin it by adding the counterexample to
 * the example tests.
 */
import fc from 'fast-check';
import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';

import { bMatching, type BMatchingOptions, type BMatchingResult } from '../../src/solve/b-matching.js';
import { capacitatedAssignment } from '../../src/solve/capacitated.js';
import { expectMatchError } from '../_helpers/expect-error.js';

/**
 * Brute force over every subset of allowed pairs of a matrix to maximise: (most pairs,
 * best total) and (best total).
 */
function brute(rows: number, cols: number, v: number[], rc: number[], cc: number[], of?: number[], gcap?: number[]): { maxCard: [number, number]; best: number } {
  const cells = v.map((x, k) => [k, x] as const).filter(([, x]) => x !== -Infinity);
  let maxCard: [number, number] = [0, 0];
  let best = 0;
  const r = new Array(rows).fill(0);
  const c = new Array(cols).fill(0);
  const gu = new Array(gcap?.length ?? 0).fill(0);
  const rec = (t: number, n: number, s: number): void => {
    if (t === cells.length) {
      if (n > maxCard[0] || (n === maxCard[0] && s > maxCard[1] + 1e-12)) maxCard = [n, s];
      if (s > best) best = s;
      return;
    }
    rec(t + 1, n, s);
    const [k, x] = cells[t];
    const i = Math.floor(k / cols);
    const j = k % cols;
    const g = of ? of[i] : -1;
    if (r[i] < rc[i] && c[j] < cc[j] && (g < 0 || gu[g] < gcap![g])) {
      r[i]++;
      c[j]++;
      if (g >= 0) gu[g]++;
      rec(t + 1, n + 1, s + x);
      r[i]--;
      c[j]--;
      if (g >= 0) gu[g]--;
    }
  };
  rec(0, 0, 0);
  return { maxCard, best };
}

/** Checks the hard rules of a result and returns its recomputed total. */
function expectValid(rows: number, cols: number, v: ArrayLike<number>, rc: ArrayLike<number>, cc: ArrayLike<number>, r: BMatchingResult, forbidden = -Infinity): number {
  expect(r.rowIndices.length).toBe(r.colIndices.length);
  const seen = new Set<number>();
  const ru = new Array<number>(rows).fill(0);
  const cu = new Array<number>(cols).fill(0);
  let total = 0;
  for (let t = 0; t < r.rowIndices.length; t++) {
    const i = r.rowIndices[t];
    const j = r.colIndices[t];
    if (t > 0) {
      const pi = r.rowIndices[t - 1];
      expect(pi < i || (pi === i && r.colIndices[t - 1] < j), 'sorted by row, then column').toBe(true);
    }
    const k = i * cols + j;
    expect(seen.has(k)).toBe(false);
    seen.add(k);
    expect(v[k]).not.toBe(forbidden);
    ru[i]++;
    cu[j]++;
    total += v[k];
  }
  ru.forEach((x, i) => expect(x).toBeLessThanOrEqual(rc[i]));
  cu.forEach((x, j) => expect(x).toBeLessThanOrEqual(cc[j]));
  expect(r.total).toBeCloseTo(total, 9);
  return total;
}

const pairsOf = (r: BMatchingResult): [number, number][] => Array.from(r.rowIndices, (i, t) => [i, r.colIndices[t]]);

describe('bMatching(cost, { rowCapacity, colCapacity }): examples', () => {
  it('bMatching(the TSDoc example, { rowCapacity: 2, colCapacity: 2, maximize: true }) takes 4 pairs at total 29', () => {
    const r = bMatching(
      [
        [9, 8],
        [7, -Infinity],
        [6, 5],
      ],
      { rowCapacity: 2, colCapacity: 2, maximize: true },
    );
    expect(pairsOf(r)).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [2, 1],
    ]);
    expect(r.total).toBe(29);
  });

  it('bMatching(cost) minimises by default, with +Infinity forbidden, most pairs first', () => {
    const cost = [
      [1, 4, Infinity],
      [2, 3, 9],
    ];
    // the only 3-pair matching: row 0 → {0, 1}, row 1 → 2 (costly, but one more pair)
    const r = bMatching(cost, { rowCapacity: [2, 1], colCapacity: 1 });
    expect(pairsOf(r)).toEqual([
      [0, 0],
      [0, 1],
      [1, 2],
    ]);
    expect(r.total).toBe(14);
  });

  it('bMatching(cost, { maxCardinality: false }) takes a pair only when it improves the total', () => {
    const cost = [
      [1, -2],
      [-1, 3],
    ];
    const r = bMatching(cost, { rowCapacity: 2, colCapacity: 2, maxCardinality: false });
    expect(pairsOf(r)).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(r.total).toBe(-3);
    // non-negative costs: the cheapest matching of any size is empty
    expect(bMatching([[1, 2]], { rowCapacity: 2, colCapacity: 1, maxCardinality: false }).total).toBe(0);
    expect(bMatching([[1, 2]], { rowCapacity: 2, colCapacity: 1 }).total).toBe(3);
  });

  it('bMatching(cost, { quota }) caps the pairs of a group of rows together', () => {
    const score = [
      [5, 5],
      [5, 5],
      [1, 1],
    ];
    const free = bMatching(score, { rowCapacity: 2, colCapacity: 2, maximize: true });
    expect(free.total).toBe(20);
    const capped = bMatching(score, { rowCapacity: 2, colCapacity: 2, maximize: true, quota: { groupOf: [0, 0, -1], capacity: [1] } });
    // rows 0 and 1 together get one pair; row 2 takes two: 5 + 1 + 1
    expect(capped.total).toBe(7);
    expect(capped.rowIndices.filter((i) => i < 2).length).toBe(1);
  });

  it('bMatching on empty input and with zero capacities returns no pairs and total 0', () => {
    for (const [cost, o] of [
      [[], { rowCapacity: 1, colCapacity: 1 }],
      [{ rows: 0, cols: 3, data: new Float64Array(0) }, { rowCapacity: [], colCapacity: [1, 2, 3] }],
      [[[], []], { rowCapacity: 2, colCapacity: [] }],
      [[[1, 2]], { rowCapacity: 0, colCapacity: 1 }],
      [[[1, 2]], { rowCapacity: 1, colCapacity: 0 }],
      [[[Infinity, Infinity]], { rowCapacity: 1, colCapacity: 1 }],
    ] as const) {
      const r = bMatching(cost as never, o as BMatchingOptions);
      expect(r.rowIndices.length).toBe(0);
      expect(r.colIndices.length).toBe(0);
      expect(r.total).toBe(0);
    }
  });

  it('bMatching(number[][]), (Matrix), ({ rows, cols, data }) agree and never mutate the input', () => {
    const rows = [
      [3, 1, 4],
      [1, 5, 9],
      [2, 6, 5],
    ];
    const data = Float64Array.from(rows.flat());
    const dense = { rows: 3, cols: 3, data };
    const o: BMatchingOptions = { rowCapacity: [2, 1, 2], colCapacity: Int32Array.from([2, 2, 1]) };
    const a = bMatching(rows, o);
    expect(bMatching(new Matrix(rows), o)).toEqual(a);
    expect(bMatching(dense, o)).toEqual(a);
    expect(bMatching(dense, { ...o, maximize: true }).total).toBeGreaterThan(a.total);
    expect(Array.from(data)).toEqual(rows.flat());
    expect(rows).toEqual([
      [3, 1, 4],
      [1, 5, 9],
      [2, 6, 5],
    ]);
  });
});

describe('bMatching rejects invalid input with INVALID_INPUT', () => {
  const c = [
    [1, 2],
    [3, 4],
  ];
  it.each<[string, () => unknown]>([
    ['no options', () => bMatching(c, undefined as unknown as BMatchingOptions)],
    ['a missing rowCapacity', () => bMatching(c, { colCapacity: 1 } as unknown as BMatchingOptions)],
    ['a negative rowCapacity', () => bMatching(c, { rowCapacity: -1, colCapacity: 1 })],
    ['a fractional colCapacity entry', () => bMatching(c, { rowCapacity: 1, colCapacity: [1, 1.5] })],
    ['a colCapacity of the wrong length', () => bMatching(c, { rowCapacity: 1, colCapacity: [1] })],
    ['a rowCapacity of the wrong length', () => bMatching(c, { rowCapacity: [1, 1, 1], colCapacity: 1 })],
    ['NaN', () => bMatching([[NaN]], { rowCapacity: 1, colCapacity: 1 })],
    ['-Infinity when minimising', () => bMatching([[-Infinity]], { rowCapacity: 1, colCapacity: 1 })],
    ['+Infinity when maximising', () => bMatching([[Infinity]], { rowCapacity: 1, colCapacity: 1, maximize: true })],
    ['|x| > 1e300', () => bMatching([[1e301]], { rowCapacity: 1, colCapacity: 1 })],
    ['a ragged matrix', () => bMatching([[1, 2], [3]], { rowCapacity: 1, colCapacity: 1 })],
    ['a quota that is not an object', () => bMatching(c, { rowCapacity: 1, colCapacity: 1, quota: 3 as never })],
    ['a quota groupOf of the wrong length', () => bMatching(c, { rowCapacity: 1, colCapacity: 1, quota: { groupOf: [0], capacity: [1] } })],
    ['a quota group out of range', () => bMatching(c, { rowCapacity: 1, colCapacity: 1, quota: { groupOf: [0, 1], capacity: [1] } })],
    ['a quota group below -1', () => bMatching(c, { rowCapacity: 1, colCapacity: 1, quota: { groupOf: [-2, 0], capacity: [1] } })],
    ['a negative quota capacity', () => bMatching(c, { rowCapacity: 1, colCapacity: 1, quota: { groupOf: [0, 0], capacity: [-1] } })],
  ])('%s', (_, f) => {
    expectMatchError(f, 'INVALID_INPUT');
  });

  it('names the argument in the message', () => {
    expect(expectMatchError(() => bMatching(c, { rowCapacity: [1, -1], colCapacity: 1 }), 'INVALID_INPUT').message).toContain('rowCapacity[1]');
    expect(expectMatchError(() => bMatching(c, { rowCapacity: 1, colCapacity: [1] }), 'INVALID_INPUT').message).toContain('colCapacity');
    expect(
      expectMatchError(() => bMatching(c, { rowCapacity: 1, colCapacity: 1, quota: { groupOf: [0, 3], capacity: [1] } }), 'INVALID_INPUT').message,
    ).toContain('quota.groupOf[1]');
  });
});

describe('bMatching properties (brute force for rows ≤ 4, cols ≤ 3)', () => {
  const inst = fc
    .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }))
    .chain(([rows, cols]) =>
      fc.tuple(
        fc.constant(rows),
        fc.constant(cols),
        fc.array(fc.oneof(fc.integer({ min: 0, max: 9 }), fc.constant(-Infinity)), { minLength: rows * cols, maxLength: rows * cols }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: rows, maxLength: rows }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: cols, maxLength: cols }),
      ),
    );

  it('maximize: most pairs then best total, and (maxCardinality: false) best total, equal brute force; limits hold; no pair twice', () => {
    fc.assert(
      fc.property(inst, ([rows, cols, v, rc, cc]) => {
        const want = brute(rows, cols, v, rc, cc);
        for (const maxCardinality of [true, false]) {
          const r = bMatching({ rows, cols, data: Float64Array.from(v) }, { rowCapacity: rc, colCapacity: cc, maximize: true, maxCardinality });
          const total = expectValid(rows, cols, v, rc, cc, r);
          if (!maxCardinality) expect(total).toBeCloseTo(want.best, 9);
          else {
            expect(r.rowIndices.length).toBe(want.maxCard[0]);
            expect(total).toBeCloseTo(want.maxCard[1], 9);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('minimising cost is maximising −cost (forbidden +Infinity ↔ −Infinity): same pairs, opposite total', () => {
    fc.assert(
      fc.property(inst, fc.boolean(), ([rows, cols, v, rc, cc], maxCardinality) => {
        const cost = v.map((x) => -x); // -Infinity → +Infinity
        const min = bMatching({ rows, cols, data: Float64Array.from(cost) }, { rowCapacity: rc, colCapacity: cc, maxCardinality });
        expectValid(rows, cols, cost, rc, cc, min, Infinity);
        const max = bMatching({ rows, cols, data: Float64Array.from(v) }, { rowCapacity: rc, colCapacity: cc, maximize: true, maxCardinality });
        expect(min.rowIndices.length).toBe(max.rowIndices.length);
        expect(min.total).toBeCloseTo(-max.total, 9);
        const want = brute(rows, cols, v, rc, cc);
        expect(min.total).toBeCloseTo(maxCardinality ? -want.maxCard[1] : -want.best, 9);
      }),
      { numRuns: 300 },
    );
  });

  it('with quota groups (a cap on the pairs of each group of rows) equals brute force', () => {
    const withGroups = inst.chain(([rows, cols, v, rc, cc]) =>
      fc.tuple(
        fc.constant([rows, cols, v, rc, cc] as const),
        fc.array(fc.integer({ min: -1, max: 1 }), { minLength: rows, maxLength: rows }),
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 2, maxLength: 2 }),
      ),
    );
    fc.assert(
      fc.property(withGroups, ([[rows, cols, v, rc, cc], of, gcap]) => {
        const want = brute(rows, cols, v, rc, cc, of, gcap);
        for (const maxCardinality of [true, false]) {
          const r = bMatching(
            { rows, cols, data: Float64Array.from(v) },
            { rowCapacity: rc, colCapacity: cc, maximize: true, maxCardinality, quota: { groupOf: of, capacity: gcap } },
          );
          const total = expectValid(rows, cols, v, rc, cc, r);
          const gu = [0, 0];
          for (const i of r.rowIndices) if (of[i] >= 0) gu[of[i]]++;
          gu.forEach((x, g) => expect(x).toBeLessThanOrEqual(gcap[g]));
          if (!maxCardinality) expect(total).toBeCloseTo(want.best, 9);
          else {
            expect(r.rowIndices.length).toBe(want.maxCard[0]);
            expect(total).toBeCloseTo(want.maxCard[1], 9);
          }
        }
      }),
      { numRuns: 600 },
    );
  });

  it('is deterministic and never mutates its input', () => {
    fc.assert(
      fc.property(inst, ([rows, cols, v, rc, cc]) => {
        const data = Float64Array.from(v);
        const o: BMatchingOptions = { rowCapacity: rc, colCapacity: cc, maximize: true };
        const a = bMatching({ rows, cols, data }, o);
        expect(bMatching({ rows, cols, data }, o)).toEqual(a);
        expect(Array.from(data)).toEqual(v);
      }),
      { numRuns: 100 },
    );
  });
});

describe('bMatching on larger instances (candidate lists and deferred scans at work)', () => {
  // With one column per row and no groups the problem is a capacitated assignment: an
  // independent exact solver is the oracle at sizes brute force cannot reach.
  it('rowCapacity 1 equals capacitatedAssignment: most pairs then best total, and best total', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 70 }),
        fc.integer({ min: 17, max: 60 }),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.boolean(),
        (rows, cols, seed, ints) => {
          let s = seed;
          const rnd = (): number => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
          const v = Float64Array.from({ length: rows * cols }, () => (rnd() < 0.15 ? -Infinity : ints ? Math.floor(rnd() * 6) : rnd()));
          const cc = Int32Array.from({ length: cols }, () => Math.floor(rnd() * 3));
          const m = { rows, cols, data: v };
          const most = bMatching(m, { rowCapacity: 1, colCapacity: cc, maximize: true });
          const ref = capacitatedAssignment(m, { capacity: cc, maximize: true });
          expect(most.rowIndices.length).toBe(ref.assignedCount);
          expect(most.total).toBeCloseTo(ref.total, 9);
          // Best total: a zero-valued "nobody" column with room for everyone.
          const ext = new Float64Array(rows * (cols + 1));
          for (let i = 0; i < rows; i++) ext.set(v.subarray(i * cols, (i + 1) * cols), i * (cols + 1));
          const refBest = capacitatedAssignment({ rows, cols: cols + 1, data: ext }, { capacity: Int32Array.from([...cc, rows]), maximize: true });
          const best = bMatching(m, { rowCapacity: 1, colCapacity: cc, maximize: true, maxCardinality: false });
          expect(best.total).toBeCloseTo(refBest.total, 9);
        },
      ),
      { numRuns: 150 },
    );
  });
});
