/**
 * Text that is safe to print on a terminal: names, ids and messages from a cohort file
 * may carry control characters (`ESC ] 0 ; … BEL` retitles the window, `ESC [ 2 J` clears
 * it) or bidirectional overrides that reorder what is shown. They are printed as visible
 * escapes instead, so the output cannot be forged and the bad cell can be found.
 *
 * @module
 */

/**
 * Characters escaped by {@link escapeControlChars}: C0 controls except the line feed,
 * DEL, C1 controls, the bidirectional marks, embeddings, overrides and isolates (U+061C,
 * U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), and the line and paragraph separators
 * U+2028 and U+2029.
 */
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

/**
 * Replaces each control or bidirectional-formatting character with its `\uXXXX` escape
 * (`ESC` → `\u001b`, RIGHT-TO-LEFT OVERRIDE → `\u202e`); line feeds are kept, as the
 * command line's own line breaks. The escapes are JSON's, so a JSON document stays valid
 * JSON with the same values.
 *
 * @param text - What is about to be printed.
 * @returns The text with every unsafe character escaped.
 *
 * @example
 * ```ts
 * escapeControlChars('\u001b]0;PWNED\u0007Ana\u202e'); // '\\u001b]0;PWNED\\u0007Ana\\u202e'
 * escapeControlChars('line 1\nline 2'); // 'line 1\nline 2'
 * ```
 */
export function escapeControlChars(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A value from the data (a name, an id, a table cell) on one line: a line break inside it
 * is shown as `\n` (and a carriage return as `\r`), so it cannot start a line of its own,
 * and other control characters are escaped as by {@link escapeControlChars}, so that a
 * table measures the cell as it is shown.
 *
 * @param text - A name, id or cell.
 * @returns The text without line breaks or control characters.
 *
 * @example
 * ```ts
 * oneLine('Ana\nerror: forged'); // 'Ana\\nerror: forged'
 * oneLine('Bo\u001b[2J'); // 'Bo\\u001b[2J'
 * ```
 */
export function oneLine(text: string): string {
  return escapeControlChars(text.replace(/\r/gu, '\\r').replace(/\n/gu, '\\n'));
}
