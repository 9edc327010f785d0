/**
 * The size check (issue 12): `match` estimates the memory a run needs from its candidate
 * pairs and refuses a run over `memoryLimit` with TooLargeError, before building the
 * matrix and quickly; the limit is not part of the config hash.
 */
import { describe, expect, it } from 'vitest';

import { TooLargeError, isMatchError } from '../../src/errors.js';
import { MATCH_DEFAULTS } from '../../src/match/config.js';
import { match, matchMatrix } from '../../src/match/match.js';
import { BYTES_PER_PAIR, DEFAULT_MEMORY_LIMIT, MAX_PAIRS, checkSize, estimateSize } from '../../src/match/size.js';
import type { Participant } from '../../src/profile/types.js';
import { expectMatchError } from '../_helpers/expect-error.js';
import { person } from '../score/_people.js';

const cohort = (mentees: number, mentors: number): Participant[] => [
  ...Array.from({ length: mentors }, (_, j) => person({ id: `m${j}`, roles: ['mentor'], offers: ['go'] })),
  ...Array.from({ length: mentees }, (_, i) => person({ id: `e${i}`, roles: ['mentee'], wants: ['go'] })),
];

describe('estimateSize(people, mode)', () => {
  it('bipartite modes count mentees × mentors; peer mode the pool squared', () => {
    const people = [...cohort(30, 10), person({ id: 'b', roles: ['mentor', 'mentee'] })];
    expect(estimateSize(people, 'capacity')).toEqual({ rows: 31, cols: 11, pairs: 341, bytes: 341 * BYTES_PER_PAIR.capacity });
    expect(estimateSize(people, 'group').bytes).toBe(341 * BYTES_PER_PAIR.group);
    expect(estimateSize(people, 'peer')).toEqual({ rows: 41, cols: 41, pairs: 1681, bytes: 1681 * BYTES_PER_PAIR.peer });
  });
  it('an empty cohort needs nothing', () => {
    expect(estimateSize([], 'one-to-one').bytes).toBe(0);
  });
});

describe('checkSize(people, mode, limit)', () => {
  it('passes at the limit and throws TooLargeError above it, with the estimate, limit and advice', () => {
    const people = cohort(100, 50);
    const bytes = 5000 * BYTES_PER_PAIR.capacity;
    expect(() => checkSize(people, 'capacity', bytes)).not.toThrow();
    const e = expectMatchError(() => checkSize(people, 'capacity', bytes - 1), 'TOO_LARGE');
    expect(e).toBeInstanceOf(TooLargeError);
    expect(e.details).toMatchObject({ pairs: 5000, estimate: bytes, limit: bytes - 1, rows: 100, cols: 50, mode: 'capacity' });
    expect(e.message).toContain('100 mentees × 50 mentors');
    expect(e.message).toMatch(/split it/);
    expect(e.message).toMatch(/memoryLimit/);
  });
  it('refuses more pairs than one typed array holds, whatever the limit', () => {
    const people = Array.from({ length: 70_000 }, (_, i) => person({ id: `p${i}`, roles: ['mentor', 'mentee'] }));
    expect(70_000 ** 2).toBeGreaterThan(MAX_PAIRS);
    const e = expectMatchError(() => checkSize(people, 'peer', Number.MAX_VALUE), 'TOO_LARGE');
    expect(e.message).toContain('pairs one array can hold');
  });
});

describe('match(people, { memoryLimit })', () => {
  it('the default limit is 4 GiB', () => {
    expect(DEFAULT_MEMORY_LIMIT).toBe(4 * 2 ** 30);
    expect(MATCH_DEFAULTS.memoryLimit).toBe(DEFAULT_MEMORY_LIMIT);
  });

  it('96,000 people are refused at once where the candidate path cannot run (no 6-minute run ending in a RangeError)', () => {
    const people = cohort(72_000, 24_000);
    const t = performance.now();
    const e = expectMatchError(() => match(people, { candidates: { use: 'never' } }), 'TOO_LARGE');
    expect(e.message).toMatch(/cohort too large: 72,000 mentees × 24,000 mentors/);
    expect(expectMatchError(() => match(people, { objective: 'fairness' }), 'TOO_LARGE').message).toMatch(/cannot run the fairness objective/);
    expect(performance.now() - t).toBeLessThan(2000);
    expect(e.details.pairs).toBe(72_000 * 24_000);
    expectMatchError(() => match(people, { mode: 'peer', candidates: { use: 'never' } }), 'TOO_LARGE');
    expectMatchError(() => matchMatrix(people), 'TOO_LARGE');
  });

  it('a small limit refuses a small cohort; a large enough one runs', () => {
    const people = cohort(20, 10);
    expectMatchError(() => match(people, { memoryLimit: 1000 }), 'TOO_LARGE');
    expect(match(people, { memoryLimit: 1e6 }).pairs).toHaveLength(10);
  });

  it('memoryLimit must be a positive number', () => {
    expectMatchError(() => match(cohort(1, 1), { memoryLimit: 0 }), 'INVALID_CONFIG');
    expectMatchError(() => match(cohort(1, 1), { memoryLimit: -5 }), 'INVALID_CONFIG');
  });

  it('memoryLimit is not part of the config hash (where a run may go, not what it computes)', () => {
    const people = cohort(4, 2);
    expect(match(people, { memoryLimit: 1e6 }).configHash).toBe(match(people).configHash);
  });

  it('TooLargeError is a MatchError across copies (brand check)', () => {
    expect(isMatchError(new TooLargeError('x'))).toBe(true);
  });
});
