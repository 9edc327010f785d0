/**
 * Small helpers shared by the report's SVG charts: the accessible `<svg>` wrapper,
 * numbers written compactly, and label truncation.
 *
 * @module
 */
import { escapeHtml } from './escape.js';

/**
 * What {@link svgFrame} needs: the chart's id (unique in the page), title and description.
 *
 * @example
 * ```ts
 * const frame: SvgFrame = { id: 'chart-scores', width: 560, height: 250, title: 'Histogram of pair scores', description: '120 pairs…' };
 * ```
 */
export interface SvgFrame {
  /** Unique in the page; used for the `<title>` / `<desc>` ids. Not user-supplied. */
  readonly id: string;
  readonly width: number;
  readonly height: number;
  /** Short accessible name, e.g. `Histogram of pair scores`. */
  readonly title: string;
  /** One or two sentences that say what the chart shows in numbers (read by screen readers). */
  readonly description: string;
}

/**
 * Wraps chart content in an `<svg role="img">` labelled by its `<title>` and `<desc>`,
 * scaled to the width of its container through `viewBox`.
 *
 * @example
 * ```ts
 * svgFrame({ id: 'c1', width: 100, height: 50, title: 'T', description: 'D' }, '<rect class="bar"/>');
 * // '<svg class="chart" id="c1" role="img" … viewBox="0 0 100 50" …><title id="c1-title">T</title>…</svg>'
 * ```
 */
export function svgFrame(frame: SvgFrame, body: string): string {
  const { id, width, height } = frame;
  return (
    `<svg class="chart" id="${id}" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${width} ${height}" ` +
    `width="${width}" height="${height}" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${id}-title">${escapeHtml(frame.title)}</title><desc id="${id}-desc">${escapeHtml(frame.description)}</desc>` +
    body +
    '</svg>'
  );
}

/**
 * A coordinate for SVG attributes: at most two decimals, no `-0`.
 *
 * @example
 * ```ts
 * px(12.3456); // '12.35'
 * ```
 */
export function px(n: number): string {
  const r = Math.round(n * 100) / 100;
  return String(Object.is(r, -0) ? 0 : r);
}

/**
 * Shortens a label to `max` characters with an ellipsis (the full text goes in a `<title>`).
 *
 * @example
 * ```ts
 * truncate('Engineering and Operations', 12); // 'Engineering…'
 * ```
 */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}
