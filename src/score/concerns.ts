/**
 * Concerns: what a programme manager should look at in a pair before accepting it.
 *
 * @module
 */
import { requireIndex, requireList } from '../_internal/args.js';
import { isReversePair } from './criteria/numeric.js';
import type { ScoringContext } from './criteria/types.js';
import { who } from './criteria/types.js';
import type { EncodedSide } from './encode.js';
import { ESSENTIAL_MINUTES, EssentialChecks, FAILS_LANGUAGE, FAILS_SKILL, FAILS_TIME } from './essentials.js';
import { internalsOf, requireMatrix, type CompatibilityMatrix } from './matrix.js';
import { offsetGapHours, sharedMinutes } from './time/index.js';

/**
 * The concern codes, in the order they are reported:
 * - `no-wanted-skill`: the mentor teaches none of the skills the mentee wants at the wanted level;
 * - `no-shared-language`: both gave languages and they share none;
 * - `no-common-time`: both gave availability and they share under 30 minutes a week;
 * - `time-zone-gap`: their time zones are {@link CONCERN_TIME_ZONE_GAP_HOURS} hours or more apart;
 * - `mentor-not-senior`: both gave a seniority and the mentor is not more senior (not in
 *   a reverse-mentoring pair, nor between peers).
 */
export const CONCERN_CODES = ['no-wanted-skill', 'no-shared-language', 'no-common-time', 'time-zone-gap', 'mentor-not-senior'] as const;

/**
 * Short labels of the concern codes, for badges, charts and tables (the full message goes
 * with each pair).
 *
 * @example
 * ```ts
 * CONCERN_LABELS['no-shared-language']; // 'no shared language'
 * ```
 */
export const CONCERN_LABELS: Readonly<Record<ConcernCode, string>> = {
  'no-wanted-skill': 'no wanted skill',
  'no-shared-language': 'no shared language',
  'no-common-time': 'no common time',
  'time-zone-gap': 'time-zone gap',
  'mentor-not-senior': 'mentor not senior',
};

/** One of {@link CONCERN_CODES}. */
export type ConcernCode = (typeof CONCERN_CODES)[number];

/** Something to check in a pair (or a group), with the evidence in words. */
export interface Concern {
  readonly code: ConcernCode;
  readonly message: string;
}

/** A time-zone gap of this many hours or more is a concern (`time-zone-gap`). */
export const CONCERN_TIME_ZONE_GAP_HOURS = 6;

/**
 * The concerns of one pair of a matrix (row `i`, column `j`): the failed essential-fit
 * checks (see {@link CompatibilityMatrix.checks}), then a large time-zone gap and a
 * mentor who is not more senior. Computed for forbidden pairs too (as if allowed).
 *
 * @param matrix - A matrix from `buildCompatibility` or `buildPeerCompatibility`.
 * @param i - Row (mentee, or peer).
 * @param j - Column (mentor, or peer).
 * @returns The concerns in {@link CONCERN_CODES} order; empty for a pair without any.
 *
 * @example
 * ```ts
 * pairConcerns(matrix, 0, 3);
 * // [{ code: 'no-shared-language', message: 'no shared language: Ana speaks portuguese; Ben speaks german' }]
 * ```
 */
export function pairConcerns(matrix: CompatibilityMatrix, i: number, j: number): Concern[] {
  requireMatrix(matrix, 'pairConcerns');
  requireIndex(i, 'pairConcerns', 'i', matrix.rows, 'row');
  requireIndex(j, 'pairConcerns', 'j', matrix.cols, 'column');
  const { ctx } = internalsOf(matrix);
  const { rows, cols } = ctx;
  const bits = matrix.isForbidden(i, j) ? checkPair(matrix, i, j) : matrix.checkBits(i, j);
  const out: Concern[] = [];
  const a = who(rows, i);
  const b = who(cols, j);
  if (bits & FAILS_SKILL) {
    const wanted = skillList(ctx, rows, i);
    out.push({
      code: 'no-wanted-skill',
      message: ctx.peer
        ? `neither can teach the other a skill they want (${a} wants ${wanted || 'nothing'}; ${b} wants ${skillList(ctx, cols, j) || 'nothing'})`
        : `${b} teaches none of the skills ${a} wants at the wanted level (${wanted})`,
    });
  }
  if (bits & FAILS_LANGUAGE) {
    out.push({ code: 'no-shared-language', message: `no shared language: ${a} speaks ${tags(ctx.dict.languages.names, rows.languages, i)}; ${b} speaks ${tags(ctx.dict.languages.names, cols.languages, j)}` });
  }
  if (bits & FAILS_TIME) {
    const m = sharedMinutes(rows.avail[i], cols.avail[j], 0);
    out.push({
      code: 'no-common-time',
      message: `no common time: ${m === 0 ? 'not one minute' : `${m} min`} a week in common (at least ${ESSENTIAL_MINUTES} needed); ${a} in ${rows.people[i].timeZone}, ${b} in ${cols.people[j].timeZone}`,
    });
  }
  const gap = offsetGapHours(rows.tzOffset[i], cols.tzOffset[j]);
  if (gap >= CONCERN_TIME_ZONE_GAP_HOURS) {
    out.push({ code: 'time-zone-gap', message: `${fmtHours(gap)} hours apart: ${a} in ${rows.people[i].timeZone}, ${b} in ${cols.people[j].timeZone}` });
  }
  const sm = rows.seniority[i];
  const sM = cols.seniority[j];
  if (!ctx.peer && sm === sm && sM === sM && !(sM > sm) && !isReversePair(ctx, i, j, false)) {
    out.push({ code: 'mentor-not-senior', message: `the mentor ${b} (seniority ${sM}) is not more senior than ${a} (${sm})` });
  }
  return out;
}

/** The checks of a pair whose byte was not computed (forbidden pairs). */
function checkPair(matrix: CompatibilityMatrix, i: number, j: number): number {
  // The matrix leaves forbidden pairs unchecked; recompute the row without a skip mask.
  const { ctx } = internalsOf(matrix);
  const out = new Uint8Array(ctx.cols.n);
  essentialsOf(matrix).row(i, out);
  return out[j];
}

const CHECKERS = new WeakMap<CompatibilityMatrix, EssentialChecks>();

function essentialsOf(matrix: CompatibilityMatrix): EssentialChecks {
  let c = CHECKERS.get(matrix);
  if (!c) {
    c = new EssentialChecks(internalsOf(matrix).ctx);
    CHECKERS.set(matrix, c);
  }
  return c;
}

function skillList(ctx: ScoringContext, side: EncodedSide, p: number): string {
  const W = side.wanted;
  const names: string[] = [];
  for (let k = W.off[p]; k < W.off[p + 1]; k++) names.push(W.lvl[k] ? `${ctx.dict.skills.names[W.val[k]]} at level ${W.lvl[k]}` : ctx.dict.skills.names[W.val[k]]);
  return names.join(', ');
}

function tags(names: readonly string[], c: { off: Int32Array; val: Int32Array }, p: number): string {
  const out: string[] = [];
  for (let k = c.off[p]; k < c.off[p + 1]; k++) out.push(names[c.val[k]]);
  return out.join(', ');
}

function fmtHours(h: number): string {
  return Number.isInteger(h) ? String(h) : h.toFixed(1);
}

/**
 * Concerns about a group as a whole: `no-common-time` when at least two of its members
 * gave availability and those members share under 30 minutes a week (UTC) all at once.
 *
 * @param matrix - The matrix the group was formed on.
 * @param rows - The group's row people (mentees, or the peers of a circle).
 * @param col - The group's mentor (a column), or -1 for a peer group.
 * @returns The concerns; empty when none.
 *
 * @example
 * ```ts
 * groupConcerns(matrix, [0, 4, 7], 2); // [{ code: 'no-common-time', message: 'the group has no common time: …' }]
 * ```
 */
export function groupConcerns(matrix: CompatibilityMatrix, rows: readonly number[], col: number): Concern[] {
  requireMatrix(matrix, 'groupConcerns');
  requireList(rows, 'groupConcerns', 'rows', 'row indices').forEach((i, k) => requireIndex(i, 'groupConcerns', `rows[${k}]`, matrix.rows, 'row'));
  if (col !== -1) requireIndex(col, 'groupConcerns', 'col', matrix.cols, 'column (or -1 for a peer group)');
  const { ctx } = internalsOf(matrix);
  const weeks: Int32Array[] = [];
  const names: string[] = [];
  const add = (side: EncodedSide, p: number): void => {
    if (side.avail[p].length === 0) return;
    weeks.push(side.avail[p]);
    names.push(who(side, p));
  };
  if (col >= 0) add(ctx.cols, col);
  for (const i of rows) add(ctx.rows, i);
  if (weeks.length < 2) return [];
  let common = weeks[0];
  for (let t = 1; t < weeks.length && common.length > 0; t++) common = intersect(common, weeks[t]);
  let minutes = 0;
  for (let k = 0; k < common.length; k += 2) minutes += common[k + 1] - common[k];
  if (minutes >= ESSENTIAL_MINUTES) return [];
  return [{ code: 'no-common-time', message: `the group has no common time: ${names.join(', ')} share ${minutes === 0 ? 'not one minute' : `${minutes} min`} a week all together (at least ${ESSENTIAL_MINUTES} needed)` }];
}

/** Intersection of two sorted lists of disjoint [start, end) intervals. */
function intersect(a: Int32Array, b: Int32Array): Int32Array {
  const out: number[] = [];
  let p = 0;
  let q = 0;
  while (p < a.length && q < b.length) {
    const s = Math.max(a[p], b[q]);
    const e = Math.min(a[p + 1], b[q + 1]);
    if (s < e) out.push(s, e);
    if (a[p + 1] < b[q + 1]) p += 2;
    else q += 2;
  }
  return Int32Array.from(out);
}
