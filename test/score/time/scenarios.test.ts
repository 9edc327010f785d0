/**
 * Two people, their slots in their own zones, the shared time and how it is explained:
 * the whole time module end to end, with hand-computed answers.
 */
import { describe, expect, it } from 'vitest';

import { parseSlot } from '../../../src/profile/slots.js';
import type { Slot } from '../../../src/profile/types.js';
import {
  describeWindow,
  encodeAvailability,
  overlapWindows,
  sharedMinutes,
  timeZoneGapHours,
} from '../../../src/score/time/index.js';

interface Person {
  readonly name: string;
  readonly tz: string;
  readonly slots: readonly string[];
}

function slots(texts: readonly string[]): Slot[] {
  return texts.map((t) => {
    const r = parseSlot(t);
    if (!r.ok) throw new Error(`bad slot in test: ${t}`);
    return r.slot;
  });
}

/** The overlap of two people in the week of `ref`, each window in both local times. */
function overlap(a: Person, b: Person, ref: string, minMeeting = 0): { minutes: number; lines: string[] } {
  const ea = encodeAvailability(slots(a.slots), a.tz, ref);
  const eb = encodeAvailability(slots(b.slots), b.tz, ref);
  const lines = overlapWindows(ea, eb, minMeeting).map(
    ([s, e]) =>
      `${describeWindow(s, e, a.tz, ref)} for ${a.name} (${a.tz}), ${describeWindow(s, e, b.tz, ref)} for ${b.name} (${b.tz})`,
  );
  return { minutes: sharedMinutes(ea, eb, minMeeting), lines };
}

describe('time module end to end', () => {
  const ana: Person = { name: 'Ana', tz: 'Europe/Berlin', slots: ['Tue 16:00-18:00'] };
  const ben: Person = { name: 'Ben', tz: 'America/New_York', slots: ['Tue 10:00-12:00'] };

  it('Berlin and New York share 1 hour between the US change (8 Mar 2026) and the EU change (29 Mar)', () => {
    // Ana 15:00–17:00 UTC (CET); Ben 14:00–16:00 UTC (EDT).
    expect(timeZoneGapHours(ana.tz, ben.tz, '2026-03-16')).toBe(5);
    expect(overlap(ana, ben, '2026-03-16')).toEqual({
      minutes: 60,
      lines: ['Tue 16:00–17:00 for Ana (Europe/Berlin), Tue 11:00–12:00 for Ben (America/New_York)'],
    });
  });

  it('… but 2 hours in January (gap 6 h) and after the EU change (gap 6 h again)', () => {
    // January: Ana 15:00–17:00 UTC (CET), Ben 15:00–17:00 UTC (EST).
    expect(timeZoneGapHours(ana.tz, ben.tz, '2026-01-14')).toBe(6);
    expect(overlap(ana, ben, '2026-01-14')).toEqual({
      minutes: 120,
      lines: ['Tue 16:00–18:00 for Ana (Europe/Berlin), Tue 10:00–12:00 for Ben (America/New_York)'],
    });
    // April: Ana 14:00–16:00 UTC (CEST), Ben 14:00–16:00 UTC (EDT).
    expect(overlap(ana, ben, '2026-04-01').minutes).toBe(120);
  });

  it('a minimum meeting length drops the March overlap but not the January one', () => {
    expect(overlap(ana, ben, '2026-03-16', 90).minutes).toBe(0);
    expect(overlap(ana, ben, '2026-03-16', 90).lines).toEqual([]);
    expect(overlap(ana, ben, '2026-01-14', 90).minutes).toBe(120);
  });

  it('Kolkata (+5:30) and Kathmandu (+5:45) with the same local hour share 45 minutes', () => {
    const a: Person = { name: 'Asha', tz: 'Asia/Kolkata', slots: ['Wed 09:00-10:00'] };
    const b: Person = { name: 'Bikash', tz: 'Asia/Kathmandu', slots: ['Wed 09:00-10:00'] };
    expect(overlap(a, b, '2026-03-16')).toEqual({
      minutes: 45,
      lines: ['Wed 09:00–09:45 for Asha (Asia/Kolkata), Wed 09:15–10:00 for Bikash (Asia/Kathmandu)'],
    });
    expect(timeZoneGapHours(a.tz, b.tz, '2026-03-16')).toBe(0.25);
  });

  it('Kiritimati (+14) on Monday morning meets Pago Pago (−11) on Sunday morning: 1 h apart on the clock', () => {
    const a: Person = { name: 'Teata', tz: 'Pacific/Kiritimati', slots: ['Mon 10:00-12:00'] };
    const b: Person = { name: 'Sefa', tz: 'Pacific/Pago_Pago', slots: ['Sun 09:00-11:00', 'Mon 09:00-11:00'] };
    expect(timeZoneGapHours(a.tz, b.tz, '2026-03-16')).toBe(1);
    expect(overlap(a, b, '2026-03-16')).toEqual({
      minutes: 120,
      lines: ['Mon 10:00–12:00 for Teata (Pacific/Kiritimati), Sun 09:00–11:00 for Sefa (Pacific/Pago_Pago)'],
    });
  });

  it('an overlap across Sunday/Monday midnight UTC is one window and one run', () => {
    // Berlin summer Mon 00:00–02:00 = Sun 22:00–24:00 UTC; New York Sun 19:00–21:00 EDT = Sun 23:00 – Mon 01:00 UTC.
    const a: Person = { name: 'Ana', tz: 'Europe/Berlin', slots: ['Mon 00:00-02:00'] };
    const b: Person = { name: 'Ben', tz: 'America/New_York', slots: ['Sun 19:00-21:00'] };
    expect(overlap(a, b, '2026-07-01', 60)).toEqual({
      minutes: 60,
      lines: ['Mon 01:00–02:00 for Ana (Europe/Berlin), Sun 19:00–20:00 for Ben (America/New_York)'],
    });
  });

  it('London and Sydney across both of their clock changes (week of 29 Mar / 5 Apr 2026)', () => {
    // London Sun 29 Mar 07:00–10:00 BST = 06:00–09:00 UTC; Sydney Sun 29 Mar 17:00–20:00 AEDT = 06:00–09:00 UTC.
    const a: Person = { name: 'Liz', tz: 'Europe/London', slots: ['Sun 07:00-10:00'] };
    const b: Person = { name: 'Sam', tz: 'Australia/Sydney', slots: ['Sun 17:00-20:00'] };
    expect(overlap(a, b, '2026-03-29').minutes).toBe(180);
    // A week later Sydney is on AEST: Sun 5 Apr 17:00–20:00 = 07:00–10:00 UTC; London 06:00–09:00 UTC.
    expect(overlap(a, b, '2026-04-05')).toEqual({
      minutes: 120,
      lines: ['Sun 08:00–10:00 for Liz (Europe/London), Sun 17:00–19:00 for Sam (Australia/Sydney)'],
    });
  });
});
