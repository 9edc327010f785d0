import { offsetGapHours } from '../time/index.js';
import type { Criterion, Evidence, ScoringContext } from './types.js';
import { who } from './types.js';

/** The distinct UTC offsets of a side, and each person's class (0 = no time zone, z + 1 = offsets[z]). */
export interface OffsetClasses {
  readonly offsets: Float64Array;
  readonly cls: Int32Array;
}

/** Groups people by UTC offset (a cohort has few distinct offsets). */
export function offsetClasses(tz: Float64Array): OffsetClasses {
  const ids = new Map<number, number>();
  const cls = new Int32Array(tz.length);
  for (let p = 0; p < tz.length; p++) {
    const x = tz[p];
    if (x !== x) continue;
    let z = ids.get(x);
    if (z === undefined) ids.set(x, (z = ids.size));
    cls[p] = z + 1;
  }
  return { offsets: Float64Array.from(ids.keys()), cls };
}


/**
 * Time-zone distance: 1 for the same offset, falling linearly to 0 at `timeZone.scaleHours`
 * (default 12) hours apart, at the reference date. Not applicable without both time zones.
 */
export class TimeZoneCriterion implements Criterion {
  readonly name = 'timeZone';
  readonly symmetric = true;
  private readonly zones: OffsetClasses;
  private readonly table: Float64Array;
  constructor(private readonly ctx: ScoringContext) {
    this.zones = offsetClasses(ctx.cols.tzOffset);
    this.table = new Float64Array(this.zones.offsets.length + 1);
  }

  scoreRow(i: number, out: Float64Array, _reverse = false, _skip?: Uint8Array, from = 0): void {
    const a = this.ctx.rows.tzOffset[i];
    const scale = this.ctx.cfg.timeZoneScaleHours;
    // One score per distinct column offset (few), then a lookup per pair.
    const { offsets, cls } = this.zones;
    const table = this.table;
    table[0] = NaN;
    for (let z = 0; z < offsets.length; z++) {
      const g = offsetGapHours(a, offsets[z]);
      table[z + 1] = g !== g ? NaN : g >= scale ? 0 : 1 - g / scale;
    }
    for (let j = from; j < out.length; j++) out[j] = table[cls[j]];
  }

  explain(a: number, b: number): Evidence {
    const x = this.ctx.rows.tzOffset[a];
    const y = this.ctx.cols.tzOffset[b];
    if (x !== x || y !== y) return { score: NaN, evidence: [] };
    const g = offsetGapHours(x, y);
    const scale = this.ctx.cfg.timeZoneScaleHours;
    const pa = this.ctx.rows.people[a];
    const pb = this.ctx.cols.people[b];
    const text = g === 0 ? 'same time-zone offset' : `time zones ${fmtHours(g)} apart`;
    return { score: g >= scale ? 0 : 1 - g / scale, evidence: [`${text} (${pa.timeZone}, ${pb.timeZone})`] };
  }
}

function fmtHours(h: number): string {
  return Number.isInteger(h) ? `${h} h` : `${h.toFixed(2).replace(/0$/u, '')} h`;
}

/**
 * Personality: per configured trait, on the trait's declared range, `1 - |a - b| / range`
 * (`similar`) or `|a - b| / range` (`complementary`); the mean over traits both people
 * have. Not applicable when they share no trait.
 */
export class PersonalityCriterion implements Criterion {
  readonly name = 'personality';
  readonly symmetric = true;

  /** Traits scaled to [0, 1] by their declared range (NaN when missing), rows and columns. */
  private readonly a: Float64Array;
  private readonly b: Float64Array;
  /** 1 for `similar` traits, 0 for `complementary`. */
  private readonly similar: Float64Array;

  constructor(private readonly ctx: ScoringContext) {
    const traits = ctx.cfg.traits;
    const scale = (v: Float64Array): Float64Array => {
      const out = new Float64Array(v.length);
      for (let k = 0; k < v.length; k++) {
        const t = traits[k % traits.length];
        out[k] = (v[k] - t.min) / (t.max - t.min);
      }
      return out;
    };
    this.a = scale(ctx.rows.traits);
    this.b = ctx.cols === ctx.rows ? this.a : scale(ctx.cols.traits);
    this.similar = Float64Array.from(traits, (t) => (t.mode === 'similar' ? 1 : 0));
  }

  scoreRow(i: number, out: Float64Array, _reverse: boolean, skip?: Uint8Array, from = 0): void {
    const T = this.similar.length;
    const { a: A, b: B, similar } = this;
    const o = i * T;
    for (let j = from, q = from * T; j < out.length; j++, q += T) {
      if (skip && skip[j] !== 0) continue;
      let sum = 0;
      let cnt = 0;
      for (let t = 0; t < T; t++) {
        const d = Math.abs(A[o + t] - B[q + t]); // NaN when either is missing
        if (d === d) {
          sum += similar[t] === 1 ? 1 - d : d;
          cnt++;
        }
      }
      out[j] = cnt === 0 ? NaN : sum / cnt;
    }
  }

  explain(a: number, b: number): Evidence {
    const traits = this.ctx.cfg.traits;
    const T = traits.length;
    const A = this.ctx.rows.traits;
    const B = this.ctx.cols.traits;
    let sum = 0;
    let cnt = 0;
    const lines: string[] = [];
    for (let t = 0; t < T; t++) {
      const x = A[a * T + t];
      const y = B[b * T + t];
      if (x !== x || y !== y) continue;
      const tr = traits[t];
      const d = Math.abs(x - y) / (tr.max - tr.min);
      const s = tr.mode === 'similar' ? 1 - d : d;
      sum += s;
      cnt++;
      lines.push(`${tr.name} ${x} vs ${y} (${tr.mode}, ${Math.round(s * 100)}/100)`);
    }
    return { score: cnt === 0 ? NaN : sum / cnt, evidence: lines };
  }
}

/**
 * Seniority: the gap `mentor - mentee` in levels should fall in [minGap, maxGap]
 * (default 1–3): score 1 inside, falling linearly to 0 at `decay` levels outside. In a
 * reverse-mentoring pair (the mentee wants one of `rules.reverseSkills` and the mentor
 * offers it) the junior teaches the senior, so the gap is measured the other way.
 * Between peers (a peer pool) nobody is the mentor: the score is closeness,
 * `max(0, 1 − |gap| / (maxGap + 1))` — 1 for the same level, 0 at `maxGap + 1` levels apart.
 * Not applicable without both seniorities.
 */
export class SeniorityCriterion implements Criterion {
  readonly name = 'seniority';
  /** Closeness between peers reads the same both ways; a mentor's gap does not. */
  readonly symmetric: boolean;
  private readonly rev: Uint8Array;
  constructor(private readonly ctx: ScoringContext) {
    this.symmetric = ctx.peer;
    this.rev = new Uint8Array(ctx.cols.n);
  }

  scoreRow(i: number, out: Float64Array, reverse: boolean, _skip?: Uint8Array, from = 0): void {
    const { cfg } = this.ctx;
    const si = this.ctx.rows.seniority[i];
    const sj = this.ctx.cols.seniority;
    const lo = cfg.seniorityMinGap;
    const hi = cfg.seniorityMaxGap;
    const inv = 1 / cfg.seniorityDecay;
    const sign = reverse ? -1 : 1; // gap = mentor - mentee
    const anyReverse = cfg.rules.reverseSkills.length > 0;
    if (anyReverse) reversePairs(this.ctx, i, reverse, this.rev);
    const rev = this.rev;
    if (this.ctx.peer) {
      const scale = 1 / (hi + 1);
      for (let j = from; j < out.length; j++) {
        const x = 1 - Math.abs(sj[j] - si) * scale;
        out[j] = x !== x ? NaN : x > 0 ? x : 0;
      }
      return;
    }
    for (let j = from; j < out.length; j++) {
      let g = sign * (sj[j] - si);
      if (anyReverse && rev[j]) g = -g;
      const d = g < lo ? lo - g : g > hi ? g - hi : 0; // NaN falls through to d = 0 …
      const x = 1 - d * inv;
      out[j] = g !== g ? NaN : x > 0 ? x : 0; // … and is caught here
    }
  }

  explain(a: number, b: number, reverse: boolean): Evidence {
    const { cfg } = this.ctx;
    const sm = reverse ? this.ctx.cols.seniority[b] : this.ctx.rows.seniority[a];
    const sM = reverse ? this.ctx.rows.seniority[a] : this.ctx.cols.seniority[b];
    if (sm !== sm || sM !== sM) return { score: NaN, evidence: [] };
    if (this.ctx.peer) {
      const gap = Math.abs(sM - sm);
      const s = Math.max(0, 1 - gap / (cfg.seniorityMaxGap + 1));
      const line = gap === 0 ? `peers at the same level (${sm})` : `peers ${gap} level${gap === 1 ? '' : 's'} apart (${sm} vs ${sM})`;
      return { score: s, evidence: s > 0 ? [line] : [] };
    }
    const isRev = isReversePair(this.ctx, a, b, reverse);
    const g = isRev ? sm - sM : sM - sm;
    const s = gapScore(g, cfg.seniorityMinGap, cfg.seniorityMaxGap, cfg.seniorityDecay);
    const mentorName = reverse ? who(this.ctx.rows, a) : who(this.ctx.cols, b);
    const base = isRev
      ? `reverse mentoring: mentor ${mentorName} is ${g} level${Math.abs(g) === 1 ? '' : 's'} junior (${sM} vs ${sm})`
      : `mentor ${mentorName} is ${g} level${Math.abs(g) === 1 ? '' : 's'} more senior (${sM} vs ${sm})`;
    return { score: s, evidence: s > 0 ? [base] : [] };
  }
}

function gapScore(g: number, lo: number, hi: number, decay: number): number {
  const d = g < lo ? lo - g : g > hi ? g - hi : 0;
  return d >= decay ? 0 : 1 - d / decay;
}

/**
 * Marks `out[j] = 1` when (row i, column j) is a reverse-mentoring pair: the mentee
 * wants one of the configured reverse skills and the mentor offers it.
 */
export function reversePairs(ctx: ScoringContext, i: number, reverse: boolean, out: Uint8Array): void {
  out.fill(0);
  const skills = ctx.cfg.rules.reverseSkills;
  if (skills.length === 0) return;
  for (let j = 0; j < out.length; j++) if (isReversePair(ctx, i, j, reverse)) out[j] = 1;
}

/** True when the pair is a reverse-mentoring pair (see {@link reversePairs}). */
export function isReversePair(ctx: ScoringContext, a: number, b: number, reverse: boolean): boolean {
  const skills = ctx.cfg.rules.reverseSkills;
  if (skills.length === 0) return false;
  const mentee = reverse ? ctx.cols : ctx.rows;
  const mentor = reverse ? ctx.rows : ctx.cols;
  const [ea, eb] = reverse ? [b, a] : [a, b];
  for (const name of skills) {
    const s = ctx.dict.skills.find(name);
    if (s < 0) continue;
    if (has(mentee.wanted.val, mentee.wanted.off[ea], mentee.wanted.off[ea + 1], s) &&
        has(mentor.offered.val, mentor.offered.off[eb], mentor.offered.off[eb + 1], s)) return true;
  }
  return false;
}

function has(val: Int32Array, from: number, to: number, x: number): boolean {
  for (let k = from; k < to; k++) if (val[k] === x) return true;
  return false;
}
