/**
 * Limits of the Monte Carlo, checked before the work starts: threads (before any starts) and runs
 * (a memory estimate of the scenario's Monte Carlo against the machine's memory).
 */
import { availableParallelism, freemem, totalmem } from 'node:os';
import { maxWorkers } from '../threads/idle.js';
import { mcMemoryBytes } from '../model/mc-run.js';
import type { ModelInput } from '../model/types.js';
import { messages } from './messages.js';
import { UsageError } from './usage.js';

export { maxWorkers };

export function checkWorkers(workers: number): void {
  if (!Number.isInteger(workers) || workers < 1) throw new UsageError(messages.badWholeNumber('--workers', String(workers), 1));
  if (workers > maxWorkers()) throw new UsageError(messages.tooManyWorkers(workers, maxWorkers(), availableParallelism()));
}

/**
 * The memory a Monte Carlo may take: half the machine's memory, or what is free now if that is
 * more (a machine with swap may have little free memory and still run it).
 */
export const memoryBudget = (): number => Math.max(totalmem() / 2, freemem());

/** Refuses a number of runs whose estimated memory exceeds the budget (before threads compute). */
export function checkRunsMemory(input: ModelInput, runs: number): void {
  if (!Number.isInteger(runs) || runs < 1) return; // mcSettings reports it
  const need = mcMemoryBytes(input, runs);
  const budget = memoryBudget();
  if (need > budget) throw new UsageError(messages.tooManyRuns(runs, need, budget, maxRunsFitting(input, budget)));
}

/**
 * The most runs whose estimate fits `budget` (at least 1): a bisection, as the estimate grows with
 * the runs but is not linear (a fixed 64 MB and a directory per chunk of runs). Dividing the
 * budget by the estimate of one run, fixed part included, said "about 349 runs fit" where
 * millions did.
 */
export function maxRunsFitting(input: ModelInput, budget: number): number {
  let lo = 1, hi = 2;
  while (mcMemoryBytes(input, hi) <= budget && hi < Number.MAX_SAFE_INTEGER / 2) hi *= 2;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (mcMemoryBytes(input, mid) <= budget) lo = mid;
    else hi = mid;
  }
  return lo;
}
