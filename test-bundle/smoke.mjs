// Smoke test of the shipped ESM bundle: `import` the package by its own name, so that
// Node resolves it through package.json `exports` (self-reference), exactly as a user's
// `import * as mm from 'mentor-match'` would. Run after `npm run build`:
//   node test-bundle/smoke.mjs
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
for (const f of ['index.js', 'index.cjs', 'index.d.ts', 'index.d.cts']) {
  assert.ok(existsSync(`${root}dist/${f}`), `dist/${f} is missing: run \`npm run build\` first`);
}

const { runSolverChecks, checkBrandAcrossCopies, checkNoNodeImports } = await import('./_checks.mjs');

const mm = await import('mentor-match');
assert.equal(fileURLToPath(import.meta.resolve('mentor-match')), `${root}dist/index.js`, 'import resolves to dist/index.js');

runSolverChecks(mm);
const cjs = createRequire(import.meta.url)('mentor-match');
checkBrandAcrossCopies(mm, cjs);
checkNoNodeImports(`${root}dist/index.js`);
checkNoNodeImports(`${root}dist/index.cjs`);

// The solvers alone: mentor-match/solve, the same checks.
const solve = await import('mentor-match/solve');
assert.equal(fileURLToPath(import.meta.resolve('mentor-match/solve')), `${root}dist/solve.js`, 'mentor-match/solve resolves to dist/solve.js');
runSolverChecks(solve);
checkNoNodeImports(`${root}dist/solve.js`);
assert.ok(mm.isMatchError(new solve.InfeasibleError('x')), 'an error of the solve entry is a MatchError of the main entry');

// The CSV entry point and the whole pipeline through the built files.
const csv = await import('mentor-match/csv');
assert.equal(fileURLToPath(import.meta.resolve('mentor-match/csv')), `${root}dist/csv.js`, 'mentor-match/csv resolves to dist/csv.js');
const cohort = csv.parseCohortCsv('id,name,role,skills_offered,skills_wanted\nm1,Ana,mentor,python:5,\ne1,Bo,mentee,,python:3\n');
assert.deepEqual(cohort.issues, []);
const result = mm.match(cohort.participants, { mode: 'capacity' });
assert.deepEqual(result.pairs.map((p) => [p.menteeId, p.mentorId]), [['e1', 'm1']]);
assert.match(csv.matchesToCsv(result, cohort.participants), /^status,group,mentee_id/);
// The report and calibration entry points (browser-safe like the main entry).
const report = await import('mentor-match/report');
assert.equal(fileURLToPath(import.meta.resolve('mentor-match/report')), `${root}dist/report.js`, 'mentor-match/report resolves to dist/report.js');
const html = report.renderReport(result, { summary: mm.summarize(result, cohort.participants), participants: cohort.participants });
assert.match(html, /^<!DOCTYPE html>/i);
assert.equal(mm.renderReport, undefined, 'the report is not in the main entry');
const calibrate = await import('mentor-match/calibrate');
assert.equal(fileURLToPath(import.meta.resolve('mentor-match/calibrate')), `${root}dist/calibrate.js`, 'mentor-match/calibrate resolves to dist/calibrate.js');
assert.equal(typeof calibrate.calibrateWeights, 'function');
for (const f of ['report.js', 'report.cjs', 'calibrate.js', 'calibrate.cjs']) checkNoNodeImports(`${root}dist/${f}`);
assert.ok(mm.isMatchError(new csv.CsvFileError([])), 'CsvFileError from the csv entry is a MatchError of the main entry');
checkNoNodeImports(`${root}dist/csv.js`);

// The bin: package.json points at dist/cli.js, which runs.
const { execFileSync } = await import('node:child_process');
const pkg = JSON.parse((await import('node:fs')).readFileSync(`${root}package.json`, 'utf8'));
assert.equal(pkg.bin['mentor-match'], './dist/cli.js');
assert.equal(execFileSync(process.execPath, [`${root}dist/cli.js`, '--version'], { encoding: 'utf8' }).trim(), pkg.version);

console.log('smoke.mjs ok: import "mentor-match" → dist/index.js; 3 solvers, error codes, brand check vs the CJS copy, no node: imports in dist; mentor-match/solve → dist/solve.js; mentor-match/csv → dist/csv.js, CSV → match → CSV; mentor-match/report → dist/report.js, the report; mentor-match/calibrate → dist/calibrate.js; bin dist/cli.js runs');
