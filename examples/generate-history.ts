/**
 * A seeded generator of a made-up history for the sample cohort: past mentee–mentor pairs
 * with a satisfaction rating 1–5, as if from an earlier round of the programme, written
 * as CSV in the history format (examples/data/README.md, "The history CSV format") that
 * `parseHistoryCsv` reads and `calibrateWeights` learns from (see examples/calibrate.ts).
 *
 * The pairs: reads examples/data/cohort.csv, builds the matrix `match` would solve on
 * with the default configuration (`matchMatrix`: default weights and rules), and draws
 * 400 distinct pairs: a random mentee, then one of their 30 best-scoring allowed mentors
 * at random. So every pair is plausible, yet good and poor pairs both occur.
 *
 * The ratings come from HIDDEN "true" weights that differ clearly from the defaults:
 * skills and availability matter a lot, goals and seniority a little, and the other six
 * criteria (interests, time zone, personality, languages, department, location) not at
 * all. Each pair is scored on every criterion as `explainPair` reports it (0–1; a
 * criterion with data missing counts as its mean over the history's pairs), the hidden
 * score is the hidden-weighted mean of those, and the rating is
 * `1 + 8 × hidden score + noise` (normal, standard deviation 0.6), rounded to the
 * nearest 0.5 and clipped to 1–5. The hidden weights sum to 15, as the default weights
 * do, so that calibrated weights can be read side by side with them.
 *
 * The output depends only on the options: the random numbers come from mulberry32 seeded
 * with `--seed`, so the committed examples/data/history.csv is reproducible byte for byte.
 * The file is rewritten only when its content changes.
 *
 * Run: npx tsx examples/generate-history.ts [--pairs 400] [--seed 42] [--out examples/data/history.csv]
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'csv-stringify/sync';
import { parseCohortCsv } from '../src/csv.js';
import { explainPair, matchMatrix, type CriterionName } from '../src/index.js';

/** The hidden weights the ratings are made from (the defaults: skills 3; goals, availability, languages 2; the rest 1). */
const HIDDEN_WEIGHTS: Readonly<Record<CriterionName, number>> = {
  skills: 6,
  goals: 3,
  interests: 0,
  availability: 4,
  timeZone: 0,
  personality: 0,
  languages: 0,
  department: 0,
  location: 0,
  seniority: 2,
};
/** rating = INTERCEPT + SLOPE × hidden score (0–1) + normal noise with standard deviation NOISE. */
const INTERCEPT = 1;
const SLOPE = 8;
const NOISE = 0.6;
/** Each pair's mentor is one of the mentee's TOP best-scoring allowed mentors. */
const TOP = 30;

// --- Seeded random numbers ----------------------------------------------------------

/** mulberry32: a tiny 32-bit PRNG; returns floats in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw (Box–Muller) from two uniform draws. */
function normal(rand: () => number): number {
  const u = 1 - rand(); // (0, 1]
  const v = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

// --- Options ------------------------------------------------------------------------

const DEFAULT_OUT = fileURLToPath(new URL('data/history.csv', import.meta.url));

function parseArgs(argv: readonly string[]): { pairs: number; seed: number; out: string } {
  const args = new Map<string, string>();
  for (let k = 0; k < argv.length; k++) {
    const flag = argv[k];
    if (!['--pairs', '--seed', '--out'].includes(flag) || argv[k + 1] === undefined) {
      throw new Error(`usage: npx tsx examples/generate-history.ts [--pairs 400] [--seed 42] [--out FILE]; found ${JSON.stringify(flag)}`);
    }
    args.set(flag, argv[++k]);
  }
  const count = (flag: string, fallback: number, min: number): number => {
    const v = args.has(flag) ? Number(args.get(flag)) : fallback;
    if (!Number.isInteger(v) || v < min) throw new Error(`${flag}: expected an integer ≥ ${min}; found ${args.get(flag)}`);
    return v;
  };
  return { pairs: count('--pairs', 400, 1), seed: count('--seed', 42, 0), out: args.get('--out') ?? DEFAULT_OUT };
}

// --- The history --------------------------------------------------------------------

const options = parseArgs(process.argv.slice(2));
const rand = mulberry32(options.seed);
const { participants } = parseCohortCsv(readFileSync(new URL('data/cohort.csv', import.meta.url), 'utf8'), { strict: true });
const matrix = matchMatrix(participants); // capacity mode, default weights and rules

// Each mentee's TOP best allowed mentors (ties by column order).
const top: number[][] = [];
for (let i = 0; i < matrix.rows; i++) {
  const allowed: number[] = [];
  for (let j = 0; j < matrix.cols; j++) if (!matrix.isForbidden(i, j)) allowed.push(j);
  top.push(allowed.sort((a, b) => matrix.score(i, b) - matrix.score(i, a) || a - b).slice(0, TOP));
}
const candidates = top.reduce((sum, js) => sum + js.length, 0);
if (options.pairs > candidates) throw new Error(`--pairs: at most ${candidates} distinct pairs can be drawn; found ${options.pairs}`);

// Distinct pairs: a random mentee, then one of their best mentors at random.
const drawn = new Set<number>();
const pairs: [number, number][] = [];
while (pairs.length < options.pairs) {
  const i = Math.floor(rand() * matrix.rows);
  if (top[i].length === 0) continue;
  const j = top[i][Math.floor(rand() * top[i].length)];
  if (drawn.has(i * matrix.cols + j)) continue;
  drawn.add(i * matrix.cols + j);
  pairs.push([i, j]);
}

// Criterion scores of every pair; a missing one counts as its mean over the history.
const names = Object.keys(HIDDEN_WEIGHTS) as CriterionName[];
const scores = pairs.map(([i, j]) => {
  const byName = new Map(explainPair(matrix, i, j).criteria.map((c) => [c.name, c.score]));
  return names.map((name) => byName.get(name) ?? null);
});
const means = names.map((_, c) => {
  const given = scores.map((s) => s[c]).filter((v): v is number => v !== null);
  return given.length ? given.reduce((a, b) => a + b, 0) / given.length : 0;
});
const totalWeight = names.reduce((sum, name) => sum + HIDDEN_WEIGHTS[name], 0);

const rows = pairs.map(([i, j], k) => {
  const hidden = names.reduce((sum, name, c) => sum + HIDDEN_WEIGHTS[name] * (scores[k][c] ?? means[c]), 0) / totalWeight;
  const raw = INTERCEPT + SLOPE * hidden + NOISE * normal(rand);
  const rating = Math.min(5, Math.max(1, Math.round(2 * raw) / 2));
  return { mentee: matrix.rowIds[i], mentor: matrix.colIds[j], rating };
});
rows.sort((a, b) => (a.mentee < b.mentee ? -1 : a.mentee > b.mentee ? 1 : a.mentor < b.mentor ? -1 : 1));

// Written only when it changes, through a temporary file, so a reader never sees half a file.
const text = stringify(rows, { header: true, columns: ['mentee', 'mentor', 'rating'] });
mkdirSync(dirname(options.out), { recursive: true });
if (!existsSync(options.out) || readFileSync(options.out, 'utf8') !== text) {
  const tmp = `${options.out}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, options.out);
}

// --- Summary ------------------------------------------------------------------------

const shown = options.out === DEFAULT_OUT ? 'examples/data/history.csv' : options.out;
const mentees = new Set(rows.map((r) => r.mentee)).size;
const mentors = new Set(rows.map((r) => r.mentor)).size;
console.log(`${rows.length} past pairs of ${mentees} mentees and ${mentors} mentors (seed ${options.seed}) → ${shown}`);
console.log(`each a random mentee with one of their ${TOP} best allowed mentors by the default weights`);
const weighted = names.filter((n) => HIDDEN_WEIGHTS[n] > 0).sort((a, b) => HIDDEN_WEIGHTS[b] - HIDDEN_WEIGHTS[a]);
console.log(`hidden weights: ${weighted.map((n) => `${n} ${HIDDEN_WEIGHTS[n]}`).join(', ')}; 0 for ${names.filter((n) => HIDDEN_WEIGHTS[n] === 0).join(', ')}`);
console.log(`rating = ${INTERCEPT} + ${SLOPE} × hidden score (0–1) + noise (sd ${NOISE}), rounded to 0.5, clipped to 1–5`);
const counts = new Map<number, number>();
for (const r of rows) counts.set(r.rating, (counts.get(r.rating) ?? 0) + 1);
console.log(`ratings: ${[...counts].sort((a, b) => a[0] - b[0]).map(([v, n]) => `${v}: ${n}`).join(', ')}`);
console.log(`mean rating ${(rows.reduce((s, r) => s + r.rating, 0) / rows.length).toFixed(2)}`);

/*
Output (npx tsx examples/generate-history.ts):

400 past pairs of 145 mentees and 60 mentors (seed 42) → examples/data/history.csv
each a random mentee with one of their 30 best allowed mentors by the default weights
hidden weights: skills 6, availability 4, goals 3, seniority 2; 0 for interests, timeZone, personality, languages, department, location
rating = 1 + 8 × hidden score (0–1) + noise (sd 0.6), rounded to 0.5, clipped to 1–5
ratings: 1: 13, 1.5: 37, 2: 65, 2.5: 74, 3: 71, 3.5: 50, 4: 38, 4.5: 23, 5: 29
mean rating 2.93
*/
