import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/evaluate/summarize.js';
import { match } from '../../src/match/match.js';
import { parseParticipants } from '../../src/profile/parse.js';
import { expectMatchError } from '../_helpers/expect-error.js';
import type { AnyPair, MatchResult, PairsResult, PeerResult } from '../../src/match/types.js';
import { CONCERN_CODES, type Concern } from '../../src/score/concerns.js';
import { cohort, resultOf, skillsOnly, unmatchedMentee, unmatchedMentor, unmatchedPeer } from './_cohort.js';

describe('summarize(result, participants): hand-checked on a small cohort', () => {
  // capacity mode, best total: e-1–m-1 (100), e-2–m-2 (100), e-3–m-2 (0: rust is not offered).
  const result = match(cohort, { ...skillsOnly, mode: 'capacity' });
  const s = summarize(result, cohort);

  it('counts people and the match rate', () => {
    expect(result.pairs.map((p) => [p.menteeId, p.mentorId, p.score])).toEqual([
      ['e-1', 'm-1', 100],
      ['e-2', 'm-2', 100],
      ['e-3', 'm-2', 0],
    ]);
    expect(s).toMatchObject({ mode: 'capacity', participants: 5, matched: 5, unmatched: 0, matchRate: 1, unmatchedByReason: {} });
  });

  it('gives the score distribution with R-7 quantiles (scores 0, 100, 100)', () => {
    expect(s.scores.count).toBe(3);
    expect(s.scores.mean).toBeCloseTo(200 / 3, 9);
    expect(s.scores).toMatchObject({ min: 0, max: 100, median: 100, p75: 100, p90: 100 });
    expect(s.scores.p25).toBeCloseTo(50, 9); // h = 2 · 0.25 = 0.5 → halfway from 0 to 100
    expect(s.scores.p10).toBeCloseTo(20, 9);
  });

  it('averages each criterion over the pairs', () => {
    expect(s.criteria).toHaveLength(1);
    expect(s.criteria[0].name).toBe('skills');
    expect(s.criteria[0].meanContribution).toBeCloseTo(200 / 3, 9);
    expect(s.criteria[0].meanScore).toBeCloseTo(2 / 3, 9);
    expect(s.criteria[0].applies).toBe(3);
  });

  it('reports mentor load against capacity and its Gini (loads 1 and 2 → 1/6)', () => {
    expect(s.mentorLoad).toEqual([
      { id: 'm-1', name: 'Mia', load: 1, capacity: 1 },
      { id: 'm-2', name: 'Max', load: 2, capacity: 2 },
    ]);
    expect(s.loadGini).toBeCloseTo(1 / 6, 12);
  });

  it('counts cross-department pairs among pairs where both departments are known (eng–eng, sales–ops, eng–ops → 2/3)', () => {
    expect(s.crossDepartmentShare).toBeCloseTo(2 / 3, 12);
  });

  it('lists skills short of mentors, worst first: nobody offers rust', () => {
    expect(s.shortfalls).toEqual([{ skill: 'rust', demand: 1, supply: 0, placesShort: 1, unserved: 1, mentorsShort: 1 }]);
  });

  it('counts matched mentees with an essential fit: e-3 wants rust, which nobody teaches (2 of 3)', () => {
    expect(result.pairs.map((p) => p.essentialFit)).toEqual([true, true, false]);
    expect(s.essentialFit).toEqual({ mentees: 2, of: 3, rate: 2 / 3 });
  });

  it('counts pairs per concern code, every code in CONCERN_CODES order, zeros included', () => {
    expect(Object.keys(s.concerns)).toEqual([...CONCERN_CODES]);
    expect(s.concerns).toEqual({ 'no-wanted-skill': 1, 'no-shared-language': 0, 'no-common-time': 0, 'time-zone-gap': 0, 'mentor-not-senior': 0 });
    expect(s.pairsWithConcerns).toBe(1);
    expect(Object.values(s.groupConcerns)).toEqual([0, 0, 0, 0, 0]);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(s)).toBe(true);
    expect(Object.isFrozen(s.mentorLoad[0])).toBe(true);
    expect(Object.isFrozen(s.essentialFit)).toBe(true);
    expect(Object.isFrozen(s.concerns)).toBe(true);
  });
});

describe('summarize(result): essential fit and concerns', () => {
  const concern = (code: Concern['code']): Concern => ({ code, message: `${code} message` });
  /** A hand-built result whose pairs carry the given fit and concerns. */
  function withChecks(pairs: readonly (readonly [string, string, boolean, readonly Concern['code'][]])[]): PairsResult;
  function withChecks(pairs: readonly (readonly [string, string, boolean, readonly Concern['code'][]])[], mode: 'peer'): PeerResult;
  function withChecks(pairs: readonly (readonly [string, string, boolean, readonly Concern['code'][]])[], mode: 'capacity' | 'peer' = 'capacity'): MatchResult {
    const triples = pairs.map(([a, b]) => [a, b, 50] as const);
    const check = <P extends AnyPair>(p: P, k: number): P => ({ ...p, essentialFit: pairs[k][2], concerns: pairs[k][3].map(concern) });
    if (mode === 'peer') {
      const r = resultOf({ mode, pairs: triples });
      return { ...r, pairs: r.pairs.map(check) };
    }
    const r = resultOf({ mode, pairs: triples });
    return { ...r, pairs: r.pairs.map(check) };
  }

  it('a mentee with several mentors counts once, as a fit when any of their pairs is one', () => {
    const r = withChecks([
      ['e-1', 'm-1', false, ['no-shared-language']],
      ['e-1', 'm-2', true, []],
      ['e-2', 'm-1', false, ['no-wanted-skill', 'no-common-time']],
      ['e-3', 'm-2', true, ['time-zone-gap', 'mentor-not-senior']],
    ]);
    const s = summarize(r);
    expect(s.essentialFit).toEqual({ mentees: 2, of: 3, rate: 2 / 3 });
    expect(s.concerns).toEqual({ 'no-wanted-skill': 1, 'no-shared-language': 1, 'no-common-time': 1, 'time-zone-gap': 1, 'mentor-not-senior': 1 });
    expect(s.pairsWithConcerns).toBe(3);
  });

  it('a code repeated within one pair counts once for that pair', () => {
    const s = summarize(withChecks([['e-1', 'm-1', false, ['no-common-time', 'no-common-time']]]));
    expect(s.concerns['no-common-time']).toBe(1);
    expect(s.pairsWithConcerns).toBe(1);
  });

  it('peer mode counts both peers of a pair; trios and circles are not counted', () => {
    const r = withChecks([['a', 'b', true, []], ['c', 'd', false, ['no-shared-language']]], 'peer');
    const s = summarize({ ...r, groups: [{ memberIds: ['e', 'f', 'g'], score: 10, concerns: [concern('no-common-time')] }] });
    expect(s.essentialFit).toEqual({ mentees: 2, of: 4, rate: 0.5 });
    expect(s.groupConcerns['no-common-time']).toBe(1);
    expect(s.concerns['no-common-time']).toBe(0);
  });

  it('no pairs: 0 of 0 at rate 0, every count 0', () => {
    const s = summarize(resultOf({ pairs: [], unmatched: [unmatchedMentee('e-1')] }));
    expect(s.essentialFit).toEqual({ mentees: 0, of: 0, rate: 0 });
    expect(Object.values(s.concerns)).toEqual([0, 0, 0, 0, 0]);
    expect(s.pairsWithConcerns).toBe(0);
  });

  it('a result written before concerns existed (no concerns field) counts none instead of throwing', () => {
    const r = resultOf({ pairs: [['e-1', 'm-1', 80]] });
    const old = { ...r, pairs: r.pairs.map(({ concerns: _c, essentialFit: _f, ...rest }) => rest) } as unknown as typeof r;
    const s = summarize(old);
    expect(s.pairsWithConcerns).toBe(0);
    expect(s.essentialFit).toEqual({ mentees: 0, of: 1, rate: 0 });
  });
});

describe('summarize(result, participants): modes and edge cases', () => {
  it('one-to-one: one place per mentor, unmatched counted by reason', () => {
    const r = match(cohort, { ...skillsOnly, mode: 'one-to-one' });
    const s = summarize(r, cohort);
    expect(s.mentorLoad.map((m) => [m.id, m.load, m.capacity])).toEqual([
      ['m-1', 1, 1],
      ['m-2', 1, 1],
    ]);
    expect(s.loadGini).toBe(0);
    expect(s.unmatched).toBe(1);
    expect(s.matchRate).toBeCloseTo(4 / 5, 12);
    // Mentees and mentors apart: 2 of 3 mentees have a mentor, although 4 of 5 people are matched.
    expect(s.sides).toEqual([
      { role: 'mentee', total: 3, matched: 2, rate: 2 / 3 },
      { role: 'mentor', total: 2, matched: 2, rate: 1 },
    ]);
    expect(s.fairnessPrice).toBeNull();
    expect(s.unmatchedByReason).toEqual({ 'no-capacity': 1 });
    // python: 2 wanted, 2 places; sql: 1 and 1; rust: 1 wanted, none offered.
    expect(s.shortfalls.map((x) => x.skill)).toEqual(['rust']);
  });

  it('without participants: no capacity, no departments, no shortfalls; mentors are those the result names', () => {
    const r = match(cohort, { ...skillsOnly, mode: 'one-to-one' });
    const s = summarize(r);
    expect(s.mentorLoad).toEqual([
      { id: 'm-1', name: undefined, load: 1, capacity: undefined },
      { id: 'm-2', name: undefined, load: 1, capacity: undefined },
    ]);
    expect(s.crossDepartmentShare).toBeNull();
    expect(s.shortfalls).toEqual([]);
  });

  it('sides: a mentee with two mentors counts once; peer mode has one side, the peers', () => {
    const r = resultOf({ pairs: [['e-1', 'm-1', 50], ['e-1', 'm-2', 40]], unmatched: [unmatchedMentee('e-2', 'no-capacity')] });
    expect(summarize(r).sides).toEqual([
      { role: 'mentee', total: 2, matched: 1, rate: 0.5 },
      { role: 'mentor', total: 2, matched: 2, rate: 1 },
    ]);
    const peers = match(cohort.filter((p) => p.roles.includes('mentee')), { ...skillsOnly, mode: 'peer' });
    const [side, ...rest] = summarize(peers).sides;
    expect(rest).toEqual([]);
    expect(side).toMatchObject({ role: 'peer', total: 3, matched: 3 - peers.unmatched.length });
  });

  it('fairnessPrice: the price of fairness with the best total it is given up from', () => {
    const total = match(cohort, { ...skillsOnly, mode: 'one-to-one' });
    const fair = match(cohort, { ...skillsOnly, mode: 'one-to-one', objective: 'fairness' });
    const p = summarize(fair, cohort).fairnessPrice!;
    expect(p.of).toBeCloseTo(total.objective.value, 9);
    expect(p.points).toBeCloseTo(total.objective.value - fair.stats.totalScore, 9);
    expect(p.share).toBeCloseTo(p.points / p.of, 12);
    expect(p.perPair).toBeCloseTo(p.points / fair.pairs.length, 12);
  });

  it('empty result: zeros everywhere', () => {
    const s = summarize(match([], skillsOnly), []);
    expect(s).toMatchObject({ participants: 0, matched: 0, matchRate: 0, criteria: [], mentorLoad: [], loadGini: 0, crossDepartmentShare: null, shortfalls: [] });
    expect(s.scores).toEqual({ count: 0, mean: 0, min: 0, p10: 0, p25: 0, median: 0, p75: 0, p90: 0, max: 0 });
  });

  it('no pairs: unmatched mentors still get a load of 0', () => {
    const r = resultOf({ pairs: [], unmatched: [unmatchedMentee('e-1', 'all-forbidden'), unmatchedMentor('m-1', 'all-forbidden'), unmatchedMentor('m-2', 'all-forbidden')] });
    const s = summarize(r);
    expect(s.mentorLoad.map((m) => m.load)).toEqual([0, 0]);
    expect(s.loadGini).toBe(0);
    expect(s.unmatchedByReason).toEqual({ 'all-forbidden': 3 });
    expect(s.criteria).toEqual([]);
  });

  it('group mode: load is the number of group members (match lists one pair per member too)', () => {
    const r = match(cohort, { ...skillsOnly, mode: 'group', group: { minSize: 1 } });
    const s = summarize(r, cohort);
    expect(r.groups.length).toBeGreaterThan(0);
    for (const g of r.groups) expect(s.mentorLoad.find((m) => m.id === g.mentorId)!.load).toBe(g.memberIds.length);
    // A hand-built group result without pairs counts the members as well.
    const hand = resultOf({ mode: 'group', groups: [{ mentorId: 'm-2', memberIds: ['e-1', 'e-2'], score: 75, concerns: [] }] });
    expect(summarize(hand).mentorLoad).toEqual([{ id: 'm-2', name: undefined, load: 2, capacity: undefined }]);
  });

  it('peer mode: no mentor load; a trio counts once with its mean score; peers are both sides of the shortfall', () => {
    const pool = parseParticipants([
      { id: 'a', role: 'peer', skillsWanted: 'go', skillsOffered: 'python' },
      { id: 'b', role: 'peer', skillsWanted: 'python', skillsOffered: 'go' },
      { id: 'c', role: 'peer', skillsWanted: 'rust' },
      { id: 'd', role: 'peer', skillsWanted: 'rust' },
      { id: 'e', role: 'peer', skillsWanted: 'rust' },
    ]);
    const r = resultOf({ mode: 'peer', pairs: [['a', 'b', 100]], groups: [{ memberIds: ['c', 'd', 'e'], score: 0, concerns: [] }] });
    const s = summarize(r, pool);
    expect(s.mentorLoad).toEqual([]);
    expect(s.loadGini).toBe(0);
    expect(s.scores.count).toBe(2);
    expect(s.scores.mean).toBe(50);
    expect(s.shortfalls).toEqual([{ skill: 'rust', demand: 3, supply: 0, placesShort: 3, unserved: 3, mentorsShort: 3 }]);
  });

  it('mentorsShort is the missing places in mentors of average capacity, rounded up', () => {
    const ppl = parseParticipants([
      ...['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, role: 'mentee', skillsWanted: 'go' })),
      { id: 'x', role: 'mentor', skillsOffered: 'go', capacity: 1 },
      { id: 'y', role: 'mentor', skillsOffered: 'python', capacity: 3 },
    ]);
    const r = match(ppl, skillsOnly);
    const s = summarize(r, ppl);
    // demand 5, supply 1 (x), 4 places short; average capacity (1 + 3) / 2 = 2 → 2 mentors short.
    expect(s.shortfalls).toEqual([{ skill: 'go', demand: 5, supply: 1, placesShort: 4, unserved: 4, mentorsShort: 2 }]);
  });

  it('a wanted skill with enough places is still listed when a mentee got no mentor offering it', () => {
    // e-1 wants python and sql; in one-to-one with m-1 taken by e-2 … build it by hand: e-1 with m-2 (python only).
    const r = resultOf({ pairs: [['e-1', 'm-2', 50], ['e-2', 'm-1', 100]], unmatched: [unmatchedMentee('e-3')] });
    const s = summarize(r, cohort);
    expect(s.shortfalls).toEqual([
      { skill: 'rust', demand: 1, supply: 0, placesShort: 1, unserved: 1, mentorsShort: 1 },
      { skill: 'sql', demand: 1, supply: 1, placesShort: 0, unserved: 1, mentorsShort: 0 },
    ]);
  });

  it('throws INVALID_INPUT when the participants miss someone the result names', () => {
    const r = match(cohort, skillsOnly);
    expectMatchError(() => summarize(r, cohort.slice(1)), 'INVALID_INPUT');
    expectMatchError(() => summarize(r, [...cohort, cohort[0]]), 'INVALID_INPUT');
  });
});

describe('summarize(result): properties', () => {
  it('rates in [0, 1], quantiles ordered, Gini in [0, 1), loads sum to the pairs', () => {
    const arb = fc.record({
      pairs: fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 3 }), fc.double({ min: 0, max: 100, noNaN: true })), { maxLength: 12 }),
      unmatched: fc.integer({ min: 0, max: 4 }),
    });
    fc.assert(
      fc.property(arb, ({ pairs, unmatched }) => {
        const r = resultOf({
          pairs: pairs.map(([i, j, s]) => [`e-${i}`, `m-${j}`, s] as const),
          unmatched: Array.from({ length: unmatched }, (_, k) => unmatchedPeer(`u-${k}`, k % 2 ? 'odd-one-out' : 'not-in-circle')),
        });
        const s = summarize(r);
        expect(s.matchRate).toBeGreaterThanOrEqual(0);
        expect(s.matchRate).toBeLessThanOrEqual(1);
        const q = [s.scores.min, s.scores.p10, s.scores.p25, s.scores.median, s.scores.p75, s.scores.p90, s.scores.max];
        for (let k = 1; k < q.length; k++) expect(q[k]).toBeGreaterThanOrEqual(q[k - 1] - 1e-9);
        expect(s.loadGini).toBeGreaterThanOrEqual(0);
        expect(s.loadGini).toBeLessThan(1);
        expect(s.mentorLoad.reduce((a, m) => a + m.load, 0)).toBe(pairs.length);
        expect(Object.values(s.unmatchedByReason).reduce((a, b) => a + b, 0)).toBe(unmatched);
        expect(s.mentorLoad.map((m) => m.id)).toEqual([...s.mentorLoad.map((m) => m.id)].sort());
      }),
    );
  });
});
