/**
 * A run's output → an Excel workbook (exceljs), for budget officials and nämnd documents:
 *
 *   sheet 1  appendix   the year table as a nämnd would paste it: years as columns, rows grouped
 *                       under group titles, labels with units in the chosen language; every region
 *                       (and the total) stacked; Monte Carlo: medians, plus the probability row
 *   sheet 2  quantiles  (Monte Carlo) one row per region × year × field: median, mean, p5 … p95,
 *                       in the JSON output's units; (deterministic) the same long table of values
 *   sheet 3  assumptions  scenario, file, version, runs, seed; every assumption with its kind and
 *                       source; then the source list
 *
 * Numbers are stored as numbers (never text) with number formats: whole people and inhabitants
 * `#,##0`, net increases with a sign, coverage `0.0%`, costs in million kronor `#,##0.0` on the
 * appendix sheet (the row label says mnkr; the long table keeps kronor as in the JSON). Excel
 * shows the separators of the reader's own locale (space and comma in Swedish Excel).
 */
import ExcelJS from 'exceljs';
import { FIELD_DEF, FIELDS, type FieldGroup, type FieldKey } from '../model/fields.js';
import type { McRegionOutput, McRunOutput } from '../model/mcresults.js';
import { STAT_NAMES } from '../model/quantiles.js';
import type { RegionOutput, RunOutput } from '../model/results.js';
import type { Locale } from './texts/index.js';
import { mcDefaultFields } from './mctable.js';
import type { ReportAssumption, ReportSource } from './report.js';
import { normForSentences, tableRows } from './table.js';

export interface XlsxInfo {
  assumptions: readonly ReportAssumption[];
  sources: Readonly<Record<string, ReportSource>>;
  file: string;
}

type AnyOutput = RunOutput | McRunOutput;
type AnyRegion = RegionOutput | McRegionOutput;
const isMc = (o: AnyOutput): o is McRunOutput => o.mode === 'monte-carlo';

/** Number format of a field on the appendix sheet, and the factor its value is multiplied by. */
export function appendixFormat(key: FieldKey): { numFmt: string; scale: number } {
  const d = FIELD_DEF[key];
  if (d.unit === 'kr' || d.unit === 'kr/year') return { numFmt: key === 'netCostIncrease' ? '+#,##0.0;-#,##0.0;0.0' : '#,##0.0', scale: 1e-6 };
  if (d.unit === 'share') return { numFmt: '0.0%', scale: 1 };
  if (d.unit === 'fte') return { numFmt: '#,##0', scale: 1 };
  if (key.startsWith('netIncrease')) return { numFmt: '+#,##0;-#,##0;0', scale: 1 };
  return { numFmt: '#,##0', scale: 1 };
}

/** Number format of a field in the long table (values in the JSON output's units). */
function longFormat(key: FieldKey): string {
  const u = FIELD_DEF[key].unit;
  if (u === 'share') return '0.0%';
  if (u === 'fte') return '#,##0.0';
  if (u === 'flag') return '0';
  return '#,##0';
}

const allRegions = (o: AnyOutput): AnyRegion[] => [...o.regions, ...(o.total && o.regions.length > 1 ? [o.total] : [])];

function appendixSheet(wb: ExcelJS.Workbook, out: AnyOutput, loc: Locale): void {
  const ws = wb.addWorksheet(loc.report.sheetAppendix(), { views: [{ state: 'frozen', xSplit: 1, ySplit: 0 }] });
  const mc = isMc(out);
  ws.getColumn(1).width = 52;
  ws.addRow([`${out.scenario.name} — ${loc.tables.mode(out.mode)}`]).font = { bold: true, size: 14 };
  ws.addRow([mc ? loc.report.xlsxMedianNote(out.runs, out.seed) : loc.tables.mode('deterministic')]);
  ws.addRow([loc.tables.countBasis(out.scenario.countBasis)]);
  const norm = normForSentences(out);
  let maxYears = 0;
  for (const r of allRegions(out)) {
    ws.addRow([]);
    ws.addRow([r.name]).font = { bold: true, size: 12 };
    const years = r.years.map((y) => y.year);
    maxYears = Math.max(maxYears, years.length);
    const head = ws.addRow(['', ...years]);
    head.font = { bold: true };
    head.eachCell((c, col) => { if (col > 1) { c.numFmt = '0'; c.alignment = { horizontal: 'right' }; } });
    head.border = {};
    head.getCell(1).border = { bottom: { style: 'thin' } };
    for (let c = 2; c <= years.length + 1; c++) head.getCell(c).border = { bottom: { style: 'thin' } };
    const { rows, costsOmitted } = tableRows(r, mc ? mcDefaultFields(r as McRegionOutput) : undefined);
    for (const g of rows) {
      ws.addRow([loc.fields.groupTitle(g.group as FieldGroup)]).font = { bold: true };
      for (const k of g.keys) {
        const { numFmt, scale } = appendixFormat(k);
        const row = ws.addRow(['  ' + loc.fields.rowLabel(k), ...r.years.map((y) => (y[k] === null ? null : (y[k] as number) * scale))]);
        for (let c = 2; c <= years.length + 1; c++) row.getCell(c).numFmt = numFmt;
      }
      if (g.group === 'capacity' && mc && (r as McRegionOutput).probabilityReachedBy) {
        const p = (r as McRegionOutput).probabilityReachedBy;
        const row = ws.addRow(['  ' + loc.report.probabilityRow().replace(/ \(%\)$/, ''), ...years.map((y) => p[String(y)] ?? null)]);
        for (let c = 2; c <= years.length + 1; c++) row.getCell(c).numFmt = '0%';
      }
    }
    const endYear = years[years.length - 1] ?? out.endYear;
    if (mc) {
      const m = r as McRegionOutput;
      ws.addRow([loc.tables.mcReached({ median: m.reachedYear, p10: m.reachedYearInterval80?.p10 ?? null, p90: m.reachedYearInterval80?.p90 ?? null, probability: m.probabilityReachedBy?.[String(endYear)], endYear, norm })]);
    } else {
      ws.addRow([loc.tables.reached({ reachedYear: r.reachedYear, sustainedFrom: r.sustainedFrom, endYear, norm })]);
    }
    if (costsOmitted) ws.addRow([loc.tables.costsOmitted()]);
  }
  for (let c = 2; c <= maxYears + 1; c++) ws.getColumn(c).width = 13;
  ws.addRow([]);
  ws.addRow([loc.tables.footer(out.version)]);
}

function longSheet(wb: ExcelJS.Workbook, out: AnyOutput, loc: Locale): void {
  const mc = isMc(out);
  const ws = wb.addWorksheet(mc ? loc.report.sheetQuantiles() : loc.report.sheetValues(), { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  const [colRegion, colYear] = loc.report.colRegionYear();
  const stats = STAT_NAMES.filter((s) => s !== 'mean' && s !== 'p50');
  const head = [colRegion, colYear, loc.report.colField(), loc.report.colLabel(), loc.report.colUnit(), ...(mc ? ['Median', loc.report.colMean(), ...stats] : [loc.report.colValueRaw()])];
  ws.addRow(head).font = { bold: true };
  const widths = [22, 7, 28, 44, 26, ...head.slice(5).map(() => 14)];
  widths.forEach((w, i) => { ws.getColumn(i + 1).width = w; });
  for (const r of allRegions(out)) {
    for (const y of r.years) {
      for (const d of FIELDS) {
        const k = d.key as FieldKey;
        if (mc && d.unit === 'flag') continue; // flags have no quantiles; the probability is on sheet 1
        const q = mc ? (y as McRegionOutput['years'][number]).quantiles?.[k] : undefined;
        const values = mc ? [y[k], q?.mean ?? null, ...stats.map((s) => q?.[s] ?? null)] : [y[k]];
        const row = ws.addRow([r.name, y.year, k, loc.fields.label(k), loc.fields.unit(k), ...values]);
        row.getCell(2).numFmt = '0';
        const fmt = longFormat(k);
        for (let c = 6; c < 6 + values.length; c++) row.getCell(c).numFmt = fmt;
      }
    }
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: head.length } };
}

/** A plain number stays a number; anything else (distributions, lists) stays text. */
const numOrText = (s: string): number | string => (/^-?\d+(\.\d+)?$/.test(s.trim()) ? Number(s) : s);

function assumptionsSheet(wb: ExcelJS.Workbook, out: AnyOutput, info: XlsxInfo, loc: Locale): void {
  const ws = wb.addWorksheet(loc.report.sheetAssumptions());
  const meta: [string, string | number][] = [
    ['Scenario', out.scenario.name],
    [loc.report.metaFile(), info.file],
    [loc.report.metaVersion(), `riktvarde ${out.version}`],
    [loc.tables.mode(out.mode), ''],
  ];
  if (isMc(out)) meta.push([loc.report.metaRuns(), out.runs], [loc.report.metaSeed(), out.seed], [loc.report.metaEventNoise(), out.eventNoise ? loc.report.on() : loc.report.off()], [loc.report.metaQuantiles(), loc.report.quantileText(out.quantileDefinition)]);
  for (const [k, v] of meta) {
    const row = ws.addRow([k, v]);
    row.getCell(1).font = { bold: true };
  }
  ws.addRow([]);
  ws.addRow([loc.report.sectionAssumptions()]).font = { bold: true, size: 12 };
  ws.addRow([loc.report.kindsNote()]);
  const head = [loc.tables.colRegion(), loc.report.colParameter(), loc.report.colValue(), loc.report.colKind(), loc.report.colSource(), loc.report.colTitle(), loc.report.colPublisher(), loc.report.colYear(), loc.report.colUrl(), loc.report.colNote()];
  ws.addRow(head).font = { bold: true };
  for (const a of info.assumptions) {
    const s = a.source ? info.sources[a.source] : undefined;
    ws.addRow([a.region ?? loc.report.allRegions(), a.path, numOrText(a.value), loc.report.kind(a.kind), a.source ?? '', s?.title ?? '', s?.publisher ?? '', s?.year ?? '', s?.url ?? '', a.note ?? '']);
  }
  ws.addRow([]);
  ws.addRow([loc.report.sourcesTitle()]).font = { bold: true, size: 12 };
  ws.addRow([loc.report.colId(), loc.report.colTitle(), loc.report.colPublisher(), loc.report.colYear(), loc.report.colKind(), loc.report.colUrl(), loc.report.colNote()]).font = { bold: true };
  for (const [id, s] of Object.entries(info.sources)) {
    ws.addRow([id, s.title, s.publisher ?? '', s.year ?? '', loc.report.kind(s.kind ?? 'published'), s.url ?? '', s.note ?? '']);
  }
  [22, 34, 30, 14, 26, 60, 22, 8, 30, 50].forEach((w, i) => { ws.getColumn(i + 1).width = w; });
}

/** The workbook as bytes (write it with writeAtomic). */
export async function renderXlsx(out: AnyOutput, info: XlsxInfo, loc: Locale): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = `riktvarde ${out.version}`;
  // Fixed dates: the workbook's properties do not change with the clock.
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;
  appendixSheet(wb, out, loc);
  longSheet(wb, out, loc);
  assumptionsSheet(wb, out, info, loc);
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
