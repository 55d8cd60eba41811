/**
 * Results → Vega-Lite specs. Pure functions: a Monte Carlo output (`McRunOutput`, medians and
 * quantiles) or a deterministic one (`RunOutput`: lines without bands) in, `{ name, spec }` out.
 * Data are inline `values` (never `url`), so a spec renders anywhere, offline.
 *
 *   1 inhabitants-per-doctor  median line, 50 % and 90 % bands, the norm (step line if it
 *                             changes), the median year reached marked
 *   2 probability-reached     P(target reached by year) with 50 % and 80 % guides        (MC only)
 *   3 year-reached            distribution of the first year reached, incl. "not by"      (MC only)
 *   4 workforce               specialists, all ST, listable ST (80 % bands)
 *   5 flows                   yearly in- and outflows as diverging bars, specialists and ST
 *   6 cost                    cost above the base year per year and accumulated (mnkr)   (if costs)
 *   7 regions                 inhabitants per doctor per region, first and last year     (≥ 2 regions)
 *   8 population-by-age       inhabitants by age group, stacked, and the need-weighted population
 *                             (median line)                                 (age-structured demand)
 *
 * Decisions (the same in every chart):
 * - Font DejaVu Sans (shipped by `dejavu-fonts-ttf`; render.ts gives resvg exactly that file),
 *   so text measures and renders the same on every machine.
 * - Numbers in the chosen language through a Vega `locale`: sv `1 100` (no-break space),
 *   decimal comma, `58 %`, minus U+2212; en `1,100`, `58%`. Years are integers without a
 *   thousands separator (`format: 'd'`, one tick per year up to 12 years).
 * - Colours: a dark navy median line on light blue bands (three distinct lightnesses, so grey
 *   print keeps them apart); series add dash patterns (solid, long dash, dots); in/outflows are
 *   blue (in) and orange (out), dark and light, and also differ in direction. No red–green pairs.
 * - Keys are drawn by the chart itself (a row of swatches under the subtitle), not Vega-Lite
 *   legends, so a band, a line and a dashed rule can share one key and nothing overlaps the data.
 * - Titles say what is shown and for which region; subtitles say median/bands, runs and seed,
 *   the answer in words where there is one, and the scenario and version.
 * - The charts of one region use the total of a multi-region scenario unless a region is named.
 */
import type { FieldKey } from '../model/fields.js';
import type { McRegionOutput, McRunOutput, McYearRow } from '../model/mcresults.js';
import type { RegionOutput, RunOutput, YearRow } from '../model/results.js';
import type { StatName } from '../model/quantiles.js';
import { wrapText } from './format.js';
import { mcReachedInfo, type Locale, type NormPair } from './texts/index.js';

export type VlSpec = Record<string, unknown>;
export interface Chart { name: string; spec: VlSpec }
export type AnyOutput = RunOutput | McRunOutput;
type AnyRegion = RegionOutput | McRegionOutput;

export interface ChartOptions {
  loc: Locale;
  /** Region (or total) for charts 1–6; default: the total, else the first region. */
  region?: string;
  /** Width of one plot area in pixels (default 640). */
  width?: number;
  /** CSS font family (default DejaVu Sans; the HTML report adds fallbacks). */
  font?: string;
}

export const FONT = 'DejaVu Sans';
export const DEFAULT_WIDTH = 640;
const HEIGHT = 300;
const VL_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Palette; see the file comment. */
export const COLORS = {
  ink: '#1a1a1a',
  muted: '#555555',
  grid: '#e4e4e4',
  median: '#0b3c73',
  band50: '#7fa7d1',
  band90: '#cfe0f1',
  norm: '#1a1a1a',
  marker: '#555555',
  never: '#9a9a9a',
  series: ['#0b3c73', '#e69f00', '#009e73'],
  seriesBand: ['#0b3c73', '#e69f00', '#009e73'],
  inDark: '#0b3c73',
  inLight: '#8db9e0',
  outDark: '#c85200',
  outLight: '#f6b77a',
} as const;
const DASHES: number[][] = [[], [9, 4], [2, 3]];

/**
 * Shared look of the analysis charts (compare overlay, sensitivity tornado/PRCC), which keep a
 * legend; `legend` and `extra` are their own parts.
 */
export function analysisConfig(loc: Locale, legend: VlSpec, extra: VlSpec = {}): VlSpec {
  return {
    font: FONT,
    background: 'white',
    locale: { number: loc.charts.numberLocale() },
    padding: 12,
    view: { stroke: null },
    title: { anchor: 'start', fontSize: 16, fontWeight: 'bold', subtitleFontSize: 12, subtitleColor: '#333333', subtitleLineHeight: 16, offset: 12 },
    axis: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: 'normal', labelColor: '#222222', titleColor: '#222222', gridColor: '#e4e4e4' },
    legend,
    ...extra,
  };
}

function config(loc: Locale, font: string): VlSpec {
  return {
    font,
    background: 'white',
    locale: { number: loc.charts.numberLocale() },
    view: { stroke: null },
    padding: 12,
    title: { anchor: 'start', fontSize: 17, fontWeight: 'bold', color: COLORS.ink, subtitleFontSize: 12, subtitleColor: '#333333', subtitlePadding: 6, subtitleLineHeight: 16, offset: 14 },
    axis: {
      labelFontSize: 12, titleFontSize: 12, titleFontWeight: 'normal', labelColor: '#222222', titleColor: '#222222',
      gridColor: COLORS.grid, domainColor: '#888888', tickColor: '#888888', titlePadding: 10,
    },
    legend: { disable: true },
    text: { font, fontSize: 12, color: COLORS.ink },
  };
}

// ---------------------------------------------------------------- data helpers

const isMc = (out: AnyOutput): out is McRunOutput => out.mode === 'monte-carlo';

/** The region (or total) the single-region charts are about. */
export function chartRegion(out: AnyOutput, name?: string): AnyRegion {
  const all: AnyRegion[] = [...out.regions, ...(out.total ? [out.total] : [])];
  if (name !== undefined) {
    const r = all.find((x) => x.name === name);
    if (!r) throw new RangeError(`no region named '${name}'; the scenario has: ${all.map((x) => x.name).join(', ')}`);
    return r;
  }
  return out.total ?? out.regions[0];
}

const num = (v: number | null | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function stat(row: YearRow | McYearRow, key: FieldKey, s: StatName): number | null {
  const q = (row as McYearRow).quantiles?.[key];
  return q ? num(q[s]) : null;
}

/**
 * The norm per year: the region's own, else (the total) the regions' common value that year;
 * null where unknown or where regions differ.
 */
function normPerYear(out: AnyOutput, region: AnyRegion): Map<number, number | null> {
  const m = new Map<number, number | null>();
  for (const y of region.years) {
    let n = num(y.normSpecialist);
    if (n === null) {
      const vals = out.regions.map((r) => num(r.years.find((x) => x.year === y.year)?.normSpecialist));
      n = vals.length > 0 && vals.every((v) => v !== null && v === vals[0]) ? vals[0] : null;
    }
    m.set(y.year, n);
  }
  return m;
}

/** The norm pair named in texts: constant over the years and regions, else null. */
function normPair(out: AnyOutput, region: AnyRegion): NormPair | null {
  const spec = new Set<number | null>(), st = new Set<number | null>();
  for (const r of [region, ...out.regions]) for (const y of r.years) {
    if (y.normSpecialist !== null) spec.add(y.normSpecialist);
    if (y.normSt !== null) st.add(y.normSt);
  }
  return spec.size === 1 && st.size === 1 ? { specialist: [...spec][0]!, st: [...st][0]! } : null;
}

/** Year ticks: every year up to 12 years, else every 2nd (5th beyond 30) counted from the last. */
function yearTicks(years: number[]): number[] {
  const step = years.length <= 12 ? 1 : years.length <= 30 ? 2 : 5;
  return years.filter((_, i) => (years.length - 1 - i) % step === 0);
}

function yearX(years: number[], field = 'year'): VlSpec {
  return {
    field, type: 'quantitative', title: null,
    scale: { domain: [years[0], years[years.length - 1]], nice: false, zero: false },
    axis: { format: 'd', values: yearTicks(years), grid: false, labelFlush: true, tickCount: years.length },
  };
}

// ---------------------------------------------------------------- titles and keys

/** About 7 px per character at 12 px DejaVu Sans: wrap subtitles to the chart's width. */
const CHAR_W = 7;

function title(main: string, lines: (string | null | undefined)[], width: number): VlSpec {
  const chars = Math.max(40, Math.floor(width / CHAR_W));
  const sub: string[] = [];
  for (const l of lines) if (l) sub.push(...wrapText(l, chars));
  return { text: main, subtitle: sub };
}

interface KeyItem {
  label: string;
  kind: 'line' | 'band' | 'point' | 'hollow' | 'diamond';
  color: string;
  dash?: number[];
  strokeWidth?: number;
}

const KEY_ROW = 20;
const SWATCH = 26;

/** The chart's own key: a row (or rows) of swatches and labels above the plot area. */
function keyLayers(items: KeyItem[], width: number): VlSpec[] {
  const placed: { it: KeyItem; x: number; row: number }[] = [];
  let x = 0, row = 0;
  for (const it of items) {
    const w = SWATCH + 7 + Math.ceil([...it.label].length * CHAR_W);
    if (x > 0 && x + w > width) { x = 0; row++; }
    placed.push({ it, x, row });
    x += w + 22;
  }
  const rows = row + 1;
  const one = { values: [{}] };
  const layers: VlSpec[] = [];
  for (const p of placed) {
    const y = -16 - (rows - 1 - p.row) * KEY_ROW;
    const x0 = p.x;
    const it = p.it;
    const at = (x: number, yy: number) => ({ x: { value: x }, y: { value: yy } });
    let layer: VlSpec;
    switch (it.kind) {
      case 'line':
        layer = {
          mark: { type: 'rule', stroke: it.color, strokeWidth: it.strokeWidth ?? 3, ...(it.dash?.length ? { strokeDash: it.dash } : {}) },
          encoding: { ...at(x0, y), x2: { value: x0 + SWATCH }, y2: { value: y } },
        };
        break;
      case 'band':
        layer = { mark: { type: 'rect', fill: it.color }, encoding: { ...at(x0, y - 7), x2: { value: x0 + SWATCH }, y2: { value: y + 7 } } };
        break;
      case 'point':
        layer = { mark: { type: 'point', shape: 'circle', filled: true, fill: it.color, stroke: it.color, size: 70, opacity: 1 }, encoding: at(x0 + SWATCH / 2, y) };
        break;
      case 'hollow':
        layer = { mark: { type: 'point', shape: 'circle', filled: false, stroke: it.color, strokeWidth: 2, size: 70, opacity: 1 }, encoding: at(x0 + SWATCH / 2, y) };
        break;
      case 'diamond':
        layer = { mark: { type: 'point', shape: 'diamond', filled: true, fill: 'white', stroke: it.color, strokeWidth: 2, size: 120, opacity: 1 }, encoding: at(x0 + SWATCH / 2, y) };
        break;
    }
    layers.push({ data: one, ...layer });
    layers.push({
      data: one,
      mark: { type: 'text', text: it.label, align: 'left', baseline: 'middle', fontSize: 12, color: COLORS.ink },
      encoding: at(x0 + SWATCH + 7, y),
    });
  }
  return layers;
}

function top(out: AnyOutput, opts: ChartOptions, body: VlSpec): VlSpec {
  return {
    $schema: VL_SCHEMA,
    ...body,
    config: config(opts.loc, opts.font ?? FONT),
  };
}

/** Lines shared by every subtitle: the run and the provenance. */
function runNote(out: AnyOutput, loc: Locale, kind: 'bands' | 'band80' | 'medians'): string {
  if (!isMc(out)) return loc.charts.deterministicNote();
  if (kind === 'bands') return loc.charts.bandsNote(out.runs, out.seed);
  if (kind === 'band80') return loc.charts.band80Note(out.runs, out.seed);
  return loc.charts.mediansNote(out.runs, out.seed);
}
const provenance = (out: AnyOutput, loc: Locale) => loc.charts.source(out.scenario.name, out.version);

/** The reached sentence under a title (MC: median, 80 % interval, probability; else the year). */
function reachedSentence(out: AnyOutput, region: AnyRegion, norm: NormPair | null, loc: Locale): string {
  const endYear = region.years.length ? region.years[region.years.length - 1].year : out.endYear;
  if (isMc(out)) return loc.tables.mcReached(mcReachedInfo(region as McRegionOutput, out.endYear, norm));
  return loc.tables.reached({ reachedYear: region.reachedYear, sustainedFrom: region.sustainedFrom, endYear, norm });
}

// ---------------------------------------------------------------- 1 inhabitants per doctor equivalent (the headline)

export function perDoctorChart(out: AnyOutput, opts: ChartOptions): Chart | null {
  const { loc } = opts;
  const W = opts.width ?? DEFAULT_WIDTH;
  const region = chartRegion(out, opts.region);
  const mc = isMc(out);
  const norms = normPerYear(out, region);
  const pair = normPair(out, region);
  const rows = region.years
    .map((y) => ({
      year: y.year,
      median: num(y.inhabitantsPerDoctorEquivalent),
      p5: stat(y, 'inhabitantsPerDoctorEquivalent', 'p5'), p25: stat(y, 'inhabitantsPerDoctorEquivalent', 'p25'),
      p75: stat(y, 'inhabitantsPerDoctorEquivalent', 'p75'), p95: stat(y, 'inhabitantsPerDoctorEquivalent', 'p95'),
      coverage: num(y.coverage),
      norm: norms.get(y.year) ?? null,
    }))
    .filter((r) => r.median !== null);
  if (rows.length === 0) return null;
  const years = region.years.map((y) => y.year);
  const values = { values: rows };
  const x = yearX(years);
  // Domain: data, bands and norm, padded so the norm line never lies on the axis.
  const all = rows.flatMap((r) => [r.median, r.p5, r.p95, r.norm]).filter((v): v is number => v !== null);
  const lo = Math.min(...all), hi = Math.max(...all), pad = Math.max(1, (hi - lo) * 0.08);
  const yEnc = { field: 'median', type: 'quantitative', title: loc.charts.perDoctorAxis(), scale: { domain: [Math.max(0, lo - pad), hi + pad], zero: false, nice: true }, axis: { format: ',.0f', tickCount: 6 } };
  const layers: VlSpec[] = [];
  const hasBands = mc && rows.some((r) => r.p5 !== null);
  if (hasBands) {
    layers.push({ data: values, mark: { type: 'area', color: COLORS.band90, opacity: 1 }, encoding: { x, y: { ...yEnc, field: 'p5' }, y2: { field: 'p95' } } });
    layers.push({ data: values, mark: { type: 'area', color: COLORS.band50, opacity: 1 }, encoding: { x, y: { ...yEnc, field: 'p25' }, y2: { field: 'p75' } } });
  }
  const normRows = rows.filter((r) => r.norm !== null);
  if (normRows.length) {
    layers.push({
      data: { values: normRows },
      mark: { type: 'line', interpolate: 'step-after', color: COLORS.norm, strokeWidth: 2, strokeDash: [8, 4] },
      encoding: { x, y: { ...yEnc, field: 'norm' } },
    });
  }
  const yearT = loc.charts.yearTooltip();
  layers.push({ data: values, mark: { type: 'line', color: COLORS.median, strokeWidth: 3.5 }, encoding: { x, y: yEnc } });
  layers.push({
    data: values,
    mark: { type: 'point', filled: true, color: COLORS.median, size: 36, opacity: 1 },
    encoding: {
      x, y: yEnc,
      tooltip: [
        { field: 'year', type: 'quantitative', title: yearT, format: 'd' },
        { field: 'median', type: 'quantitative', title: mc ? loc.charts.keyMedian() : loc.charts.keyExpected(), format: ',.0f' },
        ...(hasBands ? [{ field: 'p5', type: 'quantitative', title: 'p5', format: ',.0f' }, { field: 'p95', type: 'quantitative', title: 'p95', format: ',.0f' }] : []),
        { field: 'coverage', type: 'quantitative', title: loc.fields.label('coverage'), format: '.1%' },
      ],
    },
  });
  // The (median) year reached: a vertical rule with its label at the top of the plot.
  const reachedYear = region.reachedYear;
  if (reachedYear !== null && years.includes(reachedYear)) {
    const late = (reachedYear - years[0]) / Math.max(1, years[years.length - 1] - years[0]) > 0.6;
    const label = mc ? loc.charts.reachedMarker(reachedYear, pair) : loc.charts.reachedMarkerDeterministic(reachedYear, pair);
    const d = { values: [{ year: reachedYear, label }] };
    layers.push({ data: d, mark: { type: 'rule', color: COLORS.marker, strokeWidth: 1.5, strokeDash: [3, 3] }, encoding: { x } });
    layers.push({
      data: d,
      mark: { type: 'text', y: 4, dx: late ? -6 : 6, align: late ? 'right' : 'left', baseline: 'top', fontSize: 12, fontWeight: 'bold', color: COLORS.ink },
      encoding: { x, text: { field: 'label' } },
    });
  }
  const key: KeyItem[] = [{ label: mc ? loc.charts.keyMedian() : loc.charts.keyExpected(), kind: 'line', color: COLORS.median, strokeWidth: 3.5 }];
  if (hasBands) {
    key.push({ label: loc.charts.keyBand(50), kind: 'band', color: COLORS.band50 });
    key.push({ label: loc.charts.keyBand(90), kind: 'band', color: COLORS.band90 });
  }
  if (normRows.length) {
    const constant = new Set(normRows.map((r) => r.norm)).size === 1 ? normRows[0].norm : null;
    key.push({ label: loc.charts.keyNorm(constant), kind: 'line', color: COLORS.norm, dash: [8, 4], strokeWidth: 2 });
  }
  layers.push(...keyLayers(key, W));
  const lastRow = rows[rows.length - 1];
  const constNorm = new Set(normRows.map((r) => r.norm)).size === 1 ? normRows[0]?.norm ?? null : null;
  return {
    name: '1-inhabitants-per-doctor',
    spec: top(out, opts, {
      title: title(loc.charts.perDoctorTitle(region.name, constNorm), [
        `${reachedSentence(out, region, pair, loc)} ${loc.charts.coverageNote(lastRow.year, lastRow.coverage, mc)}`,
        `${runNote(out, loc, 'bands')} ${loc.charts.perDoctorDefinition(pair)}`,
        provenance(out, loc),
      ], W),
      width: W,
      height: HEIGHT,
      layer: layers,
    }),
  };
}

// ---------------------------------------------------------------- 2 probability reached by year

export function probabilityChart(out: AnyOutput, opts: ChartOptions): Chart | null {
  if (!isMc(out)) return null;
  const { loc } = opts;
  const W = opts.width ?? DEFAULT_WIDTH;
  const region = chartRegion(out, opts.region) as McRegionOutput;
  if (!region.probabilityReachedBy) return null;
  const pair = normPair(out, region);
  const years = region.years.map((y) => y.year);
  let lastShown = -1;
  const rows = years.map((year, i) => {
    const p = region.probabilityReachedBy[String(year)] ?? 0;
    // Label a point when it is the last one or has moved at least 5 points since the last label.
    const show = i === years.length - 1 || (p > 0 && (lastShown < 0 || Math.abs(p - lastShown) >= 0.05));
    if (show) lastShown = p;
    return { year, p, label: show ? loc.fmt.prob(p) : '' };
  });
  const x = yearX(years);
  const y = { field: 'p', type: 'quantitative', title: loc.charts.probabilityAxis(), scale: { domain: [0, 1], nice: false }, axis: { format: '.0%', values: [0, 0.2, 0.4, 0.5, 0.6, 0.8, 1] } };
  const guides = { values: [{ g: 0.5, label: loc.fmt.prob(0.5) }, { g: 0.8, label: loc.fmt.prob(0.8) }] };
  const values = { values: rows };
  const layers: VlSpec[] = [
    { data: guides, mark: { type: 'rule', color: COLORS.muted, strokeWidth: 1.5, strokeDash: [6, 4] }, encoding: { y: { ...y, field: 'g' } } },
    { data: values, mark: { type: 'area', color: COLORS.band90, opacity: 1 }, encoding: { x, y } },
    { data: values, mark: { type: 'line', color: COLORS.median, strokeWidth: 3.5 }, encoding: { x, y } },
    {
      data: values,
      mark: { type: 'point', filled: true, color: COLORS.median, size: 40, opacity: 1 },
      encoding: { x, y, tooltip: [{ field: 'year', type: 'quantitative', title: loc.charts.yearTooltip(), format: 'd' }, { field: 'p', type: 'quantitative', title: loc.charts.probabilityAxis(), format: '.1%' }] },
    },
    { data: values, mark: { type: 'text', dy: -12, fontSize: 12, fontWeight: 'bold', color: COLORS.ink, baseline: 'bottom' }, encoding: { x, y, text: { field: 'label' } } },
  ];
  layers.push(...keyLayers([
    { label: loc.charts.keyProbability(), kind: 'line', color: COLORS.median, strokeWidth: 3.5 },
    { label: loc.charts.keyGuides(), kind: 'line', color: COLORS.muted, dash: [6, 4], strokeWidth: 1.5 },
  ], W));
  return {
    name: '2-probability-reached',
    spec: top(out, opts, {
      title: title(loc.charts.probabilityTitle(region.name, pair), [
        reachedSentence(out, region, pair, loc),
        loc.charts.probabilityNote(pair, out.runs, out.seed),
        provenance(out, loc),
      ], W),
      width: W,
      height: HEIGHT,
      layer: layers,
    }),
  };
}

// ---------------------------------------------------------------- 3 first year reached

export function yearReachedChart(out: AnyOutput, opts: ChartOptions): Chart | null {
  if (!isMc(out)) return null;
  const { loc } = opts;
  const W = opts.width ?? DEFAULT_WIDTH;
  const region = chartRegion(out, opts.region) as McRegionOutput;
  const dist = region.reachedYearDistribution;
  if (!dist) return null;
  const pair = normPair(out, region);
  const years = region.years.map((y) => y.year);
  const endYear = years[years.length - 1];
  const rows = [
    ...years.map((year) => ({ cat: String(year), share: dist[String(year)] ?? 0, never: false })),
    { cat: 'never', share: dist.never ?? 0, never: true },
  ].map((r) => ({ ...r, label: r.share > 0 ? loc.fmt.prob(r.share) : '' }));
  const notBy = loc.charts.notBy(endYear);
  const x = {
    field: 'cat', type: 'ordinal', title: null,
    scale: { domain: rows.map((r) => r.cat), paddingInner: 0.2, paddingOuter: 0.1 },
    axis: { labelAngle: 0, labelExpr: `datum.value === 'never' ? ${JSON.stringify(notBy)} : datum.label`, ticks: false, labelPadding: 6 },
  };
  // Headroom above the tallest bar for its label (so a 100 % bar's label stays clear of the top).
  const yMax = Math.max(0.1, Math.min(1.1, Math.ceil(Math.max(...rows.map((r) => r.share)) * 10 + 0.5) / 10));
  const ticks = [0, 0.2, 0.4, 0.6, 0.8, 1].filter((t) => t <= yMax + 1e-9);
  const y = { field: 'share', type: 'quantitative', title: loc.charts.shareAxis(), scale: { domain: [0, yMax], nice: false }, axis: { format: '.0%', ...(yMax > 0.4 ? { values: ticks } : { tickCount: 5 }) } };
  const values = { values: rows };
  const layers: VlSpec[] = [
    {
      data: values,
      mark: { type: 'bar' },
      encoding: {
        x, y,
        color: { condition: { test: 'datum.never', value: COLORS.never }, value: COLORS.median },
        tooltip: [{ field: 'cat', type: 'nominal', title: loc.charts.yearTooltip() }, { field: 'share', type: 'quantitative', title: loc.charts.shareAxis(), format: '.1%' }],
      },
    },
    { data: values, mark: { type: 'text', dy: -4, baseline: 'bottom', fontSize: 12, color: COLORS.ink }, encoding: { x, y, text: { field: 'label' } } },
  ];
  layers.push(...keyLayers([
    { label: loc.charts.keyFirstYear(), kind: 'band', color: COLORS.median },
    { label: loc.charts.keyNotBy(endYear), kind: 'band', color: COLORS.never },
  ], W));
  return {
    name: '3-year-reached',
    spec: top(out, opts, {
      title: title(loc.charts.distributionTitle(region.name, pair), [
        reachedSentence(out, region, pair, loc),
        loc.charts.distributionNote(endYear, out.runs, out.seed),
        provenance(out, loc),
      ], W),
      width: W,
      height: HEIGHT,
      layer: layers,
    }),
  };
}

// ---------------------------------------------------------------- 4 workforce

const WORKFORCE: FieldKey[] = ['specialists', 'st', 'listableSt'];

export function workforceChart(out: AnyOutput, opts: ChartOptions): Chart | null {
  const { loc } = opts;
  const W = opts.width ?? DEFAULT_WIDTH;
  const region = chartRegion(out, opts.region);
  const mc = isMc(out);
  const years = region.years.map((y) => y.year);
  const names = WORKFORCE.map((k) => loc.charts.seriesLabel(k));
  const rows = region.years.flatMap((y) => WORKFORCE.map((k, i) => ({
    year: y.year, series: names[i], v: num(y[k]), lo: stat(y, k, 'p10'), hi: stat(y, k, 'p90'),
  }))).filter((r) => r.v !== null);
  if (rows.length === 0) return null;
  const x = yearX(years);
  const y = { field: 'v', type: 'quantitative', title: loc.charts.headcountAxis(), scale: { zero: true, nice: true }, axis: { format: ',.0f', tickCount: 6 } };
  const color = { field: 'series', type: 'nominal', scale: { domain: names, range: [...COLORS.series] }, legend: null };
  const dash = { field: 'series', type: 'nominal', scale: { domain: names, range: DASHES }, legend: null };
  const values = { values: rows };
  const layers: VlSpec[] = [];
  const hasBands = mc && rows.some((r) => r.lo !== null && r.hi !== null && r.hi - r.lo > 0);
  if (hasBands) {
    layers.push({ data: values, mark: { type: 'area', opacity: 0.18 }, encoding: { x, y: { ...y, field: 'lo' }, y2: { field: 'hi' }, color: { ...color, scale: { domain: names, range: [...COLORS.seriesBand] } }, detail: { field: 'series' } } });
  }
  layers.push({ data: values, mark: { type: 'line', strokeWidth: 3 }, encoding: { x, y, color, strokeDash: dash } });
  layers.push({
    data: values,
    mark: { type: 'point', filled: true, size: 22, opacity: 1 },
    encoding: {
      x, y, color, shape: { value: 'circle' },
      tooltip: [
        { field: 'series', type: 'nominal', title: ' ' },
        { field: 'year', type: 'quantitative', title: loc.charts.yearTooltip(), format: 'd' },
        { field: 'v', type: 'quantitative', title: mc ? loc.charts.keyMedian() : loc.charts.keyExpected(), format: ',.0f' },
      ],
    },
  });
  // Observed figures (the scenario's `observed:` block) as outlined diamonds on their lines.
  const obs = observedPoints(region, WORKFORCE, names);
  if (obs.length) layers.push(observedLayer(obs, x, y, color, loc));
  const key: KeyItem[] = names.map((n, i) => ({ label: n, kind: 'line' as const, color: COLORS.series[i], dash: DASHES[i], strokeWidth: 3 }));
  if (obs.length) key.push({ label: loc.observed.colObserved(), kind: 'diamond', color: COLORS.ink });
  layers.push(...keyLayers(key, W));
  return {
    name: '4-workforce',
    spec: top(out, opts, {
      title: title(loc.charts.workforceTitle(region.name), [runNote(out, loc, 'band80'), provenance(out, loc)], W),
      width: W,
      height: HEIGHT,
      layer: layers,
    }),
  };
}


/** The region's observed figures of `keys` as chart rows (`series`: the key's label in `names`; `sign` per key). */
function observedPoints(region: AnyRegion, keys: FieldKey[], names: string[], sign: (k: FieldKey) => number = () => 1) {
  return (region.observed ?? []).filter((o) => o.field !== null && keys.includes(o.field))
    .map((o) => ({ year: o.year, series: names[keys.indexOf(o.field!)], v: sign(o.field!) * o.observed, observed: o.observed, source: o.source }));
}

function observedLayer(rows: ReturnType<typeof observedPoints>, x: VlSpec, y: VlSpec, color: VlSpec | null, loc: Locale): VlSpec {
  return {
    data: { values: rows },
    mark: { type: 'point', shape: 'diamond', filled: true, size: 130, stroke: COLORS.ink, strokeWidth: 1.5, opacity: 1, ...(color ? {} : { fill: 'white' }) },
    encoding: {
      x, y, ...(color ? { color } : {}),
      tooltip: [
        { field: 'series', type: 'nominal', title: ' ' },
        { field: 'year', type: 'ordinal', title: loc.charts.yearTooltip() },
        { field: 'observed', type: 'quantitative', title: loc.observed.colObserved(), format: ',.0f' },
        { field: 'source', type: 'nominal', title: loc.observed.colSource() },
      ],
    },
  };
}

// ---------------------------------------------------------------- 5 flows

interface FlowDef { key: FieldKey; sign: 1 | -1; color: string }

const SPEC_FLOWS: FlowDef[] = [
  { key: 'newSpecialistsStaying', sign: 1, color: COLORS.inDark },
  { key: 'recruitment', sign: 1, color: COLORS.inLight },
  { key: 'retirements', sign: -1, color: COLORS.outDark },
  { key: 'otherExits', sign: -1, color: COLORS.outLight },
];
const ST_FLOWS: FlowDef[] = [
  { key: 'stStarts', sign: 1, color: COLORS.inDark },
  { key: 'stCompletions', sign: -1, color: COLORS.outLight },
  { key: 'stDropouts', sign: -1, color: COLORS.outDark },
];

function flowPanel(region: AnyRegion, defs: FlowDef[], netKey: FieldKey, panelTitle: string, loc: Locale, W: number): VlSpec | null {
  const used = defs.filter((d) => region.years.some((y) => (num(y[d.key]) ?? 0) !== 0));
  if (used.length === 0) return null;
  const years = region.years.map((y) => y.year).filter((yr) => region.years.some((y) => y.year === yr && used.some((d) => num(y[d.key]) !== null)));
  const names = used.map((d) => loc.charts.seriesLabel(d.key));
  const rows = region.years.flatMap((y) => used.map((d, i) => ({ year: y.year, flow: names[i], order: i, v: num(y[d.key]) === null ? null : d.sign * (y[d.key] as number) })))
    .filter((r) => r.v !== null);
  const net = region.years.map((y) => ({ year: y.year, v: num(y[netKey]) })).filter((r) => r.v !== null);
  const x = { field: 'year', type: 'ordinal', title: null, scale: { domain: years, paddingInner: 0.25 }, axis: { labelAngle: 0, ticks: false, labelPadding: 6 } };
  const y = { field: 'v', type: 'quantitative', title: loc.charts.flowsAxis(), axis: { format: ',.0f', tickCount: 6 } };
  const layers: VlSpec[] = [
    {
      data: { values: rows },
      mark: { type: 'bar' },
      encoding: {
        x, y,
        color: { field: 'flow', type: 'nominal', scale: { domain: names, range: used.map((d) => d.color) }, legend: null },
        order: { field: 'order', type: 'quantitative' },
        tooltip: [{ field: 'flow', type: 'nominal', title: ' ' }, { field: 'year', type: 'ordinal', title: loc.charts.yearTooltip() }, { field: 'v', type: 'quantitative', title: ' ', format: ',.0f' }],
      },
    },
    { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: COLORS.ink, strokeWidth: 1 }, encoding: { y: { field: 'zero', type: 'quantitative' } } },
  ];
  if (net.length) {
    layers.push({
      data: { values: net },
      mark: { type: 'point', shape: 'diamond', filled: true, fill: 'white', stroke: COLORS.ink, strokeWidth: 2, size: 120, opacity: 1 },
      encoding: { x, y, tooltip: [{ field: 'year', type: 'ordinal', title: loc.charts.yearTooltip() }, { field: 'v', type: 'quantitative', title: loc.charts.keyNetChange(), format: ',.0f' }] },
    });
  }
  const obs = observedPoints(region, used.map((d) => d.key), names, (k) => used.find((d) => d.key === k)!.sign)
    .filter((o) => years.includes(o.year));
  if (obs.length) layers.push(observedLayer(obs, x, y, null, loc));
  const key: KeyItem[] = used.map((d, i) => ({ label: names[i], kind: 'band' as const, color: d.color }));
  if (net.length) key.push({ label: loc.charts.keyNetChange(), kind: 'diamond', color: COLORS.ink });
  if (obs.length) key.push({ label: loc.observed.colObserved(), kind: 'diamond', color: COLORS.ink });
  layers.push(...keyLayers(key, W));
  return {
    title: { text: panelTitle, fontSize: 14, anchor: 'start', frame: 'group', offset: 8 },
    width: W,
    height: 200,
    layer: layers,
  };
}

export function flowsChart(out: AnyOutput, opts: ChartOptions): Chart | null {
  const { loc } = opts;
  const W = opts.width ?? DEFAULT_WIDTH;
  const region = chartRegion(out, opts.region);
  const panels = [
    flowPanel(region, SPEC_FLOWS, 'netIncreaseSpecialists', loc.charts.flowsSpecialistsPanel(), loc, W),
    flowPanel(region, ST_FLOWS, 'netIncreaseSt', loc.charts.flowsStPanel(), loc, W),
  ].filter((p): p is VlSpec => p !== null);
  if (panels.length === 0) return null;
  return {
    name: '5-flows',
    spec: top(out, opts, {
      title: title(loc.charts.flowsTitle(region.name), [`${loc.charts.flowsNote()} ${runNote(out, loc, 'medians')}`, provenance(out, loc)], W),
      vconcat: panels,
      spacing: 28,
      resolve: { scale: { color: 'independent', y: 'independent' } },
    }),
  };
}

// ---------------------------------------------------------------- 6 cost

function costPanel(region: AnyRegion, key: FieldKey, panelTitle: string, loc: Locale, mc: boolean, W: number): VlSpec | null {
  const mkr = (v: number | null) => (v === null ? null : v / 1e6);
  const rows = region.years.map((y) => ({ year: y.year, v: mkr(num(y[key])), lo: mkr(stat(y, key, 'p10')), hi: mkr(stat(y, key, 'p90')) })).filter((r) => r.v !== null);
  if (rows.length === 0) return null;
  const years = region.years.map((y) => y.year);
  const x = yearX(years);
  const y = { field: 'v', type: 'quantitative', title: loc.charts.costAxis(), scale: { zero: true, nice: true }, axis: { format: ',.0f', tickCount: 6 } };
  const values = { values: rows };
  const layers: VlSpec[] = [];
  const hasBand = mc && rows.some((r) => r.lo !== null && r.hi !== null && r.hi !== r.lo);
  if (hasBand) layers.push({ data: values, mark: { type: 'area', color: COLORS.band90, opacity: 1 }, encoding: { x, y: { ...y, field: 'lo' }, y2: { field: 'hi' } } });
  layers.push({ data: values, mark: { type: 'line', color: COLORS.median, strokeWidth: 3 }, encoding: { x, y } });
  layers.push({
    data: values,
    mark: { type: 'point', filled: true, color: COLORS.median, size: 30, opacity: 1 },
    encoding: {
      x, y,
      tooltip: [
        { field: 'year', type: 'quantitative', title: loc.charts.yearTooltip(), format: 'd' },
        { field: 'v', type: 'quantitative', title: mc ? loc.charts.keyMedian() : loc.charts.keyExpected(), format: ',.1f' },
        ...(hasBand ? [{ field: 'lo', type: 'quantitative', title: 'p10', format: ',.1f' }, { field: 'hi', type: 'quantitative', title: 'p90', format: ',.1f' }] : []),
      ],
    },
  });
  // The last value, written at the end of the line.
  const last = rows[rows.length - 1];
  layers.push({
    data: { values: [{ year: last.year, v: last.v, label: last.v === null ? '' : loc.charts.mkrShort(last.v) }] },
    mark: { type: 'text', align: 'right', dx: -2, dy: -12, baseline: 'bottom', fontSize: 12, fontWeight: 'bold', color: COLORS.ink },
    encoding: { x, y, text: { field: 'label' } },
  });
  const keyItems: KeyItem[] = [{ label: mc ? loc.charts.keyMedian() : loc.charts.keyExpected(), kind: 'line', color: COLORS.median, strokeWidth: 3 }];
  if (hasBand) keyItems.push({ label: loc.charts.keyInterval(80), kind: 'band', color: COLORS.band90 });
  layers.push(...keyLayers(keyItems, W));
  return { title: { text: panelTitle, fontSize: 14, anchor: 'start', frame: 'group', offset: 8 }, width: W, height: 240, layer: layers };
}

export function costChart(out: AnyOutput, opts: ChartOptions): Chart | null {
  const { loc } = opts;
  const W = opts.width ?? DEFAULT_WIDTH;
  const region = chartRegion(out, opts.region);
  const mc = isMc(out);
  const half = Math.floor((W - 40) / 2);
  const panels = [
    costPanel(region, 'costIncrease', loc.charts.costPerYearPanel(), loc, mc, half),
    costPanel(region, 'cumulativeCost', loc.charts.costCumulativePanel(), loc, mc, half),
  ].filter((p): p is VlSpec => p !== null);
  if (panels.length === 0) return null;
  const base = region.years.find((y) => y.costIncrease === 0)?.year ?? region.years[0].year;
  return {
    name: '6-cost',
    spec: top(out, opts, {
      title: title(loc.charts.costTitle(region.name), [`${loc.charts.costNote(base)} ${runNote(out, loc, 'band80')}`, provenance(out, loc)], W),
      hconcat: panels,
      spacing: 40,
      resolve: { scale: { y: 'independent' } },
    }),
  };
}

// ---------------------------------------------------------------- 7 regions

export function regionsChart(out: AnyOutput, opts: ChartOptions): Chart | null {
  if (out.regions.length < 2) return null;
  const { loc } = opts;
  const W = opts.width ?? DEFAULT_WIDTH;
  const mc = isMc(out);
  const first = out.startYear, last = out.endYear;
  const at = (r: AnyRegion, year: number) => r.years.find((y) => y.year === year);
  const row = (r: AnyRegion, isTotal: boolean) => {
    const a = at(r, first), b = at(r, last);
    return {
      name: r.name, isTotal,
      start: num(a?.inhabitantsPerDoctorEquivalent), end: num(b?.inhabitantsPerDoctorEquivalent),
      lo: b ? stat(b, 'inhabitantsPerDoctorEquivalent', 'p10') : null, hi: b ? stat(b, 'inhabitantsPerDoctorEquivalent', 'p90') : null,
    };
  };
  const regs = out.regions.map((r) => row(r, false)).filter((r) => r.start !== null && r.end !== null);
  regs.sort((a, b) => (b.end! - a.end!) || a.name.localeCompare(b.name, 'sv'));
  const rows = [...regs, ...(out.total ? [row(out.total, true)] : [])];
  const order = rows.map((r) => r.name);
  const y = {
    field: 'name', type: 'nominal', title: null, sort: order, scale: { domain: order, paddingInner: 0.3 },
    axis: { labelFontSize: 12, ticks: false, labelPadding: 8, domain: false, labelFontWeight: out.total ? { condition: { test: `datum.value === ${JSON.stringify(out.total.name)}`, value: 'bold' }, value: 'normal' } : 'normal' },
  };
  const x = { field: 'end', type: 'quantitative', title: null, scale: { zero: false, nice: true }, axis: { format: ',.0f', tickCount: 6, orient: 'top' } };
  const values = { values: rows };
  const norms = new Set(out.regions.flatMap((r) => r.years.map((yr) => yr.normSpecialist)).filter((v): v is number => v !== null));
  const norm = norms.size === 1 ? [...norms][0] : null;
  const layers: VlSpec[] = [];
  if (norm !== null) {
    layers.push({ data: { values: [{ end: norm }] }, mark: { type: 'rule', color: COLORS.norm, strokeWidth: 2, strokeDash: [8, 4] }, encoding: { x } });
  }
  layers.push({ data: values, mark: { type: 'rule', color: '#9a9a9a', strokeWidth: 1.5 }, encoding: { y, x: { ...x, field: 'start' }, x2: { field: 'end' } } });
  const hasBand = mc && rows.some((r) => r.lo !== null && r.hi !== null);
  if (hasBand) layers.push({ data: values, mark: { type: 'rule', color: COLORS.band50, strokeWidth: 6, opacity: 0.8 }, encoding: { y, x: { ...x, field: 'lo' }, x2: { field: 'hi' } } });
  const tip = [
    { field: 'name', type: 'nominal', title: ' ' },
    { field: 'start', type: 'quantitative', title: String(first), format: ',.0f' },
    { field: 'end', type: 'quantitative', title: mc ? loc.charts.keyYearMedian(last) : String(last), format: ',.0f' },
  ];
  layers.push({ data: values, mark: { type: 'point', shape: 'circle', filled: false, color: '#6b6b6b', strokeWidth: 2, size: 70, opacity: 1 }, encoding: { y, x: { ...x, field: 'start' }, tooltip: tip } });
  layers.push({ data: values, mark: { type: 'point', shape: 'circle', filled: true, color: COLORS.median, size: 80, opacity: 1 }, encoding: { y, x, tooltip: tip } });
  const key: KeyItem[] = [
    { label: loc.charts.keyYear(first), kind: 'hollow', color: '#6b6b6b' },
    { label: mc ? loc.charts.keyYearMedian(last) : loc.charts.keyYear(last), kind: 'point', color: COLORS.median },
  ];
  if (hasBand) key.push({ label: loc.charts.keyInterval(80), kind: 'line', color: COLORS.band50, strokeWidth: 6 });
  if (norm !== null) key.push({ label: loc.charts.keyNorm(norm), kind: 'line', color: COLORS.norm, dash: [8, 4], strokeWidth: 2 });
  // The key sits above the top axis: push it up by the axis' height.
  layers.push(...keyLayers(key, W).map((l) => shiftKey(l, -30)));
  return {
    name: '7-regions',
    spec: top(out, opts, {
      title: title(loc.charts.regionsTitle(first, last), [
        `${loc.charts.perDoctorDefinition(norm === null ? null : normPair(out, out.regions[0]))} ${out.total ? loc.charts.regionsNote() : ''}`.trim(),
        mc ? loc.charts.regionsRunNote(last, (out as McRunOutput).runs, (out as McRunOutput).seed) : loc.charts.deterministicNote(),
        provenance(out, loc),
      ], W),
      width: W,
      height: Math.max(120, rows.length * 22),
      layer: layers,
    }),
  };
}

function shiftKey(layer: VlSpec, dy: number): VlSpec {
  const enc = { ...(layer.encoding as Record<string, { value: number }>) };
  for (const ch of ['y', 'y2']) if (enc[ch] && typeof enc[ch].value === 'number') enc[ch] = { value: enc[ch].value + dy };
  return { ...layer, encoding: enc };
}

// ---------------------------------------------------------------- all

// ---------------------------------------------------------------- 8 population by age

/** Inhabitants by age group over the years (stacked areas) with the need-weighted population as a line. */
export function populationByAgeChart(out: AnyOutput, opts: ChartOptions): Chart | null {
  const { loc } = opts;
  const W = opts.width ?? DEFAULT_WIDTH;
  const region = chartRegion(out, opts.region);
  const groups = region.ageGroups;
  if (!groups || groups.length === 0) return null;
  const years = region.years.map((y) => y.year);
  const names = groups.map((g) => g.group);
  // Youngest at the bottom; light to dark blue with age, so the old groups stand out.
  const ramp = ['#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c', '#08306b'];
  const colors = names.map((_, i) => ramp[Math.round((i * (ramp.length - 1)) / Math.max(1, names.length - 1))]);
  const rows = groups.flatMap((g, k) => years.map((year, t) => ({ year, group: g.group, order: k, v: g.population[t] })));
  const need = region.years.map((y) => ({ year: y.year, v: num(y.needWeightedPopulation) })).filter((r) => r.v !== null);
  const x = yearX(years);
  const y = { field: 'v', type: 'quantitative', title: loc.charts.inhabitantsAxis(), stack: 'zero', scale: { zero: true, nice: true }, axis: { format: ',.0f', tickCount: 6 } };
  const layers: VlSpec[] = [
    {
      data: { values: rows },
      mark: { type: 'area', opacity: 0.9 },
      encoding: {
        x, y, order: { field: 'order', type: 'quantitative' },
        color: { field: 'group', type: 'nominal', scale: { domain: names, range: colors }, legend: null },
        tooltip: [
          { field: 'group', type: 'nominal', title: ' ' },
          { field: 'year', type: 'quantitative', title: loc.charts.yearTooltip(), format: 'd' },
          { field: 'v', type: 'quantitative', title: loc.charts.inhabitantsAxis(), format: ',.0f' },
        ],
      },
    },
    { data: { values: need }, mark: { type: 'line', strokeWidth: 3, color: COLORS.series[1], strokeDash: DASHES[1] }, encoding: { x, y: { ...y, stack: null } } },
  ];
  layers.push(...keyLayers([
    ...names.map((n, i) => ({ label: n, kind: 'band' as const, color: colors[i] })),
    { label: loc.charts.keyNeedWeighted(), kind: 'line' as const, color: COLORS.series[1], dash: DASHES[1], strokeWidth: 3 },
  ], W));
  return {
    name: '8-population-by-age',
    spec: top(out, opts, {
      title: title(loc.charts.populationByAgeTitle(region.name), [loc.charts.populationByAgeNote(), provenance(out, loc)], W),
      width: W,
      height: HEIGHT,
      layer: layers,
    }),
  };
}

/** Every chart that applies to the output, in order (MC-only charts are left out for a deterministic run). */
export function allCharts(out: AnyOutput, opts: ChartOptions): Chart[] {
  return [perDoctorChart, probabilityChart, yearReachedChart, workforceChart, flowsChart, costChart, regionsChart, populationByAgeChart]
    .map((f) => f(out, opts))
    .filter((c): c is Chart => c !== null);
}

/** File names (without extension) of every chart `allCharts` can make, in order. */
export const CHART_NAMES = ['1-inhabitants-per-doctor', '2-probability-reached', '3-year-reached', '4-workforce', '5-flows', '6-cost', '7-regions', '8-population-by-age'] as const;
