/**
 * Non-negative least squares: min ‖Ax − b‖₂ subject to x ≥ 0, by the active-set method
 * of Lawson and Hanson: the fit behind `calibrateWeights` (non-negative criterion weights).
 *
 * @module
 */
import { Matrix, QrDecomposition, SingularValueDecomposition } from 'ml-matrix';

/** What {@link nnls} returns. */
export interface NnlsResult {
  /** The solution, every entry ≥ 0. */
  readonly x: Float64Array;
  /** The negative gradient Aᵀ(b − Ax): ≤ tolerance everywhere, ≈ 0 where x > 0 (KKT). */
  readonly gradient: Float64Array;
  /** ‖Ax − b‖₂. */
  readonly residualNorm: number;
  /** Least-squares solves performed. */
  readonly iterations: number;
  /** False when `maxIterations` was reached first (x is then feasible but may not be optimal). */
  readonly converged: boolean;
}

/** Options of {@link nnls}. */
export interface NnlsOptions {
  /**
   * Largest gradient entry counted as zero.
   * @defaultValue `10 · ε · ‖A‖₁ · max(m, n)` (as in Lawson–Hanson / scipy)
   */
  readonly tolerance?: number;
  /** @defaultValue `max(30, 3n)` least-squares solves */
  readonly maxIterations?: number;
}

/**
 * Solves min ‖Ax − b‖₂ subject to x ≥ 0 (Lawson & Hanson, *Solving Least Squares
 * Problems*, 1974, ch. 23, algorithm NNLS). Each step solves an unconstrained least
 * squares problem on the passive columns with ml-matrix's QR (SVD when the passive
 * columns are numerically dependent). A column whose first solve would not be positive
 * is set aside until x next changes, which avoids the classic cycling of the method on
 * nearly dependent columns. Neither input is mutated.
 *
 * Work: O(iterations · m · n²) for A of m × n.
 *
 * @param A - m × n matrix.
 * @param b - m values.
 * @returns The solution with its gradient (for KKT checks) and residual norm.
 *
 * @example
 * ```ts
 * nnls(new Matrix([[1, 0], [0, 1]]), [2, -1]).x; // Float64Array [2, 0]
 * ```
 */
export function nnls(A: Matrix, b: ArrayLike<number>, options: NnlsOptions = {}): NnlsResult {
  const m = A.rows;
  const n = A.columns;
  if (b.length !== m) throw new RangeError(`nnls: expected b of length ${m}; found ${b.length}`);
  const bv = Matrix.columnVector(Array.from(b));
  const eps = Number.EPSILON;
  const tol = options.tolerance ?? 10 * eps * A.norm('frobenius') * Math.max(m, n, 1) * Math.sqrt(Math.max(n, 1));
  const maxIter = options.maxIterations ?? Math.max(30, 3 * n);
  const x = new Float64Array(n);
  const passive = new Uint8Array(n);
  const blocked = new Uint8Array(n);
  let iterations = 0;
  let converged = true;
  let w = gradient(A, bv, x);

  outer: for (;;) {
    let t = -1;
    let best = tol;
    for (let j = 0; j < n; j++) {
      if (!passive[j] && !blocked[j] && w[j] > best) {
        best = w[j];
        t = j;
      }
    }
    if (t < 0) break;
    passive[t] = 1;
    let first = true;
    for (;;) {
      if (iterations >= maxIter) {
        converged = false;
        passive[t] = x[t] > 0 ? 1 : 0;
        break outer;
      }
      iterations++;
      const P: number[] = [];
      for (let j = 0; j < n; j++) if (passive[j]) P.push(j);
      const s = leastSquares(A.subMatrixColumn(P), bv);
      if (first) {
        first = false;
        const st = s[P.indexOf(t)];
        if (!(st > 0)) {
          // Numerically t does not help after all: set it aside until x changes.
          passive[t] = 0;
          blocked[t] = 1;
          continue outer;
        }
      }
      let allPositive = true;
      for (let k = 0; k < P.length; k++) if (!(s[k] > 0)) allPositive = false;
      if (allPositive) {
        for (let k = 0; k < P.length; k++) x[P[k]] = s[k];
        break;
      }
      // Step from x towards s as far as feasibility allows; drop the columns that hit 0.
      let alpha = Infinity;
      let hit = -1;
      for (let k = 0; k < P.length; k++) {
        if (!(s[k] > 0)) {
          const j = P[k];
          const a = x[j] / (x[j] - s[k]);
          if (a < alpha) {
            alpha = a;
            hit = j;
          }
        }
      }
      for (let k = 0; k < P.length; k++) {
        const j = P[k];
        x[j] += alpha * (s[k] - x[j]);
        // The blocking column lands on 0 exactly; others that rounding leaves at ~0 go too.
        if (j === hit || x[j] <= 1e-15 * Math.max(1, Math.abs(s[k]))) {
          x[j] = 0;
          passive[j] = 0;
        }
      }
    }
    blocked.fill(0);
    w = gradient(A, bv, x);
  }
  for (let j = 0; j < n; j++) if (!passive[j]) x[j] = 0;
  const r = A.mmul(Matrix.columnVector(Array.from(x))).sub(bv);
  return { x, gradient: w, residualNorm: r.norm('frobenius'), iterations, converged };
}

/** Aᵀ(b − Ax). */
function gradient(A: Matrix, b: Matrix, x: Float64Array): Float64Array {
  const r = b.clone().sub(A.mmul(Matrix.columnVector(Array.from(x))));
  return Float64Array.from(A.transpose().mmul(r).getColumn(0));
}

/** Unconstrained least squares on the given columns: QR, or SVD when rank deficient. */
function leastSquares(AP: Matrix, b: Matrix): number[] {
  const qr = new QrDecomposition(AP);
  if (AP.rows >= AP.columns && qr.isFullRank()) return qr.solve(b).getColumn(0);
  return new SingularValueDecomposition(AP, { autoTranspose: true }).solve(b).getColumn(0);
}
