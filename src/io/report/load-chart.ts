/**
 * Mentor load against capacity: one bar per mentor (load inside a capacity track) for a
 * small programme, or the distribution of mentors by load for a large one.
 *
 * @module
 */
import { bin, max, range, sum } from 'd3-array';
import { scaleBand, scaleLinear } from 'd3-scale';

import type { MentorLoad } from '../../evaluate/types.js';
import { escapeHtml } from './escape.js';
import { formatCount } from './format.js';
import { px, svgFrame, truncate } from './svg.js';

/**
 * Options of {@link loadChart}.
 *
 * @example
 * ```ts
 * const options: LoadChartOptions = { id: 'chart-load', perMentorLimit: 50 };
 * ```
 */
export interface LoadChartOptions {
  /** Unique id of the chart in the page. */
  readonly id: string;
  /**
   * Up to this many mentors, one bar per mentor; above it, the distribution of mentors
   * by load. @defaultValue 30
   */
  readonly perMentorLimit?: number;
}

const W = 560;

/**
 * Renders mentor load against capacity as inline SVG.
 *
 * - Up to `perMentorLimit` mentors: a row per mentor, a `<rect class="capacity">` track
 *   as long as the capacity and a `<rect class="bar">` as long as the load (`bar-over`
 *   above capacity; the label of a mentor with no mentee has the class `idle`).
 * - More mentors: one `<rect class="bar">` per load value (0, 1, 2, …; binned above 40
 *   values), as tall as the number of mentors with that load (`bar-idle` for load 0).
 *
 * @param loads - One entry per mentor, as in `ResultSummary.mentorLoad`.
 * @param options - Chart id and the per-mentor limit.
 * @returns An `<svg>` element as a string.
 *
 * @example
 * ```ts
 * loadChart([{ id: 'm1', name: 'Ada', load: 2, capacity: 3 }], { id: 'load' });
 * // one capacity track and one bar: 'Ada 2 / 3'
 * ```
 */
export function loadChart(loads: readonly MentorLoad[], options: LoadChartOptions): string {
  if (loads.length === 0) return '<p class="empty">No mentors in this result.</p>';
  return loads.length <= (options.perMentorLimit ?? 30) ? perMentor(loads, options.id) : distribution(loads, options.id);
}

function perMentor(loads: readonly MentorLoad[], id: string): string {
  const M = { top: 6, right: 64, bottom: 24, left: 150 };
  const ROW = 22;
  const H = M.top + M.bottom + ROW * loads.length;
  const y = scaleBand<number>()
    .domain(loads.map((_, i) => i))
    .range([M.top, H - M.bottom])
    .paddingInner(0.25)
    .paddingOuter(0.1);
  const top = Math.max(1, max(loads, (l) => Math.max(l.load, l.capacity ?? 0)) ?? 1);
  const x = scaleLinear().domain([0, top]).range([M.left, W - M.right]);
  let body = '<g class="grid">';
  for (const t of x.ticks(Math.min(top, 6)).filter((t) => Number.isInteger(t))) {
    body += `<line x1="${px(x(t))}" x2="${px(x(t))}" y1="${M.top}" y2="${H - M.bottom}"/>`;
    body += `<text class="tick" x="${px(x(t))}" y="${H - M.bottom + 14}" text-anchor="middle">${t}</text>`;
  }
  body += '</g>';
  loads.forEach((l, i) => {
    const y0 = y(i) ?? 0;
    const mid = y0 + y.bandwidth() / 2;
    const label = l.name ?? l.id;
    const cap = l.capacity;
    const over = cap !== undefined && l.load > cap;
    const value = cap === undefined ? `${l.load}` : `${l.load} / ${cap}`;
    const tip = `${label} (${l.id}): ${l.load} mentee${l.load === 1 ? '' : 's'}${cap === undefined ? '' : `, capacity ${cap}`}`;
    body += `<g class="row"><title>${escapeHtml(tip)}</title>`;
    body += `<text class="label${l.load === 0 ? ' idle' : ''}" x="${M.left - 8}" y="${px(mid)}" dy="0.32em" text-anchor="end">${escapeHtml(truncate(label, 22))}</text>`;
    if (cap !== undefined) {
      body += `<rect class="capacity" x="${M.left}" y="${px(y0)}" width="${px(x(cap) - M.left)}" height="${px(y.bandwidth())}" rx="2"/>`;
    }
    body += `<rect class="bar${over ? ' bar-over' : ''}" x="${M.left}" y="${px(y0 + 3)}" width="${px(x(l.load) - M.left)}" height="${px(Math.max(1, y.bandwidth() - 6))}" rx="2"/>`;
    body += `<text class="value" x="${px(x(Math.max(l.load, cap ?? 0)) + 6)}" y="${px(mid)}" dy="0.32em">${escapeHtml(value)}</text></g>`;
  });
  const full = loads.filter((l) => l.capacity !== undefined && l.load >= l.capacity).length;
  const description = `${loads.length} mentors; ${full} at capacity; ${loads.filter((l) => l.load === 0).length} without a mentee.`;
  return svgFrame({ id, width: W, height: H, title: 'Mentor load against capacity', description }, body);
}

function distribution(loads: readonly MentorLoad[], id: string): string {
  const M = { top: 18, right: 16, bottom: 40, left: 52 };
  const H = 250;
  const top = max(loads, (l) => l.load) ?? 0;
  const thresholds = top <= 40 ? range(1, top + 1) : scaleLinear().domain([0, top + 1]).nice().ticks(20).slice(1);
  const bins = bin<MentorLoad, number>()
    .value((l) => l.load)
    .domain([0, top + 1])
    .thresholds(thresholds)(loads.slice());
  const x = scaleBand<number>()
    .domain(bins.map((_, i) => i))
    .range([M.left, W - M.right])
    .paddingInner(0.15)
    .paddingOuter(0.05);
  const y = scaleLinear()
    .domain([0, Math.max(1, max(bins, (b) => b.length) ?? 1)])
    .nice(5)
    .range([H - M.bottom, M.top]);
  let body = '<g class="grid">';
  for (const t of y.ticks(5).filter((t) => Number.isInteger(t))) {
    body += `<line x1="${M.left}" x2="${W - M.right}" y1="${px(y(t))}" y2="${px(y(t))}"/>`;
    body += `<text class="tick" x="${M.left - 6}" y="${px(y(t))}" dy="0.32em" text-anchor="end">${formatCount(t)}</text>`;
  }
  body += '</g><g class="bars">';
  const every = Math.ceil(bins.length / 14);
  bins.forEach((b, i) => {
    const x0 = b.x0 ?? 0;
    const x1 = b.x1 ?? x0 + 1;
    const name = x1 - x0 === 1 ? `${x0}` : `${x0}–${x1 - 1}`;
    const full = b.filter((l) => l.capacity !== undefined && l.load >= l.capacity).length;
    const tip = `load ${name}: ${formatCount(b.length)} mentor${b.length === 1 ? '' : 's'}${full > 0 ? ` (${formatCount(full)} at capacity)` : ''}`;
    const bx = x(i) ?? 0;
    body +=
      `<rect class="bar${x0 === 0 && x1 === 1 ? ' bar-idle' : ''}" data-count="${b.length}" x="${px(bx)}" y="${px(y(b.length))}" ` +
      `width="${px(x.bandwidth())}" height="${px(y(0) - y(b.length))}"><title>${escapeHtml(tip)}</title></rect>`;
    if (i % every === 0) body += `<text class="tick" x="${px(bx + x.bandwidth() / 2)}" y="${H - M.bottom + 16}" text-anchor="middle">${name}</text>`;
  });
  body += '</g><g class="axis">';
  body += `<line x1="${M.left}" x2="${W - M.right}" y1="${H - M.bottom}" y2="${H - M.bottom}"/>`;
  body += `<text class="axis-label" x="${px((M.left + W - M.right) / 2)}" y="${H - 6}" text-anchor="middle">mentees per mentor</text>`;
  body += `<text class="axis-label" transform="translate(12 ${px((M.top + H - M.bottom) / 2)}) rotate(-90)" text-anchor="middle">mentors</text></g>`;
  const capacity = sum(loads, (l) => l.capacity ?? 0);
  const description =
    `${formatCount(loads.length)} mentors with ${formatCount(sum(loads, (l) => l.load))} mentees` +
    (capacity > 0 ? ` in ${formatCount(capacity)} places` : '') +
    `; ${formatCount(loads.filter((l) => l.load === 0).length)} without a mentee.`;
  return svgFrame({ id, width: W, height: H, title: 'Mentors by number of mentees', description }, body);
}
