/**
 * The CLI's choice of worker threads for scoring (`--workers`): a pool when the matrix is
 * large enough to pay for it, else none (one thread).
 *
 * @module
 */
import { availableParallelism } from 'node:os';

import { ConfigError, isMatchError } from '../errors.js';
import type { MatchConfig } from '../match/config.js';
import type { Participant } from '../profile/types.js';
import { PARALLEL_MIN_PAIRS } from '../score/pool.js';
import { createWorkerPool, type WorkerPool } from './worker-pool.js';

/**
 * A worker pool for scoring this cohort, or undefined to score on one thread: `workers`
 * threads score in all (default: every core) — `workers − 1` pool workers and the main
 * thread —, when the matrix `match` builds (mentees ×
 * mentors; peers × peers in peer mode) has at least `MENTOR_MATCH_PARALLEL_MIN_PAIRS`
 * pairs (default `PARALLEL_MIN_PAIRS`, 2 million). From source without tsx: undefined.
 *
 * @param people - The cohort.
 * @param config - The run's config (for its mode).
 * @param workers - `--workers`, if given (1: one thread).
 * @param env - The environment (default `process.env`).
 * @returns The pool (close it when done), or undefined.
 * @throws {@link ConfigError} when `MENTOR_MATCH_PARALLEL_MIN_PAIRS` is not a number ≥ 0.
 *
 * @example
 * ```ts
 * const pool = scoringPool(people, config, 4);
 * try { matchWithMatrix(people, { ...config, ...(pool ? { pool } : {}) }); } finally { await pool?.close(); }
 * ```
 */
export function scoringPool(people: readonly Participant[], config: MatchConfig, workers: number | undefined, env: NodeJS.ProcessEnv = process.env): WorkerPool | undefined {
  const size = workers ?? availableParallelism();
  const minPairs = parallelMinPairs(env);
  if (size <= 1) return undefined;
  const pairs = config.mode === 'peer' ? people.length ** 2 : people.filter((p) => p.roles.includes('mentee')).length * people.filter((p) => p.roles.includes('mentor')).length;
  if (pairs === 0 || pairs < minPairs) return undefined;
  try {
    return createWorkerPool({ size: size - 1, minPairs });
  } catch (e) {
    if (isMatchError(e) && e.code === 'WORKER_FAILED') return undefined; // from source without tsx: one thread
    throw e;
  }
}

function parallelMinPairs(env: NodeJS.ProcessEnv): number {
  const v = env.MENTOR_MATCH_PARALLEL_MIN_PAIRS;
  if (v === undefined || v.trim() === '') return PARALLEL_MIN_PAIRS;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new ConfigError([`MENTOR_MATCH_PARALLEL_MIN_PAIRS: expected a number of pairs ≥ 0; found ${JSON.stringify(v)}`]);
  return n;
}
