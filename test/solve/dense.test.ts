/**
 * _internal/dense: the one place where cost input is normalised and checked.
 */
import fc from 'fast-check';
import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';

import { checkValues, toDense, transpose } from '../../src/solve/_internal/dense.js';
import type { DenseMatrix } from '../../src/solve/types.js';
import { expectMatchError } from '../_helpers/expect-error.js';
import { fromRows, matrixArb, transposeDense } from '../_helpers/oracles.js';

const INF = Infinity;

describe('toDense(cost)', () => {
  it('toDense(number[][]) copies the values row-major into a new Float64Array', () => {
    const cost = [[1, 2, 3], [4, 5, 6]];
    const d = toDense(cost);
    expect(d.rows).toBe(2);
    expect(d.cols).toBe(3);
    expect(d.data).toBeInstanceOf(Float64Array);
    expect(Array.from(d.data)).toEqual([1, 2, 3, 4, 5, 6]);
    d.data[0] = 99;
    expect(cost[0][0]).toBe(1);
  });

  it('toDense(Float64Array[]) and toDense(ml-matrix Matrix) give the same matrix as number[][]', () => {
    const cost = [[1, -2, INF], [0.5, 5, -6]];
    const expected = Array.from(toDense(cost).data);
    expect(Array.from(toDense(cost.map((r) => Float64Array.from(r))).data)).toEqual(expected);
    const fromMatrix = toDense(new Matrix(cost));
    expect([fromMatrix.rows, fromMatrix.cols]).toEqual([2, 3]);
    expect(Array.from(fromMatrix.data)).toEqual(expected);
  });

  it('toDense({ rows, cols, data }) returns the input itself (read in place, never copied)', () => {
    const d: DenseMatrix = { rows: 2, cols: 2, data: new Float64Array([1, 2, 3, 4]) };
    expect(toDense(d)).toBe(d);
  });

  it('toDense([]) is 0 × 0 and toDense([[], []]) is 2 × 0', () => {
    expect(toDense([])).toMatchObject({ rows: 0, cols: 0 });
    const d = toDense([[], []]);
    expect([d.rows, d.cols, d.data.length]).toEqual([2, 0, 0]);
  });

  it('toDense(number[][]) keeps NaN and infinities for checkValues to judge', () => {
    expect(Array.from(toDense([[NaN, INF, -INF]]).data)).toEqual([NaN, INF, -INF]);
  });

  const invalid: [string, () => unknown][] = [
    ['a ragged number[][]', () => toDense([[1, 2], [3]])],
    ['a string cell', () => toDense([[1, 'x' as unknown as number]])],
    ['an undefined cell (sparse array)', () => toDense([[1, undefined as unknown as number]])],
    ['a null row', () => toDense([null as unknown as number[]])],
    ['a number row', () => toDense([3 as unknown as number[]])],
    ['null', () => toDense(null as unknown as number[][])],
    ['a string', () => toDense('1,2' as unknown as number[][])],
    ['{ rows, cols, data } with data too short', () => toDense({ rows: 2, cols: 3, data: new Float64Array(5) })],
    ['{ rows, cols, data } with negative rows', () => toDense({ rows: -2, cols: -3, data: new Float64Array(6) })],
    ['{ rows, cols, data } with fractional cols', () => toDense({ rows: 2, cols: 0.5, data: new Float64Array(1) })],
  ];
  it.each(invalid)('toDense(%s) throws INVALID_INPUT', (_, f) => {
    expectMatchError(f, 'INVALID_INPUT');
  });
});

describe('checkValues(m, maximize)', () => {
  it('checkValues(m, false) accepts finite values and +Infinity', () => {
    expect(() => checkValues(fromRows([[1, INF], [-3, 0]]), false)).not.toThrow();
  });

  it('checkValues(m, true) accepts finite values and -Infinity', () => {
    expect(() => checkValues(fromRows([[1, -INF], [-3, 0]]), true)).not.toThrow();
  });

  const invalid: [string, number[][], boolean, number, number][] = [
    ['NaN when minimising', [[1, 2], [3, NaN]], false, 1, 1],
    ['NaN when maximising', [[NaN, 2]], true, 0, 0],
    ['-Infinity when minimising', [[1, 2, -INF]], false, 0, 2],
    ['+Infinity when maximising', [[1], [INF]], true, 1, 0],
  ];
  it.each(invalid)('checkValues(%s) throws INVALID_INPUT naming the cell', (_, rows, maximize, row, col) => {
    const e = expectMatchError(() => checkValues(fromRows(rows), maximize), 'INVALID_INPUT');
    expect(e.details.row).toBe(row);
    expect(e.details.col).toBe(col);
  });

  it('checkValues(empty matrix) accepts it', () => {
    expect(() => checkValues({ rows: 0, cols: 5, data: new Float64Array(0) }, false)).not.toThrow();
  });
});

describe('transpose(m)', () => {
  it('transpose(2 × 3) is the 3 × 2 transpose, in a new buffer', () => {
    const m = fromRows([[1, 2, 3], [4, 5, 6]]);
    const t = transpose(m);
    expect([t.rows, t.cols]).toEqual([3, 2]);
    expect(Array.from(t.data)).toEqual([1, 4, 2, 5, 3, 6]);
    expect(t.data).not.toBe(m.data);
    expect(Array.from(m.data)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('transpose(m) matches the naive transpose for every shape up to 150 × 150 (blocked loop edges)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 150 }),
        fc.integer({ min: 0, max: 150 }),
        (rows, cols) => {
          const data = Float64Array.from({ length: rows * cols }, (_, k) => k);
          const m = { rows, cols, data };
          const t = transpose(m);
          const naive = transposeDense(m);
          expect([t.rows, t.cols]).toEqual([cols, rows]);
          expect(Array.from(t.data)).toEqual(Array.from(naive.data));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('transpose(transpose(m)) is m', () => {
    fc.assert(
      fc.property(matrixArb({ maxRows: 20, maxCols: 20, cell: fc.double({ noNaN: true }) }), (m) => {
        const tt = transpose(transpose(m));
        expect([tt.rows, tt.cols]).toEqual([m.rows, m.cols]);
        expect(Array.from(tt.data)).toEqual(Array.from(m.data));
      }),
      { numRuns: 100 },
    );
  });
});
