/**
 * `mentor-match recommend`: the top candidates for one person (self-selection).
 *
 * @module
 */
import { Command } from 'commander';

import { recommend } from '../../match/recommend.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { loadCohort } from '../load-cohort.js';
import { table } from '../print.js';
import { oneLine } from '../terminal-text.js';
import { cohortSource, positiveInt, readConfig, reportIssues, withCohortOptions, type CohortOptions } from './options.js';

/**
 * The `recommend` command. The table marks each candidate's essential fit (`fit`: yes /
 * no) and lists its concern codes (`concerns`); `--json` gives the full explanations.
 *
 * @param ctx - Output channels.
 * @param setExit - Receives the exit code.
 * @returns The command.
 *
 * @example
 * ```ts
 * program.addCommand(recommendCommand(ctx, (c) => (code = c)));
 * ```
 */
export function recommendCommand(ctx: CliContext, setExit: (code: number) => void): Command {
  return withCohortOptions(new Command('recommend'))
    .description('the best candidates for one person, with places left and the top reasons')
    .argument('[cohort]', 'cohort CSV with a role column')
    .requiredOption('--for <id>', 'the participant to recommend for (a mentee gets mentors, a mentor gets mentees)')
    .option('--top <k>', 'how many candidates', (v) => positiveInt(v, '--top'), 5)
    .option('--config <file>', 'JSON config (weights, rules, …)')
    .option('--json', 'print the recommendations as JSON')
    .action((cohort: string | undefined, o: CohortOptions & { for: string; top: number; config?: string; json?: boolean }) => {
      const config = readConfig(o.config);
      const loaded = loadCohort(cohortSource(cohort, o));
      reportIssues(ctx, loaded.issues);
      const recs = recommend(loaded.participants, { ...config, for: o.for, k: o.top });
      const names = new Map(loaded.participants.map((p) => [p.id, p.name]));
      if (o.json) {
        ctx.out(JSON.stringify(recs, null, 2));
      } else if (recs.length === 0) {
        ctx.out(`no candidates for ${o.for} (no places left, or every candidate is forbidden by a rule)`);
      } else {
        const rows = recs.map((r, k) => [
          k + 1,
          r.id,
          names.get(r.id) ?? '',
          r.score,
          r.placesLeft,
          r.explanation.essentialFit ? 'yes' : 'no',
          concernCodes(r.explanation.concerns ?? []),
          topReasons(r.explanation.criteria),
        ]);
        ctx.out(`Top ${recs.length} for ${oneLine(names.get(o.for) ? `${names.get(o.for)} (${o.for})` : o.for)}:`);
        ctx.out(table(['#', 'id', 'name', 'score', 'places', 'fit', 'concerns', 'top reasons'], rows));
        ctx.out(`fit: an essential fit (teaches a wanted skill at level, shares a language and at least 30 min a week); for a concern's details: mentor-match explain --pair ID,ID`);
      }
      setExit(EXIT.ok);
    });
}

/** Concern codes, comma-separated; `none` when there is none. */
function concernCodes(concerns: readonly { code: string }[]): string {
  return concerns.length ? concerns.map((c) => c.code).join(', ') : 'none';
}

/** The two criteria that add most, with their evidence. */
function topReasons(criteria: readonly { name: string; contribution: number; evidence: readonly string[] }[]): string {
  return [...criteria]
    .filter((c) => c.contribution > 0)
    .sort((a, b) => b.contribution - a.contribution)
    .slice(0, 2)
    .map((c) => `${c.name}${c.evidence.length ? ` (${c.evidence[0]})` : ''}`)
    .join('; ');
}
