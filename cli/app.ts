/**
 * riktvarde command line. The one place that wires the pipeline and touches files:
 *
 *   YAML ─schema/load─▶ document ─schema/validate─▶ Scenario ─model─▶ results ─viz─▶ stdout / --out
 *
 * Exit codes: 0 ok · 1 unexpected internal error · 2 invalid input (scenario or arguments) ·
 * 3 the output file exists (nothing written; use --force).
 */
import yargs, { type Argv } from 'yargs';
import { ScenarioError, formatProblem, msg as emsg } from '../schema/errors.js';
import { OutputExistsError, OutputIsFolderError } from './files.js';
import { runCommand, validateCommand, schemaCommand } from './commands.js';

export const EXIT = { ok: 0, internal: 1, invalid: 2, exists: 3 } as const;

export class UsageError extends Error {}

function common<T>(y: Argv<T>) {
  return y
    .option('set', { type: 'string', array: true, default: [] as string[], describe: 'override a scenario value, e.g. --set st.intake=40 (repeatable)' })
    .option('lang', { choices: ['sv', 'en'] as const, default: 'en' as const, describe: 'language of labels and number format' });
}

export async function main(argv: string[]): Promise<number> {
  let code: number = EXIT.ok;
  const fail = (c: number) => { code = c; };
  const cli = yargs(argv)
    .scriptName('riktvarde')
    .usage('$0 <command> [options]\n\nProjects GP specialists and ST trainees against the 1100/550 riktvärde.')
    .command(
      'run <scenario>',
      'project a scenario and print the appendix table (or CSV/JSON)',
      (y) => common(y)
        .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario YAML file' })
        .option('format', { choices: ['table', 'csv', 'json'] as const, default: 'table' as const })
        .option('out', { type: 'string', describe: 'write to this file (atomically) instead of stdout' })
        .option('force', { type: 'boolean', default: false, describe: 'replace --out if it exists' })
        .option('years', { type: 'string', describe: 'only these years, e.g. 2019 or 2024-2030 (a single year of a multi-region scenario prints the Tabell 1 view)' })
        .option('runs', { type: 'number', describe: 'Monte Carlo: number of runs (medians and intervals instead of expected values)' })
        .option('seed', { type: 'number', describe: 'Monte Carlo: random seed (default: the scenario\'s monteCarlo.seed, else 1)' })
        .option('workers', { type: 'number', describe: 'Monte Carlo: worker threads (default: all cores); results are identical for any number' })
        .option('event-noise', { type: 'boolean', describe: 'Monte Carlo: binomial noise on retirements, exits, dropouts, completions and starts (default on; --no-event-noise to draw only parameters)' })
        .option('runs-out', { type: 'string', describe: 'Monte Carlo: also write one CSV row per run (parameter draws and outcomes)' }),
      async (a) => fail(await runCommand(a)),
    )
    .command(
      'validate <scenario>',
      'check a scenario file; prints "ok" or every problem as file:line:col  path  message',
      (y) => common(y).positional('scenario', { type: 'string', demandOption: true }),
      async (a) => fail(await validateCommand(a)),
    )
    .command(
      'solve <scenario>',
      'find the smallest ST intake (or other lever) that reaches 1100/550 by a target year with a given probability',
      (y) => common(y)
        .positional('scenario', { type: 'string', demandOption: true })
        .option('target-year', { type: 'number', demandOption: true, describe: 'reach the target by this year' })
        .option('probability', { type: 'number', default: 0.5, describe: 'with at least this probability (0.5 = the median run)' })
        .option('lever', { choices: ['intake', 'recruitment', 'retention', 'attrition'] as const, default: 'intake' as const, describe: 'what to change' })
        .option('from-year', { type: 'number', describe: 'first year the lever changes (default: the year after the start)' })
        .option('max-intake', { type: 'number', describe: 'cap on ST intake (posts per year)' })
        .option('max-step', { type: 'number', describe: 'ramp: increase by at most this much per year (intake or recruitment)' })
        .option('max', { type: 'number', describe: 'cap on the lever (recruitment per year, or retention share)' })
        .option('region', { type: 'string', describe: 'region to solve for (multi-region scenarios)' })
        .option('runs', { type: 'number', describe: 'Monte Carlo runs per evaluation (default: the scenario’s, at most 2000)' })
        .option('seed', { type: 'number' })
        .option('workers', { type: 'number' })
        .option('event-noise', { type: 'boolean' })
        .option('format', { choices: ['table', 'json'] as const, default: 'table' as const })
        .option('out', { type: 'string' })
        .option('force', { type: 'boolean', default: false }),
      async (a) => fail(await (await import('./solve.js')).solveCommand(a as unknown as import('./solve.js').SolveArgs)),
    )
    .command('schema', 'print the JSON Schema of scenario files (for editor completion)', (y) => y, async () => fail(await schemaCommand()))
    .demandCommand(1, 'Give a command: run, validate or schema.')
    .strict()
    .help()
    .version(false)
    .wrap(Math.min(120, process.stdout.columns || 100))
    .fail((msg, err) => {
      if (err) throw err;
      // yargs's own wording for a missing <scenario> says nothing about what to give.
      throw new UsageError(/^Not enough non-option arguments/.test(msg) ? emsg.cliMissingScenario() : msg);
    });
  try {
    await cli.parseAsync();
  } catch (e) {
    return report(e);
  }
  return code;
}

export function report(e: unknown): number {
  if (e instanceof ScenarioError) {
    for (const p of e.problems) process.stderr.write(formatProblem(p) + '\n');
    const n = e.problems.length;
    process.stderr.write(`${n} problem${n === 1 ? '' : 's'}; nothing was written.\n`);
    return EXIT.invalid;
  }
  if (e instanceof UsageError || e instanceof OutputIsFolderError) {
    process.stderr.write(`riktvarde: ${e.message}\nRun 'riktvarde --help' for usage.\n`);
    return EXIT.invalid;
  }
  if (e instanceof OutputExistsError) {
    process.stderr.write(`riktvarde: ${e.message}\n`);
    return EXIT.exists;
  }
  process.stderr.write(`riktvarde: internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  return EXIT.internal;
}

