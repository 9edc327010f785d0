/**
 * `mentor-match validate` (the built binary) on values that look like HR-export
 * mistakes: each warning — comma-separated list, unknown language, manager e-mail that
 * names nobody — is printed with its row and column; seniority words and a grade mapping
 * in the `--columns` file are read; a bad mapping file is a configuration error.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { EXIT } from '../../src/cli/exit-codes.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = join(ROOT, 'dist/cli.js');
let dir: string;

function cli(...args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}
const file = (name: string, text: string): string => {
  writeFileSync(join(dir, name), text);
  return name;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mentor-match-validate-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A `;` export (as spreadsheets write it) with comma lists, language names in several
// languages, seniority words and grades, and managers by e-mail.
const HR = [
  'Employee ID;Role;E-mail;Line manager;Grade;Languages;Can teach;Wants',
  'm1;mentor;ana@corp.com;;M1;Englisch;Kubernetes, Go;', // row 2: comma list
  'm2;mentor;bo@corp.com;;Senior;EN; ;', // row 3
  'e1;mentee;;ANA@corp.com;IC1;English;;kubernetes:3',
  'e2;mentee;;ghost@corp.com;Junior;Klingon;;go:2', // row 5: unknown manager e-mail, unknown language
].join('\n');
const MAPPING = {
  columns: {
    'Employee ID': 'id',
    'Line manager': 'manager_id',
    Grade: { column: 'seniority', values: { IC1: 1, IC2: 2, M1: 4 } },
    'Can teach': 'skills_offered',
    Wants: 'skills_wanted',
  },
};

describe('mentor-match validate: normalisation warnings', () => {
  it('prints each warning with its file, row and column, and exits 0 when there are warnings only', () => {
    file('hr.csv', HR);
    file('map.json', JSON.stringify(MAPPING));
    const r = cli('validate', 'hr.csv', '--columns', 'map.json');
    expect(r.code, r.err).toBe(EXIT.ok);
    const lines = r.out.split('\n');
    const line = (code: string): string | undefined => lines.find((l) => l.endsWith(`[${code}]`));
    expect(line('comma_separated_list')).toMatch(/^warning: hr\.csv: row 2, column 'Can teach' \(participant m1\): .*found "Kubernetes, Go"; read as 2 items/);
    expect(line('unknown_language')).toMatch(/^warning: hr\.csv: row 5, column 'Languages' \(participant e2\): .*found "Klingon"/);
    expect(line('unknown_manager')).toMatch(/^warning: hr\.csv: row 5, column 'Line manager' \(participant e2\): .*found "ghost@corp\.com"/);
    expect(r.out).toMatch(/4 rows: 4 participants loaded \(2 mentors, 2 mentees\); 0 rows with errors; 3 warnings/);
  });

  it('--json gives the warnings as data, with severity, row and column', () => {
    file('hr.csv', HR);
    file('map.json', JSON.stringify(MAPPING));
    const r = cli('validate', 'hr.csv', '--columns', 'map.json', '--json');
    expect(r.code, r.err).toBe(EXIT.ok);
    const j = JSON.parse(r.out) as { participants: number; issues: { severity: string; code: string; row: number; column: string }[] };
    expect(j.participants).toBe(4);
    expect(j.issues.map((i) => [i.severity, i.code, i.row, i.column])).toEqual([
      ['warning', 'comma_separated_list', 2, 'Can teach'],
      ['warning', 'unknown_language', 5, 'Languages'],
      ['warning', 'unknown_manager', 5, 'Line manager'],
    ]);
  });

  it('an unknown seniority word is an error with row and column (exit 3); without the mapping, grades are unknown words', () => {
    file('hr.csv', HR);
    file('plain.json', JSON.stringify({ columns: { ...MAPPING.columns, Grade: 'seniority' } }));
    const r = cli('validate', 'hr.csv', '--columns', 'plain.json');
    expect(r.code).toBe(EXIT.invalidInput);
    expect(r.out).toMatch(/^error: hr\.csv: row 2, column 'Grade' \(participant m1\): expected a number .* found "M1" \[unknown_seniority\]$/m);
    expect(r.out).toMatch(/^error: hr\.csv: row 4, column 'Grade' \(participant e1\): .* found "IC1" \[unknown_seniority\]$/m);
  });

  it('a bad mapping file (values on a non-seniority column, a level that is not a number) is a configuration error (exit 4) naming the file and column', () => {
    file('hr.csv', HR);
    file('bad.json', JSON.stringify({ columns: { 'Employee ID': 'id', Grade: { column: 'department', values: { IC1: 1 } }, 'Can teach': { column: 'seniority', values: { x: 'high' } } } }));
    const r = cli('validate', 'hr.csv', '--columns', 'bad.json');
    expect(r.code).toBe(EXIT.invalidConfig);
    expect(r.err).toContain('bad.json: column "Grade"');
    expect(r.err).toContain('bad.json: column "Can teach"');
  });
});
