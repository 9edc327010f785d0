/**
 * match and recommend on hostile configs and participants (issue 12): `__proto__` keys,
 * counts past the 32-bit arrays, weights that overflow, look-alike ids in references,
 * cycles and absurd nesting — each a typed error with a message, never a wrong answer,
 * a RangeError or a crash.
 */
import { describe, expect, it } from 'vitest';

import { ConfigError, isMatchError } from '../../src/errors.js';
import type { MatchConfig } from '../../src/match/config.js';
import { match, matchWithMatrix } from '../../src/match/match.js';
import { recommend } from '../../src/match/recommend.js';
import { parseParticipants } from '../../src/profile/parse.js';
import type { Participant } from '../../src/profile/types.js';
import { expectMatchError } from '../_helpers/expect-error.js';

const people = parseParticipants([
  { id: 'Jos\u00e9', role: 'mentor', skillsOffered: 'go; py', goals: 'lead', capacity: 2 },
  { id: 'm2', role: 'mentor', skillsOffered: 'py', goals: 'lead', capacity: 2 },
  { id: 'e1', role: 'mentee', skillsWanted: 'go', goals: 'lead', attributes: { site: 'a' } },
  { id: 'e2', role: 'mentee', skillsWanted: 'py', goals: 'grow', attributes: { site: 'b' } },
]);
const issuesOf = (f: () => unknown): readonly string[] => (expectMatchError(f, 'INVALID_CONFIG') as ConfigError).issues.map((i) => i.message);

describe('match(people, config): __proto__ in a JSON config is an unknown key', () => {
  it.each([
    ['top level', '{"__proto__": {"mode": "peer"}}'],
    ['beside match options', '{"mode": "one-to-one", "__proto__": {"x": 1}}'],
    ['in weights', '{"weights": {"__proto__": 5}}'],
  ])('%s → ConfigError naming __proto__', (_, json) => {
    const issues = issuesOf(() => match(people, JSON.parse(json) as MatchConfig));
    expect(issues.join('\n')).toContain('__proto__');
  });

  it('recommend refuses it too', () => {
    issuesOf(() => recommend(people, { ...(JSON.parse('{"__proto__": {"x": 1}}') as MatchConfig), for: 'e1' }));
  });
});

describe('match(people, config): counts past 2³¹ − 1 are ConfigErrors naming the option and the limit', () => {
  it.each<[string, MatchConfig]>([
    ['group.maxSize 2³¹', { mode: 'group', group: { maxSize: 2 ** 31 } }],
    ['group.maxSize 2³²', { mode: 'group', group: { maxSize: 2 ** 32 } }],
    ['group.minSize 2³¹', { mode: 'group', group: { minSize: 2 ** 31 } }],
    ['quota max 2³²', { quotas: [{ attribute: 'site', value: 'a', max: 2 ** 32 }] }],
    ['peer.circleSize 2³¹', { mode: 'peer', peer: { circleSize: 2 ** 31 } }],
  ])('%s', (_, config) => {
    const issues = issuesOf(() => match(people, config));
    expect(issues.join('\n')).toContain('2147483647');
  });

  it('the same counts at 2³¹ − 1 run and mean "no limit"', () => {
    const r = match(people, { mode: 'group', group: { maxSize: 2 ** 31 - 1, minSize: 1 }, quotas: [] });
    expect(r.pairs).toHaveLength(2);
    expect(match(people, { quotas: [{ attribute: 'site', value: 'a', max: 2 ** 31 - 1 }] }).pairs).toHaveLength(2);
  });

  it('recommend: k past 2³¹ − 1 is a ConfigError; k = 2³¹ − 1 lists every candidate', () => {
    expect(issuesOf(() => recommend(people, { for: 'e1', k: 2 ** 32 })).join('\n')).toContain('2147483647');
    expect(recommend(people, { for: 'e1', k: 2 ** 31 - 1 }).length).toBe(2);
  });
});

describe('match(people, config): weights that overflow', () => {
  const overflow: MatchConfig = { weights: { skills: 1e308, goals: 8e307 } };
  it('match → ConfigError naming the weights (no NaN scores)', () => {
    expect(issuesOf(() => match(people, overflow))[0]).toMatch(/^weights:.*skills.*goals/);
  });
  it('recommend → ConfigError (no scores of 0)', () => {
    issuesOf(() => recommend(people, { ...overflow, for: 'e1' }));
  });
  it('the same ratios on a sane scale give finite scores', () => {
    const r = match(people, { weights: { skills: 10, goals: 8 } });
    for (const p of r.pairs) expect(Number.isFinite(p.score)).toBe(true);
  });
});

describe('match(people, config): ids in references compare as stored ids', () => {
  const NFD = 'Jose\u0301';
  it('a locked pair naming the NFD spelling keeps the NFC participant', () => {
    const r = match(people, { locked: [['e2', NFD]] });
    expect(r.pairs.find((p) => p.menteeId === 'e2')).toMatchObject({ mentorId: 'Jos\u00e9', locked: true });
  });
  it('excludedPartners with a zero-width character still exclude', () => {
    const r = match(people, { excludedPartners: [['e1', `Jos\u00e9\u200B`]], mode: 'one-to-one' });
    expect(r.pairs.find((p) => p.menteeId === 'e1')?.mentorId).not.toBe('Jos\u00e9');
  });
  it('bannedPairs, priority and preferredPartners accept the NFD spelling', () => {
    expect(() => match(people, { rules: { bannedPairs: [['e1', NFD]] }, priority: [NFD], preferredPartners: [['e1', NFD]] })).not.toThrow();
    const r = match(people, { rules: { bannedPairs: [['e1', NFD]] } });
    expect(r.pairs.find((p) => p.menteeId === 'e1')?.mentorId).not.toBe('Jos\u00e9');
  });
  it("recommend's for accepts the NFD spelling", () => {
    expect(recommend(people, { for: NFD }).map((x) => x.id)).toEqual(['e1', 'e2']);
  });
});

describe('match(people, config): cycles and nesting are typed errors, never a RangeError', () => {
  const thrown = (f: () => unknown): unknown => {
    try {
      f();
    } catch (e) {
      return e;
    }
    return undefined;
  };

  it('a cyclic config → ConfigError', () => {
    const config: Record<string, unknown> = { mode: 'capacity' };
    config.weights = { skills: config };
    const e = thrown(() => match(people, config as MatchConfig));
    expect(isMatchError(e) && e.code).toBe('INVALID_CONFIG');
  });

  it('a config nested 100,000 levels deep → ConfigError', () => {
    let deep: unknown = 1;
    for (let k = 0; k < 100_000; k++) deep = { a: deep };
    const e = thrown(() => match(people, { weights: { skills: deep } } as unknown as MatchConfig));
    expect(isMatchError(e) && e.code).toBe('INVALID_CONFIG');
    const f = thrown(() => match(people, JSON.parse(`{"rules":${'['.repeat(50_000)}${']'.repeat(50_000)}}`) as MatchConfig));
    expect(isMatchError(f) && f.code).toBe('INVALID_CONFIG');
  });

  it('a cyclic participant → InvalidInputError naming the path', () => {
    const attributes: Record<string, unknown> = {};
    attributes.self = attributes;
    const bad = [...people.slice(0, 3), { ...people[3]!, attributes } as unknown as Participant];
    const e = expectMatchError(() => matchWithMatrix(bad), 'INVALID_INPUT');
    expect(e.message).toContain('participants[');
    expect(e.message).toContain('cycle');
  });

  it('a participant nested absurdly deep → InvalidInputError', () => {
    let deep: unknown = 'x';
    for (let k = 0; k < 100_000; k++) deep = [deep];
    const bad = [...people.slice(0, 3), { ...people[3]!, goals: [deep] } as unknown as Participant];
    expectMatchError(() => match(bad), 'INVALID_INPUT');
  });
});
