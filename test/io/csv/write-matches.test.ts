/**
 * matchesToCsv: one row per pair, peer-group member and unmatched person; quoting that
 * survives names with commas, quotes and line breaks.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';

import { MATCHES_CSV_COLUMNS, matchesToCsv } from '../../../src/io/csv/write-matches.js';
import { match } from '../../../src/match/match.js';
import { parseParticipants } from '../../../src/profile/parse.js';

const people = parseParticipants([
  { id: 'e1', name: 'Smith, "Jr."\nthe second', roles: 'mentee', skillsWanted: 'python:3' },
  { id: 'e2', name: 'Zoë', roles: 'mentee', skillsWanted: 'sql:2' },
  { id: 'e3', name: 'Łukasz', roles: 'mentee', skillsWanted: 'go' },
  { id: 'm1', name: 'Ana', roles: 'mentor', skillsOffered: 'python:5; sql:4', capacity: 2 },
]);

const rowsOf = (csv: string): Record<string, string>[] => parse(csv, { columns: true, bom: true }) as Record<string, string>[];

describe('matchesToCsv(result, participants)', () => {
  it('pairs and unmatched people, names quoted safely, top reasons with points', () => {
    const result = match(people, { mode: 'capacity' });
    const csv = matchesToCsv(result, people);
    expect(csv.split('\n')[0]).toBe(MATCHES_CSV_COLUMNS.join(','));
    const rows = rowsOf(csv);
    expect(rows.map((r) => [r.status, r.mentee_id, r.mentor_id])).toEqual([
      ['pair', 'e1', 'm1'],
      ['pair', 'e2', 'm1'],
      ['unmatched', 'e3', ''],
    ]);
    expect(rows[0]!.mentee_name).toBe('Smith, "Jr."\nthe second');
    expect(rows[0]!.reasons).toMatch(/^skills \+\d+\.\d: teaches python/);
    expect(Number(rows[0]!.score)).toBeCloseTo(result.pairs[0]!.score, 2);
    expect(rows[2]).toMatchObject({ reason_code: result.unmatched[0]!.reason.code, reasons: result.unmatched[0]!.reason.message });
  });

  it('group mode numbers each mentor\'s group; peer circles list one row per member', () => {
    const g = rowsOf(matchesToCsv(match(people, { mode: 'group', group: { minSize: 1, maxSize: 3 } }), people));
    expect(new Set(g.filter((r) => r.status === 'pair').map((r) => r.group))).toEqual(new Set(['1']));
    const peers = parseParticipants(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => ({ id, roles: 'peer', interests: 'chess' })));
    const c = rowsOf(matchesToCsv(match(peers, { mode: 'peer', peer: { circleSize: 3 } }), peers));
    expect(c.every((r) => r.status === 'group')).toBe(true);
    expect(c.map((r) => r.mentee_id).sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(new Set(c.map((r) => r.group)).size).toBe(2);
  });

  it('options: delimiter, BOM, number of reasons; names left blank without participants', () => {
    const result = match(people, { mode: 'capacity' });
    const csv = matchesToCsv(result, [], { delimiter: ';', bom: true, topReasons: 1 });
    expect(csv.startsWith('\uFEFFstatus;group;')).toBe(true);
    const rows = parse(csv, { columns: true, bom: true, delimiter: ';' }) as Record<string, string>[];
    expect(rows[0]!.mentee_name).toBe('');
    expect(rows[0]!.reasons.split(' | ')).toHaveLength(1);
  });
});
