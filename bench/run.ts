/**
 * `npm run bench [-- --only lsap|peer|cap|quality[,…]] [--quick] [--write|--no-write]`
 *
 * Side-by-side solver benchmarks on seeded matrices shared with the Python anchors
 * (shared/anchors/): prints one table per case group and writes them to bench/RESULTS.md
 * (only between `<!-- solvers:start -->` and `<!-- solvers:end -->`; other sections of
 * that file are kept). `--quick` runs small sizes only and does not write RESULTS.md
 * unless `--write` is given.
 *
 * `--only quality` runs the match-quality benchmark instead (bench/quality.ts, default
 * seed and cohorts), written between `<!-- quality:start -->` and `<!-- quality:end -->`.
 * It is not one of the solver groups, so a run without `--only` does not include it.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { anchorVersions } from './anchors.js';
import { runCap } from './case-cap.js';
import { runLsap } from './case-lsap.js';
import { runPeer } from './case-peer.js';
import { pythonAvailable } from './data.js';
import { PYTHON, RESULTS_MD } from './paths.js';
import { sectionText, writeResults, type Section } from './report.js';
import { DEFAULT_SEED } from './_quality/cohorts.js';
import { writeQualitySection } from './_quality/report.js';
import { runQuality } from './_quality/run.js';

const GROUPS = ['lsap', 'peer', 'cap'] as const;
type Group = (typeof GROUPS)[number];
/** Accepted by `--only` besides the solver groups; run only when named. */
const EXTRAS = ['quality'] as const;
type Extra = (typeof EXTRAS)[number];
const ONLY = [...GROUPS, ...EXTRAS] as const;

function parseArgs(argv: string[]): { only: (Group | Extra)[]; quick: boolean; write: boolean } {
  let only: (Group | Extra)[] = [...GROUPS];
  let quick = false;
  let write: boolean | undefined;
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (a === '--quick') quick = true;
    else if (a === '--write') write = true;
    else if (a === '--no-write') write = false;
    else if (a === '--only' || a.startsWith('--only=')) {
      const v = a === '--only' ? argv[++k] : a.slice('--only='.length);
      const list = (v ?? '').split(/[,|]/).filter(Boolean);
      const badOnes = list.filter((g) => !(ONLY as readonly string[]).includes(g));
      if (!list.length || badOnes.length) throw new Error(`--only expects ${ONLY.join('|')} (comma-separated); found ${v ?? 'nothing'}`);
      only = list as (Group | Extra)[];
    } else if (a === '--help' || a === '-h') {
      console.log('usage: npm run bench -- [--only lsap|peer|cap|quality[,…]] [--quick] [--write|--no-write]');
      process.exit(0);
    } else throw new Error(`unknown argument ${a} (try --help)`);
  }
  return { only, quick, write: write ?? !quick };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = new Date();
  const t0 = Date.now();
  const log = (s: string): void => console.error(`[${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${s}`);
  const groups = GROUPS.filter((g) => args.only.includes(g));
  const py = groups.length ? pythonAvailable() : { ok: true, why: '' };
  if (!py.ok) log(`WARNING: ${PYTHON} cannot import numpy/scipy/networkx (${py.why}): JS-generated data, no anchor columns.`);

  const sections: Section[] = [];
  const runners: Record<Group, typeof runLsap> = { lsap: runLsap, peer: runPeer, cap: runCap };
  for (const g of GROUPS) {
    if (!args.only.includes(g)) continue;
    const s = await runners[g]({ quick: args.quick, log });
    const stamp = `${started.toISOString().slice(0, 10)}${args.quick ? ', --quick' : ''}; ${anchorLine(g)}`;
    sections.push({ ...s, env: `Measured ${stamp}. ${s.env}` });
    console.log(`\n${sectionText(sections[sections.length - 1])}\n`);
  }

  const cpu = cpus();
  const header = [
    '## Solvers side by side (`npm run bench`)',
    '',
    `Last run: ${started.toISOString().replace('T', ' ').slice(0, 16)} UTC (${groups.join(', ')}${args.quick ? ', --quick' : ''}), ${(Date.now() - t0) / 1000 | 0} s; ` +
      `machine: ${cpu[0]?.model ?? '?'} × ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM, ` +
      `Node ${process.version}, load average at start ${loadavg()[0].toFixed(2)}.`,
    py.ok ? '' : `\n**${PYTHON} has no numpy/scipy: matrices came from a JS PRNG and the anchor columns are empty.**`,
    'Each subsection below records the date and anchor versions of the run that produced it.',
  ].join('\n');
  const footer = [
    '### How to reproduce',
    '',
    '```sh',
    'apt-get install -y python3-scipy python3-numpy python3-networkx time   # once; used via /usr/bin/python3',
    'npm ci',
    'npm run bench                      # everything (several minutes), rewrites this section',
    'npm run bench -- --only lsap       # or peer, cap (comma-separated); other subsections are kept',
    'npm run bench -- --quick           # small sizes, console only (add --write to record)',
    '```',
    '',
    'Matrices are generated once into bench/.data/ by shared/anchors/make_matrix.py (seeded) and the very same files are given to the anchors. See bench/README.md for what is timed.',
  ].join('\n');

  // The quality benchmark, when named: its own section of RESULTS.md.
  const quality = args.only.includes('quality') ? runQuality({ quick: args.quick, seed: DEFAULT_SEED, cohorts: [], log }) : undefined;
  if (quality) console.log(`\n${quality.text}\n`);

  if (args.write) {
    if (groups.length) writeResults(RESULTS_MD, { header, footer, order: GROUPS, sections });
    if (quality) writeQualitySection(RESULTS_MD, quality.markdown);
    log(`wrote ${RESULTS_MD}`);
  } else log(`RESULTS.md not updated (${args.quick ? 'quick run; pass --write to record it' : '--no-write'})`);
}

function anchorLine(g: Group): string {
  const v = (k: string): string => anchorVersions.get(k) ?? 'not run';
  if (g === 'peer') return `networkx ${v('networkx')}`;
  return `scipy ${v('scipy')}`;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
