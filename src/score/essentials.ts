/**
 * The essential-fit checklist: the three questions a programme manager asks of a pair
 * first — will the mentor teach what the mentee asked for, can they talk, can they meet?
 * Computed from the encoded profiles, never from the scores.
 *
 * @module
 */
import { AVAIL_WORDS, postings, type EncodedSide, type Postings } from './encode.js';
import type { ScoringContext } from './criteria/types.js';
import { sharedMinutes } from './time/index.js';

/** Bit set in a pair's check byte when the mentor teaches none of the skills the mentee wants at the wanted level. */
export const FAILS_SKILL = 1;
/** Bit set when both people gave languages and they share none. */
export const FAILS_LANGUAGE = 2;
/** Bit set when both people gave availability and they share under {@link ESSENTIAL_MINUTES} a week. */
export const FAILS_TIME = 4;

/** Minutes a week two people must share (in UTC, any runs) for the time check to pass. */
export const ESSENTIAL_MINUTES = 30;

/**
 * Fills `out[j]` with the failed checks (a bit set of {@link FAILS_SKILL},
 * {@link FAILS_LANGUAGE}, {@link FAILS_TIME}; 0 = essential fit) of row person `i`
 * against every column person, skipping `skip[j] !== 0` (forbidden pairs; their byte is
 * left as it was).
 *
 * The checks (each passes when a side gave no data):
 * 1. skill — the mentee wants no skill, or the mentor offers one the mentee wants at the
 *    wanted level or above (a level not given on either side counts as enough);
 * 2. language — either side gave no languages, or they share one;
 * 3. time — either side gave no availability, or they share at least 30 minutes a week
 *    in UTC.
 *
 * Peer pools: the skill check passes when either of the two could teach the other.
 *
 * Work per row: O(people + postings); the time check merges interval lists only for
 * pairs whose week masks meet.
 */
export class EssentialChecks {
  private readonly offered: Postings;
  private readonly wantedCols: Postings;
  private readonly speakers: Postings;
  private readonly hit: Uint8Array;
  private readonly hitLanguage: Uint8Array;

  constructor(private readonly ctx: ScoringContext) {
    const { cols, dict } = ctx;
    this.offered = postings(cols.offered, cols.n, dict.skills.size);
    this.wantedCols = postings(cols.wanted, cols.n, dict.skills.size);
    this.speakers = postings(cols.languages, cols.n, dict.languages.size);
    this.hit = new Uint8Array(cols.n);
    this.hitLanguage = new Uint8Array(cols.n);
  }

  /**
   * The failed-check bits of row `i` against every column (see the class).
   *
   * @param availability - Optional: the availability criterion's scores of this row
   *   (`min(1, m / target)`, m = minutes in runs of at least the minimum meeting length).
   *   A pair with `score · target ≥ 30` shares at least 30 minutes, so its interval lists
   *   need not be merged again.
   * @param target - The availability criterion's target minutes.
   * @param from - The first column to check (the bytes before it are left 0).
   */
  row(i: number, out: Uint8Array, skip?: Uint8Array, availability?: Float64Array, target = 0, from = 0): void {
    const { rows, cols, peer } = this.ctx;
    const C = cols.n;
    const teaches = this.hit;
    const speaks = this.hitLanguage;
    // Skill: mark the mentors that teach one wanted skill at level (peers: either way).
    const wantsSkill = rows.wanted.off[i + 1] > rows.wanted.off[i];
    teaches.fill(0);
    if (wantsSkill) markTeachers(rows, i, this.offered, teaches, false);
    if (peer) markTeachers(rows, i, this.wantedCols, teaches, true);
    const colWants = cols.wanted.off;
    // Language: mark the column people who speak one of row i's languages.
    const L = rows.languages;
    const talks = L.off[i + 1] > L.off[i];
    if (talks) {
      speaks.fill(0);
      for (let k = L.off[i]; k < L.off[i + 1]; k++) {
        const t = L.val[k];
        for (let q = this.speakers.off[t]; q < this.speakers.off[t + 1]; q++) speaks[this.speakers.who[q]] = 1;
      }
    }
    const CL = cols.languages.off;
    // Time: merge interval lists only where the week masks meet and the availability
    // criterion has not already shown 30 minutes.
    const a = rows.avail[i];
    const free = a.length > 0;
    const ma = rows.availMask;
    const mb = cols.availMask;
    const o = AVAIL_WORDS * i;
    const m0 = ma[o];
    const m1 = ma[o + 1];
    const m2 = ma[o + 2];
    const m3 = ma[o + 3];
    for (let j = from; j < C; j++) {
      if (skip && skip[j] !== 0) continue;
      let bits = 0;
      // Peers: fails only when neither can teach the other and somebody wants something.
      if (!teaches[j] && (wantsSkill || (peer && colWants[j + 1] > colWants[j]))) bits = FAILS_SKILL;
      if (talks && !speaks[j] && CL[j + 1] > CL[j]) bits |= FAILS_LANGUAGE;
      if (free) {
        const b = cols.avail[j];
        if (b.length > 0 && !(availability !== undefined && availability[j] * target >= ESSENTIAL_MINUTES)) {
          const q = AVAIL_WORDS * j;
          if (((m0 & mb[q]) | (m1 & mb[q + 1]) | (m2 & mb[q + 2]) | (m3 & mb[q + 3])) === 0 || sharedMinutes(a, b, 0) < ESSENTIAL_MINUTES) bits |= FAILS_TIME;
        }
      }
      out[j] = bits;
    }
  }
}

/**
 * Marks in `hit` the column people who teach row person `i` a wanted skill at level
 * (`reverse = false`: walk i's wanted skills through the offered postings), or whom row
 * person `i` can teach (`reverse = true`: walk i's offered skills through the wanted postings).
 */
function markTeachers(rows: EncodedSide, i: number, post: Postings, hit: Uint8Array, reverse: boolean): void {
  const A = reverse ? rows.offered : rows.wanted;
  for (let k = A.off[i]; k < A.off[i + 1]; k++) {
    const s = A.val[k];
    const mine = A.lvl[k];
    for (let q = post.off[s]; q < post.off[s + 1]; q++) {
      const theirs = post.lvl[q];
      const target = reverse ? theirs : mine;
      const level = reverse ? mine : theirs;
      if (target === 0 || level === 0 || level >= target) hit[post.who[q]] = 1;
    }
  }
}
