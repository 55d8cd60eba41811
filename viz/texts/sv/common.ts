/** Swedish texts: helpers shared by the catalogues (norm numbers, years, intervals). Typed by `../types.ts`, so a missing text fails the type-check. */
import { numberFormat } from '../../format.js';
import { reachedButLost, type NormPair, type ReachedInfo, type McReachedInfo } from '../info.js';

/** Numbers in Swedish. */
export const fmt = numberFormat('sv');

/** Kostnadernas prisbas: `fasta priser 2024`, eller `2024 års priser med löneökning 2,0 % per år från 2024`. */
export function priceBase(pb: { year: number; wageGrowth: number }): string {
  return pb.wageGrowth === 0 ? `fasta priser ${pb.year}` : `${pb.year} års priser med löneökning ${fmt.pct(pb.wageGrowth, 1)} per år från ${pb.year}`;
}

/** A norm number in running text: no thousands separator (`1100`, as the riktvärde is written). */
export function normNum(x: number): string {
  return String(x).replace('.', ',');
}

/** The sentence's tail: reached and held / reached but not held / not reached. */
export function reachedTail(r: ReachedInfo): string {
  const first = r.reachedYear ?? r.sustainedFrom;
  if (first === null) {
    return `nås inte till och med ${r.endYear}`;
  }
  if (r.sustainedFrom === null) {
    return `nås ${first} men håller inte till och med ${r.endYear}`;
  }
  return `nås första gången ${first} och håller från ${r.sustainedFrom} till ${r.endYear}`;
}

/** Which two percentiles bound each interval width (in percent). */
export const PERCENTILES: Record<number, [string, string]> = { 50: ['25', '75'], 80: ['10', '90'], 90: ['5', '95'] };

export function ordinal(p: string): string {
  return `${p}:e`;
}

/** `80 %-intervall` / `80% interval` */
export function intervalName(percent: number): string {
  return `${percent} %-intervall`;
}

/** A year reached, or "not by the horizon". */
export function yearOrNever(y: number | null, endYear: number): string {
  if (y !== null) return String(y);
  return `inte till och med ${endYear}`;
}

export function mcReachedTail(r: McReachedInfo): string {
  const parts: string[] = [];
  parts.push(r.median === null ? `median: ${yearOrNever(null, r.endYear)}` : `median ${r.median}`);
  if (r.p10 !== null || r.p90 !== null) {
    const range = r.p10 === r.p90
      ? yearOrNever(r.p10, r.endYear)
      : `${yearOrNever(r.p10, r.endYear)} – ${yearOrNever(r.p90, r.endYear)}`;
    parts.push(`${intervalName(80)} ${range}`);
  }
  parts.push(`sannolikhet till och med ${r.endYear}: ${fmt.prob(r.probability)}${reachedButLost(r) ? `, men ${r.endYear} håller det bara i ${fmt.prob(r.holdsAtEnd)} av körningarna` : ''}`);
  return parts.join('; ');
}

/** `1100/550`, or null when norms vary. */
export function normPair(n: NormPair | null): string | null {
  return n ? `${normNum(n.specialist)}/${normNum(n.st)}` : null;
}

// --- Charts (viz/charts.ts) ---

/** `5 000 körningar, frö 2024` / `5,000 runs, seed 2024` */
export function runsSeed(runs: number, seed: number): string {
  return `${fmt.int(runs)} körningar, frö ${seed}`;
}

/** `efter 2034` / `after 2034`: a year reached beyond the horizon. */
export function afterYear(endYear: number): string {
  return `efter ${endYear}`;
}
