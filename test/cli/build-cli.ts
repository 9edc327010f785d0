/**
 * vitest global setup: builds the package into dist/ with the same tsup options as
 * `npm run build`, so the tests run what ships, never the sources nor a stale build:
 * - the library (dist/index, csv, solve, … in ESM and CommonJS: the first entry of
 *   tsup.config.ts's default export) for test/readme.test.ts, which runs the README's
 *   samples against the package's own "exports";
 * - the `mentor-match` executable (dist/cli.js, with its scoring worker
 *   dist/score-worker.js) for the tests that run the command line;
 * - `mentor-match/node` (dist/node.js, next to dist/score-worker.js).
 * No .d.ts files: nothing here reads them, and they are the slow part of the build.
 *
 * The builds write into a fresh folder inside dist/, whose files are then renamed over
 * dist/'s: a rename is atomic, so a test run started at the same time in the same tree
 * (its own setup building too) never reads a half-written file, and two builds never
 * write one file at once (which left the tail of the longer write after the shorter one).
 */
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'tsup';

import config, { cliBuild, nodeBuild } from '../../tsup.config.js';

const DIST = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');

export default async function setup(): Promise<void> {
  if (!Array.isArray(config) || config.length === 0) throw new Error('tsup.config.ts: expected an array of builds, the library first');
  const [library] = config;
  mkdirSync(DIST, { recursive: true });
  const outDir = mkdtempSync(join(DIST, '.test-build-'));
  try {
    await build({ ...library, dts: false, silent: true, outDir });
    await build({ ...cliBuild, silent: true, outDir });
    await build({ ...nodeBuild, dts: false, silent: true, outDir });
    for (const name of readdirSync(outDir)) renameSync(join(outDir, name), join(DIST, name));
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
