/**
 * Errors of the command line itself (not of the library): a command line that asks for
 * something unsafe, and files that cannot be written. Each has a stable `code` and the
 * exit code it ends the run with.
 *
 * @module
 */
import { EXIT } from './exit-codes.js';

/** Stable codes of {@link CliError}. */
export type CliErrorCode = 'USAGE' | 'IO';

/**
 * A command-line error: `USAGE` (exit 2, e.g. an output path that is also an input) or
 * `IO` (exit 7, a file that cannot be written). The message is one line that names the
 * option and the path and says what to do.
 *
 * @example
 * ```ts
 * throw new CliError('USAGE', '--out and --json are the same file (out.json); give each output its own path');
 * ```
 */
export class CliError extends Error {
  /** Stable machine-readable code. */
  readonly code: CliErrorCode;
  /** The exit code of the run: {@link EXIT}.usage or {@link EXIT}.io. */
  readonly exitCode: number;

  constructor(code: CliErrorCode, message: string) {
    super(message);
    this.name = 'CliError';
    this.code = code;
    this.exitCode = code === 'USAGE' ? EXIT.usage : EXIT.io;
  }
}
