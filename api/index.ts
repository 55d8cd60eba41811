/**
 * riktvarde as a library (Node): `import { loadScenario, simulate } from 'riktvarde'`.
 *
 *   const sc = loadScenario('scenarios/halland.yaml', { set: ['st.intake=40'] });
 *   const out = await simulate(sc, { runs: 1000, seed: 7 });
 *   JSON.stringify(out, null, 2) + '\n'   // the bytes of `riktvarde run … --format json`
 *
 * Everything of the pure core (`riktvarde/core`) is re-exported.
 */
import { loadScenarioFile, programVersion } from './load.js';
import { simulateWith, OptionError, type LoadedScenario, type McRunOutput, type RunOutput, type Scenario, type SimulateOptions } from './core.js';
import { defaultWorkers, threadRunner } from '../threads/pool.js';

export * from './core.js';
export { programVersion };

/** Reads, merges (`extends`), overrides (`set`, as --set) and validates a scenario file; throws ScenarioError. */
export function loadScenario(file: string, options: { set?: readonly string[] } = {}): LoadedScenario {
  return loadScenarioFile(file, options.set ?? []);
}

/** Threads for the Monte Carlo, the calling thread included (default: all cores); checked. */
export function threadsOf(workers: number | undefined): number {
  if (workers === undefined) return defaultWorkers();
  if (!Number.isInteger(workers) || workers < 1) throw new OptionError('workers', `must be a whole number ≥ 1, got ${workers}`);
  return workers;
}

/**
 * The object `riktvarde run --format json` prints: deterministic without `runs`, else the Monte
 * Carlo on `workers` threads (the same bytes for any number).
 */
export async function simulate(sc: Scenario & { file?: string }, options: SimulateOptions & { workers?: number } = {}): Promise<RunOutput | McRunOutput> {
  const runner = options.runs === undefined ? undefined : threadRunner(threadsOf(options.workers));
  return simulateWith(sc, options, programVersion(), { runner });
}
