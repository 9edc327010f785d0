/**
 * `mentor-match compare`: what changed between two runs (two `--json` results).
 *
 * @module
 */
import { Command } from 'commander';

import { InvalidInputError } from '../../errors.js';
import { compareResults } from '../../evaluate/compare-results.js';
import { issueList, resultIssues, underName } from '../../match/result-schema.js';
import type { MatchResult } from '../../match/types.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { readJsonFile } from '../files.js';
import { table } from '../print.js';
import { readConfig } from './options.js';

/**
 * The `compare` command.
 *
 * @param ctx - Output channels.
 * @param setExit - Receives the exit code.
 * @returns The command.
 *
 * @example
 * ```ts
 * program.addCommand(compareCommand(ctx, (c) => (code = c)));
 * ```
 */
export function compareCommand(ctx: CliContext, setExit: (code: number) => void): Command {
  return new Command('compare')
    .description('compare two results written by `match --json`: pairs kept, added and removed, and why partners changed')
    .argument('<first>', 'result JSON of the first run')
    .argument('<second>', 'result JSON of the second run')
    .option('--config-a <file>', 'the config of the first run (to name the settings that differ)')
    .option('--config-b <file>', 'the config of the second run')
    .option('--max <n>', 'print at most n explanations', (v) => Number(v), 20)
    .option('--json', 'print the comparison as JSON')
    .action((first: string, second: string, o: { configA?: string; configB?: string; max: number; json?: boolean }) => {
      const a = readResult(first);
      const b = readResult(second);
      const cmp = compareResults(a, b, {
        ...(o.configA ? { configA: readConfig(o.configA) } : {}),
        ...(o.configB ? { configB: readConfig(o.configB) } : {}),
      });
      if (o.json) {
        ctx.out(JSON.stringify(cmp, null, 2));
      } else {
        ctx.out(
          table(['', 'comparison'], [
            ['same configuration and cohort', cmp.sameConfig ? 'yes' : `no (${a.configHash} vs ${b.configHash})`],
            ['pairs kept', String(cmp.kept)],
            ['pairs added', String(cmp.added.length)],
            ['pairs removed', String(cmp.removed.length)],
            ['new / gone participants', `${cmp.newParticipants.length} / ${cmp.goneParticipants.length}`],
            ['mean score change', cmp.meanScoreDelta.toFixed(2)],
            ['matched change', String(cmp.matchedDelta)],
            ...(cmp.configDifferences.length ? [['settings that differ', cmp.configDifferences.join(', ')]] : []),
          ]),
        );
        if (cmp.explanations.length) {
          ctx.out('');
          for (const e of cmp.explanations.slice(0, o.max)) ctx.out(`  ${e.message}`);
          if (cmp.explanations.length > o.max) ctx.out(`  … and ${cmp.explanations.length - o.max} more (--json for all)`);
        }
      }
      setExit(EXIT.ok);
    });
}

/**
 * A result written by `match --json`, checked against the result schema for the fields
 * the comparison reads (results of older versions, without `concerns`, `essentialFit`,
 * `search` or `tiers`, are read). Every problem is listed (the first 20), each with the
 * file and the field path: `b.json: groups[0].memberIds: expected a list of ids; found nothing`.
 */
function readResult(path: string): MatchResult {
  const value = readJsonFile(path, 'result', 'data');
  const issues = resultIssues(value, false);
  if (issues.length === 0) return value as MatchResult;
  const lines = issues.map((i) => underName(`${path}: `, i));
  throw new InvalidInputError(
    lines.length === 1
      ? `${lines[0]} (expected a result written by \`mentor-match match --json\`)`
      : `${path}: expected a result written by \`mentor-match match --json\`; found ${lines.length} problems:\n${issueList(lines)}`,
    { path, issues },
  );
}
