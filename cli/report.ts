/**
 * `riktvarde report`: Monte Carlo of each scenario → one self-contained, offline HTML file.
 * With several scenarios, all run on the same seed and runs (common random numbers: the first
 * scenario's monteCarlo settings unless --runs/--seed/--event-noise say otherwise, as `compare`),
 * and the report opens with their comparison. Each Monte Carlo runs once and feeds both.
 */
import { basename, extname } from 'node:path';
import { comparedUnit, compareScenarios, hasNormSchedule, type CompareResult } from '../model/compare.js';
import type { Lang } from '../viz/format.js';
import { texts } from '../viz/texts/index.js';
import { vegaBrowserBuild, vegaVersion } from '../viz/render.js';
import { renderReport, type ReportScenario } from '../viz/report.js';
import { UsageError } from './usage.js';
import { regionNames } from './chart.js';
import { monteCarloOf, type McArgs } from './mc.js';
import { pipeline } from './pipeline.js';
import { withWhatItWouldTake } from '../api/core.js';
import { programVersion } from '../api/load.js';
import { loadScenarioFile } from '../api/load.js';
import { sharedMonteCarlo } from './compare.js';
import { messages } from './messages.js';

export interface ReportArgs extends McArgs {
  scenarios: string[];
  set: string[];
  lang: Lang;
  out?: string;
  force: boolean;
  region?: string;
}

/** A shell word, quoted only when needed. */
const sh = (s: string): string => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/**
 * The command that reproduces the report exactly: runs and seed written out (with several
 * scenarios they are the ones every scenario ran with).
 */
export function reproduceCommand(a: ReportArgs, runs: number, seed: number, eventNoise: boolean, out: string): string {
  const parts = ['npx', 'riktvarde', 'report', ...a.scenarios.map(sh)];
  parts.push('--runs', String(runs), '--seed', String(seed), '--lang', a.lang);
  if (!eventNoise) parts.push('--no-event-noise');
  if (a.region !== undefined) parts.push('--region', sh(a.region));
  for (const s of a.set) parts.push('--set', sh(s));
  parts.push('--out', sh(out));
  return parts.join(' ');
}

export async function reportCommand(a: ReportArgs): Promise<number> {
  const name = `${basename(a.scenarios[0], extname(a.scenarios[0]))}.html`;
  const out = a.out ?? name;
  return pipeline({
    scenarios: a.scenarios, set: a.set, targets: [{ path: out, name }], force: a.force, monteCarlo: a,
    afterLoad: (loaded) => {
      if (a.region === undefined) return;
      for (const sc of loaded) if (!regionNames(sc).includes(a.region)) throw new UsageError(messages.regionNotInFile(a.region, sc.file, regionNames(sc)));
    },
  }, async (loaded) => {
    const several = loaded.length > 1;
    // Several scenarios: one seed and number of runs for all (the first scenario's by default).
    const mcArgs: McArgs = several ? sharedMonteCarlo(loaded, a) : a;
    const items: ReportScenario[] = [];
    const compared: Parameters<typeof compareScenarios>[0] = [];
    for (const sc of loaded) {
      const { mc, out: plain } = await monteCarloOf(sc, mcArgs);
      const mcOut = withWhatItWouldTake(plain, sc, mc);
      items.push({ out: mcOut, assumptions: sc.meta.assumptions, sources: sc.meta.sources, file: sc.file });
      if (several) compared.push({ out: mcOut, unit: comparedUnit(mc), file: sc.file, normSchedule: hasNormSchedule(sc.input) });
    }
    // The report shows every scenario as written, so its comparison measures each year against that year's norm (and says so).
    const comparison: CompareResult | undefined = several ? compareScenarios(compared, programVersion(), 'current') : undefined;
    const first = items[0].out;
    const html = renderReport(items, {
      loc: texts(a.lang),
      command: reproduceCommand(a, first.runs, first.seed, first.eventNoise, out),
      vegaJs: vegaBrowserBuild(),
      vegaVersion: vegaVersion(),
      region: a.region,
      comparison,
    });
    // A .pdf file: the same HTML printed by the packaged Chromium (loaded on use).
    const data = /\.pdf$/i.test(out) ? await (await import('./pdf.js')).htmlToPdf(html) : html;
    return [{ path: out, data, markup: true }, { data: `${out}\n` }];
  });
}
