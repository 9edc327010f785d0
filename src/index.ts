/**
 * mentor-match: match mentors and mentees. Public API (named exports only).
 *
 * @packageDocumentation
 */
// The solvers and their errors: also `mentor-match/solve`, on their own (src/solve.ts).
export * from './solve.js';

export { ProfileError, ConfigError, CsvFileError, InsufficientDataError, TooLargeError, WorkerError } from './errors.js';
export type { ProfileIssue, CsvIssueLike } from './errors.js';

export type { Participant, Role, Skill, Slot, Capacity } from './profile/types.js';
export { normalizeTag } from './profile/normalize.js';
export { normalizeId } from './profile/ids.js';
export { MAX_COUNT } from './profile/schema.js';
export { parseSlot, isTimeZone } from './profile/slots.js';
export type { SlotParse } from './profile/slots.js';
export { DEFAULT_TRAITS } from './profile/traits.js';
export type { TraitRange } from './profile/traits.js';
export { resolveLanguage, normalizeLanguage, ISO_639_1_CODES } from './profile/languages.js';
export type { LanguageMatch } from './profile/languages.js';
export { SENIORITY_LEVELS } from './profile/seniority.js';

export { buildCompatibility, buildPeerCompatibility, CompatibilityMatrix } from './score/matrix.js';
export type { ForbiddenReason, WeightedCriterion } from './score/matrix.js';
export type { CohortSides, BuildOptions } from './score/matrix.js';
export { PARALLEL_MIN_PAIRS, isScoringPool } from './score/pool.js';
export type { ScoringPool, RowJob, JobScorer } from './score/pool.js';
export { explainPair } from './score/explain.js';
export { pairConcerns, groupConcerns, CONCERN_CODES, CONCERN_TIME_ZONE_GAP_HOURS } from './score/concerns.js';
export type { Concern, ConcernCode } from './score/concerns.js';
export { ESSENTIAL_MINUTES, FAILS_SKILL, FAILS_LANGUAGE, FAILS_TIME } from './score/essentials.js';
export { cohortModel, COHORT_SAMPLE_ROWS, INFORMATIVE_CV, MIN_SPREAD_PAIRS, MIN_MISSING_PAIRS } from './score/cohort-model.js';
export type { CohortModel } from './score/cohort-model.js';
export type { PairExplanation, CriterionBreakdown } from './score/explain.js';
export { resolveConfig, CRITERIA, DEFAULT_WEIGHTS, TIERS, DEFAULT_REFERENCE_DATE } from './score/config.js';
export type { ScoringConfig, ResolvedConfig, CriterionName, WeightInput, ResolvedWeight, CustomCriterion, TraitRule } from './score/config.js';
export type { WeightTier } from './score/config-type.js';

export { parseParticipants, safeParseParticipants } from './profile/parse.js';
export type { ParseOptions, SafeParseParticipantsResult } from './profile/parse.js';
export { PROFILE_ISSUE_CODES, PROFILE_WARNING_CODES } from './profile/issues.js';
export type { ProfileIssueCode, ProfileWarning, ProfileWarningCode } from './profile/issues.js';
export type { RoleInput, SkillInput, CapacityInput } from './profile/schema.js';
export type { ParticipantInput } from './profile/fields.js';

export { match, matchMatrix, matchWithMatrix } from './match/match.js';
export { recommend } from './match/recommend.js';
export type { Recommendation, RecommendOptions } from './match/recommend.js';
export { menteePlaces, places } from './match/places.js';
export type { PlacesOptions } from './match/places.js';
export type { MatchConfig, MatchOptions, MatchMode, Objective } from './match/config.js';
export type { ParticipantIdInput, IdPairInput } from './match/options-type.js';
export { DEFAULT_TIERS } from './match/tiers.js';
export { MATCH_DEFAULTS } from './match/config.js';
export { estimateSize, BYTES_PER_PAIR, DEFAULT_MEMORY_LIMIT, candidateBytes, candidatePairBudget, CANDIDATE_BYTES, OVER_BUDGET } from './match/size.js';
export type { SizeEstimate, CandidateCounts } from './match/size.js';
export type { Tier } from './match/tiers.js';
export { UNMATCHED_REASONS } from './match/reason-codes.js';
export type { UnmatchedCode } from './match/reason-codes.js';
export type {
  MatchResult,
  PairsResult,
  GroupResult,
  PeerResult,
  ResultBase,
  MatchedPair,
  PeerPair,
  PairDetails,
  AnyPair,
  MentorGroup,
  PeerGroup,
  AnyGroup,
  Unmatched,
  UnmatchedReason,
  MatchStats,
  ObjectiveValue,
  SearchStatus,
  Certificate,
  ModeOf,
  ResultFor,
} from './match/types.js';
export { pairIds, mentorPairs, peerPairsOf, mentorGroups, peerGroups, groupsOf } from './match/result-shape.js';

export { summarize } from './evaluate/summarize.js';
export { stabilityAudit } from './evaluate/stability-audit.js';
export { fairnessAudit } from './evaluate/fairness-audit.js';
export { compareResults } from './evaluate/compare-results.js';
export type { StabilityAuditOptions, StabilityMatrix } from './evaluate/stability-audit.js';
export type { FairnessAuditOptions } from './evaluate/fairness-audit.js';
export type { CompareResultsOptions } from './evaluate/compare-results.js';
export type {
  ScoreDistribution,
  EssentialFitSummary,
  CriterionAverage,
  MentorLoad,
  SkillShortfall,
  ResultSummary,
  SideSummary,
  FairnessPrice,
  BlockingPair,
  StabilityAudit,
  FairnessGroup,
  FairnessAudit,
  PairChange,
  ResultComparison,
} from './evaluate/types.js';
// The HTML report is `mentor-match/report` (src/report.ts) and weight calibration
// `mentor-match/calibrate` (src/calibrate.ts): their charts and linear algebra stay out
// of the bundles of those who only match.
