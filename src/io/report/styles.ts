/**
 * The report's inline style sheet: system fonts only (no web font), light and dark
 * colour schemes, charts that scale with the page, and print rules (no controls, no
 * page break inside a chart or a card, explanations kept open).
 *
 * @module
 */

/**
 * The CSS, as the text of an inline `<style>` element.
 *
 * @example
 * ```ts
 * const head = `<style>${REPORT_STYLES}</style>`;
 * ```
 */
export const REPORT_STYLES = String.raw`
:root {
  --bg: #f6f7fb; --panel: #ffffff; --ink: #1d2433; --muted: #5f6b7e; --line: #e3e7ef;
  --accent: #3558d4; --accent-soft: #e6ecff; --bar: #4a6cf7; --track: #e7eaf2;
  --warn: #c2410c; --warn-soft: #fff1e8; --warn-bar: #f08a4b; --good: #1f7a3f; --good-soft: #e7f6ec;
  --over: #d6336c; --idle: #b4bccb; --radius: 12px;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #11151d; --panel: #1a202b; --ink: #e7ebf3; --muted: #9aa5b8; --line: #2b3342;
    --accent: #8ea6ff; --accent-soft: #243056; --bar: #7c95ff; --track: #2b3342;
    --warn: #ffa372; --warn-soft: #3a2418; --warn-bar: #e67a3c; --good: #6fd08f; --good-soft: #173323;
    --over: #ff6b9a; --idle: #5b6476;
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--ink);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif;
}
code, .hash .kpi-value { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; }
a { color: var(--accent); }
header.top { background: linear-gradient(135deg, #27357e, #3558d4 60%, #4f7cf0); color: #fff; padding: 28px 0 22px; }
header.top .inner, main, footer { max-width: 1180px; margin: 0 auto; padding: 0 24px; }
header.top h1 { margin: 0 0 4px; font-size: 26px; font-weight: 650; letter-spacing: -0.01em; }
header.top p { margin: 0; opacity: 0.86; }
nav.toc { margin-top: 14px; display: flex; flex-wrap: wrap; gap: 6px; }
nav.toc a { color: #fff; text-decoration: none; font-size: 13px; padding: 3px 10px; border-radius: 999px; background: rgba(255,255,255,0.14); }
nav.toc a:hover, nav.toc a:focus-visible { background: rgba(255,255,255,0.28); }
main { padding-top: 20px; padding-bottom: 24px; }
section.panel { background: var(--panel); border: 1px solid var(--line); border-radius: var(--radius); padding: 18px 20px 20px; margin: 0 0 18px; box-shadow: 0 1px 2px rgba(16,24,40,0.04); }
section.panel > h2 { margin: 0 0 2px; font-size: 18px; font-weight: 650; }
section.panel > .lede { margin: 0 0 14px; color: var(--muted); font-size: 14px; }
h3 { font-size: 15px; margin: 14px 0 6px; }
.grid2 { display: grid; grid-template-columns: repeat(auto-fit, minmax(440px, 1fr)); gap: 18px; }
.grid2 > section.panel { margin: 0; }
.split { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 18px; align-items: start; }
.split table.static { margin-top: 0; }
.grid2 + section.panel, .grid2 + .grid2 { margin-top: 18px; }
.kpis { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; margin: 0 0 18px; }
.kpi { background: var(--panel); border: 1px solid var(--line); border-radius: var(--radius); padding: 12px 14px; border-top: 3px solid var(--accent); }
.kpi.warn { border-top-color: var(--warn-bar); }
.kpi.good { border-top-color: var(--good); }
.kpi-label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: 0.05em; }
.kpi-value { font-size: 26px; font-weight: 650; line-height: 1.25; font-variant-numeric: tabular-nums; }
.kpi.hash .kpi-value { font-size: 13px; letter-spacing: -0.02em; padding: 6px 0 3px; word-break: break-all; }
.kpi-note { color: var(--muted); font-size: 12.5px; }
svg.chart { display: block; width: 100%; height: auto; max-width: 100%; font-size: 12px; overflow: visible; }
svg.chart text { fill: var(--ink); }
svg.chart .tick, svg.chart .axis-label { fill: var(--muted); }
svg.chart .grid line { stroke: var(--line); }
svg.chart .axis line, svg.chart .baseline { stroke: var(--muted); stroke-opacity: 0.6; }
svg.chart .bar { fill: var(--bar); }
svg.chart .bar:hover, svg.chart .row:hover .bar { fill: var(--accent); }
svg.chart .bar-warn { fill: var(--warn-bar); }
svg.chart .bar-over { fill: var(--over); }
svg.chart .bar-idle { fill: var(--idle); }
svg.chart .capacity { fill: var(--track); }
svg.chart .label.idle { fill: var(--muted); font-style: italic; }
svg.chart .value { fill: var(--muted); font-variant-numeric: tabular-nums; }
svg.chart .marker line { stroke: var(--warn); stroke-width: 1.5; stroke-dasharray: 4 3; }
svg.chart .marker text { fill: var(--warn); font-weight: 600; }
.chart-note, .note { color: var(--muted); font-size: 13px; margin: 8px 0 0; }
.legend { display: flex; gap: 14px; color: var(--muted); font-size: 12.5px; margin-top: 6px; flex-wrap: wrap; }
.legend i { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 5px; vertical-align: -1px; }
.empty, .muted { color: var(--muted); }
.ok { color: var(--good); font-weight: 600; }
.verdict { border-radius: 10px; padding: 10px 14px; margin: 0 0 12px; }
.verdict.good { background: var(--good-soft); color: var(--good); }
.verdict.warn { background: var(--warn-soft); color: var(--warn); }
.flag { color: var(--warn); font-weight: 600; margin: 4px 0; }
.noflag { color: var(--muted); margin: 4px 0; }
.fairness + .fairness { margin-top: 18px; border-top: 1px solid var(--line); padding-top: 6px; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
caption { text-align: left; color: var(--muted); font-size: 13px; padding: 0 0 6px; }
th, td { text-align: left; padding: 7px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em; font-weight: 600; white-space: nowrap; }
.num { text-align: right; }
table.static { margin-top: 12px; font-size: 14px; }
tr.flagged td { background: var(--warn-soft); }
.chip { display: inline-block; font-size: 12px; line-height: 18px; padding: 0 8px; border-radius: 999px; background: var(--accent-soft); color: var(--accent); white-space: nowrap; margin: 1px 4px 1px 0; }
.chip-warn { background: var(--warn-soft); color: var(--warn); }
.chip-good { background: var(--good-soft); color: var(--good); }
.chip.concern { cursor: help; }
.kpi-of { font-size: 15px; font-weight: 500; color: var(--muted); }
.minibar { display: inline-block; width: 56px; height: 6px; border-radius: 3px; background: var(--track); margin-right: 8px; vertical-align: middle; overflow: hidden; }
.minibar > span { display: block; height: 100%; background: var(--bar); border-radius: 3px; }
.who { font-weight: 600; }
td.person { min-width: 11em; }
ul.members li.person { min-width: 0; }
.meta { display: block; color: var(--muted); font-size: 12.5px; }
td > .who + .meta { margin-top: -1px; }
table.static .meta { display: inline; margin-left: 4px; }
.table-tools { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; margin: 0 0 10px; }
.table-tools .search { flex: 1 1 320px; }
.table-tools input[type=search] {
  width: 100%; font: inherit; padding: 8px 12px 8px 34px; border: 1px solid var(--line); border-radius: 10px; background: var(--bg) no-repeat 11px 50%;
  background-image: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='14' height='14' fill='none' stroke='%238a94a6' stroke-width='2'%3E%3Ccircle cx='6' cy='6' r='4.5'/%3E%3Cpath d='m9.5 9.5 3.5 3.5'/%3E%3C/svg%3E");
  color: var(--ink);
}
.table-tools input[type=search]:focus { outline: 2px solid var(--accent); outline-offset: 1px; }
.table-count { color: var(--muted); font-size: 13px; }
.table-tools .facet { font-size: 13px; color: var(--muted); }
.table-tools .facet select { font: inherit; color: var(--ink); padding: 7px 10px; border-radius: 10px; border: 1px solid var(--line); background: var(--bg); cursor: pointer; }
.table-tools .facet select:focus { outline: 2px solid var(--accent); outline-offset: 1px; }
.table-wrap { overflow-x: auto; }
table.data { font-size: 14px; }
table.data tbody tr:hover > td { background: var(--bg); }
table.data tr.open > td { background: var(--accent-soft); border-bottom-color: transparent; }
table.data tr.detail > td { background: var(--bg); padding: 6px 10px 14px 44px; }
table.data td:first-child { width: 1%; }
button.sort { font: inherit; color: inherit; text-transform: inherit; letter-spacing: inherit; background: none; border: 0; padding: 0; cursor: pointer; }
button.sort::after { content: " \2195"; opacity: 0.35; }
th[aria-sort=ascending] button.sort::after { content: " \2191"; opacity: 1; }
th[aria-sort=descending] button.sort::after { content: " \2193"; opacity: 1; }
th[aria-sort=ascending], th[aria-sort=descending] { color: var(--accent); }
button.toggle { font: inherit; width: 26px; height: 26px; border-radius: 7px; border: 1px solid var(--line); background: var(--panel); color: var(--accent); cursor: pointer; line-height: 1; }
button.toggle:hover, button.toggle:focus-visible { border-color: var(--accent); }
.pager { display: flex; align-items: center; gap: 10px; margin-top: 10px; flex-wrap: wrap; font-size: 13px; color: var(--muted); }
.pager button, .pager select { font: inherit; color: var(--ink); padding: 5px 12px; border-radius: 8px; border: 1px solid var(--line); background: var(--panel); cursor: pointer; }
.pager button:disabled { opacity: 0.45; cursor: default; }
.pager .page-size { margin-left: auto; }
ul.members { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 18px; }
.explain table.criteria { font-size: 13px; background: var(--panel); border: 1px solid var(--line); border-radius: 10px; overflow: hidden; }
.explain table.criteria th, .explain table.criteria td { padding: 5px 10px; }
.explain tr.na td { color: var(--muted); }
.explain td.crit { font-weight: 600; white-space: nowrap; }
.explain td.crit .chip { margin-left: 6px; }
.explain td.pts { white-space: nowrap; }
.explain .ptsbar { display: inline-block; width: 60px; height: 6px; background: var(--track); border-radius: 3px; margin-right: 8px; vertical-align: middle; overflow: hidden; }
.explain .ptsbar > span { display: block; height: 100%; background: var(--bar); }
.explain ul { margin: 0; padding-left: 18px; }
.explain .fit-line { margin: 0 0 6px; font-weight: 600; }
.explain .fit-line.is-fit { color: var(--good); }
.explain .fit-line.not-fit { color: var(--warn); }
.explain ul.concerns { list-style: none; padding: 0; margin: 0 0 10px; }
.explain ul.concerns li { margin: 2px 0; }
.explain .concerns-none { margin: 0 0 10px; }
.crit-chip { background: var(--track); color: var(--ink); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
noscript p { background: var(--warn-soft); color: var(--warn); padding: 8px 12px; border-radius: 8px; }
footer { color: var(--muted); font-size: 12.5px; padding-bottom: 28px; }
@media (max-width: 560px) { .grid2 { grid-template-columns: 1fr; } header.top h1 { font-size: 21px; } }
@media (max-width: 900px) { .split { grid-template-columns: 1fr; } }
@media print {
  :root { --bg: #fff; --panel: #fff; --ink: #000; --muted: #444; --line: #ccc; }
  body { font-size: 11pt; background: #fff; }
  header.top { background: none; color: #000; padding: 0 0 8px; border-bottom: 2px solid #000; }
  nav.toc, .table-tools, .pager, button.toggle, noscript { display: none !important; }
  section.panel, .kpi { box-shadow: none; break-inside: avoid; page-break-inside: avoid; }
  section.panel.table-panel { break-inside: auto; page-break-inside: auto; }
  svg.chart { max-height: 9cm; }
  .grid2, .split { display: block; }
  .grid2 > section.panel { margin-bottom: 12px; }
  tr { break-inside: avoid; }
  table.data tr.open > td, table.data tr.detail > td { background: none; }
  a { color: inherit; text-decoration: none; }
}
`;
