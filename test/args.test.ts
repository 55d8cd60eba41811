/**
 * The command-line parser (cli/args.ts) and its help text, in both languages: the spellings it
 * accepts, the usage errors it gives (exit 2), and that the help lists every option of every
 * command with its description from the catalogue (viz/texts/help.ts).
 */
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../cli/app.js';
import { languageOf, parseCommandLine, renderHelp } from '../cli/args.js';
import { UsageError } from '../cli/usage.js';
import { help, helpSv } from '../viz/texts/help.js';
import { cliInProcess, sandbox } from './helpers.js';

const missing = () => 'MISSING';
const parse = (...argv: string[]) => {
  const p = parseCommandLine(argv, COMMANDS, languageOf(argv) === 'sv' ? helpSv : help, languageOf(argv), missing);
  if (p.kind !== 'command') throw new Error(`expected a command, got ${p.kind}`);
  return p.args;
};
const refusal = (...argv: string[]): string => {
  try {
    parseCommandLine(argv, COMMANDS, languageOf(argv) === 'sv' ? helpSv : help, languageOf(argv), missing);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error(`accepted: ${argv.join(' ')}`);
};

describe('parsing', () => {
  it('defaults, camelCase keys, numbers parsed strictly', () => {
    expect(parse('run', 'a.yaml')).toEqual({ scenario: 'a.yaml', set: [], lang: 'en', force: false, format: 'table', wide: false, take: true });
    const a = parse('solve', 'a.yaml', '--target-year', '2030', '--max-intake=45', '--probability', '0.8', '--lang', 'sv');
    expect(a).toMatchObject({ targetYear: 2030, maxIntake: 45, probability: 0.8, lever: 'intake', lang: 'sv' });
    expect(parse('run', 'a.yaml', '--runs', '10 000').runs).toBe(10000);
  });

  it('flags: --x, --no-x, --x=false, --x false; camelCase spellings', () => {
    expect(parse('run', 'a.yaml', '--no-take').take).toBe(false);
    expect(parse('run', 'a.yaml', '--no-event-noise').eventNoise).toBe(false);
    expect(parse('run', 'a.yaml', '--eventNoise').eventNoise).toBe(true);
    expect(parse('run', 'a.yaml', '--force=false').force).toBe(false);
    expect(parse('run', 'a.yaml', '--wide', 'false').wide).toBe(false);
    expect(parse('run', '--force', 'a.yaml').scenario).toBe('a.yaml');
  });

  it('--set repeats, and takes the following key=value words; -- ends the options', () => {
    expect(parse('run', 'a.yaml', '--set', 'st.intake=40', '--set', 'x=1', 'y=2').set).toEqual(['st.intake=40', 'x=1', 'y=2']);
    expect(parse('compare', 'a.yaml', '--', '--b.yaml').scenarios).toEqual(['a.yaml', '--b.yaml']);
    expect(refusal('solve', 'a.yaml', '--max-intake', '-5')).toBe('--max-intake must be a number > 0 and ≤ 100000, got -5');
  });

  it('usage errors in English and Swedish', () => {
    expect(refusal()).toBe('Give a command: run, validate, solve, chart, report, explore, sensitivity, compare, calibrate, backtest or schema.');
    expect(refusal('--lang', 'sv')).toBe('Ange ett kommando: run, validate, solve, chart, report, explore, sensitivity, compare, calibrate, backtest eller schema.');
    expect(refusal('frobnicate')).toBe('Unknown argument: frobnicate');
    expect(refusal('run', 'a.yaml', '--bogus', '-x')).toBe('Unknown arguments: --bogus, -x');
    expect(refusal('run', 'a.yaml', 'b.yaml', '--lang', 'sv')).toBe('Okänt argument: b.yaml');
    expect(refusal('run')).toBe('MISSING');
    expect(refusal('run', 'a.yaml', '--format', 'xml', '--lang', 'sv')).toBe('Ogiltigt värde:\n  Argument: format, angivet: "xml", val: "table", "csv", "json", "xlsx"');
    expect(refusal('run', 'a.yaml', '--runs')).toBe('Not enough arguments following: runs');
    expect(refusal('run', 'a.yaml', '--lang=sv', '--runs', '--wide')).toBe('Inget värde efter: runs');
    expect(refusal('run', 'a.yaml', '--runs', '1.5', '--lang', 'sv')).toBe('--runs måste vara ett heltal ≥ 1, fick 1.5');
    expect(refusal('run', 'a.yaml', '--format', 'csv', '--format', 'json')).toBe('--format is given more than once; give it once');
    expect(refusal('schema', 'extra', '--lang', 'sv')).toBe('Okänt argument: extra');
  });

  it('--help wins over errors and names the command; --version', () => {
    expect(parseCommandLine(['run', '--bogus', '--help'], COMMANDS, help, 'en', missing)).toMatchObject({ kind: 'help', command: { name: 'run' } });
    expect(parseCommandLine(['--help'], COMMANDS, help, 'en', missing)).toEqual({ kind: 'help', command: null });
    expect(parseCommandLine(['run', 'a.yaml', '--version'], COMMANDS, help, 'en', missing)).toEqual({ kind: 'version' });
  });
});

describe('help', () => {
  it.each(COMMANDS.map((c) => c.name))('%s: every option listed with its description, in both languages, within the width', (name) => {
    const command = COMMANDS.find((c) => c.name === name)!;
    for (const t of [help, helpSv]) {
      const text = renderHelp(t, COMMANDS, command, 100);
      for (const o of command.options) expect(text).toMatch(new RegExp(`^  --${o.name} +${t.options[o.help].slice(0, 12).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm'));
      expect(text.split('\n').every((l) => l.length <= 100)).toBe(true);
    }
  });

  it('the program help lists every command; --lang sv gives the Swedish one; exit 0', async () => {
    const dir = sandbox();
    const en = await cliInProcess(dir, '--help');
    const sv = await cliInProcess(dir, 'run', '--help', '--lang', 'sv');
    expect(en.code).toBe(0);
    for (const c of COMMANDS) expect(en.stdout).toContain(`riktvarde ${c.name}`);
    expect(sv.code).toBe(0);
    expect(sv.stdout).toContain(helpSv.commands.run);
    expect(sv.stdout).toContain('Flaggor:');
    expect(parseCommandLine(['--lang', 'sv', 'run', '--help'], COMMANDS, helpSv, 'sv', missing)).toMatchObject({ kind: 'help', command: { name: 'run' } });
  });

  it('report --help says that --out x.pdf prints a PDF, sv and en', async () => {
    const dir = sandbox();
    const en = await cliInProcess(dir, 'report', '--help');
    const sv = await cliInProcess(dir, 'report', '--help', '--lang', 'sv');
    expect(en.code).toBe(0);
    expect(en.stdout.replace(/\s+/g, ' ')).toContain('a name ending in .pdf prints the report to PDF (A4) instead');
    expect(sv.stdout.replace(/\s+/g, ' ')).toContain('ett namn som slutar på .pdf skriver i stället rapporten som PDF (A4)');
  });

  it('a usage error in Swedish ends with the Swedish see-help line', async () => {
    const r = await cliInProcess(sandbox(), 'run', 'a.yaml', '--bogus', '--lang', 'sv');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("riktvarde: Okänt argument: --bogus\nKör 'riktvarde --help' för att se hur kommandot används.\n");
  });
});
