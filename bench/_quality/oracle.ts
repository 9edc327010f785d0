/**
 * The essential-fit oracle of the quality benchmark: the programme manager's three
 * questions about a (mentee, mentor) pair, answered from the parsed profiles alone.
 *
 * Written independently of the engine on purpose: nothing here imports `src/score/**`
 * (no encoded profiles, no `sharedMinutes`, no offset tables). The only thing shared with
 * the engine is the reference date (`DEFAULT_REFERENCE_DATE`), so that both read local
 * slots in the same calendar week. Time-zone offsets come from `Intl.DateTimeFormat`'s
 * `timeZoneName: 'longOffset'` ("GMT+05:30"), a different route from the engine's.
 *
 * A pair is an **essential fit** when all three checks pass:
 * 1. skill — the mentee wants no skill, or the mentor offers one the mentee wants at the
 *    wanted level or above (a level not given on either side counts as enough);
 * 2. language — either side gave no languages, or they share one (parsed values);
 * 3. time — either side gave no availability, or they share ≥ {@link ESSENTIAL_MINUTES}
 *    minutes a week in UTC (any runs, summed).
 */
import type { Participant, Skill, Slot } from '../../src/index.js';

/** Minutes a week two people must share for the time check. */
export const ESSENTIAL_MINUTES = 30;
/** Minutes in a week. */
export const WEEK_MINUTES = 7 * 1440;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

// --- skill and language -------------------------------------------------------------

/** Check 1: does the mentor teach one wanted skill at the wanted level (or is nothing wanted)? */
export function skillOk(wanted: readonly Skill[], offered: readonly Skill[]): boolean {
  if (wanted.length === 0) return true;
  for (const w of wanted) {
    for (const o of offered) {
      if (o.name !== w.name) continue;
      if (w.level === undefined || o.level === undefined || o.level >= w.level) return true;
    }
  }
  return false;
}

/** Check 2: no languages on one side, or one language in common. */
export function languageOk(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  for (const x of a) if (b.includes(x)) return true;
  return false;
}

// --- time ---------------------------------------------------------------------------

/** A half-open interval [start, end) of minutes of the UTC week, 0 ≤ start < end ≤ 10080. */
export type WeekInterval = readonly [start: number, end: number];

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * UTC offset of `timeZone` at instant `ms`, in minutes (east positive), read from the
 * `longOffset` zone name ("GMT", "GMT+05:30", "GMT-03:00").
 */
export function utcOffsetMinutes(timeZone: string, ms: number): number {
  let f = offsetFormatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormatters.set(timeZone, f);
  }
  const name = f.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? '';
  const m = /^GMT(?:([+\-\u2212])(\d{1,2})(?::?(\d{2}))?(?::?(\d{2}))?)?$/u.exec(name);
  if (m === null) throw new Error(`oracle: cannot read the UTC offset of ${timeZone} from ${JSON.stringify(name)}`);
  if (m[1] === undefined) return 0;
  const sign = m[1] === '+' ? 1 : -1;
  return sign * (Number(m[2]) * 60 + Number(m[3] ?? 0) + Number(m[4] ?? 0) / 60);
}

/** Monday 00:00 UTC of the week (Monday–Sunday, UTC calendar) that contains `date`. */
export function weekStartUtc(date: Date): number {
  const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const dow = (new Date(day).getUTCDay() + 6) % 7; // 0 = Monday
  return day - dow * DAY_MS;
}

/**
 * The instant (ms) at which the clock in `timeZone` reads the wall time `wallMs` (the
 * local date and time written as if it were UTC). Two rounds of `instant = wall − offset`;
 * exact away from clock changes (there are none in the reference week of January).
 */
export function wallToInstant(wallMs: number, timeZone: string): number {
  const guess = wallMs - utcOffsetMinutes(timeZone, wallMs) * MINUTE_MS;
  return wallMs - utcOffsetMinutes(timeZone, guess) * MINUTE_MS;
}

/**
 * Weekly local slots → sorted, disjoint intervals of the UTC week. Slot `day` d is read on
 * the d-th day of the reference week; both ends are converted with the offset in force
 * there, taken modulo the week (a piece past Sunday 24:00 UTC wraps to Monday 00:00).
 */
export function utcWeekIntervals(slots: readonly Slot[], timeZone: string | undefined, referenceDate: Date): WeekInterval[] {
  if (slots.length === 0) return [];
  if (timeZone === undefined) throw new Error('oracle: availability without a time zone (the parser should have refused it)');
  const week = weekStartUtc(referenceDate);
  const pieces: [number, number][] = [];
  for (const s of slots) {
    const a = (wallToInstant(week + s.day * DAY_MS + s.start * MINUTE_MS, timeZone) - week) / MINUTE_MS;
    const b = (wallToInstant(week + s.day * DAY_MS + s.end * MINUTE_MS, timeZone) - week) / MINUTE_MS;
    const length = b - a;
    if (!(length > 0)) continue;
    const start = ((a % WEEK_MINUTES) + WEEK_MINUTES) % WEEK_MINUTES;
    const end = start + length;
    if (end <= WEEK_MINUTES) pieces.push([start, end]);
    else pieces.push([start, WEEK_MINUTES], [0, end - WEEK_MINUTES]);
  }
  pieces.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out: [number, number][] = [];
  for (const p of pieces) {
    const last = out[out.length - 1];
    if (last !== undefined && p[0] <= last[1]) last[1] = Math.max(last[1], p[1]);
    else out.push([p[0], p[1]]);
  }
  return out;
}

/** Minutes two sorted, disjoint interval lists have in common. */
export function overlapMinutes(a: readonly WeekInterval[], b: readonly WeekInterval[]): number {
  let i = 0;
  let j = 0;
  let total = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i][0], b[j][0]);
    const hi = Math.min(a[i][1], b[j][1]);
    if (hi > lo) total += hi - lo;
    if (a[i][1] < b[j][1]) i++;
    else j++;
  }
  return total;
}

/** Check 3: no availability on one side, or ≥ 30 minutes a week in common (UTC). */
export function timeOk(a: readonly WeekInterval[], b: readonly WeekInterval[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  return overlapMinutes(a, b) >= ESSENTIAL_MINUTES;
}

// --- the three checks on participants ---------------------------------------------

/** The outcome of the three checks for one pair. */
export interface FitChecks {
  readonly skill: boolean;
  readonly language: boolean;
  readonly time: boolean;
}

/**
 * The oracle for a cohort: each participant's UTC week computed once, then any (mentee,
 * mentor) pair checked from the profiles.
 */
export class FitOracle {
  private readonly weeks = new Map<string, WeekInterval[]>();

  constructor(private readonly referenceDate: Date) {}

  /** The participant's availability as UTC week intervals (cached by id). */
  week(p: Participant): readonly WeekInterval[] {
    let w = this.weeks.get(p.id);
    if (w === undefined) {
      w = utcWeekIntervals(p.availability, p.timeZone, this.referenceDate);
      this.weeks.set(p.id, w);
    }
    return w;
  }

  /** The three checks of (mentee, mentor). */
  checks(mentee: Participant, mentor: Participant): FitChecks {
    return {
      skill: skillOk(mentee.skillsWanted, mentor.skillsOffered),
      language: languageOk(mentee.languages, mentor.languages),
      time: timeOk(this.week(mentee), this.week(mentor)),
    };
  }

  /** True when all three checks pass (short-circuits: cheapest first). */
  fits(mentee: Participant, mentor: Participant): boolean {
    return (
      languageOk(mentee.languages, mentor.languages) &&
      skillOk(mentee.skillsWanted, mentor.skillsOffered) &&
      timeOk(this.week(mentee), this.week(mentor))
    );
  }
}
