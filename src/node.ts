/**
 * `mentor-match/node`: what only Node can run. `createWorkerPool` scores large matrices on
 * worker threads; pass the pool to `match`, `matchWithMatrix`, `matchMatrix` (config
 * `pool`) or `buildCompatibility` / `buildPeerCompatibility` (`{ pool }`).
 *
 * @example
 * ```ts
 * import { match } from 'mentor-match';
 * import { createWorkerPool } from 'mentor-match/node';
 *
 * const pool = createWorkerPool(); // every core: availableParallelism() - 1 workers + this thread
 * try {
 *   const result = match(people, { mode: 'capacity', pool }); // the same result as without the pool
 * } finally {
 *   await pool.close();
 * }
 * ```
 *
 * @module
 */
export { createWorkerPool } from './cli/worker-pool.js';
export type { WorkerPool, WorkerPoolOptions } from './cli/worker-pool.js';
export type { JobScorer, RowJob, ScoringPool } from './score/pool.js';
export { PARALLEL_MIN_PAIRS } from './score/pool.js';
