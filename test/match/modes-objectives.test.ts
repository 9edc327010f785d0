import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import type { MatchConfig } from '../../src/match/config.js';
import { matchWithMatrix } from '../../src/match/match.js';
import { pairIds } from '../../src/match/result-shape.js';
import type { Participant } from '../../src/profile/types.js';
import { person } from '../score/_people.js';

const MODES: readonly MatchConfig[] = [
  { mode: 'one-to-one' },
  { mode: 'capacity' },
  { mode: 'group', group: { minSize: 2, maxSize: 3 } },
  { mode: 'group', group: { minSize: 1 } },
  { mode: 'reverse', rules: { reverseSkills: ['b'] } },
  { mode: 'peer' },
  { mode: 'peer', peer: { odd: 'trio' } },
  { mode: 'peer', peer: { circleSize: 3 } },
];
const OBJECTIVES = ['best-total', 'most-matched', 'fairness'] as const;

const arbCohort = fc.record({
  mentees: fc.array(fc.record({ wants: fc.subarray(['a', 'b', 'c']), seniority: fc.integer({ min: 1, max: 5 }), langs: fc.subarray(['en', 'de']) }), { minLength: 1, maxLength: 8 }),
  mentors: fc.array(fc.record({ offers: fc.subarray(['a', 'b', 'c']), seniority: fc.integer({ min: 1, max: 5 }), cap: fc.integer({ min: 0, max: 3 }), langs: fc.subarray(['en', 'de']) }), { minLength: 1, maxLength: 4 }),
});

function cohort(c: typeof arbCohort extends fc.Arbitrary<infer T> ? T : never): Participant[] {
  return [
    ...c.mentees.map((m, i) => person({ id: `e${i}`, wants: m.wants, seniority: m.seniority, languages: m.langs })),
    ...c.mentors.map((m, j) => ({ ...person({ id: `m${j}`, roles: ['mentor'], offers: m.offers, seniority: m.seniority, languages: m.langs }), capacity: { max: m.cap, min: 0 } })),
  ];
}

describe('match(…) for every mode × objective: a ConfigError naming the combination, or a valid result whose objective.value is its definition', () => {
  it.each(MODES.flatMap((m) => OBJECTIVES.map((objective) => [`${m.mode}${m.peer?.circleSize ? ' circles' : ''}${m.peer?.odd ? ' trio' : ''}${m.group?.minSize === 1 ? ' min 1' : ''}`, objective, { ...m, objective }] as const)))(
    '%s / %s',
    (_, objective, config) => {
      fc.assert(
        fc.property(arbCohort, (spec) => {
          const people = cohort(spec);
          let out: ReturnType<typeof matchWithMatrix>;
          try {
            out = matchWithMatrix(people, { ...config, rules: { ...(config.rules ?? {}), notOwnManager: false } });
          } catch (e) {
            expect(e).toBeInstanceOf(ConfigError);
            expect(String((e as Error).message)).toMatch(new RegExp(objective));
            return;
          }
          const { result: r, matrix } = out;
          expect(r.objective.name).toBe(objective);
          // Everyone once: in a pair, a group or unmatched.
          const seen = new Map<string, number>();
          const bump = (id: string) => seen.set(id, (seen.get(id) ?? 0) + 1);
          if (r.mode === 'peer') {
            for (const p of r.pairs) for (const id of p.peerIds) bump(id);
            for (const g of r.groups) for (const id of g.memberIds) bump(id);
            for (const u of r.unmatched) bump(u.id);
            for (const p of people) expect(seen.get(p.id)).toBe(1);
          }
          // No forbidden pair; mentors within their places.
          const load = new Map<string, number>();
          for (const p of r.pairs) {
            // A mentee and a mentor, or two peers (rows and columns of the peer matrix are the pool).
            const [a, b] = pairIds(p);
            const i = matrix.rowIds.indexOf(a);
            const j = matrix.colIds.indexOf(b);
            expect(matrix.isForbidden(i, j)).toBe(false);
            load.set(b, (load.get(b) ?? 0) + 1);
          }
          if (r.mode !== 'peer') {
            for (const [id, n] of load) {
              const m = people.find((p) => p.id === id)!;
              const places = r.mode === 'one-to-one' ? 1 : r.mode === 'group' && config.group?.maxSize ? Math.min(config.group.maxSize, m.capacity.max) : m.capacity.max;
              expect(n).toBeLessThanOrEqual(places);
            }
          }
          // objective.value is what its TSDoc says (no bonuses, no locked pairs here).
          if (objective === 'fairness') expect(r.objective.value).toBeCloseTo(r.stats.pairs ? r.stats.lowestScore : 0, 9);
          else expect(r.objective.value).toBeCloseTo(r.stats.totalScore, 9);
        }),
        { numRuns: 60, seed: 4242 },
      );
    },
  );
});
