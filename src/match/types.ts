import type { CriterionBreakdown } from '../score/explain.js';
import type { MatchMode, Objective } from './config.js';

/** One mentee–mentor pair (or two peers) in a result. */
export interface MatchedPair {
  /** Mentee id (peer mode: the first of the two, by id). */
  readonly menteeId: string;
  /** Mentor id (peer mode: the second). */
  readonly mentorId: string;
  /** Compatibility on 0–100 (without preference or priority bonuses). */
  readonly score: number;
  /** Kept from a locked pair of an earlier round. */
  readonly locked: boolean;
  /** Per-criterion breakdown with evidence in words. */
  readonly breakdown: readonly CriterionBreakdown[];
}

/** A mentor with a group of mentees (group mode), or a peer trio / circle. */
export interface MatchedGroup {
  /** The mentor (group mode); undefined for peer groups. */
  readonly mentorId: string | undefined;
  readonly memberIds: readonly string[];
  /** Mean pair score of the group on 0–100 (mentor–mentee pairs, or all peer pairs). */
  readonly score: number;
}

/** Why a participant is not in any pair or group. */
export interface UnmatchedReason {
  /** `all-forbidden`, `below-min-score`, `no-capacity`, `group-dissolved`, `odd-one-out`, `not-in-circle`, `not-needed`, `no-candidates`. */
  readonly code: string;
  readonly message: string;
}

/** A participant left unmatched, with the reason. */
export interface Unmatched {
  readonly id: string;
  readonly role: 'mentee' | 'mentor' | 'peer';
  readonly reason: UnmatchedReason;
}

/** Summary statistics of a result. */
export interface MatchStats {
  readonly participants: number;
  readonly matched: number;
  readonly unmatched: number;
  /** Number of pairs (peer groups count their internal pairs). */
  readonly pairs: number;
  /** Mean, lowest and sum of pair scores, 0–100 (0 when there is no pair). */
  readonly meanScore: number;
  readonly minScore: number;
  readonly totalScore: number;
}

/** The value `match` optimised, with the price of fairness when that objective is used. */
export interface ObjectiveValue {
  readonly name: Objective;
  /** best-total / most-matched: total score (0–100 scale, bonuses included); fairness: the lowest pair score reached. */
  readonly value: number;
  /** fairness only: total score lost versus the best-total answer with as many matched (≥ 0). */
  readonly priceOfFairness?: number;
}

/** Result of {@link match}: tagged by mode, readonly, reproducible through `configHash`. */
export interface MatchResult {
  readonly mode: MatchMode;
  readonly pairs: readonly MatchedPair[];
  /** Groups in group mode, peer trios and circles in peer mode; empty otherwise. */
  readonly groups: readonly MatchedGroup[];
  readonly unmatched: readonly Unmatched[];
  readonly stats: MatchStats;
  readonly objective: ObjectiveValue;
  /** FNV-1a hash (hex) of the canonical configuration and participants: equal hashes, equal runs. */
  readonly configHash: string;
}
