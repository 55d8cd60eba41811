/**
 * The workbook as a budget tool: its cost rows are formulas of the headcount rows and the inputs
 * sheet. Recomputed here by HyperFormula (a spreadsheet engine in JS, so this runs on every
 * machine; `.ci/run` also recomputes a workbook in LibreOffice headless): the recomputed cost rows
 * equal riktvarde's JSON costs, and changing an input moves them as the cost model says.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { HyperFormula } from 'hyperformula';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunOutput } from '../model/results.js';
import { texts } from '../viz/texts/index.js';
import { cliInProcess, removeSandboxes, ROOT, sandbox } from './helpers.js';

const dir = sandbox({}, 'riktvarde-xlsxf-');
afterAll(removeSandboxes);

async function workbook(name: string, ...args: string[]): Promise<{ json: RunOutput; wb: ExcelJS.Workbook }> {
  const j = join(dir, `${name}.json`), x = join(dir, `${name}.xlsx`);
  for (const [fmt, out] of [['json', j], ['xlsx', x]]) {
    const r = await cliInProcess(ROOT, 'run', ...args, '--format', fmt, '--out', out, '--workers', '1');
    expect(r.code, r.stderr).toBe(0);
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(x);
  return { json: JSON.parse(readFileSync(j, 'utf8')), wb };
}

/** Every sheet as HyperFormula data: formulas as `=…`, numbers and text as they are. */
function engine(wb: ExcelJS.Workbook): HyperFormula {
  const sheets: Record<string, (string | number | boolean | null)[][]> = {};
  for (const ws of wb.worksheets) {
    const rows: (string | number | boolean | null)[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      const cells: (string | number | boolean | null)[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const v = cell.formula ? `=${cell.formula}` : cell.value;
        cells[c - 1] = typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? v : v === null || v === undefined ? null : String(v);
      });
      rows[r - 1] = Array.from(cells, (x) => x ?? null);
    });
    sheets[ws.name] = Array.from(rows, (x) => x ?? []);
  }
  return HyperFormula.buildFromSheets(sheets, { licenseKey: 'gpl-v3' });
}

/** Row number (1-based) of the appendix row `label` under the region `region`. */
function rowOf(ws: ExcelJS.Worksheet, region: string, label: string): number {
  let inRegion = false;
  for (let i = 1; i <= ws.rowCount; i++) {
    const a = String(ws.getRow(i).getCell(1).value ?? '');
    if (a === region) inRegion = true;
    else if (inRegion && a === `  ${label}`) return i;
  }
  throw new Error(`no row '${label}' under '${region}'`);
}

const COSTS = ['cost', 'costIncrease', 'netCostIncrease', 'cumulativeCost'] as const;

describe('workbook formulas, recomputed by HyperFormula', () => {
  for (const [file, lang] of [['scenarios/halland.yaml', 'sv'], ['scenarios/stockholm-handlingsplan.yaml', 'en'], ['scenarios/riket-2019.yaml', 'sv']] as const) {
    it(`${file}: the cost rows equal the JSON costs, and a salary or the PO share moves them`, async () => {
      const { json, wb } = await workbook(file.replace(/\W/g, '-'), file, '--lang', lang);
      const loc = texts(lang);
      const app = wb.worksheets[0];
      const hf = engine(wb);
      const sheet = hf.getSheetId(app.name)!;
      const inputs = hf.getSheetId(loc.report.sheetInputs())!;
      const value = (row: number, col: number) => hf.getCellValue({ sheet, row: row - 1, col: col - 1 });
      const units = [...json.regions, ...(json.total && json.regions.length > 1 ? [json.total] : [])];
      let formulas = 0;
      for (const u of units) {
        for (const k of COSTS) {
          const r = rowOf(app, u.name, loc.fields.rowLabel(k));
          u.years.forEach((y, t) => {
            if (app.getRow(r).getCell(t + 2).formula) formulas++;
            const v = y[k];
            if (v === null) return;
            expect(value(r, t + 2), `${u.name} ${k} ${y.year}`).toBeCloseTo(v / 1e6, 6);
          });
        }
      }
      expect(formulas).toBeGreaterThan(units.length * 40);
      // Raise the first region's specialist salary by 10 000 kr a month: its cost rises by
      // specialist FTE × 12 × 10 000 × (1 + PO) in every year (fixed prices); the total with it.
      const first = json.regions[0];
      const costRow = rowOf(app, first.name, loc.fields.rowLabel('cost'));
      const before = first.years.map((_, t) => value(costRow, t + 2) as number);
      const po = hf.getCellValue({ sheet: inputs, row: 6, col: 1 }) as number;
      hf.setCellContents({ sheet: inputs, row: 4, col: 1 }, (hf.getCellValue({ sheet: inputs, row: 4, col: 1 }) as number) + 10_000);
      first.years.forEach((y, t) => {
        expect((value(costRow, t + 2) as number) - before[t]).toBeCloseTo((y.specialistsFte! * 12 * 10_000 * (1 + po)) / 1e6, 6);
      });
      // The PO share to zero: every cost row of the first region falls.
      hf.setCellContents({ sheet: inputs, row: 6, col: 1 }, 0);
      first.years.forEach((_, t) => expect(value(costRow, t + 2) as number).toBeLessThan(before[t]));
    }, 120_000);
  }

  it('Monte Carlo: the cost rows are formulas too, with p10 and p90 rows under every median row; A4, one page wide', async () => {
    const { wb } = await workbook('mc', 'scenarios/halland.yaml', '--runs', '100', '--seed', '3', '--lang', 'sv');
    const app = wb.worksheets[0];
    const loc = texts('sv');
    const r = rowOf(app, 'Halland', loc.fields.rowLabel('cumulativeCost'));
    expect(app.getRow(r).getCell(5).formula).toBeTruthy();
    expect(app.getRow(r + 1).getCell(1).value).toBe('    p10');
    expect(app.getRow(r + 2).getCell(1).value).toBe('    p90');
    const p10 = app.getRow(r + 1).getCell(13).value as number, p90 = app.getRow(r + 2).getCell(13).value as number;
    expect(p10).toBeLessThan(p90);
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup.paperSize, ws.name).toBe(9);
      expect(ws.pageSetup.fitToWidth, ws.name).toBe(1);
      expect(ws.pageSetup.fitToHeight, ws.name).toBe(0);
    }
  }, 120_000);
});
