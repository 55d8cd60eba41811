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
 * - Cost per additional inhabitant covered, for B against A:
 *     (mean accumulated extra cost of B − that of A, in the last year)
 *     ÷ (mean capacity of B − that of A, in the last year, both valued at A's norms)
 *   in kronor per inhabitant of added capacity: a ratio of means, like an incremental
 *   cost-effectiveness ratio. B's capacity is revalued at A's norms (specialists and other
 *   listable specialists at A's specialist norm, listable ST at A's ST norm) so that a change of
 *   norm alone adds no "covered" inhabitants. Null when the capacity does not increase, when
 *   either scenario has no costs, or for A itself. Capacity above the population to cover
 *   counts as well: it is capacity added, not people newly covered.
 */
import type { FieldKey } from './fields.js';
import type { McRegionOutput, McRunOutput, McYearRow } from './mcresults.js';
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
  norm: { first: NormPair; last: NormPair };
  /** First year reached (null: not by the horizon). */
  reachedYear: Band;
  /** Median first year from which the target holds to the horizon (null: never). */
  sustainedFrom: number | null;
  probabilityReachedByEnd: number | null;
  probabilityHoldsAtEnd: number | null;
  last: {
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
  /** Means in the last year, behind the cost per additional inhabitant. */
  means: { cumulativeCost: number | null; capacitySpecialists: number | null; capacitySt: number | null; capacityOther: number | null };
  inhabitantsPerDoctorByYear: ({ year: number } & Band)[];
}

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
  costPerAdditionalInhabitant: number | null;
}

export interface CompareResult {
  version: string;
  runs: number;
  seed: number;
  eventNoise: boolean;
  scenarios: CompareScenario[];
  differences: CompareDifference[];
  /** Count bases or horizons differ: inhabitants per doctor, or last-year values, are not comparable. */
  warnings: { countBasisDiffers: boolean; horizonDiffers: boolean };
  definitions: Record<string, string>;
}

export const COMPARE_DEFINITIONS: Record<string, string> = {
  unit: 'each scenario is summarized for its multi-region total, or its single region',
  lastYear: "values 'in the last year' are each scenario's own horizon end",
  reachedYear: 'first year capacity ≥ population to cover: median and 10th–90th percentile over the runs; null = not reached by the horizon',
  differences: 'B − A = difference of the medians; `paired` = percentiles of the run-by-run difference (same random numbers in both scenarios); a year difference with "not by the horizon" counts it as the year after the horizon and is a bound',
  probabilities: 'shares of runs; their differences are in shares (0.1 = 10 percentage points)',
  costPerAdditionalInhabitant: "(mean accumulated extra cost of B − of A, last year) / (mean capacity of B − of A, last year, both valued at A's norms), kr per inhabitant of added capacity; null when capacity does not increase or costs are missing",
};

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
    reachedYear: { median: u.reachedYear, p10: u.reachedYearInterval80.p10, p90: u.reachedYearInterval80.p90 },
    sustainedFrom: u.sustainedFrom,
    probabilityReachedByEnd: fin(u.probabilityReachedBy[String(end)]),
    probabilityHoldsAtEnd: fin(u.probabilityHolds[String(end)]),
    last: {
      inhabitantsPerDoctor: band(last, 'inhabitantsPerDoctor'),
      specialists: band(last, 'specialists'),
      st: band(last, 'st'),
      listableSt: band(last, 'listableSt'),
      specialistGap: band(last, 'specialistGap'),
      capacity: band(last, 'capacity'),
      coverage: band(last, 'coverage'),
      cumulativeCost: band(last, 'cumulativeCost'),
    },
    means: {
      cumulativeCost: meanOf(last, 'cumulativeCost'),
      capacitySpecialists: meanOf(last, 'capacitySpecialists'),
      capacitySt: meanOf(last, 'capacitySt'),
      capacityOther: meanOf(last, 'capacityOther'),
    },
    inhabitantsPerDoctorByYear: u.years.map((y) => ({ year: y.year, ...band(y, 'inhabitantsPerDoctor') })),
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
  items: { out: McRunOutput; unit: UnitSummary; file: string | null }[],
  version: string,
): CompareResult {
  if (items.length < 1) throw new RangeError('compare needs at least one scenario');
  const scenarios = items.map((it, i) => {
    const s = summarizeScenario(scenarioLabel(i), it.out, it.file);
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
    return {
      label: `${B.label} \u2212 ${A.label}`,
      scenario: i,
      reference: 0,
      reachedYear: yearDiff(A.reachedYear.median, B.reachedYear.median, A.endYear, B.endYear),
      sustainedFrom: yearDiff(A.sustainedFrom, B.sustainedFrom, A.endYear, B.endYear),
      probabilityReachedByEnd: sub(A.probabilityReachedByEnd, B.probabilityReachedByEnd),
      probabilityHoldsAtEnd: sub(A.probabilityHoldsAtEnd, B.probabilityHoldsAtEnd),
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
      costPerAdditionalInhabitant: extraCapacity !== null && extraCumulativeCost !== null && extraCapacity > 1e-9 ? extraCumulativeCost / extraCapacity : null,
    };
  });
  const first = items[0].out;
  return {
    version,
    runs: first.runs,
    seed: first.seed,
    eventNoise: first.eventNoise,
    scenarios,
    differences,
    warnings: {
      countBasisDiffers: new Set(scenarios.map((s) => s.countBasis)).size > 1,
      horizonDiffers: new Set(scenarios.map((s) => `${s.startYear}-${s.endYear}`)).size > 1,
    },
    definitions: COMPARE_DEFINITIONS,
  };
}

