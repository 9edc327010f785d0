/**
 * The report's static HTML blocks: headline numbers, unmatched reasons, skill
 * shortfalls, the stability audit and the fairness audits. Small by construction (one row
 * per reason, skill, group or worst example), so they are written as HTML; the large
 * tables (pairs, groups, unmatched people) are drawn by the inline script from JSON.
 *
 * @module
 */
import type { FairnessAudit, ResultSummary, StabilityAudit } from '../../evaluate/types.js';
import type { MatchResult } from '../../match/types.js';
import { groupsOf, peerGroups } from '../../match/result-shape.js';
import { UNMATCHED_REASONS } from '../../match/reason-codes.js';
import { CONCERN_CODES, CONCERN_LABELS } from '../../score/concerns.js';
import { barChart } from './bar-chart.js';
import { escapeHtml } from './escape.js';
import { formatCount, formatNumber, formatPercent } from './format.js';

/**
 * Looks up a display name and department by participant id.
 *
 * @example
 * ```ts
 * const byId = new Map(people.map((p) => [p.id, p]));
 * const lookup: PersonLookup = (id) => byId.get(id);
 * ```
 */
export type PersonLookup = (id: string) => { readonly name: string | undefined; readonly department: string | undefined } | undefined;

/**
 * Reasons for being unmatched, in words (the result's `code`s; `UNMATCHED_REASONS`);
 * unknown codes show as is.
 *
 * @example
 * ```ts
 * REASON_LABELS['no-capacity']; // 'fitting mentors full'
 * ```
 */
export const REASON_LABELS: Readonly<Record<string, string>> = UNMATCHED_REASONS;

/**
 * Match-rate gap (0–1) between two groups of an attribute from which a fairness audit is
 * flagged.
 *
 * @example
 * ```ts
 * audit.matchRateGap.gap >= FAIRNESS_RATE_GAP; // flagged in the report
 * ```
 */
export const FAIRNESS_RATE_GAP = 0.1;
/**
 * Mean-score gap (points, 0–100) between two groups from which a fairness audit is flagged.
 *
 * @example
 * ```ts
 * audit.meanScoreGap.gap >= FAIRNESS_SCORE_GAP; // flagged in the report
 * ```
 */
export const FAIRNESS_SCORE_GAP = 5;

/** A person as `Name` with the id beside it (escaped), or the id alone. */
function who(id: string, lookup: PersonLookup): string {
  const p = lookup(id);
  return p?.name
    ? `<span class="who">${escapeHtml(p.name)}</span> <span class="meta">${escapeHtml(id)}</span>`
    : `<span class="who">${escapeHtml(id)}</span>`;
}

function card(label: string, value: string, note = '', cls = ''): string {
  return (
    `<div class="kpi${cls ? ` ${cls}` : ''}"><div class="kpi-label">${escapeHtml(label)}</div>` +
    `<div class="kpi-value">${value}</div>${note ? `<div class="kpi-note">${note}</div>` : ''}</div>`
  );
}

/**
 * The headline numbers as cards: participants, mentees matched and mentors matched (peer
 * mode: peers matched; with the pairs or groups), essential fit (matched mentees with an
 * essential-fit pair, when anyone is in a pair), mean / median / lowest score, and the
 * config hash (plus the price of fairness and the cross-department share when known).
 *
 * @example
 * ```ts
 * headline(result, summary); // '<div class="kpis"><div class="kpi">…Participants…</div>…</div>'
 * ```
 */
export function headline(result: MatchResult, summary: ResultSummary): string {
  const s = summary.scores;
  const peerGroupCount = peerGroups(result).length;
  const units =
    result.mode === 'group' && result.groups.length > 0
      ? `${formatCount(result.groups.length)} groups`
      : `${formatCount(result.pairs.length)} pairs${peerGroupCount > 0 ? `, ${formatCount(peerGroupCount)} peer groups` : ''}`;
  const cards = [
    card('Participants', formatCount(summary.participants), escapeHtml(result.mode) + ' mode'),
    ...summary.sides.map((d) =>
      card(
        `${d.role[0].toUpperCase()}${d.role.slice(1)}s matched`,
        `${formatCount(d.matched)}<span class="kpi-of"> of ${formatCount(d.total)}</span>`,
        `${formatPercent(d.rate)}${d.role === 'mentor' ? '' : ` · ${escapeHtml(units)}`}`,
        d.matched < d.total ? 'warn' : 'good',
      ),
    ),
    card('Mean score', formatNumber(s.mean, 1), `median ${formatNumber(s.median, 1)} · of 100`),
    card('Lowest score', formatNumber(s.min, 1), `10th percentile ${formatNumber(s.p10, 1)}`),
  ];
  const fit = summary.essentialFit;
  if (fit && fit.of > 0) {
    // Right after the sides: how many of the matched got what matters most.
    cards.splice(
      1 + summary.sides.length,
      0,
      card(
        'Essential fit',
        `${formatCount(fit.mentees)}<span class="kpi-of"> of ${formatCount(fit.of)}</span>`,
        `${formatPercent(fit.rate)} of matched ${result.mode === 'peer' ? 'peers' : 'mentees'}`,
        fit.mentees < fit.of ? 'warn' : 'good',
      ),
    );
  }
  if (summary.crossDepartmentShare !== null) cards.push(card('Across departments', formatPercent(summary.crossDepartmentShare, 0), 'of pairs'));
  const price = summary.fairnessPrice;
  const objective = price ? ` · price of fairness ${formatNumber(price.points, 1)} of ${formatNumber(price.of, 1)} points (${formatPercent(price.share)})` : '';
  cards.push(card('Config hash', `<code>${escapeHtml(result.configHash)}</code>`, `${escapeHtml(result.objective.name)} objective${objective}`, 'hash'));
  return `<div class="kpis">${cards.join('')}</div>`;
}

/**
 * Unmatched people by reason: a bar chart of counts and a table with one example message
 * per reason. Says so when everyone is matched.
 *
 * @example
 * ```ts
 * unmatchedReasons(result, summary, lookup); // '<svg …>…</svg><table class="static">…no-capacity…</table>'
 * ```
 */
export function unmatchedReasons(result: MatchResult, summary: ResultSummary, lookup: PersonLookup): string {
  const entries = Object.entries(summary.unmatchedByReason)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  if (entries.length === 0) return '<p class="ok">Everyone is matched.</p>';
  const example = new Map<string, { id: string; message: string }>();
  for (const u of result.unmatched) if (!example.has(u.reason.code)) example.set(u.reason.code, { id: u.id, message: u.reason.message });
  const chart = barChart(
    entries.map(([code, n]) => ({ label: REASON_LABELS[code] ?? code, value: n, valueLabel: formatCount(n), note: code })),
    { id: 'chart-reasons', title: 'Unmatched people by reason', description: 'Number of unmatched people per reason.', barClass: 'bar-warn' },
  );
  const rows = entries
    .map(([code, n]) => {
      const ex = example.get(code);
      return (
        `<tr><td><span class="chip chip-warn">${escapeHtml(code)}</span></td><td class="num">${formatCount(n)}</td>` +
        `<td>${ex ? `${who(ex.id, lookup)}: ${escapeHtml(ex.message)}` : ''}</td></tr>`
      );
    })
    .join('');
  return (
    chart +
    `<table class="static"><caption>Example per reason (the full list is in <a href="#unmatched">Unmatched people</a>)</caption>` +
    `<thead><tr><th scope="col">Reason</th><th scope="col" class="num">People</th><th scope="col">Example</th></tr></thead><tbody>${rows}</tbody></table>`
  );
}

/**
 * Concerns: pairs per concern code (a bar per code, zeros included), a table with the
 * count, a link that filters the pairs table and one example message per code, and the
 * groups with concerns of their own. Says so when no pair has a concern.
 *
 * @example
 * ```ts
 * concernsSection(result, summary); // '<div class="split"><div><svg …>…</svg></div><div><table class="static">…no shared language…</table></div></div>'
 * ```
 */
export function concernsSection(result: MatchResult, summary: ResultSummary): string {
  const pairs = result.pairs.length;
  const counts = summary.concerns;
  const groups = groupsOf(result).length;
  const groupsWith = groupsOf(result).filter((g) => (g.concerns ?? []).length > 0).length;
  const groupLine =
    groups === 0
      ? ''
      : `<p class="${groupsWith > 0 ? 'flag' : 'noflag'}">${formatCount(groupsWith)} of ${formatCount(groups)} groups have a concern of their own` +
        (groupsWith > 0
          ? `: ${CONCERN_CODES.filter((c) => summary.groupConcerns[c] > 0)
              .map((c) => `${escapeHtml(CONCERN_LABELS[c])} ${formatCount(summary.groupConcerns[c])}`)
              .join(', ')}.</p>`
          : '.</p>');
  if (pairs === 0) return `<p class="empty">No pairs.</p>${groupLine}`;
  if (summary.pairsWithConcerns === 0) return `<p class="ok">No pair has a concern.</p>${groupLine}`;
  const example = new Map<string, string>();
  for (const p of result.pairs) for (const c of p.concerns ?? []) if (!example.has(c.code)) example.set(c.code, c.message);
  const chart = barChart(
    CONCERN_CODES.map((c) => ({ label: CONCERN_LABELS[c], value: counts[c], valueLabel: formatCount(counts[c]), note: c })),
    { id: 'chart-concerns', title: 'Pairs per concern', description: 'Number of pairs with each concern.', barClass: 'bar-warn' },
  );
  const rows = CONCERN_CODES.filter((c) => counts[c] > 0)
    .map(
      (c) =>
        `<tr><td><span class="chip chip-warn concern" title="${escapeHtml(c)}">${escapeHtml(CONCERN_LABELS[c])}</span></td>` +
        `<td class="num"><a href="#pairs" data-show-concern="${escapeHtml(c)}">${formatCount(counts[c])}</a></td><td>${escapeHtml(example.get(c) ?? '')}</td></tr>`,
    )
    .join('');
  return (
    `<div class="split"><div>${chart}</div><div>` +
    `<table class="static"><caption>Example per concern; a count shows those pairs in <a href="#pairs">Pairs</a></caption>` +
    `<thead><tr><th scope="col">Concern</th><th scope="col" class="num">Pairs</th><th scope="col">Example</th></tr></thead><tbody>${rows}</tbody></table>` +
    `</div></div>${groupLine}`
  );
}

/**
 * Wanted skills the mentors do not cover (worst first, at most `limit`).
 *
 * @example
 * ```ts
 * shortfallTable(summary.shortfalls); // '<table class="static">…<td>rust</td>…</table>'
 * ```
 */
export function shortfallTable(shortfalls: ResultSummary['shortfalls'], limit = 15): string {
  if (shortfalls.length === 0) return '';
  const rows = shortfalls
    .slice(0, limit)
    .map(
      (s) =>
        `<tr><td>${escapeHtml(s.skill)}</td><td class="num">${formatCount(s.demand)}</td><td class="num">${formatCount(s.supply)}</td>` +
        `<td class="num">${formatCount(s.unserved)}</td><td class="num">${formatCount(s.mentorsShort)}</td></tr>`,
    )
    .join('');
  const more = shortfalls.length > limit ? `<p class="note">${formatCount(shortfalls.length - limit)} more skills not shown.</p>` : '';
  return (
    '<table class="static"><thead><tr><th scope="col">Skill</th><th scope="col" class="num">Mentees wanting it</th>' +
    '<th scope="col" class="num">Mentor places</th><th scope="col" class="num">Unserved</th><th scope="col" class="num">Mentors short</th></tr></thead>' +
    `<tbody>${rows}</tbody></table>${more}`
  );
}

/** What the first side of a blocking pair has now: their score, or "unmatched" / "room for another mentor" (never a bare 0.0). */
function current(hasRoom: boolean, score: number, partners: number, peer: boolean): string {
  if (!hasRoom) return formatNumber(score, 1);
  if (partners === 0) return '<span class="chip">unmatched</span>';
  return `<span class="chip">room for another ${peer ? 'peer' : 'mentor'}</span> <span class="meta">has ${formatCount(partners)}</span>`;
}

/**
 * The stability audit: a verdict, the number of blocking pairs and people affected, and
 * the strongest blocking pairs.
 *
 * @example
 * ```ts
 * stabilitySection(audit, lookup); // '<div class="verdict warn">12 blocking pairs…</div><table …>…</table>'
 * ```
 */
export function stabilitySection(audit: StabilityAudit, lookup: PersonLookup): string {
  const peer = audit.kind === 'peer';
  if (audit.stable) {
    return peer
      ? '<div class="verdict good"><strong>Stable.</strong> No two peers would both rather be paired with each other than with the partners they got.</div>'
      : '<div class="verdict good"><strong>Stable.</strong> No mentee and mentor would both rather be with each other than with the partners they got.</div>';
  }
  const plural = (n: number, word: string): string => `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;
  const who2 = peer
    ? `${plural(audit.peopleAffected, 'peer')} would rather be paired with each other than with the partners they got.`
    : `${plural(audit.menteesAffected, 'mentee')} and ${plural(audit.mentorsAffected, 'mentor')} would both rather be together than with the partners they got.`;
  const verdict = `<div class="verdict warn"><strong>${plural(audit.blockingPairs, 'blocking pair')}.</strong> ${who2}</div>`;
  if (audit.worst.length === 0) return verdict;
  // One row per mentee (their strongest listed pair): a mentee with room would otherwise
  // fill the table with every mentor who suits them.
  const more = new Map<string, number>();
  const rows = audit.worst
    .filter((b) => {
      const seen = more.get(b.menteeId);
      more.set(b.menteeId, (seen ?? -1) + 1);
      return seen === undefined;
    })
    .map((b) => {
      const extra = more.get(b.menteeId) ?? 0;
      const also = extra > 0 ? ` <span class="meta">and ${plural(extra, peer ? 'other peer' : 'other mentor')}</span>` : '';
      return (
        `<tr><td>${who(b.menteeId, lookup)}</td><td>${who(b.mentorId, lookup)}${also}</td><td class="num">${formatNumber(b.score, 1)}</td>` +
        `<td class="num">${current(b.menteeHasRoom, b.menteeCurrent, b.menteePartners, peer)}</td>` +
        `<td class="num">${b.mentorHasRoom ? `<span class="chip">${peer ? 'unmatched' : 'has room'}</span>` : formatNumber(b.mentorCurrent, 1)}</td>` +
        `<td class="num"><strong>+${formatNumber(b.gain, 1)}</strong></td></tr>`
      );
    })
    .join('');
  const heads = peer ? ['Peer', 'Peer', 'Score together', 'First has', 'Second has'] : ['Mentee', 'Mentor', 'Score together', 'Mentee has', 'Mentor’s weakest'];
  const shown = audit.worst.length;
  return (
    verdict +
    `<table class="static"><caption>The ${shown === 1 ? 'strongest blocking pair' : `${shown} strongest blocking pairs`}${more.size < shown ? `, one row per ${peer ? 'first peer' : 'mentee'}` : ''}</caption><thead><tr>` +
    heads.map((h, k) => `<th scope="col"${k > 1 ? ' class="num"' : ''}>${h}</th>`).join('') +
    `<th scope="col" class="num">Gain</th></tr></thead><tbody>${rows}</tbody></table>`
  );
}

/**
 * One fairness audit: match rate and scores per group of an attribute, the largest gaps
 * named and flagged when they reach {@link FAIRNESS_RATE_GAP} or {@link FAIRNESS_SCORE_GAP}.
 *
 * @example
 * ```ts
 * fairnessSection(audit); // '<div class="fairness"><h3>department</h3><p class="flag">Match rate gap 25 %…</p><table>…</table></div>'
 * ```
 */
export function fairnessSection(audit: FairnessAudit): string {
  const rate = audit.matchRateGap;
  const score = audit.meanScoreGap;
  const rateFlag = rate.gap >= FAIRNESS_RATE_GAP;
  const scoreFlag = score.gap >= FAIRNESS_SCORE_GAP;
  const gapLine = (flag: boolean, what: string, gap: string, g: { highest: string; lowest: string }): string =>
    `<p class="${flag ? 'flag' : 'noflag'}">${flag ? '<span aria-hidden="true">⚠ </span>' : ''}Largest ${what} gap: <strong>${gap}</strong> ` +
    `between <em>${escapeHtml(g.highest)}</em> and <em>${escapeHtml(g.lowest)}</em>${flag ? ' (flagged)' : ''}.</p>`;
  const lines =
    audit.groups.length < 2
      ? '<p class="noflag">Only one group: nothing to compare.</p>'
      : gapLine(rateFlag, 'match-rate', formatPercent(rate.gap), rate) +
        (score.highest === '' && score.lowest === '' ? '' : gapLine(scoreFlag, 'mean-score', `${formatNumber(score.gap, 1)} points`, score));
  const rows = audit.groups
    .map((g) => {
      const marks: string[] = [];
      if (audit.groups.length > 1 && rateFlag && g.value === rate.lowest) marks.push('<span class="chip chip-warn">lowest match rate</span>');
      if (audit.groups.length > 1 && scoreFlag && g.value === score.lowest) marks.push('<span class="chip chip-warn">lowest mean score</span>');
      const width = Math.max(0, Math.min(100, g.matchRate * 100));
      return (
        `<tr${marks.length ? ' class="flagged"' : ''}><td>${escapeHtml(g.value)} ${marks.join(' ')}</td><td class="num">${formatCount(g.participants)}</td>` +
        `<td class="num">${formatCount(g.matched)}</td><td class="num rate"><span class="minibar" aria-hidden="true"><span style="width:${formatNumber(width, 1)}%"></span></span>${formatPercent(g.matchRate)}</td>` +
        `<td class="num">${formatNumber(g.meanScore, 1)}</td><td class="num">${formatNumber(g.minScore, 1)}</td></tr>`
      );
    })
    .join('');
  return (
    `<div class="fairness${rateFlag || scoreFlag ? ' is-flagged' : ''}"><h3>By ${escapeHtml(audit.attribute)}${audit.role ? ` (${audit.role}s)` : ''}</h3>${lines}` +
    '<table class="static"><thead><tr><th scope="col">Group</th><th scope="col" class="num">People</th><th scope="col" class="num">Matched</th>' +
    `<th scope="col" class="num">Match rate</th><th scope="col" class="num">Mean score</th><th scope="col" class="num">Lowest score</th></tr></thead><tbody>${rows}</tbody></table></div>`
  );
}
