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
  if (need > budget) {
    const perRun = mcMemoryBytes(input, 1);
    throw new UsageError(messages.tooManyRuns(runs, need, budget, Math.max(1, Math.floor(budget / perRun))));
  }
}
