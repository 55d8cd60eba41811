/**
 * `--lang sv`: every message a user can get about a bad scenario or a bad output is Swedish — the
 * key descriptions of "saknas: …", type words, value descriptions, range words, CSV problems,
 * file and output errors. Bad inputs run in-process; the messages, with the user's own text taken
 * out (anything quoted: keys, paths, the file's values; and the file:line:col and path columns),
 * must hold none of a list of common English words. The argument parser's own messages (cli/args.ts,
 * viz/texts/help.ts) are tested in test/args.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KEY_ABOUT_SV } from '../scenario/messages-sv-keys.js';
import { useMessageLanguage } from '../scenario/messages-sv.js';
import { vmsg } from '../scenario/messages.js';
import { cliInProcess, edit, removeSandboxes, ROOT, sandbox } from './helpers.js';

afterAll(() => { useMessageLanguage('en'); removeSandboxes(); });

/** Common English words that are not also Swedish words. */
const ENGLISH = /\b(the|an|expected|got|must|required|between|mapping|unknown|allowed|should|which|is|are|not|and|or|of|with|value|values|file|cannot|could|given|number|whole|share|list|years?|missing|invalid|written|nothing|least|most|only|from|empty|greater|less|than|each|every|after|before|outside|inside|did|you|mean|needs?|here|there|has|have|was|were|when|where|while|because|exists|already|folder|write|read|output|input)\b/i;

/** The words of a message the program wrote: quoted text, paths and positions removed. */
function ownWords(line: string): string {
  const problem = /^\S+:\d+:\d+ {2}\S+ {2}(.*)$/.exec(line);
  const text = problem ? problem[1] : line;
  return text
    .replace(/'[^']*'/g, ' ').replace(/"[^"]*"/g, ' ').replace(/`[^`]*`/g, ' ')
    .replace(/\{[^{}]*\}/g, ' ') // examples in the file format: {start: 2024, end: 2034}
    .replace(/--[a-z-]+/g, ' ').replace(/(?:\/|\.\.?\/)?[\w.-]+\/[\w./-]+/g, ' ') // options and file paths
    .replace(/\b[a-z]+[A-Z]\w*\b/g, ' ') // camelCase keys (targetHeadcount)
    .replace(/\b\w+(?:\.\w+|\[\d+\])+\b/g, ' '); // dotted paths (st.intake, regions[0].name)
}

const halland = readFileSync(join(ROOT, 'scenarios', 'halland.yaml'), 'utf8');
const dir = sandbox({
  'no-horizon.yaml': 'name: x\nstartYear: 2024\n',
  'types.yaml': 'name: 5\nhorizon: 2030\ncountBasis: everywhere\npopulation: {start: "many", growth: [1, 2]}\nfoo: 1\n',
  'syntax.yaml': 'name: x\nhorizon: {start: 2024, end: 2034\n',
  'dup.yaml': 'name: x\nname: y\n',
  'ranges.yaml': edit(halland, ['name:', 'name: "x"\nnameX:']),
  'dist.yaml': halland,
  'csv.yaml': `extends: ${join(ROOT, 'scenarios', 'riket-ageing.yaml')}\npopulation:\n  ageCsv:\n    file: bad.csv\n    region: Riket\n    source: scb-by-age\n`,
  'bad.csv': 'region,age,year,count\nRiket,x,2019,5\nRiket,37,20x9,5\nRiket,37,2019,-1\nRiket,37,2019,3\n',
  'exists.json': '{}',
  'blocks.yaml': 'name: x\nhorizon: {start: 2024, end: 2034}\ncountBasis: health-centres\nspecialists: {headcount: 10, ageBands: {30-39: 1}, attrition: 0.03}\n',
});

/** [what, args]: each gives a non-zero exit and messages on stderr. */
const CASES: [string, string[]][] = [
  ['missing keys and an unknown key', ['validate', join(dir, 'no-horizon.yaml')]],
  ['wrong types and an enum', ['validate', join(dir, 'types.yaml')]],
  ['YAML syntax', ['validate', join(dir, 'syntax.yaml')]],
  ['a duplicate key', ['validate', join(dir, 'dup.yaml')]],
  ['an unknown key in a long file', ['validate', join(dir, 'ranges.yaml')]],
  ['a share out of range', ['validate', join(dir, 'dist.yaml'), '--set', 'st.dropout=1.5']],
  ['a distribution outside its range', ['validate', join(dir, 'dist.yaml'), '--set', 'st.dropout={dist: pert, min: -0.5, mode: 0.2, max: 2}']],
  ['a distribution in the wrong order', ['validate', join(dir, 'dist.yaml'), '--set', 'st.dropout={dist: triangular, min: 0.3, mode: 0.2, max: 0.1}']],
  ['a normal centred outside', ['validate', join(dir, 'dist.yaml'), '--set', 'specialists.retirement.meanAge={dist: normal, mean: -70, sd: 1}']],
  ['an unknown distribution', ['validate', join(dir, 'dist.yaml'), '--set', 'st.dropout={dist: gauss, mean: 1}']],
  ['a bad formula', ['validate', join(dir, 'dist.yaml'), '--set', 'st.intake="10 +* year"']],
  ['a formula out of range', ['validate', join(dir, 'dist.yaml'), '--set', 'population.growth="10^300"']],
  ['text for a number', ['validate', join(dir, 'dist.yaml'), '--set', 'specialists.headcount=abc']],
  ['a list for a mapping', ['validate', join(dir, 'dist.yaml'), '--set', 'costs=[1, 2]']],
  ['an unknown source', ['validate', join(dir, 'dist.yaml'), '--set', 'st.dropout={value: 0.02, source: nowhere}']],
  ['a year table outside the horizon', ['validate', join(dir, 'dist.yaml'), '--set', 'st.targetHeadcount={2020: 5, 2040: 6}']],
  ['a bad --set', ['validate', join(dir, 'dist.yaml'), '--set', 'st.intake']],
  ['a bad --set path', ['validate', join(dir, 'dist.yaml'), '--set', 'st..intake=4']],
  ['a __proto__ key', ['validate', join(dir, 'dist.yaml'), '--set', '__proto__.x=1']],
  ['sanity bounds', ['validate', join(dir, 'dist.yaml'), '--set', 'specialists.fte=5']],
  ['a CSV with bad rows', ['validate', join(dir, 'csv.yaml')]],
  ['a missing file', ['validate', join(dir, 'nowhere.yaml')]],
  ['a folder as the scenario', ['run', dir]],
  ['an existing output', ['run', 'scenarios/halland.yaml', '--format', 'json', '--out', join(dir, 'exists.json')]],
  ['the output is the input', ['run', 'scenarios/halland.yaml', '--format', 'json', '--out', 'scenarios/halland.yaml', '--force']],
  ['a file where a folder should be', ['run', 'scenarios/halland.yaml', '--format', 'json', '--out', join(dir, 'exists.json', 'o.json')]],
  ['a bad --years', ['run', 'scenarios/halland.yaml', '--years', '1990-1995']],
  ['xlsx without --out', ['run', 'scenarios/halland.yaml', '--format', 'xlsx']],
  ['compare with one scenario', ['compare', 'scenarios/halland.yaml']],
  ['solve without a target', ['solve', 'scenarios/halland.yaml']],
  ['solve: a target year out of range', ['solve', 'scenarios/halland.yaml', '--target-year', '2050']],
  ['solve: a region not in the scenario', ['solve', 'scenarios/riket-2019.yaml', '--target-year', '2030', '--region', 'Narnia']],
  ['sensitivity: a chart file of an unknown type', ['sensitivity', 'scenarios/halland.yaml', '--chart-out', join(dir, 'c.gif')]],
  ['calibrate with --set', ['calibrate', 'scenarios/halland.yaml', '--set', 'st.intake=40']],
  ['the same file twice', ['run', 'scenarios/halland.yaml', '--runs', '10', '--out', join(dir, 'o.csv'), '--runs-out', join(dir, 'o.csv')]],
];

describe('--lang sv: a missing block says what it is, in Swedish', () => {
  it('population, st, specialists.retirement', async () => {
    const r = await cliInProcess(ROOT, 'validate', join(dir, 'blocks.yaml'), '--lang', 'sv');
    expect(r.stderr).toContain('saknas: population (invånare: {start, growth} eller {table, growth})');
    expect(r.stderr).toContain('saknas: st (ST-läkare i allmänmedicin)');
    expect(r.stderr).toContain('saknas: specialists.retirement ({meanAge, sd} eller {byAge: {ålder: andel, …}})');
  });
});

describe('--lang sv: every message about a bad input is Swedish', () => {
  for (const [what, args] of CASES) {
    it(what, async () => {
      const r = await cliInProcess(ROOT, ...args, '--lang', 'sv');
      if (process.env.SHOW_SV) console.log(r.stderr);
      expect(r.code, r.stdout).not.toBe(0);
      expect(r.stderr.trim()).not.toBe('');
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
      for (const line of r.stderr.split('\n').filter((l) => l.trim())) {
        expect(ownWords(line), `${what}: ${line}`).not.toMatch(ENGLISH);
      }
    });
  }

  it('the check catches English: the same inputs under --lang en fail it', async () => {
    for (const [, args] of CASES.slice(0, 12)) {
      const r = await cliInProcess(ROOT, ...args, '--lang', 'en');
      const lines = r.stderr.split('\n').filter((l) => l.trim());
      expect(lines.some((l) => ENGLISH.test(ownWords(l))), r.stderr).toBe(true);
    }
  });

  it('every key description of the schema has its Swedish text', async () => {
    const { z } = await import('zod');
    const schema = await import('../scenario/schema.js');
    const found = new Set<string>();
    const seen = new Set<unknown>();
    const walk = (s: unknown, depth: number): void => {
      if (!s || typeof s !== 'object' || seen.has(s) || depth > 60) return;
      seen.add(s);
      if (s instanceof z.ZodType && typeof s.description === 'string') found.add(s.description);
      const def = (s as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
      if (!def) return;
      for (const v of Object.values(def)) {
        if (Array.isArray(v)) v.forEach((x) => walk(x, depth + 1));
        else if (v && typeof v === 'object') {
          if ((v as { _zod?: unknown })._zod) walk(v, depth + 1);
          else Object.values(v).forEach((x) => walk(x, depth + 1));
        }
      }
    };
    for (const v of Object.values(schema)) walk(v, 0);
    // And the two the JSON Schema adds itself (`schema --lang sv` shows them too).
    const { scenarioJsonSchema } = await import('../scenario/jsonschema.js');
    JSON.stringify(scenarioJsonSchema(), (k, v: unknown) => { if (k === 'description' && typeof v === 'string') found.add(v); return v; });
    expect(found.size).toBeGreaterThan(80);
    const untranslated = [...found].filter((d) => !(d in KEY_ABOUT_SV));
    expect(untranslated).toEqual([]);
    // And the Swedish catalogue knows no description the schema has dropped.
    expect(Object.keys(KEY_ABOUT_SV).filter((d) => !found.has(d))).toEqual([]);
  });

  it('the words of the catalogue itself: type words, value descriptions, range words', () => {
    useMessageLanguage('sv');
    try {
      for (const k of ['number', 'int', 'string', 'object', 'array', 'boolean']) expect(ownWords(vmsg.typeWord(k))).not.toMatch(ENGLISH);
      for (const v of [null, [1], { a: 1 }, 'abc', 5, true]) expect(ownWords(vmsg.describeValue(v))).not.toMatch(ENGLISH);
      for (const d of ['share', 'age', 'rate', 'nonneg']) expect(ownWords(vmsg.rangeWords(d, 20, 99))).not.toMatch(ENGLISH);
      expect(vmsg.missing('horizon', 'the years to project: {start: 2024, end: 2034}')).toBe('saknas: horizon (åren att räkna fram: {start: 2024, end: 2034})');
      // A description without a Swedish text is left out, never shown in English.
      expect(vmsg.missing('x', 'some new description')).toBe('saknas: x');
    } finally {
      useMessageLanguage('en');
    }
    expect(vmsg.missing('x', 'some new description')).toBe('required: x (some new description)');
  });
});
