/**
 * The heap-based sparse kernel (src/solve/_internal/blossom-sparse.ts) against the
 * stage-based kernel, brute force and its own optimality certificate. `solveBlossomSparse`
 * returns null when the certificate fails (the public entry point then falls back), so
 * these tests call it directly and require a non-null answer: a fallback would hide a bug.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveBlossom } from '../../src/solve/_internal/blossom-core.js';
import { solveBlossomSparse, type CsrGraph } from '../../src/solve/_internal/blossom-sparse.js';
import { maxWeightMatching } from '../../src/solve/blossom.js';
import { bruteForceCardinality, bruteForceMatching, checkMatching } from '../_helpers/peer-cases.js';

type Edge = [number, number, number];

function csr(n: number, edges: readonly Edge[]): CsrGraph {
  const offsets = new Int32Array(n + 1);
  for (const [u, v] of edges) {
    offsets[u + 1]++;
    offsets[v + 1]++;
  }
  for (let x = 0; x < n; x++) offsets[x + 1] += offsets[x];
  const fill = offsets.slice(0, n);
  const adjVertex = new Int32Array(2 * edges.length);
  const adjWeight = new Float64Array(2 * edges.length);
  for (const [u, v, w] of edges) {
    let p = fill[u]++;
    adjVertex[p] = v;
    adjWeight[p] = w;
    p = fill[v]++;
    adjVertex[p] = u;
    adjWeight[p] = w;
  }
  return { n, offsets, adjVertex, adjWeight };
}

const isInt = (edges: readonly Edge[]): boolean => edges.every(([, , w]) => Number.isInteger(w));

function heap(n: number, edges: readonly Edge[], maxCardinality: boolean, jumpStart = true): { total: number; cardinality: number } {
  const mate = solveBlossomSparse(csr(n, edges), { maxCardinality, integral: isInt(edges), jumpStart });
  expect(mate, 'optimality certificate of the heap kernel').not.toBeNull();
  return checkMatching(n, edges, mate!);
}

function stages(n: number, edges: readonly Edge[], maxCardinality: boolean): { total: number; cardinality: number } {
  const mate = solveBlossom({ kind: 'sparse', ...csr(n, edges) }, { maxCardinality, integral: isInt(edges), kernel: 'stages' });
  return checkMatching(n, edges, mate);
}

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** A sparse random graph: n ≤ maxN, about `deg`·n/2 distinct pairs, random orientation. */
function sparseArb(maxN: number, deg: number, weight: fc.Arbitrary<number>): fc.Arbitrary<{ n: number; edges: Edge[] }> {
  return fc.integer({ min: 2, max: maxN }).chain((n) =>
    fc
      .array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), weight), { maxLength: Math.ceil((deg * n) / 2) })
      .map((raw) => {
        const seen = new Set<number>();
        const edges: Edge[] = [];
        for (const [u, v, w] of raw) {
          if (u === v) continue;
          const key = Math.min(u, v) * n + Math.max(u, v);
          if (seen.has(key)) continue;
          seen.add(key);
          edges.push([u, v, w]);
        }
        return { n, edges };
      }),
  );
}

const intWeight = fc.integer({ min: -5, max: 40 });
/** Few distinct values: many ties, hence many blossoms, expansions and zero-dual blossoms. */
const tieWeight = fc.integer({ min: 0, max: 3 });
/** Multiples of 1/1024: exact in float64, non-integral duals. */
const dyadicWeight = fc.integer({ min: 0, max: 1 << 12 }).map((k) => k / 1024);
const floatWeight = fc.double({ min: -10, max: 100, noNaN: true, noDefaultInfinity: true });

describe('sparse blossom kernel: properties', () => {
  for (const [kind, weight] of [
    ['integer', intWeight],
    ['tied integer', tieWeight],
    ['dyadic', dyadicWeight],
  ] as const) {
    for (const maxCardinality of [false, true]) {
      it(`equals brute force on n ≤ 9 (${kind} weights, maxCardinality=${maxCardinality})`, () => {
        fc.assert(
          fc.property(sparseArb(9, 4, weight), ({ n, edges }) => {
            const got = heap(n, edges, maxCardinality);
            const best = bruteForceMatching(n, edges, maxCardinality);
            expect(got.total).toBe(best.total);
            if (maxCardinality) expect(got.cardinality).toBe(bruteForceCardinality(n, edges));
          }),
          { numRuns: 300 },
        );
      });

      it(`equals the stage kernel exactly on sparse graphs up to 80 vertices (${kind} weights, maxCardinality=${maxCardinality})`, () => {
        fc.assert(
          fc.property(sparseArb(80, 6, weight), ({ n, edges }) => {
            const a = heap(n, edges, maxCardinality);
            const b = stages(n, edges, maxCardinality);
            expect(a.total).toBe(b.total);
            if (maxCardinality) expect(a.cardinality).toBe(b.cardinality);
          }),
          { numRuns: 200 },
        );
      });
    }
  }

  it('with the uniform-dual start (no jump start) gives the same totals', () => {
    fc.assert(
      fc.property(sparseArb(40, 5, fc.oneof(intWeight, tieWeight)), fc.boolean(), ({ n, edges }, maxCardinality) => {
        const a = heap(n, edges, maxCardinality, false);
        const b = stages(n, edges, maxCardinality);
        expect(a.total).toBe(b.total);
        if (maxCardinality) expect(a.cardinality).toBe(b.cardinality);
      }),
      { numRuns: 200 },
    );
  });

  it('float weights: total within rounding of the stage kernel', () => {
    fc.assert(
      fc.property(sparseArb(60, 6, floatWeight), fc.boolean(), ({ n, edges }, maxCardinality) => {
        const a = maxWeightMatching(edges, { maxCardinality, vertexCount: n });
        const b = stages(n, edges, maxCardinality);
        expect(close(checkMatching(n, edges, a.mate).total, b.total)).toBe(true);
        if (maxCardinality) expect(checkMatching(n, edges, a.mate).cardinality).toBe(b.cardinality);
      }),
      { numRuns: 200 },
    );
  });
});

describe('sparse blossom kernel: examples', () => {
  it('solves the TSDoc example (path 0-1-2-3) with and without maxCardinality', () => {
    const edges: Edge[] = [
      [0, 1, 5],
      [1, 2, 11],
      [2, 3, 5],
    ];
    expect(heap(4, edges, false)).toEqual({ total: 11, cardinality: 1 });
    expect(heap(4, edges, true)).toEqual({ total: 10, cardinality: 2 });
  });

  it('handles a 20,000-vertex path and a 9,999-vertex odd cycle without deep recursion', () => {
    const path: Edge[] = [];
    for (let i = 0; i + 1 < 20000; i++) path.push([i, i + 1, 1 + (i % 3)]);
    expect(heap(20000, path, false).total).toBe(stages(20000, path, false).total);
    const cycle: Edge[] = [];
    for (let i = 0; i < 9999; i++) cycle.push([i, (i + 1) % 9999, 2]);
    expect(heap(9999, cycle, true)).toEqual({ total: 2 * 4999, cardinality: 4999 });
  });

  it('matches the stage kernel on seeded random graphs of 3,000 vertices, degree 6 (dyadic and tied weights)', () => {
    let a = 12345;
    const rnd = (): number => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    for (const tied of [false, true]) {
      const n = 3000;
      const seen = new Set<number>();
      const edges: Edge[] = [];
      while (edges.length < 3 * n) {
        const u = Math.floor(rnd() * n);
        const v = Math.floor(rnd() * n);
        if (u === v || seen.has(Math.min(u, v) * n + Math.max(u, v))) continue;
        seen.add(Math.min(u, v) * n + Math.max(u, v));
        edges.push([u, v, tied ? Math.floor(rnd() * 4) : Math.floor(rnd() * 2 ** 20) / 2 ** 20]);
      }
      for (const maxCardinality of [false, true]) {
        const x = heap(n, edges, maxCardinality);
        const y = stages(n, edges, maxCardinality);
        expect(x.total).toBe(y.total);
        if (maxCardinality) expect(x.cardinality).toBe(y.cardinality);
      }
    }
  });

  it('maxWeightMatching (heap kernel) agrees with the stage kernel on a complete graph of 60 vertices', () => {
    const edges: Edge[] = [];
    for (let i = 0; i < 60; i++) for (let j = i + 1; j < 60; j++) edges.push([i, j, ((i * 7919 + j * 104729) % 97) + 1]);
    const r = maxWeightMatching(edges);
    expect(checkMatching(60, edges, r.mate).total).toBe(stages(60, edges, false).total);
    expect(heap(60, edges, true)).toEqual(stages(60, edges, true));
  });
});
