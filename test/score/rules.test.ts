import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { buildCompatibility, buildPeerCompatibility } from '../../src/score/matrix.js';
import { explainPair } from '../../src/score/explain.js';
import type { ScoringConfig } from '../../src/score/config.js';
import { only, person, slot } from './_people.js';

const c = (x: Record<string, unknown>): ScoringConfig => x as ScoringConfig;

describe('hard rules', () => {
  it('bannedPairs forbid a pair; requiredPairs forbid every other mentor for that mentee', () => {
    const es = [person({ id: 'a' }), person({ id: 'b' })];
    const ms = [person({ id: 'x' }), person({ id: 'y' })];
    const m = buildCompatibility(es, ms, c({ rules: { bannedPairs: [['a', 'x']], requiredPairs: [['b', 'y']] } }));
    expect(m.isForbidden(0, 0)).toBe(true);
    expect(m.reason(0, 0)).toEqual({ rule: 'bannedPair', message: 'a and x are a banned pair' });
    expect(m.isForbidden(0, 1)).toBe(false);
    expect(m.reason(1, 0)?.rule).toBe('requiredPair');
    expect(m.isForbidden(1, 1)).toBe(false);
  });

  it('rules naming unknown participants are a ConfigError listing each', () => {
    expect(() => buildCompatibility([person({ id: 'a' })], [person({ id: 'x' })], c({ rules: { bannedPairs: [['zz', 'x'], ['a', 'qq']] } }))).toThrow(ConfigError);
    try {
      buildCompatibility([person({ id: 'a' })], [person({ id: 'x' })], c({ rules: { bannedPairs: [['zz', 'x'], ['a', 'qq']] } }));
    } catch (e) {
      expect((e as ConfigError).issues).toHaveLength(2);
      expect((e as ConfigError).code).toBe('INVALID_CONFIG');
    }
  });

  it('notOwnManager forbids the manager and anyone up or down the reporting line (on by default)', () => {
    const es = [person({ id: 'e', managerId: 'boss' }), person({ id: 'f' })];
    const ms = [person({ id: 'boss', managerId: 'ceo' }), person({ id: 'ceo' }), person({ id: 'other' }), person({ id: 'sub', managerId: 'f' })];
    const m = buildCompatibility(es, ms, {});
    expect([0, 1, 2, 3].map((j) => m.isForbidden(0, j))).toEqual([true, true, false, false]);
    expect(m.reason(0, 0)?.message).toBe("boss is e's manager");
    expect(m.reason(0, 1)?.message).toBe('e and ceo are in the same reporting line');
    expect(m.reason(1, 3)?.message).toBe("f is sub's manager");
    const off = buildCompatibility(es, ms, c({ rules: { notOwnManager: false } }));
    expect(off.forbidden.every((x) => x === 0)).toBe(true);
  });

  it('differentDepartment, maxTimeZoneGapHours, sharedLanguage forbid with a reason', () => {
    const e = person({ id: 'e', department: 'sales', timeZone: 'Europe/Lisbon', languages: ['english'] });
    const ms = [
      person({ id: 'same', department: 'sales', timeZone: 'Europe/Lisbon', languages: ['english'] }),
      person({ id: 'far', department: 'it', timeZone: 'Asia/Tokyo', languages: ['english'] }),
      person({ id: 'mute', department: 'it', timeZone: 'Europe/Paris', languages: ['french'] }),
      person({ id: 'ok', department: 'it', timeZone: 'Europe/Paris', languages: ['english'] }),
    ];
    const m = buildCompatibility([e], ms, c({ rules: { differentDepartment: true, maxTimeZoneGapHours: 4, sharedLanguage: true } }));
    expect(m.reason(0, 0)?.rule).toBe('differentDepartment');
    expect(m.reason(0, 1)?.message).toBe('time zones 9 h apart (Europe/Lisbon / Asia/Tokyo); the maximum is 4 h');
    expect(m.reason(0, 2)?.message).toBe('no shared language (english / french)');
    expect(m.isForbidden(0, 3)).toBe(false);
  });

  it('minAvailabilityMinutes forbids pairs with too little common time', () => {
    const e = person({ id: 'e', timeZone: 'UTC', availability: [slot(0, '09:00', '10:00')] });
    const ms = [person({ id: 'a', timeZone: 'UTC', availability: [slot(0, '09:00', '10:00')] }), person({ id: 'b', timeZone: 'UTC', availability: [slot(0, '09:30', '10:00')] })];
    const m = buildCompatibility([e], ms, c({ rules: { minAvailabilityMinutes: 60 } }));
    expect(m.isForbidden(0, 0)).toBe(false);
    expect(m.reason(0, 1)?.rule).toBe('minAvailability');
  });

  it('seniorityDirection needs a more senior mentor, and reverse mentoring flips it for the named skills', () => {
    const e = person({ id: 'exec', seniority: 6, wants: ['tiktok'] });
    const ms = [person({ id: 'junior', seniority: 1, offers: ['tiktok'] }), person({ id: 'peer', seniority: 6 }), person({ id: 'senior', seniority: 8 })];
    const plain = buildCompatibility([e], ms, c({ rules: { seniorityDirection: true } }));
    expect([0, 1, 2].map((j) => plain.isForbidden(0, j))).toEqual([true, true, false]);
    const rev = buildCompatibility([e], ms, c({ rules: { seniorityDirection: true, reverseSkills: ['TikTok'] } }));
    expect([0, 1, 2].map((j) => rev.isForbidden(0, j))).toEqual([false, true, false]);
    expect(rev.reason(0, 1)?.message).toBe('the mentor must be more senior; mentor seniority 6, mentee 6');
  });

  it("a 'must' criterion forbids the pairs that score 0 on it", () => {
    const e = person({ id: 'e', wants: ['python'] });
    const ms = [person({ id: 'y', offers: ['python'] }), person({ id: 'n', offers: ['java'] })];
    const m = buildCompatibility([e], ms, c({ weights: only({ skills: 'must' }) }));
    expect(m.isForbidden(0, 0)).toBe(false);
    expect(m.reason(0, 1)?.rule).toBe('must:skills');
    expect(explainPair(m, 0, 1).reasons.map((r) => r.rule)).toEqual(['must:skills']);
  });

  it('reasons(i, j) lists every rule that forbids a pair, reason(i, j) the first', () => {
    const e = person({ id: 'e', department: 'x', managerId: 'm' });
    const m = buildCompatibility([e], [person({ id: 'm', department: 'x' })], c({ rules: { differentDepartment: true, bannedPairs: [['e', 'm']] } }));
    expect(m.reasons(0, 0).map((r) => r.rule)).toEqual(['bannedPair', 'reportingLine', 'differentDepartment']);
    expect(m.reason(0, 0)?.rule).toBe('bannedPair');
  });
});

describe('buildPeerCompatibility(pool)', () => {
  const pool = [
    person({ id: 'a', wants: ['go'], offers: ['rust'], seniority: 3, goals: ['x'] }),
    person({ id: 'b', wants: ['rust'], offers: ['go'], seniority: 4, goals: ['x', 'y'] }),
    person({ id: 'c', wants: ['sql'], seniority: 3, goals: ['z'] }),
  ];
  it('is symmetric, with a forbidden diagonal (self)', () => {
    const m = buildPeerCompatibility(pool, {});
    for (let i = 0; i < 3; i++) {
      expect(m.reason(i, i)?.rule).toBe('self');
      for (let j = 0; j < 3; j++) expect(m.score(i, j)).toBeCloseTo(m.score(j, i), 12);
    }
    expect(m.score(0, 1)).toBeGreaterThan(m.score(0, 2));
  });
  it('an asymmetric rule forbids a peer pair only when it fails both ways', () => {
    const m = buildPeerCompatibility(pool, c({ rules: { seniorityDirection: true } }));
    expect(m.isForbidden(0, 1)).toBe(false); // b can mentor a
    expect(m.isForbidden(0, 2)).toBe(true); // equal seniority: neither can mentor the other
    expect(m.reason(0, 2)?.rule).toBe('seniorityDirection');
  });
});
