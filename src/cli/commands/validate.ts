/**
 * `mentor-match validate`: read the cohort and report every issue; no matching.
 *
 * @module
 */
import { Command } from 'commander';

import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { loadCohort } from '../load-cohort.js';
import { formatIssues } from '../print.js';
import { cohortSource, count, positiveInt, withCohortOptions, type CohortOptions } from './options.js';

/**
 * The `validate` command.
 *
 * @param ctx - Output channels.
 * @param setExit - Receives the exit code.
 * @returns The command, for `program.addCommand`.
 *
 * @example
 * ```ts
 * program.addCommand(validateCommand(ctx, (c) => (code = c)));
 * ```
 */
export function validateCommand(ctx: CliContext, setExit: (code: number) => void): Command {
  return withCohortOptions(new Command('validate'))
    .description('check a cohort CSV and list every problem with its row and column (exit 3 when a row has an error)')
    .argument('[cohort]', 'cohort CSV with a role column')
    .option('--json', 'print the issues as JSON on stdout')
    .option('--max <n>', 'print at most n issues', (v) => positiveInt(v, '--max'), 100)
    .action((cohort: string | undefined, o: CohortOptions & { json?: boolean; max: number }) => {
      const loaded = loadCohort(cohortSource(cohort, o));
      const errors = loaded.issues.filter((i) => i.severity === 'error');
      const badRows = new Set(errors.map((i) => `${i.file}:${i.row ?? i.participant}`)).size;
      if (o.json) {
        ctx.out(JSON.stringify({ files: loaded.files, rows: loaded.rows, participants: loaded.participants.length, issues: loaded.issues }, null, 2));
      } else {
        for (const line of formatIssues(loaded.issues, o.max)) ctx.out(line);
        const warnings = loaded.issues.length - errors.length;
        ctx.out(`${loaded.rows} rows: ${loaded.participants.length} participants loaded (${count(loaded.participants.filter((p) => p.roles.includes('mentor')).length, 'mentor')}, ${count(loaded.participants.filter((p) => p.roles.includes('mentee')).length, 'mentee')}); ${count(badRows, 'row')} with errors; ${count(warnings, 'warning')}`);
      }
      setExit(errors.length > 0 ? EXIT.invalidInput : EXIT.ok);
    });
}

