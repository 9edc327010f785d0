/**
 * End-to-end matching benchmark: participants → MatchResult.
 *
 *   npx tsx bench/match.ts [--write]
 *
 * Cases: 10,000 mentees × 2,000 mentors with capacity 5 (capacity mode, best total and
 * fairness), and a 2,000-person peer pool. Prints wall time and peak RSS of each case,
 * each run in a fresh child process so that peaks do not mix.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { MatchConfig } from '../src/match/config.js';
import { match } from '../src/match/match.js';
import { groupsOf } from '../src/match/result-shape.js';
import type { Participant } from '../src/profile/types.js';
import { cohort } from './cohort.js';
import { peakRssMB } from './rss.js';

const CASES = {
  capacity: { label: '10,000 mentees × 2,000 mentors, capacity 5, best total', mentees: 10_000, mentors: 2_000, config: { mode: 'capacity' } },
  fairness: { label: '10,000 mentees × 2,000 mentors, capacity 5, fairness', mentees: 10_000, mentors: 2_000, config: { mode: 'capacity', objective: 'fairness' } },
  peer: { label: 'peer pool of 2,000', mentees: 2_000, mentors: 0, config: { mode: 'peer' } },
} as const satisfies Record<string, { label: string; mentees: number; mentors: number; config: MatchConfig }>;
type CaseName = keyof typeof CASES;

const scoring: MatchConfig = {
  skills: { rarity: true },
  rules: { notOwnManager: true, maxTimeZoneGapHours: 10, sharedLanguage: true },
};

function people(c: (typeof CASES)[CaseName]): Participant[] {
  if (c.mentors === 0) return cohort(c.mentees, 'mentee', 3, 'peer').map((p): Participant => ({ ...p, roles: ['mentor', 'mentee'], skillsOffered: p.skillsWanted }));
  const mentors = cohort(c.mentors, 'mentor', 2).map((p) => ({ ...p, capacity: { max: 5, min: 0 } }));
  return [...cohort(c.mentees, 'mentee', 1), ...mentors];
}

const args = process.argv.slice(2);
const only = args[args.indexOf('--case') + 1] as CaseName | undefined;
if (args.includes('--case') && only) {
  const c = CASES[only];
  const ppl = people(c);
  const base = peakRssMB();
  const t0 = performance.now();
  const r = match(ppl, { ...scoring, ...c.config });
  const ms = performance.now() - t0;
  console.log(
    JSON.stringify({ case: only, ms: Math.round(ms), pairs: r.stats.pairs, groups: groupsOf(r).length, unmatched: r.stats.unmatched, meanScore: +r.stats.meanScore.toFixed(1), minScore: +r.stats.lowestScore.toFixed(1), priceOfFairness: r.objective.priceOfFairness, baseMB: base, peakMB: peakRssMB() }),
  );
  process.exit(0);
}

const rows: string[] = [];
for (const name of Object.keys(CASES) as CaseName[]) {
  const out = execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--case', name], { encoding: 'utf8' });
  const r = JSON.parse(out.trim().split('\n').pop()!) as Record<string, number | undefined>;
  console.log(JSON.stringify(r));
  rows.push(
    `| ${CASES[name].label} | ${r.ms} | ${r.pairs} | ${r.unmatched} | ${r.meanScore} / ${r.minScore} | ${r.priceOfFairness === undefined ? '–' : r.priceOfFairness.toFixed(1)} | ${r.baseMB?.toFixed(0)} → ${r.peakMB?.toFixed(0)} |`,
  );
}

if (args.includes('--write')) {
  const path = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
  const old = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmark results\n';
  const section = [
    '<!-- match:start -->',
    '## End to end: participants → MatchResult (`npx tsx bench/match.ts --write`)',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} cores), Node ${process.version}; each case in a fresh process. All ten criteria, skills weighted by rarity, rules: reporting line, max 10 h time-zone gap, shared language. Synthetic seeded cohort: bench/cohort.ts.`,
    '',
    '| case | wall time (ms) | pairs | unmatched | mean / lowest pair score | price of fairness | RSS cohort loaded → peak (MB) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    'Wall time covers the matrix, the solver(s) and the explained result (a per-criterion breakdown for every pair).',
    '<!-- match:end -->',
  ].join('\n');
  const re = /<!-- match:start -->[\s\S]*?<!-- match:end -->/u;
  writeFileSync(path, re.test(old) ? old.replace(re, section) : `${old.trimEnd()}\n\n${section}\n`);
  console.log(`wrote ${path}`);
}
