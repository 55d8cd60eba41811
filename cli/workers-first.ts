/**
 * Starting the Monte Carlo's worker threads as early as possible: the built CLI's front calls
 * this as soon as the command line is parsed (cli/app.ts), before the command code loads, and
 * cli/handlers.ts again (it starts only what is missing). Imports Node's built-ins only, so the
 * front stays small.
 */
import type { CommandName } from '../viz/texts/help.js';
import { defaultWorkers, maxWorkers, prestartWorkers } from '../threads/idle.js';

/**
 * Whether the command runs a Monte Carlo: `run` with --runs or --runs-out (as cli/commands.ts
 * decides), and every command below (their pipelines name a Monte Carlo).
 */
export function runsMonteCarlo(name: CommandName, args: Record<string, unknown>): boolean {
  if (name === 'run') return args.runs !== undefined || args.runsOut !== undefined;
  return name === 'solve' || name === 'chart' || name === 'report' || name === 'sensitivity' || name === 'compare' || name === 'backtest';
}

/**
 * Starts the worker threads of the command's Monte Carlo, if it runs one, so that they have
 * booted when the first tasks come. Only for a --workers value
 * the pipeline accepts (it reports a wrong one).
 */
export function startWorkersFirst(name: CommandName, args: Record<string, unknown>): void {
  if (!runsMonteCarlo(name, args)) return;
  const w = args.workers === undefined ? defaultWorkers() : args.workers;
  if (typeof w === 'number' && Number.isInteger(w) && w >= 1 && w <= maxWorkers()) prestartWorkers(w);
}
