/**
 * parseCohortCsv: the documented cohort format, HR-export quirks (BOM, CRLF, `;`,
 * quoted newlines and separators, other headers through a mapping), every row a
 * participant or an issue with its row and column, and fuzzing that throws random
 * bytes, quoting and columns at it.
 */
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { CsvFileError, isMatchError } from '../../../src/errors.js';
import { parseCohortCsv, type CohortCsvResult } from '../../../src/io/csv/parse-cohort.js';
import { detectDelimiter, readCsvRecords } from '../../../src/io/csv/read-records.js';

const HEADER = 'id,name,role,department,time_zone,languages,skills_offered,skills_wanted,availability,capacity,min_capacity,max_mentors,seniority,openness,attr:site';

describe('parseCohortCsv(text) reads the documented format', () => {
  it('every column of the format lands in its field', () => {
    const text = [
      HEADER,
      'm1,Ana Silva,mentor,Engineering,Europe/Lisbon,English; Português,python:5; sql:4,,Mon 09:00-11:00; Wed 14:00-15:30,3,1,,5,70,hq',
      'e1,Bo,mentee,Sales,America/New_York,English,,python:3,Tue 10:00-12:00,,,2,1,35,hub',
      'b1,Cy,mentor;mentee,Data,UTC,,go:4,rust:2,,1,,,3,,007',
    ].join('\n');
    const r = parseCohortCsv(text);
    expect(r.issues).toEqual([]);
    expect(r.rows).toBe(3);
    const [b1, e1, m1] = [...r.participants].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(m1).toMatchObject({
      id: 'm1',
      name: 'Ana Silva',
      roles: ['mentor'],
      department: 'engineering',
      timeZone: 'Europe/Lisbon',
      languages: ['english', 'portuguese'],
      skillsOffered: [{ name: 'python', level: 5 }, { name: 'sql', level: 4 }],
      availability: [{ day: 0, start: 540, end: 660 }, { day: 2, start: 840, end: 930 }],
      capacity: { max: 3, min: 1 },
      seniority: 5,
      personality: { openness: 70 },
      attributes: { site: 'hq' },
    });
    expect(e1).toMatchObject({ roles: ['mentee'], maxMentors: 2, skillsWanted: [{ name: 'python', level: 3 }] });
    expect(b1!.roles).toEqual(['mentor', 'mentee']);
    expect(b1!.attributes.site).toBe('007'); // a code keeps its leading zeros
  });

  it('attribute cells: plain numbers and booleans are typed, everything else stays text', () => {
    const r = parseCohortCsv('id,role,attr:a,attr:b,attr:c,attr:d\ne1,mentee,42,TRUE,1e3,-2.5\n');
    expect(r.participants[0]!.attributes).toEqual({ a: 42, b: true, c: '1e3', d: -2.5 });
  });

  it('headers: any case, spaces, underscores, hyphens and aliases; `personality:` and `trait:` prefixes', () => {
    const r = parseCohortCsv('Employee ID,Full Name,ROLE,Time-Zone,Skills Offered,personality:Openness,trait:extraversion\nm1,Ana,mentor,UTC,python,50,60\n');
    expect(r.issues).toEqual([]);
    expect(r.participants[0]).toMatchObject({ id: 'm1', name: 'Ana', timeZone: 'UTC', skillsOffered: [{ name: 'python' }], personality: { openness: 50, extraversion: 60 } });
  });

  it('a spreadsheet export: UTF-8 BOM, CRLF, `;` delimiter, decimal commas, quoted `;` lists, a quoted line break', () => {
    const text = '\uFEFFid;name;role;seniority;languages;skills_offered\r\nm1;"Smith; Jr.";mentor;3,5;"English; Deutsch";"python:5; sql"\r\nm2;"Two\r\nLines";mentor;2;English;go\r\n';
    expect(detectDelimiter(text)).toBe(';');
    const r = parseCohortCsv(text);
    expect(r.issues).toEqual([]);
    expect(r.delimiter).toBe(';');
    expect(r.participants.map((p) => [p.id, p.name, p.seniority, p.languages])).toEqual([
      ['m1', 'Smith; Jr.', 3.5, ['english', 'german']],
      ['m2', 'Two\r\nLines', 2, ['english']],
    ]);
  });

  it('tab- and pipe-delimited files', () => {
    expect(parseCohortCsv('id\trole\nm1\tmentor\n').participants).toHaveLength(1);
    expect(parseCohortCsv('id|role\nm1|mentor\n').participants).toHaveLength(1);
    // A wrong forced delimiter leaves one column named 'id;role': no id column, refused.
    expect(() => parseCohortCsv('id;role\nm1;mentor\n', { delimiter: ',' })).toThrow(/expected an 'id' column/);
  });

  it('options.columns maps an HR export\'s headers; `ignore` skips a column', () => {
    const r = parseCohortCsv('Personalnummer,Rolle,Bemerkung,Standort\nM-1,mentor,"long note",Berlin\n', {
      columns: { Personalnummer: 'id', Rolle: 'role', Bemerkung: 'ignore', Standort: 'attr:site' },
    });
    expect(r.issues).toEqual([]);
    expect(r.participants[0]).toMatchObject({ id: 'M-1', attributes: { site: 'Berlin' } });
  });

  it('options.role reads a file of mentors only; a contradicting role cell is an issue', () => {
    const r = parseCohortCsv('id,role\nm1,\nm2,mentee\nm3,both\n', { role: 'mentor' });
    expect(r.participants.map((p) => p.id)).toEqual(['m1', 'm3']);
    expect(r.issues).toMatchObject([{ code: 'role_mismatch', row: 3, column: 'role', participant: 'm2' }]);
  });
});

describe('parseCohortCsv(text): bad rows are reported, never dropped silently; the rest loads', () => {
  const text = [
    'id,name,role,time_zone,skills_wanted,openness,capacity',
    'e1,Ana,mentee,Europe/Berlin,python:3,50,',
    '',
    'e2,Bo,mentee,Mars/Base,python:3,50,', // row 4 (the blank row 3 counts)
    'e3,"Cy ""the third""",mentee,UTC,python:9,abc,', // row 5: two problems
    'e1,Dup,mentee,UTC,,,', // row 6
    ',NoId,mentee,UTC,,,', // row 7
    'm1,Mo,mentor,UTC,,,-1', // row 8
    'm2,Extra,mentor,UTC,,,2,surplus', // row 9
    'm3,Ok,mentor,UTC,,,2',
  ].join('\n');
  const r = parseCohortCsv(text);

  it('each issue names row, column and participant, with what was expected and found', () => {
    expect(r.issues.map((i) => [i.row, i.column, i.participant, i.code])).toEqual([
      [4, 'time_zone', 'e2', 'unknown_time_zone'],
      [5, 'skills_wanted', 'e3', 'out_of_range'],
      [5, 'openness', 'e3', 'invalid_type'],
      [6, 'id', 'e1', 'duplicate_id'],
      [7, 'id', undefined, 'missing_field'],
      [8, 'capacity', 'm1', 'out_of_range'],
      [9, undefined, 'm2', 'extra_cells'],
    ]);
    expect(r.issues[0]!.message).toBe("row 4, column 'time_zone' (participant e2): expected an IANA time zone name such as 'Europe/Berlin'; found \"Mars/Base\"");
    expect(r.issues[3]!.message).toMatch(/already the id on row 2/);
    for (const i of r.issues) expect(i.severity).toBe('error');
  });

  it('every data row is a participant or has an error', () => {
    expect(r.rows).toBe(8);
    expect(r.participants.map((p) => p.id)).toEqual(['e1', 'm3']);
    const bad = new Set(r.issues.filter((i) => i.severity === 'error').map((i) => i.row));
    expect(r.participants.length + bad.size).toBe(r.rows);
  });

  it('strict: true refuses the file with every issue', () => {
    try {
      parseCohortCsv(text, { strict: true });
      expect.fail('expected CsvFileError');
    } catch (e) {
      expect(e).toBeInstanceOf(CsvFileError);
      expect((e as CsvFileError).code).toBe('INVALID_CSV');
      expect((e as CsvFileError).issues).toHaveLength(7);
    }
  });

  it('unknown columns are warnings (their cells ignored), errors with strict', () => {
    const u = parseCohortCsv('id,role,favourite colour\nm1,mentor,blue\n');
    expect(u.participants).toHaveLength(1);
    expect(u.issues).toMatchObject([{ severity: 'warning', code: 'unknown_column', row: 1, column: 'favourite colour' }]);
    expect(() => parseCohortCsv('id,role,favourite colour\nm1,mentor,blue\n', { strict: true })).toThrow(CsvFileError);
  });

  it('file-level problems refuse the file: empty, no id column, no role, two columns for one field, a bad mapping', () => {
    const code = (f: () => unknown): string[] => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(CsvFileError);
        return (e as CsvFileError).issues.filter((i) => i.code !== 'unknown_column').map((i) => i.code);
      }
      return expect.fail('expected CsvFileError');
    };
    expect(code(() => parseCohortCsv(''))).toEqual(['empty_file']);
    expect(code(() => parseCohortCsv('\n\n  \n'))).toEqual(['empty_file']);
    expect(code(() => parseCohortCsv('name,role\nAna,mentor\n'))).toEqual(['missing_column']);
    expect(code(() => parseCohortCsv('id,name\nm1,Ana\n'))).toEqual(['missing_column']);
    expect(code(() => parseCohortCsv('id,role,tz,time_zone\nm1,mentor,UTC,UTC\n'))).toEqual(['duplicate_column']);
    expect(code(() => parseCohortCsv('id,role,x\nm1,mentor,1\n', { columns: { x: 'favourite' } }))).toEqual(['invalid_mapping']);
  });

  it('an unclosed quote: the rows before it load; the issue names the row it starts on', () => {
    const q = parseCohortCsv('id,role\nm1,mentor\nm2,"mentor\nm3,mentor\n');
    expect(q.participants.map((p) => p.id)).toEqual(['m1']);
    expect(q.issues).toMatchObject([{ code: 'csv_syntax', row: 3 }]);
  });

  it('headers such as __proto__, constructor or prototype are harmless', () => {
    const h = parseCohortCsv('id,role,__proto__,constructor,prototype,attr:__proto__,attr:constructor\nm1,mentor,x,y,z,1,2\n');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    expect(h.participants).toHaveLength(1);
    expect(h.issues.filter((i) => i.code === 'unknown_column').map((i) => i.column)).toEqual(['__proto__', 'constructor', 'prototype']);
  });
});

describe('readCsvRecords(text) numbers rows as a spreadsheet does', () => {
  it('blank rows count; a quoted line break stays in its row', () => {
    const r = readCsvRecords('a,b\n1,"x\ny"\n\n2,z\r\n3,w', 'auto');
    expect(r.records.map((x) => [x.row, x.cells[0]])).toEqual([[1, 'a'], [2, '1'], [4, '2'], [5, '3']]);
  });
  it('a stray quote inside an unquoted field is taken literally', () => {
    expect(readCsvRecords('a,b\n5\'10",x\n', ',').records[1]!.cells).toEqual(['5\'10"', 'x']);
  });
});

/** Every data row is a participant or the row of an error; issues point inside the file. */
function accounted(r: CohortCsvResult, text: string): void {
  const errorRows = new Set(r.issues.filter((i) => i.severity === 'error' && i.code !== 'csv_syntax' && i.row !== undefined && i.row > 1).map((i) => i.row));
  expect(r.participants.length + errorRows.size).toBe(r.rows);
  const maxRow = text.split(/\r\n|\r|\n/).length;
  for (const i of r.issues) if (i.row !== undefined) expect(i.row).toBeLessThanOrEqual(maxRow);
}

/** Runs the parser; a refusal must be a CsvFileError, nothing else may escape. */
function parseOrRefuse(text: string, options?: Parameters<typeof parseCohortCsv>[1]): CohortCsvResult | undefined {
  try {
    return parseCohortCsv(text, options);
  } catch (e) {
    expect(isMatchError(e) && e.code === 'INVALID_CSV', String(e)).toBe(true);
    return undefined;
  }
}

describe('parseCohortCsv fuzzing (fast-check)', () => {
  const alphabet = fc.constantFrom('a', 'b', 'Z', 'é', ' ', ',', ';', '\t', '"', '\n', '\r', '\r\n', ':', '1', '5', '-', 'mentor', 'mentee', '__proto__', '\uFEFF', '\u0000', '😀');

  it('random bytes: never a crash or a hang; every row accounted for', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.boolean(), (bytes, strict) => {
        const text = new TextDecoder('utf-8').decode(bytes);
        const r = parseOrRefuse(`id,role\n${text}`, { strict });
        if (r) accounted(r, `id,role\n${text}`);
      }),
      { numRuns: 300 },
    );
  });

  it('random text from a CSV-ish alphabet under a real header: every row accounted for', () => {
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 200 }), (parts) => {
        const text = `${HEADER}\n${parts.join('')}`;
        const r = parseOrRefuse(text);
        if (r) accounted(r, text);
      }),
      { numRuns: 400 },
    );
  });

  it('random headers (including __proto__, constructor, duplicates, blanks): refused or read, never a crash, no pollution', () => {
    const header = fc.array(fc.oneof(fc.constantFrom('id', 'role', 'name', '__proto__', 'constructor', 'attr:__proto__', 'toString', '', 'tz', 'time_zone', 'openness', 'personality:hasOwnProperty'), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(header, fc.array(fc.array(fc.string({ maxLength: 8 }), { maxLength: 9 }), { maxLength: 6 }), (cols, rows) => {
        const text = stringify([cols, ...rows]);
        const r = parseOrRefuse(text);
        if (r) accounted(r, text);
        expect(Object.keys(Object.prototype)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('round trip: valid participants written with random quoting, delimiter, BOM and line ends read back exactly', () => {
    const nameChar = fc.constantFrom('A', 'n', 'é', 'Ł', ' ', ',', ';', '"', "'", '\n', '|', '\t', 'x');
    const person = fc.record({
      name: fc.array(nameChar, { minLength: 1, maxLength: 12 }).map((cs) => `N${cs.join('')}N`),
      mentor: fc.boolean(),
      skills: fc.uniqueArray(fc.constantFrom('python', 'sql', 'go', 'public speaking'), { maxLength: 3 }),
      level: fc.integer({ min: 1, max: 5 }),
      openness: fc.integer({ min: 0, max: 100 }),
    });
    fc.assert(
      fc.property(
        fc.array(person, { minLength: 1, maxLength: 12 }),
        fc.constantFrom(',', ';', '\t', '|'),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (people, delimiter, quoted, bom, crlf) => {
          const rows = people.map((p, k) => [`p${k}`, p.name, p.mentor ? 'mentor' : 'mentee', p.skills.map((s) => `${s}:${p.level}`).join('; '), String(p.openness)]);
          const text = stringify([['id', 'name', 'role', 'skills_offered', 'openness'], ...rows], { delimiter, quoted, bom, record_delimiter: crlf ? 'windows' : 'unix' });
          const r = parseCohortCsv(text, { delimiter });
          expect(r.issues).toEqual([]);
          expect(r.participants.map((p) => p.name)).toEqual(people.map((p) => p.name.normalize('NFC')));
          expect(r.participants.map((p) => p.skillsOffered.length)).toEqual(people.map((p) => p.skills.length));
          expect(r.participants.map((p) => p.personality.openness)).toEqual(people.map((p) => p.openness));
        },
      ),
      { numRuns: 200 },
    );
  });
});
