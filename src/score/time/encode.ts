import { InvalidInputError } from '../../errors.js';
import type { Slot } from '../../profile/types.js';
import {
  DAY_MS,
  MINUTE_MS,
  WEEK_MIN,
  describe,
  firstInstantAtOrAfter,
  referenceInstantMs,
  weekStartMs,
  zoneWeek,
} from './_zone.js';

/**
 * Encodes weekly availability given in local time as sorted, disjoint intervals of the
 * UTC week — the form {@link sharedMinutes} compares in a few nanoseconds.
 *
 * Each slot is read on the calendar day of the reference week (see {@link referenceWeek}):
 * `{ day: 1, start: 960, end: 1050 }` in `Europe/Berlin` with reference date 2026-03-16
 * is Tuesday 17 March 2026, 16:00–17:30 Berlin time. Its start and end become instants
 * with the offsets in force at those local times, so a slot that spans a clock change
 * has its real length (`Sun 01:00-04:00` in Berlin on 29 March 2026 lasts 2 hours).
 *
 * Local times that do not exist or occur twice: a slot boundary at local time `T` is
 * the **first instant at which the local clock reads `T` or later**.
 * - Ambiguous time (clocks set back, e.g. 01:30 on 25 Oct 2026 in London): the earlier
 *   instant, as Temporal's `'compatible'` disambiguation.
 * - Nonexistent time (clocks set forward, e.g. 01:30 on 29 Mar 2026 in London): the
 *   instant of the transition (01:00 UTC, when the clock jumps to 02:00). Temporal's
 *   `'compatible'` would instead shift it forward by the gap (to 02:30 local); this
 *   rule differs there so that a slot is exactly the real time whose local clock reading
 *   lies in `[start, end)`, never inside out (`01:30–02:15` keeps 02:00–02:15, and a
 *   slot wholly inside the gap is empty).
 *
 * The instants are then taken as minutes after Monday 00:00 UTC of the reference week,
 * modulo {@link WEEK_MINUTES}: the week is circular, so `Mon 00:30` local in UTC+2
 * becomes minute 9990 (Sunday 22:30 UTC), and a piece that crosses the end of the week
 * is split in two. Pieces are sorted and overlapping or touching pieces merged.
 *
 * Complexity: O(s log s) for s slots, plus about a hundred `Intl` calls the first time a
 * (zone, week) pair is seen (its offset table is cached).
 *
 * @param slots - Local weekly slots: integer `day` 0 (Monday) … 6 (Sunday), integer
 *   minutes `0 ≤ start < end ≤ 1440`. May overlap and come in any order.
 * @param timeZone - The IANA zone the slots are written in.
 * @param referenceDate - Any date in the reference week (see {@link referenceWeek}).
 * @returns A flat `Int32Array` `[start0, end0, start1, end1, …]` of UTC-week minutes with
 *   `0 ≤ start < end ≤ 10080`, starts ascending, and `end_k < start_{k+1}` (no overlap,
 *   no contact). The one contact allowed is circular: a last piece ending at 10080 and a
 *   first piece starting at 0 are one stretch of time across Sunday/Monday midnight UTC;
 *   {@link sharedMinutes} and {@link overlapWindows} join them when they measure runs,
 *   and a consumer that only sums minutes can ignore it. A whole week is `[0, 10080]`.
 * @throws InvalidInputError (`INVALID_INPUT`) for an unknown zone, an invalid reference
 *   date, or a slot that is not as described (the message names its index).
 *
 * @example
 * ```ts
 * const slots = [{ day: 1, start: 960, end: 1080 }]; // Tue 16:00-18:00
 * encodeAvailability(slots, 'Europe/Berlin', '2026-03-16');    // Int32Array [2340, 2460] (Tue 15:00-17:00 UTC)
 * encodeAvailability(slots, 'America/New_York', '2026-03-16'); // Int32Array [2640, 2760] (Tue 20:00-22:00 UTC)
 * // Mon 00:30-02:00 in Berlin summer time is Sunday 22:30-24:00 UTC:
 * encodeAvailability([{ day: 0, start: 30, end: 120 }], 'Europe/Berlin', '2026-07-01'); // Int32Array [9990, 10080]
 * ```
 */
export function encodeAvailability(slots: readonly Slot[], timeZone: string, referenceDate: Date | string): Int32Array {
  const weekStart = weekStartMs(referenceInstantMs(referenceDate));
  const zone = zoneWeek(timeZone, weekStart);
  if (!Array.isArray(slots)) {
    throw new InvalidInputError(`slots: expected an array of { day, start, end }, found ${describe(slots)}`, {
      expected: 'an array of { day, start, end }',
      found: describe(slots),
    });
  }
  // Each piece packed as start * 16384 + end (both ≤ 10080 < 16384): one numeric sort.
  const keys: number[] = [];
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i];
    checkSlot(slot, i);
    const dayWall = weekStart + slot.day * DAY_MS;
    const a = Math.round((firstInstantAtOrAfter(zone, dayWall + slot.start * MINUTE_MS) - weekStart) / MINUTE_MS);
    const b = Math.round((firstInstantAtOrAfter(zone, dayWall + slot.end * MINUTE_MS) - weekStart) / MINUTE_MS);
    if (b <= a) continue; // wholly inside a clock-forward gap
    const s = (((a % WEEK_MIN) + WEEK_MIN) % WEEK_MIN);
    const e = s + (b - a);
    if (e <= WEEK_MIN) {
      keys.push(s * 16384 + e);
    } else {
      keys.push(s * 16384 + WEEK_MIN, e - WEEK_MIN); // [s, 10080) and [0, e − 10080)
    }
  }
  const sorted = Float64Array.from(keys).sort();
  const out: number[] = [];
  let curS = -1;
  let curE = -1;
  for (let k = 0; k < sorted.length; k++) {
    const s = Math.floor(sorted[k] / 16384);
    const e = sorted[k] - s * 16384;
    if (s <= curE) {
      if (e > curE) curE = e;
    } else {
      if (curE >= 0) out.push(curS, curE);
      curS = s;
      curE = e;
    }
  }
  if (curE >= 0) out.push(curS, curE);
  return Int32Array.from(out);
}

const SLOT_EXPECTED = 'a slot { day: 0…6, start, end } with integer minutes 0 ≤ start < end ≤ 1440';

function checkSlot(slot: Slot, index: number): void {
  const ok =
    typeof slot === 'object' &&
    slot !== null &&
    Number.isInteger(slot.day) &&
    slot.day >= 0 &&
    slot.day <= 6 &&
    Number.isInteger(slot.start) &&
    Number.isInteger(slot.end) &&
    slot.start >= 0 &&
    slot.start < slot.end &&
    slot.end <= 1440;
  if (!ok) {
    const found =
      typeof slot === 'object' && slot !== null
        ? `{ day: ${String(slot.day)}, start: ${String(slot.start)}, end: ${String(slot.end)} }`
        : describe(slot);
    throw new InvalidInputError(`slots[${index}]: expected ${SLOT_EXPECTED}, found ${found}`, {
      index,
      expected: SLOT_EXPECTED,
      found,
    });
  }
}
