/**
 * `mentor-match match --workers N`: the built binary (and the sources under tsx, as
 * `npm run demo` runs them) writes the same outputs on 2 worker threads as on one, and
 * exits when done (no thread left behind).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { EXIT } from '../../src/cli/exit-codes.js';
import { CLI, COHORT, ROOT } from '../_helpers/cli-sandbox.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mentor-match-workers-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `match` on the sample cohort into `out/`; every matrix is scored on the pool (threshold 0) when there is one. */
function run(command: readonly string[], out: string, ...args: string[]): { code: number; out: string; err: string; files: Record<string, string> } {
  const prefix = join(dir, out);
  const r = spawnSync(command[0]!, [...command.slice(1), 'match', COHORT, '--out', `${prefix}-m.csv`, '--json', `${prefix}-r.json`, '--report', `${prefix}-r.html`, '--no-progress', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', MENTOR_MATCH_PARALLEL_MIN_PAIRS: '0' },
    timeout: 120_000,
  });
  const files = Object.fromEntries(['m.csv', 'r.json', 'r.html'].map((f) => [f, readFileSync(`${prefix}-${f}`, 'utf8')]));
  return { code: r.status ?? -1, out: r.stdout.replaceAll(prefix, 'OUT'), err: r.stderr, files };
}

const BUILT = [process.execPath, CLI];

describe('mentor-match match --workers', () => {
  it.each([['capacity'], ['peer'], ['group']])('--workers 2 writes the same outputs as --workers 1 (mode %s), and exits', (mode) => {
    const one = run(BUILT, `${mode}-1`, '--workers', '1', '--mode', mode);
    const two = run(BUILT, `${mode}-2`, '--workers', '2', '--mode', mode);
    expect(one.code).toBe(EXIT.ok);
    expect(two.code).toBe(EXIT.ok); // spawnSync returned: the process exited by itself
    expect(two.err).toBe(one.err);
    expect(two.out).toBe(one.out);
    expect(two.files).toEqual(one.files);
  });

  it('from source under tsx (npm run demo), --workers 3 writes the same outputs', () => {
    const one = run(BUILT, 'built-1', '--workers', '1');
    const src = run([process.execPath, join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'src/cli/bin.ts')], 'src-3', '--workers', '3');
    expect(src.code).toBe(EXIT.ok);
    expect(src.files).toEqual(one.files);
  });

  it('--workers 0 is a usage error; --help documents --workers', () => {
    const bad = spawnSync(process.execPath, [CLI, 'match', COHORT, '--workers', '0'], { encoding: 'utf8' });
    expect(bad.status).toBe(EXIT.usage);
    const help = spawnSync(process.execPath, [CLI, 'match', '--help'], { encoding: 'utf8' });
    expect(help.stdout).toMatch(/--workers <n>/u);
  });

  it('a bad MENTOR_MATCH_PARALLEL_MIN_PAIRS is a config error', () => {
    const r = spawnSync(process.execPath, [CLI, 'match', COHORT, '-q', '--no-progress'], { encoding: 'utf8', env: { ...process.env, MENTOR_MATCH_PARALLEL_MIN_PAIRS: 'lots' } });
    expect(r.status).toBe(EXIT.invalidConfig);
    expect(r.stderr).toMatch(/MENTOR_MATCH_PARALLEL_MIN_PAIRS/u);
  });
});
