import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capacitatedAssignment } from '../../src/solve/capacitated.js';
import { highestPrices } from '../../src/solve/highest-prices.js';
import { pairCertified, sparseAssignment, type SparseBipartite } from '../../src/solve/sparse-assignment.js';
import { capOf, edgeValue, expectDualCertificate, mulberry32, randomInstance, toSparse, type InstanceSpec } from '../_helpers/sparse.js';

const specArb = fc.record({
  rows: fc.integer({ min: 0, max: 14 }),
  cols: fc.integer({ min: 0, max: 6 }),
  density: fc.constantFrom(0.2, 0.5, 0.8, 1),
  kind: fc.constantFrom('continuous' as const, 'ties' as const, 'lift' as const, 'negative' as const),
  maxCap: fc.integer({ min: 0, max: 3 }),
  perColumn: fc.boolean(),
  seed: fc.integer(),
}) as fc.Arbitrary<InstanceSpec>;

const lexGe = (l1: number, v1: number, l2: number, v2: number): boolean => l1 > l2 || (l1 === l2 && v1 >= v2 - 1e-9 * Math.max(1, Math.abs(v1), Math.abs(v2)));
const lexEq = (l1: number, v1: number, l2: number, v2: number): boolean => l1 === l2 && Math.abs(v1 - v2) <= 1e-9 * Math.max(1, Math.abs(v1), Math.abs(v2));

describe('highestPrices(graph, assignment, capacity, duals)', () => {
  it('property: a valid certificate of the same answer, every column dual at least the solver’s, and none can rise', () => {
    fc.assert(
      fc.property(specArb, fc.boolean(), (spec, cardinality) => {
        const { dense, capacity } = randomInstance(spec);
        const g = toSparse(dense);
        const r = sparseAssignment(g, { capacity, maxCardinality: cardinality });
        const d = highestPrices(g, r.assignment, Int32Array.from({ length: g.cols }, (_, j) => capOf(capacity, j)), r.duals);
        expectDualCertificate(g, capacity, { ...r, duals: d }, cardinality);
        const card = cardinality ? 1 : 0;
        const load = new Int32Array(g.cols);
        for (const a of r.assignment) if (a >= 0) load[a]++;
        for (let a = 0; a < g.cols; a++) {
          expect(lexGe(d.colLevel[a], d.col[a], r.duals.colLevel[a], r.duals.col[a])).toBe(true);
          if (capOf(capacity, a) === 0 || load[a] < capOf(capacity, a)) continue;
          // Highest: some constraint holds v_a where it is — a member's dual at 0, or a member's other edge tight.
          let held = false;
          for (let i = 0; i < g.rows && !held; i++) {
            if (r.assignment[i] !== a) continue;
            if (lexEq(d.rowLevel[i], d.row[i], 0, 0)) held = true;
            for (let p = g.rowStart[i]; p < g.rowStart[i + 1] && !held; p++) {
              const j = g.col[p];
              if (j !== a && lexEq(d.rowLevel[i] + d.colLevel[j], d.row[i] + d.col[j], card, g.value[p])) held = true;
            }
          }
          expect(held).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('property: on a random part of a dense instance, when its prices certify every pair left out, the part’s answer is the dense optimum', () => {
    let certified = 0;
    fc.assert(
      fc.property(specArb, fc.integer(), (spec, seed) => {
        const { dense, capacity } = randomInstance(spec);
        const rnd = mulberry32(seed);
        const keep = new Set<number>();
        const g: SparseBipartite = toSparse(dense, (i, j) => (rnd() < 0.6 ? (keep.add(i * dense.cols + j), true) : false));
        const r = sparseAssignment(g, { capacity });
        const d = highestPrices(g, r.assignment, Int32Array.from({ length: g.cols }, (_, j) => capOf(capacity, j)), r.duals);
        for (let i = 0; i < dense.rows; i++) {
          for (let j = 0; j < dense.cols; j++) {
            const w = dense.data[i * dense.cols + j];
            if (w === -Infinity || keep.has(i * dense.cols + j)) continue;
            if (!pairCertified(d, i, j, w)) return;
          }
        }
        certified++;
        const full = capacitatedAssignment(dense, { capacity, maximize: true });
        expect(r.assignedCount).toBe(full.assignedCount);
        expect(r.total).toBeCloseTo(full.total, 6);
      }),
      { numRuns: 2000 },
    );
    expect(certified).toBeGreaterThan(200);
  });

  it('an unassigned row is certified against a full column by its weakest member (no exchange pays)', () => {
    // Two rows want column 0 (one place): row 0 (value 5) gets it; row 1 (value 3) is out.
    const g: SparseBipartite = { rows: 2, cols: 1, rowStart: Int32Array.of(0, 1, 1), col: Int32Array.of(0), value: Float64Array.of(5) };
    const r = sparseAssignment(g, { capacity: 1 });
    const d = highestPrices(g, r.assignment, Int32Array.of(1), r.duals);
    expect(edgeValue(g, 0, 0)).toBe(5);
    expect(pairCertified(d, 1, 0, 3)).toBe(true); // the left-out pair (1, 0) of value 3
    expect(pairCertified(d, 1, 0, 6)).toBe(false); // worth more than row 0's place
    expect([d.colLevel[0], d.col[0]]).toEqual([1, 5]);
  });

  it('refuses sizes that disagree', () => {
    const g: SparseBipartite = { rows: 1, cols: 1, rowStart: Int32Array.of(0, 1), col: Int32Array.of(0), value: Float64Array.of(1) };
    const r = sparseAssignment(g, { capacity: 1 });
    expect(() => highestPrices(g, new Int32Array(2), Int32Array.of(1), r.duals)).toThrow(/assignment/);
    expect(() => highestPrices(g, r.assignment, Int32Array.of(1, 1), r.duals)).toThrow(/capacity/);
  });
});
