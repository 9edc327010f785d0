/**
 * parseSlot and isTimeZone: the weekly-slot grammar (`Day HH:MM-HH:MM`, local time) and
 * the IANA time-zone check, read as a specification; then a round-trip property over
 * every well-formed slot.
 *
 * A fast-check failure prints its seed and path: pin it by adding the counterexample
 * to the tables below.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { isTimeZone, parseSlot } from '../../src/profile/slots.js';

const DAY_NAMES = [
  ['Mon', 'Monday'],
  ['Tue', 'Tuesday'],
  ['Wed', 'Wednesday'],
  ['Thu', 'Thursday'],
  ['Fri', 'Friday'],
  ['Sat', 'Saturday'],
  ['Sun', 'Sunday'],
] as const;

describe('parseSlot(text)', () => {
  const valid: [string, number, number, number][] = [
    ['Mon 09:00-11:00', 0, 540, 660],
    ['Wed 14:00-15:30', 2, 840, 930],
    ['mon 9:00-10:00', 0, 540, 600],
    ['MONDAY 09:00-10:00', 0, 540, 600],
    ['Tuesday 00:00-24:00', 1, 0, 1440],
    ['Tues 08:15-08:45', 1, 495, 525],
    ['Thur 10:00-11:00', 3, 600, 660],
    ['Thurs 10:00-11:00', 3, 600, 660],
    ['Sun 23:00-24:00', 6, 1380, 1440],
    ['Fri 09:00–10:00', 4, 540, 600], // en dash
    ['  Sat   7:05 - 8:10  ', 5, 425, 490],
    ['Sun 00:00-00:01', 6, 0, 1],
  ];

  it.each(valid)('parseSlot(%j) is day %i, %i–%i minutes', (text, day, start, end) => {
    expect(parseSlot(text)).toEqual({ ok: true, slot: { day, start, end } });
  });

  it.each(DAY_NAMES.flatMap(([short, full], day) => [[short, day], [full, day]] as [string, number][]))(
    'parseSlot accepts the day name %j (day %i)',
    (name, day) => {
      const r = parseSlot(`${name} 10:00-11:00`);
      expect(r.ok && r.slot.day).toBe(day);
    },
  );

  const invalid: [string, unknown, string, string][] = [
    ['an hour of 25', 'Mon 25:00-26:00', 'a time from 00:00 to 24:00', '25:00'],
    ['an end after 24:00', 'Mon 23:00-24:30', 'a time from 00:00 to 24:00', '24:30'],
    ['60 minutes', 'Mon 09:60-10:00', 'a time from 00:00 to 24:00', '09:60'],
    ['a start at 24:00', 'Mon 24:00-24:00', 'a start time before 24:00', '24:00'],
    [
      'an end before the start',
      'Mon 11:00-10:00',
      'an end time after the start time (split a slot that crosses midnight in two)',
      '10:00 after 11:00',
    ],
    [
      'an empty slot (end = start)',
      'Mon 10:00-10:00',
      'an end time after the start time (split a slot that crosses midnight in two)',
      '10:00 after 10:00',
    ],
    ['an unknown day', 'Xyz 09:00-10:00', 'a day such as Mon, Tue, … Sun', '"Xyz"'],
    ['a two-letter day', 'Mo 09:00-10:00', 'a day such as Mon, Tue, … Sun', '"Mo"'],
    ['hours without minutes', 'Mon 9-10', "'Day HH:MM-HH:MM', e.g. 'Mon 09:00-11:00'", '"Mon 9-10"'],
    ['no day', '09:00-10:00', "'Day HH:MM-HH:MM', e.g. 'Mon 09:00-11:00'", '"09:00-10:00"'],
    ['the empty string', '', "'Day HH:MM-HH:MM', e.g. 'Mon 09:00-11:00'", '""'],
    ['a number', 540, "'Day HH:MM-HH:MM', e.g. 'Mon 09:00-11:00'", 'number'],
  ];

  it.each(invalid)('parseSlot rejects %s with what was expected and found', (_, text, expected, found) => {
    expect(parseSlot(text as string)).toEqual({ ok: false, expected, found });
  });

  it('parseSlot rejects prototype keys such as "constructor" and "__proto__" as days', () => {
    for (const d of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(parseSlot(`${d} 09:00-10:00`).ok).toBe(false);
    }
  });

  it('parseSlot round-trips every well-formed slot (property)', () => {
    const slotArb = fc
      .record({
        day: fc.integer({ min: 0, max: 6 }),
        full: fc.boolean(),
        start: fc.integer({ min: 0, max: 1439 }),
        length: fc.integer({ min: 1, max: 1440 }),
        padHour: fc.boolean(),
        dash: fc.constantFrom('-', '–', ' - '),
      })
      .map((s) => ({ ...s, end: Math.min(1440, s.start + s.length) }));
    const hhmm = (m: number, pad: boolean) => `${String(Math.floor(m / 60)).padStart(pad ? 2 : 1, '0')}:${String(m % 60).padStart(2, '0')}`;
    fc.assert(
      fc.property(slotArb, (s) => {
        const text = `${DAY_NAMES[s.day][s.full ? 1 : 0]} ${hhmm(s.start, s.padHour)}${s.dash}${hhmm(s.end, s.padHour)}`;
        expect(parseSlot(text)).toEqual({ ok: true, slot: { day: s.day, start: s.start, end: s.end } });
      }),
      { numRuns: 500 },
    );
  });

  it('parseSlot never throws and returns a slot within 0 ≤ start < end ≤ 1440 (property)', () => {
    const piece = fc.constantFrom('Mon', 'sun', 'Friday', 'Xyz', ' ', '9', '09', '24', '25', ':', '00', '30', '60', '-', '–', '');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }).map((xs) => xs.join('')), (text) => {
        const r = parseSlot(text);
        if (r.ok) {
          expect(r.slot.start).toBeGreaterThanOrEqual(0);
          expect(r.slot.start).toBeLessThan(r.slot.end);
          expect(r.slot.end).toBeLessThanOrEqual(1440);
          expect([0, 1, 2, 3, 4, 5, 6]).toContain(r.slot.day);
        } else {
          expect(typeof r.expected).toBe('string');
          expect(typeof r.found).toBe('string');
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('isTimeZone(tz)', () => {
  it.each(['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'UTC', 'Etc/GMT+5', 'europe/berlin', 'US/Pacific'])(
    'isTimeZone(%j) is true',
    (tz) => {
      expect(isTimeZone(tz)).toBe(true);
    },
  );

  it.each(['Mars/Olympus', 'Europe/Berlinn', '', 'Berlin', '+05:00', 'GMT+25'])('isTimeZone(%j) is false', (tz) => {
    expect(isTimeZone(tz)).toBe(false);
  });

  it('isTimeZone is false for non-strings', () => {
    expect(isTimeZone(42 as unknown as string)).toBe(false);
    expect(isTimeZone(null as unknown as string)).toBe(false);
    expect(isTimeZone(undefined as unknown as string)).toBe(false);
  });
});
