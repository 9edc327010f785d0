import fc from 'fast-check';
import { Matrix, QrDecomposition } from 'ml-matrix';
import { describe, expect, it } from 'vitest';

import { foldAssignment } from '../../src/evaluate/_internal/folds.js';
import { nnls } from '../../src/solve/nnls.js';

/** Brute force: the best unconstrained least-squares solution over every column subset that is feasible (≥ 0). */
function bruteForce(A: Matrix, b: number[]): { x: number[]; residual: number } {
  const n = A.columns;
  const bv = Matrix.columnVector(b);
  let best = { x: new Array<number>(n).fill(0), residual: bv.norm('frobenius') };
  for (let mask = 1; mask < 1 << n; mask++) {
    const cols: number[] = [];
    for (let j = 0; j < n; j++) if (mask & (1 << j)) cols.push(j);
    const AS = A.subMatrixColumn(cols);
    const qr = new QrDecomposition(AS);
    if (!qr.isFullRank()) continue;
    const s = qr.solve(bv).getColumn(0);
    if (s.some((v) => v < 0)) continue;
    const x = new Array<number>(n).fill(0);
    cols.forEach((j, k) => (x[j] = s[k]));
    const residual = A.mmul(Matrix.columnVector(x)).sub(bv).norm('frobenius');
    if (residual < best.residual) best = { x, residual };
  }
  return best;
}

/** Entries in [-10, 10] with two decimals: no subnormal scales that make the problem ill-posed. */
const entry = fc.integer({ min: -1000, max: 1000 }).map((v) => v / 100);

const problem = fc
  .record({ m: fc.integer({ min: 1, max: 8 }), n: fc.integer({ min: 1, max: 5 }) })
  .chain(({ m, n }) =>
    fc.record({
      A: fc.array(fc.array(entry, { minLength: n, maxLength: n }), { minLength: m, maxLength: m }),
      b: fc.array(entry, { minLength: m, maxLength: m }),
    }),
  );

describe('nnls(A, b) (Lawson–Hanson)', () => {
  it('solves a hand-checked case', () => {
    const r = nnls(new Matrix([[1, 0], [0, 1]]), [2, -1]);
    expect(Array.from(r.x)).toEqual([2, 0]);
    expect(r.residualNorm).toBeCloseTo(1, 12);
    expect(r.converged).toBe(true);
    // Unconstrained solution is feasible → it is the answer.
    const u = nnls(new Matrix([[1, 1], [1, 2], [1, 3]]), [3, 5, 7]);
    expect(u.x[0]).toBeCloseTo(1, 10);
    expect(u.x[1]).toBeCloseTo(2, 10);
  });

  it('returns 0 when every column points away from b, and handles a zero column', () => {
    expect(Array.from(nnls(new Matrix([[1, 2], [1, 2]]), [-1, -1]).x)).toEqual([0, 0]);
    const z = nnls(new Matrix([[0, 1], [0, 1]]), [2, 2]);
    expect(z.x[0]).toBe(0);
    expect(z.x[1]).toBeCloseTo(2, 12);
  });

  it('does not mutate its inputs', () => {
    const A = new Matrix([[1, 2], [3, 4], [5, 7]]);
    const b = [1, -2, 3];
    const before = A.to2DArray();
    nnls(A, b);
    expect(A.to2DArray()).toEqual(before);
    expect(b).toEqual([1, -2, 3]);
  });

  it('satisfies KKT and matches the brute force over active sets (m ≤ 8, n ≤ 5)', () => {
    fc.assert(
      fc.property(problem, ({ A, b }) => {
        const M = new Matrix(A);
        const r = nnls(M, b);
        expect(r.converged).toBe(true);
        const scale = 1 + M.norm('frobenius') * (1 + Math.hypot(...b));
        // Primal feasibility, dual feasibility, complementary slackness.
        for (let j = 0; j < M.columns; j++) {
          expect(r.x[j]).toBeGreaterThanOrEqual(0);
          expect(r.gradient[j]).toBeLessThanOrEqual(1e-9 * scale);
          if (r.x[j] > 0) expect(Math.abs(r.gradient[j])).toBeLessThanOrEqual(1e-9 * scale);
        }
        // The optimum value is unique (convex problem) even when x is not.
        const bf = bruteForce(M, b);
        expect(r.residualNorm).toBeLessThanOrEqual(bf.residual + 1e-9 * scale);
        expect(r.residualNorm).toBeGreaterThanOrEqual(bf.residual - 1e-9 * scale);
      }),
      { numRuns: 300, seed: 20260105 },
    );
  });

  it('handles nearly dependent columns (ridge-free, duplicated column)', () => {
    const r = nnls(new Matrix([[1, 1, 0], [2, 2, 1], [3, 3 + 1e-13, 0]]), [1, 2, 3]);
    expect(r.converged).toBe(true);
    expect(r.residualNorm).toBeLessThan(1e-9);
    expect(r.x[0] + r.x[1]).toBeCloseTo(1, 9);
  });
});

describe('foldAssignment(n, k, seed)', () => {
  it('gives balanced folds, deterministic per seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 200 }), fc.integer({ min: 2, max: 20 }), fc.integer(), (n, k, seed) => {
        fc.pre(k <= n);
        const f = foldAssignment(n, k, seed);
        const sizes = new Array<number>(k).fill(0);
        for (const g of f) sizes[g]++;
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        expect(Array.from(foldAssignment(n, k, seed))).toEqual(Array.from(f));
      }),
      { seed: 7 },
    );
    expect(() => foldAssignment(3, 4, 1)).toThrow(RangeError);
  });
});
