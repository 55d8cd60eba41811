/**
 * Socialstyrelsen's Tabell 1 layout, for a multi-region output restricted to one year: one row
 * per region, the total, and optionally the published national row beside the computed sum.
 * If the output has several years, the last year is used.
 *
 *   count         = specialists + listable ("available") ST trainees (unrounded)
 *   perSpecialist = round(population / count)
 *   diff1100      = perSpecialist − 1100
 *   col55         = round(0.55 × population / count)   (from unrounded values, as Tabell 1)
 *
 * Rounding is `Math.round`. Counts are printed as whole numbers.
 */
import type { RegionOutput, RunOutput } from '../model/results.js';
import { trimLines, wrapText } from './format.js';
import { texts, type Locale } from './texts/index.js';
import { DEFAULT_WIDTH, renderGrid, type GridRow } from './table.js';

export interface Tabell1Reported {
  /** Published national count of specialists incl. available ST trainees. */
  headcountInclListableSt?: number;
  /** Published national population (defaults to the computed sum). */
  population?: number;
}

export interface Tabell1Row {
  name: string;
  kind: 'region' | 'total' | 'published';
  count: number;
  population: number;
  perSpecialist: number;
  diff1100: number;
  col55: number;
}

function makeRow(name: string, kind: Tabell1Row['kind'], count: number, population: number): Tabell1Row {
  const perSpecialist = Math.round(population / count);
  return {
    name,
    kind,
    count,
    population,
    perSpecialist,
    diff1100: perSpecialist - 1100,
    col55: Math.round((0.55 * population) / count),
  };
}

/** The year shown: the output's last year. */
function yearIndex(out: RunOutput): number {
  const r = out.regions[0] ?? out.total;
  return r ? r.years.length - 1 : -1;
}

function regionRow(r: RegionOutput, t: number, name: string, kind: Tabell1Row['kind']): Tabell1Row {
  const y = r.years[t];
  const num = (x: number | null | undefined) => (x === null || x === undefined ? NaN : x);
  return makeRow(name, kind, num(y?.specialists) + num(y?.listableSt), num(y?.population));
}

/**
 * The rows' numbers: regions, then the total (the output's total, or the sum of the regions when
 * there are several and no total), then the published national row if `reported` has a count.
 */
export function tabell1Rows(out: RunOutput, reported?: Tabell1Reported | null, loc: Locale = texts('sv')): Tabell1Row[] {
  const t = yearIndex(out);
  if (t < 0) return [];
  const rows = out.regions.map((r) => regionRow(r, t, r.name, 'region'));
  const published = reported && typeof reported.headcountInclListableSt === 'number' ? reported.headcountInclListableSt : null;
  let total: Tabell1Row | null = null;
  if (out.total && out.regions.length !== 1) {
    total = regionRow(out.total, t, out.total.name + (published !== null ? loc.tables.tabell1SumSuffix() : ''), 'total');
  } else if (out.regions.length > 1) {
    total = makeRow(loc.tables.tabell1SumName(), 'total', rows.reduce((a, r) => a + r.count, 0), rows.reduce((a, r) => a + r.population, 0));
  }
  if (total) rows.push(total);
  if (published !== null) {
    const pop = reported?.population ?? total?.population ?? rows.reduce((a, r) => a + r.population, 0);
    rows.push(makeRow(loc.tables.tabell1PublishedName(), 'published', published, pop));
  }
  return rows;
}

/** Tabell 1 as printable text (no trailing newline). */
export function renderTabell1(out: RunOutput, loc: Locale, reported?: Tabell1Reported | null, opts: { width?: number } = {}): string {
  const width = opts.width ?? DEFAULT_WIDTH;
  const rows = tabell1Rows(out, reported, loc);
  const first = out.regions[0] ?? out.total;
  const year = first && first.years.length ? first.years[first.years.length - 1].year : out.endYear;
  const cells = (r: Tabell1Row): string[] => [
    r.name,
    loc.fmt.int(r.count),
    loc.fmt.int(r.population),
    loc.fmt.int(r.perSpecialist),
    loc.fmt.int(r.diff1100),
    loc.fmt.int(r.col55),
  ];
  const grid: GridRow[] = [];
  rows.forEach((r, i) => {
    if (r.kind !== 'region' && i > 0 && rows[i - 1].kind === 'region') grid.push('rule');
    grid.push(cells(r));
  });
  const lines = [
    ...wrapText(loc.tables.tabell1Title(year, out.scenario.name), width),
    '',
    ...renderGrid(loc.tables.tabell1Headings(), grid, ['l', 'r', 'r', 'r', 'r', 'r'], width),
    '',
    ...wrapText(loc.tables.tabell1Method(), width),
  ];
  const total = rows.find((r) => r.kind === 'total');
  const pub = rows.find((r) => r.kind === 'published');
  if (pub && total) {
    if (Math.round(total.count) !== Math.round(pub.count)) lines.push(...wrapText(loc.tables.tabell1CountNote(total.count, pub.count), width));
    if (typeof reported?.population === 'number') lines.push(...wrapText(loc.tables.tabell1PopulationNote(total.population, pub.population), width));
  }
  return trimLines(lines).join('\n');
}
