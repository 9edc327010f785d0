import { describe, expect, it } from 'vitest';

import { reportData } from '../../../src/io/report/data.js';
import { CONCERN_CODES, CONCERN_LABELS } from '../../../src/score/concerns.js';
import type { PairsResult } from '../../../src/match/types.js';
import { evidenceText } from './_html.js';

const resultWith = (evidence: string[][]): PairsResult => ({
  mode: 'one-to-one',
  pairs: evidence.map((ev, k) => ({
    menteeId: `e-${k}`,
    mentorId: 'm-1',
    score: 50.04,
    locked: k === 0,
    essentialFit: k === 0,
    concerns: k === 0 ? [] : [{ code: 'no-shared-language', message: `no shared language: e-${k} speaks french; m-1 speaks english` }, { code: 'time-zone-gap', message: '9 hours apart: e-1 in Asia/Tokyo, m-1 in Europe/Berlin' }],
    breakdown: [
      { name: 'skills', weight: 2, configuredWeight: 2, must: true, score: 0.5049, contribution: 33.349, evidence: ev },
      { name: 'location', weight: 1, configuredWeight: 1, must: false, score: null, contribution: 0, evidence: [] },
    ],
  })),
  unmatched: [{ id: 'e-9', role: 'mentee', reason: { code: 'no-capacity', message: 'full' } }],
  stats: { participants: 0, matched: 0, unmatched: 0, pairs: 0, meanScore: 0, lowestScore: 0, totalScore: 0 },
  objective: { name: 'best-total', value: 0 },
  tiers: [],
  search: { exact: true, converged: true, moves: 0 },
  configHash: 'h',
});

describe('reportData(result, participants)', () => {
  it('stores evidence as a shared template plus its numbers, and gives back the exact text', () => {
    const evidence = [
      ['openness 71 vs 88 (similar, 83/100)', 'both free Mon 09:00–10:00', 'no digits here'],
      ['openness 5 vs 0 (similar, 95/100)', 'id 12345678901234567890 and 007', 'a \u0000 b 1'],
    ];
    const data = reportData(resultWith(evidence));
    data.pairs.forEach((row, k) => expect(row[6][0].map((e) => evidenceText(data, e))).toEqual(evidence[k]));
    // one template serves both openness lines
    expect(data.pairs[0][6][0][0]).toEqual([expect.any(Number), 71, 88, 83, 100]);
    expect((data.pairs[1][6][0][0] as readonly number[])[0]).toBe((data.pairs[0][6][0][0] as readonly number[])[0]);
    // leading zeros and long runs stay strings; text without digits is a plain index
    expect(data.pairs[0][6][0][1]).toEqual([expect.any(Number), '09', '00', 10, '00']);
    expect(data.pairs[1][6][0][1]).toEqual([expect.any(Number), '12345678901234567890', '007']);
    expect(typeof data.pairs[0][6][0][2]).toBe('number');
    expect(typeof data.pairs[1][6][0][2]).toBe('number'); // contains U+0000 itself: stored whole
  });

  it('rounds numbers, keeps null criterion scores, and lists criteria once with weight and must', () => {
    const data = reportData(resultWith([['x'], ['y']]));
    expect(data.criteria).toEqual([
      ['skills', 2, true],
      ['location', 1, false],
    ]);
    expect(data.pairs[0].slice(0, 6)).toEqual([0, 1, 50, 1, [33.3, 0], [50, null]]); // criterion scores on 0–100, as the pair score and `explain`
    expect(data.pairs[1][3]).toBe(0);
    expect(data.people).toEqual([
      ['e-0', null, null],
      ['m-1', null, null],
      ['e-1', null, null],
      ['e-9', null, null],
    ]);
    expect(data.unmatched).toEqual([[3, 'mentee', data.strings.indexOf('no-capacity'), data.strings.indexOf('full')]]);
  });

  it('stores essential fit as 0/1 and each concern as [kind, message], kind indexing concernKinds (CONCERN_CODES order)', () => {
    const data = reportData(resultWith([['x'], ['y'], ['z']]));
    expect(data.concernKinds).toEqual(CONCERN_CODES.map((c) => [c, CONCERN_LABELS[c]]));
    expect(data.pairs.map((p) => p[7])).toEqual([1, 0, 0]);
    expect(data.pairs[0][8]).toEqual([]);
    const shown = data.pairs[1][8].map(([k, m]) => [data.concernKinds[k][0], evidenceText(data, m)]);
    expect(shown).toEqual([
      ['no-shared-language', 'no shared language: e-1 speaks french; m-1 speaks english'],
      ['time-zone-gap', '9 hours apart: e-1 in Asia/Tokyo, m-1 in Europe/Berlin'],
    ]);
    // messages share templates like evidence: the two time-zone lines are one string
    expect(data.pairs[2][8][1]).toEqual(data.pairs[1][8][1]);
  });

  it('gives each group its own concerns', () => {
    const r = resultWith([['x']]);
    const data = reportData({
      ...r,
      mode: 'group',
      group: { minSize: 1, maxSize: undefined },
      groups: [
        { mentorId: 'm-1', memberIds: ['e-0'], score: 50, concerns: [{ code: 'no-common-time', message: 'the group has no common time: m-1, e-0 share 10 min a week all together' }] },
        { mentorId: 'm-2', memberIds: ['e-5'], score: 40, concerns: [] },
      ],
    });
    expect(data.groups.map((g) => g[3].map(([k, m]) => [data.concernKinds[k][0], evidenceText(data, m)]))).toEqual([
      [['no-common-time', 'the group has no common time: m-1, e-0 share 10 min a week all together']],
      [],
    ]);
  });
});
