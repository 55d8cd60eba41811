/**
 * `riktvarde backtest SCENARIO --runs N`: the Monte Carlo from the scenario's base year (only what
 * the scenario knew then), compared with its observed later figures (model/backtest.ts); a table,
 * JSON or CSV, and a chart on --chart-out.
 */
import { backtest } from '../model/backtest.js';
import type { Lang } from '../viz/format.js';
import { monteCarloOf, type McArgs } from './mc.js';
import { pipeline } from './pipeline.js';
import { analysisOutputs, chartFormatOf } from './sensitivity.js';
import type { ChartFormat } from '../viz/render.js';
import { renderBacktestCsv, renderBacktestTable, type BacktestOutput } from '../viz/backtest.js';
import { ScenarioUnfitError } from './usage.js';
import type { Locale } from '../viz/texts/index.js';
import { messages } from './messages.js';

export interface BacktestArgs extends McArgs { scenario: string; set: string[]; lang: Lang; format: 'table' | 'json' | 'csv'; out?: string; force: boolean; chartOut?: string; wide?: boolean }

export async function backtestCommand(a: BacktestArgs): Promise<number> {
  let chartFormat: ChartFormat | null = null;
  return pipeline({
    scenarios: [a.scenario], set: a.set, targets: [{ path: a.out, name: messages.outFileName('result', a.format) }, a.chartOut], force: a.force, monteCarlo: a,
    check: () => { chartFormat = a.chartOut ? chartFormatOf(a.chartOut) : null; },
  }, async ([sc]) => {
    const later = sc.meta.observed.filter((o) => o.year > sc.input.startYear && o.quantity !== 'namedDoctorShare');
    if (later.length === 0) throw new ScenarioUnfitError(messages.noObservedForBacktest(a.scenario, sc.input.startYear));
    const { out } = await monteCarloOf(sc, a);
    const res: BacktestOutput = { scenario: sc.meta.name, ...backtest(out) };
    return analysisOutputs(res, a, chartFormat, {
      csv: renderBacktestCsv,
      table: (r, loc, o) => renderBacktestTable(r, loc, o.width),
      chart: async () => {
        const { backtestChart } = await import('../viz/backtest.js');
        return (r: BacktestOutput, loc: Locale) => backtestChart(r, out, loc);
      },
    });
  });
}
