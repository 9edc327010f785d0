/**
 * `mentor-match explain`: why two people would (or would not) be a good pair.
 *
 * @module
 */
import { Command, InvalidArgumentError } from 'commander';

import { ConfigError } from '../../errors.js';
import { matchMatrix } from '../../match/match.js';
import { explainPair } from '../../score/explain.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { loadCohort } from '../load-cohort.js';
import { formatExplanation } from '../print.js';
import { normalizeId } from '../../profile/ids.js';
import { cohortSource, memoryLimit, readConfig, reportIssues, withCohortOptions, withMemoryLimit, type CohortOptions } from './options.js';

/**
 * The `explain` command. The pair is scored within the whole cohort (skill rarity and
 * other cohort-wide parts of the score are the ones `match` uses).
 *
 * @param ctx - Output channels.
 * @param setExit - Receives the exit code.
 * @returns The command.
 *
 * @example
 * ```ts
 * program.addCommand(explainCommand(ctx, (c) => (code = c)));
 * ```
 */
export function explainCommand(ctx: CliContext, setExit: (code: number) => void): Command {
  return withMemoryLimit(withCohortOptions(new Command('explain')))
    .description('explain the score of one pair: each criterion with its evidence, and any rule that forbids it')
    .argument('[cohort]', 'cohort CSV with a role column')
    .requiredOption('--pair <mentee,mentor>', 'two participant ids separated by a comma (peer mode: any two peers)', parsePair)
    .option('--config <file>', 'JSON config (weights, rules, mode, …)')
    .option('--json', 'print the explanation as JSON')
    .action((cohort: string | undefined, o: CohortOptions & { pair: [string, string]; config?: string; json?: boolean; memoryLimit?: number }) => {
      const config = readConfig(o.config);
      config.memoryLimit = memoryLimit(o.memoryLimit, config);
      const loaded = loadCohort(cohortSource(cohort, o));
      reportIssues(ctx, loaded.issues);
      const byId = new Map(loaded.participants.map((p) => [p.id, p]));
      for (const id of o.pair) if (!byId.has(id)) throw new ConfigError([`--pair: ${JSON.stringify(id)} is not a participant of the cohort (was its row left out? see the issues above)`]);
      const matrix = matchMatrix(loaded.participants, config);
      let [a, b] = o.pair;
      if (matrix.kind === 'bipartite' && !(matrix.rowIds.includes(a) && matrix.colIds.includes(b))) [a, b] = [b, a];
      const i = matrix.rowIds.indexOf(a);
      const j = matrix.colIds.indexOf(b);
      if (i < 0 || j < 0) throw new ConfigError([`--pair ${o.pair.join(',')}: expected a mentee and a mentor; found ${o.pair.map((id) => `${id} (${byId.get(id)!.roles.join(' and ')})`).join(' and ')}`]);
      const explanation = explainPair(matrix, i, j);
      if (o.json) ctx.out(JSON.stringify(explanation, null, 2));
      else for (const line of formatExplanation(explanation, new Map(loaded.participants.map((p) => [p.id, p.name])))) ctx.out(line);
      setExit(EXIT.ok);
    });
}

/** `A,B` → `['A', 'B']`, each id as `parseParticipants` stores ids (`normalizeId`). */
function parsePair(v: string): [string, string] {
  const parts = v.split(',').map((s) => normalizeId(s));
  if (parts.length !== 2 || parts.some((s) => s === '')) throw new InvalidArgumentError(`expected two ids separated by a comma, e.g. E0001,M0002; found ${JSON.stringify(v)}`);
  return [parts[0]!, parts[1]!];
}
