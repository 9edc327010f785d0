/**
 * sharedMinutes(a, b, minMeeting) and overlapWindows(a, b, minMeeting): hand-computed
 * cases, then properties against a brute-force oracle that marks the 10080 minutes of the
 * week in boolean arrays and walks the circular runs of their intersection.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { overlapWindows, sharedMinutes, WEEK_MINUTES } from '../../../src/score/time/index.js';
import { expectMatchError } from '../../_helpers/expect-error.js';

const W = WEEK_MINUTES;
const I = (...xs: number[]): Int32Array => Int32Array.from(xs);

// ---------------------------------------------------------------- oracle

/** Minute-by-minute membership of an encoded week. */
function toBits(enc: Int32Array): Uint8Array {
  const bits = new Uint8Array(W);
  for (let k = 0; k < enc.length; k += 2) bits.fill(1, enc[k], enc[k + 1]);
  return bits;
}

/** The canonical encoding of a bit week: maximal linear runs in [0, 10080]. */
function fromBits(bits: Uint8Array): Int32Array {
  const out: number[] = [];
  for (let m = 0; m < W; m++) {
    if (bits[m] && (m === 0 || !bits[m - 1])) out.push(m);
    if (bits[m] && (m === W - 1 || !bits[m + 1])) out.push(m + 1);
  }
  return Int32Array.from(out);
}

/** Circular runs of the intersection as [start, length], the whole week as [0, 10080]. */
function bruteRuns(a: Int32Array, b: Int32Array): Array<[number, number]> {
  const x = toBits(a);
  const y = toBits(b);
  const both = x.map((v, m) => v & y[m]);
  const free = both.indexOf(0);
  if (free < 0) return [[0, W]];
  const runs: Array<[number, number]> = [];
  let start = -1;
  for (let k = 1; k <= W; k++) {
    const m = (free + k) % W;
    if (both[m] && start < 0) start = free + k;
    if (!both[m] && start >= 0) {
      runs.push([start % W, free + k - start]);
      start = -1;
    }
  }
  return runs;
}

function bruteShared(a: Int32Array, b: Int32Array, minMeeting: number): number {
  return bruteRuns(a, b)
    .filter(([, len]) => len >= minMeeting)
    .reduce((sum, [, len]) => sum + len, 0);
}

/** Random encoded week: up to `max` random intervals (some near the week's ends), wrapped and normalised. */
function encodedWeek(max = 10): fc.Arbitrary<Int32Array> {
  const start = fc.oneof(fc.integer({ min: 0, max: W - 1 }), fc.constantFrom(0, 1, 30, W - 60, W - 30, W - 1));
  const length = fc.oneof(fc.integer({ min: 1, max: 240 }), fc.integer({ min: 1, max: 3000 }));
  return fc.array(fc.tuple(start, length), { maxLength: max }).map((ivs) => {
    const bits = new Uint8Array(W);
    for (const [s, len] of ivs) for (let k = 0; k < len; k++) bits[(s + k) % W] = 1;
    return fromBits(bits);
  });
}

const minMeetingArb = fc.oneof(
  fc.constantFrom(0, 1, 2, 30, 60),
  fc.integer({ min: 0, max: 400 }),
  fc.integer({ min: 0, max: W + 1 }),
);

// ---------------------------------------------------------------- hand-computed

describe('sharedMinutes(a, b, minMeeting)', () => {
  it('is 0 when either week is empty or nothing overlaps', () => {
    expect(sharedMinutes(I(), I())).toBe(0);
    expect(sharedMinutes(I(0, W), I())).toBe(0);
    expect(sharedMinutes(I(), I(0, W), 30)).toBe(0);
    expect(sharedMinutes(I(0, 60), I(60, 120))).toBe(0); // touching is not sharing
    expect(sharedMinutes(I(0, 60), I(60, 120), 30)).toBe(0);
  });

  it('sums the overlaps of a linear merge', () => {
    // a: 09:00–10:00, 15:00–17:00; b: 09:30–16:00 → 30 + 60.
    expect(sharedMinutes(I(540, 600, 900, 1020), I(570, 960))).toBe(90);
    // b inside a, a inside b, identical lists.
    expect(sharedMinutes(I(100, 500), I(200, 300, 400, 450))).toBe(150);
    expect(sharedMinutes(I(200, 300, 400, 450), I(100, 500))).toBe(150);
    expect(sharedMinutes(I(5, 10, 20, 40), I(5, 10, 20, 40))).toBe(25);
    // equal ends advance both lists.
    expect(sharedMinutes(I(0, 10, 20, 30, 40, 50), I(5, 10, 25, 30, 45, 50))).toBe(15);
  });

  it('counts only runs of at least minMeeting minutes (a run of exactly minMeeting counts)', () => {
    const a = I(540, 600, 900, 1020);
    const b = I(570, 960);
    expect(sharedMinutes(a, b, 30)).toBe(90);
    expect(sharedMinutes(a, b, 31)).toBe(60);
    expect(sharedMinutes(a, b, 60)).toBe(60);
    expect(sharedMinutes(a, b, 61)).toBe(0);
  });

  it('counts a run across the week boundary once, with its whole length', () => {
    const everything = I(0, W);
    // Runs: 0–30 + 10050–10080 (one run of 60), 100–200 (100).
    const a = I(0, 30, 100, 200, 10050, 10080);
    expect(sharedMinutes(a, everything)).toBe(160);
    expect(sharedMinutes(a, everything, 45)).toBe(160); // 60 ≥ 45 although each half is 30
    expect(sharedMinutes(a, everything, 60)).toBe(160);
    expect(sharedMinutes(a, everything, 61)).toBe(100);
    expect(sharedMinutes(a, everything, 101)).toBe(0);
    expect(sharedMinutes(everything, a, 45)).toBe(160);
    // Only the Monday half shared: no join.
    expect(sharedMinutes(a, I(0, 30, 100, 200), 45)).toBe(100);
  });

  it('counts the whole week as one run of 10080 minutes', () => {
    expect(sharedMinutes(I(0, W), I(0, W), W)).toBe(W);
    expect(sharedMinutes(I(0, W), I(0, W), W + 1)).toBe(0);
    expect(sharedMinutes(I(0, 5000, 5000, W), I(0, W), W)).toBe(W);
  });

  it('rejects a negative or NaN minMeeting', () => {
    expectMatchError(() => sharedMinutes(I(), I(), -1), 'INVALID_INPUT');
    expectMatchError(() => sharedMinutes(I(), I(), NaN), 'INVALID_INPUT');
    expect(sharedMinutes(I(0, W), I(0, W), Infinity)).toBe(0);
  });

  it('TSDoc examples', () => {
    expect(sharedMinutes(I(540, 600, 900, 1020), I(570, 960))).toBe(90);
    expect(sharedMinutes(I(540, 600, 900, 1020), I(570, 960), 45)).toBe(60);
    expect(sharedMinutes(I(0, 30, 10050, 10080), I(0, 10080), 60)).toBe(60);
  });
});

describe('overlapWindows(a, b, minMeeting)', () => {
  it('lists the shared runs, the wrap-around run joined and last', () => {
    expect(overlapWindows(I(540, 600, 900, 1020), I(570, 960))).toEqual([
      [570, 600],
      [900, 960],
    ]);
    expect(overlapWindows(I(0, 30, 100, 200, 10050, 10080), I(0, W))).toEqual([
      [100, 200],
      [10050, 10110],
    ]);
    expect(overlapWindows(I(0, 30, 100, 200, 10050, 10080), I(0, W), 61)).toEqual([[100, 200]]);
    expect(overlapWindows(I(0, W), I(0, W))).toEqual([[0, W]]);
    expect(overlapWindows(I(), I(0, W))).toEqual([]);
  });

  it('TSDoc examples', () => {
    expect(overlapWindows(I(540, 600, 900, 1020), I(570, 960))).toEqual([
      [570, 600],
      [900, 960],
    ]);
    expect(overlapWindows(I(540, 600, 900, 1020), I(570, 960), 45)).toEqual([[900, 960]]);
    expect(overlapWindows(I(0, 30, 10050, 10080), I(0, 10080))).toEqual([[10050, 10110]]);
  });
});

// ---------------------------------------------------------------- properties

describe('sharedMinutes and overlapWindows: properties', () => {
  it('the test generator makes valid encodings (sorted, disjoint, non-touching, within [0, 10080])', () => {
    fc.assert(
      fc.property(encodedWeek(), (a) => {
        for (let k = 0; k < a.length; k += 2) {
          expect(a[k]).toBeGreaterThanOrEqual(0);
          expect(a[k]).toBeLessThan(a[k + 1]);
          expect(a[k + 1]).toBeLessThanOrEqual(W);
          if (k + 2 < a.length) expect(a[k + 1]).toBeLessThan(a[k + 2]);
        }
      }),
    );
  });

  it('sharedMinutes equals the minute-by-minute brute force (circular runs ≥ minMeeting)', () => {
    fc.assert(
      fc.property(encodedWeek(), encodedWeek(), minMeetingArb, (a, b, min) => {
        expect(sharedMinutes(a, b, min)).toBe(bruteShared(a, b, min));
      }),
      { numRuns: 400 },
    );
  });

  it('sharedMinutes is symmetric and at most min(total a, total b)', () => {
    const total = (x: Int32Array): number => {
      let t = 0;
      for (let k = 0; k < x.length; k += 2) t += x[k + 1] - x[k];
      return t;
    };
    fc.assert(
      fc.property(encodedWeek(), encodedWeek(), minMeetingArb, (a, b, min) => {
        const ab = sharedMinutes(a, b, min);
        expect(sharedMinutes(b, a, min)).toBe(ab);
        expect(ab).toBeLessThanOrEqual(Math.min(total(a), total(b)));
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(sharedMinutes(a, a)).toBe(total(a));
      }),
      { numRuns: 300 },
    );
  });

  it('sharedMinutes does not increase as minMeeting grows', () => {
    fc.assert(
      fc.property(encodedWeek(), encodedWeek(), minMeetingArb, fc.integer({ min: 0, max: 300 }), (a, b, m, d) => {
        expect(sharedMinutes(a, b, m + d)).toBeLessThanOrEqual(sharedMinutes(a, b, m));
      }),
    );
  });

  it('overlapWindows lists exactly the brute-force runs ≥ minMeeting, and their lengths sum to sharedMinutes', () => {
    fc.assert(
      fc.property(encodedWeek(), encodedWeek(), minMeetingArb, (a, b, min) => {
        const windows = overlapWindows(a, b, min);
        const expected = bruteRuns(a, b)
          .filter(([, len]) => len >= min)
          .map(([s, len]) => [s, s + len]);
        const key = (w: readonly number[]): string => `${w[0]}:${w[1]}`;
        expect(windows.map(key).sort()).toEqual(expected.map(key).sort());
        expect(windows.reduce((sum, [s, e]) => sum + e - s, 0)).toBe(sharedMinutes(a, b, min));
        for (let k = 0; k < windows.length; k++) {
          const [s, e] = windows[k];
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThan(W);
          expect(e).toBeGreaterThan(s);
          if (e > W) expect(k).toBe(windows.length - 1);
          if (k > 0) expect(windows[k - 1][1]).toBeLessThan(s);
        }
      }),
      { numRuns: 300 },
    );
  });
});
