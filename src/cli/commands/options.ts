/**
 * Options shared by several commands: where the cohort comes from, and the config.
 *
 * @module
 */
import { totalmem } from 'node:os';

import { InvalidArgumentError, Option, type Command } from 'commander';

import { ConfigError } from '../../errors.js';
import { DEFAULT_MAX_RECORD_SIZE } from '../../io/csv/read-records.js';
import type { MatchConfig } from '../../match/config.js';
import { readJsonFile } from '../files.js';
import type { CliContext } from '../context.js';
import type { CohortSource, FileIssue } from '../load-cohort.js';
import type { NamedPath } from '../output-paths.js';
import { formatIssues } from '../print.js';

/** Parsed cohort options (commander's camelCase). */
export interface CohortOptions {
  readonly mentors?: string;
  readonly mentees?: string;
  readonly columns?: string;
  readonly delimiter?: string;
  readonly strict?: boolean;
  readonly maxRecordSize?: number;
}

/**
 * Adds `--mentors`, `--mentees`, `--columns`, `--delimiter`, `--strict`,
 * `--max-record-size` to a command.
 *
 * @param cmd - The command.
 * @returns The command.
 *
 * @example
 * ```ts
 * withCohortOptions(new Command('validate').argument('[cohort]'));
 * ```
 */
export function withCohortOptions(cmd: Command): Command {
  return cmd
    .option('--mentors <file>', 'a CSV of mentors only (no role column needed)')
    .option('--mentees <file>', 'a CSV of mentees only (no role column needed)')
    .option('--columns <file>', 'JSON mapping of your headers to ours: { "columns": { "Employee ID": "id", … } }')
    .addOption(new Option('--delimiter <char>', 'field delimiter (default: read off the header line)').choices([',', ';', 'tab', '|']))
    .option('--strict', 'refuse the whole file on any issue instead of loading the good rows')
    .option('--max-record-size <chars>', `the most characters a CSV row may hold; longer rows are not loaded (default ${DEFAULT_MAX_RECORD_SIZE.toLocaleString('en-US')})`, (v) => positiveInt(v, '--max-record-size'));
}

/**
 * The cohort source from a positional file and the options.
 *
 * @param cohort - The positional cohort file, if given.
 * @param o - Parsed options.
 * @returns The source for `loadCohort`.
 *
 * @example
 * ```ts
 * cohortSource('cohort.csv', { strict: true });
 * ```
 */
export function cohortSource(cohort: string | undefined, o: CohortOptions): CohortSource {
  return { cohort, mentors: o.mentors, mentees: o.mentees, columns: o.columns, delimiter: o.delimiter === 'tab' ? '\t' : o.delimiter, strict: o.strict, maxRecordSize: o.maxRecordSize };
}

/**
 * The files the cohort options read, named as the command line named them, for
 * `checkOutputPaths`.
 *
 * @param cohort - The positional cohort file, if given.
 * @param o - Parsed options.
 * @param argument - What the positional file is called in messages.
 * @returns The files (undefined for options not given).
 *
 * @example
 * ```ts
 * cohortInputs('in.csv', {}); // [{ name: 'the cohort argument', path: 'in.csv' }, undefined, undefined, undefined]
 * ```
 */
export function cohortInputs(cohort: string | undefined, o: CohortOptions, argument = 'the cohort argument'): (NamedPath | undefined)[] {
  const named = (name: string, path: string | undefined): NamedPath | undefined => (path === undefined ? undefined : { name, path });
  return [named(argument, cohort), named('--mentors', o.mentors), named('--mentees', o.mentees), named('--columns', o.columns)];
}

/**
 * The config file (a JSON `MatchConfig`), or `{}`.
 *
 * @param path - The `--config` file.
 * @returns The config object.
 * @throws {@link ConfigError} when it is not a JSON object.
 *
 * @example
 * ```ts
 * readConfig('config.json'); // { mode: 'capacity', weights: { skills: 'high' } }
 * ```
 */
export function readConfig(path: string | undefined): MatchConfig {
  if (path === undefined) return {};
  const json = readJsonFile(path, 'config');
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new ConfigError([`${path}: expected a JSON object (a MatchConfig); found ${Array.isArray(json) ? 'an array' : json === null ? 'null' : `a ${typeof json}`}`]);
  return json as MatchConfig;
}

/**
 * `3 rows`, `1 row`.
 *
 * @example
 * ```ts
 * count(1, 'row'); // '1 row'
 * ```
 */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * A positive integer option value; anything else is commander's usage error (exit 2).
 *
 * @param v - The text given.
 * @param flag - The option, for the message.
 * @returns The number.
 * @throws InvalidArgumentError for anything but a positive integer.
 *
 * @example
 * ```ts
 * positiveInt('5', '--top'); // 5
 * ```
 */
export function positiveInt(v: string, flag: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${flag} expects a positive integer; found ${JSON.stringify(v)}`);
  return n;
}

/**
 * Prints a cohort's issues on stderr (at most 20, errors first) with a count line, so a
 * run that goes on with the good rows never hides the bad ones.
 *
 * @param ctx - Output channels.
 * @param issues - The loader's issues.
 *
 * @example
 * ```ts
 * reportIssues(ctx, loaded.issues);
 * ```
 */
export function reportIssues(ctx: CliContext, issues: readonly FileIssue[]): void {
  if (issues.length === 0) return;
  for (const line of formatIssues(issues, 20)) ctx.err(line);
  const errors = issues.filter((i) => i.severity === 'error').length;
  ctx.err(`${count(errors, 'error')} (those rows were left out), ${count(issues.length - errors, 'warning')}; run \`mentor-match validate\` for the full list`);
}

/** The share of the machine's memory a run may use when no limit is given. */
const MACHINE_SHARE = 0.7;
const MB = 2 ** 20;

/**
 * Adds `--memory-limit <MB>` to a command.
 *
 * @param cmd - The command.
 * @returns The command.
 *
 * @example
 * ```ts
 * withMemoryLimit(new Command('match'));
 * ```
 */
export function withMemoryLimit(cmd: Command): Command {
  return cmd.option(
    '--memory-limit <MB>',
    `refuse (exit 6) a run estimated to need more memory than this, in MB (default: memoryLimit in the config, else $MENTOR_MATCH_MEMORY_LIMIT, else ${100 * MACHINE_SHARE}% of this machine's memory)`,
    (v) => positiveInt(v, '--memory-limit'),
  );
}

/**
 * The memory limit of a run, in bytes: `--memory-limit` (MB), else the config's
 * `memoryLimit` (bytes), else `MENTOR_MATCH_MEMORY_LIMIT` (MB), else 70% of the machine's
 * memory (`os.totalmem()`).
 *
 * @param flag - `--memory-limit` in MB, if given.
 * @param config - The config, for its `memoryLimit`.
 * @param env - The environment (default `process.env`).
 * @returns Bytes.
 * @throws {@link ConfigError} when `MENTOR_MATCH_MEMORY_LIMIT` is not a positive number.
 *
 * @example
 * ```ts
 * memoryLimit(512, {}); // 536870912
 * ```
 */
export function memoryLimit(flag: number | undefined, config: MatchConfig, env: NodeJS.ProcessEnv = process.env): number {
  if (flag !== undefined) return flag * MB;
  if (config.memoryLimit !== undefined) return config.memoryLimit;
  const fromEnv = env.MENTOR_MATCH_MEMORY_LIMIT;
  if (fromEnv !== undefined && fromEnv.trim() !== '') {
    const n = Number(fromEnv);
    if (!Number.isFinite(n) || n <= 0) throw new ConfigError([`MENTOR_MATCH_MEMORY_LIMIT: expected a positive number of MB; found ${JSON.stringify(fromEnv)}`]);
    return n * MB;
  }
  return Math.floor(MACHINE_SHARE * totalmem());
}
