/**
 * The output as CSV (RFC 4180) for spreadsheets and other tools: a header row
 * `region,year,<every field key in fields.ts order>`, then one row per region and year, then the
 * total's rows (region = the total's name). Machine names (English keys, never translated),
 * `.` decimal, no thousands separators, full precision (`String(x)`), empty cell for a missing
 * value, flags as 1/0, `\n` line ends (also after the last row). A value containing a comma,
 * quote, CR or LF is quoted, with quotes doubled.
 */
import { FIELD_KEYS, outputFields, type FieldKey } from '../model/fields.js';
import type { RegionOutput, RunOutput } from '../model/results.js';
import type { McResult } from '../model/montecarlo.js';

/** Quotes a field when RFC 4180 requires it. */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A number cell: full precision, `.` decimal, empty when missing. */
export function csvNumber(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '';
  return String(x); // String(-0) is "0"; flags are already 1/0
}

/** The header of a scenario without age-structured demand (one with it adds its age-only fields). */
export const CSV_HEADER: readonly string[] = ['region', 'year', ...outputFields(false).map((d) => d.key)];

/** The fields the output has (age-only fields only for age-structured demand). */
export const presentKeys = (out: { regions: { years: object[] }[] }): FieldKey[] =>
  FIELD_KEYS.filter((k) => out.regions.length === 0 || out.regions[0].years.length === 0 || k in out.regions[0].years[0]);

export function renderCsv(out: RunOutput): string {
  const keys = presentKeys(out);
  const lines: string[] = [['region', 'year', ...keys].map(csvField).join(',')];
  const add = (r: RegionOutput) => {
    for (const y of r.years) lines.push([csvField(r.name), String(y.year), ...keys.map((k) => csvNumber(y[k]))].join(','));
  };
  out.regions.forEach(add);
  if (out.total) add(out.total);
  return lines.join('\n') + '\n';
}

/** `--runs-out`: one row per run, the parameter draws and, per region, the outcomes used by sensitivity and solve. */
export function runsCsv(mc: McResult): string {
  const units = [...mc.regions, ...(mc.total ? [mc.total] : [])];
  const K = mc.paramKeys.length;
  const head = ['run', ...mc.paramKeys.map((k) => csvField(`param:${k}`))];
  for (const u of units) {
    head.push(csvField(`${u.name}:firstYearReached`), csvField(`${u.name}:inhabitantsPerDoctorEquivalentLastYear`), csvField(`${u.name}:coverageLastYear`),
      csvField(`${u.name}:inhabitantsPerDoctorLastYear`), csvField(`${u.name}:cumulativeCostLastYear`));
  }
  const lines = [head.join(',')];
  for (let r = 0; r < mc.opts.runs; r++) {
    const row: string[] = [String(r)];
    for (let j = 0; j < K; j++) row.push(String(mc.params[r * K + j]));
    for (const u of units) {
      const f = u.firstReached[r];
      row.push(f < 0 ? '' : String(mc.startYear + f), String(u.lastInhabitantsPerDoctorEquivalent[r]), String(u.lastCoverage[r]), String(u.lastInhabitantsPerDoctor[r]), Number.isFinite(u.lastCumulativeCost[r]) ? String(u.lastCumulativeCost[r]) : '');
    }
    lines.push(row.join(','));
  }
  return lines.join('\n') + '\n';
}
