/**
 * The histogram of pair scores: 20 bins of 5 points over 0–100 (d3-array `bin`), bars
 * scaled with d3-scale, a dashed line at the mean and an accessible title.
 *
 * @module
 */
import { bin, max, mean, range } from 'd3-array';
import { scaleLinear } from 'd3-scale';

import { escapeHtml } from './escape.js';
import { formatCount, formatNumber } from './format.js';
import { px, svgFrame } from './svg.js';

/**
 * Options of {@link scoreHistogram}.
 *
 * @example
 * ```ts
 * const options: HistogramOptions = { id: 'chart-scores', unit: 'groups', step: 10 };
 * ```
 */
export interface HistogramOptions {
  /** Unique id of the chart in the page. */
  readonly id: string;
  /** What is counted, plural: `pairs` or `groups`. @defaultValue `'pairs'` */
  readonly unit?: string;
  /** Bin width in score points (divides 100). @defaultValue 5 */
  readonly step?: number;
}

const W = 560;
const H = 250;
const M = { top: 18, right: 16, bottom: 40, left: 46 };

/**
 * Renders a histogram of scores on 0–100 as inline SVG: one `<rect class="bar">` per bin
 * (empty bins included, so there are always `100 / step` bars), each with a `<title>`
 * giving its range and count; y ticks from `scaleLinear().nice()`; a dashed mean line.
 *
 * @param scores - Pair (or group) scores on 0–100.
 * @param options - Chart id, counted unit and bin width.
 * @returns An `<svg>` element as a string.
 *
 * @example
 * ```ts
 * const svg = scoreHistogram([42, 61.5, 63, 88], { id: 'hist' });
 * svg.match(/class="bar"/g)?.length; // 20
 * ```
 */
export function scoreHistogram(scores: readonly number[], options: HistogramOptions): string {
  const unit = options.unit ?? 'pairs';
  const step = options.step ?? 5;
  const bins = bin()
    .domain([0, 100])
    .thresholds(range(step, 100, step))(scores.map((s) => Math.min(100, Math.max(0, s))));
  const top = max(bins, (b) => b.length) ?? 0;
  const x = scaleLinear().domain([0, 100]).range([M.left, W - M.right]);
  const y = scaleLinear()
    .domain([0, Math.max(1, top)])
    .nice(5)
    .range([H - M.bottom, M.top]);
  const yTicks = y.ticks(Math.min(5, Math.max(1, y.domain()[1]))).filter((t) => Number.isInteger(t));

  let body = '<g class="grid">';
  for (const t of yTicks) {
    body += `<line x1="${M.left}" x2="${W - M.right}" y1="${px(y(t))}" y2="${px(y(t))}"/>`;
    body += `<text class="tick" x="${M.left - 6}" y="${px(y(t))}" dy="0.32em" text-anchor="end">${formatCount(t)}</text>`;
  }
  body += '</g><g class="bars">';
  for (const b of bins) {
    const x0 = b.x0 ?? 0;
    const x1 = b.x1 ?? 100;
    const h = y(0) - y(b.length);
    const label = `${formatNumber(x0, 0)}–${formatNumber(x1, 0)}: ${formatCount(b.length)} ${unit}`;
    body +=
      `<rect class="bar" data-count="${b.length}" x="${px(x(x0) + 1)}" y="${px(y(b.length))}" ` +
      `width="${px(Math.max(0, x(x1) - x(x0) - 2))}" height="${px(h)}"><title>${escapeHtml(label)}</title></rect>`;
  }
  body += '</g><g class="axis">';
  body += `<line x1="${M.left}" x2="${W - M.right}" y1="${H - M.bottom}" y2="${H - M.bottom}"/>`;
  for (const t of range(0, 101, 10)) {
    body += `<text class="tick" x="${px(x(t))}" y="${H - M.bottom + 16}" text-anchor="middle">${t}</text>`;
  }
  body += `<text class="axis-label" x="${px((M.left + W - M.right) / 2)}" y="${H - 6}" text-anchor="middle">score (0–100)</text>`;
  body += `<text class="axis-label" transform="translate(12 ${px((M.top + H - M.bottom) / 2)}) rotate(-90)" text-anchor="middle">${escapeHtml(unit)}</text>`;
  body += '</g>';
  const m = mean(scores);
  if (m !== undefined) {
    body +=
      `<g class="marker"><line x1="${px(x(m))}" x2="${px(x(m))}" y1="${M.top - 4}" y2="${H - M.bottom}"/>` +
      `<text x="${px(x(m) + (m > 80 ? -4 : 4))}" y="${M.top + 6}" text-anchor="${m > 80 ? 'end' : 'start'}">mean ${formatNumber(m, 1)}</text></g>`;
  }
  const busiest = bins.reduce((a, b) => (b.length > a.length ? b : a), bins[0]);
  const description =
    scores.length === 0
      ? `No ${unit}: every bin is empty.`
      : `${formatCount(scores.length)} ${unit} in ${bins.length} bins of ${step} points; mean ${formatNumber(m, 1)}; ` +
        `the most common range is ${formatNumber(busiest.x0, 0)}–${formatNumber(busiest.x1, 0)} with ${formatCount(busiest.length)}.`;
  return svgFrame({ id: options.id, width: W, height: H, title: `Histogram of ${unit === 'pairs' ? 'pair' : 'group'} scores`, description }, body);
}
