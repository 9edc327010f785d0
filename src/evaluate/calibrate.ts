/**
 * Learning criterion weights from the outcomes of past pairs (issue 6).
 *
 * @module
 */
import { requireList, requireOptions, requireParticipants } from '../_internal/args.js';
import { InsufficientDataError, InvalidInputError } from '../errors.js';
import { normalizeTag } from '../profile/normalize.js';
import type { Participant } from '../profile/types.js';
import { splitConfig, type MatchConfig } from '../match/config.js';
import { CRITERIA, resolveConfig, type CriterionName, type ResolvedConfig, type WeightInput } from '../score/config.js';
import { pairFeatures } from './_internal/features.js';
import { describe, pct } from './_internal/calibration-message.js';
import { chooseLambda, crossValidate } from './_internal/cross-validation.js';
import { columnStats, designMatrix, type ColumnStats } from './_internal/design-matrix.js';
import { checkHistory, type Parsed } from './_internal/history-check.js';
import { fitRidgeNnls, rSquared, type LinearFit } from './_internal/ridge.js';
import type { CalibrationResult, CriterionFit, HistoryEntry } from './types.js';

export type { CalibrationResult, CriterionFit, HistoryEntry } from './types.js';

/**
 * Options of {@link calibrateWeights}; defaults in {@link CALIBRATE_DEFAULTS}.
 *
 * @example
 * ```ts
 * calibrateWeights(history, people, config, { lambda: 'cv', folds: 10, seed: 7 });
 * ```
 */
export interface CalibrateOptions {
  /**
   * Ridge strength, unitless (relative to the mean variance of the criterion scores): a
   * criterion of typical variance has its weight shrunk by about λ/(1 + λ). `'cv'` picks
   * it from {@link CALIBRATE_DEFAULTS.lambdaGrid} by cross-validation (nested inside the
   * reported cross-validation, so the reported error stays honest).
   * @defaultValue 0.01
   */
  readonly lambda?: number | 'cv';
  /** Folds of the cross-validation, 2–20. @defaultValue 5 */
  readonly folds?: number;
  /** Seed of the fold assignment (same seed → same folds → same numbers). @defaultValue 1 */
  readonly seed?: number;
  /**
   * The criteria to fit (built-in names or `custom:<attribute>`); the others keep their
   * weights. @defaultValue every built-in criterion and every custom criterion of the config
   */
  readonly criteria?: readonly string[];
  /**
   * What the new weights of the fitted criteria sum to. @defaultValue the sum of their
   * current weights (or their number, when that sum is 0)
   */
  readonly scale?: number;
}

/**
 * Defaults of {@link CalibrateOptions} and the thresholds of the verdict.
 *
 * @example
 * ```ts
 * CALIBRATE_DEFAULTS.lambda;   // 0.01
 * CALIBRATE_DEFAULTS.minPairs; // 20 (the floor of max(20, 5 × fitted criteria))
 * ```
 */
export const CALIBRATE_DEFAULTS = {
  lambda: 0.01,
  folds: 5,
  seed: 1,
  /** Ridge strengths tried by `lambda: 'cv'`. */
  lambdaGrid: [0.001, 0.01, 0.1, 1, 10] as readonly number[],
  /** Fewest pairs: max(minPairs, pairsPerCriterion × fitted criteria). */
  minPairs: 20,
  pairsPerCriterion: 5,
  /** A criterion is fitted only when it applies to at least this many pairs (and varies). */
  minApplies: 5,
  /** Cross-validated R² from which the fit is `predictive` (below: `weak`). */
  predictiveCvR2: 0.1,
  /** Paired t statistic of the per-pair squared-error gain over the baseline needed to count at all. */
  minT: 2,
  /** Weight share below which a fitted criterion is named not predictive. */
  negligibleShare: 0.02,
} as const;

/**
 * Learns criterion weights from past pairs and their outcomes: which criteria of the
 * current scoring model predicted how a pair went.
 *
 * Method. Each history pair is scored on every criterion by the scoring layer (only
 * those pairs, no matrix); a criterion that does not apply to a pair (missing data) gets
 * its mean score over the pairs where it applies, and `imputed` counts how often. The
 * outcome (rating 1–5, or goal achieved = 1 / not = 0) is fitted as
 * `intercept + Σ w_c · score_c` by ridge-regularised least squares with every w_c ≥ 0
 * (Lawson–Hanson active-set NNLS on the ridge-augmented system, ml-matrix QR; the
 * intercept is free and not penalised). The fit is judged out of sample: k-fold
 * cross-validation (seeded folds) against a baseline that predicts the training mean,
 * and a paired t test of the per-pair gain. New weights are the w_c rescaled to sum like
 * the current weights of the fitted criteria.
 *
 * It refuses to learn from noise: the returned `config` carries the new weights only
 * when the verdict is `predictive`; with `weak` or `not-predictive` it keeps the current
 * weights (the suggestion is still in `weights` and `criteria`).
 *
 * Criteria not fitted (not listed in `options.criteria`, applying to fewer than 5
 * pairs, or scoring the same on every pair) keep their weights. Bipartite histories
 * only (mentee × mentor).
 *
 * Work: O(people) to encode, O(pairs × criteria) to score, O(folds × pairs × criteria²)
 * to fit (× 25 with `lambda: 'cv'`).
 *
 * @param history - Past pairs with outcomes.
 * @param participants - Validated participants (see `parseParticipants`); every id of
 *   the history must be here with the right role. All mentors among them form the
 *   mentor side (this matters only for `skills.rarity`).
 * @param config - The scoring configuration the weights belong to (a whole `match`
 *   config is accepted and returned with its match options). Pairs are scored as
 *   `buildCompatibility` (`mentor-match`) scores mentee × mentor, whatever the `mode`.
 * @param options - See {@link CalibrateOptions}.
 * @returns The fit, its verdict, per-criterion weights and a ready-to-use config.
 * @throws InsufficientDataError (`INSUFFICIENT_DATA`) when there is too little to learn
 *   from: fewer pairs than max(20, 5 × fitted criteria), all outcomes equal, or no
 *   criterion that varies. The message says what was found and what is needed.
 * @throws InvalidInputError (`INVALID_INPUT`) on unknown ids, wrong roles, a person paired
 *   with themself, an outcome that is neither a 1–5 rating nor a boolean, mixed outcome
 *   kinds, or bad options.
 * @throws ConfigError (`INVALID_CONFIG`) when `config` is invalid.
 *
 * @example
 * ```ts
 * import { parseParticipants } from 'mentor-match';
 * import { calibrateWeights } from 'mentor-match/calibrate';
 *
 * const people = parseParticipants(cohortJson);
 * const history = [{ menteeId: 'e1', mentorId: 'm4', outcome: 5 }, ...]; // ≥ 50 pairs
 * const fit = calibrateWeights(history, people, { weights: { skills: 'must' } });
 * fit.verdict;  // 'predictive'
 * fit.message;  // 'Calibrated on 412 pairs: … the new weights are in config.'
 * fit.criteria.filter((c) => c.status === 'not-predictive').map((c) => c.name); // ['location']
 * const result = match(people, fit.config); // unchanged weights unless fit.adopted
 * ```
 */
export function calibrateWeights(
  history: readonly HistoryEntry[],
  participants: readonly Participant[],
  config: MatchConfig = {},
  options: CalibrateOptions = {},
): CalibrationResult {
  requireList(history, 'calibrateWeights', 'history', 'past pairs { menteeId, mentorId, outcome }');
  requireParticipants(participants, 'calibrateWeights');
  requireOptions(options, 'calibrateWeights');
  const cfg = resolveConfig(splitConfig(config).scoring);
  const opt = checkOptions(options, cfg);
  const data = checkHistory(history, participants);
  const n = data.pairs.length;

  const features = pairFeatures(data.mentees, data.mentors, data.pairs, cfg);
  const names = features.names;
  const previous = names.map((name) => previousWeight(cfg, name));
  const stats = columnStats(features);
  const why = whyNotFitted(names, stats, n, opt.criteria);
  const fitted = names.map((_, c) => c).filter((c) => why[c] === null);
  const p = fitted.length;
  const minPairs = checkEnough(data, p);

  const X = designMatrix(features, fitted, stats);
  const y = data.y;
  const all = Int32Array.from({ length: n }, (_, i) => i);
  const lambda = opt.lambda === 'cv' ? chooseLambda(X, p, y, all, opt.folds, opt.seed + 1, CALIBRATE_DEFAULTS.lambdaGrid) : opt.lambda;
  const fit = fitRidgeNnls(X, p, y, all, lambda);
  const r2 = rSquared(fit, X, p, y);
  const { cvRmse, baselineRmse, cvR2, t } = crossValidate(X, p, y, opt.folds, opt.seed, opt.lambda, CALIBRATE_DEFAULTS.lambdaGrid);
  const verdict: CalibrationResult['verdict'] =
    cvR2 > 0 && t >= CALIBRATE_DEFAULTS.minT ? (cvR2 >= CALIBRATE_DEFAULTS.predictiveCvR2 ? 'predictive' : 'weak') : 'not-predictive';
  const adopted = verdict === 'predictive';

  const criteria = criterionFits({ names, previous, stats, why, fitted, n, kind: data.kind }, fit, verdict, opt.scale);
  const weights: Record<string, number> = {};
  for (const c of criteria) weights[c.name] = c.weight;

  const message = describe(n, r2, cvRmse, baselineRmse, cvR2, t, opt.folds, verdict, criteria, CALIBRATE_DEFAULTS.minT);
  return {
    pairs: n,
    minPairs,
    outcome: data.kind,
    lambda,
    intercept: fit.intercept,
    r2,
    folds: opt.folds,
    cvRmse,
    baselineRmse,
    cvR2,
    t,
    verdict,
    message,
    adopted,
    criteria,
    weights,
    config: adopted ? withWeights(config, criteria) : config,
  };
}

// ---------------------------------------------------------------------------

interface CheckedOptions {
  readonly lambda: number | 'cv';
  readonly folds: number;
  readonly seed: number;
  readonly criteria: ReadonlySet<string> | null;
  readonly scale: number | undefined;
}

function checkOptions(o: CalibrateOptions, cfg: ResolvedConfig): CheckedOptions {
  const problems: string[] = [];
  const lambda = o.lambda ?? CALIBRATE_DEFAULTS.lambda;
  if (lambda !== 'cv' && !(typeof lambda === 'number' && Number.isFinite(lambda) && lambda > 0)) {
    problems.push(`lambda: expected a positive finite number or 'cv'; found ${String(lambda)}`);
  }
  const folds = o.folds ?? CALIBRATE_DEFAULTS.folds;
  if (!Number.isInteger(folds) || folds < 2 || folds > 20) problems.push(`folds: expected an integer 2–20; found ${String(folds)}`);
  const seed = o.seed ?? CALIBRATE_DEFAULTS.seed;
  if (!Number.isFinite(seed)) problems.push(`seed: expected a finite number; found ${String(seed)}`);
  if (o.scale !== undefined && !(Number.isFinite(o.scale) && o.scale > 0)) problems.push(`scale: expected a positive finite number; found ${String(o.scale)}`);
  let criteria: Set<string> | null = null;
  if (o.criteria !== undefined) {
    const known = new Set<string>([...CRITERIA, ...cfg.custom.map((c) => c.name)]);
    criteria = new Set();
    for (const name of o.criteria) {
      if (known.has(name)) criteria.add(name);
      else problems.push(`criteria: unknown criterion '${String(name)}'; expected one of ${[...known].join(', ')}`);
    }
  }
  if (problems.length) throw new InvalidInputError(`calibrateWeights: invalid options: ${problems.join('; ')}`, { problems });
  return { lambda, folds, seed, criteria, scale: o.scale };
}

/** Why each criterion is left out of the fit (null: it is fitted). */
function whyNotFitted(names: readonly string[], stats: ColumnStats, n: number, listed: ReadonlySet<string> | null): (string | null)[] {
  const { applies, lo, hi } = stats;
  return names.map((name, c) => {
    if (listed && !listed.has(name)) return 'not listed in options.criteria; keeps its weight';
    if (applies[c] < CALIBRATE_DEFAULTS.minApplies) {
      return `applies to ${applies[c]} of ${n} pairs (needs ${CALIBRATE_DEFAULTS.minApplies}); keeps its weight`;
    }
    if (!(hi[c] - lo[c] > 1e-12)) return `scores ${lo[c].toFixed(3)} on every pair where it applies, so nothing can be learnt; keeps its weight`;
    return null;
  });
}

/** The fewest pairs needed for `p` fitted criteria; throws InsufficientDataError on fewer pairs, no criterion to fit, or outcomes that never vary. */
function checkEnough(data: Parsed, p: number): number {
  const n = data.pairs.length;
  const minPairs = Math.max(CALIBRATE_DEFAULTS.minPairs, CALIBRATE_DEFAULTS.pairsPerCriterion * p);
  if (n < minPairs) {
    throw new InsufficientDataError(
      `calibrateWeights: too little history: ${n} pair${n === 1 ? '' : 's'} given; ${minPairs} needed (max(${CALIBRATE_DEFAULTS.minPairs}, ${CALIBRATE_DEFAULTS.pairsPerCriterion} × ${p} criteria fitted))`,
      { pairs: n, needed: minPairs, criteria: p },
    );
  }
  if (p === 0) {
    throw new InsufficientDataError(
      `calibrateWeights: too little to learn from: no criterion varies across the ${n} history pairs (or applies to at least ${CALIBRATE_DEFAULTS.minApplies} of them)`,
      { pairs: n, fitted: 0 },
    );
  }
  let yMin = Infinity;
  let yMax = -Infinity;
  for (const v of data.y) {
    if (v < yMin) yMin = v;
    if (v > yMax) yMax = v;
  }
  if (yMin === yMax) {
    throw new InsufficientDataError(
      `calibrateWeights: too little to learn from: all ${n} outcomes are ${data.kind === 'goal' ? (yMin === 1 ? 'true' : 'false') : yMin}; expected outcomes that vary`,
      { pairs: n },
    );
  }
  return minPairs;
}

/** What {@link criterionFits} reads about every criterion, fitted or not (arrays aligned with `names`). */
interface CriterionTable {
  readonly names: readonly string[];
  readonly previous: readonly { readonly weight: number; readonly must: boolean }[];
  readonly stats: ColumnStats;
  readonly why: readonly (string | null)[];
  /** Indices of the fitted criteria, in the fit's column order. */
  readonly fitted: readonly number[];
  readonly n: number;
  readonly kind: 'rating' | 'goal';
}

/** One {@link CriterionFit} per criterion: the fitted ones with their new weight, share and note, the others unchanged. */
function criterionFits(table: CriterionTable, fit: LinearFit, verdict: CalibrationResult['verdict'], scale: number | undefined): CriterionFit[] {
  const { names, previous, stats, why, fitted, n, kind } = table;
  const { applies, sums } = stats;
  let wsum = 0;
  for (const w of fit.weights) wsum += w;
  const newWeight = rescaled(table, fit.weights, wsum, scale);
  return names.map((name, c) => {
    const k = fitted.indexOf(c);
    const base = {
      name,
      previousWeight: previous[c].weight,
      must: previous[c].must,
      applies: applies[c],
      imputed: n - applies[c],
      meanScore: applies[c] > 0 ? sums[c] / applies[c] : null,
    };
    if (k < 0) return { ...base, status: 'not-fitted', coefficient: 0, weight: previous[c].weight, share: 0, note: `${name} ${why[c]}` };
    const share = wsum > 0 ? fit.weights[k] / wsum : 0;
    const negligible = share < CALIBRATE_DEFAULTS.negligibleShare;
    const status = verdict === 'not-predictive' || negligible ? 'not-predictive' : 'predictive';
    const coef = fit.weights[k];
    const unit = kind === 'goal' ? 'percentage points of goal achievement' : 'rating points';
    const note =
      verdict === 'not-predictive'
        ? `${name}: the fit as a whole does not predict outcomes (share ${pct(share)} is not to be trusted)`
        : negligible
          ? `${name} is not predictive: its fitted weight is ~0 (share ${pct(share)})`
          : `${name}: share ${pct(share)}; a pair scoring 1 rather than 0 on it gains ${fmt(kind === 'goal' ? 100 * coef : coef)} ${unit}`;
    return { ...base, status, coefficient: coef, weight: newWeight.get(c)!, share, note };
  });
}

/** The fitted weights rescaled to sum to `scale` (default: the fitted criteria's current weights, or their number when those sum to 0), by criterion index. */
function rescaled(table: CriterionTable, w: Float64Array, wsum: number, scale: number | undefined): Map<number, number> {
  let prevSum = 0;
  for (const c of table.fitted) prevSum += table.previous[c].weight;
  const to = scale ?? (prevSum > 0 ? prevSum : table.fitted.length);
  const out = new Map<number, number>();
  table.fitted.forEach((c, k) => out.set(c, wsum > 0 ? round3((to * w[k]) / wsum) : 0));
  return out;
}

function previousWeight(cfg: ResolvedConfig, name: string): { weight: number; must: boolean } {
  if ((CRITERIA as readonly string[]).includes(name)) return cfg.weights[name as CriterionName];
  const cc = cfg.custom.find((c) => c.name === name);
  return cc ? cc.weight : { weight: 0, must: false };
}

/** The input config with the fitted criteria's new weights (`must` kept). */
function withWeights(config: MatchConfig, criteria: readonly CriterionFit[]): MatchConfig {
  const fitted = new Map(criteria.filter((c) => c.status !== 'not-fitted').map((c) => [c.name, c]));
  const w = (c: CriterionFit): WeightInput => (c.must ? { weight: c.weight, must: true } : c.weight);
  const weights: Record<string, WeightInput> = { ...(config.weights ?? {}) };
  for (const name of CRITERIA) {
    const c = fitted.get(name);
    if (c) weights[name] = w(c);
  }
  const out: MatchConfig = { ...config, weights };
  if (config.custom) {
    out.custom = config.custom.map((cc) => {
      const c = fitted.get(`custom:${normalizeTag(cc.attribute)}`);
      return c ? { ...cc, weight: w(c) } : cc;
    });
  }
  return out;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function fmt(x: number): string {
  return x.toFixed(2);
}
