/**
 * Examples run, and print exactly the output shown with them, so that examples/ cannot
 * drift from what the code does: examples/<name>.ts prints the block pasted at its bottom
 * (the comment that starts with "Output (npx tsx examples/<name>.ts):").
 *
 * Each runs in its own Node process with the tsx loader, as a user would run it with
 * `npx tsx examples/<name>.ts`. The README's samples are test/readme.test.ts's.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EXAMPLES = [
  'assignment',
  'capacitated',
  'peer',
  // On the sample cohort (examples/data/cohort.csv), one per mode of match().
  'one-to-one',
  'capacity',
  'group',
  'peer-mentoring',
  'reverse',
  'fairness',
  // Audits and calibration on the sample cohort and its history (examples/data/history.csv).
  'audits',
  'calibrate',
  // Writes examples/data/history.csv (only when it changes); test/examples/ checks the file.
  'generate-history',
] as const;
/** Scripts in examples/ that are not examples with a pasted output (generate-cohort has its own test in test/examples/). */
const NOT_EXAMPLES = ['generate-cohort', 'run-all'];

/** The pasted output: the lines between "Output (…):" + a blank line and the closing comment. */
function pastedOutput(source: string, name: string): string {
  const marker = `/*\nOutput (npx tsx examples/${name}.ts):\n\n`;
  const start = source.lastIndexOf(marker);
  if (start < 0) throw new Error(`examples/${name}.ts has no block starting with ${JSON.stringify(marker)}`);
  const end = source.indexOf('*/', start + marker.length);
  return source.slice(start + marker.length, end);
}

/** Trailing spaces and a final newline do not count. */
const normalize = (s: string): string =>
  s
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .trimEnd();

/** Runs a TypeScript file with the tsx loader (resolved from this repository) and returns its stdout. */
function runTs(file: string): string {
  return execFileSync(process.execPath, ['--import', 'tsx', file], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
  });
}

describe('examples/ print the output pasted below them', () => {
  it('lists every script in examples/', () => {
    const scripts = readdirSync(join(ROOT, 'examples'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => f.slice(0, -3))
      .filter((n) => !NOT_EXAMPLES.includes(n));
    expect([...EXAMPLES].sort()).toEqual(scripts.sort());
  });

  it.each(EXAMPLES)('npx tsx examples/%s.ts', (name) => {
    const file = join(ROOT, 'examples', `${name}.ts`);
    const expected = pastedOutput(readFileSync(file, 'utf8'), name);
    expect(normalize(expected).length).toBeGreaterThan(0);
    expect(normalize(runTs(file))).toBe(normalize(expected));
  });
});
