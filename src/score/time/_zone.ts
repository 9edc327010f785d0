/**
 * Private helpers of the time module (never re-exported): validated inputs, one cached
 * `Intl.DateTimeFormat` per zone, the reference week, and a per-zone, per-week table of
 * UTC offsets that turns local wall-clock times into instants without calling `Intl` in
 * a loop.
 *
 * Conventions: instants and "wall times" are both milliseconds. A wall time is the local
 * calendar date and clock reading encoded as if it were UTC (`Date.UTC(y, m, d, h, mi)`),
 * so `wall = instant + offset`.
 *
 * @module
 */
import { InvalidInputError } from '../../errors.js';

/** Milliseconds in a minute, hour, day and week. */
export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
/** Minutes in a week (7 × 1440). */
export const WEEK_MIN = 10_080;
export const WEEK_MS = WEEK_MIN * MINUTE_MS;

const TZ_EXPECTED = "an IANA time zone known to this runtime, e.g. 'Europe/Berlin'";

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The cached formatter of `timeZone` (numeric fields, 24-hour clock, `en-US` so the
 * digits are ASCII). Creating formatters is slow (tens of µs); reading one is not.
 *
 * @throws InvalidInputError when `timeZone` is not a zone `Intl` knows.
 */
export function formatterFor(timeZone: string): Intl.DateTimeFormat {
  const cached = formatters.get(timeZone);
  if (cached !== undefined) return cached;
  // `timeZone: undefined` would silently mean the runtime's own zone: refuse it.
  if (typeof timeZone !== 'string' || timeZone.length === 0) {
    throw new InvalidInputError(`time zone: expected ${TZ_EXPECTED}, found ${describe(timeZone)}`, {
      expected: TZ_EXPECTED,
      found: describe(timeZone),
    });
  }
  let f: Intl.DateTimeFormat;
  try {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    throw new InvalidInputError(`time zone: expected ${TZ_EXPECTED}, found ${JSON.stringify(timeZone)}`, {
      expected: TZ_EXPECTED,
      found: timeZone,
    });
  }
  formatters.set(timeZone, f);
  return f;
}

/**
 * Offset of `timeZone` from UTC in force at instant `t` (ms), in milliseconds: the local
 * wall time minus the instant, both at whole seconds (`Intl` does not show milliseconds).
 * Exact for any offset the tz database holds, including historical ones with seconds.
 */
export function offsetMs(timeZone: string, t: number): number {
  const parts = formatterFor(timeZone).formatToParts(t);
  let y = 1970;
  let mo = 1;
  let d = 1;
  let h = 0;
  let mi = 0;
  let s = 0;
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k];
    switch (p.type) {
      case 'year': y = Number(p.value); break;
      case 'month': mo = Number(p.value); break;
      case 'day': d = Number(p.value); break;
      case 'hour': h = Number(p.value); break;
      case 'minute': mi = Number(p.value); break;
      case 'second': s = Number(p.value); break;
      default: break;
    }
  }
  if (h === 24) h = 0; // old engines printed midnight as 24:00 of the same day
  let wall = Date.UTC(y, mo - 1, d, h, mi, s);
  if (y >= 0 && y < 100) {
    const fix = new Date(wall); // Date.UTC maps years 0–99 to 1900–1999
    fix.setUTCFullYear(y);
    wall = fix.getTime();
  }
  return wall - Math.floor(t / 1000) * 1000;
}

/** Checks an instant given as a `Date` or epoch milliseconds; returns the milliseconds. */
export function toInstantMs(instant: Date | number, what = 'instant'): number {
  const t = typeof instant === 'number' ? instant : isDate(instant) ? instant.getTime() : NaN;
  if (!Number.isFinite(t)) {
    const expected = 'a valid Date or a finite number of epoch milliseconds';
    throw new InvalidInputError(`${what}: expected ${expected}, found ${describe(instant)}`, {
      expected,
      found: describe(instant),
    });
  }
  return t;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/i;
const REF_EXPECTED =
  "a valid Date, a date 'YYYY-MM-DD' (read as that UTC calendar day) or an ISO 8601 date-time with 'Z' or an offset";

/**
 * The reference instant of a reference date: a `Date` as is; `'YYYY-MM-DD'` as 00:00 UTC
 * of that day; an ISO date-time only with `Z` or an explicit offset (a bare local
 * date-time would depend on the zone of the machine running the code).
 */
export function referenceInstantMs(referenceDate: Date | string): number {
  if (isDate(referenceDate)) {
    const t = referenceDate.getTime();
    if (Number.isFinite(t)) return t;
  } else if (typeof referenceDate === 'string') {
    const m = DATE_RE.exec(referenceDate);
    if (m !== null) {
      const y = Number(m[1]);
      const mo = Number(m[2]);
      const d = Number(m[3]);
      const t = Date.UTC(y, mo - 1, d);
      const back = new Date(t);
      if (back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d) return t;
    } else if (DATE_TIME_RE.test(referenceDate)) {
      const t = Date.parse(referenceDate);
      if (Number.isFinite(t)) return t;
    }
  }
  throw new InvalidInputError(`reference date: expected ${REF_EXPECTED}, found ${describe(referenceDate)}`, {
    expected: REF_EXPECTED,
    found: describe(referenceDate),
  });
}

/** Monday 00:00 UTC of the ISO week whose UTC calendar dates contain instant `t`. */
export function weekStartMs(t: number): number {
  const day = Math.floor(t / DAY_MS);
  // 1970-01-01 (day 0) was a Thursday: (day + 3) mod 7 is 0 on Mondays.
  return (day - (((day + 3) % 7) + 7) % 7) * DAY_MS;
}

/**
 * The UTC offsets of one zone around one reference week: segment `k` starts at instant
 * `starts[k]` (`starts[0] = -Infinity`) and has offset `offsets[k]` (ms) until
 * `starts[k + 1]`. Built for instants in [week start − 2 days, week start + 9 days],
 * which covers every wall time of the week for any offset under 24 h; outside that
 * range the first and last offsets are extended.
 */
export interface ZoneWeek {
  readonly starts: Float64Array;
  readonly offsets: Float64Array;
}

const SAMPLE_MS = 3 * HOUR_MS;
const MAX_CACHED_WEEKS = 512;
const zoneWeeks = new Map<string, ZoneWeek>();

/**
 * The offset table of `timeZone` around the week starting at `weekStart` (cached). The
 * zone is sampled every 3 hours and each change of offset is located to the second by
 * bisection; so transitions are found exactly unless two of them fall within 3 hours of
 * each other and cancel out (no such case exists in the tz database).
 */
export function zoneWeek(timeZone: string, weekStart: number): ZoneWeek {
  const key = `${timeZone}\u0000${weekStart}`;
  const cached = zoneWeeks.get(key);
  if (cached !== undefined) return cached;
  formatterFor(timeZone); // validates the zone
  const lo = weekStart - 2 * DAY_MS;
  const samples = (11 * DAY_MS) / SAMPLE_MS;
  const starts: number[] = [-Infinity];
  const offsets: number[] = [offsetMs(timeZone, lo)];
  // Finds every change of offset in (a, b] (seconds) given the offsets at both ends.
  const scan = (a: number, oa: number, b: number, ob: number): void => {
    if (oa === ob) return;
    if (b - a <= 1) {
      starts.push(b * 1000);
      offsets.push(ob);
      return;
    }
    const mid = Math.floor((a + b) / 2);
    const om = offsetMs(timeZone, mid * 1000);
    scan(a, oa, mid, om);
    scan(mid, om, b, ob);
  };
  let prev = lo / 1000;
  let prevOffset = offsets[0];
  for (let i = 1; i <= samples; i++) {
    const t = (lo + i * SAMPLE_MS) / 1000;
    const o = offsetMs(timeZone, t * 1000);
    scan(prev, prevOffset, t, o);
    prev = t;
    prevOffset = o;
  }
  const table: ZoneWeek = { starts: Float64Array.from(starts), offsets: Float64Array.from(offsets) };
  if (zoneWeeks.size >= MAX_CACHED_WEEKS) zoneWeeks.clear();
  zoneWeeks.set(key, table);
  return table;
}

/**
 * The first instant at which the local clock reads `wall` or later: for an ordinary time
 * that is its instant; for an ambiguous time (clocks set back) the earlier of the two;
 * for a time that does not exist (clocks set forward) the instant of the transition.
 * Non-decreasing in `wall`, so a slot never turns inside out.
 */
export function firstInstantAtOrAfter(z: ZoneWeek, wall: number): number {
  const { starts, offsets } = z;
  const n = starts.length;
  for (let k = 0; k < n - 1; k++) {
    // Wall readings of segment k run over [starts[k] + o, starts[k + 1] + o).
    const o = offsets[k];
    if (wall < starts[k + 1] + o) {
      const t = wall - o;
      return t > starts[k] ? t : starts[k];
    }
  }
  const t = wall - offsets[n - 1];
  return t > starts[n - 1] ? t : starts[n - 1];
}

/** The error for a `minMeeting` that is negative or NaN. */
export function badMinMeeting(minMeeting: unknown): InvalidInputError {
  const expected = 'a number of minutes ≥ 0';
  return new InvalidInputError(`minMeeting: expected ${expected}, found ${String(minMeeting)}`, {
    expected,
    found: String(minMeeting),
  });
}

/** `value` for an error message: strings quoted, dates as ISO, objects by type. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (isDate(value)) return Number.isFinite(value.getTime()) ? value.toISOString() : 'Invalid Date';
  if (value === null) return 'null';
  if (typeof value === 'object') return Array.isArray(value) ? 'an array' : 'an object';
  return String(value);
}

function isDate(value: unknown): value is Date {
  return value instanceof Date || Object.prototype.toString.call(value) === '[object Date]';
}
