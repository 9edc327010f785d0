/**
 * Formatting: outcome cells, ratios, a plain-text console table and the same table in
 * markdown, and the RESULTS.md writer that only replaces this benchmark's own sections.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Outcome } from './timing.js';

export interface Table {
  readonly headers: readonly string[];
  readonly rows: ReadonlyArray<readonly string[]>;
}

/** A result section: a title, tables, and notes printed below them. */
export interface Section {
  readonly id: string;
  readonly title: string;
  readonly env: string;
  readonly tables: readonly Table[];
  readonly notes: readonly string[];
}

export function fmtMs(ms: number): string {
  if (ms < 10) return ms.toFixed(2);
  if (ms < 1000) return ms.toFixed(1);
  return Math.round(ms).toString();
}

/** Time cell: median ms; `*` = a single cold run (the checked run was the measurement). */
export function cellMs(o: Outcome): string {
  switch (o.kind) {
    case 'ok':
      return fmtMs(o.ms) + (o.cold ? '*' : '');
    case 'wrong':
      return '✗ wrong answer';
    case 'error':
      return '✗ error';
    case 'skipped':
      return o.detail;
    case 'na':
      return 'not available';
  }
}

/** peer / ours, so > 1 means ours is faster. */
export function cellRatio(peer: Outcome, ours: Outcome): string {
  if (peer.kind !== 'ok' || ours.kind !== 'ok' || ours.ms <= 0) return '–';
  const r = peer.ms / ours.ms;
  return `${r >= 100 ? r.toFixed(0) : r >= 10 ? r.toFixed(1) : r.toFixed(2)}×`;
}

function isNumeric(s: string): boolean {
  return /^[\d.,]+[*×]?$/.test(s) || s === '–';
}

/** Plain-text table with aligned columns (numbers right-aligned). */
export function toText(t: Table): string {
  const all = [t.headers, ...t.rows];
  const w = t.headers.map((_, c) => Math.max(...all.map((r) => [...(r[c] ?? '')].length)));
  const pad = (s: string, c: number, right: boolean): string => {
    const fill = ' '.repeat(w[c] - [...s].length);
    return right ? fill + s : s + fill;
  };
  const line = (r: readonly string[], head: boolean): string =>
    r.map((s, c) => pad(s, c, !head && c > 0 && isNumeric(s))).join('  ');
  return [line(t.headers, true), w.map((n) => '-'.repeat(n)).join('  '), ...t.rows.map((r) => line(r, false))].join('\n');
}

export function toMarkdown(t: Table): string {
  const esc = (s: string): string => s.replace(/\|/g, '\\|');
  const align = t.headers.map((_, c) => (c > 0 && t.rows.every((r) => isNumeric(r[c] ?? '')) ? '---:' : '---'));
  return [
    `| ${t.headers.map(esc).join(' | ')} |`,
    `| ${align.join(' | ')} |`,
    ...t.rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}

export function sectionText(s: Section): string {
  return [`== ${s.title} ==`, s.env, '', ...s.tables.flatMap((t) => [toText(t), '']), ...s.notes.map((n) => `  - ${n}`)].join('\n');
}

export function sectionMarkdown(s: Section): string {
  return [
    `### ${s.title}`,
    '',
    s.env,
    '',
    ...s.tables.flatMap((t) => [toMarkdown(t), '']),
    ...s.notes.map((n) => `- ${n}`),
  ].join('\n').trimEnd();
}

const OUTER_START = '<!-- solvers:start -->';
const OUTER_END = '<!-- solvers:end -->';
const sub = (id: string, edge: 'start' | 'end'): string => `<!-- solvers:${id}:${edge} -->`;

function between(text: string, start: string, end: string): { before: string; inner: string; after: string } | undefined {
  const a = text.indexOf(start);
  const b = text.indexOf(end, a + start.length);
  if (a < 0 || b < 0) return undefined;
  return { before: text.slice(0, a), inner: text.slice(a + start.length, b), after: text.slice(b + end.length) };
}

/**
 * Updates RESULTS.md: inside `<!-- solvers:start -->`…`<!-- solvers:end -->` it rewrites
 * the header and the sections measured in this run (each in its own
 * `<!-- solvers:<id>:start/end -->` block), keeps the sections not measured this time, and
 * leaves everything outside the solvers block untouched.
 */
export function writeResults(path: string, opts: { header: string; footer: string; order: readonly string[]; sections: readonly Section[] }): void {
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmark results\n';
  const outer = between(text, OUTER_START, OUTER_END);
  const oldInner = outer?.inner ?? '';
  const blocks = new Map<string, string>();
  for (const id of opts.order) {
    const old = between(oldInner, sub(id, 'start'), sub(id, 'end'));
    if (old) blocks.set(id, old.inner.trim());
  }
  for (const s of opts.sections) blocks.set(s.id, sectionMarkdown(s));
  const body = [
    opts.header.trim(),
    ...opts.order.filter((id) => blocks.has(id)).map((id) => `${sub(id, 'start')}\n${blocks.get(id)}\n${sub(id, 'end')}`),
    opts.footer.trim(),
  ].join('\n\n');
  const block = `${OUTER_START}\n${body}\n${OUTER_END}`;
  const out = outer ? `${outer.before}${block}${outer.after}` : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(path, out);
}
