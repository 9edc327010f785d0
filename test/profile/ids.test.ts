/**
 * Ids that look alike (issue 12): one normalisation for every id and every reference to
 * one, duplicates after it are `duplicate_id`, ids that differ only by case a warning
 * naming both participants, and counts beyond the 32-bit arrays refused where read.
 */
import { describe, expect, it } from 'vitest';

import { match } from '../../src/match/match.js';
import { caseKey, normalizeId } from '../../src/profile/ids.js';
import { parseParticipants, safeParseParticipants } from '../../src/profile/parse.js';

const NFC = 'Jos\u00e9';
const NFD = 'Jose\u0301';

describe('normalizeId(raw)', () => {
  it.each([
    ['NFD → NFC', NFD, NFC],
    ['zero-width space', 'a\u200Bna', 'ana'],
    ['zero-width non-joiner and joiner', '\u200Cana\u200D', 'ana'],
    ['word joiner', 'an\u2060a', 'ana'],
    ['byte-order mark', '\uFEFFana', 'ana'],
    ['surrounding spaces', '  ana ', 'ana'],
    ['case kept', 'Ana', 'Ana'],
  ])('normalizeId: %s', (_, raw, want) => {
    expect(normalizeId(raw)).toBe(want);
  });

  it('caseKey(id) is equal for ids that differ only by case', () => {
    expect(caseKey('ANA')).toBe(caseKey('ana'));
    expect(caseKey('ana')).not.toBe(caseKey('anna'));
  });
});

describe('parseParticipants(input): ids equal after normalisation are one id', () => {
  it('an NFC id and its NFD spelling are a duplicate_id, not two people', () => {
    const r = safeParseParticipants([
      { id: NFC, role: 'mentor' },
      { id: NFD, role: 'mentee' },
    ]);
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues.map((i) => [i.index, i.code])).toEqual([[1, 'duplicate_id']]);
    expect(r.issues[0]!.found).toContain('index 0');
  });

  it('an id with a zero-width character is a duplicate_id of the id without it', () => {
    const r = safeParseParticipants([
      { id: 'ana', role: 'mentor' },
      { id: 'a\u200Bna', role: 'mentee' },
    ]);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.issues.map((i) => i.code)).toEqual(['duplicate_id']);
  });

  it('the stored id is the NFC form without zero-width characters', () => {
    const [p] = parseParticipants([{ id: `\uFEFF${NFD}\u200B`, role: 'mentor' }]);
    expect(p!.id).toBe(NFC);
  });

  it('ids that differ only by case load, with an id_differs_by_case warning naming both participants', () => {
    const r = safeParseParticipants([
      { id: 'ana', role: 'mentor' },
      { id: 'ANA', role: 'mentee' },
    ]);
    expect(r.success).toBe(true);
    if (r.success) expect(r.data.map((p) => p.id)).toEqual(['ana', 'ANA']);
    expect(r.warnings).toHaveLength(1);
    const w = r.warnings[0]!;
    expect(w).toMatchObject({ code: 'id_differs_by_case', severity: 'warning', participant: 'ANA', index: 1, field: 'id' });
    expect(w.message).toContain('"ana"');
    expect(w.message).toContain('index 0');
  });

  it('an NFD managerId names the NFC participant, so the reporting-line rule applies', () => {
    const people = parseParticipants([
      { id: NFC, role: 'mentor', skillsOffered: 'go' },
      { id: 'e1', role: 'mentee', skillsWanted: 'go', managerId: NFD },
    ]);
    expect(people[1]!.managerId).toBe(NFC);
    const r = match(people, { mode: 'one-to-one' });
    expect(r.pairs).toEqual([]);
    expect(r.unmatched.find((u) => u.id === 'e1')!.reason.code).toBe('all-forbidden');
  });

  it('a managerId equal to the own id up to NFC is a self_manager issue', () => {
    const r = safeParseParticipants([{ id: NFC, role: 'mentee', managerId: NFD }]);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.issues.map((i) => i.code)).toEqual(['self_manager']);
  });
});

describe('parseParticipants(input): counts are at most 2³¹ − 1 (no value wraps in a 32-bit array)', () => {
  it.each([
    ['capacity 2³¹', { capacity: 2 ** 31 }, 'capacity'],
    ['capacity 2³²', { capacity: 2 ** 32 }, 'capacity'],
    ['capacity 2³² + 1 as text', { capacity: '4294967297' }, 'capacity'],
    ['capacity.max 2³¹', { capacity: { max: 2 ** 31 } }, 'capacity.max'],
    ['capacity.min 2³¹', { capacity: { max: 2, min: 2 ** 31 } }, 'capacity.min'],
    ['maxMentors 2³¹', { maxMentors: 2 ** 31 }, 'maxMentors'],
  ])('%s → out_of_range naming the limit', (_, extra, field) => {
    const r = safeParseParticipants([{ id: 'm', role: 'both', ...extra }]);
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues.map((i) => [i.code, i.field])).toEqual([['out_of_range', field]]);
    expect(r.issues[0]!.expected).toContain('2147483647');
  });

  it('capacity 2³¹ − 1 is read, and means "no limit" in a match', () => {
    const people = parseParticipants([
      { id: 'm', role: 'mentor', skillsOffered: 'go', capacity: 2 ** 31 - 1 },
      { id: 'e1', role: 'mentee', skillsWanted: 'go' },
      { id: 'e2', role: 'mentee', skillsWanted: 'go' },
      { id: 'e3', role: 'mentee', skillsWanted: 'go' },
    ]);
    expect(match(people).pairs.map((p) => p.menteeId)).toEqual(['e1', 'e2', 'e3']);
  });
});
