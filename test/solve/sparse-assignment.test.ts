/**
 * sparseAssignment: capacitated assignment on a sparse candidate graph, maximising, with
 * a dual certificate — read as a specification.
 *
 * Contract: every row gets at most one column through one of its edges, columns hold at
 * most their capacity; with maxCardinality (default) as many rows as possible, then the
 * largest total; without, the largest total of any size. The duals are feasible on every
 * edge and complementary slack; a left-out pair they certify cannot improve the result.
 *
 * Oracles: capacitatedAssignment (maximize, non-edges -Infinity) for maxCardinality,
 * bMatching (rowCapacity 1, maxCardinality false) for the any-size mode.
 *
 * A fast-check failure prints its seed and path: pin it by adding the counterexample
 * to the example tests.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { bMatching } from '../../src/solve/b-matching.js';
import { capacitatedAssignment } from '../../src/solve/capacitated.js';
import {
  minColumnDual,
  pairCertified,
  rowCertifiedByBound,
  sparseAssignment,
  type SparseBipartite,
} from '../../src/solve/sparse-assignment.js';
import { normalizeCapacity } from '../../src/solve/_internal/capacity.js';
import { solveSparseAssignment } from '../../src/solve/_internal/sparse-solve.js';
import type { SparseAssignmentResult } from '../../src/solve/sparse-assignment.js';
import type { DenseMatrix } from '../../src/solve/types.js';
import { expectMatchError } from '../_helpers/expect-error.js';
import {
  expectClose,
  expectDualCertificate,
  expectValidSparse,
  mulberry32,
  randomInstance,
  toSparse,
  type InstanceSpec,
} from '../_helpers/sparse.js';

const specArb = (o: { maxRows: number; maxCols: number; maxCap: number }): fc.Arbitrary<InstanceSpec> =>
  fc.record({
    rows: fc.integer({ min: 0, max: o.maxRows }),
    cols: fc.integer({ min: 0, max: o.maxCols }),
    density: fc.constantFrom(0.15, 0.4, 0.7, 1),
    kind: fc.constantFrom('continuous' as const, 'ties' as const, 'lift' as const, 'negative' as const),
    maxCap: fc.integer({ min: 0, max: o.maxCap }),
    perColumn: fc.boolean(),
    seed: fc.integer(),
  });

function graph(rows: number, cols: number, edges: [number, number, number][]): SparseBipartite {
  const sorted = [...edges].sort((a, b) => a[0] - b[0]);
  const rowStart = new Int32Array(rows + 1);
  for (const [i] of sorted) rowStart[i + 1]++;
  for (let i = 0; i < rows; i++) rowStart[i + 1] += rowStart[i];
  return { rows, cols, rowStart, col: Int32Array.from(sorted.map((e) => e[1])), value: Float64Array.from(sorted.map((e) => e[2])) };
}

function denseOptimum(dense: DenseMatrix, capacity: number | number[]): { total: number; assignedCount: number } {
  return capacitatedAssignment(dense, { capacity, maximize: true });
}

function anySizeOptimum(dense: DenseMatrix, capacity: number | number[]): number {
  if (dense.rows === 0 || dense.cols === 0) return 0;
  return bMatching(dense, { rowCapacity: 1, colCapacity: capacity, maximize: true, maxCardinality: false }).total;
}

// ---------------------------------------------------------------------------
// Examples
// ---------------------------------------------------------------------------

describe('sparseAssignment(graph, { capacity }): examples', () => {
  it('sparseAssignment(the TSDoc example, { capacity: 1 }) assigns [1, -1, 0] at total 6', () => {
    const g = graph(3, 2, [[0, 0, 3], [0, 1, 1], [1, 0, 2], [2, 0, 5]]);
    const r = sparseAssignment(g, { capacity: 1 });
    expect(Array.from(r.assignment)).toEqual([1, -1, 0]);
    expect(r.total).toBe(6);
    expect(r.assignedCount).toBe(2);
    expectDualCertificate(g, 1, r, true);
  });

  it('sparseAssignment(graph) puts cardinality first: two cheap rows beat one dear one', () => {
    const g = graph(2, 2, [[0, 0, 100], [0, 1, 0], [1, 0, 1]]);
    const r = sparseAssignment(g, { capacity: 1 });
    expect(Array.from(r.assignment)).toEqual([1, 0]);
    expect(r.total).toBe(1);
  });

  it('sparseAssignment(graph, { maxCardinality: false }) takes only edges that add value', () => {
    const g = graph(3, 2, [[0, 0, 100], [0, 1, 0], [1, 0, 1], [2, 1, -1]]);
    const r = sparseAssignment(g, { capacity: 1, maxCardinality: false });
    expect(r.total).toBe(100);
    expect(r.assignment[0]).toBe(0);
    expect(r.assignment[2]).toBe(-1);
    expectDualCertificate(g, 1, r, false);
  });

  it('sparseAssignment(graph) with duplicate edges counts the largest value', () => {
    const g = graph(1, 1, [[0, 0, 1], [0, 0, 4], [0, 0, 2]]);
    const r = sparseAssignment(g, { capacity: 1 });
    expect(r.total).toBe(4);
    expectDualCertificate(g, 1, r, true);
  });

  it('sparseAssignment on empty graphs and capacity 0 assigns nothing', () => {
    for (const [rows, cols] of [[0, 0], [0, 3], [3, 0]] as const) {
      const r = sparseAssignment(graph(rows, cols, []), { capacity: 2 });
      expect(r.assignedCount).toBe(0);
      expect(r.total).toBe(0);
      expect(Array.from(r.assignment)).toEqual(new Array(rows).fill(-1));
    }
    const g = graph(2, 2, [[0, 0, 1], [1, 1, 1]]);
    const r = sparseAssignment(g, { capacity: [0, 1] });
    expect(Array.from(r.assignment)).toEqual([-1, 1]);
    expectDualCertificate(g, [0, 1], r, true);
    // A pair to a column that can take nobody is always certified.
    expect(pairCertified(r.duals, 0, 0, 1e9)).toBe(true);
  });

  it('pairCertified(duals, i, j, w): the TSDoc example', () => {
    const { duals } = sparseAssignment(graph(1, 2, [[0, 0, 2]]), { capacity: 1 });
    expect(pairCertified(duals, 0, 1, 1.5)).toBe(true);
    expect(pairCertified(duals, 0, 1, 3)).toBe(false);
    expect(pairCertified(duals, 0, 1, -Infinity)).toBe(true);
    const floor = minColumnDual(duals);
    expect(floor).toEqual({ level: 0, value: 0 });
    expect(rowCertifiedByBound(duals, 0, 2, floor.level, floor.value)).toBe(true);
    expect(rowCertifiedByBound(duals, 0, 2.5, floor.level, floor.value)).toBe(false);
  });

  it('pairCertified in the cardinality mode: an unassigned row needs a level-1 column', () => {
    // Two rows want the one place of column 0; row 1 stays out (u = 0) and column 0 is at level 1.
    const g = graph(2, 2, [[0, 0, 5], [1, 0, 3]]);
    const r = sparseAssignment(g, { capacity: [1, 1] });
    expect(Array.from(r.assignment)).toEqual([0, -1]);
    expect(r.duals.colLevel[0]).toBe(1);
    // (1, 1) would add a row: never certified, whatever its value.
    expect(pairCertified(r.duals, 1, 1, -5)).toBe(false);
    // (0, 1) could free column 0 for row 1: not certified either.
    expect(pairCertified(r.duals, 0, 1, 0)).toBe(false);
  });
});

// ---------------------------------------------------------------------------
// Against the dense solvers
// ---------------------------------------------------------------------------

describe('sparseAssignment(graph, { capacity }) against the dense solvers', () => {
  it('maxCardinality: the same assignedCount and total as capacitatedAssignment; duals certify', () => {
    fc.assert(
      fc.property(specArb({ maxRows: 12, maxCols: 6, maxCap: 3 }), fc.boolean(), (spec, dup) => {
        const { dense, capacity } = randomInstance(spec);
        const g = toSparse(dense, undefined, dup, spec.seed);
        const r = sparseAssignment(g, { capacity });
        expectValidSparse(g, capacity, r);
        expectDualCertificate(g, capacity, r, true);
        const want = denseOptimum(dense, capacity);
        expect(r.assignedCount).toBe(want.assignedCount);
        expectClose(r.total, want.total);
      }),
      { numRuns: 3000 },
    );
  });

  it('maxCardinality: false: the same total as bMatching any-size; duals certify', () => {
    fc.assert(
      fc.property(specArb({ maxRows: 12, maxCols: 6, maxCap: 3 }), fc.boolean(), (spec, dup) => {
        const { dense, capacity } = randomInstance(spec);
        const g = toSparse(dense, undefined, dup, spec.seed);
        const r = sparseAssignment(g, { capacity, maxCardinality: false });
        expectValidSparse(g, capacity, r);
        expectDualCertificate(g, capacity, r, false);
        expectClose(r.total, anySizeOptimum(dense, capacity));
      }),
      { numRuns: 3000 },
    );
  });

  it('larger instances (rows ≤ 60, cols ≤ 20): both modes agree with the dense solvers', () => {
    fc.assert(
      fc.property(specArb({ maxRows: 60, maxCols: 20, maxCap: 4 }), (spec) => {
        const { dense, capacity } = randomInstance(spec);
        const g = toSparse(dense, undefined, false, spec.seed);
        const r = sparseAssignment(g, { capacity });
        expectDualCertificate(g, capacity, r, true);
        const want = denseOptimum(dense, capacity);
        expect(r.assignedCount).toBe(want.assignedCount);
        expectClose(r.total, want.total);
        const a = sparseAssignment(g, { capacity, maxCardinality: false });
        expectDualCertificate(g, capacity, a, false);
        expectClose(a.total, anySizeOptimum(dense, capacity));
      }),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------
// The batched phases, forced after every one-row search
// ---------------------------------------------------------------------------

/** The kernel with a batched phase after every search (the public call only runs one on wide searches). */
function withPhases(g: SparseBipartite, capacity: number | number[], cardinality: boolean): SparseAssignmentResult {
  const cap = normalizeCapacity(capacity, g.cols, 'capacity', 'column');
  const s = solveSparseAssignment(g.rows, g.cols, g.rowStart, g.col, g.value, cap, cardinality, 0);
  let assignedCount = 0;
  let total = 0;
  for (let i = 0; i < g.rows; i++) {
    if (s.assign[i] < 0) continue;
    assignedCount++;
    total += g.value[s.edge[i]];
  }
  const duals = { rowLevel: s.rowLevel, row: s.row, colLevel: s.colLevel, col: s.col, cardinality };
  return { assignment: s.assign, total, assignedCount, duals };
}

describe('sparseAssignment kernel with a batched phase after every search, against the dense solvers', () => {
  it('maxCardinality: the same assignedCount and total as capacitatedAssignment; duals certify', () => {
    fc.assert(
      fc.property(specArb({ maxRows: 14, maxCols: 6, maxCap: 3 }), fc.boolean(), (spec, dup) => {
        const { dense, capacity } = randomInstance(spec);
        const g = toSparse(dense, undefined, dup, spec.seed);
        const r = withPhases(g, capacity, true);
        expectValidSparse(g, capacity, r);
        expectDualCertificate(g, capacity, r, true);
        const want = denseOptimum(dense, capacity);
        expect(r.assignedCount).toBe(want.assignedCount);
        expectClose(r.total, want.total);
      }),
      { numRuns: 3000 },
    );
  });

  it('maxCardinality: false: the same total as bMatching any-size; duals certify', () => {
    fc.assert(
      fc.property(specArb({ maxRows: 14, maxCols: 6, maxCap: 3 }), fc.boolean(), (spec, dup) => {
        const { dense, capacity } = randomInstance(spec);
        const g = toSparse(dense, undefined, dup, spec.seed);
        const r = withPhases(g, capacity, false);
        expectValidSparse(g, capacity, r);
        expectDualCertificate(g, capacity, r, false);
        expectClose(r.total, anySizeOptimum(dense, capacity));
      }),
      { numRuns: 3000 },
    );
  });

  it('larger instances (rows ≤ 60, cols ≤ 20): both modes agree with the dense solvers and with the public call', () => {
    fc.assert(
      fc.property(specArb({ maxRows: 60, maxCols: 20, maxCap: 4 }), (spec) => {
        const { dense, capacity } = randomInstance(spec);
        const g = toSparse(dense, undefined, false, spec.seed);
        for (const card of [true, false]) {
          const r = withPhases(g, capacity, card);
          expectValidSparse(g, capacity, r);
          expectDualCertificate(g, capacity, r, card);
          const pub = sparseAssignment(g, { capacity, maxCardinality: card });
          // Best total of any size: a pair worth 0 may be made or not (equally good answers), so only the totals must agree.
          if (card) expect(r.assignedCount).toBe(pub.assignedCount);
          expectClose(r.total, pub.total);
          if (card) {
            const want = denseOptimum(dense, capacity);
            expect(r.assignedCount).toBe(want.assignedCount);
            expectClose(r.total, want.total);
          } else {
            expectClose(r.total, anySizeOptimum(dense, capacity));
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------
// The certificate
// ---------------------------------------------------------------------------

describe('pairCertified / rowCertifiedByBound: the certificate is sound and useful', () => {
  it('every edge of the graph passes pairCertified (the duals are feasible on the graph)', () => {
    fc.assert(
      fc.property(specArb({ maxRows: 12, maxCols: 6, maxCap: 3 }), fc.boolean(), (spec, card) => {
        const { dense, capacity } = randomInstance(spec);
        const g = toSparse(dense);
        const { duals } = sparseAssignment(g, { capacity, maxCardinality: card });
        for (let i = 0; i < g.rows; i++) {
          for (let p = g.rowStart[i]; p < g.rowStart[i + 1]; p++) expect(pairCertified(duals, i, g.col[p], g.value[p])).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a random subgraph whose left-out pairs all pass pairCertified has the dense optimum', () => {
    let certifiedRuns = 0;
    let runs = 0;
    fc.assert(
      fc.property(specArb({ maxRows: 12, maxCols: 6, maxCap: 3 }), fc.double({ min: 0.3, max: 1, noNaN: true }), fc.boolean(), (spec, keepRate, card) => {
        const { dense, capacity } = randomInstance(spec);
        const rnd = mulberry32(spec.seed ^ 0x5bd1e995);
        const kept = new Uint8Array(dense.rows * dense.cols).map(() => (rnd() < keepRate ? 1 : 0));
        const g = toSparse(dense, (i, j) => kept[i * dense.cols + j] === 1);
        const r = sparseAssignment(g, { capacity, maxCardinality: card });
        let all = true;
        for (let i = 0; i < dense.rows && all; i++) {
          for (let j = 0; j < dense.cols; j++) {
            const w = dense.data[i * dense.cols + j];
            if (w === -Infinity || kept[i * dense.cols + j] === 1) continue;
            if (!pairCertified(r.duals, i, j, w)) {
              all = false;
              break;
            }
          }
        }
        runs++;
        if (!all) return;
        certifiedRuns++;
        if (card) {
          const want = denseOptimum(dense, capacity);
          expect(r.assignedCount).toBe(want.assignedCount);
          expectClose(r.total, want.total);
        } else {
          expectClose(r.total, anySizeOptimum(dense, capacity));
        }
      }),
      { numRuns: 3000 },
    );
    // The check is not vacuous: many subgraphs are certified.
    expect(certifiedRuns).toBeGreaterThan(runs / 10);
  });

  it('top-K graphs: rows certified by rowCertifiedByBound are sound; the dense optimum holds when all are', () => {
    const rates: number[] = [];
    fc.assert(
      fc.property(
        fc.integer({ min: 20, max: 120 }),
        fc.integer({ min: 10, max: 40 }),
        fc.integer({ min: 3, max: 8 }),
        fc.constantFrom(0.6, 1.2),
        fc.boolean(),
        fc.integer(),
        (rows, cols, K, placeRatio, card, seed) => {
          const rnd = mulberry32(seed);
          const data = new Float64Array(rows * cols);
          for (let i = 0; i < rows; i++) {
            const offset = rnd();
            for (let j = 0; j < cols; j++) data[i * cols + j] = offset + rnd();
          }
          const dense = { rows, cols, data };
          const capacity = Array.from({ length: cols }, () => 1 + Math.floor(rnd() * 4));
          const places = capacity.reduce((a, b) => a + b, 0);
          const scale = (placeRatio * rows) / places;
          for (let j = 0; j < cols; j++) capacity[j] = Math.max(0, Math.round(capacity[j] * scale));
          // Each row's top K; the bound is the row's (K+1)-th value.
          const bound = new Float64Array(rows);
          const keep = new Uint8Array(rows * cols);
          for (let i = 0; i < rows; i++) {
            const order = Array.from({ length: cols }, (_, j) => j).sort((a, b) => data[i * cols + b] - data[i * cols + a]);
            for (let t = 0; t < K; t++) keep[i * cols + order[t]] = 1;
            bound[i] = data[i * cols + order[K]];
          }
          const g = toSparse(dense, (i, j) => keep[i * cols + j] === 1);
          const r = sparseAssignment(g, { capacity, maxCardinality: card });
          const floor = minColumnDual(r.duals);
          let certified = 0;
          let allPairs = true;
          for (let i = 0; i < rows; i++) {
            const byBound = rowCertifiedByBound(r.duals, i, bound[i], floor.level, floor.value);
            if (byBound) certified++;
            for (let j = 0; j < cols; j++) {
              if (keep[i * cols + j] === 1) continue;
              const ok = pairCertified(r.duals, i, j, data[i * cols + j]);
              // The row bound is a sufficient condition: it never passes a row with a bad pair.
              if (byBound) expect(ok).toBe(true);
              if (!ok) allPairs = false;
            }
          }
          rates.push(certified / rows);
          if (allPairs) {
            if (card) {
              const want = denseOptimum(dense, capacity);
              expect(r.assignedCount).toBe(want.assignedCount);
              expectClose(r.total, want.total);
            } else {
              expectClose(r.total, anySizeOptimum(dense, capacity));
            }
          }
        },
      ),
      { numRuns: 200 },
    );
    const mean = rates.reduce((a, b) => a + b, 0) / rates.length;
    console.log(`top-K graphs: rowCertifiedByBound certified ${(100 * mean).toFixed(1)}% of rows on average`);
  });
});

// ---------------------------------------------------------------------------
// Bad input
// ---------------------------------------------------------------------------

describe('sparseAssignment(bad input) throws InvalidInputError naming the field', () => {
  const ok = (): SparseBipartite => graph(2, 2, [[0, 0, 1], [1, 1, 2]]);
  const cases: [string, () => unknown, string][] = [
    ['no options', () => sparseAssignment(ok(), undefined as never), 'options (with a capacity)'],
    ['a graph that is not an object', () => sparseAssignment(null as never, { capacity: 1 }), 'graph'],
    ['rows not an integer', () => sparseAssignment({ ...ok(), rows: 1.5 }, { capacity: 1 }), 'graph.rows'],
    ['rowStart not an Int32Array', () => sparseAssignment({ ...ok(), rowStart: [0, 1, 2] as never }, { capacity: 1 }), 'graph.rowStart'],
    ['rowStart of the wrong length', () => sparseAssignment({ ...ok(), rowStart: Int32Array.from([0, 2]) }, { capacity: 1 }), 'graph.rowStart'],
    ['rowStart not starting at 0', () => sparseAssignment({ ...ok(), rowStart: Int32Array.from([1, 1, 2]) }, { capacity: 1 }), 'graph.rowStart[0]'],
    ['rowStart decreasing', () => sparseAssignment({ ...ok(), rowStart: Int32Array.from([0, 3, 2]) }, { capacity: 1 }), 'graph.rowStart[2]'],
    ['col of the wrong length', () => sparseAssignment({ ...ok(), col: Int32Array.from([0]) }, { capacity: 1 }), 'graph.col'],
    ['value of the wrong length', () => sparseAssignment({ ...ok(), value: Float64Array.from([1, 2, 3]) }, { capacity: 1 }), 'graph.value'],
    ['col out of range', () => sparseAssignment({ ...ok(), col: Int32Array.from([0, 2]) }, { capacity: 1 }), 'graph.col[1]'],
    ['negative col', () => sparseAssignment({ ...ok(), col: Int32Array.from([-1, 0]) }, { capacity: 1 }), 'graph.col[0]'],
    ['NaN value', () => sparseAssignment({ ...ok(), value: Float64Array.from([1, NaN]) }, { capacity: 1 }), 'graph.value[1]'],
    ['infinite value', () => sparseAssignment({ ...ok(), value: Float64Array.from([-Infinity, 1]) }, { capacity: 1 }), 'graph.value[0]'],
    ['maxCardinality not a boolean', () => sparseAssignment(ok(), { capacity: 1, maxCardinality: 1 as never }), 'options.maxCardinality'],
  ];
  for (const [what, f, argument] of cases) {
    it(`sparseAssignment with ${what} → INVALID_INPUT (${argument})`, () => {
      const e = expectMatchError(f, 'INVALID_INPUT');
      expect(e.details.argument).toBe(argument);
    });
  }

  it('a capacity that is negative, fractional, or of the wrong length → INVALID_INPUT', () => {
    for (const capacity of [-1, 1.5, [1], [1, -2], 'x']) expectMatchError(() => sparseAssignment(ok(), { capacity: capacity as never }), 'INVALID_INPUT');
  });

  it('pairCertified / rowCertifiedByBound with a bad index or NaN → INVALID_INPUT', () => {
    const { duals } = sparseAssignment(ok(), { capacity: 1 });
    expectMatchError(() => pairCertified(duals, 2, 0, 1), 'INVALID_INPUT');
    expectMatchError(() => pairCertified(duals, 0, -1, 1), 'INVALID_INPUT');
    expectMatchError(() => pairCertified(duals, 0, 0, NaN), 'INVALID_INPUT');
    expectMatchError(() => rowCertifiedByBound(duals, 0.5, 1, 0, 0), 'INVALID_INPUT');
    expectMatchError(() => rowCertifiedByBound(duals, 0, 1, 0.5, 0), 'INVALID_INPUT');
    expectMatchError(() => rowCertifiedByBound(duals, 0, 1, 0, NaN), 'INVALID_INPUT');
  });
});
