/**
 * vitest global setup: builds the `mentor-match` executable (dist/cli.js, with its scoring
 * worker dist/score-worker.js) and `mentor-match/node` (dist/node.js) with the same tsup
 * options as `npm run build`, so the CLI tests run the shipped binary, not the sources.
 */
import { rmSync } from 'node:fs';

import { build } from 'tsup';

import { cliBuild, nodeBuild } from '../../tsup.config.js';

export default async function setup(): Promise<void> {
  // Remove the earlier build's files first: tsup (its tree-shaking pass) writes a shorter
  // output over an existing file without truncating it, which left the tail of the old
  // dist/node.js after the new one when `npm ci` (prepare) had built dist/ already.
  for (const name of [cliBuild, nodeBuild].flatMap((o) => Object.keys(o.entry as Record<string, string>))) rmSync(new URL(`../../dist/${name}.js`, import.meta.url), { force: true });
  await build({ ...cliBuild, silent: true });
  // mentor-match/node (dist/node.js, next to dist/score-worker.js), without its .d.ts.
  await build({ ...nodeBuild, dts: false, silent: true });
}
