import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioError, formatPath, formatProblem, msg, type Problem } from '../scenario/errors.js';
import { locate, pathKey, type FileAccess, type LoadedDoc } from '../scenario/doc.js';
import { loadDocument as loadScenario } from '../scenario/extends.js';
import { applySets } from '../scenario/set.js';

/** In-memory files; `extends` resolves relative to the extending file, like the fs-backed CLI one. */
function mem(files: Record<string, string>): FileAccess & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    read(path) {
      reads.push(path);
      if (!Object.hasOwn(files, path)) throw new Error(`ENOENT: ${path}`);
      return files[path];
    },
    resolve: (from, ref) => posix.normalize(posix.join(posix.dirname(from), ref)),
  };
}

function problemsOf(fn: () => unknown): Problem[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof ScenarioError) return e.problems;
    throw e;
  }
  throw new Error('expected a ScenarioError');
}

const load = (files: Record<string, string>, entry = Object.keys(files)[0]) => loadScenario(entry, mem(files));
const where = (doc: LoadedDoc, path: string) => {
  const o = doc.origins.get(path);
  return o ? `${o.file}:${o.line}:${o.col}` : undefined;
};
const yamlSyntaxPrefix = msg.yamlSyntax('');

describe('errors', () => {
  it('formats paths and problems', () => {
    expect(formatPath([])).toBe('');
    expect(formatPath(['regions', 2, 'st'])).toBe('regions[2].st');
    expect(formatPath(['regions', 2, 'population', 'growth'])).toBe('regions[2].population.growth');
    expect(formatPath(['norms', 'specialist', '2024'])).toBe('norms.specialist.2024');
    // Keys that would be ambiguous are quoted, so paths stay unique.
    expect(formatPath(['a.b', 'c'])).toBe('["a.b"].c');
    expect(formatPath(['x', ''])).toBe('x[""]');
    expect(formatPath(['x', '0'])).not.toBe(formatPath(['x', 0]));
    expect(pathKey(['regions', 0, 'name'])).toBe('regions[0].name');

    const p: Problem = { file: 'a.yaml', line: 3, col: 5, path: 'st.intake', message: 'bad' };
    expect(formatProblem(p)).toBe('a.yaml:3:5  st.intake  bad');
    expect(formatProblem({ ...p, path: '' })).toBe('a.yaml:3:5  (top)  bad');
    const e = new ScenarioError([p, { ...p, line: 4 }]);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('ScenarioError');
    expect(e.message).toBe('a.yaml:3:5  st.intake  bad\na.yaml:4:5  st.intake  bad');
  });
});

describe('loadScenario: values and positions', () => {
  const src = [
    '# a comment first', //                 1
    'name: Base case', //                    2
    'horizon: {start: 2024, end: 2040}', //  3
    'st:', //                                4
    '  intake:', //                          5
    '    2025: 150', //                      6
    '    2026: 160', //                      7
    '  note:', //                            8
    'regions:', //                           9
    '  - name: Norr', //                     10
    '    population: 900000', //             11
    '  - name: Syd', //                      12
    '    tags: [a, "b"]', //                 13
    '', //                                   14
  ].join('\n');

  it('converts to plain JS with numeric keys as strings', () => {
    const doc = load({ 'base.yaml': src });
    expect(doc.value).toEqual({
      name: 'Base case',
      horizon: { start: 2024, end: 2040 },
      st: { intake: { '2025': 150, '2026': 160 }, note: null },
      regions: [
        { name: 'Norr', population: 900000 },
        { name: 'Syd', tags: ['a', 'b'] },
      ],
    });
    expect(doc.files).toEqual(['base.yaml']);
  });

  it('records the start of every value and sequence item', () => {
    const doc = load({ 'base.yaml': src });
    expect(Object.fromEntries([...doc.origins.keys()].map((k) => [k, where(doc, k)]))).toEqual({
      '': 'base.yaml:2:1',
      name: 'base.yaml:2:7',
      horizon: 'base.yaml:3:10',
      'horizon.start': 'base.yaml:3:18',
      'horizon.end': 'base.yaml:3:29',
      st: 'base.yaml:5:3',
      'st.intake': 'base.yaml:6:5',
      'st.intake.2025': 'base.yaml:6:11',
      'st.intake.2026': 'base.yaml:7:11',
      'st.note': 'base.yaml:8:3', // empty value: the key
      regions: 'base.yaml:10:3',
      'regions[0]': 'base.yaml:10:5',
      'regions[0].name': 'base.yaml:10:11',
      'regions[0].population': 'base.yaml:11:17',
      'regions[1]': 'base.yaml:12:5',
      'regions[1].name': 'base.yaml:12:11',
      'regions[1].tags': 'base.yaml:13:11',
      'regions[1].tags[0]': 'base.yaml:13:12',
      'regions[1].tags[1]': 'base.yaml:13:15',
    });
  });

  it('gets positions right in a one-line file', () => {
    const doc = load({ 'x.yaml': 'a: {b: [1, 22]}' });
    expect(where(doc, 'a.b[1]')).toBe('x.yaml:1:12');
  });

  it('locate walks up to the deepest recorded prefix', () => {
    const doc = load({ 'base.yaml': src });
    expect(locate(doc, ['regions', 1, 'tags', 1])).toEqual({ file: 'base.yaml', line: 13, col: 15 });
    expect(locate(doc, ['regions', 1, 'population', 'growth'])).toEqual({ file: 'base.yaml', line: 12, col: 5 });
    expect(locate(doc, ['nothing', 'here'])).toEqual({ file: 'base.yaml', line: 2, col: 1 });
    const empty: LoadedDoc = { value: {}, origins: new Map(), files: ['e.yaml'] };
    expect(locate(empty, ['x'])).toEqual({ file: 'e.yaml', line: 1, col: 1 });
  });

  it('values inside an alias point at the anchored text, and are independent copies', () => {
    const doc = load({ 'a.yaml': 'defaults: &d {growth: 0.01, age: [30, 40]}\nregion: *d\n' });
    expect(doc.value.region).toEqual({ growth: 0.01, age: [30, 40] });
    expect(doc.value.region).not.toBe(doc.value.defaults);
    expect(where(doc, 'region')).toBe('a.yaml:2:9');
    expect(where(doc, 'region.growth')).toBe('a.yaml:1:23');
    expect(where(doc, 'region.age[1]')).toBe('a.yaml:1:39');
  });

  it('keeps a __proto__ key as data, without touching any prototype', () => {
    const doc = load({ 'a.yaml': '__proto__: {polluted: 1}\n' });
    expect(Object.hasOwn(doc.value, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('loadScenario: YAML problems', () => {
  it('reports all syntax errors and duplicate keys of a file at once, in order', () => {
    const src = ['a: 1', 'b: [1, 2', 'c: 3', 'a: 4', 'd: {x: 1, x: 2}', '2025: 1', '"2025": 2', ''].join('\n');
    const ps = problemsOf(() => load({ 'bad.yaml': src }));
    expect(ps).toEqual([
      { file: 'bad.yaml', line: 3, col: 1, path: '', message: expect.stringMatching(`^${yamlSyntaxPrefix}`) },
      { file: 'bad.yaml', line: 4, col: 1, path: 'a', message: msg.duplicateKey('a') },
      { file: 'bad.yaml', line: 5, col: 11, path: 'd.x', message: msg.duplicateKey('x') },
      // 2025 and "2025" are different YAML keys but the same JS key.
      { file: 'bad.yaml', line: 7, col: 1, path: '2025', message: msg.duplicateKey('2025') },
    ]);
  });

  it('reports several syntax errors together', () => {
    const ps = problemsOf(() => load({ 's.yaml': 'a: b: c\nx: 1\ny: z: w\n' }));
    expect(ps.map((p) => [p.file, p.line, p.col, p.message.startsWith(yamlSyntaxPrefix)])).toEqual([
      ['s.yaml', 1, 4, true],
      ['s.yaml', 3, 4, true],
    ]);
  });

  it('requires a mapping at the top', () => {
    const top = { file: 't.yaml', line: 1, col: 1, path: '', message: msg.topNotMapping() };
    expect(problemsOf(() => load({ 't.yaml': '- a\n- b\n' }))).toEqual([top]);
    expect(problemsOf(() => load({ 't.yaml': '42\n' }))).toEqual([top]);
    expect(problemsOf(() => load({ 't.yaml': '# nothing\n' }))).toEqual([top]);
  });

  it('rejects list or mapping keys', () => {
    expect(problemsOf(() => load({ 'k.yaml': 'ok: 1\n? [1, 2]\n: x\n' }))).toEqual([
      { file: 'k.yaml', line: 2, col: 3, path: '', message: msg.complexKey() },
    ]);
  });

  it('rejects circular and unknown aliases', () => {
    expect(problemsOf(() => load({ 'c.yaml': 'a: &a [1, *a]\n' }))).toEqual([
      { file: 'c.yaml', line: 1, col: 11, path: 'a[1]', message: msg.circularAlias('a') },
    ]);
    expect(problemsOf(() => load({ 'u.yaml': 'x: 1\na: *nope\n' }))).toEqual([
      { file: 'u.yaml', line: 2, col: 4, path: '', message: msg.unknownAlias('nope') },
    ]);
  });

  it('rejects an alias bomb cleanly and quickly', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (const [prev, name] of [['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'e'], ['e', 'f'], ['f', 'g'], ['g', 'h'], ['h', 'i']]) {
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const t0 = performance.now();
    const ps = problemsOf(() => load({ 'bomb.yaml': lines.join('\n') }));
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(ps).toEqual([{ file: 'bomb.yaml', line: 2, col: 8, path: '', message: msg.aliasBomb() }]);
  });

  it('reports an unreadable entry file', () => {
    expect(problemsOf(() => load({}, 'missing.yaml'))).toEqual([
      { file: 'missing.yaml', line: 1, col: 1, path: '', message: msg.fileNotFound('missing.yaml') },
    ]);
  });
});

describe('loadScenario: extends', () => {
  const base = [
    'name: base', //                 1
    'st:', //                        2
    '  length: 5', //                3
    '  intake:', //                  4
    '    2025: 150', //              5
    '  dropout: 0.05', //            6
    'regions:', //                   7
    '  - {name: A, pop: 10}', //     8
    '  - {name: B, pop: 20}', //     9
    'norms: {specialist: 1100}', //  10
    '',
  ].join('\n');
  const motion = [
    'extends: base.yaml', //         1
    'name: motion', //               2
    'st:', //                        3
    '  intake: null', //             4
    '  target: 0.9', //              5
    'regions:', //                   6
    '  - {name: C, pop: 30}', //     7
    'norms: 5', //                   8
    'unknown: ~', //                 9
    '',
  ].join('\n');

  it('deep-merges mappings, replaces lists and scalars, and null deletes', () => {
    const doc = load({ 'scen/motion.yaml': motion, 'scen/base.yaml': base }, 'scen/motion.yaml');
    expect(doc.value).toEqual({
      name: 'motion',
      st: { length: 5, dropout: 0.05, target: 0.9 },
      regions: [{ name: 'C', pop: 30 }],
      norms: 5,
    });
    expect('extends' in doc.value).toBe(false);
    expect(doc.files).toEqual(['scen/base.yaml', 'scen/motion.yaml']);
  });

  it('origins point to the file that wrote each value', () => {
    const doc = load({ 'scen/motion.yaml': motion, 'scen/base.yaml': base }, 'scen/motion.yaml');
    expect(Object.fromEntries([...doc.origins.keys()].sort().map((k) => [k, where(doc, k)]))).toEqual({
      '': 'scen/motion.yaml:1:1',
      name: 'scen/motion.yaml:2:7',
      st: 'scen/motion.yaml:4:3',
      'st.length': 'scen/base.yaml:3:11',
      'st.dropout': 'scen/base.yaml:6:12',
      'st.target': 'scen/motion.yaml:5:11',
      // The overriding list replaces the base list's origins for the whole subtree.
      regions: 'scen/motion.yaml:7:3',
      'regions[0]': 'scen/motion.yaml:7:5',
      'regions[0].name': 'scen/motion.yaml:7:12',
      'regions[0].pop': 'scen/motion.yaml:7:20',
      norms: 'scen/motion.yaml:8:8',
    });
  });

  it('follows a three-level chain, base first', () => {
    const doc = load(
      {
        'c.yaml': 'extends: sub/b.yaml\nc: 3\nshared: {z: c}\n',
        'sub/b.yaml': 'extends: ../a.yaml\nb: 2\nshared: {y: b, z: b}\n',
        'a.yaml': 'a: 1\nshared: {x: a, y: a, z: a}\n',
      },
      'c.yaml',
    );
    expect(doc.value).toEqual({ a: 1, b: 2, c: 3, shared: { x: 'a', y: 'b', z: 'c' } });
    expect(doc.files).toEqual(['a.yaml', 'sub/b.yaml', 'c.yaml']);
    expect(where(doc, 'shared.x')).toBe('a.yaml:2:13');
    expect(where(doc, 'shared.y')).toBe('sub/b.yaml:3:13');
    expect(where(doc, 'shared.z')).toBe('c.yaml:3:13');
  });

  it('an override may turn a scalar into a mapping and drops nulls inside new mappings', () => {
    const doc = load({ 'o.yaml': 'extends: b.yaml\nx: {y: 1, gone: null}\n', 'b.yaml': 'x: 5\n' });
    expect(doc.value).toEqual({ x: { y: 1 } });
    expect(where(doc, 'x.y')).toBe('o.yaml:2:8');
  });

  it('keeps nulls that the base file itself writes', () => {
    const doc = load({ 'o.yaml': 'extends: b.yaml\nz: 1\n', 'b.yaml': 'x: ~\n' });
    expect(doc.value).toEqual({ x: null, z: 1 });
  });

  it('detects a cycle and reports the chain at the closing extends', () => {
    const files = {
      'a.yaml': 'extends: b.yaml\n',
      'b.yaml': 'x: 1\nextends: a.yaml\n',
    };
    expect(problemsOf(() => load(files, 'a.yaml'))).toEqual([
      { file: 'b.yaml', line: 2, col: 10, path: 'extends', message: msg.extendsCycle(['a.yaml', 'b.yaml', 'a.yaml']) },
    ]);
    expect(msg.extendsCycle(['a.yaml', 'b.yaml', 'a.yaml'])).toContain('a.yaml → b.yaml → a.yaml');
    expect(problemsOf(() => load({ 's.yaml': 'extends: s.yaml\n' }))).toEqual([
      { file: 's.yaml', line: 1, col: 10, path: 'extends', message: msg.extendsCycle(['s.yaml', 's.yaml']) },
    ]);
  });

  it('reports a missing base file at the extends value', () => {
    expect(problemsOf(() => load({ 'm.yaml': 'name: x\nextends:   nope.yaml\n' }))).toEqual([
      { file: 'm.yaml', line: 2, col: 12, path: 'extends', message: msg.extendsNotFound('nope.yaml') },
    ]);
  });

  it('requires extends to be a file name', () => {
    expect(problemsOf(() => load({ 'm.yaml': 'extends: [a.yaml]\n' }))).toEqual([
      { file: 'm.yaml', line: 1, col: 10, path: 'extends', message: msg.extendsNotString() },
    ]);
  });

  it('reports problems in a base file against that file', () => {
    const ps = problemsOf(() => load({ 'm.yaml': 'extends: b.yaml\n', 'b.yaml': 'a: 1\na: 2\n' }));
    expect(ps).toEqual([{ file: 'b.yaml', line: 2, col: 1, path: 'a', message: msg.duplicateKey('a') }]);
  });
});

describe('applySets', () => {
  const doc = () =>
    load({
      's.yaml': 'st:\n  intake: 30\nhorizon: {end: 2035}\nregions:\n  - {name: A}\n  - {name: B}\n',
    });

  it('sets numbers, booleans, strings and flow collections', () => {
    const d = applySets(doc(), [
      'st.intake=40',
      'horizon.end = 2040',
      'st.enabled=true',
      'st.formula="min(150, 100+10*(year-2024))"',
      'norms.specialist={2024: 1500, 2028: 1100}',
      'st.ages=[30, 35]',
    ]);
    expect(d.value).toEqual({
      st: { intake: 40, enabled: true, formula: 'min(150, 100+10*(year-2024))', ages: [30, 35] },
      horizon: { end: 2040 },
      regions: [{ name: 'A' }, { name: 'B' }],
      norms: { specialist: { '2024': 1500, '2028': 1100 } },
    });
  });

  it('records where each set value came from', () => {
    const expr = 'norms.specialist={2024: 1500, 2028: 1100}';
    const d = applySets(doc(), ['st.intake=40', expr]);
    const file = `--set ${expr}`;
    expect(d.origins.get('st.intake')).toEqual({ file: '--set st.intake=40', line: 1, col: 11 });
    expect(d.origins.get('norms')).toEqual({ file, line: 1, col: 1 }); // created intermediate
    expect(d.origins.get('norms.specialist')).toEqual({ file, line: 1, col: 18 });
    expect(d.origins.get('norms.specialist.2028')).toEqual({ file, line: 1, col: 37 });
    expect(locate(d, ['norms', 'specialist', '2028'])).toEqual({ file, line: 1, col: 37 });
    expect(d.origins.get('regions[0].name')).toEqual({ file: 's.yaml', line: 5, col: 12 });
  });

  it('indexes lists with [n] or a numeric segment, and appends at [length]', () => {
    const d = applySets(doc(), ['regions[0].name=X', 'regions.1.name=Y', 'regions[2]={name: Z}']);
    expect(d.value.regions).toEqual([{ name: 'X' }, { name: 'Y' }, { name: 'Z' }]);
    expect(d.origins.get('regions[2].name')?.file).toBe('--set regions[2]={name: Z}');
  });

  it('creates missing intermediates (a list for [0]) and lets null delete a key', () => {
    const d = applySets(doc(), ['a.b.c=1', 'x.list[0].y=2', 'st.intake=null', 'st.never=null']);
    expect(d.value).toEqual({
      st: {},
      horizon: { end: 2035 },
      regions: [{ name: 'A' }, { name: 'B' }],
      a: { b: { c: 1 } },
      x: { list: [{ y: 2 }] },
    });
    expect(d.origins.has('st.intake')).toBe(false);
  });

  it('replacing a subtree replaces its origins', () => {
    const d = applySets(doc(), ['regions=[{name: Q}]']);
    expect(d.value.regions).toEqual([{ name: 'Q' }]);
    expect(d.origins.has('regions[1]')).toBe(false);
    expect(d.origins.get('regions[0].name')?.file).toBe('--set regions=[{name: Q}]');
  });

  it('does not change the input document', () => {
    const input = doc();
    const before = structuredClone({ value: input.value, origins: [...input.origins], files: input.files });
    const out = applySets(input, ['st.intake=40', 'regions[0].name=X', 'new.key=1', 'horizon=null']);
    expect({ value: input.value, origins: [...input.origins], files: input.files }).toEqual(before);
    expect(out.value).not.toBe(input.value);
    expect(applySets(input, []).value).toEqual(input.value);
  });

  it('rejects malformed expressions, all at once, with the reason', () => {
    const cases: [string, string, number, string][] = [
      // expr, reason, col, path
      ['st.intake', msg.setNoEquals(), 1, ''],
      ['=4', msg.setEmptyPath(), 1, ''],
      ['a..b=1', msg.setBadPath(msg.setPathEmptyKey(3)), 3, ''],
      ['.a=1', msg.setBadPath(msg.setPathEmptyKey(1)), 1, ''],
      ['a[x]=1', msg.setBadPath(msg.setPathBadIndex('[x]')), 2, ''],
      ['a[1=1', msg.setBadPath(msg.setPathBadIndex('[1')), 2, ''],
      ['a]b=1', msg.setBadPath(msg.setPathUnexpected(']')), 2, ''],
      ['st.intake=', msg.setEmptyValue(), 11, 'st.intake'],
      ['st.intake=[1,', msg.setValueSyntax('Flow sequence must end with a ]'), 14, 'st.intake'],
      ['st.intake=x: y', msg.setBlockValue(), 11, 'st.intake'],
      ['st.intake.deeper=1', msg.setNotAMapping('st.intake'), 1, 'st.intake'],
      ['regions.x=1', msg.setNotAMapping('regions'), 1, 'regions'],
      ['st[0]=1', msg.setNotAList('st'), 1, 'st'],
      ['regions[5]=1', msg.setIndexOutOfRange(5, 2), 1, 'regions[5]'],
      ['regions[0]=null', msg.setDeleteListItem(), 1, 'regions[0]'],
      ['st.t={a: 1, a: 2}', msg.duplicateKey('a'), 13, 'st.t.a'],
    ];
    const ps = problemsOf(() => applySets(doc(), ['st.intake=41', ...cases.map((c) => c[0])]));
    expect(ps).toEqual(
      cases.map(([expr, reason, col, path]) => ({ file: `--set ${expr}`, line: 1, col, path, message: msg.badSet(expr, reason) })),
    );
  });

  it('cannot pollute prototypes', () => {
    const d = applySets(doc(), ['__proto__.polluted=1']);
    expect(Object.hasOwn(d.value, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
