import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Participant } from '../../src/profile/types.js';
import type { ScoringConfig } from '../../src/score/config.js';
import { explainPair } from '../../src/score/explain.js';
import { buildCompatibility, buildPeerCompatibility } from '../../src/score/matrix.js';
import { person, slot } from './_people.js';

const ZONES = ['UTC', 'Europe/Lisbon', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney'];
const tags = (pool: string[]) => fc.uniqueArray(fc.constantFrom(...pool), { maxLength: 4 });
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

const arbPerson = (id: string): fc.Arbitrary<Participant> =>
  fc
    .record({
      offers: fc.uniqueArray(fc.constantFrom('py:1', 'py:4', 'sql:3', 'go', 'ux:5', 'ml:2'), { maxLength: 3, selector: (s) => s.split(':')[0] }),
      wants: fc.uniqueArray(fc.constantFrom('py:3', 'sql', 'go:2', 'ux:4', 'ml'), { maxLength: 3, selector: (s) => s.split(':')[0] }),
      goals: tags(['lead', 'speak', 'code', 'sell']),
      interests: tags(['chess', 'run', 'art', 'jazz', 'go']),
      languages: tags(['en', 'pt', 'de']),
      department: maybe(fc.constantFrom('a', 'b', 'c')),
      location: maybe(fc.constantFrom('x', 'y')),
      seniority: maybe(fc.integer({ min: 1, max: 7 })),
      timeZone: maybe(fc.constantFrom(...ZONES)),
      slots: fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 46 }), fc.integer({ min: 1, max: 6 })), { maxLength: 3 }),
      openness: maybe(fc.integer({ min: 0, max: 100 })),
      extraversion: maybe(fc.integer({ min: 0, max: 100 })),
      site: maybe(fc.constantFrom('n', 's')),
    })
    .map((r) =>
      person({
        id,
        offers: r.offers,
        wants: r.wants,
        goals: r.goals,
        interests: r.interests,
        languages: r.languages,
        department: r.department,
        location: r.location,
        seniority: r.seniority,
        timeZone: r.timeZone,
        availability: r.timeZone ? r.slots.map(([d, h, len]) => slot(d, hhmm(h * 30), hhmm(Math.min(1440, h * 30 + len * 30)))) : [],
        personality: Object.fromEntries(Object.entries({ openness: r.openness, extraversion: r.extraversion }).filter(([, v]) => v !== undefined)) as Record<string, number>,
        attributes: r.site ? { site: r.site } : {},
      }),
    );

function hhmm(m: number): string {
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

const cohort = (prefix: string, min: number, max: number) =>
  fc.integer({ min, max }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, k) => arbPerson(`${prefix}${k}`))));

const everything: ScoringConfig = {
  skills: { rarity: true },
  custom: [{ attribute: 'site', weight: 'low' }],
  rules: { notOwnManager: false },
};
const symmetricOnly: ScoringConfig = {
  weights: { skills: 0, seniority: 0 },
  custom: [{ attribute: 'site' }],
  rules: { notOwnManager: false },
};

describe('buildCompatibility properties', () => {
  it('scores stay in [0, 1] and explainPair contributions add up to the score', () => {
    fc.assert(
      fc.property(cohort('e', 1, 5), cohort('m', 1, 5), (es, ms) => {
        const m = buildCompatibility(es, ms, everything);
        for (let i = 0; i < m.rows; i++) {
          for (let j = 0; j < m.cols; j++) {
            const s = m.score(i, j);
            expect(s).toBeGreaterThanOrEqual(0);
            expect(s).toBeLessThanOrEqual(1);
            expect(explainPair(m, i, j).score).toBeCloseTo(100 * s, 9);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('symmetric criteria are symmetric: swapping the sides transposes the matrix', () => {
    fc.assert(
      fc.property(cohort('e', 1, 4), cohort('m', 1, 4), (es, ms) => {
        const a = buildCompatibility(es, ms, symmetricOnly);
        const b = buildCompatibility(ms, es, symmetricOnly);
        for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) expect(b.score(j, i)).toBeCloseTo(a.score(i, j), 12);
      }),
      { numRuns: 150 },
    );
  });

  it('a forbidden pair is never scored as allowed: banned pairs are forbidden and score 0', () => {
    fc.assert(
      fc.property(cohort('e', 1, 4), cohort('m', 1, 4), fc.nat(), (es, ms, seed) => {
        const i = seed % es.length;
        const j = (seed >> 3) % ms.length;
        const m = buildCompatibility(es, ms, { ...everything, rules: { notOwnManager: false, bannedPairs: [[es[i].id, ms[j].id]], sharedLanguage: true } });
        expect(m.isForbidden(i, j)).toBe(true);
        expect(m.score(i, j)).toBe(0);
        for (let a = 0; a < m.rows; a++) {
          for (let b = 0; b < m.cols; b++) {
            expect(m.isForbidden(a, b)).toBe(m.reasons(a, b).length > 0);
            const shared = es[a].languages.some((l) => ms[b].languages.includes(l));
            if (!shared) expect(m.isForbidden(a, b)).toBe(true);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('scaling every weight by the same factor leaves every score unchanged', () => {
    fc.assert(
      fc.property(cohort('e', 1, 4), cohort('m', 1, 4), fc.double({ min: 0.1, max: 50, noNaN: true }), (es, ms, k) => {
        const w = { skills: 3, goals: 2, interests: 1, availability: 2, timeZone: 1, personality: 1, languages: 2, department: 1, location: 1, seniority: 1 };
        const scaled = Object.fromEntries(Object.entries(w).map(([n, v]) => [n, v * k]));
        const a = buildCompatibility(es, ms, { weights: w, rules: { notOwnManager: false } });
        const b = buildCompatibility(es, ms, { weights: scaled, rules: { notOwnManager: false } });
        for (let x = 0; x < a.scores.length; x++) expect(b.scores[x]).toBeCloseTo(a.scores[x], 12);
      }),
      { numRuns: 100 },
    );
  });

  it('reordering participants permutes the matrix and nothing else', () => {
    fc.assert(
      fc.property(cohort('e', 1, 5), cohort('m', 1, 5), fc.nat(), (es, ms, seed) => {
        const perm = (n: number, s: number): number[] => Array.from({ length: n }, (_, k) => k).sort((x, y) => ((x * 7919 + s) % 13) - ((y * 7919 + s) % 13) || x - y);
        const pe = perm(es.length, seed);
        const pm = perm(ms.length, seed + 1);
        const config: ScoringConfig = { ...everything, rules: { notOwnManager: false, maxTimeZoneGapHours: 6, seniorityDirection: true } };
        const a = buildCompatibility(es, ms, config);
        const b = buildCompatibility(pe.map((k) => es[k]), pm.map((k) => ms[k]), config);
        for (let i = 0; i < es.length; i++) {
          for (let j = 0; j < ms.length; j++) {
            const bi = pe.indexOf(i);
            const bj = pm.indexOf(j);
            expect(b.score(bi, bj)).toBeCloseTo(a.score(i, j), 12);
            expect(b.reason(bi, bj)?.rule).toBe(a.reason(i, j)?.rule);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('buildPeerCompatibility is symmetric with a forbidden diagonal', () => {
    fc.assert(
      fc.property(cohort('p', 1, 6), (pool) => {
        const m = buildPeerCompatibility(pool, { ...everything, rules: { notOwnManager: false, seniorityDirection: true } });
        for (let i = 0; i < m.rows; i++) {
          expect(m.isForbidden(i, i)).toBe(true);
          for (let j = 0; j < m.cols; j++) {
            expect(m.score(i, j)).toBeCloseTo(m.score(j, i), 12);
            expect(m.isForbidden(i, j)).toBe(m.isForbidden(j, i));
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
