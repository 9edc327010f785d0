import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareResults } from '../../src/evaluate/compare-results.js';
import { match } from '../../src/match/match.js';
import { cohort, resultOf, skillsOnly, unmatchedMentee, unmatchedMentor, unmatchedPeer } from './_cohort.js';

describe('compareResults(a, b): hand-checked', () => {
  const a = resultOf({
    pairs: [['e-1', 'm-1', 90], ['e-2', 'm-2', 60]],
    unmatched: [unmatchedMentee('e-4'), unmatchedMentor('m-3')],
    configHash: 'aaaa',
  });
  const b = resultOf({
    pairs: [['e-1', 'm-1', 90], ['e-2', 'm-3', 70], ['e-3', 'm-2', 80]],
    unmatched: [unmatchedMentee('e-4', 'all-forbidden')],
    configHash: 'bbbb',
  });
  const c = compareResults(a, b);

  it('lists kept, added and removed pairs, new and gone participants, and the deltas', () => {
    expect(c.sameConfig).toBe(false);
    expect(c.kept).toBe(1);
    expect(c.added).toEqual([
      { menteeId: 'e-2', mentorId: 'm-3', score: 70 },
      { menteeId: 'e-3', mentorId: 'm-2', score: 80 },
    ]);
    expect(c.removed).toEqual([{ menteeId: 'e-2', mentorId: 'm-2', score: 60 }]);
    expect(c.newParticipants).toEqual(['e-3']);
    expect(c.goneParticipants).toEqual([]);
    expect(c.meanScoreDelta).toBeCloseTo(80 - 75, 9);
    expect(c.matchedDelta).toBe(2); // 4 matched of 6, then 6 of 7
    expect(c.configDifferences).toEqual([]);
  });

  it('explains each person whose partners changed, in id order', () => {
    expect(c.explanations).toEqual([
      { id: 'e-2', message: 'e-2 now has mentor m-3 (had m-2): m-3 was unmatched in the first run' },
      { id: 'e-3', message: 'e-3 is new in the second run and has mentor m-2' },
      { id: 'm-2', message: 'm-2 now mentors e-3 (mentored e-2): e-3 is new in the second run' },
      { id: 'm-3', message: "m-3 now mentors e-2 (was unmatched: not-needed): the cohort changed (1 new, 0 gone), which can move anyone's partner (hash aaaa vs bbbb)" },
    ]);
  });

  it('someone gone, someone unmatched now', () => {
    const d = compareResults(b, resultOf({ pairs: [['e-1', 'm-1', 90]], unmatched: [unmatchedMentee('e-2', 'no-capacity'), unmatchedMentee('e-4'), unmatchedMentor('m-3')], configHash: 'cccc' }));
    expect(d.goneParticipants).toEqual(['e-3', 'm-2']);
    expect(d.explanations).toEqual([
      { id: 'e-2', message: 'e-2 is now unmatched (had mentor m-3): no-capacity message (no-capacity); m-3 is unmatched in the second run' },
      { id: 'e-3', message: 'e-3 is not in the second run (had mentor m-2)' },
      { id: 'm-2', message: 'm-2 is not in the second run (mentored e-3)' },
      { id: 'm-3', message: 'm-3 is now unmatched (mentored e-2): not-needed message (not-needed); e-2 is unmatched in the second run' },
    ]);
  });

  it('someone both mentee and mentor: their mentees and their mentor are told apart', () => {
    // M10 mentors E14; then mentors E14 and E15, and has mentor M03 (issue 11: "M10 now has E14, E15, M03").
    const x = resultOf({ pairs: [['E14', 'M10', 90]], unmatched: [unmatchedMentor('M03')], configHash: '1111' });
    const y = resultOf({ pairs: [['E14', 'M10', 90], ['E15', 'M10', 80], ['M10', 'M03', 60]], unmatched: [], participants: 4, configHash: '2222' });
    const d = compareResults(x, y);
    expect(d.explanations.find((e) => e.id === 'M10')).toEqual({
      id: 'M10',
      message: 'M10 now mentors E14, E15 (mentored E14); now has mentor M03: E15 is new in the second run; M03 was unmatched in the first run',
    });
    expect(d.explanations.find((e) => e.id === 'M03')?.message).toMatch(/^M03 now mentors M10 \(was unmatched: not-needed\)/);
    // Losing the mentor while keeping the mentees, and the reverse.
    const z = resultOf({ pairs: [['E14', 'M10', 90]], unmatched: [unmatchedMentee('M10', 'no-capacity'), unmatchedMentor('M03')], participants: 4, configHash: '3333' });
    expect(compareResults(y, z).explanations.find((e) => e.id === 'M10')?.message).toBe(
      'M10 now mentors E14 (mentored E14, E15); no longer has a mentor (had mentor M03): no-capacity message (no-capacity); E15 is not in the second run; M03 is unmatched in the second run',
    );
    const w = resultOf({ pairs: [['M10', 'M03', 60]], unmatched: [unmatchedMentor('E14')], participants: 3, configHash: '4444' });
    expect(compareResults(y, w).explanations.find((e) => e.id === 'M10')?.message).toMatch(/^M10 no longer mentors anyone \(mentored E14, E15\): /);
  });

  it('same participants, different hash: the configuration (or the profiles) differ', () => {
    const x = resultOf({ pairs: [['e-1', 'm-1', 90], ['e-2', 'm-2', 60]], configHash: '1111' });
    const y = resultOf({ pairs: [['e-1', 'm-2', 80], ['e-2', 'm-1', 85]], configHash: '2222' });
    const d = compareResults(x, y);
    expect(d.explanations[0]).toEqual({ id: 'e-1', message: 'e-1 now has mentor m-2 (had m-1): configuration or profiles differ (hash 1111 vs 2222)' });
    expect(d.explanations).toHaveLength(4);
    const same = compareResults(x, { ...y, configHash: '1111' });
    expect(same.sameConfig).toBe(true);
    expect(same.explanations[0].message).toContain('same configuration and participants (hash 1111)');
  });
});

describe('compareResults(a, b, { configA, configB }) on match() results', () => {
  it('names the configuration keys that differ', () => {
    const a = match(cohort, { ...skillsOnly, mode: 'capacity' });
    const configB = { ...skillsOnly, mode: 'one-to-one' as const, weights: { ...skillsOnly.weights, seniority: 1 } };
    const b = match(cohort, configB);
    const c = compareResults(a, b, { configA: { ...skillsOnly, mode: 'capacity' }, configB });
    expect(c.configDifferences).toEqual(['mode', 'weights.seniority']);
    expect(c.sameConfig).toBe(false);
    expect(c.explanations.length).toBeGreaterThan(0);
    for (const e of c.explanations) expect(e.message).toContain('configuration differs in mode, weights.seniority');
  });

  it('equal configurations with a different hash point at the profiles', () => {
    const a = match(cohort, { ...skillsOnly, mode: 'one-to-one' });
    const edited = cohort.map((p) => (p.id === 'm-2' ? { ...p, skillsOffered: [{ name: 'sql', level: undefined }] } : p));
    const b = match(edited, { ...skillsOnly, mode: 'one-to-one' });
    const c = compareResults(a, b, { configA: { ...skillsOnly, mode: 'one-to-one' }, configB: { ...skillsOnly, mode: 'one-to-one' } });
    expect(c.configDifferences).toEqual([]);
    for (const e of c.explanations) expect(e.message).toMatch(/profiles differ|unmatched/);
  });

  it('a run compared with itself: everything kept, nothing to explain', () => {
    const a = match(cohort, skillsOnly);
    expect(compareResults(a, a)).toMatchObject({ sameConfig: true, kept: a.pairs.length, added: [], removed: [], newParticipants: [], goneParticipants: [], explanations: [], meanScoreDelta: 0, matchedDelta: 0 });
  });

  it('empty results', () => {
    const e = match([], skillsOnly);
    expect(compareResults(e, e)).toMatchObject({ kept: 0, added: [], removed: [], explanations: [] });
  });

  it('peer trios count as the pairs of their members', () => {
    const a = resultOf({ mode: 'peer', groups: [{ memberIds: ['c', 'a', 'b'], score: 40, concerns: [] }] });
    const b = resultOf({ mode: 'peer', pairs: [['a', 'b', 70]], unmatched: [unmatchedPeer('c')] });
    const c = compareResults(a, b);
    expect(c.kept).toBe(1);
    expect(c.removed).toEqual([
      { menteeId: 'a', mentorId: 'c', score: 40 },
      { menteeId: 'b', mentorId: 'c', score: 40 },
    ]);
    expect(c.explanations.map((x) => x.id)).toEqual(['a', 'b', 'c']);
    expect(c.explanations[2].message).toBe('c is now unmatched (had a, b): odd-one-out message (odd-one-out)');
  });
});

describe('compareResults: properties', () => {
  const arb = fc.array(fc.tuple(fc.nat(5), fc.nat(3), fc.integer({ min: 0, max: 100 })), { maxLength: 8 }).map((ps) => {
    const seen = new Set<string>();
    const pairs = ps.map(([i, j, s]) => [`e-${i}`, `m-${j}`, s] as const).filter(([e, m]) => !seen.has(`${e}|${m}`) && (seen.add(`${e}|${m}`), true));
    return resultOf({ pairs, configHash: String(pairs.length) });
  });

  it('compareResults(a, a) adds and removes nothing; kept + added = |b|, kept + removed = |a|', () => {
    fc.assert(
      fc.property(arb, arb, (a, b) => {
        const self = compareResults(a, a);
        expect(self.added).toEqual([]);
        expect(self.removed).toEqual([]);
        expect(self.explanations).toEqual([]);
        expect(self.kept).toBe(a.pairs.length);
        const c = compareResults(a, b);
        expect(c.kept + c.added.length).toBe(b.pairs.length);
        expect(c.kept + c.removed.length).toBe(a.pairs.length);
        const ids = c.explanations.map((e) => e.id);
        expect(ids).toEqual([...ids].sort());
        // Everyone in an added or removed pair has an explanation.
        for (const p of [...c.added, ...c.removed]) expect(ids).toEqual(expect.arrayContaining([p.menteeId, p.mentorId]));
      }),
    );
  });
});
