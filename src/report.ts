/**
 * `mentor-match/report`: the HTML report of a match — headline numbers, score and
 * criterion charts, mentor load, unmatched people by reason, skill gaps, the audits and a
 * searchable table of every pair with its explanation — as one self-contained page.
 * A separate entry point because the page brings its charts (d3-scale, d3-array) and
 * its styles and script, which an integrator who only matches does not need; like the
 * main entry it imports nothing from Node, so it runs in a browser too.
 *
 * @example
 * ```ts
 * import { matchWithMatrix, summarize } from 'mentor-match';
 * import { renderReport } from 'mentor-match/report';
 * const { result } = matchWithMatrix(people, config);
 * const html = renderReport(result, { summary: summarize(result, people), participants: people });
 * ```
 *
 * @packageDocumentation
 */
export { renderReport } from './io/report/render-report.js';
export type { ReportOptions } from './io/report/render-report.js';
