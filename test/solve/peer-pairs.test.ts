/**
 * peerPairs: peer pairs inside one pool, read as a specification.
 *
 * Contract: nobody is in two places, a forbidden pair (-Infinity) is never put together,
 * the total is the sum of the weights inside pairs and the trio; the pairs are the exact
 * maximum-cardinality, maximum-weight matching (brute force for n ≤ 8) and an odd pool
 * with every pair allowed leaves exactly one person out (or forms one trio).
 *
 * A fast-check failure prints its seed and path: pin it by adding the counterexample to
 * the example tests.
 */
import fc from 'fast-check';
import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';

import { peerPairs } from '../../src/solve/peer-pairs.js';
import type { DenseMatrix } from '../../src/solve/types.js';
import { expectMatchError } from '../_helpers/expect-error.js';
import { poolArb, sym, w, X } from '../_helpers/peer-pools.js';

/** Brute force: maximum cardinality, then maximum weight, over all matchings. */
function bruteForcePairs(m: DenseMatrix): { count: number; total: number } {
  const n = m.rows;
  const used = new Uint8Array(n);
  let best = { count: -1, total: -Infinity };
  const rec = (count: number, total: number): void => {
    let v = 0;
    while (v < n && used[v]) v++;
    if (v === n) {
      if (count > best.count || (count === best.count && total > best.total)) best = { count, total };
      return;
    }
    used[v] = 1;
    rec(count, total); // v stays unmatched
    for (let u = v + 1; u < n; u++) {
      if (used[u] || w(m, v, u) === X) continue;
      used[u] = 1;
      rec(count + 1, total + w(m, v, u));
      used[u] = 0;
    }
    used[v] = 0;
  };
  rec(0, 0);
  return best;
}

// ---------------------------------------------------------------------------
// peerPairs
// ---------------------------------------------------------------------------

describe('peerPairs(weights, { odd })', () => {
  const three = sym([
    [0, 5, 1],
    [5, 0, 2],
    [1, 2, 0],
  ]);

  it("leaves out the person whose absence costs least with odd: 'leave-one' (the @example)", () => {
    expect(peerPairs(three, { odd: 'leave-one' })).toEqual({ pairs: [[0, 1]], trio: null, unmatched: [2], total: 5 });
  });

  it("adds the person left out to the pair they fit best with odd: 'trio' (the @example)", () => {
    expect(peerPairs(three, { odd: 'trio' })).toEqual({ pairs: [], trio: [0, 1, 2], unmatched: [], total: 8 });
  });

  it('is the maximum-cardinality matching first: a heavy edge gives way to two lighter pairs', () => {
    const m = sym([
      [0, 8, 9, 0],
      [8, 0, 10, 0],
      [9, 10, 0, 7],
      [0, 0, 7, 0],
    ]);
    expect(peerPairs(m, { odd: 'leave-one' })).toEqual({ pairs: [[0, 1], [2, 3]], trio: null, unmatched: [], total: 15 });
    expect(peerPairs(m, { odd: 'trio' })).toEqual({ pairs: [[0, 1], [2, 3]], trio: null, unmatched: [], total: 15 });
  });

  it('picks the trio pair by the sum of the two new edges, skipping pairs with a forbidden edge', () => {
    // pairs (0,1) = 10 and (2,3) = 10; person 4 is left out (all its edges are weak).
    // 4 + 0 = 3, 4 + 1 = 3 (sum 6) vs 4 + 2 = 5, 4 + 3 forbidden: the trio is {0, 1, 4}.
    const m = sym([
      [0, 10, 0, 0, 3],
      [10, 0, 0, 0, 3],
      [0, 0, 0, 10, 5],
      [0, 0, 10, 0, X],
      [3, 3, 5, X, 0],
    ]);
    const r = peerPairs(m, { odd: 'trio' });
    expect(r).toEqual({ pairs: [[2, 3]], trio: [0, 1, 4], unmatched: [], total: 26 });
  });

  it('forms no trio when the person left out cannot join any pair', () => {
    const m = sym([
      [0, 4, X],
      [4, 0, X],
      [X, X, 0],
    ]);
    expect(peerPairs(m, { odd: 'trio' })).toEqual({ pairs: [[0, 1]], trio: null, unmatched: [2], total: 4 });
  });

  it('takes a negative edge when it is the only way to pair more people', () => {
    const m = sym([
      [0, -3],
      [-3, 0],
    ]);
    expect(peerPairs(m, { odd: 'leave-one' })).toEqual({ pairs: [[0, 1]], trio: null, unmatched: [], total: -3 });
  });

  it("peerPairs(number[][]), (Matrix), ({ rows, cols, data }) agree; odd defaults to 'leave-one'", () => {
    const rows = [
      [0, 5, 1],
      [5, 0, 2],
      [1, 2, 0],
    ];
    const r = peerPairs(rows);
    expect(r).toEqual(peerPairs(three, { odd: 'leave-one' }));
    expect(peerPairs(new Matrix(rows), {})).toEqual(r);
    expect(peerPairs(sym(rows), { odd: 'trio' })).toEqual(peerPairs(rows, { odd: 'trio' }));
  });

  it('handles the empty pool and a pool of one', () => {
    expect(peerPairs(sym([]), { odd: 'trio' })).toEqual({ pairs: [], trio: null, unmatched: [], total: 0 });
    expect(peerPairs(sym([[0]]), { odd: 'trio' })).toEqual({ pairs: [], trio: null, unmatched: [0], total: 0 });
  });

  it.each<[string, () => unknown]>([
    ['an asymmetric matrix', () => peerPairs(sym([[0, 1], [2, 0]]), { odd: 'leave-one' })],
    ['a non-square matrix', () => peerPairs({ rows: 1, cols: 2, data: new Float64Array(2) }, { odd: 'leave-one' })],
    ['NaN', () => peerPairs(sym([[0, NaN], [NaN, 0]]), { odd: 'leave-one' })],
    ['+Infinity', () => peerPairs(sym([[0, Infinity], [Infinity, 0]]), { odd: 'leave-one' })],
    ['an unknown odd', () => peerPairs(sym([[0, 1], [1, 0]]), { odd: 'pair' as 'trio' })],
    ['a ragged matrix', () => peerPairs([[0, 1], [1]])],
    ['options that are not an object', () => peerPairs(sym([[0, 1], [1, 0]]), 'trio' as never)],
  ])('rejects %s with INVALID_INPUT', (_, f) => {
    expectMatchError(f, 'INVALID_INPUT');
  });
});

describe('peerPairs properties', () => {
  const odd = fc.constantFrom<'leave-one' | 'trio'>('leave-one', 'trio');

  it('everyone appears once, no forbidden pair is used, and the total adds up', () => {
    fc.assert(
      fc.property(poolArb({ maxN: 9, forbidden: true }), odd, (m, mode) => {
        const r = peerPairs(m, { odd: mode });
        const seen = [...r.pairs.flat(), ...(r.trio ?? []), ...r.unmatched].sort((a, b) => a - b);
        expect(seen).toEqual(Array.from({ length: m.rows }, (_, i) => i));
        let total = 0;
        for (const [a, b] of r.pairs) {
          expect(a).toBeLessThan(b);
          expect(w(m, a, b)).not.toBe(X);
          total += w(m, a, b);
        }
        if (r.trio) {
          const [a, b, c] = r.trio;
          expect(a < b && b < c).toBe(true);
          for (const [x, y] of [[a, b], [a, c], [b, c]]) {
            expect(w(m, x, y)).not.toBe(X);
            total += w(m, x, y);
          }
          expect(mode).toBe('trio');
        }
        expect(r.total).toBeCloseTo(total, 9);
      }),
      { numRuns: 300 },
    );
  });

  it("'leave-one' is the brute-force maximum-cardinality, maximum-weight matching", () => {
    fc.assert(
      fc.property(poolArb({ maxN: 8, forbidden: true }), (m) => {
        const r = peerPairs(m, { odd: 'leave-one' });
        const bf = bruteForcePairs(m);
        expect(r.pairs.length).toBe(bf.count);
        expect(r.total).toBeCloseTo(bf.total, 9);
      }),
      { numRuns: 300 },
    );
  });

  it("'trio' adds the best (left-out person, pair) insertion to the exact pairs", () => {
    fc.assert(
      fc.property(poolArb({ maxN: 9, forbidden: true }), (m) => {
        const base = peerPairs(m, { odd: 'leave-one' });
        const r = peerPairs(m, { odd: 'trio' });
        let best = -Infinity;
        for (const u of base.unmatched) {
          for (const [a, b] of base.pairs) if (w(m, u, a) !== X && w(m, u, b) !== X) best = Math.max(best, w(m, u, a) + w(m, u, b));
        }
        if (best === -Infinity) {
          expect(r).toEqual(base);
        } else {
          expect(r.trio).not.toBeNull();
          expect(r.total).toBeCloseTo(base.total + best, 9);
          expect(r.unmatched.length).toBe(base.unmatched.length - 1);
          expect(r.pairs.length).toBe(base.pairs.length - 1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a complete allowed graph: an odd pool leaves exactly one out (or forms one trio), an even pool nobody', () => {
    fc.assert(
      fc.property(poolArb({ minN: 1, maxN: 11, forbidden: false }), (m) => {
        const n = m.rows;
        const leave = peerPairs(m, { odd: 'leave-one' });
        expect(leave.unmatched.length).toBe(n % 2);
        expect(leave.pairs.length).toBe(Math.floor(n / 2));
        const trio = peerPairs(m, { odd: 'trio' });
        if (n % 2 === 1 && n >= 3) {
          expect(trio.unmatched).toEqual([]);
          expect(trio.trio).not.toBeNull();
        } else {
          expect(trio).toEqual(leave);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('the person left out of an odd complete pool is the one whose absence costs least', () => {
    fc.assert(
      fc.property(poolArb({ minN: 3, maxN: 7, forbidden: false }).filter((m) => m.rows % 2 === 1), (m) => {
        const r = peerPairs(m, { odd: 'leave-one' });
        // best perfect matching of the pool without v, for every v
        let best = -Infinity;
        for (let v = 0; v < m.rows; v++) {
          const data = m.data.slice();
          for (let u = 0; u < m.rows; u++) data[v * m.rows + u] = data[u * m.rows + v] = X;
          best = Math.max(best, bruteForcePairs({ ...m, data }).total);
        }
        expect(r.total).toBeCloseTo(best, 9);
      }),
      { numRuns: 100 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(poolArb({ maxN: 12, forbidden: true }), odd, (m, mode) => {
        expect(peerPairs(m, { odd: mode })).toEqual(peerPairs(m, { odd: mode }));
      }),
      { numRuns: 100 },
    );
  });
});
