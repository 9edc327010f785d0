import { InvalidInputError } from '../../errors.js';
import { DAY_MS, MINUTE_MS, WEEK_MIN, WEEK_MS, formatterFor, offsetMs, referenceInstantMs, weekStartMs } from './_zone.js';

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/**
 * A minute of the encoded UTC week in someone's local time: `'Tue 16:00'` (English
 * three-letter day, 24-hour clock, independent of locale).
 *
 * The inverse of {@link encodeAvailability}: the minute is placed in the reference week
 * (see {@link referenceWeek}) and, because the encoded week is circular, shifted by a
 * whole week when that brings its local time into the local days of the reference week
 * (minute 9990 for Berlin in summer is `'Mon 00:30'` of that week, not of the next).
 * A minute that falls exactly on a clock-forward transition reads as the new time
 * (`'Sun 02:00'` in London on 29 March 2026, never the nonexistent 01:00).
 *
 * In a week whose clocks go back, the local week lasts longer than 10080 real minutes, so
 * some minutes of the circular UTC week are both an early-Monday and a late-Sunday local
 * time; they are shown as the one inside the UTC reference week (Sunday, here). In a
 * week whose clocks go forward, some minutes are neither; they are shown as they read
 * in the UTC reference week (e.g. `'Mon 00:30'` of the following week).
 *
 * @param utcMinute - Minutes after Monday 00:00 UTC of the reference week; any finite
 *   number (taken modulo 10080; fractions round down to the minute shown).
 * @param timeZone - The IANA zone to show the time in.
 * @param referenceDate - Any date in the reference week, as for {@link encodeAvailability}.
 * @returns `'Ddd HH:MM'`.
 * @throws InvalidInputError (`INVALID_INPUT`) for a non-finite minute, an unknown zone
 *   or an invalid reference date.
 *
 * @example
 * ```ts
 * formatWeekMinute(2340, 'Europe/Berlin', '2026-03-16');    // 'Tue 16:00'
 * formatWeekMinute(2340, 'America/New_York', '2026-03-16'); // 'Tue 11:00'
 * formatWeekMinute(9990, 'Europe/Berlin', '2026-07-01');    // 'Mon 00:30'
 * ```
 */
export function formatWeekMinute(utcMinute: number, timeZone: string, referenceDate: Date | string): string {
  checkMinute(utcMinute, 'utcMinute');
  const weekStart = weekStartMs(referenceInstantMs(referenceDate));
  const t = placeInWeek(utcMinute, timeZone, weekStart);
  const wall = t + offsetMs(timeZone, t);
  return `${DAY_NAMES[dayIndex(wall, weekStart)]} ${clock(wall - midnight(wall, weekStart))}`;
}

/**
 * A window of the encoded UTC week (from {@link overlapWindows}) in someone's local time:
 * `'Tue 16:00–17:30'`, with an en dash. The end is shown as the clock reads just before
 * it (so a window ending at local midnight ends at `24:00`, and one ending at a
 * clock-forward transition shows the old time), with its day only when it falls on a
 * later local day than the start: `'Sun 23:00–Mon 01:00'`. A window of a whole week
 * or more (everyone free all the time) is `'all week'`.
 *
 * @param start - Window start, minutes after Monday 00:00 UTC (placed as by
 *   {@link formatWeekMinute}).
 * @param end - Window end, `> start`; may exceed 10080 for a joined wrap-around window.
 * @param timeZone - The IANA zone to show the window in.
 * @param referenceDate - Any date in the reference week.
 * @returns `'Ddd HH:MM–HH:MM'`, `'Ddd HH:MM–Ddd HH:MM'` or `'all week'`.
 * @throws InvalidInputError (`INVALID_INPUT`) for non-finite bounds, `end ≤ start`, an
 *   unknown zone or an invalid reference date.
 *
 * @example
 * ```ts
 * // Ana in Lisbon and Ben in New York share Tue 15:00-16:00 UTC in the week of 16 March 2026:
 * describeWindow(2340, 2400, 'Europe/Lisbon', '2026-03-16');    // 'Tue 15:00–16:00'
 * describeWindow(2340, 2400, 'America/New_York', '2026-03-16'); // 'Tue 11:00–12:00'
 * describeWindow(10050, 10110, 'UTC', '2026-03-16');            // 'Sun 23:30–Mon 00:30'
 * ```
 */
export function describeWindow(start: number, end: number, timeZone: string, referenceDate: Date | string): string {
  checkMinute(start, 'start');
  checkMinute(end, 'end');
  if (!(end > start)) {
    throw new InvalidInputError(`window: expected end > start, found start ${start}, end ${end}`, {
      expected: 'end > start',
      found: `start ${start}, end ${end}`,
    });
  }
  const weekStart = weekStartMs(referenceInstantMs(referenceDate));
  formatterFor(timeZone); // validates the zone
  if (end - start >= WEEK_MIN) return 'all week';
  const ts = placeInWeek(start, timeZone, weekStart);
  const te = ts + (end - start) * MINUTE_MS;
  const wallS = ts + offsetMs(timeZone, ts);
  const wallE = te + offsetMs(timeZone, te - 1); // the clock just before the end
  const day0 = midnight(wallS, weekStart);
  const head = `${DAY_NAMES[dayIndex(wallS, weekStart)]} ${clock(wallS - day0)}`;
  const sinceDay0 = wallE - day0;
  const tail =
    sinceDay0 <= DAY_MS ? clock(sinceDay0) : `${DAY_NAMES[dayIndex(wallE, weekStart)]} ${clock(wallE - midnight(wallE, weekStart))}`;
  return `${head}–${tail}`;
}

/**
 * The instant of `minute` (mod a week) whose local wall time lies in the local days of
 * the reference week, trying the minute in this week first, then a week earlier, then a
 * week later; the first when none does (possible for an hour of a week with a clock
 * change).
 */
function placeInWeek(minute: number, timeZone: string, weekStart: number): number {
  const m = ((minute % WEEK_MIN) + WEEK_MIN) % WEEK_MIN;
  const t0 = weekStart + m * MINUTE_MS;
  for (const t of [t0, t0 - WEEK_MS, t0 + WEEK_MS]) {
    const wall = t + offsetMs(timeZone, t);
    if (wall >= weekStart && wall < weekStart + WEEK_MS) return t;
  }
  return t0;
}

function midnight(wall: number, weekStart: number): number {
  return weekStart + Math.floor((wall - weekStart) / DAY_MS) * DAY_MS;
}

function dayIndex(wall: number, weekStart: number): number {
  const d = Math.floor((wall - weekStart) / DAY_MS);
  return ((d % 7) + 7) % 7;
}

/** `HH:MM` for milliseconds after a local midnight (24:00 allowed). */
function clock(msSinceMidnight: number): string {
  const minutes = Math.floor(msSinceMidnight / MINUTE_MS);
  const h = Math.floor(minutes / 60);
  const mm = minutes - h * 60;
  return `${String(h).padStart(2, '0')}:${String(mm).padStart(2, '0')}`;
}

function checkMinute(value: number, what: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InvalidInputError(`${what}: expected a finite number of minutes, found ${String(value)}`, {
      expected: 'a finite number of minutes',
      found: String(value),
    });
  }
}
