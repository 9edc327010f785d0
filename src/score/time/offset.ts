import { MINUTE_MS, offsetMs, toInstantMs } from './_zone.js';

/**
 * Offset of a time zone from UTC at an instant, in minutes (east of Greenwich positive):
 * local time = UTC + offset.
 *
 * Read through `Intl.DateTimeFormat(…).formatToParts` (so it runs in browsers and uses the
 * runtime's tz database), with one formatter cached per zone. About a microsecond per call
 * once the zone's formatter exists.
 *
 * @param timeZone - An IANA time zone, e.g. `'Europe/Berlin'`, or `'UTC'`.
 * @param instant - A `Date` or epoch milliseconds.
 * @returns The offset in minutes. Whole for every zone since 1972; historical offsets
 *   with seconds give a fraction (Africa/Monrovia before 1972, −0:44:30 → −44.5).
 * @throws InvalidInputError (`INVALID_INPUT`) when the zone is unknown to the runtime or
 *   the instant is not a finite time.
 *
 * @example
 * ```ts
 * utcOffsetMinutes('Europe/Berlin', new Date('2026-07-01T12:00:00Z'));    // 120
 * utcOffsetMinutes('America/New_York', new Date('2026-01-15T12:00:00Z')); // -300
 * utcOffsetMinutes('Asia/Kathmandu', Date.UTC(2026, 0, 1));              // 345
 * ```
 */
export function utcOffsetMinutes(timeZone: string, instant: Date | number): number {
  return offsetMs(timeZone, toInstantMs(instant)) / MINUTE_MS;
}
