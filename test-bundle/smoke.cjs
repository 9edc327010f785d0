// Smoke test of the shipped CommonJS bundle: `require` the package by its own name, so
// that Node resolves it through package.json `exports` ("require" condition), exactly as
// a user's `const mm = require('mentor-match')` would. Run after `npm run build`:
//   node test-bundle/smoke.cjs
'use strict';
const assert = require('node:assert/strict');
const { existsSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
for (const f of ['index.js', 'index.cjs', 'index.d.ts', 'index.d.cts']) {
  assert.ok(existsSync(path.join(root, 'dist', f)), `dist/${f} is missing: run \`npm run build\` first`);
}

const mm = require('mentor-match');
assert.equal(require.resolve('mentor-match'), path.join(root, 'dist', 'index.cjs'), 'require resolves to dist/index.cjs');

(async () => {
  const { runSolverChecks, checkBrandAcrossCopies, checkNoNodeImports } = await import('./_checks.mjs');
  runSolverChecks(mm);
  const esm = await import('mentor-match');
  checkBrandAcrossCopies(esm, mm);
  checkNoNodeImports(path.join(root, 'dist', 'index.js'));
  checkNoNodeImports(path.join(root, 'dist', 'index.cjs'));
  const solve = require('mentor-match/solve');
  assert.equal(require.resolve('mentor-match/solve'), path.join(root, 'dist', 'solve.cjs'), 'require resolves mentor-match/solve to dist/solve.cjs');
  runSolverChecks(solve);
  const csv = require('mentor-match/csv');
  const cohort = csv.parseCohortCsv('id,role\nm1,mentor\ne1,mentee\n');
  assert.equal(cohort.participants.length, 2);
  assert.equal(mm.match(cohort.participants, {}).pairs.length, 1);
  assert.equal(require.resolve('mentor-match/report'), path.join(root, 'dist', 'report.cjs'), 'require resolves mentor-match/report to dist/report.cjs');
  assert.match(require('mentor-match/report').renderReport(mm.match(cohort.participants, {}), { summary: mm.summarize(mm.match(cohort.participants, {})) }), /^<!doctype html>/i);
  assert.equal(require.resolve('mentor-match/calibrate'), path.join(root, 'dist', 'calibrate.cjs'), 'require resolves mentor-match/calibrate to dist/calibrate.cjs');
  assert.equal(typeof require('mentor-match/calibrate').calibrateWeights, 'function');
  console.log('smoke.cjs ok: require("mentor-match") → dist/index.cjs; require("mentor-match/solve") → dist/solve.cjs; require("mentor-match/csv") → dist/csv.cjs; mentor-match/report and mentor-match/calibrate; 3 solvers, error codes, brand check vs the ESM copy, no node: imports in dist');
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
