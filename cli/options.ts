/**
 * Every command-line option, declared once with its help text. Commands pick the groups they take:
 * the common options, the Monte Carlo options, and the output options.
 */
import type { Argv } from 'yargs';
import { messages } from './messages.js';
import { UsageError } from './usage.js';

/** What a number option accepts: a whole number or not, and its range. */
export interface NumberRule { int?: boolean; min?: number; max?: number; minExclusive?: boolean; example: string }

/** Digits as a person types them: optional sign, decimals with a point, an exponent; `_` or spaces between digit groups. */
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Parses a number option strictly (yargs's `type: 'number'` turns `10k` into NaN): text that is
 * not a number, a fraction where a whole number is needed, or a value out of range is a usage
 * error that says what the option accepts.
 */
export function parseNumberOption(option: string, raw: unknown, rule: NumberRule): number {
  if (Array.isArray(raw)) throw new UsageError(messages.givenTwice(option));
  const text = String(raw ?? '').trim();
  const compact = text.replace(/(?<=\d)[_ \u00a0\u202f](?=\d)/g, '');
  if (!NUMBER.test(compact)) throw new UsageError(messages.notANumber(option, text, rule.example));
  const v = Number(compact);
  const lo = rule.min ?? -Infinity, hi = rule.max ?? Infinity;
  const range = [
    rule.int ? 'a whole number' : 'a number',
    rule.min !== undefined ? `${rule.minExclusive ? '>' : '≥'} ${rule.min}` : '',
    rule.max !== undefined ? `${rule.min !== undefined ? 'and ' : ''}≤ ${rule.max}` : '',
  ].filter(Boolean).join(' ');
  if (!Number.isFinite(v) || (rule.int && !Number.isInteger(v)) || v < lo || (rule.minExclusive && v === lo) || v > hi) {
    throw new UsageError(messages.outOfRange(option, v, range));
  }
  return v;
}

/** A number option with strict parsing (see parseNumberOption). */
export function numberOption(option: string, describe: string, rule: NumberRule) {
  return { type: 'string' as const, describe, requiresArg: true, coerce: (raw: unknown): number => parseNumberOption(`--${option}`, raw, rule) };
}

/** Runs and seeds are bounded by what a Float64 counts exactly. */
const MAX_INT = Number.MAX_SAFE_INTEGER;

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
    .option('runs', numberOption('runs', `Monte Carlo: ${runs}; a whole number ≥ 1`, { int: true, min: 1, example: '1000' }))
    .option('seed', numberOption('seed', `Monte Carlo: random seed${per}, a whole number ≥ 0 (default: ${defaults}'s monteCarlo.seed, else 1)`, { int: true, min: 0, max: MAX_INT, example: '7' }))
    .option('workers', numberOption('workers', 'Monte Carlo: threads computing, the main thread included, a whole number ≥ 1 (default: all cores; at most twice the cores); results are identical for any number', { int: true, min: 1, example: '2' }))
    .option('event-noise', { type: 'boolean', describe: `Monte Carlo: binomial noise on retirements, exits, dropouts, completions and starts (default: ${defaults}'s, else on; --no-event-noise to draw only parameters)` });
}

/** --out and --force for a command that writes one file (or stdout without --out). */
export function outOptions<T>(y: Argv<T>, out = 'write to this file (atomically) instead of stdout', force = 'replace --out if it exists') {
  return y
    .option('out', { type: 'string', describe: out })
    .option('force', { type: 'boolean', default: false, describe: force });
}

/** `--wide`: for the commands that print a text table (cli/width.ts). */
export function tableOptions<T>(y: Argv<T>) {
  return y.option('wide', { type: 'boolean', default: false, describe: 'table: the wide layout (120 columns) even on a narrower terminal; without it a table on a terminal fits its width (years split into blocks)' });
}

/** The positional scenario file. */
export function scenarioArg<T>(y: Argv<T>) {
  return y.positional('scenario', { type: 'string', demandOption: true, describe: 'scenario YAML file' });
}
