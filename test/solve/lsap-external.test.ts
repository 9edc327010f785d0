/**
 * linearSumAssignment against external cases with answers stated by their sources:
 * scipy's and OR-Tools' test suites and Beasley's OR-Library instances
 * (test/fixtures/external; see its README for the formats and the traps handled here).
 *
 * Every case is solved as given; feasible and infeasible cases are also solved
 * transposed (same total, same status) and negated with the opposite `maximize`
 * (negated total).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { linearSumAssignment } from '../../src/solve/lsap.js';
import type { DenseMatrix } from '../../src/solve/types.js';
import { expectMatchError } from '../_helpers/expect-error.js';
import {
  loadInvalidCases,
  loadLsapCases,
  lsapCaseMatrix,
  orLibraryInstances,
  orLibraryOptima,
  specialsMatrix,
  type LsapCase,
} from '../_helpers/external.js';
import { at, expectTotal, expectValidAssignment, negateDense, tolerance, transposeDense } from '../_helpers/oracles.js';

const FILES = ['scipy-lsap.json', 'ortools.json'] as const;

function callName(c: LsapCase, variant = ''): string {
  const max = c.kind === 'lsap-max';
  return `linearSumAssignment(${variant}${c.name}${max ? ', { maximize: true }' : ''})`;
}

function chosenCells(m: DenseMatrix, r: { rowIndices: Int32Array; colIndices: Int32Array }): number[] {
  return Array.from(r.rowIndices, (i, t) => at(m, i, r.colIndices[t]));
}

describe.each(FILES)('linearSumAssignment on %s', (file) => {
  const cases = loadLsapCases(file);

  it(`${file} holds lsap cases (the loader found them)`, () => {
    expect(cases.length).toBeGreaterThan(10);
  });

  for (const c of cases) {
    const maximize = c.kind === 'lsap-max';

    if (c.expected_status === 'optimal') {
      const expected = c.expected_total as number;

      it(`${callName(c)} returns the stated optimum ${expected}`, () => {
        const m = lsapCaseMatrix(c);
        const r = linearSumAssignment(m, { maximize });
        expectValidAssignment(m, r, maximize);
        expectTotal(r.total, expected, tolerance(m));
        if (c.expected_row_costs) expect(chosenCells(m, r)).toEqual(c.expected_row_costs);
        if (c.expected_sorted_costs) {
          expect(chosenCells(m, r).sort((a, b) => a - b)).toEqual([...c.expected_sorted_costs].sort((a, b) => a - b));
        }
        if (c.expected_assignment && (c.derived_unique === true || c.expected_assignment.length === 0)) {
          expect(Array.from(r.rowIndices, (i, t) => [i, r.colIndices[t]])).toEqual(
            [...c.expected_assignment].sort((p, q) => p[0] - q[0]),
          );
        }
      });

      it(`${callName(c, 'transpose of ')} returns the same optimum`, () => {
        const m = transposeDense(lsapCaseMatrix(c));
        const r = linearSumAssignment(m, { maximize });
        expectValidAssignment(m, r, maximize);
        expectTotal(r.total, expected, tolerance(m));
      });

      it(`linearSumAssignment(-${c.name}, { maximize: ${!maximize} }) returns the negated optimum`, () => {
        const m = negateDense(lsapCaseMatrix(c));
        const r = linearSumAssignment(m, { maximize: !maximize });
        expectValidAssignment(m, r, !maximize);
        expectTotal(r.total, -expected, tolerance(m));
      });
    } else if (c.semantics === 'perfect-matching-required') {
      // OR-Tools demands equal sides; under scipy's rectangular contract these are
      // feasible, with the optimum recorded (by the collectors, via scipy) as
      // derived_rectangular_total.
      const expected = c.derived_rectangular_total as number;

      it(`${callName(c)} is feasible under scipy's rectangular contract (total ${expected}, OR-Tools calls it infeasible)`, () => {
        const m = lsapCaseMatrix(c);
        const r = linearSumAssignment(m, { maximize });
        expectValidAssignment(m, r, maximize);
        expectTotal(r.total, expected, 0);
      });

      it(`${callName(c, 'transpose of ')} has the same rectangular optimum`, () => {
        const m = transposeDense(lsapCaseMatrix(c));
        const r = linearSumAssignment(m, { maximize });
        expectValidAssignment(m, r, maximize);
        expectTotal(r.total, expected, 0);
      });
    } else {
      it(`${callName(c)} throws INFEASIBLE`, () => {
        expectMatchError(() => linearSumAssignment(lsapCaseMatrix(c), { maximize }), 'INFEASIBLE');
      });

      it(`${callName(c, 'transpose of ')} throws INFEASIBLE`, () => {
        expectMatchError(() => linearSumAssignment(transposeDense(lsapCaseMatrix(c)), { maximize }), 'INFEASIBLE');
      });

      it(`linearSumAssignment(-${c.name}, { maximize: ${!maximize} }) throws INFEASIBLE`, () => {
        expectMatchError(() => linearSumAssignment(negateDense(lsapCaseMatrix(c)), { maximize: !maximize }), 'INFEASIBLE');
      });
    }
  }
});

describe('linearSumAssignment on scipy invalid-input cases', () => {
  const cases = loadInvalidCases('scipy-lsap.json');

  it('scipy-lsap.json holds invalid-input cases (the loader found them)', () => {
    expect(cases.length).toBeGreaterThanOrEqual(2);
  });

  for (const c of cases) {
    const maximize = c.kind === 'lsap-max';
    it(`linearSumAssignment(${c.name}${maximize ? ', { maximize: true }' : ''}) throws INVALID_INPUT`, () => {
      expectMatchError(() => linearSumAssignment(specialsMatrix(c), { maximize }), 'INVALID_INPUT');
    });
    it(`linearSumAssignment(-${c.name}, { maximize: ${!maximize} }) throws INVALID_INPUT`, () => {
      // NaN stays NaN; the wrong infinity becomes the other side's wrong infinity.
      const negated = specialsMatrix(c).map((r) => r.map((x) => -x));
      expectMatchError(() => linearSumAssignment(negated, { maximize: !maximize }), 'INVALID_INPUT');
    });
  }
});

describe('linearSumAssignment on the Machol–Wien family c[i][j] = i·j (OR-Tools)', () => {
  // The OR-Tools test asserts mate(i) = n-1-i and OptimalCost = Σ i·(n-1-i); the JSON
  // file stores n ≤ 200, the source also runs n = 1000 generated from the rule.
  it.each([1000, 333])('linearSumAssignment(macholWien(%i)) pairs i with n-1-i at cost Σ i·(n-1-i)', (n) => {
    const data = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) data[i * n + j] = i * j;
    const m = { rows: n, cols: n, data };
    const r = linearSumAssignment(m);
    let expected = 0;
    for (let i = 0; i < n; i++) expected += i * (n - 1 - i);
    expect(r.total).toBe(expected);
    expect(Array.from(r.colIndices)).toEqual(Array.from({ length: n }, (_, i) => n - 1 - i));
  });
});

describe('linearSumAssignment on Beasley OR-Library instances', () => {
  const optima = orLibraryOptima();
  const instances = orLibraryInstances();

  it('index.json lists the 12 instances, with the optima of OR-Library assignopt.txt', () => {
    expect(instances.map((x) => x.name).sort()).toEqual([...optima.keys()].sort());
    for (const inst of instances) expect(inst.expectedTotal).toBe(optima.get(inst.name));
  });

  describe.each(instances)('$name (n = $n)', (inst) => {
    let m: DenseMatrix;
    beforeAll(() => {
      m = inst.load();
    });
    afterAll(() => {
      m = undefined as unknown as DenseMatrix;
    });

    it(`parses to ${inst.n} × ${inst.n}${inst.sparse ? ` with ${inst.arcs} arcs and every other pair forbidden` : ' finite costs in 1..100'}`, () => {
      expect(m.rows).toBe(inst.n);
      expect(m.cols).toBe(inst.n);
      let finite = 0;
      let outOfRange = 0;
      let other = 0;
      for (let k = 0; k < m.data.length; k++) {
        const x = m.data[k];
        if (Number.isFinite(x)) {
          finite++;
          if (!(Number.isInteger(x) && x >= 1 && x <= 100)) outOfRange++;
        } else if (x !== Infinity) other++;
      }
      expect(outOfRange).toBe(0);
      expect(other).toBe(0);
      if (inst.sparse) expect(finite).toBe(inst.arcs);
      else expect(finite).toBe(inst.n * inst.n);
    });

    it(`linearSumAssignment(${inst.name}) returns the OR-Library optimum ${inst.expectedTotal}`, () => {
      const r = linearSumAssignment(m);
      expectValidAssignment(m, r);
      expect(r.total).toBe(inst.expectedTotal);
    });

    it(`linearSumAssignment(transpose of ${inst.name}) returns the same optimum`, () => {
      const t = transposeDense(m);
      const r = linearSumAssignment(t);
      expectValidAssignment(t, r);
      expect(r.total).toBe(inst.expectedTotal);
    });

    it(`linearSumAssignment(-${inst.name}, { maximize: true }) returns -${inst.expectedTotal}`, () => {
      const neg = negateDense(m);
      const r = linearSumAssignment(neg, { maximize: true });
      expectValidAssignment(neg, r, true);
      expect(r.total).toBe(-inst.expectedTotal);
    });
  });
});
