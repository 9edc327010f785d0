import { describe, expect, it } from 'vitest';
import type { MatchConfig } from '../../src/match/config.js';
import { match } from '../../src/match/match.js';
import { UNMATCHED_REASONS } from '../../src/match/reason-codes.js';
import type { Participant } from '../../src/profile/types.js';
import { person } from '../score/_people.js';

const mentor = (id: string, offers: string[], max = 1, extra: Partial<Participant> = {}): Participant => ({
  ...person({ id, name: `Mentor ${id}`, roles: ['mentor'], offers }),
  capacity: { max, min: 0 },
  ...extra,
});
const mentee = (id: string, wants: string[], extra: Partial<Participant> = {}): Participant => ({ ...person({ id, roles: ['mentee'], wants }), ...extra });
const base = { rules: { notOwnManager: false } } satisfies MatchConfig;
const reasonOf = (r: ReturnType<typeof match>, id: string) => r.unmatched.find((u) => u.id === id)?.reason;

describe('match(…) tells each unmatched person the true cause', () => {
  it('quota: the quota group has used its pairs', () => {
    const people = [
      mentee('e1', ['py'], { attributes: { site: 'hq' } }),
      mentee('e2', ['py'], { attributes: { site: 'hq' } }),
      mentor('m1', ['py'], 5),
    ];
    const r = match(people, { ...base, quotas: [{ attribute: 'site', value: 'hq', max: 1 }] });
    const u = r.unmatched.find((x) => x.role === 'mentee')!;
    expect(u.reason.code).toBe('quota');
    expect(u.reason.message).toBe('the quota site = hq (at most 1 pair) is full: its mentees already hold 1 pair');
  });

  it('locked: the places are held by locked pairs, named', () => {
    const people = [mentee('e1', ['py']), mentee('e2', ['py']), mentor('m1', ['py'])];
    const r = match(people, { ...base, locked: [['e2', 'm1']] });
    expect(reasonOf(r, 'e1')).toEqual({
      code: 'locked',
      message: 'the 1 mentor this mentee could have with an essential fit is full, and 1 place is held by locked pairs: m1 (e2)',
    });
  });

  it('no-capacity: the only fitting mentor went to someone else — named, with who holds the place and why', () => {
    const people = [mentee('cobol1', ['cobol']), mentee('cobol2', ['cobol']), mentee('j', ['java']), mentor('m1', ['cobol']), mentor('m2', ['java'])];
    const r = match(people, base);
    const loser = r.unmatched.find((x) => x.role === 'mentee')!;
    const winner = r.pairs.find((p) => p.mentorId === 'm1')!.menteeId;
    expect(loser.reason.code).toBe('no-capacity');
    expect(loser.reason.message).toContain('the 1 mentor this mentee could have with an essential fit is full: m1 (Mentor m1) (1 place, score 100.0 with this mentee)');
    expect(loser.reason.message).toContain(`went to ${winner} (their only essential fit)`);
    expect(r.pairs.map((p) => p.mentorId)).toEqual(r.pairs[0].mentorId === 'm1' ? ['m1', 'm2'] : ['m2', 'm1']);
    expect(r.pairs.every((p) => p.essentialFit)).toBe(true);
  });

  it('no-places: no mentor offers a place', () => {
    const r = match([mentee('e1', ['py']), mentor('m1', ['py'], 0), mentor('m2', ['go'], 0)], base);
    expect(reasonOf(r, 'e1')).toEqual({ code: 'no-places', message: 'none of the 2 mentors this mentee could have offers a place (capacity 0 in this mode)' });
    expect(reasonOf(r, 'm1')).toEqual({ code: 'no-places', message: 'this mentor offers no places (capacity 0 in this mode)' });
  });

  it('all-forbidden: every mentor excluded, with the count per named rule', () => {
    const people = [
      mentee('e1', ['py'], { managerId: 'm1', department: 'eng' }),
      mentor('m1', ['py'], 1, { department: 'eng' }),
      mentor('m2', ['py'], 1, { department: 'eng' }),
      mentor('m3', ['py'], 1, { department: 'ops' }),
    ];
    const r = match(people, { rules: { differentDepartment: true, bannedPairs: [['e1', 'm3']] } });
    expect(reasonOf(r, 'e1')).toEqual({ code: 'all-forbidden', message: 'every mentor is excluded: 1 by bannedPair, 1 by differentDepartment, 1 by reportingLine' });
  });

  it('no-shared-language: no mentor with a place speaks the mentee\'s language', () => {
    const people = [
      mentee('jp', ['py'], { languages: ['japanese'] }),
      mentee('en', ['py'], { languages: ['english'] }),
      mentor('m1', ['py'], 1, { languages: ['english', 'german'] }),
    ];
    const r = match(people, base);
    expect(reasonOf(r, 'jp')).toEqual({
      code: 'no-shared-language',
      message: 'no mentor this mentee could have speaks japanese: the 1 mentor speak english, german, and their places went to mentees who share a language with them',
    });
  });

  it('every code used has a label', () => {
    for (const code of ['quota', 'locked', 'no-capacity', 'no-places', 'all-forbidden', 'no-shared-language']) expect(UNMATCHED_REASONS).toHaveProperty(code);
  });
});
