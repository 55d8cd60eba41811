/**
 * Result charts 1–3, about reaching the norm: inhabitants per doctor equivalent (the headline),
 * the probability of having reached it by each year, and the distribution of the first year reached.
 */
import type { McRegionOutput } from '../model/mcresults.js';
import { mcReachedInfo, reachedButLost } from './texts/index.js';
import { type AnyOutput, type Chart, type ChartOptions, chartRegion, COLORS, DEFAULT_WIDTH, isMc, type KeyItem, keyLayers, layeredChart, normPair, normPerYear, num, provenance, reachedSentence, runNote, stat, top, type VlSpec, yearX } from './charts-base.js';

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
    const lost = lostAfter(out, region, reachedYear);
    const label = mc ? loc.charts.reachedMarker(reachedYear, pair, lost ?? undefined) : loc.charts.reachedMarkerDeterministic(reachedYear, pair, lost ?? undefined);
    const d = { values: [{ year: reachedYear, label }] };
    layers.push({ data: d, mark: { type: 'rule', color: COLORS.marker, strokeWidth: 1.5, strokeDash: [3, 3] }, encoding: { x } });
    layers.push({
      data: d,
      mark: { type: 'text', y: 4, dx: late ? -6 : 6, align: late ? 'right' : 'left', baseline: 'top', fontSize: 12, fontWeight: 'bold', color: COLORS.ink, lineBreak: '\n' },
      encoding: { x, text: { field: 'label' } },
    });
  }
  const key: KeyItem[] = [{ label: mc ? loc.charts.keyMedian() : loc.charts.keyExpected(), kind: 'line', color: COLORS.median, strokeWidth: 3.5 }];
  if (hasBands) {
    key.push({ label: loc.charts.keyBand(50), kind: 'band', color: COLORS.band50 });
    key.push({ label: loc.charts.keyBand(90), kind: 'band', color: COLORS.band90 });
  }
  // The norm when it is the same every year (named in the title and the key), else null.
  const constNorm = new Set(normRows.map((r) => r.norm)).size === 1 ? normRows[0].norm : null;
  if (normRows.length) {
    key.push({ label: loc.charts.keyNorm(constNorm), kind: 'line', color: COLORS.norm, dash: [8, 4], strokeWidth: 2 });
  }
  layers.push(...keyLayers(key, W));
  const lastRow = rows[rows.length - 1];
  return layeredChart('1-inhabitants-per-doctor', out, opts, loc.charts.perDoctorTitle(region.name, constNorm), [
    `${reachedSentence(out, region, pair, loc)} ${loc.charts.coverageNote(lastRow.year, lastRow.coverage, mc)}`,
    `${runNote(out, loc, 'bands')} ${loc.charts.perDoctorDefinition(pair)}`,
    provenance(out, loc),
  ], layers);
}

/**
 * When the target is reached but not held in the last year (an interim norm met at the start, then
 * a stricter one): the first year after `reachedYear` it no longer holds — in a Monte Carlo the first
 * year fewer than half of the runs hold it, with the share holding in the last year, as the verdict
 * (`reachedButLost`) says it. Null: it holds at the end.
 */
function lostAfter(out: AnyOutput, region: ReturnType<typeof chartRegion>, reachedYear: number): { year: number; endYear: number; holdsAtEnd?: number } | null {
  const endYear = region.years[region.years.length - 1].year;
  if (isMc(out)) {
    const r = region as McRegionOutput;
    const info = mcReachedInfo(r, out.endYear, null);
    if (!reachedButLost(info)) return null;
    const year = r.years.find((y) => y.year > reachedYear && (r.probabilityHolds?.[String(y.year)] ?? 1) < 0.5)?.year;
    return year === undefined ? null : { year, endYear, holdsAtEnd: info.holdsAtEnd };
  }
  if (region.years[region.years.length - 1].reached) return null;
  const year = region.years.find((y) => y.year > reachedYear && !y.reached)?.year;
  return year === undefined ? null : { year, endYear };
}

// ---------------------------------------------------------------- 2 probability reached by year

/** A probability from which its label goes under the point (above it, it would run into the key). */
const HIGH = 0.9;

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
    // Labels above their points; near the top (from 90 %) under them, inside the plot, clear of the key above it.
    { data: { values: rows.filter((r) => r.label && r.p < HIGH) }, mark: { type: 'text', dy: -12, fontSize: 12, fontWeight: 'bold', color: COLORS.ink, baseline: 'bottom' }, encoding: { x, y, text: { field: 'label' } } },
    { data: { values: rows.filter((r) => r.label && r.p >= HIGH) }, mark: { type: 'text', dy: 12, fontSize: 12, fontWeight: 'bold', color: COLORS.ink, baseline: 'top' }, encoding: { x, y, text: { field: 'label' } } },
  ];
  layers.push(...keyLayers([
    { label: loc.charts.keyProbability(), kind: 'line', color: COLORS.median, strokeWidth: 3.5 },
    { label: loc.charts.keyGuides(), kind: 'line', color: COLORS.muted, dash: [6, 4], strokeWidth: 1.5 },
  ], W));
  return layeredChart('2-probability-reached', out, opts, loc.charts.probabilityTitle(region.name, pair), [
    reachedSentence(out, region, pair, loc),
    loc.charts.probabilityNote(pair, out.runs, out.seed),
    provenance(out, loc),
  ], layers);
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
    // An empty band sets the "not by" bar apart, and gives its two-line label room beside the last year's.
    { cat: 'gap', share: 0, never: false },
    { cat: 'never', share: dist.never ?? 0, never: true },
  ].map((r) => ({ ...r, label: r.share > 0 ? loc.fmt.prob(r.share) : '' }));
  const notBy = loc.charts.notBy(endYear);
  const x = {
    field: 'cat', type: 'ordinal', title: null,
    scale: { domain: rows.map((r) => r.cat), paddingInner: 0.2, paddingOuter: 0.1 },
    axis: { labelAngle: 0, labelExpr: `datum.value === 'never' ? ${JSON.stringify(notBy)} : datum.value === 'gap' ? '' : datum.label`, ticks: false, labelPadding: 6 },
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
  return layeredChart('3-year-reached', out, opts, loc.charts.distributionTitle(region.name, pair), [
    reachedSentence(out, region, pair, loc),
    loc.charts.distributionNote(endYear, out.runs, out.seed),
    provenance(out, loc),
  ], layers);
}
