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
import { setFlagsFromString } from 'node:v8';
import { loadWithCodeCache } from './code-cache.js';
import { bundled, terminalColumns, writeStdout } from './stdout.js';
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
  // --lang like every command (it was refused here: "unknown argument: lang"): Swedish descriptions.
  { name: 'schema', options: [choice('lang', 'lang', ['sv', 'en'], 'en')] },
];

/**
 * The young generation of V8's heap kept at its first size while a command without a Monte Carlo
 * runs (issue 15, start-up; built CLI only). V8 doubles it after a scavenge that most objects
 * survive, which at start-up is every scavenge (the schemas, the scenario, the command code's
 * state), and each doubling is fresh memory, whose first touch costs a page fault (~10-20 µs a
 * page on this machine: more than the scavenges the doubling saves). Kept at its size, a
 * deterministic `run` takes 12 scavenges instead of 6 and ~1 200 fewer page faults (~5 MB).
 * Set before the command code loads and left so in the processes whose code cache is written
 * (a deterministic `run` at build): V8 accepts a code cache only under the flags it was written
 * with. A Monte Carlo gets V8's default back once the command code has loaded (its runs are
 * many short-lived objects, where a larger young generation is quicker).
 */
const YOUNG_GENERATION_KEPT = '--semi-space-growth-factor=1', YOUNG_GENERATION_GROWS = '--semi-space-growth-factor=2';
/**
 * A command without a Monte Carlo leaves V8's optimizing compiler four times as much work before it
 * optimizes a function (the interrupt budget, 4 × V8's 67 584). In a deterministic `run` the
 * functions it optimized were ready too late to shorten the main thread (its CPU time the same
 * with or without), while the compiles cost ~20 ms of CPU on a second thread and ~600 page
 * faults of compiler memory; a long command still gets them, a little later. Set after the
 * command code has loaded (V8 checks a code cache against the flags), so the build's warm-up,
 * whose cache is read under the flags above, does not set it.
 */
const OPTIMIZE_LATER = '--interrupt-budget=270336';

/** The command code (cli/handlers.ts; in the built CLI dist/cli/handlers.cjs, see cli/code-cache.ts), loaded now. */
async function commandCode(): Promise<typeof import('./handlers.js')> {
  if (bundled()) {
    return loadWithCodeCache(fileURLToPath(new URL('./handlers.cjs', import.meta.url)), (s) => import.meta.resolve(s)) as typeof import('./handlers.js');
  }
  return import('./handlers.js');
}

export async function main(argv: string[]): Promise<number> {
  // The language of every message, chosen once before anything is parsed (--lang, default English).
  const lang = languageOf(argv);
  useLanguage(lang);
  const t = lang === 'sv' ? helpSv : help;
  try {
    const parsed = parseCommandLine(argv, COMMANDS, t, lang, () => emsg.cliMissingScenario());
    if (parsed.kind === 'help') {
      // Into a pipe, a file or /dev/null without making process.stdout (cli/stdout.ts).
      writeStdout(renderHelp(t, COMMANDS, parsed.command, Math.min(120, terminalColumns() || 100)));
      return EXIT.ok;
    }
    if (parsed.kind === 'version') {
      writeStdout(`${programVersion()}\n`);
      return EXIT.ok;
    }
    // Output goes through cli/stdout.ts (which guards process.stdout against EPIPE when it uses it).
    // The Monte Carlo's worker threads boot while the command code loads (cli/workers-first.ts).
    const first = await import('./workers-first.js');
    first.startWorkersFirst(parsed.command.name, parsed.args);
    const monteCarlo = first.runsMonteCarlo(parsed.command.name, parsed.args);
    if (bundled()) setFlagsFromString(YOUNG_GENERATION_KEPT);
    const code = await commandCode();
    if (bundled() && monteCarlo) setFlagsFromString(YOUNG_GENERATION_GROWS);
    // Not for the build's warm-up: the cache it writes is read under the flags set above.
    if (bundled() && !monteCarlo && !process.env.RIKTVARDE_WRITE_CODE_CACHE) setFlagsFromString(OPTIMIZE_LATER);
    return await code.runHandler(parsed.command.name, parsed.args, lang);
  } catch (e) {
    return report(e);
  }
}
