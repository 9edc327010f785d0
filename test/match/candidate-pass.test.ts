/**
 * CandidateCollector: each row's best columns and each column's best rows, whatever order
 * the rows come in, with the bounds the certificate relies on; tied values spread over
 * the columns instead of all rows keeping the same few.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CandidateCollector, columnListBuffers, columnLists, rowListBuffers, rowLists, type CandidateSet } from '../../src/match/candidate-pass.js';

const collect = (values: number[][], perRow: number, perCol: number, order: number[]): CandidateSet => {
  const C = values[0]?.length ?? 0;
  const c = new CandidateCollector(values.length, C, perRow, perCol);
  for (const i of order) c.addRow(i, Float64Array.from(values[i]), values[i].map((v) => (v === -Infinity ? 0 : v / 10)), values[i].map(() => 0));
  return c.finish();
};

/** Rows split between `parts` collectors (as threads would: one row store, a column store each), merged in part order. */
const collectSplit = (values: number[][], perRow: number, perCol: number, part: number[], parts: number): CandidateSet => {
  const R = values.length;
  const C = values[0]?.length ?? 0;
  const buffers = rowListBuffers(R, perRow);
  for (let s = 0; s < parts; s++) Object.assign(buffers, columnListBuffers(C, perCol, s));
  const collectors = Array.from({ length: parts }, (_, s) => new CandidateCollector(R, C, perRow, perCol, { rows: rowLists(buffers), columns: columnLists(buffers, s) }));
  for (let i = R - 1; i >= 0; i--) collectors[part[i]].addRow(i, Float64Array.from(values[i]), values[i].map((v) => (v === -Infinity ? 0 : v / 10)), values[i].map((v) => (v > 1 ? 1 : 0)));
  for (let s = 1; s < parts; s++) collectors[0].mergeColumns(columnLists(buffers, s));
  return collectors[0].finish();
};

const plainSet = (s: CandidateSet): Record<string, unknown> => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v]));

const kept = (s: CandidateSet, i: number): number[] => Array.from(s.col.subarray(s.rowStart[i], s.rowStart[i + 1]));

describe('CandidateCollector', () => {
  it('property: a row keeps perRow of its best values, a column perCol of its best, in any row order; the bounds are the best values left out', () => {
    const arb = fc
      .record({ rows: fc.integer({ min: 1, max: 8 }), cols: fc.integer({ min: 1, max: 8 }), perRow: fc.integer({ min: 0, max: 4 }), perCol: fc.integer({ min: 0, max: 4 }) })
      .chain((d) =>
        fc.record({
          d: fc.constant(d),
          values: fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constant(-Infinity)), { minLength: d.cols, maxLength: d.cols }), { minLength: d.rows, maxLength: d.rows }),
          order: fc.shuffledSubarray([...Array(d.rows).keys()], { minLength: d.rows, maxLength: d.rows }),
        }),
      );
    fc.assert(
      fc.property(arb, ({ d, values, order }) => {
        const s = collect(values, d.perRow, d.perCol, order);
        const again = collect(values, d.perRow, d.perCol, [...order].reverse());
        expect(Array.from(again.col)).toEqual(Array.from(s.col)); // the row order does not matter
        for (let i = 0; i < d.rows; i++) {
          const mine = new Set(kept(s, i));
          const allowed = values[i].flatMap((v, j) => (v === -Infinity ? [] : [j]));
          const sorted = allowed.map((j) => values[i][j]).sort((a, b) => b - a);
          // The row's own list: its perRow best values (which of tied columns is the collector's choice).
          const kth = sorted[Math.min(d.perRow, sorted.length) - 1] ?? Infinity;
          for (const j of allowed) if (values[i][j] > kth && d.perRow > 0) expect(mine.has(j)).toBe(true);
          // Every allowed pair left out of both lists is at most both bounds.
          for (const j of allowed) {
            if (mine.has(j)) continue;
            expect(values[i][j]).toBeLessThanOrEqual(s.bound[i]);
            if (d.perCol > 0) expect(values[i][j]).toBeLessThanOrEqual(s.colBound[j]);
          }
          for (const j of mine) expect(values[i][j]).not.toBe(-Infinity);
        }
        // Each column keeps its perCol best rows.
        for (let j = 0; j < d.cols && d.perCol > 0; j++) {
          const col = values.map((r) => r[j]).filter((v) => v !== -Infinity).sort((a, b) => b - a);
          const kth = col[Math.min(d.perCol, col.length) - 1] ?? Infinity;
          for (let i = 0; i < d.rows; i++) if (values[i][j] !== -Infinity && values[i][j] > kth) expect(kept(s, i)).toContain(j);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('property: rows split between 1–3 collectors, column lists merged (mergeColumns), keep bit for bit what one collector keeps', () => {
    const arb = fc
      .record({ rows: fc.integer({ min: 1, max: 10 }), cols: fc.integer({ min: 1, max: 8 }), perRow: fc.integer({ min: 0, max: 4 }), perCol: fc.integer({ min: 0, max: 4 }), parts: fc.integer({ min: 1, max: 3 }) })
      .chain((d) =>
        fc.record({
          d: fc.constant(d),
          values: fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 2 }), fc.constant(-Infinity)), { minLength: d.cols, maxLength: d.cols }), { minLength: d.rows, maxLength: d.rows }),
          part: fc.array(fc.integer({ min: 0, max: d.parts - 1 }), { minLength: d.rows, maxLength: d.rows }),
        }),
      );
    fc.assert(
      fc.property(arb, ({ d, values, part }) => {
        const one = new CandidateCollector(d.rows, d.cols, d.perRow, d.perCol);
        for (let i = 0; i < d.rows; i++) one.addRow(i, Float64Array.from(values[i]), values[i].map((v) => (v === -Infinity ? 0 : v / 10)), values[i].map((v) => (v > 1 ? 1 : 0)));
        expect(plainSet(collectSplit(values, d.perRow, d.perCol, part, d.parts))).toEqual(plainSet(one.finish()));
      }),
      { numRuns: 400 },
    );
  });

  it('rows whose values all tie keep different columns (not all the lowest ones)', () => {
    const values = Array.from({ length: 200 }, () => Array.from({ length: 100 }, () => 1));
    const s = collect(values, 1, 0, [...Array(200).keys()]);
    const distinct = new Set(s.col);
    expect(s.col.length).toBe(200);
    expect(distinct.size).toBeGreaterThan(50); // about 100 · (1 − e^−2) ≈ 86 for a uniform spread; lowest-first keeps 1
    for (let i = 0; i < 200; i++) expect(s.bound[i]).toBe(1);
  });
});
