/**
 * What it would take (issue 10, part 2): beside a verdict that the target is not reached by the
 * horizon, how far the plan gets and the constant ST intake from the year after the base year
 * that reaches it — at 50 % and 80 % in a Monte Carlo, in the expected-value projection
 * otherwise — the earliest year reachable at the most intake the scenario's training capacity
 * lets in, and the extra cost and feasibility of each. Pure; the search is `solve`'s own
 * (`model/solve.ts`: `searchLever` on a `LevelEvaluator`).
 */
import { costPath, currentSchedule, feasibility, inputAtLevel, leverBounds, LevelEvaluator, searchLever, withoutTrainingCaps, type Feasibility, type SolveSpec } from './solve.js';
import { levelsFrom } from './solve-search.js';
import { findUncertain } from './draws.js';
import type { LevelRunner } from './level-runs.js';
import type { McOptions } from './montecarlo.js';
import type { ModelInput } from './types.js';

/** The probabilities a Monte Carlo answers for. */
export const TAKE_PROBABILITIES = [0.5, 0.8] as const;

export interface TakeCost {
  /** Largest yearly cost above the base year (the yearly budget it needs), kr, and its year. */
  budgetNeeded: number;
  budgetNeededYear: number;
  /** Accumulated cost over the horizon above the plan as written's, kr. */
  cumulativeVsPlan: number;
}

export interface TakeAnswer {
  /** The probability asked for; null: the expected-value projection. */
  probability: number | null;
  /** The plan as written already reaches it by the horizon with this probability. */
  alreadyReached: boolean;
  /** Constant ST intake (posts a year) from `fromYear` reaching the target by the horizon; null: not within the bound. */
  intake: number | null;
  /** Extra cost at that intake (expected-value projection); null without costs or without an intake. */
  intakeCost: TakeCost | null;
  /** ST headcount, supervisors and completions at that intake (expected-value projection). */
  feasibility: Feasibility | null;
  /** Earliest year reached with this probability at `intakeBound` (the most the training capacity lets in); null: not by the horizon. */
  earliestYear: number | null;
}

export interface WhatItWouldTake {
  /** How the probabilities were found: the expected-value projection, or the Monte Carlo's runs. */
  basis: 'expected-value' | 'monte-carlo';
  /** Monte Carlo runs the probabilities are shares of (null: expected values). */
  runs: number | null;
  horizon: number;
  fromYear: number;
  /** Coverage (capacity ÷ population to cover) in the horizon year under the plan (median in a Monte Carlo). */
  coverage: number | null;
  /** Inhabitants per doctor equivalent in the horizon year under the plan (the headline measure; median in a Monte Carlo). */
  inhabitantsPerDoctorEquivalent: number | null;
  /** P(reached by the horizon) under the plan (0 or 1 for the expected-value projection). */
  probabilityByHorizon: number;
  /** The plan's own ST posts in `fromYear` (expected-value run). */
  planIntake: number;
  /**
   * The largest intake searched, at which the earliest years are found: posts beyond the training
   * capacity are not filled, so with a capacity this is "fill every place it allows"; without
   * one, 50× the plan's posts (on paper only).
   */
  intakeBound: number;
  /** Extra cost at that bound (expected-value projection): the cost of the earliest years. */
  boundCost: TakeCost | null;
  /** The scenario sets a training capacity (trainees per specialist FTE or a maximum total). */
  trainingCapacitySet: boolean;
  answers: TakeAnswer[];
  /**
   * When the training capacity keeps some answer out of reach: what the expected-value projection
   * would need with the caps lifted — the intake, its ST headcount and supervisors (counted by the
   * scenario's rule) and its cost; null otherwise or when even that does not reach it.
   */
  withoutCapacity: { intake: number; feasibility: Feasibility; cost: TakeCost | null } | null;
  /** Single-region simulations the search needed (for the record: cost of the answer). */
  simulations: number;
}

/** The input with region `region` alone (no total). */
const regionAlone = (input: ModelInput, region: number): ModelInput => {
  const regions = [input.regions[region]];
  return { ...input, regions, total: null, uncertain: findUncertain(regions) };
};

const take = (c: ReturnType<typeof costPath>, plan: ReturnType<typeof costPath>): TakeCost | null =>
  c && plan ? { budgetNeeded: c.max, budgetNeededYear: c.maxYear, cumulativeVsPlan: c.cumulative - plan.cumulative } : null;

/** The plan's Monte Carlo's parameter draws (`McResult.paramKeys`, `.params`), same seed: used for the search's runs when its parameters are the same. */
export interface TakeDraws { keys: readonly string[]; params: Float64Array }

/**
 * Part 2 for region `region`, or null when the plan reaches the target by the horizon with every
 * probability asked for. `opts`: the Monte Carlo's settings (null: expected values);
 * `probabilityByHorizon`, `coverage` and `perDoctorEquivalent`: the plan's own, from the run already made.
 * `runner`: the Monte Carlo search's runs simulated on several threads (model/level-runs.ts; the
 * same answer and the same `simulations` as without).
 */
export function whatItWouldTake(input: ModelInput, region: number, opts: McOptions | null, probabilityByHorizon: number, coverage: number | null, perDoctorEquivalent: number | null = null, draws: TakeDraws | null = null, runner: LevelRunner | null = null): WhatItWouldTake | null {
  const probabilities: (number | null)[] = opts ? [...TAKE_PROBABILITIES] : [null];
  if (probabilities.every((p) => probabilityByHorizon >= (p ?? 1))) return null;
  // Expected values: the region alone (regions do not interact in a projection), so each of the
  // search's runs and projections resolves and simulates one region, not all of them.
  if (!opts && input.regions.length > 1) return whatItWouldTake(regionAlone(input, region), 0, null, probabilityByHorizon, coverage, perDoctorEquivalent);
  const start = input.startYear, end = input.endYear, T = end - start;
  const spec: SolveSpec = { lever: 'intake', region, targetYear: end, probability: 0.5, fromYear: start + 1, shape: { kind: 'constant' }, max: null };
  const current = currentSchedule(input, spec);
  const bounds = leverBounds(spec, current);
  // Each level's expected-value run made from the plan's, resolving only the intake again.
  const inputAt = levelsFrom(input, inputAtLevel(input, spec, current));
  const det = new LevelEvaluator(inputAt, region, null, 1);
  const ev = opts ? new LevelEvaluator(inputAt, region, opts, 1, runner) : det;
  if (draws && ev !== det) ev.adoptDraws(draws.keys, draws.params);
  const planCost = costPath(input, region);
  const costAt = (level: number) => take(costPath(inputAt(level), region), planCost);
  // The expected-value answers guide the Monte Carlo's search (a first bracket), nothing more.
  const g = searchLever(det, bounds, T, 1);
  const guessHorizon = g.feasible ? g.level : null;
  // At the bound first: the earliest year reached with each probability, its runs simulated only
  // until every answer is certain (a run known to miss the target there never needs simulating
  // again; one known to reach it by the horizon decides the levels above).
  const earliest = ev.earliestYears(bounds.hi, probabilities.map((p) => p ?? 1));
  const answers: TakeAnswer[] = [];
  probabilities.forEach((p, i) => {
    const q = p ?? 1;
    const answer: TakeAnswer = { probability: p, alreadyReached: probabilityByHorizon >= q, intake: null, intakeCost: null, feasibility: null, earliestYear: null };
    if (!answer.alreadyReached) {
      // Each level's runs simulated only until whether it reaches q is certain (as in `solve`).
      const a = searchLever(ev, bounds, T, q, guessHorizon);
      if (a.feasible) {
        answer.intake = a.level;
        answer.intakeCost = costAt(a.level);
        answer.feasibility = feasibility(inputAt(a.level), region);
      }
    }
    if (earliest[i] >= 0) answer.earliestYear = start + earliest[i];
    answers.push(answer);
  });
  let withoutCapacity: WhatItWouldTake['withoutCapacity'] = null;
  let liftedSimulations = 0;
  const capacitySet = feasibility(input, region).trainingCapacitySet;
  if (capacitySet && answers.some((a) => !a.alreadyReached && a.intake === null)) {
    const lifted = withoutTrainingCaps(input, region);
    const liftedAt = levelsFrom(lifted, inputAtLevel(lifted, spec, current));
    const liftedEv = new LevelEvaluator(liftedAt, region, null, 1);
    const a = searchLever(liftedEv, bounds, T, 1);
    liftedSimulations = liftedEv.simulations;
    if (a.feasible) withoutCapacity = { intake: a.level, feasibility: feasibility(liftedAt(a.level), region, input), cost: take(costPath(liftedAt(a.level), region), planCost) };
  }
  return {
    basis: opts ? 'monte-carlo' : 'expected-value',
    runs: opts ? opts.runs : null,
    horizon: end,
    fromYear: spec.fromYear,
    coverage,
    inhabitantsPerDoctorEquivalent: perDoctorEquivalent,
    probabilityByHorizon,
    planIntake: current[1],
    intakeBound: bounds.hi,
    boundCost: costAt(bounds.hi),
    trainingCapacitySet: capacitySet,
    answers,
    withoutCapacity,
    simulations: ev.simulations + (ev === det ? 0 : det.simulations) + liftedSimulations,
  };
}
