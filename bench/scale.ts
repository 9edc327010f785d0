/**
 * `npx tsx bench/scale.ts [--people 12000,24000,48000,100000] [--peer 12000] [--no-write]`
 *
 * The scale table of issue 13: the shipped command line (`node dist/cli.js match`, built
 * by `npm run build`) on generated cohorts (examples/generate-cohort.ts --people N: a
 * fifth mentors, default configuration), writing the matches CSV, the result JSON and the
 * HTML report, as a programme manager would run it. One fresh process per run, timed by
 * `/usr/bin/time -v`: wall time and peak RSS. From the result JSON: the path taken (dense,
 * or candidates with its certificate: rounds, candidate pairs, mentees scored again), and
 * mentees × mentors per second of wall time (every pair is scored once).
 *
 * Writes the section between `<!-- scale:start -->` and `<!-- scale:end -->` of
 * bench/RESULTS.md unless `--no-write`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCohortCsv } from '../src/io/csv/parse-cohort.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS = join(ROOT, 'bench/RESULTS.md');
const args = process.argv.slice(2);
const arg = (name: string, dflt: string): string => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const sizes = arg('--people', '12000,24000,48000,100000').split(',').map(Number);
const peerSizes = arg('--peer', '12000').split(',').filter(Boolean).map(Number);
const CLI = join(ROOT, 'dist/cli.js');

/** The cohort CSV of n people, generated once into bench/.data/. */
function cohortFile(n: number): string {
  const path = join(ROOT, `bench/.data/cohort-${n}.csv`);
  if (!existsSync(path)) execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'examples/generate-cohort.ts'), '--people', String(n), '--out', path], { stdio: 'ignore', cwd: ROOT });
  return path;
}

interface Run {
  readonly people: number;
  readonly mode: string;
  readonly rows: number;
  readonly cols: number;
  readonly wallS: number;
  readonly peakMB: number;
  readonly exit: number;
  readonly path: string;
  readonly matched: number;
  readonly note: string;
}

function run(n: number, mode: 'capacity' | 'peer'): Run {
  const file = cohortFile(n);
  const out = mkdtempSync(join(tmpdir(), 'mm-scale-'));
  const json = join(out, 'result.json');
  try {
    const t = performance.now();
    const r = spawnSync('/usr/bin/time', ['-v', process.execPath, CLI, 'match', file, '--mode', mode, '--no-progress', '--quiet', '--out', join(out, 'm.csv'), '--json', json, '--report', join(out, 'r.html')], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const wallS = (performance.now() - t) / 1000;
    const peakKB = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? NaN);
    const exit = Number(/Exit status: (\d+)/.exec(r.stderr)?.[1] ?? r.status ?? -1);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('mentor-match') || l.startsWith('note')).join(' ');
    let path = '–';
    let matched = 0;
    let rows = 0;
    let cols = 0;
    if (existsSync(json)) {
      const res = JSON.parse(readFileSync(json, 'utf8'));
      const c = res.search?.certificate;
      path = c ? `candidates: ${c.certified ? 'certified' : 'NOT certified'}, ${c.rounds} round${c.rounds === 1 ? '' : 's'}, ${c.candidatePairs.toLocaleString('en-US')} candidate pairs, ${c.rescoredRows.toLocaleString('en-US')} rows scored again` : 'dense';
      matched = res.stats.matched;
    }
    const people = parseCohortCsv(readFileSync(file, 'utf8')).participants;
    rows = mode === 'peer' ? people.length : people.filter((p) => p.roles.includes('mentee')).length;
    cols = mode === 'peer' ? people.length : people.filter((p) => p.roles.includes('mentor')).length;
    return { people: n, mode, rows, cols, wallS, peakMB: peakKB / 1024, exit, path, matched, note: lines };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first');
const started = new Date();
const load = loadavg()[0];
const runs: Run[] = [];
for (const n of sizes) {
  const r = run(n, 'capacity');
  runs.push(r);
  console.log(JSON.stringify(r));
}
for (const n of peerSizes) {
  const r = run(n, 'peer');
  runs.push(r);
  console.log(JSON.stringify(r));
}

const fmt = (x: number, d = 1): string => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const table = [
  '| people | mode | mentees × mentors | exit | wall (s) | peak RSS (MB) | pairs scored per second | matched | path |',
  '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ...runs.map((r) => `| ${r.people.toLocaleString('en-US')} | ${r.mode} | ${r.rows.toLocaleString('en-US')} × ${r.cols.toLocaleString('en-US')} | ${r.exit} | ${fmt(r.wallS)} | ${fmt(r.peakMB, 0)} | ${r.exit === 0 ? `${fmt((r.rows * r.cols) / r.wallS / 1e6)} M` : '–'} | ${r.matched.toLocaleString('en-US')} | ${r.path}${r.note ? ` (${r.note.replace(/\|/g, '/')})` : ''} |`),
];
const section = [
  '<!-- scale:start -->',
  '## Scale: the command line on large cohorts (issue 13)',
  '',
  `Measured ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, load average at start ${load.toFixed(2)}. \`node dist/cli.js match cohort-N.csv --mode M --out … --json … --report …\` (default configuration, audits on), one fresh process per run, timed by \`/usr/bin/time -v\`. Cohorts: \`examples/generate-cohort.ts --people N\` (seed 42, a fifth mentors).`,
  '',
  ...table,
  '',
  '*pairs scored per second*: mentees × mentors (peer: the pool squared) over the whole wall time — every pair is scored once on either path (a peer pair once, from its lower-numbered person: half the pool squared is scored). *path*: `dense` keeps every pair in memory; `candidates` is the streamed candidate path with its certificate (see the README, "Large cohorts"). Reproduce: `npm run build && npx tsx bench/scale.ts`.',
  '<!-- scale:end -->',
].join('\n');
if (!args.includes('--no-write')) {
  const md = readFileSync(RESULTS, 'utf8');
  const re = /<!-- scale:start -->[\s\S]*<!-- scale:end -->/;
  writeFileSync(RESULTS, re.test(md) ? md.replace(re, section) : `${md.trimEnd()}\n\n${section}\n`);
  console.log('wrote the scale section of bench/RESULTS.md');
}
