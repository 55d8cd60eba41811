/**
 * riktvarde command line. The one place that wires the pipeline and touches files:
 *
 *   YAML ─scenario/load─▶ document ─scenario/validate─▶ Scenario ─model─▶ results ─viz─▶ stdout / --out
 *
 * The commands and their options are declared here (options: cli/options.ts; parsing and help:
 * cli/args.ts; every text: viz/texts/help.ts). Each command's code is loaded only when it runs
 * (cli/handlers.ts), so `--help` or a usage error loads nothing else, and `run` never loads vega
 * or exceljs. Exit codes and error reporting: cli/usage.ts.
 */
import { msg as emsg } from '../scenario/errors.js';
import { help, helpSv } from '../viz/texts/help.js';
import { languageOf, parseCommandLine, renderHelp, type CommandSpec } from './args.js';
import { choice, commonOptions as common, flag, monteCarloOptions as mc, numberOption, outOptions as out, tableOptions, text } from './options.js';
import { EXIT, report, useLanguage } from './usage.js';
import { fileURLToPath } from 'node:url';
import { fstatSync, writeSync } from 'node:fs';
import { loadWithCodeCache } from './code-cache.js';
import { programVersion } from '../api/version.js';

const SCENARIO = { name: 'scenario', help: 'scenario', many: false } as const;
const TABLE_CSV_JSON = ['table', 'csv', 'json'] as const;

/** Every command, its options in the order its help lists them. */
export const COMMANDS: CommandSpec[] = [
  { name: 'run', positional: SCENARIO, options: [...common(), ...out(), ...mc('run.runs'),
    choice('format', 'run.format', ['table', 'csv', 'json', 'xlsx'], 'table'),
    text('years', 'run.years'),
    choice('layout', 'run.layout', ['full', 'bilaga']),
    text('runs-out', 'run.runsOut'),
    ...tableOptions(),
    flag('take', 'run.take', true)] },
  { name: 'validate', positional: SCENARIO, options: common() },
  { name: 'solve', positional: SCENARIO, options: [...common(), ...out(), ...mc('solve.runs'),
    numberOption('target-year', 'solve.targetYear', { int: true, example: '2030' }),
    numberOption('probability', 'solve.probability', { min: 0, minExclusive: true, max: 1, example: '0.8' }, 0.5),
    choice('lever', 'solve.lever', ['intake', 'recruitment', 'retention', 'attrition'], 'intake'),
    numberOption('from-year', 'solve.fromYear', { int: true, example: '2025' }),
    numberOption('max-intake', 'solve.maxIntake', { min: 0, minExclusive: true, max: 100000, example: '45' }),
    numberOption('max-step', 'solve.maxStep', { min: 0, minExclusive: true, max: 100000, example: '5' }),
    numberOption('max', 'solve.max', { min: 0, minExclusive: true, example: '0.9' }),
    numberOption('budget', 'solve.budget', { min: 0, minExclusive: true, example: '50' }),
    text('region', 'solve.region'),
    choice('format', 'solve.format', ['table', 'json'], 'table'), ...tableOptions()] },
  // Charts and the HTML report (cli/chart.ts, cli/report.ts): vega and resvg load with them.
  { name: 'chart', positional: SCENARIO, options: [...common(), ...mc('chart.runs'),
    text('out', 'chart.out', 'charts'),
    choice('format', 'chart.format', ['png', 'svg', 'vl.json'], 'png'),
    flag('force', 'chart.force', false),
    text('region', 'chart.region')] },
  { name: 'report', positional: { name: 'scenarios', help: 'report.scenarios', many: true }, options: [...common(), ...out('report.out'), ...mc('report.runs', true),
    text('region', 'report.region')] },
  { name: 'explore', positional: SCENARIO, options: [...common(), ...out('explore.out'), text('steps', 'explore.steps')] },
  { name: 'sensitivity', positional: SCENARIO, options: [...common(), ...out('out', 'forceBoth'), ...mc('sensitivity.runs'),
    choice('format', 'sensitivity.format', TABLE_CSV_JSON, 'table'),
    text('chart-out', 'sensitivity.chartOut'), ...tableOptions()] },
  { name: 'compare', positional: { name: 'scenarios', help: 'compare.scenarios', many: true }, options: [...common(), ...out('out', 'forceBoth'), ...mc('compare.runs', true),
    choice('format', 'compare.format', TABLE_CSV_JSON, 'table'),
    choice('reached-against', 'compare.reachedAgainst', ['final', 'current'], 'final'),
    text('chart-out', 'compare.chartOut'), ...tableOptions()] },
  // Observed data (issue 11): cli/calibrate.ts, cli/backtest.ts.
  { name: 'calibrate', positional: SCENARIO, options: [...common(), ...out('calibrate.out'),
    choice('format', 'calibrate.format', ['table', 'json'], 'table')] },
  { name: 'backtest', positional: SCENARIO, options: [...common(), ...out('out', 'forceBoth'), ...mc('backtest.runs'),
    choice('format', 'backtest.format', TABLE_CSV_JSON, 'table'),
    text('chart-out', 'backtest.chartOut'), ...tableOptions()] },
  { name: 'schema', options: [] },
];

/** Set by cli/bundle.mjs in the built CLI: the command code is then dist/cli/handlers.cjs (see cli/code-cache.ts). */
declare const RIKTVARDE_BUNDLE: boolean | undefined;

const bundled = (): boolean => typeof RIKTVARDE_BUNDLE !== 'undefined' && RIKTVARDE_BUNDLE;

/** The command code (cli/handlers.ts), loaded now. */
async function commandCode(): Promise<typeof import('./handlers.js')> {
  if (bundled()) {
    return loadWithCodeCache(fileURLToPath(new URL('./handlers.cjs', import.meta.url)), (s) => import.meta.resolve(s)) as typeof import('./handlers.js');
  }
  return import('./handlers.js');
}

/**
 * Whether stdout may be a terminal: a character device (a terminal, or /dev/null). Asked with
 * fstat, not node:tty's isatty: loading node:tty loads Node's net and stream modules.
 */
function maybeTerminal(): boolean {
  try {
    return fstatSync(1).isCharacterDevice();
  } catch {
    return true;
  }
}

/**
 * `--help` and `--version` text. Into a pipe or a file it is written straight to the file
 * descriptor, without process.stdout: making that stream loads Node's stream modules, about a
 * tenth of `--help`'s start-up (issue 15).
 */
function writeOut(text: string, terminal: boolean): void {
  // Only in the built CLI: in-process (tests, tsx) through process.stdout, which tests capture.
  if (!terminal && bundled()) {
    try {
      writeSync(1, text);
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EPIPE') return; // `riktvarde --help | head`
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      // A non-blocking pipe that is full: the stream waits for it.
    }
  }
  process.stdout.write(text);
}

let stdoutGuarded = false;
/** `riktvarde run … | head` closes stdout early: stop quietly instead of crashing with EPIPE. */
function guardStdout(): void {
  if (stdoutGuarded) return;
  stdoutGuarded = true;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

export async function main(argv: string[]): Promise<number> {
  // The language of every message, chosen once before anything is parsed (--lang, default English).
  const lang = languageOf(argv);
  useLanguage(lang);
  const t = lang === 'sv' ? helpSv : help;
  try {
    const parsed = parseCommandLine(argv, COMMANDS, t, lang, () => emsg.cliMissingScenario());
    if (parsed.kind === 'help') {
      const terminal = maybeTerminal();
      writeOut(renderHelp(t, COMMANDS, parsed.command, Math.min(120, (terminal && process.stdout.columns) || 100)), terminal);
      return EXIT.ok;
    }
    if (parsed.kind === 'version') {
      writeOut(`${programVersion()}\n`, maybeTerminal());
      return EXIT.ok;
    }
    guardStdout();
    // The Monte Carlo's worker threads boot while the command code loads (cli/workers-first.ts).
    (await import('./workers-first.js')).startWorkersFirst(parsed.command.name, parsed.args);
    return await (await commandCode()).runHandler(parsed.command.name, parsed.args, lang);
  } catch (e) {
    return report(e);
  }
}
