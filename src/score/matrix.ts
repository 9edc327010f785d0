import { argError, requireParticipants } from '../_internal/args.js';
import type { DenseMatrix } from '../solve/types.js';
import type { Participant } from '../profile/types.js';
import { resolveConfig, type ResolvedConfig, type ScoringConfig } from './config.js';
import type { Criterion, ScoringContext } from './criteria/types.js';
import type { Rule } from './rules.js';
import { RowScorer, type CohortSides } from './row-scorer.js';
import { MatchError, isMatchError } from '../errors.js';
import { errorFromPayload, errorToPayload, isScoringPool, usePool, type ScoringPool } from './pool.js';

export type { CohortSides } from './row-scorer.js';

/** A criterion as used in a matrix: its weight and whether it is a hard rule (`must`). */
export interface WeightedCriterion {
  readonly name: string;
  /** The weight used in this matrix: the configured weight times the criterion's information in the cohort (see `cohortModel`). */
  readonly weight: number;
  /** The weight the configuration gave. */
  readonly configuredWeight: number;
  readonly must: boolean;
  /** The score a pair gets on this criterion when its data is missing (a poor match in this cohort); null: left out of the pair's mean. */
  readonly missingScore: number | null;
}

/** Why a pair is forbidden: the rule's name and a sentence naming both people. */
export interface ForbiddenReason {
  readonly rule: string;
  readonly message: string;
}

/** Internals kept for explanations and reasons (not part of the public shape). */
interface Internals {
  readonly ctx: ScoringContext;
  readonly criteria: readonly Criterion[];
  readonly weights: readonly WeightedCriterion[];
  readonly rules: readonly Rule[];
}

const INTERNALS = new WeakMap<CompatibilityMatrix, Internals>();

/**
 * @internal Where a streamed matrix reads the pairs it did not store densely (see
 * {@link streamedMatrix}).
 */
export interface PairLookup {
  /** Score in [0, 1] (0 when forbidden). */
  score(i: number, j: number): number;
  /** Rule code: 0 = allowed, k = forbidden by `ruleNames[k - 1]`. */
  code(i: number, j: number): number;
  /** Essential-fit bits (0 for forbidden pairs). */
  checks(i: number, j: number): number;
}

/**
 * Pair scores of mentees (rows) × mentors (columns), or of a peer pool with itself.
 *
 * - `scores`: row-major `Float64Array`, each in [0, 1] (shown as 0–100): the weighted
 *   mean of the criteria that apply to the pair; 0 for a forbidden pair (use
 *   {@link explainPair} to see how it would have scored).
 * - `forbidden`: row-major `Uint8Array`; 0 = allowed, k > 0 = forbidden by rule
 *   `ruleNames[k - 1]` (the first rule that forbade it). `reason(i, j)` gives the
 *   sentence, `reasons(i, j)` every rule that forbids the pair.
 *
 * Memory: the two arrays (9 bytes a pair) plus O(people) for the encoded profiles.
 */
export class CompatibilityMatrix {
  /** `'bipartite'` (mentees × mentors) or `'peer'` (one pool, symmetric). */
  readonly kind: 'bipartite' | 'peer';
  readonly rows: number;
  readonly cols: number;
  readonly rowIds: readonly string[];
  readonly colIds: readonly string[];
  readonly scores: Float64Array;
  readonly forbidden: Uint8Array;
  /**
   * Row-major `Uint8Array` of the essential-fit checklist each allowed pair fails: a bit
   * set of `FAILS_SKILL` (1), `FAILS_LANGUAGE` (2) and `FAILS_TIME` (4); 0 = an essential
   * fit (see {@link CompatibilityMatrix.isEssentialFit}). 0 for forbidden pairs (not checked).
   */
  readonly checks: Uint8Array;
  readonly ruleNames: readonly string[];
  /** The criteria that were scored, with their weights, in report order. */
  readonly criteria: readonly WeightedCriterion[];
  /**
   * `'dense'`: `scores`, `forbidden` and `checks` hold every pair. `'streamed'`: a cohort
   * too large for that (the candidate path of `match`): the three arrays are empty and the
   * methods (`score`, `isForbidden`, `isEssentialFit`, `checkBits`, `reason`) read each
   * pair from what the streamed pass kept, or score its row again.
   */
  readonly storage: 'dense' | 'streamed';
  private readonly lookup: PairLookup | undefined;

  /** @internal Use {@link buildCompatibility} or {@link buildPeerCompatibility}. */
  constructor(
    kind: 'bipartite' | 'peer',
    ctx: ScoringContext,
    criteria: readonly Criterion[],
    weights: readonly WeightedCriterion[],
    rules: readonly Rule[],
    ruleNames: readonly string[],
    scores: Float64Array,
    forbidden: Uint8Array,
    checks: Uint8Array,
    lookup?: PairLookup,
  ) {
    this.kind = kind;
    this.storage = lookup ? 'streamed' : 'dense';
    this.lookup = lookup;
    this.rows = ctx.rows.n;
    this.cols = ctx.cols.n;
    this.rowIds = ctx.rows.people.map((p) => p.id);
    this.colIds = ctx.cols.people.map((p) => p.id);
    this.scores = scores;
    this.forbidden = forbidden;
    this.checks = checks;
    this.ruleNames = ruleNames;
    this.criteria = weights;
    INTERNALS.set(this, { ctx, criteria, weights, rules });
  }

  /** Score of row i, column j in [0, 1]. */
  score(i: number, j: number): number {
    return this.lookup ? this.lookup.score(i, j) : this.scores[i * this.cols + j];
  }

  /** The essential-fit bits of the pair (see {@link CompatibilityMatrix.checks}). */
  checkBits(i: number, j: number): number {
    return this.lookup ? this.lookup.checks(i, j) : this.checks[i * this.cols + j];
  }

  /** The pair's rule code (see {@link CompatibilityMatrix.forbidden}): 0 = allowed. */
  ruleCode(i: number, j: number): number {
    return this.lookup ? this.lookup.code(i, j) : this.forbidden[i * this.cols + j];
  }

  /**
   * True when the pair passes the essential-fit checklist (skill, language, time: a wanted
   * skill at level, a shared language, `ESSENTIAL_MINUTES` a week in common); false for a pair that fails a check or is forbidden.
   */
  isEssentialFit(i: number, j: number): boolean {
    return this.ruleCode(i, j) === 0 && this.checkBits(i, j) === 0;
  }

  /** True when the pair may not be matched. */
  isForbidden(i: number, j: number): boolean {
    return this.ruleCode(i, j) !== 0;
  }

  /** Why the pair is forbidden (the first rule that forbade it), or undefined. */
  reason(i: number, j: number): ForbiddenReason | undefined {
    const code = this.ruleCode(i, j);
    if (code === 0) return undefined;
    return this.reasons(i, j).find((r) => r.rule === this.ruleNames[code - 1]) ?? {
      rule: this.ruleNames[code - 1],
      message: this.ruleNames[code - 1],
    };
  }

  /** Every rule that forbids the pair, each with its sentence (empty when allowed). */
  reasons(i: number, j: number): ForbiddenReason[] {
    return forbiddenReasons(this, i, j);
  }

  /**
   * The scores as a solver input for maximisation: a new `{ rows, cols, data }` with
   * forbidden pairs set to `-Infinity` (and scores scaled by `scale`, e.g. 100).
   */
  toMaximizeInput(scale = 1): DenseMatrix {
    requireDense(this, 'toMaximizeInput');
    const data = new Float64Array(this.scores.length);
    for (let k = 0; k < data.length; k++) data[k] = this.forbidden[k] ? -Infinity : this.scores[k] * scale;
    return { rows: this.rows, cols: this.cols, data };
  }
}

/**
 * @internal The argument check of the functions that read a matrix's internals
 * (`explainPair`, `pairConcerns`, `groupConcerns`): a matrix built by this copy of
 * mentor-match, or an InvalidInputError naming the argument.
 *
 * @example
 * ```ts
 * requireMatrix(null, 'explainPair'); // throws: explainPair: matrix: expected a CompatibilityMatrix …; found null
 * ```
 */
export function requireMatrix(m: unknown, fn: string, name = 'matrix'): CompatibilityMatrix {
  if (typeof m !== 'object' || m === null || !INTERNALS.has(m as CompatibilityMatrix)) {
    throw argError(fn, name, 'a CompatibilityMatrix (from buildCompatibility, buildPeerCompatibility or matchWithMatrix) built by this copy of mentor-match', m);
  }
  return m as CompatibilityMatrix;
}

/**
 * @internal The check of what needs every pair in memory (the stability audit, solver
 * input): a streamed matrix is an `InvalidInputError` saying so.
 *
 * @example
 * ```ts
 * requireDense(matrix, 'stabilityAudit');
 * ```
 */
export function requireDense(m: CompatibilityMatrix, fn: string): void {
  if (m.storage !== 'dense') {
    throw argError(fn, 'matrix', `a dense matrix (this one was streamed: ${m.rows.toLocaleString('en-US')} × ${m.cols.toLocaleString('en-US')} pairs are not kept in memory; run on a smaller cohort for this)`, m);
  }
}

/** @internal The matrix internals, for explanations. */
export function internalsOf(m: CompatibilityMatrix): Internals {
  const x = INTERNALS.get(m);
  if (!x) throw new TypeError('not a CompatibilityMatrix built by this copy of mentor-match');
  return x;
}

function forbiddenReasons(m: CompatibilityMatrix, i: number, j: number): ForbiddenReason[] {
  const { criteria, weights, rules } = internalsOf(m);
  const out: ForbiddenReason[] = [];
  if (m.kind === 'peer' && i === j) out.push({ rule: 'self', message: 'a person cannot be paired with themself' });
  for (const r of rules) {
    const msg = r.reason(i, j, false);
    if (!msg) continue;
    // Peers: an asymmetric rule counts only when the other direction fails too.
    if (m.kind === 'peer' && !r.symmetric) {
      const back = r.reason(i, j, true);
      if (back) out.push({ rule: r.name, message: `${msg}; the other way round: ${back}` });
      continue;
    }
    out.push({ rule: r.name, message: msg });
  }
  criteria.forEach((c, k) => {
    if (!weights[k].must) return;
    const e = combined(c, i, j, m.kind === 'peer');
    if (e === 0) out.push({ rule: `must:${c.name}`, message: `${c.name} is required and this pair scores 0 on it` });
  });
  return out;
}

function combined(c: Criterion, i: number, j: number, peer: boolean): number {
  const f = c.explain(i, j, false).score;
  if (!peer || c.symmetric) return f;
  return nanMean(f, c.explain(i, j, true).score);
}

function nanMean(a: number, b: number): number {
  if (a !== a) return b;
  if (b !== b) return a;
  return (a + b) / 2;
}

/**
 * How a matrix is built (not what it holds: the scores are the same either way).
 */
export interface BuildOptions {
  /**
   * Score blocks of rows on this pool's workers when the matrix has at least
   * `pool.minPairs` pairs (default `PARALLEL_MIN_PAIRS`: 2 million) and the runtime
   * has `SharedArrayBuffer`; else, and by default, on the calling thread. The matrix's
   * arrays are then backed by `SharedArrayBuffer`s. Same bytes either way.
   */
  readonly pool?: ScoringPool;
}

function build(kind: 'bipartite' | 'peer', rowsP: readonly Participant[], colsP: readonly Participant[] | null, cfg: ResolvedConfig, cohort: CohortSides | undefined, pool: ScoringPool | undefined): CompatibilityMatrix {
  let scorer: RowScorer | undefined;
  const scorerHere = (): RowScorer => (scorer ??= new RowScorer(kind, rowsP, colsP, cfg, cohort));
  if (usePool(pool, rowsP.length, (colsP ?? rowsP).length)) {
    const R = rowsP.length;
    const C = (colsP ?? rowsP).length;
    const buffers = { scores: new SharedArrayBuffer(R * C * 8), forbidden: new SharedArrayBuffer(R * C), checks: new SharedArrayBuffer(R * C) };
    try {
      // The pool builds this thread's scorer once the job is sent (while the workers build theirs).
      pool.runRows({ kind, rows: R, rowParticipants: rowsP, colParticipants: colsP, config: cfg, ...(cohort ? { cohort } : {}), pass: 'dense', params: [], buffers }, scorerHere);
    } catch (e) {
      // A pool from another copy of mentor-match (e.g. mentor-match/node's bundle) throws its copy's
      // error classes: rebuilt as this copy's, so that `instanceof ConfigError` holds.
      throw isMatchError(e) && !(e instanceof MatchError) ? errorFromPayload(errorToPayload(e)) : e;
    }
    const s = scorerHere();
    return new CompatibilityMatrix(kind, s.ctx, s.criteria, s.weights, s.rules, s.ruleNames, new Float64Array(buffers.scores), new Uint8Array(buffers.forbidden), new Uint8Array(buffers.checks));
  }
  const s = scorerHere();
  const R = s.rows;
  const C = s.cols;
  const scores = new Float64Array(R * C);
  const forbidden = new Uint8Array(R * C);
  const checks = new Uint8Array(R * C);
  for (let i = 0; i < R; i++) {
    const off = i * C;
    s.scoreRow(i, scores.subarray(off, off + C), forbidden.subarray(off, off + C), checks.subarray(off, off + C));
  }
  return new CompatibilityMatrix(kind, s.ctx, s.criteria, s.weights, s.rules, s.ruleNames, scores, forbidden, checks);
}

/**
 * Scores every mentee (row) against every mentor (column).
 *
 * Each criterion (see the README) maps a pair to [0, 1] or "not applicable" when data
 * is missing on either side; the pair score is the weighted mean of the criteria that
 * apply (weights re-normalised per pair), so missing data neither rewards nor
 * penalises. A criterion with `must` also forbids the pairs that score 0 on it; hard
 * rules forbid pairs and record why.
 *
 * Work: each criterion fills a whole row at once from inverted indexes and typed
 * arrays — no per-pair allocation. Memory: 9 bytes a pair plus O(people).
 *
 * @param mentees - validated participants (see `parseParticipants`); rows.
 * @param mentors - validated participants; columns.
 * @param config - criteria weights, options and hard rules (see {@link ScoringConfig}).
 * @param cohort - The whole cohort when `mentees` × `mentors` is part of it (see
 *   {@link CohortSides}); default: the matrix's own sides.
 * @param options - {@link BuildOptions}: `pool`, worker threads to score a large matrix
 *   on (see `createWorkerPool` in `mentor-match/node`).
 * @throws ConfigError (`INVALID_CONFIG`) on an invalid configuration, including a rule
 *   naming an unknown participant.
 *
 * @example
 * ```ts
 * const people = parseParticipants(json);
 * const mentees = people.filter((p) => p.roles.includes('mentee'));
 * const mentors = people.filter((p) => p.roles.includes('mentor'));
 * const m = buildCompatibility(mentees, mentors, { weights: { skills: 'must' } });
 * m.score(0, 0);           // 0.83
 * m.reason(1, 0)?.message; // 'Ana is Ben's manager'
 *
 * // On 4 worker threads (Node), the same bytes:
 * const pool = createWorkerPool(4);
 * const big = buildCompatibility(mentees, mentors, {}, undefined, { pool });
 * await pool.close();
 * ```
 * @throws WorkerError (`WORKER_FAILED`) when a worker of `options.pool` dies or fails
 *   with an error that is not a MatchError (a MatchError comes back as itself).
 */
export function buildCompatibility(
  mentees: readonly Participant[],
  mentors: readonly Participant[],
  config: ScoringConfig = {},
  cohort?: CohortSides,
  options: BuildOptions = {},
): CompatibilityMatrix {
  requireParticipants(mentees, 'buildCompatibility', 'mentees');
  requireParticipants(mentors, 'buildCompatibility', 'mentors');
  return build('bipartite', mentees, mentors, resolveConfig(config), cohort, buildPool(options, 'buildCompatibility'));
}

/**
 * Scores a peer pool against itself: a symmetric n × n matrix. Asymmetric criteria
 * (skills, seniority) are scored in both directions and averaged; asymmetric rules
 * forbid a pair when they forbid either direction; the diagonal is forbidden (`self`).
 *
 * @example
 * ```ts
 * const m = buildPeerCompatibility(pool, {});
 * m.score(0, 1) === m.score(1, 0); // true
 * buildPeerCompatibility(pool, {}, { pool: workers }); // the same matrix, scored on worker threads
 * ```
 *
 * @param pool - The peers (validated participants).
 * @param config - As for {@link buildCompatibility}.
 * @param options - {@link BuildOptions} (`pool`: worker threads), as for {@link buildCompatibility}.
 */
export function buildPeerCompatibility(pool: readonly Participant[], config: ScoringConfig = {}, options: BuildOptions = {}): CompatibilityMatrix {
  requireParticipants(pool, 'buildPeerCompatibility', 'pool');
  return build('peer', pool, null, resolveConfig(config), undefined, buildPool(options, 'buildPeerCompatibility'));
}

/** The pool of build options, checked. */
function buildPool(options: BuildOptions, fn: string): ScoringPool | undefined {
  if (options === undefined) return undefined;
  if (typeof options !== 'object' || options === null) throw argError(fn, 'options', 'an object { pool? }, or nothing', options);
  const pool = options.pool;
  if (pool !== undefined && !isScoringPool(pool)) throw argError(fn, 'options.pool', 'a ScoringPool: an object with a positive integer size and a runRows function (see createWorkerPool)', pool);
  return pool;
}

/**
 * @internal A matrix over a {@link RowScorer}'s cohort that keeps no dense arrays: its
 * pairs come from `lookup` (what the candidate path's streamed pass kept, rows scored
 * again for the rest). Explanations, reasons and concerns work as on a dense matrix.
 *
 * @example
 * ```ts
 * const m = streamedMatrix(scorer, lookup);
 * m.storage; // 'streamed'
 * explainPair(m, 0, 3).score;
 * ```
 */
export function streamedMatrix(scorer: RowScorer, lookup: PairLookup): CompatibilityMatrix {
  const none = new Float64Array(0);
  return new CompatibilityMatrix(scorer.kind, scorer.ctx, scorer.criteria, scorer.weights, scorer.rules, scorer.ruleNames, none, new Uint8Array(0), new Uint8Array(0), lookup);
}
