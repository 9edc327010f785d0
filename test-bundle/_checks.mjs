/**
 * Shared body of the dist smoke tests (smoke.mjs, smoke.cjs). Plain JavaScript on
 * purpose: it runs on `node` against the built package, with no TypeScript loader.
 *
 * - `runSolverChecks(mm)`: calls the three solvers on small inputs with known answers
 *   and checks the error contract (typed errors with a stable `code`).
 * - `checkBrandAcrossCopies(esm, cjs)`: `dist/index.js` and `dist/index.cjs` are two
 *   copies of the library; an error thrown by one must be recognised by the other's
 *   `isMatchError` (a brand check, not `instanceof`).
 * - `checkNoNodeImports(file)`: the core bundle imports no Node built-in module.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';

/** The thrown value of `fn` (fails when it does not throw). */
function thrown(fn) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  assert.fail('expected a throw');
}

/** Asserts that `fn` throws a mentor-match error with `code`, recognised by `isMatchError`. */
function expectCode(mm, fn, code) {
  const e = thrown(fn);
  assert.equal(mm.isMatchError(e), true, `isMatchError(${String(e)})`);
  assert.ok(e instanceof mm.MatchError, 'instanceof MatchError within one copy');
  assert.ok(e instanceof Error);
  assert.equal(e.code, code, e.message);
  return e;
}

export function runSolverChecks(mm) {
  for (const name of [
    'linearSumAssignment',
    'capacitatedAssignment',
    'maxWeightMatching',
    'maxWeightMatchingDense',
    'isMatchError',
    'MatchError',
    'InvalidInputError',
    'InfeasibleError',
  ]) {
    assert.equal(typeof mm[name], 'function', `export ${name}`);
  }

  // linearSumAssignment: scipy's contract.
  const cost = [
    [4, 1, 3],
    [2, 0, 5],
    [3, 2, 2],
  ];
  const lsap = mm.linearSumAssignment(cost);
  assert.ok(lsap.rowIndices instanceof Int32Array && lsap.colIndices instanceof Int32Array);
  assert.deepEqual(Array.from(lsap.rowIndices), [0, 1, 2]);
  assert.deepEqual(Array.from(lsap.colIndices), [1, 0, 2]);
  assert.equal(lsap.total, 5);
  assert.equal(mm.linearSumAssignment(cost, { maximize: true }).total, 11);
  const dense = { rows: 2, cols: 3, data: new Float64Array([1, Infinity, 3, Infinity, 2, Infinity]) };
  const rect = mm.linearSumAssignment(dense);
  assert.deepEqual(Array.from(rect.colIndices), [0, 1]);
  assert.equal(rect.total, 3);
  assert.equal(dense.data[1], Infinity, 'input not mutated');
  assert.equal(mm.linearSumAssignment([]).total, 0);
  expectCode(mm, () => mm.linearSumAssignment([[1, NaN]]), 'INVALID_INPUT');
  expectCode(mm, () => mm.linearSumAssignment([[1, -Infinity]]), 'INVALID_INPUT');
  expectCode(mm, () => mm.linearSumAssignment([[1e301]]), 'INVALID_INPUT');
  const inf = expectCode(mm, () => mm.linearSumAssignment([[Infinity, 1], [Infinity, 2]]), 'INFEASIBLE');
  assert.ok(inf instanceof mm.InfeasibleError);

  // capacitatedAssignment: mentor 0 takes two mentees, mentor 1 one.
  const cap = mm.capacitatedAssignment(
    [
      [1, 5],
      [2, 4],
      [3, 1],
    ],
    { capacity: [2, 1] },
  );
  assert.ok(cap.assignment instanceof Int32Array);
  assert.deepEqual(Array.from(cap.assignment), [0, 0, 1]);
  assert.equal(cap.total, 4);
  assert.equal(cap.assignedCount, 3);
  const short = mm.capacitatedAssignment([[1, 5], [2, 4], [3, 1]], { capacity: 1 });
  assert.deepEqual(Array.from(short.assignment), [0, -1, 1]);
  assert.equal(short.assignedCount, 2);
  expectCode(mm, () => mm.capacitatedAssignment([[1]], { capacity: -1 }), 'INVALID_INPUT');

  // maxWeightMatching: maximum weight vs maximum cardinality.
  const path = [
    [0, 1, 5],
    [1, 2, 11],
    [2, 3, 5],
  ];
  const mw = mm.maxWeightMatching(path);
  assert.ok(mw.mate instanceof Int32Array);
  assert.deepEqual(Array.from(mw.mate), [-1, 2, 1, -1]);
  assert.equal(mw.total, 11);
  const mc = mm.maxWeightMatching(path, { maxCardinality: true });
  assert.deepEqual(Array.from(mc.mate), [1, 0, 3, 2]);
  assert.equal(mc.total, 10);
  const md = mm.maxWeightMatchingDense([
    [0, 8, 9, 0],
    [8, 0, 10, 0],
    [9, 10, 0, 7],
    [0, 0, 7, 0],
  ]);
  assert.deepEqual(Array.from(md.mate), [1, 0, 3, 2]);
  assert.equal(md.total, 15);
  expectCode(mm, () => mm.maxWeightMatching([[0, 0, 1]]), 'INVALID_INPUT');
  expectCode(mm, () => mm.maxWeightMatching([[0, 1, 1], [1, 0, 2]]), 'INVALID_INPUT');
}

export function checkBrandAcrossCopies(esm, cjs) {
  assert.notEqual(esm.MatchError, cjs.MatchError, 'the ESM and CJS builds are two copies');
  const fromCjs = thrown(() => cjs.linearSumAssignment([[NaN]]));
  const fromEsm = thrown(() => esm.linearSumAssignment([[NaN]]));
  assert.equal(fromCjs instanceof esm.MatchError, false, 'instanceof does not cross copies');
  assert.equal(esm.isMatchError(fromCjs), true, 'ESM isMatchError(CJS error)');
  assert.equal(cjs.isMatchError(fromEsm), true, 'CJS isMatchError(ESM error)');
  assert.equal(fromCjs.code, 'INVALID_INPUT');
  assert.equal(esm.isMatchError(new Error('x')), false);
  assert.equal(cjs.isMatchError({ code: 'INVALID_INPUT' }), false);
}

const BUILTINS = new Set(builtinModules.filter((m) => !m.startsWith('_')));

/**
 * Module specifiers of `import … from "x"`, `export … from "x"`, `import "x"`,
 * `import("x")` and `require("x")` in a bundle that are Node built-ins
 * (`node:…`, `fs`, `path`, `fs/promises`, …).
 */
export function nodeImports(source) {
  const re = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)(["'])([^"'\n]+)\1/g;
  const found = new Set();
  for (const m of source.matchAll(re)) {
    const spec = m[2];
    if (spec.startsWith('node:') || BUILTINS.has(spec) || BUILTINS.has(spec.split('/')[0])) found.add(spec);
  }
  return [...found];
}

export function checkNoNodeImports(file) {
  const found = nodeImports(readFileSync(file, 'utf8'));
  assert.deepEqual(found, [], `${file} must not import Node built-ins (the core runs in browsers and workers); found ${found.join(', ')}`);
}
