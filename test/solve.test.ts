/** The solver: search logic on known functions, and its answer checked by direct forward runs. */
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../api/load.js';
import { bisect, earliestYear, schedule, withLever, type SolveSpec } from '../model/solve.js';
import { cli as spawnCli, cliInProcess, ROOT, scenarioPath as scen } from './helpers.js';
import type { SolveReport } from '../viz/texts/info.js';
import { texts } from '../viz/texts/index.js';

/** stdout of the CLI's `main` in-process, which must exit 0 (as execFileSync demanded). */
async function cli(args: string[]): Promise<string> {
  const r = await cliInProcess(ROOT, ...args);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

const spec = (over: Partial<SolveSpec> = {}): SolveSpec => ({ lever: 'intake', region: 0, targetYear: 2030, probability: 0.5, fromYear: 2025, shape: { kind: 'constant' }, max: null, ...over });

describe('search logic', () => {
  it('bisection finds the smallest integer level of a monotone probability', async () => {
    for (const threshold of [0, 1, 17, 63, 64, 100]) {
      const f = (x: number) => ({ level: x, probability: x >= threshold ? 0.9 : 0.1, reachedBy: [] });
      const r = bisect(f, 0, 100, 0.5, 1, 1);
      expect(r.feasible).toBe(true);
      expect(r.best!.level).toBe(threshold);
      expect(r.evaluations.length).toBeLessThanOrEqual(10);
    }
  });
  it('reports infeasible at the bound, and searches downwards for attrition', async () => {
    const f = (x: number) => ({ level: x, probability: x / 200, reachedBy: [] });
    const r = bisect(f, 0, 50, 0.5, 1, 1);
    expect([r.feasible, r.atBound!.level]).toEqual([false, 50]);
    const g = (x: number) => ({ level: x, probability: x <= 0.02 ? 0.8 : 0.2, reachedBy: [] });
    const a = bisect(g, 0, 0.5, 0.5, 0.0005, -1);
    expect(a.best!.level).toBeCloseTo(0.02, 10);
  });
  it('schedules: constant from a year, or a ramp of at most maxStep a year from the current level', () => {
    const cur = [NaN, 20, 20, 20, 20, 20];
    expect(schedule(30, cur, 2024, spec({ fromYear: 2026 }))).toEqual([NaN, 20, 30, 30, 30, 30]);
    expect(schedule(33, cur, 2024, spec({ fromYear: 2025, shape: { kind: 'ramp', maxStep: 5 } }))).toEqual([NaN, 25, 30, 33, 33, 33]);
    expect(earliestYear([0, 0.2, 0.6, 0.9], 0.5)).toBe(2);
    expect(earliestYear([0, 0.2], 0.5)).toBe(-1);
  });
  it('setting a lever never mutates the input', () => {
    const sc = loadScenarioFile(scen('stockholm-handlingsplan.yaml'));
    const before = JSON.stringify(sc.input);
    const changed = withLever(sc.input, spec(), new Array(11).fill(200));
    withLever(sc.input, spec({ lever: 'retention' }), 0.95);
    expect(JSON.stringify(sc.input)).toBe(before);
    expect(changed.regions[0].st.target).toBeNull();
    expect(changed.regions[0].st.intake!.base).toEqual(new Array(11).fill(200));
  });
});

describe('solve, checked against direct forward runs', () => {
  const common = ['--runs', '300', '--seed', '11', '--workers', '1'];
  it('Halland by 2032 at 50 %: the returned intake reaches it in a forward run, one post fewer does not', async () => {
    const r = JSON.parse(await cli(['solve', scen('halland.yaml'), '--target-year', '2032', '--format', 'json', ...common]));
    expect(r.feasible).toBe(true);
    const table = (level: number) => `{${r.schedule.filter((s: { value: number | null }) => s.value !== null).map((s: { year: number }) => `${s.year}: ${level}`).join(', ')}}`;
    const forward = async (level: number) => JSON.parse(await cli(['run', scen('halland.yaml'), '--set', 'st.targetHeadcount=null', '--set', `st.intake=${table(level)}`, '--format', 'json', ...common])).regions[0].probabilityReachedBy['2032'];
    expect(await forward(r.level)).toBeCloseTo(r.probabilityByTarget, 12);
    expect(await forward(r.level)).toBeGreaterThanOrEqual(0.5);
    expect(await forward(r.level - 1)).toBeLessThan(0.5);
  });
  it('with a cap that cannot reach the target it says so and gives the earliest year at the cap', async () => {
    const r = JSON.parse(await cli(['solve', scen('halland.yaml'), '--target-year', '2028', '--max-intake', '30', '--format', 'json', ...common]));
    expect(r.feasible).toBe(false);
    expect(r.level).toBe(30);
    expect(r.probabilityByTarget).toBeLessThan(0.5);
    // End to end: the built CLI.
    const e2e = await spawnCli(ROOT, 'solve', scen('halland.yaml'), '--target-year', '2028', '--max-intake', '30', ...common);
    expect(e2e.code, e2e.stderr).toBe(0);
    const text = e2e.stdout;
    expect(text).toMatch(/not reachable with 30 posts a year/);
  });
});

describe('solve texts: one post, one level', () => {
  it('say "1 post" and "1 level" (sv: "1 tjänst", "1 nivå"), plural otherwise', () => {
    const r = { unfilledByCap: 1.2, evaluations: 1, runs: 2000, seed: 7, simulations: 2000, eventNoise: true, version: 'x' } as unknown as SolveReport;
    const en = texts('en').analysis.solve, sv = texts('sv').analysis.solve;
    expect(en.unfilledByCap(r)).toContain('on average 1 post in all');
    expect(sv.unfilledByCap(r)).toContain('i genomsnitt 1 tjänst totalt');
    expect(en.method(r)).toContain('bisection over 1 level on');
    expect(sv.method(r)).toContain('bisektion över 1 nivå på');
    const many = { ...r, unfilledByCap: 76625, evaluations: 12 } as SolveReport;
    expect(en.unfilledByCap(many)).toContain('76,625 posts');
    expect(sv.unfilledByCap(many)).toContain('76 625 tjänster');
    expect(en.method(many)).toContain('over 12 levels');
    expect(sv.method(many)).toContain('över 12 nivåer');
  });
});

describe('solve texts: not reachable without a cap', () => {
  it('say that the level is the limit of the search, and that the training capacity fills only part of it, sv and en', () => {
    const r = { feasible: false, level: 7897, max: null, lever: 'intake', unfilledByCap: 76625, targetYear: 2034, horizon: 2034, probabilityByTarget: 0, probability: 0.8, earliestYearAtBound: null, schedule: [], shape: { kind: 'constant' }, fromYear: 2025 } as unknown as SolveReport;
    const en = texts('en').analysis.solve, sv = texts('sv').analysis.solve;
    expect(en.answer(r)).toBe("Answer: not reachable with 7,897 posts a year (the limit of the search: no cap was given; the scenario's training capacity fills only part of those posts, see below): the probability by 2034 is 0%. At that level the target is reached with 80% probability not by 2034.");
    expect(sv.answer(r)).toContain('går inte att nå med 7 897 tjänster per år (sökningens gräns: inget tak angavs; scenariots utbildningskapacitet räcker bara till en del av tjänsterna, se nedan):');
    // A cap the user gave: as before.
    const capped = { ...r, level: 30, max: 30, unfilledByCap: 0 } as SolveReport;
    expect(en.answer(capped)).toMatch(/^Answer: not reachable with 30 posts a year: the probability/);
    expect(sv.answer(capped)).toMatch(/^Svar: går inte att nå med 30 tjänster per år: sannolikheten/);
    // No cap, every post filled: the limit only.
    expect(en.answer({ ...r, unfilledByCap: 0 } as SolveReport)).toContain('7,897 posts a year (the limit of the search: no cap was given):');
  });
});

describe('solve --budget: the plan beside the budget', () => {
  it('says what the plan as written costs at its peak, that it is over the budget, and that the budget is not on top of the plan; sv and en', async () => {
    const common = ['--runs', '200', '--seed', '3'];
    const stockholm = scen('stockholm-handlingsplan.yaml');
    const j = JSON.parse((await cliInProcess(ROOT, 'solve', stockholm, '--budget', '300', '--format', 'json', ...common)).stdout) as SolveReport;
    const peak = j.costs.reduce((a, c) => (c.asWritten > a.asWritten ? c : a));
    expect(peak.asWritten).toBeGreaterThan(300e6); // the plan itself costs more than 300 mnkr a year by its end
    const squash = (s: string) => s.replace(/\s+/g, ' ');
    const en = squash((await cliInProcess(ROOT, 'solve', stockholm, '--budget', '300', ...common)).stdout);
    expect(en).toContain(`The plan as written costs up to ${texts('en').fmt.mkr(peak.asWritten)} a year above the base year (${peak.year}, median): more than this budget, so the answer buys less than the plan. The budget is the whole cost above the base year, not an addition to the plan.`);
    const sv = squash((await cliInProcess(ROOT, 'solve', stockholm, '--budget', '300', '--lang', 'sv', ...common)).stdout);
    expect(sv).toContain(`Planen som den är skriven kostar upp till ${texts('sv').fmt.mkr(peak.asWritten)} per år mot basåret (${peak.year}, median): mer än den här budgeten`);
    // A budget above the plan's peak: the sentence without "more than this budget".
    const big = squash((await cliInProcess(ROOT, 'solve', stockholm, '--budget', '5000', ...common)).stdout);
    expect(big).toContain('The plan as written costs up to');
    expect(big).not.toContain('more than this budget');
    expect(texts('en').analysis.solve.budgetVsPlan({ value: -1e6, year: 2020 }, 300)).toContain('never costs more than the base year');
  }, 120_000);

  it('names the price base of its cost figures (fixed prices of the base year, or the wage growth), sv and en', async () => {
    const common = ['--runs', '200', '--seed', '3'];
    const halland = scen('halland.yaml');
    const squash = (s: string) => s.replace(/\s+/g, ' ');
    const j = JSON.parse((await cliInProcess(ROOT, 'solve', halland, '--budget', '300', '--format', 'json', ...common)).stdout) as SolveReport;
    expect(j.priceBase).toEqual({ year: 2023, wageGrowth: 0 });
    const en = squash((await cliInProcess(ROOT, 'solve', halland, '--budget', '300', ...common)).stdout);
    expect(en).toContain('(expected-value projection, fixed 2023 prices), and when 1100/550 is then reached.');
    expect(en).not.toContain("the scenario's prices");
    const sv = squash((await cliInProcess(ROOT, 'solve', halland, '--budget', '300', '--lang', 'sv', ...common)).stdout);
    expect(sv).toContain('(väntevärdesprojektion, fasta priser 2023), och när 1100/550 då nås.');
    // With wage growth the sentence says so.
    const grow = squash((await cliInProcess(ROOT, 'solve', halland, '--target-year', '2030', '--set', 'costs.wageGrowth=0.02', ...common)).stdout);
    expect(grow).toContain('2023 prices with wage growth 2.0% a year from 2023');
  }, 120_000);
});

describe('what it would take: the supervisors sentence', () => {
  it('says the specialist FTE it compares with are those at that intake, not the plan\'s (the table shows the plan\'s)', async () => {
    const squash = (s: string) => s.replace(/\s+/g, ' ');
    const en = squash((await cliInProcess(ROOT, 'run', scen('stockholm-handlingsplan.yaml'))).stdout);
    expect(en).toMatch(/specialist FTE as supervisors at [\d.]+ trainees each against [\d,]+ specialist FTE that year at that intake/);
    const sv = squash((await cliInProcess(ROOT, 'run', scen('stockholm-handlingsplan.yaml'), '--lang', 'sv')).stdout);
    expect(sv).toMatch(/mot [\d\s]+ specialistheltider det året med det intaget/);
  }, 60_000);
});
