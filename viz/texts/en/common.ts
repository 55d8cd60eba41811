/** English texts: helpers shared by the catalogues (norm numbers, years, intervals). Typed by `../types.ts`, so a missing text fails the type-check. */
import { numberFormat } from '../../format.js';
import { reachedButLost, type NormPair, type ReachedInfo, type McReachedInfo } from '../info.js';

/** Numbers in English. */
export const fmt = numberFormat('en');

/** The price base of costs: `fixed 2024 prices`, or `2024 prices with wage growth 2.0% a year from 2024`. */
export function priceBase(pb: { year: number; wageGrowth: number }): string {
  return pb.wageGrowth === 0 ? `fixed ${pb.year} prices` : `${pb.year} prices with wage growth ${fmt.pct(pb.wageGrowth, 1)} a year from ${pb.year}`;
}

/** A norm number in running text: no thousands separator (`1100`, as the riktvärde is written). */
export function normNum(x: number): string {
  return String(x);
}

/** The sentence's tail: reached and held / reached but not held / not reached. */
export function reachedTail(r: ReachedInfo): string {
  const first = r.reachedYear ?? r.sustainedFrom;
  if (first === null) {
    return `is not reached by ${r.endYear}`;
  }
  if (r.sustainedFrom === null) {
    return `is reached in ${first} but does not hold to ${r.endYear}`;
  }
  return `is first reached in ${first} and holds from ${r.sustainedFrom} to ${r.endYear}`;
}

/** Which two percentiles bound each interval width (in percent). */
export const PERCENTILES: Record<number, [string, string]> = { 50: ['25', '75'], 80: ['10', '90'], 90: ['5', '95'] };

export function ordinal(p: string): string {
  return `${p}th`;
}

/** `80 %-intervall` / `80% interval` */
export function intervalName(percent: number): string {
  return `${percent}% interval`;
}

/** A year reached, or "not by the horizon". */
export function yearOrNever(y: number | null, endYear: number): string {
  if (y !== null) return String(y);
  return `not by ${endYear}`;
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
  parts.push(`probability by ${r.endYear}: ${fmt.prob(r.probability)}${reachedButLost(r) ? `, but it holds in ${r.endYear} in only ${fmt.prob(r.holdsAtEnd)} of the runs` : ''}`);
  return parts.join('; ');
}

/** `1100/550`, or null when norms vary. */
export function normPair(n: NormPair | null): string | null {
  return n ? `${normNum(n.specialist)}/${normNum(n.st)}` : null;
}

// --- Charts (viz/charts.ts) ---

/** `5 000 körningar, frö 2024` / `5,000 runs, seed 2024` */
export function runsSeed(runs: number, seed: number): string {
  return `${fmt.int(runs)} runs, seed ${seed}`;
}

/** `efter 2034` / `after 2034`: a year reached beyond the horizon. */
export function afterYear(endYear: number): string {
  return `after ${endYear}`;
}
