import { describe, expect, it } from 'vitest';
import { buildCompatibility } from '../../src/score/matrix.js';
import { explainPair } from '../../src/score/explain.js';
import type { ScoringConfig } from '../../src/score/config.js';
import { only, person, slot } from './_people.js';

const cfg = (c: Record<string, unknown>): ScoringConfig => ({ ...c, rules: { notOwnManager: false, ...(c.rules as object) } }) as ScoringConfig;

describe('skills criterion', () => {
  const mentee = person({ id: 'e', wants: ['python:3'] });
  const mentors = [
    person({ id: 'm4', offers: ['python:4'] }),
    person({ id: 'm2', offers: ['python:2'] }),
    person({ id: 'none', offers: ['sql:5'] }),
    person({ id: 'nolevel', offers: ['python'] }),
  ];
  it('buildCompatibility scores skills level-aware: level 4 teaches a mentee aiming at 3, level 2 does not', () => {
    const m = buildCompatibility([mentee], mentors, cfg({ weights: only({ skills: 1 }) }));
    expect(Array.from(m.scores)).toEqual([1, 0, 0, 1]);
  });

  it('skills score is the covered share of what the mentee wants', () => {
    const e = person({ id: 'e', wants: ['python:3', 'sql', 'go', 'rust'] });
    const m = buildCompatibility([e], [person({ id: 'm', offers: ['python:3', 'sql:1'] })], cfg({ weights: only({ skills: 1 }) }));
    expect(m.score(0, 0)).toBeCloseTo(2 / 4, 12);
  });

  it('skills.rarity weighs a skill by 1 + ln(M / f) over the mentors offering it', () => {
    const e = person({ id: 'e', wants: ['common', 'rare'] });
    const ms = [
      person({ id: 'a', offers: ['common', 'rare'] }),
      person({ id: 'b', offers: ['common'] }),
      person({ id: 'c', offers: ['common'] }),
      person({ id: 'd', offers: ['common'] }),
    ];
    const m = buildCompatibility([e], ms, cfg({ weights: only({ skills: 1 }), skills: { rarity: true } }));
    const wCommon = 1 + Math.log(4 / 4);
    const wRare = 1 + Math.log(4 / 1);
    expect(m.score(0, 0)).toBeCloseTo(1, 12);
    expect(m.score(0, 1)).toBeCloseTo(wCommon / (wCommon + wRare), 12);
  });

  it('skills do not apply when the mentee wants nothing (weight re-normalised over the rest)', () => {
    const e = person({ id: 'e', goals: ['lead'] });
    const m = buildCompatibility([e], [person({ id: 'm', offers: ['x'], goals: ['lead'] })], cfg({ weights: only({ skills: 3, goals: 1 }) }));
    expect(m.score(0, 0)).toBe(1);
    const ex = explainPair(m, 0, 0);
    expect(ex.criteria.find((c) => c.name === 'skills')!.score).toBeNull();
  });
});

describe('set criteria: goals, interests, languages', () => {
  const e = person({ id: 'e', goals: ['a', 'b'], interests: ['x', 'y', 'z'], languages: ['english', 'polish'] });
  const m1 = person({ id: 'm1', goals: ['b', 'c'], interests: ['x'], languages: ['german', 'polish'] });
  const m2 = person({ id: 'm2', goals: [], interests: ['q'], languages: ['german'] });
  it('goals use Jaccard by default: {a,b} vs {b,c} = 1/3; empty lists do not apply', () => {
    const m = buildCompatibility([e], [m1, m2], cfg({ weights: only({ goals: 1, interests: 0 }) }));
    expect(m.score(0, 0)).toBeCloseTo(1 / 3, 12);
    expect(explainPair(m, 0, 1).criteria[0].score).toBeNull();
  });
  it('the overlap coefficient divides by the smaller set: interests {x,y,z} vs {x} = 1', () => {
    const m = buildCompatibility([e], [m1], cfg({ weights: only({ interests: 1 }), interests: { measure: 'overlap' } }));
    expect(m.score(0, 0)).toBe(1);
  });
  it('languages score 1 when one is shared, else 0', () => {
    const m = buildCompatibility([e], [m1, m2], cfg({ weights: only({ languages: 1 }) }));
    expect(Array.from(m.scores)).toEqual([1, 0]);
    expect(explainPair(m, 0, 0).criteria[0].evidence).toEqual(['both speak polish']);
  });
});

describe('categorical criteria: department, location, custom attributes', () => {
  const e = person({ id: 'e', department: 'sales', location: 'porto', attributes: { site: 'north' } });
  const same = person({ id: 's', department: 'sales', location: 'porto', attributes: { site: 'north' } });
  const diff = person({ id: 'd', department: 'it', location: 'faro', attributes: { site: 'south' } });
  it('department prefers different departments by default', () => {
    const m = buildCompatibility([e], [same, diff], cfg({ weights: only({ department: 1 }) }));
    expect(Array.from(m.scores)).toEqual([0, 1]);
  });
  it('location prefers the same place by default; custom attributes compare by value', () => {
    const m = buildCompatibility([e], [same, diff], cfg({ weights: only({ location: 1 }) }));
    expect(Array.from(m.scores)).toEqual([1, 0]);
    const c = buildCompatibility([e], [same, diff], cfg({ weights: only({}), custom: [{ attribute: 'site', weight: 2 }] }));
    expect(Array.from(c.scores)).toEqual([1, 0]);
    expect(explainPair(c, 0, 0).criteria[0].evidence).toEqual(['same site: north']);
  });
});

describe('numeric criteria: time zone, personality, seniority', () => {
  it('time-zone distance falls linearly to 0 at 12 h (Lisbon vs Berlin in January: 1 h)', () => {
    const e = person({ id: 'e', timeZone: 'Europe/Lisbon' });
    const ms = [person({ id: 'b', timeZone: 'Europe/Berlin' }), person({ id: 't', timeZone: 'Asia/Tokyo' })];
    const m = buildCompatibility([e], ms, cfg({ weights: only({ timeZone: 1 }) }));
    expect(m.score(0, 0)).toBeCloseTo(1 - 1 / 12, 12);
    expect(m.score(0, 1)).toBeCloseTo(1 - 9 / 12, 12);
  });
  it('personality: similarity 1 - |a-b|/range, complementarity |a-b|/range, mean over shared traits', () => {
    const e = person({ id: 'e', personality: { openness: 70, extraversion: 20 } });
    const m0 = person({ id: 'm', personality: { openness: 50, extraversion: 80 } });
    const sim = buildCompatibility([e], [m0], cfg({ weights: only({ personality: 1 }) }));
    expect(sim.score(0, 0)).toBeCloseTo((0.8 + 0.4) / 2, 12);
    const comp = buildCompatibility([e], [m0], cfg({
      weights: only({ personality: 1 }),
      personality: { traits: { openness: { mode: 'similar' }, extraversion: { mode: 'complementary' } } },
    }));
    expect(comp.score(0, 0)).toBeCloseTo((0.8 + 0.6) / 2, 12);
  });
  it('seniority: gap in [1, 3] scores 1, decays over 2 levels outside', () => {
    const e = person({ id: 'e', seniority: 2 });
    const ms = [4, 2, 7, 1].map((s, k) => person({ id: `m${k}`, seniority: s }));
    const m = buildCompatibility([e], ms, cfg({ weights: only({ seniority: 1 }) }));
    expect(Array.from(m.scores)).toEqual([1, 0.5, 0, 0]);
  });
});

describe('availability criterion', () => {
  it('counts shared minutes in UTC across time zones (Lisbon 10-12 = Berlin 11-13 in January)', () => {
    const e = person({ id: 'e', timeZone: 'Europe/Lisbon', availability: [slot(0, '10:00', '12:00')] });
    const b = person({ id: 'b', timeZone: 'Europe/Berlin', availability: [slot(0, '11:00', '13:00')] });
    const n = person({ id: 'n', timeZone: 'America/New_York', availability: [slot(0, '10:00', '12:00')] });
    const m = buildCompatibility([e], [b, n], cfg({ weights: only({ availability: 1 }) }));
    expect(m.score(0, 0)).toBe(1);
    expect(m.score(0, 1)).toBe(0);
    const ev = explainPair(m, 0, 0).criteria[0].evidence;
    expect(ev[0]).toBe('120 min a week in common');
    expect(ev[1]).toContain('Mon 10:00');
    expect(ev[1]).toContain('Mon 11:00');
  });
  it('overlaps shorter than the minimum meeting length do not count', () => {
    const e = person({ id: 'e', timeZone: 'UTC', availability: [slot(1, '10:00', '10:20'), slot(2, '09:00', '10:00')] });
    const b = person({ id: 'b', timeZone: 'UTC', availability: [slot(1, '10:00', '11:00'), slot(2, '09:00', '10:00')] });
    const m = buildCompatibility([e], [b], cfg({ weights: only({ availability: 1 }), availability: { minMeetingMinutes: 30, targetMinutes: 120 } }));
    expect(m.score(0, 0)).toBeCloseTo(60 / 120, 12);
  });
});

describe('weights', () => {
  const e = person({ id: 'e', wants: ['python'], goals: ['a'] });
  const mt = person({ id: 'm', offers: ['python'], goals: ['b'] });
  it('the pair score is the weighted mean of applicable criteria; tiers are 1, 2, 3', () => {
    const m = buildCompatibility([e], [mt], cfg({ weights: only({ skills: 'high', goals: 'low' }) }));
    expect(m.score(0, 0)).toBeCloseTo(3 / 4, 12);
  });
  it('explainPair contributions add up to the score (0-100)', () => {
    const m = buildCompatibility([e], [mt], cfg({ weights: only({ skills: 3, goals: 1 }) }));
    const ex = explainPair(m, 0, 0);
    expect(ex.score).toBeCloseTo(75, 10);
    expect(ex.criteria.reduce((s, c) => s + c.contribution, 0)).toBeCloseTo(75, 10);
    expect(ex.criteria.find((c) => c.name === 'goals')!.evidence).toEqual([]);
  });
});
