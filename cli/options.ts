/**
 * Every command-line option, declared once as data: its kind, default, accepted values, and the
 * key of its description in the help catalogue (viz/texts/help.ts, English and Swedish). Commands
 * pick the groups they take: the common options, the Monte Carlo options, and the output options.
 * cli/args.ts parses a command line against these declarations and renders the help from them.
 */
import { messages, messagesSv } from '../viz/texts/messages.js';
import { help, helpSv, type HelpKey } from '../viz/texts/help.js';
import { fmtInt, type Lang } from '../viz/format.js';
import { UsageError } from './usage.js';

/** What a number option accepts: a whole number or not, and its range. */
export interface NumberRule { int?: boolean; min?: number; max?: number; minExclusive?: boolean; example: string }

/**
 * One option. `flag`: true/false (`--no-NAME` gives false); `text`: any text; `number`: parsed by
 * parseNumberOption with `rule`; `choice`: one of `choices`; `list`: repeatable text (`--set`).
 */
export interface OptionSpec {
  name: string;
  kind: 'flag' | 'text' | 'number' | 'choice' | 'list';
  help: HelpKey;
  choices?: readonly string[];
  default?: string | number | boolean | string[];
  rule?: NumberRule;
}

/** Digits as a person types them: optional sign, decimals with a point, an exponent; `_` or spaces between digit groups. */
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Parses a number option strictly: text that is not a number, a fraction where a whole number is
 * needed, or a value out of range is a usage error (in `lang`) that says what the option accepts.
 */
export function parseNumberOption(option: string, raw: unknown, rule: NumberRule, lang: Lang = 'en'): number {
  const m = lang === 'sv' ? messagesSv : messages, words = (lang === 'sv' ? helpSv : help).range;
  if (Array.isArray(raw)) throw new UsageError(m.givenTwice(option));
  const text = String(raw ?? '').trim();
  const compact = text.replace(/(?<=\d)[_ \u00a0\u202f](?=\d)/g, '');
  if (!NUMBER.test(compact)) throw new UsageError(m.notANumber(option, text, rule.example));
  const v = Number(compact);
  const lo = rule.min ?? -Infinity, hi = rule.max ?? Infinity;
  // Swedish groups a large bound (`≤ 100 000`); English stays as it was.
  const bound = (x: number) => (lang === 'sv' && Math.abs(x) >= 10_000 ? fmtInt(x, 'sv') : String(x));
  const range = [
    rule.int ? words.whole : words.number,
    rule.min !== undefined ? `${rule.minExclusive ? '>' : '≥'} ${bound(rule.min)}` : '',
    rule.max !== undefined ? `${rule.min !== undefined ? `${words.and} ` : ''}≤ ${bound(rule.max)}` : '',
  ].filter(Boolean).join(' ');
  if (!Number.isFinite(v) || (rule.int && !Number.isInteger(v)) || v < lo || (rule.minExclusive && v === lo) || v > hi) {
    throw new UsageError(m.outOfRange(option, v, range));
  }
  return v;
}

// ---- builders --------------------------------------------------------------------------------

export const flag = (name: string, key: HelpKey, dflt?: boolean): OptionSpec => ({ name, kind: 'flag', help: key, default: dflt });
export const text = (name: string, key: HelpKey, dflt?: string): OptionSpec => ({ name, kind: 'text', help: key, default: dflt });
export const choice = (name: string, key: HelpKey, choices: readonly string[], dflt?: string): OptionSpec => ({ name, kind: 'choice', help: key, choices, default: dflt });
export const numberOption = (name: string, key: HelpKey, rule: NumberRule, dflt?: number): OptionSpec => ({ name, kind: 'number', help: key, rule, default: dflt });

/** Runs and seeds are bounded by what a Float64 counts exactly. */
const MAX_INT = Number.MAX_SAFE_INTEGER;

/** --set and --lang: every command that reads a scenario. */
export const commonOptions = (): OptionSpec[] => [
  { name: 'set', kind: 'list', help: 'set', default: [] },
  choice('lang', 'lang', ['sv', 'en'], 'en'),
];

/**
 * --runs, --seed, --workers, --event-noise. `runs`: the description of the runs (what they are
 * for, their default); `first`: the seed and event noise default to the first scenario's.
 */
export const monteCarloOptions = (runs: HelpKey, first = false): OptionSpec[] => [
  numberOption('runs', runs, { int: true, min: 1, example: '1000' }),
  numberOption('seed', first ? 'seedFirst' : 'seed', { int: true, min: 0, max: MAX_INT, example: '7' }),
  numberOption('workers', 'workers', { int: true, min: 1, example: '2' }),
  flag('event-noise', first ? 'eventNoiseFirst' : 'eventNoise'),
];

/** --out and --force for a command that writes one file (or stdout without --out). */
export const outOptions = (out: HelpKey = 'out', force: HelpKey = 'force'): OptionSpec[] => [text('out', out), flag('force', force, false)];

/** `--wide`: for the commands that print a text table (cli/width.ts). */
export const tableOptions = (): OptionSpec[] => [flag('wide', 'wide', false)];
