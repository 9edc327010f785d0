/**
 * Issue 12, item 14a: a cohort CSV saved as UTF-16 without a byte-order mark was read as
 * UTF-8 (NUL bytes are valid UTF-8) and gave nine garbled "unknown column" issues. It is
 * now one issue saying what the file looks like and how to save it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { EXIT } from '../../src/cli/exit-codes.js';
import { CsvFileError } from '../../src/errors.js';
import { leadingUnits, looksLikeUtf16 } from '../../src/io/csv/encoding.js';
import { parseHistoryCsv } from '../../src/io/csv/history.js';
import { parseCohortCsv } from '../../src/io/csv/parse-cohort.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = join(ROOT, 'dist/cli.js');
const COHORT = 'id,name,role,department,location,skills_offered,skills_wanted,capacity,time_zone\nm1,Ana,mentor,eng,Lisbon,go,,2,Europe/Lisbon\ne1,Bo,mentee,ops,Lisbon,,go,,Europe/Lisbon\n';
let dir: string;

function cli(args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}
const utf16be = (text: string): Buffer => Buffer.from(text, 'utf16le').swap16();

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mentor-match-encoding-'));
  writeFileSync(join(dir, 'le.csv'), Buffer.from(COHORT, 'utf16le'));
  writeFileSync(join(dir, 'be.csv'), utf16be(COHORT));
  writeFileSync(join(dir, 'bom.csv'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(COHORT, 'utf16le')]));
  writeFileSync(join(dir, 'config.json'), Buffer.from('{"weights":{"skills":"high"}}', 'utf16le'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('mentor-match validate on UTF-16 without a byte-order mark', () => {
  it.each(['le.csv', 'be.csv'])('%s → exit 3 with one issue: looks like UTF-16 without a BOM; save it as "CSV UTF-8"', (file) => {
    const r = cli(['validate', file, '--json']);
    expect(r.code).toBe(EXIT.invalidInput);
    const all = r.out + r.err;
    expect(all).toContain('looks like UTF-16 text without a byte-order mark');
    expect(all).toContain('"CSV UTF-8"');
    expect(all).toContain(file);
    expect(all).not.toMatch(/unknown column|not a known column/);
    expect(all).toMatch(/refused \(1 issue\)/);
  });

  it('UTF-16 with a BOM is still read', () => {
    const r = cli(['validate', 'bom.csv']);
    expect(r.code).toBe(EXIT.ok);
  });

  it('a --config file in UTF-16 without a BOM → exit 4 with the same advice, not a JSON syntax error', () => {
    const r = cli(['match', 'bom.csv', '--no-progress', '--config', 'config.json']);
    expect(r.code).toBe(EXIT.invalidConfig);
    expect(r.err).toContain('config.json: the config looks like UTF-16 text without a byte-order mark; save it as UTF-8');
  });
});

describe('parseCohortCsv(text) on UTF-16 bytes decoded as UTF-8', () => {
  it.each([
    ['little-endian', Buffer.from(COHORT, 'utf16le')],
    ['big-endian', utf16be(COHORT)],
  ])('%s → CsvFileError with one utf16_without_bom issue', (_, bytes) => {
    let error: unknown;
    try {
      parseCohortCsv(bytes.toString('utf8'));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CsvFileError);
    expect((error as CsvFileError).issues.map((i) => i.code)).toEqual(['utf16_without_bom']);
    expect((error as CsvFileError).issues[0]!.message).toMatch(/save it as "CSV UTF-8"/);
  });

  it('parseHistoryCsv(text) reports it as one file-level issue and loads nothing', () => {
    const r = parseHistoryCsv(Buffer.from('mentee,mentor,rating\ne1,m1,4\n', 'utf16le').toString('utf8'));
    expect(r.entries).toEqual([]);
    expect(r.issues.map((i) => i.code)).toEqual(['utf16_without_bom']);
  });
});

describe('looksLikeUtf16(units)', () => {
  it.each([
    ['ASCII', 'id,role\nm1,mentor\n'],
    ['Latin with accents', 'id,name,role\nm1,José Ñúñez,mentor\n'],
    ['Cyrillic', 'id,имя,role\nm1,Анна,mentor\n'],
    ['Chinese', 'id,名字,role\nm1,李明,mentor\n'],
    ['empty', ''],
    ['one character', 'a'],
  ])('UTF-8 %s text is not UTF-16', (_, text) => {
    expect(looksLikeUtf16(new TextEncoder().encode(text))).toBeUndefined();
    expect(looksLikeUtf16(leadingUnits(text))).toBeUndefined();
  });

  it('UTF-16 of Latin text is, in either byte order; only the first KB is looked at', () => {
    const text = 'id,name,role\nm1,José,mentor\n';
    expect(looksLikeUtf16(Buffer.from(text, 'utf16le'))).toBe('utf-16le');
    expect(looksLikeUtf16(utf16be(text))).toBe('utf-16be');
    const late = Buffer.concat([Buffer.from('x'.repeat(1024)), Buffer.from(text, 'utf16le')]);
    expect(looksLikeUtf16(late)).toBeUndefined();
  });
});
