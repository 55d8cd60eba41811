/**
 * `riktvarde compare <scenario> <scenario> [more…]`: every scenario's Monte Carlo on the same
 * seed and number of runs (common random numbers: the first scenario's monteCarlo settings unless
 * --runs/--seed/--event-noise say otherwise), side by side with the differences against the
 * first. Warns on stderr when count bases or horizons differ. --chart-out writes the overlay of
 * inhabitants per doctor (.png, .svg or .vl.json).
 */
import { comparedUnit, compareScenarios } from '../model/compare.js';
import { renderCompareCsv, renderCompareTable } from '../viz/compare.js';
import type { Lang } from '../viz/format.js';
import { compareText } from '../viz/labels.js';
import { UsageError } from './app.js';
import { monteCarloOf, type McArgs } from './commands.js';
import { checkWritable, programVersion, writeAtomic } from './files.js';
import { loadScenarioFile } from './scenario.js';
import { chartFormatOf, emitText } from './sensitivity.js';

export interface CompareArgs extends McArgs {
  scenarios?: string[];
  set: string[];
  lang: Lang;
  format: 'table' | 'json' | 'csv';
  out?: string;
  force: boolean;
  chartOut?: string;
}

export async function compareCommand(a: CompareArgs): Promise<number> {
  const files = a.scenarios ?? [];
  if (files.length < 2) throw new UsageError(`compare needs at least two scenario files (got ${files.length})`);
  if (a.out) checkWritable(a.out, a.force);
  const chartFormat = a.chartOut ? chartFormatOf(a.chartOut) : null;
  if (a.chartOut) checkWritable(a.chartOut, a.force);
  const scs = files.map((f) => loadScenarioFile(f, a.set));
  const first = scs[0].meta.monteCarlo;
  const mcArgs: McArgs = { runs: a.runs ?? first.runs, seed: a.seed ?? first.seed, eventNoise: a.eventNoise ?? first.eventNoise, workers: a.workers };

  const bases = [...new Set(scs.map((s) => s.meta.countBasis))];
  if (bases.length > 1) process.stderr.write(`riktvarde: ${compareText.stderrCountBasis(bases)}\n`);
  const horizons = [...new Set(scs.map((s) => `${s.input.startYear}–${s.input.endYear}`))];
  if (horizons.length > 1) process.stderr.write(`riktvarde: ${compareText.stderrHorizon(horizons)}\n`);

  const items = [];
  for (const sc of scs) {
    const { mc, out } = await monteCarloOf(sc, mcArgs);
    items.push({ out, unit: comparedUnit(mc), file: sc.file });
  }
  const res = compareScenarios(items, programVersion());
  const text = a.format === 'json' ? JSON.stringify(res, null, 2) + '\n'
    : a.format === 'csv' ? renderCompareCsv(res)
    : renderCompareTable(res, a.lang);
  if (a.chartOut && chartFormat) {
    const [{ renderChart }, { compareChart }] = await Promise.all([import('../viz/render.js'), import('../viz/compare-charts.js')]);
    writeAtomic(a.chartOut, await renderChart(compareChart(res, a.lang), chartFormat), a.force);
  }
  emitText(text, a.out, a.force);
  return 0;
}
