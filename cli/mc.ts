/** The Monte Carlo as every command runs it: threads started early, settings checked, a progress bar. */
import { deterministicOutput, mcSettings, monteCarloOutput, whatItWouldTakeAnswers, type LoadedScenario, type McResult, type McRunOutput, type RunOutput } from '../api/core.js';
import { programVersion, threadsOf } from '../api/index.js';
import { threadLevelRunner } from '../threads/level-runner.js';
import { prestartWorkers, threadRunner } from '../threads/pool.js';
import { progressBar } from './progress.js';
import { messages, messageLanguage } from './messages.js';

export interface McArgs { runs?: number; seed?: number; workers?: number; eventNoise?: boolean; runsOut?: string }

/** Starts the Monte Carlo's worker threads now, so they load while the scenario is read. */
export function startThreadsEarly(a: McArgs): void {
  prestartWorkers(threadsOf(a.workers));
}

/** The deterministic run of a loaded scenario, as `run --format json` prints it. */
export const deterministic = (sc: LoadedScenario): RunOutput => deterministicOutput(sc, programVersion());

/**
 * Monte Carlo of a loaded scenario with the command's options (scenario defaults otherwise).
 * `summarize`: only these columns' means and quantiles (`MonteCarloOptions.summarize`; default all);
 * `alongside`: `MonteCarloOptions.alongside`.
 */
export async function monteCarloOf(sc: LoadedScenario, a: McArgs, summarize?: Uint8Array, alongside?: () => void): Promise<{ mc: McResult; out: McRunOutput }> {
  const settings = mcSettings(sc, a);
  const bar = await progressBar(messages.progressLabel(sc.meta.name, settings.runs), messageLanguage());
  try {
    return await monteCarloOutput(sc, settings, programVersion(), { runner: threadRunner(threadsOf(a.workers)), onProgress: (d, t) => bar.update(d, t), summarize, alongside });
  } finally {
    bar.stop();
  }
}

/**
 * What it would take on the Monte Carlo's runs (`whatItWouldTakeAnswers`), its search's runs
 * simulated by this thread and the Monte Carlo's idle workers together (threads/level-runner.ts):
 * the same answers and `simulations` on any number of threads.
 */
export function takeAnswersOnThreads(sc: LoadedScenario, a: McArgs, mc: McResult, out: McRunOutput): ReturnType<typeof whatItWouldTakeAnswers> {
  const runner = threadLevelRunner(threadsOf(a.workers));
  try {
    return whatItWouldTakeAnswers(sc, mc, out, runner);
  } finally {
    runner?.end();
  }
}
