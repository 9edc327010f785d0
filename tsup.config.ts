import { defineConfig, type Options } from 'tsup';

// Seven entries:
// - index: the core (solvers, scoring, matching, audits); imports no Node module, so it
//   runs in a browser, a worker or an edge function. d3-array and d3-scale are ESM-only,
//   so they are bundled (tree-shaken) rather than required.
// - solve: `mentor-match/solve`, the solvers and their errors alone (a few KB in a bundle).
// - report: `mentor-match/report`, the HTML report (with its charts: d3); calibrate:
//   `mentor-match/calibrate`, weight calibration (with ml-matrix). Browser-safe too.
// - csv: `mentor-match/csv`, cohort CSV in and results out, through csv-parse and
//   csv-stringify (which expect a global `Buffer`: Node, Deno, Bun).
// - cli: the node-only `mentor-match` command (bin), and its scoring worker (score-worker.js).
// - node: `mentor-match/node`, the worker-thread scoring pool (ESM only; it finds score-worker.js next to it).
// No `treeshake` option: esbuild already shakes every bundle, and tsup's extra rollup pass
// wrote each output twice at once, which sometimes left the tail of the longer write after
// the shorter one (a dist/node.js ending in a stray `ool };`).
const D3 = ['d3-array', 'd3-scale', 'd3-interpolate', 'd3-format', 'd3-time', 'd3-time-format', 'd3-color', 'internmap'];

/** The CLI build, shared with the tests' global setup (test/cli/build-cli.ts). */
export const cliBuild: Options = {
  // The scoring worker is its own file next to the CLI: worker-pool.ts starts it from
  // new URL('./score-worker.js', import.meta.url).
  entry: { cli: 'src/cli/bin.ts', 'score-worker': 'src/cli/score-worker.ts' },
  format: ['esm'],
  dts: false,
  sourcemap: false,
  clean: false,
  target: 'node20',
  platform: 'node',
  noExternal: D3,
  banner: { js: '#!/usr/bin/env node' },
};

/**
 * `mentor-match/node` (ESM only): createWorkerPool, which starts dist/score-worker.js (built
 * by cliBuild) from new URL('./score-worker.js', import.meta.url). Shared with the tests'
 * global setup too.
 */
export const nodeBuild: Options = {
  entry: { node: 'src/node.ts' },
  format: ['esm'],
  dts: true,
  sourcemap: false,
  clean: false,
  target: 'node20',
  platform: 'node',
};

export default defineConfig([
  {
    entry: { index: 'src/index.ts', csv: 'src/csv.ts', solve: 'src/solve.ts', report: 'src/report.ts', calibrate: 'src/calibrate.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: false,
    clean: false, // npm run build empties dist/ first (two configs build into it side by side)
    target: 'es2022',
    platform: 'neutral',
    noExternal: D3,
  },
  cliBuild,
  nodeBuild,
]);
