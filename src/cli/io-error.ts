/**
 * What an operating-system error on an output file means for the user, in one line:
 * the path, the cause in words and what to do.
 *
 * @module
 */
import { CliError } from './cli-error.js';

/** Cause in words and advice, by `errno` code. */
const CAUSES: Readonly<Record<string, readonly [cause: string, advice: string]>> = {
  EACCES: ['permission denied', 'choose a folder you can write to, or fix its permissions'],
  EPERM: ['operation not permitted', 'choose a folder you can write to, or fix its permissions'],
  EROFS: ['the file system is read-only', 'write to another folder'],
  EISDIR: ['it is a folder', 'give a file name, e.g. a path ending in the file to write'],
  ENOTDIR: ['a part of the path is a file, not a folder', 'check the folders in the path'],
  EEXIST: ['a part of the path is a file, not a folder', 'check the folders in the path'],
  ENOENT: ['the folder does not exist and could not be created', 'check the path'],
  ENOSPC: ['no space left on the device', 'free some space or write to another disk'],
  EDQUOT: ['the disk quota is exceeded', 'free some space or write to another disk'],
  ENAMETOOLONG: ['the name is too long', 'choose a shorter path'],
  ELOOP: ['too many symbolic links in the path', 'check the links in the path'],
  EMFILE: ['too many open files', 'close other programs and try again'],
  EIO: ['an input/output error of the device', 'check the disk and try again'],
};

/**
 * The {@link CliError} (`IO`, exit 7) for an error thrown while writing an output.
 *
 * @param error - What the file system threw (a `NodeJS.ErrnoException`).
 * @param option - The option that named the file (`--out`).
 * @param path - The path as given.
 * @param changed - What the run changed, for the end of the message.
 * @returns The error to throw.
 *
 * @example
 * ```ts
 * writeError(Object.assign(new Error('EACCES'), { code: 'EACCES' }), '--out', 'out/m.csv').message;
 * // 'cannot write --out out/m.csv: permission denied (EACCES); choose a folder you can write to, or fix its permissions; no output was changed'
 * ```
 */
export function writeError(error: unknown, option: string, path: string, changed = '; no output was changed'): CliError {
  if (error instanceof CliError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const known = code === undefined ? undefined : CAUSES[code];
  const why = known ? `${known[0]} (${code}); ${known[1]}` : `${error instanceof Error ? error.message : String(error)}`;
  return new CliError('IO', `cannot write ${option} ${path}: ${why}${changed}`);
}
