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
 * Numbers are stored as numbers (never text; yes/no fields as the words yes/no, ja/nej) with number formats: whole people and inhabitants
 * `#,##0`, net increases with a sign, coverage `0.0%`, costs in million kronor `#,##0.0` on the
 * appendix sheet (the row label says mnkr; the long table keeps kronor as in the JSON). Excel
 * shows the separators of the reader's own locale (space and comma in Swedish Excel).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { FIELD_DEF, FIELDS, type FieldGroup, type FieldKey } from '../model/fields.js';
import type { McRegionOutput, McRunOutput } from '../model/mcresults.js';
import { STAT_NAMES } from '../model/quantiles.js';
import type { RegionOutput, RunOutput } from '../model/results.js';
import type { Locale } from './texts/index.js';
import { mcDefaultFields } from './mctable.js';
import type { ReportAssumption, ReportSource } from './report.js';
import { normForSentences, tableRows, type Layout } from './table.js';
import { pathInfos } from './paths.js';
import { mean } from '../model/dist.js';
import { isSeriesParam, type RegionInput, type ScalarParam } from '../model/types.js';
import { assumptionRow, inLang } from './assumptions.js';

export interface XlsxInfo {
  assumptions: readonly ReportAssumption[];
  sources: Readonly<Record<string, ReportSource>>;
  file: string;
  /** The appendix sheet's rows: every row, or Stockholm's appendix (bilaga 1). Default full. */
  layout?: Layout;
  /** Each region's cost inputs (the deterministic run's values), in the order of `out.regions`; null: no costs. */
  costs?: readonly (CostCells | null)[];
}

/** The numbers the cost rows are formulas of (kronor; shares 0–1). */
export interface CostCells {
  salarySpecialist: number;
  salarySt: number;
  employerContributions: number;
  overheadPerEmployee: number;
  stTrainingCost: number;
  wageGrowth: number;
  priceBaseYear: number;
  /** FTE per ST trainee (the ST salary is paid per FTE). */
  stFte: number;
  /** Some other specialist group is in the cost: its salaries are not rows of the table, so the cost rows stay values. */
  othersCosted: boolean;
}

/** A region's cost inputs as the deterministic run uses them (each parameter's mean). */
export function costCellsOf(reg: RegionInput): CostCells | null {
  const c = reg.costs;
  if (!c) return null;
  const m = (p: ScalarParam) => mean(p.dist, p.domain);
  // ST FTE that changes over the years has no single input cell: the cost rows then stay values.
  const fteSeries = isSeriesParam(reg.st.fte);
  return {
    salarySpecialist: m(c.salarySpecialist), salarySt: m(c.salarySt), employerContributions: m(c.employerContributions),
    overheadPerEmployee: m(c.overheadPerEmployee), stTrainingCost: m(c.stTrainingCost), wageGrowth: m(c.wageGrowth),
    priceBaseYear: c.priceBaseYear, stFte: isSeriesParam(reg.st.fte) ? 1 : m(reg.st.fte), othersCosted: fteSeries || reg.others.some((o) => o.salaryPerMonth !== null),
  };
}

type AnyOutput = RunOutput | McRunOutput;
type AnyRegion = RegionOutput | McRegionOutput;
const isMc = (o: AnyOutput): o is McRunOutput => o.mode === 'monte-carlo';

/**
 * A value as the workbook writes it: within 1e-9 of zero it is 0. An expected-value run's net
 * increase of an unchanged stock is the difference of two equal sums that can differ in the last
 * bit (−2.8e-14 persons), which a spreadsheet shows as "-0" in every number format; nothing the
 * model counts (persons, kr, shares) is that small. Other values are written as they are.
 */
export function cellNumber(x: number): number {
  return Math.abs(x) < 1e-9 ? 0 : x;
}

/** Number format of a field on the appendix sheet, and the factor its value is multiplied by. */
export function appendixFormat(key: FieldKey): { numFmt: string; scale: number } {
  const d = FIELD_DEF[key];
  if (d.unit === 'kr' || d.unit === 'kr/year') return { numFmt: key === 'netCostIncrease' ? '+#,##0.0;-#,##0.0;0.0' : '#,##0.0', scale: 1e-6 };
  if (d.unit === 'share') return { numFmt: '0.0%', scale: 1 };
  if (d.unit === 'fte') return { numFmt: '#,##0', scale: 1 };
  if (key.startsWith('netIncrease')) return { numFmt: '+#,##0;-#,##0;0', scale: 1 };
  return { numFmt: '#,##0', scale: 1 };
}

/** A yes/no field's cell: the word the unit names (yes/no, ja/nej), as the terminal table shows it, not 1/0. */
const flagText = (v: unknown, loc: Locale): string => (v ? loc.tables.yes() : loc.tables.no());

/** Number format of a field in the long table (values in the JSON output's units). */
function longFormat(key: FieldKey): string {
  const u = FIELD_DEF[key].unit;
  if (u === 'share') return '0.0%';
  if (u === 'fte') return '#,##0.0';
  return '#,##0';
}

const allRegions = (o: AnyOutput): AnyRegion[] => [...o.regions, ...(o.total && o.regions.length > 1 ? [o.total] : [])];

/** Excel's name for column n (1-based): 1 → A, 27 → AA. */
export function colName(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Rows of the inputs sheet, in order; the value column of region i is column i + 2. */
const INPUT_ROWS = ['salarySpecialist', 'salarySt', 'employerContributions', 'overheadPerEmployee', 'stTrainingCost', 'wageGrowth', 'priceBaseYear', 'stFte'] as const;
type InputKey = (typeof INPUT_ROWS)[number];
const INPUT_FIRST_ROW = 5;
const INPUT_FMT: Record<InputKey, string> = { salarySpecialist: '#,##0', salarySt: '#,##0', employerContributions: '0.00%', overheadPerEmployee: '#,##0', stTrainingCost: '#,##0', wageGrowth: '0.00%', priceBaseYear: '0', stFte: '0.00' };

const costColumns = (out: AnyOutput, costs: readonly (CostCells | null)[]) =>
  out.regions.map((r, i) => ({ name: r.name, c: costs[i] ?? null })).filter((x): x is { name: string; c: CostCells } => x.c !== null);

/** The cell of each input, per region whose cost rows are formulas (not when another specialist group is in the cost). */
function inputRefs(out: AnyOutput, costs: readonly (CostCells | null)[], loc: Locale): Map<string, (k: InputKey) => string> {
  const sheet = `'${loc.report.sheetInputs().replace(/'/g, "''")}'`;
  const refs = new Map<string, (k: InputKey) => string>();
  costColumns(out, costs).forEach((x, i) => {
    if (!x.c.othersCosted) refs.set(x.name, (k) => `${sheet}!$${colName(i + 2)}$${INPUT_FIRST_ROW + INPUT_ROWS.indexOf(k)}`);
  });
  return refs;
}

/** The inputs sheet: one column per region with costs; blue cells are the ones to change. */
function inputsSheet(wb: ExcelJS.Workbook, out: AnyOutput, costs: readonly (CostCells | null)[], loc: Locale): void {
  const ws = wb.addWorksheet(loc.report.sheetInputs());
  const cols = costColumns(out, costs);
  ws.getColumn(1).width = 50;
  ws.addRow([loc.report.inputsTitle()]).font = { bold: true, size: 14 };
  ws.addRow([loc.report.inputsNote(loc.report.sheetAppendix())]);
  ws.addRow([]);
  const head = ws.addRow(['', ...cols.map((x) => x.name)]);
  head.font = { bold: true };
  INPUT_ROWS.forEach((k, r) => {
    const row = ws.getRow(INPUT_FIRST_ROW + r);
    row.getCell(1).value = loc.report.inputLabel(k);
    cols.forEach((x, i) => {
      const cell = row.getCell(i + 2);
      cell.value = x.c[k];
      cell.numFmt = INPUT_FMT[k];
      cell.font = { color: { argb: 'FF0B3C73' }, bold: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
      cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
    });
  });
  cols.forEach((_, i) => { ws.getColumn(i + 2).width = 16; });
  const others = cols.filter((x) => x.c.othersCosted).map((x) => x.name);
  ws.addRow([]);
  if (others.length) ws.addRow([loc.report.inputsOthersCosted(others)]);
  if (isMc(out)) ws.addRow([loc.report.inputsMcNote()]);
  pageSetup(ws, 'portrait');
}

/** A4, one page wide (as many pages tall as needed). */
function pageSetup(ws: ExcelJS.Worksheet, orientation: 'portrait' | 'landscape'): void {
  ws.pageSetup = { paperSize: 9, orientation, fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } };
}

const COST_FORMULA_KEYS: ReadonlySet<FieldKey> = new Set<FieldKey>(['cost', 'costIncrease', 'netCostIncrease', 'cumulativeCost']);

function appendixSheet(wb: ExcelJS.Workbook, out: AnyOutput, loc: Locale, inputRefs: Map<string, (k: InputKey) => string>, costs: readonly (CostCells | null)[], layout: Layout = 'full'): void {
  const ws = wb.addWorksheet(loc.report.sheetAppendix(), { views: [{ state: 'frozen', xSplit: 1, ySplit: 0 }] });
  const mc = isMc(out);
  ws.getColumn(1).width = 52;
  ws.addRow([`${out.scenario.name} — ${loc.tables.mode(out.mode)}`]).font = { bold: true, size: 14 };
  ws.addRow([mc ? loc.report.xlsxMedianNote(out.runs, out.seed) : loc.tables.mode('deterministic')]);
  ws.addRow([loc.tables.countBasis(out.scenario.countBasis)]);
  const norm = normForSentences(out);
  let maxYears = 0;
  /** Per region: the row of each field, for the total's sums. */
  const rowsOf = new Map<string, Map<FieldKey, number>>();
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
    const { rows, costsOmitted } = tableRows(r, mc && layout === 'full' ? mcDefaultFields(r as McRegionOutput) : undefined, layout);
    const isTotal = out.total !== undefined && r === out.total && out.regions.length > 1;
    const input = inputRefs.get(r.name);
    // Formulas: a region's cost from its headcount rows and its inputs; the total as the regions' sum.
    const shown = new Set(rows.flatMap((g) => g.keys));
    const formulas = (isTotal ? out.regions.every((x) => rowsOf.get(x.name)?.has('cost')) : input !== undefined && ['specialistsFte', 'st', 'specialists'].every((k) => shown.has(k as FieldKey)))
      && years[0] === out.startYear && rows.some((g) => g.group === 'cost');
    const at = new Map<FieldKey, number>();
    rowsOf.set(r.name, at);
    for (const g of rows) {
      if (g.group === 'cost' && formulas && !g.keys.includes('cost')) g.keys.unshift('cost');
      ws.addRow([loc.fields.groupTitle(g.group as FieldGroup, out.scenario.priceBase)]).font = { bold: true };
      for (const k of g.keys) {
        const { numFmt, scale } = appendixFormat(k);
        const flag = FIELD_DEF[k].unit === 'flag';
        const row = ws.addRow(['  ' + loc.fields.rowLabel(k), ...r.years.map((y) => (y[k] === null ? null : flag ? flagText(y[k], loc) : cellNumber((y[k] as number) * scale)))]);
        at.set(k, row.number);
        for (let c = 2; c <= years.length + 1; c++) {
          if (flag) row.getCell(c).alignment = { horizontal: 'right' };
          else row.getCell(c).numFmt = numFmt;
        }
        if (formulas && COST_FORMULA_KEYS.has(k)) {
          for (let t = 0; t < years.length; t++) {
            const f = isTotal ? `SUM(${out.regions.map((x) => `${colName(t + 2)}${rowsOf.get(x.name)!.get(k)}`).join(',')})` : costFormula(k, t, at, head.number, input!);
            if (f === null) continue;
            const cell = row.getCell(t + 2);
            // The cached result is the formula's own value (for a Monte Carlo: the cost of the median workforce).
            const result = isTotal ? out.regions.reduce((sum, x) => sum + (ws.getRow(rowsOf.get(x.name)!.get(k)!).getCell(t + 2).result as number), 0) : costValue(k, t, r, costs[out.regions.indexOf(r as never)]!) * scale;
            cell.value = { formula: f, result };
          }
        }
        if (mc) {
          const q = (r as McRegionOutput).years.map((y) => y.quantiles?.[k]);
          if (q.some((x) => x !== undefined)) {
            for (const stat of ['p10', 'p90'] as const) {
              const qr = ws.addRow(['    ' + stat, ...q.map((x) => (x === undefined || x[stat] === null || !Number.isFinite(x[stat] as number) ? null : cellNumber((x[stat] as number) * scale)))]);
              qr.font = { italic: true, size: 9, color: { argb: 'FF555555' } };
              for (let c = 2; c <= years.length + 1; c++) qr.getCell(c).numFmt = numFmt;
            }
          }
        }
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
    for (const p of pathInfos(r.years as RegionOutput['years'], mc)) ws.addRow([loc.tables.path(p)]);
    if (formulas) ws.addRow([mc ? loc.report.costFormulaNoteMc(loc.report.sheetInputs()) : loc.report.costFormulaNote(loc.report.sheetInputs())]);
    if (costsOmitted) ws.addRow([loc.tables.costsOmitted()]);
  }
  for (let c = 2; c <= maxYears + 1; c++) ws.getColumn(c).width = 13;
  ws.addRow([]);
  ws.addRow([loc.tables.footer(out.version)]);
  pageSetup(ws, 'landscape');
}

/**
 * The Excel formula of a cost row's cell (year column t), in the engine's terms (model/engine.ts):
 * cost = (specialist FTE × 12 × salary + ST × ST FTE × 12 × ST salary) × (1 + PO) × (1 + wage
 * growth)^(year − price base year) + overhead × (specialists + ST) + training cost × ST, in
 * million kronor as the sheet shows it. The increase is against the first (base) year; the net
 * increase against the year before; the accumulated cost sums the increases from the year after
 * the base year. Null: the cell stays empty (no increase in the base year).
 */
/** The value `costFormula` gives, computed here from the rows' values (kronor). */
function costValue(k: FieldKey, t: number, r: AnyRegion, c: CostCells): number {
  const kr = (t: number) => {
    const y = r.years[t];
    const n = (key: FieldKey) => y[key] as number;
    return (n('specialistsFte') * 12 * c.salarySpecialist + n('st') * c.stFte * 12 * c.salarySt) * (1 + c.employerContributions) * Math.pow(1 + c.wageGrowth, y.year - c.priceBaseYear)
      + c.overheadPerEmployee * (n('specialists') + n('st')) + c.stTrainingCost * n('st');
  };
  switch (k) {
    case 'cost': return kr(t);
    case 'costIncrease': return kr(t) - kr(0);
    case 'netCostIncrease': return kr(t) - kr(t - 1);
    default: { let sum = 0; for (let u = 1; u <= t; u++) sum += kr(u) - kr(0); return sum; }
  }
}

function costFormula(k: FieldKey, t: number, at: Map<FieldKey, number>, yearRow: number, I: (k: InputKey) => string): string | null {
  if (!at.has('specialistsFte') || !at.has('st') || !at.has('specialists')) return null;
  const kr = (t: number) => {
    const c = colName(t + 2);
    const [fte, st, heads] = [at.get('specialistsFte'), at.get('st'), at.get('specialists')].map((r) => `${c}${r}`);
    return `((${fte}*12*${I('salarySpecialist')}+${st}*${I('stFte')}*12*${I('salarySt')})*(1+${I('employerContributions')})*(1+${I('wageGrowth')})^(${c}$${yearRow}-${I('priceBaseYear')})+${I('overheadPerEmployee')}*(${heads}+${st})+${I('stTrainingCost')}*${st})`;
  };
  switch (k) {
    case 'cost': return `${kr(t)}/1000000`;
    case 'costIncrease': return `(${kr(t)}-${kr(0)})/1000000`;
    case 'netCostIncrease': return t === 0 ? null : `(${kr(t)}-${kr(t - 1)})/1000000`;
    case 'cumulativeCost': return t === 0 ? '0' : `${colName(t + 1)}${at.get('cumulativeCost')}+(${kr(t)}-${kr(0)})/1000000`;
    default: return null;
  }
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
        if (!(k in y)) continue; // an age-only field of a scenario without age-structured demand
        const q = mc ? (y as McRegionOutput['years'][number]).quantiles?.[k] : undefined;
        const values = (mc ? [y[k], q?.mean ?? null, ...stats.map((s) => q?.[s] ?? null)] : [d.unit === 'flag' && y[k] !== null ? flagText(y[k], loc) : y[k]])
          .map((v) => (typeof v === 'number' ? cellNumber(v) : v));
        const row = ws.addRow([r.name, y.year, k, loc.fields.label(k), loc.fields.unit(k), ...values]);
        row.getCell(2).numFmt = '0';
        const fmt = longFormat(k);
        for (let c = 6; c < 6 + values.length; c++) row.getCell(c).numFmt = fmt;
      }
    }
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: head.length } };
  pageSetup(ws, 'landscape');
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
  const head = [loc.tables.colRegion(), loc.report.colParameter(), loc.report.colKey(), loc.report.colValue(), loc.report.colKind(), loc.report.colSource(), loc.report.colTitle(), loc.report.colPublisher(), loc.report.colYear(), loc.report.colUrl(), loc.report.colNote()];
  ws.addRow(head).font = { bold: true };
  for (const a of info.assumptions) {
    const s = a.source ? info.sources[a.source] : undefined;
    const r = assumptionRow(a, loc);
    const v = numOrText(a.value);
    ws.addRow([r.region, r.label, r.path, typeof v === 'number' ? v : r.value, loc.report.kind(a.kind), a.source ?? '', s ? inLang(loc, s.title, s.titleSv) : '', s?.publisher ?? '', s?.year ?? '', s?.url ?? '', r.note]);
  }
  ws.addRow([]);
  ws.addRow([loc.report.sourcesTitle()]).font = { bold: true, size: 12 };
  ws.addRow([loc.report.colId(), loc.report.colTitle(), loc.report.colPublisher(), loc.report.colYear(), loc.report.colKind(), loc.report.colUrl(), loc.report.colNote()]).font = { bold: true };
  for (const [id, s] of Object.entries(info.sources)) {
    ws.addRow([id, inLang(loc, s.title, s.titleSv), s.publisher ?? '', s.year ?? '', loc.report.kind(s.kind ?? 'published'), s.url ?? '', inLang(loc, s.note ?? '', s.noteSv)]);
  }
  [22, 40, 30, 30, 14, 26, 60, 22, 8, 30, 50].forEach((w, i) => { ws.getColumn(i + 1).width = w; });
  ws.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  pageSetup(ws, 'landscape');
}

/** The workbook as bytes (write it with writeAtomic). */
export async function renderXlsx(out: AnyOutput, info: XlsxInfo, loc: Locale): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = `riktvarde ${out.version}`;
  // Fixed dates: the workbook's properties do not change with the clock.
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.calcProperties = { fullCalcOnLoad: true }; // Excel and LibreOffice recompute the formulas on opening
  wb.modified = wb.created;
  const costs = info.costs ?? [];
  appendixSheet(wb, out, loc, inputRefs(out, costs, loc), costs, info.layout);
  if (costColumns(out, costs).length) inputsSheet(wb, out, costs, loc);
  longSheet(wb, out, loc);
  assumptionsSheet(wb, out, info, loc);
  // ExcelJS zips with JSZip, which stamps every entry with the clock unless its defaults give a
  // date: the same scenario and seed gave different bytes a few seconds apart. The entries carry
  // the workbook's fixed date instead (JSZip's default put back after, for anyone else's zips).
  const clockDate = JSZip.defaults.date;
  JSZip.defaults.date = wb.created;
  try {
    const buf = await wb.xlsx.writeBuffer();
    return new Uint8Array(buf as ArrayBuffer);
  } finally {
    JSZip.defaults.date = clockDate;
  }
}
