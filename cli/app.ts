/**
 * riktvarde command line. The one place that wires the pipeline and touches files:
 *
 *   YAML ─scenario/load─▶ document ─scenario/validate─▶ Scenario ─model─▶ results ─viz─▶ stdout / --out
 *
 * Exit codes and error reporting: cli/usage.ts.
 */
import yargs from 'yargs';
import { commonOptions as common, monteCarloOptions, numberOption, outOptions, scenarioArg, tableOptions } from './options.js';
import { programVersion } from '../api/load.js';
import { msg as emsg } from '../scenario/errors.js';
import { EXIT, UsageError, report, useLanguage } from './usage.js';
import { runCommand, validateCommand, schemaCommand } from './commands.js';

export async function main(argv: string[]): Promise<number> {
  let code: number = EXIT.ok;
  const fail = (c: number) => { code = c; };
  // English until --lang is read (the middleware below): the parser's own errors stay English.
  useLanguage('en');
  const cli = yargs(argv)
    .scriptName('riktvarde')
    .usage('$0 <command> [options]\n\nProjects GP specialists and ST trainees against the 1100/550 riktvärde.')
    .command(
      'run <scenario>',
      'project a scenario and print the appendix table (or CSV/JSON)',
      (y) => tableOptions(monteCarloOptions(outOptions(scenarioArg(common(y))), 'number of runs (medians and intervals instead of expected values)'))
        .option('format', { choices: ['table', 'csv', 'json', 'xlsx'] as const, default: 'table' as const, describe: 'table, CSV or JSON; xlsx: a workbook (appendix, quantiles, assumptions), needs --out' })
        .option('years', { type: 'string', describe: 'only these years, e.g. 2019 or 2024-2030 (a single year of a multi-region scenario prints the Tabell 1 view)' })
        .option('layout', { choices: ['full', 'bilaga'] as const, describe: "table rows: 'full' (every row) or 'bilaga' (Stockholm's appendix: specialists, other specialists, listable ST, net increases, population, net cost increase, the plan path); default: the scenario's output.layout, else full" })
        .option('runs-out', { type: 'string', describe: 'Monte Carlo: also write one CSV row per run (parameter draws and outcomes)' })
        .option('take', { type: 'boolean', default: true, describe: 'beside a "not reached" verdict, what it would take: the intake at 50 %/80 %, the earliest year, cost, feasibility (--no-take skips it)' }),
      async (a) => fail(await runCommand(a)),
    )
    .command(
      'validate <scenario>',
      'check a scenario file; prints "ok" or every problem as file:line:col  path  message',
      (y) => scenarioArg(common(y)),
      async (a) => fail(await validateCommand(a)),
    )
    .command(
      'solve <scenario>',
      'find the smallest ST intake (or other lever) that reaches 1100/550 by a target year with a given probability',
      (y) => tableOptions(monteCarloOptions(outOptions(scenarioArg(common(y))), 'runs per evaluation (default: the scenario\'s, at most 2000)'))
        .option('target-year', numberOption('target-year', 'reach the target by this year (required unless --budget; with --budget: the year whose probability is shown, default the horizon)', { int: true, example: '2030' }))
        .option('probability', { ...numberOption('probability', 'with at least this probability, > 0 and ≤ 1 (0.5 = the median run)', { min: 0, minExclusive: true, max: 1, example: '0.8' }), default: 0.5 })
        .option('lever', { choices: ['intake', 'recruitment', 'retention', 'attrition'] as const, default: 'intake' as const, describe: 'what to change' })
        .option('from-year', numberOption('from-year', 'first year the lever changes (default: the year after the start)', { int: true, example: '2025' }))
        .option('max-intake', numberOption('max-intake', 'cap on ST intake (posts per year, > 0)', { min: 0, minExclusive: true, max: 100000, example: '45' }))
        .option('max-step', numberOption('max-step', 'ramp: increase by at most this much per year (intake or recruitment, > 0)', { min: 0, minExclusive: true, max: 100000, example: '5' }))
        .option('max', numberOption('max', 'cap on the lever: recruitment per year (> 0), or the retention share (> 0 and ≤ 1)', { min: 0, minExclusive: true, example: '0.9' }))
        .option('budget', numberOption('budget', 'mnkr a year: the most intake (or --lever) whose cost above the base year stays within this in every year, and when 1100/550 is then reached', { min: 0, minExclusive: true, example: '50' }))
        .option('region', { type: 'string', describe: 'region to solve for (multi-region scenarios)' })
        .option('format', { choices: ['table', 'json'] as const, default: 'table' as const, describe: 'the answer as text or JSON' }),
      async (a) => fail(await (await import('./solve.js')).solveCommand(a as unknown as import('./solve.js').SolveArgs)),
    )
    // Charts and the HTML report (cli/chart.ts, cli/report.ts); loaded on use (vega, resvg).
    .command(
      'chart <scenario>',
      'run the Monte Carlo and write one chart per file (PNG, SVG or Vega-Lite JSON) into a folder',
      (y) => monteCarloOptions(scenarioArg(common(y)), 'number of runs (default: the scenario\'s)')
        .option('out', { type: 'string', default: 'charts', describe: 'folder to write the charts into (created)' })
        .option('format', { choices: ['png', 'svg', 'vl.json'] as const, default: 'png' as const, describe: 'PNG (bundled fonts), SVG or the Vega-Lite spec' })
        .option('force', { type: 'boolean', default: false, describe: 'replace chart files that exist' })
        .option('region', { type: 'string', describe: 'region (or total) to chart; default: the total, else the only region' }),
      async (a) => fail(await (await import('./chart.js')).chartCommand(a as unknown as import('./chart.js').ChartArgs)),
    )
    .command(
      'report <scenarios..>',
      'write one self-contained HTML report (works offline, prints on A4): answer, charts, appendix table, assumptions',
      (y) => monteCarloOptions(outOptions(common(y), 'HTML file to write (default: <scenario>.html)'), 'number of runs (default: the scenario\'s)', 'the first scenario')
        .positional('scenarios', { type: 'string', array: true, demandOption: true, describe: 'scenario YAML file(s)' })
        .option('region', { type: 'string', describe: 'region (or total) for the charts; default: the total, else the only region' }),
      async (a) => fail(await (await import('./report.js')).reportCommand(a as unknown as import('./report.js').ReportArgs)),
    )
    .command(
      'explore <scenario>',
      'write one offline HTML page with levers (ST intake, retention, norm, …) that reruns the Monte Carlo in the browser',
      (y) => outOptions(scenarioArg(common(y)), 'HTML file to write (default: <scenario>-whatif.html)'),
      async (a) => fail(await (await import('./explore.js')).exploreCommand(a as unknown as import('./explore.js').ExploreArgs)),
    )
    // Sensitivity and compare (cli/sensitivity.ts, cli/compare.ts); loaded on use.
    .command(
      'sensitivity <scenario>',
      'which uncertain parameters matter: one at a time (p10/p90, others at medians) and PRCC/SRC from the Monte Carlo',
      (y) => tableOptions(monteCarloOptions(outOptions(scenarioArg(common(y)), undefined, 'replace --out / --chart-out if they exist'), 'runs for PRCC/SRC (default: the scenario\'s)'))
        .option('format', { choices: ['table', 'csv', 'json'] as const, default: 'table' as const, describe: 'table, CSV or JSON' })
        .option('chart-out', { type: 'string', describe: 'also write the tornado and PRCC chart: FILE.png, FILE.svg or FILE.vl.json' }),
      async (a) => fail(await (await import('./sensitivity.js')).sensitivityCommand(a as unknown as import('./sensitivity.js').SensitivityArgs)),
    )
    .command(
      'compare <scenarios..>',
      'two or more scenarios side by side on the same random numbers, with differences against the first',
      (y) => tableOptions(monteCarloOptions(outOptions(common(y), undefined, 'replace --out / --chart-out if they exist'), 'number of runs, the same for every scenario (default: the first scenario\'s)', 'the first scenario'))
        .positional('scenarios', { type: 'string', array: true, demandOption: true, describe: 'two or more scenario YAML files; the first is the reference' })
        .option('format', { choices: ['table', 'csv', 'json'] as const, default: 'table' as const, describe: 'table, CSV or JSON' })
        .option('reached-against', { choices: ['final', 'current'] as const, default: 'final' as const, describe: 'with a norm schedule (e.g. 1500 then 1100): measure every year against the final norm, or against the norm of that year' })
        .option('chart-out', { type: 'string', describe: 'also write the overlay of inhabitants per doctor equivalent: FILE.png, FILE.svg or FILE.vl.json' }),
      async (a) => fail(await (await import('./compare.js')).compareCommand(a as unknown as import('./compare.js').CompareArgs)),
    )
    // Observed data (issue 11): cli/calibrate.ts, cli/backtest.ts; loaded on use.
    .command(
      'calibrate <scenario>',
      'fit retirement age, attrition, ST dropout and retention to the scenario\'s observed figures (least squares) and write a YAML overlay',
      (y) => outOptions(scenarioArg(common(y)), 'the YAML overlay to write (extends the scenario; the scenario itself is never changed)')
        .option('format', { choices: ['table', 'json'] as const, default: 'table' as const, describe: 'the fit as text or JSON' }),
      async (a) => fail(await (await import('./calibrate.js')).calibrateCommand(a as unknown as import('./calibrate.js').CalibrateArgs)),
    )
    .command(
      'backtest <scenario>',
      'run the Monte Carlo from the scenario\'s base year and compare with its observed later figures: MAPE, bias, interval coverage',
      (y) => tableOptions(monteCarloOptions(outOptions(scenarioArg(common(y)), undefined, 'replace --out / --chart-out if they exist'), 'number of runs (default: the scenario\'s)'))
        .option('format', { choices: ['table', 'csv', 'json'] as const, default: 'table' as const, describe: 'table, CSV or JSON (per quantity: mape, bias, inside50, inside80)' })
        .option('chart-out', { type: 'string', describe: 'also write the chart (median, bands, observed points): FILE.png, FILE.svg or FILE.vl.json' }),
      async (a) => fail(await (await import('./backtest.js')).backtestCommand(a as unknown as import('./backtest.js').BacktestArgs)),
    )
    .command('schema', 'print the JSON Schema of scenario files (for editor completion)', (y) => y, async () => fail(await schemaCommand()))
    // The language of every message, chosen once before a command runs (--lang, default English).
    .middleware((a) => useLanguage(a.lang === 'sv' ? 'sv' : 'en'))
    .demandCommand(1, 'Give a command: run, validate or schema.')
    .strict()
    .help()
    .version(programVersion())
    .wrap(Math.min(120, process.stdout.columns || 100))
    .fail((msg, err) => {
      // A number option's coerce (cli/options.ts) throws our message; yargs hands it back as a YError.
      if (err && err.name !== 'YError') throw err;
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
