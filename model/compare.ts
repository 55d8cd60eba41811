/**
 * Two or more scenarios side by side, each from a Monte Carlo on the same seed and number of
 * runs. The engine keys every random number by (seed, run, what is drawn: parameter key, or
 * region and event kind), so run r of two scenarios shares its random numbers wherever their
 * structure matches ("common random numbers"): a scenario compared with itself differs by exactly
 * zero, and the run-by-run differences of two variants show the effect of what differs between
 * them, not the noise. Pure: no Node APIs.
 *
 * Each scenario is summarized for one unit: the multi-region total, or the single region.
 *
 * Definitions (also written into the JSON as `definitions`):
 * - Values "in the last year" are those of each scenario's own last year (its horizon end).
 * - Year reached: the median (and 10th–90th percentile) of the first year capacity ≥ population to
 *   cover, the discrete quantile of model/mcresults.ts; null = not reached by the horizon.
 * - A difference B − A is the difference of the medians shown. For inhabitants per doctor and the
 *   accumulated cost it is followed by the 10th–90th percentile of the run-by-run difference,
 *   which common random numbers make meaningful. A difference in years involving "not by the
 *   horizon" counts that as the year after the horizon and is a bound (`atMost` / `atLeast`).
 * - The path (medians per year): peak ST headcount and its year, peak extra cost per year above the
 *   base year and its year, and the number of years the target is reached in at least half of the
 *   runs (the median run's inhabitants per doctor equivalent at or under the norm).
 * - Cost per additional inhabitant covered, per year, for B against A:
 *     (mean extra cost per year above the base year of B − that of A, in the last year)
 *     ÷ (mean capacity of B − that of A, in the last year, both valued at A's norms)
 *   in kronor per year per inhabitant of added capacity: a ratio of means, like an incremental
 *   cost-effectiveness ratio, and a yearly figure (not the accumulated cost, which would mix eleven
 *   years of cost with one year's capacity). B's capacity is revalued at A's norms (specialists and
 *   other listable specialists at A's specialist norm, listable ST at A's ST norm) so that a change
 *   of norm alone adds no "covered" inhabitants. Null when the capacity does not increase, when
 *   either scenario has no costs, or for A itself. Capacity above the population to cover counts
 *   as well: it is capacity added, not people newly covered.
 * - With a norm schedule (e.g. 1500 until 2027, then 1100), "reached" refers to the final norm:
 *   `atFinalNorms` gives every year the last year's norms before the Monte Carlo (norms change no
 *   stock or flow, so the runs are otherwise identical), unless the user asks for the norm current
 *   each year. `CompareResult.reachedAgainst` says which.
 */
import { F, NFIELDS, type FieldKey } from './fields.js';
import type { McRegionOutput, McRunOutput, McYearRow } from './mcresults.js';
import type { ModelInput, SeriesParam } from './types.js';
import { NSTATS, STAT, summarizeColumn } from './quantiles.js';
import type { UnitSummary } from './montecarlo.js';

/** Median and 80 % interval. */
export interface Band { median: number | null; p10: number | null; p90: number | null }

export interface NormPair { specialist: number | null; st: number | null }

export interface CompareScenario {
  /** A, B, C, … in the order given; A is the reference. */
  label: string;
  name: string;
  file: string | null;
  countBasis: string;
  /** The unit summarized: the total's name, or the single region's. */
  unit: string;
  startYear: number;
  endYear: number;
  /** The norms the measures use in the first and last year (with `reachedAgainst: 'final'` and a schedule: the final norm throughout). */
  norm: { first: NormPair; last: NormPair };
  /** The scenario's own norms in the first and last year, as written (differs from `norm` only when a schedule was held at its final norm). */
  normAsWritten: { first: NormPair; last: NormPair };
  /** First year reached (null: not by the horizon). */
  reachedYear: Band;
  /** Median first year from which the target holds to the horizon (null: never). */
  sustainedFrom: number | null;
  probabilityReachedByEnd: number | null;
  probabilityHoldsAtEnd: number | null;
  last: {
    /** The headline: population to cover ÷ (capacity ÷ specialist norm); ≤ the norm exactly when reached. */
    inhabitantsPerDoctorEquivalent: Band;
    /** Tabell 1's measure (a listable ST trainee as a whole doctor). */
    inhabitantsPerDoctor: Band;
    specialists: Band;
    st: Band;
    listableSt: Band;
    specialistGap: Band;
    capacity: Band;
    /** Capacity / population to cover. */
    coverage: Band;
    /** null when the scenario has no costs. */
    cumulativeCost: Band;
  };
  /** The path, from the median of each year (see the file comment). */
  path: {
    peakSt: YearValue | null;
    /** Highest median extra cost per year above the base year; null without costs. */
    peakCostIncrease: YearValue | null;
    /** Years in which the target is reached in at least half of the runs. */
    yearsUnderNorm: number;
    /** The scenario has a norm that changes over the horizon (a schedule). */
    normSchedule: boolean;
  };
  /** Means in the last year, behind the cost per additional inhabitant. */
  means: { cumulativeCost: number | null; costIncrease: number | null; capacitySpecialists: number | null; capacitySt: number | null; capacityOther: number | null };
  inhabitantsPerDoctorEquivalentByYear: ({ year: number } & Band)[];
}

/** A value and the (first) year it occurs. */
export interface YearValue { value: number; year: number }

export interface YearDifference {
  value: number | null;
  /** exact; atMost: the true difference is at most `value`; atLeast: at least `value`. */
  bound: 'exact' | 'atMost' | 'atLeast';
}

export interface ValueDifference {
  /** Difference of the medians. */
  ofMedians: number | null;
  /** 10th, 50th, 90th percentile of the run-by-run difference (null when not paired). */
  paired: Band | null;
}

export interface CompareDifference {
  /** e.g. "B − A". */
  label: string;
  scenario: number;
  reference: number;
  reachedYear: YearDifference;
  sustainedFrom: YearDifference;
  /** In shares (0.65 = 65 percentage points). */
  probabilityReachedByEnd: number | null;
  probabilityHoldsAtEnd: number | null;
  inhabitantsPerDoctorEquivalent: ValueDifference;
  inhabitantsPerDoctor: ValueDifference;
  specialists: ValueDifference;
  st: ValueDifference;
  specialistGap: ValueDifference;
  /** In shares (0.3 = 30 percentage points). */
  coverage: ValueDifference;
  cumulativeCost: ValueDifference;
  /** Mean capacity B − A in the last year, B valued at A's norms. */
  extraCapacity: number | null;
  /** Mean accumulated extra cost B − A in the last year. */
  extraCumulativeCost: number | null;
  /** Mean extra cost per year above the base year, B − A, in the last year (kr/year). */
  extraYearlyCost: number | null;
  /** extraYearlyCost ÷ extraCapacity: kr per year per inhabitant of added capacity. */
  costPerAdditionalInhabitantPerYear: number | null;
  /** Path differences B − A: peak ST, peak extra cost per year, years under the norm. */
  peakSt: number | null;
  peakCostIncrease: number | null;
  yearsUnderNorm: number;
}

export interface CompareResult {
  version: string;
  runs: number;
  seed: number;
  eventNoise: boolean;
  /** What "reached" refers to when a scenario's norm changes over the horizon: its final norm (default) or the norm current each year. */
  reachedAgainst: ReachedAgainst;
  scenarios: CompareScenario[];
  differences: CompareDifference[];
  /** Count bases or horizons differ: inhabitants per doctor, or last-year values, are not comparable. */
  warnings: { countBasisDiffers: boolean; horizonDiffers: boolean };
  definitions: Record<string, string>;
}

export type ReachedAgainst = 'final' | 'current';

export const COMPARE_DEFINITIONS: Record<string, string> = {
  unit: 'each scenario is summarized for its multi-region total, or its single region',
  lastYear: "values 'in the last year' are each scenario's own horizon end",
  reachedYear: 'first year capacity ≥ population to cover: median and 10th–90th percentile over the runs; null = not reached by the horizon',
  differences: 'B − A = difference of the medians; `paired` = percentiles of the run-by-run difference (same random numbers in both scenarios); a year difference with "not by the horizon" counts it as the year after the horizon and is a bound',
  probabilities: 'shares of runs; their differences are in shares (0.1 = 10 percentage points)',
  costPerAdditionalInhabitantPerYear: "(mean extra cost per year above the base year of B − of A, in the last year) / (mean capacity of B − of A, in the last year, both valued at A's norms): kr per year per inhabitant of added capacity; null when capacity does not increase or costs are missing",
  path: 'from the median of each year: peakSt = highest ST headcount and its first year; peakCostIncrease = highest extra cost per year above the base year and its first year; yearsUnderNorm = years in which the target is reached in at least half of the runs',
  reachedAgainst: "with a norm schedule, 'final' = every year measured against the schedule's last norm (the target the schedule leads to), 'current' = against the norm that applies that year",
};

/** True when a norm of any region (or other group) changes over the horizon. */
export function hasNormSchedule(input: ModelInput): boolean {
  const varies = (p: SeriesParam) => p.base.some((v) => v !== p.base[p.base.length - 1]);
  return input.regions.some((r) => varies(r.normSpecialist) || varies(r.normSt) || r.others.some((o) => varies(o.norm)));
}

/** The first region's norms in the first and last year of the input, as written. */
export function normsOfInput(input: ModelInput): { first: NormPair; last: NormPair } {
  const r = input.regions[0];
  const at = (i: number): NormPair => ({ specialist: r.normSpecialist.base.at(i) ?? null, st: r.normSt.base.at(i) ?? null });
  return { first: at(0), last: at(-1) };
}

/** The input with every norm series held at its last year's value (what "reached the final norm" means). */
export function atFinalNorms(input: ModelInput): ModelInput {
  const fin = (p: SeriesParam): SeriesParam => ({ ...p, base: p.base.map(() => p.base[p.base.length - 1]) });
  return {
    ...input,
    regions: input.regions.map((r) => ({ ...r, normSpecialist: fin(r.normSpecialist), normSt: fin(r.normSt), others: r.others.map((o) => ({ ...o, norm: fin(o.norm) })) })),
  };
}

/** Fields `summarizeScenario` reads the mean and quantiles of in every year, and in the last year only. */
const EVERY_YEAR: FieldKey[] = ['inhabitantsPerDoctorEquivalent', 'st', 'costIncrease', 'normSpecialist', 'normSt'];
const LAST_YEAR: FieldKey[] = ['inhabitantsPerDoctor', 'specialists', 'listableSt', 'specialistGap', 'capacity', 'coverage', 'cumulativeCost', 'capacitySpecialists', 'capacitySt', 'capacityOther'];

/**
 * The columns (field·nYears + yearIndex, 1 a byte) a comparison reads from a Monte Carlo's
 * summaries (`MonteCarloOptions.summarize`): the others need not be summarized. The per-run
 * outcomes (years reached, last-year values for the paired differences) are always there.
 */
export function compareColumns(nYears: number): Uint8Array {
  const want = new Uint8Array(NFIELDS * nYears);
  for (const k of EVERY_YEAR) want.fill(1, F[k] * nYears, (F[k] + 1) * nYears);
  for (const k of LAST_YEAR) want[F[k] * nYears + nYears - 1] = 1;
  return want;
}

/** The highest value of a per-year series and its first year (null when every value is missing). */
export function peakOf(rows: { year: number; value: number | null }[]): YearValue | null {
  let best: YearValue | null = null;
  for (const r of rows) if (r.value !== null && (best === null || r.value > best.value)) best = { value: r.value, year: r.year };
  return best;
}

/** The labels A, B, …, Z, AA, AB, … */
export function scenarioLabel(i: number): string {
  let s = '';
  let n = i;
  do { s = String.fromCharCode(65 + (n % 26)) + s; n = Math.floor(n / 26) - 1; } while (n >= 0);
  return s;
}

/** The unit a comparison uses: the total, or the single (first) region. */
export function comparedUnit<T>(x: { regions: T[]; total?: T | null }): T {
  return x.total ?? x.regions[0];
}

const fin = (v: number | null | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function band(row: McYearRow | undefined, key: FieldKey): Band {
  if (!row) return { median: null, p10: null, p90: null };
  const q = row.quantiles?.[key];
  if (!q) return { median: fin(row[key]), p10: null, p90: null };
  return { median: fin(q.p50), p10: fin(q.p10), p90: fin(q.p90) };
}

const meanOf = (row: McYearRow | undefined, key: FieldKey): number | null => fin(row?.quantiles?.[key]?.mean);

export function summarizeScenario(label: string, out: McRunOutput, file: string | null): CompareScenario {
  const u: McRegionOutput = comparedUnit(out);
  const last = u.years[u.years.length - 1];
  const end = last?.year ?? out.endYear;
  // The total leaves norms empty (regions may differ): take them from the first region then.
  const normRows = out.total ? out.regions[0].years : u.years;
  const normAt = (row: McYearRow | undefined): NormPair => ({ specialist: fin(row?.normSpecialist), st: fin(row?.normSt) });
  return {
    label,
    name: out.scenario.name,
    file,
    countBasis: out.scenario.countBasis,
    unit: u.name,
    startYear: out.startYear,
    endYear: out.endYear,
    norm: { first: normAt(normRows[0]), last: normAt(normRows[normRows.length - 1]) },
    normAsWritten: { first: normAt(normRows[0]), last: normAt(normRows[normRows.length - 1]) },
    reachedYear: { median: u.reachedYear, p10: u.reachedYearInterval80.p10, p90: u.reachedYearInterval80.p90 },
    sustainedFrom: u.sustainedFrom,
    probabilityReachedByEnd: fin(u.probabilityReachedBy[String(end)]),
    probabilityHoldsAtEnd: fin(u.probabilityHolds[String(end)]),
    last: {
      inhabitantsPerDoctorEquivalent: band(last, 'inhabitantsPerDoctorEquivalent'),
      inhabitantsPerDoctor: band(last, 'inhabitantsPerDoctor'),
      specialists: band(last, 'specialists'),
      st: band(last, 'st'),
      listableSt: band(last, 'listableSt'),
      specialistGap: band(last, 'specialistGap'),
      capacity: band(last, 'capacity'),
      coverage: band(last, 'coverage'),
      cumulativeCost: band(last, 'cumulativeCost'),
    },
    path: {
      peakSt: peakOf(u.years.map((y) => ({ year: y.year, value: fin(y.st) }))),
      peakCostIncrease: peakOf(u.years.map((y) => ({ year: y.year, value: fin(y.costIncrease) }))),
      yearsUnderNorm: u.years.filter((y) => y.reached === 1).length,
      normSchedule: false,
    },
    means: {
      cumulativeCost: meanOf(last, 'cumulativeCost'),
      costIncrease: meanOf(last, 'costIncrease'),
      capacitySpecialists: meanOf(last, 'capacitySpecialists'),
      capacitySt: meanOf(last, 'capacitySt'),
      capacityOther: meanOf(last, 'capacityOther'),
    },
    inhabitantsPerDoctorEquivalentByYear: u.years.map((y) => ({ year: y.year, ...band(y, 'inhabitantsPerDoctorEquivalent') })),
  };
}

/** 10th, 50th and 90th percentile of the run-by-run differences b[r] − a[r] (NaN runs ignored). */
export function pairedBand(a: ArrayLike<number>, b: ArrayLike<number>): Band | null {
  if (a.length !== b.length || a.length === 0) return null;
  const d = Float64Array.from(a, (x, r) => b[r] - x);
  const s = new Float64Array(NSTATS);
  summarizeColumn(d, s, 0);
  return { median: fin(s[STAT.p50]), p10: fin(s[STAT.p10]), p90: fin(s[STAT.p90]) };
}

function yearDiff(a: number | null, b: number | null, endA: number, endB: number): YearDifference {
  if (a === null && b === null) return { value: null, bound: 'exact' };
  if (a !== null && b !== null) return { value: b - a, bound: 'exact' };
  if (a === null) return { value: b! - (endA + 1), bound: 'atMost' };
  return { value: endB + 1 - a, bound: 'atLeast' };
}

const sub = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : b - a);

/** B's mean capacity in the last year valued at A's norms (see the file comment). */
function capacityAtNorms(s: CompareScenario, ref: CompareScenario): number | null {
  const { capacitySpecialists: cs, capacitySt: ct, capacityOther: co } = s.means;
  if (cs === null || ct === null) return null;
  const ratio = (x: number | null, y: number | null) => (x !== null && y !== null && y > 0 ? x / y : 1);
  const rs = ratio(ref.norm.last.specialist, s.norm.last.specialist);
  const rt = ratio(ref.norm.last.st, s.norm.last.st);
  return cs * rs + ct * rt + (co ?? 0) * rs;
}

/**
 * The comparison. `units[i]` are scenario i's per-run outcomes (UnitSummary of the compared
 * unit) — for the paired differences; all scenarios must have the same number of runs.
 */
export function compareScenarios(
  items: { out: McRunOutput; unit: UnitSummary; file: string | null; normSchedule?: boolean; normAsWritten?: CompareScenario['normAsWritten'] }[],
  version: string,
  reachedAgainst: ReachedAgainst = 'final',
): CompareResult {
  if (items.length < 1) throw new RangeError('compare needs at least one scenario');
  const scenarios = items.map((it, i) => {
    const s = summarizeScenario(scenarioLabel(i), it.out, it.file);
    s.path.normSchedule = it.normSchedule ?? false;
    if (it.normAsWritten) s.normAsWritten = it.normAsWritten;
    // Counted from the runs: a cumulative sum of yearly shares can fall just short of 1.
    const f = it.unit.firstReached;
    if (f.length > 0) {
      let n = 0;
      for (let r = 0; r < f.length; r++) if (f[r] >= 0) n++;
      s.probabilityReachedByEnd = n / f.length;
    }
    return s;
  });
  const A = scenarios[0];
  const uA = items[0].unit;
  const differences = scenarios.slice(1).map((B, k): CompareDifference => {
    const i = k + 1;
    const uB = items[i].unit;
    const paired = uA.runs === uB.runs && A.endYear === B.endYear;
    const vd = (key: keyof CompareScenario['last'], a?: ArrayLike<number>, b?: ArrayLike<number>): ValueDifference => ({
      ofMedians: sub(A.last[key].median, B.last[key].median),
      paired: paired && a && b ? pairedBand(a, b) : null,
    });
    const capA = capacityAtNorms(A, A), capB = capacityAtNorms(B, A);
    const extraCapacity = sub(capA, capB);
    const extraCumulativeCost = sub(A.means.cumulativeCost, B.means.cumulativeCost);
    const extraYearlyCost = sub(A.means.costIncrease, B.means.costIncrease);
    return {
      label: `${B.label} \u2212 ${A.label}`,
      scenario: i,
      reference: 0,
      reachedYear: yearDiff(A.reachedYear.median, B.reachedYear.median, A.endYear, B.endYear),
      sustainedFrom: yearDiff(A.sustainedFrom, B.sustainedFrom, A.endYear, B.endYear),
      probabilityReachedByEnd: sub(A.probabilityReachedByEnd, B.probabilityReachedByEnd),
      probabilityHoldsAtEnd: sub(A.probabilityHoldsAtEnd, B.probabilityHoldsAtEnd),
      inhabitantsPerDoctorEquivalent: vd('inhabitantsPerDoctorEquivalent', uA.lastInhabitantsPerDoctorEquivalent, uB.lastInhabitantsPerDoctorEquivalent),
      inhabitantsPerDoctor: vd('inhabitantsPerDoctor', uA.lastInhabitantsPerDoctor, uB.lastInhabitantsPerDoctor),
      specialists: vd('specialists'),
      st: vd('st'),
      specialistGap: vd('specialistGap'),
      coverage: vd('coverage'),
      cumulativeCost: A.means.cumulativeCost === null || B.means.cumulativeCost === null
        ? { ofMedians: null, paired: null }
        : vd('cumulativeCost', uA.lastCumulativeCost, uB.lastCumulativeCost),
      extraCapacity,
      extraCumulativeCost,
      extraYearlyCost,
      costPerAdditionalInhabitantPerYear: extraCapacity !== null && extraYearlyCost !== null && extraCapacity > 1e-9 ? extraYearlyCost / extraCapacity : null,
      peakSt: sub(A.path.peakSt?.value ?? null, B.path.peakSt?.value ?? null),
      peakCostIncrease: sub(A.path.peakCostIncrease?.value ?? null, B.path.peakCostIncrease?.value ?? null),
      yearsUnderNorm: B.path.yearsUnderNorm - A.path.yearsUnderNorm,
    };
  });
  const first = items[0].out;
  return {
    version,
    runs: first.runs,
    seed: first.seed,
    eventNoise: first.eventNoise,
    reachedAgainst,
    scenarios,
    differences,
    warnings: {
      countBasisDiffers: new Set(scenarios.map((s) => s.countBasis)).size > 1,
      horizonDiffers: new Set(scenarios.map((s) => `${s.startYear}-${s.endYear}`)).size > 1,
    },
    definitions: COMPARE_DEFINITIONS,
  };
}

