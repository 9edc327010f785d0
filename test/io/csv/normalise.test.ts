/**
 * parseCohortCsv: HR values that mean the same thing are the same, and values that look
 * like a mistake are reported with their row and column — languages by name or code,
 * comma-separated list cells, seniority words and a column's own grade mapping, managers
 * named by e-mail.
 */
import { describe, expect, it } from 'vitest';

import { CsvFileError, isMatchError } from '../../../src/errors.js';
import { checkMappingEntry, COHORT_COLUMNS } from '../../../src/io/csv/columns.js';
import { parseCohortCsv, type CohortCsvOptions } from '../../../src/io/csv/parse-cohort.js';
import { buildCompatibility } from '../../../src/score/matrix.js';

/** The issues of refusing a file (CsvFileError), or fails. */
function refused(text: string, options: CohortCsvOptions): CsvFileError {
  try {
    parseCohortCsv(text, options);
  } catch (e) {
    if (isMatchError(e) && e instanceof CsvFileError) return e;
    throw e;
  }
  return expect.fail('expected the file to be refused');
}

describe('parseCohortCsv: languages by name or code', () => {
  it('EN, English, Englisch, de, Deutsch, German: one language each, across rows', () => {
    const r = parseCohortCsv(['id,role,languages', 'a,mentor,EN; de', 'b,mentee,English; Deutsch', 'c,mentee,Englisch; German'].join('\n'));
    expect(r.issues).toEqual([]);
    expect(r.participants.map((p) => p.languages)).toEqual([['english', 'german'], ['english', 'german'], ['english', 'german']]);
  });

  it('an unknown language loads, with a warning on its row and column', () => {
    const r = parseCohortCsv('id,role,Languages Spoken\na,mentor,English\nb,mentee,"English; Klingon"\n', { columns: { 'Languages Spoken': 'languages' } });
    expect(r.participants.map((p) => p.languages)).toEqual([['english'], ['english', 'klingon']]);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ severity: 'warning', code: 'unknown_language', row: 3, column: 'Languages Spoken', participant: 'b' });
    expect(r.issues[0]!.message).toMatch(/^row 3, column 'Languages Spoken' \(participant b\): .*found "Klingon"; kept as the tag "klingon"/);
  });
});

describe('parseCohortCsv: list cells written with commas', () => {
  it('`Kubernetes, Go` → two skills and a warning with row, column as written, and the item count', () => {
    const r = parseCohortCsv('id,role,Can teach\nm1,mentor,python:5\nm2,mentor,"Kubernetes, Go"\n', { columns: { 'Can teach': 'skills_offered' } });
    expect(r.participants.map((p) => p.skillsOffered.map((s) => s.name))).toEqual([['python'], ['kubernetes', 'go']]);
    expect(r.issues).toHaveLength(1);
    const w = r.issues[0]!;
    expect(w).toMatchObject({ severity: 'warning', code: 'comma_separated_list', row: 3, column: 'Can teach', participant: 'm2' });
    expect(w.message).toBe(
      "row 3, column 'Can teach' (participant m2): expected list items separated by ';'; found \"Kubernetes, Go\"; read as 2 items (\"Kubernetes\", \"Go\") — separate list items with ';'",
    );
  });

  it('in a `;`-delimited export, unquoted commas in list cells are split with a warning while decimal commas in numbers stay numbers', () => {
    const text = '\uFEFFid;role;seniority;openness;skills_offered;goals\r\nm1;mentor;3,5;72,5;python:5, sql:3;leadership\r\nm2;mentor;4;50;go:4;promotion, leadership\r\n';
    const r = parseCohortCsv(text);
    expect(r.delimiter).toBe(';');
    const [m1, m2] = r.participants;
    expect(m1).toMatchObject({ seniority: 3.5, personality: { openness: 72.5 }, skillsOffered: [{ name: 'python', level: 5 }, { name: 'sql', level: 3 }], goals: ['leadership'] });
    expect(m2).toMatchObject({ seniority: 4, goals: ['promotion', 'leadership'] });
    expect(r.issues.map((i) => [i.severity, i.code, i.row, i.column])).toEqual([
      ['warning', 'comma_separated_list', 2, 'skills_offered'],
      ['warning', 'comma_separated_list', 3, 'goals'],
    ]);
  });

  it('a row with an error and a comma list reports both, once each; strict refuses on the warning alone', () => {
    const text = 'id,role,time_zone,interests\ne1,mentee,Mars/Base,"chess, go"\ne2,mentee,UTC,"chess, go"\n';
    const r = parseCohortCsv(text);
    expect(r.participants.map((p) => p.id)).toEqual(['e2']);
    expect(r.issues.map((i) => [i.row, i.code, i.severity])).toEqual([
      [2, 'unknown_time_zone', 'error'],
      [2, 'comma_separated_list', 'warning'],
      [3, 'comma_separated_list', 'warning'],
    ]);
    expect(refused('id,role,interests\ne2,mentee,"chess, go"\n', { strict: true }).issues.map((i) => i.code)).toEqual(['comma_separated_list']);
  });
});

describe('parseCohortCsv: seniority words and a value mapping in the column options', () => {
  it('Junior and Senior map through SENIORITY_LEVELS; numbers keep working', () => {
    const r = parseCohortCsv('id,role,seniority\ne1,mentee,Junior\nm1,mentor,Senior\nm2,mentor,5\nm3,mentor,vice-president\n');
    expect(r.issues).toEqual([]);
    expect(r.participants.map((p) => p.seniority)).toEqual([1, 3, 5, 6]);
  });

  it('an unknown word is an error on its row and column, listing the accepted words; the row is left out', () => {
    const r = parseCohortCsv('id,role,Job level\ne1,mentee,Junior\ne2,mentee,Boss\n', { columns: { 'Job level': 'seniority' } });
    expect(r.participants.map((p) => p.id)).toEqual(['e1']);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ severity: 'error', code: 'unknown_seniority', row: 3, column: 'Job level', participant: 'e2' });
    expect(r.issues[0]!.message).toMatch(/^row 3, column 'Job level' \(participant e2\): expected a number .*junior.*senior.*executive.*; found "Boss"$/);
  });

  it('{ column: "seniority", values } maps the company\'s grades (any case); other words and numbers still read', () => {
    const columns = { Grade: { column: 'seniority', values: { IC1: 1, IC2: 2, M1: 4 } } };
    const r = parseCohortCsv('id,role,Grade\ne1,mentee,IC1\ne2,mentee,ic2\nm1,mentor,M1\nm2,mentor,Senior\nm3,mentor,2.5\n', { columns });
    expect(r.issues).toEqual([]);
    expect(r.participants.map((p) => p.seniority)).toEqual([1, 2, 4, 3, 2.5]);
    const bad = parseCohortCsv('id,role,Grade\ne1,mentee,IC7\n', { columns });
    expect(bad.issues[0]).toMatchObject({ code: 'unknown_seniority', row: 2, column: 'Grade' });
    expect(bad.issues[0]!.message).toContain('IC1 (1)');
  });

  it('a bad mapping is refused with a typed error (CsvFileError, INVALID_CSV) naming the column: invalid_mapping', () => {
    const text = 'id,role,Grade\ne1,mentee,IC1\n';
    const cases: unknown[] = [
      { column: 'department', values: { IC1: 1 } }, // values on another column
      { column: 'seniority', values: { IC1: 'one' } }, // not a number
      { column: 'seniority', values: { IC1: 1, ic1: 2 } }, // the same value twice
      { column: 'seniority', values: [1, 2] }, // not an object
      { colum: 'seniority' }, // misspelt key
      { column: 'seniority', values: {}, extra: true }, // unknown key
      42,
      { column: 'favourite' }, // not a column
    ];
    for (const entry of cases) {
      const e = refused(text, { columns: { Grade: entry } as never });
      expect(e.code).toBe('INVALID_CSV');
      expect(e.issues.map((i) => [i.code, i.row, i.column]), JSON.stringify(entry)).toEqual([['invalid_mapping', 1, 'Grade']]);
    }
  });

  it('checkMappingEntry accepts the string and object forms', () => {
    expect(checkMappingEntry('seniority', new Map())).toEqual({ ok: true, mapping: { target: 'seniority', values: undefined } });
    expect(checkMappingEntry(null, new Map())).toEqual({ ok: true, mapping: { target: null, values: undefined } });
    expect(checkMappingEntry({ column: 'Seniority Level', values: { IC1: 1 } }, new Map())).toMatchObject({ ok: true, mapping: { target: 'Seniority Level', values: { IC1: 1 } } });
    expect(checkMappingEntry({ column: 'seniority', values: { 'IC-1': 1, ic_1: 2 } }, new Map()).ok).toBe(false);
  });
});

describe('parseCohortCsv: managers named by e-mail', () => {
  const text = [
    'id,role,email,manager_id,skills_offered,skills_wanted',
    'm1,mentor,Ana.Boss@Corp.com,,python:5,',
    'm2,mentor,bo@corp.com,,python:5,',
    'e1,mentee,,ana.boss@corp.com,,python:3',
    'e2,mentee,,ghost@corp.com,,python:3',
    'e3,mentee,,X0099,,python:3',
  ].join('\n');
  const r = parseCohortCsv(text);

  it('an email column is read (aliases too) and a manager_id equal to an e-mail is linked to that participant', () => {
    expect(COHORT_COLUMNS.email).toContain('email');
    expect(r.participants.map((p) => [p.id, p.email, p.managerId])).toEqual([
      ['m1', 'ana.boss@corp.com', undefined],
      ['m2', 'bo@corp.com', undefined],
      ['e1', undefined, 'm1'],
      ['e2', undefined, 'ghost@corp.com'],
      ['e3', undefined, 'X0099'],
    ]);
  });

  it('an e-mail that names nobody is a warning on its row and column; an external id is not', () => {
    expect(r.issues.map((i) => [i.severity, i.code, i.row, i.column, i.participant])).toEqual([['warning', 'unknown_manager', 5, 'manager_id', 'e2']]);
  });

  it('so the reporting-line rule forbids the mentee\'s manager as mentor', () => {
    const mentees = r.participants.filter((p) => p.roles.includes('mentee'));
    const mentors = r.participants.filter((p) => p.roles.includes('mentor'));
    const matrix = buildCompatibility(mentees, mentors, {});
    expect(matrix.reason(0, 0)?.rule).toBe('reportingLine');
    expect(matrix.isForbidden(0, 1)).toBe(false);
  });

  it('a bad or repeated e-mail is an error on its row and column (the repeat names the first row)', () => {
    const bad = parseCohortCsv('id,role,E-mail\na,mentor,a@x.org\nb,mentor,not-an-address\nc,mentor,A@X.org\n');
    expect(bad.participants.map((p) => p.id)).toEqual(['a']);
    expect(bad.issues.map((i) => [i.code, i.row, i.column])).toEqual([
      ['invalid_email', 3, 'E-mail'],
      ['duplicate_email', 4, 'E-mail'],
    ]);
    expect(bad.issues[1]!.message).toContain('already the e-mail on row 2');
  });
});
