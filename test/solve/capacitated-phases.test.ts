/**
 * The capacitated solver's two shortest-path searches (the mentor graph of
 * capacitated-graph.ts and the row candidate lists of capacitated-search.ts), each with
 * and without the augmenting row reduction in front, forced through the internal
 * `phases` switch: the library picks one by size, so small public tests alone would
 * exercise only the graph. Each combination must reach the oracles' optimum — above all
 * on ties (costs 0..2, all zero) and with fewer places than rows (parking).
 *
 * Oracles: brute force (rows ≤ 6, cols ≤ 3), an augmenting-path maximum cardinality and
 * munkres-js on the rows × Σcapacity slot matrix, as in capacitated.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { solveCapacitated, type CapacitatedPhases } from '../../src/solve/_internal/capacitated-ssp.js';
import type { DenseMatrix } from '../../src/solve/types.js';
import {
  bruteForceCapacitated,
  capacityArray,
  floatCell,
  intOrForbiddenCell,
  matrixArb,
  maxCardinality,
  munkresLsap,
  slotMatrix,
} from '../_helpers/oracles.js';

const INF = Infinity;

const PHASES: readonly (CapacitatedPhases & { name: string })[] = [
  { name: 'row reduction + mentor graph', search: 'graph' },
  { name: 'mentor graph alone', search: 'graph', rowReduction: false },
  { name: 'row reduction + row lists', search: 'rows' },
  { name: 'row lists alone', search: 'rows', rowReduction: false },
];

function instanceArb(o: { maxRows: number; maxCols: number; maxCap: number; cell: fc.Arbitrary<number> }) {
  return matrixArb({ minRows: 1, maxRows: o.maxRows, minCols: 1, maxCols: o.maxCols, cell: o.cell }).chain((m) =>
    fc
      .oneof(
        fc.integer({ min: 0, max: o.maxCap }),
        fc.array(fc.integer({ min: 0, max: o.maxCap }), { minLength: m.cols, maxLength: m.cols }),
      )
      .map((capacity) => ({ m, capacity })),
  );
}

/** Runs one phase combination; checks validity and returns (count, total). */
function run(m: DenseMatrix, capacity: number | number[], phases: CapacitatedPhases, maximize = false) {
  const cap = Int32Array.from(capacityArray(capacity, m.cols));
  const a = solveCapacitated(m.rows, m.cols, m.data, maximize ? -1 : 1, cap, phases);
  const load = new Int32Array(m.cols);
  let count = 0;
  let total = 0;
  for (let i = 0; i < m.rows; i++) {
    const j = a[i];
    if (j < 0) continue;
    const x = m.data[i * m.cols + j];
    expect(Number.isFinite(x), `row ${i} uses forbidden column ${j}`).toBe(true);
    expect(++load[j] <= cap[j], `column ${j} over capacity`).toBe(true);
    count++;
    total += x;
  }
  return { count, total };
}

const tiny = fc.integer({ min: 0, max: 2 });

describe('solveCapacitated phases: every search, with and without the row reduction, is exact', () => {
  for (const ph of PHASES) {
    it(`${ph.name}: equals brute force on count and total (rows ≤ 6, cols ≤ 3, ints with forbidden cells, ±)`, () => {
      fc.assert(
        fc.property(instanceArb({ maxRows: 6, maxCols: 3, maxCap: 3, cell: intOrForbiddenCell }), fc.boolean(), ({ m, capacity }, maximize) => {
          const mm = maximize ? { ...m, data: m.data.map((x) => -x) } : m;
          const r = run(mm, capacity, ph, maximize);
          const b = bruteForceCapacitated(mm, capacityArray(capacity, m.cols), maximize);
          expect(r.count).toBe(b.assignedCount);
          expect(r.total).toBe(b.total);
        }),
        { numRuns: 300 },
      );
    });

    it(`${ph.name}: equals brute force on tied costs 0..2 and all-zero costs, short capacity (rows ≤ 6, cols ≤ 3)`, () => {
      fc.assert(
        fc.property(instanceArb({ maxRows: 6, maxCols: 3, maxCap: 2, cell: fc.oneof(tiny, fc.constant(0)) }), ({ m, capacity }) => {
          const r = run(m, capacity, ph);
          const b = bruteForceCapacitated(m, capacityArray(capacity, m.cols));
          expect(r.count).toBe(b.assignedCount);
          expect(r.total).toBe(b.total);
        }),
        { numRuns: 300 },
      );
    });

    it(`${ph.name}: equals brute force with float costs (rows ≤ 6, cols ≤ 3)`, () => {
      fc.assert(
        fc.property(instanceArb({ maxRows: 6, maxCols: 3, maxCap: 3, cell: fc.oneof(floatCell, floatCell, fc.constant(INF)) }), ({ m, capacity }) => {
          const r = run(m, capacity, ph);
          const b = bruteForceCapacitated(m, capacityArray(capacity, m.cols));
          expect(r.count).toBe(b.assignedCount);
          expect(Math.abs(r.total - b.total)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(b.total)) * m.rows);
        }),
        { numRuns: 200 },
      );
    });

    it(`${ph.name}: equals munkres-js on the slot matrix with ties and short capacity (rows ≤ 40, cols ≤ 8)`, () => {
      fc.assert(
        fc.property(
          instanceArb({ maxRows: 40, maxCols: 8, maxCap: 4, cell: fc.oneof(tiny, tiny, intOrForbiddenCell) }),
          ({ m, capacity }) => {
            const r = run(m, capacity, ph);
            expect(r.count).toBe(maxCardinality(m, capacity));
            const M = 1e6;
            const { slots } = slotMatrix(m, capacity, M);
            if (slots.cols === 0) {
              expect(r.count).toBe(0);
              return;
            }
            const lost = Math.min(m.rows, slots.cols) - r.count;
            expect(munkresLsap(slots).total).toBe(r.total + lost * M);
          },
        ),
        { numRuns: 120 },
      );
    });
  }

  it('every phase combination agrees on a 300 × 30 instance with costs 0..2 and 240 places (parking, many ties)', () => {
    const rows = 300;
    const cols = 30;
    let s = 12345;
    const data = new Float64Array(rows * cols).map(() => {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      return (s >>> 16) % 3;
    });
    const m: DenseMatrix = { rows, cols, data };
    const results = PHASES.map((ph) => run(m, 8, ph));
    for (const r of results) {
      expect(r.count).toBe(240);
      expect(r.total).toBe(results[0].total);
    }
  });
});
