/**
 * Sensitivity analysis: the pure functions against synthetic data with known answers, one at a
 * time on shipped scenarios (direction of effects, input untouched), a toy scenario in which one
 * parameter matters and one does not, and the table, CSV and chart made from the output.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import seedrandom from 'seedrandom';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../api/load.js';
import { paramInfo } from '../cli/sensitivity.js';
import { monteCarloSync as monteCarlo } from '../model/mc-run.js';
import { uncertainKeys } from '../model/draws.js';
import type { ScalarParam } from '../model/types.js';
import {
  fixedParams,
  deterministicOutcomes, fixParams, globalSensitivity, oneAtATime, outcomeColumns, partialRankCorrelation, prccNoise, ranks,
  SENSITIVITY_DEFINITIONS, standardizedRegression, type SensitivityOutput, type UncertainParam,
} from '../model/sensitivity.js';
import type { ModelInput } from '../model/types.js';
import { textWidth } from '../viz/format.js';
import { cliInProcess } from './helpers.js';
import { texts } from '../viz/texts/index.js';
import { compileSpec } from '../viz/render.js';
import { OKABE_ITO, sensitivityChart, tornadoPanel } from '../viz/sensitivity-charts.js';
import { renderSensitivityCsv, renderSensitivityTable, SENSITIVITY_CSV_HEADER } from '../viz/sensitivity.js';

const dir = join(import.meta.dirname, '..', 'scenarios');
const snapshot = (v: unknown) => JSON.stringify(v, (_k, x) => (ArrayBuffer.isView(x) ? Array.from(x as Float64Array) : x));
const paramsOf = (input: ModelInput): UncertainParam[] => uncertainKeys(input).map((k) => ({ key: k.key, dist: k.param.dist, domain: k.param.domain }));

/** n draws of three independent U(0, 1) parameters and a standard normal noise, seeded. */
function synthetic(n: number, seed = 'sens') {
  const u = seedrandom.alea(seed);
  const x = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  const e = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (const c of x) c[i] = u();
    // Box–Muller
    e[i] = Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
  }
  return { x, e };
}

describe('ranks', () => {
  it('are 1…n with ties sharing their average rank', () => {
    expect(Array.from(ranks([3, 1, 3, 2]))).toEqual([3.5, 1, 3.5, 2]);
    expect(Array.from(ranks([5, 5, 5]))).toEqual([2, 2, 2]);
    expect(Array.from(ranks([0.2, -1, 7]))).toEqual([2, 1, 3]);
  });
});

describe('standardized regression coefficients (SRC) and R²', () => {
  it('y = 2·x1 − x2 exactly: SRC_j = b_j·sd(x_j)/sd(y), R² = 1, an unused parameter gets 0', () => {
    const { x } = synthetic(500);
    const y = Float64Array.from(x[0], (v, i) => 2 * v - x[1][i]);
    const sd = (a: Float64Array) => { const m = a.reduce((s, v) => s + v, 0) / a.length; return Math.sqrt(a.reduce((s, v) => s + (v - m) ** 2, 0) / (a.length - 1)); };
    const r = standardizedRegression(x, y);
    expect(r.coefficients[0]).toBeCloseTo((2 * sd(x[0])) / sd(y), 9);
    expect(r.coefficients[1]).toBeCloseTo((-1 * sd(x[1])) / sd(y), 9);
    expect(r.coefficients[2]).toBeCloseTo(0, 9);
    expect(r.r2).toBeCloseTo(1, 9);
  });

  it('y = 2·x1 − x2 + noise (sd 0.1), x uniform: SRC ≈ 0.884, −0.442, 0 (±0.03), R² ≈ 0.977 (±0.01)', () => {
    // sd(U(0,1)) = 1/√12; var(y) = 4/12 + 1/12 + 0.01.
    const { x, e } = synthetic(4000);
    const y = Float64Array.from(x[0], (v, i) => 2 * v - x[1][i] + 0.1 * e[i]);
    const sy = Math.sqrt(5 / 12 + 0.01), sx = 1 / Math.sqrt(12);
    const r = standardizedRegression(x, y);
    expect(r.coefficients[0]!).toBeCloseTo((2 * sx) / sy, 1);
    expect(Math.abs(r.coefficients[0]! - (2 * sx) / sy)).toBeLessThan(0.03);
    expect(Math.abs(r.coefficients[1]! + sx / sy)).toBeLessThan(0.03);
    expect(Math.abs(r.coefficients[2]!)).toBeLessThan(0.03);
    expect(Math.abs(r.r2! - (5 / 12) / (5 / 12 + 0.01))).toBeLessThan(0.01);
  });

  it('is null where undefined: a constant outcome, a constant parameter, a missing outcome', () => {
    const { x } = synthetic(50);
    expect(standardizedRegression(x, new Float64Array(50).fill(3))).toEqual({ coefficients: [null, null, null], r2: null });
    const r = standardizedRegression([x[0], new Float64Array(50).fill(1)], x[0]);
    expect(r.coefficients[1]).toBeNull();
    expect(r.coefficients[0]).toBeCloseTo(1, 9);
    expect(standardizedRegression(x, new Float64Array(50).fill(NaN)).r2).toBeNull();
  });
});

describe('partial rank correlation coefficients (PRCC)', () => {
  const { x, e } = synthetic(4000);
  const y = Float64Array.from(x[0], (v, i) => 2 * v - x[1][i] + 0.1 * e[i]);
  const p = partialRankCorrelation(x, y);

  it('has the signs of the effects and ranks the larger effect first', () => {
    expect(p[0]!).toBeGreaterThan(0.9);
    expect(p[1]!).toBeLessThan(-0.7);
    expect(Math.abs(p[0]!)).toBeGreaterThan(Math.abs(p[1]!));
  });

  it('gives an irrelevant parameter |PRCC| < 0.05 with 4 000 runs (standard error ≈ 0.016)', () => {
    expect(Math.abs(p[2]!)).toBeLessThan(0.05);
  });

  it('sees a monotone but non-linear effect in full where SRC does not', () => {
    const z = Float64Array.from(x[0], (v, i) => Math.exp(8 * v) + 0.01 * e[i]);
    const pr = partialRankCorrelation(x, z);
    const src = standardizedRegression(x, z);
    expect(pr[0]!).toBeGreaterThan(0.99);
    expect(src.coefficients[0]!).toBeLessThan(pr[0]!);
    expect(src.r2!).toBeLessThan(0.9);
  });

  it('states its noise level: tanh(1.96/√(n − 3 − (K − 1)))', () => {
    expect(prccNoise(4000, 3)).toBeCloseTo(Math.tanh(1.959964 / Math.sqrt(3995)), 12);
    expect(prccNoise(3, 5)).toBeNull();
  });
});

describe('fixParams', () => {
  const sc = loadScenarioFile(join(dir, 'riket-2019.yaml'));

  it('fixes every occurrence of a key (a national parameter inherited by 21 counties), and nothing else', () => {
    const before = snapshot(sc.input);
    const fixed = fixParams(sc.input, new Map([['specialists.attrition', 0.02]]));
    expect(snapshot(sc.input)).toBe(before);
    expect(fixed.regions).toHaveLength(21);
    for (const r of fixed.regions) expect((r.specialists.attrition as ScalarParam).dist).toEqual({ dist: 'fixed', value: 0.02 });
    // Untouched parts are shared, not copied.
    expect(fixed.regions[0].st).toBe(sc.input.regions[0].st);
    expect(fixed.regions[0].population).toBe(sc.input.regions[0].population);
    expect(uncertainKeys(fixed).map((k) => k.key)).not.toContain('specialists.attrition');
  });

  it('returns the input itself when no key matches', () => {
    const fixed = fixParams(sc.input, new Map([['no.such.key', 1]]));
    expect(fixed.regions).toBe(sc.input.regions);
  });
});

describe('one at a time, on shipped scenarios', () => {
  it('halland-motion-1100: attrition at p90 never reaches the target earlier than at p10, and leaves a lower coverage', () => {
    const sc = loadScenarioFile(join(dir, 'halland-motion-1100.yaml'));
    const before = snapshot(sc.input);
    const oat = oneAtATime(sc.input, paramsOf(sc.input));
    expect(snapshot(sc.input), 'the input is not mutated').toBe(before);
    const row = oat.rows.find((r) => r.key === 'specialists.attrition')!;
    expect(row.low).toBeLessThan(row.median);
    expect(row.median).toBeLessThan(row.high);
    const y = (v: number | null) => v ?? sc.input.endYear + 1;
    expect(oat.base.firstYearReached, 'the motion scenario reaches the target with every parameter at its median').not.toBeNull();
    expect(y(row.atHigh.firstYearReached), 'more attrition must never make the target earlier').toBeGreaterThanOrEqual(y(row.atLow.firstYearReached));
    expect(row.atHigh.coverage).toBeLessThan(row.atLow.coverage);
    expect(row.swing.coverage).toBeCloseTo(row.atHigh.coverage - row.atLow.coverage, 12);
  });

  it('every parameter of every shipped Halland/Stockholm scenario: retention up never makes it later, attrition up never earlier', () => {
    for (const f of ['halland.yaml', 'halland-motion-1100.yaml', 'stockholm-handlingsplan.yaml', 'stockholm-dlf.yaml']) {
      const sc = loadScenarioFile(join(dir, f));
      const oat = oneAtATime(sc.input, paramsOf(sc.input));
      const y = (v: number | null) => v ?? sc.input.endYear + 1;
      const att = oat.rows.find((r) => r.key === 'specialists.attrition')!;
      const ret = oat.rows.find((r) => r.key === 'st.retention')!;
      expect(y(att.atHigh.firstYearReached), f).toBeGreaterThanOrEqual(y(att.atLow.firstYearReached));
      expect(y(ret.atHigh.firstYearReached), f).toBeLessThanOrEqual(y(ret.atLow.firstYearReached));
      expect(ret.atHigh.coverage, f).toBeGreaterThan(ret.atLow.coverage);
    }
  });

  it('all at medians equals the deterministic run when every distribution is symmetric (normal mean 66)', () => {
    const sc = loadScenarioFile(join(dir, 'stockholm-handlingsplan.yaml'), ['specialists.attrition=0.031', 'st.dropout=0.02', 'st.retention=0.87']);
    const oat = oneAtATime(sc.input, paramsOf(sc.input));
    expect(oat.rows.map((r) => r.key)).toEqual(['specialists.retirement.meanAge']);
    expect(oat.base.coverage).toBeCloseTo(deterministicOutcomes(sc.input).coverage, 9);
  });
});

// A toy scenario: attrition matters; the age of recruits cannot (there are no recruits).
const TOY = `
name: Toy
horizon: { start: 2024, end: 2034 }
countBasis: health-centres
population: { start: 100000, growth: 0.005 }
specialists:
  headcount: 70
  ageBands: { "30-49": 0.6, "50-64": 0.4 }
  retirement: { meanAge: 66, sd: 2 }
  attrition: { dist: uniform, min: 0.0, max: 0.08 }
  recruitment: { perYear: 0, entryAge: { dist: uniform, min: 35, max: 55 } }
st:
  headcount: 30
  intake: 8
  trainingLength: { 5: 0.5, 6: 0.5 }
  dropout: 0.02
  retention: 0.9
  completionAge: 38
`;

describe('a toy scenario in which only one parameter matters', () => {
  const d = mkdtempSync(join(tmpdir(), 'riktvarde-sens-'));
  writeFileSync(join(d, 'toy.yaml'), TOY);
  afterAll(() => rmSync(d, { recursive: true, force: true }));
  const sc = loadScenarioFile(join(d, 'toy.yaml'));
  const params = paramsOf(sc.input);
  const mc = monteCarlo(sc.input, { runs: 1500, seed: 11, eventNoise: true });
  const g = globalSensitivity(mc.paramKeys, mc.params, { startYear: mc.startYear, endYear: mc.endYear, ...mc.regions[0] });

  it('has the two uncertain parameters', () => {
    expect(params.map((p) => p.key).sort()).toEqual(['specialists.attrition', 'specialists.recruitment.entryAge']);
  });

  it('one at a time: attrition first with a real swing; the age of recruits swings by exactly 0', () => {
    const oat = oneAtATime(sc.input, params);
    expect(oat.rows[0].key).toBe('specialists.attrition');
    expect(oat.rows[0].swing.coverage).toBeLessThan(-0.004); // more exits, lower coverage
    expect(oat.rows[1].swing.coverage).toBe(0);
    expect(oat.rows[1].swing.cumulativeCost).toBeNaN(); // no costs in the toy
  });

  it('globally: attrition ranked first (PRCC < −0.8 on coverage); the age of recruits |PRCC| < 0.08 and within 1.5 × the stated noise level', () => {
    expect(g.rows[0].key).toBe('specialists.attrition');
    expect(g.rows[0].prcc.coverage!).toBeLessThan(-0.8);
    const age = g.rows.find((r) => r.key === 'specialists.recruitment.entryAge')!;
    expect(Math.abs(age.prcc.coverage!)).toBeLessThan(0.08);
    expect(Math.abs(age.prcc.coverage!)).toBeLessThan(1.5 * g.prccNoise!);
    expect(g.r2.cumulativeCost).toBeNull();
    expect(g.rows[0].prcc.cumulativeCost).toBeNull();
  });

  it('counts "never" as the year after the horizon', () => {
    const c = outcomeColumns({ startYear: 2024, endYear: 2034, firstReached: Int16Array.from([-1, 0, 3]), lastCoverage: [1, 2, 3], lastCumulativeCost: [NaN, 0, 1] });
    expect(Array.from(c.firstYearReached)).toEqual([2035, 2024, 2027]);
  });
});

describe('output: table, CSV and chart', () => {
  const sc = loadScenarioFile(join(dir, 'halland.yaml'));
  const params = paramsOf(sc.input);
  const mc = monteCarlo(sc.input, { runs: 300, seed: 2023, eventNoise: true });
  const out: SensitivityOutput = {
    scenario: { name: sc.meta.name, description: '', countBasis: sc.meta.countBasis },
    version: 'test', mode: 'sensitivity', unit: 'Halland', startYear: 2023, endYear: 2034,
    norm: { specialist: 1100, st: 550 }, definitions: SENSITIVITY_DEFINITIONS,
    parameters: params.map((p) => paramInfo(sc.meta, p)),
    oneAtATime: oneAtATime(sc.input, params),
    global: { ...globalSensitivity(mc.paramKeys, mc.params, { startYear: 2023, endYear: 2034, ...mc.regions[0] }), seed: 2023, eventNoise: true },
  };

  it('names each parameter with its source from the scenario', () => {
    const att = out.parameters.find((p) => p.key === 'specialists.attrition')!;
    expect(att.source).toMatchObject({ id: 'attrition-all-sectors', kind: 'assumption' });
    const growth = out.parameters.find((p) => p.key === 'population.growth.values')!;
    expect(growth.source?.id).toBe('growth-assumption');
    expect(texts('sv').analysis.sensitivity.param('population.growth.values')).toBe('Befolkningstillväxt per år');
    expect(texts('en').analysis.sensitivity.param('regions[Skåne län].st.dropout')).toBe('ST dropout (share per year) (Skåne län)');
    expect(texts('en').analysis.sensitivity.param('st.intake.multiplier')).toBe('ST intake (per year) (multiplier)');
  });

  for (const lang of ['sv', 'en'] as const) {
    it(`table (${lang}) fits 120 columns, has no trailing spaces, and shows every parameter`, () => {
      const t = renderSensitivityTable(out, texts(lang));
      for (const line of t.split('\n')) {
        expect(textWidth(line), line).toBeLessThanOrEqual(120);
        expect(line).not.toMatch(/\s$/);
      }
      for (const p of params) expect(t).toContain(texts(lang).analysis.sensitivity.param(p.key));
      expect(t).toContain(lang === 'sv' ? 'efter 2034' : 'after 2034');
      expect(t).toContain(lang === 'sv' ? 'PRCC' : 'PRCC');
    });

    it(`chart (${lang}) compiles without warnings, tornado bars in Okabe–Ito blue/orange, largest swing first`, () => {
      const spec = sensitivityChart(out, texts(lang));
      expect(() => compileSpec(spec)).not.toThrow();
      const panel = tornadoPanel(out, 'coverage', texts(lang))! as { layer: { encoding: { color?: { scale: { range: string[] } }; y?: { sort: string[] } } }[] };
      expect(panel.layer[0].encoding.color!.scale.range).toEqual([OKABE_ITO.blue, OKABE_ITO.orange]);
      expect(panel.layer[0].encoding.y!.sort[0]).toContain(texts(lang).analysis.sensitivity.param(out.oneAtATime.rows[0].key));
    });
  }

  it('no tornado for the year when no parameter moves it (Halland: not reached by 2034 at either end)', () => {
    expect(tornadoPanel(out, 'firstYearReached', texts('en'))).toBeNull();
  });

  it('CSV: header, one row per parameter, machine numbers', () => {
    const csv = renderSensitivityCsv(out).trimEnd().split('\n');
    expect(csv[0]).toBe(SENSITIVITY_CSV_HEADER.join(','));
    expect(csv).toHaveLength(1 + params.length);
    for (const l of csv.slice(1)) expect(l.split(',')).toHaveLength(SENSITIVITY_CSV_HEADER.length);
    expect(csv[1]).toMatch(/^specialists\.attrition,uncertain,0\.00/);
  });
});

describe('fixed parameters too: ±10 % one at a time, marked as such, ranked by coverage', () => {
  const sc = loadScenarioFile(join(dir, 'stockholm-handlingsplan.yaml'));
  const fixed = fixedParams(sc.input);
  const oat = oneAtATime(sc.input, paramsOf(sc.input), 0.1, 0.9, fixed);
  const row = (key: string) => oat.rows.find((r) => r.key === key)!;

  it('Stockholm\'s FTE 0.87 is swung to 0.783 and 0.957, and moves coverage more than most uncertain parameters', () => {
    const fte = row('specialists.fte');
    expect(fte.kind).toBe('fixed');
    expect([fte.low, fte.median, fte.high].map((x) => +x.toFixed(6))).toEqual([0.783, 0.87, 0.957]);
    expect(fte.atHigh.coverage).toBeGreaterThan(fte.atLow.coverage);
    expect(oat.rows.indexOf(fte)).toBeLessThan(oat.rows.indexOf(row('st.retention')));
  });

  it('a series is scaled as a whole path; a share at 1.0 only swings down; norms are not swung', () => {
    const st = row('st.targetHeadcount');
    expect(st.kind).toBe('fixed');
    expect([st.low, st.high]).toEqual([0.9, 1.1]);
    expect(st.atHigh.coverage).toBeGreaterThan(st.atLow.coverage);
    expect(st.atHigh.cumulativeCost).toBeGreaterThan(st.atLow.cumulativeCost);
    const share = row('population.coverageShare');
    expect(share.high).toBe(1);
    expect(share.atHigh.coverage).toBe(oat.base.coverage);
    expect(oat.rows.some((r) => /norm/i.test(r.key))).toBe(false);
    expect(row('st.retention').kind).toBe('uncertain');
  });

  it('rows are ranked by the size of the swing in coverage in the last year', () => {
    const sizes = oat.rows.map((r) => Math.abs(r.swing.coverage));
    for (let i = 1; i < sizes.length; i++) expect(sizes[i], oat.rows[i].key).toBeLessThanOrEqual(sizes[i - 1]);
  });

  it('the table marks fixed parameters and says a lower cost from fewer staff is no saving (sv and en)', () => {
    const out = { scenario: { name: 'S', description: '', countBasis: 'health-centres' }, version: 't', mode: 'sensitivity' as const, unit: 'Stockholm', startYear: 2024, endYear: 2034, norm: null, definitions: {},
      parameters: [...paramsOf(sc.input), ...fixed].map((p) => paramInfo(sc.meta, p)), oneAtATime: oat,
      global: { runs: 10, rows: [], r2: { firstYearReached: null, coverage: null, cumulativeCost: null }, prccNoise: null, seed: 1, eventNoise: true } };
    const en = renderSensitivityTable(out, texts('en')).replace(/\s+/g, ' ');
    expect(en).toContain('FTE per specialist [fixed, ±10%]');
    expect(en).toContain('10% lower');
    expect(en).toContain('fewer doctors paid, not a saving');
    const sv = renderSensitivityTable(out, texts('sv')).replace(/\s+/g, ' ');
    expect(sv).toContain('[fast värde, ±10 %]');
    expect(sv).toContain('ingen besparing');
    expect(renderSensitivityCsv(out)).toContain('\nspecialists.fte,fixed,');
  });
});

describe('too few runs for PRCC/SRC', () => {
  it('`sensitivity --runs 3` is a usage error naming the minimum, not a crash inside ml-matrix', async () => {
    for (const runs of ['2', '3']) {
      const r = await cliInProcess(join(dir, '..'), 'sensitivity', 'scenarios/stockholm-handlingsplan.yaml', '--runs', runs, '--workers', '1');
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`too few runs for PRCC/SRC: ${runs} runs with 4 uncertain parameters — needs at least 7`);
      expect(r.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
      expect(r.stdout).toBe('');
    }
    expect(() => globalSensitivity(['a', 'b'], new Float64Array(8), { startYear: 2024, endYear: 2034, firstReached: [0, 0, 0, 0], lastCoverage: [1, 1, 1, 1], lastCumulativeCost: [0, 0, 0, 0] }))
      .toThrow('needs at least 5');
  });
});
