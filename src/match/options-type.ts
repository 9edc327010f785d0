/**
 * {@link MatchOptions}: the match options as a user writes them, field by field. Written
 * out by hand for the API reference; test/match/options-type.test.ts checks at compile
 * time that it is exactly what the schema in config.ts accepts (`z.input`), so the two
 * cannot drift apart. Every default is also in `MATCH_DEFAULTS`.
 *
 * @module
 */
import type { ScoringConfig } from '../score/config-type.js';
import type { ScoringPool } from '../score/pool.js';
import type { MatchConfig, MatchMode, Objective } from './config.js';
import type { Tier } from './tiers.js';

/**
 * A participant id as the options take it: text or a number, compared as
 * `parseParticipants` stores ids (`normalizeId`: trimmed, NFC; a number as its decimal text).
 *
 * @example
 * ```ts
 * const ids: ParticipantIdInput[] = ['E0001', 42];
 * ```
 */
export type ParticipantIdInput = string | number;

/**
 * Two participant ids: a mentee and a mentor (`locked`, `rules.bannedPairs`, …), or any two
 * people (`excludedPartners`, `preferredPartners`, peer mode).
 *
 * @example
 * ```ts
 * const pair: IdPairInput = ['E0001', 'M0042'];
 * ```
 */
export type IdPairInput = [ParticipantIdInput, ParticipantIdInput];

/**
 * The options of `match`, `matchWithMatrix`, `matchMatrix` and `recommend` on top of the
 * scoring configuration ({@link ScoringConfig}: weights, rules, …); together they are a
 * {@link MatchConfig}. Every field is optional. Points are on the 0–100 scale of the
 * reported scores. Unknown keys and values out of range are a `ConfigError`
 * (`INVALID_CONFIG`) listing every problem.
 *
 * @example
 * ```ts
 * import { match, type MatchOptions } from 'mentor-match';
 *
 * const options: MatchOptions = {
 *   mode: 'group',
 *   objective: 'fairness',
 *   minScore: 40,
 *   group: { minSize: 2, maxSize: 4, cohesion: { weight: 0.5, on: 'interests' } },
 *   excludedPartners: [['E0003', 'M0007']],
 *   priority: ['E0011'],
 * };
 * const result = match(people, { ...options, weights: { skills: 'must' } });
 * ```
 */
export interface MatchOptions {
  /**
   * The mentoring model: `one-to-one` (a mentor takes one mentee), `capacity` (up to the
   * mentor's `capacity`; a mentee with `maxMentors` > 1 gets up to that many mentors, first
   * mentors first), `group` (a mentor leads a group of mentees), `reverse` (capacity mode
   * where, for `rules.reverseSkills`, the junior mentors the senior), `peer` (pairs within
   * one pool).
   *
   * @defaultValue `'capacity'`
   */
  mode?: MatchMode;
  /**
   * What is optimised under the {@link MatchOptions.tiers | tiers}: `best-total` (the
   * highest total pair score), `most-matched` (as many matched as possible first, whatever
   * the tiers, then the highest total), `fairness` (the weakest pair as strong as possible,
   * never weaker than in the best-total answer; then as many matched and the highest total
   * above that floor; the result reports the price of fairness).
   *
   * @defaultValue `'best-total'`
   */
  objective?: Objective;
  /**
   * The lowest pair score allowed, on 0–100: weaker pairs are never made, and people left
   * out by it are reported `below-min-score`.
   *
   * @defaultValue `0` (no pair forbidden by its score)
   */
  minScore?: number;
  /**
   * What is maximised before the objective, in order: `matched` (as many mentees matched
   * as the places and rules allow), then `essential-fit` (as many of them as possible with
   * a mentor passing the essential-fit checklist). A subset of
   * `['matched', 'essential-fit']` in that order; `[]` turns both off.
   *
   * @defaultValue `['matched', 'essential-fit']` (`DEFAULT_TIERS`)
   */
  tiers?: Tier[];
  /** Group mode: the sizes of the groups and their cohesion. */
  group?: {
    /**
     * The smallest group, in mentees (an integer ≥ 0, at most `maxSize`): smaller groups
     * are dissolved and their members placed again.
     *
     * @defaultValue `2` in group mode (no groups of one unless asked; at most `maxSize`); no minimum in the other modes
     */
    minSize?: number;
    /**
     * The largest group, in mentees (an integer ≥ 1); never more than the mentor's own
     * capacity.
     *
     * @defaultValue none: the mentor's capacity
     */
    maxSize?: number;
    /**
     * Trades the mentees' shared goals (or interests) within a group against mentor fit,
     * by a local search that never breaks a size limit or a rule. Without it the group
     * solve is exact.
     *
     * @defaultValue none (no cohesion term)
     */
    cohesion?: {
      /** How much the group's cohesion counts against the mentor–mentee scores: a number ≥ 0 (0: not at all). */
      weight: number;
      /**
       * What the members should share.
       *
       * @defaultValue `'goals'`
       */
      on?: 'goals' | 'interests';
    };
  };
  /** Peer mode: odd pools and peer circles. */
  peer?: {
    /**
     * An odd pool: `leave-one` leaves out the one person whose absence costs least,
     * `trio` forms one trio.
     *
     * @defaultValue `'leave-one'`
     */
    odd?: 'leave-one' | 'trio';
    /**
     * Forms peer circles of this many people (an integer ≥ 3; a heuristic search) instead
     * of pairs.
     *
     * @defaultValue none (pairs)
     */
    circleSize?: number;
  };
  /**
   * Pairs `[menteeId, mentorId]` kept as they are (from an earlier round) while the others
   * are matched; reported with `locked: true`.
   *
   * @defaultValue `[]`
   */
  locked?: IdPairInput[];
  /**
   * Pairs `[a, b]` never made again (past relationships that failed), in either order.
   *
   * @defaultValue `[]`
   */
  excludedPartners?: IdPairInput[];
  /**
   * Pairs `[a, b]` to favour: each gets {@link MatchOptions.preferredBonus | preferredBonus}
   * points in the solve (not in its reported score).
   *
   * @defaultValue `[]`
   */
  preferredPartners?: IdPairInput[];
  /**
   * Points (0–100) added to a preferred pair's value in the solve; reported scores never
   * include it.
   *
   * @defaultValue `10`
   */
  preferredBonus?: number;
  /**
   * Hard caps, in the one-to-one, capacity and reverse modes: at most `max` pairs whose
   * mentee has the custom attribute `attribute` equal to `value` (exact, through a flow
   * with a node per quota group).
   *
   * @defaultValue `[]` (no cap)
   */
  quotas?: {
    /** The custom attribute's name (non-empty; compared as a tag, like `normalizeTag`). */
    attribute: string;
    /** The value whose mentees are capped. */
    value: string | number | boolean;
    /** The most pairs with such a mentee: an integer ≥ 0. */
    max: number;
  }[];
  /**
   * Ids of people to place first (those left unmatched last round): each of their pairs
   * gets {@link MatchOptions.priorityBonus | priorityBonus} points in the solve.
   *
   * @defaultValue `[]`
   */
  priority?: ParticipantIdInput[];
  /**
   * Points (0–100) added to the pairs of people in `priority`, in the solve only.
   *
   * @defaultValue `20`
   */
  priorityBonus?: number;
  /**
   * Bytes a run may use (a number > 0): a run estimated to need more (`estimateSize`) is
   * refused with `TooLargeError` (`TOO_LARGE`) before anything large is allocated. A run
   * option: not part of `configHash`. The command line passes 70% of the machine's memory.
   *
   * @defaultValue `4294967296` (4 GiB, `DEFAULT_MEMORY_LIMIT`)
   */
  memoryLimit?: number;
  /**
   * The candidate path for large cohorts (the pair modes and peer pairs): every pair is
   * scored once, streamed, and only each side's best candidates are kept; the exact solve
   * on them is then proved optimal for the whole cohort, or the result says it is not.
   */
  candidates?: {
    /**
     * `auto`: the candidate path when the dense matrix would not fit `memoryLimit` or has
     * more than `abovePairs` pairs; `always`: whatever the size; `never`: the dense path
     * (and its size check).
     *
     * @defaultValue `'auto'`
     */
    use?: 'auto' | 'always' | 'never';
    /**
     * Candidates kept per mentee, their best mentors (an integer ≥ 1); in peer mode each
     * peer keeps three times as many later and as many earlier partners.
     *
     * @defaultValue `16`
     */
    perMentee?: number;
    /**
     * Candidates kept per mentor, their best mentees (an integer ≥ 0).
     *
     * @defaultValue `max(32, ceil(mentees / 300))`
     */
    perMentor?: number;
    /**
     * With `use: 'auto'`, the candidate path is taken above this many pairs (mentees ×
     * mentors, or the peer pool squared): a number ≥ 0.
     *
     * @defaultValue `50000000` (about 1.3 GB dense); `4000000` in peer mode (a pool of 2,000)
     */
    abovePairs?: number;
  };
  /**
   * Worker threads to score a large matrix on (`createWorkerPool` in `mentor-match/node`,
   * or any {@link ScoringPool}); the result is the same as without it. A run option: not
   * part of `configHash`.
   *
   * @defaultValue none (scored on the calling thread)
   */
  pool?: ScoringPool;
}
