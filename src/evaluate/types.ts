/**
 * Result types of the audits in `evaluate/`: what {@link summarize}, {@link stabilityAudit},
 * {@link fairnessAudit} and {@link compareResults} return (the HTML report renders them),
 * and the history {@link calibrateWeights} learns from and what it returns. The modules of
 * `evaluate/` import their types from here; nothing here imports them back.
 *
 * Every number on the 0–100 scale is a pair score as in {@link MatchedPair.score}.
 *
 * @module
 */
import type { MatchConfig } from '../match/config.js';
import type { ConcernCode } from '../score/concerns.js';

/** Quantiles of a set of pair scores (0–100); all 0 when there is no pair. */
export interface ScoreDistribution {
  readonly count: number;
  readonly mean: number;
  readonly min: number;
  /** 10th, 25th, 50th, 75th, 90th percentiles (d3-array's `quantile`, R-7). */
  readonly p10: number;
  readonly p25: number;
  readonly median: number;
  readonly p75: number;
  readonly p90: number;
  readonly max: number;
}

/** The average part one criterion plays in the chosen pairs. */
export interface CriterionAverage {
  readonly name: string;
  /** Mean points (0–100 scale) the criterion adds to a pair score, over all pairs. */
  readonly meanContribution: number;
  /** Mean criterion score in [0, 1] over the pairs where it applies; null when it never applies. */
  readonly meanScore: number | null;
  /** How many pairs the criterion applies to (its score is not null). */
  readonly applies: number;
}

/** One mentor's load against capacity. */
export interface MentorLoad {
  readonly id: string;
  readonly name: string | undefined;
  /** Mentees assigned (group mode: group members). */
  readonly load: number;
  /**
   * Places the mode gives the mentor, by `places` (the rule `match` uses): 1 in one-to-one
   * mode, else the profile's `capacity.max` (group mode: capped by `group.maxSize` when the
   * result carries it); undefined when the participants were not given.
   */
  readonly capacity: number | undefined;
}

/**
 * A wanted skill that falls short: wanted by more mentees than there are places with
 * mentors who offer it, or wanted by someone none of whose mentors offers it.
 */
export interface SkillShortfall {
  readonly skill: string;
  /** Mentees who want the skill. */
  readonly demand: number;
  /** Places (capacity.max summed; one-to-one and peer: 1 each) of mentors who offer the skill, at any level. */
  readonly supply: number;
  /** max(0, demand − supply): places missing. */
  readonly placesShort: number;
  /** Mentees who want it and got no mentor offering it (matched or not). */
  readonly unserved: number;
  /** max(0, demand − supply) expressed in mentors of average capacity, rounded up. */
  readonly mentorsShort: number;
}

/**
 * How many matched mentees have an essential fit (see {@link ResultSummary.essentialFit}).
 *
 * @example
 * ```ts
 * const fit: EssentialFitSummary = { mentees: 101, of: 138, rate: 101 / 138 };
 * ```
 */
export interface EssentialFitSummary {
  /** Matched mentees (peer mode: peers in a pair) with at least one pair that is an essential fit. */
  readonly mentees: number;
  /** Matched mentees (peer mode: peers in a pair): those with at least one pair. */
  readonly of: number;
  /** mentees / of (0 when `of` is 0). */
  readonly rate: number;
}

/**
 * How one side of a cohort fared: mentees and mentors apart (peer mode: the peers), so
 * that "matched" never counts mentors as if they were mentees who got a mentor.
 */
export interface SideSummary {
  readonly role: 'mentee' | 'mentor' | 'peer';
  /** People of this side in the result (matched and unmatched). */
  readonly total: number;
  /** Those in at least one pair or group (a mentee with two mentors counts once). */
  readonly matched: number;
  /** matched / total (0 when the side is empty). */
  readonly rate: number;
}

/** The price of fairness put in context: what the fairness objective gave up, of what. */
export interface FairnessPrice {
  /** Total score given up (0–100 points per pair, summed): `objective.priceOfFairness`. */
  readonly points: number;
  /** The best-total answer's total, what the points are given up from. */
  readonly of: number;
  /** points / of (0 when `of` is 0). */
  readonly share: number;
  /** points per pair of the result (0 without pairs). */
  readonly perPair: number;
}

/** What {@link summarize} returns. */
export interface ResultSummary {
  readonly mode: string;
  readonly participants: number;
  /** People, of either side, in at least one pair or group. */
  readonly matched: number;
  readonly unmatched: number;
  /** matched / participants (0 when there is nobody): mentors count too; see `sides` for mentees alone. */
  readonly matchRate: number;
  /** Mentees, then mentors (peer mode: one entry, the peers): how many there are and how many are matched. */
  readonly sides: readonly SideSummary[];
  /** The fairness objective's price in context; null for other objectives (and results from versions without `referenceTotal`). */
  readonly fairnessPrice: FairnessPrice | null;
  readonly scores: ScoreDistribution;
  readonly criteria: readonly CriterionAverage[];
  /** One entry per mentor (ids ascending); empty in peer mode. */
  readonly mentorLoad: readonly MentorLoad[];
  /** Gini coefficient of mentor load (0 = perfectly even, → 1 = all on one mentor). */
  readonly loadGini: number;
  /** Share of pairs whose two people are in different departments; null without participants or departments. */
  readonly crossDepartmentShare: number | null;
  /** Unmatched counted by reason code. */
  readonly unmatchedByReason: Readonly<Record<string, number>>;
  /** Skills wanted more than offered, or wanted and not served, worst first; empty without participants. */
  readonly shortfalls: readonly SkillShortfall[];
  /**
   * Matched mentees with an essential fit: the mentor teaches a wanted skill at level,
   * they share a language and at least 30 minutes a week (a check passes when a side gave
   * no data). A mentee with several mentors counts when any of their pairs is one.
   */
  readonly essentialFit: EssentialFitSummary;
  /** Pairs per concern code, every code of `CONCERN_CODES` in its order (0 when none); a pair with two concerns counts under both. */
  readonly concerns: Readonly<Record<ConcernCode, number>>;
  /** Pairs with at least one concern. */
  readonly pairsWithConcerns: number;
  /** Groups (group mode, peer trios and circles) per concern code of the group as a whole, every code in order (today only `no-common-time` occurs). */
  readonly groupConcerns: Readonly<Record<ConcernCode, number>>;
}

/**
 * A mentee and a mentor (peer mode: two peers, the smaller id first) who both prefer each
 * other to what they got.
 */
export interface BlockingPair {
  readonly menteeId: string;
  readonly mentorId: string;
  /** Their score together (0–100). */
  readonly score: number;
  /**
   * What the mentee got: their best pair (0 when unmatched; a mentee allowed several
   * mentors: their weakest pair, or 0 with room left; peer in a trio or circle: the mean
   * of their scores with the other members).
   */
  readonly menteeCurrent: number;
  /**
   * The mentee has a free place: unmatched, or allowed more mentors than they have (peer
   * mode: the first peer is unmatched). Then `menteeCurrent` is 0 although they may have pairs.
   */
  readonly menteeHasRoom: boolean;
  /** How many mentors the mentee has now (peer mode: partners of the first peer; a trio or circle counts its other members). */
  readonly menteePartners: number;
  /** The mentor's weakest current pair (0 when the mentor has room; peer mode: the second peer's current score). */
  readonly mentorCurrent: number;
  /** The mentor has a free place, no one would be displaced (peer mode: the second peer is unmatched). */
  readonly mentorHasRoom: boolean;
  /** min(score − menteeCurrent, score − mentorCurrent): how strongly the pair blocks. */
  readonly gain: number;
}

/** What {@link stabilityAudit} returns. */
export interface StabilityAudit {
  /** `'peer'` for a peer result (stable-roommates blocking pairs), else `'bipartite'`. */
  readonly kind: 'bipartite' | 'peer';
  /** Number of blocking pairs (allowed pairs only). */
  readonly blockingPairs: number;
  /** Mentees in at least one blocking pair (peer mode: every affected peer). */
  readonly menteesAffected: number;
  /** Mentors in at least one blocking pair (peer mode: 0). */
  readonly mentorsAffected: number;
  /** Distinct people in at least one blocking pair (someone both mentee and mentor counts once). */
  readonly peopleAffected: number;
  /** The strongest blocking pairs, largest gain first, ties by ids ascending (at most `limit`). */
  readonly worst: readonly BlockingPair[];
  /** True when there is no blocking pair. */
  readonly stable: boolean;
}

/** Match rate and scores of one group of an attribute. */
export interface FairnessGroup {
  /** The attribute's value (as a string; `(missing)` for people without it). */
  readonly value: string;
  readonly participants: number;
  readonly matched: number;
  readonly matchRate: number;
  /** Mean and lowest pair score of the group's matched people (null when none is matched). */
  readonly meanScore: number | null;
  readonly minScore: number | null;
}

/** What {@link fairnessAudit} returns. */
export interface FairnessAudit {
  /** The attribute as read: a built-in field name or the normalised custom key. */
  readonly attribute: string;
  /** The role audited, or undefined for every participant. */
  readonly role?: 'mentee' | 'mentor' | undefined;
  /** One group per value, ascending (numeric when every value is a number), `(missing)` last. */
  readonly groups: readonly FairnessGroup[];
  /** Largest difference in match rate between two groups (0–1), and which groups (the first in order on ties). */
  readonly matchRateGap: { readonly gap: number; readonly highest: string; readonly lowest: string };
  /** Largest difference in mean score (0–100) between two groups with matched people (`''` names when there is none). */
  readonly meanScoreGap: { readonly gap: number; readonly highest: string; readonly lowest: string };
}

/** One pair present in one result and not the other. */
export interface PairChange {
  readonly menteeId: string;
  readonly mentorId: string;
  readonly score: number;
}

/** What {@link compareResults} returns. */
export interface ResultComparison {
  /** Same config hash: same configuration and participants. */
  readonly sameConfig: boolean;
  readonly kept: number;
  readonly added: readonly PairChange[];
  readonly removed: readonly PairChange[];
  /** Ids only in the second / only in the first result. */
  readonly newParticipants: readonly string[];
  readonly goneParticipants: readonly string[];
  /** Per person whose partner changed: a sentence saying why, when it can be told. */
  readonly explanations: readonly { readonly id: string; readonly message: string }[];
  /** Second minus first: mean pair score (0–100) and people matched. */
  readonly meanScoreDelta: number;
  readonly matchedDelta: number;
  /** Configuration keys (dotted paths) that differ, when both configurations were given; else empty. */
  readonly configDifferences: readonly string[];
}

/**
 * One past pair and how it went: a satisfaction rating 1–5 (a number; halves and
 * averages allowed) or whether the goal was achieved (a boolean, read as 1 / 0). All
 * entries of one history must use the same kind of outcome.
 *
 * @example
 * ```ts
 * const h: HistoryEntry[] = [
 *   { menteeId: 'e1', mentorId: 'm4', outcome: 4 },   // rating
 *   { menteeId: 'e2', mentorId: 'm4', outcome: 2.5 },
 * ];
 * ```
 */
export interface HistoryEntry {
  readonly menteeId: string;
  readonly mentorId: string;
  readonly outcome: number | boolean;
}

/**
 * How one criterion came out of the fit.
 *
 * @example
 * ```ts
 * fit.criteria.find((c) => c.name === 'skills');
 * // { name: 'skills', previousWeight: 3, must: false, status: 'predictive', coefficient: 1.02,
 * //   weight: 5.334, share: 0.356, applies: 400, imputed: 0, meanScore: …, note: 'skills: share 36%; …' }
 * ```
 */
export interface CriterionFit {
  readonly name: string;
  /** Its weight in the input config (resolved: tiers as numbers). */
  readonly previousWeight: number;
  readonly must: boolean;
  /**
   * `predictive`: a real share of the fitted weight; `not-predictive`: weight ~0 (share
   * below {@link CALIBRATE_DEFAULTS.negligibleShare}) or the whole fit does not predict;
   * `not-fitted`: left out (see `note`) and keeps its weight.
   */
  readonly status: 'predictive' | 'not-predictive' | 'not-fitted';
  /** Fitted change of the outcome per unit of criterion score (outcome units; 0 when not fitted). */
  readonly coefficient: number;
  /** Suggested weight on the config's scale (fitted: normalised; not fitted: unchanged). */
  readonly weight: number;
  /** Share of the fitted criteria's total weight, 0–1 (0 when not fitted). */
  readonly share: number;
  /** Pairs where the criterion applied. */
  readonly applies: number;
  /** Pairs where it did not apply (missing data) and its mean score was used instead. */
  readonly imputed: number;
  /** Mean score over the pairs where it applied; null when it never applied. */
  readonly meanScore: number | null;
  /** One sentence. */
  readonly note: string;
}

/**
 * What {@link calibrateWeights} returns.
 *
 * @example
 * ```ts
 * const fit = calibrateWeights(history, people);
 * if (fit.adopted) saveConfig(fit.config); else console.log(fit.message);
 * ```
 */
export interface CalibrationResult {
  /** Pairs fitted. */
  readonly pairs: number;
  /** The fewest pairs this calibration needed: max(20, 5 × fitted criteria). */
  readonly minPairs: number;
  /** `rating` (1–5) or `goal` (achieved = 1, not = 0). */
  readonly outcome: 'rating' | 'goal';
  /** Ridge strength used for the final fit. */
  readonly lambda: number;
  readonly intercept: number;
  /** In-sample R² of the final fit (optimistic; see `cvR2`). */
  readonly r2: number;
  readonly folds: number;
  /** Cross-validated root mean squared error of the model (outcome units). */
  readonly cvRmse: number;
  /** Same for the baseline that predicts the training folds' mean outcome. */
  readonly baselineRmse: number;
  /** 1 − (cvRmse / baselineRmse)²: the share of the baseline's error removed out of sample (≤ 0: none). */
  readonly cvR2: number;
  /** Paired t statistic of the per-pair gain in squared error over the baseline. */
  readonly t: number;
  /**
   * `predictive`: CV error clearly below the baseline (t ≥ 2) and cvR2 ≥ 0.1;
   * `weak`: clearly below but cvR2 < 0.1; `not-predictive`: not clearly below.
   */
  readonly verdict: 'predictive' | 'weak' | 'not-predictive';
  /** The verdict and the numbers in one or two sentences. */
  readonly message: string;
  /** True when `config` carries the new weights (only when the verdict is `predictive`). */
  readonly adopted: boolean;
  /** Every criterion, in report order. */
  readonly criteria: readonly CriterionFit[];
  /** The suggested weight of every criterion (fitted: new; others: unchanged), whether or not adopted. */
  readonly weights: Readonly<Record<string, number>>;
  /**
   * The input config with the fitted criteria's weights replaced when `adopted` (a
   * `must` criterion stays `must` with its new weight; rules and match options are
   * kept); otherwise the input config itself, unchanged.
   */
  readonly config: MatchConfig;
}
