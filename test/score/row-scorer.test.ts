/**
 * RowScorer: a peer pool's rows read the same both ways (scores, rule codes and essential
 * checks bit for bit), and a row scored from a column on equals the whole row there — what
 * the peer candidate path's streamed pass, which scores each pair once, relies on.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateInputs, SHAPES } from '../../bench/_quality/cohorts.js';
import { InvalidInputError } from '../../src/errors.js';
import { splitConfig, type MatchConfig } from '../../src/match/config.js';
import { inIdOrder } from '../../src/match/match.js';
import { peerScoring } from '../../src/match/peer.js';
import { parseParticipants } from '../../src/profile/parse.js';
import { resolveConfig } from '../../src/score/config.js';
import { RowScorer } from '../../src/score/row-scorer.js';

const CONFIGS: MatchConfig[] = [
  {},
  { rules: { differentDepartment: true, sharedLanguage: true } },
  { rules: { minAvailabilityMinutes: 60, maxTimeZoneGapHours: 4 } },
  { weights: { skills: { weight: 2, must: true }, availability: { weight: 1, must: true } } },
  { rules: { seniorityDirection: true } },
];

function peerScorer(shape: (typeof SHAPES)[number], seed: number, n: number, cfg: MatchConfig): RowScorer {
  const people = inIdOrder(parseParticipants(generateInputs(shape, seed, n)));
  const { scoring, options } = splitConfig({ ...cfg, mode: 'peer' });
  return new RowScorer('peer', people, null, resolveConfig(peerScoring(scoring, options)));
}

const rowOf = (s: RowScorer, i: number, from = 0) => {
  const r = { scores: new Float64Array(s.cols), code: new Uint8Array(s.cols), checks: new Uint8Array(s.cols) };
  s.scoreRow(i, r.scores, r.code, r.checks, from);
  return r;
};

describe('RowScorer on a peer pool', () => {
  it('property: every pair reads the same from either end, bit for bit (scores, rule codes, checks)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SHAPES), fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 2, max: 40 }), fc.constantFrom(...CONFIGS), (shape, seed, n, cfg) => {
        const s = peerScorer(shape, seed, n, cfg);
        const rows = Array.from({ length: s.rows }, (_, i) => rowOf(s, i));
        for (let i = 0; i < s.rows; i++) {
          for (let j = 0; j < s.rows; j++) {
            expect(Object.is(rows[i].scores[j], rows[j].scores[i])).toBe(true);
            expect(rows[i].code[j]).toBe(rows[j].code[i]);
            expect(rows[i].checks[j]).toBe(rows[j].checks[i]);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it("property: a row scored from column 'from' on equals the whole row there; before it, the self code, score 0, no checks", () => {
    fc.assert(
      fc.property(fc.constantFrom(...SHAPES), fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 2, max: 40 }), fc.constantFrom(...CONFIGS), fc.nat(), fc.nat(), (shape, seed, n, cfg, ri, fi) => {
        const s = peerScorer(shape, seed, n, cfg);
        const i = ri % s.rows;
        const from = fi % (s.rows + 2); // past the end too
        const whole = rowOf(s, i);
        const part = rowOf(s, i, from);
        const self = s.ruleNames.indexOf('self') + 1;
        for (let j = 0; j < s.cols; j++) {
          if (j >= from) {
            expect(Object.is(part.scores[j], whole.scores[j])).toBe(true);
            expect(part.code[j]).toBe(whole.code[j]);
            expect(part.checks[j]).toBe(whole.checks[j]);
          } else {
            expect(part.code[j]).toBe(self);
            expect(part.scores[j]).toBe(0);
            expect(part.checks[j]).toBe(0);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("refuses 'from' outside a peer pool, where a pair does not read the same both ways", () => {
    const people = parseParticipants(generateInputs(SHAPES[0], 1, 12));
    const { scoring } = splitConfig({});
    const s = new RowScorer('bipartite', people.filter((p) => p.roles.includes('mentee')), people.filter((p) => p.roles.includes('mentor')), resolveConfig(scoring));
    expect(() => s.scoreRow(0, new Float64Array(s.cols), new Uint8Array(s.cols), new Uint8Array(s.cols), 1)).toThrow(InvalidInputError);
    expect(() => s.scoreRow(0, new Float64Array(s.cols), new Uint8Array(s.cols), new Uint8Array(s.cols), 0)).not.toThrow();
  });
});
