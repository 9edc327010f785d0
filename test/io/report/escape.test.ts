import { describe, expect, it } from 'vitest';

import { escapeHtml, jsonForScript } from '../../../src/io/report/escape.js';
import { renderReport } from '../../../src/io/report/render-report.js';
import { REPORT_SCRIPT } from '../../../src/io/report/script.js';
import { REPORT_STYLES } from '../../../src/io/report/styles.js';
import { cohort, EVIL_DEPARTMENT, EVIL_NAME, FAIRNESS, QUOTED_NAME, run, STABILITY } from './_fixtures.js';
import { dataOf } from './_html.js';

describe('escapeHtml(text)', () => {
  it.each([
    ['<script>alert("x")</script>', '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'],
    [`Ó'Brien & "Sons"`, 'Ó&#39;Brien &amp; &quot;Sons&quot;'],
    ['&amp;', '&amp;amp;'],
    ['plain', 'plain'],
    ['', ''],
  ])('escapeHtml(%j) is %j', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });

  it('escapeHtml(undefined | null) is the empty string', () => {
    expect(escapeHtml(undefined)).toBe('');
    expect(escapeHtml(null)).toBe('');
  });
});

describe('jsonForScript(value)', () => {
  it('leaves no <, > or & that could end the <script> element, and parses back to the same value', () => {
    const value = { name: '</script><script>alert(1)</script>', note: '<!-- & -->', line: 'a\u2028b\u2029c', q: `"'\\` };
    const json = jsonForScript(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('renderReport escapes everything user-supplied', () => {
  const r = run(cohort(), { mode: 'capacity' });
  const html = renderReport(r.result, {
    summary: r.summary,
    participants: r.people,
    stability: STABILITY,
    fairness: [FAIRNESS, ...r.fairness],
    title: 'Cohort <b>"A" & \'B\'</b>',
  });
  // The page without its two inline scripts: only markup we wrote may remain.
  const markup = html.replace(/<script type="application\/json" id="report-data">[^<]*<\/script>/, '').replace(`<script>${REPORT_SCRIPT}</script>`, '');

  it('names, departments, ids and group values never appear as raw markup', () => {
    expect(markup).not.toContain(EVIL_NAME);
    expect(markup).not.toContain('<script>');
    expect(markup).not.toContain('<ops>');
    expect(markup).not.toContain('<Torvalds>');
    expect(markup).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;');
    expect(markup).toContain(escapeHtml(EVIL_DEPARTMENT));
    expect(markup).toContain('Linus &lt;Torvalds&gt; &amp; co');
    expect(markup).toContain('<title>Cohort &lt;b&gt;&quot;A&quot; &amp; &#39;B&#39;&lt;/b&gt;</title>');
  });

  it('has exactly two <script> elements: the JSON blob and the inline script', () => {
    expect(html.match(/<script[\s>]/g)).toHaveLength(2);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(REPORT_SCRIPT).not.toMatch(/<\/script|<!--/i);
    expect(REPORT_STYLES).not.toMatch(/<\/style/i);
  });

  it('keeps names and evidence intact in the JSON blob (the script writes them with textContent)', () => {
    const data = dataOf(html);
    expect(data.people.map((p) => p[1])).toEqual(expect.arrayContaining([EVIL_NAME, QUOTED_NAME]));
    expect(data.people.map((p) => p[2])).toContain(EVIL_DEPARTMENT.toLowerCase()); // departments are normalised tags
    expect(REPORT_SCRIPT).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/);
  });

  it('escapes the config hash, mode and time stamp too', () => {
    const odd = renderReport({ ...r.result, configHash: '"><img src=x onerror=alert(1)>' }, { summary: r.summary, generatedAt: '<now>' });
    expect(odd).not.toContain('<img');
    expect(odd).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(odd).toContain('<time datetime="&lt;now&gt;">&lt;now&gt;</time>');
  });
});
