/**
 * scenarios/stockholm-bilaga.yaml (issue 10, part 4): the plan's own path is met where it can be
 * and flagged where not, printed in the appendix's layout, and its Monte Carlo gives the same bytes
 * with any number of workers.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadScenarioFile } from '../api/load.js';
import { expectedRun } from '../model/params.js';
import { project } from '../model/project.js';
import { toOutput } from '../model/results.js';
import { scenarioInfo, withWhatItWouldTake } from '../api/core.js';
import { BILAGA_ROWS, renderTable } from '../viz/table.js';
import { renderMcTable } from '../viz/mctable.js';
import { renderXlsx } from '../viz/xlsx.js';
import ExcelJS from 'exceljs';
import { withObservedTable } from '../viz/observed.js';
import { withObserved } from '../model/observed.js';
import { texts } from '../viz/texts/index.js';
import { pathInfos } from '../viz/paths.js';
import { cliInProcess, layoutProblems } from './helpers.js';

const root = join(import.meta.dirname, '..');
const file = join(root, 'scenarios', 'stockholm-bilaga.yaml');
const cli = (args: string[]) => execFileSync(process.execPath, [join(root, 'dist', 'cli', 'main.cjs'), ...args], { encoding: 'utf8' });

const sc = loadScenarioFile(file);
const out = toOutput(project(expectedRun(sc.input), sc.input.total), { ...scenarioInfo(sc), description: '' }, 'test');
const years = out.regions[0].years;

describe('stockholm-bilaga.yaml', () => {
  it('meets the specialist path in every year: 1 080 in 2024 to 2 200 in 2034, +112 a year', () => {
    expect(years[0].specialists).toBeCloseTo(1080, 9);
    for (const y of years.slice(1)) {
      const target = 1080 + 112 * (y.year - 2024);
      expect(y.specialistPath).toBeCloseTo(target, 9);
      expect(y.specialists!, `${y.year}`).toBeCloseTo(target, 6);
      expect(y.specialistPathMet).toBe(1);
      // The inflow the path needs: completers who stay first, then recruitment.
      expect(y.recruitment! + y.newSpecialistsStaying!).toBeCloseTo(112 + y.retirements! + y.otherExits!, 6);
    }
  });

  it('flags the completion years the pipeline already decides, and meets the 150 once the new intake completes', () => {
    const flagged = years.filter((y) => y.completionsPathMet === 0).map((y) => y.year);
    // Starts from 2025 complete after 5–8 years: 2033 is the first year made only of them.
    expect(flagged).toEqual([2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032]);
    for (const y of years.filter((r) => r.year >= 2033)) expect(y.stCompletions!).toBeCloseTo(150, 6);
    expect(years.find((y) => y.year === 2030)!.completionsPath).toBe(150);
  });

  it('prints the appendix layout by default (the scenario says so), with the path sentences', async () => {
    expect(sc.meta.output.layout).toBe('bilaga');
    const run = async (...args: string[]) => (await cliInProcess(root, 'run', file, ...args)).stdout;
    const version = JSON.parse(await run('--format', 'json')).version;
    // `run` adds how far the plan gets and what it would take (issue 10, part 2): the plan misses 1100/550.
    const full = withWhatItWouldTake(withObserved({ ...out, scenario: { ...out.scenario, file }, version }, sc.meta.observed), sc, null);
    expect(full.regions[0].whatItWouldTake).not.toBeNull();
    const t = await run('--lang', 'sv');
    const sv = texts('sv');
    // The observed figures the scenario inherits from the handlingsplan follow the table (issue 11).
    expect(t).toBe(withObservedTable(renderTable(full, sv, { layout: 'bilaga' }) + '\n', full, sv));
    // Rows in the appendix's order, group by group.
    const labels = t.split('\n').filter((l) => /^ {2}\S/.test(l)).map((l) => l.replace(/\s{2,}[−+\d–].*$/, '').trim());
    const expected = BILAGA_ROWS.flatMap((g) => g.keys).map((k) => sv.fields.rowLabel(k));
    expect([...new Set(labels)]).toEqual(expected);
    for (const g of BILAGA_ROWS) expect(t).toContain(`\n${sv.fields.groupTitle(g.group, out.scenario.priceBase)}\n`);
    for (const p of pathInfos(years)) for (const part of sv.tables.path(p).split(' ').slice(0, 6)) expect(t).toContain(part);
    expect(t).toContain(sv.tables.bilagaCostNote().slice(0, 40));
    expect(layoutProblems(t)).toEqual([]);
    // --layout full gives the whole table instead.
    expect(await run('--layout', 'full')).toBe(withObservedTable(renderTable(full, texts('en')) + '\n', full, texts('en')));
  });

  it('its Monte Carlo gives the same bytes with 1 (in-process) and 2 workers (built CLI); the specialist path holds in every run', async () => {
    const base = ['run', file, '--runs', '100', '--seed', '5', '--format', 'json'];
    const r = await cliInProcess(root, ...base, '--workers', '1');
    expect(r.code, r.stderr).toBe(0);
    const one = r.stdout;
    expect(cli([...base, '--workers', '2'])).toBe(one);
    const j = JSON.parse(one);
    for (const y of j.regions[0].years.slice(1)) {
      expect(y.quantiles.specialistPathMet.mean, `${y.year}`).toBe(1); // the probability the path is met
      expect(y.quantiles.specialistPathGap.p95).toBeLessThanOrEqual(0);
    }
    // The completions of 2025 are already in training: the path of 133 is missed in every run.
    expect(j.regions[0].years[1].quantiles.completionsPathMet.mean).toBe(0);
    // The Monte Carlo table in the appendix layout: the path group and the sentences (medians).
    const en = texts('en');
    const t = renderMcTable(j, en, { layout: 'bilaga' });
    expect(t).toContain(`\n${en.fields.groupTitle('path')}\n`);
    const flat = t.replace(/\s+/g, ' '); // sentences are wrapped at 120 columns
    expect(flat).toContain('The specialist path, 1,192 (2025) to 2,200 (2034), is met in every year in at least half of the runs;');
    expect(flat).toMatch(/The completions path, 133 \(2025\) to 150 \(2034\) a year, is not met in 2025–203\d[^(]* in at least half of the runs/);
    expect(layoutProblems(t)).toEqual([]);
  });

  it('the workbook is the same bytes whatever the clock says (zip entries carry a fixed date)', async () => {
    const info = { assumptions: sc.meta.assumptions, sources: sc.meta.sources, file, layout: 'bilaga' as const };
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date(Date.UTC(2031, 4, 6, 10, 11, 12)));
      const a = await renderXlsx(out, info, texts('sv'));
      vi.setSystemTime(new Date(Date.UTC(2042, 8, 9, 13, 14, 16)));
      const b = await renderXlsx(out, info, texts('sv'));
      expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    } finally {
      vi.useRealTimers();
    }
    // The built CLI too (exceljs and its zip are loaded from node_modules there): every zip entry's
    // DOS date and time is 2000-01-01 00:00, the workbook's fixed date, not the clock's.
    const dir = mkdtempSync(join(tmpdir(), 'riktvarde-xlsx-date-'));
    try {
      const x = join(dir, 'b.xlsx');
      cli(['run', file, '--format', 'xlsx', '--out', x]);
      const z = readFileSync(x);
      const stamps = new Set<string>();
      for (let i = z.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04])); i >= 0; i = z.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]), i + 4)) stamps.add(`${z.readUInt16LE(i + 12)} ${z.readUInt16LE(i + 10)}`);
      expect([...stamps]).toEqual([`${(2000 - 1980) * 512 + 32 + 1} 0`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the workbook follows the layout: the appendix rows, the path rows and the path sentences', async () => {
    const sv = texts('sv');
    const bytes = await renderXlsx(out, { assumptions: sc.meta.assumptions, sources: sc.meta.sources, file, layout: 'bilaga' }, sv);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const first: string[] = [];
    ws.eachRow((row) => first.push(String(row.getCell(1).value ?? '')));
    // Row labels are indented under their group title (the population row and group share a name).
    const labels = first.filter((l) => l.startsWith('  ')).map((l) => l.trim());
    expect(labels).toEqual(BILAGA_ROWS.flatMap((g) => g.keys).map((k) => sv.fields.rowLabel(k)));
    for (const p of pathInfos(years)) expect(first).toContain(sv.tables.path(p));
  });
});
