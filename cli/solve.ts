/**
 * `riktvarde solve`: the smallest ST intake (or other lever) that reaches 1100/550 by a target
 * year with a given probability. Wires model/solve.ts (the search) to the worker pool.
 */
import { F } from '../model/fields.js';
import { unitOutput } from '../model/mcresults.js';
import type { McResult } from '../model/montecarlo.js';
import { expectedRun } from '../model/params.js';
import { project } from '../model/project.js';
import { NSTATS, STAT } from '../model/quantiles.js';
import { bisect, earliestYear, schedule, withLever, type Evaluation, type Lever, type SolveSpec } from '../model/solve.js';
import type { ModelInput } from '../model/types.js';
import type { Lang } from '../viz/format.js';
import { texts } from '../viz/texts/index.js';
import { renderSolve, type SolveReport } from '../viz/solvetext.js';
import { UsageError } from './usage.js';
import { messages } from '../viz/texts/messages.js';
import { textOutput } from './files.js';
import { pipeline } from './pipeline.js';
import { jsonText } from './finite.js';
import { programVersion } from '../api/load.js';
import { runMonteCarlo } from '../threads/pool.js';
import { threadsOf } from '../api/index.js';
import { mcSettings } from '../api/core.js';
import type { LoadedScenario } from '../api/load.js';

export interface SolveArgs {
  scenario?: string;
  set: string[];
  lang: Lang;
  targetYear: number;
  probability: number;
  lever: Lever;
  fromYear?: number;
  maxIntake?: number;
  maxStep?: number;
  max?: number;
  region?: string;
  runs?: number;
  seed?: number;
  workers?: number;
  eventNoise?: boolean;
  format: 'table' | 'json';
  out?: string;
  force: boolean;
}

export async function solveCommand(a: SolveArgs): Promise<number> {
  return pipeline({
    scenarios: [a.scenario!], set: a.set, targets: [a.out], force: a.force, monteCarlo: a,
    runsOf: (sc) => Math.min(sc.meta.monteCarlo.runs, 2000),
    check: () => {
      // Shares: retention is a share of those completing ST who stay, attrition a yearly share leaving.
      if ((a.lever === 'retention' || a.lever === 'attrition') && a.max !== undefined && a.max > 1) throw new UsageError(messages.outOfRange('--max', a.max, `a share > 0 and ≤ 1 for --lever ${a.lever}`));
    },
  }, async ([sc]) => [textOutput(await solveText(sc, a), a.out)]);
}

/** The search and its answer, as text or JSON. */
async function solveText(sc: LoadedScenario, a: SolveArgs): Promise<string> {
  const input = sc.input;
  const start = input.startYear, end = input.endYear;
  if (!(a.probability > 0 && a.probability <= 1)) throw new UsageError(`--probability must be in (0, 1], got ${a.probability}`);
  if (!Number.isInteger(a.targetYear) || a.targetYear <= start || a.targetYear > end) throw new UsageError(`--target-year must be a year after ${start} and no later than the horizon ${end}, got ${a.targetYear}`);
  let region = 0;
  if (input.regions.length > 1) {
    if (!a.region) throw new UsageError(`this scenario has ${input.regions.length} regions: choose one with --region (${input.regions.map((r) => r.name).join(', ')})`);
    region = input.regions.findIndex((r) => r.name === a.region);
    if (region < 0) throw new UsageError(`no region '${a.region}' in this scenario; regions: ${input.regions.map((r) => r.name).join(', ')}`);
  }
  const fromYear = a.fromYear ?? start + 1;
  if (fromYear <= start || fromYear > a.targetYear) throw new UsageError(`--from-year must be after ${start} and no later than the target year ${a.targetYear}`);
  if (a.maxStep !== undefined && !(a.maxStep > 0)) throw new UsageError(`--max-step must be greater than 0`);
  if ((a.lever === 'retention' || a.lever === 'attrition') && a.maxStep !== undefined) throw new UsageError(`--max-step applies to intake and recruitment only`);
  const spec: SolveSpec = {
    lever: a.lever, region, targetYear: a.targetYear, probability: a.probability, fromYear,
    shape: a.maxStep !== undefined ? { kind: 'ramp', maxStep: a.maxStep } : { kind: 'constant' },
    max: a.lever === 'intake' ? a.maxIntake ?? null : a.max ?? null,
  };
  // The same settings and checks as every Monte Carlo command; solve's default is at most 2 000 runs.
  const opts = mcSettings(sc, { runs: a.runs ?? Math.min(sc.meta.monteCarlo.runs, 2000), seed: a.seed, eventNoise: a.eventNoise });
  const pool = { workers: threadsOf(a.workers) };
  const T = a.targetYear - start;

  // The plan as written: its per-year posts / recruitment, and its Monte Carlo.
  const det = project(expectedRun(input), null).regions[region].block;
  const nYears = end - start + 1;
  const written = (f: number) => Array.from({ length: nYears }, (_, t) => det[f * nYears + (t === 0 ? 1 : t)]);
  const current = a.lever === 'intake' ? written(F.stPosts) : a.lever === 'recruitment' ? written(F.recruitment) : [];
  const base = await runMonteCarlo(input, opts, pool);

  const results = new Map<number, McResult>();
  const say = (s: string) => { if (process.stderr.isTTY && !process.env.CI) process.stderr.write(s + '\n'); };
  const inputAt = (level: number): ModelInput =>
    withLever(input, spec, a.lever === 'intake' || a.lever === 'recruitment' ? schedule(level, current, start, spec) : level);
  const evaluate = async (level: number): Promise<Evaluation> => {
    const mc = await runMonteCarlo(inputAt(level), opts, pool);
    results.set(level, mc);
    const u = mc.regions[region];
    const e = { level, probability: u.reachedBy[T], reachedBy: Array.from(u.reachedBy) };
    say(`  ${a.lever} ${+level.toFixed(3)}: P(reached by ${a.targetYear}) = ${(e.probability * 100).toFixed(1)} %`);
    return e;
  };

  let lo: number, hi: number, step: number, better: 1 | -1;
  if (a.lever === 'retention') { lo = 0; hi = spec.max ?? 1; step = 0.001; better = 1; }
  else if (a.lever === 'attrition') { lo = 0; hi = 0.5; step = 0.0005; better = -1; }
  else {
    step = 1; better = 1; lo = 0;
    const now = Math.max(1, ...current.slice(1).filter(Number.isFinite));
    if (spec.max !== null) hi = spec.max;
    else {
      // No cap given: grow the bracket until the target is reached (or 50× today's level).
      hi = Math.ceil(2 * now);
      while (hi < 50 * now && (await evaluate(hi)).probability < a.probability) hi *= 2;
    }
  }
  const search = await bisect(evaluate, lo, hi, a.probability, step, better);

  const summarize = (mc: McResult) => unitOutput(mc.regions[region], Array.from({ length: nYears }, (_, t) => start + t));
  const chosen = search.best ?? search.atBound!;
  const mc = results.get(chosen.level)!;
  const statAt = (m: McResult, f: number, t: number, s = STAT.p50) => m.regions[region].stats[(f * nYears + t) * NSTATS + s];
  const report: SolveReport = {
    scenario: sc.meta.name,
    region: input.regions[region].name,
    lever: a.lever,
    shape: spec.shape,
    fromYear,
    targetYear: a.targetYear,
    probability: a.probability,
    max: spec.max,
    feasible: search.feasible,
    level: chosen.level,
    schedule: a.lever === 'intake' || a.lever === 'recruitment'
      ? schedule(chosen.level, current, start, spec).map((v, t) => ({ year: start + t, value: t === 0 ? null : v, asWritten: t === 0 ? null : current[t] }))
      : null,
    asWrittenValue: a.lever === 'retention' ? expectedRun(input).regions[region].st.retention : a.lever === 'attrition' ? expectedRun(input).regions[region].spec.attrition : null,
    result: summarize(mc),
    base: summarize(base),
    probabilityByTarget: chosen.probability,
    baseProbabilityByTarget: base.regions[region].reachedBy[T],
    earliestYearAtBound: search.feasible ? null : (() => { const y = earliestYear(chosen.reachedBy, a.probability); return y < 0 ? null : start + y; })(),
    costs: Array.from({ length: nYears }, (_, t) => ({ year: start + t, solved: statAt(mc, F.costIncrease, t), asWritten: statAt(base, F.costIncrease, t) })),
    cumulativeCost: { solved: statAt(mc, F.cumulativeCost, nYears - 1), asWritten: statAt(base, F.cumulativeCost, nYears - 1) },
    specialists: { targetYear: statAt(mc, F.specialists, T), horizon: statAt(mc, F.specialists, nYears - 1), asWrittenHorizon: statAt(base, F.specialists, nYears - 1) },
    unfilledByCap: Array.from({ length: nYears }, (_, t) => statAt(mc, F.stUnfilledByCap, t, STAT.mean)).reduce((s, x) => s + (Number.isFinite(x) ? x : 0), 0),
    evaluations: search.evaluations.length,
    monotoneViolations: search.monotoneViolations,
    runs: opts.runs, seed: opts.seed, eventNoise: opts.eventNoise, version: programVersion(),
    horizon: end,
  };
  return a.format === 'json' ? jsonText(report) : renderSolve(report, texts(a.lang)) + '\n';
}
