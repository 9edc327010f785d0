import { describe, expect, it } from 'vitest';

import { parseHistoryCsv } from '../../../src/io/csv/history.js';

const codes = (r: ReturnType<typeof parseHistoryCsv>): string[] => r.issues.map((i) => i.code);

describe('parseHistoryCsv(text)', () => {
  it('reads ratings with , delimiter', () => {
    const r = parseHistoryCsv('mentee,mentor,rating\ne1,m1,4\ne2,m2,2.5\n');
    expect(r.entries).toEqual([
      { menteeId: 'e1', mentorId: 'm1', outcome: 4 },
      { menteeId: 'e2', mentorId: 'm2', outcome: 2.5 },
    ]);
    expect(r.issues).toEqual([]);
  });

  it('handles a BOM, CRLF, the ; delimiter, decimal commas and quoted fields', () => {
    const text = '\ufeffMentee ID;Mentor_ID;Satisfaction;notes\r\n"e;1";m1;"4,5";"said ""great"";\r\nmore"\r\ne2;m2;5;\r\n';
    const r = parseHistoryCsv(text);
    expect(r.issues).toEqual([]);
    expect(r.entries).toEqual([
      { menteeId: 'e;1', mentorId: 'm1', outcome: 4.5 },
      { menteeId: 'e2', mentorId: 'm2', outcome: 5 },
    ]);
  });

  it('matches headers ignoring case, spaces, underscores (mentee/mentee_id, mentor/mentor_id, goal_achieved)', () => {
    const r = parseHistoryCsv('MENTEE_ID, mentor , Goal Achieved\ne1,m1,Yes\ne2,m1,no\ne3,m1,TRUE\ne4,m1,false\ne5,m1,1\ne6,m1,0\n');
    expect(r.issues).toEqual([]);
    expect(r.entries.map((e) => e.outcome)).toEqual([true, false, true, false, true, false]);
  });

  it('bad ratings and goals become issues with row and column, and the other rows still load', () => {
    const r = parseHistoryCsv('mentee,mentor,rating\ne1,m1,6\ne2,m2,abc\ne3,m3,0\ne4,m4,3\ne5,m5,\n,m6,2\n');
    expect(r.entries).toEqual([{ menteeId: 'e4', mentorId: 'm4', outcome: 3 }]);
    expect(r.issues.map((i) => [i.code, i.row, i.column, i.participant, i.severity])).toEqual([
      ['invalid_rating', 2, 'rating', 'e1', 'error'],
      ['invalid_rating', 3, 'rating', 'e2', 'error'],
      ['invalid_rating', 4, 'rating', 'e3', 'error'],
      ['missing_value', 6, 'rating', 'e5', 'error'],
      ['missing_value', 7, 'mentee', undefined, 'error'],
    ]);
    expect(r.issues[0].message).toBe("row 2, column 'rating' (participant e1): expected a rating from 1 to 5; found '6'; the row was not loaded");
    const g = parseHistoryCsv('mentee;mentor;goal_achieved\ne1;m1;maybe\n');
    expect(g.issues[0]).toMatchObject({ code: 'invalid_goal', row: 2, column: 'goal_achieved', participant: 'e1' });
  });

  it('every data row is an entry or an issue (blank rows are skipped, but counted as spreadsheet rows)', () => {
    const text = 'mentee,mentor,rating\ne1,m1,4\n\ne2,m2,x\n"e\n3",m3,5\ne4,m4,9\n';
    const r = parseHistoryCsv(text);
    expect(r.entries.map((e) => e.menteeId)).toEqual(['e1', 'e\n3']);
    // e1 row 2, blank row 3, e2 row 4, "e\n3" row 5 (one row, two lines), e4 row 6.
    expect(r.issues.map((i) => i.row)).toEqual([4, 6]);
  });

  it('missing columns are file-level issues (row undefined) and no row is loaded', () => {
    const r = parseHistoryCsv('mentee,rating\ne1,4\ne2,5\n');
    expect(r.entries).toEqual([]);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'missing_column', row: undefined, severity: 'error', column: 'mentor' });
    expect(r.issues[0].message).toMatch(/none of the 2 data rows were loaded/);
    const noOutcome = parseHistoryCsv('mentee,mentor,notes\ne1,m1,x\n');
    expect(codes(noOutcome)).toEqual(['missing_column']);
    expect(noOutcome.issues[0].message).toMatch(/rating, satisfaction or goal_achieved/);
  });

  it('an empty file is one file-level issue', () => {
    for (const t of ['', '\ufeff', '  \r\n\r\n']) expect(codes(parseHistoryCsv(t))).toEqual(['empty_file']);
  });

  it('a CSV syntax error becomes an issue, not a crash', () => {
    const r = parseHistoryCsv('mentee,mentor,rating\ne1,m1,4\ne2,"m2,5\ne3,m3,3\n');
    expect(r.entries).toEqual([{ menteeId: 'e1', mentorId: 'm1', outcome: 4 }]);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'csv_syntax', row: 3, severity: 'error' });
    expect(r.issues[0].message).toMatch(/never closed.*everything after it/);
  });

  it('a stray quote inside an unquoted field is taken literally (and then judged as a value)', () => {
    const r = parseHistoryCsv('mentee,mentor,rating\ne1,m1,"4"x\ne2,m2,3\n');
    expect(r.entries).toEqual([{ menteeId: 'e2', mentorId: 'm2', outcome: 3 }]);
    expect(r.issues[0]).toMatchObject({ code: 'invalid_rating', row: 2 });
  });

  it('several outcome columns: the first of rating, satisfaction, goal_achieved with a warning, or options.outcome', () => {
    const text = 'mentee,mentor,goal_achieved,rating\ne1,m1,yes,2\n';
    const r = parseHistoryCsv(text);
    expect(r.entries).toEqual([{ menteeId: 'e1', mentorId: 'm1', outcome: 2 }]);
    expect(r.issues).toMatchObject([{ code: 'ambiguous_outcome_column', severity: 'warning', row: undefined }]);
    const g = parseHistoryCsv(text, { outcome: 'goal_achieved' });
    expect(g.entries).toEqual([{ menteeId: 'e1', mentorId: 'm1', outcome: true }]);
    expect(g.issues).toEqual([]);
    expect(codes(parseHistoryCsv(text, { outcome: 'satisfaction' }))).toEqual(['missing_column']);
  });

  it('extra cells and duplicate columns are warnings; short rows report the missing value', () => {
    const r = parseHistoryCsv('mentee,mentor,rating,mentee\ne1,m1,4,zz,extra\ne2,m2\n');
    expect(r.entries).toEqual([{ menteeId: 'e1', mentorId: 'm1', outcome: 4 }]);
    expect(r.issues.map((i) => [i.code, i.severity, i.row])).toEqual([
      ['duplicate_column', 'warning', undefined],
      ['extra_cells', 'warning', 2],
      ['missing_value', 'error', 3],
    ]);
  });
});
