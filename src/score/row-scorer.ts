/**
 * Scores one row at a time: the encoded profiles, the criteria with their cohort-model
 * weights and the hard rules, set up once, then any row scored against every column into
 * caller-owned buffers. The dense matrix (`buildCompatibility`) is this, row after row;
 * a streamed build keeps only what it needs of each row.
 *
 * @module
 */
import { InvalidInputError } from '../errors.js';
import type { Participant } from '../profile/types.js';
import type { ResolvedConfig } from './config.js';
import { cohortModel } from './cohort-model.js';
import { criterionCatalogue } from './criteria/catalogue.js';
import type { Criterion, ScoringContext } from './criteria/types.js';
import { encodeSide, newDictionaries } from './encode.js';
import { EssentialChecks } from './essentials.js';
import type { WeightedCriterion } from './matrix.js';
import { buildRules, type Rule } from './rules.js';

/**
 * The whole cohort's two sides, for a matrix that covers only part of it (one mentee's
 * row, say): its cohort model (poor-match scores, criterion information) is then
 * estimated on the whole cohort, so its scores equal the full matrix's.
 */
export interface CohortSides {
  readonly rows: readonly Participant[];
  readonly cols: readonly Participant[];
}

/**
 * One cohort's scoring, set up once; {@link RowScorer.scoreRow} scores a row against
 * every column. Deterministic: a row's output depends only on the row and the cohort,
 * never on which rows were scored before (so rows may be scored in any order, or in
 * separate workers, bit for bit the same).
 *
 * @example
 * ```ts
 * const s = new RowScorer('bipartite', mentees, mentors, resolveConfig({}));
 * const scores = new Float64Array(s.cols), code = new Uint8Array(s.cols), checks = new Uint8Array(s.cols);
 * s.scoreRow(0, scores, code, checks); // scores[j] in [0, 1]; code[j] > 0: forbidden by ruleNames[code[j] - 1]
 * ```
 */
export class RowScorer {
  readonly kind: 'bipartite' | 'peer';
  readonly rows: number;
  readonly cols: number;
  readonly ctx: ScoringContext;
  readonly criteria: readonly Criterion[];
  readonly weights: readonly WeightedCriterion[];
  readonly rules: readonly Rule[];
  /** Rule codes: 1..R for rules, then one per `must` criterion, then `self` (peers). */
  readonly ruleNames: readonly string[];
  private readonly plan: RowPlan;
  private readonly selfCode: number;
  private readonly essentials: EssentialChecks;
  private readonly buf: RowBuffers;

  constructor(kind: 'bipartite' | 'peer', rowsP: readonly Participant[], colsP: readonly Participant[] | null, cfg: ResolvedConfig, cohort?: CohortSides) {
    const dict = newDictionaries();
    const rows = encodeSide(rowsP, cfg, dict);
    const cols = colsP ? encodeSide(colsP, cfg, dict) : rows;
    const peer = kind === 'peer';
    const ctx: ScoringContext = { rows, cols, dict, cfg, peer };
    // The cohort model is estimated on the whole cohort when the matrix covers only part of it.
    let modelCtx = ctx;
    if (cohort) {
      const mr = encodeSide(cohort.rows, cfg, dict);
      modelCtx = { rows: mr, cols: peer ? mr : encodeSide(cohort.cols, cfg, dict), dict, cfg, peer };
    }
    const { criteria, weights } = makeCriteria(ctx, modelCtx);
    const rules = buildRules(ctx);
    const ruleNames = rules.map((r) => r.name);
    const mustCode = weights.map((w) => (w.must ? ruleNames.push(`must:${w.name}`) : 0));
    this.selfCode = peer ? ruleNames.push('self') : 0;
    // The availability criterion's row, reused by the time check (see EssentialChecks.row).
    this.plan = { peer, rules, criteria, weights, mustCode, availAt: criteria.findIndex((c) => c.name === 'availability') };
    this.kind = kind;
    this.rows = rows.n;
    this.cols = cols.n;
    this.ctx = ctx;
    this.criteria = criteria;
    this.weights = weights;
    this.rules = rules;
    this.ruleNames = ruleNames;
    this.essentials = new EssentialChecks(ctx);
    this.buf = rowBuffers(cols.n, peer, this.plan.availAt >= 0);
  }

  /**
   * Scores row `i` against every column, overwriting the three buffers (each of length
   * `cols`): `scores` in [0, 1] (0 for a forbidden pair), `code` the rule code (0 =
   * allowed), `checks` the essential-fit bits (0 for forbidden pairs).
   *
   * In a peer pool, whose pairs read the same both ways, `from` > 0 scores only the columns
   * from `from` on (a streamed pass scores each pair once, from its lower-numbered person):
   * the costly criteria skip the columns below it, which read as the `self` code, score 0
   * and no checks.
   *
   * @throws InvalidInputError (`INVALID_INPUT`) for `from` > 0 outside a peer pool.
   */
  scoreRow(i: number, scores: Float64Array, code: Uint8Array, checks: Uint8Array, from = 0): void {
    const { plan, buf } = this;
    const C = this.cols;
    buf.acc.fill(0);
    buf.wsum.fill(0);
    code.fill(0);
    checks.fill(0);
    if (from > 0) {
      if (!plan.peer) throw new InvalidInputError(`scoreRow: 'from' (${from}) is for peer pools, whose pairs read the same both ways`, { from });
      code.fill(this.selfCode, 0, Math.min(from, C)); // the criteria that skip forbidden pairs skip these
    }
    forbidByRules(plan, i, code, buf);
    if (plan.peer && code[i] === 0) code[i] = this.selfCode;
    scoreByCriteria(plan, i, code, buf, from);
    this.essentials.row(i, checks, code, plan.availAt >= 0 ? buf.availRow : undefined, this.ctx.cfg.targetMinutes, from);
    // Forbidden pairs score 0 (their criteria may not have been computed).
    for (let j = 0; j < C; j++) scores[j] = code[j] === 0 && buf.wsum[j] > 0 ? buf.acc[j] / buf.wsum[j] : 0;
  }
}

function makeCriteria(ctx: ScoringContext, modelCtx: ScoringContext): { criteria: Criterion[]; weights: WeightedCriterion[] } {
  const live = criterionCatalogue(ctx).filter((c) => c.weight !== 0 || c.must);
  const criteria = live.map((c) => c.create());
  const model = cohortModel(modelCtx, modelCtx === ctx ? criteria : criterionCatalogue(modelCtx).filter((c) => c.weight !== 0 || c.must).map((c) => c.create()));
  const weights = live.map(({ name, weight, must }, k) => ({
    name,
    weight: weight * model.information[k],
    configuredWeight: weight,
    must,
    missingScore: Number.isNaN(model.missing[k]) ? null : model.missing[k],
  }));
  return { criteria, weights };
}

/** What every row of a build is scored with. */
interface RowPlan {
  readonly peer: boolean;
  readonly rules: readonly Rule[];
  readonly criteria: readonly Criterion[];
  readonly weights: readonly WeightedCriterion[];
  /** Per criterion: its rule code when it is `must`, else 0. */
  readonly mustCode: readonly number[];
  /** Index of the availability criterion, or −1. */
  readonly availAt: number;
}

/** One row's scratch space, reused for every row of a build (no per-row allocation). */
interface RowBuffers {
  /** Σ weight · score per column. */
  readonly acc: Float64Array;
  /** Σ weight of the criteria that apply, per column. */
  readonly wsum: Float64Array;
  readonly tmp: Float64Array;
  readonly tmp2: Float64Array;
  /** Peers: an asymmetric rule's verdict in each direction. */
  readonly fwd: Uint8Array;
  readonly bwd: Uint8Array;
  /** The availability criterion's scores of the row (empty without that criterion). */
  readonly availRow: Float64Array;
}

/** Scratch rows for `C` columns (the peer-only and availability ones empty when not needed). */
function rowBuffers(C: number, peer: boolean, avail: boolean): RowBuffers {
  return {
    acc: new Float64Array(C),
    wsum: new Float64Array(C),
    tmp: new Float64Array(C),
    tmp2: new Float64Array(C),
    fwd: new Uint8Array(peer ? C : 0),
    bwd: new Uint8Array(peer ? C : 0),
    availRow: new Float64Array(avail ? C : 0),
  };
}

/** Writes the hard rules' codes of row `i` into `code` (rule k has code k + 1). */
function forbidByRules(plan: RowPlan, i: number, code: Uint8Array, buf: RowBuffers): void {
  const { peer, rules } = plan;
  const { fwd, bwd } = buf;
  const C = code.length;
  // Rules first, so that costly criteria can skip forbidden pairs. In a peer pool either
  // person may be the mentor, so an asymmetric rule forbids a pair only when it forbids
  // both directions.
  for (let k = 0; k < rules.length; k++) {
    if (!peer || rules[k].symmetric) {
      rules[k].forbidRow(i, code, k + 1, false);
      continue;
    }
    fwd.fill(0);
    bwd.fill(0);
    rules[k].forbidRow(i, fwd, 1, false);
    rules[k].forbidRow(i, bwd, 1, true);
    for (let j = 0; j < C; j++) if (code[j] === 0 && fwd[j] && bwd[j]) code[j] = k + 1;
  }
}

/** Adds row `i`'s weighted criterion scores (columns from `from` on) to `buf.acc` / `buf.wsum`, writes the `must` codes into `code` and keeps the availability row. */
function scoreByCriteria(plan: RowPlan, i: number, code: Uint8Array, buf: RowBuffers, from: number): void {
  const { peer, criteria, weights, mustCode, availAt } = plan;
  const { acc, wsum, tmp, tmp2 } = buf;
  const C = code.length;
  for (let k = 0; k < criteria.length; k++) {
    const c = criteria[k];
    const mc = mustCode[k];
    // A `must` criterion is scored everywhere (it forbids); the others skip forbidden pairs.
    const skip = mc ? undefined : code;
    c.scoreRow(i, tmp, false, skip, from);
    if (peer && !c.symmetric) {
      c.scoreRow(i, tmp2, true, skip, from);
      for (let j = from; j < C; j++) tmp[j] = nanMean(tmp[j], tmp2[j]);
    }
    const w = weights[k].weight;
    if (w > 0) {
      const missing = weights[k].missingScore;
      for (let j = from; j < C; j++) {
        const s = tmp[j];
        if (s === s) {
          acc[j] += w * s;
          wsum[j] += w;
        } else if (missing !== null) {
          acc[j] += w * missing;
          wsum[j] += w;
        }
      }
    }
    if (mc) for (let j = from; j < C; j++) if (tmp[j] === 0 && code[j] === 0) code[j] = mc;
    if (k === availAt) buf.availRow.set(tmp);
  }
}

function nanMean(a: number, b: number): number {
  if (a !== a) return b;
  if (b !== b) return a;
  return (a + b) / 2;
}
