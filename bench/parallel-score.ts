/**
 * Scoring on worker threads: pairs scored per second by `buildCompatibility` on one thread
 * and on a pool of worker threads (`createWorkerPool`), on bench/cohort.ts cohorts.
 *
 *   npx tsx bench/parallel-score.ts [--threads 2,3] [--runs 3] [--cases 10000x2000,40000x10000]
 *
 * `n` threads = the calling thread and a pool of `n − 1` workers (the caller scores blocks
 * too while it waits), as `mentor-match match --workers n` runs.
 *
 * Each (case, mode) runs in a fresh child process, so "cold" is what a CLI run pays: the
 * first build in a new process (for the pool: starting the workers, sending them the
 * cohort, their JIT warm-up); "warm" is the median of the next builds in that process
 * (the same pool). The matrices are checked to be the same bytes (a SHA-256 of the three
 * arrays per mode). The CPU time of all threads over the warm builds shows the pool's
 * overhead apart from the machine's load (on a busy machine the wall-clock speed-up is
 * bounded by the cores other processes leave free). Also printed: what a job costs before any row is scored — a structured
 * clone of the cohort (what posting it to a worker serialises) and building the
 * RowScorer (what each worker does first).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

import { createWorkerPool } from '../src/cli/worker-pool.js';
import { resolveConfig, type ScoringConfig } from '../src/score/config.js';
import { buildCompatibility, type CompatibilityMatrix } from '../src/score/matrix.js';
import { RowScorer } from '../src/score/row-scorer.js';
import { cohort } from './cohort.js';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string): string => {
  const k = args.indexOf(`--${name}`);
  return k >= 0 ? args[k + 1]! : dflt;
};

const CONFIG: ScoringConfig = {
  weights: { skills: 'high', goals: 'medium', interests: 'low', availability: 'medium', timeZone: 'low', personality: 'low', languages: 'medium', department: 'low', location: 'low', seniority: 'low' },
  skills: { rarity: true },
  custom: [{ attribute: 'band', prefer: 'same', weight: 'low' }],
  rules: { notOwnManager: true, maxTimeZoneGapHours: 10, sharedLanguage: true, seniorityDirection: true },
};

interface ChildResult {
  readonly coldMs: number;
  readonly warmMs: number | null;
  /** CPU time of every thread of the process over the warm builds, per build. */
  readonly warmCpuMs: number | null;
  readonly sha: string;
  readonly cloneMs: number;
  readonly scorerMs: number;
}

function digest(m: CompatibilityMatrix): string {
  const h = createHash('sha256');
  const CHUNK = 1 << 28; // Hash.update takes at most 2 GiB at a time
  for (const a of [new Uint8Array(m.scores.buffer, m.scores.byteOffset, m.scores.byteLength), m.forbidden, m.checks]) {
    for (let k = 0; k < a.length; k += CHUNK) h.update(a.subarray(k, k + CHUNK));
  }
  return h.digest('hex').slice(0, 16);
}

async function child(M: number, N: number, threads: number, runs: number): Promise<ChildResult> {
  const mentees = cohort(M, 'mentee', 1);
  const mentors = cohort(N, 'mentor', 2);
  const t0 = performance.now();
  const pool = threads > 1 ? createWorkerPool({ size: threads - 1 }) : undefined;
  const build = (): CompatibilityMatrix => buildCompatibility(mentees, mentors, CONFIG, undefined, pool ? { pool } : {});
  let m: CompatibilityMatrix | undefined = build();
  const coldMs = performance.now() - t0;
  const sha = digest(m);
  m = undefined;
  const times: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let r = 1; r < runs; r++) {
    const t = performance.now();
    build();
    times.push(performance.now() - t);
  }
  const cpu = process.cpuUsage(cpu0);
  const warmCpuMs = runs > 1 ? (cpu.user + cpu.system) / 1000 / (runs - 1) : null;
  await pool?.close();
  times.sort((a, b) => a - b);
  let t = performance.now();
  structuredClone({ mentees, mentors });
  const cloneMs = performance.now() - t;
  t = performance.now();
  new RowScorer('bipartite', mentees, mentors, resolveConfig(CONFIG));
  const scorerMs = performance.now() - t;
  return { coldMs, warmMs: times.length ? times[Math.floor(times.length / 2)]! : null, warmCpuMs, sha, cloneMs, scorerMs };
}

async function main(): Promise<void> {
  if (args[0] === '--child') {
    const [M, N, threads, runs] = args.slice(1, 5).map(Number) as [number, number, number, number];
    process.stdout.write(`${JSON.stringify(await child(M, N, threads, runs))}\n`);
    return;
  }
  const threads = opt('threads', '2,3').split(',').map(Number);
  const runs = Number(opt('runs', '3'));
  const cases = opt('cases', '10000x2000,40000x10000').split(',').map((c) => c.split('x').map(Number) as [number, number]);
  const self = fileURLToPath(import.meta.url);
  console.log(`parallel scoring: 1 thread vs ${threads.join(', ')} threads (main + workers); ${os.availableParallelism()} cores; load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}; node ${process.version}`);
  console.log('');
  console.log('| mentees × mentors | pairs | mode | cold ms | cold Mpairs/s | warm ms | warm Mpairs/s | warm speed-up | warm CPU ms (all threads) | clone ms | RowScorer ms | same bytes |');
  console.log('| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const [M, N] of cases) {
    const pairs = M * N;
    const need = pairs * 9 * 2.2; // the matrix, plus the next build's while the last is collected
    if (need > os.totalmem() * 0.8) {
      console.log(`| ${M} × ${N} | ${pairs.toLocaleString('en')} | skipped: needs about ${(need / 2 ** 30).toFixed(1)} GiB | | | | | | | | | |`);
      continue;
    }
    const out: ChildResult[] = [];
    for (const w of [1, ...threads]) {
      const r = JSON.parse(execFileSync(process.execPath, [...process.execArgv, self, '--child', String(M), String(N), String(w), String(runs)], { encoding: 'utf8', maxBuffer: 1 << 20, stdio: ['ignore', 'pipe', 'inherit'] })) as ChildResult;
      out.push(r);
      const rate = (ms: number | null): string => (ms === null ? '–' : (pairs / ms / 1000).toFixed(2));
      const speed = w === 1 || r.warmMs === null || out[0]!.warmMs === null ? '' : `${(out[0]!.warmMs / r.warmMs).toFixed(2)}×`;
      console.log(
        `| ${M.toLocaleString('en')} × ${N.toLocaleString('en')} | ${pairs.toLocaleString('en')} | ${w === 1 ? '1 thread' : `${w} threads (main + ${w - 1} worker${w === 2 ? '' : 's'})`} | ${Math.round(r.coldMs)} | ${rate(r.coldMs)} | ${r.warmMs === null ? '–' : Math.round(r.warmMs)} | ${rate(r.warmMs)} | ${speed} | ${r.warmCpuMs === null ? '–' : Math.round(r.warmCpuMs)} | ${Math.round(r.cloneMs)} | ${Math.round(r.scorerMs)} | ${w === 1 ? r.sha : r.sha === out[0]!.sha ? 'yes' : `NO (${r.sha})`} |`,
      );
    }
  }
}

await main();
