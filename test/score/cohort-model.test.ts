import { describe, expect, it } from 'vitest';
import { matchMatrix } from '../../src/match/match.js';
import { recommend } from '../../src/match/recommend.js';
import type { Participant } from '../../src/profile/types.js';
import { COHORT_SAMPLE_ROWS, MIN_SPREAD_PAIRS } from '../../src/score/cohort-model.js';
import { explainPair } from '../../src/score/explain.js';
import { buildCompatibility } from '../../src/score/matrix.js';
import type { ScoringConfig } from '../../src/score/config.js';
import { only, person } from './_people.js';

/** A seeded cohort: mentees × mentors with skills and goals from small vocabularies. */
function cohort(mentees: number, mentors: number, extra: (i: number, role: 'mentee' | 'mentor') => Partial<Parameters<typeof person>[0]> = () => ({})): { es: Participant[]; ms: Participant[] } {
  let s = 12345;
  const rnd = (n: number): number => ((s = (s * 1103515245 + 12345) >>> 0) >>> 8) % n;
  const tags = (pre: string, n: number, k: number): string[] => [...new Set(Array.from({ length: k }, () => `${pre}${rnd(n)}`))];
  const es = Array.from({ length: mentees }, (_, i) => person({ id: `e${String(i).padStart(4, '0')}`, wants: tags('s', 12, 2), goals: tags('g', 6, 2), ...extra(i, 'mentee') }));
  const ms = Array.from({ length: mentors }, (_, j) => person({ id: `m${String(j).padStart(4, '0')}`, roles: ['mentor'], offers: tags('s', 12, 3), goals: tags('g', 6, 2), ...extra(j, 'mentor') }));
  return { es, ms };
}

describe('cohort model: uninformative criteria and missing data', () => {
  it('a criterion on which every pair scores the same gets no weight (everyone speaks English)', () => {
    const { es, ms } = cohort(100, 20, () => ({ languages: ['english'] }));
    const m = buildCompatibility(es, ms, { weights: only({ skills: 3, goals: 2, languages: 2 }) as ScoringConfig['weights'] });
    const lang = m.criteria.find((c) => c.name === 'languages')!;
    expect(lang).toMatchObject({ configuredWeight: 2, weight: 0 });
    expect(m.criteria.find((c) => c.name === 'skills')!.weight).toBe(3);
    expect(explainPair(m, 0, 0).criteria.find((c) => c.name === 'languages')!.contribution).toBe(0);
    // turned off: the configured weight is used
    const keep = buildCompatibility(es, ms, { weights: only({ skills: 3, goals: 2, languages: 2 }) as ScoringConfig['weights'], model: { uninformative: 'keep' } });
    expect(keep.criteria.find((c) => c.name === 'languages')!.weight).toBe(2);
  });

  it('a blank profile field never scores better than a poor match', () => {
    const { es, ms } = cohort(100, 20);
    const blank = person({ id: 'm9999', roles: ['mentor'], offers: ['s1'] }); // no goals
    const poor = person({ id: 'm9998', roles: ['mentor'], offers: ['s1'], goals: ['nobody-has-this'] });
    const cfg: ScoringConfig = { weights: only({ skills: 1, goals: 1 }) as ScoringConfig['weights'] };
    const m = buildCompatibility(es, [...ms, blank, poor], cfg);
    const i = es.findIndex((p) => p.skillsWanted.some((s) => s.name === 's1'));
    const C = m.cols;
    expect(m.score(i, C - 2)).toBeLessThanOrEqual(m.score(i, C - 1) + 1e-12);
    const g = explainPair(m, i, C - 2).criteria.find((c) => c.name === 'goals')!;
    expect(g.score).toBeNull();
    expect(g.evidence[0]).toMatch(/^no data on one side: scored \d+\/100, a poor match in this cohort$/);
    // the old rule (leave it out of the mean) rewarded the blank field
    const ignore = buildCompatibility(es, [...ms, blank, poor], { ...cfg, model: { missing: 'ignore' } });
    expect(ignore.score(i, C - 2)).toBeGreaterThan(ignore.score(i, C - 1));
  });

  it('explainPair contributions still add up to the matrix score', () => {
    const { es, ms } = cohort(80, 15, (i) => (i % 3 === 0 ? { goals: [] } : {}));
    const m = buildCompatibility(es, ms, {});
    for (const [i, j] of [[0, 0], [3, 4], [9, 2]]) {
      const e = explainPair(m, i, j);
      expect(e.score).toBeCloseTo(100 * m.score(i, j), 9);
    }
  });

  it('small cohorts keep the configured weights (too few pairs to judge a spread)', () => {
    const { es, ms } = cohort(5, 3, () => ({ languages: ['english'] }));
    expect(5 * 3).toBeLessThan(MIN_SPREAD_PAIRS);
    const m = buildCompatibility(es, ms, {});
    expect(m.criteria.find((c) => c.name === 'languages')!.weight).toBe(2);
  });

  it('recommend scores a person as the whole cohort\'s matrix does (same cohort model)', () => {
    const { es, ms } = cohort(COHORT_SAMPLE_ROWS * 2, 12, (i, role) => ({ languages: i % 7 === 0 ? [] : ['english'], ...(role === 'mentor' && i % 4 === 0 ? { goals: [] } : {}) }));
    const people = [...es, ...ms];
    const full = matchMatrix(people);
    for (const who of [es[5].id, es[77].id]) {
      const i = full.rowIds.indexOf(who);
      for (const r of recommend(people, { for: who, k: 12 })) {
        expect(r.score).toBeCloseTo(100 * full.score(i, full.colIds.indexOf(r.id)), 9);
      }
    }
  });
});
