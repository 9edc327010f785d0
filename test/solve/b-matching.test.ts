import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capacitatedAssignment } from '../../src/solve/capacitated.js';
import { solveBMatching } from '../../src/solve/_internal/b-matching.js';

/** Brute force over every subset of allowed pairs: (most pairs, best total) and (best total). */
function brute(rows: number, cols: number, v: number[], rc: number[], cc: number[], of?: number[], gcap?: number[]): { maxCard: [number, number]; best: number } {
  const cells = v.map((x, k) => [k, x] as const).filter(([, x]) => x !== -Infinity);
  let maxCard: [number, number] = [0, 0];
  let best = 0;
  const r = new Array(rows).fill(0);
  const c = new Array(cols).fill(0);
  const gu = new Array(gcap?.length ?? 0).fill(0);
  const rec = (t: number, n: number, s: number): void => {
    if (t === cells.length) {
      if (n > maxCard[0] || (n === maxCard[0] && s > maxCard[1] + 1e-12)) maxCard = [n, s];
      if (s > best) best = s;
      return;
    }
    rec(t + 1, n, s);
    const [k, x] = cells[t];
    const i = Math.floor(k / cols);
    const j = k % cols;
    const g = of ? of[i] : -1;
    if (r[i] < rc[i] && c[j] < cc[j] && (g < 0 || gu[g] < gcap![g])) {
      r[i]++;
      c[j]++;
      if (g >= 0) gu[g]++;
      rec(t + 1, n + 1, s + x);
      r[i]--;
      c[j]--;
      if (g >= 0) gu[g]--;
    }
  };
  rec(0, 0, 0);
  return { maxCard, best };
}

function total(pairs: Int32Array, cols: number, v: number[]): number {
  let s = 0;
  for (let t = 0; t < pairs.length; t += 2) s += v[pairs[t] * cols + pairs[t + 1]];
  return s;
}

describe('solveBMatching (rows with several columns, unit pairs)', () => {
  const inst = fc
    .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }))
    .chain(([rows, cols]) =>
      fc.tuple(
        fc.constant(rows),
        fc.constant(cols),
        fc.array(fc.oneof(fc.integer({ min: 0, max: 9 }), fc.constant(-Infinity)), { minLength: rows * cols, maxLength: rows * cols }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: rows, maxLength: rows }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: cols, maxLength: cols }),
      ),
    );

  it('most pairs then best total, and best total, equal brute force; limits hold; no pair twice', () => {
    fc.assert(
      fc.property(inst, ([rows, cols, v, rc, cc]) => {
        const want = brute(rows, cols, v, rc, cc);
        for (const stop of [false, true]) {
          const p = solveBMatching(rows, cols, Float64Array.from(v), Int32Array.from(rc), Int32Array.from(cc), stop);
          const seen = new Set<number>();
          const r = new Array(rows).fill(0);
          const c = new Array(cols).fill(0);
          for (let t = 0; t < p.length; t += 2) {
            const k = p[t] * cols + p[t + 1];
            expect(seen.has(k)).toBe(false);
            seen.add(k);
            expect(v[k]).not.toBe(-Infinity);
            r[p[t]]++;
            c[p[t + 1]]++;
          }
          r.forEach((x, i) => expect(x).toBeLessThanOrEqual(rc[i]));
          c.forEach((x, j) => expect(x).toBeLessThanOrEqual(cc[j]));
          if (stop) expect(total(p, cols, v)).toBeCloseTo(want.best, 9);
          else {
            expect(p.length / 2).toBe(want.maxCard[0]);
            expect(total(p, cols, v)).toBeCloseTo(want.maxCard[1], 9);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('with quota groups (a cap on the pairs of each group of rows) equals brute force', () => {
    const withGroups = inst.chain(([rows, cols, v, rc, cc]) =>
      fc.tuple(
        fc.constant([rows, cols, v, rc, cc] as const),
        fc.array(fc.integer({ min: -1, max: 1 }), { minLength: rows, maxLength: rows }),
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 2, maxLength: 2 }),
      ),
    );
    fc.assert(
      fc.property(withGroups, ([[rows, cols, v, rc, cc], of, gcap]) => {
        const want = brute(rows, cols, v, rc, cc, of, gcap);
        for (const stop of [false, true]) {
          const p = solveBMatching(rows, cols, Float64Array.from(v), Int32Array.from(rc), Int32Array.from(cc), stop, {
            of: Int32Array.from(of),
            cap: Int32Array.from(gcap),
          });
          const gu = [0, 0];
          for (let t = 0; t < p.length; t += 2) if (of[p[t]] >= 0) gu[of[p[t]]]++;
          gu.forEach((x, g) => expect(x).toBeLessThanOrEqual(gcap[g]));
          if (stop) expect(total(p, cols, v)).toBeCloseTo(want.best, 9);
          else {
            expect(p.length / 2).toBe(want.maxCard[0]);
            expect(total(p, cols, v)).toBeCloseTo(want.maxCard[1], 9);
          }
        }
      }),
      { numRuns: 600 },
    );
  });
});

describe('solveBMatching on larger instances (candidate lists and deferred scans at work)', () => {
  // With one column per row and no groups the problem is a capacitated assignment: an
  // independent exact solver is the oracle at sizes brute force cannot reach.
  it('one column per row equals capacitatedAssignment: most pairs then best total, and best total', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 70 }),
        fc.integer({ min: 17, max: 60 }),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.boolean(),
        (rows, cols, seed, ints) => {
          let s = seed;
          const rnd = (): number => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
          const v = Float64Array.from({ length: rows * cols }, () => (rnd() < 0.15 ? -Infinity : ints ? Math.floor(rnd() * 6) : rnd()));
          const cc = Int32Array.from({ length: cols }, () => Math.floor(rnd() * 3));
          const ones = new Int32Array(rows).fill(1);
          const most = solveBMatching(rows, cols, v, ones, cc, false);
          const ref = capacitatedAssignment({ rows, cols, data: v }, { capacity: cc, maximize: true });
          expect(most.length / 2).toBe(ref.assignedCount);
          expect(total(most, cols, Array.from(v))).toBeCloseTo(ref.total, 9);
          // Best total: a zero-valued "nobody" column with room for everyone.
          const ext = new Float64Array(rows * (cols + 1));
          for (let i = 0; i < rows; i++) ext.set(v.subarray(i * cols, (i + 1) * cols), i * (cols + 1));
          const refBest = capacitatedAssignment({ rows, cols: cols + 1, data: ext }, { capacity: Int32Array.from([...cc, rows]), maximize: true });
          const best = solveBMatching(rows, cols, v, ones, cc, true);
          expect(total(best, cols, Array.from(v))).toBeCloseTo(refBest.total, 9);
        },
      ),
      { numRuns: 150 },
    );
  });
});
