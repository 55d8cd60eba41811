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
import { validateOrThrow } from '../scenario/validate.js';
import type { LoadedScenario, Scenario } from '../scenario/types.js';
import { expectedRun } from '../model/params.js';
import { project } from '../model/project.js';
import { toOutput, type RunOutput, type ScenarioInfo } from '../model/results.js';
import { toMcOutput, type McRunOutput } from '../model/mcresults.js';
import { monteCarlo, type MonteCarloOptions } from '../model/mc-run.js';
import type { McOptions, McResult } from '../model/montecarlo.js';
import { withObserved } from '../model/observed.js';

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
}

/**
 * Parses scenario YAML from a string (no file access): `file` names it in messages; `extends`
 * is read from `files` (name → text) when given. Throws ScenarioError with every problem.
 */
export function parseScenario(text: string, options: { file?: string; set?: readonly string[]; files?: Record<string, string> } = {}): LoadedScenario {
  const file = options.file ?? 'scenario.yaml';
  const known: Record<string, string> = { ...options.files, [file]: text };
  const fa: FileAccess = {
    read: (path) => {
      if (!Object.hasOwn(known, path)) throw new Error(`no file ${path}`);
      return known[path];
    },
    resolve: (_from, ref) => ref,
  };
  let doc = loadDocument(file, fa);
  if (options.set?.length) doc = applySets(doc, [...options.set]);
  return { ...validateOrThrow(doc), file, files: doc.files };
}

/** The `scenario` block of the JSON output. */
export const scenarioInfo = (sc: Scenario & { file?: string }): ScenarioInfo => ({ name: sc.meta.name, description: sc.meta.description, countBasis: sc.meta.countBasis, file: sc.file });

/** The deterministic run (expected values) as the JSON output. */
export function deterministicOutput(sc: Scenario & { file?: string }, version: string): RunOutput {
  return withObserved(toOutput(project(expectedRun(sc.input), sc.input.total), scenarioInfo(sc), version), sc.meta.observed);
}

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
  return { mc: result, out: withObserved(toMcOutput(result, scenarioInfo(sc), version), sc.meta.observed) };
}

/**
 * Exactly the object `riktvarde run --format json` prints for the same scenario and options:
 * deterministic without `runs`, else the Monte Carlo (in-process unless `mc.runner` is given).
 */
export async function simulateWith(sc: Scenario & { file?: string }, o: SimulateOptions, version: string, mc: MonteCarloOptions = {}): Promise<RunOutput | McRunOutput> {
  if (o.runs === undefined) return deterministicOutput(sc, version);
  return (await monteCarloOutput(sc, mcSettings(sc, o), version, mc)).out;
}
