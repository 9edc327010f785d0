import { describe, expect, expectTypeOf, it } from 'vitest';
import type { MatchConfig } from '../../src/match/config.js';
import { match, matchWithMatrix } from '../../src/match/match.js';
import { groupsOf, mentorGroups, mentorPairs, pairIds, peerGroups, peerPairsOf } from '../../src/match/result-shape.js';
import type { AnyGroup, GroupResult, MatchedPair, MatchResult, MentorGroup, PairsResult, PeerGroup, PeerPair, PeerResult } from '../../src/match/types.js';
import { parseParticipants } from '../../src/profile/parse.js';

/** Five mentees, two mentors with room for all of them (capacity 3 and 2). */
const cohort = parseParticipants([
  { id: 'e1', role: 'mentee', skillsWanted: 'python' },
  { id: 'e2', role: 'mentee', skillsWanted: 'python; sql' },
  { id: 'e3', role: 'mentee', skillsWanted: 'design' },
  { id: 'e4', role: 'mentee', skillsWanted: 'design; sql' },
  { id: 'e5', role: 'mentee', skillsWanted: 'python' },
  { id: 'm1', role: 'mentor', skillsOffered: 'python; sql', capacity: 3 },
  { id: 'm2', role: 'mentor', skillsOffered: 'design; sql', capacity: 2 },
]);

/** A peer pool of n (ids p1 … pn), each teaching what the next one wants. */
const pool = (n: number) =>
  parseParticipants(Array.from({ length: n }, (_, k) => ({ id: `p${k + 1}`, role: 'peer', skillsOffered: `s${k}`, skillsWanted: `s${(k + 1) % n}` })));

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
/** Every id a result places, once per place: the pairs' people, then the groups' members (and mentors). */
const placed = (r: MatchResult): string[] => [...r.pairs.flatMap((p) => pairIds(p)), ...groupsOf(r).flatMap((g) => ('mentorId' in g ? [g.mentorId, ...g.memberIds] : g.memberIds))];

describe('pairIds(pair): the two people of a pair', () => {
  const details = { score: 50, locked: false, essentialFit: true, concerns: [], breakdown: [] };
  it('is [menteeId, mentorId] for a mentee–mentor pair, and the peerIds of a peer pair', () => {
    expect(pairIds({ menteeId: 'E1', mentorId: 'M2', ...details })).toEqual(['E1', 'M2']);
    expect(pairIds({ peerIds: ['P1', 'P4'], ...details })).toEqual(['P1', 'P4']);
  });
});

describe('the result-shape helpers on real results of each mode', () => {
  it.each(['one-to-one', 'capacity', 'reverse'] as const)('%s: a PairsResult — mentee–mentor pairs, no groups field, every helper for groups and peers empty', (mode) => {
    const r = match(cohort, { mode, rules: { notOwnManager: false, reverseSkills: ['design'] } });
    expect(r.mode).toBe(mode);
    expect(r.pairs.length).toBeGreaterThan(0);
    expect('groups' in r).toBe(false);
    expect('group' in r).toBe(false);
    expect(mentorPairs(r)).toBe(r.pairs);
    for (const p of r.pairs) expect(pairIds(p)).toEqual([p.menteeId, p.mentorId]);
    expect(peerPairsOf(r)).toEqual([]);
    expect(groupsOf(r)).toEqual([]);
    expect(mentorGroups(r)).toEqual([]);
    expect(peerGroups(r)).toEqual([]);
    // what match --json writes has the same shape
    const json = JSON.parse(JSON.stringify(r)) as Record<string, unknown>;
    expect(Object.keys(json)).not.toContain('groups');
  });

  it('capacity: pairIds gives every mentee once per mentor and every mentor up to its capacity', () => {
    const r = match(cohort, { mode: 'capacity' });
    expect(r.pairs.map((p) => pairIds(p)).sort(([a], [b]) => byId(a, b))).toEqual([
      ['e1', 'm1'],
      ['e2', 'm1'],
      ['e3', 'm2'],
      ['e4', 'm2'],
      ['e5', 'm1'],
    ]);
  });

  it('group: a GroupResult — mentorGroups and groupsOf are its groups, mentorPairs its pairs; each group is the pairs of its mentor', () => {
    const r = match(cohort, { mode: 'group', group: { minSize: 2, maxSize: 3 } });
    expect(r.mode).toBe('group');
    expect(r.group).toEqual({ minSize: 2, maxSize: 3 });
    expect(r.groups.map((g) => [g.mentorId, g.memberIds])).toEqual([
      ['m1', ['e1', 'e2', 'e5']],
      ['m2', ['e3', 'e4']],
    ]);
    expect(mentorGroups(r)).toBe(r.groups);
    expect(groupsOf(r)).toBe(r.groups);
    expect(mentorPairs(r)).toBe(r.pairs);
    expect(peerPairsOf(r)).toEqual([]);
    expect(peerGroups(r)).toEqual([]);
    for (const g of r.groups) {
      expect(r.pairs.filter((p) => p.mentorId === g.mentorId).map((p) => p.menteeId).sort(byId)).toEqual(g.memberIds);
    }
    for (const p of r.pairs) expect(pairIds(p)).toEqual([p.menteeId, p.mentorId]);
  });

  it("peer pairs with odd: 'trio' — peerPairsOf is the pairs (peerIds in id order), peerGroups and groupsOf the trio; no mentee–mentor pair or mentor group", () => {
    const people = pool(7);
    const r = match(people, { mode: 'peer', peer: { odd: 'trio' }, rules: { notOwnManager: false } });
    expect(r.mode).toBe('peer');
    expect(r.pairs).toHaveLength(2);
    expect(r.groups).toHaveLength(1);
    expect(r.groups[0].memberIds).toHaveLength(3);
    expect('mentorId' in r.groups[0]).toBe(false);
    for (const p of r.pairs) {
      expect('menteeId' in p || 'mentorId' in p).toBe(false);
      expect(pairIds(p)).toBe(p.peerIds);
      expect([...p.peerIds].sort(byId)).toEqual(p.peerIds);
    }
    expect(peerPairsOf(r)).toBe(r.pairs);
    expect(peerGroups(r)).toBe(r.groups);
    expect(groupsOf(r)).toBe(r.groups);
    expect(mentorPairs(r)).toEqual([]);
    expect(mentorGroups(r)).toEqual([]);
    // everyone once: in a pair or in the trio
    expect(placed(r).sort(byId)).toEqual(people.map((p) => p.id).sort(byId));
    expect(r.unmatched).toEqual([]);
    // what match --json writes has the same shape
    const json = JSON.parse(JSON.stringify(r)) as { pairs: Record<string, unknown>[] };
    expect(json.pairs.map((p) => Object.keys(p).filter((k) => k.endsWith('Id') || k.endsWith('Ids')))).toEqual([['peerIds'], ['peerIds']]);
  });

  it('peer pairs with an odd pool and no trio: the odd one out is unmatched, no group', () => {
    const r = match(pool(5), { mode: 'peer', rules: { notOwnManager: false } });
    expect(r.pairs).toHaveLength(2);
    expect(r.groups).toEqual([]);
    expect(groupsOf(r)).toEqual([]);
    expect(r.unmatched.map((u) => [u.role, u.reason.code])).toEqual([['peer', 'odd-one-out']]);
  });

  it('peer circles — no pair; peerGroups and groupsOf are the circles', () => {
    const people = pool(8);
    const r = match(people, { mode: 'peer', peer: { circleSize: 4 }, rules: { notOwnManager: false } });
    expect(r.pairs).toEqual([]);
    expect(peerPairsOf(r)).toEqual([]);
    expect(r.groups.map((g) => g.memberIds.length)).toEqual([4, 4]);
    expect(peerGroups(r)).toBe(r.groups);
    expect(groupsOf(r)).toBe(r.groups);
    expect(mentorGroups(r)).toEqual([]);
    expect(mentorPairs(r)).toEqual([]);
    for (const g of r.groups) expect([...g.memberIds].sort(byId)).toEqual(g.memberIds);
    expect(placed(r).sort(byId)).toEqual(people.map((p) => p.id).sort(byId));
  });

  it('a result narrowed on mode reads the same as through the helpers, for a config typed MatchConfig', () => {
    const configs: MatchConfig[] = [{ mode: 'capacity' }, { mode: 'group', group: { minSize: 1 } }, { mode: 'peer', peer: { odd: 'trio' } }];
    for (const config of configs) {
      const r = match(config.mode === 'peer' ? pool(7) : cohort, config);
      switch (r.mode) {
        case 'peer':
          expect(r.pairs.map((p) => p.peerIds)).toEqual(r.pairs.map(pairIds));
          expect(r.groups).toEqual(groupsOf(r));
          break;
        case 'group':
          expect(r.groups).toEqual(groupsOf(r));
          expect(r.pairs).toEqual(mentorPairs(r));
          break;
        default:
          expect(r.pairs).toEqual(mentorPairs(r));
          expect(groupsOf(r)).toEqual([]);
      }
    }
  });
});

// Type-level checks: expectTypeOf does nothing at run time; `npx tsc --noEmit` (npm run typecheck) checks them.
describe('match(…) and matchWithMatrix(…) return types', () => {
  const people = cohort;

  it("a literal mode names the variant: 'peer' → PeerResult, 'group' → GroupResult, the pair modes → PairsResult", () => {
    expectTypeOf(match(pool(4), { mode: 'peer' })).toEqualTypeOf<PeerResult>();
    expectTypeOf(match(pool(5), { mode: 'peer', peer: { odd: 'trio' } })).toEqualTypeOf<PeerResult>();
    expectTypeOf(match(people, { mode: 'group', group: { maxSize: 3 } })).toEqualTypeOf<GroupResult>();
    expectTypeOf(match(people, { mode: 'capacity' })).toEqualTypeOf<PairsResult>();
    expectTypeOf(match(people, { mode: 'one-to-one' })).toEqualTypeOf<PairsResult>();
    expectTypeOf(match(people, { mode: 'reverse', rules: { reverseSkills: ['design'] } })).toEqualTypeOf<PairsResult>();
    expectTypeOf(matchWithMatrix(pool(4), { mode: 'peer' }).result).toEqualTypeOf<PeerResult>();
    expectTypeOf(matchWithMatrix(people, { mode: 'group' }).result).toEqualTypeOf<GroupResult>();
  });

  it('no mode (the default, capacity) → PairsResult', () => {
    expectTypeOf(match(people)).toEqualTypeOf<PairsResult>();
    expectTypeOf(match(people, {})).toEqualTypeOf<PairsResult>();
    expectTypeOf(match(people, { objective: 'fairness', minScore: 10 })).toEqualTypeOf<PairsResult>();
    expectTypeOf(matchWithMatrix(people).result).toEqualTypeOf<PairsResult>();
  });

  it('a config typed MatchConfig, or a mode only known as a union, → MatchResult (narrow on mode)', () => {
    const config: MatchConfig = { mode: 'peer' };
    const r = match(pool(4), config);
    expectTypeOf(r).toEqualTypeOf<MatchResult>();
    expectTypeOf(matchWithMatrix(pool(4), config).result).toEqualTypeOf<MatchResult>();
    const mode = people.length > 100 ? ('group' as const) : ('capacity' as const);
    expectTypeOf(match(people, { mode })).toEqualTypeOf<MatchResult>();
    if (r.mode === 'peer') {
      expectTypeOf(r).toEqualTypeOf<PeerResult>();
      expectTypeOf(r.pairs).toEqualTypeOf<readonly PeerPair[]>();
      expectTypeOf(r.groups).toEqualTypeOf<readonly PeerGroup[]>();
    } else if (r.mode === 'group') {
      expectTypeOf(r.groups).toEqualTypeOf<readonly MentorGroup[]>();
    } else {
      expectTypeOf(r).toEqualTypeOf<PairsResult>();
      expectTypeOf(r.pairs).toEqualTypeOf<readonly MatchedPair[]>();
    }
    expect(r.mode).toBe('peer');
  });

  it('the variants: PairsResult has no groups; the helpers return what they name', () => {
    expectTypeOf<PairsResult>().not.toHaveProperty('groups');
    expectTypeOf<PeerGroup>().not.toHaveProperty('mentorId');
    expectTypeOf<PeerPair>().not.toHaveProperty('menteeId');
    expectTypeOf(pairIds).returns.toEqualTypeOf<readonly [string, string]>();
    expectTypeOf(mentorPairs).returns.toEqualTypeOf<readonly MatchedPair[]>();
    expectTypeOf(peerPairsOf).returns.toEqualTypeOf<readonly PeerPair[]>();
    expectTypeOf(mentorGroups).returns.toEqualTypeOf<readonly MentorGroup[]>();
    expectTypeOf(peerGroups).returns.toEqualTypeOf<readonly PeerGroup[]>();
    expectTypeOf(groupsOf).returns.toEqualTypeOf<readonly AnyGroup[]>();
  });
});
