import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError, InfeasibleError } from '../../src/errors.js';
import { parseParticipants } from '../../src/profile/parse.js';
import { expectMatchError } from '../_helpers/expect-error.js';
import type { MatchConfig } from '../../src/match/config.js';
import { match, matchMatrix, matchWithMatrix } from '../../src/match/match.js';
import { recommend } from '../../src/match/recommend.js';
import { fnv1a64 } from '../../src/match/hash.js';
import type { Participant } from '../../src/profile/types.js';
import { only, person } from '../score/_people.js';

/** Mentors with a capacity. */
const mentor = (id: string, offers: string[], extra: Partial<Participant> = {}, max = 1): Participant => ({
  ...person({ id, roles: ['mentor'], offers }),
  capacity: { max, min: 0 },
  ...extra,
});
const mentee = (id: string, wants: string[], extra: Partial<Participant> = {}): Participant => ({ ...person({ id, roles: ['mentee'], wants }), ...extra });
const skillsOnly: MatchConfig = { weights: only({ skills: 1 }) as MatchConfig['weights'], rules: { notOwnManager: false } };

describe('match(participants, config): one-to-one and capacity', () => {
  const people = [
    mentee('a', ['py', 'sql']),
    mentee('b', ['py']),
    mentee('c', ['go']),
    mentor('x', ['py', 'sql']),
    mentor('y', ['py', 'go']),
  ];
  it('one-to-one finds the best total: a–x (1.0) and c–y (1.0); b is left with a reason', () => {
    const r = match(people, { ...skillsOnly, mode: 'one-to-one' });
    expect(r.pairs.map((p) => [p.menteeId, p.mentorId, p.score])).toEqual([
      ['a', 'x', 100],
      ['c', 'y', 100],
    ]);
    expect(r.unmatched).toEqual([{ id: 'b', role: 'mentee', reason: { code: 'no-capacity', message: expect.stringContaining('2 mentors') } }]);
    expect(r.stats).toMatchObject({ participants: 5, matched: 4, unmatched: 1, pairs: 2, meanScore: 100, lowestScore: 100, totalScore: 200 });
    expect(r.pairs[0].breakdown[0].evidence).toEqual(['teaches py', 'teaches sql']);
  });

  it('capacity mode lets a mentor take several mentees (profile capacity)', () => {
    const ppl = people.map((p) => (p.id === 'x' ? { ...p, capacity: { max: 2, min: 0 } } : p));
    const r = match(ppl, { ...skillsOnly, mode: 'capacity' });
    expect(r.pairs.map((p) => `${p.menteeId}-${p.mentorId}`)).toEqual(['a-x', 'b-x', 'c-y']);
    expect(r.unmatched).toEqual([]);
  });

  it('best-total may match fewer people than most-matched; most-matched never matches fewer', () => {
    // path a–x–b–y with weights: a-x 0.3, b-x 1.0, b-y 0.3 — best total takes b–x only? No: 1.0 vs 0.3 + 0.3.
    const ppl = [
      mentee('a', ['s1', 's2', 's3']),
      mentee('b', ['s1', 's2', 's3']),
      mentor('x', ['s1']),
      mentor('y', ['s1', 's2', 's3']),
    ];
    const bt = match(ppl, { ...skillsOnly, mode: 'one-to-one', objective: 'best-total' });
    const mm = match(ppl, { ...skillsOnly, mode: 'one-to-one', objective: 'most-matched' });
    expect(mm.stats.pairs).toBeGreaterThanOrEqual(bt.stats.pairs);
    expect(bt.stats.totalScore).toBeGreaterThanOrEqual(mm.stats.totalScore - 1e-9);
  });

  it('fairness raises the lowest pair score and reports the price of fairness', () => {
    // Best total: a–x 1.0 + b–y 0.0? With a zero floor the fair answer swaps to a–y, b–x (0.5 each).
    const ppl = [
      mentee('a', ['p', 'q']),
      mentee('b', ['p', 'q']),
      mentor('x', ['p', 'q']),
      mentor('y', ['p']),
    ];
    const total = match(ppl, { ...skillsOnly, mode: 'one-to-one', objective: 'best-total' });
    const fair = match(ppl, { ...skillsOnly, mode: 'one-to-one', objective: 'fairness' });
    expect(fair.stats.lowestScore).toBeGreaterThanOrEqual(total.stats.lowestScore);
    expect(fair.stats.pairs).toBeGreaterThanOrEqual(total.stats.pairs);
    expect(fair.objective.name).toBe('fairness');
    expect(fair.objective.value).toBeCloseTo(fair.stats.lowestScore, 9);
    expect(fair.objective.priceOfFairness).toBeCloseTo(total.objective.value - fair.stats.totalScore, 9);
    expect(fair.objective.referenceTotal).toBeCloseTo(total.objective.value, 9);
  });

  it('minScore forbids weaker pairs and reports those mentees as below the minimum', () => {
    const r = match([mentee('a', ['p', 'q', 'r', 's']), mentor('x', ['p'])], { ...skillsOnly, minScore: 50 });
    expect(r.pairs).toEqual([]);
    expect(r.unmatched[0]).toEqual({ id: 'a', role: 'mentee', reason: { code: 'below-min-score', message: 'every allowed mentor (1) scores below the minimum score of 50' } });
  });

  it('a mentee whose every mentor is forbidden is told which rules excluded whom', () => {
    const ppl = [mentee('a', ['p'], { department: 'd' }), mentor('x', ['p'], { department: 'd' }), mentor('y', ['p'], { department: 'd' })];
    const r = match(ppl, { ...skillsOnly, rules: { notOwnManager: false, differentDepartment: true } });
    expect(r.unmatched.find((u) => u.id === 'a')?.reason).toEqual({ code: 'all-forbidden', message: 'every mentor is excluded: 2 by differentDepartment' });
  });
});

describe('match(participants, config): life cycle', () => {
  const people = [mentee('a', ['p']), mentee('b', ['p']), mentor('x', ['p']), mentor('y', ['q'])];
  it('locked pairs survive even when another answer would score more', () => {
    const r = match(people, { ...skillsOnly, mode: 'one-to-one', locked: [['a', 'y']] });
    expect(r.pairs.find((p) => p.menteeId === 'a')).toMatchObject({ mentorId: 'y', locked: true });
    expect(r.pairs.find((p) => p.menteeId === 'b')).toMatchObject({ mentorId: 'x', locked: false });
  });
  it('excluded past partners are never paired; preferred ones win ties; priority people go first', () => {
    const ex = match(people, { ...skillsOnly, mode: 'one-to-one', excludedPartners: [['a', 'x']] });
    expect(ex.pairs.some((p) => p.menteeId === 'a' && p.mentorId === 'x')).toBe(false);
    const pref = match(people, { ...skillsOnly, mode: 'one-to-one', preferredPartners: [['b', 'x']] });
    expect(pref.pairs.find((p) => p.mentorId === 'x')?.menteeId).toBe('b');
    const prio = match(people, { ...skillsOnly, mode: 'one-to-one', priority: ['b'] });
    expect(prio.pairs.find((p) => p.mentorId === 'x')?.menteeId).toBe('b');
  });
  it('unknown ids in locked, excluded or preferred pairs are a ConfigError', () => {
    expect(() => match(people, { locked: [['a', 'zz']] })).toThrow(ConfigError);
    expect(() => match(people, { excludedPartners: [['qq', 'x']] })).toThrow(ConfigError);
    expect(() => match(people, { mode: 'weird' } as never)).toThrow(ConfigError);
  });
  it('recommend(participants, { for, k }) lists allowed candidates best first, capacity-aware', () => {
    const recs = recommend(people, { ...skillsOnly, for: 'a' });
    expect(recs.map((r) => [r.id, r.score])).toEqual([
      ['x', 100],
      ['y', 0],
    ]);
    const full = recommend(people, { ...skillsOnly, for: 'a', locked: [['b', 'x']] });
    expect(full.map((r) => r.id)).toEqual(['y']);
    expect(recommend(people, { ...skillsOnly, for: 'x', k: 1 }).map((r) => r.id)).toEqual(['a']);
  });
});

describe('match(participants, config): reverse and peer', () => {
  it("reverse mode: for the named skills the junior mentors the senior", () => {
    const ppl = [mentee('exec', ['tiktok'], { seniority: 7 }), mentor('junior', ['tiktok'], { seniority: 1 }), mentor('vp', ['tiktok'], { seniority: 8 })];
    const r = match(ppl, { ...skillsOnly, mode: 'reverse', rules: { notOwnManager: false, reverseSkills: ['tiktok'] } });
    expect(r.pairs.map((p) => p.mentorId)).toEqual(['junior']);
    expect(() => match(ppl, { mode: 'reverse' })).toThrow(ConfigError);
  });

  it('peer mode pairs everyone in an even pool and leaves the cheapest person out of an odd one', () => {
    const pool = ['a', 'b', 'c', 'd', 'e'].map((id, k) => ({ ...person({ id, roles: ['mentee', 'mentor'], goals: [k < 2 ? 'g1' : 'g2', 'x'] }) }));
    const r = match(pool, { mode: 'peer', weights: only({ goals: 1 }) as MatchConfig['weights'], rules: { notOwnManager: false } });
    expect(r.pairs).toHaveLength(2);
    expect(r.unmatched).toHaveLength(1);
    expect(r.unmatched[0].reason.code).toBe('odd-one-out');
    const trio = match(pool, { mode: 'peer', peer: { odd: 'trio' }, weights: only({ goals: 1 }) as MatchConfig['weights'], rules: { notOwnManager: false } });
    expect(trio.unmatched).toHaveLength(0);
    expect(trio.groups).toHaveLength(1);
  });

  it('peer circles of size k place everyone in circles of k or k + 1', () => {
    const pool = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id, k) => person({ id, roles: ['mentee', 'mentor'], goals: [k % 2 ? 'odd' : 'even'] }));
    const r = match(pool, { mode: 'peer', peer: { circleSize: 3 }, weights: only({ goals: 1 }) as MatchConfig['weights'], rules: { notOwnManager: false } });
    expect(r.pairs).toEqual([]);
    expect(r.groups.map((g) => g.memberIds.length).sort()).toEqual([3, 4]);
    expect(r.groups.flatMap((g) => g.memberIds).sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(r.unmatched).toEqual([]);
  });
});

describe('match(participants, config): group mode', () => {
  const ppl = [mentee('a', ['p']), mentee('b', ['p']), mentee('c', ['p']), mentor('x', ['p'], {}, 9), mentor('y', ['p'], {}, 9)];
  it('groups respect maxSize, and a group below minSize is dissolved with its members re-placed or reported', () => {
    const r = match(ppl, { ...skillsOnly, mode: 'group', group: { minSize: 2, maxSize: 2 } });
    const sizes = r.groups.map((g) => g.memberIds.length);
    expect(sizes.every((k) => k >= 2 && k <= 2)).toBe(true);
    expect(r.groups).toHaveLength(1);
    const left = r.unmatched.filter((u) => u.role === 'mentee');
    expect(left).toHaveLength(1);
    expect(left[0].reason.code).toBe('group-dissolved');
    expect(r.unmatched.find((u) => u.role === 'mentor')?.reason.code).toBe('group-dissolved');
  });
  it('with minSize 0 every mentee is placed and groups never exceed maxSize', () => {
    const r = match(ppl, { ...skillsOnly, mode: 'group', group: { minSize: 0, maxSize: 2 } });
    expect(r.groups.map((g) => g.memberIds.length).sort()).toEqual([1, 2]);
    expect(r.unmatched.filter((u) => u.role === 'mentee')).toEqual([]);
  });
  it('cohesion puts mentees who share goals together when fit is equal', () => {
    const cohort = [
      mentee('a', ['p'], { goals: ['g1'] }),
      mentee('b', ['p'], { goals: ['g2'] }),
      mentee('c', ['p'], { goals: ['g1'] }),
      mentee('d', ['p'], { goals: ['g2'] }),
      mentor('x', ['p'], {}, 2),
      mentor('y', ['p'], {}, 2),
    ];
    const r = match(cohort, { ...skillsOnly, mode: 'group', group: { maxSize: 2, cohesion: { weight: 1, on: 'goals' } } });
    const together = r.groups.map((g) => [...g.memberIds].sort().join(''));
    expect(together.sort()).toEqual(['ac', 'bd']);
  });
});

describe('match(participants, config): mentees with several mentors', () => {
  it('a mentee with maxMentors 2 gets two different mentors; limits hold on both sides', () => {
    const ppl = [
      { ...mentee('a', ['p', 'q']), maxMentors: 2 },
      mentee('b', ['p']),
      mentor('x', ['p'], {}, 1),
      mentor('y', ['q'], {}, 2),
      mentor('z', ['p', 'q'], {}, 1),
    ];
    const r = match(ppl, { ...skillsOnly, mode: 'capacity', objective: 'most-matched' });
    const forA = r.pairs.filter((p) => p.menteeId === 'a').map((p) => p.mentorId);
    expect(new Set(forA).size).toBe(2);
    expect(r.pairs.filter((p) => p.menteeId === 'b')).toHaveLength(1);
    const load = (m: string) => r.pairs.filter((p) => p.mentorId === m).length;
    expect(load('x')).toBeLessThanOrEqual(1);
    expect(load('z')).toBeLessThanOrEqual(1);
    expect(r.unmatched.filter((u) => u.role === 'mentee')).toEqual([]);
  });
  it('first mentors first: nobody gets a second mentor while another mentee could have had a first', () => {
    // a fits both mentors perfectly, b only partly: the best total would give a both.
    const ppl = [{ ...mentee('a', ['p', 'q']), maxMentors: 2 }, mentee('b', ['p', 'r']), mentor('x', ['p', 'q'], {}, 1), mentor('y', ['p', 'q'], {}, 1)];
    for (const objective of ['best-total', 'most-matched', 'fairness'] as const) {
      const r = match(ppl, { ...skillsOnly, mode: 'capacity', objective });
      expect(r.pairs.map((p) => p.menteeId).sort(), objective).toEqual(['a', 'b']);
    }
    // With a third place, a gets the second mentor.
    const more = match([...ppl, mentor('z', ['p', 'q'], {}, 1)], { ...skillsOnly, mode: 'capacity' });
    expect(more.pairs.map((p) => p.menteeId).sort()).toEqual(['a', 'a', 'b']);
  });
  it('several mentors per mentee and mentor minimums together: the minimum is honoured', () => {
    const ppl = [
      { ...mentee('a', ['p']), maxMentors: 2 },
      mentee('b', ['p']),
      mentor('x', ['p'], {}, 3),
      { ...mentor('y', ['p'], {}, 3), capacity: { max: 3, min: 2 } },
    ];
    const r = match(ppl, { ...skillsOnly, mode: 'capacity' });
    const load = (m: string) => r.pairs.filter((p) => p.mentorId === m).length;
    expect([0, 2, 3]).toContain(load('y'));
    expect(load('x')).toBeGreaterThan(0);
  });
  it('several mentors per mentee: limits hold on both sides, pairs are distinct (random cohorts)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.subarray(['p', 'q', 'r', 's'], { minLength: 1 }), fc.integer({ min: 1, max: 3 })), { minLength: 1, maxLength: 9 }),
        fc.array(fc.tuple(fc.subarray(['p', 'q', 'r', 's'], { minLength: 1 }), fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 5 }),
        fc.constantFrom('best-total', 'most-matched', 'fairness'),
        (es, ms, objective) => {
          const ppl = [...es.map(([w, k], i) => ({ ...mentee(`e${i}`, w), maxMentors: k })), ...ms.map(([o, c], j) => mentor(`m${j}`, o, {}, c))];
          const r = match(ppl, { ...skillsOnly, mode: 'capacity', objective });
          const keys = r.pairs.map((p) => `${p.menteeId}/${p.mentorId}`);
          expect(new Set(keys).size).toBe(keys.length);
          es.forEach(([, k], i) => expect(r.pairs.filter((p) => p.menteeId === `e${i}`).length).toBeLessThanOrEqual(k));
          ms.forEach(([, c], j) => expect(r.pairs.filter((p) => p.mentorId === `m${j}`).length).toBeLessThanOrEqual(c));
          // First mentors first: with no rule forbidding a pair, a second mentor for anyone
          // under most-matched means every mentee has a first one.
          if (objective === 'most-matched' && r.pairs.some((p, k) => r.pairs.findIndex((q) => q.menteeId === p.menteeId) !== k)) {
            es.forEach((_, i) => expect(r.pairs.some((p) => p.menteeId === `e${i}`)).toBe(true));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
  it('a locked pair counts towards maxMentors and is never repeated', () => {
    const ppl = [{ ...mentee('a', ['p']), maxMentors: 2 }, mentor('x', ['p'], {}, 2), mentor('y', ['p'], {}, 2)];
    const r = match(ppl, { ...skillsOnly, mode: 'capacity', locked: [['a', 'x']] });
    expect(r.pairs.map((p) => [p.mentorId, p.locked])).toEqual([
      ['x', true],
      ['y', false],
    ]);
  });
});

describe('match(participants, config): mentor minimum in capacity mode', () => {
  it('a mentor whose minimum cannot be met takes nobody, and is told why', () => {
    const ppl = [mentee('a', ['p']), mentee('b', ['p']), mentor('x', ['p'], {}, 3), { ...mentor('y', ['p'], {}, 3), capacity: { max: 3, min: 3 } }];
    const r = match(ppl, { ...skillsOnly, mode: 'capacity' });
    expect(r.pairs.every((p) => p.mentorId === 'x')).toBe(true);
    expect(r.unmatched.find((u) => u.id === 'y')?.reason.code).toMatch(/group-dissolved|not-needed/);
  });
});

describe('match(participants, config): quotas', () => {
  const ppl = [
    mentee('a', ['p'], { attributes: { site: 'north' } }),
    mentee('b', ['p'], { attributes: { site: 'north' } }),
    mentee('c', ['p', 'q'], { attributes: { site: 'south' } }),
    mentor('x', ['p'], {}, 3),
  ];
  it('a quota caps the pairs of a group of mentees as a hard constraint', () => {
    const free = match(ppl, { ...skillsOnly, mode: 'capacity' });
    expect(free.pairs.map((p) => p.menteeId)).toEqual(['a', 'b', 'c']);
    const capped = match(ppl, { ...skillsOnly, mode: 'capacity', quotas: [{ attribute: 'site', value: 'north', max: 1 }] });
    expect(capped.pairs.filter((p) => p.menteeId !== 'c')).toHaveLength(1);
    expect(capped.pairs.some((p) => p.menteeId === 'c')).toBe(true);
    expect(capped.unmatched.map((u) => u.id)).toHaveLength(1);
  });
  it('locked pairs count towards a quota; quotas in group or peer mode are a ConfigError', () => {
    const r = match(ppl, { ...skillsOnly, mode: 'capacity', locked: [['a', 'x']], quotas: [{ attribute: 'site', value: 'north', max: 1 }] });
    expect(r.pairs.map((p) => p.menteeId)).toEqual(['a', 'c']);
    expect(() => match(ppl, { mode: 'group', quotas: [{ attribute: 'site', value: 'north', max: 1 }] })).toThrow(ConfigError);
  });
});

describe('match: determinism and invariants (property)', () => {
  const arb = fc
    .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 4 }), fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 40, maxLength: 40 }))
    .map(([ne, nm, bits]) => {
      const skills = ['p', 'q', 'r', 's'];
      const ppl: Participant[] = [];
      for (let i = 0; i < ne; i++) ppl.push(mentee(`e${i}`, skills.filter((_, k) => (bits[i] >> k) & 1), { department: bits[10 + i] % 2 ? 'd1' : 'd2' }));
      for (let j = 0; j < nm; j++) ppl.push(mentor(`m${j}`, skills.filter((_, k) => (bits[20 + j] >> k) & 1), { department: bits[30 + j] % 2 ? 'd1' : 'd2' }, 1 + (bits[25 + j] % 3)));
      return ppl;
    });
  const cfg: MatchConfig = { ...skillsOnly, rules: { notOwnManager: false, differentDepartment: true } };

  it('every participant is matched or reported with a reason; capacities and rules hold; shuffling changes nothing', () => {
    fc.assert(
      fc.property(arb, fc.constantFrom('one-to-one', 'capacity') , fc.constantFrom('best-total', 'most-matched', 'fairness'), (ppl, mode, objective) => {
        const r = match(ppl, { ...cfg, mode, objective });
        const ids = new Set([...r.pairs.flatMap((p) => [p.menteeId, p.mentorId]), ...r.unmatched.map((u) => u.id)]);
        expect(ids.size).toBe(ppl.length);
        const load = new Map<string, number>();
        for (const p of r.pairs) {
          load.set(p.mentorId, (load.get(p.mentorId) ?? 0) + 1);
          const a = ppl.find((x) => x.id === p.menteeId)!;
          const b = ppl.find((x) => x.id === p.mentorId)!;
          expect(a.department).not.toBe(b.department);
        }
        for (const [m, c] of load) expect(c).toBeLessThanOrEqual(mode === 'one-to-one' ? 1 : ppl.find((x) => x.id === m)!.capacity.max);
        const shuffled = match([...ppl].reverse(), { ...cfg, mode, objective });
        expect(shuffled.pairs.map((p) => [p.menteeId, p.mentorId])).toEqual(r.pairs.map((p) => [p.menteeId, p.mentorId]));
        expect(shuffled.configHash).toBe(r.configHash);
      }),
      { numRuns: 120 },
    );
  });

  it("fairness's lowest pair is never below best-total's, with at least as many matched; best-total equals brute force", () => {
    fc.assert(
      fc.property(arb, fc.constantFrom('one-to-one', 'capacity'), (ppl, mode) => {
        const bt = match(ppl, { ...cfg, mode, objective: 'best-total' });
        const fair = match(ppl, { ...cfg, mode, objective: 'fairness' });
        expect(fair.stats.pairs).toBeGreaterThanOrEqual(bt.stats.pairs);
        if (bt.stats.pairs > 0) expect(fair.stats.lowestScore).toBeGreaterThanOrEqual(bt.stats.lowestScore - 1e-9);
        if (mode === 'one-to-one') expect(bt.stats.totalScore).toBeCloseTo(bruteBestTotal(ppl, cfg), 6);
      }),
      { numRuns: 120 },
    );
  });
});

/**
 * Brute force: best total of a one-to-one matching (0–100 scale) over the cohort's own
 * matrix. Scores depend on the whole cohort (a missing-data score is the cohort's lower
 * quartile), so each pair is read from the cohort's matrix, never from a 1×1 match.
 */
function bruteBestTotal(ppl: Participant[], cfg: MatchConfig): number {
  const m = matchMatrix(ppl, { ...cfg, mode: 'one-to-one' });
  const score = Array.from({ length: m.rows }, (_, i) =>
    Array.from({ length: m.cols }, (_, j) => (m.isForbidden(i, j) ? -Infinity : m.score(i, j) * 100)),
  );
  let best = 0;
  const used = new Array(m.cols).fill(false);
  const rec = (i: number, total: number): void => {
    if (i === m.rows) {
      best = Math.max(best, total);
      return;
    }
    rec(i + 1, total);
    for (let j = 0; j < m.cols; j++) {
      if (used[j] || score[i][j] === -Infinity) continue;
      used[j] = true;
      rec(i + 1, total + score[i][j]);
      used[j] = false;
    }
  };
  rec(0, 0);
  return best;
}

describe('fnv1a64', () => {
  it('matches the published FNV-1a 64 test vectors', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });
});

describe('match(…, { locked }) refuses locked pairs no matching can keep', () => {
  const people = parseParticipants([
    { id: 'e1', roles: 'mentee', department: 'a' },
    { id: 'e2', roles: 'mentee', department: 'b' },
    { id: 'm1', roles: 'mentor', department: 'a', capacity: 1 },
    { id: 'm2', roles: 'mentor', department: 'c', capacity: 2 },
  ]);
  it('over a mentor\'s capacity → InfeasibleError naming the mentor', () => {
    const e = expectMatchError(() => match(people, { mode: 'one-to-one', locked: [['e1', 'm2'], ['e2', 'm2']] }), 'INFEASIBLE');
    expect(e.message).toMatch(/mentor m2 2 mentees; expected at most 1/);
  });
  it('forbidden by a hard rule → InfeasibleError naming the rule', () => {
    expect(() => match(people, { locked: [['e1', 'm1']], rules: { differentDepartment: true } })).toThrow(InfeasibleError);
  });
  it('a peer locked to two partners → InfeasibleError', () => {
    expect(() => match(people, { mode: 'peer', locked: [['e1', 'e2'], ['e1', 'm2']] })).toThrow(/two peers/);
  });
  it('possible locked pairs are kept', () => {
    const r = match(people, { mode: 'capacity', locked: [['e1', 'm2'], ['e2', 'm2']] });
    expect(r.pairs.filter((p) => p.locked).map((p) => p.menteeId)).toEqual(['e1', 'e2']);
  });
});

describe('match(…, { mode: peer, peer: { circleSize } }) explains who is left out of the circles', () => {
  it('a peer the circles could not take is told so (not-in-circle), not that they are the odd one out', () => {
    // London–Athens and Athens–Dubai are within 3 hours, London–Dubai is not: no circle of 3.
    const zones = ['Europe/London', 'Europe/Athens', 'Asia/Dubai'];
    const people = parseParticipants(zones.map((timeZone, i) => ({ id: `p${i}`, role: 'peer', timeZone, interests: 'chess' })));
    const r = match(people, { mode: 'peer', peer: { circleSize: 3 }, rules: { maxTimeZoneGapHours: 3 } });
    const placed = new Set(r.groups.flatMap((g) => g.memberIds));
    expect(r.unmatched.length).toBeGreaterThan(0);
    for (const u of r.unmatched) {
      expect(placed.has(u.id)).toBe(false);
      expect(u.reason.code).toBe('not-in-circle');
      expect(u.reason.message).toMatch(/^not placed in a circle/);
    }
    expect(placed.size + r.unmatched.length).toBe(3);
  });
  it('circles form within each cluster of people who may meet (time-zone clusters are planned apart)', () => {
    const zones = ['Europe/Berlin', 'Europe/Berlin', 'Europe/Berlin', 'Europe/Berlin', 'America/New_York', 'Europe/Berlin', 'America/New_York', 'Europe/Berlin'];
    const people = parseParticipants(zones.map((timeZone, i) => ({ id: `p${i}`, role: 'peer', timeZone, interests: 'chess' })));
    const r = match(people, { mode: 'peer', peer: { circleSize: 3 }, rules: { maxTimeZoneGapHours: 3 } });
    expect(r.unmatched).toEqual([]);
    expect(r.groups.map((g) => g.memberIds.length).sort()).toEqual([2, 3, 3]);
  });
});

describe('match(…, { objective: fairness }) in group mode and with mentor minimums', () => {
  it('raises the weakest pair above the best-total answer and places at least as many mentees', () => {
    let improved = 0;
    for (let seed = 1; seed <= 60; seed++) {
      for (const withMins of [false, true]) {
        let s = seed;
        const rnd = (): number => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
        const tags = ['p', 'q', 'r', 's', 't'];
        const pick = (fallback: string): string[] => {
          const t = tags.filter(() => rnd() < 0.5);
          return t.length ? t : [fallback];
        };
        const ppl = [
          ...Array.from({ length: 9 }, (_, i) => mentee(`e${i}`, pick('p'))),
          ...Array.from({ length: 4 }, (_, j) => ({ ...mentor(`m${j}`, pick('q'), {}, 3), ...(withMins && j < 2 ? { capacity: { max: 3, min: 2 } } : {}) })),
        ];
        const config: MatchConfig = withMins ? { ...skillsOnly, mode: 'capacity' } : { ...skillsOnly, mode: 'group', group: { minSize: 2, maxSize: 3 } };
        const best = match(ppl, config);
        const fair = match(ppl, { ...config, objective: 'fairness' });
        const low = (r: typeof best): number => (r.pairs.length ? Math.min(...r.pairs.map((p) => p.score)) : Infinity);
        expect(fair.objective.name).toBe('fairness');
        expect(fair.pairs.length).toBeGreaterThanOrEqual(best.pairs.length);
        if (best.pairs.length) expect(low(fair)).toBeGreaterThanOrEqual(low(best) - 1e-9);
        expect(fair.objective.priceOfFairness).toBeGreaterThanOrEqual(-1e-9);
        if (low(fair) > low(best) + 1e-9) improved++;
      }
    }
    // The objective is applied, not just named: on some cohorts the weakest pair rises.
    expect(improved).toBeGreaterThan(5);
  });
});

describe('matchWithMatrix(participants, config)', () => {
  it('gives the result of match and the matrix of matchMatrix', () => {
    const ppl = [mentee('a', ['p']), mentee('b', ['q']), mentor('x', ['p', 'q'], {}, 2)];
    for (const config of [{ ...skillsOnly, mode: 'capacity' }, { ...skillsOnly, mode: 'peer' }] as MatchConfig[]) {
      const { result, matrix } = matchWithMatrix(ppl, config);
      expect(result).toEqual(match(ppl, config));
      const ref = matchMatrix(ppl, config);
      expect([...matrix.scores]).toEqual([...ref.scores]);
      expect([...matrix.forbidden]).toEqual([...ref.forbidden]);
      expect(matrix.rowIds).toEqual(ref.rowIds);
    }
  });
});
