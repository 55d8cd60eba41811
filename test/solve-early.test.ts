/**
 * The solver's search stops simulating a level's runs as soon as whether it reaches the
 * probability is certain (`LevelEvaluator.reaches`). That must never change the answer: on every
 * shipped scenario (its first region, target the horizon, 50 % and 80 %) the answer is the one of
 * the same search with every run of every level evaluated, and a direct Monte Carlo at the answer
 * reaches the probability while one post fewer does not.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../api/load.js';
import { monteCarloSync } from '../model/mc-run.js';
import { currentSchedule, earliestYear, inputAtLevel, leverBounds, LevelEvaluator, searchLever, type LeverBounds, type SolveSpec } from '../model/solve.js';
import { scenarioPath } from './helpers.js';

/** The search as it was before early stopping: every level's probability over all runs. */
function fullSearch(ev: LevelEvaluator, b: LeverBounds, T: number, p: number, guess: number | null): { feasible: boolean; level: number } {
  const kLo = Math.round(b.lo / b.step), kHi = Math.round(b.hi / b.step);
  const P = (k: number) => ev.reachedBy(k * b.step, T);
  const good = b.better === 1 ? kHi : kLo, bad = b.better === 1 ? kLo : kHi;
  const d = b.better;
  const g = Math.min(kHi, Math.max(kLo, guess === null ? good : Math.round(guess / b.step)));
  let s = Math.max(1, Math.round(Math.abs(g - bad) * 0.03));
  let okK: number, failK: number;
  if (P(g) >= p) {
    let ok = g;
    for (;;) {
      if (ok === bad) return { feasible: true, level: bad * b.step };
      const x = d === 1 ? Math.max(bad, ok - s) : Math.min(bad, ok + s);
      if (P(x) < p) { failK = x; okK = ok; break; }
      ok = x; s *= 2;
    }
  } else {
    let fail = g;
    for (;;) {
      if (fail === good) { earliestYear(ev.reachedByYear(good * b.step), p); return { feasible: false, level: good * b.step }; }
      const x = d === 1 ? Math.min(good, fail + s) : Math.max(good, fail - s);
      if (P(x) >= p) { okK = x; failK = fail; break; }
      fail = x; s *= 2;
    }
  }
  while (Math.abs(okK - failK) > 1) {
    const m = Math.round((failK + okK) / 2);
    if (P(m) >= p) okK = m; else failK = m;
  }
  return { feasible: true, level: okK * b.step };
}

const shipped = readdirSync(scenarioPath('')).filter((f) => f.endsWith('.yaml'));

describe('solve: early stopping gives the answer of the full evaluation', () => {
  let saved = 0;
  for (const file of shipped) {
    it(file, () => {
      const input = loadScenarioFile(scenarioPath(file), []).input;
      const end = input.endYear, T = end - input.startYear;
      const spec: SolveSpec = { lever: 'intake', region: 0, targetYear: end, probability: 0.5, fromYear: input.startYear + 1, shape: { kind: 'constant' }, max: null };
      const current = currentSchedule(input, spec);
      const inputAt = inputAtLevel(input, spec, current);
      const bounds = leverBounds(spec, current);
      const opts = { runs: 100, seed: 5, eventNoise: true };
      const g = searchLever(new LevelEvaluator(inputAt, 0, null, 1), bounds, T, 1);
      const guess = g.feasible ? g.level : null;
      for (const p of [0.5, 0.8]) {
        const early = new LevelEvaluator(inputAt, 0, opts, 1), full = new LevelEvaluator(inputAt, 0, opts, 1);
        const a = searchLever(early, bounds, T, p, guess);
        const f = fullSearch(full, bounds, T, p, guess);
        expect({ feasible: a.feasible, level: a.level }, `p ${p}`).toEqual(f);
        expect(early.simulations).toBeLessThanOrEqual(full.simulations);
        saved += full.simulations - early.simulations;
        if (a.feasible) {
          // A direct Monte Carlo of the region at the answer reaches p; one post fewer does not
          // (a fresh evaluator simulates every run at the one level asked: nothing inferred).
          const P = (level: number) => new LevelEvaluator(inputAt, 0, opts, 1).reachedByYear(level)[T];
          expect(P(a.level)).toBeGreaterThanOrEqual(p);
          expect(a.probability).toBe(P(a.level));
          if (a.level > bounds.lo) expect(P(a.level - 1)).toBeLessThan(p);
        }
      }
    });
  }
  it('and simulates fewer runs over the shipped scenarios', () => {
    expect(saved).toBeGreaterThan(0);
    // The direct check above agrees with the Monte Carlo itself (every region simulated) on one scenario.
    const input = loadScenarioFile(scenarioPath('halland.yaml'), []).input;
    const opts = { runs: 60, seed: 5, eventNoise: true }, T = input.endYear - input.startYear;
    expect(new LevelEvaluator(() => input, 0, opts, 1).reachedByYear(0)[T]).toBe(monteCarloSync(input, opts).regions[0].reachedBy[T]);
  });
});

describe('a search run stops at its first year reached (simulateRegion untilReached)', () => {
  // Stockholm without its training capacity: with it, no run reaches the target before the horizon.
  for (const [file, noise, sets] of [['halland.yaml', true, []], ['stockholm-handlingsplan.yaml', false, ['st.trainingCapacity=null']], ['riket-ageing.yaml', true, []]] as const) {
    it(`${file}: every run's first year reached is the full Monte Carlo's`, () => {
      const input = loadScenarioFile(scenarioPath(file), [...sets]).input;
      const spec: SolveSpec = { lever: 'intake', region: 0, targetYear: input.endYear, probability: 0.5, fromYear: input.startYear + 1, shape: { kind: 'constant' }, max: null };
      const current = currentSchedule(input, spec);
      const inputAt = inputAtLevel(input, spec, current);
      const bounds = leverBounds(spec, current);
      const opts = { runs: 80, seed: 11, eventNoise: noise };
      let early = 0;
      for (const level of [bounds.hi, Math.round(3 * current[1]), Math.round(current[1])]) {
        const got = new LevelEvaluator(inputAt, 0, opts, 1).firstReached(level);
        const want = monteCarloSync(inputAt(level), opts).regions[0].firstReached;
        expect(Array.from(got), `level ${level}`).toEqual(Array.from(want));
        early += Array.from(want).filter((t) => t >= 0 && t < input.endYear - input.startYear).length;
      }
      expect(early).toBeGreaterThan(0); // runs that stopped before the horizon were compared
    });
  }
});

describe('earliest years at a level: stopping early gives the answers of every run', () => {
  for (const file of ['halland.yaml', 'stockholm-handlingsplan.yaml', 'varmland.yaml']) {
    it(file, () => {
      const input = loadScenarioFile(scenarioPath(file), []).input;
      const spec: SolveSpec = { lever: 'intake', region: 0, targetYear: input.endYear, probability: 0.5, fromYear: input.startYear + 1, shape: { kind: 'constant' }, max: null };
      const current = currentSchedule(input, spec);
      const inputAt = inputAtLevel(input, spec, current);
      const bounds = leverBounds(spec, current);
      const opts = { runs: 150, seed: 3, eventNoise: true };
      const ps = [0.5, 0.8, 1, 0.01];
      let skipped = 0;
      for (const level of [bounds.hi, Math.round(2 * current[1]), Math.round(current[1])]) {
        const full = new LevelEvaluator(inputAt, 0, opts, 1);
        const want = ps.map((p) => earliestYear(full.reachedByYear(level), p));
        const early = new LevelEvaluator(inputAt, 0, opts, 1);
        expect(early.earliestYears(level, ps), `level ${level}`).toEqual(want);
        skipped += full.simulations - early.simulations;
        // Asked again (every run it needs known): the same, nothing more simulated.
        const n = early.simulations;
        expect(early.earliestYears(level, ps)).toEqual(want);
        expect(early.simulations).toBe(n);
        // With some runs already known from the search (here: whether each reaches 50 %).
        const mixed = new LevelEvaluator(inputAt, 0, opts, 1);
        mixed.reaches(level, input.endYear - input.startYear, 0.5);
        expect(mixed.earliestYears(level, ps)).toEqual(want);
      }
      expect(skipped).toBeGreaterThan(0);
    });
  }
});

describe('draws taken over from a Monte Carlo', () => {
  it('give every run the outcome of draws made by the evaluator itself; other keys are not taken over', () => {
    const input = loadScenarioFile(scenarioPath('halland.yaml'), []).input;
    const spec: SolveSpec = { lever: 'intake', region: 0, targetYear: input.endYear, probability: 0.5, fromYear: input.startYear + 1, shape: { kind: 'constant' }, max: null };
    const current = currentSchedule(input, spec);
    const inputAt = inputAtLevel(input, spec, current);
    const opts = { runs: 80, seed: 9, eventNoise: true };
    // The plan's own Monte Carlo, with more runs: its first 80 are these runs.
    const mc = monteCarloSync(input, { ...opts, runs: 120 });
    const level = Math.round(1.5 * current[1]);
    const own = new LevelEvaluator(inputAt, 0, opts, 1).firstReached(level);
    const adopted = new LevelEvaluator(inputAt, 0, opts, 1);
    adopted.adoptDraws(mc.paramKeys, mc.params);
    expect(Array.from(adopted.firstReached(level))).toEqual(Array.from(own));
    // Draws of other parameters are ignored (the evaluator draws its own).
    const other = new LevelEvaluator(inputAt, 0, opts, 1);
    other.adoptDraws(['x', ...mc.paramKeys.slice(1)], new Float64Array(mc.params.length).fill(0.5));
    expect(Array.from(other.firstReached(level))).toEqual(Array.from(own));
  });
});
