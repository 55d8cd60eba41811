/**
 * What the sentences under a table say about a plan path (issue 10, part 4), without language:
 * the path's first and last value, the years it is not met (the met flag is 0: in a Monte Carlo,
 * met in fewer than half of the runs), the largest shortfall, the years the outcome is above it,
 * and the inflow it needs (recruitment beyond the completers who stay; the ST intake it sets).
 * Works on deterministic and Monte Carlo output alike (Monte Carlo values are medians).
 */
import { PATH_TOLERANCE, type FieldKey } from '../model/fields.js';

type Row = { year: number } & { [K in FieldKey]: number | null };

export interface PathInfo {
  kind: 'specialists' | 'completions';
  from: { year: number; value: number };
  to: { year: number; value: number };
  /** Years the path is not met, and the largest shortfall (target − outcome). */
  shortYears: number[];
  maxShort: { year: number; gap: number } | null;
  /** Years the outcome is above the path by more than rounding, and the largest excess. */
  aboveYears: number[];
  maxAbove: { year: number; gap: number } | null;
  /** Specialists: recruited and completers staying, summed over the path's years. Completions:
   *  ST starts summed (the intake the path sets). */
  inflow: number;
  staying: number;
  /** Years the path covers (each year's values counted once). */
  nYears: number;
  /** Monte Carlo: "not met" means met in fewer than half of the runs; values are medians. */
  monteCarlo: boolean;
}

const KEYS = {
  specialists: { path: 'specialistPath', gap: 'specialistPathGap', met: 'specialistPathMet' },
  completions: { path: 'completionsPath', gap: 'completionsPathGap', met: 'completionsPathMet' },
} as const;

/** The path of one kind in a region's years, or null when the scenario has none. */
export function pathInfo(years: readonly Row[], kind: PathInfo['kind'], monteCarlo = false): PathInfo | null {
  const k = KEYS[kind];
  const rows = years.filter((y) => y[k.path] !== null);
  if (rows.length === 0) return null;
  const shortYears: number[] = [], aboveYears: number[] = [];
  let maxShort: PathInfo['maxShort'] = null, maxAbove: PathInfo['maxAbove'] = null;
  let inflow = 0, staying = 0;
  for (const y of rows) {
    const gap = y[k.gap] ?? NaN;
    if (y[k.met] === 0) {
      shortYears.push(y.year);
      if (maxShort === null || gap > maxShort.gap) maxShort = { year: y.year, gap };
    } else if (gap < -PATH_TOLERANCE) {
      aboveYears.push(y.year);
      if (maxAbove === null || -gap > maxAbove.gap) maxAbove = { year: y.year, gap: -gap };
    }
    inflow += (kind === 'specialists' ? y.recruitment : y.stStarts) ?? 0;
    staying += y.newSpecialistsStaying ?? 0;
  }
  const first = rows[0], last = rows[rows.length - 1];
  return {
    kind,
    from: { year: first.year, value: first[k.path]! },
    to: { year: last.year, value: last[k.path]! },
    shortYears, maxShort, aboveYears, maxAbove, inflow, staying, nYears: rows.length, monteCarlo,
  };
}

/** Both paths of a region (those it has). */
export function pathInfos(years: readonly Row[], monteCarlo = false): PathInfo[] {
  return (['specialists', 'completions'] as const).map((k) => pathInfo(years, k, monteCarlo)).filter((p): p is PathInfo => p !== null);
}
