/**
 * Monte Carlo outputs + the scenarios' assumptions and sources → ONE self-contained HTML file
 * (a string). Pure: the caller passes vega's browser build in; nothing is fetched, ever.
 *
 * Layout, with several scenarios first a comparison (given as `opts.comparison`, from
 * model/compare.ts, every scenario run on the same seed and runs):
 *   0 Comparison   how the scenarios differ in words (one sentence per scenario against the
 *                  first), the side-by-side table of `riktvarde compare` (intervals on a second
 *                  line) and its overlay chart of median lines and 80 % bands; then Reproduce
 * then, per scenario (headed `A: name`, `B: name`, … when there are several):
 *   1 Answer       the headline in words (median year reached, 80 % interval, probability by the
 *                  horizon) and key figures (inhabitants per doctor, specialists, shortfall, cost)
 *   2 Charts       every chart of viz/charts.ts, drawn in the browser as SVG (prints sharply)
 *   3 Reproduce    (one scenario) the exact command, seed, runs, version
 *   4 Assumptions  every number the projection rests on with a readable name, its value in the
 *                  reader's number format, marked published / assumption / default / no source,
 *                  then the source list (viz/report-assumptions.ts); for B, C, … only what they
 *                  change from A
 * then once:
 *   5 Appendix     per scenario the year-by-year table: median, and the 80 % interval under it
 *
 * Decisions:
 * - Charts are compiled from Vega-Lite to Vega here (no warnings allowed), so only vega's
 *   browser build (~0.5 MB) is inlined, not vega-lite or vega-embed. Specs are embedded as JSON
 *   in a `<script type="application/json">` with `<` escaped, and any `</script` or `<!--` in
 *   the inlined library is neutralised.
 * - Print (`report --out x.pdf` prints it with Chromium): A4, one scenario on four pages — the
 *   answer; the charts two abreast with how to reproduce; the assumptions and sources (landscape);
 *   the year table (landscape; on paper intervals for the workforce, capacity and cost rows only).
 *   cli/pdf.ts fits each page group to its page (scaled no smaller than its MIN_SCALE, else it
 *   flows on). Each scenario of a comparison starts a new page, B's changes under its charts.
 *   Figures and table rows never split, no heading left at a page foot; dark text, greys and the
 *   charts' lightness-coded palette survive black-and-white printing.
 * - No date or time in the file: the same inputs give the same bytes.
 */
import { scenarioLabel, type CompareResult, type CompareScenario } from '../model/compare.js';
import { hasNamedDoctor, observedGrid } from './observed.js';
import type { FieldGroup, FieldKey } from '../model/fields.js';
import type { McRegionOutput, McRunOutput } from '../model/mcresults.js';
import { inLang, type ReportAssumption } from './assumptions.js';
import { assumptionsSection } from './report-assumptions.js';
import { esc, escRaw } from './report-html.js';
import { allCharts } from './charts.js';
import { compareChart, SCENARIO_COLORS } from './compare-charts.js';
import { compareHeadlines, compareLines } from './compare.js';
import { MISSING } from './format.js';
import { mcReachedInfo, type Locale, type NormPair } from './texts/index.js';
import { INTERVAL_BOUNDS, mcDefaultFields } from './mctable.js';
import { compileSpec } from './render.js';
import { formatCell, MAX_FULL_REGIONS, normForSentences, tableRows } from './table.js';
import { BROWSER_FONT, CSS } from './report-css.js';

import type { ReportSource } from './report-assumptions.js';
export type { ReportSource };
/** One number the projection rests on (scenario/normalize.ts Assumption). */
export type { ReportAssumption };

export interface ReportScenario {
  out: McRunOutput;
  assumptions: readonly ReportAssumption[];
  sources: Readonly<Record<string, ReportSource>>;
  /** Scenario file as given on the command line. */
  file: string;
}

export interface ReportOptions {
  loc: Locale;
  /** The exact command that reproduces the report. */
  command: string;
  /** vega's browser build (`build/vega.min.js`) and its version. */
  vegaJs: string;
  vegaVersion: string;
  /** Region (or total) for the headline and charts; default the total, else the first region. */
  region?: string;
  /**
   * The scenarios compared (same order as the items, all on the same seed and runs): with two or
   * more scenarios, the comparison section at the top.
   */
  comparison?: CompareResult;
}

/** JSON that is safe inside a `<script>` element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** A library's source made safe to inline in a `<script>` element. */
export function scriptSource(js: string): string {
  return js.replace(/<\/script/gi, '<\\/script').replace(/<!--/g, '<\\!--');
}

function mainRegion(out: McRunOutput, name?: string): McRegionOutput {
  if (name !== undefined) {
    const r = [...out.regions, ...(out.total ? [out.total] : [])].find((x) => x.name === name);
    if (r) return r;
  }
  return out.total ?? out.regions[0];
}

function reachedInfo(out: McRunOutput, r: McRegionOutput, norm: NormPair | null) {
  return mcReachedInfo(r, out.endYear, norm);
}

/** A field in a year: the median and, when it differs from it, the 80 % interval (`1 473–1 631`). */
function medianAndInterval(r: McRegionOutput, year: number, key: FieldKey, fmt: (v: number | null) => string): { med: string; iv: string | null } {
  const row = r.years.find((y) => y.year === year);
  if (!row) return { med: MISSING, iv: null };
  const med = fmt(row[key]);
  const q = row.quantiles?.[key];
  if (!q) return { med, iv: null };
  const lo = fmt(q.p10), hi = fmt(q.p90);
  return { med, iv: lo === hi || lo === MISSING || hi === MISSING ? null : `${lo}–${hi}` };
}

// ---------------------------------------------------------------- sections

/** The scenario's norm pair when it holds throughout, else null. */

/** A compare cell's interval: `(985–1 112)`, `(2033 – efter 2034)`, `(−258 – −217)`. */
const BOUND = String.raw`(?:[+\u2212-]?\d[\d ,.]*|efter \d{4}|after \d{4})`;
const WITH_INTERVAL = new RegExp(String.raw`^(.+?) (\(${BOUND}(?: \u2013 |\u2013)${BOUND}\))$`);

/** A cell of the comparison: the value, and its interval (in brackets, as in `compare`) under it. */
function compareCell(v: string, cls: string): string {
  const c = cls ? ` class="${cls}"` : '';
  if (v === '') return `<td${c}></td>`;
  const m = WITH_INTERVAL.exec(v);
  if (!m) return `<td${c}><span class="m">${esc(v)}</span></td>`;
  return `<td${c}><span class="m">${esc(m[1])}</span><span class="iv">${esc(m[2])}</span></td>`;
}

/** The table of `riktvarde compare` (viz/compare.ts, same rows and cells) as HTML. */
function compareTable(res: CompareResult, loc: Locale): string {
  const lines = compareLines(res, loc);
  const S = res.scenarios, D = res.differences;
  const head = `<tr><th></th>${S.map((s, i) => `<th scope="col"><span class="key" style="background:${SCENARIO_COLORS[i % SCENARIO_COLORS.length]}"></span>${esc(s.label)}</th>`).join('')}${D.map((d, k) => `<th scope="col" class="diff${k === 0 ? ' first' : ''}">${esc(d.label)}</th>`).join('')}</tr>`;
  const rows = lines.map((l) => `<tr><th scope="row">${esc(l.label)}</th>${l.values.map((v) => compareCell(v, '')).join('')}${l.diffs.map((v, k) => compareCell(v, k === 0 ? 'diff first' : 'diff')).join('')}</tr>`);
  return `<table class="compare"><thead>${head}</thead>
<tbody>${rows.join('\n')}</tbody></table>`;
}

/** The notes under the comparison table (as under `riktvarde compare`). */
function compareNotes(res: CompareResult, loc: Locale): string[] {
  const notes: string[] = [];
  if (res.warnings.countBasisDiffers) notes.push(loc.analysis.compare.warnCountBasis());
  if (res.warnings.horizonDiffers) notes.push(loc.analysis.compare.warnHorizon());
  if (res.scenarios.some((s) => s.path.normSchedule)) notes.push(loc.analysis.compare.normChanges(res.reachedAgainst));
  notes.push(loc.analysis.compare.perDoctorNote());
  if (res.differences.length) notes.push(loc.analysis.compare.diffNote(), loc.analysis.compare.costPerInhabitantNote());
  if (!res.warnings.countBasisDiffers) notes.push(loc.tables.countBasis(res.scenarios[0].countBasis));
  return notes;
}

function comparisonSection(res: CompareResult, chartId: string, loc: Locale): string {
  const legend = res.scenarios.map((s, i) => `<li><span class="key" style="background:${SCENARIO_COLORS[i % SCENARIO_COLORS.length]}"></span><a href="#scenario-${i + 1}">${esc(loc.analysis.compare.legend(s.label, s.name, s.file))}</a></li>`);
  return `<section class="comparison" id="comparison">
<p class="kicker">${esc(loc.report.kicker())}</p>
<h1>${esc(loc.analysis.compare.title())}</h1>
<ul class="legend">${legend.join('')}</ul>
<div class="headline">${compareHeadlines(res, loc).map((h) => `<p>${esc(h)}</p>`).join('')}</div>
<p class="small">${esc(loc.report.compareIntro())}</p>
<h2>${esc(loc.report.compareTableTitle())}</h2>
<p class="small">${esc(loc.analysis.compare.subtitle(res.runs, res.seed, res.eventNoise))}</p>
<div class="scroll">${compareTable(res, loc)}</div>
${compareNotes(res, loc).map((n) => `<p class="small note">${esc(n)}</p>`).join('\n')}
<noscript><p class="warn">${esc(loc.report.noScript())}</p></noscript>
<figure class="compare-chart"><div class="chart" id="${chartId}" role="img" aria-label="${esc(loc.analysis.compare.chartTitle())}"></div></figure>
</section>`;
}

/** `tag`: with several scenarios, the scenario's label (heading `A: name`) and anchor. */
function answerSection(s: ReportScenario, region: McRegionOutput, loc: Locale, tag?: { label: string; id: string }): string {
  const out = s.out;
  const norm = normForSentences(out);
  const info = reachedInfo(out, region, norm);
  const first = region.years[0]?.year ?? out.startYear;
  const last = region.years[region.years.length - 1]?.year ?? out.endYear;
  const at = (y: number) => region.years.find((r) => r.year === y);
  const int = (v: number | null) => loc.fmt.int(v);
  const mkrNum = (v: number | null) => (v === null ? MISSING : loc.fmt.num(v / 1e6, 0));
  const mkrUnit = (v: number | null) => loc.fmt.mkr(v, 0);
  const pct80 = loc.report.pct80();
  /** `1 228 (2023) → 1 044 (2034, median; 80 %: 987–1 115)` */
  const cellOf = (key: FieldKey) => (v: number | null) => formatCell(key, v, loc);
  const change = (key: FieldKey, name: string): string => {
    const f = cellOf(key);
    const a = f(at(first)?.[key] ?? null);
    const { med, iv } = medianAndInterval(region, last, key, f);
    return `${name}: ${a} (${first}) → ${med} (${last}${iv ? `, ${loc.report.median()}; ${pct80}: ${iv}` : ''})`;
  };
  const level = (name: string, key: FieldKey, fmtMed: (v: number | null) => string, fmtIv: (v: number | null) => string): string => {
    const { med } = medianAndInterval(region, last, key, fmtMed);
    const { iv } = medianAndInterval(region, last, key, fmtIv);
    return `${name}: ${med}${iv ? ` (${loc.report.median()}; ${pct80}: ${iv})` : ''}`;
  };
  const items: string[] = [];
  // The headline (agrees with the verdict), coverage beside it; Tabell 1's measure last of the three.
  items.push(change('inhabitantsPerDoctorEquivalent', loc.fields.label('inhabitantsPerDoctorEquivalent')));
  items.push(change('coverage', loc.fields.rowLabel('coverage')));
  items.push(change('inhabitantsPerDoctor', `${loc.fields.label('inhabitantsPerDoctor')} (${loc.fields.tableUnit('inhabitantsPerDoctor')})`));
  items.push(change('specialists', `${loc.fields.label('specialists')} (${loc.fields.unit('specialists')})`));
  items.push(change('st', `${loc.fields.label('st')} (${loc.fields.unit('st')})`));
  items.push(level(loc.report.gapLastYear(last), 'specialistGap', int, int));
  const so = region.specialistsOnly;
  items.push(loc.tables.mcReachedSpecialistsOnly({ median: so?.median ?? null, p10: so?.p10 ?? null, p90: so?.p90 ?? null, probability: so?.probabilityBy?.[String(last)], endYear: last, norm }));
  if (region.years.some((y) => y.costIncrease !== null)) {
    items.push(level(loc.report.costLastYear(last), 'costIncrease', mkrUnit, mkrNum));
    items.push(level(loc.report.costAccumulated(first, last), 'cumulativeCost', mkrUnit, mkrNum));
  }
  return `<section class="answer"${tag ? ` id="${tag.id}"` : ''}>
<p class="kicker">${esc(loc.report.kicker())}</p>
<h1>${esc(tag ? loc.report.scenarioTitle(tag.label, out.scenario.name) : out.scenario.name)}</h1>
${out.scenario.description ? `<p class="description">${esc(inLang(loc, out.scenario.description, out.scenario.descriptionSv))}</p>` : ''}
<p class="headline">${esc(loc.report.headline(info, region.name))}</p>
${region.whatItWouldTake ? `<h2>${esc(loc.analysis.take.heading())}</h2>\n<div class="take">${loc.analysis.take.sentences(region.whatItWouldTake).map((x) => `<p>${esc(x)}</p>`).join('')}</div>` : ''}
<h2>${esc(loc.report.keyFigures())}</h2>
<ul class="figures">${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>
<p class="small">${esc(loc.tables.countBasis(out.scenario.countBasis))} ${esc(loc.charts.perDoctorDefinition(norm))} ${esc(loc.tables.mcFooter(out.runs, out.seed, out.eventNoise))}</p>
</section>`;
}

function chartsSection(ids: { id: string; title: string }[], loc: Locale): string {
  return `<section class="charts">
<h2>${esc(loc.report.sectionCharts())}</h2>
<noscript><p class="warn">${esc(loc.report.noScript())}</p></noscript>
${ids.map((c) => `<figure><div class="chart" id="${c.id}" role="img" aria-label="${esc(c.title)}"></div></figure>`).join('\n')}
</section>`;
}

/** The year table of one region as HTML: median, interval underneath. */
function regionTable(out: McRunOutput, r: McRegionOutput, loc: Locale): string {
  const { rows } = tableRows(r, mcDefaultFields(r));
  const years = r.years.map((y) => y.year);
  const [loK, hiK] = INTERVAL_BOUNDS[80];
  const cell = (key: FieldKey, i: number): string => {
    const y = r.years[i];
    const med = formatCell(key, y[key], loc);
    const q = y.quantiles?.[key];
    if (!q || med === MISSING) return `<td><span class="m">${esc(med)}</span></td>`;
    const lo = formatCell(key, q[loK], loc), hi = formatCell(key, q[hiK], loc);
    if (lo === hi || lo === MISSING || hi === MISSING) return `<td><span class="m">${esc(med)}</span></td>`;
    const dash = /^[+\u2212-]/.test(lo) || /^[+\u2212-]/.test(hi) ? ' \u2013 ' : '\u2013';
    return `<td><span class="m">${esc(med)}</span><span class="iv"><span>${esc(lo + dash)}</span><wbr><span>${esc(hi)}</span></span></td>`;
  };
  const body: string[] = [];
  for (const g of rows) {
    body.push(`<tr class="group"><th colspan="${years.length + 1}">${esc(loc.fields.groupTitle(g.group as FieldGroup, out.scenario.priceBase))}</th></tr>`);
    // On paper the flows and the population show medians only (viz/report-css.ts): the year table fits one page.
    const cls = g.group === 'flows' || g.group === 'population' ? ' class="median-only"' : '';
    for (const k of g.keys) body.push(`<tr${cls}><th>${esc(loc.fields.rowLabel(k))}</th>${years.map((_, i) => cell(k, i)).join('')}</tr>`);
    if (g.group === 'capacity' && r.probabilityReachedBy) {
      body.push(`<tr class="prob"><th>${esc(loc.report.probabilityRow())}</th>${years.map((y) => `<td>${esc(loc.fmt.prob(r.probabilityReachedBy[String(y)]).replace(/\s?%$/, ''))}</td>`).join('')}</tr>`);
    }
  }
  const norm = normForSentences(out);
  return `<h3>${esc(r.name)}</h3>
<div class="scroll"><table class="years"><thead><tr><th></th>${years.map((y) => `<th>${y}</th>`).join('')}</tr></thead>
<tbody>${body.join('\n')}</tbody></table></div>
<p class="small">${esc(loc.tables.mcReached(reachedInfo(out, r, norm)))}</p>${observedHtml(r, loc)}`;
}

/** The region's observed figures beside the model (empty when it has none). */
function observedHtml(r: McRegionOutput, loc: Locale): string {
  if (!r.observed?.length) return '';
  const { head, rows } = observedGrid(r.observed, 'monte-carlo', loc);
  return `
<h4>${esc(loc.observed.title(r.name))}</h4>
<table class="list observed"><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead>
<tbody>${rows.map((c) => `<tr>${c.map((x) => `<td>${esc(x)}</td>`).join('')}</tr>`).join('\n')}</tbody></table>
<p class="small">${esc(loc.observed.footnote('monte-carlo', hasNamedDoctor(r.observed)))}</p>`;
}

function overviewTable(out: McRunOutput, loc: Locale): string {
  const first = out.startYear, last = out.endYear;
  const ipde = (v: number | null) => formatCell('inhabitantsPerDoctorEquivalent', v, loc);
  const row = (r: McRegionOutput, total: boolean) => `<tr${total ? ' class="total"' : ''}><th>${esc(r.name)}</th><td>${esc(ipde(r.years.find((y) => y.year === first)?.inhabitantsPerDoctorEquivalent ?? null))}</td><td>${esc((({ med, iv }) => (iv ? `${med} (${iv})` : med))(medianAndInterval(r, last, 'inhabitantsPerDoctorEquivalent', ipde)))}</td><td>${esc(loc.fmt.prob(r.probabilityReachedBy?.[String(last)]))}</td><td>${r.reachedYear ?? MISSING}</td></tr>`;
  return `<table class="overview"><thead><tr><th>${esc(loc.tables.colRegion())}</th><th>${esc(loc.tables.colPerDoctor(first))}</th><th>${esc(loc.tables.colPerDoctor(last))}</th><th>${esc(loc.tables.colProbabilityBy(last))}</th><th>${esc(loc.tables.colMedianReached())}</th></tr></thead>
<tbody>${out.regions.map((r) => row(r, false)).join('\n')}${out.total ? row(out.total, true) : ''}</tbody></table>
<p class="small">${esc(loc.tables.mcOverviewNote(80, last, normForSentences(out)))}</p>`;
}

function appendixSection(out: McRunOutput, loc: Locale): string {
  const parts: string[] = [];
  const many = out.regions.length > MAX_FULL_REGIONS;
  // On paper the overview of many regions gives way to a note (their chart is on the charts page): the total's table fits one page.
  if (many) parts.push(`<div class="screen-only">${overviewTable(out, loc)}</div><p class="small print-only">${esc(loc.report.overviewPrintNote())}</p>`);
  if (!many || !out.total) for (const r of out.regions) parts.push(regionTable(out, r, loc));
  if (out.total && (out.regions.length !== 1 || many)) parts.push(regionTable(out, out.total, loc));
  return `<section class="appendix">
<h2>${esc(loc.report.sectionAppendix())}</h2>
<p class="small">${esc(loc.report.appendixNote())}<span class="print-only"> ${esc(loc.report.appendixPrintNote())}</span></p>
${parts.join('\n')}
</section>`;
}

function reproduceSection(items: ReportScenario[], opts: ReportOptions): string {
  const { loc } = opts;
  const out = items[0].out;
  const dl = (k: string, v: string) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`;
  return `<section class="reproduce">
<h2>${esc(loc.report.sectionReproduce())}</h2>
<p>${esc(loc.report.reproduceIntro())}</p>
<pre class="command">${escRaw(opts.command)}</pre>
<dl>
${items.map((s) => `<dt>${esc(loc.report.metaFile())}</dt><dd>${escRaw(s.file)}</dd>`).join('\n')}
${dl(loc.report.metaRuns(), loc.fmt.int(out.runs))}
${dl(loc.report.metaSeed(), String(out.seed))}
${dl(loc.report.metaEventNoise(), out.eventNoise ? loc.report.on() : loc.report.off())}
${dl(loc.report.metaVersion(), `riktvarde ${out.version}`)}
${dl(loc.report.metaQuantiles(), loc.report.quantileText(out.quantileDefinition))}
${dl(loc.report.metaCharts(), loc.report.chartsBy(opts.vegaVersion))}
</dl>
</section>`;
}

const BOOT = (failed: string) => `(function () {
  var specs = JSON.parse(document.getElementById('riktvarde-specs').textContent);
  Object.keys(specs).forEach(function (id) {
    var el = document.getElementById(id);
    try {
      var view = new vega.View(vega.parse(specs[id]), { renderer: 'svg', container: el, hover: true });
      view.runAsync().then(function () { el.setAttribute('data-rendered', 'true'); })
        .catch(function (e) { el.textContent = ${JSON.stringify(failed)}; console.error(e); });
    } catch (e) { el.textContent = ${JSON.stringify(failed)}; console.error(e); }
  });
})();`;

/** The whole report. */
export function renderReport(items: ReportScenario[], opts: ReportOptions): string {
  if (items.length === 0) throw new RangeError('renderReport needs at least one scenario');
  const { loc } = opts;
  const specs: Record<string, unknown> = {};
  const body: string[] = [];
  const cmp = items.length > 1 ? opts.comparison : undefined;
  if (cmp) {
    if (cmp.scenarios.length !== items.length) throw new RangeError(`the comparison has ${cmp.scenarios.length} scenarios, the report ${items.length}`);
    const spec = compareChart(cmp, loc);
    specs['chart-compare'] = compileSpec({ ...spec, config: { ...(spec.config as Record<string, unknown>), font: BROWSER_FONT } });
    // How to reproduce right under the comparison (it is one command for all the scenarios).
    body.push(comparisonSection(cmp, 'chart-compare', loc), reproduceSection(items, opts));
  }
  items.forEach((s, i) => {
    const region = mainRegion(s.out, opts.region);
    const charts = allCharts(s.out, { loc, region: region.name, font: BROWSER_FONT });
    const ids = charts.map((c) => ({ id: `chart-${i + 1}-${c.name}`, title: String((c.spec.title as { text?: string } | undefined)?.text ?? c.name) }));
    charts.forEach((c, k) => { specs[ids[k].id] = compileSpec(c.spec); });
    const tag = items.length > 1 ? { label: cmp?.scenarios[i].label ?? scenarioLabel(i), id: `scenario-${i + 1}` } : undefined;
    const base = i > 0 && tag ? { label: tag.label, baseLabel: cmp?.scenarios[0].label ?? scenarioLabel(0), assumptions: items[0].assumptions } : undefined;
    body.push(answerSection(s, region, loc, tag), chartsSection(ids, loc));
    // One scenario: how to reproduce under the charts (on paper the foot of the charts page, so
    // that the assumptions and sources have their page); several: under the comparison.
    if (!cmp) body.push(reproduceSection(items, opts));
    body.push(assumptionsSection(s, loc, base));
  });
  // The year tables last: on paper they are the landscape pages at the end.
  body.push(...items.map((s) => appendixSection(s.out, loc)));
  return `<!DOCTYPE html>
<html lang="${loc.report.htmlLang()}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="riktvarde ${esc(items[0].out.version)}">
<title>${esc(loc.report.docTitle(items.map((s) => s.out.scenario.name)))}</title>
<style>${CSS}</style>
</head>
<body>
${body.join('\n')}
<script>${scriptSource(opts.vegaJs)}</script>
<script type="application/json" id="riktvarde-specs">${scriptJson(specs)}</script>
<script>${BOOT(loc.report.chartFailed())}</script>
</body>
</html>
`;
}
