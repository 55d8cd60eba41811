/**
 * `run --format xlsx` (viz/xlsx.ts), read back with exceljs: the numbers are those of the JSON
 * output (deterministic and Monte Carlo), stored as numbers with number formats, not as text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import type { FieldKey } from '../model/fields.js';
import type { McRunOutput } from '../model/mcresults.js';
import type { RunOutput } from '../model/results.js';
import { texts } from '../viz/texts/index.js';
import { appendixFormat, cellNumber } from '../viz/xlsx.js';
import { cliInProcess, removeSandboxes, ROOT, sandbox } from './helpers.js';

const dir = sandbox({}, 'riktvarde-xlsx-');
afterAll(removeSandboxes);

/** The CLI's `main` in-process on one thread; `status` is the exit code (spawnSync's name). */
async function cli(...args: string[]) {
  const r = await cliInProcess(ROOT, ...args, '--workers', '1');
  return { ...r, status: r.code };
}

async function both(name: string, ...args: string[]): Promise<{ json: RunOutput | McRunOutput; wb: ExcelJS.Workbook }> {
  const j = join(dir, `${name}.json`), x = join(dir, `${name}.xlsx`);
  const a = await cli('run', ...args, '--format', 'json', '--out', j);
  expect(a.status, a.stderr).toBe(0);
  const b = await cli('run', ...args, '--format', 'xlsx', '--out', x);
  expect(b.status, b.stderr).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(x);
  return { json: JSON.parse(readFileSync(j, 'utf8')), wb };
}

/** Row of the appendix sheet whose label is `label`, after the row naming `region`. */
function appendixRow(ws: ExcelJS.Worksheet, region: string, label: string): ExcelJS.Row {
  let inRegion = false;
  for (let i = 1; i <= ws.rowCount; i++) {
    const row = ws.getRow(i);
    const a = String(row.getCell(1).value ?? '');
    if (a === region) inRegion = true;
    else if (inRegion && a === `  ${label}`) return row; // field rows are indented under group titles
  }
  throw new Error(`no row '${label}' under '${region}'`);
}

const FIELDS: FieldKey[] = ['population', 'specialists', 'st', 'listableSt', 'coverage', 'inhabitantsPerDoctor', 'specialistGap', 'costIncrease', 'cumulativeCost', 'netIncreaseSpecialists'];

function checkAppendix(json: RunOutput | McRunOutput, wb: ExcelJS.Workbook, lang: 'sv' | 'en') {
  const ws = wb.worksheets[0];
  const region = json.regions[0];
  for (const k of FIELDS) {
    const row = appendixRow(ws, region.name, texts(lang).fields.rowLabel(k));
    const { numFmt, scale } = appendixFormat(k);
    region.years.forEach((y, i) => {
      const cell = row.getCell(i + 2);
      const v = y[k];
      if (v === null) { expect(cell.value, `${k} ${y.year}`).toBeNull(); return; }
      // Cost rows are formulas (test/xlsx-formulas.test.ts recomputes them); their cached result is checked here.
      const value = cell.formula ? cell.result : cell.value;
      expect(typeof value, `${k} ${y.year}`).toBe('number');
      if (cell.formula && json.mode === 'monte-carlo') {
        // The cost of the median workforce: inside the runs' 80 % interval of the cost.
        const q = (y as McRunOutput['regions'][number]['years'][number]).quantiles[k]!;
        expect(value as number).toBeGreaterThanOrEqual((q.p10 as number) * scale - 1e-9);
        expect(value as number).toBeLessThanOrEqual((q.p90 as number) * scale + 1e-9);
      }
      else expect(value as number).toBeCloseTo(v * scale, 9);
      expect(cell.numFmt).toBe(numFmt);
    });
  }
}

describe('run --format xlsx', () => {
  it('deterministic: the appendix sheet holds the JSON numbers, as numbers with formats', async () => {
    const { json, wb } = await both('det', 'scenarios/halland.yaml', '--lang', 'sv');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Bilaga', 'Indata', 'Alla värden', 'Antaganden']);
    checkAppendix(json, wb, 'sv');
    // Years are numbers too (a column header row).
    const head = wb.worksheets[0].getRow(6);
    expect(head.getCell(2).value).toBe(json.startYear);
    // The long sheet: one row per region × year × field, values as in the JSON.
    const long = wb.worksheets[2];
    const r = long.getRow(2);
    expect(r.getCell(1).value).toBe(json.regions[0].name);
    expect(r.getCell(2).value).toBe(json.startYear);
    expect(r.getCell(3).value).toBe('population');
    expect(r.getCell(6).value).toBe(json.regions[0].years[0].population);
  });

  it('writes no floating-point remainder a spreadsheet would show as "-0" (an unchanged stock\'s net increase), and keeps real values', async () => {
    const { json, wb } = await both('det-zero', 'scenarios/halland.yaml');
    // The JSON holds such remainders (the difference of two equal sums of fractional people) …
    const tiny = json.regions[0].years.flatMap((y) => Object.values(y)).filter((v) => typeof v === 'number' && v !== 0 && Math.abs(v) < 1e-9);
    expect(tiny.length).toBeGreaterThan(0);
    // … the workbook none, on any sheet, while its other numbers are as in the JSON (checkAppendix above).
    for (const ws of wb.worksheets) {
      ws.eachRow((row) => row.eachCell((c) => {
        const v = c.formula ? c.result : c.value;
        if (typeof v === 'number') expect(v === 0 || Math.abs(v) >= 1e-9, `${ws.name} ${c.address} ${v}`).toBe(true);
      }));
    }
    expect(cellNumber(-2.842170943040401e-14)).toBe(0);
    expect(cellNumber(-0.4)).toBe(-0.4);
    expect(cellNumber(1e-6)).toBe(1e-6);
  });

  it('Monte Carlo: medians on sheet 1, quantiles on sheet 3 equal the JSON; assumptions and sources on sheet 4', async () => {
    const { json, wb } = await both('mc', 'scenarios/stockholm-handlingsplan.yaml', '--runs', '200', '--seed', '5', '--lang', 'en');
    const mc = json as McRunOutput;
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Appendix', 'Inputs', 'Quantiles', 'Assumptions']);
    checkAppendix(mc, wb, 'en');
    const prob = appendixRow(wb.worksheets[0], mc.regions[0].name, 'Probability the target has been reached');
    mc.regions[0].years.forEach((y, i) => expect(prob.getCell(i + 2).value).toBeCloseTo(mc.regions[0].probabilityReachedBy[String(y.year)], 12));
    const q = wb.worksheets[2];
    const head = (q.getRow(1).values as unknown[]).slice(1);
    expect(head).toEqual(['Region', 'Year', 'Field', 'Label', 'Unit', 'Median', 'Mean', 'p5', 'p10', 'p25', 'p75', 'p90', 'p95']);
    let checked = 0;
    for (let i = 2; i <= q.rowCount; i++) {
      const row = q.getRow(i);
      const year = row.getCell(2).value as number, key = row.getCell(3).value as FieldKey;
      const y = mc.regions[0].years.find((r) => r.year === year)!;
      const st = y.quantiles[key]!;
      const expected = [y[key], st.mean, st.p5, st.p10, st.p25, st.p75, st.p90, st.p95];
      expected.forEach((v, c) => {
        const cell = row.getCell(6 + c);
        if (v === null) expect(cell.value).toBeNull();
        else { expect(cell.value).toBe(v); expect(cell.numFmt).toBeTruthy(); }
      });
      checked++;
    }
    expect(checked).toBeGreaterThan(300);
    const a = wb.worksheets[3];
    const text = (a.getSheetValues() as unknown[][]).flat().map((v) => String(v ?? '')).join('\n');
    expect(text).toContain('Runs');
    expect(text).toContain('Published');
    expect(text).toContain('Assumption');
    const seedRow = a.getRows(1, 12)!.find((r) => r.getCell(1).value === 'Seed')!;
    expect(seedRow.getCell(2).value).toBe(5);
  });

  it('needs --out (a workbook is not for the terminal)', async () => {
    const r = await cli('run', 'scenarios/halland.yaml', '--format', 'xlsx');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--format xlsx writes a workbook');
  });
});
