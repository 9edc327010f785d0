/**
 * The `mentor-match` command line: commander program, error handling, exit codes.
 *
 * @module
 */
import { Command, CommanderError } from 'commander';

import { isMatchError } from '../errors.js';
import { version } from '../../package.json';
import { calibrateCommand } from './commands/calibrate.js';
import { compareCommand } from './commands/compare.js';
import { explainCommand } from './commands/explain.js';
import { matchCommand } from './commands/match.js';
import { recommendCommand } from './commands/recommend.js';
import { validateCommand } from './commands/validate.js';
import { CliError } from './cli-error.js';
import { terminalSafe, type CliContext } from './context.js';
import { EXIT, exitCodeFor } from './exit-codes.js';

const EXIT_HELP = `
Exit codes:
  0  done (warnings about left-out rows, if any, are on stderr)
  2  wrong command line
  3  bad input data: unreadable file, no participants, or (validate / --strict) rows with errors
  4  bad configuration (config file, column mapping, or an option value)
  5  infeasible: locked pairs no matching can keep (forbidden by a rule, or over a mentor's places)
  6  too large: the run would need more memory than --memory-limit (default 70% of this machine's)
  7  an output file could not be written (permission, disk full, a folder in the way); no output was changed
  1  unexpected failure (a bug: please report it)

Outputs are written to temporary files and renamed over their targets at the end: a failed
or interrupted run (Ctrl-C: exit 130, kill: 143) leaves the old files as they were. An
output path that is also an input, or another output, is refused (exit 2).

Examples:
  mentor-match match examples/data/cohort.csv --out matches.csv --report report.html
  mentor-match match --mentors mentors.csv --mentees mentees.csv --mode group --config config.json
  mentor-match validate hr-export.csv --columns columns.json
  mentor-match recommend examples/data/cohort.csv --for E0001 --top 5
  mentor-match explain examples/data/cohort.csv --pair E0001,E0104
  mentor-match calibrate examples/data/history.csv --cohort examples/data/cohort.csv --out tuned.json
  mentor-match compare last-round.json this-round.json`;

/**
 * Runs the command line on `argv` (without `node` and the script) and returns the exit
 * code; never calls `process.exit`, so tests can run it in-process.
 *
 * @param argv - Arguments, e.g. `['match', 'cohort.csv', '--out', 'm.csv']`.
 * @param raw - Output channels; every line is passed through `terminalSafe` first.
 * @returns The exit code (see {@link EXIT}).
 *
 * @example
 * ```ts
 * process.exitCode = await runCli(process.argv.slice(2), processContext());
 * ```
 */
export async function runCli(argv: readonly string[], raw: CliContext): Promise<number> {
  // Every line printed goes through here: control characters from the data are escaped.
  const ctx = terminalSafe(raw);
  let code: number = EXIT.ok;
  const setExit = (c: number): void => {
    code = c;
  };
  // commander's help and errors go through the context, one line at a time.
  const output = { writeOut: (s: string) => ctx.out(s.replace(/\n$/, '')), writeErr: (s: string) => ctx.err(s.replace(/\n$/, '')) };
  const program = new Command('mentor-match')
    .description('Match mentors and mentees from a cohort CSV: optimal pairs, groups or peer pairs, with reasons and a report.')
    .version(version, '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', EXIT_HELP)
    .configureOutput(output)
    .exitOverride();
  for (const cmd of [matchCommand(ctx, setExit), validateCommand(ctx, setExit), recommendCommand(ctx, setExit), explainCommand(ctx, setExit), calibrateCommand(ctx, setExit), compareCommand(ctx, setExit)]) {
    program.addCommand(cmd.exitOverride().configureOutput(output).showHelpAfterError('(run with --help for usage)'));
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
      if (e.code === 'commander.executeSubCommandAsync') return EXIT.internal;
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (e instanceof CliError) {
      ctx.err(`mentor-match: ${e.message}`);
      return e.exitCode;
    }
    if (isMatchError(e)) {
      ctx.err(`mentor-match: ${e.message}`);
      return exitCodeFor(e);
    }
    ctx.err(`mentor-match: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return EXIT.internal;
  }
}
