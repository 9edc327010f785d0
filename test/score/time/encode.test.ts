/**
 * encodeAvailability(slots, timeZone, referenceDate): local weekly slots → sorted, disjoint
 * UTC-week minutes. Every expectation below is computed by hand; minute m of the UTC week
 * is day ⌊m / 1440⌋ (0 = Monday) at m mod 1440 minutes after 00:00 UTC.
 */
import { describe, expect, it } from 'vitest';

import { parseSlot } from '../../../src/profile/slots.js';
import type { Slot } from '../../../src/profile/types.js';
import { encodeAvailability } from '../../../src/score/time/index.js';
import { expectMatchError } from '../../_helpers/expect-error.js';

/** Slots from text: `slots('Mon 09:00-10:00', 'Tue 16:00-18:00')`. */
function slots(...texts: string[]): Slot[] {
  return texts.map((t) => {
    const r = parseSlot(t);
    if (!r.ok) throw new Error(`bad slot in test: ${t}`);
    return r.slot;
  });
}

function enc(tz: string, ref: string, ...texts: string[]): number[] {
  return Array.from(encodeAvailability(slots(...texts), tz, ref));
}

const SAT = 5 * 1440;
const SUN = 6 * 1440;

describe('encodeAvailability(slots, timeZone, referenceDate)', () => {
  it('returns an Int32Array, empty for no slots', () => {
    const out = encodeAvailability([], 'Europe/Berlin', '2026-03-16');
    expect(out).toBeInstanceOf(Int32Array);
    expect(out.length).toBe(0);
  });

  describe('fixed offsets', () => {
    it.each([
      ['UTC', 'Mon 09:00-10:00', [540, 600]],
      ['Asia/Kolkata', 'Wed 09:00-10:00', [2 * 1440 + 210, 2 * 1440 + 270]], //  +5:30 → 03:30–04:30 UTC
      ['Asia/Kathmandu', 'Wed 09:00-10:00', [2 * 1440 + 195, 2 * 1440 + 255]], // +5:45 → 03:15–04:15 UTC
      ['Pacific/Kiritimati', 'Mon 10:00-12:00', [SUN + 1200, SUN + 1320]], //     +14 → Sun 20:00–22:00 UTC (wrapped)
      ['Pacific/Pago_Pago', 'Sun 09:00-11:00', [SUN + 1200, SUN + 1320]], //      −11 → Sun 20:00–22:00 UTC
      ['Pacific/Pago_Pago', 'Sun 13:00-24:00', [0, 660]], //                      −11 → Mon 00:00–11:00 UTC (wrapped)
      ['Etc/GMT-3', 'Mon 01:00-02:00', [SUN + 1320, SUN + 1380]], //              +3 → Sun 22:00–23:00 UTC
    ])('%s %s → %j', (tz, slot, expected) => {
      expect(enc(tz, '2026-03-16', slot)).toEqual(expected);
    });

    it('splits a piece that crosses the end of the UTC week (Kiritimati Mon 00:00-24:00 = Sun 10:00 – Mon 10:00 UTC)', () => {
      expect(enc('Pacific/Kiritimati', '2026-03-16', 'Mon 00:00-24:00')).toEqual([0, 600, SUN + 600, 10080]);
    });

    it('wraps Mon 00:30 in UTC+2 to Sunday 22:30 UTC of the same week (Berlin, July)', () => {
      expect(enc('Europe/Berlin', '2026-07-01', 'Mon 00:30-02:00')).toEqual([9990, 10080]);
      expect(enc('Europe/Berlin', '2026-07-01', 'Mon 01:00-03:00')).toEqual([0, 60, 10020, 10080]);
    });
  });

  describe('daylight-saving time in the reference week', () => {
    it('Berlin vs New York in March 2026: the US has changed (8 Mar), the EU not yet (29 Mar)', () => {
      // Tue 16:00-18:00 local. Berlin CET +1 → 15:00–17:00 UTC; New York EDT −4 → 20:00–22:00 UTC.
      expect(enc('Europe/Berlin', '2026-03-16', 'Tue 16:00-18:00')).toEqual([1440 + 900, 1440 + 1020]);
      expect(enc('America/New_York', '2026-03-16', 'Tue 16:00-18:00')).toEqual([1440 + 1200, 1440 + 1320]);
      // In January New York is EST −5: 21:00–23:00 UTC.
      expect(enc('America/New_York', '2026-01-14', 'Tue 16:00-18:00')).toEqual([1440 + 1260, 1440 + 1380]);
      // After the EU change Berlin is CEST +2: 14:00–16:00 UTC.
      expect(enc('Europe/Berlin', '2026-04-01', 'Tue 16:00-18:00')).toEqual([1440 + 840, 1440 + 960]);
    });

    it('slots before and after the change in the same week use their own offsets (London, week of 29 Mar 2026)', () => {
      expect(enc('Europe/London', '2026-03-29', 'Sat 09:00-10:00')).toEqual([SAT + 540, SAT + 600]); // GMT
      expect(enc('Europe/London', '2026-03-29', 'Sun 09:00-10:00')).toEqual([SUN + 480, SUN + 540]); // BST
    });

    it('London 29 Mar 2026 01:00-03:00: 01:00–02:00 does not exist, the slot lasts one real hour', () => {
      // 01:00 local → the transition, 01:00 UTC (clocks jump to 02:00 BST); 03:00 BST = 02:00 UTC.
      expect(enc('Europe/London', '2026-03-29', 'Sun 01:00-03:00')).toEqual([SUN + 60, SUN + 120]);
    });

    it('a slot starting inside the gap starts at the transition; one wholly inside it is empty', () => {
      expect(enc('Europe/London', '2026-03-29', 'Sun 01:30-02:30')).toEqual([SUN + 60, SUN + 90]); // = 02:00–02:30 BST
      expect(enc('Europe/London', '2026-03-29', 'Sun 01:15-01:45')).toEqual([]);
      expect(enc('Europe/London', '2026-03-29', 'Sun 00:30-01:30')).toEqual([SUN + 30, SUN + 60]); // ends at the jump
    });

    it('the changeover Sunday lasts 23 hours in spring and 25 in autumn (London)', () => {
      expect(enc('Europe/London', '2026-03-29', 'Sun 00:00-24:00')).toEqual([SUN, SUN + 1380]);
      // 25 Oct 2026: 00:00 BST = Sat 23:00 UTC … Mon 00:00 GMT = minute 10080.
      expect(enc('Europe/London', '2026-10-25', 'Sun 00:00-24:00')).toEqual([SAT + 1380, 10080]);
    });

    it('London 25 Oct 2026 01:00-02:00 happens twice: the slot covers both (2 real hours)', () => {
      // 01:00 is ambiguous → the earlier instant, 00:00 UTC (BST); 02:00 GMT = 02:00 UTC.
      expect(enc('Europe/London', '2026-10-25', 'Sun 01:00-02:00')).toEqual([SUN, SUN + 120]);
      // An ambiguous start and end both take their first occurrence (BST): 00:30–00:45 UTC.
      expect(enc('Europe/London', '2026-10-25', 'Sun 01:30-01:45')).toEqual([SUN + 30, SUN + 45]);
      expect(enc('Europe/London', '2026-10-25', 'Sat 09:00-10:00')).toEqual([SAT + 480, SAT + 540]); // BST
      expect(enc('Europe/London', '2026-10-25', 'Sun 09:00-10:00')).toEqual([SUN + 540, SUN + 600]); // GMT
    });

    it('Berlin Sun 01:00-04:00 across the spring change lasts 2 hours; 02:00-03:00 in autumn lasts 2 hours', () => {
      // 29 Mar 2026: 01:00 CET = 00:00 UTC; 04:00 CEST = 02:00 UTC.
      expect(enc('Europe/Berlin', '2026-03-29', 'Sun 01:00-04:00')).toEqual([SUN, SUN + 120]);
      // 25 Oct 2026: 02:00 CEST = 00:00 UTC; 03:00 CET = 02:00 UTC.
      expect(enc('Europe/Berlin', '2026-10-25', 'Sun 02:00-03:00')).toEqual([SUN, SUN + 120]);
    });

    it('New York on 8 Mar 2026 (02:00 EST → 03:00 EDT) and an evening slot that wraps into Monday UTC', () => {
      // 01:00 EST = 06:00 UTC; 04:00 EDT = 08:00 UTC.
      expect(enc('America/New_York', '2026-03-08', 'Sun 01:00-04:00')).toEqual([SUN + 360, SUN + 480]);
      // Sun 20:00–23:00 EDT = Mon 00:00–03:00 UTC, which is the start of the circular week.
      expect(enc('America/New_York', '2026-03-08', 'Sun 20:00-23:00')).toEqual([0, 180]);
    });

    it('Australia/Sydney (southern hemisphere): summer in January, winter in July', () => {
      // Mon 09:00 AEDT +11 = Sun 22:00 UTC; AEST +10 = Sun 23:00 UTC.
      expect(enc('Australia/Sydney', '2026-01-14', 'Mon 09:00-10:00')).toEqual([SUN + 1320, SUN + 1380]);
      expect(enc('Australia/Sydney', '2026-07-15', 'Mon 09:00-10:00')).toEqual([SUN + 1380, 10080]);
    });

    it('Australia/Sydney leaves summer time on Sun 5 Apr 2026 and starts it on Sun 4 Oct 2026', () => {
      // 5 Apr: 03:00 AEDT → 02:00 AEST. 02:00 (first, AEDT) = Sat 15:00 UTC; 03:00 AEST = Sat 17:00 UTC.
      expect(enc('Australia/Sydney', '2026-04-01', 'Sun 02:00-03:00')).toEqual([SAT + 900, SAT + 1020]);
      // 4 Oct: 02:00 AEST → 03:00 AEDT. 02:00–03:00 does not exist; 01:00 AEST = Sat 15:00 UTC, 04:00 AEDT = Sat 17:00 UTC.
      expect(enc('Australia/Sydney', '2026-10-01', 'Sun 02:00-03:00')).toEqual([]);
      expect(enc('Australia/Sydney', '2026-10-01', 'Sun 01:00-04:00')).toEqual([SAT + 900, SAT + 1020]);
    });

    it('Australia/Lord_Howe moves its clock by 30 minutes (4 Oct 2026, 02:00 +10:30 → 02:30 +11)', () => {
      // 02:00 → the transition, Sat 15:30 UTC; 03:00 +11 = Sat 16:00 UTC.
      expect(enc('Australia/Lord_Howe', '2026-10-01', 'Sun 02:00-03:00')).toEqual([SAT + 930, SAT + 960]);
    });

    it('a whole local week is 10020 real minutes in a spring-forward week and covers the UTC week in autumn', () => {
      const week = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].map((d) => `${d} 00:00-24:00`);
      expect(enc('Europe/London', '2026-03-29', ...week)).toEqual([0, 10020]);
      expect(enc('Europe/London', '2026-10-25', ...week)).toEqual([0, 10080]);
      expect(enc('UTC', '2026-03-29', ...week)).toEqual([0, 10080]);
    });
  });

  describe('sorting and merging', () => {
    it('sorts, merges overlapping and touching pieces, and removes duplicates', () => {
      expect(enc('UTC', '2026-03-16', 'Mon 10:00-11:00', 'Mon 09:30-09:45', 'Mon 09:00-10:00', 'Mon 09:00-10:00')).toEqual([
        540, 660,
      ]);
      expect(enc('UTC', '2026-03-16', 'Wed 08:00-09:00', 'Mon 12:00-13:00', 'Mon 08:00-09:00')).toEqual([
        480, 540, 720, 780, 2 * 1440 + 480, 2 * 1440 + 540,
      ]);
    });

    it('merges across local midnight but keeps the circular contact at the week boundary as two pieces', () => {
      expect(enc('UTC', '2026-03-16', 'Tue 00:00-01:00', 'Mon 23:00-24:00')).toEqual([1380, 1500]);
      expect(enc('UTC', '2026-03-16', 'Sun 23:00-24:00', 'Mon 00:00-01:00')).toEqual([0, 60, 10020, 10080]);
    });

    it('merges a wrapped piece with a piece it overlaps (Berlin summer: Mon 00:30-01:30 and Sun 23:00-24:00)', () => {
      // Mon 00:30–01:30 CEST = Sun 22:30–23:30 UTC overlaps Mon 01:00–02:00 CEST = Sun 23:00–24:00 UTC;
      // Sun 23:00–24:00 CEST = Sun 21:00–22:00 UTC stays apart.
      expect(enc('Europe/Berlin', '2026-07-01', 'Mon 00:30-01:30', 'Mon 01:00-02:00', 'Sun 23:00-24:00')).toEqual([
        SUN + 1260, SUN + 1320, SUN + 1350, 10080,
      ]);
    });
  });

  it('rejects malformed slots, unknown zones and invalid reference dates with INVALID_INPUT', () => {
    const bad: unknown[] = [
      { day: 7, start: 0, end: 60 },
      { day: -1, start: 0, end: 60 },
      { day: 0, start: 60, end: 60 },
      { day: 0, start: 90, end: 60 },
      { day: 0, start: 0, end: 1441 },
      { day: 0, start: -5, end: 60 },
      { day: 0.5, start: 0, end: 60 },
      { day: 0, start: 0.5, end: 60 },
      { day: 0, start: 0, end: NaN },
      null,
      'Mon 09:00-10:00',
    ];
    for (const slot of bad) {
      const err = expectMatchError(
        () => encodeAvailability([{ day: 0, start: 0, end: 60 }, slot as Slot], 'UTC', '2026-03-16'),
        'INVALID_INPUT',
      );
      expect(err.details.index).toBe(1);
    }
    expectMatchError(() => encodeAvailability('Mon 09:00-10:00' as unknown as Slot[], 'UTC', '2026-03-16'), 'INVALID_INPUT');
    expectMatchError(() => encodeAvailability([], 'Europe/Atlantis', '2026-03-16'), 'INVALID_INPUT');
    expectMatchError(() => encodeAvailability([], 'UTC', '2026-03-16T09:00'), 'INVALID_INPUT');
  });

  it('TSDoc examples', () => {
    const s = [{ day: 1, start: 960, end: 1080 }];
    expect(Array.from(encodeAvailability(s, 'Europe/Berlin', '2026-03-16'))).toEqual([2340, 2460]);
    expect(Array.from(encodeAvailability(s, 'America/New_York', '2026-03-16'))).toEqual([2640, 2760]);
    expect(Array.from(encodeAvailability([{ day: 0, start: 30, end: 120 }], 'Europe/Berlin', '2026-07-01'))).toEqual([
      9990, 10080,
    ]);
  });
});
