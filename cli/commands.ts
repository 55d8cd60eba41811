/** The handlers behind each command. */
import type { RunOutput } from '../model/results.js';
import type { AgeGroupSeries } from '../model/project.js';
import { renderCsv, runsCsv, spreadsheetCsv } from '../viz/csv.js';
import { renderTable, type Layout } from '../viz/table.js';
import { tableWidth } from './width.js';
import { renderTabell1 } from '../viz/tabell1.js';
import type { Lang } from '../viz/format.js';
import { texts } from '../viz/texts/index.js';
import type { McRunOutput } from '../model/mcresults.js';
import { renderMcTable } from '../viz/mctable.js';
import { renderMcCsv } from '../viz/mccsv.js';
import { textOutput, type Output } from './files.js';
import { deterministic, monteCarloOf, takeAnswersOnThreads, type McArgs } from './mc.js';
import { pipeline } from './pipeline.js';
import { jsonText } from './finite.js';
import { loadScenarioFile, type LoadedScenario } from '../api/load.js';
import { UsageError } from './usage.js';
import { withObservedTable } from '../viz/observed.js';
import { takeNeedsMonteCarlo, whatItWouldTakeAnswers, withWhatItWouldTake } from '../api/core.js';
import { messages } from './messages.js';
import { writeStdout } from './stdout.js';


interface Common { scenario?: string; set: string[]; lang: Lang }

export function parseYears(spec: string | undefined, start: number, end: number): [number, number] | null {
  if (spec === undefined) return null;
  const m = /^\s*(\d{4})\s*(?:[-–]\s*(\d{4}))?\s*$/.exec(spec);
  if (!m) throw new UsageError(messages.badYears(spec));
  const a = Number(m[1]), b = m[2] ? Number(m[2]) : a;
  if (a > b) throw new UsageError(messages.yearsReversed(spec, b, a));
  if (a < start || b > end) throw new UsageError(messages.yearsOutside(spec, start, end));
  return [a, b];
}

export function filterYears<T extends RunOutput | McRunOutput>(out: T, range: [number, number] | null): T {
  if (!range) return out;
  const inRange = (y: number) => y >= range[0] && y <= range[1];
  const keep = <T extends { years: { year: number }[]; ageGroups?: AgeGroupSeries[] }>(r: T): T => {
    const kept: T = { ...r, years: r.years.filter((y) => inRange(y.year)) };
    // Age groups hold one value per year of the horizon: keep the same years.
    if (r.ageGroups) {
      const idx = r.years.map((y, t) => (inRange(y.year) ? t : -1)).filter((t) => t >= 0);
      kept.ageGroups = r.ageGroups.map((g) => ({ group: g.group, population: idx.map((t) => g.population[t]), weight: idx.map((t) => g.weight[t]) }));
    }
    return kept;
  };
  return { ...out, regions: out.regions.map(keep), total: out.total ? keep(out.total) : undefined };
}

/** `--format xlsx`: the workbook of viz/xlsx.ts (loaded on use: exceljs is large). */
async function xlsxOutput(out: RunOutput | McRunOutput, sc: LoadedScenario, a: { out?: string; lang: Lang; layout?: Layout }): Promise<Output> {
  const { renderXlsx, costCellsOf } = await import('../viz/xlsx.js');
  const costs = sc.input.regions.map(costCellsOf);
  return { path: a.out!, data: await renderXlsx(out, { assumptions: sc.meta.assumptions, sources: sc.meta.sources, file: sc.file, layout: a.layout ?? sc.meta.output.layout, costs }, texts(a.lang)) };
}

export { tableWidth } from './width.js';

export async function runCommand(a: Common & McArgs & { format: 'table' | 'csv' | 'json' | 'xlsx'; out?: string; force: boolean; years?: string; layout?: 'full' | 'bilaga'; wide?: boolean; take?: boolean }): Promise<number> {
  const monteCarlo = a.runs !== undefined || a.runsOut !== undefined;
  return pipeline({
    scenarios: [a.scenario!], set: a.set, targets: [{ path: a.out, name: messages.outFileName('result', a.format) }, { path: a.runsOut, name: messages.outFileName('runs', 'csv') }], force: a.force, monteCarlo: monteCarlo ? a : null,
    check: () => { if (a.format === 'xlsx' && !a.out) throw new UsageError(messages.xlsxNeedsOut()); },
  }, async ([sc]) => {
    const range = parseYears(a.years, sc.input.startYear, sc.input.endYear);
    const layout = a.layout ?? sc.meta.output.layout;
    if (monteCarlo) {
      // What it would take of several regions does not need the Monte Carlo: computed on this
      // thread while the workers simulate (an error in it is thrown where it was before).
      let answers: ReturnType<typeof whatItWouldTakeAnswers> | undefined;
      let failed: { error: unknown } | undefined;
      const alongside = a.take !== false && sc.input.endYear > sc.input.startYear && !takeNeedsMonteCarlo(sc, true)
        ? () => { try { answers = whatItWouldTakeAnswers(sc, null, null); } catch (error) { failed = { error }; } }
        : undefined;
      const { mc, out: mcOut } = await monteCarloOf(sc, a, undefined, alongside);
      if (failed) throw failed.error;
      // One region: searched on the Monte Carlo's runs, on this thread and the idle workers.
      if (a.take !== false && sc.input.endYear > sc.input.startYear && takeNeedsMonteCarlo(sc, true)) answers = takeAnswersOnThreads(sc, a, mc, mcOut);
      const out = filterYears(a.take === false ? mcOut : withWhatItWouldTake(mcOut, sc, mc, answers), range);
      const runs: Output[] = a.runsOut ? [{ path: a.runsOut, data: runsCsv(mc) }] : [];
      if (a.format === 'xlsx') return [...runs, await xlsxOutput(out, sc, a)];
      const text = a.format === 'json' ? jsonText(out) : a.format === 'csv' ? renderMcCsv(out, spreadsheetCsv(texts(a.lang))) : withObservedTable(renderMcTable(out, texts(a.lang), { layout, width: tableWidth(a) }), out, texts(a.lang));
      return [...runs, textOutput(text, a.out)];
    }
    const det = deterministic(sc);
    const out = filterYears(a.take === false ? det : withWhatItWouldTake(det, sc, null), range);
    if (a.format === 'xlsx') return [await xlsxOutput(out, sc, a)];
    let text: string;
    if (a.format === 'json') text = jsonText(out);
    else if (a.format === 'csv') text = renderCsv(out, spreadsheetCsv(texts(a.lang)));
    else if (range && range[0] === range[1] && out.regions.length > 1) text = renderTabell1(out, texts(a.lang), sc.meta.totalReported, { width: tableWidth(a) });
    else text = withObservedTable(renderTable(out, texts(a.lang), { layout, width: tableWidth(a) }), out, texts(a.lang));
    return [textOutput(text, a.out)];
  });
}

export async function validateCommand(a: Common): Promise<number> {
  const sc = loadScenarioFile(a.scenario!, a.set);
  const n = sc.input.regions.length;
  writeStdout(`${messages.validateOk(a.scenario!, sc.meta.name, n, sc.input.startYear, sc.input.endYear, sc.input.uncertain.length)}\n`);
  return 0;
}

export async function schemaCommand(a: { lang?: Lang } = {}): Promise<number> {
  // Loaded here: the JSON Schema's definitions are built only for this command.
  const { scenarioJsonSchema } = await import('../scenario/jsonschema.js');
  let schema: unknown = scenarioJsonSchema();
  if (a.lang === 'sv') {
    // The descriptions an editor shows on hover, in Swedish where the catalogue has them (the ones
    // "required: …" quotes); any other stays English. Keys and values are the file's own: unchanged.
    const { KEY_ABOUT_SV } = await import('../scenario/messages-sv-keys.js');
    const sv = (x: unknown): unknown => {
      if (Array.isArray(x)) return x.map(sv);
      if (x === null || typeof x !== 'object') return x;
      return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, k === 'description' && typeof v === 'string' && Object.hasOwn(KEY_ABOUT_SV, v) ? KEY_ABOUT_SV[v] : sv(v)]));
    };
    schema = sv(schema);
  }
  writeStdout(JSON.stringify(schema, null, 2) + '\n');
  return 0;
}
