/**
 * `mentor-match match`: the main job: cohort CSV in; matches CSV, result JSON and the
 * HTML report out; a summary table on stdout.
 *
 * @module
 */
import { Command, InvalidArgumentError, Option } from 'commander';

import { fairnessAudit } from '../../evaluate/fairness-audit.js';
import { stabilityAudit } from '../../evaluate/stability-audit.js';
import { summarize } from '../../evaluate/summarize.js';
import type { FairnessAudit, ResultSummary, StabilityAudit } from '../../evaluate/types.js';
import { matchesToCsv } from '../../io/csv/write-matches.js';
import { renderReport } from '../../io/report/render-report.js';
import type { MatchConfig } from '../../match/config.js';
import { matchWithMatrix } from '../../match/match.js';
import type { MatchResult } from '../../match/types.js';
import { groupsOf } from '../../match/result-shape.js';
import type { Participant } from '../../profile/types.js';
import { CONCERN_CODES } from '../../score/concerns.js';
import type { CliContext } from '../context.js';
import { writeOutputs, type OutputFile } from '../atomic-write.js';
import { EXIT } from '../exit-codes.js';
import { loadCohort } from '../load-cohort.js';
import { checkOutputPaths } from '../output-paths.js';
import { table } from '../print.js';
import { createProgress } from '../progress.js';
import { scoringPool } from '../scoring-pool.js';
import { cohortInputs, cohortSource, count, memoryLimit, positiveInt, readConfig, reportIssues, withCohortOptions, withMemoryLimit, type CohortOptions } from './options.js';

/** Options of the `match` command (commander's camelCase). */
interface MatchCommandOptions extends CohortOptions {
  readonly mode?: MatchConfig['mode'];
  readonly objective?: MatchConfig['objective'];
  readonly minScore?: number;
  readonly config?: string;
  readonly out?: string;
  readonly json?: string;
  readonly report?: string;
  readonly title?: string;
  readonly fairnessBy?: string[];
  readonly escapeFormulas: boolean;
  readonly audits: boolean;
  readonly progress: boolean;
  readonly quiet?: boolean;
  readonly memoryLimit?: number;
  readonly workers?: number;
}

/** Custom attributes audited by default: those with 2 to 12 distinct values. */
const MAX_DEFAULT_GROUPS = 12;

/**
 * The `match` command.
 *
 * @param ctx - Output channels.
 * @param setExit - Receives the exit code.
 * @returns The command.
 *
 * @example
 * ```ts
 * program.addCommand(matchCommand(ctx, (c) => (code = c)));
 * ```
 */
export function matchCommand(ctx: CliContext, setExit: (code: number) => void): Command {
  return withMemoryLimit(withCohortOptions(new Command('match')))
    .description('match a cohort: write the pairs (CSV), the full result (JSON) and an HTML report; print a summary')
    .argument('[cohort]', 'cohort CSV with a role column (or use --mentors and --mentees)')
    .addOption(new Option('--mode <mode>', 'matching mode (overrides the config)').choices(['one-to-one', 'capacity', 'group', 'peer', 'reverse']))
    .addOption(new Option('--objective <objective>', 'what to optimise (overrides the config)').choices(['best-total', 'most-matched', 'fairness']))
    .option('--min-score <score>', 'leave a pair out below this score (0–100; overrides the config)', parseScore)
    .option('--config <file>', 'JSON config: weights, rules, mode, objective, group sizes, locked pairs, quotas, …')
    .option('--out <file>', 'write the pairs as CSV (one row per pair, group member or unmatched person)')
    .option('--json <file>', 'write the full result as JSON')
    .option('--report <file>', 'write a self-contained HTML report')
    .option('--title <text>', 'title of the report')
    .option('--fairness-by <attributes>', 'attributes to audit for fairness, comma-separated (default: custom attributes with 2–12 values)', (v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .option('--no-escape-formulas', "write CSV cells that start with = + - @ as they are (by default such a text cell gets a leading ' so a spreadsheet shows it instead of running it)")
    .option('--no-audits', 'skip the stability and fairness audits')
    .option('--no-progress', 'no progress bar on stderr')
    .option('-q, --quiet', 'print nothing on stdout')
    .option('--workers <n>', 'score on n threads (the main thread and n - 1 workers) when the cohort has at least 2 million candidate pairs (default: every core; 1 = one thread; same result either way)', (v) => positiveInt(v, '--workers'))
    .action(async (cohort: string | undefined, o: MatchCommandOptions) => {
      checkOutputPaths(
        [...cohortInputs(cohort, o), o.config === undefined ? undefined : { name: '--config', path: o.config }],
        [o.out === undefined ? undefined : { name: '--out', path: o.out }, o.json === undefined ? undefined : { name: '--json', path: o.json }, o.report === undefined ? undefined : { name: '--report', path: o.report }],
      );
      const progress = createProgress(4, ctx.progressStream, o.progress && !o.quiet);
      progress.stage('reading the cohort');
      const config: MatchConfig = { ...readConfig(o.config) };
      if (o.mode !== undefined) config.mode = o.mode;
      if (o.objective !== undefined) config.objective = o.objective;
      if (o.minScore !== undefined) config.minScore = o.minScore;
      config.memoryLimit = memoryLimit(o.memoryLimit, config);
      const loaded = loadCohort(cohortSource(cohort, o));
      reportIssues(ctx, loaded.issues);
      if (loaded.participants.length === 0) {
        progress.done();
        ctx.err(`no participant could be read from ${loaded.files.join(', ')}: nothing to match`);
        setExit(EXIT.invalidInput);
        return;
      }
      const people = loaded.participants;

      progress.stage('matching');
      // The matrix match solved on serves the stability audit (no second build).
      const pool = scoringPool(people, config, o.workers);
      let run: ReturnType<typeof matchWithMatrix>;
      try {
        run = matchWithMatrix(people, pool ? { ...config, pool } : config);
      } finally {
        await pool?.close(); // no thread outlives the scoring
      }
      const { result, matrix } = run;

      progress.stage('auditing');
      const summary = summarize(result, people);
      // The stability audit reads every pair: a cohort matched on the candidate path (no dense matrix) skips it.
      const stability = o.audits && matrix.storage === 'dense' ? stabilityAudit(result, matrix, { participants: people, minScore: config.minScore ?? 0 }) : undefined;
      if (o.audits && !stability && !o.quiet) ctx.err('note: stability audit skipped: the cohort was matched on the candidate path, which keeps no dense matrix of every pair');
      const fairness = o.audits ? fairnessAudits(result, people, o.fairnessBy) : [];

      progress.stage('writing');
      // All or nothing: every output goes to a temporary file first, renamed at the end.
      const { outputs, written } = renderOutputs(o, result, people, summary, stability, fairness);
      try {
        await writeOutputs(outputs);
      } finally {
        progress.done();
      }
      if (!o.quiet) {
        for (const line of summaryLines(result, summary, stability, fairness)) ctx.out(line);
        if (written.length) ctx.out(`\nwrote ${written.join(', ')}`);
      }
      setExit(EXIT.ok);
    });
}

/** The texts of the outputs asked for (--out, --json, --report), and how the summary names them. */
function renderOutputs(o: MatchCommandOptions, result: MatchResult, people: readonly Participant[], summary: ResultSummary, stability: StabilityAudit | undefined, fairness: FairnessAudit[]): { outputs: OutputFile[]; written: string[] } {
  const outputs: OutputFile[] = [];
  const written: string[] = [];
  if (o.out) {
    outputs.push({ option: '--out', path: o.out, text: matchesToCsv(result, people, { escapeFormulas: o.escapeFormulas }) });
    written.push(`${o.out} (pairs CSV)`);
  }
  if (o.json) {
    outputs.push({ option: '--json', path: o.json, text: `${JSON.stringify(result, null, 2)}\n` });
    written.push(`${o.json} (result JSON)`);
  }
  if (o.report) {
    const report = renderReport(result, { summary, participants: people, ...(stability ? { stability } : {}), fairness, ...(o.title ? { title: o.title } : {}) });
    outputs.push({ option: '--report', path: o.report, text: report });
    written.push(`${o.report} (HTML report)`);
  }
  return { outputs, written };
}

/** Fairness audits of the named attributes, or of every custom attribute with 2–12 values. */
function fairnessAudits(result: MatchResult, people: readonly Participant[], names: readonly string[] | undefined): FairnessAudit[] {
  if (names !== undefined) return names.map((a) => fairnessAudit(result, people, a));
  const values = new Map<string, Set<string>>();
  for (const p of people) {
    for (const [k, v] of Object.entries(p.attributes)) {
      let s = values.get(k);
      if (!s) values.set(k, (s = new Set()));
      s.add(String(v));
    }
  }
  return [...values.entries()]
    .filter(([, s]) => s.size >= 2 && s.size <= MAX_DEFAULT_GROUPS)
    .map(([k]) => k)
    .sort()
    .map((a) => fairnessAudit(result, people, a));
}

/** The summary printed on stdout. */
function summaryLines(result: MatchResult, s: ResultSummary, stability: StabilityAudit | undefined, fairness: readonly FairnessAudit[]): string[] {
  const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
  const rows: [string, string | number][] = [
    ['mode', result.mode],
    ['objective', result.objective.name],
    ['participants', s.participants],
    // Mentees and mentors apart: one "matched" count would count mentors as mentees who got a mentor.
    ...s.sides.map((d): [string, string] => [`${d.role}s matched`, `${d.matched} of ${d.total} (${pct(d.rate)})`]),
    ['unmatched', s.unmatched],
    ['pairs', result.stats.pairs],
  ];
  const groups = groupsOf(result);
  if (groups.length) rows.push(['groups', groups.length]);
  if (s.scores.count > 0) {
    rows.push(['mean score', s.scores.mean.toFixed(1)], ['median score', s.scores.median.toFixed(1)], ['lowest score', s.scores.min.toFixed(1)]);
  }
  const fit = s.essentialFit;
  if (fit.of > 0) rows.push(['essential fit', `${fit.mentees} of ${fit.of} matched ${result.mode === 'peer' ? 'peers' : 'mentees'} (${pct(fit.rate)})`]);
  const groupsWith = groups.filter((g) => (g.concerns ?? []).length > 0).length;
  if (groups.length > 0) {
    const codes = CONCERN_CODES.filter((c) => s.groupConcerns[c] > 0).map((c) => `${c} ${s.groupConcerns[c]}`);
    rows.push(['groups with concerns', `${groupsWith} of ${groups.length}${codes.length ? ` (${codes.join(', ')})` : ''}`]);
  }
  // A heuristic answer says so, and whether its search ran out of budget.
  const search = result.search;
  if (search && !search.exact) {
    rows.push(['search', `heuristic: ${search.converged ? 'a local optimum' : 'stopped at its work budget (not a local optimum)'}, ${search.moves} improving moves`]);
  }
  const price = s.fairnessPrice;
  if (price) rows.push(['price of fairness', `${price.points.toFixed(1)} of ${price.of.toFixed(1)} total points (${pct(price.share)}; ${price.perPair.toFixed(1)} per pair)`]);
  if (s.mentorLoad.length) rows.push(['mentor load (Gini)', s.loadGini.toFixed(2)]);
  if (stability) rows.push(['blocking pairs', stability.blockingPairs]);
  for (const f of fairness) {
    if (f.groups.length >= 2) rows.push([`match-rate gap by ${f.attribute}`, `${pct(f.matchRateGap.gap)} (${f.matchRateGap.highest} vs ${f.matchRateGap.lowest})`]);
  }
  const lines = [table(['', 'result'], rows.map(([k, v]) => [k, String(v)]))];
  // Concerns: pairs per code (those that occur, in CONCERN_CODES order), then the pairs with any.
  const concerns = CONCERN_CODES.filter((c) => s.concerns[c] > 0);
  if (concerns.length) {
    lines.push('', table(['pairs with concerns', 'pairs'], [...concerns.map((c) => [c, s.concerns[c]]), [`any concern (of ${result.pairs.length})`, s.pairsWithConcerns]]));
  } else if (result.pairs.length > 0) {
    lines.push('', 'pairs with concerns: none');
  }
  const reasons = Object.entries(s.unmatchedByReason).sort((a, b) => b[1] - a[1]);
  if (reasons.length) lines.push('', table(['unmatched because', 'people'], reasons.map(([k, v]) => [k, v])));
  if (s.shortfalls.length) {
    const top = s.shortfalls.slice(0, 5);
    lines.push('', `skills in short supply (${count(s.shortfalls.length, 'skill')}; top ${top.length}):`, table(['skill', 'wanted', 'places', 'mentors short'], top.map((x) => [x.skill, x.demand, x.supply, x.mentorsShort])));
  }
  return lines;
}

/** `--min-score`: a number from 0 to 100. */
function parseScore(v: string): number {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) throw new InvalidArgumentError(`expected a score from 0 to 100; found ${JSON.stringify(v)}`);
  return n;
}
