import { describe, expect, it } from 'vitest';

import { barChart } from '../../../src/io/report/bar-chart.js';
import { formatCount, formatNumber, formatPercent, round } from '../../../src/io/report/format.js';
import { scoreHistogram } from '../../../src/io/report/histogram.js';
import { loadChart } from '../../../src/io/report/load-chart.js';
import { truncate } from '../../../src/io/report/svg.js';
import { count } from './_html.js';

const dataCounts = (svg: string): number[] => [...svg.matchAll(/data-count="(\d+)"/g)].map((m) => Number(m[1]));

describe('scoreHistogram(scores, { id })', () => {
  it('has 20 bins of 5 points; 100 falls in the last bin, 0 in the first', () => {
    const svg = scoreHistogram([0, 4.99, 5, 50, 99.9, 100], { id: 'h' });
    expect(count(svg, 'class="bar"')).toBe(20);
    const c = dataCounts(svg);
    expect(c[0]).toBe(2);
    expect(c[1]).toBe(1);
    expect(c[10]).toBe(1);
    expect(c[19]).toBe(2);
    expect(c.reduce((a, b) => a + b, 0)).toBe(6);
  });

  it('takes the bin width from options.step', () => {
    expect(count(scoreHistogram([10, 20], { id: 'h', step: 10 }), 'class="bar"')).toBe(10);
  });

  it('is accessible: role=img, labelled by its <title> and <desc>, a tooltip per bar', () => {
    const svg = scoreHistogram([61, 62, 63], { id: 'hx' });
    expect(svg).toMatch(/^<svg class="chart" id="hx" role="img" aria-labelledby="hx-title hx-desc"/);
    expect(svg).toContain('<desc id="hx-desc">3 pairs in 20 bins of 5 points; mean 62.0; the most common range is 60–65 with 3.</desc>');
    expect(svg).toContain('<title>60–65: 3 pairs</title>');
    expect(svg).toContain('mean 62.0');
  });

  it('renders no pair as 20 empty bins and no mean line', () => {
    const svg = scoreHistogram([], { id: 'h' });
    expect(count(svg, 'class="bar"')).toBe(20);
    expect(svg).not.toContain('class="marker"');
    expect(svg).not.toContain('NaN');
  });
});

describe('barChart(bars, options)', () => {
  it('draws one bar per item in the given order, scaled to the largest', () => {
    const svg = barChart(
      [
        { label: 'skills', value: 20, valueLabel: '20.0 pts' },
        { label: 'goals', value: 10, valueLabel: '10.0 pts', note: 'applies to 3 pairs' },
        { label: 'location', value: 0, valueLabel: '0.0 pts' },
      ],
      { id: 'b', title: 'T', description: 'D.' },
    );
    expect(count(svg, 'class="bar"')).toBe(3);
    const widths = [...svg.matchAll(/<rect class="bar"[^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths[0]).toBeCloseTo(2 * widths[1], 5);
    expect(widths[2]).toBe(0);
    expect(svg).toContain('<title>goals: 10.0 pts (applies to 3 pairs)</title>');
    expect(svg).toContain('<desc id="b-desc">D. skills: 20.0 pts; goals: 10.0 pts; location: 0.0 pts.</desc>');
  });

  it('says there is nothing to show for no bars, and never divides by zero', () => {
    expect(barChart([], { id: 'b', title: 'T', description: 'D' })).toBe('<p class="empty">Nothing to show.</p>');
    expect(barChart([{ label: 'x', value: 0, valueLabel: '0' }], { id: 'b', title: 'T', description: 'D' })).not.toContain('NaN');
  });

  it('escapes labels and truncates long ones (the tooltip keeps the full label)', () => {
    const label = '<b>a very long criterion name & more</b>';
    const svg = barChart([{ label, value: 1, valueLabel: '1' }], { id: 'b', title: 'T', description: 'D' });
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;b&gt;a very long criterion name &amp; more&lt;/b&gt;: 1');
    expect(svg).toContain('>&lt;b&gt;a very long criterion name…</text>');
  });
});

describe('loadChart(loads, { id })', () => {
  const mentor = (k: number, load: number, capacity: number | undefined) => ({ id: `m-${k}`, name: k === 0 ? undefined : `Mentor ${k}`, load, capacity });

  it('up to 30 mentors: a capacity track and a load bar per mentor; over capacity is marked', () => {
    const svg = loadChart([mentor(0, 0, 2), mentor(1, 2, 2), mentor(2, 3, 2)], { id: 'l' });
    expect(count(svg, 'class="capacity"')).toBe(3);
    expect(count(svg, /class="bar( bar-over)?"/)).toBe(3);
    expect(count(svg, 'class="bar bar-over"')).toBe(1);
    expect(svg).toContain('class="label idle"');
    expect(svg).toContain('>m-0</text>'); // no name: the id
    expect(svg).toContain('<desc id="l-desc">3 mentors; 2 at capacity; 1 without a mentee.</desc>');
  });

  it('without capacities (no participants): load bars only', () => {
    const svg = loadChart([mentor(1, 1, undefined)], { id: 'l' });
    expect(count(svg, 'class="capacity"')).toBe(0);
    expect(svg).toContain('>1</text>');
  });

  it('more than 30 mentors: one bar per load value 0…max, as tall as the mentors with that load', () => {
    const loads = Array.from({ length: 100 }, (_, k) => mentor(k, k % 4, 3));
    const svg = loadChart(loads, { id: 'l' });
    expect(svg).toContain('Mentors by number of mentees');
    expect(dataCounts(svg)).toEqual([25, 25, 25, 25]);
    expect(count(svg, 'class="bar bar-idle"')).toBe(1);
    expect(svg).toContain('<title>load 3: 25 mentors (25 at capacity)</title>');
  });

  it('bins load values above 40 and keeps every mentor', () => {
    const loads = Array.from({ length: 200 }, (_, k) => mentor(k, k, 200));
    const c = dataCounts(loadChart(loads, { id: 'l' }));
    expect(c.length).toBeLessThanOrEqual(25);
    expect(c.reduce((a, b) => a + b, 0)).toBe(200);
  });

  it('no mentor: a note instead of a chart', () => {
    expect(loadChart([], { id: 'l' })).toBe('<p class="empty">No mentors in this result.</p>');
  });
});

describe('number formatting is locale-independent', () => {
  it('formatCount, formatNumber, formatPercent, round', () => {
    expect(formatCount(12000)).toBe('12\u202f000');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(-1500)).toBe('−1\u202f500');
    expect(formatNumber(61.94, 1)).toBe('61.9');
    expect(formatNumber(-0.01, 1)).toBe('0.0');
    expect(formatNumber(null)).toBe('–');
    expect(formatNumber(Number.NaN)).toBe('–');
    expect(formatPercent(0.8333)).toBe('83.3\u202f%');
    expect(round(41.653333, 1)).toBe(41.7);
    expect(Object.is(round(-0.01, 1), 0)).toBe(true);
    expect(truncate('Engineering and Operations', 12)).toBe('Engineering…');
  });
});
