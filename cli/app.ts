/**
 * riktvarde command line. The one place that wires the pipeline and touches files:
 *
 *   YAML ─scenario/load─▶ document ─scenario/validate─▶ Scenario ─model─▶ results ─viz─▶ stdout / --out
 *
 * Exit codes: 0 ok · 1 unexpected internal error · 2 invalid input (scenario or arguments) ·
 * 3 the output file exists (nothing written; use --force).
 */
import yargs, { type Argv } from 'yargs';
import { ScenarioError, formatProblem, msg as emsg } from '../scenario/errors.js';
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
        .option('format', { choices: ['table', 'csv', 'json', 'xlsx'] as const, default: 'table' as const, describe: 'xlsx: a workbook (appendix, quantiles, assumptions); needs --out' })
        .option('out', { type: 'string', describe: 'write to this file (atomically) instead of stdout' })
        .option('force', { type: 'boolean', default: false, describe: 'replace --out if it exists' })
        .option('years', { type: 'string', describe: 'only these years, e.g. 2019 or 2024-2030 (a single year of a multi-region scenario prints the Tabell 1 view)' })
        .option('layout', { choices: ['full', 'bilaga'] as const, describe: "table rows: 'full' (every row) or 'bilaga' (Stockholm's appendix: specialists, other specialists, listable ST, net increases, population, net cost increase, the plan path); default: the scenario's output.layout, else full" })
        .option('runs', { type: 'number', describe: 'Monte Carlo: number of runs (medians and intervals instead of expected values)' })
        .option('seed', { type: 'number', describe: 'Monte Carlo: random seed (default: the scenario\'s monteCarlo.seed, else 1)' })
        .option('workers', { type: 'number', describe: 'Monte Carlo: threads computing, the main thread included (default: all cores); results are identical for any number' })
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
        .option('workers', { type: 'number', describe: 'threads computing, the main thread included (default: all cores)' })
        .option('event-noise', { type: 'boolean' })
        .option('format', { choices: ['table', 'json'] as const, default: 'table' as const })
        .option('out', { type: 'string' })
        .option('force', { type: 'boolean', default: false }),
      async (a) => fail(await (await import('./solve.js')).solveCommand(a as unknown as import('./solve.js').SolveArgs)),
    )
    // Charts and the HTML report (cli/chart.ts, cli/report.ts); loaded on use (vega, resvg).
    .command(
      'chart <scenario>',
      'run the Monte Carlo and write one chart per file (PNG, SVG or Vega-Lite JSON) into a folder',
      (y) => common(y)
        .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario YAML file' })
        .option('out', { type: 'string', default: 'charts', describe: 'folder to write the charts into (created)' })
        .option('format', { choices: ['png', 'svg', 'vl.json'] as const, default: 'png' as const })
        .option('force', { type: 'boolean', default: false, describe: 'replace chart files that exist' })
        .option('region', { type: 'string', describe: 'region (or total) to chart; default: the total, else the only region' })
        .option('runs', { type: 'number', describe: 'Monte Carlo runs (default: the scenario\'s)' })
        .option('seed', { type: 'number', describe: 'random seed (default: the scenario\'s)' })
        .option('workers', { type: 'number', describe: 'threads computing, the main thread included (default: all cores)' })
        .option('event-noise', { type: 'boolean' }),
      async (a) => fail(await (await import('./chart.js')).chartCommand(a as unknown as import('./chart.js').ChartArgs)),
    )
    .command(
      'report <scenarios..>',
      'write one self-contained HTML report (works offline, prints on A4): answer, charts, appendix table, assumptions',
      (y) => common(y)
        .positional('scenarios', { type: 'string', array: true, demandOption: true, describe: 'scenario YAML file(s)' })
        .option('out', { type: 'string', describe: 'HTML file to write (default: <scenario>.html)' })
        .option('force', { type: 'boolean', default: false, describe: 'replace --out if it exists' })
        .option('region', { type: 'string', describe: 'region (or total) for the charts; default: the total, else the only region' })
        .option('runs', { type: 'number', describe: 'Monte Carlo runs (default: the scenario\'s)' })
        .option('seed', { type: 'number', describe: 'random seed (default: the scenario\'s)' })
        .option('workers', { type: 'number', describe: 'threads computing, the main thread included (default: all cores)' })
        .option('event-noise', { type: 'boolean' }),
      async (a) => fail(await (await import('./report.js')).reportCommand(a as unknown as import('./report.js').ReportArgs)),
    )
    // Sensitivity and compare (cli/sensitivity.ts, cli/compare.ts); loaded on use.
    .command(
      'sensitivity <scenario>',
      'which uncertain parameters matter: one at a time (p10/p90, others at medians) and PRCC/SRC from the Monte Carlo',
      (y) => common(y)
        .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario YAML file' })
        .option('format', { choices: ['table', 'csv', 'json'] as const, default: 'table' as const })
        .option('out', { type: 'string', describe: 'write to this file (atomically) instead of stdout' })
        .option('force', { type: 'boolean', default: false, describe: 'replace --out / --chart-out if they exist' })
        .option('chart-out', { type: 'string', describe: 'also write the tornado and PRCC chart: FILE.png, FILE.svg or FILE.vl.json' })
        .option('runs', { type: 'number', describe: 'Monte Carlo runs for PRCC/SRC (default: the scenario\'s)' })
        .option('seed', { type: 'number', describe: 'random seed (default: the scenario\'s)' })
        .option('workers', { type: 'number', describe: 'threads computing, the main thread included (default: all cores); results are identical for any number' })
        .option('event-noise', { type: 'boolean', describe: 'binomial event noise in the Monte Carlo (default: the scenario\'s; --no-event-noise for parameters only)' }),
      async (a) => fail(await (await import('./sensitivity.js')).sensitivityCommand(a as unknown as import('./sensitivity.js').SensitivityArgs)),
    )
    .command(
      'compare <scenarios..>',
      'two or more scenarios side by side on the same random numbers, with differences against the first',
      (y) => common(y)
        .positional('scenarios', { type: 'string', array: true, demandOption: true, describe: 'two or more scenario YAML files; the first is the reference' })
        .option('format', { choices: ['table', 'csv', 'json'] as const, default: 'table' as const })
        .option('out', { type: 'string', describe: 'write to this file (atomically) instead of stdout' })
        .option('force', { type: 'boolean', default: false, describe: 'replace --out / --chart-out if they exist' })
        .option('chart-out', { type: 'string', describe: 'also write the overlay of inhabitants per doctor: FILE.png, FILE.svg or FILE.vl.json' })
        .option('runs', { type: 'number', describe: 'Monte Carlo runs, the same for every scenario (default: the first scenario\'s)' })
        .option('seed', { type: 'number', describe: 'random seed, the same for every scenario (default: the first scenario\'s)' })
        .option('workers', { type: 'number', describe: 'threads computing, the main thread included (default: all cores)' })
        .option('event-noise', { type: 'boolean', describe: 'binomial event noise (default: the first scenario\'s)' }),
      async (a) => fail(await (await import('./compare.js')).compareCommand(a as unknown as import('./compare.js').CompareArgs)),
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

