/**
 * utcOffsetMinutes, referenceWeek and timeZoneGapHours: hand-computed offsets around the
 * 2026 daylight-saving changes (US 8 March, EU 29 March, Sydney 5 April), the :30 and :45
 * zones, and the two sides of the date line.
 */
import { describe, expect, it } from 'vitest';

import { referenceWeek, timeZoneGapHours, utcOffsetMinutes, WEEK_MINUTES } from '../../../src/score/time/index.js';
import { expectMatchError } from '../../_helpers/expect-error.js';

describe('utcOffsetMinutes(timeZone, instant)', () => {
  it.each([
    ['Europe/Berlin', '2026-01-15T12:00:00Z', 60],
    ['Europe/Berlin', '2026-07-01T12:00:00Z', 120],
    ['America/New_York', '2026-01-15T12:00:00Z', -300],
    ['America/New_York', '2026-03-16T12:00:00Z', -240], // after the US change (8 Mar)
    ['Europe/Berlin', '2026-03-16T12:00:00Z', 60], //     before the EU change (29 Mar)
    ['Australia/Sydney', '2026-01-15T00:00:00Z', 660], // southern summer: AEDT
    ['Australia/Sydney', '2026-07-01T00:00:00Z', 600], // southern winter: AEST
    ['Asia/Kolkata', '2026-03-16T00:00:00Z', 330],
    ['Asia/Kathmandu', '2026-03-16T00:00:00Z', 345],
    ['Pacific/Kiritimati', '2026-03-16T00:00:00Z', 840],
    ['Pacific/Pago_Pago', '2026-03-16T00:00:00Z', -660],
    ['Pacific/Chatham', '2026-07-01T00:00:00Z', 765], // +12:45
    ['UTC', '2026-03-16T00:00:00Z', 0],
    ['Etc/GMT+5', '2026-03-16T00:00:00Z', -300], // POSIX sign: GMT+5 is UTC−5
  ])('%s at %s is %d', (tz, iso, expected) => {
    expect(utcOffsetMinutes(tz, new Date(iso))).toBe(expected);
    expect(utcOffsetMinutes(tz, Date.parse(iso))).toBe(expected);
  });

  it('changes exactly at the transition instant (Europe/London, 29 Mar 2026 01:00 UTC)', () => {
    const t = Date.parse('2026-03-29T01:00:00Z');
    expect(utcOffsetMinutes('Europe/London', t - 1)).toBe(0);
    expect(utcOffsetMinutes('Europe/London', t)).toBe(60);
    const back = Date.parse('2026-10-25T01:00:00Z');
    expect(utcOffsetMinutes('Europe/London', back - 1)).toBe(60);
    expect(utcOffsetMinutes('Europe/London', back)).toBe(0);
  });

  it('Australia/Sydney leaves summer time on 5 Apr 2026 at 03:00 local (16:00 UTC the day before)', () => {
    const t = Date.parse('2026-04-04T16:00:00Z');
    expect(utcOffsetMinutes('Australia/Sydney', t - 1)).toBe(660);
    expect(utcOffsetMinutes('Australia/Sydney', t)).toBe(600);
  });

  it('gives a fraction for historical offsets with seconds (Monrovia 1960: −0:44:30, Dublin 1910: −0:25:21)', () => {
    expect(utcOffsetMinutes('Africa/Monrovia', Date.UTC(1960, 0, 1))).toBe(-44.5);
    expect(utcOffsetMinutes('Europe/Dublin', Date.UTC(1910, 0, 1))).toBeCloseTo(-(25 + 21 / 60), 10);
  });

  it('rejects unknown zones and invalid instants with INVALID_INPUT', () => {
    expectMatchError(() => utcOffsetMinutes('Mars/Olympus', 0), 'INVALID_INPUT');
    expectMatchError(() => utcOffsetMinutes('', 0), 'INVALID_INPUT');
    expectMatchError(() => utcOffsetMinutes(undefined as unknown as string, 0), 'INVALID_INPUT');
    expectMatchError(() => utcOffsetMinutes('UTC', NaN), 'INVALID_INPUT');
    expectMatchError(() => utcOffsetMinutes('UTC', new Date('nope')), 'INVALID_INPUT');
    expectMatchError(() => utcOffsetMinutes('UTC', Infinity), 'INVALID_INPUT');
  });

  it('TSDoc examples', () => {
    expect(utcOffsetMinutes('Europe/Berlin', new Date('2026-07-01T12:00:00Z'))).toBe(120);
    expect(utcOffsetMinutes('America/New_York', new Date('2026-01-15T12:00:00Z'))).toBe(-300);
    expect(utcOffsetMinutes('Asia/Kathmandu', Date.UTC(2026, 0, 1))).toBe(345);
  });
});

describe('referenceWeek(referenceDate)', () => {
  it.each([
    ['2026-03-23', '2026-03-23T00:00:00.000Z'], // a Monday is its own week start
    ['2026-03-29', '2026-03-23T00:00:00.000Z'], // a Sunday belongs to the week before
    ['2026-03-10', '2026-03-09T00:00:00.000Z'],
    ['2026-01-01', '2025-12-29T00:00:00.000Z'], // across a year boundary
    ['1970-01-01', '1969-12-29T00:00:00.000Z'], // before the epoch
    ['2026-03-29T23:59:59Z', '2026-03-23T00:00:00.000Z'],
    ['2026-03-30T01:00:00+02:00', '2026-03-23T00:00:00.000Z'], // 29 Mar 23:00 UTC
    ['2026-03-29T23:30:00-01:00', '2026-03-30T00:00:00.000Z'], // 30 Mar 00:30 UTC
  ])('%s → %s', (ref, expected) => {
    expect(referenceWeek(ref).toISOString()).toBe(expected);
  });

  it('accepts a Date and returns a new Date each time', () => {
    const d = new Date('2026-03-10T18:30:00Z');
    const w = referenceWeek(d);
    expect(w.toISOString()).toBe('2026-03-09T00:00:00.000Z');
    expect(w).not.toBe(referenceWeek(d));
    expect(d.toISOString()).toBe('2026-03-10T18:30:00.000Z');
  });

  it('rejects invalid dates and date-times without a zone', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '2026-03-10T10:00', 'tomorrow', '', '16/03/2026']) {
      expectMatchError(() => referenceWeek(bad), 'INVALID_INPUT');
    }
    expectMatchError(() => referenceWeek(new Date(NaN)), 'INVALID_INPUT');
    expectMatchError(() => referenceWeek(123 as unknown as string), 'INVALID_INPUT');
  });

  it('TSDoc examples', () => {
    expect(WEEK_MINUTES).toBe(10080);
    expect(referenceWeek('2026-03-29').toISOString()).toBe('2026-03-23T00:00:00.000Z');
    expect(referenceWeek(new Date('2026-03-10T18:30:00Z')).toISOString()).toBe('2026-03-09T00:00:00.000Z');
  });
});

describe('timeZoneGapHours(tzA, tzB, referenceDate)', () => {
  it.each([
    ['Europe/Berlin', 'America/New_York', '2026-01-15', 6], //   CET +1 vs EST −5
    ['Europe/Berlin', 'America/New_York', '2026-03-16', 5], //   CET +1 vs EDT −4 (between the US and EU changes)
    ['Europe/Berlin', 'America/New_York', '2026-04-15', 6], //   CEST +2 vs EDT −4
    ['Europe/London', 'Australia/Sydney', '2026-01-15', 11], //  GMT vs AEDT +11
    ['Europe/London', 'Australia/Sydney', '2026-07-01', 9], //   BST +1 vs AEST +10
    ['Asia/Kolkata', 'Asia/Kathmandu', '2026-03-16', 0.25],
    ['Asia/Kolkata', 'Europe/London', '2026-01-15', 5.5],
    ['Asia/Kathmandu', 'America/New_York', '2026-01-15', 10.75],
    ['Pacific/Kiritimati', 'Pacific/Pago_Pago', '2026-03-16', 1], // +14 vs −11: 25 h = 1 h round the clock
    ['Etc/GMT-13', 'Etc/GMT+11', '2026-03-16', 0], //                 +13 vs −11: 24 h = same clock time
    ['Etc/GMT-12', 'Etc/GMT+12', '2026-03-16', 0],
    ['Etc/GMT-6', 'Etc/GMT+6', '2026-03-16', 12], //                  the farthest apart
    ['Pacific/Kiritimati', 'Etc/GMT+12', '2026-03-16', 2], //         +14 vs −12
    ['Europe/Paris', 'Europe/Paris', '2026-03-16', 0],
  ])('%s vs %s at %s → %d h', (a, b, ref, expected) => {
    expect(timeZoneGapHours(a, b, ref)).toBe(expected);
    expect(timeZoneGapHours(b, a, ref)).toBe(expected);
  });

  it('uses the offsets in force at the reference instant (London changes at 01:00 UTC on 29 Mar 2026)', () => {
    expect(timeZoneGapHours('Europe/London', 'UTC', '2026-03-29T00:59:00Z')).toBe(0);
    expect(timeZoneGapHours('Europe/London', 'UTC', '2026-03-29T01:00:00Z')).toBe(1);
    expect(timeZoneGapHours('Europe/London', 'UTC', new Date('2026-07-01T00:00:00Z'))).toBe(1);
  });

  it('rejects unknown zones and invalid dates', () => {
    expectMatchError(() => timeZoneGapHours('Europe/Berlin', 'Nowhere/Land', '2026-03-16'), 'INVALID_INPUT');
    expectMatchError(() => timeZoneGapHours('Europe/Berlin', 'UTC', 'March'), 'INVALID_INPUT');
  });

  it('TSDoc examples', () => {
    expect(timeZoneGapHours('Europe/Berlin', 'America/New_York', '2026-01-15')).toBe(6);
    expect(timeZoneGapHours('Europe/Berlin', 'America/New_York', '2026-03-16')).toBe(5);
    expect(timeZoneGapHours('Asia/Kolkata', 'Asia/Kathmandu', '2026-03-16')).toBe(0.25);
    expect(timeZoneGapHours('Pacific/Kiritimati', 'Pacific/Pago_Pago', '2026-03-16')).toBe(1);
  });
});
