/**
 * What the sentences about reaching the target are made of: language-neutral facts that every
 * catalogue turns into words.
 */
import type { McRegionOutput } from '../../model/mcresults.js';
import type { Feasibility, Lever, Shape } from '../../model/solve.js';
import type { PriceBase } from '../../model/results.js';

/** The norm pair named in sentences, or null when norms vary (then "the norm" is written). */
export interface NormPair {
  specialist: number;
  st: number;
}

/** First year reached, first year of the final unbroken run, and the horizon. */
export interface ReachedInfo {
  reachedYear: number | null;
  sustainedFrom: number | null;
  endYear: number;
  norm: NormPair | null;
}

/** Monte Carlo summary of the first year a target is reached (for the sentences under a table). */
export interface McReachedInfo {
  /** Median first year reached; null: the median run does not reach it by the horizon. */
  median: number | null;
  /** 10th and 90th percentile of the first year reached; null: not by the horizon. */
  p10: number | null;
  p90: number | null;
  /** Share of runs that have reached it by the horizon. */
  probability: number | null | undefined;
  /** Share of runs in which it holds in the last year (main rule only; undefined when unknown). */
  holdsAtEnd?: number;
  endYear: number;
  norm: NormPair | null;
}

/** One scenario (B) against the first (A), for the headline of a report with several scenarios. */
export interface CompareHeadlineInfo {
  /** Labels: `A`, `B`. */
  a: string;
  b: string;
  /** The norm pair both scenarios hold throughout, or null ("the target"). */
  norm: NormPair | null;
  /** Median first year reached (null: not by that scenario's horizon) and the horizons. */
  yearA: number | null;
  yearB: number | null;
  endA: number;
  endB: number;
  /** Shares of runs reaching it by each scenario's horizon. */
  probA: number | null;
  probB: number | null;
  /** The common horizon end, or null when the horizons differ. */
  end: number | null;
  /** Accumulated extra cost B − A in the last year (kronor, difference of the medians); null without costs. */
  costDiff: number | null;
  /** Peak ST headcount and peak extra cost per year (kronor) of the median path, with their years. */
  peakStA?: { value: number; year: number } | null;
  peakStB?: { value: number; year: number } | null;
  peakCostA?: { value: number; year: number } | null;
  peakCostB?: { value: number; year: number } | null;
}

/** `median 2032; 80 %-intervall 2030 – inte till och med 2034; sannolikhet till och med 2034: 58 %` */
/** The reached facts of a Monte Carlo region (main rule, or the specialists-only view) for the sentences. */
export function mcReachedInfo(
  r: { years: { year: number }[]; reachedYear: number | null; reachedYearInterval80?: { p10: number | null; p90: number | null }; probabilityReachedBy?: Record<string, number>; probabilityHolds?: Record<string, number>;
       reachedYearSpecialistsOnly?: number | null; specialistsOnly?: { median: number | null; p10: number | null; p90: number | null; probabilityBy?: Record<string, number> } },
  fallbackEnd: number, norm: NormPair | null, view: 'main' | 'specialistsOnly' = 'main',
): McReachedInfo {
  const endYear = r.years.length ? r.years[r.years.length - 1].year : fallbackEnd;
  if (view === 'specialistsOnly') {
    const so = r.specialistsOnly;
    return { median: so ? so.median : r.reachedYearSpecialistsOnly ?? null, p10: so?.p10 ?? null, p90: so?.p90 ?? null, probability: so?.probabilityBy?.[String(endYear)], endYear, norm };
  }
  return { median: r.reachedYear, p10: r.reachedYearInterval80?.p10 ?? null, p90: r.reachedYearInterval80?.p90 ?? null, probability: r.probabilityReachedBy?.[String(endYear)], holdsAtEnd: r.probabilityHolds?.[String(endYear)], endYear, norm };
}

/**
 * True when the median run reaches the target but fewer than half of the runs still meet it in the
 * last year (an interim norm met at the start and then lost): the sentences must say so, as the
 * deterministic "reached … but does not hold" does.
 */
export function reachedButLost(r: McReachedInfo): boolean {
  return r.median !== null && r.holdsAtEnd !== undefined && r.holdsAtEnd < 0.5;
}

/** What `solve` found, for its text (`viz/solvetext.ts`). */
/** The headline measure beside solve's answer: median inhabitants per doctor equivalent and coverage. */
export interface SolveHeadline {
  targetYear: number;
  horizon: number;
  /** At the solved level, in the target year and the last year; the plan as written in the last year. */
  solvedTarget: { perDoctorEquivalent: number | null; coverage: number | null };
  solvedHorizon: { perDoctorEquivalent: number | null; coverage: number | null };
  plan: { perDoctorEquivalent: number | null; coverage: number | null };
}

export interface SolveReport {
  scenario: string;
  region: string;
  lever: Lever;
  shape: Shape;
  fromYear: number;
  targetYear: number;
  probability: number;
  max: number | null;
  feasible: boolean;
  /** The solved level (or the bound, when not feasible). */
  level: number;
  schedule: { year: number; value: number | null; asWritten: number | null }[] | null;
  asWrittenValue: number | null;
  result: McRegionOutput;
  base: McRegionOutput;
  probabilityByTarget: number;
  baseProbabilityByTarget: number;
  earliestYearAtBound: number | null;
  costs: { year: number; solved: number; asWritten: number }[];
  cumulativeCost: { solved: number; asWritten: number };
  specialists: { targetYear: number; horizon: number; asWrittenHorizon: number };
  unfilledByCap: number;
  /** ST headcount, supervisors and completions at the answer (expected-value projection). */
  feasibility: Feasibility;
  /** The yearly budget the answer needs: its largest cost above the base year (expected-value projection), kr. */
  budgetNeeded: { value: number; year: number } | null;
  /** The price base of the region's costs (null: no costs): the cost sentences name it. */
  priceBase: PriceBase | null;
  /** With --budget: the budget (mnkr a year), whether any level keeps within it, whether it binds, and the largest yearly cost one step more would have (kr). */
  budget: { mnkr: number; feasible: boolean; atBound: boolean; oneMore: number | null } | null;
  /** Levels evaluated, and single-region runs simulated for them. */
  evaluations: number;
  simulations: number;
  monotoneViolations: number;
  runs: number;
  seed: number;
  eventNoise: boolean;
  version: string;
  horizon: number;
}
