/**
 * Seniority given as text: the default table SENIORITY_LEVELS (monotone, case-insensitive,
 * normalised), the caller's own words (options.seniorityLevels), numbers still read as
 * numbers, and an unknown word as an `unknown_seniority` issue listing the accepted words.
 */
import { describe, expect, it } from 'vitest';

import { ConfigError } from '../../src/errors.js';
import { parseParticipants, safeParseParticipants } from '../../src/profile/parse.js';
import { SENIORITY_LEVELS } from '../../src/profile/seniority.js';
import { normalizeTag } from '../../src/profile/normalize.js';
import { expectMatchError } from '../_helpers/expect-error.js';

const seniorityOf = (value: unknown, seniorityLevels?: Record<string, number>): number | undefined =>
  parseParticipants([{ id: 'a', role: 'mentee', seniority: value }], seniorityLevels ? { seniorityLevels } : undefined)[0]!.seniority;

describe('SENIORITY_LEVELS: the documented default table', () => {
  it('maps Intern … Executive to 0 … 7, in order', () => {
    const ladder = ['Intern', 'Junior', 'Associate', 'Senior', 'Lead', 'Director', 'VP', 'Executive'];
    expect(ladder.map((w) => seniorityOf(w))).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('is monotone: in table order, levels never go down; every key is a normalised tag; frozen', () => {
    const levels = Object.values(SENIORITY_LEVELS);
    for (let k = 1; k < levels.length; k++) expect(levels[k]).toBeGreaterThanOrEqual(levels[k - 1]!);
    for (const w of Object.keys(SENIORITY_LEVELS)) expect(normalizeTag(w)).toBe(w);
    expect(Object.isFrozen(SENIORITY_LEVELS)).toBe(true);
  });

  it.each([
    ['Junior', 1], ['junior', 1], [' JUNIOR ', 1], ['Entry-Level', 1], ['entry_level', 1],
    ['Mid', 2], ['Intermediate', 2], ['mid-level', 2],
    ['Senior', 3],
    ['Staff', 4], ['Principal', 4], ['Manager', 4], ['Team Lead', 4],
    ['Director', 5], ['Head', 5],
    ['Vice President', 6], ['vice-president', 6], ['SVP', 6],
    ['C-level', 7], ['C-Suite', 7], ['Chief', 7],
  ] as const)('%s → %d', (word, level) => {
    expect(seniorityOf(word)).toBe(level);
  });
});

describe('parseParticipants: the seniority field', () => {
  it('numbers keep working: numbers, numeric strings, negative and fractional', () => {
    expect([seniorityOf(3), seniorityOf('3'), seniorityOf(' 2.5 '), seniorityOf(-1.25)]).toEqual([3, 3, 2.5, -1.25]);
  });

  it('an unknown word is an unknown_seniority issue naming participant and field, listing the accepted words', () => {
    const r = safeParseParticipants([{ id: 'a', role: 'mentee', seniority: 'Boss' }]);
    if (r.success) return expect.fail('expected an issue');
    expect(r.issues).toHaveLength(1);
    const i = r.issues[0]!;
    expect(i).toMatchObject({ code: 'unknown_seniority', participant: 'a', field: 'seniority', found: '"Boss"' });
    for (const w of ['intern', 'junior', 'senior', 'director', 'vice president', 'executive']) expect(i.expected).toContain(w);
    expect(i.message).toContain('participant "a"');
  });

  it('options.seniorityLevels adds a company\'s own grades (any case) on top of the defaults; a given word wins', () => {
    const own = { IC1: 1, IC2: 2, M1: 4, senior: 3.5 };
    expect(['ic1', 'IC2', 'm1', 'Senior', 'Junior', '5'].map((v) => seniorityOf(v, own))).toEqual([1, 2, 4, 3.5, 1, 5]);
    const r = safeParseParticipants([{ id: 'a', role: 'mentee', seniority: 'IC9' }], { seniorityLevels: own });
    if (r.success) return expect.fail('expected an issue');
    expect(r.issues[0]!.code).toBe('unknown_seniority');
    expect(r.issues[0]!.expected).toContain('IC1 (1)'); // the caller's words are listed as given
  });

  it('bad options.seniorityLevels are a ConfigError listing each problem', () => {
    const bad = (seniorityLevels: unknown) => () => parseParticipants([], { seniorityLevels } as never);
    const e = expectMatchError(bad({ IC1: 'one', ' ': 1, Ic2: 2, ic2: 3 }), 'INVALID_CONFIG') as ConfigError;
    expect(e.issues).toHaveLength(3);
    expectMatchError(bad([1, 2]), 'INVALID_CONFIG');
    expectMatchError(bad({ x: Infinity }), 'INVALID_CONFIG');
  });
});
