/**
 * The quality benchmark's oracle (bench/_quality/oracle.ts) and its cardinality
 * cross-check (bench/_quality/max-matchable.ts): the three essential-fit checks on tiny
 * hand-built participants, so that the benchmark's verdicts can be trusted.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { maxMatchable } from '../../bench/_quality/max-matchable.js';
import {
  FitOracle,
  languageOk,
  overlapMinutes,
  skillOk,
  utcOffsetMinutes,
  utcWeekIntervals,
  WEEK_MINUTES,
  type WeekInterval,
} from '../../bench/_quality/oracle.js';
import { capacitatedAssignment, DEFAULT_REFERENCE_DATE, parseParticipants, type Participant, type ParticipantInput } from '../../src/index.js';

const REF = new Date(DEFAULT_REFERENCE_DATE); // Monday 5 January 2026: no clock changes that week
const oracle = (): FitOracle => new FitOracle(REF);

/** A mentee and a mentor from profile JSON, through the parser (as the benchmark reads them). */
function pair(mentee: Partial<ParticipantInput>, mentor: Partial<ParticipantInput>): [Participant, Participant] {
  const [a, b] = parseParticipants([
    { id: 'mentee', role: 'mentee', ...mentee },
    { id: 'mentor', role: 'mentor', ...mentor },
  ]);
  return [a, b];
}

const sk = (name: string, level?: number) => ({ name, level });

describe('skillOk(wanted, offered)', () => {
  it.each([
    ['nothing wanted', [], [sk('go', 3)], true],
    ['nothing wanted, nothing offered', [], [], true],
    ['offered at the wanted level', [sk('go', 3)], [sk('go', 3)], true],
    ['offered above the wanted level', [sk('go', 3)], [sk('go', 5)], true],
    ['offered below the wanted level', [sk('go', 4)], [sk('go', 3)], false],
    ['no wanted level: any level is enough', [sk('go')], [sk('go', 1)], true],
    ['no offered level: counts as enough', [sk('go', 5)], [sk('go')], true],
    ['another skill', [sk('go', 2)], [sk('rust', 5)], false],
    ['one of several wanted is enough', [sk('go', 5), sk('sql', 2)], [sk('go', 3), sk('sql', 2)], true],
    ['every wanted one too low', [sk('go', 5), sk('sql', 4)], [sk('go', 4), sk('sql', 3)], false],
    ['wants something, offers nothing', [sk('go', 1)], [], false],
  ])('%s', (_, wanted, offered, expected) => {
    expect(skillOk(wanted, offered)).toBe(expected);
  });

  it('reads levels as the parser stores them ("go:4" vs "Go:3")', () => {
    const [e, m] = pair({ skillsWanted: 'go:4' }, { skillsOffered: 'Go:3; SQL' });
    expect(oracle().checks(e, m).skill).toBe(false);
    const [e2, m2] = pair({ skillsWanted: 'go:3; sql:5' }, { skillsOffered: 'Go:3' });
    expect(oracle().checks(e2, m2).skill).toBe(true);
  });
});

describe('languageOk(a, b)', () => {
  it.each([
    ['both gave none', [], [], true],
    ['the mentee gave none', [], ['german'], true],
    ['the mentor gave none', ['english'], [], true],
    ['one shared', ['english', 'german'], ['german', 'polish'], true],
    ['none shared', ['japanese'], ['english', 'german'], false],
  ])('%s', (_, a, b, expected) => {
    expect(languageOk(a, b)).toBe(expected);
  });

  it('compares the normalised values: Deutsch and German are one language', () => {
    const [e, m] = pair({ languages: 'Deutsch' }, { languages: ['German', 'English'] });
    expect(oracle().checks(e, m).language).toBe(true);
    const [e2, m2] = pair({ languages: '日本語' }, { languages: 'EN' });
    expect(oracle().checks(e2, m2).language).toBe(false);
    const [e3, m3] = pair({ languages: '日本語' }, {});
    expect(oracle().checks(e3, m3).language).toBe(true);
  });
});

describe('utcOffsetMinutes(timeZone, instant)', () => {
  const jan = Date.UTC(2026, 0, 5, 12);
  const jul = Date.UTC(2026, 6, 6, 12);
  it.each([
    ['UTC', jan, 0],
    ['Europe/London', jan, 0],
    ['Europe/Berlin', jan, 60],
    ['Europe/Berlin', jul, 120],
    ['America/New_York', jan, -300],
    ['Asia/Kolkata', jan, 330],
    ['Asia/Kathmandu', jan, 345],
    ['America/St_Johns', jan, -210],
    ['Australia/Sydney', jan, 660],
    ['Pacific/Auckland', jan, 780],
  ])('%s', (tz, t, expected) => {
    expect(utcOffsetMinutes(tz, t)).toBe(expected);
  });
});

describe('utcWeekIntervals(slots, timeZone, referenceDate)', () => {
  it('converts local slots to minutes of the UTC week', () => {
    // Berlin is UTC+1 in January: Mon 09:00–10:00 local is Mon 08:00–09:00 UTC.
    expect(utcWeekIntervals([{ day: 0, start: 540, end: 600 }], 'Europe/Berlin', REF)).toEqual([[480, 540]]);
  });
  it('wraps a slot that starts before Monday 00:00 UTC to the end of the week', () => {
    // Mon 00:00–01:00 in Berlin is Sun 23:00–24:00 UTC.
    expect(utcWeekIntervals([{ day: 0, start: 0, end: 60 }], 'Europe/Berlin', REF)).toEqual([[WEEK_MINUTES - 60, WEEK_MINUTES]]);
  });
  it('splits a slot that crosses Sunday → Monday in UTC', () => {
    // Sydney is UTC+11 in January: Mon 10:30–11:30 local is Sun 23:30 – Mon 00:30 UTC.
    expect(utcWeekIntervals([{ day: 0, start: 630, end: 690 }], 'Australia/Sydney', REF)).toEqual([
      [0, 30],
      [WEEK_MINUTES - 30, WEEK_MINUTES],
    ]);
  });
  it('moves a Sunday-evening slot west of UTC past the end of the week', () => {
    // Sun 20:00–21:00 in New York (UTC−5) is Mon 01:00–02:00 UTC.
    expect(utcWeekIntervals([{ day: 6, start: 1200, end: 1260 }], 'America/New_York', REF)).toEqual([[60, 120]]);
  });
  it('reads the slots in the reference week (daylight saving in July)', () => {
    expect(utcWeekIntervals([{ day: 0, start: 540, end: 600 }], 'Europe/Berlin', new Date('2026-07-06'))).toEqual([[420, 480]]);
  });
  it('any date of the week gives the same week (Thursday 8 January 2026)', () => {
    expect(utcWeekIntervals([{ day: 2, start: 600, end: 660 }], 'Asia/Kolkata', new Date('2026-01-08'))).toEqual(
      utcWeekIntervals([{ day: 2, start: 600, end: 660 }], 'Asia/Kolkata', REF),
    );
  });
  it('keeps every minute: the total length is the slots\' total, wrapped or not', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('UTC', 'Europe/Berlin', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Auckland', 'Pacific/Honolulu', 'Asia/Kathmandu'),
        fc.array(fc.record({ day: fc.integer({ min: 0, max: 6 }), start: fc.integer({ min: 0, max: 1439 }), len: fc.integer({ min: 1, max: 240 }) }), { maxLength: 6 }),
        (tz, raw) => {
          // Disjoint local slots (one per day at most) so lengths simply add up.
          const byDay = new Map(raw.map((s) => [s.day, { day: s.day, start: s.start, end: Math.min(1440, s.start + s.len) }]));
          const slots = [...byDay.values()];
          const w = utcWeekIntervals(slots, tz, REF);
          const total = w.reduce((a, [s, e]) => a + e - s, 0);
          expect(total).toBe(slots.reduce((a, s) => a + s.end - s.start, 0));
          for (const [s, e] of w) expect(0 <= s && s < e && e <= WEEK_MINUTES).toBe(true);
          for (let k = 1; k < w.length; k++) expect(w[k][0]).toBeGreaterThan(w[k - 1][1]);
        },
      ),
    );
  });
});

describe('overlapMinutes(a, b)', () => {
  it('equals a minute-by-minute count', () => {
    const intervals = fc
      .array(fc.tuple(fc.integer({ min: 0, max: WEEK_MINUTES - 1 }), fc.integer({ min: 1, max: 300 })), { maxLength: 8 })
      .map((xs) => {
        // Sorted, disjoint: as utcWeekIntervals returns them.
        const on = new Uint8Array(WEEK_MINUTES);
        for (const [s, l] of xs) on.fill(1, s, Math.min(WEEK_MINUTES, s + l));
        const out: [number, number][] = [];
        for (let m = 0; m < WEEK_MINUTES; m++) {
          if (!on[m]) continue;
          if (out.length && out[out.length - 1][1] === m) out[out.length - 1][1] = m + 1;
          else out.push([m, m + 1]);
        }
        return { list: out as WeekInterval[], on };
      });
    fc.assert(
      fc.property(intervals, intervals, (a, b) => {
        let brute = 0;
        for (let m = 0; m < WEEK_MINUTES; m++) brute += a.on[m] & b.on[m];
        expect(overlapMinutes(a.list, b.list)).toBe(brute);
        expect(overlapMinutes(b.list, a.list)).toBe(brute);
      }),
      { numRuns: 200 },
    );
  });
});

describe('FitOracle.checks(mentee, mentor).time', () => {
  const time = (a: Partial<ParticipantInput>, b: Partial<ParticipantInput>): boolean => oracle().checks(...pair(a, b)).time;

  it('passes when either side gave no availability', () => {
    expect(time({}, { tz: 'Asia/Tokyo', availability: 'Sat 03:00-04:00' })).toBe(true);
    expect(time({ tz: 'Asia/Tokyo', availability: 'Sat 03:00-04:00' }, { tz: 'Europe/London' })).toBe(true);
  });

  it('needs 30 minutes: exactly 30 passes, 29 fails', () => {
    // Berlin (UTC+1) Mon 09:00–09:30 = London (UTC+0) Mon 08:00–08:30.
    expect(time({ tz: 'Europe/Berlin', availability: 'Mon 09:00-10:00' }, { tz: 'Europe/London', availability: 'Mon 08:30-09:30' })).toBe(true);
    expect(time({ tz: 'Europe/Berlin', availability: 'Mon 09:00-10:00' }, { tz: 'Europe/London', availability: 'Mon 08:31-09:30' })).toBe(false);
    // Same local clock, different zones: no overlap at all.
    expect(time({ tz: 'Europe/Berlin', availability: 'Mon 09:00-10:00' }, { tz: 'Europe/London', availability: 'Mon 09:00-10:00' })).toBe(false);
  });

  it('adds up several short overlaps', () => {
    // 15 + 15 minutes on two days.
    expect(time({ tz: 'UTC', availability: 'Tue 10:00-10:15; Thu 10:00-10:15' }, { tz: 'Europe/London', availability: 'Tue 09:00-12:00; Thu 09:00-12:00' })).toBe(true);
    expect(time({ tz: 'UTC', availability: 'Tue 10:00-10:15; Thu 10:00-10:14' }, { tz: 'Europe/London', availability: 'Tue 09:00-12:00; Thu 09:00-12:00' })).toBe(false);
  });

  it('across a time-zone boundary and the date line: Tokyo Tuesday morning is New York Monday evening', () => {
    // Tokyo (UTC+9) Tue 08:00–09:00 = Mon 23:00–24:00 UTC = New York (UTC−5) Mon 18:00–19:00.
    expect(time({ tz: 'Asia/Tokyo', availability: 'Tue 08:00-09:00' }, { tz: 'America/New_York', availability: 'Mon 18:30-19:00' })).toBe(true);
    expect(time({ tz: 'Asia/Tokyo', availability: 'Tue 08:00-09:00' }, { tz: 'America/New_York', availability: 'Mon 18:31-19:30' })).toBe(false);
    expect(time({ tz: 'Asia/Tokyo', availability: 'Tue 08:00-09:00' }, { tz: 'America/New_York', availability: 'Tue 18:00-19:00' })).toBe(false);
    // Half-hour zones: Kolkata (UTC+5:30) Mon 14:00–15:00 = Berlin Mon 09:30–10:30.
    expect(time({ tz: 'Asia/Kolkata', availability: 'Mon 14:00-15:00' }, { tz: 'Europe/Berlin', availability: 'Mon 10:00-10:30' })).toBe(true);
    expect(time({ tz: 'Asia/Kolkata', availability: 'Mon 14:00-15:00' }, { tz: 'Europe/Berlin', availability: 'Mon 10:01-11:00' })).toBe(false);
  });

  it('across the week wrap: Auckland Monday morning is London Sunday evening', () => {
    // Auckland (UTC+13 in January) Mon 09:00–10:00 = Sun 20:00–21:00 UTC.
    expect(time({ tz: 'Pacific/Auckland', availability: 'Mon 09:00-10:00' }, { tz: 'Europe/London', availability: 'Sun 20:30-22:00' })).toBe(true);
    expect(time({ tz: 'Pacific/Auckland', availability: 'Mon 09:00-10:00' }, { tz: 'Europe/London', availability: 'Sun 20:31-22:00' })).toBe(false);
    expect(time({ tz: 'Pacific/Auckland', availability: 'Mon 09:00-10:00' }, { tz: 'Europe/London', availability: 'Mon 20:00-21:00' })).toBe(false);
  });

  it('across the wrap on both sides of it: 15 min before and 15 min after Monday 00:00 UTC count together', () => {
    // Sydney (UTC+11) Mon 10:45–11:15 = Sun 23:45 – Mon 00:15 UTC.
    const sydney = { tz: 'Australia/Sydney', availability: 'Mon 10:45-11:15' };
    expect(time(sydney, { tz: 'UTC', availability: 'Sun 23:00-24:00; Mon 00:00-01:00' })).toBe(true);
    expect(time(sydney, { tz: 'UTC', availability: 'Sun 23:00-24:00' })).toBe(false); // 15 min
    expect(time(sydney, { tz: 'UTC', availability: 'Sun 23:46-24:00; Mon 00:00-00:15' })).toBe(false); // 29 min
  });
});

describe('FitOracle.fits(mentee, mentor)', () => {
  it('is the conjunction of the three checks', () => {
    const o = oracle();
    const [e, m] = pair(
      { skillsWanted: 'go:3', languages: 'English', tz: 'Europe/Berlin', availability: 'Mon 09:00-10:00' },
      { skillsOffered: 'go:4', languages: 'English', tz: 'Europe/London', availability: 'Mon 08:00-09:00' },
    );
    expect(o.checks(e, m)).toEqual({ skill: true, language: true, time: true });
    expect(o.fits(e, m)).toBe(true);
    const [e2, m2] = pair({ skillsWanted: 'go:5', languages: 'English' }, { skillsOffered: 'go:4', languages: 'English' });
    expect(o.checks(e2, m2)).toEqual({ skill: false, language: true, time: true });
    expect(o.fits(e2, m2)).toBe(false);
  });
});

describe('maxMatchable(R, C, forbidden, capacity)', () => {
  it('agrees with the count capacitatedAssignment assigns', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (R, C, seed) => {
          let s = seed;
          const rand = (): number => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
          const forbidden = Uint8Array.from({ length: R * C }, () => (rand() < 0.5 ? 1 : 0));
          const capacity = Array.from({ length: C }, () => Math.floor(rand() * 3));
          const data = Float64Array.from(forbidden, (f) => (f ? -Infinity : 0));
          const ref = capacitatedAssignment({ rows: R, cols: C, data }, { capacity, maximize: true }).assignedCount;
          expect(maxMatchable(R, C, forbidden, capacity)).toBe(ref);
        },
      ),
      { numRuns: 300 },
    );
  });
});
