/**
 * examples/generate-history.ts: the committed examples/data/history.csv is exactly what
 * the generator writes with its defaults (seed 42), the script prints the summary pasted
 * below it, and the file loads cleanly into `calibrateWeights`' input for the sample
 * cohort.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

import { parseCohortCsv, parseHistoryCsv } from '../../src/csv.js';
import { matchMatrix } from '../../src/index.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCRIPT = join(ROOT, 'examples', 'generate-history.ts');
const HISTORY = join(ROOT, 'examples', 'data', 'history.csv');
const COHORT = join(ROOT, 'examples', 'data', 'cohort.csv');
const dir = mkdtempSync(join(tmpdir(), 'mm-history-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the generator with the tsx loader; returns its stdout. */
function generate(args: string[]): string {
  return execFileSync(process.execPath, ['--import', 'tsx', SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
}

describe('npx tsx examples/generate-history.ts', () => {
  it('regenerates examples/data/history.csv byte for byte and prints the pasted summary', () => {
    const out = join(dir, 'history.csv');
    const stdout = generate(['--out', out]);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(HISTORY, 'utf8'));

    const source = readFileSync(SCRIPT, 'utf8');
    const marker = '/*\nOutput (npx tsx examples/generate-history.ts):\n\n';
    const start = source.lastIndexOf(marker);
    expect(start).toBeGreaterThan(0);
    const pasted = source.slice(start + marker.length, source.indexOf('*/', start)).trim();
    expect(stdout.replaceAll(out, 'examples/data/history.csv').trim()).toBe(pasted);
  });

  it('writes 400 distinct pairs of the sample cohort, allowed by the default rules, rated 1–5 in halves', () => {
    const { participants } = parseCohortCsv(readFileSync(COHORT, 'utf8'), { strict: true });
    const text = readFileSync(HISTORY, 'utf8');
    expect(text.split('\n')[0]).toBe('mentee,mentor,rating');
    const { entries, issues } = parseHistoryCsv(text);
    expect(issues).toEqual([]);
    expect(entries).toHaveLength(400);
    expect(new Set(entries.map((e) => `${e.menteeId}|${e.mentorId}`)).size).toBe(400);
    const matrix = matchMatrix(participants);
    const row = new Map(matrix.rowIds.map((id, i) => [id, i]));
    const col = new Map(matrix.colIds.map((id, j) => [id, j]));
    for (const e of entries) {
      expect(row.has(e.menteeId) && col.has(e.mentorId)).toBe(true);
      expect(matrix.isForbidden(row.get(e.menteeId)!, col.get(e.mentorId)!)).toBe(false);
      expect(typeof e.outcome).toBe('number');
      expect(Number.isInteger(2 * Number(e.outcome))).toBe(true);
    }
    // The ratings span the scale.
    const ratings = new Set(entries.map((e) => e.outcome));
    expect(ratings.has(1) && ratings.has(5)).toBe(true);
    expect(ratings.size).toBe(9);
  });

  it('depends on the seed and the number of pairs', () => {
    const out = join(dir, 'seed-7.csv');
    const stdout = generate(['--seed', '7', '--out', out]);
    expect(stdout).toContain(`(seed 7) → ${out}`);
    expect(parseHistoryCsv(readFileSync(out, 'utf8')).entries).toHaveLength(400);
    expect(readFileSync(out, 'utf8')).not.toBe(readFileSync(HISTORY, 'utf8'));

    const small = join(dir, 'pairs-50.csv');
    expect(generate(['--pairs', '50', '--out', small])).toContain('50 past pairs of ');
    expect(parseHistoryCsv(readFileSync(small, 'utf8')).entries).toHaveLength(50);
  });
});
