/**
 * FactsLayout: a mentee's reason facts packed into fixed-size records (as the threads of a
 * streamed pass write them into shared memory) read back as they were written.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tallyWidth, type RowFacts } from '../../src/match/reasons.js';
import { FactsLayout } from '../../src/match/row-facts.js';

const ascendingSubset = (of: readonly number[]) => fc.subarray([...of]).map((s) => [...s].sort((a, b) => a - b));

const arbCase = fc
  .record({ ruleCount: fc.integer({ min: 0, max: 6 }), locked: fc.uniqueArray(fc.integer({ min: 0, max: 99 }), { maxLength: 70 }), rows: fc.integer({ min: 1, max: 5 }) })
  .chain(({ ruleCount, locked, rows }) => {
    const lockedCols = [...locked].sort((a, b) => a - b);
    const n = fc.integer({ min: 0, max: 1000 });
    const top = fc.array(fc.integer({ min: 0, max: 99 }), { maxLength: 3 });
    const facts = fc.record({
      tally: fc.array(n, { minLength: tallyWidth(ruleCount), maxLength: tallyWidth(ruleCount) }),
      scan: fc.record({
        allowed: n,
        failSkill: n,
        failLanguage: n,
        failTime: n,
        fitN: n,
        topFit: top,
        topAny: top,
        anyPlace: fc.boolean(),
        heldFit: n,
        heldAllowed: n,
        heldAtFit: ascendingSubset(lockedCols),
        heldAt: ascendingSubset(lockedCols),
      }),
    });
    return fc.record({ ruleCount: fc.constant(ruleCount), lockedCols: fc.constant(lockedCols), rows: fc.array(facts, { minLength: rows, maxLength: rows }) });
  });

describe('FactsLayout(ruleCount, lockedCols)', () => {
  it('property: unpack(pack(facts)) gives back every row’s facts, whatever the other rows hold (locked columns past 32 included)', () => {
    fc.assert(
      fc.property(arbCase, ({ ruleCount, lockedCols, rows }) => {
        const layout = new FactsLayout(ruleCount, Int32Array.from(lockedCols));
        const record = new Int32Array(rows.length * layout.width);
        const held = new Uint32Array(rows.length * layout.heldWords);
        rows.forEach((f, i) => layout.pack(i, { tally: Int32Array.from(f.tally), scan: f.scan }, record, held));
        rows.forEach((f, i) => {
          const back: RowFacts = layout.unpack(i, record, held);
          expect(Array.from(back.tally)).toEqual(f.tally);
          expect(back.scan).toEqual(f.scan);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('a layout with no locked columns keeps no held-at words', () => {
    const layout = new FactsLayout(3, new Int32Array(0));
    expect(layout.heldWords).toBe(0);
    expect(layout.width).toBe(tallyWidth(3) + 14);
  });
});
