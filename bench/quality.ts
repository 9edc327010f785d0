/**
 * Match quality as a programme manager sees it: how many mentees the default `match`
 * gives an **essential fit** (a wanted skill at level, a shared language, ≥ 30 min a week
 * in common), against the exact best achievable, on the sample cohort and on seeded
 * generated cohorts of several shapes.
 *
 *   npm run bench:quality [-- --quick] [--seed N] [--cohort file.csv]… [--shapes a,b] [--write|--no-write] [--check]
 *   npm run bench -- --only quality
 *
 * Writes its section of bench/RESULTS.md ("Match quality (essential fit)") on a full run
 * with the recorded seed, as `npm run bench` does; `--quick`, `--seed N` (another seed),
 * `--cohort` and `--shapes` runs are console only unless `--write` is given; `--no-write`
 * never writes. `--check` exits with 1 when a cohort misses a target (rate < 97%, matched
 * below the most matchable, a failing pair without its concern): CI runs it. See
 * bench/README.md ("Match quality") for the definitions.
 */
import { RESULTS_MD } from './paths.js';
import { DEFAULT_SEED } from './_quality/cohorts.js';
import { DEFINITIONS, writeQualitySection } from './_quality/report.js';
import { COHORT_NAMES, runQuality } from './_quality/run.js';

const USAGE = 'usage: npm run bench:quality -- [--quick] [--seed N] [--cohort file.csv]… [--shapes sample,many-languages,…] [--write|--no-write] [--check]';

interface Args {
  quick: boolean;
  seed: number;
  cohorts: string[];
  shapes: string[] | undefined;
  write: boolean | undefined;
  check: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const a: Args = { quick: false, seed: DEFAULT_SEED, cohorts: [], shapes: undefined, write: undefined, check: false };
  const value = (k: number, flag: string): string => {
    const v = argv[k];
    if (v === undefined || v.startsWith('--')) throw new Error(`${flag} expects a value (${USAGE})`);
    return v;
  };
  for (let k = 0; k < argv.length; k++) {
    const f = argv[k];
    if (f === '--quick') a.quick = true;
    else if (f === '--check') a.check = true;
    else if (f === '--write') a.write = true;
    else if (f === '--no-write') a.write = false;
    else if (f === '--seed') {
      const v = value(++k, f);
      a.seed = Number(v);
      if (!Number.isSafeInteger(a.seed) || a.seed < 0) throw new Error(`--seed expects an integer ≥ 0; found ${v}`);
    } else if (f === '--cohort') a.cohorts.push(value(++k, f));
    else if (f === '--shapes') {
      const v = value(++k, f);
      const list = v.split(',').filter(Boolean);
      const bad = list.filter((s) => !COHORT_NAMES.includes(s));
      if (!list.length || bad.length) throw new Error(`--shapes expects some of ${COHORT_NAMES.join(', ')}; found ${v}`);
      a.shapes = list;
    } else if (f === '--help' || f === '-h') {
      console.log(`${USAGE}\n\n${DEFINITIONS.join('\n\n')}`);
      process.exit(0);
    } else throw new Error(`unknown argument ${f} (${USAGE})`);
  }
  return a;
}

const args = parseArgs(process.argv.slice(2));
const t0 = Date.now();
const log = (s: string): void => console.error(`[${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${s}`);
const run = runQuality({ quick: args.quick, seed: args.seed, cohorts: args.cohorts, shapes: args.shapes, log });
console.log(`\n${run.text}\n`);
const recorded = !args.quick && args.seed === DEFAULT_SEED && args.cohorts.length === 0 && args.shapes === undefined;
if (args.write ?? recorded) {
  writeQualitySection(RESULTS_MD, run.markdown);
  log(`wrote ${RESULTS_MD}`);
} else log(`RESULTS.md not updated (${args.write === false ? '--no-write' : 'not the recorded run; pass --write to record it'})`);

if (args.check) {
  const missed = run.rows.flatMap((r) => [
    ...(r.efMentees < 0.97 * r.efBest ? [`${r.cohort}: essential-fit rate ${((100 * r.efMentees) / r.efBest).toFixed(1)}% < 97%`] : []),
    ...(r.matched < r.mostMatchable ? [`${r.cohort}: matched ${r.matched} < most matchable ${r.mostMatchable}`] : []),
    ...((r.missingConcerns ?? 0) > 0 ? [`${r.cohort}: ${r.missingConcerns} pairs fail a check without its concern`] : []),
    ...r.problems.map((p) => `${r.cohort}: ${p}`),
  ]);
  for (const m of missed) console.error(`quality target missed: ${m}`);
  if (missed.length) process.exit(1);
  log('quality targets met on every cohort');
}
