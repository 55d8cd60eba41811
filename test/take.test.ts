/**
 * What it would take (issue 10, parts 2, 3 and 5): the intakes found are checked against direct
 * forward runs, the budget against the cost of one step more, the feasibility figures against a
 * small scenario computed by hand, and the sentences in both languages.
 */
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../api/load.js';
import { deterministicOutput, parseScenario, withWhatItWouldTake } from '../api/core.js';
import { F } from '../model/fields.js';
import { monteCarloSync } from '../model/mc-run.js';
import { expectedRun } from '../model/params.js';
import { firstReached, project } from '../model/project.js';
import { costPath, currentSchedule, feasibility, inputAtLevel, leverBounds, solveBudget, type SolveSpec } from '../model/solve.js';
import { whatItWouldTake } from '../model/take.js';
import { renderTable } from '../viz/table.js';
import { texts } from '../viz/texts/index.js';
import { cliInProcess, ROOT, scenarioPath as scen } from './helpers.js';

const HALLAND = scen('halland.yaml');
const YEARS = Array.from({ length: 11 }, (_, i) => 2024 + i); // Halland: 2023 is the base year
/** Halland with a constant intake from 2024, written as a user would (--set). */
const hallandAt = (level: number) => loadScenarioFile(HALLAND, ['st.targetHeadcount=null', `st.intake={${YEARS.map((y) => `${y}: ${level}`).join(', ')}}`]);
const reachesByHorizon = (level: number) => firstReached(project(expectedRun(hallandAt(level).input), null).regions[0].block, 12) >= 0;
const squash = (s: string) => s.replace(/\s+/g, ' ');

describe('part 2: the intake found, checked by forward runs', () => {
  const sc = loadScenarioFile(HALLAND);
  it('expected values: the intake reaches 1100/550 by the horizon in a forward run, one post fewer does not', () => {
    expect(firstReached(project(expectedRun(sc.input), null).regions[0].block, 12)).toBe(-1); // the plan does not reach it
    const w = whatItWouldTake(sc.input, 0, null, 0, null)!;
    expect(w.basis).toBe('expected-value');
    const a = w.answers[0];
    expect(a.probability).toBeNull();
    expect(a.intake).not.toBeNull();
    expect(reachesByHorizon(a.intake!)).toBe(true);
    expect(reachesByHorizon(a.intake! - 1)).toBe(false);
  });
  it('Monte Carlo: at 50 % and 80 % the intake reaches it with that probability in a direct Monte Carlo, one post fewer does not', () => {
    const opts = { runs: 300, seed: 11, eventNoise: true };
    const plan = monteCarloSync(sc.input, opts).regions[0].reachedBy[11];
    const w = whatItWouldTake(sc.input, 0, opts, plan, null)!;
    expect(w.answers.map((a) => a.probability)).toEqual([0.5, 0.8]);
    const forward = (level: number) => monteCarloSync(hallandAt(level).input, opts).regions[0].reachedBy[11];
    for (const a of w.answers) {
      expect(a.alreadyReached).toBe(false);
      expect(forward(a.intake!)).toBeGreaterThanOrEqual(a.probability!);
      expect(forward(a.intake! - 1)).toBeLessThan(a.probability!);
    }
    expect(w.answers[1].intake!).toBeGreaterThanOrEqual(w.answers[0].intake!);
    // The earliest year at the bound is one a forward run at the bound reaches with that probability.
    const bound = monteCarloSync(hallandAt(w.intakeBound).input, opts).regions[0].reachedBy;
    for (const a of w.answers) {
      const t = a.earliestYear! - 2023;
      expect(bound[t]).toBeGreaterThanOrEqual(a.probability!);
      expect(t === 0 || bound[t - 1] < a.probability!).toBe(true);
    }
  });
  it('is null where the plan reaches the target, and rides on the JSON of every region', () => {
    const reached = loadScenarioFile(HALLAND, ['st.targetHeadcount=null', 'st.intake=60']);
    const out = withWhatItWouldTake(deterministicOutput(reached, 'test'), reached, null);
    expect(out.regions[0].reachedYear).not.toBeNull();
    expect(out.regions[0].whatItWouldTake).toBeNull();
    const plan = withWhatItWouldTake(deterministicOutput(sc, 'test'), sc, null);
    expect(plan.regions[0].whatItWouldTake!.coverage).toBeCloseTo(plan.regions[0].years[11].coverage!, 12);
  });
});

describe('part 3: feasibility against a hand-computed scenario', () => {
  // 100 specialists aged 40–49 (nobody retires by 2032), 50 trainees spread evenly over a 5-year
  // training, no dropout; the intake goes from 10 to 20 from 2025. By hand: the five starting
  // cohorts of 10 complete 2025–2029 while 20 start each year, so ST = 50, 60, 70, 80, 90, 100
  // (2024–2029) and stays at 100; completions 10 a year 2025–2029, then 20 (the 2025 cohort
  // qualifies at the end of 2030); at 2 trainees per specialist FTE the peak needs 50 supervisors.
  const YAML = [
    'name: Feasland', 'horizon: { start: 2024, end: 2032 }', 'countBasis: health-centres', 'population: { start: 100000, growth: 0 }',
    'specialists:', '  headcount: 100', '  ageBands: { "40-49": 1 }', '  retirement: { meanAge: 66, sd: 2 }', '  attrition: 0',
    'st:', '  headcount: 50', '  byTrainingYear: [0.2, 0.2, 0.2, 0.2, 0.2]', '  intake: 10', '  trainingLength: { 5: 1 }',
    '  dropout: 0', '  retention: 1', '  completionAge: 38', '  trainingCapacity: { maxTraineesPerSpecialistFte: 2 }', '',
  ].join('\n');
  const spec: SolveSpec = { lever: 'intake', region: 0, targetYear: 2032, probability: 0.5, fromYear: 2025, shape: { kind: 'constant' }, max: null };
  it('ST headcount per year, its peak against today, supervisors needed and completions', () => {
    const sc = parseScenario(YAML);
    const f = feasibility(inputAtLevel(sc.input, spec, currentSchedule(sc.input, spec))(20), 0);
    const close = (xs: (number | null)[], ys: (number | null)[]) => xs.forEach((x, i) => (ys[i] === null ? expect(x).toBeNull() : expect(x).toBeCloseTo(ys[i]!, 9)));
    close(f.years.map((y) => y.st), [50, 60, 70, 80, 90, 100, 100, 100, 100]);
    close(f.years.map((y) => y.completions), [null, 10, 10, 10, 10, 10, 20, 20, 20]);
    close(f.years.map((y) => y.supervisorsNeeded), [25, 30, 35, 40, 45, 50, 50, 50, 50]);
    expect([f.stToday, f.stPeakYear, f.traineesPerSpecialistFte, f.trainingCapacitySet]).toEqual([50, 2029, 2, true]);
    expect(f.stPeak).toBeCloseTo(100, 9);
    expect(f.stPeakRatio).toBeCloseTo(2, 9);
    expect(f.supervisorsNeededPeak).toBeCloseTo(50, 9);
    expect(f.completionsTotal).toBeCloseTo(110, 9);
  });
  it('without a training capacity: no supervisor count, and a plain warning in both languages', () => {
    const sc = parseScenario(YAML.replace('  trainingCapacity: { maxTraineesPerSpecialistFte: 2 }\n', '').replace('start: 100000', 'start: 200000'));
    const f = feasibility(sc.input, 0);
    expect([f.trainingCapacitySet, f.supervisorsNeededPeak, f.traineesPerSpecialistFte]).toEqual([false, null, null]);
    const w = whatItWouldTake(sc.input, 0, null, 0, null)!;
    expect(w.trainingCapacitySet).toBe(false);
    expect(texts('en').analysis.take.sentences(w).join(' ')).toMatch(/Warning: the scenario sets no training capacity \(st\.trainingCapacity\)/);
    expect(texts('sv').analysis.take.sentences(w).join(' ')).toMatch(/Varning: scenariot anger ingen utbildningskapacitet \(st\.trainingCapacity\)/);
  });
});

describe('part 5: the budget', () => {
  const sc = loadScenarioFile(HALLAND);
  const spec: SolveSpec = { lever: 'intake', region: 0, targetYear: 2034, probability: 0.5, fromYear: 2024, shape: { kind: 'constant' }, max: null };
  const current = currentSchedule(sc.input, spec);
  const maxCost = (level: number) => Math.max(...project(expectedRun(hallandAt(level).input), null).regions[0].block.subarray(F.costIncrease * 12 + 1, F.costIncrease * 12 + 12));
  it('the intake found keeps within the budget in every year, one post more breaks it (forward runs)', () => {
    const budget = 120e6;
    const b = solveBudget(inputAtLevel(sc.input, spec, current), 0, leverBounds(spec, current), budget)!;
    expect([b.feasible, b.atBound]).toEqual([true, false]);
    expect(maxCost(b.level)).toBeLessThanOrEqual(budget);
    expect(maxCost(b.level + 1)).toBeGreaterThan(budget);
    expect(b.cost.max).toBeCloseTo(maxCost(b.level), 3);
    // The other way round: the budget the level needs is its own largest yearly cost.
    expect(costPath(hallandAt(b.level).input, 0)!.max).toBeCloseTo(b.cost.max, 3);
  });
  it('solve --budget: JSON and text in both languages; a bad --budget is refused with a clear message', async () => {
    const common = ['--runs', '200', '--seed', '5', '--workers', '1'];
    const r = await cliInProcess(ROOT, 'solve', HALLAND, '--budget', '120', '--format', 'json', ...common);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.budget.mnkr).toBe(120);
    expect(j.budgetNeeded.value).toBeLessThanOrEqual(120e6);
    expect(j.budget.oneMore).toBeGreaterThan(120e6);
    expect(maxCost(j.level)).toBeLessThanOrEqual(120e6);
    expect(j.probabilityByTarget).toBeGreaterThanOrEqual(0);
    expect(j.feasibility.stPeak).toBeGreaterThan(0);
    const en = await cliInProcess(ROOT, 'solve', HALLAND, '--budget', '120', ...common);
    expect(squash(en.stdout)).toContain(squash(texts('en').analysis.solve.budgetAnswer(j)));
    expect(en.stdout).toMatch(/Feasibility \(expected-value projection\): ST trainees peak at/);
    const sv = await cliInProcess(ROOT, 'solve', HALLAND, '--budget', '120', '--lang', 'sv', ...common);
    expect(squash(sv.stdout)).toContain(squash(texts('sv').analysis.solve.budgetAnswer(j)));
    expect(sv.stdout).toMatch(/Genomförbarhet \(väntevärdesprojektion\)/);
    for (const bad of ['-5', '0', 'abc']) {
      const e = await cliInProcess(ROOT, 'solve', HALLAND, '--budget', bad, ...common);
      expect(e.code).toBe(2);
      expect(e.stderr).toMatch(/--budget (must be a number > 0|expects a number written with digits)/); // the shared number-option check (cli/options.ts)
      expect(e.stdout).toBe('');
    }
  });
  it('solve --target-year also prints the yearly budget its answer needs', async () => {
    const r = await cliInProcess(ROOT, 'solve', HALLAND, '--target-year', '2034', '--format', 'json', '--runs', '200', '--seed', '5', '--workers', '1');
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.budgetNeeded.value).toBeCloseTo(costPath(hallandAt(j.level).input, 0)!.max, 3);
  });
});

describe('sentences in the run table, both languages', () => {
  it('the deterministic table prints the catalogue sentences right under the verdict', () => {
    const sc = loadScenarioFile(HALLAND);
    const out = withWhatItWouldTake(deterministicOutput(sc, 'test'), sc, null);
    for (const lang of ['en', 'sv'] as const) {
      const loc = texts(lang);
      const text = squash(renderTable(out, loc));
      const sentences = loc.analysis.take.sentences(out.regions[0].whatItWouldTake!);
      const verdict = squash(loc.tables.reached({ reachedYear: null, sustainedFrom: null, endYear: 2034, norm: { specialist: 1100, st: 550 } }));
      expect(text).toContain(`${verdict} ${squash(sentences.join(' '))}`);
    }
  });
});

describe('part 2 with a training capacity that keeps the target out of reach', () => {
  it('says so, and gives the intake with the caps lifted, checked by forward runs', () => {
    const STOCKHOLM = scen('stockholm-handlingsplan.yaml');
    const sc = loadScenarioFile(STOCKHOLM);
    const w = whatItWouldTake(sc.input, 0, null, 0, null)!;
    expect(w.trainingCapacitySet).toBe(true);
    expect(w.answers[0].intake).toBeNull();
    const L = w.withoutCapacity!.intake;
    const years = Array.from({ length: 10 }, (_, i) => 2025 + i);
    const reaches = (level: number) => {
      const s = loadScenarioFile(STOCKHOLM, ['st.targetHeadcount=null', 'st.trainingCapacity=null', `st.intake={${years.map((y) => `${y}: ${level}`).join(', ')}}`]);
      return firstReached(project(expectedRun(s.input), null).regions[0].block, 11) >= 0;
    };
    expect(reaches(L)).toBe(true);
    expect(reaches(L - 1)).toBe(false);
    // The search with the caps lifted is counted too: it projects more levels than the capped one's bound.
    expect(w.simulations).toBeGreaterThan(2);
    const f = w.withoutCapacity!.feasibility;
    expect(f.traineesPerSpecialistFte).toBe(1); // counted by the scenario's own rule
    expect(f.supervisorsNeededPeak).toBeCloseTo(f.stPeak, 9);
    expect(texts('en').analysis.take.sentences(w).join(' ')).toContain(`Without the training capacity (expected-value projection) it would take ${texts('en').fmt.int(L)} ST posts a year`);
  });
});

describe('what it would take of several regions, computed while the Monte Carlo runs (issue 15)', () => {
  it('needs no Monte Carlo: the answers before it are the answers after it, and monteCarlo runs the work once', async () => {
    const { monteCarloOutput, takeNeedsMonteCarlo, whatItWouldTakeAnswers } = await import('../api/core.js');
    const sc = loadScenarioFile(scen('riket-2019.yaml'));
    expect(takeNeedsMonteCarlo(sc, true)).toBe(false);
    expect(takeNeedsMonteCarlo(loadScenarioFile(HALLAND), true)).toBe(true);
    let calls = 0;
    const before = whatItWouldTakeAnswers(sc, null, null);
    const { mc, out } = await monteCarloOutput(sc, { runs: 20, seed: 3, eventNoise: true }, 'test', { alongside: () => { calls++; } });
    expect(calls).toBe(1);
    expect(before.some((w) => w !== null)).toBe(true); // some county does not reach the target
    expect(whatItWouldTakeAnswers(sc, mc, out)).toEqual(before);
    expect(withWhatItWouldTake(out, sc, mc, before)).toEqual(withWhatItWouldTake(out, sc, mc));
  });
});
