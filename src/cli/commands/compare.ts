/**
 * `mentor-match compare`: what changed between two runs (two `--json` results).
 *
 * @module
 */
import { Command } from 'commander';

import { InvalidInputError } from '../../errors.js';
import { compareResults } from '../../evaluate/compare-results.js';
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

/** A result written by `match --json`, checked for the fields the comparison reads. */
function readResult(path: string): MatchResult {
  const r = readJsonFile(path, 'result', 'data') as Record<string, unknown> | null;
  const isPair = (p: Record<string, unknown> | null): boolean =>
    p !== null &&
    typeof p === 'object' &&
    typeof p.score === 'number' &&
    (r?.mode === 'peer' ? Array.isArray(p.peerIds) && p.peerIds.length === 2 && p.peerIds.every((x) => typeof x === 'string') : typeof p.menteeId === 'string' && typeof p.mentorId === 'string');
  const ok =
    r !== null &&
    typeof r === 'object' &&
    typeof r.mode === 'string' &&
    Array.isArray(r.pairs) &&
    (r.mode === 'group' || r.mode === 'peer' ? Array.isArray(r.groups) : true) &&
    Array.isArray(r.unmatched) &&
    typeof r.configHash === 'string' &&
    typeof r.stats === 'object' &&
    (r.pairs as (Record<string, unknown> | null)[]).every(isPair);
  if (!ok) throw new InvalidInputError(`${path}: expected a result written by \`mentor-match match --json\` (mode, pairs — menteeId and mentorId, or peerIds in peer mode —, groups in group and peer mode, unmatched, stats, configHash)`, { path });
  return r as unknown as MatchResult;
}
