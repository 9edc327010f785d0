/**
 * `mentor-match/calibrate`: learn criterion weights from past outcomes (non-negative
 * least squares on the pairs' criterion scores, with cross-validation). A separate
 * entry point because it brings a linear-algebra library (ml-matrix) that matching does
 * not need; like the main entry it imports nothing from Node.
 *
 * @example
 * ```ts
 * import { match, parseParticipants } from 'mentor-match';
 * import { calibrateWeights } from 'mentor-match/calibrate';
 * const fit = calibrateWeights(history, people);
 * match(people, { weights: fit.weights });
 * ```
 *
 * @packageDocumentation
 */
export { calibrateWeights, CALIBRATE_DEFAULTS } from './evaluate/calibrate.js';
export type { HistoryEntry, CalibrateOptions, CalibrationResult, CriterionFit } from './evaluate/calibrate.js';
