/** The handlers behind each command. */
import type { RunOutput } from '../model/results.js';
import { scenarioJsonSchema } from '../scenario/jsonschema.js';
import { renderCsv, runsCsv, spreadsheetCsv } from '../viz/csv.js';
import { renderTable, type Layout } from '../viz/table.js';
import { renderTabell1 } from '../viz/tabell1.js';
import type { Lang } from '../viz/format.js';
import { texts } from '../viz/texts/index.js';
import type { McRunOutput } from '../model/mcresults.js';
import { renderMcTable } from '../viz/mctable.js';
import { renderMcCsv } from '../viz/mccsv.js';
import { checkWritable, emitText, writeAtomic } from './files.js';
import { deterministic, monteCarloOf, startThreadsEarly, type McArgs } from './mc.js';
import { loadScenarioFile, type LoadedScenario } from '../api/load.js';
import { UsageError } from './usage.js';
import { withWhatItWouldTake } from '../api/core.js';

interface Common { scenario?: string; set: string[]; lang: Lang }

export function parseYears(spec: string | undefined, start: number, end: number): [number, number] | null {
  if (spec === undefined) return null;
  const m = /^\s*(\d{4})\s*(?:[-–]\s*(\d{4}))?\s*$/.exec(spec);
  if (!m) throw new UsageError(`--years expects a year or a range such as 2024-2030, got '${spec}'`);
  const a = Number(m[1]), b = m[2] ? Number(m[2]) : a;
  if (a > b || a < start || b > end) throw new UsageError(`--years ${spec} is outside the scenario's horizon ${start}–${end}`);
  return [a, b];
}

export function filterYears<T extends RunOutput | McRunOutput>(out: T, range: [number, number] | null): T {
  if (!range) return out;
  const keep = <T extends { years: { year: number }[] }>(r: T): T => ({ ...r, years: r.years.filter((y) => y.year >= range[0] && y.year <= range[1]) });
  return { ...out, regions: out.regions.map(keep), total: out.total ? keep(out.total) : undefined };
}

/** `--format xlsx`: the workbook of viz/xlsx.ts (loaded on use: exceljs is large). */
async function writeXlsx(out: RunOutput | McRunOutput, sc: LoadedScenario, a: { out?: string; force: boolean; lang: Lang; layout?: Layout }): Promise<void> {
  const { renderXlsx, costCellsOf } = await import('../viz/xlsx.js');
  const costs = sc.input.regions.map(costCellsOf);
  writeAtomic(a.out!, await renderXlsx(out, { assumptions: sc.meta.assumptions, sources: sc.meta.sources, file: sc.file, layout: a.layout ?? sc.meta.output.layout, costs }, texts(a.lang)), a.force);
}

export async function runCommand(a: Common & McArgs & { format: 'table' | 'csv' | 'json' | 'xlsx'; out?: string; force: boolean; years?: string; layout?: 'full' | 'bilaga'; take?: boolean }): Promise<number> {
  if (a.format === 'xlsx' && !a.out) throw new UsageError('--format xlsx writes a workbook: give the file with --out, e.g. --out plan.xlsx');
  if (a.out) checkWritable(a.out, a.force); // refuse before doing any work
  if (a.runsOut) checkWritable(a.runsOut, a.force);
  const monteCarlo = a.runs !== undefined || a.runsOut !== undefined;
  if (monteCarlo) startThreadsEarly(a);
  const sc = loadScenarioFile(a.scenario!, a.set);
  const range = parseYears(a.years, sc.input.startYear, sc.input.endYear);
  const layout = a.layout ?? sc.meta.output.layout;
  if (monteCarlo) {
    const { mc, out: mcOut } = await monteCarloOf(sc, a);
    const out = filterYears(a.take === false ? mcOut : withWhatItWouldTake(mcOut, sc, mc), range);
    if (a.format === 'xlsx') {
      if (a.runsOut) writeAtomic(a.runsOut, runsCsv(mc), a.force);
      await writeXlsx(out, sc, a);
      return 0;
    }
    const text = a.format === 'json' ? JSON.stringify(out, null, 2) + '\n' : a.format === 'csv' ? renderMcCsv(out, spreadsheetCsv(texts(a.lang))) : renderMcTable(out, texts(a.lang), { layout });
    if (a.runsOut) writeAtomic(a.runsOut, runsCsv(mc), a.force);
    emitText(text, a.out, a.force);
    return 0;
  }
  const det = deterministic(sc);
  const out = filterYears(a.take === false ? det : withWhatItWouldTake(det, sc, null), range);
  if (a.format === 'xlsx') { await writeXlsx(out, sc, a); return 0; }
  let text: string;
  if (a.format === 'json') text = JSON.stringify(out, null, 2) + '\n';
  else if (a.format === 'csv') text = renderCsv(out, spreadsheetCsv(texts(a.lang)));
  else if (range && range[0] === range[1] && out.regions.length > 1) text = renderTabell1(out, texts(a.lang), sc.meta.totalReported);
  else text = renderTable(out, texts(a.lang), { layout });
  emitText(text, a.out, a.force);
  return 0;
}

export async function validateCommand(a: Common): Promise<number> {
  const sc = loadScenarioFile(a.scenario!, a.set);
  const n = sc.input.regions.length;
  process.stdout.write(`ok  ${a.scenario}: ${sc.meta.name} (${n} region${n === 1 ? '' : 's'}, ${sc.input.startYear}–${sc.input.endYear}, ${sc.meta.uncertain.length} uncertain parameter${sc.meta.uncertain.length === 1 ? '' : 's'})\n`);
  return 0;
}

export async function schemaCommand(): Promise<number> {
  process.stdout.write(JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
  return 0;
}
