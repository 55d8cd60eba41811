/**
 * The code behind each command, loaded when it runs: cli/app.ts parses the command line and then
 * asks this table for the one handler it needs. In the built CLI this module and everything it
 * loads is one file, dist/cli/handlers.cjs, compiled from V8's code cache (cli/code-cache.ts).
 * That file has its own copy of cli/usage.ts and the message catalogues, so the language is set
 * and errors are reported here, with the classes the command code throws.
 */
import type { CommandName } from '../viz/texts/help.js';
import type { Lang } from '../viz/format.js';
import { report, useLanguage } from './usage.js';
import { startWorkersFirst } from './workers-first.js';

export { runsMonteCarlo } from './workers-first.js';

// Each handler declares its own argument type; the parser fills it from cli/app.ts's COMMANDS.
export type Handler = (a: any) => Promise<number>;

export const HANDLERS: Record<CommandName, () => Promise<Handler>> = {
  run: async () => (await import('./commands.js')).runCommand,
  validate: async () => (await import('./commands.js')).validateCommand,
  schema: async () => (await import('./commands.js')).schemaCommand,
  solve: async () => (await import('./solve.js')).solveCommand,
  chart: async () => (await import('./chart.js')).chartCommand,
  report: async () => (await import('./report.js')).reportCommand,
  explore: async () => (await import('./explore.js')).exploreCommand,
  sensitivity: async () => (await import('./sensitivity.js')).sensitivityCommand,
  compare: async () => (await import('./compare.js')).compareCommand,
  calibrate: async () => (await import('./calibrate.js')).calibrateCommand,
  backtest: async () => (await import('./backtest.js')).backtestCommand,
};

/** Runs one command in `lang`: its exit code, errors reported as cli/usage.ts says. */
export async function runHandler(name: CommandName, args: Record<string, unknown>, lang: Lang): Promise<number> {
  useLanguage(lang);
  try {
    startWorkersFirst(name, args); // the front has started them in the built CLI; any missing now
    return await (await HANDLERS[name]())(args);
  } catch (e) {
    return report(e);
  }
}
