/**
 * The rendered report in a real browser: headless Debian Chromium through playwright-core.
 * Charts and tables render, search filters, the concern filter works with search, sort
 * and paging, concern badges carry their messages as text, sorting and explanations work,
 * paging keeps 10,000 pairs fast, and the page logs no error and requests nothing but itself.
 *
 * Needs /usr/bin/chromium (`apt-get install chromium`). Without it the tests are skipped
 * with a message, except under CI (env CI set), where that is a failure.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { summarize } from '../../../src/evaluate/summarize.js';
import { renderReport } from '../../../src/io/report/render-report.js';
import { cohort, concernCohort, EVIL_NAME, FAIR, FAIRNESS, largeConcerns, largeResult, run } from './_fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const SCREENSHOT = join(ROOT, '.tmp', 'report-screenshot.png');
const hasChromium = existsSync(CHROMIUM);
const inCI = Boolean(process.env.CI);

if (!hasChromium && !inCI) {
  console.warn(`report.browser.test.ts: skipped, ${CHROMIUM} not found (install it with: apt-get install -y chromium). CI must run these tests.`);
}

describe('the browser test can run', () => {
  it.runIf(inCI)(`finds ${CHROMIUM} under CI`, () => {
    expect(hasChromium, `${CHROMIUM} is missing: CI must run the browser test of the HTML report (apt-get install -y chromium)`).toBe(true);
  });
});

/** A page that records console errors, page errors, dialogs and every request. */
interface Watched {
  readonly page: Page;
  readonly errors: string[];
  readonly requests: string[];
}

describe.skipIf(!hasChromium)('renderReport output in headless Chromium', () => {
  let browser: Browser;
  let dir: string;
  const pages: Watched[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    dir = mkdtempSync(join(tmpdir(), 'mentor-match-report-'));
  });
  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(name: string, html: string, viewport = { width: 1280, height: 900 }): Promise<Watched & { url: string }> {
    const file = join(dir, name);
    writeFileSync(file, html);
    const url = pathToFileURL(file).href;
    const page = await browser.newPage({ viewport });
    const w = { page, errors: [] as string[], requests: [] as string[], url };
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') w.errors.push(`console.${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => w.errors.push(`pageerror: ${e.message}`));
    page.on('dialog', (d) => {
      w.errors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    page.on('request', (r) => w.requests.push(r.url()));
    pages.push(w);
    await page.goto(url, { waitUntil: 'load' });
    return w;
  }

  const small = run(cohort(), { mode: 'capacity' });
  const smallHtml = renderReport(small.result, {
    summary: small.summary,
    participants: small.people,
    stability: small.stability,
    fairness: [FAIRNESS, FAIR],
    title: 'Spring 2025 mentoring cohort',
  });

  it('draws the charts as SVG with bars, and the pairs and unmatched tables', async () => {
    const { page, errors, requests, url } = await open('small.html', smallHtml);
    expect(await page.locator('#chart-scores rect.bar').count()).toBe(20);
    expect(await page.locator('#chart-criteria rect.bar').count()).toBe(small.summary.criteria.length);
    expect(await page.locator('#chart-load rect.bar').count()).toBe(small.summary.mentorLoad.length);
    // bars have a size on screen
    const box = await page.locator('#chart-criteria rect.bar').first().boundingBox();
    expect(box!.width).toBeGreaterThan(10);
    expect(await page.locator('#pairs-app tbody tr').count()).toBe(small.result.pairs.length);
    expect(await page.locator('#unmatched-app tbody tr').count()).toBe(small.result.unmatched.length);
    expect(await page.locator('#pairs-app .table-count').textContent()).toBe(`${small.result.pairs.length} pairs`);
    // best first
    const scores = await page.locator('#pairs-app tbody td.num .score').allTextContents();
    expect(scores.map(Number)).toEqual([...scores.map(Number)].sort((a, b) => b - a));
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
  });

  it('typing in the search box filters the rows; clearing it brings them back', async () => {
    const { page, errors } = await open('search.html', smallHtml);
    const search = page.locator('#pairs-app input[type=search]');
    const rows = page.locator('#pairs-app tbody tr');
    const all = await rows.count();
    // a matched mentee's first name (the cohort's names are unique)
    const first = small.people.find((p) => p.id === small.result.pairs[0].menteeId)!.name!;
    await search.fill(first.split(' ')[0]);
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain(first);
    expect(await page.locator('#pairs-app .table-count').textContent()).toBe(`1 of ${all} pairs`);
    // every word must match: a mentee and a mentor name
    await search.fill('turing hamilton');
    await expect.poll(() => rows.count()).toBe(1);
    // evidence is searchable too, and "quoted words" must occur together
    await search.fill('"teaches go"');
    const goPairs = small.result.pairs.filter((p) => p.breakdown.some((c) => c.evidence.some((e) => e.includes('teaches go'))));
    expect(goPairs.length).toBeGreaterThan(0);
    await expect.poll(() => rows.count()).toBe(goPairs.length);
    expect((await rows.allTextContents()).every((t) => t.includes('Ken Thompson'))).toBe(true);
    await search.fill('no such person');
    await expect.poll(() => page.locator('#pairs-app tbody tr.empty-row').count()).toBe(1);
    await search.fill('');
    await expect.poll(() => rows.count()).toBe(all);
    // a name with markup is found and shown as text, wherever that person is
    const evil = small.result.pairs.filter((p) => p.menteeId === 'e-02').length;
    const evilTable = evil > 0 ? '#pairs-app' : '#unmatched-app';
    await page.locator(`${evilTable} input[type=search]`).fill('pwned');
    await expect.poll(() => page.locator(`${evilTable} tbody tr`).count()).toBe(Math.max(1, evil));
    expect(await page.locator(`${evilTable} tbody tr`).first().textContent()).toContain('<script>alert("pwned")</script>');
    await page.locator(`${evilTable} input[type=search]`).fill('');
    // the unmatched table has its own search
    const un = page.locator('#unmatched-app tbody tr');
    const gone = small.result.unmatched[0];
    await page.locator('#unmatched-app input[type=search]').fill(gone.id);
    await expect.poll(() => un.count()).toBe(1);
    expect(await un.first().textContent()).toContain(gone.reason.message);
    expect(errors).toEqual([]);
  });

  it('sorts by a column and opens the explanation of a pair with its evidence', async () => {
    const { page, errors, requests, url } = await open('explain.html', smallHtml);
    const header = page.locator('#pairs-app th', { hasText: 'Mentee' });
    await header.locator('button').click();
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    const names = await page.locator('#pairs-app tbody td.person:nth-child(2) .who').allTextContents();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' })));
    await header.locator('button').click();
    expect(await header.getAttribute('aria-sort')).toBe('descending');

    await page.locator('#pairs-app th', { hasText: 'Score' }).locator('button').click();
    const toggle = page.locator('#pairs-app button.toggle').first();
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const detail = page.locator('#pairs-app tr.detail');
    expect(await detail.count()).toBe(1);
    expect(await detail.locator('table.criteria tbody tr').count()).toBe(small.result.pairs[0].breakdown.length);
    const top = [...small.result.pairs].sort((a, b) => b.score - a.score)[0];
    const evidence = top.breakdown.flatMap((c) => c.evidence);
    const shown = await detail.locator('table.criteria li').allTextContents();
    expect(shown).toEqual(evidence);
    await toggle.click();
    expect(await detail.count()).toBe(0);

    await toggle.click();
    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(existsSync(SCREENSHOT)).toBe(true);
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
  });

  const checks = run(concernCohort(), { mode: 'capacity' });
  const checksHtml = renderReport(checks.result, { summary: checks.summary, participants: checks.people, title: 'Concerns' });

  it('marks each pair with concern badges (short label, the full message as the title, as text) and essential fits', async () => {
    const { page, errors, requests, url } = await open('badges.html', checksHtml);
    const pairs = checks.result.pairs;
    const badges = page.locator('#pairs-app td .chip.concern');
    expect(await badges.count()).toBe(pairs.reduce((n, p) => n + p.concerns.length, 0));
    expect(await page.locator('#pairs-app td .chip.fit').count()).toBe(pairs.filter((p) => p.essentialFit).length);
    // the badge of the mentee with markup in the name: its message, with the name as text
    const language = page.locator('#pairs-app [data-concern="no-shared-language"]');
    expect(await language.count()).toBe(1);
    expect(await language.textContent()).toBe('no shared language');
    const message = pairs.flatMap((p) => p.concerns).find((c) => c.code === 'no-shared-language')!.message;
    expect(message).toContain(EVIL_NAME);
    expect(await language.getAttribute('title')).toBe(message);
    expect(await page.locator('script').count()).toBe(2); // the data blob and the inline script: no injected one
    // every badge of a row is one of its pair's concerns, in order
    const row = page.locator('#pairs-app tbody tr', { hasText: 'Taro Tokyo' });
    expect(await row.locator('.chip.concern').evaluateAll((els) => els.map((e) => e.getAttribute('data-concern')))).toEqual(['no-common-time', 'time-zone-gap']);
    // the explanation lists the concerns with their messages
    await row.locator('button.toggle').click();
    const detail = page.locator('#pairs-app tr.detail');
    const taro = pairs.find((p) => p.menteeId === 'c-03')!;
    expect(await detail.locator('ul.concerns li .concern-text').allTextContents()).toEqual(taro.concerns.map((c) => c.message));
    expect(await detail.locator('.fit-line').textContent()).toMatch(/^Not an essential fit/);
    // the headline card and the concerns chart
    expect(await page.locator('.kpi', { hasText: 'Essential fit' }).locator('.kpi-value').textContent()).toBe(`${checks.summary.essentialFit.mentees} of ${checks.summary.essentialFit.of}`);
    expect(await page.locator('#chart-concerns rect.bar').count()).toBe(5);
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
  });

  it('the concern filter narrows the pairs, with the search, sorting and the Concerns section\'s links', async () => {
    const { page, errors } = await open('filter.html', checksHtml);
    const pairs = checks.result.pairs;
    const select = page.locator('#pairs-app select[data-filter="pairs"]');
    const rows = page.locator('#pairs-app tbody tr:not(.empty-row)');
    const status = page.locator('#pairs-app .table-count');
    const any = pairs.filter((p) => p.concerns.length > 0).length;
    const fits = pairs.filter((p) => p.essentialFit).length;
    expect(await select.locator('option').allTextContents()).toEqual([
      'All pairs',
      `Pairs with any concern (${any})`,
      'Concern: no wanted skill (1)',
      'Concern: no shared language (1)',
      'Concern: no common time (1)',
      'Concern: time-zone gap (1)',
      'Concern: mentor not senior (1)',
      `Essential fits only (${fits})`,
      `Not an essential fit (${pairs.length - fits})`,
    ]);
    await select.selectOption('any');
    expect(await rows.count()).toBe(any);
    expect(await status.textContent()).toBe(`${any} of ${pairs.length} pairs`);
    for (const t of await rows.allTextContents()) expect(t).not.toContain('Fiona Fit');
    await select.selectOption('time-zone-gap');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Taro Tokyo');
    // with the search: both must hold
    await select.selectOption('fit');
    expect(await rows.count()).toBe(fits);
    const search = page.locator('#pairs-app input[type=search]');
    await search.fill('"Sam Senior"');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Sam Senior');
    await search.fill('Taro');
    await expect.poll(() => page.locator('#pairs-app tbody tr.empty-row').textContent()).toBe('No match for \u201cTaro\u201d among: Essential fits only.');
    // concerns are searchable too
    await select.selectOption('');
    await search.fill('"no shared language"');
    await expect.poll(() => rows.count()).toBe(1);
    await search.fill('');
    await expect.poll(() => rows.count()).toBe(pairs.length);
    // sorting keeps the filter
    await select.selectOption('not-fit');
    await page.locator('#pairs-app th', { hasText: 'Mentee' }).locator('button').click();
    const names = await page.locator('#pairs-app tbody td.person:nth-child(2) .who').allTextContents();
    expect(names).toHaveLength(pairs.length - fits);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' })));
    // a count in the Concerns section shows those pairs
    await page.locator('#concerns a[data-show-concern="no-wanted-skill"]').click();
    expect(await select.inputValue()).toBe('no-wanted-skill');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Rusty Rust');
    expect(errors).toEqual([]);
  });

  it('opens 10,000 pairs quickly: one page of rows in the DOM, paging and search over all of them', async () => {
    const { result, participants } = largeResult(10_000);
    const html = renderReport(result, { summary: summarize(result, participants), participants });
    const t0 = Date.now();
    const { page, errors, requests, url } = await open('large.html', html);
    const openMs = Date.now() - t0;
    const loadMs = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
    const rows = page.locator('#pairs-app tbody tr');
    expect(await rows.count()).toBe(50);
    expect(await page.locator('#pairs-app .pager .page').textContent()).toBe('1–50 of 10\u202f000 · page 1 of 200');
    await page.locator('#pairs-app .pager button', { hasText: 'Next' }).click();
    expect(await page.locator('#pairs-app .pager .page').textContent()).toBe('51–100 of 10\u202f000 · page 2 of 200');
    await page.locator('#pairs-app .pager select').selectOption('250');
    expect(await rows.count()).toBe(250);
    const s0 = Date.now();
    await page.locator('#pairs-app input[type=search]').fill('Mentee Number 4242');
    await expect.poll(() => page.locator('#pairs-app .table-count').textContent()).toBe('1 of 10\u202f000 pairs');
    const searchMs = Date.now() - s0;
    // the concern filter over all 10,000, with paging and the search
    await page.locator('#pairs-app input[type=search]').fill('');
    const select = page.locator('#pairs-app select[data-filter="pairs"]');
    const noTime = result.pairs.filter((p, i) => largeConcerns(i, 0).some((c) => c.code === 'no-common-time')).length;
    expect(noTime).toBe(Math.ceil(10_000 / 7));
    await select.selectOption('no-common-time');
    await expect.poll(() => page.locator('#pairs-app .table-count').textContent()).toBe(`1\u202f429 of 10\u202f000 pairs`);
    expect(await page.locator('#pairs-app .pager .page').textContent()).toBe('1–250 of 1\u202f429 · page 1 of 6');
    await page.locator('#pairs-app .pager button', { hasText: 'Next' }).click();
    expect(await page.locator('#pairs-app .pager .page').textContent()).toBe('251–500 of 1\u202f429 · page 2 of 6');
    expect(await rows.locator('[data-concern="no-common-time"]').count()).toBe(250);
    await page.locator('#pairs-app input[type=search]').fill('"Mentee Number 42"');
    // 42, 420–429, 4200–4299: those with i % 7 = 0
    const expected = result.pairs.filter((p, i) => i % 7 === 0 && p.menteeId.startsWith('e-42')).length;
    await expect.poll(() => page.locator('#pairs-app .table-count').textContent()).toBe(`${expected} of 10\u202f000 pairs`);
    console.info(
      `report at 10,000 pairs: ${(html.length / 1e6).toFixed(2)} MB (${Math.round(html.length / 10_000)} B/pair); ` +
        `browser load event ${Math.round(loadMs)} ms (goto ${openMs} ms), first search ${searchMs} ms (incl. 120 ms debounce)`,
    );
    expect(loadMs).toBeLessThan(5000);
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
  });

  it('prints without the controls', async () => {
    const { page } = await open('print.html', smallHtml);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#pairs-app .table-tools').isVisible()).toBe(false);
    expect(await page.locator('nav.toc').isVisible()).toBe(false);
    expect(await page.locator('#chart-scores').isVisible()).toBe(true);
  });
});
