/**
 * mentor-match: match mentors and mentees. Public API (named exports only).
 *
 * @packageDocumentation
 */
export { MatchError, InvalidInputError, InfeasibleError, isMatchError } from './errors.js';
export type { MatchErrorCode } from './errors.js';

export { linearSumAssignment } from './solve/lsap.js';
export type { LinearSumAssignmentOptions, LinearSumAssignmentResult } from './solve/lsap.js';

export type { CostInput, DenseMatrix, MatrixLike } from './solve/_internal/dense.js';

export { capacitatedAssignment } from './solve/capacitated.js';
export type { CapacitatedAssignmentOptions, CapacitatedAssignmentResult } from './solve/capacitated.js';

export { maxWeightMatching, maxWeightMatchingDense } from './solve/blossom.js';
export type { MaxWeightMatchingOptions, MaxWeightMatchingEdgeOptions, MatchingResult } from './solve/blossom.js';
