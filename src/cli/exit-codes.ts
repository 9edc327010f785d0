/**
 * Exit codes of the `mentor-match` command: scripts can tell bad input from an
 * infeasible problem from success.
 *
 * @module
 */
import { isMatchError } from '../errors.js';

/**
 * The exit codes, documented in the README and in `mentor-match --help`.
 *
 * @example
 * ```ts
 * EXIT.infeasible; // 5
 * ```
 */
export const EXIT = {
  /** Done (warnings, if any, were printed on stderr). */
  ok: 0,
  /** An unexpected failure (a bug: please report it). */
  internal: 1,
  /** The command line is wrong (unknown option, missing argument). */
  usage: 2,
  /** The input data is wrong: unreadable file, CSV or profile errors (all rows with `--strict`), no participants. */
  invalidInput: 3,
  /** The configuration (config file or options) is wrong. */
  invalidConfig: 4,
  /** The problem has no solution under the hard rules (e.g. a required pair that is forbidden). */
  infeasible: 5,
  /** The cohort is too large for the memory limit (`--memory-limit`, default 70% of the machine's memory). */
  tooLarge: 6,
  /** An output file could not be written (no permission, disk full, a folder in the way); nothing was changed. */
  io: 7,
} as const;

/**
 * The exit code for an error thrown while running a command.
 *
 * @param error - What was thrown.
 * @returns One of {@link EXIT}.
 *
 * @example
 * ```ts
 * exitCodeFor(new InfeasibleError('no complete assignment')); // 5
 * ```
 */
export function exitCodeFor(error: unknown): number {
  if (!isMatchError(error)) return EXIT.internal;
  switch (error.code) {
    case 'INVALID_CONFIG':
      return EXIT.invalidConfig;
    case 'INFEASIBLE':
      return EXIT.infeasible;
    case 'TOO_LARGE':
      return EXIT.tooLarge;
    case 'WORKER_FAILED':
      return EXIT.internal;
    default:
      return EXIT.invalidInput;
  }
}
