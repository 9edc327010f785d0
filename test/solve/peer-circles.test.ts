/**
 * peerCircles: peer circles inside one pool, read as a specification.
 *
 * Contract: nobody is in two places, a forbidden pair (-Infinity) is never put in one
 * circle, the total is the sum of the weights inside circles; the circles follow the size
 * plan (planSizes), stay within it, and end at a local optimum (`converged: true`) or say
 * the budget ran out (`converged: false`).
 *
 * A fast-check failure prints its seed and path: pin it by adding the counterexample to
 * the example tests.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { peerCircles, planSizes } from '../../src/solve/peer-circles.js';
import { peerPairs } from '../../src/solve/peer-pairs.js';
import type { DenseMatrix } from '../../src/solve/types.js';
import { expectMatchError } from '../_helpers/expect-error.js';
import { poolArb, sym, w, X } from '../_helpers/peer-pools.js';

/** Brute force: best total over partitions of 0..n-1 into circles of exactly `sizes` (every pair allowed). */
function bruteForceCircles(m: DenseMatrix, sizes: readonly number[]): number {
  const n = m.rows;
  const circles: number[][] = sizes.map(() => []);
  let best = -Infinity;
  const rec = (p: number, total: number): void => {
    if (p === n) {
      best = Math.max(best, total);
      return;
    }
    let triedEmpty = false;
    for (let c = 0; c < sizes.length; c++) {
      if (circles[c].length >= sizes[c]) continue;
      // symmetry: put p in at most one empty circle of each size
      if (circles[c].length === 0) {
        if (triedEmpty && sizes.some((s, d) => d < c && s === sizes[c] && circles[d].length === 0)) continue;
        triedEmpty = true;
      }
      let add = 0;
      for (const x of circles[c]) add += w(m, p, x);
      circles[c].push(p);
      rec(p + 1, total + add);
      circles[c].pop();
    }
  };
  rec(0, 0);
  return best;
}

function circleTotal(m: DenseMatrix, circles: readonly (readonly number[])[]): number {
  let t = 0;
  for (const g of circles) for (let a = 0; a < g.length; a++) for (let b = a + 1; b < g.length; b++) t += w(m, g[a], g[b]);
  return t;
}

// ---------------------------------------------------------------------------
// peerCircles
// ---------------------------------------------------------------------------

describe('planSizes(n, k): circle sizes', () => {
  it.each<[number, number, number[]]>([
    [0, 3, []],
    [1, 3, []],
    [2, 3, [2]],
    [3, 3, [3]],
    [5, 3, [3, 2]],
    [6, 3, [3, 3]],
    [7, 3, [4, 3]],
    [8, 3, [4, 4]], // tie between [4, 4] and [3, 3, 2]: ⌊n/k⌋ circles
    [6, 5, [6]],
    [9, 5, [5, 4]],
    [11, 5, [6, 5]],
    [12, 10, [12]],
    [14, 10, [7, 7]],
    [5, 2, [3, 2]],
    [10, 2, [2, 2, 2, 2, 2]],
    [100, 4, new Array<number>(25).fill(4)],
    [103, 4, [5, 5, 5, ...new Array<number>(22).fill(4)]],
  ])('planSizes(%i, %i) = %j', (n, k, sizes) => {
    expect(planSizes(n, k)).toEqual(sizes);
  });

  it('sizes add up to n, differ by at most one, are ≥ 2, and are k or k + 1 once n ≥ k(k − 1)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 400 }), fc.integer({ min: 2, max: 12 }), (n, k) => {
        const sizes = planSizes(n, k);
        expect(sizes.reduce((a, b) => a + b, 0)).toBe(n);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        expect(Math.min(...sizes)).toBeGreaterThanOrEqual(Math.min(2, n));
        if (n >= k) expect(Math.min(...sizes)).toBeGreaterThanOrEqual(Math.max(2, Math.floor(k / 2)));
        if (n >= k * (k - 1)) for (const s of sizes) expect([k, k + 1]).toContain(s);
      }),
      { numRuns: 500 },
    );
  });
});

describe('peerCircles(weights, k)', () => {
  it('finds two clear clusters (the @example)', () => {
    const m = sym([
      [0, 9, 8, 1, 1, 1],
      [9, 0, 7, 1, 1, 1],
      [8, 7, 0, 1, 1, 1],
      [1, 1, 1, 0, 6, 5],
      [1, 1, 1, 6, 0, 4],
      [1, 1, 1, 5, 4, 0],
    ]);
    expect(peerCircles(m, 3)).toEqual({ circles: [[0, 1, 2], [3, 4, 5]], unmatched: [], total: 39, moves: 0, converged: true });
  });

  it('repairs a greedy seeding by a swap', () => {
    // k = 2: greedy takes the strongest edge (0,1) = 10, leaving (2,3) = 0; swapping 0 and 3
    // gives (0,2) + (1,3) = 18.
    const m = sym([
      [0, 10, 9, 0],
      [10, 0, 0, 9],
      [9, 0, 0, 0],
      [0, 9, 0, 0],
    ]);
    const r = peerCircles(m, 2);
    expect(r.circles).toEqual([[0, 2], [1, 3]]);
    expect(r.total).toBe(18);
    expect(r.moves).toBe(1);
  });

  it('never puts a forbidden pair in a circle, and leaves out who cannot be placed', () => {
    // 4 cannot meet anyone; 5 may only meet 0.
    const m = sym([
      [0, 5, 5, 5, X, 1],
      [5, 0, 5, 5, X, X],
      [5, 5, 0, 5, X, X],
      [5, 5, 5, 0, X, X],
      [X, X, X, X, 0, X],
      [1, X, X, X, X, 0],
    ]);
    // 5 eligible people (4 is not) → plan [3, 2]; 5 fits nowhere but with 0.
    const r = peerCircles(m, 3);
    expect(r.unmatched).toContain(4);
    for (const g of r.circles) for (const a of g) for (const b of g) if (a !== b) expect(w(m, a, b)).not.toBe(X);
    expect([...r.circles.flat(), ...r.unmatched].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(r.unmatched).toEqual([4]);
    // 5 is with 0 in a pair; {1, 2, 3} form the circle of three.
    expect(r.circles).toEqual([[0, 5], [1, 2, 3]]);
    expect(r.total).toBe(1 + 15);
  });

  it('forms one smaller circle when the pool is smaller than k, and none below 2 people', () => {
    const m = sym([
      [0, 1, 2],
      [1, 0, 3],
      [2, 3, 0],
    ]);
    expect(peerCircles(m, 5).circles).toEqual([[0, 1, 2]]);
    expect(peerCircles(sym([[0]]), 3)).toEqual({ circles: [], unmatched: [0], total: 0, moves: 0, converged: true });
    expect(peerCircles(sym([]), 3)).toEqual({ circles: [], unmatched: [], total: 0, moves: 0, converged: true });
  });

  it('peerCircles(number[][]) equals peerCircles({ rows, cols, data })', () => {
    const rows = [
      [0, 9, 8, 1, 1, 1],
      [9, 0, 7, 1, 1, 1],
      [8, 7, 0, 1, 1, 1],
      [1, 1, 1, 0, 6, 5],
      [1, 1, 1, 6, 0, 4],
      [1, 1, 1, 5, 4, 0],
    ];
    expect(peerCircles(rows, 3)).toEqual(peerCircles(sym(rows), 3));
  });

  it('stops on the work budget with converged: false and a valid answer', () => {
    const m = sym([
      [0, 10, 9, 0],
      [10, 0, 0, 9],
      [9, 0, 0, 0],
      [0, 9, 0, 0],
    ]);
    const r = peerCircles(m, 2, { maxWork: 0 });
    expect(r.converged).toBe(false);
    expect(r.circles).toEqual([[0, 1], [2, 3]]);
  });

  it.each<[string, () => unknown]>([
    ['k = 1', () => peerCircles(sym([[0, 1], [1, 0]]), 1)],
    ['k = 2.5', () => peerCircles(sym([[0, 1], [1, 0]]), 2.5)],
    ['an asymmetric matrix', () => peerCircles(sym([[0, 1], [2, 0]]), 2)],
    ['a non-square matrix', () => peerCircles({ rows: 1, cols: 2, data: new Float64Array(2) }, 2)],
    ['NaN', () => peerCircles(sym([[0, NaN], [NaN, 0]]), 2)],
    ['+Infinity', () => peerCircles(sym([[0, Infinity], [Infinity, 0]]), 2)],
    ['a negative maxWork', () => peerCircles(sym([[0, 1], [1, 0]]), 2, { maxWork: -1 })],
    ['a ragged matrix', () => peerCircles([[0, 1], [1]], 2)],
    ['options that are not an object', () => peerCircles(sym([[0, 1], [1, 0]]), 2, null as never)],
  ])('rejects %s with INVALID_INPUT', (_, f) => {
    expectMatchError(f, 'INVALID_INPUT');
  });
});

describe('peerCircles properties', () => {
  const k = fc.integer({ min: 2, max: 4 });

  /**
   * Size plan of the eligible people, per component of the allowed-pair graph (each is
   * planned on its own, since no circle can span two): for person p, `planOf(...).of(p)`
   * gives the component's sizes, base size and how many circles may have base + 1.
   */
  function planOf(m: DenseMatrix, kk: number): { eligible: boolean[]; comp: number[]; of: (p: number) => { sizes: number[]; base: number; extra: number } } {
    const n = m.rows;
    const eligible = Array.from({ length: n }, (_, a) => Array.from({ length: n }, (_, b) => b !== a && w(m, a, b) !== X).some(Boolean));
    const comp = Array.from({ length: n }, () => -1);
    let c = 0;
    for (let s0 = 0; s0 < n; s0++) {
      if (comp[s0] >= 0) continue;
      const stack = [s0];
      comp[s0] = c;
      while (stack.length) {
        const a = stack.pop()!;
        for (let b = 0; b < n; b++) if (b !== a && comp[b] < 0 && w(m, a, b) !== X) (comp[b] = c, stack.push(b));
      }
      c++;
    }
    const plans = new Map<number, { sizes: number[]; base: number; extra: number }>();
    const of = (p: number) => {
      let plan = plans.get(comp[p]);
      if (!plan) {
        const sizes = planSizes(eligible.filter((e, q) => e && comp[q] === comp[p]).length, kk);
        const base = sizes.length === 0 ? 0 : Math.min(...sizes);
        plan = { sizes, base, extra: sizes.filter((x) => x > base).length };
        plans.set(comp[p], plan);
      }
      return plan;
    };
    return { eligible, comp, of };
  }

  /** No insertion, circle opening or swap would place more people or raise the total. */
  function expectLocalOptimum(m: DenseMatrix, kk: number, r: ReturnType<typeof peerCircles>): void {
    const n = m.rows;
    const { eligible, comp, of } = planOf(m, kk);
    const allowedIn = (p: number, g: readonly number[]): boolean => g.every((x) => x === p || w(m, p, x) !== X);
    const inComp = (p: number) => r.circles.filter((g) => comp[g[0]] === comp[p]);
    const at = (p: number): number => r.circles.findIndex((g) => g.includes(p));
    for (const p of r.unmatched) {
      if (!eligible[p]) continue;
      const { sizes, base, extra } = of(p);
      const mine = inComp(p);
      const big = mine.filter((g) => g.length === base + 1).length;
      for (const g of mine) {
        const room = g.length < base || (g.length === base && big < extra);
        if (room) expect(allowedIn(p, g), `insert ${p} into ${g}`).toBe(false);
      }
      if (mine.length < sizes.length) {
        // an empty circle could be opened with any allowed partner not needed to keep a circle at 2
        for (let v = 0; v < n; v++) {
          if (v === p || w(m, p, v) === X) continue;
          expect(at(v) >= 0 && r.circles[at(v)].length === 2, `open a circle with ${p} and ${v}`).toBe(true);
        }
      }
    }
    const circles = r.circles.map((g) => [...g]);
    const tol = 1e-7;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const a = at(p);
        const b = at(q);
        if (a === b || !eligible[p] || !eligible[q]) continue;
        const next = circles.map((g, c) => (c === a ? g.map((x) => (x === p ? q : x)) : c === b ? g.map((x) => (x === q ? p : x)) : g));
        if (!next.every((g) => g.every((x) => allowedIn(x, g)))) continue;
        expect(circleTotal(m, next), `swap ${p} ↔ ${q}`).toBeLessThanOrEqual(r.total + tol);
      }
    }
  }

  it('two components (0–3 and 1–2 allowed, k = 3) form one circle each, as planned per component', () => {
    const X_ = -Infinity;
    const m: DenseMatrix = { rows: 4, cols: 4, data: Float64Array.from([0, X_, X_, 0, X_, 0, 0, X_, X_, 0, 0, X_, 0, X_, X_, 0]) };
    const r = peerCircles(m, 3);
    expect(r.circles).toEqual([[0, 3], [1, 2]]);
    expect(r.unmatched).toEqual([]);
  });

  it('never a forbidden pair inside a circle, nobody twice, sizes within the plan, total adds up', () => {
    fc.assert(
      fc.property(poolArb({ maxN: 10, forbidden: true }), k, (m, kk) => {
        const r = peerCircles(m, kk);
        const seen = [...r.circles.flat(), ...r.unmatched].sort((a, b) => a - b);
        expect(seen).toEqual(Array.from({ length: m.rows }, (_, i) => i));
        const { eligible, comp, of } = planOf(m, kk);
        for (let p = 0; p < m.rows; p++) if (!eligible[p]) expect(r.unmatched).toContain(p);
        // Per component of the allowed-pair graph: within its own plan.
        for (const g of r.circles) {
          const { sizes, base, extra } = of(g[0]);
          const mine = r.circles.filter((h) => comp[h[0]] === comp[g[0]]);
          expect(mine.length).toBeLessThanOrEqual(sizes.length);
          expect(mine.filter((h) => h.length === base + 1).length).toBeLessThanOrEqual(extra);
          expect(g.every((x) => comp[x] === comp[g[0]])).toBe(true);
        }
        for (const g of r.circles) {
          const { base } = of(g[0]);
          expect(g.length).toBeGreaterThanOrEqual(2);
          expect(g.length).toBeLessThanOrEqual(base + 1);
          for (let s = 0; s < g.length; s++) {
            if (s > 0) expect(g[s - 1]).toBeLessThan(g[s]);
            for (let t = s + 1; t < g.length; t++) expect(w(m, g[s], g[t])).not.toBe(X);
          }
        }
        expect(r.total).toBeCloseTo(circleTotal(m, r.circles), 9);
        expect(r.converged).toBe(true);
        expectLocalOptimum(m, kk, r);
      }),
      { numRuns: 300 },
    );
  });

  it('a complete allowed graph: everyone placed, sizes exactly the plan, total ≤ the brute-force optimum', () => {
    fc.assert(
      fc.property(poolArb({ maxN: 8, forbidden: false }), k, (m, kk) => {
        const r = peerCircles(m, kk);
        const sizes = planSizes(m.rows, kk);
        expect(r.unmatched).toEqual(m.rows < 2 ? Array.from({ length: m.rows }, (_, i) => i) : []);
        expect(r.circles.map((g) => g.length).sort((a, b) => b - a)).toEqual(sizes);
        if (sizes.length > 0) expect(r.total).toBeLessThanOrEqual(bruteForceCircles(m, sizes) + 1e-9);
      }),
      { numRuns: 200 },
    );
  });

  it('k = 2 on an even complete pool never beats the exact peerPairs total', () => {
    fc.assert(
      fc.property(poolArb({ maxN: 10, forbidden: false }).filter((m) => m.rows % 2 === 0), (m) => {
        const r = peerCircles(m, 2);
        expect(r.total).toBeLessThanOrEqual(peerPairs(m, { odd: 'leave-one' }).total + 1e-9);
      }),
      { numRuns: 200 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(poolArb({ maxN: 12, forbidden: true }), k, (m, kk) => {
        expect(peerCircles(m, kk)).toEqual(peerCircles(m, kk));
      }),
      { numRuns: 100 },
    );
  });

  it('200 people, k = 4, random weights: valid and at least as good as the seeding alone', () => {
    let seed = 7;
    const rnd = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const n = 200;
    const data = new Float64Array(n * n);
    for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) data[a * n + b] = data[b * n + a] = rnd() < 0.05 ? X : Math.round(rnd() * 100) / 100;
    const m = { rows: n, cols: n, data };
    const seeded = peerCircles(m, 4, { maxWork: 0 });
    const r = peerCircles(m, 4);
    expect(r.total).toBeGreaterThanOrEqual(seeded.total);
    expect(r.moves).toBeGreaterThan(0);
    expect(r.unmatched).toEqual([]);
    for (const g of r.circles) {
      expect(g.length).toBe(4);
      for (const a of g) for (const b of g) if (a !== b) expect(w(m, a, b)).not.toBe(X);
    }
  });
});
