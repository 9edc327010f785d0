/**
 * Every row pass a scoring pool may be asked to run: the scoring layer's own (`dense`)
 * and the matching layer's (`candidates` and `peer-candidates`, the candidate paths'
 * streamed passes). A pool's worker finds a job's pass here.
 *
 * @module
 */
import { ROW_PASSES, type RowPass } from '../score/row-passes.js';
import { candidatePass } from './candidate-stream.js';
import { peerStreamPass } from './peer-stream.js';

/**
 * The row passes by name, for `rowPass(job.pass, JOB_PASSES)`.
 *
 * @example
 * ```ts
 * Object.keys(JOB_PASSES); // ['dense', 'candidates', 'peer-candidates']
 * ```
 */
export const JOB_PASSES: Readonly<Record<string, RowPass>> = Object.freeze({ ...ROW_PASSES, candidates: candidatePass, 'peer-candidates': peerStreamPass });
