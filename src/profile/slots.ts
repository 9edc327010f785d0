import type { Slot } from './types.js';

/** Day names accepted in slots (English, three letters or full, any case). */
const DAYS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    mon: 0, monday: 0, tue: 1, tues: 1, tuesday: 1, wed: 2, wednesday: 2, thu: 3, thur: 3, thurs: 3, thursday: 3,
    fri: 4, friday: 4, sat: 5, saturday: 5, sun: 6, sunday: 6,
  }),
);

/** Outcome of {@link parseSlot}: a slot, or what was expected and what was found. */
export type SlotParse =
  | { readonly ok: true; readonly slot: Slot }
  | { readonly ok: false; readonly expected: string; readonly found: string };

const SLOT_RE = /^\s*([A-Za-z]+)\s+(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})\s*$/u;

/**
 * Parses a weekly availability slot in local time: `Mon 09:00-11:00`. Days are English
 * names or three-letter abbreviations (any case); times are `H:MM` or `HH:MM`, 24-hour,
 * with `24:00` allowed as an end; the end must be after the start (a slot that crosses
 * midnight is written as two slots).
 *
 * @example
 * ```ts
 * parseSlot('Wed 14:00-15:30'); // { ok: true, slot: { day: 2, start: 840, end: 930 } }
 * parseSlot('Mon 25:00-26:00'); // { ok: false, expected: 'a time from 00:00 to 24:00', found: '25:00' }
 * ```
 */
export function parseSlot(text: string): SlotParse {
  const expectedShape = "'Day HH:MM-HH:MM', e.g. 'Mon 09:00-11:00'";
  if (typeof text !== 'string') return { ok: false, expected: expectedShape, found: typeof text };
  const m = SLOT_RE.exec(text);
  if (!m) return { ok: false, expected: expectedShape, found: JSON.stringify(text) };
  const day = DAYS.get(m[1].toLowerCase());
  if (day === undefined) {
    return { ok: false, expected: 'a day such as Mon, Tue, … Sun', found: JSON.stringify(m[1]) };
  }
  const start = time(m[2], m[3]);
  const end = time(m[4], m[5]);
  for (const [t, h, mm] of [
    [start, m[2], m[3]],
    [end, m[4], m[5]],
  ] as const) {
    if (t === undefined) return { ok: false, expected: 'a time from 00:00 to 24:00', found: `${h}:${mm}` };
  }
  if (start! >= 1440) return { ok: false, expected: 'a start time before 24:00', found: `${m[2]}:${m[3]}` };
  if (end! <= start!) {
    return {
      ok: false,
      expected: 'an end time after the start time (split a slot that crosses midnight in two)',
      found: `${m[4]}:${m[5]} after ${m[2]}:${m[3]}`,
    };
  }
  return { ok: true, slot: { day, start: start!, end: end! } };
}

function time(h: string, mm: string): number | undefined {
  const hours = Number(h);
  const minutes = Number(mm);
  if (hours > 24 || minutes > 59 || (hours === 24 && minutes !== 0)) return undefined;
  return hours * 60 + minutes;
}

/**
 * True when `tz` is an IANA time zone this runtime knows (through `Intl`, so it works in
 * browsers too).
 *
 * @example
 * ```ts
 * isTimeZone('Europe/Berlin'); // true
 * isTimeZone('Mars/Olympus');  // false
 * ```
 */
export function isTimeZone(tz: string): boolean {
  if (typeof tz !== 'string' || tz.length === 0) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
