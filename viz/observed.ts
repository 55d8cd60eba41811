/**
 * The table of observed figures beside the model, under `run`'s appendix table: one row per
 * observed point (quantity, year, observed, modelled, difference, the 80 % interval in a Monte
 * Carlo run, source). Empty when the output has no observed rows. Pure.
 */
import type { ObservedRow } from '../model/observed.js';
import type { RegionOutput } from '../model/results.js';
import type { McRegionOutput } from '../model/mcresults.js';
import { MISSING, wrapText } from './format.js';
import { DEFAULT_WIDTH, renderGrid, type GridRow } from './table.js';
import type { Locale } from './texts/index.js';

/** A value of quantity `q` as shown: shares in %, everything else as whole numbers. */
export function observedValue(q: string, v: number | null, loc: Locale): string {
  return v === null ? MISSING : q === 'namedDoctorShare' ? loc.fmt.pct(v, 0) : loc.fmt.num(v, 0);
}

/** A signed share in the locale's percent format: `+4,2 %` / `−13.1%`. */
export function signedPct(x: number, loc: Locale, decimals = 1): string {
  const r = Number((x * 100).toFixed(decimals));
  // The sign as the locale writes it (fmt.signed), the number as a percentage (fmt.pct).
  return (r === 0 ? '' : loc.fmt.signed(r, 0).slice(0, 1)) + loc.fmt.pct(Math.abs(x), decimals);
}

/** Whether the rows hold the share with a named doctor (the footnote then says it has no modelled counterpart). */
export const hasNamedDoctor = (rows: readonly ObservedRow[]): boolean => rows.some((o) => o.quantity === 'namedDoctorShare');

/** Headings and rows (cells as text) of one region's observed figures beside the model; for the text table and the report. */
export function observedGrid(rows: readonly ObservedRow[], mode: 'deterministic' | 'monte-carlo', loc: Locale): { head: string[]; rows: string[][] } {
  const t = loc.observed;
  const mc = mode === 'monte-carlo';
  const cells = rows.map((o) => {
    const outside = o.interval80 ? o.observed < o.interval80[0] || o.observed > o.interval80[1] : false;
    const diff = o.difference === null ? MISSING
      : `${loc.fmt.signed(o.difference, 0)}${o.relativeDifference === null ? '' : ` (${signedPct(o.relativeDifference, loc)})`}${outside ? ' *' : ''}`;
    const c = [t.quantity(o.quantity), String(o.year), observedValue(o.quantity, o.observed, loc), observedValue(o.quantity, o.modelled, loc), diff];
    if (mc) c.push(o.interval80 ? `${loc.fmt.num(o.interval80[0], 0)}–${loc.fmt.num(o.interval80[1], 0)}` : MISSING);
    c.push(o.source);
    return c;
  });
  return { head: [t.colQuantity(), t.colYear(), t.colObserved(), t.colModelled(mode), t.colDifference(), ...(mc ? [t.colInterval80()] : []), t.colSource()], rows: cells };
}

export function renderObserved(out: { mode: 'deterministic' | 'monte-carlo'; regions: (RegionOutput | McRegionOutput)[]; total?: RegionOutput | McRegionOutput }, loc: Locale, width = DEFAULT_WIDTH): string {
  const t = loc.observed;
  const sections: string[] = [];
  for (const r of [...out.regions, ...(out.total ? [out.total] : [])]) {
    const rows: ObservedRow[] = r.observed ?? [];
    if (rows.length === 0) continue;
    const { head, rows: grid } = observedGrid(rows, out.mode, loc);
    const align = head.map((_, c) => (c === 0 || c === head.length - 1 ? 'l' : 'r')) as ('l' | 'r')[];
    sections.push([t.title(r.name), ...renderGrid(head, grid as GridRow[], align, width), ...wrapText(t.footnote(out.mode, hasNamedDoctor(rows)), width)].join('\n'));
  }
  return sections.join('\n\n');
}

/** `run`'s text: the appendix table with the observed figures under it (unchanged when there are none). */
export function withObservedTable(table: string, out: Parameters<typeof renderObserved>[0], loc: Locale): string {
  const observed = renderObserved(out, loc);
  return observed ? `${table.replace(/\n$/, '')}\n\n${observed}\n` : table;
}
