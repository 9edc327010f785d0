/**
 * `mentor-match calibrate`: learn criterion weights from past pairs and their outcomes.
 *
 * @module
 */
import { Command, InvalidArgumentError } from 'commander';

import { CsvFileError } from '../../errors.js';
import { calibrateWeights } from '../../evaluate/calibrate.js';
import { parseHistoryCsv } from '../../io/csv/history.js';
import { splitConfig } from '../../match/config.js';
import type { CliContext } from '../context.js';
import { writeOutputs } from '../atomic-write.js';
import { EXIT } from '../exit-codes.js';
import { readTextFile } from '../files.js';
import { loadCohort } from '../load-cohort.js';
import { checkOutputPaths } from '../output-paths.js';
import { table } from '../print.js';
import { cohortInputs, cohortSource, positiveInt, readConfig, reportIssues, withCohortOptions, type CohortOptions } from './options.js';

/** Options of the `calibrate` command. */
interface CalibrateCommandOptions extends CohortOptions {
  readonly cohort?: string;
  readonly config?: string;
  readonly out?: string;
  readonly lambda?: number | 'cv';
  readonly folds?: number;
  readonly json?: boolean;
}

/**
 * The `calibrate` command.
 *
 * @param ctx - Output channels.
 * @param setExit - Receives the exit code.
 * @returns The command.
 *
 * @example
 * ```ts
 * program.addCommand(calibrateCommand(ctx, (c) => (code = c)));
 * ```
 */
export function calibrateCommand(ctx: CliContext, setExit: (code: number) => void): Command {
  return withCohortOptions(new Command('calibrate'))
    .description('fit criterion weights to past outcomes (rating 1–5 or goal achieved) and write a config with them')
    .argument('<history>', 'CSV of past pairs: mentee, mentor, and rating (1–5) or goal_achieved (yes/no)')
    .option('--cohort <file>', 'cohort CSV with the profiles of the people in the history')
    .option('--config <file>', 'the current JSON config (its weights are the starting point)')
    .option('--out <file>', 'write the config with the new weights (JSON)')
    .option('--lambda <value>', "ridge strength, or 'cv' to choose it by cross-validation", parseLambda)
    .option('--folds <k>', 'cross-validation folds', (v) => positiveInt(v, '--folds'))
    .option('--json', 'print the full calibration as JSON')
    .action(async (history: string, o: CalibrateCommandOptions) => {
      checkOutputPaths(
        [{ name: 'the history argument', path: history }, ...cohortInputs(o.cohort, o, '--cohort'), o.config === undefined ? undefined : { name: '--config', path: o.config }],
        [o.out === undefined ? undefined : { name: '--out', path: o.out }],
      );
      const config = readConfig(o.config);
      const loaded = loadCohort(cohortSource(o.cohort, o));
      reportIssues(ctx, loaded.issues);
      const parsed = parseHistoryCsv(readTextFile(history, 'history CSV'), o.maxRecordSize !== undefined ? { maxRecordSize: o.maxRecordSize } : {});
      const historyIssues = parsed.issues.map((i) => ({ ...i, file: history }));
      reportIssues(ctx, historyIssues);
      if (o.strict && historyIssues.length) throw new CsvFileError(historyIssues.map((i) => ({ ...i, message: `${history}: ${i.message}` })), 'history CSV');
      const { scoring } = splitConfig(config); // the matching options stay as they are
      const fit = calibrateWeights(parsed.entries, loaded.participants, scoring, {
        ...(o.lambda !== undefined ? { lambda: o.lambda } : {}),
        ...(o.folds !== undefined ? { folds: o.folds } : {}),
      });
      const newConfig = { ...config, ...fit.config };
      if (o.out) await writeOutputs([{ option: '--out', path: o.out, text: `${JSON.stringify(newConfig, null, 2)}\n` }]);
      if (o.json) {
        ctx.out(JSON.stringify(fit, null, 2));
      } else {
        ctx.out(fit.message);
        ctx.out('');
        ctx.out(table(['', 'fit'], [
          ['pairs', String(fit.pairs)],
          ['outcome', fit.outcome === 'rating' ? 'rating 1–5' : 'goal achieved (1/0)'],
          ['R² (in sample)', fit.r2.toFixed(3)],
          [`R² (${fit.folds}-fold cross-validated)`, fit.cvR2.toFixed(3)],
          ['CV error (RMSE)', fit.cvRmse.toFixed(3)],
          ['baseline error (RMSE)', fit.baselineRmse.toFixed(3)],
          ['verdict', fit.verdict],
        ]));
        ctx.out('');
        ctx.out(table(['criterion', 'status', 'old weight', 'new weight', 'share', 'pairs'], fit.criteria.map((c) => [c.name, c.status, c.previousWeight, c.weight, `${(100 * c.share).toFixed(0)}%`, c.applies])));
        if (o.out) ctx.out(`\nwrote ${o.out} (${fit.adopted ? 'the new weights' : 'the old weights: the fit does not predict well enough to adopt'})`);
      }
      setExit(EXIT.ok);
    });
}

/** `--lambda`: a non-negative number or `cv`. */
function parseLambda(v: string): number | 'cv' {
  if (v === 'cv') return 'cv';
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n < 0) throw new InvalidArgumentError(`expected a number ≥ 0 or 'cv'; found ${JSON.stringify(v)}`);
  return n;
}
