import { MINUTE_MS, offsetMs, referenceInstantMs } from './_zone.js';

/**
 * How far apart two time zones' clocks are, in hours, at the reference date: the
 * difference of their UTC offsets taken around the 24-hour clock face, so `0 … 12`.
 *
 * Circular on purpose: what matters for meeting is the time of day each person's clock
 * shows. Pacific/Kiritimati (UTC+14) and Pacific/Pago_Pago (UTC−11) are 25 hours apart
 * in offset but their clocks differ by 1 hour (Kiritimati is one hour ahead, one calendar
 * day later): the gap is 1. Offsets 24 hours apart (UTC+13 and UTC−11) show the same
 * clock time: the gap is 0. The day-of-week difference this hides is accounted for by
 * the availability criterion, which compares real instants. Fractional for zones at
 * :30 and :45 (Asia/Kolkata vs Asia/Kathmandu: 0.25).
 *
 * @param tzA - An IANA time zone.
 * @param tzB - Another.
 * @param referenceDate - The instant whose offsets are compared: a `Date`, a
 *   `'YYYY-MM-DD'` date (00:00 UTC that day) or an ISO date-time with `Z` or an offset.
 *   Daylight-saving time changes the answer (Berlin–New York is 6 h in January, 5 h
 *   between the US and EU changes in March).
 * @returns Hours in `[0, 12]`; symmetric.
 * @throws InvalidInputError (`INVALID_INPUT`) for an unknown zone or an invalid date.
 *
 * @example
 * ```ts
 * timeZoneGapHours('Europe/Berlin', 'America/New_York', '2026-01-15');        // 6
 * timeZoneGapHours('Europe/Berlin', 'America/New_York', '2026-03-16');        // 5
 * timeZoneGapHours('Asia/Kolkata', 'Asia/Kathmandu', '2026-03-16');           // 0.25
 * timeZoneGapHours('Pacific/Kiritimati', 'Pacific/Pago_Pago', '2026-03-16');  // 1
 * ```
 */
export function timeZoneGapHours(tzA: string, tzB: string, referenceDate: Date | string): number {
  const t = referenceInstantMs(referenceDate);
  return offsetGapHours(offsetMs(tzA, t) / MINUTE_MS, offsetMs(tzB, t) / MINUTE_MS);
}

/**
 * The same circular gap for two UTC offsets given in minutes (NaN when either is NaN):
 * what {@link timeZoneGapHours} computes once the offsets are known.
 *
 * @example
 * ```ts
 * offsetGapHours(60, -300); // 6 (Berlin and New York in January)
 * offsetGapHours(840, -660); // 1 (Kiritimati and Pago Pago)
 * ```
 */
export function offsetGapHours(a: number, b: number): number {
  const r = Math.abs(a - b) % 1440;
  return Math.min(r, 1440 - r) / 60;
}
