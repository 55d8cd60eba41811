/**
 * `compare` (common random numbers, differences, cost per additional inhabitant) in-process, and
 * the command line for `compare` and `sensitivity`: output, exit codes, files (in-process with
 * one thread; end to end, the built CLI with 1 and 2 workers).
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../api/load.js';
import { compareColumns, comparedUnit, compareScenarios, scenarioLabel, type CompareResult } from '../model/compare.js';
import { monteCarlo as monteCarloAsync, monteCarloSync as monteCarlo } from '../model/mc-run.js';
import { toMcOutput } from '../model/mcresults.js';
import { NSTATS, type McResult } from '../model/montecarlo.js';
import { expectedRows, steps, unitSummary, type McSpec } from './fixtures.js';
import { compareChart } from '../viz/compare-charts.js';
import { COMPARE_CSV_HEADER, renderCompareCsv, renderCompareTable } from '../viz/compare.js';
import { textWidth } from '../viz/format.js';
import { compileSpec } from '../viz/render.js';
import { texts } from '../viz/texts/index.js';
import { CLI, cli, cliInProcess, removeSandboxes, ROOT, sandbox, scenarioPath as SC } from './helpers.js';

/** Monte Carlo of each file in-process on the same seed and runs, compared. */
function compareFiles(files: string[], runs: number, seed: number): CompareResult {
  const items = files.map((f) => {
    const sc = loadScenarioFile(SC(f));
    const mc = monteCarlo(sc.input, { runs, seed, eventNoise: true });
    const out = toMcOutput(mc, { name: sc.meta.name, description: '', countBasis: sc.meta.countBasis }, 'test');
    return { out, unit: comparedUnit(mc), file: f };
  });
  return compareScenarios(items, 'test');
}

describe('compare, in-process', () => {
  it('summarizing only the columns it reads (compareColumns) gives the same comparison; the others are left NaN', async () => {
    const opts = { runs: 60, seed: 3, eventNoise: true };
    const info = (name: string) => ({ name, description: '', countBasis: 'health-centres' });
    const both = async (f: string) => {
      const input = loadScenarioFile(SC(f)).input;
      const Y = input.endYear - input.startYear + 1;
      const full = monteCarlo(input, opts);
      const part = await monteCarloAsync(input, opts, { summarize: compareColumns(Y) });
      return { full, part, want: compareColumns(Y) };
    };
    const [a, b] = [await both('halland.yaml'), await both('riket-2019.yaml')];
    const item = (mc: McResult, file: string) => ({ out: toMcOutput(mc, info(file), 'test'), unit: comparedUnit(mc), file });
    const full = compareScenarios([item(a.full, 'a'), item(b.full, 'b')], 'test');
    const part = compareScenarios([item(a.part, 'a'), item(b.part, 'b')], 'test');
    expect(part).toEqual(full);
    // What was left out is NaN, what was kept is the full summary's, bit for bit (a region's store and the total).
    let kept = 0, left = 0;
    for (const x of [a, b]) {
      const s = comparedUnit(x.part).stats, f = comparedUnit(x.full).stats;
      x.want.forEach((w, c) => {
        for (let i = 0; i < NSTATS; i++) {
          if (w === 1) { expect(Object.is(s[c * NSTATS + i], f[c * NSTATS + i])).toBe(true); kept++; }
          else { expect(s[c * NSTATS + i]).toBeNaN(); left++; }
        }
      });
    }
    expect(kept).toBeGreaterThan(0);
    expect(left).toBeGreaterThan(kept);
    // The per-run outcomes are complete.
    expect(Array.from(comparedUnit(a.part).firstReached)).toEqual(Array.from(comparedUnit(a.full).firstReached));
  });

  it('labels scenarios A, B, …, Z, AA', () => {
    expect([0, 1, 25, 26, 27].map(scenarioLabel)).toEqual(['A', 'B', 'Z', 'AA', 'AB']);
  });

  it('common random numbers: a scenario compared with itself differs by exactly zero', () => {
    const res = compareFiles(['halland.yaml', 'halland.yaml'], 300, 7);
    const d = res.differences[0];
    expect(d.label).toBe('B \u2212 A');
    expect(d.probabilityReachedByEnd).toBe(0);
    expect(d.probabilityHoldsAtEnd).toBe(0);
    expect(d.inhabitantsPerDoctor.ofMedians).toBe(0);
    expect(d.inhabitantsPerDoctor.paired).toEqual({ median: 0, p10: 0, p90: 0 });
    expect(d.cumulativeCost.paired).toEqual({ median: 0, p10: 0, p90: 0 });
    expect(d.specialists.ofMedians).toBe(0);
    expect(d.st.ofMedians).toBe(0);
    expect(d.extraCapacity).toBe(0);
    expect(d.extraCumulativeCost).toBe(0);
    expect(d.costPerAdditionalInhabitantPerYear).toBeNull();
    expect(d.peakSt).toBe(0);
    expect(d.yearsUnderNorm).toBe(0);
    expect([null, 0]).toContain(d.reachedYear.value);
    expect(res.scenarios[0]).toEqual({ ...res.scenarios[1], label: 'A' });
    expect(res.warnings).toEqual({ countBasisDiffers: false, horizonDiffers: false });
  });

  it('halland vs the motion: the motion reaches 1100/550 earlier, with more specialists, at a positive cost per added inhabitant', () => {
    const res = compareFiles(['halland.yaml', 'halland-motion-1100.yaml'], 400, 2023);
    const [A, B] = res.scenarios;
    const d = res.differences[0];
    expect(B.reachedYear.median).not.toBeNull();
    expect(A.reachedYear.median === null || A.reachedYear.median > B.reachedYear.median!).toBe(true);
    expect(d.reachedYear.value!).toBeLessThan(0);
    expect(d.probabilityReachedByEnd!).toBeGreaterThan(0.5);
    expect(d.specialists.ofMedians!).toBeGreaterThan(0);
    expect(d.inhabitantsPerDoctor.paired!.p90!).toBeLessThan(0); // fewer inhabitants per doctor in (nearly) every run
    expect(d.cumulativeCost.paired!.p10!).toBeGreaterThan(0);
    // Cost per additional inhabitant, per year = Δ mean yearly extra cost / Δ mean capacity, last year (same norms here).
    const capA = A.means.capacitySpecialists! + A.means.capacitySt! + A.means.capacityOther!;
    const capB = B.means.capacitySpecialists! + B.means.capacitySt! + B.means.capacityOther!;
    expect(d.costPerAdditionalInhabitantPerYear!).toBeCloseTo((B.means.costIncrease! - A.means.costIncrease!) / (capB - capA), 6);
    expect(d.costPerAdditionalInhabitantPerYear!).toBeGreaterThan(0);
    // The motion's path: its ST headcount peaks far above the plan's (issue 10: 260 against 120).
    expect(B.path.peakSt!.value).toBeGreaterThan(A.path.peakSt!.value + 100);
    expect(B.path.yearsUnderNorm).toBeGreaterThan(A.path.yearsUnderNorm);
  });

  it('a changed norm alone adds no capacity: the 1000 target has the same workforce and no cost per inhabitant', () => {
    const res = compareFiles(['stockholm-handlingsplan.yaml', 'stockholm-target-1000.yaml'], 200, 3);
    const d = res.differences[0];
    expect(res.scenarios[1].norm.last).toEqual({ specialist: 1000, st: 500 });
    expect(d.specialists.ofMedians).toBe(0);
    expect(d.inhabitantsPerDoctor.paired).toEqual({ median: 0, p10: 0, p90: 0 });
    expect(Math.abs(d.extraCapacity!)).toBeLessThan(1e-6);
    expect(d.costPerAdditionalInhabitantPerYear).toBeNull();
    expect(d.specialistGap.ofMedians!).toBeGreaterThan(0); // stricter norm: a larger shortfall
  });

  it('warns when count bases and horizons differ', () => {
    const res = compareFiles(['halland.yaml', 'stockholm-handlingsplan.yaml'], 50, 1);
    expect(res.warnings).toEqual({ countBasisDiffers: true, horizonDiffers: true });
    const t = renderCompareTable(res, texts('en'));
    expect(t).toContain('not comparable');
    expect(t).toContain('different horizons');
  });

  it('table fits 120 columns in sv and en (three scenarios split into values and differences); CSV one row per scenario; chart compiles', () => {
    const res = compareFiles(['stockholm-handlingsplan.yaml', 'stockholm-dlf.yaml', 'stockholm-target-1000.yaml'], 100, 2024);
    for (const lang of ['sv', 'en'] as const) {
      const t = renderCompareTable(res, texts(lang));
      for (const line of t.split('\n')) {
        expect(textWidth(line), line).toBeLessThanOrEqual(120);
        expect(line).not.toMatch(/\s$/);
      }
      expect(t).toContain('C \u2212 A');
      expect(() => compileSpec(compareChart(res, texts(lang)))).not.toThrow();
    }
    const csv = renderCompareCsv(res).trimEnd().split('\n');
    expect(csv[0]).toBe(COMPARE_CSV_HEADER.join(','));
    expect(csv).toHaveLength(4);
    for (const l of csv.slice(1)) expect(l.match(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g)!.length + 1).toBe(COMPARE_CSV_HEADER.length);
  });
});

// ---------------------------------------------------------------- the built CLI

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does)`);
});
afterAll(removeSandboxes);

describe.concurrent('riktvarde compare (CLI)', () => {
  it('prints both scenario names and the differences; exit 0, nothing on stderr', async ({ expect }) => {
    const r = await cliInProcess(ROOT, 'compare', 'scenarios/halland.yaml', 'scenarios/halland-motion-1100.yaml', '--runs', '200', '--workers', '1');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Region Halland – ST-satsningen 2022–2027');
    expect(r.stdout).toContain('Region Halland – motionen 1100/550 till 2030');
    expect(r.stdout).toContain('B \u2212 A');
    expect(r.stdout).toContain('Extra cost per year per additional inhabitant 2034 (SEK/year)');
    expect(r.stdout).toContain('A never');
    expect(r.stdout).not.toMatch(/\u2264 [\u2212+-]\d/);
  });

  it('JSON of a scenario against itself: every difference zero (same seed, same random numbers)', async ({ expect }) => {
    const r = await cliInProcess(ROOT, 'compare', 'scenarios/stockholm-handlingsplan.yaml', 'scenarios/stockholm-handlingsplan.yaml', '--runs', '100', '--format', 'json', '--workers', '1');
    expect(r.code).toBe(0);
    const res = JSON.parse(r.stdout) as CompareResult;
    const d = res.differences[0];
    expect(d.inhabitantsPerDoctor.paired).toEqual({ median: 0, p10: 0, p90: 0 });
    expect(d.cumulativeCost.ofMedians).toBe(0);
    expect(res.seed).toBe(2024); // the first scenario's monteCarlo.seed
  });

  it('the same results with 1 or 2 workers', async ({ expect }) => {
    const args = ['compare', 'scenarios/halland.yaml', 'scenarios/halland-motion-1100.yaml', '--runs', '150', '--format', 'csv'];
    const [a, b] = await Promise.all([cliInProcess(ROOT, ...args, '--workers', '1'), cli(ROOT, ...args, '--workers', '2')]); // in-process; the built CLI's worker threads
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });

  it('warns on stderr (exit 0) when count bases and horizons differ', async ({ expect }) => {
    const r = await cliInProcess(ROOT, 'compare', 'scenarios/halland.yaml', 'scenarios/stockholm-handlingsplan.yaml', '--runs', '50', '--workers', '1');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning: the scenarios use different count bases (all-sectors, health-centres)');
    expect(r.stderr).toContain('warning: the scenarios have different horizons');
  });

  it('2 with one scenario, with a missing file, with a bad --chart-out; nothing on stdout', async ({ expect }) => {
    const one = await cliInProcess(ROOT, 'compare', 'scenarios/halland.yaml', '--workers', '1');
    expect(one.code).toBe(2);
    expect(one.stdout).toBe('');
    expect(one.stderr).toContain('compare needs at least two scenario files');
    const missing = await cliInProcess(ROOT, 'compare', 'scenarios/halland.yaml', 'scenarios/no-such.yaml', '--runs', '10', '--workers', '1');
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    const chart = await cliInProcess(ROOT, 'compare', 'scenarios/halland.yaml', 'scenarios/halland.yaml', '--chart-out', 'x.pdf', '--workers', '1');
    expect(chart.code).toBe(2);
    expect(chart.stderr).toContain('--chart-out must end in .png, .svg or .vl.json');
  });

  it('--out and --chart-out write files; 3 when they exist (nothing written), --force replaces', async ({ expect }) => {
    const d = sandbox();
    const args = ['compare', SC('halland.yaml'), SC('halland-motion-1100.yaml'), '--runs', '50', '--out', 'c.txt', '--chart-out', 'c.vl.json', '--lang', 'sv', '--workers', '1'];
    const r = await cliInProcess(d, ...args);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readdirSync(d).sort()).toEqual(['c.txt', 'c.vl.json']);
    expect(readFileSync(join(d, 'c.txt'), 'utf8')).toContain('Jämförelse av scenarier');
    const spec = JSON.parse(readFileSync(join(d, 'c.vl.json'), 'utf8'));
    expect(spec.layer.length).toBeGreaterThan(2);
    writeFileSync(join(d, 'c.txt'), 'keep');
    const again = await cliInProcess(d, ...args);
    expect(again.code).toBe(3);
    expect(readFileSync(join(d, 'c.txt'), 'utf8')).toBe('keep');
    const forced = await cliInProcess(d, ...args, '--force');
    expect(forced.code).toBe(0);
    expect(readFileSync(join(d, 'c.txt'), 'utf8')).toContain('Jämförelse');
  });

  it('writes an SVG overlay chart', async ({ expect }) => {
    const d = sandbox();
    const r = await cliInProcess(d, 'compare', SC('halland.yaml'), SC('halland-motion-1100.yaml'), '--runs', '50', '--chart-out', 'c.svg', '--workers', '1');
    expect(r.code).toBe(0);
    expect(readFileSync(join(d, 'c.svg'), 'utf8')).toMatch(/^<svg/);
  });
});

describe.concurrent('riktvarde sensitivity (CLI)', () => {
  it('table on stdout with both sections; exit 0', async ({ expect }) => {
    const r = await cliInProcess(ROOT, 'sensitivity', 'scenarios/stockholm-handlingsplan.yaml', '--runs', '300', '--lang', 'sv', '--workers', '1');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('En parameter i taget');
    expect(r.stdout).toContain('Alla parametrar samtidigt (Monte Carlo)');
    expect(r.stdout).toContain('Övriga avgångar, specialister (per år)');
  });

  it('JSON and CSV; the same JSON with 1 and 2 workers', async ({ expect }) => {
    const args = ['sensitivity', 'scenarios/halland.yaml', '--runs', '200', '--format', 'json'];
    const [a, b] = await Promise.all([cliInProcess(ROOT, ...args, '--workers', '1'), cli(ROOT, ...args, '--workers', '2')]); // in-process; the built CLI's worker threads
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const out = JSON.parse(a.stdout);
    expect(out.mode).toBe('sensitivity');
    expect(out.parameters.filter((p: { kind: string }) => p.kind === 'uncertain')).toHaveLength(5);
    expect(out.parameters.filter((p: { kind: string }) => p.kind === 'fixed').length).toBeGreaterThan(5);
    expect(out.oneAtATime.rows).toHaveLength(out.parameters.length);
    expect(out.global.rows).toHaveLength(5);
    expect(out.global.runs).toBe(200);
    const csv = await cliInProcess(ROOT, 'sensitivity', 'scenarios/halland.yaml', '--runs', '100', '--format', 'csv', '--workers', '1');
    expect(csv.code).toBe(0);
    expect(csv.stdout.trimEnd().split('\n')).toHaveLength(1 + out.parameters.length);
  });

  it('--chart-out writes the tornado/PRCC chart (PNG and Vega-Lite JSON)', async ({ expect }) => {
    const d = sandbox();
    const r = await cliInProcess(d, 'sensitivity', SC('halland.yaml'), '--runs', '100', '--chart-out', 's.png', '--out', 's.txt', '--workers', '1');
    expect(r.code).toBe(0);
    expect(readFileSync(join(d, 's.png')).subarray(1, 4).toString()).toBe('PNG');
    const j = await cliInProcess(d, 'sensitivity', SC('halland.yaml'), '--runs', '100', '--chart-out', 's.vl.json', '--workers', '1');
    expect(j.code).toBe(0);
    expect(JSON.parse(readFileSync(join(d, 's.vl.json'), 'utf8')).vconcat.length).toBeGreaterThanOrEqual(2);
  });

  it('2 for a scenario without uncertain parameters; 3 when --out exists', async ({ expect }) => {
    const fixed = ['--set', 'population.growth=0.006', '--set', 'specialists.attrition=0.01', '--set', 'specialists.retirement.meanAge=69', '--set', 'st.dropout=0.02', '--set', 'st.retention=0.85'];
    const r = await cliInProcess(ROOT, 'sensitivity', 'scenarios/halland.yaml', ...fixed, '--workers', '1');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('has no uncertain parameters');
    const d = sandbox();
    writeFileSync(join(d, 'o.txt'), 'keep');
    const e = await cliInProcess(d, 'sensitivity', SC('halland.yaml'), '--out', 'o.txt', '--workers', '1');
    expect(e.code).toBe(3);
    expect(readFileSync(join(d, 'o.txt'), 'utf8')).toBe('keep');
  });
});

describe('compare shows the path (hand-computed case)', () => {
  // Two hand-made Monte Carlo summaries (medians = the rows below, means = medians).
  const unitOf = (name: string, edit: (ys: ReturnType<typeof expectedRows>) => void, spec: Partial<McSpec>) => {
    const s: McSpec = { name, holdsFactor: 1, ...spec };
    const ys = expectedRows(s);
    edit(ys);
    const u = unitSummary(s, ys);
    const mc: McResult = { opts: { runs: 5000, seed: 7, eventNoise: true }, startYear: 2024, endYear: 2034, paramKeys: [], params: new Float64Array(0), regions: [u], total: null };
    return { out: toMcOutput(mc, { name, description: '', countBasis: 'all-sectors' }, 'test'), unit: u, file: null };
  };
  // A: ST 100 → 120 (+2 a year), extra cost 0, 10, …, 100 mnkr; never reaches the target.
  const A = unitOf('Plan', (ys) => ys.forEach((y, t) => { y.costIncrease = t * 10e6; }), { reached: () => 0 });
  // B: 20 more specialists a year; ST 100, 150, 200, 260, 260, 240, …; extra cost 0, 50, 120, then 232 mnkr a year;
  // reached from 2027 in 60 % of the runs.
  const stB = [100, 150, 200, 260, 260, 240, 230, 220, 210, 200, 190];
  const B = unitOf('Motion', (ys) => ys.forEach((y, t) => { y.st = stB[t]; y.costIncrease = [0, 50e6, 120e6][t] ?? 232e6; }), { specGrowth: 20, reached: steps({ 2027: 0.6 }) });
  const res = compareScenarios([A, B], 'test');
  const [a, b] = res.scenarios, d = res.differences[0];

  it('peak ST and its year, peak yearly extra cost and its year, years reached', () => {
    expect(a.path.peakSt).toEqual({ value: 120, year: 2034 });
    expect(b.path.peakSt).toEqual({ value: 260, year: 2027 }); // the first year of the peak
    expect(a.path.peakCostIncrease).toEqual({ value: 100e6, year: 2034 });
    expect(b.path.peakCostIncrease).toEqual({ value: 232e6, year: 2027 });
    expect(a.path.yearsUnderNorm).toBe(0);
    expect(b.path.yearsUnderNorm).toBe(8); // 2027–2034
    expect(b.reachedYear.median).toBe(2027);
    expect(d.peakSt).toBe(140);
    expect(d.peakCostIncrease).toBe(132e6);
    expect(d.yearsUnderNorm).toBe(8);
  });

  it('cost per additional inhabitant per year: Δ yearly extra cost ÷ Δ capacity in the last year', () => {
    // Capacity 2034: A 370 × 1100 + 60 × 550 = 440 000; B 450 × 1100 + 60 × 550 = 528 000 (ST rows edited, listable ST not).
    expect(d.extraCapacity).toBeCloseTo(88_000, 6);
    expect(d.extraYearlyCost).toBeCloseTo(132e6, 3);
    expect(d.costPerAdditionalInhabitantPerYear).toBeCloseTo(1500, 9);
  });

  it('the table says it in words: "A never", the peaks with their years, one sentence on B against A', () => {
    const t = renderCompareTable(res, texts('en'));
    expect(t).toMatch(/First year the target is reached\s+after 2034\s+2027 \(.*\)\s+A never/);
    expect(t).toMatch(/ST trainees at the peak \(year\)\s+120 \(2034\)\s+260 \(2027\)\s+\+140/);
    expect(t).toMatch(/Extra cost per year at the peak \(SEK m, year\)\s+100 \(2034\)\s+232 \(2027\)\s+\+132/);
    expect(t).toMatch(/Years the target is reached \(median\)\s+0\s+8\s+\+8/);
    expect(t).toMatch(/Extra cost per year per additional inhabitant 2034 \(SEK\/year\)\s+1,500/);
    expect(t.replace(/\s+/g, ' ')).toContain('ST trainees peak at 260 in 2027 instead of 120 in 2034; the extra cost per year peaks at SEK 232 m in 2027 instead of SEK 100 m in 2034');
    expect(t).not.toContain('\u2264');
    const sv = renderCompareTable(res, texts('sv'));
    expect(sv).toContain('A aldrig');
    expect(sv.replace(/\s+/g, ' ')).toContain('ST-läkarna är som flest 260 år 2027 i stället för 120 år 2034');
  });
});

describe('a norm schedule: "reached" refers to the final norm unless asked otherwise', () => {
  it('Värmland 1500 → 1100: with the final norm the interim 1500 does not count; with --reached-against current it does, and the output says which', async () => {
    const args = ['compare', 'scenarios/varmland.yaml', 'scenarios/varmland-1500-then-1100.yaml', '--runs', '100', '--workers', '1', '--format', 'json'];
    const fin = JSON.parse((await cliInProcess(ROOT, ...args)).stdout) as CompareResult;
    const cur = JSON.parse((await cliInProcess(ROOT, ...args, '--reached-against', 'current')).stdout) as CompareResult;
    expect(fin.reachedAgainst).toBe('final');
    expect(cur.reachedAgainst).toBe('current');
    expect(fin.scenarios[1].path.normSchedule).toBe(true);
    expect(fin.scenarios[0].path.normSchedule).toBe(false);
    expect(fin.scenarios[1].normAsWritten.first.specialist).toBe(1500);
    expect(fin.scenarios[1].norm.first.specialist).toBe(1100);
    // Against the final norm B is A (norms change no stock or flow): never reached by 2034.
    expect(fin.scenarios[1].reachedYear.median).toBeNull();
    expect(fin.differences[0].inhabitantsPerDoctorEquivalent.ofMedians).toBe(0);
    // Against each year's norm the interim 1500 is met at once.
    expect(cur.scenarios[1].reachedYear.median).toBe(2019);
    const table = (await cliInProcess(ROOT, ...args.slice(0, -2))).stdout;
    expect(table).toContain('the final norm');
    expect(table).toContain('--reached-against current');
  });
});
