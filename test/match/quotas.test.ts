import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCohortCsv } from '../../src/io/csv/parse-cohort.js';
import type { MatchConfig } from '../../src/match/config.js';
import { match } from '../../src/match/match.js';
import type { PairsResult } from '../../src/match/types.js';
import type { Participant } from '../../src/profile/types.js';
import { person } from '../score/_people.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const pairsOf = (r: PairsResult): string[] => r.pairs.map((p) => `${p.menteeId}-${p.mentorId}`);

describe('match(…, { quotas }): a cap that binds nothing changes nothing', () => {
  it('the sample cohort with a cap of 1000 on site hq (35 hq mentees) gives the same result as without', () => {
    const { participants } = parseCohortCsv(readFileSync(join(ROOT, 'examples/data/cohort.csv'), 'utf8'));
    const plain = match(participants);
    const capped = match(participants, { quotas: [{ attribute: 'site', value: 'hq', max: 1000 }] });
    expect(pairsOf(capped)).toEqual(pairsOf(plain));
    expect(capped.unmatched.map((u) => u.id)).toEqual(plain.unmatched.map((u) => u.id));
  });

  it('property: on random cohorts with mentees taking up to 2 mentors, a cap above the group size changes no pair', () => {
    const arb = fc.record({
      mentees: fc.array(fc.record({ wants: fc.subarray(['a', 'b', 'c']), two: fc.boolean(), site: fc.constantFrom('x', 'y') }), { minLength: 1, maxLength: 9 }),
      mentors: fc.array(fc.record({ offers: fc.subarray(['a', 'b', 'c']), cap: fc.integer({ min: 0, max: 3 }) }), { minLength: 1, maxLength: 5 }),
      objective: fc.constantFrom<MatchConfig['objective']>('best-total', 'most-matched', 'fairness'),
    });
    fc.assert(
      fc.property(arb, ({ mentees, mentors, objective }) => {
        const people: Participant[] = [
          ...mentees.map((m, i) => ({ ...person({ id: `e${i}`, wants: m.wants, attributes: { site: m.site } }), maxMentors: m.two ? 2 : 1 })),
          ...mentors.map((m, j) => ({ ...person({ id: `m${j}`, roles: ['mentor' as const], offers: m.offers }), capacity: { max: m.cap, min: 0 } })),
        ];
        const base = { objective, rules: { notOwnManager: false } } satisfies MatchConfig;
        const plain = match(people, base);
        const capped = match(people, { ...base, quotas: [{ attribute: 'site', value: 'x', max: 2 * mentees.length }] });
        expect(pairsOf(capped)).toEqual(pairsOf(plain));
      }),
      { numRuns: 200, seed: 11 },
    );
  });

  it('a binding cap still holds, and first mentors come before second ones under it', () => {
    const people: Participant[] = [
      { ...person({ id: 'e1', wants: ['a'], attributes: { site: 'hq' } }), maxMentors: 2 },
      { ...person({ id: 'e2', wants: ['a'], attributes: { site: 'hq' } }), maxMentors: 1 },
      { ...person({ id: 'm1', roles: ['mentor'], offers: ['a'] }), capacity: { max: 2, min: 0 } },
      { ...person({ id: 'm2', roles: ['mentor'], offers: ['a'] }), capacity: { max: 2, min: 0 } },
    ];
    const r = match(people, { rules: { notOwnManager: false }, quotas: [{ attribute: 'site', value: 'hq', max: 2 }] });
    // Two pairs allowed: one each, not two for e1.
    expect(new Set(r.pairs.map((p) => p.menteeId))).toEqual(new Set(['e1', 'e2']));
    expect(r.pairs).toHaveLength(2);
  });
});
