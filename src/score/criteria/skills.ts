import type { EncodedSide, Postings } from '../encode.js';
import { postings } from '../encode.js';
import type { Criterion, Evidence, ScoringContext } from './types.js';

/**
 * Skills: how much of what the mentee wants the mentor offers, level-aware. A wanted
 * skill is covered when the mentor offers it at (at least) the wanted level: a mentor at
 * level 4 teaches a mentee aiming at 3, a mentor at level 2 does not. When either level
 * is not given, offering the skill covers it. The score is the covered share of the
 * mentee's wanted skills, each weighted 1 — or, with `skills.rarity`, weighted by
 * rarity, `1 + ln(M / f)` for a skill f of the M mentors offer, so that a rare skill
 * counts more. Not applicable when the mentee wants nothing.
 *
 * Asymmetric: in a peer pool both directions are scored and averaged by the matrix.
 */
export class SkillsCriterion implements Criterion {
  readonly name = 'skills';
  readonly symmetric = false;
  /** Weight of each skill id. */
  private readonly w: Float64Array;
  /** Total wanted weight of each column person (for reverse rows). */
  private readonly colWanted: Float64Array;
  private readonly offeredPost: Postings;
  private readonly wantedPost: Postings;
  private readonly acc: Float64Array;

  constructor(private readonly ctx: ScoringContext) {
    const S = ctx.dict.skills.size;
    const mentors = ctx.cols;
    this.offeredPost = postings(mentors.offered, mentors.n, S);
    this.wantedPost = postings(mentors.wanted, mentors.n, S);
    this.w = new Float64Array(S).fill(1);
    if (ctx.cfg.skillRarity) {
      const M = Math.max(1, mentors.n);
      for (let s = 0; s < S; s++) {
        const f = this.offeredPost.off[s + 1] - this.offeredPost.off[s];
        this.w[s] = 1 + Math.log(M / Math.max(1, f));
      }
    }
    this.colWanted = wantedTotals(mentors, this.w);
    this.acc = new Float64Array(mentors.n);
  }

  scoreRow(i: number, out: Float64Array, reverse: boolean, _skip?: Uint8Array, from = 0): void {
    const { acc, w } = this;
    acc.fill(0);
    if (!reverse) {
      // Row i is the mentee: walk its wanted skills through the mentors offering them.
      const A = this.ctx.rows.wanted;
      const P = this.offeredPost;
      let total = 0;
      for (let k = A.off[i]; k < A.off[i + 1]; k++) {
        const s = A.val[k];
        const target = A.lvl[k];
        total += w[s];
        for (let q = P.off[s]; q < P.off[s + 1]; q++) {
          const level = P.lvl[q];
          if (target === 0 || level === 0 || level >= target) acc[P.who[q]] += w[s];
        }
      }
      if (total === 0) out.fill(NaN);
      else for (let j = from; j < out.length; j++) out[j] = acc[j] / total;
    } else {
      // Row i is the mentor: walk its offered skills through the mentees wanting them.
      const A = this.ctx.rows.offered;
      const P = this.wantedPost;
      for (let k = A.off[i]; k < A.off[i + 1]; k++) {
        const s = A.val[k];
        const level = A.lvl[k];
        for (let q = P.off[s]; q < P.off[s + 1]; q++) {
          const target = P.lvl[q];
          if (target === 0 || level === 0 || level >= target) acc[P.who[q]] += w[s];
        }
      }
      const tot = this.colWanted;
      for (let j = from; j < out.length; j++) out[j] = tot[j] === 0 ? NaN : acc[j] / tot[j];
    }
  }

  explain(a: number, b: number, reverse: boolean): Evidence {
    const mentee = reverse ? this.ctx.cols : this.ctx.rows;
    const mentor = reverse ? this.ctx.rows : this.ctx.cols;
    const [ea, eb] = reverse ? [b, a] : [a, b];
    const W = mentee.wanted;
    const O = mentor.offered;
    const names = this.ctx.dict.skills.names;
    let total = 0;
    let covered = 0;
    const lines: string[] = [];
    for (let k = W.off[ea]; k < W.off[ea + 1]; k++) {
      const s = W.val[k];
      const target = W.lvl[k];
      total += this.w[s];
      for (let q = O.off[eb]; q < O.off[eb + 1]; q++) {
        if (O.val[q] !== s) continue;
        const level = O.lvl[q];
        if (target === 0 || level === 0 || level >= target) {
          covered += this.w[s];
          const lv = level ? ` at level ${level}` : '';
          const tg = target ? ` (wanted level ${target})` : '';
          const rare = this.ctx.cfg.skillRarity ? `, weight ${this.w[s].toFixed(2)}` : '';
          lines.push(`teaches ${names[s]}${lv}${tg}${rare}`);
        }
      }
    }
    if (total === 0) return { score: NaN, evidence: [] };
    return { score: covered / total, evidence: lines };
  }
}

function wantedTotals(side: EncodedSide, w: Float64Array): Float64Array {
  const out = new Float64Array(side.n);
  for (let p = 0; p < side.n; p++) {
    let t = 0;
    for (let k = side.wanted.off[p]; k < side.wanted.off[p + 1]; k++) t += w[side.wanted.val[k]];
    out[p] = t;
  }
  return out;
}
