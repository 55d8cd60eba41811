/** `riktvarde chart`: runs the Monte Carlo and writes one file per chart into a folder. */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { allCharts, CHART_NAMES } from '../viz/charts.js';
import type { Lang } from '../viz/format.js';
import { texts } from '../viz/texts/index.js';
import type { ChartFormat } from '../viz/render.js';
import { UsageError } from './usage.js';
import { monteCarloOf, type McArgs } from './mc.js';
import { pipeline, type Output } from './pipeline.js';
import { loadScenarioFile, type LoadedScenario } from '../api/load.js';
import { messages } from './messages.js';

export interface ChartArgs extends McArgs {
  scenario?: string;
  set: string[];
  lang: Lang;
  out: string;
  format: ChartFormat;
  force: boolean;
  region?: string;
}

/** The region names a `--region` may name: every region and the total. */
export function regionNames(sc: LoadedScenario): string[] {
  return [...sc.input.regions.map((r) => r.name), ...(sc.input.total ? [sc.input.total] : [])];
}

export async function chartCommand(a: ChartArgs): Promise<number> {
  return pipeline({
    scenarios: [a.scenario!], set: a.set, targets: [], force: a.force, monteCarlo: a,
    check: () => { if (existsSync(a.out) && !statSync(a.out).isDirectory()) throw new UsageError(messages.chartOutIsFile(a.out)); },
    afterLoad: ([sc]) => {
      if (a.region !== undefined && !regionNames(sc).includes(a.region)) {
        throw new UsageError(messages.regionNotInScenario(a.region, regionNames(sc)));
      }
      // Refuse before the (long) Monte Carlo when a chart this scenario always gets would replace a file.
      const sure = CHART_NAMES.filter((n) => n !== '6-cost' && (n !== '7-regions' || sc.input.regions.length > 1) && (n !== '8-population-by-age' || sc.input.regions.some((r) => r.demand !== null)));
      return sure.map((n) => join(a.out, `${n}.${a.format}`));
    },
  }, async ([sc]) => {
    // The charts' code (vega, vega-lite, resvg: render.cjs) loads while the worker threads start up.
    const render = import('../viz/render.js');
    const { out } = await monteCarloOf(sc, a);
    const charts = allCharts(out, { loc: texts(a.lang), region: a.region });
    const data = await (await render).renderCharts(charts.map((c) => c.spec), a.format);
    const files: Output[] = charts.map((c, i) => ({ path: join(a.out, `${c.name}.${a.format}`), data: data[i] }));
    return [...files, { data: files.map((f) => f.path + '\n').join('') }];
  });
}
