import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MatchConfig } from '../../src/match/config.js';
import { match, matchMatrix } from '../../src/match/match.js';
import { recommend } from '../../src/match/recommend.js';
import type { PairsResult } from '../../src/match/types.js';
import type { Participant } from '../../src/profile/types.js';
import { capacitatedAssignment } from '../../src/solve/capacitated.js';
import { person, slot } from '../score/_people.js';

const mentor = (id: string, extra: Partial<Participant> & { offers?: string[]; languages?: string[] } = {}, max = 1): Participant => ({
  ...person({ id, roles: ['mentor'], offers: extra.offers ?? [], languages: extra.languages ?? [] }),
  capacity: { max, min: 0 },
  ...extra,
});

/** The best achievable (exact): most matched, then most essential fits, on the matrix's allowed pairs. */
function bestAchievable(people: readonly Participant[], config: MatchConfig = {}): { matched: number; fits: number } {
  const m = matchMatrix(people, config);
  const byId = new Map(people.map((p) => [p.id, p]));
  const data = new Float64Array(m.rows * m.cols);
  for (let k = 0; k < data.length; k++) data[k] = m.forbidden[k] ? -Infinity : m.checks[k] === 0 ? 1 : 0;
  const capacity = Int32Array.from(m.colIds, (id) => byId.get(id)!.capacity.max);
  const r = capacitatedAssignment({ rows: m.rows, cols: m.cols, data }, { capacity, maximize: true });
  let fits = 0;
  r.assignment.forEach((j, i) => {
    if (j >= 0 && data[i * m.cols + j] === 1) fits++;
  });
  return { matched: r.assignedCount, fits };
}

const fitMentees = (r: PairsResult): number => new Set(r.pairs.filter((p) => p.essentialFit).map((p) => p.menteeId)).size;
const matchedMentees = (r: PairsResult): number => new Set(r.pairs.map((p) => p.menteeId)).size;

describe('match(…) tiers: matched first, then essential fits, then the objective', () => {
  // Keisha wants kubernetes; the sales mentor scores higher on everything else.
  const keisha = person({ id: 'e1', name: 'Keisha', wants: ['kubernetes'], languages: ['english'], goals: ['growth', 'sales'], department: 'eng' });
  const other = person({ id: 'e2', wants: ['negotiation'], languages: ['english'], goals: ['sales'] });
  const sales = mentor('m1', { offers: ['negotiation', 'account management'], languages: ['english'], goals: ['growth', 'sales'], department: 'sales' });
  const cloud = mentor('m2', { offers: ['kubernetes'], languages: ['english'], goals: ['hiring'], department: 'eng' });
  const cfg = { weights: { skills: 1, goals: 10, department: 0 }, rules: { notOwnManager: false } } satisfies MatchConfig;

  it('gives each mentee an essential-fit mentor when one exists, even at a lower total', () => {
    const r = match([keisha, other, sales, cloud], cfg);
    expect(r.pairs.map((p) => [p.menteeId, p.mentorId, p.essentialFit])).toEqual([
      ['e1', 'm2', true],
      ['e2', 'm1', true],
    ]);
    const plain = match([keisha, other, sales, cloud], { ...cfg, tiers: [] });
    expect(plain.pairs.map((p) => [p.menteeId, p.mentorId])).toEqual([
      ['e1', 'm1'],
      ['e2', 'm2'],
    ]);
    expect(plain.objective.value).toBeGreaterThan(r.objective.value); // the tier costs total score, and says so
  });

  it('objective.value is the pairs\' total without the tier\'s lift', () => {
    const r = match([keisha, other, sales, cloud], cfg);
    expect(r.objective.value).toBeCloseTo(r.pairs.reduce((s, p) => s + p.score, 0), 9);
  });

  it('most matched comes before essential fits: nobody is left out to give someone a fit', () => {
    // e1 fits only m1; e2 can only have m1 (rule); the fit would leave e2 without a mentor.
    const e1 = person({ id: 'e1', wants: ['go'] });
    const e2 = person({ id: 'e2', wants: ['rust'] });
    const m1 = mentor('m1', { offers: ['go'] });
    const m2 = mentor('m2', { offers: ['py'] });
    const rules = { notOwnManager: false, bannedPairs: [['e2', 'm2']] as [string, string][] };
    const r = match([e1, e2, m1, m2], { rules });
    expect(r.pairs.map((p) => [p.menteeId, p.mentorId])).toEqual([
      ['e1', 'm2'],
      ['e2', 'm1'],
    ]);
    const fitsOnly = match([e1, e2, m1, m2], { rules, tiers: ['essential-fit'] });
    expect(fitsOnly.pairs.map((p) => [p.menteeId, p.mentorId])).toEqual([['e1', 'm1']]);
  });

  it('rejects tiers in another order or repeated', () => {
    expect(() => match([keisha, cloud], { tiers: ['essential-fit', 'matched'] })).toThrow(/tiers/);
    expect(() => match([keisha, cloud], { tiers: ['matched', 'matched'] })).toThrow(/tiers/);
  });

  it('fairness keeps the essential fits of the reference while raising the floor', () => {
    const r = match([keisha, other, sales, cloud], { ...cfg, objective: 'fairness' });
    expect(fitMentees(r)).toBe(2);
    expect(r.objective.value).toBeCloseTo(Math.min(...r.pairs.map((p) => p.score)), 9);
  });

  it('recommend ranks essential fits first, then by score', () => {
    const recs = recommend([keisha, other, sales, cloud], { ...cfg, for: 'e1', k: 2 });
    expect(recs.map((x) => [x.id, x.explanation.essentialFit])).toEqual([
      ['m2', true],
      ['m1', false],
    ]);
    expect(recs[1].explanation.concerns.map((c) => c.code)).toEqual(['no-wanted-skill']);
    expect(recommend([keisha, other, sales, cloud], { ...cfg, tiers: [], for: 'e1', k: 2 }).map((x) => x.id)).toEqual(['m1', 'm2']);
  });
});

const SKILLS = ['a', 'b', 'c', 'd', 'e'];
const LANGS = ['english', 'german', 'japanese'];
const ZONES = ['UTC', 'Asia/Tokyo', 'America/New_York'];
const arbPerson = fc.record({
  skills: fc.subarray(SKILLS, { maxLength: 2 }),
  levels: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 2, maxLength: 2 }),
  langs: fc.subarray(LANGS, { maxLength: 2 }),
  zone: fc.constantFrom(...ZONES),
  day: fc.integer({ min: 0, max: 6 }),
  hour: fc.integer({ min: 0, max: 20 }),
  hasTime: fc.boolean(),
  seniority: fc.integer({ min: 1, max: 5 }),
  cap: fc.integer({ min: 0, max: 3 }),
  goals: fc.subarray(['g1', 'g2', 'g3'], { maxLength: 2 }),
});
const arbCohort = fc.tuple(fc.array(arbPerson, { minLength: 1, maxLength: 12 }), fc.array(arbPerson, { minLength: 1, maxLength: 6 }));

type PersonArb = typeof arbPerson extends fc.Arbitrary<infer T> ? T : never;

function cohort([es, ms]: [PersonArb[], PersonArb[]]): Participant[] {
  const build = (x: PersonArb, id: string, role: 'mentor' | 'mentee'): Participant => {
    const skills = x.skills.map((s, k) => (x.levels[k] ? `${s}:${x.levels[k]}` : s));
    const base = person({
      id,
      roles: [role],
      [role === 'mentor' ? 'offers' : 'wants']: skills,
      languages: x.langs,
      goals: x.goals,
      seniority: x.seniority,
      timeZone: x.zone,
      availability: x.hasTime ? [slot(x.day, `${String(x.hour).padStart(2, '0')}:00`, `${String(x.hour + 2).padStart(2, '0')}:00`)] : [],
      managerId: role === 'mentee' && x.cap === 3 ? 'M0' : undefined,
    });
    return role === 'mentor' ? { ...base, capacity: { max: x.cap, min: 0 } } : base;
  };
  return [...es.map((x, i) => build(x, `E${i}`, 'mentee')), ...ms.map((x, j) => build(x, `M${j}`, 'mentor'))];
}

describe('match(…) default tiers on random cohorts (property)', () => {
  it('matches the most matchable mentees, and gives an essential fit to exactly as many as the exact best achievable', () => {
    fc.assert(
      fc.property(arbCohort, (spec) => {
        const people = cohort(spec);
        const best = bestAchievable(people);
        const r = match(people);
        expect(matchedMentees(r)).toBe(best.matched);
        expect(fitMentees(r)).toBe(best.fits);
        for (const p of r.pairs) {
          // every pair failing a check carries the concern
          expect(p.essentialFit).toBe(!p.concerns.some((c) => ['no-wanted-skill', 'no-shared-language', 'no-common-time'].includes(c.code)));
        }
      }),
      { numRuns: 300, seed: 20261202 },
    );
  });

  it('one-to-one and fairness keep the tiers too', () => {
    fc.assert(
      fc.property(arbCohort, fc.constantFrom<MatchConfig & { mode?: PairsResult['mode'] }>({ mode: 'one-to-one' }, { objective: 'fairness' }, { objective: 'most-matched' }), (spec, config) => {
        const people = cohort(spec);
        const oneToOne = config.mode === 'one-to-one';
        const adjusted = oneToOne ? people.map((p) => (p.roles.includes('mentor') ? { ...p, capacity: { max: 1, min: 0 } } /* one-to-one: one place each, whatever the profile says */ : p)) : people;
        const best = bestAchievable(adjusted);
        const r = match(people, config);
        expect(matchedMentees(r)).toBe(best.matched);
        expect(fitMentees(r)).toBe(best.fits);
      }),
      { numRuns: 150, seed: 7 },
    );
  });
});
