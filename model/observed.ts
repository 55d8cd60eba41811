/**
 * Observed figures beside the model: each point of a scenario's `observed:` block matched to the
 * output field it measures, with the modelled value (the median in a Monte Carlo run, plus its 50 %
 * and 80 % intervals) and the difference. Pure; used by `run`, the report, `calibrate` and `backtest`.
 */
import type { FieldKey } from './fields.js';
import type { RegionOutput, RunOutput } from './results.js';
import type { McRegionOutput, McRunOutput } from './mcresults.js';

export type { ObservedQuantityName, ObservedRow } from './observed-row.js';
import type { ObservedQuantityName, ObservedRow } from './observed-row.js';

export interface ObservedInput { region: string; quantity: ObservedQuantityName; year: number; value: number; source: string; note?: string }

/** The output field each quantity is compared with; null: the model has no counterpart (shown, not compared). */
export const OBSERVED_FIELD: Record<ObservedQuantityName, FieldKey | null> = {
  specialists: 'specialists',
  st: 'st',
  completions: 'stCompletions',
  newSpecialistsStaying: 'newSpecialistsStaying',
  retirements: 'retirements',
  otherExits: 'otherExits',
  population: 'population',
  // The model has no register of named doctors; coverage (capacity ÷ population to cover) is a
  // different measure, so the share is shown beside the model but never compared.
  namedDoctorShare: null,
};


type AnyRegion = RegionOutput | McRegionOutput;

/** The rows of one region (points of other regions are left out). */
export function observedRows(points: readonly ObservedInput[], region: AnyRegion): ObservedRow[] {
  const rows: ObservedRow[] = [];
  for (const p of points) {
    if (p.region !== region.name) continue;
    const field = OBSERVED_FIELD[p.quantity];
    const y = region.years.find((r) => r.year === p.year);
    const modelled = field && y ? y[field] : null;
    const difference = modelled === null ? null : modelled - p.value;
    const row: ObservedRow = {
      quantity: p.quantity, field, year: p.year, observed: p.value, source: p.source,
      ...(p.note !== undefined ? { note: p.note } : {}),
      modelled, difference, relativeDifference: difference === null || p.value === 0 ? null : difference / p.value,
    };
    const quantiles = y && 'quantiles' in y ? (y as McRegionOutput['years'][number]).quantiles : undefined;
    if (quantiles) {
      const q = field ? quantiles[field] : undefined;
      const iv = (a: number | null | undefined, b: number | null | undefined): [number, number] | null => (a == null || b == null ? null : [a, b]);
      row.interval50 = q ? iv(q.p25, q.p75) : null;
      row.interval80 = q ? iv(q.p10, q.p90) : null;
    }
    rows.push(row);
  }
  return rows;
}

/** The output with each region's `observed` rows added (only to regions that have points; others unchanged). */
export function withObserved<T extends RunOutput | McRunOutput>(out: T, points: readonly ObservedInput[]): T {
  if (points.length === 0) return out;
  const add = <R extends AnyRegion>(r: R): R => {
    const rows = observedRows(points, r);
    return rows.length ? { ...r, observed: rows } : r;
  };
  return { ...out, regions: (out.regions as AnyRegion[]).map(add), ...(out.total ? { total: add(out.total) } : {}) } as T;
}
