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
 *
 * Modules: charts-base.ts (types, look, data helpers, titles and keys), charts-reached.ts (1–3),
 * charts-workforce.ts (4–5), charts-cost.ts (6), charts-regions.ts (7–8); this file puts them in
 * order and is what the CLI, the report and the what-if page import.
 */
import type { AnyOutput, Chart, ChartOptions } from './charts-base.js';
import { perDoctorChart, probabilityChart, yearReachedChart } from './charts-reached.js';
import { flowsChart, workforceChart } from './charts-workforce.js';
import { costChart } from './charts-cost.js';
import { populationByAgeChart, regionsChart } from './charts-regions.js';

export { analysisConfig, chartRegion, COLORS, DEFAULT_WIDTH, FONT, type AnyOutput, type Chart, type ChartOptions, type VlSpec } from './charts-base.js';
export { costChart, flowsChart, perDoctorChart, populationByAgeChart, probabilityChart, regionsChart, workforceChart, yearReachedChart };

/** Every chart that applies to the output, in order (MC-only charts are left out for a deterministic run). */
export function allCharts(out: AnyOutput, opts: ChartOptions): Chart[] {
  return [perDoctorChart, probabilityChart, yearReachedChart, workforceChart, flowsChart, costChart, regionsChart, populationByAgeChart]
    .map((f) => f(out, opts))
    .filter((c): c is Chart => c !== null);
}

/** File names (without extension) of every chart `allCharts` can make, in order. */
export const CHART_NAMES = ['1-inhabitants-per-doctor', '2-probability-reached', '3-year-reached', '4-workforce', '5-flows', '6-cost', '7-regions', '8-population-by-age'] as const;
