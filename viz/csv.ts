/**
 * The output as CSV (RFC 4180) for spreadsheets and other tools: a header row
 * `region,year,<every field key in fields.ts order>`, then one row per region and year, then the
 * total's rows (region = the total's name). Machine names (English keys, never translated),
 * `.` decimal, no thousands separators, full precision (`String(x)`), empty cell for a missing
 * value, flags as 1/0, `\n` line ends (also after the last row). A value containing a comma,
 * quote, CR or LF is quoted, with quotes doubled. A text cell that a spreadsheet would run as a
 * formula (it starts with `=`, `+`, `-`, `@`, a tab or a CR: a region named `=HYPERLINK(…)`) gets a
 * `'` in front (OWASP's advice on CSV injection; docs/decisions.md); number cells never do.
 */
import { FIELD_DEF, FIELD_KEYS, outputFields, type FieldKey } from '../model/fields.js';
import type { RegionOutput, RunOutput } from '../model/results.js';
import type { McResult } from '../model/montecarlo.js';
import type { Locale } from './texts/index.js';
import { parse } from 'csv-parse/sync';

/** A text that is a plain number (`-12.5`, `-12,5`, `1e-5`): a spreadsheet reads it as that number, never as a formula. */
const PLAIN_NUMBER = /^[-+]?(\d+([.,]\d*)?|[.,]\d+)([eE][-+]?\d+)?$/;

/**
 * A text cell as a spreadsheet must show it: one starting with `=`, `+`, `-`, `@`, a tab or a CR
 * would be read as a formula by Excel and LibreOffice when they open the CSV (`=HYPERLINK(…)` as a
 * link, `=cmd|…` as a command), so it gets a leading `'` — shown as part of the text, which is
 * the point. A plain number given as text is left as it is.
 */
export function inertText(s: string): string {
  return /^[=+\-@\t\r]/.test(s) && !PLAIN_NUMBER.test(s) ? `'${s}` : s;
}

/** `s` quoted (quotes doubled) when it holds the separator `sep`, a quote, CR or LF (RFC 4180). */
function quoted(s: string, sep: ',' | ';'): string {
  return s.includes(sep) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Quotes a text field when RFC 4180 requires it, after `inertText`. */
export function csvField(s: string): string {
  return quoted(inertText(s), ',');
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

/**
 * How a CSV file is written. `machineCsv` is the stable format above (English keys, `,`, full
 * precision); `spreadsheetCsv(loc)` is for a spreadsheet in the reader's language — for Swedish
 * Excel: `;` between cells, decimal comma, numbers rounded to what they mean (people and FTE to
 * 1 decimal, shares to 4, kronor and inhabitants per doctor whole), headers as the catalogue's
 * labels, UTF-8 with a byte-order mark so Excel reads å, ä, ö right. Numbers have no thousands
 * separator (Excel would read `1 100` as text).
 */
export interface CsvDialect {
  sep: string;
  bom: boolean;
  /** A value of field `key` (or of a probability column when `key` is null) as a cell. */
  number(x: number | null | undefined, key: FieldKey | null): string;
  field(s: string): string;
  /** Header cell of a field (and, for Monte Carlo, a statistic). */
  header(key: FieldKey, stat?: string): string;
  region: string;
  year: string;
  /** Header cell of a probability column (`probabilityReachedBy`, …). */
  probability(name: string): string;
}

export const machineCsv: CsvDialect = {
  sep: ',',
  bom: false,
  number: (x) => csvNumber(x),
  field: csvField,
  header: (k, stat) => (stat === undefined ? k : `${k}_${stat}`),
  region: 'region',
  year: 'year',
  probability: (name) => name,
};

/** Decimals a spreadsheet cell of a field is rounded to. */
export function csvDecimals(key: FieldKey | null): number {
  if (key === null) return 4; // probabilities: shares of runs
  switch (FIELD_DEF[key].unit) {
    case 'share': return 4;
    case 'kr': case 'kr/year': case 'flag': case 'inhabitants/doctor': case 'inhabitants/fte': return 0;
    default: return 1;
  }
}

export function spreadsheetCsv(loc: Locale): CsvDialect {
  if (loc.lang === 'en') return machineCsv;
  const sep = ';';
  const field = (text: string) => quoted(inertText(text), sep);
  return {
    sep,
    bom: true,
    number: (x, key) => {
      if (x === null || x === undefined || !Number.isFinite(x)) return '';
      const d = csvDecimals(key);
      const s = x.toFixed(d).replace(/^-(0(\.0+)?)$/, '$1'); // no "-0"
      return s.replace('.', ',');
    },
    field,
    header: (k, stat) => {
      const unit = loc.fields.unit(k);
      const base = unit ? `${loc.fields.label(k)} (${unit})` : loc.fields.label(k);
      return stat === undefined ? base : `${base} ${stat === 'mean' ? loc.report.colMean().toLowerCase() : stat}`;
    },
    region: loc.tables.colRegion(),
    year: loc.report.colRegionYear()[1],
    probability: (name) => loc.report.csvProbability(name),
  };
}

/** Joins header and rows; a BOM first when the dialect wants one. */
export function csvText(d: CsvDialect, lines: string[][]): string {
  return (d.bom ? '\uFEFF' : '') + lines.map((l) => l.join(d.sep)).join('\n') + '\n';
}

export function renderCsv(out: RunOutput, d: CsvDialect = machineCsv): string {
  const keys = presentKeys(out);
  const lines: string[][] = [[d.region, d.year, ...keys.map((k) => d.header(k))].map(d.field)];
  const add = (r: RegionOutput) => {
    for (const y of r.years) lines.push([d.field(r.name), String(y.year), ...keys.map((k) => d.number(y[k], k))]);
  };
  out.regions.forEach(add);
  if (out.total) add(out.total);
  return csvText(d, lines);
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

/**
 * A machine CSV (sensitivity, compare, backtest: `,`, decimal point) for Swedish Excel, as
 * `--lang sv` writes `run`'s: `;` between cells, a decimal comma in every number cell (full
 * precision: these columns mix units), a byte-order mark. The header keeps the machine names (these
 * tables have no catalogue labels); text cells stay as they are (already made inert by csvField).
 */
export function swedishSpreadsheet(machine: string): string {
  const rows = parse(machine, { relax_column_count: true }) as string[][];
  const cell = (c: string) => quoted(/^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(c) ? c.replace('.', ',') : c, ';');
  return '\uFEFF' + rows.map((r) => r.map(cell).join(';')).join('\n') + '\n';
}
