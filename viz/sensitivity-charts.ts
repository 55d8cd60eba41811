/**
 * Sensitivity charts as Vega-Lite specs. Pure: a `SensitivityOutput` in, a spec out; data inline.
 *
 *   tornadoPanel   one outcome: per parameter a bar from the outcome with every parameter at its
 *                  median to the outcome with the parameter at its 10th percentile (blue) and at
 *                  its 90th (orange), side by side; largest swing on top; the base as a rule;
 *                  each bar labelled with its value (no label on a bar of length 0)
 *   prccPanel      PRCC of every parameter with the three outcomes (blue, orange, green), the
 *                  band |PRCC| < noise shaded grey (cannot be told from 0)
 *   sensitivityChart  the figure `--chart-out` writes: the tornado of each outcome that moves
 *                  (year reached, inhabitants per doctor, cumulative cost), then the PRCC panel
 *
 * Colours are Okabe–Ito (blue #0072B2, orange #E69F00, green #009E73): distinct for the common
 * colour-vision deficiencies and in grey print. Labels in sv/en from labels.ts; numbers through a
 * Vega locale (sv `1 100`, decimal comma). A year not reached within the horizon is plotted as
 * the year after it and labelled "efter 2034" / "after 2034".
 */
import { yearNumber, type OutcomeKey, type SensitivityOutput } from '../model/sensitivity.js';
import { analysisConfig, type VlSpec } from './charts.js';
import { wrapText } from './format.js';
import type { Locale } from './texts/index.js';
import { fmtSwungValue, paramName } from './sensitivity.js';

const VL_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
export const OKABE_ITO = { blue: '#0072B2', orange: '#E69F00', green: '#009E73', grey: '#999999' } as const;
const PANEL_WIDTH = 560;
const ROW = 34;

function config(loc: Locale): VlSpec {
  return analysisConfig(loc, { orient: 'top', labelFontSize: 12, titleFontSize: 12, titleFontWeight: 'normal', symbolType: 'square' }, { concat: { spacing: 36 } });
}

/** Outcome value in the unit plotted (years; inhabitants; mnkr). */
function plotted(o: OutcomeKey, v: number | null, endYear: number): number | null {
  if (o === 'firstYearReached') return yearNumber(v, endYear);
  if (v === null || !Number.isFinite(v)) return null;
  return o === 'cumulativeCost' ? v / 1e6 : v * 100;
}

function outcomeTitle(out: SensitivityOutput, o: OutcomeKey, loc: Locale): string {
  if (o === 'firstYearReached') return loc.analysis.sensitivity.outcomeYear(out.norm);
  if (o === 'coverage') return loc.analysis.sensitivity.outcomeCoverage(out.endYear);
  return loc.analysis.sensitivity.outcomeCost(out.endYear);
}

function label(o: OutcomeKey, v: number, endYear: number, loc: Locale): string {
  if (o === 'firstYearReached') return loc.analysis.sensitivity.year(v > endYear ? null : v, endYear);
  return loc.fmt.num(v, 1);
}

/** The axis of an outcome (years: "after 2034" for the year after the horizon). */
function axisOf(o: OutcomeKey, out: SensitivityOutput, loc: Locale): VlSpec {
  if (o !== 'firstYearReached') return { format: o === 'cumulativeCost' ? ',.0f' : ',.0f', tickCount: 6 };
  const after = loc.analysis.sensitivity.year(null, out.endYear).replace(/'/g, "\\'");
  return { format: 'd', tickMinStep: 1, labelExpr: `datum.value > ${out.endYear} ? '${after}' : format(datum.value, 'd')` };
}

/** One tornado panel, or null when no parameter moves the outcome (or it is missing). */
export function tornadoPanel(out: SensitivityOutput, o: OutcomeKey, loc: Locale, showLegend = true): VlSpec | null {
  const end = out.endYear;
  const base = plotted(o, out.oneAtATime.base[o], end);
  if (base === null) return null;
  const rows = out.oneAtATime.rows.map((r) => ({
    r,
    lo: plotted(o, r.atLow[o], end),
    hi: plotted(o, r.atHigh[o], end),
  })).filter((x) => x.lo !== null && x.hi !== null) as { r: (typeof out.oneAtATime.rows)[number]; lo: number; hi: number }[];
  const moved = rows.filter((x) => Math.abs(x.hi - x.lo) > 1e-9 || Math.abs(x.lo - base) > 1e-9);
  if (moved.length === 0) return null;
  const name = (r: { key: string; kind: 'uncertain' | 'fixed' }, lo: number, hi: number) =>
    `${paramName(r, out.oneAtATime.fixedSwing, loc)} (${fmtSwungValue(lo, r.key, out, loc)} – ${fmtSwungValue(hi, r.key, out, loc)})`;
  // Parameters that do not move this outcome at all (e.g. salaries for coverage) are left out of its panel.
  const sorted = [...moved].sort((a, b) => Math.abs(b.hi - b.lo) - Math.abs(a.hi - a.lo) || Math.max(Math.abs(b.lo - base), Math.abs(b.hi - base)) - Math.max(Math.abs(a.lo - base), Math.abs(a.hi - base)));
  const order = sorted.map((x) => name(x.r, x.r.low, x.r.high));
  const lowKey = loc.analysis.sensitivity.keyLow(), highKey = loc.analysis.sensitivity.keyHigh();
  const values = sorted.flatMap((x) => {
    const param = name(x.r, x.r.low, x.r.high);
    return [
      { param, side: lowKey, value: x.lo, base, text: label(o, x.lo, end, loc), right: x.lo >= base },
      { param, side: highKey, value: x.hi, base, text: label(o, x.hi, end, loc), right: x.hi >= base },
    ];
  });
  const title = outcomeTitle(out, o, loc);
  // Padding (px) at both ends of the axis: room for a value label beside a bar that reaches the end of the nice domain (a label such as "4,323.1" at 11 px is ~45 px wide).
  const xEnc = { field: 'value', type: 'quantitative', title, scale: { zero: false, nice: true, padding: 48 }, axis: axisOf(o, out, loc) };
  const yEnc = { field: 'param', type: 'nominal', sort: order, title: null, axis: { labelLimit: 440, labelFontSize: 12 } };
  const yOffset = { field: 'side', type: 'nominal', sort: [lowKey, highKey] };
  const color = {
    field: 'side', type: 'nominal', title: null,
    scale: { domain: [lowKey, highKey], range: [OKABE_ITO.blue, OKABE_ITO.orange] },
    legend: showLegend ? { orient: 'top', direction: 'horizontal', labelLimit: 400 } : null,
  };
  return {
    title: { text: loc.analysis.sensitivity.tornadoTitle(title) },
    width: PANEL_WIDTH,
    height: ROW * sorted.length,
    data: { values },
    layer: [
      { mark: { type: 'bar', height: { band: 0.9 } }, encoding: { y: yEnc, yOffset, x: xEnc, x2: { field: 'base' }, color } },
      { mark: { type: 'rule', color: '#1a1a1a', strokeWidth: 1.5 }, encoding: { x: { datum: base, type: 'quantitative' } } },
      {
        transform: [{ filter: 'datum.right && datum.value != datum.base' }],
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 11, color: '#333333' },
        encoding: { y: yEnc, yOffset, x: { field: 'value', type: 'quantitative' }, text: { field: 'text' } },
      },
      {
        transform: [{ filter: '!datum.right && datum.value != datum.base' }],
        mark: { type: 'text', align: 'right', dx: -4, fontSize: 11, color: '#333333' },
        encoding: { y: yEnc, yOffset, x: { field: 'value', type: 'quantitative' }, text: { field: 'text' } },
      },
    ],
  };
}

/** The PRCC bars, or null when no coefficient is defined. */
export function prccPanel(out: SensitivityOutput, loc: Locale): VlSpec | null {
  const names: Record<OutcomeKey, string> = {
    firstYearReached: loc.analysis.sensitivity.shortYear(),
    coverage: loc.analysis.sensitivity.shortCoverage(out.endYear),
    cumulativeCost: loc.analysis.sensitivity.shortCost(out.endYear),
  };
  const outcomes = (Object.keys(names) as OutcomeKey[]).filter((o) => out.global.rows.some((r) => r.prcc[o] !== null));
  if (outcomes.length === 0) return null;
  const order = out.global.rows.map((r) => loc.analysis.sensitivity.param(r.key));
  const values = out.global.rows.flatMap((r) => outcomes.filter((o) => r.prcc[o] !== null).map((o) => ({
    param: loc.analysis.sensitivity.param(r.key), outcome: names[o], prcc: r.prcc[o], text: loc.fmt.num(r.prcc[o], 2),
  })));
  const palette = [OKABE_ITO.blue, OKABE_ITO.orange, OKABE_ITO.green];
  const all: OutcomeKey[] = ['firstYearReached', 'coverage', 'cumulativeCost'];
  const domain = outcomes.map((o) => names[o]);
  const range = outcomes.map((o) => palette[all.indexOf(o)]);
  const x = { field: 'prcc', type: 'quantitative', title: 'PRCC', scale: { domain: [-1, 1] }, axis: { format: '.1f', values: [-1, -0.5, 0, 0.5, 1] } };
  const y = { field: 'param', type: 'nominal', sort: order, title: null, axis: { labelLimit: 440, labelFontSize: 12 } };
  const yOffset = { field: 'outcome', type: 'nominal', sort: domain };
  const noise = out.global.prccNoise;
  const layers: VlSpec[] = [];
  if (noise !== null) {
    layers.push({ data: { values: [{}] }, mark: { type: 'rect', color: '#e6e6e6' }, encoding: { x: { datum: -noise, type: 'quantitative', scale: { domain: [-1, 1] } }, x2: { datum: noise } } });
  }
  layers.push(
    { mark: { type: 'bar', height: { band: 0.9 } }, encoding: { y, yOffset, x, x2: { datum: 0 }, color: { field: 'outcome', type: 'nominal', title: null, scale: { domain, range }, legend: { orient: 'top', direction: 'horizontal', labelLimit: 400 } } } },
    { data: { values: [{}] }, mark: { type: 'rule', color: '#1a1a1a' }, encoding: { x: { datum: 0, type: 'quantitative' } } },
  );
  const sub = loc.analysis.sensitivity.prccNoiseNote(noise);
  return {
    title: { text: loc.analysis.sensitivity.prccTitle(), ...(sub ? { subtitle: [sub] } : {}) },
    width: PANEL_WIDTH,
    height: Math.max(60, 16 * outcomes.length * out.global.rows.length + 8 * out.global.rows.length),
    data: { values },
    layer: layers,
  };
}

/** The figure behind `--chart-out`: tornados of the outcomes that move, then the PRCC bars. */
export function sensitivityChart(out: SensitivityOutput, loc: Locale): VlSpec {
  const panels: VlSpec[] = [];
  let legend = true;
  for (const o of ['firstYearReached', 'coverage', 'cumulativeCost'] as OutcomeKey[]) {
    const p = tornadoPanel(out, o, loc, legend);
    if (p) { panels.push(p); legend = false; }
  }
  const yearMoves = panels.length > 0 && tornadoPanel(out, 'firstYearReached', loc) !== null;
  const prcc = prccPanel(out, loc);
  if (prcc) panels.push(prcc);
  const chars = Math.floor((PANEL_WIDTH + 440) / 7);
  const subtitle = [loc.analysis.sensitivity.chartSubtitle(), yearMoves ? null : loc.analysis.sensitivity.noYearEffect(out.endYear)]
    .filter((s): s is string => s !== null)
    .flatMap((s) => wrapText(s, chars));
  return {
    $schema: VL_SCHEMA,
    title: { text: loc.analysis.sensitivity.title(out.scenario.name, out.unit), subtitle },
    vconcat: panels,
    resolve: { scale: { color: 'independent', x: 'independent', y: 'independent', yOffset: 'independent' }, legend: { color: 'independent' } },
    config: config(loc),
  };
}
