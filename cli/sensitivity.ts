/**
 * `riktvarde sensitivity <scenario>`: which parameters matter for when 1100/550 is reached, for
 * coverage in the last year and for the cost — one at a time (deterministic runs at each
 * uncertain parameter's p10 and p90 and each fixed parameter ±10 %, the others at their medians)
 * and all at once (PRCC and SRC of the uncertain ones from the Monte Carlo sample). Table, JSON or CSV on stdout or --out; the tornado and PRCC chart with
 * --chart-out (.png, .svg or .vl.json).
 */
import { uncertainKeys } from '../model/draws.js';
import { NFIELDS } from '../model/fields.js';
import {
  fixedParams, globalSensitivity, minRunsForGlobal, oneAtATime, SENSITIVITY_DEFINITIONS, type FixedParam, type ParamInfo, type SensitivityOutput, type UncertainParam,
} from '../model/sensitivity.js';
import type { ScenarioMeta } from '../scenario/types.js';
import type { ChartFormat } from '../viz/render.js';
import type { VlSpec } from '../viz/charts.js';
import type { Lang } from '../viz/format.js';
import { texts, type Locale } from '../viz/texts/index.js';
import { swedishSpreadsheet } from '../viz/csv.js';
import { renderSensitivityCsv, renderSensitivityTable } from '../viz/sensitivity.js';
import { tableWidth } from './width.js';
import { normForSentences } from '../viz/table.js';
import { UsageError } from './usage.js';
import { deterministic, monteCarloOf, type McArgs } from './mc.js';
import { pipeline } from './pipeline.js';
import { jsonText } from './finite.js';
import { mcSettings, scenarioInfo } from '../api/core.js';
import { textOutput, type Output } from './files.js';
import { programVersion } from '../api/load.js';
import { loadScenarioFile } from '../api/load.js';
import { messages } from './messages.js';

export interface SensitivityArgs extends McArgs {
  scenario?: string;
  set: string[];
  lang: Lang;
  format: 'table' | 'json' | 'csv';
  out?: string;
  force: boolean;
  wide?: boolean;
  chartOut?: string;
}

/** The chart format named by a file's ending, or a usage error. */
export function chartFormatOf(path: string, flag = '--chart-out'): ChartFormat {
  const p = path.toLowerCase();
  if (p.endsWith('.vl.json')) return 'vl.json';
  if (p.endsWith('.svg')) return 'svg';
  if (p.endsWith('.png')) return 'png';
  throw new UsageError(messages.chartFileType(flag, path));
}

/**
 * The outputs of an analysis (sensitivity, compare): its text by --format on stdout or --out, and its
 * chart on --chart-out. `chart` loads the chart module on use: vega and resvg take ~0.4 s to load.
 */
export async function analysisOutputs<T>(
  res: T,
  a: { format: 'table' | 'json' | 'csv'; lang: Lang; out?: string; chartOut?: string; wide?: boolean },
  chartFormat: ChartFormat | null,
  render: { csv: (r: T) => string; table: (r: T, loc: Locale, opts: { width: number }) => string; chart: () => Promise<(r: T, loc: Locale) => VlSpec> },
): Promise<Output[]> {
  const text = a.format === 'json' ? jsonText(res)
    // Swedish Excel reads `;` and decimal commas (run's --lang sv CSV); these tables were machine CSV in every language.
    : a.format === 'csv' ? (a.lang === 'sv' ? swedishSpreadsheet(render.csv(res)) : render.csv(res))
    : render.table(res, texts(a.lang), { width: tableWidth(a) });
  const outputs: Output[] = [];
  if (a.chartOut && chartFormat) {
    const [{ renderChart }, chart] = await Promise.all([import('../viz/render.js'), render.chart()]);
    outputs.push({ path: a.chartOut, data: await renderChart(chart(res, texts(a.lang)), chartFormat) });
  }
  return [...outputs, textOutput(text, a.out)];
}

/** Where each parameter's number came from, from the scenario's list of assumptions. A fixed series has no single value: `dist` null. */
export function paramInfo(meta: ScenarioMeta, p: UncertainParam | FixedParam): ParamInfo {
  let path = p.key.replace(/\.(values|multiplier)$/, '');
  let region: string | null = null;
  const m = /^regions\[([^\]]*)\]\.(.*)$/.exec(path);
  if (m) { region = m[1]; path = m[2]; }
  const a = meta.assumptions.find((x) => x.path === path && x.region === region) ?? meta.assumptions.find((x) => x.path === path);
  const id = a?.source ?? null;
  const src = id ? meta.sources[id] : undefined;
  const fixed = !('dist' in p);
  return {
    key: p.key, kind: fixed ? 'fixed' : 'uncertain',
    dist: fixed ? (p.kind === 'scalar' ? { dist: 'fixed', value: p.value } : null) : p.dist,
    domain: p.domain,
    source: id ? { id, title: src?.title ?? id, ...(src?.titleSv !== undefined ? { titleSv: src.titleSv } : {}), kind: src?.kind ?? 'published' } : null,
    note: a?.note ?? null,
    ...(a?.noteSv !== undefined ? { noteSv: a.noteSv } : {}),
    ...(a?.defaultReason !== undefined ? { defaultReason: a.defaultReason } : {}),
  };
}

export async function sensitivityCommand(a: SensitivityArgs): Promise<number> {
  let chartFormat: ChartFormat | null = null;
  return pipeline({
    scenarios: [a.scenario!], set: a.set, targets: [{ path: a.out, name: messages.outFileName('result', a.format) }, a.chartOut], force: a.force, monteCarlo: a,
    check: () => { chartFormat = a.chartOut ? chartFormatOf(a.chartOut) : null; },
  }, async ([sc]) => {
    const params: UncertainParam[] = uncertainKeys(sc.input).map((k) => ({ key: k.key, dist: k.param.dist, domain: k.param.domain }));
    if (params.length === 0) throw new UsageError(texts(a.lang).messages.noUncertain(a.scenario!));
    const { runs } = mcSettings(sc, a); // checks --runs first
    if (runs < minRunsForGlobal(params.length)) throw new UsageError(texts(a.lang).messages.tooFewRuns(runs, params.length, minRunsForGlobal(params.length)));

    const fixed = fixedParams(sc.input);
    const oat = oneAtATime(sc.input, params, 0.1, 0.9, fixed);
    // The global measures need the runs' draws and outcomes only: no column summaries.
    const { mc } = await monteCarloOf(sc, a, new Uint8Array(NFIELDS * (sc.input.endYear - sc.input.startYear + 1)));
    const unit = mc.total ?? mc.regions[0];
    const glob = globalSensitivity(mc.paramKeys, mc.params, { startYear: mc.startYear, endYear: mc.endYear, ...unit });
    const det = deterministic(sc);
    const out: SensitivityOutput = {
      scenario: scenarioInfo(sc),
      version: programVersion(),
      mode: 'sensitivity',
      unit: unit.name,
      startYear: sc.input.startYear,
      endYear: sc.input.endYear,
      norm: normForSentences(det),
      definitions: SENSITIVITY_DEFINITIONS,
      parameters: [...params, ...fixed].map((p) => paramInfo(sc.meta, p)),
      oneAtATime: oat,
      global: { ...glob, seed: mc.opts.seed, eventNoise: mc.opts.eventNoise },
    };
    return analysisOutputs(out, a, chartFormat, {
      csv: renderSensitivityCsv,
      table: renderSensitivityTable,
      chart: async () => (await import('../viz/sensitivity-charts.js')).sensitivityChart,
    });
  });
}
