/**
 * `recommend(participants, { for, k, …config })`: one options object (issue 11), `for` and
 * `k` validated at the boundary.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import type { MatchConfig } from '../../src/match/config.js';
import { recommend, type RecommendOptions } from '../../src/match/recommend.js';
import type { Participant } from '../../src/profile/types.js';
import { expectMatchError } from '../_helpers/expect-error.js';
import { only, person } from '../score/_people.js';

const mentor = (id: string, offers: string[], max = 1): Participant => ({ ...person({ id, roles: ['mentor'], offers }), capacity: { max, min: 0 } });
const mentee = (id: string, wants: string[]): Participant => person({ id, roles: ['mentee'], wants });
const skillsOnly: MatchConfig = { weights: only({ skills: 1 }) as MatchConfig['weights'], rules: { notOwnManager: false } };
const people = [mentee('a', ['py', 'sql']), mentee('b', ['py']), ...['v', 'w', 'x', 'y', 'z', 'u'].map((id) => mentor(id, ['py']))];

/** The option names a ConfigError lists (each issue starts with its option). */
function issuesOf(f: () => unknown): string[] {
  const e = expectMatchError(f, 'INVALID_CONFIG');
  expect(e).toBeInstanceOf(ConfigError);
  return (e as ConfigError).issues.map((i) => i.message.split(':')[0]);
}

describe('recommend(participants, { for, k, ...config })', () => {
  it('k defaults to 5; k: 0 gives none; k larger than the candidates gives them all', () => {
    expect(recommend(people, { ...skillsOnly, for: 'a' })).toHaveLength(5);
    expect(recommend(people, { ...skillsOnly, for: 'a', k: 0 })).toEqual([]);
    expect(recommend(people, { ...skillsOnly, for: 'a', k: 100 }).map((r) => r.id)).toEqual(['u', 'v', 'w', 'x', 'y', 'z']);
  });

  it('the configuration goes with for and k in the one object', () => {
    const recs = recommend(people, { ...skillsOnly, for: 'a', k: 2, excludedPartners: [['a', 'u']] });
    expect(recs.map((r) => r.id)).toEqual(['v', 'w']);
  });

  it.each<[string, unknown]>([
    ['NaN', Number.NaN],
    ['-1', -1],
    ['1.5', 1.5],
    ['Infinity', Number.POSITIVE_INFINITY],
    ["'3'", '3'],
    ['null', null],
  ])('k: %s is a ConfigError naming k (never a silent [])', (_, k) => {
    expect(issuesOf(() => recommend(people, { ...skillsOnly, for: 'a', k } as RecommendOptions))).toEqual(['k']);
  });

  it.each<[string, unknown]>([
    ['missing', undefined],
    ["''", ''],
    ['a number', 7],
    ['an unknown id', 'nobody'],
  ])('for: %s is a ConfigError naming for', (_, id) => {
    expect(issuesOf(() => recommend(people, { ...skillsOnly, for: id, k: 2 } as RecommendOptions))).toEqual(['for']);
  });

  it('bad for and bad k are reported together; a non-object is a ConfigError', () => {
    expect(issuesOf(() => recommend(people, { for: '', k: -1 }))).toEqual(['for', 'k']);
    expect(issuesOf(() => recommend(people, 'a' as unknown as RecommendOptions))).toEqual(['(options)']);
  });

  it('the match options are still validated', () => {
    expect(issuesOf(() => recommend(people, { for: 'a', mode: 'weird' } as unknown as RecommendOptions))).toEqual(['mode']);
  });
});
