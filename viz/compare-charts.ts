/**
 * The overlay chart of `riktvarde compare`: inhabitants per doctor equivalent per year (the headline), one median line and
 * one 80 % band per scenario, with the specialist norm(s) as dashed rules. Pure: a
 * `CompareResult` in, a Vega-Lite spec out; data inline.
 *
 * Scenarios are told apart by colour (Okabe–Ito, colour-blind safe) and by dash pattern (so a
 * grey print still separates them); the legend names each as "A: name".
 */
import type { CompareResult, CompareScenario } from '../model/compare.js';
import { analysisConfig, type VlSpec } from './charts.js';
import { wrapText } from './format.js';
import type { Locale, NormPair } from './texts/index.js';

const VL_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
/** Okabe–Ito: blue, orange, green, vermillion, reddish purple, sky blue, yellow, black. */
export const SCENARIO_COLORS = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#F0E442', '#000000'];
const DASHES = [[1, 0], [8, 4], [2, 3], [12, 3, 2, 3], [4, 4], [1, 0], [8, 4], [2, 3]];
const WIDTH = 640, HEIGHT = 320;

/** The scenario's norm pair when it is the same in its first and last year, else null. */
function pairOf(s: CompareScenario): NormPair | null {
  const a = s.norm.first, b = s.norm.last;
  return a.specialist !== null && a.st !== null && a.specialist === b.specialist && a.st === b.st ? { specialist: a.specialist, st: a.st } : null;
}

export function compareChart(res: CompareResult, loc: Locale): VlSpec {
  const names = res.scenarios.map((s) => `${s.label}: ${s.name}`);
  const values = res.scenarios.flatMap((s, i) => s.inhabitantsPerDoctorEquivalentByYear
    .filter((y) => y.median !== null)
    .map((y) => ({ scenario: names[i], year: y.year, median: y.median, p10: y.p10 ?? y.median, p90: y.p90 ?? y.median })));
  const years = values.map((v) => v.year);
  const y0 = Math.min(...years), y1 = Math.max(...years);
  const colors = names.map((_, i) => SCENARIO_COLORS[i % SCENARIO_COLORS.length]);
  const dashes = names.map((_, i) => DASHES[i % DASHES.length]);
  const color = { field: 'scenario', type: 'nominal', title: null, scale: { domain: names, range: colors }, legend: { orient: 'bottom', direction: 'vertical', labelLimit: 720, symbolType: 'stroke', symbolStrokeWidth: 3, symbolOpacity: 1, symbolSize: 400 } };
  const x = { field: 'year', type: 'quantitative', title: null, scale: { domain: [y0, y1], nice: false, zero: false }, axis: { format: 'd', tickMinStep: 1, grid: false } };
  const y = { field: 'median', type: 'quantitative', title: loc.charts.perDoctorAxis(), scale: { zero: false, nice: true }, axis: { format: ',.0f', tickCount: 6 } };
  const norms = [...new Set(res.scenarios.flatMap((s) => [s.norm.first.specialist, s.norm.last.specialist]).filter((n): n is number => n !== null))].sort((a, b) => a - b);
  // Every layer uses the same colour encoding (one merged legend; a `legend: null` in one layer conflicts).
  const fill = color;
  const layers: VlSpec[] = [
    { mark: { type: 'area', opacity: 0.18 }, encoding: { x, y: { ...y, field: 'p10' }, y2: { field: 'p90' }, fill } },
    {
      mark: { type: 'line', strokeWidth: 3 },
      encoding: {
        x, y, color,
        strokeDash: { field: 'scenario', type: 'nominal', title: null, scale: { domain: names, range: dashes }, legend: color.legend },
      },
    },
    {
      mark: { type: 'point', filled: true, size: 30, opacity: 1 },
      encoding: {
        x, y, fill,
        tooltip: [
          { field: 'scenario', type: 'nominal', title: 'Scenario' },
          { field: 'year', type: 'quantitative', title: loc.charts.yearTooltip(), format: 'd' },
          { field: 'median', type: 'quantitative', title: 'Median', format: ',.0f' },
          { field: 'p10', type: 'quantitative', title: 'p10', format: ',.0f' },
          { field: 'p90', type: 'quantitative', title: 'p90', format: ',.0f' },
        ],
      },
    },
  ];
  // Each scenario's median year reached: a thin rule in its colour, labelled at the top.
  const marks = res.scenarios.map((s, i) => ({ s, i })).filter(({ s }) => s.reachedYear.median !== null)
    .map(({ s, i }, k) => ({
      scenario: names[i], year: s.reachedYear.median!, row: k,
      label: `${s.label}: ${loc.charts.reachedMarker(s.reachedYear.median!, pairOf(s))}`,
    }));
  if (marks.length) {
    layers.push({ data: { values: marks }, mark: { type: 'rule', strokeWidth: 1.5, strokeDash: [3, 3] }, encoding: { x: { field: 'year', type: 'quantitative' }, color } });
    // Labels right of their rule, or left of it in the last 40 % of the years (so they stay inside).
    for (const late of [false, true]) {
      layers.push({
        data: { values: marks },
        transform: [{ calculate: 'datum.row * 16 + 4', as: 'py' }, { filter: `${late ? '' : '!'}(datum.year - ${y0} > ${0.6 * (y1 - y0)})` }],
        mark: { type: 'text', align: late ? 'right' : 'left', baseline: 'top', dx: late ? -5 : 5, fontSize: 12, fontWeight: 'bold' },
        encoding: { x: { field: 'year', type: 'quantitative' }, y: { field: 'py', type: 'quantitative', scale: null, axis: null }, text: { field: 'label' }, fill },
      });
    }
  }
  if (norms.length) {
    const d = { values: norms.map((n) => ({ norm: n, label: loc.analysis.compare.keyNorm(n) })) };
    layers.push({ data: d, mark: { type: 'rule', color: '#1a1a1a', strokeWidth: 1.5, strokeDash: [6, 4] }, encoding: { y: { field: 'norm', type: 'quantitative' } } });
    layers.push({ data: d, mark: { type: 'text', align: 'right', baseline: 'bottom', dy: -3, x: WIDTH - 4, fontSize: 12, color: '#1a1a1a' }, encoding: { y: { field: 'norm', type: 'quantitative' }, text: { field: 'label' } } });
  }
  // The line is inhabitants per doctor equivalent: under the norm line exactly when the target is reached.
  const common = new Set(res.scenarios.map((s) => JSON.stringify(pairOf(s)))).size === 1 ? pairOf(res.scenarios[0]) : null;
  const subtitle = [loc.analysis.compare.chartSubtitle(res.runs, res.seed), loc.charts.perDoctorDefinition(common)]
    .flatMap((x) => wrapText(x, Math.floor(WIDTH / 7)));
  return {
    $schema: VL_SCHEMA,
    title: { text: loc.analysis.compare.chartTitle(), subtitle },
    width: WIDTH,
    height: HEIGHT,
    data: { values },
    layer: layers,
    config: analysisConfig(loc, { labelFontSize: 12 }),
  };
}
