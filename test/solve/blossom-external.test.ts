/**
 * maxWeightMatching against the peer cases collected in test/fixtures/external/
 * (networkx, jorisvr mwmatching, OR-Tools). See test/fixtures/external/README.md for the
 * conventions: `objective: "min"` (always with maxcardinality) = minimum weight among the
 * maximum-cardinality matchings, solved here by negating the weights; `perfect_required` =
 * no answer unless the matching is perfect.
 */
import { describe, expect, it } from 'vitest';
import { isMatchError } from '../../src/errors.js';
import { maxWeightMatching, maxWeightMatchingDense, type MatchingResult } from '../../src/solve/blossom.js';
import {
  checkMatching,
  indexGraph,
  loadPeerCases,
  matePairs,
  pairKeys,
  special,
  thrown,
  toMatrix,
  type IndexedGraph,
  type PeerCase,
} from '../_helpers/peer-cases.js';

function expectInvalid(fn: () => unknown): void {
  const err = thrown(fn);
  expect(isMatchError(err), `expected a MatchError, got ${String(err)}`).toBe(true);
  expect((err as { code: string }).code).toBe('INVALID_INPUT');
}

/** Solves a case as its source defines it; returns the result in the case's own sign. */
function solveCase(c: PeerCase, g: IndexedGraph): MatchingResult {
  const min = c.objective === 'min';
  const edges = min ? g.edges.map(([u, v, w]) => [u, v, -w] as [number, number, number]) : g.edges;
  const r = maxWeightMatching(edges, { maxCardinality: c.maxcardinality, vertexCount: g.n });
  return { mate: r.mate, total: min ? -r.total : r.total };
}

/** Compares with a float-aware equality (exact for integer totals). */
function expectTotal(actual: number, expected: number): void {
  if (Number.isInteger(expected)) expect(actual).toBe(expected);
  else expect(actual).toBeCloseTo(expected, 12);
}

function runCase(c: PeerCase, edgesOverride?: Array<[number, number, number]>): void {
  const g0 = indexGraph(c.edges, c.num_nodes);
  const g: IndexedGraph = edgesOverride ? { ...g0, edges: edgesOverride } : g0;
  const r = solveCase(c, g);
  const { total, cardinality } = checkMatching(g.n, g.edges, r.mate);
  expectTotal(r.total, total);

  if (c.perfect_required) {
    const perfect = 2 * cardinality === g.n;
    expect(perfect ? 'optimal' : 'infeasible').toBe(c.expected_status);
    if (!perfect) return;
  } else {
    expect(c.expected_status).toBe('optimal');
  }
  expectTotal(r.total, c.expected_total!);

  const ours = pairKeys(matePairs(r.mate));
  if (c.derived_unique === true && c.expected_matching) {
    expect(ours).toEqual(pairKeys(c.expected_matching.map(([u, v]) => [g.id(u), g.id(v)] as const)));
  } else if (c.expected_matching_alternatives) {
    const alts = c.expected_matching_alternatives.map((m) => pairKeys(m.map(([u, v]) => [g.id(u), g.id(v)] as const)));
    expect(alts).toContainEqual(ours);
  }

  // The dense entry point agrees on the total.
  const matrix = toMatrix(g.n, c.objective === 'min' ? g.edges.map(([u, v, w]) => [u, v, -w] as const) : g.edges);
  const d = maxWeightMatchingDense(matrix, { maxCardinality: c.maxcardinality });
  expectTotal(c.objective === 'min' ? -d.total : d.total, r.total);
}

const hasSelfLoop = (c: PeerCase): boolean => c.edges.some(([u, v]) => u === v);
const hasParallelEdges = (c: PeerCase): boolean => {
  const seen = new Set<string>();
  for (const [u, v] of c.edges) {
    const k = JSON.stringify([u, v].map(String).sort());
    if (seen.has(k)) return true;
    seen.add(k);
  }
  return false;
};

describe('maxWeightMatching(edges) on networkx test_matching.py cases', () => {
  const { cases } = loadPeerCases('networkx-matching.json');
  it('loads the 48 cases', () => expect(cases).toHaveLength(48));

  it.each(cases.filter((c) => !hasSelfLoop(c)).map((c) => [c.name, c] as const))('%s', (_name, c) => runCase(c));

  // networkx silently ignores self-loops; our contract rejects them (a self-pair is a
  // data error in a peer pool). So a case with a self-loop must throw INVALID_INPUT, and
  // the rest of its graph must still give networkx's answer.
  it.each(cases.filter(hasSelfLoop).map((c) => [c.name, c] as const))(
    '%s: a self-loop is INVALID_INPUT (networkx ignores it); without it the expected answer holds',
    (_name, c) => {
      const g = indexGraph(c.edges, c.num_nodes);
      expectInvalid(() => maxWeightMatching(g.edges, { maxCardinality: c.maxcardinality }));
      runCase(c, g.edges.filter(([u, v]) => u !== v));
    },
  );
});

describe('maxWeightMatching(edges) on jorisvr mwmatching test_mwmatching.py cases', () => {
  const { cases, invalid } = loadPeerCases('mwmatching-tests.json');
  it('loads the 46 cases and 3 invalid inputs', () => {
    expect(cases).toHaveLength(46);
    expect(invalid).toHaveLength(3);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => runCase(c));

  it.each(invalid.map((c) => [c.name, c] as const))('%s is INVALID_INPUT', (_name, c) => {
    const raw = c.edges ?? c.edges_with_specials!;
    const edges = raw.map(([u, v, w]) => [u, v, special(w)] as [number, number, number]);
    expectInvalid(() => maxWeightMatching(edges));
  });
});

describe('maxWeightMatching(edges) on OR-Tools MinCostPerfectMatching cases', () => {
  const { cases } = loadPeerCases('ortools.json');
  it('loads the 3 peer cases', () => expect(cases).toHaveLength(3));

  it.each(cases.filter((c) => !hasParallelEdges(c)).map((c) => [c.name, c] as const))('%s', (_name, c) => runCase(c));

  // OR-Tools accepts parallel edges; our contract rejects a repeated pair. A minimum-cost
  // perfect matching only ever uses the cheapest of parallel edges, so the case is run on
  // that simple graph (and the raw multigraph must be INVALID_INPUT).
  it.each(cases.filter(hasParallelEdges).map((c) => [c.name, c] as const))(
    '%s: parallel edges are INVALID_INPUT; with the cheapest of each, the expected status holds',
    (_name, c) => {
      const g = indexGraph(c.edges, c.num_nodes);
      expectInvalid(() => maxWeightMatching(g.edges, { vertexCount: g.n }));
      const best = new Map<string, [number, number, number]>();
      for (const [u, v, w] of g.edges) {
        const k = u < v ? `${u}-${v}` : `${v}-${u}`;
        const prev = best.get(k);
        if (!prev || w < prev[2]) best.set(k, [u, v, w]);
      }
      expect(c.objective).toBe('min');
      runCase(c, [...best.values()]);
    },
  );
});
