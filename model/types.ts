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
  coverageShare: ScalarParam;
  careNeedIndex: ScalarParam;
  normSpecialist: SeriesParam;
  normSt: SeriesParam;
  specialists: {
    headcount: ScalarParam;
    /** Share of headcount by single-year age, index age − MIN_AGE; sums to 1. */
    ageShares: number[];
    retirement: Retirement;
    attrition: ScalarParam;
    recruitment: SeriesParam;
    recruitmentAge: ScalarParam;
    fte: ScalarParam;
    /** A plan path: target headcount per year; recruitment is then what the path needs. */
    target: SeriesParam | null;
    /** With a path: at most this many recruited per year, or null (no limit). */
    recruitmentMax: SeriesParam | null;
  };
  st: {
    headcount: ScalarParam;
    /** Share of trainees in training year 1, 2, … at the base year; sums to 1. */
    byTrainingYear: number[];
    /** Either an intake (advertised posts per year) or a target headcount per year. */
    intake: SeriesParam | null;
    target: SeriesParam | null;
    /** A plan path: ST completions per year; the intake follows a training length earlier. */
    targetCompletions: SeriesParam | null;
    /** Training lengths in calendar years and their probabilities. */
    lengths: number[];
    lengthProbs: number[];
    dropout: ScalarParam;
    retention: ScalarParam;
    fillRate: ScalarParam;
    fte: ScalarParam;
    completionAge: ScalarParam;
    listable: ListableRule;
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
}

// ---------------------------------------------------------------------------------------------
// One run, all parameters concrete.

export interface RegionRun {
  name: string;
  population: Float64Array;
  coverageShare: number;
  careNeedIndex: number;
  normSpecialist: Float64Array;
  normSt: Float64Array;
  spec: {
    initByAge: Float64Array;
    hazardByAge: Float64Array;
    attrition: number;
    recruitment: Float64Array;
    recruitmentAge: number;
    fte: number;
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
    dropout: number;
    retention: number;
    fillRate: number;
    fte: number;
    completionAge: number;
    listable: ListableRule;
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
