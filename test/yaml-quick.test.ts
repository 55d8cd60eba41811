// The quick reader (scenario/yaml-quick.ts) against the full one (scenario/yaml.ts): whenever it
// gives a value, the full reader accepts the same text and gives the same value (key order
// included) and the same keys with origins in the same file. Otherwise it must decline.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseFile, type ParsedFile } from '../scenario/yaml.js';
import { parseFileQuick } from '../scenario/yaml-quick.js';
import { loadScenarioFile } from '../api/load.js';
import { ScenarioError } from '../scenario/errors.js';
import { ROOT, removeSandboxes, sandbox } from './helpers.js';

const full = (src: string): ParsedFile | null => {
  try {
    return parseFile('f.yaml', src);
  } catch (e) {
    if (e instanceof ScenarioError) return null;
    throw e;
  }
};

/** Same values, same key order, same NaN/-0, same origin keys (all in one file here). */
function expectSame(quick: ParsedFile, slow: ParsedFile): void {
  expect(quick.value).toStrictEqual(slow.value);
  const keysInOrder = (v: unknown): unknown => (Array.isArray(v) ? v.map(keysInOrder) : v && typeof v === 'object' ? Object.entries(v).map(([k, x]) => [k, keysInOrder(x)]) : Object.is(v, -0) ? '-0' : v);
  expect(keysInOrder(quick.value)).toStrictEqual(keysInOrder(slow.value));
  expect([...quick.origins.keys()].sort()).toStrictEqual([...slow.origins.keys()].sort());
  expect([...quick.keyOrigins.keys()].sort()).toStrictEqual([...slow.keyOrigins.keys()].sort());
  for (const [k, o] of quick.origins) expect(o.file).toBe(slow.origins.get(k)!.file);
  expect(quick.extends?.ref).toBe(slow.extends?.ref);
}

/** The property the quick path relies on: it declines, or agrees with the full reader. */
function check(src: string): 'quick' | 'declined' {
  const quick = parseFileQuick('f.yaml', src);
  if (quick === null) return 'declined';
  const slow = full(src);
  expect(slow, `the full reader rejects what the quick one read:\n${src}`).not.toBeNull();
  expectSame(quick, slow!);
  return 'quick';
}

// Texts the two readers could treat differently, or that yaml warns about or rejects.
const AWKWARD = [
  'a: 1\nb: 0o17\nc: 0x1F\nd: -0\ne: +12\nf: 1_000\ng: 0b101\nh: 012\n',
  'a: 1.50\nb: .5\nc: 1e3\nd: 1.5E-3\ne: -.inf\nf: .NaN\ng: .Inf\nh: 1.\ni: +.5\nj: 6.8523015e+5\n',
  'a: ~\nb: null\nc: Null\nd: NULL\ne:\nf: nULL\ng: true\nh: True\ni: TRUE\nj: yes\nk: no\nl: on\nm: tRUE\n',
  'a: 2024-01-01\nb: 12:30\nc: 1:20:30\nd: "123"\ne: \'1.5\'\nf: 1,5\ng: 1 100\n',
  '2025: 1\n"2026": 2\n2027.0: 3\n',
  '2025: 1\n"2025": 2\n',
  'a: 1\na: 2\n',
  '~: 1\n',
  'null: 1\n',
  ': 1\n',
  '[a]: 1\n',
  '{a: 1}: 2\n',
  '? a\n: 1\n',
  'a: &x 1\nb: *x\n',
  'a: &m {x: 1}\nb: *m\n',
  'a: !!str 12\n',
  'a: ! 12\n',
  'a: !custom 12\n',
  '%YAML 1.1\n---\na: yes\n',
  'a: [1, 2,\n  3]\n',
  'a: [\n  1, 2\n]\n',
  'a: {x: 1,\n  y: 2}\n',
  'a:\n\t- 1\n',
  'a: "tab\there"\n',
  'a: >\n  folded\n  text\n\n  para\nb: |\n  literal\n   kept\nc: |-\n  strip\nd: >+\n  keep\n\ne: 1\n',
  'a: |2\n    indented\n  x\n',
  'a: plain\n  multi line\n\n  with gap\n',
  'a: "dq \\u00e4 \\x41 \\/ \\N \\_ \\e \\a \\0 \\t \\\\ \\" end"\n',
  'a: "line\n  fold\n\n  keep"\nb: \'single\n  fold \'\' quote\'\n',
  'a: "continued \\\n  here"\n',
  'a: "bad \\q escape"\n',
  'a: b: c\n',
  'a\nb: 1\n',
  '- 1\n- 2\n',
  'just text\n',
  '',
  '# only a comment\n',
  'a: 1\n---\nb: 2\n',
  '---\na: 1\n...\n',
  'a: 1 # comment\nb: x#notcomment\nc: "q" # c\n',
  'a: [1, [2, {b: c}], {d: [e]}]\n',
  'a: {b: , c}\n',
  'a:\n- x\n- y: 1\n  z: 2\n',
  'a:\n  - [k: v]\n',
  '__proto__: 1\n',
  'a:\n  __proto__: {x: 1}\n',
  'a: @x\n',
  'a: `x\n',
  'a: x\n b: y\n',
  'a:\n  b: 1\n c: 2\n',
  'a: "unclosed\n',
  'a: [1, 2\n',
  '\ufeffa: 1\n',
  'a: 1\r\nb: "x\r\n  y"\r\n',
  'a: 9007199254740993\nb: 123456789012345678901234567890\nc: -0x10\nd: 0o8\n',
  'a: 1e400\nb: -1e400\nc: 0.1e-400\n',
  'a: .5e3\nb: 5.e3\nc: 5e\nd: e5\n',
  'key with spaces: 1\n"quoted: key": 2\n\'single\': 3\n',
  'a: -\nb: - x\nc: -1\n',
  'extends: base.yaml\nname: x\n',
  'extends: 12\n',
  'extends: ""\n',
  'a: b:c\nd: http://x.y/z\n',
  'a: "x" y\n',
  'a: \'x\' y\n',
  'a: [a, b]c\n',
  'a: !!int "12"\n',
  'a:\n  - 1\n  -2\n',
  'a: 1\n  b: 2\n',
  'a: >\n text\n  more\n less\n',
  'a: |\n\n  after empty\n',
  'a: x # c\n  # indented comment\nb: y\n',
  "a: 'it''s'\n",
  'a: {x: [1, 2], "y": 3}\n',
  'a: [,]\n',
  'a: {,}\n',
  'a: [1, 2]]\n',
  'a: *\n',
  'a: & x\n',
  'a:    \n  b\n',
  `a: ${'x'.repeat(1100)}\n`,
  `${'k'.repeat(1100)}: 1\n`,
  `"${'\\u00e4'.repeat(200)}": 1\n`,
  '"a\n  b": 1\n',
  "'a\n  b': 1\n",
  'a\n  b: 1\n',
  'x:\n  "a\n   b": 1\n',
  '[a,\n b]: 1\n',
  'a: {"b\n c": 1}\n',
];

afterAll(removeSandboxes);

describe('quick YAML reader', () => {
  it('reads every shipped scenario as the full reader does', () => {
    const dir = join(ROOT, 'scenarios');
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
      const src = readFileSync(join(dir, f), 'utf8');
      const quick = parseFileQuick(f, src);
      expect(quick, f).not.toBeNull();
      expectSame(quick!, parseFile(f, src));
    }
  });

  it('declines, or agrees with the full reader, on awkward texts', () => {
    const outcomes = AWKWARD.map(check);
    // The common forms are read quickly; the check above is not vacuous.
    expect(outcomes.filter((o) => o === 'quick').length).toBeGreaterThan(20);
    expect(check('a: 1\nb: [1, 2]\nc: {d: x}\n')).toBe('quick');
    expect(check('a: *x\n')).toBe('declined');
    expect(check('a: [\n  1\n]\n')).toBe('declined');
  });

  it('problems found after a quick read still point at file:line:col', () => {
    // Valid YAML the quick reader reads; the scenario check then fails (the unknown key on line 3).
    const dir = sandbox({ 'bad.yaml': 'name: x\nhorizon: {start: 2030, end: 2020}\nnope: 1\n' });
    const f = join(dir, 'bad.yaml');
    expect(parseFileQuick(f, readFileSync(f, 'utf8'))).not.toBeNull();
    let e: unknown;
    try { loadScenarioFile(f); } catch (x) { e = x; }
    expect(e).toBeInstanceOf(ScenarioError);
    const problems = (e as ScenarioError).problems;
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) expect(p.line).toBeGreaterThan(0);
    expect(problems.some((p) => p.file === f && p.line === 3 && p.path === 'nope')).toBe(true);
  });
});
