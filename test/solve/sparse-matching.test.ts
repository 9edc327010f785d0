/**
 * `sparseMatching`: the blossom on a sparse graph with its (balanced) vertex duals, and
 * `edgeCertified`: a left-out edge the duals cover cannot improve the matching — checked
 * against brute force on the whole graph.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { edgeCertified, sparseMatching, type SparseGraph } from '../../src/solve/sparse-matching.js';
import { bruteForceCardinality, bruteForceMatching } from '../_helpers/peer-cases.js';

type Edge = [number, number, number];

/** The graph of `edges` (rows ascending, each edge from both ends). */
function graphOf(n: number, edges: readonly Edge[]): SparseGraph {
  const adj: [number, number][][] = Array.from({ length: n }, () => []);
  for (const [u, v, w] of edges) {
    adj[u].push([v, w]);
    adj[v].push([u, w]);
  }
  for (const a of adj) a.sort((x, y) => x[0] - y[0]);
  const offsets = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) offsets[v + 1] = offsets[v] + adj[v].length;
  return { n, offsets, adjVertex: Int32Array.from(adj.flat().map((x) => x[0])), adjWeight: Float64Array.from(adj.flat().map((x) => x[1])) };
}

const edgesArb = (n: number, ints: boolean) =>
  fc.uniqueArray(
    fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 }), ints ? fc.integer({ min: -3, max: 9 }) : fc.double({ min: -2, max: 10, noNaN: true })),
    { selector: ([u, v]) => `${Math.min(u, v)}-${Math.max(u, v)}`, maxLength: (n * (n - 1)) / 2 },
  ).map((es) => es.filter(([u, v]) => u !== v).map(([u, v, w]) => [Math.min(u, v), Math.max(u, v), w] as Edge));

describe('sparseMatching', () => {
  it('pairs the path 0 –5– 1 –7– 2 as 1–2, with duals that cover a cheap extra edge and not a dear one', () => {
    const g = graphOf(3, [[0, 1, 5], [1, 2, 7]]);
    const r = sparseMatching(g);
    expect(Array.from(r.mate)).toEqual([-1, 2, 1]);
    expect(r.total).toBe(7);
    expect(r.freeDual).toBe(0);
    expect(edgeCertified(r, 0, 2, 1)).toBe(true);
    expect(edgeCertified(r, 0, 2, 100)).toBe(false);
    expect(edgeCertified(r, 0, 2, -Infinity)).toBe(true);
  });

  it('refuses a malformed graph or arguments with InvalidInputError', () => {
    const ok = graphOf(3, [[0, 1, 5], [1, 2, 7]]);
    expect(() => sparseMatching({ ...ok, adjWeight: Float64Array.of(5, 5, 7, 8) })).toThrow(/listed from/);
    expect(() => sparseMatching({ ...ok, adjVertex: Int32Array.of(1, 2, 0, 1) })).toThrow(InvalidInputError);
    expect(() => sparseMatching({ n: 1, offsets: Int32Array.of(0, 1), adjVertex: Int32Array.of(0), adjWeight: Float64Array.of(1) })).toThrow(/other than 0/);
    expect(() => sparseMatching({ ...ok, adjWeight: Float64Array.of(5, 5, NaN, NaN) })).toThrow(/finite weight/);
    expect(() => sparseMatching({ ...ok, offsets: Int32Array.of(0, 1, 3) })).toThrow(/offsets/);
    expect(() => sparseMatching(null as unknown as SparseGraph)).toThrow(InvalidInputError);
    expect(() => edgeCertified(sparseMatching(ok), 0, 3, 1)).toThrow(/a vertex/);
    expect(() => edgeCertified(sparseMatching(ok), 0, 2, NaN)).toThrow(/a number/);
  });

  for (const maxCardinality of [false, true]) {
    for (const ints of [true, false]) {
      it(`equals brute force on n ≤ 9 (${ints ? 'integer' : 'float'} weights, maxCardinality=${maxCardinality})`, () => {
        fc.assert(
          fc.property(fc.integer({ min: 1, max: 9 }).chain((n) => fc.tuple(fc.constant(n), edgesArb(n, ints))), ([n, edges]) => {
            const r = sparseMatching(graphOf(n, edges), { maxCardinality });
            const best = bruteForceMatching(n, edges, maxCardinality);
            expect(r.total).toBeCloseTo(best.total, 9);
            for (let v = 0; v < n; v++) if (r.mate[v] >= 0) expect(r.mate[r.mate[v]]).toBe(v);
            for (let v = 0; v < n; v++) expect(r.duals[v]).toBeGreaterThanOrEqual(r.freeDual - 1e-9);
          }),
          { numRuns: 300 },
        );
      });

      it(`certificate (${ints ? 'integer' : 'float'} weights, maxCardinality=${maxCardinality}): when every left-out edge is certified, the matching is optimal for the whole graph`, () => {
        let certified = 0;
        fc.assert(
          fc.property(
            fc.integer({ min: 2, max: 9 }).chain((n) => fc.tuple(fc.constant(n), edgesArb(n, ints), fc.array(fc.boolean(), { minLength: 36, maxLength: 36 }))),
            ([n, edges, keep]) => {
              const kept = edges.filter((_, k) => keep[k]);
              const left = edges.filter((_, k) => !keep[k]);
              const r = sparseMatching(graphOf(n, kept), { maxCardinality });
              if (!left.every(([u, v, w]) => edgeCertified(r, u, v, w))) return;
              let pairs = 0;
              for (let v = 0; v < n; v++) if (r.mate[v] > v) pairs++;
              // With maxCardinality the duals prove the weight among matchings of as many edges; the caller proves the count.
              if (maxCardinality && pairs !== bruteForceCardinality(n, edges)) return;
              certified++;
              expect(r.total).toBeCloseTo(bruteForceMatching(n, edges, maxCardinality).total, 9);
            },
          ),
          { numRuns: 400 },
        );
        expect(certified).toBeGreaterThan(50);
      });
    }
  }
});
