import { AVAIL_WORDS } from '../encode.js';
import { describeWindow, overlapWindows, sharedMinutes } from '../time/index.js';
import type { Criterion, Evidence, ScoringContext } from './types.js';
import { who } from './types.js';

/**
 * Availability: minutes per week both people are free, compared in UTC (each person's
 * slots are converted from their own time zone at the reference date, daylight saving
 * included). Only overlaps of at least `availability.minMeetingMinutes` (default 30)
 * count. Score `min(1, shared / targetMinutes)` (default target 120 min a week). Not
 * applicable when either person gave no availability. Symmetric.
 */
export class AvailabilityCriterion implements Criterion {
  readonly name = 'availability';
  readonly symmetric = true;
  constructor(private readonly ctx: ScoringContext) {}

  scoreRow(i: number, out: Float64Array, _reverse: boolean, skip?: Uint8Array, from = 0): void {
    const a = this.ctx.rows.avail[i];
    const B = this.ctx.cols.avail;
    const mb = this.ctx.cols.availMask;
    const ma = this.ctx.rows.availMask;
    const o = AVAIL_WORDS * i;
    const m0 = ma[o];
    const m1 = ma[o + 1];
    const m2 = ma[o + 2];
    const m3 = ma[o + 3];
    const { minMeetingMinutes: min, targetMinutes: target } = this.ctx.cfg;
    if (a.length === 0) {
      out.fill(NaN);
      return;
    }
    for (let j = from; j < out.length; j++) {
      if (skip && skip[j] !== 0) continue;
      const b = B[j];
      if (b.length === 0) {
        out[j] = NaN;
        continue;
      }
      const q = AVAIL_WORDS * j;
      if (((m0 & mb[q]) | (m1 & mb[q + 1]) | (m2 & mb[q + 2]) | (m3 & mb[q + 3])) === 0) {
        out[j] = 0; // no common block, so no common minute
        continue;
      }
      const m = sharedMinutes(a, b, min);
      out[j] = m >= target ? 1 : m / target;
    }
  }

  explain(a: number, b: number): Evidence {
    const A = this.ctx.rows.avail[a];
    const B = this.ctx.cols.avail[b];
    if (A.length === 0 || B.length === 0) return { score: NaN, evidence: [] };
    const { minMeetingMinutes: min, targetMinutes: target, referenceDate } = this.ctx.cfg;
    const m = sharedMinutes(A, B, min);
    const pa = this.ctx.rows.people[a];
    const pb = this.ctx.cols.people[b];
    const lines: string[] = [];
    for (const [s, e] of overlapWindows(A, B, min)) {
      lines.push(
        `both free ${describeWindow(s, e, pa.timeZone!, referenceDate)} for ${who(this.ctx.rows, a)} (${pa.timeZone}), ` +
          `${describeWindow(s, e, pb.timeZone!, referenceDate)} for ${who(this.ctx.cols, b)} (${pb.timeZone})`,
      );
    }
    if (m > 0) lines.unshift(`${m} min a week in common`);
    return { score: m >= target ? 1 : m / target, evidence: lines };
  }
}
