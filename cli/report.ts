/** `riktvarde report`: Monte Carlo of each scenario → one self-contained, offline HTML file. */
import { basename, extname } from 'node:path';
import type { Lang } from '../viz/format.js';
import { vegaBrowserBuild, vegaVersion } from '../viz/render.js';
import { renderReport, type ReportScenario } from '../viz/report.js';
import { UsageError } from './app.js';
import { regionNames } from './chart.js';
import { monteCarloOf, type McArgs } from './commands.js';
import { checkWritable, writeAtomic } from './files.js';
import { loadScenarioFile } from './scenario.js';

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
 * The command that reproduces the report exactly: runs and seed written out (for several
 * scenarios only when given, since each scenario has its own defaults).
 */
export function reproduceCommand(a: ReportArgs, runs: number, seed: number, eventNoise: boolean, out: string): string {
  const parts = ['npx', 'riktvarde', 'report', ...a.scenarios.map(sh)];
  const one = a.scenarios.length === 1;
  if (one || a.runs !== undefined) parts.push('--runs', String(runs));
  if (one || a.seed !== undefined) parts.push('--seed', String(seed));
  parts.push('--lang', a.lang);
  if (a.eventNoise === false || (one && !eventNoise)) parts.push('--no-event-noise');
  if (a.region !== undefined) parts.push('--region', sh(a.region));
  for (const s of a.set) parts.push('--set', sh(s));
  parts.push('--out', sh(out));
  return parts.join(' ');
}

export async function reportCommand(a: ReportArgs): Promise<number> {
  const out = a.out ?? `${basename(a.scenarios[0], extname(a.scenarios[0]))}.html`;
  checkWritable(out, a.force); // refuse before any work
  const loaded = a.scenarios.map((f) => loadScenarioFile(f, a.set));
  if (a.region !== undefined) {
    for (const sc of loaded) if (!regionNames(sc).includes(a.region)) throw new UsageError(`--region '${a.region}' is not in ${sc.file}; choose one of: ${regionNames(sc).join(', ')}`);
  }
  const items: ReportScenario[] = [];
  for (const sc of loaded) {
    const { out: mc } = await monteCarloOf(sc, a);
    items.push({ out: mc, assumptions: sc.meta.assumptions, sources: sc.meta.sources, file: sc.file });
  }
  const first = items[0].out;
  const html = renderReport(items, {
    lang: a.lang,
    command: reproduceCommand(a, first.runs, first.seed, first.eventNoise, out),
    vegaJs: vegaBrowserBuild(),
    vegaVersion: vegaVersion(),
    region: a.region,
  });
  writeAtomic(out, html, a.force);
  process.stdout.write(`${out}\n`);
  return 0;
}
