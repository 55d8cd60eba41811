/**
 * The appendix table of a Monte Carlo run (`McRunOutput`): the same layout, rows and grouping
 * as `renderTable` (table.ts), but every cell shows the median over the runs and an interval,
 * e.g. `1 312 (1 240–1 390)`. Plain text, no trailing spaces, never wider than `width`; pure.
 *
 * Decisions:
 * - Interval: 80 % (p10–p90) unless `opts.interval` is 50 (p25–p75) or 90 (p5–p95); the
 *   subtitle under each title names it, with the number of runs and the seed.
 * - A cell shows only the median when the interval's two bounds format to the same text (no
 *   uncertainty at the shown precision), or when the quantiles are missing (flags).
 * - Bounds use the row's own format (`formatCell`: whole numbers, % with one decimal, mnkr with
 *   one decimal, signed net increases). The dash between bounds is a plain en dash, spaced
 *   (`+30 – +60`, `−3 – +5`) when a bound carries a sign, so it cannot be read as a minus.
 * - Rows: `DEFAULT_FIELDS`; a row in `OMIT_WHEN_ZERO` is dropped only when its median AND every
 *   quantile are 0 or missing in every year (a median of 0 can hide a non-zero p90).
 * - Column widths are per year (early years are often narrower: no uncertainty in the base
 *   year). Years are split into the fewest stacked blocks that fit, as even as possible; each
 *   block repeats the label column.
 * - Under each region (and the total): the first year reached, as median, 80 % interval (always
 *   80 %: that is what the output holds) and probability by the horizon, for the 1100/550 rule
 *   and for specialists alone; between them, the probability by milestone years (every year if
 *   they fit on one line, else every 2nd, 3rd … year counted back from the horizon).
 *   Probabilities never print as 0 % or 100 % unless exact (`<1 %`, `>99 %`).
 * - More than `MAX_FULL_REGIONS` regions: an overview (one row per region: median inhabitants
 *   per doctor equivalent in the first and last year with interval, probability reached by the horizon,
 *   median year reached), then the total in full — the same rules as `renderTable`.
 * - Footer: what a cell shows, runs, seed, event noise on/off, the count basis, the version.
 */
import type { FieldGroup, FieldKey } from '../model/fields.js';
import type { McRegionOutput, McRunOutput, McYearRow } from '../model/mcresults.js';
import type { PriceBase } from '../model/results.js';
import type { StatName } from '../model/quantiles.js';
import { MISSING, padLeft, padRight, textWidth, trimLines, truncate, wrapText } from './format.js';
import { mcReachedInfo, type Locale } from './texts/index.js';
import {
  DEFAULT_FIELDS, DEFAULT_WIDTH, formatCell, GAP, inOutput, INDENT, MAX_FULL_REGIONS, normForSentences, OMIT_WHEN_MISSING, OMIT_WHEN_ZERO,
  renderGrid, splitEven, tableRows, takeLines, type GridRow, type Layout,
} from './table.js';
import { pathInfos } from './paths.js';

export type IntervalWidth = 50 | 80 | 90;

export interface McTableOptions {
  /** Maximum line width in columns (default 120). */
  width?: number;
  /** Interval shown in the cells, in percent (default 80: p10–p90). */
  interval?: IntervalWidth;
  /** Rows to show instead of the default set. */
  fields?: FieldKey[];
  /** `bilaga`: the rows and order of Stockholm's appendix (ignored when `fields` is given). */
  layout?: Layout;
}

export const DEFAULT_INTERVAL: IntervalWidth = 80;

/** The quantiles bounding each interval. */
export const INTERVAL_BOUNDS: Readonly<Record<IntervalWidth, readonly [StatName, StatName]>> = {
  50: ['p25', 'p75'],
  80: ['p10', 'p90'],
  90: ['p5', 'p95'],
};

const SIGNED = /^[+\u2212-]/;

function checkInterval(interval: number): IntervalWidth {
  if (interval !== 50 && interval !== 80 && interval !== 90) throw new RangeError(`interval must be 50, 80 or 90, got ${interval}`);
  return interval;
}

/** One cell: `median (lo–hi)`, or the median alone when the bounds format alike or are missing. */
export function formatMcCell(key: FieldKey, row: McYearRow, loc: Locale, interval: IntervalWidth = DEFAULT_INTERVAL): string {
  const med = formatCell(key, row[key], loc);
  const q = row.quantiles?.[key];
  if (!q || med === MISSING) return med;
  const [loKey, hiKey] = INTERVAL_BOUNDS[checkInterval(interval)];
  const lo = formatCell(key, q[loKey], loc);
  const hi = formatCell(key, q[hiKey], loc);
  if (lo === MISSING || hi === MISSING || lo === hi) return med;
  const dash = SIGNED.test(lo) || SIGNED.test(hi) ? ' \u2013 ' : '\u2013';
  return `${med} (${lo}${dash}${hi})`;
}

const zeroOrMissing = (v: number | null | undefined): boolean => v === null || v === undefined || v === 0;

/** True when the median and every quantile of `key` are 0 or missing in every year. */
function mcAllZero(r: McRegionOutput, key: FieldKey): boolean {
  return r.years.every((y) => {
    if (!zeroOrMissing(y[key])) return false;
    const q = y.quantiles?.[key];
    return !q || Object.values(q).every(zeroOrMissing);
  });
}

/** The default rows of a Monte Carlo region (see the file comment for the omit rule). */
export function mcDefaultFields(region: McRegionOutput): FieldKey[] {
  // Capacity in inhabitants with an interval is too wide for a 120-column page; coverage (%) and
  // the specialist gap carry the same information.
  return DEFAULT_FIELDS.filter((k) => k !== 'capacity' && inOutput(region, k) && !(OMIT_WHEN_ZERO.has(k) && mcAllZero(region, k))
    && !(OMIT_WHEN_MISSING.has(k) && region.years.every((y) => y[k] === null)));
}

/**
 * Contiguous blocks of column indices whose widths (each `GAP + w`) fit in `avail`: the fewest
 * blocks (greedy), as even in count as possible when that also fits.
 */
function packBlocks(colW: number[], avail: number): number[][] {
  const idx = colW.map((_, i) => i);
  const cost = (b: number[]) => b.reduce((s, i) => s + GAP + colW[i], 0);
  const greedy: number[][] = [];
  let cur: number[] = [];
  for (const i of idx) {
    if (cur.length > 0 && cost(cur) + GAP + colW[i] > avail) { greedy.push(cur); cur = []; }
    cur.push(i);
  }
  if (cur.length > 0 || greedy.length === 0) greedy.push(cur);
  const even = splitEven(idx, Math.ceil(idx.length / greedy.length));
  return even.length === greedy.length && even.every((b) => cost(b) <= avail) ? even : greedy;
}

/** The year table of one region (lines, without title or sentences). */
function yearBlocks(region: McRegionOutput, loc: Locale, width: number, groups: { group: FieldGroup; keys: FieldKey[] }[], interval: IntervalWidth, priceBase?: PriceBase): string[] {
  const years = region.years.map((y) => y.year);
  type Line = { label: string; cells: string[] | null };
  const lines: Line[] = [];
  for (const g of groups) {
    lines.push({ label: loc.fields.groupTitle(g.group, priceBase), cells: null });
    for (const k of g.keys) lines.push({ label: INDENT + loc.fields.rowLabel(k), cells: region.years.map((y) => formatMcCell(k, y, loc, interval)) });
  }
  const colW = years.map((y, i) => Math.max(4, textWidth(String(y)), ...lines.map((l) => (l.cells ? textWidth(l.cells[i]) : 0))));
  // A cell wider than the whole line (very narrow widths only) is cut.
  const maxCell = Math.max(1, width - GAP - 1);
  for (let i = 0; i < colW.length; i++) colW[i] = Math.min(colW[i], maxCell);
  const widest = Math.max(0, ...colW);
  let labelW = Math.max(0, ...lines.map((l) => textWidth(l.label)));
  if (labelW + GAP + widest > width) labelW = Math.max(1, width - GAP - widest);
  const out: string[] = [];
  for (const block of packBlocks(colW, width - labelW)) {
    if (out.length > 0) out.push('');
    const blockW = labelW + block.reduce((s, i) => s + GAP + colW[i], 0);
    out.push(' '.repeat(labelW) + block.map((i) => ' '.repeat(GAP) + padLeft(String(years[i]), colW[i])).join(''));
    out.push('-'.repeat(Math.min(blockW, width)));
    for (const l of lines) {
      const lab = padRight(truncate(l.label, labelW), labelW);
      out.push(l.cells ? lab + block.map((i) => ' '.repeat(GAP) + padLeft(truncate(l.cells![i], colW[i]), colW[i])).join('') : truncate(l.label, width));
    }
  }
  return out;
}

/** The probability by milestone years on one line: every year if it fits, else every k-th year back from the horizon. */
function milestoneLines(region: McRegionOutput, loc: Locale, width: number): string[] {
  const years = region.years.map((y) => y.year);
  if (years.length === 0) return [];
  const item = (year: number) => ({ year, probability: region.probabilityReachedBy?.[String(year)] });
  for (let step = 1; step <= years.length; step++) {
    const picked: number[] = [];
    for (let i = years.length - 1; i >= 0; i -= step) picked.unshift(years[i]);
    const line = loc.tables.mcMilestones(picked.map(item));
    if (textWidth(line) <= width) return [line];
  }
  return wrapText(loc.tables.mcMilestones([item(years[years.length - 1])]), width);
}

/** Title, subtitle, the verdict (reached sentences), year table and notes of one region (or the total). */
export function renderMcRegion(out: McRunOutput, region: McRegionOutput, loc: Locale, opts: McTableOptions = {}): string[] {
  const width = opts.width ?? DEFAULT_WIDTH;
  const interval = checkInterval(opts.interval ?? DEFAULT_INTERVAL);
  const { rows, costsOmitted } = opts.layout === 'bilaga' && !opts.fields ? tableRows(region, undefined, 'bilaga') : tableRows(region, opts.fields ?? mcDefaultFields(region));
  const norm = normForSentences(out);
  const endYear = region.years.length ? region.years[region.years.length - 1].year : out.endYear;
  const main = mcReachedInfo(region, out.endYear, norm);
  const spec = mcReachedInfo(region, out.endYear, norm, 'specialistsOnly');
  const lines: string[] = [];
  lines.push(...wrapText(loc.tables.title(out.scenario.name, region.name, 'monte-carlo'), width));
  lines.push(...wrapText(loc.tables.mcSubtitle(interval, out.runs, out.seed), width));
  lines.push('');
  // The verdict first: a reader at a terminal sees the answer before the table.
  lines.push(...wrapText(loc.tables.mcReached(main), width));
  lines.push(...milestoneLines(region, loc, width));
  lines.push(...takeLines(region, loc, width));
  lines.push(...wrapText(loc.tables.mcReachedSpecialistsOnly(spec), width));
  lines.push('');
  lines.push(...yearBlocks(region, loc, width, rows, interval, out.scenario.priceBase));
  lines.push('');
  for (const p of pathInfos(region.years, true)) lines.push(...wrapText(loc.tables.path(p), width));
  if (opts.layout === 'bilaga' && !costsOmitted && !opts.fields) lines.push(...wrapText(loc.tables.bilagaCostNote(), width));
  if (costsOmitted) lines.push(...wrapText(loc.tables.costsOmitted(), width));
  return trimLines(lines);
}

/** One row per region (and the total): median inhabitants per doctor equivalent first/last year, probability by the horizon, median year. */
export function renderMcOverview(out: McRunOutput, loc: Locale, width = DEFAULT_WIDTH, interval: IntervalWidth = DEFAULT_INTERVAL): string[] {
  const first = out.startYear, last = out.endYear;
  const at = (r: McRegionOutput, year: number) => r.years.find((y) => y.year === year) ?? null;
  const perDoctor = (r: McRegionOutput, year: number) => {
    const y = at(r, year);
    return y ? formatMcCell('inhabitantsPerDoctorEquivalent', y, loc, interval) : MISSING;
  };
  const row = (r: McRegionOutput): string[] => [
    r.name,
    perDoctor(r, first),
    perDoctor(r, last),
    loc.fmt.prob(r.probabilityReachedBy?.[String(last)]),
    r.reachedYear === null ? MISSING : String(r.reachedYear),
  ];
  const rows: GridRow[] = out.regions.map(row);
  if (out.total) rows.push('rule', row(out.total));
  const headings = [loc.tables.colRegion(), loc.tables.colPerDoctor(first), loc.tables.colPerDoctor(last), loc.tables.colProbabilityBy(last), loc.tables.colMedianReached()];
  return trimLines([
    ...wrapText(loc.tables.overviewTitle(out.scenario.name, 'monte-carlo'), width),
    ...wrapText(loc.tables.mcSubtitle(interval, out.runs, out.seed), width),
    '',
    ...renderGrid(headings, rows, ['l', 'r', 'r', 'r', 'r'], width),
    '',
    ...wrapText(loc.tables.mcOverviewNote(interval, last, normForSentences(out)), width),
  ]);
}

/**
 * The whole Monte Carlo output as printable text (no trailing newline): every region in full and
 * the total last, or — with more than 4 regions — the overview, then the total in full (without
 * a total: the overview, then every region). Footer: what a cell shows; runs, seed, event noise;
 * the count basis; the version.
 */
export function renderMcTable(out: McRunOutput, loc: Locale, opts: McTableOptions = {}): string {
  const width = opts.width ?? DEFAULT_WIDTH;
  const interval = checkInterval(opts.interval ?? DEFAULT_INTERVAL);
  const o = { ...opts, width, interval };
  const sections: string[][] = [];
  const many = out.regions.length > MAX_FULL_REGIONS;
  if (many) sections.push(renderMcOverview(out, loc, width, interval));
  // The total (the headline answer) before the regions it adds up.
  if (out.total && (out.regions.length !== 1 || many)) sections.push(renderMcRegion(out, out.total, loc, o));
  if (!many || !out.total) for (const r of out.regions) sections.push(renderMcRegion(out, r, loc, o));
  sections.push(trimLines([
    ...wrapText(loc.tables.mcCellNote(interval), width),
    ...wrapText(loc.tables.mcFooter(out.runs, out.seed, out.eventNoise), width),
    ...wrapText(loc.tables.countBasis(out.scenario.countBasis), width),
    ...wrapText(loc.tables.footer(out.version), width),
  ]));
  return sections.filter((s) => s.length > 0).map((s) => s.join('\n')).join('\n\n');
}
