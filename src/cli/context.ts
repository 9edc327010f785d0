/**
 * What a command writes to: stdout lines, stderr lines, and the stderr stream for the
 * progress bar. Tests pass their own.
 *
 * @module
 */
import { EXIT } from './exit-codes.js';
import { escapeControlChars } from './terminal-text.js';

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
 * The context of a real run: process.stdout and process.stderr. A closed stdout (the
 * reader of a pipe has gone, as in `mentor-match explain … | head`) ends the run quietly
 * with exit 0; a closed stderr is ignored.
 *
 * @returns The context.
 *
 * @example
 * ```ts
 * const ctx = processContext(); ctx.out('done');
 * ```
 */
export function processContext(): CliContext {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') process.exit(EXIT.ok);
    throw e;
  });
  process.stderr.on('error', () => {
    // nobody reads the diagnostics any more: nothing to tell them
  });
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    progressStream: process.stderr,
  };
}

/**
 * The one place where text from the data is made safe for a terminal: every line a
 * command prints goes through {@link escapeControlChars}, so a name such as
 * `ESC ] 0 ; PWNED BEL` is shown as `\u001b]0;PWNED\u0007` instead of retitling the
 * window. The command line's own line breaks are kept; the progress bar (which draws
 * with control sequences on purpose) is not affected.
 *
 * @param ctx - The channels to write to.
 * @returns The same channels, escaping.
 *
 * @example
 * ```ts
 * const ctx = terminalSafe(processContext()); ctx.out('\u001b[2J'); // prints \u001b[2J
 * ```
 */
export function terminalSafe(ctx: CliContext): CliContext {
  return {
    out: (line) => ctx.out(escapeControlChars(line)),
    err: (line) => ctx.err(escapeControlChars(line)),
    progressStream: ctx.progressStream,
  };
}
