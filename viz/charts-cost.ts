/**
 * Result chart 6: the cost above the base year, per year and accumulated (mnkr).
 */
import type { FieldKey } from '../model/fields.js';
import { type AnyOutput, type AnyRegion, type Chart, type ChartOptions, chartRegion, COLORS, DEFAULT_WIDTH, isMc, type KeyItem, keyLayers, num, provenance, runNote, stat, title, top, type VlSpec, yearX } from './charts-base.js';
import type { Locale } from './texts/index.js';

// ---------------------------------------------------------------- 6 cost

function costPanel(region: AnyRegion, key: FieldKey, panelTitle: string, loc: Locale, mc: boolean, W: number): VlSpec | null {
  const mkr = (v: number | null) => (v === null ? null : v / 1e6);
  const rows = region.years.map((y) => ({ year: y.year, v: mkr(num(y[key])), lo: mkr(stat(y, key, 'p10')), hi: mkr(stat(y, key, 'p90')) })).filter((r) => r.v !== null);
  if (rows.length === 0) return null;
  const years = region.years.map((y) => y.year);
  const x = yearX(years, 'year', W);
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
      title: title(loc.charts.costTitle(region.name), [`${loc.charts.costNote(base, out.scenario.priceBase)} ${runNote(out, loc, 'band80')}`, provenance(out, loc)], W),
      hconcat: panels,
      spacing: 40,
      resolve: { scale: { y: 'independent' } },
    }),
  };
}
