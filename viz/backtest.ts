/**
 * The output of `backtest`: a table per quantity (points, MAPE, bias, inside 50 % / 80 %), the
 * plain warning when intervals were too narrow, CSV, and a chart (per quantity the model's median
 * with its 50 % and 80 % bands over the years and the observed figures as points). Pure.
 */
import type { BacktestResult } from '../model/backtest.js';
import type { McRunOutput } from '../model/mcresults.js';
import { OBSERVED_FIELD, type ObservedQuantityName } from '../model/observed.js';
import { analysisConfig, type VlSpec } from './charts.js';
import { wrapText } from './format.js';
import { DEFAULT_WIDTH, renderGrid } from './table.js';
import type { Locale } from './texts/index.js';
import { OKABE_ITO } from './sensitivity-charts.js';
import { signedPct } from './observed.js';

export interface BacktestOutput extends BacktestResult { scenario: string }

export function renderBacktestTable(res: BacktestOutput, loc: Locale, width = DEFAULT_WIDTH): string {
  const t = loc.observed;
  const pct = (x: number) => loc.fmt.pct(x, 1);
  const sig = (x: number) => signedPct(x, loc);
  const rows = res.quantities.map((q) => [t.quantity(q.quantity), String(q.n), pct(q.mape), sig(q.bias), pct(q.inside50), pct(q.inside80)]);
  if (res.quantities.length > 1) rows.push([t.totalRow(), String(res.all.n), pct(res.all.mape), sig(res.all.bias), pct(res.all.inside50), pct(res.all.inside80)]);
  const lines = [
    t.backtestTitle(res.scenario, res.baseYear, res.runs),
    ...renderGrid([t.colQuantity(), t.colPoints(), t.colMape(), t.colBias(), t.colInside50(), t.colInside80()], rows, ['l', 'r', 'r', 'r', 'r', 'r'], width),
    ...wrapText(t.backtestNote(), width),
    '',
  ];
  const flagged = res.quantities.filter((q) => q.tooNarrow);
  for (const q of flagged) lines.push(...wrapText(t.tooNarrow(t.quantity(q.quantity), Math.round(q.inside80 * q.n), q.n), width));
  if (res.all.tooNarrow && flagged.length === 0) lines.push(...wrapText(t.tooNarrow(t.totalRow(), Math.round(res.all.inside80 * res.all.n), res.all.n), width));
  if (!res.all.tooNarrow && flagged.length === 0) lines.push(...wrapText(t.allWithin(), width));
  return lines.join('\n') + '\n';
}

export function renderBacktestCsv(res: BacktestOutput): string {
  const head = 'quantity,n,mape,bias,inside50,inside80,p_value_80,too_narrow';
  const rows = [...res.quantities, { quantity: 'all', ...res.all }].map((q) => [q.quantity, q.n, q.mape, q.bias, q.inside50, q.inside80, q.pValue80, q.tooNarrow].join(','));
  return [head, ...rows].join('\n') + '\n';
}

/** One panel per observed quantity: the region's median and 50 %/80 % bands over the years, observed figures as points. */
export function backtestChart(res: BacktestOutput, out: McRunOutput, loc: Locale): VlSpec {
  const t = loc.observed;
  const panels: VlSpec[] = [];
  for (const r of out.regions) {
    const obs = (r.observed ?? []).filter((o) => o.field !== null);
    for (const q of [...new Set(obs.map((o) => o.quantity))]) {
      const field = OBSERVED_FIELD[q as ObservedQuantityName]!;
      const band = r.years.filter((y) => y.quantiles[field]?.p10 != null).map((y) => {
        const s = y.quantiles[field]!;
        return { year: y.year, p10: s.p10, p25: s.p25, p50: s.p50, p75: s.p75, p90: s.p90 };
      });
      const points = obs.filter((o) => o.quantity === q).map((o) => ({ year: o.year, value: o.observed, source: o.source }));
      const x = { field: 'year', type: 'quantitative', title: null, axis: { format: 'd', tickMinStep: 1 } };
      panels.push({
        title: { text: out.regions.length > 1 ? `${t.quantity(q)} — ${r.name}` : t.quantity(q), fontSize: 13 },
        width: 560, height: 160,
        layer: [
          { data: { values: band }, mark: { type: 'area', color: OKABE_ITO.blue, opacity: 0.18 }, encoding: { x, y: { field: 'p10', type: 'quantitative', title: null, scale: { zero: false } }, y2: { field: 'p90' } } },
          { data: { values: band }, mark: { type: 'area', color: OKABE_ITO.blue, opacity: 0.3 }, encoding: { x, y: { field: 'p25', type: 'quantitative' }, y2: { field: 'p75' } } },
          { data: { values: band }, mark: { type: 'line', color: OKABE_ITO.blue, strokeWidth: 2 }, encoding: { x, y: { field: 'p50', type: 'quantitative' } } },
          { data: { values: points }, mark: { type: 'point', filled: true, size: 70, color: OKABE_ITO.orange, stroke: '#000000', strokeWidth: 0.6 }, encoding: { x, y: { field: 'value', type: 'quantitative' }, tooltip: [{ field: 'year' }, { field: 'value' }, { field: 'source' }] } },
        ],
      });
    }
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: t.chartTitle(), subtitle: t.backtestTitle(res.scenario, res.baseYear, res.runs) },
    vconcat: panels,
    config: analysisConfig(loc, {}),
  };
}
