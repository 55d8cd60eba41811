/**
 * The shared parts of the result charts (viz/charts.ts lists them and the decisions they share):
 * the types, the look (font, palette, Vega-Lite config), the data helpers (region, quantiles, norm,
 * year axis), titles with subtitles, and the charts' own keys. Also the look of the analysis charts
 * (`analysisConfig`: compare overlay, sensitivity, backtest).
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
export type AnyRegion = RegionOutput | McRegionOutput;

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
export const HEIGHT = 300;
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
export const DASHES: number[][] = [[], [9, 4], [2, 3]];

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

export const isMc = (out: AnyOutput): out is McRunOutput => out.mode === 'monte-carlo';

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

export const num = (v: number | null | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function stat(row: YearRow | McYearRow, key: FieldKey, s: StatName): number | null {
  const q = (row as McYearRow).quantiles?.[key];
  return q ? num(q[s]) : null;
}

/**
 * The norm per year: the region's own, else (the total) the regions' common value that year;
 * null where unknown or where regions differ.
 */
export function normPerYear(out: AnyOutput, region: AnyRegion): Map<number, number | null> {
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
export function normPair(out: AnyOutput, region: AnyRegion): NormPair | null {
  const spec = new Set<number | null>(), st = new Set<number | null>();
  for (const r of [region, ...out.regions]) for (const y of r.years) {
    if (y.normSpecialist !== null) spec.add(y.normSpecialist);
    if (y.normSt !== null) st.add(y.normSt);
  }
  return spec.size === 1 && st.size === 1 ? { specialist: [...spec][0]!, st: [...st][0]! } : null;
}

/** Room a year label needs on the x axis (four digits at 12 px and a gap), px. */
const YEAR_LABEL_W = 44;

/**
 * Year ticks: every year up to 12 years, else every 2nd (5th beyond 30) counted from the last, so
 * the horizon year is always labelled; in a plot `width` px wide the step grows (2, 5, 10) until
 * the labels fit (vega would otherwise hide every other one, the last year's among them).
 */
function yearTicks(years: number[], width?: number): number[] {
  const fits = (step: number) => width === undefined || Math.ceil(years.length / step) * YEAR_LABEL_W <= width;
  const step = [1, 2, 5, 10].find((s) => s >= (years.length <= 12 ? 1 : years.length <= 30 ? 2 : 5) && fits(s)) ?? 10;
  return years.filter((_, i) => (years.length - 1 - i) % step === 0);
}

export function yearX(years: number[], field = 'year', width?: number): VlSpec {
  return {
    field, type: 'quantitative', title: null,
    scale: { domain: [years[0], years[years.length - 1]], nice: false, zero: false },
    axis: { format: 'd', values: yearTicks(years, width), grid: false, labelFlush: false, tickCount: years.length }, // each label centred on its year
  };
}

// ---------------------------------------------------------------- titles and keys

/** About 7 px per character at 12 px DejaVu Sans: wrap subtitles to the chart's width. */
const CHAR_W = 7;

export function title(main: string, lines: (string | null | undefined)[], width: number): VlSpec {
  const chars = Math.max(40, Math.floor(width / CHAR_W));
  const sub: string[] = [];
  for (const l of lines) if (l) sub.push(...wrapText(l, chars));
  return { text: main, subtitle: sub };
}

export interface KeyItem {
  label: string;
  kind: 'line' | 'band' | 'point' | 'hollow' | 'diamond';
  color: string;
  dash?: number[];
  strokeWidth?: number;
}

const KEY_ROW = 20;
const SWATCH = 26;

/** The chart's own key: a row (or rows) of swatches and labels above the plot area. */
export function keyLayers(items: KeyItem[], width: number): VlSpec[] {
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

export function top(out: AnyOutput, opts: ChartOptions, body: VlSpec): VlSpec {
  return {
    $schema: VL_SCHEMA,
    ...body,
    config: config(opts.loc, opts.font ?? FONT),
  };
}

/** A one-panel chart: its file name, title, subtitle lines and layers, at the chart's width. */
export function layeredChart(name: string, out: AnyOutput, opts: ChartOptions, main: string, lines: (string | null | undefined)[], layers: VlSpec[], height = HEIGHT): Chart {
  const W = opts.width ?? DEFAULT_WIDTH;
  return { name, spec: top(out, opts, { title: title(main, lines, W), width: W, height, layer: layers }) };
}

/** Lines shared by every subtitle: the run and the provenance. */
export function runNote(out: AnyOutput, loc: Locale, kind: 'bands' | 'band80' | 'medians'): string {
  if (!isMc(out)) return loc.charts.deterministicNote();
  if (kind === 'bands') return loc.charts.bandsNote(out.runs, out.seed);
  if (kind === 'band80') return loc.charts.band80Note(out.runs, out.seed);
  return loc.charts.mediansNote(out.runs, out.seed);
}
export const provenance = (out: AnyOutput, loc: Locale) => loc.charts.source(out.scenario.name, out.version);

/** The reached sentence under a title (MC: median, 80 % interval, probability; else the year). */
export function reachedSentence(out: AnyOutput, region: AnyRegion, norm: NormPair | null, loc: Locale): string {
  const endYear = region.years.length ? region.years[region.years.length - 1].year : out.endYear;
  if (isMc(out)) return loc.tables.mcReached(mcReachedInfo(region as McRegionOutput, out.endYear, norm));
  return loc.tables.reached({ reachedYear: region.reachedYear, sustainedFrom: region.sustainedFrom, endYear, norm });
}
