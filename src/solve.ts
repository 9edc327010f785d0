/**
 * `mentor-match/solve`: the exact solvers alone — assignment (LSAP), capacitated
 * assignment, weighted matching (blossom, dense and sparse), b-matching, groups, peer
 * pairs and circles, bottleneck floors — with the typed errors they throw. No
 * validation library, no scoring, no report: a solver bundled on its own stays a few
 * kilobytes (test/bundle-size.test.ts holds the budgets). The same functions are exported
 * by the main entry, `mentor-match`.
 *
 * @example
 * ```ts
 * import { linearSumAssignment } from 'mentor-match/solve';
 * linearSumAssignment([[4, 1], [2, 3]]).total; // 3
 * ```
 *
 * @packageDocumentation
 */
export { MatchError, InvalidInputError, InfeasibleError, isMatchError } from './errors.js';
export type { AnyMatchError, ConfigIssue, MatchErrorCode, MatchIssue } from './errors.js';
export type { CostInput, DenseMatrix, MatrixLike } from './solve/types.js';

export { linearSumAssignment } from './solve/lsap.js';
export type { LinearSumAssignmentOptions, LinearSumAssignmentResult } from './solve/lsap.js';
export { capacitatedAssignment } from './solve/capacitated.js';
export type { CapacitatedAssignmentOptions, CapacitatedAssignmentResult } from './solve/capacitated.js';
export { maxWeightMatching, maxWeightMatchingDense } from './solve/blossom.js';
export type { MaxWeightMatchingOptions, MaxWeightMatchingEdgeOptions, MatchingResult } from './solve/blossom.js';
export { bMatching } from './solve/b-matching.js';
export type { BMatchingOptions, BMatchingQuota, BMatchingResult } from './solve/b-matching.js';
export { sparseAssignment, pairCertified, rowCertifiedByBound, minColumnDual, CERTIFICATE_TOLERANCE } from './solve/sparse-assignment.js';
export type { SparseBipartite, SparseAssignmentOptions, SparseAssignmentResult, AssignmentDuals } from './solve/sparse-assignment.js';
export { highestPrices } from './solve/highest-prices.js';
export { sparseMatching, edgeCertified } from './solve/sparse-matching.js';
export type { SparseGraph, SparseMatching } from './solve/sparse-matching.js';
export { groupAssignment, GROUP_SEARCH_BUDGET, GROUP_SEARCH_MAX_PASSES } from './solve/groups.js';
export type { GroupAssignmentOptions, GroupAssignmentResult, GroupCohesion } from './solve/groups.js';
export { highestFloor } from './solve/bottleneck.js';
export type { FloorSearch } from './solve/bottleneck.js';
export { peerPairs } from './solve/peer-pairs.js';
export type { PeerPairsOptions, PeerPairsResult } from './solve/peer-pairs.js';
export { peerCircles, planSizes, PEER_CIRCLE_BUDGET, PEER_CIRCLE_MAX_PASSES } from './solve/peer-circles.js';
export type { PeerCirclesOptions, PeerCirclesResult } from './solve/peer-circles.js';
