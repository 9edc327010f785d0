/**
 * Telling UTF-16 text without a byte-order mark from UTF-8, before it is read as garbled
 * column names.
 *
 * @module
 */

/** How much of the start of a file is looked at: 1 KB. */
export const ENCODING_SAMPLE = 1024;

/**
 * Whether the start of a file looks like UTF-16 without a byte-order mark: many NUL
 * units at odd positions (little-endian: `i\0d\0,\0`) or at even ones (big-endian).
 * UTF-8 text has no NUL bytes, so at least 30% NULs in one half of the first
 * {@link ENCODING_SAMPLE} units, and at least twice as many as in the other half, is
 * UTF-16 (text in Latin script has a NUL in every other byte).
 *
 * @param units - The file's bytes, or the code units of text decoded from them as UTF-8.
 * @returns `'utf-16le'` or `'utf-16be'` when it looks like UTF-16, else `undefined`.
 *
 * @example
 * ```ts
 * looksLikeUtf16(new Uint8Array([0x69, 0, 0x64, 0, 0x2c, 0, 0x72, 0])); // 'utf-16le'
 * looksLikeUtf16(new TextEncoder().encode('id,role\n'));                 // undefined
 * ```
 */
export function looksLikeUtf16(units: ArrayLike<number>): 'utf-16le' | 'utf-16be' | undefined {
  const pairs = Math.floor(Math.min(units.length, ENCODING_SAMPLE) / 2);
  if (pairs < 2) return undefined;
  let even = 0;
  let odd = 0;
  for (let k = 0; k < pairs; k++) {
    if (units[2 * k] === 0) even++;
    if (units[2 * k + 1] === 0) odd++;
  }
  if (odd >= 0.3 * pairs && odd >= 2 * even) return 'utf-16le';
  if (even >= 0.3 * pairs && even >= 2 * odd) return 'utf-16be';
  return undefined;
}

/**
 * The code units of the start of a text, for {@link looksLikeUtf16}.
 *
 * @param text - Text (e.g. a file's bytes decoded as UTF-8).
 * @returns Its first {@link ENCODING_SAMPLE} UTF-16 code units.
 *
 * @example
 * ```ts
 * looksLikeUtf16(leadingUnits('i\0d\0,\0r\0')); // 'utf-16le'
 * ```
 */
export function leadingUnits(text: string): number[] {
  const n = Math.min(text.length, ENCODING_SAMPLE);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = text.charCodeAt(i);
  return out;
}

/**
 * The advice for a file that {@link looksLikeUtf16} says is UTF-16 without a BOM.
 *
 * @param what - What the file is ("cohort CSV", "config").
 * @returns One sentence, without the file's name.
 *
 * @example
 * ```ts
 * utf16Advice('cohort CSV');
 * // 'the cohort CSV looks like UTF-16 text without a byte-order mark; save it as "CSV UTF-8" in your spreadsheet program (or as UTF-16 with a byte-order mark)'
 * ```
 */
export function utf16Advice(what: string): string {
  const saveAs = /csv/i.test(what) ? '"CSV UTF-8" in your spreadsheet program' : 'UTF-8 in your editor';
  return `the ${what} looks like UTF-16 text without a byte-order mark; save it as ${saveAs} (or as UTF-16 with a byte-order mark)`;
}
