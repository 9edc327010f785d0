import { describe, expect, it } from 'vitest';
import { CONCERN_CODES, groupConcerns, pairConcerns } from '../../src/score/concerns.js';
import { FAILS_LANGUAGE, FAILS_SKILL, FAILS_TIME } from '../../src/score/essentials.js';
import { explainPair } from '../../src/score/explain.js';
import { buildCompatibility, buildPeerCompatibility } from '../../src/score/matrix.js';
import { person, slot } from './_people.js';

const codes = (m: ReturnType<typeof buildCompatibility>, i: number, j: number): string[] => pairConcerns(m, i, j).map((c) => c.code);

describe('essential checks (matrix.checks) and pairConcerns(matrix, i, j)', () => {
  it('no-wanted-skill: offered below the wanted level fails; at or above passes; no level counts as enough', () => {
    const e = person({ id: 'e', name: 'Ana', wants: ['python:4'] });
    const low = person({ id: 'm1', roles: ['mentor'], offers: ['python:3'] });
    const high = person({ id: 'm2', roles: ['mentor'], offers: ['python:4'] });
    const bare = person({ id: 'm3', roles: ['mentor'], offers: ['python'] });
    const other = person({ id: 'm4', name: 'Ben', roles: ['mentor'], offers: ['go:5'] });
    const m = buildCompatibility([e], [low, high, bare, other], { rules: { notOwnManager: false } });
    expect(Array.from(m.checks)).toEqual([FAILS_SKILL, 0, 0, FAILS_SKILL]);
    expect(m.isEssentialFit(0, 1)).toBe(true);
    expect(pairConcerns(m, 0, 3)).toEqual([{ code: 'no-wanted-skill', message: 'Ben teaches none of the skills Ana wants at the wanted level (python at level 4)' }]);
  });

  it('a mentee who wants nothing passes the skill check', () => {
    const m = buildCompatibility([person({ id: 'e' })], [person({ id: 'm', roles: ['mentor'], offers: ['go'] })]);
    expect(m.checks[0]).toBe(0);
  });

  it('no-shared-language: only when both gave languages and share none; the message lists both', () => {
    const e = person({ id: 'e', name: 'Ana', languages: ['portuguese'] });
    const de = person({ id: 'm1', name: 'Ben', roles: ['mentor'], languages: ['german'] });
    const none = person({ id: 'm2', roles: ['mentor'] });
    const both = person({ id: 'm3', roles: ['mentor'], languages: ['german', 'portuguese'] });
    const m = buildCompatibility([e], [de, none, both]);
    expect(Array.from(m.checks)).toEqual([FAILS_LANGUAGE, 0, 0]);
    expect(pairConcerns(m, 0, 0)).toEqual([{ code: 'no-shared-language', message: 'no shared language: Ana speaks portuguese; Ben speaks german' }]);
    // explain says it in words too, never an empty evidence list
    const lang = explainPair(m, 0, 0).criteria.find((c) => c.name === 'languages')!;
    expect(lang.evidence).toEqual(['no shared language: Ana speaks portuguese; Ben speaks german']);
    expect(explainPair(m, 0, 0).concerns.map((c) => c.code)).toEqual(['no-shared-language']);
  });

  it('no-common-time: under 30 shared minutes a week in UTC fails, 30 passes (across time zones)', () => {
    // Berlin (UTC+1 in January) 10:00–11:00 is 09:00–10:00 UTC; London (UTC+0) 09:30–10:00 overlaps 30 min.
    const e = person({ id: 'e', timeZone: 'Europe/Berlin', availability: [slot(0, '10:00', '11:00')] });
    const ok = person({ id: 'm1', roles: ['mentor'], timeZone: 'Europe/London', availability: [slot(0, '09:30', '10:00')] });
    const short = person({ id: 'm2', roles: ['mentor'], timeZone: 'Europe/London', availability: [slot(0, '09:40', '10:00')] });
    const never = person({ id: 'm3', roles: ['mentor'], timeZone: 'Europe/London', availability: [slot(3, '09:00', '10:00')] });
    const unknown = person({ id: 'm4', roles: ['mentor'], timeZone: 'Europe/London' });
    const m = buildCompatibility([e], [ok, short, never, unknown], { referenceDate: '2026-01-05' });
    expect(Array.from(m.checks)).toEqual([0, FAILS_TIME, FAILS_TIME, 0]);
    expect(pairConcerns(m, 0, 1)[0].message).toMatch(/^no common time: 20 min a week in common \(at least 30 needed\)/);
    expect(pairConcerns(m, 0, 2)[0].message).toMatch(/not one minute/);
  });

  it('time-zone-gap and mentor-not-senior are reported; a reverse-mentoring pair is not "not senior"', () => {
    const e = person({ id: 'e', timeZone: 'Europe/Berlin', seniority: 3, wants: ['ai'] });
    const far = person({ id: 'm1', roles: ['mentor'], timeZone: 'Asia/Tokyo', seniority: 5, offers: ['ai'] });
    const junior = person({ id: 'm2', roles: ['mentor'], timeZone: 'Europe/Berlin', seniority: 2, offers: ['ai'] });
    const m = buildCompatibility([e], [far, junior]);
    expect(codes(m, 0, 0)).toEqual(['time-zone-gap']);
    expect(pairConcerns(m, 0, 0)[0].message).toBe('8 hours apart: e in Europe/Berlin, m1 in Asia/Tokyo');
    expect(codes(m, 0, 1)).toEqual(['mentor-not-senior']);
    const rev = buildCompatibility([e], [far, junior], { rules: { reverseSkills: ['ai'] } });
    expect(codes(rev, 0, 1)).toEqual([]);
  });

  it('concerns come in CONCERN_CODES order and are computed for forbidden pairs too', () => {
    const e = person({ id: 'e', wants: ['x'], languages: ['english'], managerId: 'm', timeZone: 'UTC', availability: [slot(0, '09:00', '10:00')], seniority: 5 });
    const m0 = person({ id: 'm', roles: ['mentor'], languages: ['german'], timeZone: 'Asia/Tokyo', availability: [slot(2, '09:00', '10:00')], seniority: 1 });
    const m = buildCompatibility([e], [m0]);
    expect(m.isForbidden(0, 0)).toBe(true);
    expect(m.isEssentialFit(0, 0)).toBe(false);
    expect(codes(m, 0, 0)).toEqual([...CONCERN_CODES]);
  });

  it('peers: the skill check passes when either can teach the other', () => {
    const a = person({ id: 'a', wants: ['go'], offers: ['py'] });
    const b = person({ id: 'b', wants: ['py'] });
    const c = person({ id: 'c', wants: ['rust'] });
    const m = buildPeerCompatibility([a, b, c]);
    expect(m.isEssentialFit(0, 1)).toBe(true); // a teaches b
    expect(m.isEssentialFit(1, 0)).toBe(true);
    expect(m.checks[0 * 3 + 2] & FAILS_SKILL).toBe(FAILS_SKILL); // a and c teach each other nothing
    expect(pairConcerns(m, 0, 2)[0].message).toMatch(/^neither can teach the other/);
    expect(codes(m, 0, 1)).not.toContain('mentor-not-senior');
  });
});

describe('groupConcerns(matrix, rows, col)', () => {
  it('flags a group whose members share no common half hour all at once, and not one that does', () => {
    const mentorP = person({ id: 'm', roles: ['mentor'], timeZone: 'UTC', availability: [slot(0, '09:00', '12:00')] });
    const e1 = person({ id: 'e1', timeZone: 'UTC', availability: [slot(0, '09:00', '10:00')] });
    const e2 = person({ id: 'e2', timeZone: 'UTC', availability: [slot(0, '11:00', '12:00')] });
    const e3 = person({ id: 'e3', timeZone: 'UTC', availability: [slot(0, '09:00', '11:30')] });
    const e4 = person({ id: 'e4' });
    const m = buildCompatibility([e1, e2, e3, e4], [mentorP]);
    expect(groupConcerns(m, [0, 1], 0).map((c) => c.code)).toEqual(['no-common-time']);
    expect(groupConcerns(m, [0, 2, 3], 0)).toEqual([]); // e4 gave no availability: not counted
    expect(groupConcerns(m, [3], 0)).toEqual([]);
  });
});
