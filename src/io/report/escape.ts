/**
 * Escaping for the HTML report: text and attribute values in HTML and SVG, and JSON
 * embedded in a `<script type="application/json">` element.
 *
 * @module
 */

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for HTML (and SVG) element content and quoted attribute values:
 * `& < > " '` become entities. Anything user-supplied (names, ids, departments, evidence,
 * reasons, titles) passes through here before it reaches the page.
 *
 * @param text - Any string; `undefined` and `null` give `''`.
 * @returns The escaped text.
 *
 * @example
 * ```ts
 * escapeHtml(`<script>alert("x & y")</script>`);
 * // '&lt;script&gt;alert(&quot;x &amp; y&quot;)&lt;/script&gt;'
 * ```
 */
export function escapeHtml(text: string | undefined | null): string {
  if (text === undefined || text === null) return '';
  return String(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * Serialises a value as JSON that is safe inside `<script type="application/json">`:
 * `<`, `>` and `&` become `\u003c`, `\u003e` and `\u0026` (so `</script>` or `<!--` in a
 * name cannot end the element), and U+2028 / U+2029 are escaped too. `JSON.parse` reads
 * the result back unchanged.
 *
 * @param value - A JSON-serialisable value.
 * @returns JSON text without a raw `<`, `>` or `&`.
 *
 * @example
 * ```ts
 * jsonForScript({ name: '</script><b>' });
 * // '{"name":"\\u003c/script\\u003e\\u003cb\\u003e"}'
 * ```
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
