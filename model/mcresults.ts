/**
 * Monte Carlo summaries → the output shape of `run --runs N`. It keeps the deterministic shape
 * (results.ts), so readers need not change: per year the plain fields hold the MEDIAN across
 * runs, and `quantiles.<field>` holds `{mean, p5, p10, p25, p50, p75, p90, p95}`. Each region
 * adds the probability of having reached the target by each year and the distribution of the
 * first year reached (with "never" for not by the horizon), for the 1100/550 rule and for the
 * specialists-only view; the top level adds runs, seed and version.
 *
 * Years reached are summarized with the discrete (inverse empirical CDF) quantile: the first
 * year by which at least a share p of the runs have reached the target; "not by the horizon"
 * counts as later than every year.
 */
import { F, outputFields, type FieldKey } from './fields.js';
import type { McResult, UnitSummary } from './montecarlo.js';
import { NSTATS, STAT, STAT_NAMES, type StatName } from './quantiles.js';
import type { RegionOutput, RunOutput, ScenarioInfo, YearRow } from './results.js';

export type Stats = Record<StatName, number | null>;
export type McYearRow = YearRow & { quantiles: Partial<Record<FieldKey, Stats>> };

export interface ReachedSummary {
  /** Median first year reached (null: the median run does not reach it by the horizon). */
  median: number | null;
  /** 10th and 90th percentile of the first year reached (null: not by the horizon). */
  p10: number | null;
  p90: number | null;
  /** P(reached in or before the year), per year. */
  probabilityBy: Record<string, number>;
  /** Share of runs first reaching it in each year, plus "never". */
  distribution: Record<string, number>;
}

export interface McRegionOutput extends Omit<RegionOutput, 'years'> {
  years: McYearRow[];
  probabilityReachedBy: Record<string, number>;
  reachedYearDistribution: Record<string, number>;
  reachedYearInterval80: { p10: number | null; p90: number | null };
  specialistsOnly: ReachedSummary;
  /** Share of runs in which the target holds in each year. */
  probabilityHolds: Record<string, number>;
}

export interface McRunOutput extends Omit<RunOutput, 'regions' | 'total' | 'mode'> {
  mode: 'monte-carlo';
  runs: number;
  seed: number;
  eventNoise: boolean;
  quantileDefinition: string;
  regions: McRegionOutput[];
  total?: McRegionOutput;
}

export const QUANTILE_DEFINITION =
  'per-year quantiles: Hyndman–Fan type 7 (as R and NumPy); years reached: first year by which at least the share p of runs have reached the target, "never" ranking after the horizon';

const clean = (v: number): number | null => (Number.isFinite(v) ? v : null);

function discreteQuantile(firstIdx: Int16Array, years: number[], p: number): number | null {
  // Sorted first-reached indices with never (−1) ranked last.
  const n = firstIdx.length;
  const counts = new Float64Array(years.length + 1);
  for (let r = 0; r < n; r++) counts[firstIdx[r] < 0 ? years.length : firstIdx[r]]++;
  const need = Math.ceil(p * n - 1e-9);
  let c = 0;
  for (let t = 0; t <= years.length; t++) {
    c += counts[t];
    if (c >= Math.max(1, need)) return t < years.length ? years[t] : null;
  }
  return null;
}

function reachedYearSummary(first: Int16Array, by: Float64Array, dist: Float64Array, years: number[]): ReachedSummary {
  const probabilityBy: Record<string, number> = {};
  const distribution: Record<string, number> = {};
  years.forEach((y, t) => { probabilityBy[y] = by[t]; distribution[y] = dist[t]; });
  distribution.never = dist[years.length];
  return {
    median: discreteQuantile(first, years, 0.5),
    p10: discreteQuantile(first, years, 0.1),
    p90: discreteQuantile(first, years, 0.9),
    probabilityBy,
    distribution,
  };
}

export function unitOutput(u: UnitSummary, years: number[], ageStructured = false): McRegionOutput {
  const fields = outputFields(ageStructured);
  const Y = years.length;
  const main = reachedYearSummary(u.firstReached, u.reachedBy, u.reachedDist, years);
  const spec = reachedYearSummary(u.firstReachedSpec, u.reachedBySpec, u.reachedDistSpec, years);
  const sustainedMedian = discreteQuantile(u.sustained, years, 0.5);
  const holds: Record<string, number> = {};
  years.forEach((y, t) => { holds[y] = u.holds[t]; });
  return {
    name: u.name,
    reachedYear: main.median,
    sustainedFrom: sustainedMedian,
    reachedYearSpecialistsOnly: spec.median,
    sustainedFromSpecialistsOnly: null,
    probabilityReachedBy: main.probabilityBy,
    reachedYearDistribution: main.distribution,
    reachedYearInterval80: { p10: main.p10, p90: main.p90 },
    specialistsOnly: spec,
    probabilityHolds: holds,
    years: years.map((year, t) => {
      const row = { year, quantiles: {} } as McYearRow;
      fields.forEach((d) => {
        const o = (F[d.key as FieldKey] * Y + t) * NSTATS;
        if (d.kind === 'flag') {
          // A flag's "median" is whether the target holds in at least half of the runs.
          row[d.key] = (d.key === 'reached' ? u.holds[t] : u.holdsSpec[t]) >= 0.5 ? 1 : 0;
          return;
        }
        // A plan path's met flag (kind ratio, unit flag): 1 when met in at least half of the runs;
        // its mean (quantiles.<key>.mean) is the probability the path is met.
        row[d.key] = d.unit === 'flag' ? (Number.isNaN(u.stats[o + STAT.mean]) ? null : u.stats[o + STAT.mean] >= 0.5 ? 1 : 0) : clean(u.stats[o + STAT.p50]);
        const st = {} as Stats;
        STAT_NAMES.forEach((s, i) => { st[s] = clean(u.stats[o + i]); });
        row.quantiles[d.key] = st;
      });
      return row;
    }),
  };
}

/** `ageStructured`: whether the scenario's demand is age-structured (its age-only fields are written). */
export function toMcOutput(mc: McResult, scenario: ScenarioInfo, version: string, ageStructured = false): McRunOutput {
  const years = Array.from({ length: mc.endYear - mc.startYear + 1 }, (_, i) => mc.startYear + i);
  const out: McRunOutput = {
    scenario,
    version,
    mode: 'monte-carlo',
    runs: mc.opts.runs,
    seed: mc.opts.seed,
    eventNoise: mc.opts.eventNoise,
    quantileDefinition: QUANTILE_DEFINITION,
    startYear: mc.startYear,
    endYear: mc.endYear,
    regions: mc.regions.map((u) => unitOutput(u, years, ageStructured)),
  };
  if (mc.total) out.total = unitOutput(mc.total, years, ageStructured);
  return out;
}
