import type { ResolvedConfig } from '../config.js';
import type { Dictionaries, EncodedSide } from '../encode.js';

/**
 * What every criterion and rule sees: the two encoded sides (the same object twice in a
 * peer pool), the shared dictionaries and the resolved configuration.
 */
export interface ScoringContext {
  /** Row side: mentees (or the pool). */
  readonly rows: EncodedSide;
  /** Column side: mentors (or the pool). */
  readonly cols: EncodedSide;
  readonly dict: Dictionaries;
  readonly cfg: ResolvedConfig;
  /** True for a peer pool: rows and cols are the same people. */
  readonly peer: boolean;
}

/** A criterion's score for one pair and the evidence that actually matched, in words. */
export interface Evidence {
  /** In [0, 1]; NaN when the criterion does not apply (missing data on either side). */
  readonly score: number;
  readonly evidence: readonly string[];
}

/**
 * A scoring criterion: maps a pair to a score in [0, 1] (NaN = not applicable).
 *
 * `scoreRow(i, out, reverse, skip)` fills `out[j]` for every column person j. With
 * `reverse = false` row person i is the mentee and j the mentor; with `reverse = true`
 * (peer pools, for asymmetric criteria) i is the mentor and j the mentee. Symmetric
 * criteria ignore `reverse`. When `skip` is given, a criterion may leave `out[j]`
 * unset wherever `skip[j] !== 0` (pairs already forbidden: their score is not used);
 * the costly criteria do. Columns below `from` (0 unless given) may be left unset too:
 * a peer pool's streamed pass scores each pair once, from its lower-numbered person.
 * No allocation per pair.
 */
export interface Criterion {
  readonly name: string;
  readonly symmetric: boolean;
  scoreRow(i: number, out: Float64Array, reverse: boolean, skip?: Uint8Array, from?: number): void;
  /** Score and evidence for mentee `a` (a row) and mentor `b` (a column), or reversed. */
  explain(a: number, b: number, reverse: boolean): Evidence;
}

/** Display name of a participant for evidence lines. */
export function who(side: EncodedSide, i: number): string {
  const p = side.people[i];
  return p.name ?? p.id;
}
