/**
 * Runs the Python anchors of shared/anchors/ on a .f64 file and parses their one JSON line.
 * Optionally under GNU time to get the process's peak RSS.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { ANCHORS_DIR, BENCH_DIR, GNU_TIME, PYTHON } from './paths.js';

export interface AnchorResult {
  readonly solver: string;
  readonly version: string;
  readonly median_ms: number;
  readonly runs: number;
  readonly total: number;
  /** Peak RSS of the whole Python process in KB (only with `rss: true`). */
  readonly peakKB?: number;
}

/** Versions reported by the anchors during this run (for the results header). */
export const anchorVersions = new Map<string, string>();

export function gnuTimeAvailable(): boolean {
  return existsSync(GNU_TIME);
}

/**
 * Runs `cmd args` (under GNU time when `rss`), returns stdout and peak RSS in KB.
 * Throws with stderr on a non-zero exit.
 */
export function runProcess(
  cmd: string,
  args: string[],
  rss: boolean,
  timeoutMs = 30 * 60_000,
  env: NodeJS.ProcessEnv = process.env,
): { stdout: string; peakKB?: number } {
  const rssFile = resolve(BENCH_DIR, '.data', `rss-${process.pid}-${Date.now()}.txt`);
  const argv = rss ? ['-f', '%M', '-o', rssFile, cmd, ...args] : args;
  const r = spawnSync(rss ? GNU_TIME : cmd, argv, { encoding: 'utf8', maxBuffer: 64 << 20, timeout: timeoutMs, env });
  let peakKB: number | undefined;
  if (rss && existsSync(rssFile)) {
    const lines = readFileSync(rssFile, 'utf8').trim().split('\n');
    peakKB = Number(lines[lines.length - 1]);
    rmSync(rssFile, { force: true });
  }
  if (r.status !== 0) {
    const why = r.error?.message ?? (r.signal ? `killed by ${r.signal}` : `exit ${r.status}`);
    throw new Error(`${cmd} ${args.join(' ')}: ${why}\n${(r.stderr ?? '').trim().split('\n').slice(-5).join('\n')}`);
  }
  return { stdout: r.stdout, peakKB };
}

function lastJson<T>(stdout: string): T {
  const line = stdout.trim().split('\n').filter((l) => l.startsWith('{')).pop();
  if (!line) throw new Error(`no JSON line in anchor output: ${stdout.slice(0, 200)}`);
  return JSON.parse(line) as T;
}

/** `scipy_lsap.py FILE ROWS COLS --runs N` (one warm-up inside the script, then the median of N). */
export function scipyLsap(file: string, rows: number, cols: number, opts: { runs: number; rss?: boolean; out?: string }): AnchorResult {
  const args = [resolve(ANCHORS_DIR, 'scipy_lsap.py'), file, String(rows), String(cols), '--runs', String(opts.runs)];
  if (opts.out) args.push('--out', opts.out);
  const { stdout, peakKB } = runProcess(PYTHON, args, opts.rss === true);
  const r = lastJson<AnchorResult>(stdout);
  anchorVersions.set('scipy', r.version);
  return { ...r, peakKB };
}

/** `networkx_mwm.py FILE N --runs N` (no warm-up inside the script). */
export function networkxMwm(file: string, n: number, opts: { runs: number }): AnchorResult {
  const args = [resolve(ANCHORS_DIR, 'networkx_mwm.py'), file, String(n), '--runs', String(opts.runs)];
  const { stdout } = runProcess(PYTHON, args, false);
  const r = lastJson<AnchorResult>(stdout);
  anchorVersions.set('networkx', r.version);
  return r;
}

/** Peak RSS (KB) of a Python process that imports numpy + scipy.optimize and loads the file, nothing else. */
export function pythonBaselineKB(file: string, rows: number, cols: number): number | undefined {
  return runProcess(PYTHON, [resolve(BENCH_DIR, 'py_baseline.py'), file, String(rows), String(cols)], true).peakKB;
}
