import type { Concern } from '../score/concerns.js';
import type { CriterionBreakdown } from '../score/explain.js';
import type { UnmatchedCode, UNMATCHED_REASONS } from './reason-codes.js';
import type { MatchMode, Objective } from './config.js';
import type { Tier } from './tiers.js';

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
  /** True when the pair passes the essential-fit checklist: a wanted skill at level, a shared language, ≥ 30 min a week in common (each passes when a side gave no data). */
  readonly essentialFit: boolean;
  /** What to check before accepting the pair (failed checks, a large time-zone gap, a mentor not more senior); empty when nothing. */
  readonly concerns: readonly Concern[];
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
  /** Concerns about the group as a whole (`no-common-time`: its members share no common half hour); empty when none. */
  readonly concerns: readonly Concern[];
}

/** Why a participant is not in any pair or group. */
export interface UnmatchedReason {
  /** One of {@link UNMATCHED_REASONS}' keys (`no-capacity`, `quota`, `locked`, `no-shared-language`, …). */
  readonly code: UnmatchedCode;
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
  /** Number of pairs (peer trios and circles count their internal pairs). */
  readonly pairs: number;
  /** Mean, lowest and sum of pair scores, 0–100 (0 when there is no pair); peer trios and circles count their internal pairs. */
  readonly meanScore: number;
  /** The lowest pair score (named apart from the `minScore` option, which forbids weaker pairs). */
  readonly lowestScore: number;
  readonly totalScore: number;
}

/** The value `match` optimised, with the price of fairness when that objective is used. */
export interface ObjectiveValue {
  readonly name: Objective;
  /** best-total / most-matched: total score (0–100 scale, bonuses included, the tiers' lift not); fairness: the lowest pair score reached (bonuses excluded: exactly `stats.lowestScore`). */
  readonly value: number;
  /** fairness only: total score lost versus the best-total answer with as many matched (≥ 0). */
  readonly priceOfFairness?: number;
}

/**
 * How the answer was searched: `exact` when it is provably optimal (the assignment,
 * b-matching and blossom solvers; the group solver without cohesion and with no group
 * dissolved), else a heuristic — then `converged` says whether the local search reached a
 * local optimum or stopped at its work budget, and `moves` how many improving moves it made.
 */
export interface SearchStatus {
  readonly exact: boolean;
  readonly converged: boolean;
  readonly moves: number;
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
  /** What was maximised before the objective, in order (the `tiers` option; see `DEFAULT_TIERS`). */
  readonly tiers: readonly Tier[];
  /** Whether the answer is provably optimal, or what the heuristic search did (group mode, mentor minimums, peer circles). */
  readonly search: SearchStatus;
  /** Group mode only: the group sizes used (what `places(person, result)` reads). */
  readonly group?: { readonly minSize: number; readonly maxSize: number | undefined };
  /** FNV-1a hash (hex) of the canonical configuration and participants: equal hashes, equal runs. */
  readonly configHash: string;
}
