/**
 * The row passes a scoring worker can run, by name: what it does with each row a
 * {@link RowScorer} scores. A pool's worker rebuilds the job's `RowScorer` once, then runs
 * the job's pass on each block of rows it claims: this layer's ({@link ROW_PASSES}) or a
 * higher layer's, which the worker is given (the matching layer's `JOB_PASSES`).
 *
 * @module
 */
import { InvalidInputError } from '../errors.js';
import type { RowJob } from './pool.js';
import { RowScorer } from './row-scorer.js';

/**
 * A row pass: scores rows `[start, end)` with `scorer` and writes what it keeps into the
 * job's shared `buffers`. It must write only what belongs to its rows (other workers write
 * the other rows at the same time), or to its thread's own part (`slot`: what a thread
 * gathers over all the rows it scores, merged once the job is done), and depend on
 * nothing but the rows, the job's `params`, `spec` and `buffers`, so that any split of
 * the rows gives the same bytes once merged.
 *
 * @param scorer - The job's scorer (built once per job in each worker).
 * @param start - First row (inclusive).
 * @param end - Last row (exclusive).
 * @param job - The job: its `params`, `spec` and shared output `buffers`.
 * @param slot - The thread running the block: 0 ≤ slot ≤ the pool's `size` (the calling
 *   thread is `size`; {@link runRowJob} runs everything as slot 0).
 *
 * @example
 * ```ts
 * // Each row's best score, one Float64 a row:
 * const bestPass: RowPass = (scorer, start, end, { buffers }) => {
 *   const best = new Float64Array(buffers.best);
 *   const s = new Float64Array(scorer.cols), code = new Uint8Array(scorer.cols), checks = new Uint8Array(scorer.cols);
 *   for (let i = start; i < end; i++) {
 *     scorer.scoreRow(i, s, code, checks);
 *     best[i] = Math.max(0, ...s);
 *   }
 * };
 * ```
 */
export type RowPass = (scorer: RowScorer, start: number, end: number, job: RowJob, slot: number) => void;

/**
 * `dense`: the full matrix, as `buildCompatibility` stores it: row `i` of `scores`
 * (Float64, row-major `rows × cols`), `forbidden` and `checks` (Uint8). No params.
 *
 * @example
 * ```ts
 * densePass(scorer, 0, scorer.rows, job, 0); // job.buffers: scores, forbidden, checks — the whole matrix
 * ```
 */
export const densePass: RowPass = (scorer, start, end, { buffers }) => {
  const C = scorer.cols;
  const scores = new Float64Array(buffers.scores, start * C * 8, (end - start) * C);
  const forbidden = new Uint8Array(buffers.forbidden, start * C, (end - start) * C);
  const checks = new Uint8Array(buffers.checks, start * C, (end - start) * C);
  for (let i = start; i < end; i++) {
    const off = (i - start) * C;
    scorer.scoreRow(i, scores.subarray(off, off + C), forbidden.subarray(off, off + C), checks.subarray(off, off + C));
  }
};

/**
 * The scoring layer's row passes by name. To add one, write a {@link RowPass} and add it
 * here (or, for a higher layer's pass, to that layer's table, which the worker reads):
 * every worker (and {@link runRowJob}) finds it by the job's `pass`.
 *
 * @example
 * ```ts
 * Object.keys(ROW_PASSES); // ['dense']
 * ```
 */
export const ROW_PASSES: Readonly<Record<string, RowPass>> = Object.freeze({ dense: densePass });

/**
 * The pass a job names, in `passes` (default {@link ROW_PASSES}; a higher layer adds its
 * own passes to these, as `match` does for its candidate pass).
 *
 * @throws InvalidInputError (`INVALID_INPUT`) for a name that is not a key of `passes`.
 *
 * @example
 * ```ts
 * rowPass('dense') === densePass; // true
 * rowPass('sparse'); // throws InvalidInputError: unknown row pass 'sparse'; expected one of 'dense'
 * ```
 */
export function rowPass(name: string, passes: Readonly<Record<string, RowPass>> = ROW_PASSES): RowPass {
  const pass = Object.hasOwn(passes, name) ? passes[name] : undefined;
  if (!pass) throw new InvalidInputError(`unknown row pass ${JSON.stringify(name)}; expected one of ${Object.keys(passes).map((k) => `'${k}'`).join(', ')}`, { pass: name });
  return pass;
}

/**
 * The job's scorer, as every worker rebuilds it.
 *
 * @example
 * ```ts
 * jobScorer(job).rows === job.rows; // true
 * ```
 */
export function jobScorer(job: RowJob): RowScorer {
  return new RowScorer(job.kind, job.rowParticipants, job.colParticipants, job.config, job.cohort);
}

/**
 * Runs a whole job on the calling thread: the single-threaded reference a pool must
 * equal bit for bit (and what a runtime without threads can do instead).
 *
 * @example
 * ```ts
 * runRowJob(job); // job.buffers now hold every row
 * ```
 */
export function runRowJob(job: RowJob, passes: Readonly<Record<string, RowPass>> = ROW_PASSES, scorer: RowScorer = jobScorer(job)): void {
  rowPass(job.pass, passes)(scorer, 0, job.rows, job, 0);
}
