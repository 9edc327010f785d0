/**
 * What the stages of a bipartite solve share: the setting, stage 1's input and its answer.
 * Types only.
 *
 * @module
 */
import type { Participant } from '../profile/types.js';
import type { CompatibilityMatrix } from '../score/matrix.js';
import type { ResolvedMatchOptions } from './config.js';
import type { Fairness } from './fairness.js';
import type { SolverValues } from './tiers.js';
import type { SearchStatus } from './types.js';

/** The mentees' quota groups: each mentee's group (`of`, -1 for none) and what each group's cap allows. */
export interface MenteeQuota {
  readonly of: Int32Array;
  readonly cap: Int32Array;
}

/** The setting of one bipartite solve, shared by its stages. */
export interface BipartiteSetup {
  readonly o: ResolvedMatchOptions;
  readonly mentees: readonly Participant[];
  readonly mentors: readonly Participant[];
  readonly matrix: CompatibilityMatrix;
  readonly value: SolverValues;
  readonly quota: MenteeQuota | undefined;
}

/** What stage 1 (one mentor per mentee) works on. */
export interface FirstStage extends BipartiteSetup {
  /** Places left per mentor after locked pairs. */
  readonly capacity: Int32Array;
}

/** Stage 1's answer: the pairs (mentee, mentor), the fairness floor reached, how it was searched, the mentors whose groups were dissolved. */
export interface StageResult {
  readonly chosen: [number, number][];
  readonly fair: Fairness | undefined;
  readonly search: SearchStatus;
  readonly dissolved: readonly number[];
}
