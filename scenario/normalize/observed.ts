/**
 * The `observed:` block: published figures by quantity and year, each with its source. Checked
 * here because the checks need the horizon: every year inside it, counts not negative, shares
 * between 0 and 1, and every value sourced (on the value or on its quantity's block).
 */
import { OBSERVED_QUANTITIES, YEAR, type ObservedQuantity, type RegionIn } from '../schema.js';
import { vmsg } from '../messages.js';
import type { ObservedPoint, Path } from '../types.js';
import type { NormCtx } from './context.js';

export function normalizeObserved(c: NormCtx, i: number, r: RegionIn): ObservedPoint[] {
  const { add, checkSource, start, end } = c;
  const points: ObservedPoint[] = [];
  const block = r.observed;
  if (!block) return points;
  for (const [q, series] of Object.entries(block) as [ObservedQuantity, Record<string, unknown> | undefined][]) {
    if (!series) continue;
    const qp: Path = ['regions', i, 'observed', q];
    const blockSource = typeof series.source === 'string' ? series.source : undefined;
    checkSource(qp, blockSource);
    for (const [key, raw] of Object.entries(series)) {
      if (key === 'source' || key === 'note' || key === 'noteSv') continue;
      const p: Path = [...qp, key];
      if (!YEAR.test(key)) { add(p, vmsg.yearKey(key)); continue; }
      const year = Number(key);
      const v = typeof raw === 'number' ? { value: raw } : (raw as { value: number; source?: string; note?: string; noteSv?: string });
      if (year < start || year > end) add(p, vmsg.observedYear(year, start, end));
      if (q === 'namedDoctorShare') { if (v.value < 0 || v.value > 1) add(typeof raw === 'number' ? p : [...p, 'value'], vmsg.share(v.value)); }
      else if (v.value < 0) add(typeof raw === 'number' ? p : [...p, 'value'], vmsg.nonNegative(v.value));
      checkSource(p, v.source);
      const source = v.source ?? blockSource;
      if (source === undefined) add(p, vmsg.observedNoSource());
      points.push({ region: r.name, quantity: q, year, value: v.value, source: source ?? '', ...(v.note !== undefined ? { note: v.note } : {}), ...(v.noteSv !== undefined ? { noteSv: v.noteSv } : {}) });
    }
  }
  const order = (q: ObservedQuantity) => OBSERVED_QUANTITIES.indexOf(q);
  points.sort((a, b) => order(a.quantity) - order(b.quantity) || a.year - b.year);
  return points;
}
