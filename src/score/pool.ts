/**
 * Scoring on several threads: what a runtime provides ({@link ScoringPool}) and what it is
 * given ({@link RowJob}). The core never starts a thread itself (it imports nothing from
 * `node:`); a runtime does — `createWorkerPool` in `mentor-match/node` for Node's
 * `worker_threads`. A row's scores depend only on the row and the cohort, so blocks of rows
 * scored in separate workers are bit for bit the rows of a single-threaded build.
 *
 * @module
 */
import { ConfigError, CsvFileError, InfeasibleError, InsufficientDataError, InvalidInputError, MatchError, ProfileError, TooLargeError, WorkerError, isMatchError, type ConfigIssue, type CsvIssueLike, type ProfileIssue } from '../errors.js';
import type { Participant } from '../profile/types.js';
import type { ResolvedConfig } from './config.js';
import type { CohortSides } from './row-scorer.js';

/**
 * One job for a {@link ScoringPool}: everything a worker needs to rebuild the same
 * `RowScorer` and run one row pass (see `ROW_PASSES`) over rows `[0, rows)`. Plain data
 * (structured-clonable) apart from the shared output buffers, which every worker writes
 * into directly.
 */
export interface RowJob {
  /** `'bipartite'` (mentees × mentors) or `'peer'` (one pool against itself). */
  readonly kind: 'bipartite' | 'peer';
  /** Rows to run: `[0, rows)`, the number of row participants. */
  readonly rows: number;
  readonly rowParticipants: readonly Participant[];
  /** The columns; null in a peer job (the rows are the columns). */
  readonly colParticipants: readonly Participant[] | null;
  /** The resolved scoring configuration (plain data: structured-clonable). */
  readonly config: ResolvedConfig;
  /** The whole cohort when the matrix covers only part of it (see `CohortSides`). */
  readonly cohort?: CohortSides;
  /** The row pass to run, a key of `ROW_PASSES` (e.g. `'dense'`). */
  readonly pass: string;
  /** The pass's numeric parameters (none for `dense`). */
  readonly params: readonly number[];
  /** The pass's other settings, plain data (structured-clonable; none for `dense`). */
  readonly spec?: unknown;
  /**
   * The pass's output buffers, by name (for `dense`: `scores`, `forbidden`, `checks`):
   * `SharedArrayBuffer`s for a pool (every worker writes into them); the calling thread's
   * pass takes any.
   */
  readonly buffers: Readonly<Record<string, ArrayBufferLike>>;
}

/**
 * The calling thread's scorer for a {@link RowJob}, which {@link ScoringPool.runRows} may
 * ask for through `here`. Opaque to a pool: only its shape is public; mentor-match's own
 * pool (`createWorkerPool`) scores blocks of rows with it while its workers score theirs,
 * and another pool may ignore `here`.
 *
 * @example
 * ```ts
 * const pool: ScoringPool = {
 *   size: 1,
 *   runRows(job, here) {
 *     const scorer: JobScorer | undefined = here?.(); // { kind, rows, cols, … }
 *     // … score rows [0, job.rows) into job.buffers …
 *   },
 * };
 * ```
 */
export interface JobScorer {
  /** `'bipartite'` (mentees × mentors) or `'peer'`, as the job's `kind`. */
  readonly kind: 'bipartite' | 'peer';
  /** Rows of the matrix it scores. */
  readonly rows: number;
  /** Columns of the matrix it scores. */
  readonly cols: number;
}

/**
 * What a runtime provides to score rows on several threads. `runRows` is synchronous
 * (as `match` is): it returns when every row is done, or throws.
 *
 * Contract: a `MatchError` thrown by the pass in a worker is thrown again by `runRows`
 * as the same error (same class, `code`, `message`, `details`, `issues`); a worker that
 * dies or throws anything else is a {@link WorkerError} (`WORKER_FAILED`) — never a hang.
 *
 * @example
 * ```ts
 * const pool = createWorkerPool(4); // from 'mentor-match/node'
 * const m = buildCompatibility(mentees, mentors, {}, undefined, { pool });
 * await pool.close();
 * ```
 */
export interface ScoringPool {
  /** Number of worker threads. */
  readonly size: number;
  /**
   * The smallest matrix (rows × columns) worth scoring on this pool; smaller ones are
   * scored on the calling thread.
   *
   * @defaultValue {@link PARALLEL_MIN_PAIRS}
   */
  readonly minPairs?: number;
  /**
   * Runs rows `[0, job.rows)` in blocks on the workers; returns when all are done
   * (synchronously).
   *
   * @param job - The job (see {@link RowJob}).
   * @param here - Gives the job's scorer on the calling thread, when the caller has one (as
   *   `buildCompatibility` does): the pool may then score blocks on the calling thread too
   *   while it waits, so `size` workers and the caller score together. Called (at most
   *   once) after the job is sent, so that the caller builds its scorer while the workers
   *   build theirs.
   */
  runRows(job: RowJob, here?: () => JobScorer): void;
}

/**
 * The smallest matrix (rows × columns) a {@link ScoringPool} scores by default: 2 million
 * pairs (about 0.3 s on one core). Below it, starting the job on the workers (sending
 * every participant to each, encoding them there) costs about as much as it saves.
 *
 * @example
 * ```ts
 * PARALLEL_MIN_PAIRS; // 2000000
 * ```
 */
export const PARALLEL_MIN_PAIRS = 2_000_000;

/**
 * True when `x` has the shape of a {@link ScoringPool}: a positive integer `size`, a
 * `runRows` function, and `minPairs` (if given) a number ≥ 0.
 *
 * @example
 * ```ts
 * isScoringPool({ size: 2, runRows() {} }); // true
 * isScoringPool({ size: 0, runRows() {} }); // false
 * ```
 */
export function isScoringPool(x: unknown): x is ScoringPool {
  if (typeof x !== 'object' || x === null) return false;
  const p = x as Record<string, unknown>;
  const size = p.size;
  const minPairs = p.minPairs;
  return typeof size === 'number' && Number.isInteger(size) && size >= 1 && typeof p.runRows === 'function' && (minPairs === undefined || (typeof minPairs === 'number' && minPairs >= 0));
}

/**
 * True when `pool` should score a `rows × cols` matrix: given, the runtime has
 * `SharedArrayBuffer` (a browser page needs cross-origin isolation for it) and the matrix
 * has at least `pool.minPairs` pairs.
 *
 * @example
 * ```ts
 * usePool({ size: 2, runRows() {} }, 1000, 1000); // false (1 million pairs < PARALLEL_MIN_PAIRS)
 * ```
 */
export function usePool(pool: ScoringPool | undefined, rows: number, cols: number): pool is ScoringPool {
  if (pool === undefined || typeof SharedArrayBuffer === 'undefined' || typeof Atomics === 'undefined') return false;
  return rows > 0 && cols > 0 && rows * cols >= (pool.minPairs ?? PARALLEL_MIN_PAIRS);
}

/**
 * The rows a worker claims at a time for a job of `rows` rows on `size` workers: about
 * eight blocks a worker (so a slow block does not leave the others idle), at least one row.
 *
 * @example
 * ```ts
 * blockRows(10_000, 2); // 625
 * blockRows(2, 3);      // 1
 * ```
 */
export function blockRows(rows: number, size: number): number {
  return Math.max(1, Math.ceil(rows / (8 * Math.max(1, size))));
}

/** An error as it crosses from a worker to the thread that waits for it (structured-clonable). */
export interface WorkerErrorPayload {
  readonly name: string;
  readonly message: string;
  /** A MatchError's code; absent for any other error. */
  readonly code?: string;
  readonly details?: Readonly<Record<string, unknown>>;
  /** ConfigError, ProfileError, CsvFileError: their issues. */
  readonly issues?: readonly unknown[];
  readonly stack?: string;
}

/**
 * An error thrown in a worker as plain data, for {@link errorFromPayload} on the other side.
 *
 * @example
 * ```ts
 * errorToPayload(new InfeasibleError('no', { a: 1 })); // { name: 'InfeasibleError', code: 'INFEASIBLE', message: 'no', details: { a: 1 }, … }
 * ```
 */
export function errorToPayload(e: unknown): WorkerErrorPayload {
  if (isMatchError(e)) {
    const issues = (e as { issues?: unknown }).issues;
    return { name: e.name, code: e.code, message: e.message, details: plain(e.details), ...(Array.isArray(issues) ? { issues: plain(issues) } : {}), ...(e.stack ? { stack: e.stack } : {}) };
  }
  if (e instanceof Error) return { name: e.name, message: e.message, ...(e.stack ? { stack: e.stack } : {}) };
  return { name: 'Error', message: `a worker threw ${typeof e === 'string' ? JSON.stringify(e) : String(e)}` };
}

/** `x` as JSON-like plain data (details may hold anything; a worker must be able to post them). */
function plain<T>(x: T): T {
  try {
    return structuredClone(x);
  } catch {
    return JSON.parse(JSON.stringify(x, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)) ?? 'null') as T;
  }
}

/**
 * The error a worker threw, rebuilt on the waiting thread: a MatchError as the same class
 * with the same code, message, details and issues; anything else as a {@link WorkerError}
 * naming it. The worker's stack is appended to the local one.
 *
 * @example
 * ```ts
 * errorFromPayload(errorToPayload(new ConfigError(['x: bad']))) instanceof ConfigError; // true
 * ```
 */
export function errorFromPayload(p: WorkerErrorPayload, worker?: number): MatchError {
  const details = { ...(p.details ?? {}) };
  const issues = p.issues ?? [];
  let e: MatchError;
  switch (p.code === undefined ? '' : p.name) {
    case 'ConfigError':
      e = new ConfigError(issues as ConfigIssue[]);
      break;
    case 'ProfileError':
      e = new ProfileError(issues as ProfileIssue[]);
      break;
    case 'CsvFileError':
      e = new CsvFileError(issues as CsvIssueLike[]);
      break;
    case 'InvalidInputError':
      e = new InvalidInputError(p.message, details);
      break;
    case 'InfeasibleError':
      e = new InfeasibleError(p.message, details);
      break;
    case 'TooLargeError':
      e = new TooLargeError(p.message, details);
      break;
    case 'InsufficientDataError':
      e = new InsufficientDataError(p.message, details);
      break;
    case 'WorkerError':
      e = new WorkerError(p.message, details);
      break;
    case '':
      e = new WorkerError(`a scoring worker${worker === undefined ? '' : ` (${worker})`} failed: ${p.name}: ${p.message}`, { ...(worker === undefined ? {} : { worker }), name: p.name, message: p.message });
      break;
    default:
      e = new MatchError(p.code as MatchError['code'], p.message, details);
      if (p.name !== 'MatchError') Object.defineProperty(e, 'name', { value: p.name, configurable: true, writable: true });
  }
  if (e.message !== p.message && p.code !== undefined) Object.defineProperty(e, 'message', { value: p.message, configurable: true, writable: true });
  if (p.stack && e.stack) e.stack = `${e.stack}\n--- in the worker:\n${p.stack}`;
  return e;
}
