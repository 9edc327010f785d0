/**
 * `renderReport`: a match result as one self-contained HTML page for a programme
 * manager — headline numbers, charts, audits and searchable tables — with no network
 * access at all (inline CSS, inline SVG, a small inline script, a Content-Security-Policy
 * that forbids loading anything).
 *
 * @module
 */
import { requireResult } from '../../match/result-schema.js';
import { argError, isRecord, requireOptions, requireParticipants } from '../../_internal/args.js';
import type { FairnessAudit, ResultSummary, StabilityAudit } from '../../evaluate/types.js';
import type { MatchResult } from '../../match/types.js';
import { groupsOf, peerGroups } from '../../match/result-shape.js';
import type { Participant } from '../../profile/types.js';
import { barChart } from './bar-chart.js';
import { reportData } from './data.js';
import { escapeHtml, jsonForScript } from './escape.js';
import { formatCount, formatNumber, formatPercent } from './format.js';
import { scoreHistogram } from './histogram.js';
import { loadChart } from './load-chart.js';
import { REPORT_SCRIPT } from './script.js';
import { REPORT_STYLES } from './styles.js';
import { concernsSection, fairnessSection, headline, shortfallTable, stabilitySection, unmatchedReasons, type PersonLookup } from './tables.js';

/**
 * Options of {@link renderReport}.
 *
 * @example
 * ```ts
 * const options: ReportOptions = {
 *   summary: summarize(result, people),
 *   participants: people,
 *   fairness: [fairnessAudit(result, people, 'department')],
 *   title: 'Spring 2025 cohort',
 * };
 * ```
 */
export interface ReportOptions {
  /** The result's summary, from `summarize(result, participants)` (required: the report does not recompute it). */
  readonly summary: ResultSummary;
  /** The cohort; supplies names and departments (without it, people are shown by id). */
  readonly participants?: readonly Participant[];
  /** From `stabilityAudit`; adds the stability section. */
  readonly stability?: StabilityAudit;
  /** From `fairnessAudit`, one per attribute; adds the fairness section. */
  readonly fairness?: readonly FairnessAudit[];
  /** Page title and heading. @defaultValue `'Mentoring match report'` */
  readonly title?: string;
  /**
   * When the report was made (ISO 8601), shown under the title. Omitted by default so
   * that the same result always renders to the same bytes.
   */
  readonly generatedAt?: string;
}

const DEFAULT_TITLE = 'Mentoring match report';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

function panel(id: string, title: string, lede: string, body: string, cls = ''): string {
  return `<section class="panel${cls ? ` ${cls}` : ''}" id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${escapeHtml(title)}</h2>${lede ? `<p class="lede">${lede}</p>` : ''}${body}</section>`;
}

/**
 * Renders a match result as a single self-contained HTML document.
 *
 * What the page shows:
 * - **Headline numbers**: participants, matched, match rate, essential fit (matched
 *   mentees with an essential-fit pair), mean / median / lowest score, pairs or groups,
 *   unmatched, the objective and the config hash.
 * - **Charts** (inline SVG with `<title>` and `<desc>`, scales from d3-scale, bins from
 *   d3-array): a histogram of pair scores (20 bins of 5 points), each criterion's
 *   average contribution, mentor load against capacity (one bar per mentor up to 30
 *   mentors, else mentors by load), unmatched people by reason, pairs per concern (with
 *   an example message per concern and groups with concerns of their own).
 * - **Audits**, when given: stability (blocking pairs, the strongest ones) and fairness
 *   (per group match rate and scores; the largest gaps, flagged from 10 % / 5 points).
 * - **Tables** drawn by the inline script from an embedded JSON blob, 50 rows a page:
 *   pairs with names, departments, score, essential fit and concern badges (the full
 *   message in the badge's title) and strongest criteria, each with a collapsible
 *   explanation (essential fit, concerns, every criterion's weight, score, points and
 *   evidence); groups with their concerns; the unmatched with their reasons. A search box
 *   filters each table without a server, a select shows only the pairs with any concern,
 *   with one concern, or the essential fits (together with the search); column headers sort.
 *
 * Everything user-supplied (names, ids, departments, evidence, reasons, attribute values,
 * the title) is HTML-escaped, and the JSON blob cannot close its `<script>` element. The
 * output is deterministic: same arguments, same bytes (no clock unless `generatedAt` is
 * given). Size grows linearly with pairs — about 0.2–0.3 kB per explained pair — and
 * the page opens in well under a second at 10,000 pairs because only one page of rows
 * is in the DOM.
 *
 * Complexity: O(participants + pairs · criteria + evidence + groups + unmatched).
 *
 * @param result - From `match`.
 * @param options - The summary (required), participants, audits, title, time stamp.
 * @returns The HTML document as a string (write it to a `.html` file).
 *
 * @example
 * ```ts
 * import { matchWithMatrix, summarize, stabilityAudit } from 'mentor-match';
 * import { renderReport } from 'mentor-match/report';
 *
 * const { result, matrix } = matchWithMatrix(people, { mode: 'capacity' });
 * const html = renderReport(result, {
 *   summary: summarize(result, people),
 *   participants: people,
 *   stability: stabilityAudit(result, matrix, { participants: people }),
 *   title: 'Spring 2025 cohort',
 * });
 * html.startsWith('<!doctype html>'); // true
 * // Node: await writeFile('report.html', html); browser: URL.createObjectURL(new Blob([html], { type: 'text/html' }))
 * ```
 */
export function renderReport(result: MatchResult, options: ReportOptions): string {
  requireResult(result, 'renderReport', 'result');
  requireOptions(options, 'renderReport', 'options (with a summary)', false);
  if (!isRecord(options.summary)) throw argError('renderReport', 'options.summary', 'the summary from summarize(result, participants)', options.summary);
  if (options.participants !== undefined) requireParticipants(options.participants, 'renderReport', 'options.participants');
  const { summary } = options;
  const byId = new Map<string, Participant>();
  if (options.participants) for (const p of options.participants) byId.set(p.id, p);
  const lookup: PersonLookup = (id) => byId.get(id);
  const blocks: Block[] = [
    scoresBlock(result, summary),
    concernsBlock(result, summary),
    loadBlock(result, summary, lookup),
    ...auditBlocks(options, lookup),
    ...tableBlocks(result),
  ];
  return documentOf(result, options, blocks);
}

/** A section of the page with its entry in the table of contents. */
interface Block {
  readonly id: string;
  readonly label: string;
  readonly html: string;
}

/** The score histogram and the criteria's average contributions, side by side. */
function scoresBlock(result: MatchResult, summary: ResultSummary): Block {
  // Scores as summarize() counts them: pairs, plus peer groups (trios, circles) once each.
  const scores = result.pairs.map((p) => p.score);
  for (const g of peerGroups(result)) scores.push(g.score);
  const unit = result.pairs.length === 0 && scores.length > 0 ? 'groups' : 'pairs';
  const s = summary.scores;
  const histogram = panel(
    'scores',
    unit === 'pairs' ? 'Pair scores' : 'Group scores',
    `How good the ${unit} are, 0–100: mean <strong>${formatNumber(s.mean, 1)}</strong>, median ${formatNumber(s.median, 1)}, ` +
      `middle half ${formatNumber(s.p25, 1)}–${formatNumber(s.p75, 1)}, lowest ${formatNumber(s.min, 1)}.`,
    scoreHistogram(scores, { id: 'chart-scores', unit }),
  );
  const criteria = [...summary.criteria].sort((a, b) => b.meanContribution - a.meanContribution || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const criteriaPanel = panel(
    'criteria',
    'What the scores are made of',
    'Average points each criterion adds to a pair score (the points of a pair add up to its score).',
    barChart(
      criteria.map((c) => ({
        label: c.name,
        value: c.meanContribution,
        valueLabel: `${formatNumber(c.meanContribution, 1)} pts`,
        note: c.meanScore === null ? 'never applies' : `mean score ${formatNumber(100 * c.meanScore, 0)} of 100 over ${formatCount(c.applies)} ${unit}`,
      })),
      { id: 'chart-criteria', title: 'Average contribution per criterion', description: 'Mean points each criterion adds to a pair score.' },
    ),
  );
  return { id: 'scores', label: 'Scores', html: `<div class="grid2">${histogram}${criteriaPanel}</div>` };
}

/** Concerns: what to check in the pairs before accepting them. */
function concernsBlock(result: MatchResult, summary: ResultSummary): Block {
  const withAny = summary.pairsWithConcerns;
  const lede =
    result.pairs.length === 0
      ? ''
      : `${formatCount(withAny)} of ${formatCount(result.pairs.length)} ${result.mode === 'peer' ? 'peer pairs' : 'pairs'} (${formatPercent(withAny / result.pairs.length)}) have something to check ` +
        'before they are accepted: a failed essential check (wanted skill, shared language, common time), a large time-zone gap or a mentor who is not more senior. A pair can have several.';
  return { id: 'concerns', label: 'Concerns', html: panel('concerns', 'Concerns', lede, concernsSection(result, summary)) };
}

/** Mentor load (not in peer mode) and the reasons people are unmatched, side by side. */
function loadBlock(result: MatchResult, summary: ResultSummary, lookup: PersonLookup): Block {
  const peer = result.mode === 'peer';
  const duo: string[] = [];
  if (!peer) {
    const loads = summary.mentorLoad;
    const places = loads.reduce((t, l) => t + (l.capacity ?? 0), 0);
    const used = loads.reduce((t, l) => t + l.load, 0);
    const full = loads.filter((l) => l.capacity !== undefined && l.load >= l.capacity).length;
    const idle = loads.filter((l) => l.load === 0).length;
    const lede =
      loads.length === 0
        ? 'No mentor in this result.'
        : `${formatCount(loads.length)} mentors, ${formatCount(used)} ${result.mode === 'group' ? 'group members' : 'mentees'}` +
          (places > 0 ? ` in ${formatCount(places)} places (${formatPercent(used / places, 0)} used)` : '') +
          `; ${formatCount(full)} full, ${formatCount(idle)} without a mentee; load Gini ${formatNumber(summary.loadGini, 2)} (0 = even).`;
    const legend =
      loads.length > 0 && loads.length <= 30
        ? '<div class="legend"><span><i style="background:var(--bar)"></i>mentees</span><span><i style="background:var(--track)"></i>capacity</span><span><i style="background:var(--over)"></i>over capacity</span></div>'
        : '';
    duo.push(panel('load', 'Mentor load', lede, loadChart(loads, { id: 'chart-load' }) + legend));
  }
  duo.push(
    panel(
      'reasons',
      'Why people are unmatched',
      summary.unmatched === 0 ? '' : `${formatCount(summary.unmatched)} of ${formatCount(summary.participants)} people have no ${peer ? 'partner' : 'match'}.`,
      unmatchedReasons(result, summary, lookup),
    ),
  );
  return { id: peer ? 'reasons' : 'load', label: peer ? 'Unmatched' : 'Load', html: duo.length > 1 ? `<div class="grid2">${duo.join('')}</div>` : duo[0] };
}

/** Skill gaps, stability and fairness: each only when there is something to show. */
function auditBlocks(options: ReportOptions, lookup: PersonLookup): Block[] {
  const blocks: Block[] = [];
  const { summary } = options;
  if (summary.shortfalls.length > 0) {
    blocks.push({
      id: 'shortfalls',
      label: 'Skill gaps',
      html: panel('shortfalls', 'Skills in short supply', 'Wanted skills that the mentors do not offer in enough places, worst first.', shortfallTable(summary.shortfalls)),
    });
  }
  if (options.stability) {
    blocks.push({
      id: 'stability',
      label: 'Stability',
      html: panel(
        'stability',
        'Stability',
        'A blocking pair is a mentee and a mentor who both score each other higher than the partners they got: a reason to swap.',
        stabilitySection(options.stability, lookup),
      ),
    });
  }
  if (options.fairness && options.fairness.length > 0) {
    blocks.push({
      id: 'fairness',
      label: 'Fairness',
      html: panel('fairness', 'Fairness', 'Match rate and pair scores per group; large gaps are flagged.', options.fairness.map(fairnessSection).join('')),
    });
  }
  return blocks;
}

/** The pairs, groups (when any) and unmatched tables, drawn by the inline script. */
function tableBlocks(result: MatchResult): Block[] {
  const peer = result.mode === 'peer';
  const pairsLede =
    `${formatCount(result.pairs.length)} ${peer ? 'peer pairs' : 'pairs'}, best first. Search by name, id, department, evidence or concern; ` +
    'show only the pairs with a concern or the essential fits; click a header to sort, and ▸ to see why a pair was made.';
  const blocks: Block[] = [
    { id: 'pairs', label: 'Pairs', html: panel('pairs', peer ? 'Peer pairs' : 'Pairs', pairsLede, '<div id="pairs-app" class="table-app"></div>', 'table-panel') },
  ];
  if (groupsOf(result).length > 0) {
    blocks.push({
      id: 'groups',
      label: 'Groups',
      html: panel(
        'groups',
        result.mode === 'group' ? 'Groups' : 'Peer groups',
        `${formatCount(groupsOf(result).length)} groups.`,
        '<div id="groups-app" class="table-app"></div>',
        'table-panel',
      ),
    });
  }
  blocks.push({
    id: 'unmatched',
    label: 'Unmatched people',
    html: panel('unmatched', 'Unmatched people', `${formatCount(result.unmatched.length)} people, each with the reason.`, '<div id="unmatched-app" class="table-app"></div>', 'table-panel'),
  });
  return blocks;
}

/** The whole HTML document: head, title bar with the table of contents, headline, sections, embedded data and script. */
function documentOf(result: MatchResult, options: ReportOptions, blocks: readonly Block[]): string {
  const { summary } = options;
  const title = options.title ?? DEFAULT_TITLE;
  const sub = [`${escapeHtml(result.mode)} mode`, `${escapeHtml(result.objective.name)} objective`, `config <code>${escapeHtml(result.configHash)}</code>`];
  if (options.generatedAt !== undefined) sub.push(`generated <time datetime="${escapeHtml(options.generatedAt)}">${escapeHtml(options.generatedAt)}</time>`);
  const nav = blocks.map(({ id, label }) => `<a href="#${id}">${escapeHtml(label)}</a>`).join('');

  return (
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="generator" content="mentor-match">' +
    `<link rel="icon" href="data:,"><title>${escapeHtml(title)}</title><style>${REPORT_STYLES}</style></head>\n` +
    `<body><header class="top"><div class="inner"><h1>${escapeHtml(title)}</h1><p>${sub.join(' · ')}</p><nav class="toc" aria-label="Sections">${nav}</nav></div></header>\n` +
    `<main>${headline(result, summary)}\n` +
    '<noscript><p>The tables of pairs, groups and unmatched people need JavaScript; their data is embedded in this file.</p></noscript>\n' +
    `${blocks.map((b) => b.html).join('\n')}</main>\n` +
    '<footer>Made with mentor-match. This file is self-contained: it loads nothing from the network.</footer>\n' +
    `<script type="application/json" id="report-data">${jsonForScript(reportData(result, options.participants))}</script>\n` +
    `<script>${REPORT_SCRIPT}</script>\n</body></html>\n`
  );
}
