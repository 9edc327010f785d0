import { describe, expect, it } from 'vitest';
import type { MatchConfig } from '../../src/match/config.js';
import { match } from '../../src/match/match.js';
import type { Participant } from '../../src/profile/types.js';
import { buildPeerCompatibility } from '../../src/score/matrix.js';
import { explainPair } from '../../src/score/explain.js';
import { only, person, slot } from '../score/_people.js';

const mentor = (id: string, max: number, extra: Partial<Participant> = {}): Participant => ({ ...person({ id, roles: ['mentor'], offers: ['py'] }), capacity: { max, min: 0 }, ...extra });
const mentee = (id: string, extra: Partial<Participant> = {}): Participant => ({ ...person({ id, roles: ['mentee'], wants: ['py'] }), ...extra });
const cfg = { mode: 'group', weights: only({ skills: 1 }) as MatchConfig['weights'], rules: { notOwnManager: false } } satisfies MatchConfig;

describe('match(…) group mode semantics', () => {
  it("each mentor's own capacity caps their group, below group.maxSize", () => {
    const people = [mentee('a'), mentee('b'), mentee('c'), mentee('d'), mentor('m1', 2), mentor('m2', 2)];
    const r = match(people, { ...cfg, group: { maxSize: 4 } });
    expect(r.groups.map((g) => g.memberIds.length)).toEqual([2, 2]);
  });

  it('never forms a group of one by default; minSize 1 asks for them', () => {
    const people = [mentee('a'), mentee('b'), mentee('c'), mentor('m1', 2), mentor('m2', 2)];
    const r = match(people, cfg);
    expect(r.groups.every((g) => g.memberIds.length >= 2)).toBe(true);
    expect(r.unmatched.filter((u) => u.role === 'mentee').map((u) => u.reason.code)).toEqual(['group-dissolved']);
    const asked = match(people, { ...cfg, group: { minSize: 1 } });
    expect(asked.groups.map((g) => g.memberIds.length).sort()).toEqual([1, 2]);
  });

  it('flags a group whose members share no common hour (no-common-time on the group)', () => {
    const tz = { timeZone: 'UTC' };
    const people = [
      mentee('a', { ...tz, availability: [slot(0, '09:00', '10:00')] }),
      mentee('b', { ...tz, availability: [slot(0, '11:00', '12:00')] }),
      mentor('m1', 2, { ...tz, availability: [slot(0, '09:00', '12:00')] }),
    ];
    const r = match(people, cfg);
    expect(r.groups).toHaveLength(1);
    expect(r.groups[0].concerns.map((c) => c.code)).toEqual(['no-common-time']);
    // each pair on its own is fine: the mentor shares an hour with each mentee
    expect(r.pairs.every((p) => p.essentialFit)).toBe(true);
  });
});

describe('peer mode semantics', () => {
  it('seniority scores closeness between peers, the same both ways', () => {
    const pool = [person({ id: 'a', seniority: 3 }), person({ id: 'b', seniority: 3 }), person({ id: 'c', seniority: 5 }), person({ id: 'd', seniority: 1 })];
    const m = buildPeerCompatibility(pool, { weights: only({ seniority: 1 }) as MatchConfig['weights'] });
    expect(m.score(0, 1)).toBe(1); // same level
    expect(m.score(0, 2)).toBeCloseTo(0.5, 12); // 2 apart, maxGap 3: 1 - 2/4
    expect(m.score(0, 3)).toBeCloseTo(0.5, 12); // 2 apart the other way: the same
    expect(m.score(2, 3)).toBe(0); // 4 apart
    expect(explainPair(m, 0, 2).criteria[0].evidence).toEqual(['peers 2 levels apart (3 vs 5)']);
    expect(explainPair(m, 0, 2).concerns.map((c) => c.code)).not.toContain('mentor-not-senior');
  });

  it('peer pairs carry essentialFit and concerns', () => {
    const pool = [person({ id: 'a', languages: ['english'] }), person({ id: 'b', languages: ['german'] })];
    const r = match(pool, { mode: 'peer', rules: { notOwnManager: false } });
    expect(r.pairs[0].essentialFit).toBe(false);
    expect(r.pairs[0].concerns.map((c) => c.code)).toEqual(['no-shared-language']);
  });
});
