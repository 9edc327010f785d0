/**
 * The rendered report in a real browser: headless Debian Chromium through playwright-core.
 * Charts and tables render, search filters, sorting and explanations work, paging keeps
 * 10,000 pairs fast, and the page logs no error and requests nothing but itself.
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
import { cohort, FAIR, FAIRNESS, largeResult, run } from './_fixtures.js';

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
    await search.fill('Ada');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Ada Lovelace');
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
    // the unmatched table has its own search
    const un = page.locator('#unmatched-app tbody tr');
    await page.locator('#unmatched-app input[type=search]').fill('pwned');
    await expect.poll(() => un.count()).toBe(1);
    expect(await un.first().textContent()).toContain('<script>alert("pwned")</script>');
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
    const shown = await detail.locator('li').allTextContents();
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
