/**
 * What a new user looks at (the review of 6 Dec 2026, P1–P10): each example reproduced here
 * first, asserting on the output a user sees, then fixed.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { cliInProcess, removeSandboxes, ROOT, sandbox } from './helpers.js';

const dir = sandbox({}, 'riktvarde-polish9-');
afterAll(removeSandboxes);

const run = (...args: string[]) => cliInProcess(ROOT, ...args, '--workers', '1');

async function workbook(name: string, ...args: string[]): Promise<ExcelJS.Workbook> {
  const x = join(dir, `${name}.xlsx`);
  const r = await run('run', ...args, '--format', 'xlsx', '--out', x);
  expect(r.code, r.stderr).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(x);
  return wb;
}

/** Every row of every sheet whose cells name a yes/no field, with the cells after the label. */
function flagCells(wb: ExcelJS.Workbook, unit: string): unknown[] {
  const cells: unknown[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => {
    const v = (row.values as unknown[]).slice(1);
    const i = v.findIndex((c) => typeof c === 'string' && c.includes(unit));
    if (i >= 0) cells.push(...v.slice(i + 1).filter((c) => c !== undefined && c !== null));
  }));
  return cells;
}

describe('P6: the workbook shows yes/no flags as yes/no, not 0/1', () => {
  for (const [lang, yes, no, unit] of [['en', 'yes', 'no', 'yes/no'], ['sv', 'ja', 'nej', 'ja/nej']] as const) {
    it(`deterministic and Monte Carlo, every sheet (${lang})`, async () => {
      for (const mc of [[], ['--runs', '100', '--seed', '3']]) {
        const wb = await workbook(`flags-${lang}-${mc.length}`, 'scenarios/varmland-1500-then-1100.yaml', '--lang', lang, ...mc);
        const cells = flagCells(wb, unit);
        expect(cells.length).toBeGreaterThan(10);
        for (const c of cells) expect([yes, no]).toContain(c);
        expect(cells).toContain(yes); // the interim norm is met in the base year
        expect(cells).toContain(no);
      }
    });
  }
});
