/** Small readers for rendered reports (no DOM library: regular expressions on our own output). */
import type { EvidenceItem, ReportData } from '../../../src/io/report/data.js';

/** The JSON blob the inline script reads. */
export function dataOf(html: string): ReportData {
  const m = /<script type="application\/json" id="report-data">([^<]*)<\/script>/.exec(html);
  if (!m) throw new Error('no report-data blob');
  return JSON.parse(m[1]) as ReportData;
}

/** The `<svg>` element with this id. */
export function svgById(html: string, id: string): string {
  const m = new RegExp(`<svg class="chart" id="${id}"[\\s\\S]*?</svg>`).exec(html);
  if (!m) throw new Error(`no svg #${id}`);
  return m[0];
}

/** How many times `needle` occurs. */
export function count(haystack: string, needle: string | RegExp): number {
  return typeof needle === 'string' ? haystack.split(needle).length - 1 : (haystack.match(new RegExp(needle.source, 'g')) ?? []).length;
}

/** Evidence text back from the blob, as the inline script rebuilds it. */
export function evidenceText(data: ReportData, item: EvidenceItem): string {
  if (typeof item === 'number') return data.strings[item];
  const bits = data.strings[item[0]].split('\u0000');
  let out = bits[0];
  for (let i = 1; i < bits.length; i++) out += String(item[i]) + bits[i];
  return out;
}

/** The `<section id=…>` with this id (up to its closing tag; sections do not nest). */
export function section(html: string, id: string): string {
  const m = new RegExp(`<section class="panel[^"]*" id="${id}"[\\s\\S]*?</section>`).exec(html);
  if (!m) throw new Error(`no section #${id}`);
  return m[0];
}
