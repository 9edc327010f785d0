/**
 * Peer pools for the peerPairs and peerCircles tests: symmetric weight matrices, built by
 * hand or drawn by fast-check.
 */
import fc from 'fast-check';

import type { DenseMatrix } from '../../src/solve/types.js';

/** A forbidden pair. */
export const X = -Infinity;

/** A DenseMatrix from rows (square when the rows are). */
export function sym(rows: readonly (readonly number[])[]): DenseMatrix {
  return { rows: rows.length, cols: rows.length, data: Float64Array.from(rows.flat()) };
}
/** Weight of (a, b). */
export const w = (m: DenseMatrix, a: number, b: number): number => m.data[a * m.cols + b];

/** Random symmetric n×n matrix: integer weights −2..9, a share of forbidden pairs. */
export function poolArb(o: { minN?: number; maxN: number; forbidden: boolean }): fc.Arbitrary<DenseMatrix> {
  return fc.integer({ min: o.minN ?? 0, max: o.maxN }).chain((n) =>
    fc
      .array(o.forbidden ? fc.oneof({ weight: 1, arbitrary: fc.constant(X) }, { weight: 4, arbitrary: fc.integer({ min: -2, max: 9 }) }) : fc.integer({ min: -2, max: 9 }), {
        minLength: (n * (n - 1)) / 2,
        maxLength: (n * (n - 1)) / 2,
      })
      .map((cells) => {
        const data = new Float64Array(n * n);
        let k = 0;
        for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) data[a * n + b] = data[b * n + a] = cells[k++];
        return { rows: n, cols: n, data };
      }),
  );
}
