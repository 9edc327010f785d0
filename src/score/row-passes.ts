/**
 * The row passes a scoring worker can run, by name: what it does with each row a
 * {@link RowScorer} scores. A pool's worker rebuilds the job's `RowScorer` once, then runs
 * `ROW_PASSES[job.pass]` on each block of rows it claims.
 *
 * @module
 */
import { InvalidInputError } from '../errors.js';
import type { RowJob } from './pool.js';
import { RowScorer } from './row-scorer.js';

/**
 * A row pass: scores rows `[start, end)` with `scorer` and writes what it keeps into the
 * job's shared `buffers`. It must write only what belongs to its rows (other workers write
 * the other rows at the same time) and depend on nothing but the rows, `params` and
 * `buffers`, so that any split of the rows gives the same bytes.
 *
 * @param scorer - The job's scorer (built once per job in each worker).
 * @param start - First row (inclusive).
 * @param end - Last row (exclusive).
 * @param params - The job's numeric parameters.
 * @param buffers - The job's shared output buffers, by name.
 *
 * @example
 * ```ts
 * // Each row's best score, one Float64 a row (params unused):
 * const bestPass: RowPass = (scorer, start, end, _params, buffers) => {
 *   const best = new Float64Array(buffers.best);
 *   const s = new Float64Array(scorer.cols), code = new Uint8Array(scorer.cols), checks = new Uint8Array(scorer.cols);
 *   for (let i = start; i < end; i++) {
 *     scorer.scoreRow(i, s, code, checks);
 *     best[i] = Math.max(0, ...s);
 *   }
 * };
 * ```
 */
export type RowPass = (scorer: RowScorer, start: number, end: number, params: readonly number[], buffers: Readonly<Record<string, SharedArrayBuffer>>) => void;

/**
 * `dense`: the full matrix, as `buildCompatibility` stores it: row `i` of `scores`
 * (Float64, row-major `rows × cols`), `forbidden` and `checks` (Uint8). No params.
 *
 * @example
 * ```ts
 * densePass(scorer, 0, scorer.rows, [], { scores, forbidden, checks }); // the whole matrix
 * ```
 */
export const densePass: RowPass = (scorer, start, end, _params, buffers) => {
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
 * The row passes by name. To add one, write a {@link RowPass} and add it here: every
 * worker (and {@link runRowJob}) finds it by the job's `pass`.
 *
 * @example
 * ```ts
 * Object.keys(ROW_PASSES); // ['dense']
 * ```
 */
export const ROW_PASSES: Readonly<Record<string, RowPass>> = Object.freeze({ dense: densePass });

/**
 * The pass a job names.
 *
 * @throws InvalidInputError (`INVALID_INPUT`) for a name that is not a key of {@link ROW_PASSES}.
 *
 * @example
 * ```ts
 * rowPass('dense') === densePass; // true
 * rowPass('sparse'); // throws InvalidInputError: unknown row pass 'sparse'; expected one of 'dense'
 * ```
 */
export function rowPass(name: string): RowPass {
  const pass = Object.hasOwn(ROW_PASSES, name) ? ROW_PASSES[name] : undefined;
  if (!pass) throw new InvalidInputError(`unknown row pass ${JSON.stringify(name)}; expected one of ${Object.keys(ROW_PASSES).map((k) => `'${k}'`).join(', ')}`, { pass: name });
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
export function runRowJob(job: RowJob): void {
  const pass = rowPass(job.pass);
  pass(jobScorer(job), 0, job.rows, job.params, job.buffers);
}
