/**
 * `riktvarde compare <scenario> <scenario> [more…]`: every scenario's Monte Carlo on the same
 * seed and number of runs (common random numbers: the first scenario's monteCarlo settings unless
 * --runs/--seed/--event-noise say otherwise), side by side with the differences against the
 * first. Warns on stderr when count bases or horizons differ. --chart-out writes the overlay of
 * inhabitants per doctor equivalent (.png, .svg or .vl.json). With a norm schedule every year is
 * measured against the final norm unless --reached-against current.
 */
import { atFinalNorms, compareColumns, comparedUnit, compareScenarios, hasNormSchedule, normsOfInput, type ReachedAgainst } from '../model/compare.js';
import { renderCompareCsv, renderCompareTable } from '../viz/compare.js';
import type { Lang } from '../viz/format.js';
import { messages } from './messages.js';
import { writeStderr } from './stdout.js';
import { UsageError } from './usage.js';
import { monteCarloOf, type McArgs } from './mc.js';
import { pipeline } from './pipeline.js';
import type { ChartFormat } from '../viz/render.js';
import { programVersion } from '../api/load.js';
import { loadScenarioFile, type LoadedScenario } from '../api/load.js';
import { chartFormatOf, analysisOutputs } from './sensitivity.js';

export interface CompareArgs extends McArgs {
  scenarios?: string[];
  set: string[];
  lang: Lang;
  format: 'table' | 'json' | 'csv';
  out?: string;
  force: boolean;
  wide?: boolean;
  chartOut?: string;
  reachedAgainst?: ReachedAgainst;
}

/**
 * Several scenarios run on one seed, number of runs and event-noise setting (the first
 * scenario's unless given), so they share their random numbers. Warns on stderr when their
 * counts of specialists or horizons differ.
 */
export function sharedMonteCarlo(scs: LoadedScenario[], a: McArgs): McArgs {
  const first = scs[0].meta.monteCarlo;
  const bases = [...new Set(scs.map((s) => s.meta.countBasis))];
  if (bases.length > 1) writeStderr(`riktvarde: ${messages.stderrCountBasis(bases)}\n`);
  const horizons = [...new Set(scs.map((s) => `${s.input.startYear}–${s.input.endYear}`))];
  if (horizons.length > 1) writeStderr(`riktvarde: ${messages.stderrHorizon(horizons)}\n`);
  return { runs: a.runs ?? first.runs, seed: a.seed ?? first.seed, eventNoise: a.eventNoise ?? first.eventNoise, workers: a.workers };
}

export async function compareCommand(a: CompareArgs): Promise<number> {
  const files = a.scenarios ?? [];
  let chartFormat: ChartFormat | null = null;
  return pipeline({
    scenarios: files, set: a.set, targets: [{ path: a.out, name: messages.outFileName('result', a.format) }, a.chartOut], force: a.force, monteCarlo: a,
    check: () => {
      if (files.length < 2) throw new UsageError(messages.compareNeedsTwo(files.length));
      chartFormat = a.chartOut ? chartFormatOf(a.chartOut) : null;
    },
  }, async (scs) => {
    const mcArgs = sharedMonteCarlo(scs, a);
    // With a norm schedule, "reached" means the final norm unless --reached-against current.
    const against: ReachedAgainst = a.reachedAgainst ?? 'final';
    const items = [];
    for (const sc of scs) {
      const normSchedule = hasNormSchedule(sc.input);
      const input = against === 'final' && normSchedule ? atFinalNorms(sc.input) : sc.input;
      // Only the summaries the comparison reads (its per-year and last-year bands and means).
      const { mc, out } = await monteCarloOf({ ...sc, input }, mcArgs, compareColumns(input.endYear - input.startYear + 1));
      items.push({ out, unit: comparedUnit(mc), file: sc.file, normSchedule, normAsWritten: normsOfInput(sc.input) });
    }
    const res = compareScenarios(items, programVersion(), against);
    return analysisOutputs(res, a, chartFormat, {
      csv: renderCompareCsv,
      table: renderCompareTable,
      chart: async () => (await import('../viz/compare-charts.js')).compareChart,
    });
  });
}
