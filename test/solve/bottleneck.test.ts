import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capacitatedAssignment } from '../../src/solve/capacitated.js';
import { highestFloor } from '../../src/solve/bottleneck.js';
import { maxWeightMatchingDense } from '../../src/solve/blossom.js';

/** Every assignment of rows to distinct columns (or none), by brute force. */
function* assignments(rows: number, cols: number, allowed: (i: number, j: number) => boolean): Generator<number[]> {
  const a = new Array<number>(rows).fill(-1);
  const used = new Uint8Array(cols);
  function* rec(i: number): Generator<number[]> {
    if (i === rows) {
      yield [...a];
      return;
    }
    a[i] = -1;
    yield* rec(i + 1);
    for (let j = 0; j < cols; j++) {
      if (used[j] || !allowed(i, j)) continue;
      used[j] = 1;
      a[i] = j;
      yield* rec(i + 1);
      used[j] = 0;
      a[i] = -1;
    }
  }
  yield* rec(0);
}

const matrixArb = fc
  .record({ rows: fc.integer({ min: 0, max: 4 }), cols: fc.integer({ min: 0, max: 4 }) })
  .chain(({ rows, cols }) =>
    fc.record({
      rows: fc.constant(rows),
      cols: fc.constant(cols),
      // Small integers: ties in the levels; about one pair in five forbidden.
      cells: fc.array(fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 6 }) }, { weight: 1, arbitrary: fc.constant(-Infinity) }), { minLength: rows * cols, maxLength: rows * cols }),
    }),
  );

describe('highestFloor(values, scores, solve, acceptable)', () => {
  it('around the exact assignment: the floor is the brute-force bottleneck of the largest assignments', () => {
    fc.assert(
      fc.property(matrixArb, ({ rows, cols, cells }) => {
        const values = Float64Array.from(cells);
        const solve = (data: Float64Array) => capacitatedAssignment({ rows, cols, data }, { capacity: 1, maximize: true });
        const ref = solve(values);
        const r = highestFloor(values, values, solve, (a) => a.assignedCount >= ref.assignedCount);
        // Brute force: among assignments with the most pairs, the largest lowest pair.
        let most = 0;
        let best = -Infinity;
        for (const a of assignments(rows, cols, (i, j) => values[i * cols + j] !== -Infinity)) {
          const pairs = a.flatMap((j, i) => (j >= 0 ? [values[i * cols + j]] : []));
          const low = pairs.length ? Math.min(...pairs) : Infinity;
          if (pairs.length > most) [most, best] = [pairs.length, low];
          else if (pairs.length === most) best = Math.max(best, low);
        }
        expect(r.answer.assignedCount).toBe(most);
        if (most === 0) return;
        expect(r.floor).toBe(best);
        const lowest = Math.min(...Array.from(r.answer.assignment).flatMap((j, i) => (j >= 0 ? [values[i * cols + j]] : [])));
        expect(lowest).toBe(best);
        expect(r.solves).toBeLessThanOrEqual(Math.ceil(Math.log2(rows * cols + 1)) + 2);
      }),
      { numRuns: 300 },
    );
  });

  it('floors on scores apart from the values (bonuses in the values, the floor on the scores)', () => {
    // Pair (1, 1) has the highest value but the lowest score: the floor excludes it.
    const scores = Float64Array.from([0.5, 0.6, 0.7, 0.1]);
    const values = Float64Array.from([0.5, 0.6, 0.7, 9]);
    const solve = (data: Float64Array) => capacitatedAssignment({ rows: 2, cols: 2, data }, { capacity: 1, maximize: true });
    const r = highestFloor(values, scores, solve, (a) => a.assignedCount >= 2);
    expect(r.floor).toBe(0.6);
    expect(Array.from(r.answer.assignment)).toEqual([1, 0]);
  });

  it('around the blossom (peers): as many pairs, the weakest as strong as possible', () => {
    // 4 peers: the best total pairs 0–1 (10) and 2–3 (1); the floor pairs 0–2 and 1–3 (4 each).
    const w = [
      [0, 10, 4, 0],
      [10, 0, 0, 4],
      [4, 0, 0, 1],
      [0, 4, 1, 0],
    ];
    const values = Float64Array.from(w.flat());
    const solve = (data: Float64Array) => maxWeightMatchingDense({ rows: 4, cols: 4, data }, { maxCardinality: true });
    const pairsOf = (m: Int32Array) => Array.from(m).filter((v, u) => v > u).length;
    const ref = solve(values);
    const r = highestFloor(values, values, solve, (m) => pairsOf(m.mate) >= pairsOf(ref.mate));
    expect(r.floor).toBe(4);
    expect(Array.from(r.answer.mate)).toEqual([2, 3, 0, 1]);
  });

  it('no acceptable floor: -Infinity and the unrestricted answer', () => {
    const values = Float64Array.from([1, 2]);
    const r = highestFloor(values, values, (d) => Array.from(d), () => false);
    expect(r.floor).toBe(-Infinity);
    expect(r.answer).toEqual([1, 2]);
  });

  it('rejects scores of another length', () => {
    expect(() => highestFloor(new Float64Array(2), new Float64Array(3), () => 0, () => true)).toThrow(/one score per value/);
  });
});
