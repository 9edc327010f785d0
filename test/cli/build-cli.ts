/**
 * vitest global setup: builds the `mentor-match` executable (dist/cli.js, with its scoring
 * worker dist/score-worker.js) and `mentor-match/node` (dist/node.js) with the same tsup
 * options as `npm run build`, so the CLI tests run the shipped binary, not the sources.
 */
import { build } from 'tsup';

import { cliBuild, nodeBuild } from '../../tsup.config.js';

export default async function setup(): Promise<void> {
  await build({ ...cliBuild, silent: true });
  // mentor-match/node (dist/node.js, next to dist/score-worker.js), without its .d.ts.
  await build({ ...nodeBuild, dts: false, silent: true });
}
