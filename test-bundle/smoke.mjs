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

console.log('smoke.mjs ok: import "mentor-match" → dist/index.js; 3 solvers, error codes, brand check vs the CJS copy, no node: imports in dist');
