/**
 * The what-if page as ONE HTML file (a string; pure): the page's data as JSON, the worker's code
 * as an inert script element (started from a Blob URL, so it works from file://), vega and
 * vega-lite's browser builds and the page's bundle inlined. Nothing is ever fetched.
 */
import type { Locale } from '../viz/texts/index.js';
import type { PageData } from './levers.js';
import { scriptJson, scriptSource } from '../viz/report.js';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface ExploreBundles { start: string; page: string; worker: string; vega: string; vegaLite: string }

const CSS = `
:root { --ink: #1a1a1a; --muted: #555; --navy: #0b3c73; --line: #d5dbe3; --bg: #f2f5f9; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", Verdana, "Segoe UI", Arial, sans-serif; color: var(--ink); margin: 0; line-height: 1.4; font-size: 15px; }
header { padding: 12px 20px 4px; }
.kicker { color: var(--muted); margin: 0; font-size: 13px; }
h1 { font-size: 22px; margin: 2px 0 4px; }
h2 { font-size: 17px; margin: 14px 0 8px; }
.intro { margin: 0 0 8px; color: var(--muted); max-width: 70em; }
.layout { display: grid; grid-template-columns: 360px minmax(0, 1fr); gap: 16px; padding: 0 20px 20px; }
#levers-panel { border-right: 1px solid var(--line); padding-right: 14px; }
.lever { border-bottom: 1px solid var(--line); padding: 8px 0; }
.lever-head { display: flex; justify-content: space-between; gap: 8px; font-weight: bold; }
.lever-head output { font-weight: bold; color: var(--navy); white-space: nowrap; }
.row { display: flex; align-items: center; gap: 6px; flex-wrap: wrap; margin-top: 4px; }
.row input[type=range] { flex: 1 1 140px; min-width: 120px; accent-color: var(--navy); }
.row input[type=number], .row input[type=text] { width: 6.5em; font: inherit; padding: 2px 4px; }
.extras select, .extras input { font: inherit; }
.meta { margin: 4px 0 0; font-size: 12.5px; color: var(--muted); }
button { font: inherit; font-size: 13px; padding: 3px 10px; border: 1px solid var(--navy); background: #fff; color: var(--navy); border-radius: 4px; cursor: pointer; }
button:hover { background: var(--bg); }
:focus-visible { outline: 3px solid #e69f00; outline-offset: 1px; }
.headline { font-size: 19px; font-weight: bold; border-left: 6px solid var(--navy); padding: 10px 14px; background: var(--bg); margin: 8px 0; }
#status { color: var(--muted); font-size: 13px; margin: 0 0 6px; min-height: 1.4em; }
.chart { margin: 8px 0 18px; overflow-x: auto; }
.chart svg { max-width: 100%; height: auto; }
.chart.stale svg { opacity: 0.45; }
.chart figcaption h3 { font-size: 16px; margin: 0 0 2px; }
.chart figcaption p { font-size: 13px; color: var(--muted); margin: 0 0 6px; max-width: 60em; }
pre { background: var(--bg); padding: 8px 10px; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 12.5px; margin: 4px 0; }
.tools { display: flex; gap: 8px; flex-wrap: wrap; align-items: center; }
#compare { border: 2px solid var(--navy); padding: 4px 12px; margin: 8px 0; }
#compare .ab { font-weight: bold; }
@media (max-width: 860px) { #compare .ab { font-size: 14px; } }
.cmp { border-collapse: collapse; font-size: 13px; margin: 6px 0; }
.cmp th, .cmp td { border-bottom: 1px solid var(--line); padding: 3px 8px; text-align: right; vertical-align: top; }
.cmp th[scope=row] { text-align: left; font-weight: normal; }
#compare { overflow-x: auto; }
.cmp td { white-space: pre-line; }
#answer { grid-column: 1 / -1; }
.small { font-size: 13px; color: var(--muted); }
@media (max-width: 860px) {
  .layout { grid-template-columns: minmax(0, 1fr); padding: 0 12px 16px; }
  header { padding: 10px 12px 2px; }
  #levers-panel { border-right: none; padding-right: 0; }
  #answer { position: sticky; top: 0; z-index: 2; background: #fff; padding-top: 4px; box-shadow: 0 2px 4px rgba(0,0,0,.12); }
  .headline { font-size: 14.5px; padding: 6px 10px; margin: 4px 0; }
  #status { margin: 0 0 4px; font-size: 12px; }
  .cmp { font-size: 12px; }
  h1 { font-size: 19px; }
}
`;

export function exploreHtml(data: PageData, loc: Locale, b: ExploreBundles): string {
  const T = loc.explore;
  return `<!DOCTYPE html>
<html lang="${loc.report.htmlLang()}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="riktvarde ${esc(data.model.version)}">
<title>${esc(T.docTitle(data.model.name))}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<p class="kicker">${esc(T.kicker())}</p>
<h1>${esc(data.model.name)}</h1>
<p class="intro">${esc(T.intro())}</p>
<noscript><p>${esc(T.noScript())}</p></noscript>
</header>
<div class="layout">
<div id="answer"><p class="headline" id="verdict" aria-live="polite"></p>
<p id="status" role="status"></p></div>
<section id="levers-panel" aria-labelledby="levers-title">
<h2 id="levers-title">${esc(T.levers())}</h2>
<button type="button" id="reset-all">${esc(T.resetAll())}</button>
<div id="levers"></div>
</section>
<main id="results" aria-labelledby="results-title">
<h2 id="results-title">${esc(T.results())}</h2>
<div class="tools"><button type="button" id="pin">${esc(T.pinA())}</button></div>
<section id="compare" hidden><h2>${esc(T.compareTitle())}</h2><p class="small">${esc(T.compareHelp())}</p><div id="compare-rows"></div><figure class="chart" id="chart-compare"></figure></section>
<figure class="chart" id="chart-fan"></figure>
<figure class="chart" id="chart-probability"></figure>
<figure class="chart" id="chart-year"></figure>
<figure class="chart" id="chart-cost"></figure>
<h2>${esc(T.command())}</h2>
<p class="small">${esc(T.commandHelp())}</p>
<pre id="command"></pre>
<div class="tools"><button type="button" id="copy-command">${esc(T.copy())}</button></div>
<h2>${esc(T.overlay())}</h2>
<p class="small">${esc(T.overlayHelp())}</p>
<pre id="overlay"></pre>
<div class="tools"><button type="button" id="copy-overlay">${esc(T.copy())}</button></div>
</main>
</div>
<script type="application/json" id="riktvarde-data">${scriptJson(data)}</script>
<script type="text/js-worker" id="riktvarde-worker">${scriptSource(b.worker)}</script>
<script>${scriptSource(b.start)}</script>
<script>${scriptSource(b.vega)}</script>
<script>${scriptSource(b.vegaLite)}</script>
<script>${scriptSource(b.page)}</script>
</body>
</html>
`;
}
