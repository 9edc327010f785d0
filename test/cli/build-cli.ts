/**
 * vitest global setup: builds the package into dist/ with the same tsup options as
 * `npm run build`, so the tests run what ships, never the sources nor a stale build:
 * - the library (dist/index, csv and solve, ESM and CommonJS: the first entry of
 *   tsup.config.ts's default export) for test/readme.test.ts, which runs the README's
 *   samples against the package's own "exports";
 * - the `mentor-match` executable (dist/cli.js, with its scoring worker
 *   dist/score-worker.js) for the tests that run the command line;
 * - `mentor-match/node` (dist/node.js, next to dist/score-worker.js).
 * No .d.ts files: nothing here reads them, and they are the slow part of the build.
 */
import { build } from 'tsup';

import config, { cliBuild, nodeBuild } from '../../tsup.config.js';

export default async function setup(): Promise<void> {
  if (!Array.isArray(config) || config.length === 0) throw new Error('tsup.config.ts: expected an array of builds, the library first');
  const [library] = config;
  await build({ ...library, dts: false, silent: true });
  await build({ ...cliBuild, silent: true });
  await build({ ...nodeBuild, dts: false, silent: true });
}
