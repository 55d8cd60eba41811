/**
 * Issue 12: population by age group, care need by age, levers over time, age-restricted capacity,
 * CSV data files. Scenarios are built in memory (parseScenario with a files map) so each test
 * states its whole input.
 */
import { cliInProcess, ROOT } from './helpers.js';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deterministicOutput, parseScenario, simulateWith } from '../api/core.js';
import { loadScenarioFile } from '../api/load.js';
import { filterYears } from '../cli/commands.js';
import { ScenarioError, type Problem } from '../scenario/errors.js';
import type { RunOutput, YearRow } from '../model/results.js';
import type { McRunOutput } from '../model/mcresults.js';

const YEARS = [2024, 2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034];

/** A small single-region scenario whose workforce grows, so that the target is reached within the horizon. */
function base(population: string, extra = ''): string {
  return `
name: Test
horizon: { start: 2024, end: 2034 }
countBasis: health-centres
${population}
specialists:
  headcount: 80
  fte: 0.9
  ageBands: { "30-39": 0.3, "40-49": 0.3, "50-59": 0.3, "60-64": 0.1 }
  retirement: { meanAge: 66, sd: 2 }
  attrition: { dist: pert, min: 0.01, mode: 0.02, max: 0.04 }
st:
  headcount: 60
  intake: 18
  trainingLength: { 5: 0.5, 6: 0.5 }
  dropout: 0.02
  retention: { dist: pert, min: 0.8, mode: 0.9, max: 0.95 }
  completionAge: 38
  listable: { lastYears: 2 }
${extra}`;
}

/** A population table by year for each group, as YAML. */
const groupTables = (groups: Record<string, number[]>) =>
  Object.entries(groups).map(([g, xs]) => `    "${g}": { table: { ${xs.map((x, t) => `${YEARS[t]}: ${x}`).join(', ')} } }`).join('\n');

/** Inhabitants by group and year: young flat, old growing (the old share grows). */
function ageing(oldGrowth: number): Record<string, number[]> {
  return {
    '0-17': YEARS.map(() => 21000),
    '18-64': YEARS.map((_, t) => 59000 - 200 * t),
    '65-79': YEARS.map((_, t) => Math.round(15000 * (1 + oldGrowth) ** t)),
    '80+': YEARS.map((_, t) => Math.round(5000 * (1 + 2 * oldGrowth) ** t)),
  };
}
const totals = (g: Record<string, number[]>) => YEARS.map((_, t) => Object.values(g).reduce((s, xs) => s + xs[t], 0));

const WEIGHTS = `
  careNeedByAge:
    weights: { "0-17": 0.558, "18-64": 1.04, "65-79": 1.277, "80+": 1.515 }`;
const EQUAL = `
  careNeedByAge:
    weights: { "0-17": 1, "18-64": 1, "65-79": 1, "80+": 1 }`;

const sc = (text: string, files: Record<string, string> = {}, set: string[] = []) => parseScenario(text, { file: 'test.yaml', files, set });
const det = (text: string, files?: Record<string, string>) => deterministicOutput(sc(text, files), 'test');

/** The output without what only age-structured scenarios add. */
function withoutAgeFields<T extends RunOutput | McRunOutput>(o: T): T {
  const strip = (r: T['regions'][number]) => {
    const { ageGroups: _a, ...rest } = r;
    return { ...rest, years: r.years.map((y) => {
      const { needWeightedPopulation: _n, ...row } = y as YearRow & { quantiles?: Record<string, unknown> };
      if ('quantiles' in row && row.quantiles) { const { needWeightedPopulation: _q, ...q } = row.quantiles; return { ...row, quantiles: q }; }
      return row;
    }) };
  };
  return { ...o, regions: o.regions.map(strip) } as T;
}

function problemsOf(fn: () => unknown): Problem[] {
  try { fn(); } catch (e) { if (e instanceof ScenarioError) return e.problems; throw e; }
  throw new Error('expected a ScenarioError');
}
const at = (p: Problem) => `${p.file}:${p.line}:${p.col}`;

describe('population by age group and care need by age', () => {
  const groups = ageing(0.03);
  const total = `population:\n  table: { ${totals(groups).map((x, t) => `${YEARS[t]}: ${x}`).join(', ')} }`;
  const byAge = (weights: string) => `population:\n  ageGroups:\n${groupTables(groups)}${weights}`;

  it('all weights equal (1): results byte-identical to the same population given as a total, deterministic and Monte Carlo', async () => {
    for (const w of [EQUAL, '']) {
      const a = det(base(total)), b = det(base(byAge(w)));
      expect(b.regions[0].years[3].needWeightedPopulation).toBe(b.regions[0].years[3].population);
      expect(JSON.stringify(withoutAgeFields(b))).toBe(JSON.stringify(a));
      expect('needWeightedPopulation' in a.regions[0].years[0]).toBe(false); // a total alone keeps its output
      const o = { runs: 40, seed: 5, eventNoise: true };
      const ma = await simulateWith(sc(base(total)), o, 'test'), mb = await simulateWith(sc(base(byAge(w))), o, 'test');
      expect(JSON.stringify(withoutAgeFields(mb as McRunOutput))).toBe(JSON.stringify(ma));
    }
  });

  it('the reference mix has weight 1: with referenceMix = the start year mix, need = population in the start year', () => {
    const g0 = Object.fromEntries(Object.entries(groups).map(([k, xs]) => [k, xs[0]]));
    const tot0 = Object.values(g0).reduce((a, b) => a + b, 0);
    const mix = Object.entries(g0).map(([k, x]) => `"${k}": ${x / tot0}`).join(', ');
    const o = det(base(byAge(WEIGHTS + `\n    referenceMix: { ${mix} }`)));
    const y0 = o.regions[0].years[0];
    expect(y0.needWeightedPopulation! / y0.population!).toBeCloseTo(1, 12);
    // Weights are rescaled once (start year), so a rising old share still raises the index later.
    const yN = o.regions[0].years[10];
    expect(yN.needWeightedPopulation! / yN.population!).toBeGreaterThan(1.005);
  });

  it('direction: an older population with weights rising by age raises the need and never reaches the target earlier', async () => {
    for (const g of [0.01, 0.03, 0.06]) {
      const gr = ageing(g);
      const g0 = Object.fromEntries(Object.entries(gr).map(([k, xs]) => [k, xs[0]]));
      const tot0 = Object.values(g0).reduce((a, b) => a + b, 0);
      const mix = Object.entries(g0).map(([k, x]) => `"${k}": ${x / tot0}`).join(', ');
      const pop = (w: string) => `population:\n  ageGroups:\n${groupTables(gr)}${w}`;
      const weighted = base(pop(WEIGHTS + `\n    referenceMix: { ${mix} }`)), flat = base(pop(''));
      const dw = det(weighted).regions[0], df = det(flat).regions[0];
      dw.years.forEach((y, t) => {
        if (t > 0) expect(y.populationToCover!, `need in ${y.year}`).toBeGreaterThan(df.years[t].populationToCover!);
      });
      const later = (a: number | null, b: number | null) => (a ?? 9999) >= (b ?? 9999);
      expect(df.reachedYear, 'the unweighted scenario reaches the target within the horizon').not.toBeNull();
      expect(later(dw.reachedYear, df.reachedYear), `reached ${dw.reachedYear} vs ${df.reachedYear}`).toBe(true);
      // Monte Carlo on the same seed: the probability of having reached it is never higher in any year.
      const o = { runs: 200, seed: 11, eventNoise: true };
      const mw = (await simulateWith(sc(weighted), o, 'test')) as McRunOutput, mf = (await simulateWith(sc(flat), o, 'test')) as McRunOutput;
      for (const y of YEARS) expect(mw.regions[0].probabilityReachedBy[y]).toBeLessThanOrEqual(mf.regions[0].probabilityReachedBy[y]);
    }
  });

  it('uncertain weights widen the Monte Carlo band of the population to cover; the JSON carries the age groups', async () => {
    const text = base(byAge(`
  careNeedByAge:
    weights: { "0-17": 0.558, "18-64": 1.04, "65-79": { dist: triangular, min: 1.085, mode: 1.277, max: 1.469 }, "80+": 1.515 }`));
    const m = (await simulateWith(sc(text), { runs: 200, seed: 3, eventNoise: false }, 'test')) as McRunOutput;
    const q = m.regions[0].years[5].quantiles.populationToCover!;
    expect(q.p90! - q.p10!).toBeGreaterThan(0);
    expect(m.regions[0].ageGroups!.map((g) => g.group)).toEqual(['0-17', '18-64', '65-79', '80+']);
    const d = det(text);
    expect(d.regions[0].ageGroups![3].population[2]).toBe(groups['80+'][2]);
  });

  it('--years keeps the age groups aligned with the years shown', () => {
    const o = filterYears(det(base(byAge(WEIGHTS))), [2027, 2028]);
    expect(o.regions[0].years.map((y) => y.year)).toEqual([2027, 2028]);
    expect(o.regions[0].ageGroups![3].population).toEqual([groups['80+'][3], groups['80+'][4]]);
  });

  it('a growth per group carries each group on from its start value', () => {
    const o = det(base(`population:\n  ageGroups:\n    "0-64": { start: 1000, growth: 0.0 }\n    "65+": { start: 100, growth: 0.1 }`));
    const ys = o.regions[0].ageGroups!;
    expect(ys[1].population[2]).toBeCloseTo(121, 9);
    expect(o.regions[0].years[2].population).toBeCloseTo(1121, 9);
  });
});

describe('CSV data files', () => {
  const groups = ageing(0.03);
  const csvLong = ['region,age_group,year,count,source', ...Object.entries(groups).flatMap(([g, xs]) => xs.map((x, t) => `Test,${g},${YEARS[t]},${x},some-source`))].join('\n') + '\n';
  const withCsv = (extra = '') => base(`population:\n  ageCsv: { file: pop.csv }${extra}\n${WEIGHTS}`);
  const inline = base(`population:\n  ageGroups:\n${groupTables(groups)}${WEIGHTS}`);

  it('a CSV in the long layout round-trips into the same scenario as the equivalent table', () => {
    const a = sc(withCsv(), { 'pop.csv': csvLong }), b = sc(inline);
    expect(JSON.stringify(a.input)).toBe(JSON.stringify(b.input));
    expect(JSON.stringify(deterministicOutput(a, 'x'))).toBe(JSON.stringify(deterministicOutput(b, 'x')));
  });

  it('one-year ages in the CSV become one-year groups (weights by band still apply)', () => {
    const rows = ['region,age,year,count'];
    for (const y of YEARS) for (let a = 0; a <= 100; a++) rows.push(`Test,${a === 100 ? '100+' : a},${y},${a < 65 ? 100 : 50}`);
    const o = det(base(`population:\n  ageCsv: { file: ages.csv }\n${WEIGHTS}`), { 'ages.csv': rows.join('\n') });
    const y = o.regions[0].years[0];
    expect(y.population).toBe(65 * 100 + 36 * 50);
    expect(y.needWeightedPopulation).toBeCloseTo(18 * 100 * 0.558 + 47 * 100 * 1.04 + 15 * 50 * 1.277 + 21 * 50 * 1.515, 6);
  });

  it('a multi-region scenario reads each region’s rows by name; the total sums the groups', () => {
    const rows = ['region,age_group,year,count'];
    for (const [name, k] of [['Norr', 1], ['Söder', 2]] as const) for (const y of YEARS) for (const g of ['0-64', '65+']) rows.push(`${name},${g},${y},${(g === '0-64' ? 40000 : 10000) * k}`);
    const text = base(`population:\n  ageCsv: { file: pop.csv }\n  careNeedByAge:\n    weights: { "0-64": 0.9, "65+": 1.4 }`).replace('countBasis: health-centres', 'countBasis: health-centres\nregions:\n  - name: Norr\n  - name: Söder');
    const o = det(text, { 'pop.csv': rows.join('\n') });
    expect(o.regions.map((r) => r.years[0].population)).toEqual([50000, 100000]);
    expect(o.total!.ageGroups!.map((g) => g.population[0])).toEqual([120000, 30000]);
    expect(o.total!.years[0].needWeightedPopulation).toBeCloseTo(120000 * 0.9 + 30000 * 1.4, 6);
    const bad = problemsOf(() => sc(text, { 'pop.csv': rows.join('\n').replace(/^Söder,/gm, 'Väster,') }));
    expect(bad[0].message).toMatch(/region "Väster" is not a region of this scenario \("Norr", "Söder"\)/);
  });

  it('the specialists’ age pyramid from a CSV (age or birth year) equals the same pyramid as age bands', () => {
    const pyramid = 'age,count\n35,20\n45,30\n55,20\n63,10\n';
    const byBirth = 'birth_year,count\n1989,20\n1979,30\n1969,20\n1961,10\n';
    const pop = 'population: { start: 100000, growth: 0.005 }';
    const fromBands = det(base(pop).replace('ageBands: { "30-39": 0.3, "40-49": 0.3, "50-59": 0.3, "60-64": 0.1 }', 'ageBands: { "35": 0.25, "45": 0.375, "55": 0.25, "63": 0.125 }'));
    const csvText = base(pop).replace('  headcount: 80\n', '').replace('ageBands: { "30-39": 0.3, "40-49": 0.3, "50-59": 0.3, "60-64": 0.1 }', 'ageCsv: { file: hr.csv }');
    for (const f of [pyramid, byBirth]) expect(JSON.stringify(det(csvText, { 'hr.csv': f }))).toBe(JSON.stringify(fromBands));
  });

  it('problems in a CSV are reported as file:line:col of the cell, every one at once', () => {
    const bad = [
      'region,age_group,year,count',
      'Test,0-17,2024,21000',
      'Test,18-64,2024,lots',      // not a number: line 3, col of count
      'Test,65-79,2040,15000',     // year outside the horizon: line 4, col 12
      'Elsewhere,80+,2024,5000',   // region unknown
      'Test,0-17,2024,1',          // given twice
    ].join('\n');
    const ps = problemsOf(() => sc(withCsv(), { 'pop.csv': bad }));
    expect(ps.map((p) => `${at(p)} ${p.message}`)).toEqual([
      expect.stringMatching(/^pop\.csv:3:17 count must be a number/),
      expect.stringMatching(/^pop\.csv:4:12 year 2040 is outside the horizon 2024–2034/),
      expect.stringMatching(/^pop\.csv:5:1 region "Elsewhere" is not a region of this scenario/),
      expect.stringMatching(/^pop\.csv:6:6 Test, 0-17, 2024 is given twice \(also on line 2\)/),
    ]);
  });

  it('overlapping or missing ages and missing years point at the CSV rows; weights not positive at the YAML', () => {
    const rows = (gs: string[]) => ['region,age_group,year,count', ...gs.flatMap((g) => YEARS.map((y) => `Test,${g},${y},1000`))].join('\n');
    const overlap = problemsOf(() => sc(withCsv(), { 'pop.csv': rows(['0-17', '15-64', '65-79', '80+']) }));
    expect(overlap.map((p) => `${at(p)} ${p.message}`)).toContainEqual(expect.stringMatching(/^pop\.csv:13:\d+ age group '15-64' overlaps '0-17'/));
    const gap = problemsOf(() => sc(withCsv(), { 'pop.csv': rows(['0-17', '20-64', '65-79', '80+']) }));
    expect(gap.map((p) => p.message)).toContainEqual(expect.stringMatching(/no age group covers ages 18–19/));
    const missingYear = rows(['0-17', '18-64', '65-79', '80+']).split('\n').filter((l) => l !== 'Test,80+,2030,1000').join('\n');
    const my = problemsOf(() => sc(withCsv(), { 'pop.csv': missingYear }));
    expect(my.map((p) => `${p.file} ${p.message}`)).toContainEqual(expect.stringMatching(/^pop\.csv table misses year 2030/));
    const zero = problemsOf(() => sc(base(`population:\n  ageGroups:\n${groupTables(groups)}\n  careNeedByAge:\n    weights: { "0-17": 0, "18-64": 1, "65-79": 1, "80+": 1 }`)));
    expect(zero.map((p) => `${at(p)} ${p.path} ${p.message}`)).toContainEqual(expect.stringMatching(/^test\.yaml:\d+:\d+ population\.careNeedByAge\.weights\.0-17 must be greater than 0, got 0$/));
  });

  it('the CLI prints file:line:col, exits 2 and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'riktvarde-demand-'));
    try {
      writeFileSync(join(dir, 's.yaml'), withCsv());
      writeFileSync(join(dir, 'pop.csv'), 'region,age_group,year,count\nTest,0-17,2024,x\n');
      const out = join(dir, 'out.json');
      const { code, stderr } = await cliInProcess(ROOT, 'run', join(dir, 's.yaml'), '--format', 'json', '--out', out);
      expect(code).toBe(2);
      expect(stderr).toMatch(/pop\.csv:2:16 .*count must be a number, got "x"/);
      expect(existsSync(out)).toBe(false);
    } finally { rmSync(dir, { recursive: true, force: true }); }
  });
});

describe('capacity within an age group', () => {
  const groups = ageing(0.03);
  const pop = `population:\n  ageGroups:\n${groupTables(groups)}${WEIGHTS}`;
  const others = (range: string, headcount: number) => `otherSpecialists:\n  - name: Barnläkare\n    headcount: { dist: uniform, min: ${headcount * 0.5}, max: ${headcount * 1.5} }\n    recruitment: 3\n    ageRange: "${range}"`;

  it('never covers more than its group’s need; GPs carry the rest', async () => {
    for (const [range, bands] of [['0-17', ['0-17']], ['65+', ['65-79', '80+']]] as const) {
      for (const head of [5, 50, 500]) {
        const text = base(pop, others(range, head));
        const o = det(text).regions[0];
        const need = (t: number) => o.ageGroups!.filter((g) => (bands as readonly string[]).includes(g.group)).reduce((s, g) => s + g.population[t] * g.weight[t], 0);
        o.years.forEach((y, t) => expect(y.capacityOther!).toBeLessThanOrEqual(need(t) * (1 + 1e-12)));
        if (head === 500) expect(o.years[0].capacityOther).toBeCloseTo(need(0), 6); // binding: exactly the group's need
        // In every Monte Carlo run too: the largest value over 300 runs stays at or under the need.
        const m = (await simulateWith(sc(text), { runs: 300, seed: 9, eventNoise: true }, 'test')) as McRunOutput;
        m.regions[0].years.forEach((y, t) => expect(y.quantiles.capacityOther!.p95!).toBeLessThanOrEqual(need(t) * (1 + 1e-12)));
      }
    }
    // Without a range the same group counts against everyone's need (larger capacity).
    const free = det(base(pop, others('0-17', 500).replace('    ageRange: "0-17"', ''))).regions[0];
    const cut = det(base(pop, others('0-17', 500))).regions[0];
    expect(free.years[0].capacityOther!).toBeGreaterThan(cut.years[0].capacityOther!);
  });

  it('a range needs age groups and must follow group boundaries', () => {
    const noAges = problemsOf(() => sc(base('population: { start: 100000, growth: 0.005 }', others('0-17', 5))));
    expect(noAges.map((p) => p.message)).toContainEqual(expect.stringMatching(/needs the population by age group/));
    const cuts = problemsOf(() => sc(base(pop, others('0-9', 5))));
    expect(cuts.map((p) => p.message)).toContainEqual("ageRange '0-9' cuts through age group '0-17'; it must start and end at group boundaries");
  });
});

describe('levers over time', () => {
  const stockholm = join(import.meta.dirname, '..', 'scenarios', 'stockholm-handlingsplan.yaml');

  it("--set 'specialists.fte={2024: 0.85, 2030: 0.9}' is a step schedule, as norms are", () => {
    const s = loadScenarioFile(stockholm, ['specialists.fte={2024: 0.85, 2030: 0.9}']);
    const o = deterministicOutput(s, 'x').regions[0];
    o.years.forEach((y) => expect(y.specialistsFte! / y.specialists!).toBeCloseTo(y.year < 2030 ? 0.85 : 0.9, 12));
  });

  it('a schedule may be linear in between and uncertain (whole-path multiplier drawn per run)', async () => {
    const s = loadScenarioFile(stockholm, ['specialists.fte={schedule: {2024: 0.85, 2030: 0.9}, interpolate: linear, multiplier: {dist: uniform, min: 0.95, max: 1.05}}']);
    const o = deterministicOutput(s, 'x').regions[0];
    expect(o.years[3].specialistsFte! / o.years[3].specialists!).toBeCloseTo(0.875, 12);
    expect(s.input.uncertain.map((u) => u.key)).toContain('specialists.fte.multiplier');
    const m = (await simulateWith(s, { runs: 100, seed: 1, eventNoise: false }, 'x')) as McRunOutput;
    const q = m.regions[0].years[8].quantiles.specialistsFte!;
    expect(q.p90! - q.p10!).toBeGreaterThan(10);
  });

  it('every lever accepts a schedule: attrition, retention, dropout, coverage share, care-need index, the listable-ST rule', () => {
    const sets = [
      'specialists.attrition={2024: 0.031, 2028: 0.02}', 'st.retention={2024: 0.87, 2028: 0.95}', 'st.dropout={2024: 0.02, 2028: 0.01}',
      'population.coverageShare={2024: 1, 2030: 0.9}', 'population.careNeedIndex={2024: 1, 2030: 1.08}', 'st.fte={2024: 1, 2030: 0.9}',
      'st.listable={schedule: {2024: {lastYears: 2}, 2028: {share: 0.5}}}',
    ];
    const s = loadScenarioFile(stockholm, sets);
    const o = deterministicOutput(s, 'x').regions[0];
    for (const y of o.years) {
      expect(y.populationToCover! / y.population!).toBeCloseTo(y.year < 2030 ? 1 : 0.9 * 1.08, 12);
      if (y.year >= 2028) expect(y.listableSt).toBeCloseTo(y.st! * 0.5, 9);
    }
    const same = deterministicOutput(loadScenarioFile(stockholm, sets.slice(0, -1)), 'x').regions[0];
    expect(o.years[3].listableSt).toBe(same.years[3].listableSt); // before 2028, the plan's rule (lastYears: 2)
    expect(o.years[3].listableSt).not.toBeCloseTo(o.years[3].st! * 0.5, 0);
    const plan = deterministicOutput(loadScenarioFile(stockholm), 'x').regions[0];
    // Lower attrition and dropout, higher retention from 2028: more specialists by 2034.
    expect(o.years[10].specialists!).toBeGreaterThan(plan.years[10].specialists!);
  });

  it('a schedule must say what applies in the start year, and stay in range', () => {
    const ps = problemsOf(() => loadScenarioFile(stockholm, ['specialists.fte={2026: 0.9}', 'st.retention={2024: 0.9, 2030: 1.2}']));
    expect(ps.map((p) => p.message)).toEqual(expect.arrayContaining([
      expect.stringMatching(/must say what applies in the start year 2024/),
      expect.stringMatching(/1\.2/),
    ]));
  });
});

