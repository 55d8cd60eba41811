/**
 * The appendix table a regional board (nämnd) would print: one column per year, rows grouped
 * under group titles, units in the row labels, right-aligned numbers, plain text (no colour
 * codes, no trailing spaces), never wider than `width`. Years that do not fit are split into
 * stacked blocks, each repeating the label column. Pure: returns a string (no trailing newline).
 *
 * Default rows (`DEFAULT_FIELDS`, in `fields.ts` order, grouped): population, population to cover;
 * specialists (headcount and FTE), other listable specialists, all ST, listable ST; ST starts,
 * dropouts, completions, new specialists staying, net recruitment, retirements, other exits,
 * net increases (specialists, other specialists, ST, listable ST); inhabitants per doctor
 * equivalent (the headline, ≤ the norm exactly when the target is reached) with the verdict
 * (target reached yes/no) and coverage beside it, doctor equivalents, capacity, Tabell 1's
 * inhabitants per doctor (ST as whole doctors), population to cover per specialist FTE,
 * specialist shortfall; cost
 * above base year, net cost increase, cumulative cost. Rows in `OMIT_WHEN_ZERO` are dropped when
 * they are 0 or missing in every year (other specialists, dropouts, recruitment). The cost group
 * is dropped, with a one-line note, when every cost value is missing. `opts.fields` replaces the
 * default set (rows are still grouped; the cost rule still applies).
 *
 * Cells: people and inhabitants as whole numbers (they are fractional expected values; inhabitants
 * per doctor equivalent rounded up, so it shows ≤ the norm exactly when the target is reached), net
 * increases with a sign, coverage in % with one decimal (so 99.6 % is not shown as 100 % in a
 * year the target is missed), costs in million kronor with one decimal.
 */
import { FIELD_DEF, FIELDS, type FieldGroup, type FieldKey } from '../model/fields.js';
import type { PriceBase, RegionOutput, RunOutput } from '../model/results.js';
import type { WhatItWouldTake } from '../model/take.js';
import { MISSING, padLeft, padRight, textWidth, trimLines, truncate, wrapText } from './format.js';
import type { Locale, NormPair } from './texts/index.js';
import { pathInfos } from './paths.js';

export interface TableOptions {
  /** Maximum line width in columns (default 120). */
  width?: number;
  /** Rows to show instead of the default set. */
  fields?: FieldKey[];
  /** `bilaga`: the rows and order of Stockholm's appendix (ignored when `fields` is given). */
  layout?: Layout;
}

export const DEFAULT_WIDTH = 120;

export const DEFAULT_FIELDS: readonly FieldKey[] = [
  'population', 'needWeightedPopulation', 'populationToCover',
  'specialists', 'specialistsFte', 'otherSpecialists', 'st', 'listableSt', 'supervisionFte',
  'stStarts', 'stUnfilledByCap', 'stDropouts', 'stCompletions', 'newSpecialistsStaying', 'recruitment', 'retirements', 'otherExits',
  'netIncreaseSpecialists', 'netIncreaseOtherSpecialists', 'netIncreaseSt', 'netIncreaseListableSt',
  // The headline first, the verdict beside it; Tabell 1's measure as a secondary row.
  'inhabitantsPerDoctorEquivalent', 'reached', 'coverage', 'doctorEquivalents', 'capacity',
  'inhabitantsPerDoctor', 'inhabitantsPerSpecialistFte', 'specialistGap',
  'costIncrease', 'netCostIncrease', 'cumulativeCost',
  'specialistPath', 'specialistPathGap', 'completionsPath', 'completionsPathGap',
];

/** Rows left out when missing in every year (a plan path the scenario does not have). */
export const OMIT_WHEN_MISSING: ReadonlySet<FieldKey> = new Set<FieldKey>([
  'specialistPath', 'specialistPathGap', 'completionsPath', 'completionsPathGap',
]);

/**
 * The layout of Region Stockholm's appendix (bilaga 1, "Underlag för beräkning"): listable GP
 * specialists, other listable specialists and listable ST with the net increase of each, the
 * population, the net cost increase per year and accumulated (fixed prices); then how a plan path
 * is met (the path, the inflows, the gap) and where the region stands against 1100/550 (the
 * headline, coverage, and Tabell 1's measure as a secondary row). Rows
 * missing in every year are left out (`OMIT_WHEN_MISSING` and `OMIT_WHEN_ZERO` as in the full table).
 */
export const BILAGA_ROWS: readonly { group: FieldGroup; keys: readonly FieldKey[] }[] = [
  { group: 'workforce', keys: ['specialists', 'netIncreaseSpecialists', 'otherSpecialists', 'netIncreaseOtherSpecialists', 'listableSt', 'netIncreaseListableSt'] },
  { group: 'population', keys: ['population'] },
  { group: 'cost', keys: ['netCostIncrease', 'costIncrease', 'cumulativeCost'] },
  { group: 'path', keys: ['specialistPath', 'newSpecialistsStaying', 'recruitment', 'retirements', 'otherExits', 'specialistPathGap', 'completionsPath', 'stCompletions', 'completionsPathGap', 'stStarts', 'st'] },
  { group: 'capacity', keys: ['inhabitantsPerDoctorEquivalent', 'coverage', 'inhabitantsPerDoctor'] },
];

/** The rows a table shows: every row (`full`, the default) or the appendix's (`bilaga`). */
export type Layout = 'full' | 'bilaga';

/** Default rows left out when 0 or missing in every year. */
export const OMIT_WHEN_ZERO: ReadonlySet<FieldKey> = new Set<FieldKey>([
  'otherSpecialists', 'netIncreaseOtherSpecialists', 'stDropouts', 'recruitment',
  // Only with a training-capacity rule in the scenario:
  'supervisionFte', 'stUnfilledByCap',
]);

export const GROUP_ORDER: readonly FieldGroup[] = ['population', 'workforce', 'flows', 'path', 'capacity', 'cost'];

const COST_KEYS: readonly FieldKey[] = FIELDS.filter((d) => d.group === 'cost').map((d) => d.key);

/** Columns between table columns. */
export const GAP = 2;
/** Indent of row labels under a group title. */
export const INDENT = '  ';
/** More regions than this: a compact overview plus the total instead of every region in full. */
export const MAX_FULL_REGIONS = 4;

/** One cell of the year table. */
export function formatCell(key: FieldKey, v: number | null, loc: Locale): string {
  if (v === null || !Number.isFinite(v)) return MISSING;
  const def = FIELD_DEF[key];
  switch (def.unit) {
    case 'kr':
    case 'kr/year':
      return key === 'netCostIncrease' ? loc.fmt.signed(v / 1e6, 1) : loc.fmt.num(v / 1e6, 1);
    case 'share':
      return loc.fmt.num(v * 100, 1);
    case 'flag':
      return v ? loc.tables.yes() : loc.tables.no();
    default:
      // Rounded up: with a whole-number norm the shown number is at or under the norm exactly
      // when the target is reached (1 100,4 would otherwise show as 1 100 in a year it is missed).
      if (key === 'inhabitantsPerDoctorEquivalent') return loc.fmt.int(Math.ceil(v));
      return key.startsWith('netIncrease') ? loc.fmt.signed(v, 0) : loc.fmt.int(v);
  }
}

/**
 * The norm named in sentences: the first region's last-year normSpecialist/normSt, or null when
 * any region or year has a different norm (or none is known). Missing norms (the total) are ignored.
 */
export function normForSentences(out: RunOutput): NormPair | null {
  const first = out.regions[0] ?? out.total;
  const last = first?.years[first.years.length - 1];
  if (!last || last.normSpecialist === null || last.normSt === null) return null;
  const n = { specialist: last.normSpecialist, st: last.normSt };
  for (const r of out.regions) {
    for (const y of r.years) {
      if (y.normSpecialist !== null && y.normSpecialist !== n.specialist) return null;
      if (y.normSt !== null && y.normSt !== n.st) return null;
    }
  }
  return n;
}

/** Whether the output has the field at all (age-only fields are written for age-structured demand only). */
export const inOutput = (r: { years: object[] }, key: FieldKey): boolean => r.years.length === 0 || key in r.years[0];
const allZero = (r: RegionOutput, key: FieldKey): boolean => r.years.every((y) => y[key] === null || y[key] === 0);
const allMissing = (r: RegionOutput, key: FieldKey): boolean => r.years.every((y) => y[key] === null);

/** The rows shown for a region, grouped in group order (or the appendix's); and whether costs were left out. */
export function tableRows(region: RegionOutput, fields?: readonly FieldKey[], layout: Layout = 'full'): { rows: { group: FieldGroup; keys: FieldKey[] }[]; costsOmitted: boolean } {
  const shown = (k: FieldKey) => !(OMIT_WHEN_ZERO.has(k) && allZero(region, k)) && !(OMIT_WHEN_MISSING.has(k) && allMissing(region, k));
  const noCosts = COST_KEYS.every((k) => allMissing(region, k));
  if (!fields && layout === 'bilaga') {
    // The appendix's rows stay even when 0 (a net increase of 0 is an answer), except other
    // specialists when the scenario has none, and rows missing in every year.
    const noOthers = allZero(region, 'otherSpecialists');
    const inBilaga = (k: FieldKey) => !allMissing(region, k) && !(noOthers && (k === 'otherSpecialists' || k === 'netIncreaseOtherSpecialists'));
    const rows = BILAGA_ROWS
      .map((g) => ({ group: g.group, keys: g.keys.filter((k) => inBilaga(k) && !(noCosts && FIELD_DEF[k].group === 'cost')) }))
      .filter((g) => g.keys.length > 0);
    return { rows, costsOmitted: noCosts };
  }
  let keys = (fields ? [...fields] : DEFAULT_FIELDS.filter(shown)).filter((k) => inOutput(region, k));
  const costsOmitted = noCosts && keys.some((k) => FIELD_DEF[k].group === 'cost');
  if (noCosts) keys = keys.filter((k) => FIELD_DEF[k].group !== 'cost');
  const rows = GROUP_ORDER
    .map((group) => ({ group, keys: keys.filter((k) => FIELD_DEF[k].group === group) }))
    .filter((g) => g.keys.length > 0);
  return { rows, costsOmitted };
}

/** Splits n items into the fewest blocks of at most `max`, as even as possible. */
export function splitEven<T>(items: T[], max: number): T[][] {
  const nBlocks = Math.max(1, Math.ceil(items.length / Math.max(1, max)));
  const size = Math.ceil(items.length / nBlocks);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The year table of one region (lines, without title or sentences). */
function yearBlocks(region: RegionOutput, loc: Locale, width: number, groups: { group: FieldGroup; keys: FieldKey[] }[], priceBase?: PriceBase): string[] {
  const years = region.years.map((y) => y.year);
  type Line = { label: string; cells: string[] | null };
  const lines: Line[] = [];
  for (const g of groups) {
    lines.push({ label: loc.fields.groupTitle(g.group, priceBase), cells: null });
    for (const k of g.keys) lines.push({ label: INDENT + loc.fields.rowLabel(k), cells: region.years.map((y) => formatCell(k, y[k], loc)) });
  }
  let colW = Math.max(4, ...years.map((y) => textWidth(String(y))));
  for (const l of lines) if (l.cells) for (const c of l.cells) colW = Math.max(colW, textWidth(c));
  let labelW = Math.max(0, ...lines.map((l) => textWidth(l.label)));
  if (labelW + GAP + colW > width) labelW = Math.max(1, width - GAP - colW);
  const perBlock = Math.max(1, Math.floor((width - labelW) / (GAP + colW)));
  const idx = years.map((_, i) => i);
  const out: string[] = [];
  for (const block of splitEven(idx, perBlock)) {
    if (out.length > 0) out.push('');
    const blockW = labelW + block.length * (GAP + colW);
    out.push(' '.repeat(labelW) + block.map((i) => ' '.repeat(GAP) + padLeft(String(years[i]), colW)).join(''));
    out.push('-'.repeat(Math.min(blockW, width)));
    for (const l of lines) {
      const lab = padRight(truncate(l.label, labelW), labelW);
      out.push(l.cells ? lab + block.map((i) => ' '.repeat(GAP) + padLeft(l.cells![i], colW)).join('') : truncate(l.label, width));
    }
  }
  return out;
}

/** "What it would take", right under the verdict (when the region has it), one wrapped sentence each. */
export function takeLines(region: { whatItWouldTake?: WhatItWouldTake | null }, loc: Locale, width: number): string[] {
  const w = region.whatItWouldTake;
  return w ? loc.analysis.take.sentences(w).flatMap((s) => wrapText(s, width)) : [];
}

/** Title, the verdict (reached sentences, what it would take), year table and notes of one region. */
export function renderRegion(out: RunOutput, region: RegionOutput, loc: Locale, opts: TableOptions = {}): string[] {
  const width = opts.width ?? DEFAULT_WIDTH;
  const { rows, costsOmitted } = tableRows(region, opts.fields, opts.layout);
  const lines: string[] = [];
  lines.push(...wrapText(loc.tables.title(out.scenario.name, region.name, out.mode), width));
  lines.push('');
  // The verdict first: a reader at a terminal sees the answer before the table.
  const norm = normForSentences(out);
  const endYear = region.years.length ? region.years[region.years.length - 1].year : out.endYear;
  lines.push(...wrapText(loc.tables.reached({ reachedYear: region.reachedYear, sustainedFrom: region.sustainedFrom, endYear, norm }), width));
  lines.push(...takeLines(region, loc, width));
  lines.push(...wrapText(loc.tables.reachedSpecialistsOnly({ reachedYear: region.reachedYearSpecialistsOnly, sustainedFrom: region.sustainedFromSpecialistsOnly, endYear, norm }), width));
  lines.push('');
  lines.push(...yearBlocks(region, loc, width, rows, out.scenario.priceBase));
  lines.push('');
  for (const p of pathInfos(region.years)) lines.push(...wrapText(loc.tables.path(p), width));
  if (opts.layout === 'bilaga' && !costsOmitted && !opts.fields) lines.push(...wrapText(loc.tables.bilagaCostNote(), width));
  if (costsOmitted) lines.push(...wrapText(loc.tables.costsOmitted(), width));
  const unfilled = region.years.reduce((sum, y) => sum + (y.stUnfilledByCap ?? 0), 0);
  if (unfilled > 0.5) lines.push(...wrapText(loc.tables.unfilledByCap(unfilled), width));
  return trimLines(lines);
}

export type Align = 'l' | 'r';
export type GridRow = string[] | 'rule';

const longestWord = (s: string): number => Math.max(0, ...s.split(/\s+/).map(textWidth));

/**
 * A plain-text grid with wrapped column headings (bottom-aligned), a rule under the headings,
 * and `'rule'` rows as separators. Column widths fit the cells; headings wrap to at most
 * `headerTarget` columns, narrowed until the grid fits `width`; then the first column is cut.
 */
export function renderGrid(headings: string[], rows: GridRow[], align: Align[], width: number, headerTarget = 24): string[] {
  const n = headings.length;
  const cellW = headings.map((_, c) => Math.max(0, ...rows.map((r) => (r === 'rule' ? 0 : textWidth(r[c] ?? '')))));
  const widths = (target: number): number[] =>
    headings.map((h, c) => Math.max(cellW[c], longestWord(h), Math.min(textWidth(h), c === 0 ? Infinity : target)));
  const total = (w: number[]): number => w.reduce((a, b) => a + b, 0) + GAP * (n - 1);
  let target = headerTarget;
  let w = widths(target);
  while (total(w) > width && target > 1) { target--; w = widths(target); }
  if (total(w) > width) w[0] = Math.max(4, w[0] - (total(w) - width));
  const wrapped = headings.map((h, c) => wrapText(h, w[c]));
  // Columns only as wide as their cells and wrapped heading lines.
  w = w.map((x, c) => (c === 0 ? x : Math.max(cellW[c], ...wrapped[c].map(textWidth))));
  const H = Math.max(...wrapped.map((x) => x.length));
  const lines: string[] = [];
  const fmt = (cells: string[]) =>
    cells.map((s, c) => {
      const t = truncate(s, w[c]);
      return align[c] === 'r' ? padLeft(t, w[c]) : padRight(t, w[c]);
    }).join(' '.repeat(GAP));
  for (let i = 0; i < H; i++) lines.push(fmt(wrapped.map((x) => x[i - (H - x.length)] ?? '')));
  const rule = '-'.repeat(Math.min(total(w), width));
  lines.push(rule);
  for (const r of rows) lines.push(r === 'rule' ? rule : fmt(r));
  return trimLines(lines);
}

/** One row per region (and the total): inhabitants per doctor equivalent at start and end, coverage, years. */
export function renderOverview(out: RunOutput, loc: Locale, width = DEFAULT_WIDTH): string[] {
  const first = out.startYear, last = out.endYear;
  const at = (r: RegionOutput, year: number) => r.years.find((y) => y.year === year) ?? null;
  const row = (r: RegionOutput): string[] => [
    r.name,
    formatCell('inhabitantsPerDoctorEquivalent', at(r, first)?.inhabitantsPerDoctorEquivalent ?? null, loc),
    formatCell('inhabitantsPerDoctorEquivalent', at(r, last)?.inhabitantsPerDoctorEquivalent ?? null, loc),
    loc.fmt.pct(at(r, last)?.coverage, 1),
    r.reachedYear === null ? MISSING : String(r.reachedYear),
    r.sustainedFrom === null ? MISSING : String(r.sustainedFrom),
  ];
  const rows: GridRow[] = out.regions.map(row);
  if (out.total) rows.push('rule', row(out.total));
  const headings = [loc.tables.colRegion(), loc.tables.colPerDoctor(first), loc.tables.colPerDoctor(last), loc.tables.colCoverage(last), loc.tables.colReached(), loc.tables.colSustained()];
  return trimLines([
    ...wrapText(loc.tables.overviewTitle(out.scenario.name, out.mode), width),
    '',
    ...renderGrid(headings, rows, ['l', 'r', 'r', 'r', 'r', 'r'], width),
    '',
    ...wrapText(loc.tables.overviewNote(last), width),
  ]);
}

/**
 * The whole output as printable text: every region in full and the total last (blank line
 * between), or — with more than 4 regions — a compact overview, then the total in full (without
 * a total: the overview, then every region in full). Footer: the count basis and the version.
 */
export function renderTable(out: RunOutput, loc: Locale, opts: TableOptions = {}): string {
  const width = opts.width ?? DEFAULT_WIDTH;
  const sections: string[][] = [];
  const many = out.regions.length > MAX_FULL_REGIONS;
  if (many) sections.push(renderOverview(out, loc, width));
  // The total (the headline answer) before the regions it adds up.
  if (out.total && (out.regions.length !== 1 || many)) sections.push(renderRegion(out, out.total, loc, opts));
  if (!many || !out.total) for (const r of out.regions) sections.push(renderRegion(out, r, loc, opts));
  if (out.regions.length === 0 && !out.total) sections.push([]);
  sections.push(trimLines([
    ...wrapText(loc.tables.countBasis(out.scenario.countBasis), width),
    ...wrapText(loc.tables.footer(out.version), width),
  ]));
  return sections.filter((s) => s.length > 0).map((s) => s.join('\n')).join('\n\n');
}
