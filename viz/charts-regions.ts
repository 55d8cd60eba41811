/**
 * Result charts 7–8, where and who: inhabitants per doctor equivalent per region (first and last
 * year), and the inhabitants by age group with the need-weighted population.
 */
import type { McRunOutput } from '../model/mcresults.js';
import { type AnyOutput, type AnyRegion, type Chart, type ChartOptions, chartRegion, COLORS, DASHES, DEFAULT_WIDTH, isMc, type KeyItem, keyLayers, layeredChart, normPair, num, provenance, stat, top, type VlSpec, yearX } from './charts-base.js';

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
  return layeredChart('7-regions', out, opts, loc.charts.regionsTitle(first, last), [
    `${loc.charts.perDoctorDefinition(norm === null ? null : normPair(out, out.regions[0]))} ${out.total ? loc.charts.regionsNote() : ''}`.trim(),
    mc ? loc.charts.regionsRunNote(last, (out as McRunOutput).runs, (out as McRunOutput).seed) : loc.charts.deterministicNote(),
    provenance(out, loc),
  ], layers, Math.max(120, rows.length * 22));
}

function shiftKey(layer: VlSpec, dy: number): VlSpec {
  const enc = { ...(layer.encoding as Record<string, { value: number }>) };
  for (const ch of ['y', 'y2']) if (enc[ch] && typeof enc[ch].value === 'number') enc[ch] = { value: enc[ch].value + dy };
  return { ...layer, encoding: enc };
}

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
  return layeredChart('8-population-by-age', out, opts, loc.charts.populationByAgeTitle(region.name), [loc.charts.populationByAgeNote(), provenance(out, loc)], layers);
}
