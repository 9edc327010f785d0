/**
 * What a command writes to: stdout lines, stderr lines, and the stderr stream for the
 * progress bar. Tests pass their own.
 *
 * @module
 */

/** Output channels of a command. */
export interface CliContext {
  /** A line of results (stdout). */
  out(line: string): void;
  /** A line of diagnostics (stderr). */
  err(line: string): void;
  /** The stream the progress bar draws on (stderr); drawn only when it is a terminal. */
  readonly progressStream: NodeJS.WriteStream;
}

/**
 * The context of a real run: process.stdout and process.stderr.
 *
 * @returns The context.
 *
 * @example
 * ```ts
 * const ctx = processContext(); ctx.out('done');
 * ```
 */
export function processContext(): CliContext {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    progressStream: process.stderr,
  };
}
