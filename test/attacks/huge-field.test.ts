/**
 * Issue 12, item 14b: a 63 MB quoted field used 3.1 GB in the matches writer. Rows longer
 * than `maxRecordSize` characters (1,000,000 by default) are now an issue naming the row
 * and column, and are never loaded, so no huge cell reaches the profiles, the writers or
 * the report; the limit can be raised.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { EXIT } from '../../src/cli/exit-codes.js';
import { CsvFileError, InvalidInputError } from '../../src/errors.js';
import { expectMatchError } from '../_helpers/expect-error.js';
import { parseHistoryCsv } from '../../src/io/csv/history.js';
import { parseCohortCsv } from '../../src/io/csv/parse-cohort.js';
import { DEFAULT_MAX_RECORD_SIZE, readCsvRecords } from '../../src/io/csv/read-records.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = join(ROOT, 'dist/cli.js');
const HUGE = 'x'.repeat(2_500_000);
const cohort = (name: string): string => `id,name,role,skills_offered,skills_wanted,capacity\nm1,Ana,mentor,go,,2\ne1,"${name}",mentee,,go,\ne2,Bo,mentee,,go,\n`;
let dir: string;

function cli(args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mentor-match-huge-'));
  writeFileSync(join(dir, 'huge.csv'), cohort(HUGE));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parseCohortCsv(text, { maxRecordSize })', () => {
  it('a 2.5 MB quoted field → record_too_large on its row and column; the row is left out, the rows after it load', () => {
    const r = parseCohortCsv(cohort(HUGE));
    expect(r.participants.map((p) => p.id)).toEqual(['m1', 'e2']);
    const issue = r.issues.find((i) => i.code === 'record_too_large')!;
    expect(issue).toMatchObject({ severity: 'error', row: 3, column: 'name' });
    expect(issue.message).toMatch(/^row 3, column 'name': expected at most 1,000,000 characters in a row .*found 2,500,0\d\d \(2,500,000 in this cell\); the row was not loaded$/);
    expect(issue.message).not.toContain('xxxx');
    expect(issue.message.length).toBeLessThan(400);
    expect(r.participants.every((p) => (p.name ?? '').length < 100)).toBe(true);
  });

  it('the limit counts the whole row: many cells under it that add up to more are refused too', () => {
    const cell = 'y'.repeat(400_000);
    const r = parseCohortCsv(`id,name,role,goals,interests\nm1,${cell},mentor,${cell},${cell}\ne1,Bo,mentee,,\n`);
    expect(r.participants.map((p) => p.id)).toEqual(['e1']);
    expect(r.issues[0]).toMatchObject({ code: 'record_too_large', row: 2, column: 'name' });
  });

  it('maxRecordSize raises (or lowers) the limit', () => {
    expect(parseCohortCsv(cohort(HUGE), { maxRecordSize: 3_000_000 }).participants.map((p) => p.id)).toEqual(['m1', 'e1', 'e2']);
    // A header longer than the limit: the file is refused with that one issue (not "no header row").
    const low = expectMatchError(() => parseCohortCsv(cohort('Chen Li'), { maxRecordSize: 20 }), 'INVALID_CSV') as CsvFileError;
    expect(low.issues.map((i) => `${i.row}:${i.code}`)).toEqual(['1:record_too_large']);
  });

  it('a header row over the limit: one issue, nothing read (no data row taken for the header)', () => {
    const r = readCsvRecords(`${'h'.repeat(50)},role\nm1,mentor\n`, 'auto', 40);
    expect(r.records).toEqual([]);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'record_too_large', row: 1, column: undefined });
    expect(r.issues[0]!.message).toMatch(/^row 1: .*\(50 in cell 1\); the header row is too long to read, so no row was loaded$/);
  });

  it('rejects a limit that is not a positive integer', () => {
    for (const bad of [0, -1, 1.5, Number.NaN, Infinity]) expect(() => parseCohortCsv('id,role\n', { maxRecordSize: bad })).toThrow(InvalidInputError);
    expect(DEFAULT_MAX_RECORD_SIZE).toBe(1_000_000);
  });
});

describe('parseHistoryCsv(text, { maxRecordSize })', () => {
  it('a huge cell is an issue on its row and column, and the row is not loaded', () => {
    const r = parseHistoryCsv(`mentee,mentor,rating,notes\ne1,m1,4,"${HUGE}"\ne2,m1,5,ok\n`);
    expect(r.entries.map((e) => e.menteeId)).toEqual(['e2']);
    expect(r.issues.find((i) => i.code === 'record_too_large')).toMatchObject({ row: 2, column: 'notes' });
    expect(parseHistoryCsv(`mentee,mentor,rating,notes\ne1,m1,4,"${HUGE}"\n`, { maxRecordSize: 3_000_000 }).entries).toHaveLength(1);
  });
});

describe('mentor-match match on a cohort with a huge field', () => {
  it('the row is reported by row and column; the written matches CSV, JSON and report stay small', () => {
    const r = cli(['match', 'huge.csv', '--no-progress', '--out', 'm.csv', '--json', 'r.json', '--report', 'r.html']);
    expect(r.code).toBe(EXIT.ok);
    expect(r.err).toMatch(/row 3, column 'name': expected at most 1,000,000 characters in a row/);
    expect(r.err.length).toBeLessThan(20_000);
    for (const f of ['m.csv', 'r.json', 'r.html']) expect(statSync(join(dir, f)).size, f).toBeLessThan(1_000_000);
    expect(readFileSync(join(dir, 'm.csv'), 'utf8')).not.toContain('xxxxxxxxxx');
  });

  it('--max-record-size raises the limit; a bad value is a usage error', () => {
    const r = cli(['validate', 'huge.csv', '--max-record-size', '3000000', '--json']);
    expect(r.code).toBe(EXIT.ok);
    expect(cli(['validate', 'huge.csv', '--max-record-size', 'lots']).code).toBe(EXIT.usage);
  });
});
