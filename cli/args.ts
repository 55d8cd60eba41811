/**
 * The command line parsed against the declarations of cli/options.ts, and the help text rendered
 * from them in the language of --lang (viz/texts/help.ts). Our own loop rather than a library:
 * yargs was the largest import of every command (and rendered its help text on every run), and
 * node:util's parseArgs in strict mode throws its own English messages; here every message is in
 * the catalogue, in both languages.
 *
 * Accepted: `--name value`, `--name=value`, `--flag`, `--no-flag`, `--flag=false`, `--flag false`,
 * camelCase spellings (`--eventNoise`), `--set a=1 b=2` (later words holding `=` are more --set
 * values, as with yargs's arrays), `--` (the rest are files), a value starting with `-` and a
 * digit (`--max-intake -5`, refused by its range). `--help` and `--version` win over everything.
 */
import type { Lang } from '../viz/format.js';
import type { CommandName, HelpTexts } from '../viz/texts/help.js';
import { parseNumberOption, type OptionSpec } from './options.js';
import { UsageError } from './usage.js';
import { messages, messagesSv } from '../viz/texts/messages.js';

/** A command: its positional file(s) (`many`: one or more) and options, in the order help lists them. */
export interface CommandSpec {
  name: CommandName;
  positional?: { name: 'scenario' | 'scenarios'; help: OptionSpec['help']; many: boolean };
  options: OptionSpec[];
}

export type Parsed =
  | { kind: 'help'; command: CommandSpec | null }
  | { kind: 'version' }
  | { kind: 'command'; command: CommandSpec; args: Record<string, unknown> };

const camel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
/** A word that is an option, not a value: `--x`, `-x` (but `-5`, `-.5` and `-` are values). */
const isOption = (w: string) => w.startsWith('--') || /^-[^\d.]/.test(w);

/** The language asked for with --lang (for help and parse errors, before anything is parsed); English otherwise. */
export function languageOf(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
    if (argv[i] === '--lang=sv' || (argv[i] === '--lang' && argv[i + 1] === 'sv')) return 'sv';
  }
  return 'en';
}

/** Parses `argv` (without node and the script) for one of `commands`; throws a UsageError worded in `t`. */
export function parseCommandLine(argv: readonly string[], commands: readonly CommandSpec[], t: HelpTexts, lang: Lang, missingScenario: () => string): Parsed {
  const end = argv.indexOf('--') < 0 ? argv.length : argv.indexOf('--');
  const before = argv.slice(0, end);
  // The command: the first word that is neither an option nor the value of one.
  const takesValue = new Set(commands.flatMap((c) => c.options.filter((o) => o.kind !== 'flag').map((o) => o.name)));
  let at = -1;
  for (let i = 0; i < before.length; i++) {
    const w = before[i];
    if (!isOption(w)) { at = i; break; }
    if (!w.includes('=') && takesValue.has(kebab(w.replace(/^--?/, '')))) i++;
  }
  const command = at < 0 ? null : commands.find((c) => c.name === before[at]) ?? null;
  if (before.includes('--help')) return { kind: 'help', command };
  if (before.includes('--version')) return { kind: 'version' };
  if (at < 0) throw new UsageError(t.noCommand());
  if (!command) throw new UsageError(t.unknownArguments([before[at]]));
  return { kind: 'command', command, args: parseOptions([...argv.slice(0, at), ...argv.slice(at + 1)], command, t, lang, missingScenario) };
}

function parseOptions(words: string[], command: CommandSpec, t: HelpTexts, lang: Lang, missingScenario: () => string): Record<string, unknown> {
  const byName = new Map(command.options.map((o) => [o.name, o]));
  const given = new Map<OptionSpec, string | boolean | string[]>();
  const positionals: string[] = [], unknown: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === '--') { positionals.push(...words.slice(i + 1)); break; }
    if (!isOption(w)) { positionals.push(w); continue; }
    if (!w.startsWith('--')) { unknown.push(w); continue; }
    const eq = w.indexOf('=');
    const written = eq < 0 ? w.slice(2) : w.slice(2, eq);
    const inline = eq < 0 ? undefined : w.slice(eq + 1);
    const name = kebab(written);
    let spec = byName.get(name), negated = false;
    if (!spec && name.startsWith('no-') && byName.get(name.slice(3))?.kind === 'flag') { spec = byName.get(name.slice(3)); negated = true; }
    if (!spec) { unknown.push(`--${written}`); continue; }
    if (spec.kind === 'flag') {
      let v = true;
      if (inline !== undefined) v = inline !== 'false';
      else if (words[i + 1] === 'true' || words[i + 1] === 'false') v = words[++i] === 'true';
      given.set(spec, negated ? !v : v);
      continue;
    }
    let value = inline;
    if (value === undefined) {
      if (i + 1 >= words.length || isOption(words[i + 1])) throw new UsageError(t.missingValue(spec.name));
      value = words[++i];
    }
    // `--out ''` wrote through the folder above the working one and failed as a write error (exit
    // 4); `chart --out ''` wrote into the working folder. Numbers say so themselves (they name what
    // they accept), a list entry (`--set`) says what is wrong with it.
    if (spec.kind === 'text' && value.trim() === '') throw new UsageError(t.emptyValue(spec.name));
    // `-` means standard output to most tools; here it wrote a file named "-" (exit 0).
    if (spec.kind === 'text' && value === '-' && /(^|-)out$/.test(spec.name)) throw new UsageError(t.outDash(spec.name));
    // Node decodes the command line as UTF-8: a Latin-1 byte became U+FFFD (`--out r\xe4.csv` would
    // write `r\ufffd.csv`). `--set` says where in its value (scenario/set.ts).
    if (spec.kind === 'text' && value.includes('\uFFFD')) throw new UsageError(t.notUtf8Argument(spec.name, value));
    if (spec.kind === 'list') {
      const list = (given.get(spec) as string[] | undefined) ?? [];
      list.push(value);
      while (i + 1 < words.length && !isOption(words[i + 1]) && words[i + 1].includes('=')) list.push(words[++i]);
      given.set(spec, list);
    } else {
      // A second value: a list the number parser refuses with "given more than once"; others likewise below.
      const prev = given.get(spec);
      given.set(spec, prev === undefined ? value : [...([] as string[]).concat(prev as string), value]);
    }
  }
  // Files: exactly one `<scenario>`, one or more `<scenarios..>`, or none.
  const pos = command.positional;
  if (!pos) unknown.push(...positionals);
  else if (!pos.many) unknown.push(...positionals.slice(1));
  if (unknown.length) throw new UsageError(t.unknownArguments(unknown));
  if (pos && positionals.length === 0) throw new UsageError(missingScenario());
  const garbled = positionals.find((p) => p.includes('\uFFFD'));
  if (garbled !== undefined) throw new UsageError(t.notUtf8Argument(null, garbled));

  const args: Record<string, unknown> = {};
  if (pos) args[pos.name] = pos.many ? positionals : positionals[0];
  for (const o of command.options) {
    const v = given.get(o);
    if (v === undefined) { if (o.default !== undefined) args[camel(o.name)] = Array.isArray(o.default) ? [...o.default] : o.default; continue; }
    if (o.kind === 'number') args[camel(o.name)] = parseNumberOption(`--${o.name}`, v, o.rule!, lang);
    else if (Array.isArray(v) && o.kind !== 'list') throw new UsageError((lang === 'sv' ? messagesSv : messages).givenTwice(`--${o.name}`));
    else if (o.kind === 'choice' && !o.choices!.includes(v as string)) throw new UsageError(t.invalidValue(o.name, v as string, o.choices!));
    else args[camel(o.name)] = v;
  }
  return args;
}

// ---- help ------------------------------------------------------------------------------------

/** `text` wrapped to `width` columns, every line after the first indented by `indent`. */
function wrap(text: string, indent: number, width: number): string {
  const room = Math.max(20, width - indent);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > room) { lines.push(line); line = word; } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.join(`\n${' '.repeat(indent)}`);
}

/** Two columns: names padded to the longest, descriptions wrapped beside them. */
function columns(rows: [string, string][], width: number): string[] {
  const w = Math.max(...rows.map(([n]) => n.length)) + 2;
  return rows.map(([n, d]) => `  ${n.padEnd(w)}${wrap(d, w + 2, width)}`);
}

const usageOf = (c: CommandSpec) => `riktvarde ${c.name}${c.positional ? ` <${c.positional.name}${c.positional.many ? '..' : ''}>` : ''}`;

/** The help of one command, or of the program when `command` is null. */
export function renderHelp(t: HelpTexts, commands: readonly CommandSpec[], command: CommandSpec | null, width: number): string {
  const own: [string, string][] = [['--help', t.options.help], ['--version', t.options.version]];
  if (!command) {
    return [
      t.heading.usage, '', wrap(t.about, 0, width), '',
      t.heading.commands, ...columns(commands.map((c) => [usageOf(c), t.commands[c.name]]), width), '',
      t.heading.options, ...columns(own, width), '',
    ].join('\n');
  }
  const note = (o: OptionSpec): string => {
    const notes: string[] = [];
    if (o.choices) notes.push(`${t.note.choices}: ${o.choices.map((c) => `"${c}"`).join(', ')}`);
    if (o.default !== undefined && !Array.isArray(o.default)) notes.push(`${t.note.default}: ${typeof o.default === 'string' ? `"${o.default}"` : o.default}`);
    return notes.map((n) => ` [${n}]`).join('');
  };
  const pos = command.positional;
  return [
    usageOf(command), '', wrap(t.commands[command.name], 0, width), '',
    ...(pos ? [t.heading.positionals, ...columns([[pos.name, `${t.options[pos.help]} [${t.note.required}]`]], width), ''] : []),
    t.heading.options, ...columns([...own, ...command.options.map((o): [string, string] => [`--${o.name}`, t.options[o.help] + note(o)])], width), '',
  ].join('\n');
}
