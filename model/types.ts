/**
 * The engine's input and output types. The scenario layer (`scenario/`) turns a YAML file into a
 * `ModelInput`; `params.ts` turns a `ModelInput` into one concrete `RunConfig` per run (expected
 * values, or draws); `engine.ts` runs a `RunConfig`. All of it is plain data: it can be
 * structured-cloned to worker threads.
 *
 * Year arrays are indexed by `year - startYear`, index 0 being the base (start) year whose
 * stocks are given by the scenario. Flows in the base year are not modelled (NaN).
 */
import type { Dist, Domain } from './dist.js';

/** A scalar parameter: a distribution, drawn once per run. */
export interface ScalarParam {
  /** Where it was declared, e.g. `specialists.attrition` or `regions[Skåne].st.dropout`; names its random stream. */
  key: string;
  dist: Dist;
  domain: Domain;
}

/** A per-year series (index = year − startYear) with optional whole-path uncertainty. */
export interface SeriesParam {
  key: string;
  /** Base values per year; NaN where the series does not apply (e.g. the base year of an intake). */
  base: number[];
  /** Whole-path multiplier (drawn once per run; mean used in the deterministic run). */
  multiplier: ScalarParam | null;
  /** Random walk: relative (log scale, for counts) or additive (for rates), sd per year. */
  walk: { sd: number; mode: 'relative' | 'additive' } | null;
  domain: Domain;
}

export type Schedule = number[]; // per year

/**
 * A lever that may change over time (issue 12): one value for the whole horizon (a scalar
 * parameter, with its own random stream as before) or a per-year series (a step schedule, a table
 * or a formula, with a whole-path multiplier or random walk as uncertainty). Resolved to one value
 * per year.
 */
export type LeverParam = ScalarParam | SeriesParam;
export const isSeriesParam = (p: LeverParam): p is SeriesParam => 'base' in p;

/** One age group of the population: [lo, hi] in whole years (hi = Infinity for an open band like 80+). */
export interface AgeGroupInput {
  label: string;
  lo: number;
  hi: number;
  /** Inhabitants per year (index year − startYear); NaN where `growth` applies to the year before. */
  table: number[];
  growth: SeriesParam;
}

/** A care-need weight band: the weight applies to every population group inside [lo, hi]. */
export interface WeightBandInput {
  label: string;
  lo: number;
  hi: number;
  weight: LeverParam;
}

/**
 * Population by age group and care need by age (issue 12). The need-weighted population is
 * Σ_g inhabitants_g × weight of g's band. With `referenceMix` (shares of a reference population —
 * the national age mix — per weight band), the weights are divided by Σ_b mix_b × weight_b in the
 * start year, so that the reference mix has weight exactly 1 (the riktvärde's "mixed population").
 */
export interface DemandInput {
  groups: AgeGroupInput[];
  bands: WeightBandInput[];
  /** Band index of each population group. */
  bandOf: number[];
  referenceMix: number[] | null;
}

export type ListableRule = { lastYears: number } | { share: number };

export type Retirement =
  | { kind: 'normal'; meanAge: ScalarParam; sd: ScalarParam }
  | { kind: 'table'; hazardByAge: number[] }; // indexed by age − MIN_AGE

export interface OtherGroupInput {
  name: string;
  headcount: ScalarParam;
  fte: ScalarParam;
  attrition: ScalarParam;
  recruitment: SeriesParam;
  norm: SeriesParam;
  salaryPerMonth: ScalarParam | null;
  /** Ages the group may serve (e.g. paediatricians 0–17), or null: everyone. Needs `demand`. */
  ageRange: { lo: number; hi: number } | null;
}

export interface CostInput {
  priceBaseYear: number;
  wageGrowth: ScalarParam;
  employerContributions: ScalarParam;
  overheadPerEmployee: ScalarParam;
  salarySpecialist: ScalarParam;
  salarySt: ScalarParam;
  stTrainingCost: ScalarParam;
}

export interface TrainingCapacityInput {
  /** Max ST trainees per specialist FTE (supervisors), or null. */
  perSpecialistFte: ScalarParam | null;
  /** Max total ST headcount per year, or null. */
  maxTotal: SeriesParam | null;
  /** Supervision hours per week per trainee, taken from specialist capacity. */
  supervisionHoursPerWeek: ScalarParam | null;
  /** Hours per week of one FTE, to convert supervision hours into FTE. */
  hoursPerFte: number;
}

export interface RegionInput {
  name: string;
  population: { table: number[]; growth: SeriesParam };
  /** Population by age and care need by age, or null: the total alone (weight 1). */
  demand: DemandInput | null;
  coverageShare: LeverParam;
  careNeedIndex: LeverParam;
  normSpecialist: SeriesParam;
  normSt: SeriesParam;
  specialists: {
    headcount: ScalarParam;
    /** Share of headcount by single-year age, index age − MIN_AGE; sums to 1. */
    ageShares: number[];
    retirement: Retirement;
    attrition: LeverParam;
    recruitment: SeriesParam;
    recruitmentAge: ScalarParam;
    fte: LeverParam;
    /** A plan path: target headcount per year; recruitment is then what the path needs. */
    target: SeriesParam | null;
    /** With a path: at most this many recruited per year, or null (no limit). */
    recruitmentMax: SeriesParam | null;
  };
  st: {
    headcount: ScalarParam;
    /** Share of trainees in training year 1, 2, … at the base year; sums to 1. */
    byTrainingYear: number[];
    /** No split given: the steady state of a constant intake with dropout, recomputed with each run's dropout. */
    steadyState?: boolean;
    /** Either an intake (advertised posts per year) or a target headcount per year. */
    intake: SeriesParam | null;
    target: SeriesParam | null;
    /** A plan path: ST completions per year; the intake follows a training length earlier. */
    targetCompletions: SeriesParam | null;
    /** Training lengths in calendar years and their probabilities. */
    lengths: number[];
    lengthProbs: number[];
    dropout: LeverParam;
    retention: LeverParam;
    fillRate: ScalarParam;
    fte: LeverParam;
    completionAge: ScalarParam;
    /** The listable-ST rule per year (index year − startYear); the same object while it does not change. */
    listable: ListableRule[];
    capacity: TrainingCapacityInput | null;
  };
  others: OtherGroupInput[];
  costs: CostInput | null;
}

export interface Correlation { a: string; b: string; rho: number }

export interface ModelInput {
  startYear: number;
  endYear: number;
  regions: RegionInput[];
  /** Name of the summed total, or null for a single region. */
  total: string | null;
  correlations: Correlation[];
  /**
   * Every uncertain scalar parameter (drawn once per run from its own stream), one per key, in key
   * order: found once when the input is built (`findUncertain`), read by the draws, the sensitivity
   * analysis and the outputs. A transform that fixes or replaces parameters updates it.
   */
  uncertain: ScalarParam[];
}

// ---------------------------------------------------------------------------------------------
// One run, all parameters concrete.

export interface RegionRun {
  name: string;
  population: Float64Array;
  /** Need-weighted population per year: Σ inhabitants × care-need weight by age; the population itself without age groups. */
  needWeighted: Float64Array;
  /** Inhabitants and weights per age group and year (for outputs), or null. */
  ageGroups: { labels: string[]; population: Float64Array[]; weight: Float64Array[] } | null;
  coverageShare: Float64Array;
  careNeedIndex: Float64Array;
  normSpecialist: Float64Array;
  normSt: Float64Array;
  spec: {
    initByAge: Float64Array;
    hazardByAge: Float64Array;
    attrition: Float64Array;
    recruitment: Float64Array;
    recruitmentAge: number;
    fte: Float64Array;
    /** Target headcount per year (a plan path), or null. */
    target: Float64Array | null;
    /** With a path: the most that can be recruited per year, or null (no limit). */
    recruitmentMax: Float64Array | null;
  };
  st: {
    /** Initial trainees per cell (training year j = 1…J, length index d), index (j−1)·nLengths + d. */
    init: Float64Array;
    lengths: Int32Array;
    lengthProbs: Float64Array;
    intake: Float64Array | null;
    target: Float64Array | null;
    /** Completions per year (a plan path), or null. */
    targetCompletions: Float64Array | null;
    dropout: Float64Array;
    retention: Float64Array;
    fillRate: number;
    fte: Float64Array;
    completionAge: number;
    listable: ListableRule[];
    capPerSpecialistFte: number; // Infinity when none
    capTotal: Float64Array | null;
    supervisionFtePerTrainee: number; // 0 when none
  };
  others: {
    name: string;
    headcount: number;
    fte: number;
    attrition: number;
    recruitment: Float64Array;
    norm: Float64Array;
    salaryPerMonth: number; // NaN: not costed
    /** Need-weighted population of the ages the group may serve, per year, or null: everyone. */
    rangeNeed: Float64Array | null;
  }[];
  costs: {
    priceBaseYear: number;
    wageGrowth: number;
    employerContributions: number;
    overheadPerEmployee: number;
    salarySpecialist: number;
    salarySt: number;
    stTrainingCost: number;
  } | null;
}

export interface RunConfig {
  startYear: number;
  endYear: number;
  regions: RegionRun[];
}
