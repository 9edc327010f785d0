/**
 * The quality table (console and Markdown) and its section of bench/RESULTS.md, between
 * `<!-- quality:start -->` and `<!-- quality:end -->` (appended when absent; the rest of
 * the file is left alone).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import type { QualityRow } from './measure.js';

/** Target: default essential-fit mentees / best achievable. */
export const RATE_TARGET = 0.97;

const int = (n: number): string => n.toLocaleString('en');
const pct = (a: number, b: number): string => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`);
const na = (n: number | undefined): string => (n === undefined ? 'n/a' : int(n));

/** The rate as a number (1 when nothing is achievable). */
export function rate(r: QualityRow): number {
  return r.efBest === 0 ? 1 : r.efMentees / r.efBest;
}

const HEADERS = [
  'cohort',
  'mentees × mentors (places)',
  'matched / most matchable',
  'essential-fit mentees / best achievable',
  'rate (≥ 97%)',
  'EF ceiling',
  'pairs failing skill / language / time (of pairs)',
  'failing without concern',
  'mean score',
  'match (ms)',
] as const;

function cells(r: QualityRow): string[] {
  const ok = (b: boolean): string => (b ? '✓' : '✗');
  return [
    r.cohort,
    `${int(r.mentees)} × ${int(r.mentors)} (${int(r.places)})`,
    `${int(r.matched)} / ${int(r.mostMatchable)} ${ok(r.matched >= r.mostMatchable)}`,
    `${int(r.efMentees)} / ${int(r.efBest)}`,
    `${pct(r.efMentees, r.efBest)} ${ok(rate(r) >= RATE_TARGET)}`,
    int(r.efCeiling),
    `${int(r.fails.skill)} / ${int(r.fails.language)} / ${int(r.fails.time)} (${int(r.pairs)})`,
    na(r.missingConcerns),
    r.meanScore.toFixed(1),
    int(Math.round(r.matchMs)),
  ];
}

const RIGHT = new Set([1, 2, 3, 4, 5, 6, 7, 8, 9]);

/** The table as aligned text. */
export function tableText(rows: readonly QualityRow[]): string {
  const body = rows.map(cells);
  const w = HEADERS.map((h, c) => Math.max(h.length, ...body.map((r) => r[c].length)));
  const line = (xs: readonly string[]): string => xs.map((x, c) => (RIGHT.has(c) ? x.padStart(w[c]) : x.padEnd(w[c]))).join('  ');
  return [line(HEADERS), w.map((n) => '-'.repeat(n)).join('  '), ...body.map(line)].join('\n');
}

/** The table as Markdown. */
export function tableMarkdown(rows: readonly QualityRow[]): string {
  return [
    `| ${HEADERS.join(' | ')} |`,
    `| ${HEADERS.map((_, c) => (RIGHT.has(c) ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((r) => `| ${cells(r).join(' | ')} |`),
  ].join('\n');
}

/** Notes under the table: the cohorts, the targets missed, any inconsistency found. */
export function notes(rows: readonly QualityRow[], describe: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const r of rows) out.push(`- **${r.cohort}**: ${r.about}; ${describe.get(r.cohort) ?? ''}.`);
  const low = rows.filter((r) => rate(r) < RATE_TARGET);
  const short = rows.filter((r) => r.matched < r.mostMatchable);
  out.push(
    low.length === 0
      ? `- Essential-fit rate ≥ ${RATE_TARGET * 100}% on every cohort.`
      : `- Essential-fit rate below ${RATE_TARGET * 100}%: ${low.map((r) => `${r.cohort} ${pct(r.efMentees, r.efBest)}`).join(', ')}.`,
  );
  out.push(
    short.length === 0
      ? '- Matched = most matchable on every cohort.'
      : `- Fewer matched than possible: ${short.map((r) => `${r.cohort} ${int(r.matched)} of ${int(r.mostMatchable)}`).join(', ')}.`,
  );
  const multi = rows.filter((r) => r.multiMentor > 0);
  if (multi.length) out.push(`- Mentees with two or more mentors (counted essential-fit when one of them is; the references give each mentee one mentor): ${multi.map((r) => `${r.cohort} ${r.multiMentor}`).join(', ')}.`);
  for (const r of rows) {
    const extras: string[] = [];
    if (r.extraConcerns) extras.push(`${r.extraConcerns} pairs carry a check's concern the oracle does not confirm`);
    if (r.flagMismatches) extras.push(`${r.flagMismatches} pairs' \`essentialFit\` flag disagrees with the oracle`);
    if (r.matrixMismatches && CHECK_NAMES.some((c) => r.matrixMismatches![c] > 0)) {
      extras.push(`\`matrix.checks\` disagrees with the oracle on allowed pairs: skill ${r.matrixMismatches.skill}, language ${r.matrixMismatches.language}, time ${r.matrixMismatches.time}`);
    }
    for (const p of r.problems) extras.push(`✗ ${p}`);
    if (extras.length) out.push(`- ${r.cohort}: ${extras.join('; ')}.`);
  }
  const checked = rows.filter((r) => r.matrixMismatches !== undefined);
  if (checked.length && checked.every((r) => CHECK_NAMES.every((c) => r.matrixMismatches![c] === 0))) {
    out.push(`- The engine's own checklist (\`matrix.checks\`) agrees with the oracle on every allowed pair of ${checked.length === rows.length ? 'every cohort' : checked.map((r) => r.cohort).join(', ')}.`);
  }
  if (rows.some((r) => r.missingConcerns === undefined)) out.push('- "failing without concern" is n/a where the result pairs carry no `concerns` array.');
  return out;
}

const CHECK_NAMES = ['skill', 'language', 'time'] as const;

/** What the columns mean (for RESULTS.md and `--help`). */
export const DEFINITIONS = [
  'A (mentee, mentor) pair is an **essential fit** when (1) the mentee wants no skill, or the mentor offers a wanted one at the wanted level or above (a level not given counts as enough); (2) either gave no languages, or they share one; (3) either gave no availability, or they share ≥ 30 min a week in UTC (slots read in the week of the default reference date, 2026-01-05). Computed by an independent oracle (bench/_quality/oracle.ts) from the parsed profiles, never from the engine\'s scores.',
  '*matched*: mentees with a mentor in `match(participants)` (default config). *most matchable*: exact maximum over the pairs the default hard rules allow (`matchMatrix(participants).forbidden`), a mentor\'s places = `capacity.max`, one mentor per mentee: the count `capacitatedAssignment` assigns (it maximises the number assigned first), cross-checked by an independent Hopcroft–Karp.',
  '*essential-fit mentees*: mentees with at least one essential-fit mentor in the default result. *best achievable*: exact, the most essential-fit mentees among the most-matched assignments (allowed pairs valued 1 if essential fit else 0). *rate* = essential-fit mentees / best achievable (target ≥ 97%). *EF ceiling*: the most essential-fit mentees if nobody else had to be matched.',
  '*pairs failing*: pairs of the default result failing each check (a pair may fail several). *failing without concern*: pairs failing a check whose `concerns` lack its code (`no-wanted-skill`, `no-shared-language`, `no-common-time`); must be 0.',
];

/** The RESULTS.md section. */
export function sectionMarkdown(rows: readonly QualityRow[], describe: ReadonlyMap<string, string>, meta: { started: Date; seconds: number; seed: number; quick: boolean }): string {
  const cpu = cpus();
  return [
    '<!-- quality:start -->',
    '## Match quality (essential fit) (`npm run bench:quality`)',
    '',
    `Measured ${meta.started.toISOString().replace('T', ' ').slice(0, 16)} UTC${meta.quick ? ' (--quick)' : ''} in ${meta.seconds} s on ${cpu[0]?.model ?? 'unknown CPU'} × ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node ${process.version}, load average at start ${loadavg()[0].toFixed(2)}. Generated cohorts: seed ${meta.seed}. Default configuration (\`match(participants)\`: capacity mode, default weights, default hard rules).`,
    '',
    tableMarkdown(rows),
    '',
    ...notes(rows, describe),
    '',
    ...DEFINITIONS.map((d) => `${d}\n`),
    'Reproduce: `npm run bench:quality` (or `npm run bench -- --only quality`); `-- --seed N` for other generated cohorts, `-- --cohort file.csv` for any cohort CSV.',
    '<!-- quality:end -->',
  ].join('\n');
}

/** Replaces (or appends) the quality section of RESULTS.md. */
export function writeQualitySection(path: string, section: string): void {
  const old = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmark results\n';
  const re = /<!-- quality:start -->[\s\S]*?<!-- quality:end -->/u;
  writeFileSync(path, re.test(old) ? old.replace(re, () => section) : `${old.trimEnd()}\n\n${section}\n`);
}
