/**
 * The command line: exit codes, stdout/stderr separation, atomic --out, and the exact problem
 * lines a planner sees for bad input. A handful of tests run the built `dist/cli/main.cjs` (made
 * by `npm run build`, which `npm test` runs first) as a child process, end to end; the rest call
 * the same `main` in-process (`cliInProcess`: same exit code, same bytes, no Node start-up).
 *
 * Problem lines are `file:line:col  path  message`; the snapshots below are the contract, so
 * read them as a planner would when changing a message.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ROOT, cli, cliInProcess, edit, removeSandboxes, sandbox, scenarioPath } from './helpers.js';
import { scenarioJsonSchema } from '../scenario/jsonschema.js';

/** A stack trace's frame line: never shown to a user. */
const STACK_FRAME = /^\s+at .+\(?.+:\d+:\d+\)?$/m;

const COUNT_LINE = /^(\d+) problems?; nothing was written\.$/;

/**
 * Runs `run bad.yaml` on `yaml` and checks what every invalid scenario must do: exit 2, nothing
 * on stdout, one line per problem on stderr, then the count line. Returns the problem lines.
 */
async function problems(yaml: string, ...args: string[]): Promise<string> {
  const dir = sandbox({ 'bad.yaml': yaml });
  const r = await cliInProcess(dir, 'run', 'bad.yaml', ...args);
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trimEnd().split('\n');
  const count = COUNT_LINE.exec(lines[lines.length - 1]);
  expect(count, r.stderr).not.toBeNull();
  expect(Number(count![1])).toBe(lines.length - 1);
  expect(readdirSync(dir)).toEqual(['bad.yaml']);
  return lines.slice(0, -1).join('\n');
}

// A small valid scenario that uses `st.intake`. Line numbers, for reading the snapshots:
const BASE = [
  'name: Testland', //                                   1
  'horizon: { start: 2024, end: 2030 }', //               2
  'countBasis: health-centres', //                        3
  'population:', //                                       4
  '  start: 1200000', //                                  5
  '  growth: 0.01', //                                    6
  'specialists:', //                                      7
  '  headcount: 1080', //                                 8
  '  ageBands: { "30-49": 0.5, "50-64": 0.5 }', //        9
  '  retirement: { meanAge: 66, sd: 2 }', //              10
  '  attrition: 0.03', //                                 11
  'st:', //                                               12
  '  headcount: 700', //                                  13
  '  intake: 150', //                                     14
  '  trainingLength: { 5: 0.5, 6: 0.5 }', //              15
  '  dropout: 0.02', //                                   16
  '  retention: 0.9', //                                  17
  '  completionAge: 38', //                               18
  '',
].join('\n');

interface JsonOut { regions: { name: string; years: { year: number; stStarts: number | null; specialists: number }[] }[] }

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does)`);
});

afterAll(removeSandboxes);

describe.concurrent('exit codes and output streams', () => {
  it('0 for a valid run: the table on stdout, nothing on stderr', async ({ expect }) => {
    const r = await cli(sandbox({ 'ok.yaml': BASE }), 'run', 'ok.yaml');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Testland');
    expect(r.stdout).toContain('2030');
  });

  it('2 for an invalid scenario: problems and the count line on stderr, nothing on stdout', async ({ expect }) => {
    const r = await cli(sandbox({ 'bad.yaml': edit(BASE, ['  attrition: 0.03', '  attrition: 1.5']) }), 'run', 'bad.yaml');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/\n1 problem; nothing was written\.\n$/);
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  it('2 for an unknown option', async ({ expect }) => {
    const r = await cli(sandbox({ 'ok.yaml': BASE }), 'run', 'ok.yaml', '--bogus');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(r.stderr).toMatchInlineSnapshot(`
      "riktvarde: Unknown argument: --bogus
      Run 'riktvarde --help' for usage.
      "
    `);
  });

  it('2 for a missing scenario argument, and for no command', async ({ expect }) => {
    const dir = sandbox();
    const run = await cliInProcess(dir, 'run');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatchInlineSnapshot(`
      "riktvarde: give a scenario file, e.g. scenarios/stockholm-handlingsplan.yaml
      Run 'riktvarde --help' for usage.
      "
    `);
    const validate = await cliInProcess(dir, 'validate');
    expect(validate.code).toBe(2);
    expect(validate.stderr).toBe(run.stderr);
    const none = await cliInProcess(dir);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toMatchInlineSnapshot(`
      "riktvarde: Give a command: run, validate, solve, chart, report, explore, sensitivity, compare, calibrate, backtest or schema.
      Run 'riktvarde --help' for usage.
      "
    `);
  });

  it('2 for a thread count that is not a whole number ≥ 1 (no results of zeros)', async ({ expect }) => {
    const dir = sandbox({ 'ok.yaml': BASE });
    for (const w of ['0', '1.5', 'two']) {
      const r = await cliInProcess(dir, 'run', 'ok.yaml', '--runs', '20', '--workers', w);
      expect(r.code, w).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(w === 'two' ? /^riktvarde: --workers expects a number written with digits, e\.g\. --workers 2 \(got 'two'\)/ : /^riktvarde: --workers must be a whole number ≥ 1/);
    }
  });

  it('2 for an invalid choice', async ({ expect }) => {
    const r = await cliInProcess(sandbox({ 'ok.yaml': BASE }), 'run', 'ok.yaml', '--format', 'xml');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatchInlineSnapshot(`
      "riktvarde: Invalid values:
        Argument: format, Given: "xml", Choices: "table", "csv", "json", "xlsx"
      Run 'riktvarde --help' for usage.
      "
    `);
  });

  it('2 for a scenario file that does not exist', async ({ expect }) => {
    const r = await cliInProcess(sandbox(), 'run', 'nowhere.yaml');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatchInlineSnapshot(`
      "nowhere.yaml:1:1  (top)  scenario file "nowhere.yaml" does not exist (check the name and the folder)
      1 problem; nothing was written.
      "
    `);
  });

  it('3 when --out exists without --force (file untouched); 0 with --force (file replaced)', async ({ expect }) => {
    const before = 'keep me\n';
    const dir = sandbox({ 'ok.yaml': BASE, 'result.csv': before });
    const refused = await cli(dir, 'run', 'ok.yaml', '--format', 'csv', '--out', 'result.csv');
    expect(refused.code).toBe(3);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).not.toMatch(STACK_FRAME);
    expect(refused.stderr).toMatchInlineSnapshot(`
      "riktvarde: result.csv already exists; nothing was written. Use --force to replace it, or choose another --out.
      "
    `);
    expect(readFileSync(join(dir, 'result.csv'), 'utf8')).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(['ok.yaml', 'result.csv']);

    const forced = await cli(dir, 'run', 'ok.yaml', '--format', 'csv', '--out', 'result.csv', '--force');
    expect(forced.code).toBe(0);
    expect(forced.stdout).toBe('');
    expect(forced.stderr).toBe('');
    expect(readFileSync(join(dir, 'result.csv'), 'utf8')).not.toBe(before);
    expect(readdirSync(dir).sort()).toEqual(['ok.yaml', 'result.csv']);
  });

  it('2 when --out names a folder, with or without --force', async ({ expect }) => {
    const dir = sandbox({ 'ok.yaml': BASE });
    const r = await cliInProcess(dir, 'run', 'ok.yaml', '--out', '.', '--force');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatchInlineSnapshot(`
      "riktvarde: . is a folder; give a file name, e.g. ./result.txt
      Run 'riktvarde --help' for usage.
      "
    `);
    expect(readdirSync(dir)).toEqual(['ok.yaml']);
  });
});

describe.concurrent('--out', () => {
  it('on success: nothing on stdout or stderr, and the file holds exactly what stdout would', async ({ expect }) => {
    const dir = sandbox({ 'ok.yaml': BASE });
    const printed = await cliInProcess(dir, 'run', 'ok.yaml', '--format', 'json');
    const written = await cliInProcess(dir, 'run', 'ok.yaml', '--format', 'json', '--out', 'out/result.json');
    expect(written.code).toBe(0);
    expect(written.stdout).toBe('');
    expect(written.stderr).toBe('');
    expect(readFileSync(join(dir, 'out', 'result.json'), 'utf8')).toBe(printed.stdout);
    expect(readdirSync(join(dir, 'out'))).toEqual(['result.json']); // no temp file left behind
  });

  it('after a failed run: no output file and no temp files', async ({ expect }) => {
    const dir = sandbox({ 'bad.yaml': edit(BASE, ['  headcount: 1080', '  headcount: -1']) });
    const r = await cliInProcess(dir, 'run', 'bad.yaml', '--out', 'result.csv', '--format', 'csv');
    expect(r.code).toBe(2);
    expect(readdirSync(dir)).toEqual(['bad.yaml']);
  });

  it('refused: the existing file is left byte for byte, even when the scenario is also invalid', async ({ expect }) => {
    const bytes = Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0x0d, 0x0a, 0x00, 0xff]);
    const dir = sandbox({ 'bad.yaml': 'name: [' });
    writeFileSync(join(dir, 'result.csv'), bytes);
    const r = await cliInProcess(dir, 'run', 'bad.yaml', '--out', 'result.csv');
    expect(r.code).toBe(3); // refused before the scenario is even read
    expect(readFileSync(join(dir, 'result.csv')).equals(bytes)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['bad.yaml', 'result.csv']);
  });
});

describe.concurrent('bad input: every problem as file:line:col  path  message', () => {
  it('an empty file', async ({ expect }) => {
    expect(await problems('# nothing yet\n')).toMatchInlineSnapshot(`"bad.yaml:1:1  (top)  a scenario file must be a mapping of keys to values at the top level"`);
  });

  it('YAML syntax error', async ({ expect }) => {
    expect(await problems(edit(BASE, ['horizon: { start: 2024, end: 2030 }', 'horizon: { start: 2024, end: 2030']))).toMatchInlineSnapshot(`"bad.yaml:3:1  (top)  YAML syntax error: Flow map in block collection must be sufficiently indented and end with a } (the '{' at line 2, column 10 is not closed)"`);
  });

  it('duplicate key', async ({ expect }) => {
    expect(await problems(edit(BASE, ['  dropout: 0.02\n', '  dropout: 0.02\n  headcount: 720\n']))).toMatchInlineSnapshot(`"bad.yaml:17:3  st.headcount  duplicate key "headcount" (each key may appear only once in a mapping)"`);
  });

  it('unknown key with a typo: did-you-mean and the allowed keys, at the key', async ({ expect }) => {
    expect(await problems(edit(BASE, ['  attrition: 0.03', '  atrition: 0.03']))).toMatchInlineSnapshot(`"bad.yaml:11:3  specialists.atrition  unknown key 'atrition' (did you mean 'attrition'?); allowed here: 'headcount', 'headcountInclListableSt', 'targetHeadcount', 'fte', 'ageBands', 'ageCsv', 'retirement', 'attrition', 'recruitment', 'source', 'note', 'noteSv'"`);
  });

  it('unknown top-level block: at its key, not at the first line inside it', async ({ expect }) => {
    expect(await problems(edit(BASE, ['specialists:', 'specialsts:']))).toMatchInlineSnapshot(`"bad.yaml:7:1  specialsts  unknown key 'specialsts' (did you mean 'specialists'?); allowed here: 'name', 'description', 'descriptionSv', 'region', 'horizon', 'countBasis', 'sources', 'correlations', 'monteCarlo', 'output', 'total', 'regions', 'population', 'norms', 'specialists', 'st', 'otherSpecialists', 'costs', 'observed'"`);
  });

  it('text where a number is expected', async ({ expect }) => {
    expect(await problems(edit(BASE, ['  headcount: 1080', '  headcount: about a thousand']))).toMatchInlineSnapshot(`"bad.yaml:8:14  specialists.headcount  expected a number, {value: n, source: id} or a distribution {dist: normal|lognormal|uniform|triangular|pert|fixed, …}, got the text "about a thousand""`);
  });

  it('text inside a per-year table', async ({ expect }) => {
    expect(await problems(edit(BASE, ['  intake: 150', '  intake: { 2025: 150, 2026: lots, 2027: 150, 2028: 150, 2029: 150, 2030: 150 }']))).toMatchInlineSnapshot(`"bad.yaml:14:30  st.intake.2026  expected a number, got the text "lots""`);
  });

  it('a value with no value at all', async ({ expect }) => {
    expect(await problems(edit(BASE, ['  attrition: 0.03', '  attrition:']))).toMatchInlineSnapshot(`"bad.yaml:11:3  specialists.attrition  expected a number, {value: n, source: id} or a distribution {dist: normal|lognormal|uniform|triangular|pert|fixed, …}, got an empty value"`);
  });

  it('share outside 0–1', async ({ expect }) => {
    expect(await problems(edit(BASE, ['  attrition: 0.03', '  attrition: 1.5']))).toMatchInlineSnapshot(`"bad.yaml:11:14  specialists.attrition  must be a share between 0 and 1, got 1.5"`);
  });

  it('negative headcount', async ({ expect }) => {
    expect(await problems(edit(BASE, ['  headcount: 1080', '  headcount: -1080']))).toMatchInlineSnapshot(`"bad.yaml:8:14  specialists.headcount  must not be negative, got -1080"`);
  });

  it('range checks of the schema itself use our wording, not zod’s', async ({ expect }) => {
    const yaml = edit(BASE,
      ['horizon: { start: 2024, end: 2030 }', 'horizon: { start: 1824, end: 2030 }\nmonteCarlo: { runs: 0, seed: 1.5 }'],
      ['  completionAge: 38', '  completionAge: 38\n  listable: { lastYears: 0 }'],
      ['name: Testland', 'name: ""']);
    expect(await problems(yaml)).toMatchInlineSnapshot(`
      "bad.yaml:1:7  name  must not be empty
      bad.yaml:2:19  horizon.start  must be a year between 1900 and 2200, got 1824
      bad.yaml:3:21  monteCarlo.runs  must be at least 1, got 0
      bad.yaml:3:30  monteCarlo.seed  must be a whole number, got 1.5
      bad.yaml:20:26  st.listable.lastYears  must be at least 1, got 0"
    `);
  });

  it('shares not summing to 1 (trainingLength and ageBands)', async ({ expect }) => {
    const yaml = edit(BASE, ['{ 5: 0.5, 6: 0.5 }', '{ 5: 0.5, 6: 0.4 }'], ['"50-64": 0.5', '"50-64": 0.6']);
    expect(await problems(yaml)).toMatchInlineSnapshot(`
      "bad.yaml:9:13  specialists.ageBands  shares must sum to 1, they sum to 1.1
      bad.yaml:15:19  st.trainingLength  shares must sum to 1, they sum to 0.9"
    `);
  });

  it('years out of order: horizon end before start', async ({ expect }) => {
    expect(await problems(edit(BASE, ['end: 2030', 'end: 2020']))).toMatchInlineSnapshot(`"bad.yaml:2:30  horizon.end  horizon.end (2020) must be after horizon.start (2024)"`);
  });

  it('a per-year intake table missing years', async ({ expect }) => {
    expect(await problems(edit(BASE, ['  intake: 150', '  intake: { 2025: 150, 2026: 160, 2029: 170 }']))).toMatchInlineSnapshot(`"bad.yaml:14:11  st.intake  table misses years 2027–2028, 2030; it needs a value for every year 2025–2030"`);
  });

  it('a bad formula: the position in the formula', async ({ expect }) => {
    const yaml = edit(BASE, ['  intake: 150', '  intake: "100 + x"'], ['  growth: 0.01', '  growth: "0.01 * (year - 2024"']);
    expect(await problems(yaml)).toMatchInlineSnapshot(`
      "bad.yaml:6:11  population.growth  bad formula "0.01 * (year - 2024" at character 20: syntax error: Parenthesis ) expected
      bad.yaml:14:11  st.intake  bad formula "100 + x" at character 7: the name "x" (the only variable is year) is not allowed in a formula (allowed: numbers, year, + - * / ^, < <= > >= == !=, and or not, cond ? a : b, parentheses, min() max() round() floor() ceil() abs())"
    `);
  });

  it('a formula whose values leave the parameter’s range', async ({ expect }) => {
    expect(await problems(edit(BASE, ['  intake: 150', '  intake: "150 - 40 * (year - 2024)"']))).toMatchInlineSnapshot(`"bad.yaml:14:11  st.intake  formula gives a bad value for 2028: must not be negative, got -10"`);
  });

  it('a population table not starting at the start year', async ({ expect }) => {
    expect(await problems(edit(BASE, ['  start: 1200000', '  table: { 2025: 1210000, 2026: 1220000 }']))).toMatchInlineSnapshot(`"bad.yaml:5:10  population.table  table must start at the horizon's start year 2024, starts at 2025"`);
  });

  it('a population start without growth', async ({ expect }) => {
    expect(await problems(edit(BASE, ['  growth: 0.01\n', '']))).toMatchInlineSnapshot(`"bad.yaml:4:1  population.growth  required: population.growth (population.start gives 2024 only; growth carries it to 2030)"`);
  });

  it('an unknown source id: the known ids are listed', async ({ expect }) => {
    const yaml = edit(BASE, ['  attrition: 0.03', '  attrition: { value: 0.03, source: kohort }'])
      + 'sources:\n  kohort-2019: { title: "12 % left within four years" }\n';
    expect(await problems(yaml)).toMatchInlineSnapshot(`"bad.yaml:11:37  specialists.attrition.source  source 'kohort' is not listed under 'sources'; known: 'kohort-2019'"`);
  });

  it('extends of a missing file', async ({ expect }) => {
    expect(await problems('extends: base.yaml\nname: Motion\n')).toMatchInlineSnapshot(`"bad.yaml:1:10  extends  extended file "base.yaml" does not exist (a path in extends is relative to this file's folder)"`);
  });

  it('a problem in an extended file is reported in that file, the override in the child', async ({ expect }) => {
    const dir = sandbox({
      'base.yaml': edit(BASE, ['  dropout: 0.02', '  dropout: 2']),
      'child.yaml': 'extends: base.yaml\nname: Motion\nst:\n  intake: -5\n',
    });
    const r = await cliInProcess(dir, 'run', 'child.yaml');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatchInlineSnapshot(`
      "base.yaml:16:12  st.dropout  must be a share between 0 and 1, got 2
      child.yaml:4:11  st.intake  must not be negative, got -5
      2 problems; nothing was written.
      "
    `);
  });

  it('a bad --set expression', async ({ expect }) => {
    expect(await problems(BASE, '--set', 'st.intake', '--set', 'st..dropout=0.1', '--set', 'st.intake=[1,')).toMatchInlineSnapshot(`
      "--set st.intake:1:1  (top)  cannot apply --set "st.intake": expected path=value, e.g. st.intake=40
      --set st..dropout=0.1:1:4  (top)  cannot apply --set "st..dropout=0.1": malformed path (empty key at character 4); use dots between keys and [n] for list items, e.g. regions[0].name
      --set st.intake=[1,:1:14  st.intake  cannot apply --set "st.intake=[1,": the value is not valid YAML: Flow sequence must end with a ]"
    `);
  });

  it('an invalid value given by --set: the problem points at the --set, not the file', async ({ expect }) => {
    expect(await problems(BASE, '--set', 'st.dropout=1.5', '--set', 'specialists.headcount=many')).toMatchInlineSnapshot(`
      "--set specialists.headcount=many:1:23  specialists.headcount  expected a number, {value: n, source: id} or a distribution {dist: normal|lognormal|uniform|triangular|pert|fixed, …}, got the text "many"
      --set st.dropout=1.5:1:12  st.dropout  must be a share between 0 and 1, got 1.5"
    `);
  });

  it('a bad distribution: pert mode outside min–max, unknown dist, a typo inside, dist forgotten', async ({ expect }) => {
    const pert = edit(BASE, ['  dropout: 0.02', '  dropout: { dist: pert, min: 0.01, mode: 0.05, max: 0.04 }']);
    expect(await problems(pert)).toMatchInlineSnapshot(`"bad.yaml:16:12  st.dropout  needs min ≤ mode ≤ max"`);
    const gamma = edit(BASE, ['  retention: 0.9', '  retention: { dist: gamma, shape: 2 }']);
    expect(await problems(gamma)).toMatchInlineSnapshot(`"bad.yaml:17:22  st.retention.dist  unknown distribution 'gamma'; use one of 'fixed', 'normal', 'lognormal', 'uniform', 'triangular', 'pert'"`);
    const typo = edit(BASE, ['  dropout: 0.02', '  dropout: { dist: pert, min: 0.01, mdoe: 0.02, max: 0.04 }']);
    expect(await problems(typo)).toMatchInlineSnapshot(`"bad.yaml:16:37  st.dropout.mdoe  unknown key 'mdoe' (did you mean 'mode'?); allowed here: 'dist', 'min', 'mode', 'max', 'source', 'note', 'noteSv'"`);
    const noDist = edit(BASE, ['  attrition: 0.03', '  attrition: { mean: 0.03, sd: 0.01 }']);
    expect(await problems(noDist)).toMatchInlineSnapshot(`"bad.yaml:11:3  specialists.attrition.dist  a distribution needs 'dist:', one of 'fixed', 'normal', 'lognormal', 'uniform', 'triangular', 'pert'"`);
    const range = edit(BASE, ['  attrition: 0.03', '  attrition: { dist: uniform, min: -0.01, max: 0.05 }']);
    expect(await problems(range)).toMatchInlineSnapshot(`"bad.yaml:11:14  specialists.attrition  min and max must both be a share between 0 and 1; got min -0.01, max 0.05"`);
  });

  it('a region inheriting a bad top-level value: reported once, at the top-level line', async ({ expect }) => {
    const yaml = edit(BASE, ['  start: 1200000\n', ''], ['  attrition: 0.03', '  attrition: 1.5'])
      + 'regions:\n'
      + '  - name: North\n'
      + '    population: { start: 500000 }\n'
      + '  - name: South\n'
      + '    population: { start: 700000 }\n'
      + '    st: { dropout: 1.2 }\n';
    expect(await problems(yaml)).toMatchInlineSnapshot(`
      "bad.yaml:10:14  specialists.attrition  must be a share between 0 and 1, got 1.5
      bad.yaml:23:20  regions[1].st.dropout  must be a share between 0 and 1, got 1.2"
    `);
  });

  it('a required key missing from an inherited block: once, at the top-level block', async ({ expect }) => {
    const yaml = edit(BASE, ['  start: 1200000\n', ''], ['  retention: 0.9\n', ''])
      + 'regions:\n'
      + '  - name: North\n'
      + '    population: { start: 500000 }\n'
      + '  - name: South\n'
      + '    population: { start: 700000 }\n';
    expect(await problems(yaml)).toMatchInlineSnapshot(`"bad.yaml:11:1  st.retention  required: st.retention (share of completers who stay in the region's primary care)"`);
  });

  it('both intake and targetHeadcount', async ({ expect }) => {
    expect(await problems(edit(BASE, ['  intake: 150', '  intake: 150\n  targetHeadcount: { 2025: 720, 2026: 740 }']))).toMatchInlineSnapshot(`"bad.yaml:15:20  st.targetHeadcount  give either 'intake' or 'targetHeadcount', not both"`);
  });

  it('missing required keys: the full path and what the key is', async ({ expect }) => {
    const yaml = edit(BASE, ['name: Testland\n', ''], ['horizon: { start: 2024, end: 2030 }', 'horizon: { start: 2024 }'], ['{ meanAge: 66, sd: 2 }', '{ meanAge: 66 }'], ['  dropout: 0.02\n', ''])
      + 'otherSpecialists:\n  - name: Geriatricians\n    fte: 0.8\n';
    expect(await problems(yaml)).toMatchInlineSnapshot(`
      "bad.yaml:1:1  name  required: name (scenario name, shown in every output)
      bad.yaml:1:1  horizon.end  required: horizon.end (last projected year)
      bad.yaml:9:3  specialists.retirement.sd  required: specialists.retirement.sd (spread of retirement age, years)
      bad.yaml:18:5  otherSpecialists[0].headcount  required: otherSpecialists[0].headcount (persons in the start year)"
    `);
  });

  it('several problems at once, of every kind, sorted by line', async ({ expect }) => {
    // Shapes the schema rejects and ranges checked later, all in one round; written in an
    // order unlike the schema's (monteCarlo last).
    const yaml = edit(BASE,
      ['  headcount: 1080', '  headcount: many'],
      ['"50-64": 0.5', '"50-64": 0.6'],
      ['  attrition: 0.03', '  atrition: 0.03'],
      ['  intake: 150', '  intake: { 2025: 150 }'],
      ['  dropout: 0.02', '  dropout: { dist: pert, min: 0.01, mode: 0.05, max: 0.04 }'],
      ['  retention: 0.9', '  retention: { dist: gamma }'])
      + 'monteCarlo: { runs: 2.5 }\n';
    expect(await problems(yaml)).toMatchInlineSnapshot(`
      "bad.yaml:8:14  specialists.headcount  expected a number, {value: n, source: id} or a distribution {dist: normal|lognormal|uniform|triangular|pert|fixed, …}, got the text "many"
      bad.yaml:9:13  specialists.ageBands  shares must sum to 1, they sum to 1.1
      bad.yaml:11:3  specialists.atrition  unknown key 'atrition' (did you mean 'attrition'?); allowed here: 'headcount', 'headcountInclListableSt', 'targetHeadcount', 'fte', 'ageBands', 'ageCsv', 'retirement', 'attrition', 'recruitment', 'source', 'note', 'noteSv'
      bad.yaml:14:11  st.intake  table misses years 2026–2030; it needs a value for every year 2025–2030
      bad.yaml:16:12  st.dropout  needs min ≤ mode ≤ max
      bad.yaml:17:22  st.retention.dist  unknown distribution 'gamma'; use one of 'fixed', 'normal', 'lognormal', 'uniform', 'triangular', 'pert'
      bad.yaml:19:21  monteCarlo.runs  must be a whole number, got 2.5"
    `);
  });

  it('missing keys and other problems together', async ({ expect }) => {
    const yaml = edit(BASE, ['name: Testland\n', ''], ['countBasis: health-centres', 'countBasis: tabell-1'], ['  attrition: 0.03\n', ''], ['  headcount: 700', '  headcount: -700']);
    expect(await problems(yaml)).toMatchInlineSnapshot(`
      "bad.yaml:1:1  name  required: name (scenario name, shown in every output)
      bad.yaml:2:13  countBasis  expected 'health-centres' (GP specialists at health centres who can list patients, as in Stockholm's plan) or 'all-sectors' (every GP specialist in health care, as in Tabell 1), got the text "tabell-1"
      bad.yaml:6:1  specialists.attrition  required: specialists.attrition (other exits from primary care, share per year)
      bad.yaml:11:14  st.headcount  must not be negative, got -700"
    `);
  });

  it('several range problems at once, sorted by line', async ({ expect }) => {
    const yaml = edit(BASE,
      ['  growth: 0.01', '  growth: -2'],
      ['  attrition: 0.03', '  attrition: 1.5'],
      ['  intake: 150', '  intake: { 2025: 150, 2026: -3 }'],
      ['{ 5: 0.5, 6: 0.5 }', '{ 5: 0.5, 6: 0.6 }'],
      ['  completionAge: 38', '  completionAge: 95']);
    expect(await problems(yaml)).toMatchInlineSnapshot(`
      "bad.yaml:6:11  population.growth  must be a rate of at least -1 (-100 %), got -2
      bad.yaml:11:14  specialists.attrition  must be a share between 0 and 1, got 1.5
      bad.yaml:14:11  st.intake  table misses years 2027–2030; it needs a value for every year 2025–2030
      bad.yaml:14:30  st.intake.2026  must not be negative, got -3
      bad.yaml:15:19  st.trainingLength  shares must sum to 1, they sum to 1.1
      bad.yaml:18:18  st.completionAge  must be an age between 25 and 79, got 95"
    `);
  });
});

describe.concurrent('validate and schema', () => {
  it('validate prints ok on a valid file', async ({ expect }) => {
    const r = await cli(sandbox({ 'ok.yaml': BASE }), 'validate', 'ok.yaml');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatchInlineSnapshot(`
      "ok  ok.yaml: Testland (1 region, 2024–2030, 0 uncertain parameters)
      "
    `);
  });

  it('validate reports problems like run does', async ({ expect }) => {
    const dir = sandbox({ 'bad.yaml': edit(BASE, ['  attrition: 0.03', '  attrition: 1.5']) });
    const v = await cliInProcess(dir, 'validate', 'bad.yaml');
    const r = await cliInProcess(dir, 'run', 'bad.yaml');
    expect(v.code).toBe(2);
    expect(v.stdout).toBe('');
    expect(v.stderr).toBe(r.stderr);
  });

  it('schema prints a JSON Schema of scenario files', async ({ expect }) => {
    const r = await cli(sandbox(), 'schema');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    // What it accepts and rejects is tested in jsonschema.test.ts.
    expect(JSON.parse(r.stdout)).toEqual(scenarioJsonSchema());
    expect(r.stdout).toMatch(/^\{\n  "\$schema": "https:\/\/json-schema\.org\/draft\/2020-12\/schema",/);
  });
});

describe('the bin', () => {
  it('is CommonJS (dist/cli/main.cjs, package.json "bin"); dist/cli/main.js still runs it', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(join(ROOT, pkg.bin.riktvarde)).toBe(CLI);
    expect(CLI.endsWith('.cjs')).toBe(true);
    const dir = sandbox({ 'ok.yaml': BASE });
    const viaBin = await cli(dir, 'run', 'ok.yaml', '--lang', 'sv');
    const viaMainJs = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, [join(ROOT, 'dist', 'cli', 'main.js'), 'run', 'ok.yaml', '--lang', 'sv'], { cwd: dir, encoding: 'utf8' }, (e, out) => (e ? reject(e) : resolve(out)));
    });
    expect(viaBin.code).toBe(0);
    expect(viaMainJs).toBe(viaBin.stdout);
  });

  it("gives the command code ES module resolution for import.meta.resolve, as an ES module entry did", () => {
    // The front (CommonJS) defines __importMetaResolve in its first lines (cli/bundle.mjs).
    const front = join(ROOT, 'dist', 'cli', 'front.cjs');
    const line = readFileSync(front, 'utf8').split('\n').find((l) => l.startsWith('var __importMetaUrl'));
    expect(line).toBeDefined();
    const resolver = new Function('require', '__filename', `${line}; return __importMetaResolve;`)(createRequire(front), front) as (s: string) => string;
    // Every package the command code resolves (cli/explore.ts, cli/browser.ts), read from the built file.
    const asked = [...readFileSync(join(ROOT, 'dist', 'cli', 'handlers.cjs'), 'utf8').matchAll(/__importMetaResolve\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(asked.sort()).toEqual(['@sparticuz/chromium', 'vega-lite']);
    for (const s of asked) expect(resolver(s)).toBe(import.meta.resolve(s));
  });
});

describe.concurrent('--years, --set, --lang', () => {
  it('--years 2024-2026 keeps only those years', async ({ expect }) => {
    const r = await cliInProcess(sandbox({ 'ok.yaml': BASE }), 'run', 'ok.yaml', '--format', 'json', '--years', '2024-2026');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as JsonOut;
    expect(out.regions[0].years.map((y) => y.year)).toEqual([2024, 2025, 2026]);
  });

  it('--years outside the horizon, or malformed, is a usage error', async ({ expect }) => {
    const dir = sandbox({ 'ok.yaml': BASE });
    const outside = await cliInProcess(dir, 'run', 'ok.yaml', '--years', '2020-2025');
    expect(outside.code).toBe(2);
    expect(outside.stdout).toBe('');
    expect(outside.stderr).toMatchInlineSnapshot(`
      "riktvarde: --years 2020-2025 is outside the scenario's horizon 2024–2030
      Run 'riktvarde --help' for usage.
      "
    `);
    const malformed = await cliInProcess(dir, 'run', 'ok.yaml', '--years', 'soon');
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatchInlineSnapshot(`
      "riktvarde: --years expects a year or a range such as 2024-2030, got 'soon'
      Run 'riktvarde --help' for usage.
      "
    `);
  });

  it('--set st.intake=40 changes the projection', async ({ expect }) => {
    const dir = sandbox({ 'ok.yaml': BASE });
    const starts = async (...set: string[]) => {
      const r = await cliInProcess(dir, 'run', 'ok.yaml', '--format', 'json', ...set);
      expect(r.code, r.stderr).toBe(0);
      return (JSON.parse(r.stdout) as JsonOut).regions[0].years.map((y) => y.stStarts);
    };
    const [plan, forty] = await Promise.all([starts(), starts('--set', 'st.intake=40')]);
    expect(plan.slice(1).every((x) => x === 150)).toBe(true);
    expect(forty.slice(1).every((x) => x === 40)).toBe(true);
    expect(forty[0]).toBeNull();
  });

  it('--lang sv formats numbers the Swedish way', async ({ expect }) => {
    const dir = sandbox({ 'ok.yaml': BASE });
    const [sv, en] = await Promise.all([cliInProcess(dir, 'run', 'ok.yaml', '--lang', 'sv'), cliInProcess(dir, 'run', 'ok.yaml')]);
    expect(sv.code).toBe(0);
    expect(sv.stdout).toMatch(/\b1[ \u00a0\u202f]080\b/);
    expect(sv.stdout).toMatch(/1[ \u00a0\u202f]200[ \u00a0\u202f]000/);
    expect(sv.stdout).not.toContain('1,080');
    expect(en.stdout).toContain('1,080');
  });
});

describe('a later layer overrides an excluding key', () => {
  it('--set st.intake=40 works on a scenario that gives a target headcount (the later layer wins)', async ({ expect }) => {
    const scen = scenarioPath('halland.yaml');
    const r = await cliInProcess(sandbox(), 'run', scen, '--set', 'st.intake=40', '--format', 'json');
    expect(r.code).toBe(0);
    const years = JSON.parse(r.stdout).regions[0].years;
    expect(years.slice(1).map((y: { stStarts: number }) => y.stStarts)).toEqual(new Array(years.length - 1).fill(40));
  });
});
