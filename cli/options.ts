/**
 * Every command-line option, declared once with its help text. Commands pick the groups they take:
 * the common options, the Monte Carlo options, and the output options.
 */
import type { Argv } from 'yargs';

/** --set and --lang: every command that reads a scenario. */
export function commonOptions<T>(y: Argv<T>) {
  return y
    .option('set', { type: 'string', array: true, default: [] as string[], describe: 'override a scenario value, e.g. --set st.intake=40 (repeatable)' })
    .option('lang', { choices: ['sv', 'en'] as const, default: 'en' as const, describe: 'language of labels and number format' });
}

/**
 * --runs, --seed, --workers, --event-noise. `runs`: what the runs are for and their default;
 * `defaults`: whose monteCarlo block the seed and event noise default to.
 */
export function monteCarloOptions<T>(y: Argv<T>, runs: string, defaults: 'the scenario' | 'the first scenario' = 'the scenario') {
  const per = defaults === 'the first scenario' ? ', the same for every scenario' : '';
  return y
    .option('runs', { type: 'number', describe: `Monte Carlo: ${runs}` })
    .option('seed', { type: 'number', describe: `Monte Carlo: random seed${per} (default: ${defaults}'s monteCarlo.seed, else 1)` })
    .option('workers', { type: 'number', describe: 'Monte Carlo: threads computing, the main thread included (default: all cores); results are identical for any number' })
    .option('event-noise', { type: 'boolean', describe: `Monte Carlo: binomial noise on retirements, exits, dropouts, completions and starts (default: ${defaults}'s, else on; --no-event-noise to draw only parameters)` });
}

/** --out and --force for a command that writes one file (or stdout without --out). */
export function outOptions<T>(y: Argv<T>, out = 'write to this file (atomically) instead of stdout', force = 'replace --out if it exists') {
  return y
    .option('out', { type: 'string', describe: out })
    .option('force', { type: 'boolean', default: false, describe: force });
}

/** The positional scenario file. */
export function scenarioArg<T>(y: Argv<T>) {
  return y.positional('scenario', { type: 'string', demandOption: true, describe: 'scenario YAML file' });
}
