import { describe, expect, it } from 'vitest';

import { summarize } from '../../../src/evaluate/summarize.js';
import { renderReport } from '../../../src/io/report/render-report.js';
import { REPORT_SCRIPT } from '../../../src/io/report/script.js';
import type { PairsResult } from '../../../src/match/types.js';
import { CONCERN_CODES, CONCERN_LABELS } from '../../../src/score/concerns.js';
import { cohort, concernCohort, EVIL_NAME, FAIR, FAIRNESS, largeResult, peers, run, STABILITY } from './_fixtures.js';
import { count, dataOf, evidenceText, section, svgById } from './_html.js';

const capacity = run(cohort(), { mode: 'capacity' });
const full = (): string =>
  renderReport(capacity.result, {
    summary: capacity.summary,
    participants: capacity.people,
    stability: capacity.stability,
    fairness: capacity.fairness,
    title: 'Spring cohort',
  });

describe('renderReport(result, { summary, participants }): one self-contained page', () => {
  const html = full();

  it('is a complete HTML document with inline CSS and script, and loads nothing from the network', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).toContain('<style>');
    expect(html).toContain(`<script>${REPORT_SCRIPT}</script>`);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    // No external resource of any kind: every src/href is a fragment or a data: URL.
    expect(html).not.toMatch(/\s(?:src|href)="(?!#|data:)/);
    expect(html).not.toMatch(/@import|@font-face|url\((?!"data:)/);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it('shows the headline numbers: participants, mentees and mentors matched apart, mean and lowest score, config hash', () => {
    const { summary, result } = capacity;
    const kpis = /<div class="kpis">[\s\S]*?<\/div><\/div><\/div>/.exec(html)?.[0] ?? '';
    expect(kpis).toContain(`Participants</div><div class="kpi-value">${summary.participants}<`);
    const [mentees, mentors] = summary.sides;
    expect([mentees!.role, mentors!.role]).toEqual(['mentee', 'mentor']);
    // The mentee card counts mentees only: with mentors counted too the number reads higher.
    expect(mentees!.matched + mentors!.matched).toBe(summary.matched);
    for (const [label, side] of [['Mentees', mentees!], ['Mentors', mentors!]] as const) {
      expect(kpis).toContain(
        `${label} matched</div><div class="kpi-value">${side.matched}<span class="kpi-of"> of ${side.total}</span></div><div class="kpi-note">${(side.rate * 100).toFixed(1)}\u202f%`,
      );
    }
    expect(kpis).not.toContain('Match rate');
    expect(kpis).toContain(`Mean score</div><div class="kpi-value">${summary.scores.mean.toFixed(1)}<`);
    expect(kpis).toContain(`Lowest score</div><div class="kpi-value">${summary.scores.min.toFixed(1)}<`);
    expect(kpis).toContain(`<code>${result.configHash}</code>`);
    expect(html).toContain('<title>Spring cohort</title>');
  });

  it('draws the score histogram with 20 bins whose counts add up to the pairs', () => {
    const svg = svgById(html, 'chart-scores');
    expect(svg).toMatch(/role="img" aria-labelledby="chart-scores-title chart-scores-desc"/);
    expect(svg).toContain('<title id="chart-scores-title">Histogram of pair scores</title>');
    expect(count(svg, 'class="bar"')).toBe(20);
    const counts = [...svg.matchAll(/data-count="(\d+)"/g)].map((m) => Number(m[1]));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(capacity.result.pairs.length);
  });

  it('draws one bar per criterion, largest average contribution first', () => {
    const svg = svgById(html, 'chart-criteria');
    expect(count(svg, 'class="bar"')).toBe(capacity.summary.criteria.length);
    const labels = [...svg.matchAll(/<text class="label"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    const expected = [...capacity.summary.criteria].sort((a, b) => b.meanContribution - a.meanContribution || (a.name < b.name ? -1 : 1)).map((c) => c.name);
    expect(labels).toEqual(expected);
  });

  it('draws mentor load against capacity: one capacity track and one bar per mentor', () => {
    const svg = svgById(html, 'chart-load');
    const mentors = capacity.summary.mentorLoad.length;
    expect(mentors).toBe(3);
    expect(count(svg, 'class="capacity"')).toBe(mentors);
    expect(count(svg, /class="bar( bar-over)?"/)).toBe(mentors);
    expect(svg).toContain('>2 / 2</text>');
  });

  it('lists the unmatched by reason, with a bar per reason and an example message', () => {
    const reasons = section(html, 'reasons');
    const codes = Object.keys(capacity.summary.unmatchedByReason);
    expect(codes.length).toBeGreaterThan(0);
    expect(count(svgById(reasons, 'chart-reasons'), 'class="bar bar-warn"')).toBe(codes.length);
    for (const code of codes) expect(reasons).toContain(`<span class="chip chip-warn">${code}</span>`);
    const first = capacity.result.unmatched[0];
    expect(reasons).toContain(first.reason.message);
  });

  it('embeds every pair with names, departments, score, per-criterion points and evidence', () => {
    const data = dataOf(html);
    const { result, people } = capacity;
    expect(data.pairs).toHaveLength(result.pairs.length);
    expect(data.labels).toEqual(['Mentee', 'Mentor']);
    expect(data.criteria.map((c) => c[0])).toEqual(result.pairs[0].breakdown.map((c) => c.name));
    result.pairs.forEach((pair, k) => {
      const row = data.pairs[k];
      const mentee = people.find((p) => p.id === pair.menteeId)!;
      expect(data.people[row[0]]).toEqual([mentee.id, mentee.name ?? null, mentee.department ?? null]);
      expect(data.people[row[1]][0]).toBe(pair.mentorId);
      expect(row[2]).toBeCloseTo(pair.score, 1);
      pair.breakdown.forEach((c, j) => {
        expect(row[4][j]).toBeCloseTo(c.contribution, 1);
        expect(row[5][j] === null ? null : row[5][j]).toEqual(c.score === null ? null : Math.round(c.score * 100));
        expect(row[6][j].map((e) => evidenceText(data, e))).toEqual(c.evidence);
      });
    });
    expect(data.unmatched.map((u) => [data.people[u[0]][0], u[1], data.strings[u[2]], data.strings[u[3]]])).toEqual(
      result.unmatched.map((u) => [u.id, u.role, u.reason.code, u.reason.message]),
    );
  });

  it('has a section and a table mount for pairs and unmatched, and a table of contents', () => {
    for (const id of ['scores', 'criteria', 'concerns', 'load', 'reasons', 'shortfalls', 'stability', 'fairness', 'pairs', 'unmatched']) {
      expect(html).toContain(`id="${id}"`);
    }
    expect(html).toContain('<div id="pairs-app" class="table-app"></div>');
    expect(html).toContain('<div id="unmatched-app" class="table-app"></div>');
    expect(html).not.toContain('id="groups-app"');
    expect(html).toMatch(/<nav class="toc" aria-label="Sections"><a href="#scores">Scores<\/a>/);
  });

  it('is deterministic: the same arguments give the same bytes, and no clock is read', () => {
    expect(full()).toBe(html);
    expect(html).not.toContain('<time');
    const stamped = renderReport(capacity.result, { summary: capacity.summary, generatedAt: '2025-03-01T09:00:00Z' });
    expect(stamped).toContain('generated <time datetime="2025-03-01T09:00:00Z">2025-03-01T09:00:00Z</time>');
  });

  it('works without participants: people are shown by id and no department is known', () => {
    const bare = renderReport(capacity.result, { summary: summarize(capacity.result) });
    const data = dataOf(bare);
    expect(data.people.every((p) => p[1] === null && p[2] === null)).toBe(true);
    expect(bare).not.toContain('Across departments');
    expect(bare).not.toContain('id="shortfalls"');
  });
});

describe('renderReport: essential fit and concerns', () => {
  const checks = run(concernCohort(), { mode: 'capacity' });
  const html = renderReport(checks.result, { summary: checks.summary, participants: checks.people });

  it('has an essential-fit headline card: N of M matched mentees and the rate', () => {
    const { mentees, of } = checks.summary.essentialFit;
    expect([mentees, of]).toEqual([2, 5]);
    expect(html).toContain(
      '<div class="kpi warn"><div class="kpi-label">Essential fit</div><div class="kpi-value">2<span class="kpi-of"> of 5</span></div><div class="kpi-note">40.0\u202f% of matched mentees</div></div>',
    );
    // right after the mentee and mentor cards
    expect(html.indexOf('Essential fit</div>')).toBeGreaterThan(html.indexOf('Mentors matched</div>'));
    expect(html.indexOf('Essential fit</div>')).toBeLessThan(html.indexOf('Mean score</div>'));
  });

  it('has a Concerns section: the share of pairs, a bar per code (zeros too), a row per code that occurs with a link and an escaped example', () => {
    const s = section(html, 'concerns');
    expect(s).toContain('4 of 5 pairs (80.0\u202f%) have something to check');
    const svg = svgById(s, 'chart-concerns');
    expect(count(svg, 'class="bar bar-warn"')).toBe(CONCERN_CODES.length);
    expect([...svg.matchAll(/<text class="label"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1])).toEqual(CONCERN_CODES.map((c) => CONCERN_LABELS[c]));
    for (const c of CONCERN_CODES) expect(s).toContain(`<a href="#pairs" data-show-concern="${c}">1</a>`);
    expect(s).not.toContain(EVIL_NAME);
    expect(s).toContain('no shared language: &lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; speaks french');
    expect(html).toMatch(/<nav class="toc"[^>]*>.*<a href="#concerns">Concerns<\/a>/);
  });

  it('embeds each pair\'s essential fit and concerns for the badges and the filter', () => {
    const data = dataOf(html);
    expect(data.pairs.map((p) => p[7])).toEqual(checks.result.pairs.map((p) => (p.essentialFit ? 1 : 0)));
    expect(data.pairs.map((p) => p[8].map(([k, m]) => [data.concernKinds[k][0], evidenceText(data, m)]))).toEqual(
      checks.result.pairs.map((p) => p.concerns.map((c) => [c.code, c.message])),
    );
  });

  it('says so when no pair has a concern, and counts groups with concerns of their own', () => {
    const clean = renderReport(capacity.result, { summary: capacity.summary });
    expect(capacity.summary.pairsWithConcerns).toBe(0);
    expect(section(clean, 'concerns')).toContain('<p class="ok">No pair has a concern.</p>');
    const g = run(concernCohort(), { mode: 'group', group: { minSize: 1, maxSize: 5 } });
    const withGroups = g.result.groups.filter((x) => x.concerns.length > 0).length;
    expect(withGroups).toBeGreaterThan(0);
    const s = section(renderReport(g.result, { summary: g.summary, participants: g.people }), 'concerns');
    expect(s).toContain(`<p class="flag">${withGroups} of ${g.result.groups.length} groups have a concern of their own: no common time ${withGroups}.</p>`);
  });

  it('a result without pairs has no chart of concerns', () => {
    const empty = run(cohort(), { mode: 'capacity', minScore: 100 });
    const s = section(renderReport(empty.result, { summary: empty.summary }), 'concerns');
    expect(s).toContain('<p class="empty">No pairs.</p>');
    expect(s).not.toContain('chart-concerns');
  });
});

describe('renderReport: audits', () => {
  it('shows a stable verdict when there is no blocking pair', () => {
    const html = renderReport(capacity.result, { summary: capacity.summary, stability: { ...STABILITY, blockingPairs: 0, worst: [], stable: true } });
    expect(section(html, 'stability')).toContain('<div class="verdict good"><strong>Stable.</strong>');
  });

  it('shows the blocking pairs count, people affected and the strongest examples with names', () => {
    const html = renderReport(capacity.result, { summary: capacity.summary, participants: capacity.people, stability: STABILITY });
    const s = section(html, 'stability');
    expect(s).toContain('<strong>3 blocking pairs.</strong> 2 mentees and 2 mentors');
    expect(count(s, '<tr><td>')).toBe(2);
    expect(s).toContain('Margaret Hamilton');
    expect(s).toContain('<span class="chip">has room</span>');
    expect(s).toContain('<strong>+40.0</strong>');
    expect(s).toContain('<td class="num"><span class="chip">unmatched</span></td>'); // e-09 has nobody: not "0.0"
  });

  it('lists each mentee once (their strongest pair, the others counted), and a mentee with room for another mentor says so', () => {
    const room = { menteeId: 'e-02', score: 50, menteeCurrent: 0, menteeHasRoom: true, menteePartners: 1, mentorCurrent: 0, mentorHasRoom: true } as const;
    const worst = [
      { ...room, mentorId: 'm-01', gain: 50 },
      { ...room, mentorId: 'm-02', gain: 45 },
      { ...room, mentorId: 'm-03', gain: 40 },
      STABILITY.worst[1]!,
    ];
    const html = renderReport(capacity.result, { summary: capacity.summary, participants: capacity.people, stability: { ...STABILITY, worst } });
    const s = section(html, 'stability');
    expect(count(s, '<tr><td>')).toBe(2);
    expect(s).toContain('The 4 strongest blocking pairs, one row per mentee</caption>');
    expect(s).toContain('<span class="meta">and 2 other mentors</span>');
    expect(s).toContain('<span class="chip">room for another mentor</span> <span class="meta">has 1</span>');
    expect(s).not.toContain('m-02');
  });

  it('flags the largest fairness gap from 10 % match rate or 5 points, and not below', () => {
    const html = renderReport(capacity.result, { summary: capacity.summary, fairness: [FAIRNESS, FAIR] });
    const s = section(html, 'fairness');
    expect(count(s, '<div class="fairness')).toBe(2);
    expect(count(s, '<div class="fairness is-flagged">')).toBe(1);
    expect(s).toContain('Largest match-rate gap: <strong>100.0\u202f%</strong> between <em>Engineering</em> and <em>R&amp;D &lt;ops&gt;</em> (flagged).');
    expect(s).toContain('<span class="chip chip-warn">lowest match rate</span>');
    expect(s).toContain('<p class="noflag">Largest mean-score gap: <strong>2.9 points</strong>');
    expect(count(s, '<tr class="flagged">')).toBe(1);
    // the "(missing)" group of a real audit renders as a row too
    const real = renderReport(capacity.result, { summary: capacity.summary, fairness: capacity.fairness });
    expect(count(section(real, 'fairness'), '<tr')).toBe(capacity.fairness[0].groups.length + 1);
  });

  it('leaves the audit sections out when no audit is given', () => {
    const html = renderReport(capacity.result, { summary: capacity.summary });
    expect(html).not.toContain('id="stability"');
    expect(html).not.toContain('id="fairness"');
  });
});

describe('renderReport: every mode and the empty result', () => {
  it('renders a result with no pair at all (empty histogram, no criteria, everyone unmatched)', () => {
    const empty = run(cohort(), { mode: 'capacity', minScore: 100 });
    expect(empty.result.pairs).toEqual([]);
    const html = renderReport(empty.result, { summary: empty.summary, participants: empty.people });
    const svg = svgById(html, 'chart-scores');
    expect(count(svg, 'class="bar"')).toBe(20);
    expect(svg).not.toMatch(/data-count="[1-9]/);
    expect(svg).toContain('No pairs: every bin is empty.');
    expect(section(html, 'criteria')).toContain('<p class="empty">Nothing to show.</p>');
    expect(dataOf(html).pairs).toEqual([]);
    expect(section(html, 'reasons')).toContain('below-min-score');
  });

  it('renders a result of nobody (no participant, no mentor)', () => {
    const nobody: PairsResult = {
      mode: 'one-to-one',
      pairs: [],
      unmatched: [],
      stats: { participants: 0, matched: 0, unmatched: 0, pairs: 0, meanScore: 0, lowestScore: 0, totalScore: 0 },
      objective: { name: 'best-total', value: 0 },
      tiers: [],
      search: { exact: true, converged: true, moves: 0 },
      configHash: '0000000000000000',
    };
    const html = renderReport(nobody, { summary: summarize(nobody, []), participants: [] });
    expect(html).toContain('<p class="empty">No mentors in this result.</p>');
    expect(html).toContain('<p class="ok">Everyone is matched.</p>');
    expect(dataOf(html)).toMatchObject({ pairs: [], groups: [], unmatched: [], people: [] });
  });

  it.each(['one-to-one', 'capacity', 'group'] as const)('renders %s mode with mentor load', (mode) => {
    const r = run(cohort(), { mode, group: mode === 'group' ? { minSize: 1, maxSize: 3 } : undefined });
    const html = renderReport(r.result, { summary: r.summary, participants: r.people, stability: r.stability, fairness: r.fairness });
    expect(html).toContain('id="chart-load"');
    expect(dataOf(html).pairs).toHaveLength(r.result.pairs.length);
    expect(r.result.mode).toBe(mode);
    if (r.result.mode === 'group') {
      expect(r.result.groups.length).toBeGreaterThan(0);
      expect(html).toContain('<div id="groups-app" class="table-app"></div>');
      const data = dataOf(html);
      expect(data.groups.map((g) => [data.people[g[0]][0], g[1].map((m) => data.people[m][0])])).toEqual(r.result.groups.map((g) => [g.mentorId, g.memberIds]));
      const mentees = r.summary.sides[0]!;
      expect(html).toContain(
        `Mentees matched</div><div class="kpi-value">${mentees.matched}<span class="kpi-of"> of ${mentees.total}</span></div><div class="kpi-note">${(mentees.rate * 100).toFixed(1)}\u202f% · ${r.result.groups.length} groups`,
      );
    }
  });

  it('renders peer pairs with a trio: Peer / Peer labels, no mentor load, the trio as a peer group', () => {
    const r = run(peers(7), { mode: 'peer', peer: { odd: 'trio' } });
    expect(r.result.groups).toHaveLength(1);
    const html = renderReport(r.result, { summary: r.summary, participants: r.people, stability: r.stability });
    const data = dataOf(html);
    expect(data.labels).toEqual(['Peer', 'Peer']);
    expect(data.groups[0][0]).toBe(-1);
    expect(html).not.toContain('id="chart-load"');
    expect(html).toContain('<h2 id="pairs-h">Peer pairs</h2>');
    expect(html).toContain('<h2 id="groups-h">Peer groups</h2>');
    // the histogram counts the trio once, as summarize() does
    const counts = [...svgById(html, 'chart-scores').matchAll(/data-count="(\d+)"/g)].map((m) => Number(m[1]));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(r.result.pairs.length + 1);
    expect(section(html, 'stability')).toMatch(/Stable\.|peers? would rather be paired/);
  });

  it('renders peer circles (no pair, only groups) with a histogram of group scores', () => {
    const r = run(peers(8), { mode: 'peer', peer: { circleSize: 4 } });
    expect(r.result.pairs).toEqual([]);
    const html = renderReport(r.result, { summary: r.summary, participants: r.people });
    const svg = svgById(html, 'chart-scores');
    expect(svg).toContain('Histogram of group scores');
    expect([...svg.matchAll(/data-count="(\d+)"/g)].reduce((a, m) => a + Number(m[1]), 0)).toBe(r.result.groups.length);
    expect(dataOf(html).groups).toHaveLength(r.result.groups.length);
  });

  it('shows the price of fairness for the fairness objective', () => {
    const r = run(cohort(), { mode: 'capacity', objective: 'fairness' });
    const html = renderReport(r.result, { summary: r.summary });
    const p = r.summary.fairnessPrice!;
    // In context: of the best total it is given up from.
    expect(html).toContain(`fairness objective · price of fairness ${p.points.toFixed(1)} of ${p.of.toFixed(1)} points (${(p.share * 100).toFixed(1)}\u202f%)`);
  });
});

describe('renderReport: size at scale', () => {
  it('grows linearly with the pairs and stays under 0.5 kB per explained pair', () => {
    const size = (n: number): number => {
      const { result, participants } = largeResult(n);
      return new TextEncoder().encode(renderReport(result, { summary: summarize(result, participants), participants })).length;
    };
    const s1 = size(1000);
    const s4 = size(4000);
    const perPair = (s4 - s1) / 3000;
    expect(perPair).toBeLessThan(500);
    // linear: the marginal cost of the second 3000 pairs is the cost of the first 1000 (± 25 %), fixed part aside
    expect(s4 / s1).toBeGreaterThan(3);
    expect(s4 / s1).toBeLessThan(4.2);
  });
});
