import { createRequire } from 'node:module';
import fc from 'fast-check';
import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { isMatchError } from '../../src/errors.js';
import { solveBlossom } from '../../src/solve/_internal/blossom-core.js';
import { maxWeightMatching, maxWeightMatchingDense } from '../../src/solve/blossom.js';
import {
  bruteForceCardinality,
  bruteForceMatching,
  checkMatching,
  matePairs,
  thrown,
  toMatrix,
} from '../_helpers/peer-cases.js';

type Edge = [number, number, number];

const require = createRequire(import.meta.url);
/** npm `edmonds-blossom-fixed` (a port of mwmatching.py): reference for larger graphs. */
const edmonds = require('edmonds-blossom-fixed') as (edges: number[][], maxCardinality?: boolean) => number[];

function expectCode(f: () => unknown, code: string): Record<string, unknown> {
  const e = thrown(f);
  expect(isMatchError(e), `expected a MatchError ${code}, got ${String(e)}`).toBe(true);
  const err = e as { code: string; details: Record<string, unknown> };
  expect(err.code).toBe(code);
  return err.details;
}

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** Plain uniform-dual start (mwmatching's), through the core: the jump start must not change the optimum. */
function uniformCore(n: number, edges: readonly Edge[], maxCardinality: boolean): number {
  const data = new Float64Array(n * n).fill(-Infinity);
  for (const [u, v, w] of edges) data[u * n + v] = data[v * n + u] = w;
  const integral = edges.every(([, , w]) => Number.isInteger(w));
  const mate = solveBlossom({ kind: 'dense', n, weights: data }, { maxCardinality, integral, jumpStart: false });
  return checkMatching(n, edges, mate).total;
}

// ------------------------------------------------------------------ arbitraries

/** A graph on n ≤ maxN vertices: every pair is an edge with probability ~density, in random orientation. */
function graphArb(maxN: number, weight: fc.Arbitrary<number>): fc.Arbitrary<{ n: number; edges: Edge[] }> {
  return fc.integer({ min: 0, max: maxN }).chain((n) => {
    const pairs = (n * (n - 1)) / 2;
    return fc
      .tuple(
        fc.array(fc.option(weight, { nil: undefined, freq: 3 }), { minLength: pairs, maxLength: pairs }),
        fc.array(fc.boolean(), { minLength: pairs, maxLength: pairs }),
      )
      .map(([ws, flips]) => {
        const edges: Edge[] = [];
        let k = 0;
        for (let i = 0; i < n; i++) {
          for (let j = i + 1; j < n; j++, k++) {
            const w = ws[k];
            if (w !== undefined) edges.push(flips[k] ? [j, i, w] : [i, j, w]);
          }
        }
        return { n, edges };
      });
  });
}

const intWeight = fc.integer({ min: -10, max: 30 });
/** Few distinct values: many ties, hence many blossoms and blossom expansions. */
const tieWeight = fc.integer({ min: 0, max: 4 });
const floatWeight = fc.double({ min: -10, max: 100, noNaN: true, noDefaultInfinity: true });

// ------------------------------------------------------------------ examples

describe('maxWeightMatching(edges)', () => {
  it('maxWeightMatching([]) is an empty matching with total 0', () => {
    const r = maxWeightMatching([]);
    expect(r.mate).toEqual(new Int32Array(0));
    expect(r.total).toBe(0);
  });

  it('maxWeightMatching([], { vertexCount: 3 }) leaves the 3 isolated vertices unmatched', () => {
    expect(maxWeightMatching([], { vertexCount: 3 })).toEqual({ mate: Int32Array.from([-1, -1, -1]), total: 0 });
  });

  it('maxWeightMatching(edges) matches a single edge', () => {
    expect(maxWeightMatching([[0, 1, 1]])).toEqual({ mate: Int32Array.from([1, 0]), total: 1 });
    expect(maxWeightMatching([[1, 0, 0.5]])).toEqual({ mate: Int32Array.from([1, 0]), total: 0.5 });
  });

  it('maxWeightMatching(edges) gives the TSDoc example output', () => {
    const edges: Edge[] = [
      [0, 1, 5],
      [1, 2, 11],
      [2, 3, 5],
    ];
    expect(maxWeightMatching(edges)).toEqual({ mate: Int32Array.from([-1, 2, 1, -1]), total: 11 });
    expect(maxWeightMatching(edges, { maxCardinality: true })).toEqual({ mate: Int32Array.from([1, 0, 3, 2]), total: 10 });
  });

  it('maxWeightMatching(edges) with vertexCount includes isolated vertices', () => {
    const r = maxWeightMatching([[1, 3, 2]], { vertexCount: 6 });
    expect(r.mate).toEqual(Int32Array.from([-1, 3, -1, 1, -1, -1]));
    expect(r.total).toBe(2);
  });

  it('maxWeightMatching(edges) never takes a negative (or zero-gain) edge without maxCardinality', () => {
    expect(maxWeightMatching([[0, 1, -1]])).toEqual({ mate: Int32Array.from([-1, -1]), total: 0 });
    const edges: Edge[] = [
      [0, 1, 2],
      [0, 2, -2],
      [1, 2, 1],
      [1, 3, -1],
      [2, 3, -6],
    ];
    expect(maxWeightMatching(edges).total).toBe(2);
    expect(maxWeightMatching(edges).mate).toEqual(Int32Array.from([1, 0, -1, -1]));
  });

  it('maxWeightMatching(edges, { maxCardinality: true }) takes negative edges to match more vertices', () => {
    expect(maxWeightMatching([[0, 1, -1]], { maxCardinality: true })).toEqual({ mate: Int32Array.from([1, 0]), total: -1 });
    const edges: Edge[] = [
      [0, 1, 2],
      [0, 2, -2],
      [1, 2, 1],
      [1, 3, -1],
      [2, 3, -6],
    ];
    const r = maxWeightMatching(edges, { maxCardinality: true });
    expect(r.mate).toEqual(Int32Array.from([2, 3, 0, 1]));
    expect(r.total).toBe(-3);
  });

  it('maxWeightMatching(edges) keeps large integer weights exact (jorisvr graphs reach 2.4e10)', () => {
    const big = 2 ** 40;
    const edges: Edge[] = [
      [0, 1, big + 1],
      [1, 2, big + 3],
      [2, 3, big + 1],
      [3, 0, big],
      [0, 2, big + 2],
    ];
    // {(0,1), (2,3)} weighs 2^41 + 2; {(1,2), (3,0)} weighs 2^41 + 3: a difference of 1 in 2^41.
    for (const r of [maxWeightMatching(edges), maxWeightMatchingDense(toMatrix(4, edges))]) {
      expect(r.mate).toEqual(Int32Array.from([3, 2, 1, 0]));
      expect(r.total).toBe(2 * big + 3);
    }
  });

  it('maxWeightMatching(edges) does not mutate its input', () => {
    const edges: Edge[] = [
      [0, 1, 8],
      [0, 2, 9],
      [1, 2, 10],
      [2, 3, 7],
    ];
    const copy = structuredClone(edges);
    Object.freeze(edges);
    edges.forEach((e) => Object.freeze(e));
    maxWeightMatching(edges, { maxCardinality: true });
    expect(edges).toEqual(copy);
  });

  it('maxWeightMatching(edges) handles a 10,000-vertex path and an odd cycle without deep recursion', () => {
    const n = 10_000;
    const path: Edge[] = [];
    for (let i = 0; i + 1 < n; i++) path.push([i, i + 1, 1 + (i % 3)]);
    const r = maxWeightMatching(path, { maxCardinality: true });
    expect(checkMatching(n, path, r.mate).cardinality).toBe(n / 2);
    const cycle: Edge[] = [...path.slice(0, 4000), [4000, 0, 1]];
    for (const maxCardinality of [false, true]) {
      const rc = maxWeightMatching(cycle, { maxCardinality });
      expect(checkMatching(4001, cycle, rc.mate).total).toBe(rc.total);
    }
  });

  describe('invalid input throws INVALID_INPUT naming the edge', () => {
    const cases: Array<[string, unknown, number | undefined]> = [
      ['a self-loop', [[0, 1, 1], [2, 2, 1]], 1],
      ['a duplicate edge (u, v) / (v, u)', [[0, 1, 1], [1, 2, 1], [2, 1, 3]], 2],
      ['a duplicate edge (u, v) / (u, v)', [[0, 1, 1], [0, 1, 1]], 1],
      ['a NaN weight', [[0, 1, NaN]], 0],
      ['a +Infinity weight', [[0, 1, 2], [1, 2, Infinity]], 1],
      ['a -Infinity weight', [[0, 1, -Infinity]], 0],
      ['a weight of 1e308 (would overflow the slacks)', [[0, 1, 1e308]], 0],
      ['a string weight', [[0, 1, '3']], 0],
      ['a negative vertex', [[-1, 1, 1]], 0],
      ['a non-integer vertex', [[0, 1.5, 1]], 0],
      ['a non-number vertex', [['a', 1, 1]], 0],
      ['an edge with two elements', [[0, 1]], 0],
      ['an edge with four elements', [[0, 1, 1, 1]], 0],
      ['a null edge', [[0, 1, 1], null], 1],
      ['edges that are not an array', { 0: [0, 1, 1] }, undefined],
    ];
    it.each(cases)('maxWeightMatching(edges) rejects %s', (_what, edges, index) => {
      const details = expectCode(() => maxWeightMatching(edges as Edge[]), 'INVALID_INPUT');
      if (index !== undefined) expect(details.edge).toBe(index);
    });

    it('maxWeightMatching(edges, { vertexCount }) rejects a vertex ≥ vertexCount and a bad vertexCount', () => {
      expect(expectCode(() => maxWeightMatching([[0, 3, 1]], { vertexCount: 3 }), 'INVALID_INPUT').edge).toBe(0);
      expectCode(() => maxWeightMatching([], { vertexCount: -1 }), 'INVALID_INPUT');
      expectCode(() => maxWeightMatching([], { vertexCount: 2.5 }), 'INVALID_INPUT');
    });

    it('maxWeightMatching(edges) refuses absurd vertex ids with TOO_LARGE instead of allocating', () => {
      expectCode(() => maxWeightMatching([[0, 2 ** 30, 1]]), 'TOO_LARGE');
    });
  });
});

describe('maxWeightMatchingDense(weights)', () => {
  const W = [
    [0, 8, 9, 0],
    [8, 0, 10, 0],
    [9, 10, 0, 7],
    [0, 0, 7, 0],
  ];

  it('maxWeightMatchingDense(weights) gives the TSDoc example output', () => {
    expect(maxWeightMatchingDense(W)).toEqual({ mate: Int32Array.from([1, 0, 3, 2]), total: 15 });
  });

  it('maxWeightMatchingDense(weights) accepts number[][], ml-matrix Matrix and { rows, cols, data }', () => {
    const data = Float64Array.from(W.flat());
    const dense = { rows: 4, cols: 4, data };
    for (const input of [W, new Matrix(W), dense]) expect(maxWeightMatchingDense(input).total).toBe(15);
    expect(data).toEqual(Float64Array.from(W.flat())); // not mutated
  });

  it('maxWeightMatchingDense(weights) of an empty or 1×1 matrix matches nobody', () => {
    expect(maxWeightMatchingDense([])).toEqual({ mate: new Int32Array(0), total: 0 });
    expect(maxWeightMatchingDense([[5]])).toEqual({ mate: Int32Array.from([-1]), total: 0 });
  });

  it('maxWeightMatchingDense(weights) ignores the diagonal, whatever it holds', () => {
    const m = W.map((r) => [...r]);
    for (let i = 0; i < 4; i++) m[i][i] = [1e9, NaN, Infinity, -Infinity][i];
    expect(maxWeightMatchingDense(m).total).toBe(15);
  });

  it('maxWeightMatchingDense(weights) reads -Infinity as "no edge"', () => {
    const m = [
      [0, -Infinity, 1],
      [-Infinity, 0, 5],
      [1, 5, 0],
    ];
    expect(maxWeightMatchingDense(m)).toEqual({ mate: Int32Array.from([-1, 2, 1]), total: 5 });
    const blocked = [
      [0, -Infinity],
      [-Infinity, 0],
    ];
    expect(maxWeightMatchingDense(blocked, { maxCardinality: true })).toEqual({ mate: Int32Array.from([-1, -1]), total: 0 });
  });

  it('maxWeightMatchingDense(weights) rejects non-square, asymmetric, NaN and +Infinity with INVALID_INPUT', () => {
    expectCode(() => maxWeightMatchingDense([[0, 1]]), 'INVALID_INPUT');
    expect(expectCode(() => maxWeightMatchingDense([[0, 1], [2, 0]]), 'INVALID_INPUT')).toMatchObject({ row: 1, col: 0 });
    expect(expectCode(() => maxWeightMatchingDense([[0, NaN], [NaN, 0]]), 'INVALID_INPUT')).toMatchObject({ row: 0, col: 1 });
    expectCode(() => maxWeightMatchingDense([[0, Infinity], [Infinity, 0]]), 'INVALID_INPUT');
    expectCode(() => maxWeightMatchingDense([[0, -1e308], [-1e308, 0]]), 'INVALID_INPUT');
    expectCode(() => maxWeightMatchingDense([[0, 1], [1]]), 'INVALID_INPUT');
  });

  it('maxWeightMatchingDense(weights) and maxWeightMatching(edges) agree on a complete graph', () => {
    const n = 60;
    let seed = 7;
    const rnd = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const edges: Edge[] = [];
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) edges.push([i, j, Math.floor(rnd() * 100)]);
    const m = toMatrix(n, edges);
    for (const maxCardinality of [false, true]) {
      const a = maxWeightMatching(edges, { maxCardinality });
      const b = maxWeightMatchingDense(m, { maxCardinality });
      expect(b.total).toBe(a.total);
      expect(checkMatching(n, edges, b.mate).total).toBe(b.total);
    }
  });
});

// ------------------------------------------------------------------ properties

describe('maxWeightMatching(edges) properties', () => {
  const runs = { numRuns: 200 };

  for (const [kind, weight] of [
    ['integer', intWeight],
    ['tied integer', tieWeight],
    ['float', floatWeight],
  ] as const) {
    for (const maxCardinality of [false, true]) {
      it(`returns a valid matching whose total equals brute force (${kind} weights, n ≤ 8, maxCardinality=${maxCardinality})`, () => {
        fc.assert(
          fc.property(graphArb(8, weight), ({ n, edges }) => {
            const r = maxWeightMatching(edges, { maxCardinality, vertexCount: n });
            const got = checkMatching(n, edges, r.mate);
            const best = bruteForceMatching(n, edges, maxCardinality);
            expect(close(got.total, r.total)).toBe(true);
            expect(close(r.total, best.total)).toBe(true);
            if (maxCardinality) expect(got.cardinality).toBe(bruteForceCardinality(n, edges));
          }),
          runs,
        );
      });
    }
  }

  it('dense and edge-list entry points (and the uniform-dual start) give the same total', () => {
    fc.assert(
      fc.property(graphArb(12, fc.oneof(intWeight, tieWeight, floatWeight)), fc.boolean(), ({ n, edges }, maxCardinality) => {
        const a = maxWeightMatching(edges, { maxCardinality, vertexCount: n });
        const b = maxWeightMatchingDense(toMatrix(n, edges), { maxCardinality });
        // Edge lists go to the heap kernel, matrices to the stage kernel: without
        // maxCardinality, two optimal matchings may differ by zero-weight pairs, so the
        // pair count is compared only when it is part of the objective.
        if (maxCardinality) expect(checkMatching(n, edges, b.mate).cardinality).toBe(checkMatching(n, edges, a.mate).cardinality);
        expect(close(a.total, b.total)).toBe(true);
        expect(close(a.total, uniformCore(n, edges, maxCardinality))).toBe(true);
      }),
      runs,
    );
  });

  it('agrees with edmonds-blossom-fixed (a port of mwmatching.py) on graphs with up to 40 vertices', () => {
    fc.assert(
      fc.property(graphArb(40, fc.oneof(intWeight, tieWeight)), fc.boolean(), ({ n, edges }, maxCardinality) => {
        const r = maxWeightMatching(edges, { maxCardinality, vertexCount: n });
        const peerMate = edges.length === 0 ? [] : edmonds(edges.map((e) => [...e]), maxCardinality);
        const peer = Int32Array.from({ length: n }, (_, v) => peerMate[v] ?? -1);
        const ours = checkMatching(n, edges, r.mate);
        const theirs = checkMatching(n, edges, peer);
        expect(r.total).toBe(theirs.total);
        if (maxCardinality) expect(ours.cardinality).toBe(theirs.cardinality);
      }),
      { numRuns: 100 },
    );
  });

  it('a matching never pairs a vertex twice, and mate is symmetric (n ≤ 30, any weights)', () => {
    fc.assert(
      fc.property(graphArb(30, floatWeight), fc.boolean(), ({ n, edges }, maxCardinality) => {
        const r = maxWeightMatching(edges, { maxCardinality, vertexCount: n });
        const seen = new Set<number>();
        for (const [u, v] of matePairs(r.mate)) {
          expect(seen.has(u) || seen.has(v)).toBe(false);
          seen.add(u).add(v);
        }
        expect(close(checkMatching(n, edges, r.mate).total, r.total)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
