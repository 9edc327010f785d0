import { badMinMeeting } from './_zone.js';

const WEEK = 10_080;

/**
 * A stretch of the UTC week as `[start, end)` minutes after Monday 00:00 UTC of the
 * reference week. `end` may exceed 10080 for a stretch that continues past Sunday 24:00
 * UTC into Monday (minute `10080 + m` is minute `m` of the circular week).
 */
export type WeekWindow = readonly [start: number, end: number];

/**
 * The shared runs behind {@link sharedMinutes}, for explanations: each maximal stretch
 * both people are available, of at least `minMeeting` minutes.
 *
 * A run that crosses Sunday/Monday midnight UTC (ends at 10080 and continues at 0) is
 * returned once, joined, as `[start, 10080 + end of its Monday part]`, and comes last;
 * every other window lies within `[0, 10080]`. Pass windows to {@link describeWindow} to
 * show them in someone's local time. The lengths of the windows sum to
 * `sharedMinutes(a, b, minMeeting)`.
 *
 * @param a - Encoded week of one person ({@link encodeAvailability}).
 * @param b - Encoded week of the other.
 * @param minMeeting - Shortest run reported, in minutes.
 * @defaultValue minMeeting = 0
 * @returns Windows sorted by start (the joined wrap-around window, if any, last); empty
 *   when nothing is shared. Allocates: meant for the chosen pairs, not the matrix loop.
 * @throws InvalidInputError (`INVALID_INPUT`) when `minMeeting` is negative or NaN.
 *
 * @example
 * ```ts
 * overlapWindows(Int32Array.of(540, 600, 900, 1020), Int32Array.of(570, 960));     // [[570, 600], [900, 960]]
 * overlapWindows(Int32Array.of(540, 600, 900, 1020), Int32Array.of(570, 960), 45); // [[900, 960]]
 * overlapWindows(Int32Array.of(0, 30, 10050, 10080), Int32Array.of(0, 10080));     // [[10050, 10110]]
 * ```
 */
export function overlapWindows(a: Int32Array, b: Int32Array, minMeeting = 0): WeekWindow[] {
  if (!(minMeeting >= 0)) throw badMinMeeting(minMeeting);
  const runs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const as = a[i];
    const ae = a[i + 1];
    const bs = b[j];
    const be = b[j + 1];
    const s = Math.max(as, bs);
    const e = Math.min(ae, be);
    if (e > s) {
      const prev = runs[runs.length - 1];
      if (prev !== undefined && prev[1] === s) prev[1] = e;
      else runs.push([s, e]);
    }
    if (ae <= be) i += 2;
    if (be <= ae) j += 2;
  }
  if (runs.length >= 2 && runs[0][0] === 0 && runs[runs.length - 1][1] === WEEK) {
    const first = runs.shift()!;
    runs[runs.length - 1][1] = WEEK + first[1];
  }
  return runs.filter(([s, e]) => e - s >= minMeeting);
}
