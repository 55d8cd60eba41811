/** The handlers behind each command. */
import { z } from 'zod';
import { expectedRun } from '../model/params.js';
import { project } from '../model/project.js';
import { toOutput, type RunOutput } from '../model/results.js';
import { ScenarioSchema } from '../scenario/schema.js';
import { renderCsv } from '../viz/csv.js';
import { renderTable } from '../viz/table.js';
import { renderTabell1 } from '../viz/tabell1.js';
import type { Lang } from '../viz/format.js';
import { toMcOutput, type McRunOutput } from '../model/mcresults.js';
import type { McResult } from '../model/montecarlo.js';
import { renderMcTable } from '../viz/mctable.js';
import { renderMcCsv } from '../viz/mccsv.js';
import { checkWritable, emitText, programVersion, writeAtomic } from './files.js';
import { defaultWorkers, prestartWorkers, runMonteCarlo } from './pool.js';
import { progressBar } from './progress.js';
import { loadScenarioFile, type LoadedScenario } from './scenario.js';
import { UsageError } from './app.js';

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

export function deterministic(sc: LoadedScenario): RunOutput {
  const p = project(expectedRun(sc.input), sc.input.total);
  return toOutput(p, scenarioInfo(sc), programVersion());
}

export interface McArgs { runs?: number; seed?: number; workers?: number; eventNoise?: boolean; runsOut?: string }

/** --workers: threads computing the Monte Carlo, the main thread included (default: all cores). */
export function threadsOf(workers: number | undefined): number {
  if (workers === undefined) return defaultWorkers();
  if (!Number.isInteger(workers) || workers < 1) throw new UsageError(`--workers must be a whole number ≥ 1, got ${workers}`);
  return workers;
}

/** Starts the Monte Carlo's worker threads now, so they load while the scenario is read. */
export function startThreadsEarly(a: McArgs): void {
  prestartWorkers(threadsOf(a.workers));
}

/** Monte Carlo of a loaded scenario with the command's options (scenario defaults otherwise). */
export async function monteCarloOf(sc: LoadedScenario, a: McArgs): Promise<{ mc: McResult; out: McRunOutput }> {
  const runs = a.runs ?? sc.meta.monteCarlo.runs;
  const seed = a.seed ?? sc.meta.monteCarlo.seed;
  const eventNoise = a.eventNoise ?? sc.meta.monteCarlo.eventNoise;
  if (!Number.isInteger(runs) || runs < 1) throw new UsageError(`--runs must be a whole number ≥ 1, got ${runs}`);
  if (!Number.isInteger(seed) || seed < 0) throw new UsageError(`--seed must be a whole number ≥ 0, got ${seed}`);
  const bar = progressBar(`${sc.meta.name}: ${runs} runs`);
  try {
    const mc = await runMonteCarlo(sc.input, { runs, seed, eventNoise }, { workers: threadsOf(a.workers), onProgress: (d, t) => bar.update(d, t) });
    const ageStructured = sc.input.regions.some((r) => r.demand !== null);
    const out = toMcOutput(mc, scenarioInfo(sc), programVersion(), ageStructured);
    if (ageStructured) {
      // Inhabitants by age group: the expected path (growth uncertainty shows in the bands of the population fields).
      const det = deterministic(sc);
      out.regions.forEach((r, i) => { if (det.regions[i].ageGroups) r.ageGroups = det.regions[i].ageGroups; });
      if (out.total && det.total?.ageGroups) out.total.ageGroups = det.total.ageGroups;
    }
    return { mc, out };
  } finally {
    bar.stop();
  }
}

export const scenarioInfo = (sc: LoadedScenario) => ({ name: sc.meta.name, description: sc.meta.description, countBasis: sc.meta.countBasis, file: sc.file });

/** One row per run: the parameter draws and, per region, the outcomes used by sensitivity and solve. */
export function runsCsv(mc: McResult): string {
  const units = [...mc.regions, ...(mc.total ? [mc.total] : [])];
  const K = mc.paramKeys.length;
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const head = ['run', ...mc.paramKeys.map((k) => q(`param:${k}`))];
  for (const u of units) head.push(q(`${u.name}:firstYearReached`), q(`${u.name}:inhabitantsPerDoctorLastYear`), q(`${u.name}:cumulativeCostLastYear`));
  const lines = [head.join(',')];
  for (let r = 0; r < mc.opts.runs; r++) {
    const row: string[] = [String(r)];
    for (let j = 0; j < K; j++) row.push(String(mc.params[r * K + j]));
    for (const u of units) {
      const f = u.firstReached[r];
      row.push(f < 0 ? '' : String(mc.startYear + f), String(u.lastInhabitantsPerDoctor[r]), Number.isFinite(u.lastCumulativeCost[r]) ? String(u.lastCumulativeCost[r]) : '');
    }
    lines.push(row.join(','));
  }
  return lines.join('\n') + '\n';
}

/** `--format xlsx`: the workbook of viz/xlsx.ts (loaded on use: exceljs is large). */
async function writeXlsx(out: RunOutput | McRunOutput, sc: LoadedScenario, a: { out?: string; force: boolean; lang: Lang }): Promise<void> {
  const { renderXlsx } = await import('../viz/xlsx.js');
  writeAtomic(a.out!, await renderXlsx(out, { assumptions: sc.meta.assumptions, sources: sc.meta.sources, file: sc.file }, a.lang), a.force);
}

export async function runCommand(a: Common & McArgs & { format: 'table' | 'csv' | 'json' | 'xlsx'; out?: string; force: boolean; years?: string }): Promise<number> {
  if (a.format === 'xlsx' && !a.out) throw new UsageError('--format xlsx writes a workbook: give the file with --out, e.g. --out plan.xlsx');
  if (a.out) checkWritable(a.out, a.force); // refuse before doing any work
  if (a.runsOut) checkWritable(a.runsOut, a.force);
  const monteCarlo = a.runs !== undefined || a.runsOut !== undefined;
  if (monteCarlo) startThreadsEarly(a);
  const sc = loadScenarioFile(a.scenario!, a.set);
  const range = parseYears(a.years, sc.input.startYear, sc.input.endYear);
  if (monteCarlo) {
    const { mc, out: full } = await monteCarloOf(sc, a);
    const out = filterYears(full, range);
    if (a.format === 'xlsx') {
      if (a.runsOut) writeAtomic(a.runsOut, runsCsv(mc), a.force);
      await writeXlsx(out, sc, a);
      return 0;
    }
    const text = a.format === 'json' ? JSON.stringify(out, null, 2) + '\n' : a.format === 'csv' ? renderMcCsv(out) : renderMcTable(out, a.lang);
    if (a.runsOut) writeAtomic(a.runsOut, runsCsv(mc), a.force);
    emitText(text, a.out, a.force);
    return 0;
  }
  const out = filterYears(deterministic(sc), range);
  if (a.format === 'xlsx') { await writeXlsx(out, sc, a); return 0; }
  let text: string;
  if (a.format === 'json') text = JSON.stringify(out, null, 2) + '\n';
  else if (a.format === 'csv') text = renderCsv(out);
  else if (range && range[0] === range[1] && out.regions.length > 1) text = renderTabell1(out, a.lang, sc.meta.totalReported);
  else text = renderTable(out, a.lang);
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
  const js = z.toJSONSchema(ScenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown> & { properties: Record<string, unknown> };
  js.title = 'riktvarde scenario';
  js.properties = { extends: { type: 'string', description: 'base scenario file (relative path); this file is deep-merged on top of it' }, ...js.properties };
  process.stdout.write(JSON.stringify(js, null, 2) + '\n');
  return 0;
}
