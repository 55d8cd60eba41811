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
import type { Lang } from './format.js';
import { groupTitle, label, reportText as rt, rowLabel, text, unit } from './labels.js';
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

function appendixSheet(wb: ExcelJS.Workbook, out: AnyOutput, lang: Lang): void {
  const ws = wb.addWorksheet(rt.sheetAppendix(lang), { views: [{ state: 'frozen', xSplit: 1, ySplit: 0 }] });
  const mc = isMc(out);
  ws.getColumn(1).width = 52;
  ws.addRow([`${out.scenario.name} — ${text.mode(out.mode, lang)}`]).font = { bold: true, size: 14 };
  ws.addRow([mc ? rt.xlsxMedianNote(out.runs, out.seed, lang) : text.mode('deterministic', lang)]);
  ws.addRow([text.countBasis(out.scenario.countBasis, lang)]);
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
      ws.addRow([groupTitle(g.group as FieldGroup, lang)]).font = { bold: true };
      for (const k of g.keys) {
        const { numFmt, scale } = appendixFormat(k);
        const row = ws.addRow(['  ' + rowLabel(k, lang), ...r.years.map((y) => (y[k] === null ? null : (y[k] as number) * scale))]);
        for (let c = 2; c <= years.length + 1; c++) row.getCell(c).numFmt = numFmt;
      }
      if (g.group === 'capacity' && mc && (r as McRegionOutput).probabilityReachedBy) {
        const p = (r as McRegionOutput).probabilityReachedBy;
        const row = ws.addRow(['  ' + rt.probabilityRow(lang).replace(/ \(%\)$/, ''), ...years.map((y) => p[String(y)] ?? null)]);
        for (let c = 2; c <= years.length + 1; c++) row.getCell(c).numFmt = '0%';
      }
    }
    const endYear = years[years.length - 1] ?? out.endYear;
    if (mc) {
      const m = r as McRegionOutput;
      ws.addRow([text.mcReached({ median: m.reachedYear, p10: m.reachedYearInterval80?.p10 ?? null, p90: m.reachedYearInterval80?.p90 ?? null, probability: m.probabilityReachedBy?.[String(endYear)], endYear, norm }, lang)]);
    } else {
      ws.addRow([text.reached({ reachedYear: r.reachedYear, sustainedFrom: r.sustainedFrom, endYear, norm }, lang)]);
    }
    if (costsOmitted) ws.addRow([text.costsOmitted(lang)]);
  }
  for (let c = 2; c <= maxYears + 1; c++) ws.getColumn(c).width = 13;
  ws.addRow([]);
  ws.addRow([text.footer(out.version, lang)]);
}

function longSheet(wb: ExcelJS.Workbook, out: AnyOutput, lang: Lang): void {
  const mc = isMc(out);
  const ws = wb.addWorksheet(mc ? rt.sheetQuantiles(lang) : rt.sheetValues(lang), { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  const [colRegion, colYear] = rt.colRegionYear(lang);
  const stats = STAT_NAMES.filter((s) => s !== 'mean' && s !== 'p50');
  const head = [colRegion, colYear, rt.colField(lang), rt.colLabel(lang), rt.colUnit(lang), ...(mc ? ['Median', rt.colMean(lang), ...stats] : [rt.colValueRaw(lang)])];
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
        const row = ws.addRow([r.name, y.year, k, label(k, lang), unit(k, lang), ...values]);
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

function assumptionsSheet(wb: ExcelJS.Workbook, out: AnyOutput, info: XlsxInfo, lang: Lang): void {
  const ws = wb.addWorksheet(rt.sheetAssumptions(lang));
  const meta: [string, string | number][] = [
    ['Scenario', out.scenario.name],
    [rt.metaFile(lang), info.file],
    [rt.metaVersion(lang), `riktvarde ${out.version}`],
    [text.mode(out.mode, lang), ''],
  ];
  if (isMc(out)) meta.push([rt.metaRuns(lang), out.runs], [rt.metaSeed(lang), out.seed], [rt.metaEventNoise(lang), out.eventNoise ? rt.on(lang) : rt.off(lang)], [rt.metaQuantiles(lang), out.quantileDefinition]);
  for (const [k, v] of meta) {
    const row = ws.addRow([k, v]);
    row.getCell(1).font = { bold: true };
  }
  ws.addRow([]);
  ws.addRow([rt.sectionAssumptions(lang)]).font = { bold: true, size: 12 };
  ws.addRow([rt.kindsNote(lang)]);
  const head = [text.colRegion(lang), rt.colParameter(lang), rt.colValue(lang), rt.colKind(lang), rt.colSource(lang), rt.colTitle(lang), rt.colPublisher(lang), rt.colYear(lang), rt.colUrl(lang), rt.colNote(lang)];
  ws.addRow(head).font = { bold: true };
  for (const a of info.assumptions) {
    const s = a.source ? info.sources[a.source] : undefined;
    ws.addRow([a.region ?? rt.allRegions(lang), a.path, numOrText(a.value), rt.kind(a.kind, lang), a.source ?? '', s?.title ?? '', s?.publisher ?? '', s?.year ?? '', s?.url ?? '', a.note ?? '']);
  }
  ws.addRow([]);
  ws.addRow([rt.sourcesTitle(lang)]).font = { bold: true, size: 12 };
  ws.addRow([rt.colId(lang), rt.colTitle(lang), rt.colPublisher(lang), rt.colYear(lang), rt.colKind(lang), rt.colUrl(lang), rt.colNote(lang)]).font = { bold: true };
  for (const [id, s] of Object.entries(info.sources)) {
    ws.addRow([id, s.title, s.publisher ?? '', s.year ?? '', rt.kind(s.kind ?? 'published', lang), s.url ?? '', s.note ?? '']);
  }
  [22, 34, 30, 14, 26, 60, 22, 8, 30, 50].forEach((w, i) => { ws.getColumn(i + 1).width = w; });
}

/** The workbook as bytes (write it with writeAtomic). */
export async function renderXlsx(out: AnyOutput, info: XlsxInfo, lang: Lang): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = `riktvarde ${out.version}`;
  // Fixed dates: the workbook's properties do not change with the clock.
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;
  appendixSheet(wb, out, lang);
  longSheet(wb, out, lang);
  assumptionsSheet(wb, out, info, lang);
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
