/**
 * examples/generate-cohort.ts: the committed sample cohort is exactly what the generator
 * writes with its defaults (seed 42), the script prints the summary pasted below it, and
 * `--people 12000` writes a 12,000-person cohort (a fifth mentors) that loads cleanly.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';

import { parseCohortCsv } from '../../src/csv.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCRIPT = join(ROOT, 'examples', 'generate-cohort.ts');
const COHORT = join(ROOT, 'examples', 'data', 'cohort.csv');
const dir = mkdtempSync(join(tmpdir(), 'mm-cohort-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const COLUMNS = [
  'id', 'name', 'role', 'department', 'location', 'manager_id', 'seniority', 'time_zone', 'languages',
  'skills_offered', 'skills_wanted', 'goals', 'interests', 'availability', 'capacity', 'min_capacity', 'max_mentors',
  'openness', 'conscientiousness', 'extraversion', 'agreeableness', 'neuroticism', 'attr:gender', 'attr:site', 'attr:grade',
];

/** Runs the generator with the tsx loader; returns its stdout. */
function generate(args: string[]): string {
  return execFileSync(process.execPath, ['--import', 'tsx', SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
}

const records = (text: string): Record<string, string>[] => parse(text, { columns: true });

describe('npx tsx examples/generate-cohort.ts', () => {
  it('regenerates examples/data/cohort.csv byte for byte and prints the pasted summary', () => {
    const out = join(dir, 'cohort.csv');
    const stdout = generate(['--out', out]);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(COHORT, 'utf8'));

    const source = readFileSync(SCRIPT, 'utf8');
    const marker = '/*\nOutput (npx tsx examples/generate-cohort.ts):\n\n';
    const start = source.lastIndexOf(marker);
    expect(start).toBeGreaterThan(0);
    const pasted = source.slice(start + marker.length, source.indexOf('*/', start)).trim();
    expect(stdout.replaceAll(out, 'examples/data/cohort.csv').trim()).toBe(pasted);
  });

  it('writes the canonical columns, 60 mentors and 150 mentees by default', () => {
    const text = readFileSync(COHORT, 'utf8');
    expect(text.split('\n')[0]).toBe(COLUMNS.join(','));
    const rows = records(text);
    expect(rows).toHaveLength(210);
    expect(rows.filter((r) => r.role.includes('mentor'))).toHaveLength(60);
    expect(rows.filter((r) => r.role === 'mentee')).toHaveLength(150);
    expect(rows.filter((r) => r.role === 'mentor;mentee').length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.id)).size).toBe(210);
    expect(new Set(rows.map((r) => r.department)).size).toBe(6);
    expect(new Set(rows.map((r) => r.time_zone)).size).toBeGreaterThanOrEqual(8);
    // Managers who are in the cohort are mentors of the same department.
    const byId = new Map(rows.map((r) => [r.id, r]));
    const inCohort = rows.filter((r) => byId.has(r.manager_id));
    expect(inCohort.length).toBeGreaterThan(20);
    for (const r of inCohort) {
      expect(byId.get(r.manager_id)!.role).toContain('mentor');
      expect(byId.get(r.manager_id)!.department).toBe(r.department);
    }
    // Capacities only for mentors, max_mentors only for mentees; some of each special case.
    for (const r of rows) {
      if (!r.role.includes('mentor')) expect(r.capacity + r.min_capacity).toBe('');
      if (!r.role.includes('mentee')) expect(r.max_mentors).toBe('');
    }
    expect(rows.some((r) => r.min_capacity === '1')).toBe(true);
    expect(rows.some((r) => r.max_mentors === '2')).toBe(true);
    expect(rows.some((r) => r.name.includes(','))).toBe(true);
    expect(text).toMatch(/"[^"\n]*, Jr\."/u);
  });

  it('writes a cohort that parseCohortCsv loads without an issue', () => {
    const r = parseCohortCsv(readFileSync(COHORT, 'utf8'));
    expect(r.issues).toEqual([]);
    expect(r.rows).toBe(210);
    expect(r.participants).toHaveLength(210);
  });

  it('depends on the seed', () => {
    const out = join(dir, 'seed-7.csv');
    generate(['--seed', '7', '--mentors', '5', '--mentees', '12', '--out', out]);
    const text = readFileSync(out, 'utf8');
    expect(records(text)).toHaveLength(17);
    expect(text).not.toBe(readFileSync(COHORT, 'utf8'));
  });

  it('--people 12000 writes 12,000 rows, a fifth of them mentors', () => {
    const out = join(dir, 'cohort-12000.csv');
    const stdout = generate(['--people', '12000', '--out', out]);
    expect(stdout).toContain('12000 people (2400 mentors, 9600 mentees, seed 42)');
    const text = readFileSync(out, 'utf8');
    const rows = records(text);
    expect(rows).toHaveLength(12_000);
    expect(rows.filter((r) => r.role.includes('mentor'))).toHaveLength(2400);
    expect(new Set(rows.map((r) => r.id)).size).toBe(12_000);
    const parsed = parseCohortCsv(text);
    expect(parsed.issues).toEqual([]);
    expect(parsed.participants).toHaveLength(12_000);
  });
});

describe('examples/data/hr-export.csv with examples/data/columns.json', () => {
  const raw = readFileSync(join(ROOT, 'examples', 'data', 'hr-export.csv'));
  const text = raw.toString('utf8');
  const { columns } = JSON.parse(readFileSync(join(ROOT, 'examples', 'data', 'columns.json'), 'utf8')) as { columns: Record<string, string> };

  it('is exported as a spreadsheet program would: BOM, semicolons, CRLF, 10 rows', () => {
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.split('\r\n')[0]).toContain(';');
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/u);
    expect(Object.values(columns).sort()).toEqual([...COLUMNS].sort());
  });

  it('loads through the mapping without an issue', () => {
    const r = parseCohortCsv(text, { columns, delimiter: ';' });
    expect(r.issues).toEqual([]);
    expect(r.participants).toHaveLength(10);
    const zoe = r.participants.find((p) => p.name === 'Zoë Becker')!;
    expect(zoe.roles).toEqual(['mentor', 'mentee']);
    expect(zoe.timeZone).toBe('Europe/Berlin');
    expect(zoe.attributes).toEqual({ gender: 'female', site: 'hq', grade: 'IC4' });
    expect(r.participants.find((p) => p.id === '10482')!.capacity).toEqual({ max: 3, min: 1 });
    expect(r.participants.some((p) => p.name === 'Robert Smith, Jr.')).toBe(true);
  });
});
