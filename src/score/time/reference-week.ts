import { referenceInstantMs, weekStartMs } from './_zone.js';

/**
 * Minutes in a week: the length of the circular UTC week that
 * {@link encodeAvailability} encodes into (`[0, WEEK_MINUTES)`, minute 0 = Monday 00:00 UTC).
 *
 * @example
 * ```ts
 * WEEK_MINUTES; // 10080
 * ```
 */
export const WEEK_MINUTES = 10_080;

/**
 * The reference week of a reference date: Monday 00:00 UTC starting the ISO week
 * (Monday to Sunday) whose UTC calendar dates contain the reference date.
 *
 * Availability is weekly, but UTC offsets change with daylight-saving time, so the time
 * functions of this module read local slots on the calendar days of one concrete week:
 * a slot on day `d` (0 = Monday) is the local date `referenceWeek + d days`. Daylight
 * saving is therefore exact for that week: a slot on a day after a clock change uses the
 * new offset, a slot that spans the change has its real (shorter or longer) length.
 * Other weeks of the year may differ by an hour; pick a reference date typical of the
 * programme (callers pass a fixed date, never "now", so results are reproducible).
 *
 * @param referenceDate - A `Date`, a date `'YYYY-MM-DD'` (that UTC calendar day), or an
 *   ISO 8601 date-time with `Z` or an offset (a bare local date-time is refused: its
 *   meaning would depend on the machine's own zone).
 * @returns A new `Date` at Monday 00:00:00.000 UTC.
 * @throws InvalidInputError (`INVALID_INPUT`) for an invalid date or another string form.
 *
 * @example
 * ```ts
 * referenceWeek('2026-03-29').toISOString(); // '2026-03-23T00:00:00.000Z' (a Sunday → its Monday)
 * referenceWeek(new Date('2026-03-10T18:30:00Z')).toISOString(); // '2026-03-09T00:00:00.000Z'
 * ```
 */
export function referenceWeek(referenceDate: Date | string): Date {
  return new Date(weekStartMs(referenceInstantMs(referenceDate)));
}
