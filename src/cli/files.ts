/**
 * Reading the files the command line is given (node-only); outputs are written by
 * `atomic-write.ts`.
 *
 * @module
 */
import { readFileSync } from 'node:fs';

import { ConfigError, CsvFileError, InvalidInputError } from '../errors.js';

/**
 * A text file's contents: UTF-8 (with or without BOM) or UTF-16 with a BOM. Other
 * encodings are refused with advice rather than read as garbled names.
 *
 * @param path - File to read.
 * @param what - What the file is, for messages ("cohort CSV").
 * @returns The decoded text.
 * @throws {@link CsvFileError} when the file is missing, unreadable or not UTF-8/UTF-16.
 *
 * @example
 * ```ts
 * const text = readTextFile('examples/data/cohort.csv', 'cohort CSV');
 * ```
 */
export function readTextFile(path: string, what: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : String((e as Error).message);
    throw new CsvFileError([{ code: 'unreadable_file', row: undefined, column: undefined, message: `${path}: cannot read the ${what} (${why})` }], what);
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    // Where the first undecodable byte is: the first replacement character of a lossy decode.
    const lossy = new TextDecoder('utf-8').decode(bytes);
    const at = lossy.indexOf('\uFFFD');
    const line = lossy.slice(0, Math.max(0, at)).split('\n').length;
    throw new CsvFileError(
      [{ code: 'not_utf8', row: line, column: undefined, message: `${path}: line ${line} is not UTF-8 text; save the file as "CSV UTF-8" (or UTF-16) in your spreadsheet program` }],
      what,
    );
  }
}

/**
 * A JSON file, parsed; a syntax error names the file and position.
 *
 * @param path - File to read.
 * @param what - What the file is ("config", "column mapping", "result").
 * @param kind - `config`: problems are a ConfigError (exit 4); `data`: an InvalidInputError (exit 3).
 * @returns The parsed value.
 * @throws {@link ConfigError} or {@link InvalidInputError} on a missing file or invalid JSON.
 *
 * @example
 * ```ts
 * const config = readJsonFile('config.json', 'config');
 * ```
 */
export function readJsonFile(path: string, what: string, kind: 'config' | 'data' = 'config'): unknown {
  const fail = (message: string): Error => (kind === 'config' ? new ConfigError([message]) : new InvalidInputError(message, { path }));
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw fail(`${path}: cannot read the ${what} (${code === 'ENOENT' ? 'no such file' : (e as Error).message})`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw fail(`${path}: the ${what} is not valid JSON (${(e as Error).message})`);
  }
}
