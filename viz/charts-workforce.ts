/**
 * Result charts 4–5, the workforce: specialists and ST trainees over the years (with observed
 * figures), and the yearly in- and outflows as diverging bars.
 */
import type { FieldKey } from '../model/fields.js';
import { type AnyOutput, type AnyRegion, type Chart, type ChartOptions, chartRegion, COLORS, DASHES, DEFAULT_WIDTH, isMc, type KeyItem, keyLayers, layeredChart, num, provenance, runNote, stat, title, top, type VlSpec, yearX } from './charts-base.js';
import type { Locale } from './texts/index.js';

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
  return layeredChart('4-workforce', out, opts, loc.charts.workforceTitle(region.name), [runNote(out, loc, 'band80'), provenance(out, loc)], layers);
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
