/**
 * maxWeightMatching on J. van Rantwijk's larger test graphs
 * (test/fixtures/external/jorisvr-graphs: random, chain, sparse_delta = slow families for
 * classic implementations, triangles; n = 1,000–10,002, weights up to 2.4·10¹⁰).
 * All twelve run by default: even the n ≥ 5000 ones take well under a second each (the
 * greedy jump start defuses the sparse_delta family), so none is gated behind MM_SLOW.
 * MM_TIMING=1 prints the solve time of each graph.
 */
import { describe, expect, it } from 'vitest';
import { maxWeightMatching } from '../../src/solve/blossom.js';
import { checkMatching, jorisvrIndex, loadJorisvrGraph } from '../_helpers/peer-cases.js';

const TIMING = Boolean(process.env.MM_TIMING);

describe('maxWeightMatching(edges) on the jorisvr test graphs', () => {
  const graphs = jorisvrIndex();
  it('has the 12 graphs', () => expect(graphs).toHaveLength(12));

  for (const meta of graphs) {
    it(`${meta.name} (n=${meta.n}, m=${meta.m}) reaches the reference total`, () => {
      const g = loadJorisvrGraph(meta.name);
      // The .out file states the same optimum as index.json, and its matching is valid.
      expect(g.outTotal).toBe(g.expectedTotal);
      const outMate = new Int32Array(g.n).fill(-1);
      for (const [u, v] of g.outMatching) {
        outMate[u] = v;
        outMate[v] = u;
      }
      expect(checkMatching(g.n, g.edges, outMate).total).toBe(g.expectedTotal);

      const t0 = performance.now();
      const r = maxWeightMatching(g.edges, { vertexCount: g.n });
      const ms = performance.now() - t0;
      if (TIMING) console.info(`[blossom-graphs] ${meta.name}: ${ms.toFixed(0)} ms`);

      const { total } = checkMatching(g.n, g.edges, r.mate);
      expect(r.total).toBe(g.expectedTotal);
      expect(total).toBe(g.expectedTotal);
    });
  }
});
