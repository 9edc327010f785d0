import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fairnessAudit } from '../../src/evaluate/fairness-audit.js';
import { match } from '../../src/match/match.js';
import { parseParticipants } from '../../src/profile/parse.js';
import { expectMatchError } from '../_helpers/expect-error.js';
import { cohort, resultOf, skillsOnly, unmatchedMentee, unmatchedMentor, unmatchedPeer } from './_cohort.js';

// Pairs: e-1–m-2 (50), e-2–m-1 (100); e-3 unmatched.
const result = resultOf({ pairs: [['e-1', 'm-2', 50], ['e-2', 'm-1', 100]], unmatched: [unmatchedMentee('e-3')] });

describe('fairnessAudit(result, participants, attribute): hand-checked', () => {
  it('by location: berlin (e-1, m-1), lisbon (e-2, m-2), (missing) (e-3)', () => {
    const a = fairnessAudit(result, cohort, 'location');
    expect(a.attribute).toBe('location');
    expect(a.groups).toEqual([
      { value: 'berlin', participants: 2, matched: 2, matchRate: 1, meanScore: 75, minScore: 50 },
      { value: 'lisbon', participants: 2, matched: 2, matchRate: 1, meanScore: 75, minScore: 50 },
      { value: '(missing)', participants: 1, matched: 0, matchRate: 0, meanScore: null, minScore: null },
    ]);
    expect(a.matchRateGap).toEqual({ gap: 1, highest: 'berlin', lowest: '(missing)' });
    expect(a.meanScoreGap).toEqual({ gap: 0, highest: 'berlin', lowest: 'berlin' });
  });

  it('by a custom attribute, key normalised (" GENDER " finds gender), mentees only', () => {
    const a = fairnessAudit(result, cohort, ' GENDER ', { role: 'mentee' });
    expect(a.attribute).toBe('gender');
    expect(a.role).toBe('mentee');
    expect(a.groups.map((g) => [g.value, g.participants, g.matched, g.meanScore])).toEqual([
      ['f', 1, 1, 50],
      ['m', 1, 1, 100],
      ['(missing)', 1, 0, null],
    ]);
    expect(a.meanScoreGap).toEqual({ gap: 50, highest: 'm', lowest: 'f' });
    expect(a.matchRateGap).toEqual({ gap: 1, highest: 'f', lowest: '(missing)' });
  });

  it('a person’s score is the mean of their pair scores (m-2 with two mentees)', () => {
    const r = resultOf({ pairs: [['e-1', 'm-2', 50], ['e-2', 'm-2', 100]], unmatched: [unmatchedMentee('e-3'), unmatchedMentor('m-1')] });
    const a = fairnessAudit(r, cohort, 'department', { role: 'mentor' });
    expect(a.groups).toEqual([
      { value: 'eng', participants: 1, matched: 0, matchRate: 0, meanScore: null, minScore: null },
      { value: 'ops', participants: 1, matched: 1, matchRate: 1, meanScore: 75, minScore: 75 },
    ]);
  });

  it('numeric values sort numerically (seniority 1, 2, 4, 5)', () => {
    const a = fairnessAudit(result, cohort, 'seniority');
    expect(a.groups.map((g) => g.value)).toEqual(['1', '2', '4', '5']);
    expect(a.groups[0]).toMatchObject({ participants: 2, matched: 1, matchRate: 0.5, meanScore: 100 });
  });

  it('boolean values become strings; people without the attribute are (missing)', () => {
    const a = fairnessAudit(result, cohort, 'remote');
    expect(a.groups.map((g) => [g.value, g.participants])).toEqual([
      ['true', 1],
      ['(missing)', 4],
    ]);
  });

  it('a built-in name wins; attributes.<name> reads the custom attribute of that name', () => {
    const ppl = parseParticipants([
      { id: 'a', role: 'mentee', department: 'eng', attributes: { department: 'legacy-eng' } },
      { id: 'b', role: 'mentor' },
    ]);
    const r = resultOf({ pairs: [['a', 'b', 10]] });
    expect(fairnessAudit(r, ppl, 'department').groups.map((g) => g.value)).toEqual(['eng', '(missing)']);
    expect(fairnessAudit(r, ppl, 'attributes.department').groups.map((g) => g.value)).toEqual(['legacy-eng', '(missing)']) // values are kept as written;
  });

  it('group mode through match(): group members are matched', () => {
    const r = match(cohort, { ...skillsOnly, mode: 'group', group: { minSize: 1 } });
    const a = fairnessAudit(r, cohort, 'department');
    const matched = new Set(r.pairs.flatMap((p) => [p.menteeId, p.mentorId]));
    expect(a.groups.reduce((s, g) => s + g.matched, 0)).toBe(matched.size);
  });

  it('peer mode: a circle member’s score is the circle’s mean score', () => {
    const pool = parseParticipants(['a', 'b', 'c', 'd'].map((id, k) => ({ id, role: 'peer', location: k < 2 ? 'x' : 'y' })));
    const r = resultOf({ mode: 'peer', groups: [{ memberIds: ['a', 'b', 'c'], score: 60, concerns: [] }], unmatched: [unmatchedPeer('d')] });
    const a = fairnessAudit(r, pool, 'location');
    expect(a.groups).toEqual([
      { value: 'x', participants: 2, matched: 2, matchRate: 1, meanScore: 60, minScore: 60 },
      { value: 'y', participants: 2, matched: 1, matchRate: 0.5, meanScore: 60, minScore: 60 },
    ]);
  });

  it('one group only: gaps are 0; nobody matched: meanScoreGap names nobody', () => {
    const ppl = parseParticipants([{ id: 'a', role: 'mentee', location: 'x' }]);
    const a = fairnessAudit(resultOf({ unmatched: [unmatchedMentee('a')] }), ppl, 'location');
    expect(a.matchRateGap).toEqual({ gap: 0, highest: 'x', lowest: 'x' });
    expect(a.meanScoreGap).toEqual({ gap: 0, highest: '', lowest: '' });
  });

  it('throws INVALID_CONFIG when nobody has the attribute, naming the attributes that exist', () => {
    const e = expectMatchError(() => fairnessAudit(result, cohort, 'shoe size'), 'INVALID_CONFIG');
    expect(e.message).toContain("'shoe size'");
    expect(e.message).toContain('gender, remote');
    expectMatchError(() => fairnessAudit(result, [], 'location'), 'INVALID_CONFIG');
    expectMatchError(() => fairnessAudit(result, cohort, 'remote', { role: 'mentor' }), 'INVALID_CONFIG');
    expectMatchError(() => fairnessAudit(result, cohort, ''), 'INVALID_CONFIG');
    expectMatchError(() => fairnessAudit(result, [...cohort, cohort[0]], 'location'), 'INVALID_INPUT');
  });
});

describe('fairnessAudit: properties', () => {
  it('groups partition the cohort; matched people add up; rates in [0, 1]; gaps ≥ 0', () => {
    const arb = fc.record({
      values: fc.array(fc.option(fc.constantFrom('a', 'b', 'c', 'd'), { nil: undefined }), { minLength: 1, maxLength: 12 }),
      pairs: fc.array(fc.tuple(fc.nat(11), fc.nat(11), fc.integer({ min: 0, max: 100 })), { maxLength: 8 }),
    });
    fc.assert(
      fc.property(arb, ({ values, pairs }) => {
        fc.pre(values.some((v) => v !== undefined));
        const n = values.length;
        const ppl = parseParticipants(values.map((v, k) => ({ id: `p${k}`, role: 'peer', ...(v ? { attributes: { team: v } } : {}) })));
        const ps = pairs.filter(([x, y]) => x < n && y < n && x !== y).map(([x, y, s]) => [`p${Math.min(x, y)}`, `p${Math.max(x, y)}`, s] as const);
        const placed = new Set<string>(ps.flatMap(([x, y]) => [x, y]));
        const r = resultOf({ mode: 'peer', pairs: ps, unmatched: ppl.filter((p) => !placed.has(p.id)).map((p) => unmatchedPeer(p.id)) });
        const a = fairnessAudit(r, ppl, 'team');
        expect(a.groups.reduce((s, g) => s + g.participants, 0)).toBe(n);
        expect(a.groups.reduce((s, g) => s + g.matched, 0)).toBe(placed.size);
        for (const g of a.groups) {
          expect(g.matchRate).toBeGreaterThanOrEqual(0);
          expect(g.matchRate).toBeLessThanOrEqual(1);
          if (g.meanScore !== null) expect(g.minScore!).toBeLessThanOrEqual(g.meanScore + 1e-9);
        }
        expect(a.matchRateGap.gap).toBeGreaterThanOrEqual(0);
        expect(a.meanScoreGap.gap).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe('fairnessAudit(…, { role }) counts a person with both roles by the role asked about', () => {
  it('someone who mentors but got no mentor is not a matched mentee', () => {
    const people = parseParticipants([
      { id: 'a', role: 'mentee', attributes: { site: 'x' }, skillsWanted: ['go'] },
      { id: 'b', role: ['mentor', 'mentee'], attributes: { site: 'y' }, skillsOffered: ['go'], skillsWanted: ['rust'], capacity: 1 },
    ]);
    const r = match(people, { mode: 'capacity' });
    expect(r.pairs.map((p) => [p.menteeId, p.mentorId])).toEqual([['a', 'b']]);
    const asMentee = fairnessAudit(r, people, 'site', { role: 'mentee' });
    expect(asMentee.groups.find((g) => g.value === 'y')).toMatchObject({ participants: 1, matched: 0, matchRate: 0, meanScore: null });
    const asMentor = fairnessAudit(r, people, 'site', { role: 'mentor' });
    expect(asMentor.groups).toMatchObject([{ value: 'y', participants: 1, matched: 1 }]);
  });
});
