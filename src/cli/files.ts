/**
 * Reading the files the command line is given (node-only); outputs are written by
 * `atomic-write.ts`. No message quotes a file's contents: a file given by mistake
 * (`--columns /etc/shadow`) is described by its path and a position, never echoed.
 *
 * @module
 */
import { readFileSync } from 'node:fs';

import { ConfigError, CsvFileError, InvalidInputError } from '../errors.js';
import { looksLikeUtf16, utf16Advice } from '../io/csv/encoding.js';
import { jsonSyntaxProblem } from './json-syntax.js';

/** Why a file's bytes are not text {@link decodeText} reads. */
type Undecodable = { readonly code: 'utf16_without_bom'; readonly line: undefined } | { readonly code: 'not_utf8'; readonly line: number };

/**
 * A file's bytes as text: UTF-8 (with or without BOM) or UTF-16 with a BOM; UTF-16
 * without a BOM and other encodings are a reason instead.
 */
function decodeText(bytes: Uint8Array): { readonly text: string } | Undecodable {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes) };
  if (looksLikeUtf16(bytes) !== undefined) return { code: 'utf16_without_bom', line: undefined };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    // Where the first undecodable byte is: the first replacement character of a lossy decode.
    const lossy = new TextDecoder('utf-8').decode(bytes);
    const at = lossy.indexOf('\uFFFD');
    return { code: 'not_utf8', line: lossy.slice(0, Math.max(0, at)).split('\n').length };
  }
}

/** Why a file cannot be read, in words. */
function readFailure(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : String((e as Error).message);
}

/**
 * A text file's contents: UTF-8 (with or without BOM) or UTF-16 with a BOM. UTF-16
 * without a byte-order mark (many NUL bytes at odd or even positions in the first KB) and
 * other encodings are refused with advice rather than read as garbled names.
 *
 * @param path - File to read.
 * @param what - What the file is, for messages ("cohort CSV").
 * @returns The decoded text.
 * @throws {@link CsvFileError} when the file is missing, unreadable or not UTF-8/UTF-16
 *   (codes `unreadable_file`, `utf16_without_bom`, `not_utf8`; one issue).
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
    throw new CsvFileError([{ code: 'unreadable_file', row: undefined, column: undefined, message: `${path}: cannot read the ${what} (${readFailure(e)})` }], what);
  }
  const decoded = decodeText(bytes);
  if ('text' in decoded) return decoded.text;
  const message =
    decoded.code === 'utf16_without_bom'
      ? `${path}: ${utf16Advice(what)}`
      : `${path}: line ${decoded.line} is not UTF-8 text; save the file as "CSV UTF-8" (or UTF-16) in your spreadsheet program`;
  throw new CsvFileError([{ code: decoded.code, row: decoded.line, column: undefined, message }], what);
}

/**
 * A JSON file, parsed. A syntax error names the file, the line and column and what was
 * expected there, and says what kind of character was found ("a letter") without
 * quoting the file: `JSON.parse`'s own message would echo its first bytes.
 *
 * @param path - File to read.
 * @param what - What the file is ("config", "column mapping", "result").
 * @param kind - `config`: problems are a ConfigError (exit 4); `data`: an InvalidInputError (exit 3).
 * @returns The parsed value.
 * @throws {@link ConfigError} or {@link InvalidInputError} on a missing file, a file
 *   that is not UTF-8 (or UTF-16 with a BOM) text, or invalid JSON.
 *
 * @example
 * ```ts
 * const config = readJsonFile('config.json', 'config');
 * // a file `{"weights" 3}` throws ConfigError:
 * // "config.json: the config is not valid JSON: line 1, column 12: expected ':' after the property name; found a digit"
 * ```
 */
export function readJsonFile(path: string, what: string, kind: 'config' | 'data' = 'config'): unknown {
  const fail = (message: string): Error => (kind === 'config' ? new ConfigError([message]) : new InvalidInputError(message, { path }));
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw fail(`${path}: cannot read the ${what} (${readFailure(e)})`);
  }
  const decoded = decodeText(bytes);
  if (!('text' in decoded)) {
    throw fail(decoded.code === 'utf16_without_bom' ? `${path}: ${utf16Advice(what)}` : `${path}: the ${what} is not UTF-8 text (line ${decoded.line}); expected a JSON file saved as UTF-8`);
  }
  const text = decoded.text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch {
    const p = jsonSyntaxProblem(text);
    throw fail(p === undefined ? `${path}: the ${what} is not valid JSON` : `${path}: the ${what} is not valid JSON: line ${p.line}, column ${p.column}: expected ${p.expected}; found ${p.found}`);
  }
}
