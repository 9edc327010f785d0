import type { Concern } from '../score/concerns.js';
import type { CriterionBreakdown } from '../score/explain.js';
import type { UnmatchedCode, UNMATCHED_REASONS } from './reason-codes.js';
import type { MatchMode, Objective } from './config.js';
import type { Tier } from './tiers.js';

/** What every pair in a result says besides who is in it. */
export interface PairDetails {
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

/**
 * One mentee–mentor pair of a bipartite result (one-to-one, capacity, reverse, group).
 *
 * @example
 * ```ts
 * const p: MatchedPair = result.pairs[0]; // { menteeId: 'E01', mentorId: 'M04', score: 81.2, … }
 * ```
 */
export interface MatchedPair extends PairDetails {
  readonly menteeId: string;
  readonly mentorId: string;
}

/**
 * Two peers paired in peer mode: neither is the mentee or the mentor.
 *
 * @example
 * ```ts
 * if (result.mode === 'peer') result.pairs[0].peerIds; // ['P03', 'P11'] (id order)
 * ```
 */
export interface PeerPair extends PairDetails {
  /** The two peers, in id order. */
  readonly peerIds: readonly [string, string];
}

/**
 * A mentor with a group of mentees (group mode).
 *
 * @example
 * ```ts
 * if (result.mode === 'group') result.groups[0]; // { mentorId: 'M02', memberIds: ['E05', 'E09'], score: 64.1, concerns: [] }
 * ```
 */
export interface MentorGroup {
  readonly mentorId: string;
  /** The group's mentees, in id order. */
  readonly memberIds: readonly string[];
  /** Mean score (0–100) of the mentor–mentee pairs. */
  readonly score: number;
  /** Concerns about the group as a whole (`no-common-time`: its members share no common half hour); empty when none. */
  readonly concerns: readonly Concern[];
}

/**
 * A peer trio (odd pool, `peer.odd: 'trio'`) or a circle (`peer.circleSize`).
 *
 * @example
 * ```ts
 * if (result.mode === 'peer') result.groups[0]; // { memberIds: ['P01', 'P07', 'P12'], score: 58.3, concerns: [] }
 * ```
 */
export interface PeerGroup {
  /** The members, in id order. */
  readonly memberIds: readonly string[];
  /** Mean score (0–100) of every pair of members. */
  readonly score: number;
  /** Concerns about the group as a whole (`no-common-time`); empty when none. */
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
  /** fairness only: that best-total answer's total score, what `priceOfFairness` is lost from (same pairs as it counts). */
  readonly referenceTotal?: number;
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
  /** The candidate path's proof of optimality (absent on the dense path, which solves every pair at once). */
  readonly certificate?: Certificate;
}

/**
 * How a cohort too large for a dense matrix was solved and proved: `strategy`
 * `'candidates'` — every pair scored once, streamed; the exact solve on the kept
 * candidates; `certified` when the LP duals of that solve prove every other pair of the
 * cohort unable to improve it (then the answer is optimal for the whole cohort).
 *
 * @example
 * ```ts
 * const c: Certificate = { strategy: 'candidates', certified: true, rounds: 1, candidatePairs: 1_920_000, rescoredRows: 0 };
 * ```
 */
export interface Certificate {
  readonly strategy: 'candidates';
  readonly certified: boolean;
  /** Solves it took: 1 when the first candidates were proved at once. */
  readonly rounds: number;
  /** Candidate pairs the final solve had. */
  readonly candidatePairs: number;
  /** Mentees (peers, in peer mode) whose row was scored again because the kept bound could not prove it. */
  readonly rescoredRows: number;
  /**
   * When `certified` is false: why the proof stopped (the candidate graph would have
   * outgrown the memory limit, or the most pairs could not be proved).
   */
  readonly why?: string;
}

/** What every result says, whatever its mode. */
export interface ResultBase {
  readonly unmatched: readonly Unmatched[];
  readonly stats: MatchStats;
  readonly objective: ObjectiveValue;
  /** What was maximised before the objective, in order (the `tiers` option; see `DEFAULT_TIERS`). */
  readonly tiers: readonly Tier[];
  /** Whether the answer is provably optimal, or what the heuristic search did (group mode, mentor minimums, peer circles). */
  readonly search: SearchStatus;
  /** FNV-1a hash (hex) of the canonical configuration and participants: equal hashes, equal runs. */
  readonly configHash: string;
}

/**
 * A result of the pair modes: `one-to-one`, `capacity` and `reverse`.
 *
 * @example
 * ```ts
 * const r = match(people, { mode: 'capacity' });
 * if (r.mode !== 'peer' && r.mode !== 'group') r.pairs.map((p) => `${p.menteeId}→${p.mentorId}`);
 * ```
 */
export interface PairsResult extends ResultBase {
  readonly mode: Exclude<MatchMode, 'group' | 'peer'>;
  readonly pairs: readonly MatchedPair[];
}

/**
 * A result of group mode: every mentor–mentee pair, and the groups they form.
 *
 * @example
 * ```ts
 * const r = match(people, { mode: 'group', group: { maxSize: 4 } });
 * if (r.mode === 'group') r.groups.map((g) => `${g.mentorId}: ${g.memberIds.join(', ')}`);
 * ```
 */
export interface GroupResult extends ResultBase {
  readonly mode: 'group';
  /** One pair per group member (mentee–mentor). */
  readonly pairs: readonly MatchedPair[];
  readonly groups: readonly MentorGroup[];
  /** The group sizes used (what `places(person, result)` reads). */
  readonly group: { readonly minSize: number; readonly maxSize: number | undefined };
}

/**
 * A result of peer mode: pairs of peers, and the trio or the circles.
 *
 * @example
 * ```ts
 * const r = match(people, { mode: 'peer' });
 * if (r.mode === 'peer') r.pairs.map((p) => p.peerIds.join(' & '));
 * ```
 */
export interface PeerResult extends ResultBase {
  readonly mode: 'peer';
  readonly pairs: readonly PeerPair[];
  /** The trio of an odd pool (`peer.odd: 'trio'`), or the circles (`peer.circleSize`). */
  readonly groups: readonly PeerGroup[];
}

/**
 * Result of {@link match}: a union tagged by `mode` — {@link PairsResult} (one-to-one,
 * capacity, reverse), {@link GroupResult} or {@link PeerResult}. Readonly, reproducible
 * through `configHash`.
 *
 * @example
 * ```ts
 * const r = match(people, config);
 * switch (r.mode) {
 *   case 'peer': r.pairs[0]?.peerIds; break;            // two peers
 *   case 'group': r.groups[0]?.mentorId; break;         // a mentor and members
 *   default: r.pairs[0]?.menteeId;                      // a mentee and a mentor
 * }
 * ```
 */
export type MatchResult = PairsResult | GroupResult | PeerResult;

/**
 * The mode a configuration type names: its `mode` (possibly a union), or `undefined`
 * when it has none (then `match` runs the default, capacity).
 */
export type ModeOf<C> = 'mode' extends keyof C ? (C extends { readonly mode?: infer M } ? M : undefined) : undefined;

/**
 * The result type `match` returns for a mode known when the code is compiled:
 * `PeerResult` for `'peer'`, `GroupResult` for `'group'`, `PairsResult` for the pair modes
 * and for no mode (the default, capacity); `MatchResult` (narrow on `mode`) otherwise.
 *
 * @example
 * ```ts
 * match(people, { mode: 'peer' }).pairs[0]?.peerIds; // typed as a PeerResult
 * const config: MatchConfig = JSON.parse(text);
 * const r = match(people, config);                   // a MatchResult: switch on r.mode
 * ```
 */
export type ResultFor<M> = [M] extends [never] ? MatchResult : [M] extends ['peer'] ? PeerResult : [M] extends ['group'] ? GroupResult : [M] extends [PairsResult['mode'] | undefined] ? PairsResult : MatchResult;

/** A pair of any result: a mentee–mentor pair or two peers. */
export type AnyPair = MatchedPair | PeerPair;

/** A group of any result: a mentor's group or a peer trio or circle. */
export type AnyGroup = MentorGroup | PeerGroup;
