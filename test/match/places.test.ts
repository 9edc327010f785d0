/**
 * One `places` rule (issue 11): `match`, `recommend` and the audits count a person's
 * places the same way in every mode.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InfeasibleError } from '../../src/errors.js';
import { summarize } from '../../src/evaluate/summarize.js';
import type { MatchConfig, MatchMode } from '../../src/match/config.js';
import { match } from '../../src/match/match.js';
import { menteePlaces, places } from '../../src/match/places.js';
import { recommend } from '../../src/match/recommend.js';
import { mentorPairs } from '../../src/match/result-shape.js';
import type { MatchResult } from '../../src/match/types.js';
import { parseParticipants } from '../../src/profile/parse.js';
import type { Participant } from '../../src/profile/types.js';
import { only, person } from '../score/_people.js';

const mentor = (id: string, offers: string[], max = 1, extra: Partial<Participant> = {}): Participant => ({ ...person({ id, roles: ['mentor'], offers }), capacity: { max, min: 0 }, ...extra });
const mentee = (id: string, wants: string[], extra: Partial<Participant> = {}): Participant => ({ ...person({ id, roles: ['mentee'], wants }), ...extra });
const skillsOnly: MatchConfig = { weights: only({ skills: 1 }) as MatchConfig['weights'], rules: { notOwnManager: false } };

describe('places(person, { mode, group }) and menteePlaces(person, { mode })', () => {
  const x = mentor('x', [], 3);
  const none = mentor('z', [], 0);
  const e = mentee('e', [], { maxMentors: 2 });

  it.each<[MatchMode, { maxSize?: number } | undefined, number, number]>([
    // mode, group, places of a mentor with capacity 3, of one with capacity 0
    ['one-to-one', undefined, 1, 1],
    ['capacity', undefined, 3, 0],
    ['reverse', undefined, 3, 0],
    ['group', undefined, 3, 0],
    ['group', { maxSize: 2 }, 2, 0],
    ['group', { maxSize: 5 }, 3, 0],
    ['peer', undefined, 1, 1],
  ])('places(mentor, { mode: %s, group: %o }): capacity 3 → %i, capacity 0 → %i', (mode, group, three, zero) => {
    expect(places(x, { mode, group })).toBe(three);
    expect(places(none, { mode, group })).toBe(zero);
  });

  it.each<[MatchMode, number]>([
    ['one-to-one', 1],
    ['capacity', 2],
    ['reverse', 2],
    ['group', 1],
    ['peer', 1],
  ])('menteePlaces(mentee with maxMentors 2, { mode: %s }) = %i', (mode, n) => {
    expect(menteePlaces(e, { mode })).toBe(n);
  });

  it('the TSDoc examples', () => {
    const [x3] = parseParticipants([{ id: 'x', role: 'mentor', capacity: 3 }]);
    expect([places(x3, { mode: 'capacity' }), places(x3, { mode: 'one-to-one' }), places(x3, { mode: 'group', group: { maxSize: 2 } })]).toEqual([3, 1, 2]);
    const [e2] = parseParticipants([{ id: 'e', role: 'mentee', maxMentors: 2 }]);
    expect([menteePlaces(e2, { mode: 'capacity' }), menteePlaces(e2, { mode: 'one-to-one' })]).toEqual([2, 1]);
  });

  it('places(mentor, result) reads the mode of a result (what the audits have)', () => {
    const r = match([mentee('a', ['py']), x], { ...skillsOnly, mode: 'one-to-one' });
    expect(places(x, r)).toBe(1);
    expect(summarize(r, [mentee('a', ['py']), x]).mentorLoad).toEqual([expect.objectContaining({ id: 'x', load: 1, capacity: 1 })]);
  });
});

describe('recommend and match agree on places (issue 11 finding)', () => {
  // Mentor x offers 2 places in their profile; one-to-one mode gives every mentor one.
  const people = [mentee('a', ['py']), mentee('b', ['py']), mentor('x', ['py'], 2)];
  const cfg = { ...skillsOnly, mode: 'one-to-one' } satisfies MatchConfig;

  it("in one-to-one mode recommend offers mentor x the one place match gives, not the profile's 2", () => {
    expect(recommend(people, { ...cfg, for: 'b' }).map((r) => [r.id, r.placesLeft])).toEqual([['x', 1]]);
  });

  it('once a locked pair holds that place, match leaves the other mentee without x, and recommend does not offer x', () => {
    const locked = { ...cfg, locked: [['a', 'x']] } satisfies MatchConfig;
    const r = match(people, locked);
    expect(r.pairs.map((p) => [p.menteeId, p.mentorId])).toEqual([['a', 'x']]);
    expect(r.unmatched.map((u) => u.id)).toEqual(['b']);
    expect(() => match(people, { ...cfg, locked: [['a', 'x'], ['b', 'x']] })).toThrow(InfeasibleError);
    expect(recommend(people, { ...locked, for: 'b' })).toEqual([]);
    expect(recommend(people, { ...locked, for: 'x' })).toEqual([]); // x has no place left either
  });

  it('capacity mode keeps the profile: x still has a place for b', () => {
    const locked: MatchConfig = { ...skillsOnly, mode: 'capacity', locked: [['a', 'x']] };
    expect(recommend(people, { ...locked, for: 'b' }).map((r) => [r.id, r.placesLeft])).toEqual([['x', 1]]);
    expect(match(people, locked).pairs).toHaveLength(2);
  });

  it('group mode: group.maxSize caps the places recommend offers', () => {
    const three = [mentee('a', ['py']), mentee('b', ['py']), mentee('c', ['py']), mentor('x', ['py'], 3)];
    const g: MatchConfig = { ...skillsOnly, mode: 'group', group: { maxSize: 2 }, locked: [['a', 'x'], ['b', 'x']] };
    expect(recommend(three, { ...g, for: 'c' })).toEqual([]);
    expect(() => match(three, { ...g, locked: [['a', 'x'], ['b', 'x'], ['c', 'x']] })).toThrow(InfeasibleError);
  });

  it('one-to-one mode: a mentee allowed 2 mentors in their profile has one place', () => {
    const ppl = [mentee('a', ['py'], { maxMentors: 2 }), mentor('x', ['py']), mentor('y', ['py'])];
    const locked: MatchConfig = { ...cfg, locked: [['a', 'x']] };
    expect(recommend(ppl, { ...locked, for: 'a' })).toEqual([]);
    expect(recommend(ppl, { ...locked, for: 'y' })).toEqual([]);
    expect(() => match(ppl, { ...locked, locked: [['a', 'x'], ['a', 'y']] })).toThrow(InfeasibleError);
    // capacity mode: the second place is real, and the locked partner is not offered again
    expect(recommend(ppl, { ...locked, mode: 'capacity', for: 'a' }).map((r) => [r.id, r.placesLeft])).toEqual([['y', 1]]);
  });
});

// --- property: recommend never offers a place match would refuse ---------------------

const SKILLS = ['py', 'go', 'sql'];
const arbSkills = fc.subarray(SKILLS, { minLength: 1 });
const arbCase = fc.record({
  mentees: fc.array(fc.record({ wants: arbSkills, maxMentors: fc.integer({ min: 1, max: 2 }), seniority: fc.integer({ min: 1, max: 5 }) }), { minLength: 1, maxLength: 4 }),
  mentors: fc.array(fc.record({ offers: arbSkills, cap: fc.integer({ min: 0, max: 3 }), seniority: fc.integer({ min: 1, max: 5 }) }), { minLength: 1, maxLength: 3 }),
  mode: fc.constantFrom<MatchMode>('one-to-one', 'capacity', 'group', 'reverse'),
  maxSize: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
  objective: fc.constantFrom<NonNullable<MatchConfig['objective']>>('best-total', 'most-matched', 'fairness'),
});
type Case = typeof arbCase extends fc.Arbitrary<infer T> ? T : never;

function build(c: Case): { people: Participant[]; config: MatchConfig } {
  const people = [
    ...c.mentees.map((e, i) => mentee(`E${i}`, e.wants, { maxMentors: e.maxMentors, seniority: e.seniority })),
    ...c.mentors.map((m, j) => mentor(`M${j}`, m.offers, m.cap, { seniority: m.seniority })),
  ];
  const config: MatchConfig = {
    ...skillsOnly,
    mode: c.mode,
    objective: c.objective,
    ...(c.mode === 'group' ? { group: { minSize: 1, ...(c.maxSize !== undefined ? { maxSize: c.maxSize } : {}) } } : {}),
    ...(c.mode === 'reverse' ? { rules: { notOwnManager: false, reverseSkills: ['py'] } } : {}),
  };
  return { people, config };
}

/** The places a mode gives, written out independently of src/match/places.ts (the README's rule). */
function expectedPlaces(p: Participant, c: Case): number {
  if (c.mode === 'one-to-one') return 1;
  if (c.mode === 'group') return Math.min(c.maxSize ?? Infinity, p.capacity.max);
  return p.capacity.max;
}
const expectedMenteePlaces = (p: Participant, c: Case): number => (c.mode === 'capacity' || c.mode === 'reverse' ? p.maxMentors : 1);

const loadOf = (r: MatchResult, id: string, as: 'menteeId' | 'mentorId'): number => mentorPairs(r).filter((p) => p[as] === id).length;
/** Whether match accepts one more locked pair (its own check of places and rules). */
function accepts(people: Participant[], config: MatchConfig, pair: readonly [string, string]): boolean {
  try {
    match(people, { ...config, locked: [...(config.locked ?? []), [pair[0], pair[1]]] });
    return true;
  } catch (err) {
    if (err instanceof InfeasibleError) return false;
    throw err;
  }
}

describe('recommend(participants, options): places as match counts them (property)', () => {
  it('with match\'s pairs locked, recommend offers exactly the places match would still accept, in every bipartite mode', () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        const { people, config } = build(c);
        const first = match(people, config);
        // Lock what match chose: every place it filled is now held.
        expect(first.mode).not.toBe('peer'); // the bipartite modes only: mentorPairs(first) is every pair
        const locked: MatchConfig = { ...config, locked: mentorPairs(first).map((p) => [p.menteeId, p.mentorId] as [string, string]) };
        const again = match(people, locked);
        expect(again.pairs.filter((p) => p.locked)).toHaveLength(first.pairs.length);
        const mentees = people.filter((p) => p.roles.includes('mentee'));
        const mentors = people.filter((p) => p.roles.includes('mentor'));
        for (const m of mentors) {
          const left = expectedPlaces(m, c) - loadOf(first, m.id, 'mentorId');
          expect(places(m, { mode: c.mode, group: { maxSize: c.maxSize } })).toBe(expectedPlaces(m, c));
          for (const e of mentees) {
            const offered = recommend(people, { ...locked, for: e.id, k: 10 }).find((r) => r.id === m.id);
            if (left <= 0) {
              // A mentor match filled to their places (or with none) is never offered …
              expect(offered).toBeUndefined();
              // … because match refuses them one more mentee.
              expect(accepts(people, locked, [e.id, m.id])).toBe(false);
            } else if (offered) {
              expect(offered.placesLeft).toBe(left);
              expect(accepts(people, locked, [e.id, m.id])).toBe(true);
            } else if (!mentorPairs(first).some((p) => p.menteeId === e.id && p.mentorId === m.id)) {
              // Not offered with a place left: the mentee is full or the pair is forbidden, so match refuses it too.
              expect(accepts(people, locked, [e.id, m.id])).toBe(false);
            }
          }
          // From the mentor's side: nothing when full; else mentees with a place left, as match counts them.
          const recs = recommend(people, { ...locked, for: m.id, k: 10 });
          if (left <= 0) expect(recs).toEqual([]);
          for (const r of recs) {
            const e = mentees.find((p) => p.id === r.id)!;
            const eLeft = expectedMenteePlaces(e, c) - loadOf(first, e.id, 'menteeId');
            expect(r.placesLeft).toBe(eLeft);
            expect(eLeft).toBeGreaterThan(0);
            expect(accepts(people, locked, [e.id, m.id])).toBe(true);
          }
        }
      }),
      { numRuns: 200, seed: 11 },
    );
  });
});
