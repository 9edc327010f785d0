/**
 * encodeAvailability: properties over random zones, reference dates (2000–2037 and the
 * 2026 clock-change weeks) and random slots. Oracle for weeks without a clock change: mark
 * every local minute of every slot, shift it by the zone's constant offset modulo the
 * week, and read off the runs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { Slot } from '../../../src/profile/types.js';
import { encodeAvailability, referenceWeek, utcOffsetMinutes } from '../../../src/score/time/index.js';

const W = 10080;
const ZONES = [
  'UTC',
  'Europe/Berlin',
  'Europe/London',
  'America/New_York',
  'America/St_Johns', //     −3:30 with summer time
  'America/Santiago', //     southern summer time, changes on Saturday night
  'America/Sao_Paulo', //    summer time until 2019
  'Australia/Sydney',
  'Australia/Lord_Howe', //  30-minute summer time
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Tehran',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
  'Pacific/Chatham', //      +12:45 / +13:45
  'Africa/Casablanca', //    clocks move around Ramadan
  'Etc/GMT+12',
  'Etc/GMT-14',
];
const refDate = fc.oneof(
  fc.integer({ min: Date.UTC(2000, 0, 1) / 864e5, max: Date.UTC(2037, 11, 31) / 864e5 }).map((d) => new Date(d * 864e5)),
  fc.constantFrom('2026-03-08', '2026-03-29', '2026-04-05', '2026-10-04', '2026-10-25', '2026-11-01').map((s) => new Date(s)),
);
const slotArb: fc.Arbitrary<Slot> = fc
  .tuple(
    fc.integer({ min: 0, max: 6 }),
    fc.oneof(fc.integer({ min: 0, max: 1439 }), fc.constantFrom(0, 60, 90, 120, 150, 180, 1380)),
    fc.oneof(fc.integer({ min: 1, max: 240 }), fc.integer({ min: 1, max: 1440 })),
  )
  .map(([day, start, len]) => ({ day, start, end: Math.min(1440, start + len) }));
const slotsArb = fc.array(slotArb, { maxLength: 10 });

/** The constant offset (minutes) of `tz` around the reference week, or undefined if it changes. */
function constantOffset(tz: string, ref: Date): number | undefined {
  const ws = referenceWeek(ref).getTime();
  const o = utcOffsetMinutes(tz, ws - 2 * 864e5);
  for (let t = ws - 2 * 864e5; t <= ws + 9 * 864e5; t += 15 * 6e4) if (utcOffsetMinutes(tz, t) !== o) return undefined;
  return o;
}

function oracle(slots: readonly Slot[], offset: number): number[] {
  const bits = new Uint8Array(W);
  for (const s of slots) {
    for (let m = s.start; m < s.end; m++) bits[(((s.day * 1440 + m - offset) % W) + W) % W] = 1;
  }
  const out: number[] = [];
  for (let m = 0; m < W; m++) {
    if (bits[m] && (m === 0 || !bits[m - 1])) out.push(m);
    if (bits[m] && (m === W - 1 || !bits[m + 1])) out.push(m + 1);
  }
  return out;
}

function total(enc: Int32Array): number {
  let t = 0;
  for (let k = 0; k < enc.length; k += 2) t += enc[k + 1] - enc[k];
  return t;
}

describe('encodeAvailability: properties', () => {
  it('output is sorted, disjoint, non-touching and within [0, 10080], for any zone and week', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), refDate, slotsArb, (tz, ref, slots) => {
        const enc = encodeAvailability(slots, tz, ref);
        expect(enc).toBeInstanceOf(Int32Array);
        expect(enc.length % 2).toBe(0);
        for (let k = 0; k < enc.length; k += 2) {
          expect(enc[k]).toBeGreaterThanOrEqual(0);
          expect(enc[k]).toBeLessThan(enc[k + 1]);
          expect(enc[k + 1]).toBeLessThanOrEqual(W);
          if (k + 2 < enc.length) expect(enc[k + 1]).toBeLessThan(enc[k + 2]);
        }
        // A clock change moves at most one slot boundary by its size (≤ 1 h here).
        const sum = slots.reduce((acc, s) => acc + s.end - s.start, 0);
        expect(total(enc)).toBeLessThanOrEqual(Math.min(W, sum + 60 * slots.length));
      }),
      { numRuns: 500 },
    );
  });

  it('does not depend on the order of the slots', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), refDate, slotsArb, (tz, ref, slots) => {
        expect(encodeAvailability([...slots].reverse(), tz, ref)).toEqual(encodeAvailability(slots, tz, ref));
      }),
    );
  });

  it('without a clock change in the week it equals the shifted minute-by-minute oracle', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), refDate, slotsArb, (tz, ref, slots) => {
        const offset = constantOffset(tz, ref);
        fc.pre(offset !== undefined);
        expect(Array.from(encodeAvailability(slots, tz, ref))).toEqual(oracle(slots, offset!));
      }),
      { numRuns: 300 },
    );
  });

  it('without a clock change and without overlapping slots, total minutes = the sum of slot lengths', () => {
    // Non-overlapping slots: cut the local week at sorted random points, keep every other piece.
    const disjointSlots = fc.uniqueArray(fc.integer({ min: 0, max: W }), { maxLength: 16 }).map((cuts) => {
      const pts = [...cuts].sort((x, y) => x - y);
      const slots: Slot[] = [];
      for (let k = 0; k + 1 < pts.length; k += 2) {
        // Split at local midnights: a slot lies within one day.
        for (let s = pts[k]; s < pts[k + 1]; ) {
          const day = Math.floor(s / 1440);
          const e = Math.min(pts[k + 1], (day + 1) * 1440);
          slots.push({ day, start: s - day * 1440, end: e - day * 1440 });
          s = e;
        }
      }
      return slots;
    });
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), refDate, disjointSlots, (tz, ref, slots) => {
        fc.pre(constantOffset(tz, ref) !== undefined);
        const sum = slots.reduce((acc, s) => acc + s.end - s.start, 0);
        expect(total(encodeAvailability(slots, tz, ref))).toBe(sum);
      }),
      { numRuns: 300 },
    );
  });

  it('in a week with a clock change, each slot is within an hour of its local length and never inside out', () => {
    const changeWeeks = fc.constantFrom(
      ['Europe/London', '2026-03-29'],
      ['Europe/London', '2026-10-25'],
      ['America/New_York', '2026-03-08'],
      ['America/New_York', '2026-11-01'],
      ['Australia/Sydney', '2026-04-05'],
      ['Australia/Sydney', '2026-10-04'],
      ['Australia/Lord_Howe', '2026-10-04'],
    );
    fc.assert(
      fc.property(changeWeeks, slotArb, ([tz, ref], slot) => {
        const len = total(encodeAvailability([slot], tz, ref));
        expect(len).toBeGreaterThanOrEqual(Math.max(0, slot.end - slot.start - 60));
        expect(len).toBeLessThanOrEqual(slot.end - slot.start + 60);
      }),
      { numRuns: 500 },
    );
  });
});
