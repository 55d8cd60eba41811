/**
 * `riktvarde backtest SCENARIO --runs N`: the Monte Carlo from the scenario's base year (only what
 * the scenario knew then), compared with its observed later figures (model/backtest.ts); a table,
 * JSON or CSV, and a chart on --chart-out.
 */
import { backtest } from '../model/backtest.js';
import type { Lang } from '../viz/format.js';
import { loadScenarioFile } from '../api/load.js';
import { monteCarloOf, startThreadsEarly, type McArgs } from './mc.js';
import { checkWritable } from './files.js';
import { chartFormatOf, emitAnalysis } from './sensitivity.js';
import { renderBacktestCsv, renderBacktestTable, type BacktestOutput } from '../viz/backtest.js';
import { UsageError } from './usage.js';

export interface BacktestArgs extends McArgs { scenario: string; set: string[]; lang: Lang; format: 'table' | 'json' | 'csv'; out?: string; force: boolean; chartOut?: string }

export async function backtestCommand(a: BacktestArgs): Promise<number> {
  const chartFormat = a.chartOut ? chartFormatOf(a.chartOut) : null;
  if (a.out) checkWritable(a.out, a.force);
  if (a.chartOut) checkWritable(a.chartOut, a.force);
  startThreadsEarly(a);
  const sc = loadScenarioFile(a.scenario, a.set);
  const later = sc.meta.observed.filter((o) => o.year > sc.input.startYear && o.quantity !== 'namedDoctorShare');
  if (later.length === 0) throw new UsageError(`${a.scenario} has no observed figures after its base year ${sc.input.startYear}: a backtest needs an observed: block with later years`);
  const { out } = await monteCarloOf(sc, a);
  const res: BacktestOutput = { scenario: sc.meta.name, ...backtest(out) };
  return emitAnalysis(res, a, chartFormat, {
    csv: renderBacktestCsv,
    table: renderBacktestTable,
    chart: async () => {
      const { backtestChart } = await import('../viz/backtest.js');
      return (r, loc) => backtestChart(r, out, loc);
    },
  });
}
