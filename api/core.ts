/**
 * riktvarde's pure core, for programs and web pages (a bundler can take it as it is: it imports
 * no `node:` module and never touches files, the clock or Math.random).
 *
 *   scenario text ─parseScenario─▶ Scenario ─simulateWith─▶ the object `riktvarde run --format json` prints
 *
 * The engine (`project`, `expectedRun`) and the Monte Carlo (`monteCarlo`, in-process unless given
 * a runner; `monteCarloSync`) are exported too. The Node entry (`riktvarde`, api/index.ts) adds
 * reading files and worker threads.
 */
import type { FileAccess } from '../scenario/doc.js';
import { loadDocument } from '../scenario/extends.js';
import { applySets } from '../scenario/set.js';
import { inlineCsvData } from '../scenario/csv.js';
import { validateOrThrow } from '../scenario/validate.js';
import type { LoadedScenario, Scenario } from '../scenario/types.js';
import { expectedRun } from '../model/params.js';
import { firstReached, project } from '../model/project.js';
import { F } from '../model/fields.js';
import { toOutput, type PriceBase, type RunOutput, type ScenarioInfo } from '../model/results.js';
import { mean } from '../model/dist.js';
import { toMcOutput, type McRunOutput } from '../model/mcresults.js';
import { monteCarlo, type MonteCarloOptions } from '../model/mc-run.js';
import type { McOptions, McResult } from '../model/montecarlo.js';
import { withObserved } from '../model/observed.js';
import { whatItWouldTake, type WhatItWouldTake } from '../model/take.js';
import type { LevelRunner } from '../model/level-runs.js';
import { expectedProjection } from '../model/solve.js';

export { ScenarioError, formatProblem, type Problem } from '../scenario/errors.js';
export type { LoadedScenario, Scenario, ScenarioMeta, Assumption, SourceEntry } from '../scenario/types.js';
export { expectedRun } from '../model/params.js';
export { project } from '../model/project.js';
export { monteCarlo, monteCarloSync, inProcess, type MonteCarloOptions, type PhaseRunner } from '../model/mc-run.js';
export type { McOptions, McResult, UnitSummary } from '../model/montecarlo.js';
export type { RunOutput, ScenarioInfo } from '../model/results.js';
export type { McRunOutput } from '../model/mcresults.js';
export { FIELDS } from '../model/fields.js';
export { useFormulaParser, type FormulaParser } from '../scenario/formula.js';
export { toOutput, toMcOutput };
export { whatItWouldTake, type WhatItWouldTake, type TakeAnswer } from '../model/take.js';
export type { LevelRunner, LevelSpec } from '../model/level-runs.js';

/** A Monte Carlo setting out of range (runs, seed or workers); `option` names it. */
export class OptionError extends Error {
  constructor(readonly option: 'runs' | 'seed' | 'workers', detail: string) {
    super(`${option} ${detail}`);
    this.name = 'OptionError';
  }
}

export interface SimulateOptions {
  /** Monte Carlo runs; without it the deterministic run (expected values). */
  runs?: number;
  /** Default: the scenario's `monteCarlo.seed`. */
  seed?: number;
  /** Binomial event noise; default: the scenario's `monteCarlo.eventNoise`. */
  eventNoise?: boolean;
  /** Add `whatItWouldTake` to every region (default true; costs a few Monte Carlos' worth of single-region runs). */
  whatItWouldTake?: boolean;
}

/**
 * Parses scenario YAML from a string (no file access): `file` names it in messages; `extends`
 * is read from `files` (name → text) when given. Throws ScenarioError with every problem.
 */
export function parseScenario(text: string, options: { file?: string; set?: readonly string[]; files?: Record<string, string> } = {}): LoadedScenario {
  return scenarioParser(text, options)(options.set);
}

/**
 * `parseScenario` in two steps, for a caller that tries many `--set` lists on one scenario (the
 * what-if page): the YAML and its `extends` chain are read once, here; the function returned
 * applies a `--set` list to that document, then validates and normalises — the same steps, so the
 * same result as `parseScenario(text, { ...options, set })`.
 */
export function scenarioParser(text: string, options: { file?: string; files?: Record<string, string> } = {}): (set?: readonly string[]) => LoadedScenario {
  const file = options.file ?? 'scenario.yaml';
  const known: Record<string, string> = { ...options.files, [file]: text };
  const fa: FileAccess = {
    read: (path) => {
      if (!Object.hasOwn(known, path)) throw new Error(`no file ${path}`);
      return known[path];
    },
    resolve: (_from, ref) => ref,
  };
  const loaded = loadDocument(file, fa);
  return (set = []) => {
    let doc = set.length ? applySets(loaded, [...set]) : loaded;
    doc = inlineCsvData(doc, fa);
    return { ...validateOrThrow(doc), file, files: doc.files };
  };
}

/** The `scenario` block of the JSON output. */
export const scenarioInfo = (sc: Scenario & { file?: string }): ScenarioInfo => {
  const priceBase = priceBaseOf(sc);
  return {
    name: sc.meta.name, description: sc.meta.description, ...(sc.meta.descriptionSv !== undefined ? { descriptionSv: sc.meta.descriptionSv } : {}), countBasis: sc.meta.countBasis,
    ...(priceBase ? { priceBase } : {}), file: sc.file,
  };
};

/** A region's price base (the wage growth's mean, as the deterministic run uses it), or null without costs. */
export function regionPriceBase(r: Scenario['input']['regions'][number]): PriceBase | null {
  return r.costs ? { year: r.costs.priceBaseYear, wageGrowth: mean(r.costs.wageGrowth.dist, r.costs.wageGrowth.domain) } : null;
}

/** The costs' price base when every costed region has the same. */
function priceBaseOf(sc: Scenario): PriceBase | null {
  const bases = sc.input.regions.flatMap((r) => { const b = regionPriceBase(r); return b ? [b] : []; });
  const first = bases[0];
  return first && bases.every((b) => b.year === first.year && b.wageGrowth === first.wageGrowth) ? first : null;
}

/** The deterministic run (expected values) as the JSON output. */
export function deterministicOutput(sc: Scenario & { file?: string }, version: string): RunOutput {
  // Without a total, the projection "what it would take" reads too (model/solve-search.ts).
  const p = sc.input.total === null ? expectedProjection(sc.input) : project(expectedRun(sc.input), sc.input.total);
  return withObserved(toOutput(p, scenarioInfo(sc), version), sc.meta.observed);
}

/** Whether the scenario's demand is age-structured (population by age group): its age-only fields are then written. */
export const ageStructured = (sc: Scenario): boolean => sc.input.regions.some((r) => r.demand !== null);

/** The Monte Carlo settings: the options given, else the scenario's `monteCarlo` block; checked. */
export function mcSettings(sc: Scenario, o: SimulateOptions): McOptions {
  const runs = o.runs ?? sc.meta.monteCarlo.runs;
  const seed = o.seed ?? sc.meta.monteCarlo.seed;
  const eventNoise = o.eventNoise ?? sc.meta.monteCarlo.eventNoise;
  if (!Number.isInteger(runs) || runs < 1) throw new OptionError('runs', `must be a whole number ≥ 1, got ${runs}`);
  if (!Number.isInteger(seed) || seed < 0) throw new OptionError('seed', `must be a whole number ≥ 0, got ${seed}`);
  return { runs, seed, eventNoise };
}

/** The Monte Carlo of a scenario and its JSON output. */
export async function monteCarloOutput(sc: Scenario & { file?: string }, settings: McOptions, version: string, mc: MonteCarloOptions = {}): Promise<{ mc: McResult; out: McRunOutput }> {
  const result = await monteCarlo(sc.input, settings, mc);
  const out = toMcOutput(result, scenarioInfo(sc), version, ageStructured(sc));
  if (ageStructured(sc)) {
    // Inhabitants by age group: the expected path (their uncertainty shows in the bands of the population fields).
    const det = deterministicOutput(sc, version);
    out.regions.forEach((r, i) => { if (det.regions[i].ageGroups) r.ageGroups = det.regions[i].ageGroups; });
    if (out.total && det.total?.ageGroups) out.total.ageGroups = det.total.ageGroups;
  }
  return { mc: result, out: withObserved(out, sc.meta.observed) };
}

/** Runs the Monte Carlo answers of `whatItWouldTake` are searched on: the first this many of the run's own (as `solve`'s default). */
export const TAKE_RUNS = 2000;

/**
 * The output with `whatItWouldTake` on every region (model/take.ts): null where the plan reaches
 * the target by the horizon (with 80 % probability in a Monte Carlo), else how far it gets and what
 * it would take. `mc`: the Monte Carlo the output came from (null: the deterministic run).
 *
 * A Monte Carlo of one region searches on its first `TAKE_RUNS` runs (the same runs, so the same
 * answer as `solve --runs 2000`); one of several regions gives each region's expected-value answer
 * (one search per region on thousands of runs would take far longer than the run itself; `solve
 * --region` gives the probabilities). `answers`: whatItWouldTakeAnswers' when already computed.
 */
export function withWhatItWouldTake<T extends RunOutput | McRunOutput>(out: T, sc: Scenario, mc: McResult | null, answers?: (WhatItWouldTake | null)[]): T {
  const input = sc.input;
  if (input.endYear <= input.startYear) return out;
  const w = answers ?? whatItWouldTakeAnswers(sc, mc, out);
  const regions = out.regions.map((r, i) => ({ ...r, whatItWouldTake: w[i] }));
  return { ...out, regions };
}

/**
 * Whether what it would take needs the Monte Carlo: with one region it is searched on the Monte
 * Carlo's own runs; with several, and without runs, on the expected-value projection — then it can
 * be computed while the Monte Carlo runs (`whatItWouldTakeAnswers(sc, null, null)`, the same answers).
 */
export const takeNeedsMonteCarlo = (sc: Scenario, mc: boolean): boolean => mc && sc.input.regions.length === 1;

/**
 * `withWhatItWouldTake`'s answer for each region (`out` and `mc` are read only when takeNeedsMonteCarlo).
 * `runner`: the search's runs on several threads (threads/level-runner.ts; the same answers).
 */
export function whatItWouldTakeAnswers(sc: Scenario, mc: McResult | null, out: RunOutput | McRunOutput | null, runner: LevelRunner | null = null): (WhatItWouldTake | null)[] {
  const input = sc.input;
  const last = input.endYear - input.startYear;
  const searchMc = mc !== null && takeNeedsMonteCarlo(sc, true);
  const det = searchMc ? null : expectedProjection(input); // the same object model/take.ts's search reads
  return input.regions.map((_, i) => {
    const pBy = searchMc ? mc.regions[i].reachedBy[last] : firstReached(det!.regions[i].block, last + 1) >= 0 ? 1 : 0;
    const opts = searchMc ? { ...mc.opts, runs: Math.min(mc.opts.runs, TAKE_RUNS) } : null;
    const at = (f: number, key: 'coverage' | 'inhabitantsPerDoctorEquivalent') => (det ? det.regions[i].block[f * (last + 1) + last] : out!.regions[i].years[last]?.[key] ?? null);
    return whatItWouldTake(input, i, opts, pBy, at(F.coverage, 'coverage'), at(F.inhabitantsPerDoctorEquivalent, 'inhabitantsPerDoctorEquivalent'), searchMc ? { keys: mc.paramKeys, params: mc.params } : null, runner);
  });
}

/**
 * Exactly the object `riktvarde run --format json` prints for the same scenario and options:
 * deterministic without `runs`, else the Monte Carlo (in-process unless `mc.runner` is given).
 */
export async function simulateWith(sc: Scenario & { file?: string }, o: SimulateOptions, version: string, mc: MonteCarloOptions = {}): Promise<RunOutput | McRunOutput> {
  const take = o.whatItWouldTake ?? true;
  if (o.runs === undefined) {
    const out = deterministicOutput(sc, version);
    return take ? withWhatItWouldTake(out, sc, null) : out;
  }
  const r = await monteCarloOutput(sc, mcSettings(sc, o), version, mc);
  return take ? withWhatItWouldTake(r.out, sc, r.mc) : r.out;
}
