import { ConfigError } from '../errors.js';
import { isReversePair, offsetClasses, reversePairs, type OffsetClasses } from './criteria/numeric.js';
import { SharedTagTest } from './criteria/sets.js';
import type { ScoringContext } from './criteria/types.js';
import { who } from './criteria/types.js';
import { offsetGapHours, sharedMinutes } from './time/index.js';

/**
 * A hard rule: forbids pairs, and says why. `forbidRow` writes `code` into `out[j]`
 * for every column j it forbids that no earlier rule has (out[j] === 0); `reason`
 * returns the sentence for one pair, or undefined when the rule allows it.
 * `reverse` as for criteria: true when row i acts as the mentor (peer pools).
 */
export interface Rule {
  readonly name: string;
  /** True when the rule reads the same both ways (peer pools then need one pass). */
  readonly symmetric: boolean;
  forbidRow(i: number, out: Uint8Array, code: number, reverse: boolean): void;
  reason(a: number, b: number, reverse: boolean): string | undefined;
}

/** Builds the rules the configuration switches on, in a fixed order. */
export function buildRules(ctx: ScoringContext): Rule[] {
  const r = ctx.cfg.rules;
  const rules: Rule[] = [];
  if (r.bannedPairs.length) rules.push(new PairListRule(ctx, 'bannedPair', r.bannedPairs, false));
  if (r.requiredPairs.length) rules.push(new PairListRule(ctx, 'requiredPair', r.requiredPairs, true));
  if (r.notOwnManager) rules.push(new ReportingLineRule(ctx));
  if (r.differentDepartment) rules.push(new SameDepartmentRule(ctx));
  if (r.maxTimeZoneGapHours !== Infinity) rules.push(new TimeZoneGapRule(ctx));
  if (r.minAvailabilityMinutes > 0) rules.push(new AvailabilityRule(ctx));
  if (r.sharedLanguage) rules.push(new LanguageRule(ctx));
  if (r.seniorityDirection) rules.push(new SeniorityDirectionRule(ctx));
  return rules;
}

/** Index of each id on a side. */
function indexOf(ctx: ScoringContext, side: 'rows' | 'cols'): Map<string, number> {
  const m = new Map<string, number>();
  ctx[side].people.forEach((p, k) => m.set(p.id, k));
  return m;
}

/**
 * Banned pairs (never together) or required pairs (the mentee may only get that
 * mentor). Pairs are `[menteeId, mentorId]`; in a peer pool `[a, b]` works both ways.
 * Unknown ids are a configuration error.
 */
class PairListRule implements Rule {
  readonly symmetric = true;
  /** Per row: the columns listed with it. */
  private readonly listed = new Map<number, number[]>();

  constructor(
    private readonly ctx: ScoringContext,
    readonly name: 'bannedPair' | 'requiredPair',
    pairs: readonly (readonly [string, string])[],
    private readonly required: boolean,
  ) {
    const rowIdx = indexOf(ctx, 'rows');
    const colIdx = indexOf(ctx, 'cols');
    const problems: string[] = [];
    const add = (i: number, j: number): void => {
      const l = this.listed.get(i);
      if (l) l.push(j);
      else this.listed.set(i, [j]);
    };
    const key = `rules.${name}s`;
    pairs.forEach(([a, b], k) => {
      const i = rowIdx.get(a);
      const j = colIdx.get(b);
      if (i === undefined) problems.push(`${key}[${k}]: '${a}' is not a ${ctx.peer ? 'participant' : 'mentee'}`);
      if (j === undefined) problems.push(`${key}[${k}]: '${b}' is not a ${ctx.peer ? 'participant' : 'mentor'}`);
      if (i === undefined || j === undefined) return;
      add(i, j);
      if (ctx.peer) add(j, i);
    });
    if (problems.length) throw new ConfigError(problems);
  }

  forbidRow(i: number, out: Uint8Array, code: number): void {
    const l = this.listed.get(i);
    if (!l) return;
    if (this.required) {
      for (let j = 0; j < out.length; j++) if (out[j] === 0 && !l.includes(j)) out[j] = code;
    } else {
      for (const j of l) if (out[j] === 0) out[j] = code;
    }
  }

  reason(a: number, b: number): string | undefined {
    const l = this.listed.get(a);
    const A = who(this.ctx.rows, a);
    const B = who(this.ctx.cols, b);
    if (this.required) {
      if (!l || l.includes(b)) return undefined;
      const names = l.map((j) => who(this.ctx.cols, j)).join(' or ');
      return `${A} is required to be paired with ${names}`;
    }
    if (!l?.includes(b)) return undefined;
    return this.ctx.rows.people[a].id === this.ctx.cols.people[b].id ? `${A} cannot be paired with themself` : `${A} and ${B} are a banned pair`;
  }
}

/**
 * Nobody is paired with their manager — or, when managers' managers are known, with
 * anyone up or down their reporting line. Reporting lines are followed through every
 * participant on either side (cycles are cut).
 */
class ReportingLineRule implements Rule {
  readonly name = 'reportingLine';
  readonly symmetric = true;
  /** Per row: columns in its line (ancestors or descendants). */
  private readonly line = new Map<number, Set<number>>();

  constructor(private readonly ctx: ScoringContext) {
    const manager = new Map<string, string>();
    for (const side of [ctx.rows, ctx.cols]) for (const p of side.people) if (p.managerId) manager.set(p.id, p.managerId);
    if (manager.size === 0) return;
    const chain = (id: string): string[] => {
      const out: string[] = [];
      const seen = new Set([id]);
      for (let m = manager.get(id); m !== undefined && !seen.has(m); m = manager.get(m)) {
        out.push(m);
        seen.add(m);
      }
      return out;
    };
    const rowIdx = indexOf(ctx, 'rows');
    const colIdx = indexOf(ctx, 'cols');
    const link = (i: number, j: number): void => {
      let s = this.line.get(i);
      if (!s) this.line.set(i, (s = new Set()));
      s.add(j);
    };
    // Row i with a column among its ancestors, and column j with a row among its ancestors.
    ctx.rows.people.forEach((p, i) => {
      for (const a of chain(p.id)) {
        const j = colIdx.get(a);
        if (j !== undefined) link(i, j);
      }
    });
    ctx.cols.people.forEach((p, j) => {
      for (const a of chain(p.id)) {
        const i = rowIdx.get(a);
        if (i !== undefined) link(i, j);
      }
    });
  }

  forbidRow(i: number, out: Uint8Array, code: number): void {
    const s = this.line.get(i);
    if (s) for (const j of s) if (out[j] === 0) out[j] = code;
  }

  reason(a: number, b: number): string | undefined {
    if (!this.line.get(a)?.has(b)) return undefined;
    const pa = this.ctx.rows.people[a];
    const pb = this.ctx.cols.people[b];
    if (pa.managerId === pb.id) return `${who(this.ctx.cols, b)} is ${who(this.ctx.rows, a)}'s manager`;
    if (pb.managerId === pa.id) return `${who(this.ctx.rows, a)} is ${who(this.ctx.cols, b)}'s manager`;
    return `${who(this.ctx.rows, a)} and ${who(this.ctx.cols, b)} are in the same reporting line`;
  }
}

/** Cross-department programmes: the same department is forbidden. */
class SameDepartmentRule implements Rule {
  readonly name = 'differentDepartment';
  readonly symmetric = true;
  constructor(private readonly ctx: ScoringContext) {}

  forbidRow(i: number, out: Uint8Array, code: number): void {
    const d = this.ctx.rows.dept[i];
    if (d < 0) return;
    const D = this.ctx.cols.dept;
    for (let j = 0; j < out.length; j++) if (out[j] === 0 && D[j] === d) out[j] = code;
  }

  reason(a: number, b: number): string | undefined {
    const d = this.ctx.rows.dept[a];
    if (d < 0 || this.ctx.cols.dept[b] !== d) return undefined;
    return `both in department ${this.ctx.rows.people[a].department} (the programme requires different departments)`;
  }
}

/** At most `maxTimeZoneGapHours` between the two time zones (pairs missing one are allowed). */
class TimeZoneGapRule implements Rule {
  readonly name = 'maxTimeZoneGap';
  readonly symmetric = true;
  private readonly zones: OffsetClasses;
  private readonly tooFar: Uint8Array;
  constructor(private readonly ctx: ScoringContext) {
    this.zones = offsetClasses(ctx.cols.tzOffset);
    this.tooFar = new Uint8Array(this.zones.offsets.length + 1);
  }

  forbidRow(i: number, out: Uint8Array, code: number): void {
    const a = this.ctx.rows.tzOffset[i];
    if (a !== a) return;
    const max = this.ctx.cfg.rules.maxTimeZoneGapHours;
    const { offsets, cls } = this.zones;
    const tooFar = this.tooFar;
    for (let z = 0; z < offsets.length; z++) tooFar[z + 1] = offsetGapHours(a, offsets[z]) > max ? 1 : 0;
    for (let j = 0; j < out.length; j++) if (out[j] === 0 && tooFar[cls[j]]) out[j] = code;
  }

  reason(a: number, b: number): string | undefined {
    const g = offsetGapHours(this.ctx.rows.tzOffset[a], this.ctx.cols.tzOffset[b]);
    const max = this.ctx.cfg.rules.maxTimeZoneGapHours;
    if (!(g > max)) return undefined;
    const pa = this.ctx.rows.people[a];
    const pb = this.ctx.cols.people[b];
    return `time zones ${g} h apart (${pa.timeZone} / ${pb.timeZone}); the maximum is ${max} h`;
  }
}

/** At least `minAvailabilityMinutes` a week in common (pairs missing availability are forbidden too). */
class AvailabilityRule implements Rule {
  readonly name = 'minAvailability';
  readonly symmetric = true;
  constructor(private readonly ctx: ScoringContext) {}

  forbidRow(i: number, out: Uint8Array, code: number): void {
    const a = this.ctx.rows.avail[i];
    const B = this.ctx.cols.avail;
    const { minMeetingMinutes, rules } = this.ctx.cfg;
    for (let j = 0; j < out.length; j++) {
      if (out[j] === 0 && sharedMinutes(a, B[j], minMeetingMinutes) < rules.minAvailabilityMinutes) out[j] = code;
    }
  }

  reason(a: number, b: number): string | undefined {
    const { minMeetingMinutes, rules } = this.ctx.cfg;
    const m = sharedMinutes(this.ctx.rows.avail[a], this.ctx.cols.avail[b], minMeetingMinutes);
    if (m >= rules.minAvailabilityMinutes) return undefined;
    return `only ${m} min a week in common in meetings of ${minMeetingMinutes}+ min; at least ${rules.minAvailabilityMinutes} required`;
  }
}

/** At least one shared language (pairs where either lists none are forbidden too). */
class LanguageRule implements Rule {
  readonly name = 'sharedLanguage';
  readonly symmetric = true;
  private readonly shared: SharedTagTest;
  constructor(private readonly ctx: ScoringContext) {
    this.shared = new SharedTagTest(ctx, 'languages');
  }

  forbidRow(i: number, out: Uint8Array, code: number): void {
    const hit = this.shared.row(i);
    for (let j = 0; j < out.length; j++) if (out[j] === 0 && hit[j] === 0) out[j] = code;
  }

  reason(a: number, b: number): string | undefined {
    const la = this.ctx.rows.people[a].languages;
    const lb = new Set(this.ctx.cols.people[b].languages);
    if (la.some((l) => lb.has(l))) return undefined;
    const fmt = (l: readonly string[]): string => (l.length ? l.join(', ') : 'none listed');
    return `no shared language (${fmt(la)} / ${fmt([...lb])})`;
  }
}

/**
 * The mentor must be more senior than the mentee — except in a reverse-mentoring pair
 * (see `rules.reverseSkills`), where the mentor must be more junior. Pairs missing a
 * seniority are allowed.
 */
class SeniorityDirectionRule implements Rule {
  readonly name = 'seniorityDirection';
  readonly symmetric = false;
  private readonly rev: Uint8Array;
  constructor(private readonly ctx: ScoringContext) {
    this.rev = new Uint8Array(ctx.cols.n);
  }

  forbidRow(i: number, out: Uint8Array, code: number, reverse: boolean): void {
    const si = this.ctx.rows.seniority[i];
    if (si !== si) return;
    const S = this.ctx.cols.seniority;
    reversePairs(this.ctx, i, reverse, this.rev);
    for (let j = 0; j < out.length; j++) {
      if (out[j] !== 0) continue;
      const g = reverse ? si - S[j] : S[j] - si; // mentor minus mentee
      if (this.rev[j] ? !(g < 0) : !(g > 0)) {
        if (g === g) out[j] = code;
      }
    }
  }

  reason(a: number, b: number, reverse: boolean): string | undefined {
    const sm = reverse ? this.ctx.cols.seniority[b] : this.ctx.rows.seniority[a];
    const sM = reverse ? this.ctx.rows.seniority[a] : this.ctx.cols.seniority[b];
    if (sm !== sm || sM !== sM) return undefined;
    const rev = isReversePair(this.ctx, a, b, reverse);
    if (rev ? sM < sm : sM > sm) return undefined;
    return rev
      ? `reverse mentoring needs a more junior mentor; mentor seniority ${sM}, mentee ${sm}`
      : `the mentor must be more senior; mentor seniority ${sM}, mentee ${sm}`;
  }
}
