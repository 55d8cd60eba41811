/**
 * `riktvarde solve`: the smallest ST intake (or other lever) that reaches 1100/550 by a target
 * year with a given probability — or, with --budget, the most a yearly budget buys. The search is
 * model/solve.ts's (`searchLever`, `solveBudget`); this file checks the options, runs the Monte
 * Carlo at the answer and the plan on the worker pool, and prints.
 */
import { F } from '../model/fields.js';
import { unitOutput } from '../model/mcresults.js';
import type { McResult } from '../model/montecarlo.js';
import { expectedRun } from '../model/params.js';
import { NSTATS, STAT } from '../model/quantiles.js';
import {
  costPath, currentSchedule, earliestYear, feasibility, inputAtLevel, leverBounds, LevelEvaluator, schedule, searchLever, searchStart, solveBudget,
  type Lever, type SolveSpec,
} from '../model/solve.js';
import type { Lang } from '../viz/format.js';
import { texts } from '../viz/texts/index.js';
import { renderSolve, type SolveReport } from '../viz/solvetext.js';
import { tableWidth } from './width.js';
import { UsageError } from './usage.js';
import { messages } from './messages.js';
import { writeStderr } from './stdout.js';
import { textOutput } from './files.js';
import { pipeline } from './pipeline.js';
import { jsonText } from './finite.js';
import { programVersion } from '../api/load.js';
import { runMonteCarlo } from '../threads/pool.js';
import { threadLevelRunner } from '../threads/level-runner.js';
import { threadsOf } from '../api/index.js';
import { mcSettings, regionPriceBase } from '../api/core.js';
import type { LoadedScenario } from '../api/load.js';

export interface SolveArgs {
  scenario?: string;
  set: string[];
  lang: Lang;
  targetYear?: number;
  probability: number;
  lever: Lever;
  fromYear?: number;
  maxIntake?: number;
  maxStep?: number;
  max?: number;
  budget?: number;
  region?: string;
  runs?: number;
  seed?: number;
  workers?: number;
  eventNoise?: boolean;
  format: 'table' | 'json';
  out?: string;
  force: boolean;
  wide?: boolean;
}

export async function solveCommand(a: SolveArgs): Promise<number> {
  return pipeline({
    scenarios: [a.scenario!], set: a.set, targets: [{ path: a.out, name: messages.outFileName('result', a.format) }], force: a.force, monteCarlo: a,
    runsOf: (sc) => Math.min(sc.meta.monteCarlo.runs, 2000),
    check: () => {
      if (a.budget !== undefined && !(Number.isFinite(a.budget) && a.budget > 0)) throw new UsageError(messages.badBudget(String(a.budget)));
      if (a.budget === undefined && a.targetYear === undefined) throw new UsageError(messages.solveNeedsTarget());
      // Shares: retention is a share of those completing ST who stay, attrition a yearly share leaving.
      if ((a.lever === 'retention' || a.lever === 'attrition') && a.max !== undefined && a.max > 1) throw new UsageError(messages.outOfRange('--max', a.max, messages.leverShareRange(a.lever)));
    },
  }, async ([sc]) => [textOutput(await solveText(sc, a), a.out)]);
}

/** The search and its answer, as text or JSON. */
async function solveText(sc: LoadedScenario, a: SolveArgs): Promise<string> {
  const input = sc.input;
  const start = input.startYear, end = input.endYear;
  const targetYear = a.targetYear ?? end;
  if (!(a.probability > 0 && a.probability <= 1)) throw new UsageError(messages.badProbability(a.probability));
  if (!Number.isInteger(targetYear) || targetYear <= start || targetYear > end) throw new UsageError(messages.badTargetYear(start, end, targetYear));
  let region = 0;
  if (input.regions.length > 1 && !a.region) throw new UsageError(messages.chooseRegion(input.regions.map((r) => r.name)));
  // Also in a one-region scenario: a --region naming another region was ignored without a word.
  if (a.region !== undefined) {
    region = input.regions.findIndex((r) => r.name === a.region);
    if (region < 0) throw new UsageError(messages.noSuchRegion(a.region, input.regions.map((r) => r.name)));
  }
  const fromYear = a.fromYear ?? start + 1;
  if (fromYear <= start || fromYear > targetYear) throw new UsageError(messages.badFromYear(start, targetYear));
  if (a.maxStep !== undefined && !(a.maxStep > 0)) throw new UsageError(messages.maxStepPositive());
  if ((a.lever === 'retention' || a.lever === 'attrition') && a.maxStep !== undefined) throw new UsageError(messages.maxStepLever());
  const spec: SolveSpec = {
    lever: a.lever, region, targetYear, probability: a.probability, fromYear,
    shape: a.maxStep !== undefined ? { kind: 'ramp', maxStep: a.maxStep } : { kind: 'constant' },
    max: a.lever === 'intake' ? a.maxIntake ?? null : a.max ?? null,
  };
  // The same settings and checks as every Monte Carlo command; solve's default is at most 2 000 runs.
  const opts = mcSettings(sc, { runs: a.runs ?? Math.min(sc.meta.monteCarlo.runs, 2000), seed: a.seed, eventNoise: a.eventNoise });
  const pool = { workers: threadsOf(a.workers) };
  const T = targetYear - start;
  const nYears = end - start + 1;

  const current = currentSchedule(input, spec);
  const inputAt = inputAtLevel(input, spec, current);
  const bounds = leverBounds(spec, current);
  const ev = new LevelEvaluator(inputAt, region, opts, bounds.better);

  // Monte Carlos on the worker pool, by level.
  const mcAt = new Map<number, McResult>();
  const mcAtLevel = async (level: number): Promise<McResult> => {
    let m = mcAt.get(level);
    if (!m) { m = await runMonteCarlo(inputAt(level), opts, pool); mcAt.set(level, m); }
    return m;
  };

  // The answer: the budget's level, or the search on the Monte Carlo's runs (the expected-value
  // answer as its first guess). The search's first level, where every run is needed, is a full
  // Monte Carlo on every thread; at an answer at the bound it is also the Monte Carlo of the answer.
  let level: number, feasible: boolean, searched = false;
  let budget: SolveReport['budget'] = null;
  if (a.budget !== undefined) {
    const b = solveBudget(inputAt, region, bounds, a.budget * 1e6);
    if (b === null) throw new UsageError(messages.budgetNeedsCosts(sc.meta.name));
    level = b.level; feasible = b.feasible;
    budget = { mnkr: a.budget, feasible: b.feasible, atBound: b.atBound, oneMore: b.feasible && !b.atBound ? costPath(inputAt(b.level + bounds.better * bounds.step), region)!.max : null };
  } else {
    const g = searchLever(new LevelEvaluator(inputAt, region, null, bounds.better), bounds, T, 1);
    const guess = g.feasible ? g.level : null;
    const first = searchStart(bounds, guess);
    const m = await mcAtLevel(first);
    ev.know(first, m.regions[region].firstReached);
    ev.adoptDraws(m.paramKeys, m.params); // the same runs' draws: not drawn again if the search simulates
    // The search's runs on this thread and the pool's idle workers (the same answer and simulations).
    const runner = threadLevelRunner(pool.workers);
    ev.useRunner(runner);
    let s: ReturnType<typeof searchLever>;
    try {
      s = searchLever(ev, bounds, T, a.probability, guess);
    } finally {
      ev.useRunner(null);
      runner?.end();
    }
    level = s.level; feasible = s.feasible; searched = true;
  }

  const say = (s: string) => { if (process.stderr.isTTY && !process.env.CI) writeStderr(s + '\n'); };
  say(messages.solveLastRuns(a.lever, level));
  const base = await runMonteCarlo(input, opts, pool);
  const mc = await mcAtLevel(level);
  const probabilityByTarget = mc.regions[region].reachedBy[T];
  const summarize = (m: McResult) => unitOutput(m.regions[region], Array.from({ length: nYears }, (_, t) => start + t));
  const statAt = (m: McResult, f: number, t: number, s = STAT.p50) => m.regions[region].stats[(f * nYears + t) * NSTATS + s];
  const needed = costPath(inputAt(level), region);
  const report: SolveReport = {
    scenario: sc.meta.name,
    priceBase: regionPriceBase(input.regions[region]),
    region: input.regions[region].name,
    lever: a.lever,
    shape: spec.shape,
    fromYear,
    targetYear,
    probability: a.probability,
    max: spec.max,
    feasible,
    level,
    schedule: a.lever === 'intake' || a.lever === 'recruitment'
      ? schedule(level, current, start, spec).map((v, t) => ({ year: start + t, value: t === 0 ? null : v, asWritten: t === 0 ? null : current[t] }))
      : null,
    asWrittenValue: a.lever === 'retention' ? expectedRun(input).regions[region].st.retention[T] : a.lever === 'attrition' ? expectedRun(input).regions[region].spec.attrition[T] : null,
    result: summarize(mc),
    base: summarize(base),
    probabilityByTarget,
    baseProbabilityByTarget: base.regions[region].reachedBy[T],
    earliestYearAtBound: feasible || budget ? null : (() => { const y = earliestYear(Array.from(mc.regions[region].reachedBy), a.probability); return y < 0 ? null : start + y; })(),
    costs: Array.from({ length: nYears }, (_, t) => ({ year: start + t, solved: statAt(mc, F.costIncrease, t), asWritten: statAt(base, F.costIncrease, t) })),
    cumulativeCost: { solved: statAt(mc, F.cumulativeCost, nYears - 1), asWritten: statAt(base, F.cumulativeCost, nYears - 1) },
    specialists: { targetYear: statAt(mc, F.specialists, T), horizon: statAt(mc, F.specialists, nYears - 1), asWrittenHorizon: statAt(base, F.specialists, nYears - 1) },
    unfilledByCap: Array.from({ length: nYears }, (_, t) => statAt(mc, F.stUnfilledByCap, t, STAT.mean)).reduce((s, x) => s + (Number.isFinite(x) ? x : 0), 0),
    feasibility: feasibility(inputAt(level), region),
    budgetNeeded: needed ? { value: needed.max, year: needed.maxYear } : null,
    budget,
    evaluations: ev.levels,
    simulations: ev.simulations,
    // The search decided runs from the levels around it (monotone in the lever) and found the
    // answer reaching the probability; the forward Monte Carlo at the answer says whether that held.
    monotoneViolations: searched && feasible && !(probabilityByTarget >= a.probability) ? 1 : 0,
    runs: opts.runs, seed: opts.seed, eventNoise: opts.eventNoise, version: programVersion(),
    horizon: end,
  };
  return a.format === 'json' ? jsonText(report) : renderSolve(report, texts(a.lang), tableWidth(a)) + '\n';
}
