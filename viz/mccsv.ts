/**
 * A Monte Carlo output (`McRunOutput`) as CSV (RFC 4180), with the conventions of `csv.ts`:
 * machine names (English keys, never translated), `.` decimal, no thousands separators, full
 * precision, empty cell for a missing value, `\n` line ends (also after the last row), quoting
 * by `csvField`.
 *
 * Header: `region,year`, then for every field key in `model/fields.ts` order the median under the
 * field's own name followed by `<field>_mean,<field>_p5,<field>_p10,<field>_p25,<field>_p50,
 * <field>_p75,<field>_p90,<field>_p95` (the same columns for every field; flags have no quantiles,
 * so theirs are empty and their median column is 1 when the target holds in at least half of the
 * runs), then `probabilityReachedBy`, `probabilityHolds` and
 * `probabilityReachedBySpecialistsOnly` for the row's year (shares of runs, 0–1).
 * One row per region and year, then the total's rows (region = the total's name).
 */
import { outputFields } from '../model/fields.js';
import type { McRegionOutput, McRunOutput } from '../model/mcresults.js';
import { STAT_NAMES } from '../model/quantiles.js';
import { csvText, machineCsv, presentKeys, type CsvDialect } from './csv.js';

export const MC_PROBABILITY_COLUMNS = ['probabilityReachedBy', 'probabilityHolds', 'probabilityReachedBySpecialistsOnly'] as const;

/**
 * The header of a scenario without age-structured demand (one with it adds its age-only fields).
 * A function: made when asked (the tests), not while every command loads (~300 strings).
 */
export const mcCsvHeader = (): readonly string[] => [
  'region',
  'year',
  ...outputFields(false).map((d) => d.key).flatMap((k) => [k, ...STAT_NAMES.map((s) => `${k}_${s}`)]),
  ...MC_PROBABILITY_COLUMNS,
];

export function renderMcCsv(out: McRunOutput, d: CsvDialect = machineCsv): string {
  const keys = presentKeys(out);
  const head = [d.region, d.year, ...keys.flatMap((k) => [d.header(k), ...STAT_NAMES.map((s) => d.header(k, s))]), ...MC_PROBABILITY_COLUMNS.map(d.probability)];
  const lines: string[][] = [head.map(d.field)];
  const add = (r: McRegionOutput) => {
    for (const y of r.years) {
      const key = String(y.year);
      const cells = [d.field(r.name), String(y.year)];
      for (const k of keys) {
        cells.push(d.number(y[k], k));
        const q = y.quantiles?.[k];
        for (const s of STAT_NAMES) cells.push(d.number(q?.[s], k));
      }
      cells.push(
        d.number(r.probabilityReachedBy?.[key], null),
        d.number(r.probabilityHolds?.[key], null),
        d.number(r.specialistsOnly?.probabilityBy?.[key], null),
      );
      lines.push(cells);
    }
  };
  out.regions.forEach(add);
  if (out.total) add(out.total);
  return csvText(d, lines);
}
