/**
 * Locale-independent number formatting for the HTML report, so that the same result
 * renders to the same bytes on every machine (no `toLocaleString`).
 *
 * @module
 */

/**
 * Formats an integer (or rounds a number) with a thin space between thousands.
 *
 * @example
 * ```ts
 * formatCount(12000); // '12 000' (U+202F narrow no-break space)
 * ```
 */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return '–';
  const s = String(Math.round(Math.abs(n)));
  return (n < 0 ? '−' : '') + s.replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
}

/**
 * Formats a number with a fixed number of decimals (`–` when not finite, `−` for minus).
 *
 * @example
 * ```ts
 * formatNumber(61.94, 1); // '61.9'
 * ```
 */
export function formatNumber(n: number | null | undefined, digits = 1): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '–';
  const s = Math.abs(n).toFixed(digits);
  return (n < 0 && Number(s) !== 0 ? '−' : '') + s;
}

/**
 * Formats a share in [0, 1] as a percentage.
 *
 * @example
 * ```ts
 * formatPercent(0.8333); // '83.3 %'
 * ```
 */
export function formatPercent(share: number | null | undefined, digits = 1): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '–';
  return `${formatNumber(share * 100, digits)}\u202f%`;
}

/**
 * Rounds to a fixed number of decimals for the embedded JSON (shorter, deterministic).
 *
 * @example
 * ```ts
 * round(41.653333, 1); // 41.7
 * ```
 */
export function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  const r = Math.round(n * f) / f;
  return Object.is(r, -0) ? 0 : r;
}
