/**
 * Scoring benchmark: builds the compatibility matrix of M mentees × N mentors with every
 * criterion and several rules on, and prints pairs scored per second and memory.
 *
 *   npx tsx bench/score.ts [--mentees 10000] [--mentors 2000] [--runs 3] [--write]
 *
 * Memory: RSS and ArrayBuffer bytes before and after, and the peak RSS of the process
 * (from the OS when /proc is there), against the size of the matrix itself (9 bytes a
 * pair: Float64 score + Uint8 rule code).
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { ScoringConfig } from '../src/score/config.js';
import { buildCompatibility } from '../src/score/matrix.js';
import { cohort } from './cohort.js';
import { peakRssMB } from './rss.js';

const args = process.argv.slice(2);
const opt = (name: string, dflt: number): number => {
  const k = args.indexOf(`--${name}`);
  return k >= 0 ? Number(args[k + 1]) : dflt;
};
const M = opt('mentees', 10_000);
const N = opt('mentors', 2_000);
const runs = opt('runs', 3);

const mentees = cohort(M, 'mentee', 1);
const mentors = cohort(N, 'mentor', 2);
const config: ScoringConfig = {
  weights: { skills: 'high', goals: 'medium', interests: 'low', availability: 'medium', timeZone: 'low', personality: 'low', languages: 'medium', department: 'low', location: 'low', seniority: 'low' },
  skills: { rarity: true },
  custom: [{ attribute: 'band', prefer: 'same', weight: 'low' }],
  rules: { notOwnManager: true, maxTimeZoneGapHours: 10, sharedLanguage: true, seniorityDirection: true },
};

const mb = (b: number): number => b / 1024 / 1024;
const before = process.memoryUsage();
const pairs = M * N;

/** Median build time and forbidden share of one configuration. */
function measure(cfg: ScoringConfig): { medianMs: number; pairsPerSecond: number; forbiddenShare: number } {
  const times: number[] = [];
  let forbidden = 0;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const m = buildCompatibility(mentees, mentors, cfg);
    times.push(performance.now() - t0);
    if (r === 0) for (let k = 0; k < m.forbidden.length; k++) forbidden += m.forbidden[k] ? 1 : 0;
  }
  times.sort((a, b) => a - b);
  const med = times[Math.floor(times.length / 2)];
  return { medianMs: Math.round(med), pairsPerSecond: Math.round(pairs / (med / 1000)), forbiddenShare: +(forbidden / pairs).toFixed(3) };
}

if (args.includes('--memory')) {
  // One build in this process: how far the peak rises above the loaded cohort.
  const base = peakRssMB() ?? mb(process.memoryUsage().rss);
  const m = buildCompatibility(mentees, mentors, config);
  const peak = peakRssMB() ?? mb(process.memoryUsage().rss);
  console.log(JSON.stringify({ pairs: m.scores.length, baselineMB: +base.toFixed(1), peakMB: +peak.toFixed(1), growthMB: +(peak - base).toFixed(1), matrixMB: +mb(pairs * 9).toFixed(1) }));
  process.exit(0);
}

const withRules = measure(config);
const noRules = measure({ ...config, rules: { notOwnManager: false } });
const after = process.memoryUsage();
const matrixMB = mb(pairs * 9);
const line = {
  mentees: M,
  mentors: N,
  pairs,
  withRules,
  noRules,
  matrixMB: +matrixMB.toFixed(1),
  rssBeforeMB: +mb(before.rss).toFixed(1),
  rssAfterMB: +mb(after.rss).toFixed(1),
  peakRssMB: peakRssMB(),
  arrayBuffersMB: +mb(after.arrayBuffers).toFixed(1),
};
console.log(JSON.stringify(line));

/** Runs this script with --memory in a fresh process and describes the result. */
function memoryLine(): string {
  const out = execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--memory', '--mentees', String(M), '--mentors', String(N)], { encoding: 'utf8' });
  const r = JSON.parse(out.trim().split('\n').pop()!) as { baselineMB: number; peakMB: number; growthMB: number; matrixMB: number };
  return `peak RSS ${r.peakMB} MB = ${r.baselineMB} MB with the cohort loaded + ${r.growthMB} MB for the build, of which the matrix itself is ${r.matrixMB} MB.`;
}

if (args.includes('--write')) {
  const file = new URL('./RESULTS.md', import.meta.url);
  const path = file.pathname;
  const old = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmark results\n';
  const section = [
    '<!-- scoring:start -->',
    '## Compatibility matrix (`npx tsx bench/score.ts --write`)',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} cores), Node ${process.version}, one core (the build is single-threaded).`,
    `All ten criteria on (skills with rarity weights, goals, interests, availability with 30-min minimum meetings in UTC, time zone, Big Five personality, languages, department, location, seniority) plus one custom attribute, and four rules (reporting line, max 10 h time-zone gap, shared language, seniority direction). Synthetic seeded cohort: bench/cohort.ts.`,
    '',
    '| configuration | mentees × mentors | pairs | forbidden | median build (ms) | pairs / second |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
    `| all criteria + 4 rules | ${M.toLocaleString('en')} × ${N.toLocaleString('en')} | ${pairs.toLocaleString('en')} | ${(100 * withRules.forbiddenShare).toFixed(1)} % | ${withRules.medianMs} | ${(withRules.pairsPerSecond / 1e6).toFixed(1)} M |`,
    `| all criteria, no rules (every pair scored) | ${M.toLocaleString('en')} × ${N.toLocaleString('en')} | ${pairs.toLocaleString('en')} | ${(100 * noRules.forbiddenShare).toFixed(1)} % | ${noRules.medianMs} | ${(noRules.pairsPerSecond / 1e6).toFixed(1)} M |`,
    '',
    `Memory: the matrix itself is ${line.matrixMB} MB (9 bytes a pair: Float64 score + Uint8 rule code). RSS ${line.rssBeforeMB} MB with the cohort loaded, ${line.rssAfterMB} MB after ${2 * runs} builds, peak ${line.peakRssMB?.toFixed(0) ?? 'n/a'} MB (a previous build's arrays are alive until collected; ArrayBuffers ${line.arrayBuffersMB} MB at the end). Beyond the matrix, a build allocates O(people) (encoded profiles, inverted indexes, a few row buffers).`,
    '',
    `One build in a fresh process (\`npx tsx bench/score.ts --memory\`): ${memoryLine()}`,
    '',
    `Median of ${runs} builds per configuration. Forbidden pairs are not scored by the costly criteria (availability, personality): their score is 0 and explainPair computes it on demand — which is why the configuration with rules is faster.`,
    '<!-- scoring:end -->',
  ].join('\n');
  const re = /<!-- scoring:start -->[\s\S]*?<!-- scoring:end -->/u;
  writeFileSync(path, re.test(old) ? old.replace(re, section) : `${old.trimEnd()}\n\n${section}\n`);
  console.log(`wrote ${path}`);
}
