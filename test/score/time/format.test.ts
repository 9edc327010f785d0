/**
 * formatWeekMinute and describeWindow: UTC-week minutes back in local time, hand-computed,
 * plus round trips through encodeAvailability (fixed offsets and weeks with a clock change).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { Slot } from '../../../src/profile/types.js';
import {
  describeWindow,
  encodeAvailability,
  formatWeekMinute,
  referenceWeek,
  utcOffsetMinutes,
} from '../../../src/score/time/index.js';
import { expectMatchError } from '../../_helpers/expect-error.js';

const SAT = 5 * 1440;
const SUN = 6 * 1440;
const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const hhmm = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

describe('formatWeekMinute(utcMinute, timeZone, referenceDate)', () => {
  it.each([
    [2340, 'Europe/Berlin', '2026-03-16', 'Tue 16:00'], //      CET +1
    [2340, 'America/New_York', '2026-03-16', 'Tue 11:00'], //   EDT −4
    [2340, 'America/New_York', '2026-01-14', 'Tue 10:00'], //   EST −5
    [2340, 'Europe/Lisbon', '2026-03-16', 'Tue 15:00'], //      WET +0
    [3090, 'Asia/Kolkata', '2026-03-16', 'Wed 09:00'],
    [3075, 'Asia/Kathmandu', '2026-03-16', 'Wed 09:00'],
    [3090, 'Asia/Kathmandu', '2026-03-16', 'Wed 09:15'],
    [0, 'UTC', '2026-03-16', 'Mon 00:00'],
    [10079, 'UTC', '2026-03-16', 'Sun 23:59'],
    [9840, 'Pacific/Kiritimati', '2026-03-16', 'Mon 10:00'], // Sun 20:00 UTC is Monday in Kiritimati
    [9840, 'Pacific/Pago_Pago', '2026-03-16', 'Sun 09:00'],
    [9990, 'Europe/Berlin', '2026-07-01', 'Mon 00:30'], //      wrapped back into the week
    [SUN + 1320, 'Australia/Sydney', '2026-01-14', 'Mon 09:00'],
  ])('%d in %s (week of %s) → %s', (m, tz, ref, expected) => {
    expect(formatWeekMinute(m, tz, ref)).toBe(expected);
  });

  it('takes the minute modulo the week and rounds fractions down', () => {
    expect(formatWeekMinute(2340 + 10080, 'Europe/Berlin', '2026-03-16')).toBe('Tue 16:00');
    expect(formatWeekMinute(2340 - 10080, 'Europe/Berlin', '2026-03-16')).toBe('Tue 16:00');
    expect(formatWeekMinute(2340.9, 'UTC', '2026-03-16')).toBe('Tue 15:00');
  });

  it('shows a minute on a clock-forward transition as the new time, and an ambiguous one once', () => {
    expect(formatWeekMinute(SUN + 60, 'Europe/London', '2026-03-29')).toBe('Sun 02:00'); // 01:00 UTC
    expect(formatWeekMinute(SUN + 59, 'Europe/London', '2026-03-29')).toBe('Sun 00:59');
    expect(formatWeekMinute(SUN + 0, 'Europe/London', '2026-10-25')).toBe('Sun 01:00'); //  first 01:00 (BST)
    expect(formatWeekMinute(SUN + 60, 'Europe/London', '2026-10-25')).toBe('Sun 01:00'); // second 01:00 (GMT)
  });

  it('rejects a non-finite minute, an unknown zone and an invalid date', () => {
    expectMatchError(() => formatWeekMinute(NaN, 'UTC', '2026-03-16'), 'INVALID_INPUT');
    expectMatchError(() => formatWeekMinute(Infinity, 'UTC', '2026-03-16'), 'INVALID_INPUT');
    expectMatchError(() => formatWeekMinute(0, 'Utopia/Capital', '2026-03-16'), 'INVALID_INPUT');
    expectMatchError(() => formatWeekMinute(0, 'UTC', '2026-02-29'), 'INVALID_INPUT'); // not a leap year
  });

  it('TSDoc examples', () => {
    expect(formatWeekMinute(2340, 'Europe/Berlin', '2026-03-16')).toBe('Tue 16:00');
    expect(formatWeekMinute(2340, 'America/New_York', '2026-03-16')).toBe('Tue 11:00');
    expect(formatWeekMinute(9990, 'Europe/Berlin', '2026-07-01')).toBe('Mon 00:30');
  });
});

describe('describeWindow(start, end, timeZone, referenceDate)', () => {
  it.each([
    [2340, 2400, 'Europe/Berlin', '2026-03-16', 'Tue 16:00–17:00'],
    [2340, 2400, 'America/New_York', '2026-03-16', 'Tue 11:00–12:00'],
    [2340, 2430, 'Europe/Berlin', '2026-03-16', 'Tue 16:00–17:30'],
    [1380, 1440, 'UTC', '2026-03-16', 'Mon 23:00–24:00'], //           ends at local midnight
    [1380, 1500, 'UTC', '2026-03-16', 'Mon 23:00–Tue 01:00'], //       crosses it
    [10050, 10110, 'UTC', '2026-03-16', 'Sun 23:30–Mon 00:30'], //     a joined wrap-around window
    [9990, 10080, 'Europe/Berlin', '2026-07-01', 'Mon 00:30–02:00'],
    [9840, 9960, 'Pacific/Kiritimati', '2026-03-16', 'Mon 10:00–12:00'],
    [9840, 9960, 'Pacific/Pago_Pago', '2026-03-16', 'Sun 09:00–11:00'],
    [3075, 3135, 'Asia/Kathmandu', '2026-03-16', 'Wed 09:00–10:00'],
    [3090, 3135, 'Asia/Kolkata', '2026-03-16', 'Wed 09:00–09:45'],
    [SAT + 900, SAT + 1020, 'Australia/Sydney', '2026-04-01', 'Sun 02:00–03:00'], // 02:00 AEDT to 03:00 AEST: 2 hours
    [0, 10080, 'Europe/Berlin', '2026-03-16', 'all week'],
  ])('[%d, %d) in %s (week of %s) → %s', (s, e, tz, ref, expected) => {
    expect(describeWindow(s, e, tz, ref)).toBe(expected);
  });

  it('across a clock change shows the clock as it reads (London 2026)', () => {
    // Spring: 00:30–01:00 UTC ends at the jump, read just before it: 00:30–01:00 GMT.
    expect(describeWindow(SUN + 30, SUN + 60, 'Europe/London', '2026-03-29')).toBe('Sun 00:30–01:00');
    // 01:00–02:00 UTC = 02:00–03:00 BST.
    expect(describeWindow(SUN + 60, SUN + 120, 'Europe/London', '2026-03-29')).toBe('Sun 02:00–03:00');
    // Autumn: 00:00–02:00 UTC = first 01:00 (BST) to 02:00 GMT.
    expect(describeWindow(SUN, SUN + 120, 'Europe/London', '2026-10-25')).toBe('Sun 01:00–02:00');
    // The 25-hour Sunday.
    expect(describeWindow(SAT + 1380, 10080, 'Europe/London', '2026-10-25')).toBe('Sun 00:00–24:00');
  });

  it('rejects end ≤ start and non-finite bounds', () => {
    expectMatchError(() => describeWindow(60, 60, 'UTC', '2026-03-16'), 'INVALID_INPUT');
    expectMatchError(() => describeWindow(60, 30, 'UTC', '2026-03-16'), 'INVALID_INPUT');
    expectMatchError(() => describeWindow(0, NaN, 'UTC', '2026-03-16'), 'INVALID_INPUT');
    expectMatchError(() => describeWindow(0, 10080, 'Nope/Nope', '2026-03-16'), 'INVALID_INPUT');
  });

  it('TSDoc examples', () => {
    expect(describeWindow(2340, 2400, 'Europe/Lisbon', '2026-03-16')).toBe('Tue 15:00–16:00');
    expect(describeWindow(2340, 2400, 'America/New_York', '2026-03-16')).toBe('Tue 11:00–12:00');
    expect(describeWindow(10050, 10110, 'UTC', '2026-03-16')).toBe('Sun 23:30–Mon 00:30');
  });
});

// ---------------------------------------------------------------- round trips

const ZONES = [
  'UTC',
  'Europe/Berlin',
  'Europe/London',
  'America/New_York',
  'America/St_Johns',
  'America/Santiago',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
  'Pacific/Chatham',
  'Africa/Casablanca',
  'Etc/GMT+12',
  'Etc/GMT-14',
];
/** Reference dates: any day 2000–2037, or one in a week with a 2026 clock change. */
const refDate = fc.oneof(
  fc.integer({ min: Date.UTC(2000, 0, 1) / 864e5, max: Date.UTC(2037, 11, 31) / 864e5 }).map((d) => new Date(d * 864e5)),
  fc.constantFrom('2026-03-08', '2026-03-29', '2026-04-05', '2026-10-04', '2026-10-25', '2026-11-01').map((s) => new Date(s)),
);
const slotArb: fc.Arbitrary<Slot> = fc
  .tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 1, max: 1440 }))
  .map(([day, start, len]) => ({ day, start, end: Math.min(1440, start + len) }));

/** True when local wall time `wall` (ms, as if UTC) exists exactly once in `tz`. */
function existsOnce(tz: string, wall: number): boolean {
  const hits = new Set<number>();
  for (const probe of [wall - 864e5, wall + 864e5]) {
    const t = wall - utcOffsetMinutes(tz, probe) * 6e4;
    if (t + utcOffsetMinutes(tz, t) * 6e4 === wall) hits.add(t);
  }
  return hits.size === 1;
}

/** How many of the instants of UTC-week minute `m` (this week, one before, one after) are local times of the week. */
function placements(tz: string, ws: number, m: number): number {
  let n = 0;
  for (const k of [-1, 0, 1]) {
    const t = ws + (m + k * 10080) * 6e4;
    const wall = t + utcOffsetMinutes(tz, t) * 6e4;
    if (wall >= ws && wall < ws + 7 * 864e5) n++;
  }
  return n;
}

describe('formatWeekMinute / describeWindow: round trips through encodeAvailability', () => {
  it('the encoded start of a slot formats back to the slot start whenever that local time exists once', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), refDate, slotArb, (tz, ref, slot) => {
        const ws = referenceWeek(ref).getTime();
        const wallStart = ws + slot.day * 864e5 + slot.start * 6e4;
        fc.pre(existsOnce(tz, wallStart));
        const enc = encodeAvailability([slot], tz, ref);
        expect(enc.length).toBeGreaterThan(0);
        // The start is the piece that does not begin at 0, or the only piece.
        const start = enc.length === 4 && enc[0] === 0 && enc[3] === 10080 ? enc[2] : enc[0];
        // In a week whose clocks go back, the circular UTC week holds an hour twice (late
        // Sunday and early Monday local): a minute there is shown as Sunday. Skip those.
        fc.pre(placements(tz, ws, start) === 1);
        expect(formatWeekMinute(start, tz, ref)).toBe(`${DAYS[slot.day]} ${hhmm(slot.start)}`);
      }),
      { numRuns: 300 },
    );
  });

  it('a slot in a week without a clock change describes back to itself', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), refDate, slotArb, (tz, ref, slot) => {
        const ws = referenceWeek(ref).getTime();
        const o = utcOffsetMinutes(tz, ws - 864e5);
        for (let t = ws - 864e5; t <= ws + 8 * 864e5; t += 36e5) fc.pre(utcOffsetMinutes(tz, t) === o);
        const enc = encodeAvailability([slot], tz, ref);
        const wrapped = enc.length === 4;
        const start = wrapped ? enc[2] : enc[0];
        const length = wrapped ? enc[3] - enc[2] + enc[1] : enc[1] - enc[0];
        expect(length).toBe(slot.end - slot.start);
        const end = slot.end === 1440 ? '24:00' : hhmm(slot.end);
        expect(describeWindow(start, start + length, tz, ref)).toBe(`${DAYS[slot.day]} ${hhmm(slot.start)}–${end}`);
      }),
      { numRuns: 300 },
    );
  });
});
