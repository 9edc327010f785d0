/**
 * Why someone is unmatched: the actual cause, with the evidence — the one place these
 * sentences are written.
 *
 * @module
 */
import type { Participant } from '../profile/types.js';
import { FAILS_LANGUAGE, FAILS_SKILL, FAILS_TIME } from '../score/essentials.js';
import type { CompatibilityMatrix } from '../score/matrix.js';
import type { ResolvedMatchOptions } from './config.js';
import type { UnmatchedReason } from './types.js';

/** How the candidates of one person (a row or a column) stand. */
interface Candidates {
  /** People on the other side. */
  readonly n: number;
  /** Those this person may be matched with. */
  readonly allowed: number;
  readonly belowMin: number;
  /** `<count> by <rule>`, most first. */
  readonly rules: readonly string[];
}

/**
 * Counts, per person, of what {@link candidates} reports (filled pair by pair), in an
 * `Int32Array` (so that threads can fill them in shared memory): at {@link TALLY} `.n` the
 * people on the other side, `.allowed`, `.belowMin`, `.locked`, then from `.byRule` one
 * count per rule code − 1.
 */
export type Tally = Int32Array;

/** Where each count of a {@link Tally} is. */
export const TALLY = Object.freeze({ n: 0, allowed: 1, belowMin: 2, locked: 3, byRule: 4 });

/** The length of a {@link Tally} for `ruleCount` rule codes. */
export function tallyWidth(ruleCount: number): number {
  return TALLY.byRule + ruleCount;
}

/** An empty {@link Tally} for `ruleCount` rule codes. */
export function newTally(ruleCount: number): Tally {
  return new Int32Array(tallyWidth(ruleCount));
}

/** Counts one pair of a person's candidates into the tally at `t[at…]`, from its value, rule code and score. */
function tally(t: Int32Array, at: number, value: number, code: number, score: number, minScore: number): void {
  if (code) t[at + TALLY.byRule + code - 1]++;
  else if (score < minScore) t[at + TALLY.belowMin]++;
  else if (value !== -Infinity) t[at + TALLY.allowed]++;
  else t[at + TALLY.locked]++;
}

/**
 * Adds row `i` of a bipartite matrix to the column tallies (`tallies`: one {@link Tally}
 * per column, end to end): what {@link mentorReason} reports of a mentor's candidates,
 * gathered row by row so that a streamed pass never scans a column.
 */
export function tallyColumns(tallies: Int32Array, v: RowView, minScore: number): void {
  const C = v.value.length;
  const w = tallies.length / C;
  for (let j = 0, at = 0; j < C; j++, at += w) {
    tallies[at + TALLY.n]++;
    tally(tallies, at, v.value[j], v.code[j], v.scores[j], minScore);
  }
}

function describe(t: Tally, ruleNames: readonly string[]): Candidates {
  const byRule = new Map<string, number>();
  ruleNames.forEach((name, k) => t[TALLY.byRule + k] > 0 && byRule.set(name, t[TALLY.byRule + k]));
  if (t[TALLY.locked] > 0) byRule.set('locked', t[TALLY.locked]);
  const rules = [...byRule].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([r, c]) => `${c} by ${r}`);
  return { n: t[TALLY.n], allowed: t[TALLY.allowed], belowMin: t[TALLY.belowMin], rules };
}

/** The tally of row `i`'s candidates from its row view (peers: the person themself left out). */
export function rowTally(v: RowView, i: number, kind: 'bipartite' | 'peer', ruleCount: number, minScore: number): Tally {
  const C = v.value.length;
  const t = newTally(ruleCount);
  t[TALLY.n] = C;
  for (let j = 0; j < C; j++) if (kind !== 'peer' || i !== j) tally(t, 0, v.value[j], v.code[j], v.scores[j], minScore);
  return t;
}

/** How row `i`'s candidates stand. */
function rowCandidates(rows: RowSource, matrix: CompatibilityMatrix, i: number, minScore: number): Candidates {
  const t = rows.facts?.(i)?.tally ?? rowTally(rows.row(i), i, matrix.kind, matrix.ruleNames.length, minScore);
  return describe(t, matrix.ruleNames);
}

/** One row of a matrix as the reasons read it: solver values, rule codes, scores and essential-fit bits. */
export interface RowView {
  readonly value: ArrayLike<number>;
  readonly code: ArrayLike<number>;
  readonly scores: ArrayLike<number>;
  readonly checks: ArrayLike<number>;
}

/**
 * Where the reasons read rows from: views into the dense matrix and values, or rows
 * scored again on demand (the candidate path keeps no dense matrix). A view is valid
 * until the next call.
 */
export interface RowSource {
  row(i: number): RowView;
  /** The number of allowed essential-fit columns of row `i`. */
  fitCount(i: number): number;
  /** The tally of column `j`'s candidates (bipartite). */
  column(j: number): Tally;
  /** Optional: row `i`'s tally and scan, gathered in a streamed pass (so that no row is scored again for its reason). */
  facts?(i: number): RowFacts | undefined;
}

/** What the reasons learn from one mentee's row: its candidates' tally and the {@link RowScan}. */
export interface RowFacts {
  readonly tally: Tally;
  readonly scan: RowScan;
}

/**
 * The {@link RowSource} of a dense matrix and its solver values.
 *
 * @example
 * ```ts
 * const rows = denseRows(matrix, value.data);
 * rows.row(3).value[0]; // the solver value of pair (3, 0)
 * ```
 */
export function denseRows(matrix: CompatibilityMatrix, value: Float64Array, minScore: number): RowSource {
  const C = matrix.cols;
  const view = (i: number): RowView => ({
    value: value.subarray(i * C, (i + 1) * C),
    code: matrix.forbidden.subarray(i * C, (i + 1) * C),
    scores: matrix.scores.subarray(i * C, (i + 1) * C),
    checks: matrix.checks.subarray(i * C, (i + 1) * C),
  });
  const fits = new Map<number, number>();
  return {
    row: view,
    fitCount(i) {
      let n = fits.get(i);
      if (n === undefined) fits.set(i, (n = countFits(view(i))));
      return n;
    },
    column(j) {
      const t = newTally(matrix.ruleNames.length);
      for (let i = 0; i < matrix.rows; i++) {
        const k = i * C + j;
        t[TALLY.n]++;
        tally(t, 0, value[k], matrix.forbidden[k], matrix.scores[k], minScore);
      }
      return t;
    },
  };
}

/** Allowed essential-fit columns of a row. */
export function countFits(v: RowView): number {
  let n = 0;
  for (let j = 0; j < v.value.length; j++) if (v.value[j] !== -Infinity && v.code[j] === 0 && v.checks[j] === 0) n++;
  return n;
}

/** The reason when nobody is even a candidate: nobody there, forbidden by rules, or below the minimum score. */
function noCandidate(c: Candidates, other: string, minScore: number): UnmatchedReason | undefined {
  if (c.allowed > 0) return undefined;
  if (c.n === 0) return { code: 'no-candidates', message: `there is no ${other}` };
  if (c.belowMin === 0) return { code: 'all-forbidden', message: `every ${other} is excluded: ${c.rules.join(', ')}` };
  const also = c.rules.length ? `; the others are excluded: ${c.rules.join(', ')}` : '';
  return { code: 'below-min-score', message: `every allowed ${other} (${c.belowMin}) scores below the minimum score of ${Math.round(100 * minScore)}${also}` };
}

/** What a bipartite solve ended with: what the reasons read. */
export interface BipartiteOutcome {
  readonly matrix: CompatibilityMatrix;
  /** The rows of solver values, rule codes, scores and checks (dense views, or scored again). */
  readonly rows: RowSource;
  readonly mentees: readonly Participant[];
  readonly mentors: readonly Participant[];
  /** Each mentor's places in this mode (before locked pairs). */
  readonly places: Int32Array;
  /** Each mentor's mentees in the result (locked pairs included). */
  readonly members: readonly (readonly number[])[];
  /** Locked pairs as (mentee, mentor) indices. */
  readonly locked: ReadonlySet<number>;
  /** Quota group of each mentee (−1: none) and the pairs each group holds in the result. */
  readonly quota?: { readonly of: Int32Array; readonly used: Int32Array } | undefined;
  /** True when undersized groups were dissolved. */
  readonly anyDissolved: boolean;
  readonly options: ResolvedMatchOptions;
}

const list = (xs: readonly string[], max: number): string => (xs.length > max ? `${xs.slice(0, max).join(', ')} and ${xs.length - max} more` : xs.join(', '));
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
const nameOf = (p: Participant): string => (p.name ? `${p.id} (${p.name})` : p.id);

/**
 * Why mentee `i` has no mentor. In order: nobody to pair with, rules, the minimum score;
 * no places offered; a full quota; dissolved groups; no shared language with any
 * mentor they could have; places held by locked pairs; else the fitting mentors are
 * full — naming them and who holds their places, and why.
 *
 * @example
 * ```ts
 * menteeReason(outcome, 4); // { code: 'quota', message: 'the quota site = hq (at most 10 pairs) is full: …' }
 * ```
 */
export function menteeReason(out: BipartiteOutcome, i: number): UnmatchedReason {
  const { matrix, mentors, options: o } = out;
  const C = matrix.cols;
  const none = noCandidate(rowCandidates(out.rows, matrix, i, o.minScore), 'mentor', o.minScore);
  if (none) return none;
  const scan = scanRow(out, i);
  const { allowed } = scan;
  if (!scan.anyPlace) {
    return { code: 'no-places', message: `none of the ${plural(allowed, 'mentor')} this mentee could have offers a place (capacity 0 in this mode)` };
  }
  const g = out.quota ? out.quota.of[i] : -1;
  if (g >= 0 && out.quota!.used[g] >= o.quotas[g].max) {
    const q = o.quotas[g];
    return { code: 'quota', message: `the quota ${q.attribute} = ${String(q.value)} (at most ${plural(q.max, 'pair')}) is full: its mentees already hold ${plural(out.quota!.used[g], 'pair')}` };
  }
  if (out.anyDissolved) {
    return { code: 'group-dissolved', message: `the groups of the ${plural(allowed, 'mentor')} this mentee could join were full or dissolved for being below the minimum size` };
  }
  const me = out.mentees[i];
  if (me.languages.length > 0 && scan.failLanguage === allowed) {
    const spoken = new Set<string>();
    const v = out.rows.row(i);
    for (let j = 0; j < C; j++) if (v.value[j] !== -Infinity) for (const l of mentors[j].languages) spoken.add(l);
    return {
      code: 'no-shared-language',
      message: `no mentor this mentee could have speaks ${me.languages.join(' or ')}: the ${plural(allowed, 'mentor')} speak ${list([...spoken].sort(), 6)}, and their places went to mentees who share a language with them`,
    };
  }
  return fullReason(out, i, scan);
}

/** What {@link menteeReason} learns from one pass over a mentee's row. */
export interface RowScan {
  /** Allowed mentors, and how many of them fail each essential check. */
  readonly allowed: number;
  readonly failSkill: number;
  readonly failLanguage: number;
  readonly failTime: number;
  /** Essential-fit mentors, and the best 3 of them by value. */
  readonly fitN: number;
  readonly topFit: readonly number[];
  /** The best 3 allowed mentors. */
  readonly topAny: readonly number[];
  /** Whether any allowed mentor has a place in this mode. */
  readonly anyPlace: boolean;
  /** Places held by locked pairs at the essential-fit mentors / at every allowed mentor, and those mentors. */
  readonly heldFit: number;
  readonly heldAllowed: number;
  readonly heldAtFit: readonly number[];
  readonly heldAt: readonly number[];
}

/** One pass over mentee `i`'s row: what every check of {@link menteeReason} needs (the row may have thousands of mentors). */
function scanRow(out: BipartiteOutcome, i: number): RowScan {
  return out.rows.facts?.(i)?.scan ?? scanView(out.rows.row(i), out.places, lockedPerMentor(out));
}

/**
 * The {@link RowScan} of one mentee's row view, given each mentor's places in this mode
 * and the places their locked pairs hold.
 */
export function scanView(v: RowView, places: Int32Array, lockedAt: Int32Array): RowScan {
  const C = v.value.length;
  const { value, code: forbidden, checks } = v;
  const topFit: number[] = [];
  const topAny: number[] = [];
  const heldAtFit: number[] = [];
  const heldAt: number[] = [];
  let fitN = 0;
  let failSkill = 0;
  let failLanguage = 0;
  let failTime = 0;
  let allowed = 0;
  let anyPlace = false;
  let heldFit = 0;
  let heldAllowed = 0;
  for (let j = 0; j < C; j++) {
    if (value[j] === -Infinity) continue;
    allowed++;
    if (places[j] > 0) anyPlace = true;
    const bad = checks[j];
    const fit = bad === 0 && forbidden[j] === 0;
    if (bad & FAILS_SKILL) failSkill++;
    if (bad & FAILS_LANGUAGE) failLanguage++;
    if (bad & FAILS_TIME) failTime++;
    if (lockedAt[j] > 0) {
      heldAllowed += lockedAt[j];
      heldAt.push(j);
      if (fit) (heldFit += lockedAt[j], heldAtFit.push(j));
    }
    if (fit) {
      fitN++;
      keepBest(topFit, j, value);
    }
    keepBest(topAny, j, value);
  }
  return { allowed, failSkill, failLanguage, failTime, fitN, topFit, topAny, anyPlace, heldFit, heldAllowed, heldAtFit, heldAt };
}

/**
 * The mentors that matter (the essential fits, else every allowed mentor) are full: held
 * by locked pairs (`locked`), or their places went to other mentees (`no-capacity`),
 * naming the best 3 and who holds their places.
 */
function fullReason(out: BipartiteOutcome, i: number, scan: RowScan): UnmatchedReason {
  const { matrix, mentors, places, members } = out;
  const C = matrix.cols;
  const { fitN, allowed } = scan;
  const relevant = fitN ? scan.topFit : scan.topAny;
  const count = fitN || allowed;
  const held = fitN ? scan.heldAtFit : scan.heldAt;
  const heldByLocked = fitN ? scan.heldFit : scan.heldAllowed;
  let who = `the ${plural(count, 'mentor')} this mentee could have${fitN ? ' with an essential fit' : ''}`;
  if (fitN === 0) {
    const parts = [
      ...(scan.failSkill ? [`${scan.failSkill} teach no skill they want at level`] : []),
      ...(scan.failLanguage ? [`${scan.failLanguage} share no language`] : []),
      ...(scan.failTime ? [`${scan.failTime} share no time`] : []),
    ];
    who = `none of the ${plural(allowed, 'mentor')} this mentee could have is an essential fit (${parts.join(', ')}), and all`;
  }
  const be = count === 1 ? 'is' : 'are';
  if (heldByLocked > 0) {
    const lockedMentees = (j: number): string => members[j].filter((x) => out.locked.has(x * C + j)).map((x) => out.mentees[x].id).join(', ');
    return { code: 'locked', message: `${who} ${be} full, and ${plural(heldByLocked, 'place is', 'places are')} held by locked pairs: ${list(held.map((j) => `${mentors[j].id} (${lockedMentees(j)})`), 4)}` };
  }
  const holder = (x: number): string => (fitCount(out, x) === 1 ? `${out.mentees[x].id} (their only essential fit)` : out.mentees[x].id);
  const shown = relevant.slice(0, 3).map((j) => `${nameOf(mentors[j])} (${plural(places[j], 'place')}, score ${(100 * matrix.score(i, j)).toFixed(1)} with this mentee) went to ${list(members[j].map(holder), 4)}`);
  return {
    code: 'no-capacity',
    message:
      `${who} ${be} full: ${shown.join('; ')}${count > 3 ? `; and ${count - 3} more` : ''}. ` +
      'Giving this mentee one of those places would leave another mentee without a mentor or without an essential fit, or lower the total',
  };
}

/** Keeps in `top` the (at most) 3 columns of highest value, ties to the lower column. */
function keepBest(top: number[], j: number, value: ArrayLike<number>): void {
  const v = value[j];
  let at = top.length;
  while (at > 0 && v > value[top[at - 1]]) at--;
  if (at >= 3) return;
  top.splice(at, 0, j);
  if (top.length > 3) top.pop();
}

const LOCKED_AT = new WeakMap<BipartiteOutcome, Int32Array>();

/** Places each mentor's locked pairs hold (cached per outcome). */
function lockedPerMentor(out: BipartiteOutcome): Int32Array {
  let a = LOCKED_AT.get(out);
  if (!a) {
    a = new Int32Array(out.matrix.cols);
    for (const k of out.locked) a[k % out.matrix.cols]++;
    LOCKED_AT.set(out, a);
  }
  return a;
}

/** How many allowed essential-fit mentors mentee `i` has. */
function fitCount(out: BipartiteOutcome, i: number): number {
  return out.rows.fitCount(i);
}

/**
 * Why mentor `j` has no mentee: a dissolved group (below `dissolvedBelow`, its minimum;
 * −1 when not dissolved), no places, nobody allowed, or every possible mentee better
 * served by another mentor.
 *
 * @example
 * ```ts
 * mentorReason(outcome, 2, -1); // { code: 'not-needed', message: 'the 14 mentees this mentor could take …' }
 * ```
 */
export function mentorReason(out: BipartiteOutcome, j: number, dissolvedBelow: number): UnmatchedReason {
  if (dissolvedBelow >= 0) {
    return { code: 'group-dissolved', message: `this mentor would have had fewer than ${dissolvedBelow} mentees (their minimum), so the group was dissolved` };
  }
  const o = out.options;
  const c = describe(out.rows.column(j), out.matrix.ruleNames);
  const none = noCandidate(c, 'mentee', o.minScore);
  if (none) return none;
  if (out.places[j] === 0) return { code: 'no-places', message: 'this mentor offers no places (capacity 0 in this mode)' };
  return { code: 'not-needed', message: `the ${plural(c.allowed, 'mentee')} this mentor could take were better served by other mentors` };
}

/**
 * Why peer `i` is in no pair or circle (`circleSize`: the circle size, or undefined in pair mode).
 *
 * @example
 * ```ts
 * peerReason(denseRows(matrix, value, options.minScore), matrix, 7, options, undefined); // { code: 'odd-one-out', message: 'left out so that …' }
 * ```
 */
export function peerReason(rows: RowSource, matrix: CompatibilityMatrix, i: number, o: ResolvedMatchOptions, circleSize: number | undefined): UnmatchedReason {
  const c = rowCandidates(rows, matrix, i, o.minScore);
  const none = noCandidate(c, 'peer', o.minScore);
  if (none) return none;
  const k = circleSize;
  if (k === undefined) {
    return { code: 'odd-one-out', message: `left out so that everyone else could be paired at the best total (${c.allowed} allowed partner${c.allowed === 1 ? '' : 's'} were taken)` };
  }
  return {
    code: 'not-in-circle',
    message: `not placed in a circle: no circle of ${k}–${k + 1} had room for someone every member may be paired with (${c.allowed} allowed partner${c.allowed === 1 ? ' is' : 's are'} in other circles)`,
  };
}
