/**
 * A horizontal bar chart (d3-scale `scaleBand` for the rows, `scaleLinear` for the
 * lengths), used for each criterion's average contribution and for unmatched reasons.
 *
 * @module
 */
import { max } from 'd3-array';
import { scaleBand, scaleLinear } from 'd3-scale';

import { escapeHtml } from './escape.js';
import { px, svgFrame, truncate } from './svg.js';

/**
 * One bar of {@link barChart}.
 *
 * @example
 * ```ts
 * const bar: Bar = { label: 'skills', value: 21.4, valueLabel: '21.4 pts', note: 'mean score 0.71 over 980 pairs' };
 * ```
 */
export interface Bar {
  /** Row label (escaped; truncated on the chart, full in the tooltip). */
  readonly label: string;
  /** Bar length, ≥ 0. */
  readonly value: number;
  /** Text written at the end of the bar, e.g. `12.3 pts`. */
  readonly valueLabel: string;
  /** Extra tooltip text, e.g. `applies to 980 pairs`. */
  readonly note?: string;
}

/**
 * Options of {@link barChart}.
 *
 * @example
 * ```ts
 * const options: BarChartOptions = { id: 'chart-reasons', title: 'Unmatched people by reason', description: 'People per reason.', barClass: 'bar-warn' };
 * ```
 */
export interface BarChartOptions {
  /** Unique id of the chart in the page. */
  readonly id: string;
  readonly title: string;
  /** Sentence for screen readers; the bars' values are appended. */
  readonly description: string;
  /** Upper end of the scale; default: the largest value. */
  readonly domainMax?: number;
  /** Extra CSS class on the bars (colour variants: `bar-warn`). */
  readonly barClass?: string;
}

const W = 560;
const ROW = 26;
const M = { top: 6, right: 80, bottom: 6, left: 196 };

/**
 * Renders horizontal bars as inline SVG: one `<rect class="bar">` per item, in the order
 * given, each with a `<title>` and its value written at its end.
 *
 * @param bars - The rows, top to bottom.
 * @param options - Chart id, accessible title and description, scale maximum.
 * @returns An `<svg>` element as a string (a short note when there is no bar).
 *
 * @example
 * ```ts
 * barChart(
 *   [{ label: 'skills', value: 21.4, valueLabel: '21.4 pts' }, { label: 'languages', value: 9.1, valueLabel: '9.1 pts' }],
 *   { id: 'criteria', title: 'Average contribution per criterion', description: 'Points each criterion adds.' },
 * ); // '<svg class="chart" …><rect class="bar" …>…</svg>' with two bars
 * ```
 */
export function barChart(bars: readonly Bar[], options: BarChartOptions): string {
  if (bars.length === 0) return '<p class="empty">Nothing to show.</p>';
  const H = M.top + M.bottom + ROW * bars.length;
  const y = scaleBand<number>()
    .domain(bars.map((_, i) => i))
    .range([M.top, H - M.bottom])
    .paddingInner(0.22)
    .paddingOuter(0.1);
  const top = options.domainMax ?? max(bars, (b) => b.value) ?? 0;
  const x = scaleLinear()
    .domain([0, top > 0 ? top : 1])
    .range([M.left, W - M.right]);
  const cls = options.barClass ? `bar ${options.barClass}` : 'bar';
  let body = `<line class="baseline" x1="${M.left}" x2="${M.left}" y1="${M.top}" y2="${H - M.bottom}"/>`;
  bars.forEach((b, i) => {
    const y0 = y(i) ?? 0;
    const mid = y0 + y.bandwidth() / 2;
    const v = Math.max(0, b.value);
    const tip = `${b.label}: ${b.valueLabel}${b.note ? ` (${b.note})` : ''}`;
    body +=
      `<g class="row"><title>${escapeHtml(tip)}</title>` +
      `<text class="label" x="${M.left - 8}" y="${px(mid)}" dy="0.32em" text-anchor="end">${escapeHtml(truncate(b.label, 30))}</text>` +
      `<rect class="${cls}" x="${M.left}" y="${px(y0)}" width="${px(Math.max(v > 0 ? 1 : 0, x(v) - M.left))}" height="${px(y.bandwidth())}" rx="2"/>` +
      `<text class="value" x="${px(x(v) + 6)}" y="${px(mid)}" dy="0.32em">${escapeHtml(b.valueLabel)}</text></g>`;
  });
  const description = `${options.description} ${bars.map((b) => `${b.label}: ${b.valueLabel}`).join('; ')}.`;
  return svgFrame({ id: options.id, width: W, height: H, title: options.title, description }, body);
}
