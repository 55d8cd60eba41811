/**
 * Test fixtures, in one module, built by the real builders:
 *
 * - `mini()`: a hand-made engine configuration (`RunConfig`) for closed-form engine tests.
 * - `detOutput()`, `mcOutput()`: result outputs for chart, report and workbook tests, with stable
 *   hand-chosen numbers (they do not move when the engine changes) that go through the real
 *   output builders — `regionOutput` (model/results.ts) from a result block, `toMcOutput` /
 *   `unitOutput` (model/mcresults.ts) from a Monte Carlo summary — so the fixtures have exactly
 *   the shape and the derived values (years reached, flag medians, quantile definition) that
 *   `riktvarde run` prints. Monte Carlo quantiles widen with the years; in the single-region case
 *   the target is reached in 2032 (median).
 */
import { MIN_AGE, NAGES } from '../model/engine.js';
import { FIELD_KEYS, FIELDS, NFIELDS, type FieldKey } from '../model/fields.js';
import { toMcOutput, unitOutput, type McRegionOutput, type McRunOutput } from '../model/mcresults.js';
import type { McResult, UnitSummary } from '../model/montecarlo.js';
import { aggregate } from '../model/project.js';
import { NSTATS, STAT_NAMES } from '../model/quantiles.js';
import { regionOutput, type RegionOutput, type RunOutput, type YearRow } from '../model/results.js';
import type { ListableRule, RegionRun, RunConfig } from '../model/types.js';

// ── Engine configurations ────────────────────────────────────────────────────────────────────

export interface MiniOpts {
  years?: number;
  specialists?: number;
  age?: number; // all specialists at this age
  attrition?: number;
  recruitment?: number;
  retirementAge?: number | null; // hard exit at this age (hazard 1), null = none before MAX_AGE
  st?: number;
  stYear?: number; // all trainees in this training year
  length?: number;
  lengths?: [number, number][];
  intake?: number;
  target?: number | null;
  dropout?: number;
  retention?: number;
  fillRate?: number;
  population?: number;
  listable?: ListableRule;
  costs?: boolean;
  /** A specialist path (target headcount per year index) and its recruitment ceiling. */
  specialistPath?: number[];
  recruitmentMax?: number;
  /** A completions path per year index (replaces intake and target). */
  completionsPath?: number[];
}

export function mini(o: MiniOpts = {}): RunConfig {
  const Y = o.years ?? 11;
  const spec = new Float64Array(NAGES);
  spec[(o.age ?? 40) - MIN_AGE] = o.specialists ?? 100;
  const hazard = new Float64Array(NAGES);
  if (o.retirementAge != null) for (let a = o.retirementAge; a < MIN_AGE + NAGES; a++) hazard[a - MIN_AGE] = 1;
  hazard[NAGES - 1] = 1;
  const lengths = o.lengths ?? [[o.length ?? 6, 1]];
  const L = lengths.length;
  const maxLen = Math.max(...lengths.map((x) => x[0]));
  const init = new Float64Array(maxLen * L);
  if (o.st) init[((o.stYear ?? 1) - 1) * L] = o.st;
  const perYear = (x: number) => new Float64Array(Y).fill(x);
  const population = perYear(o.population ?? 100000);
  const cfg: RegionRun = {
    name: 'Test',
    population,
    needWeighted: population,
    ageGroups: null,
    coverageShare: perYear(1),
    careNeedIndex: perYear(1),
    normSpecialist: new Float64Array(Y).fill(1100),
    normSt: new Float64Array(Y).fill(550),
    spec: {
      initByAge: spec,
      hazardByAge: hazard,
      attrition: perYear(o.attrition ?? 0),
      recruitment: new Float64Array(Y).fill(o.recruitment ?? 0),
      recruitmentAge: 40,
      fte: perYear(1),
      target: o.specialistPath ? Float64Array.from(o.specialistPath) : null,
      recruitmentMax: o.recruitmentMax !== undefined ? new Float64Array(Y).fill(o.recruitmentMax) : null,
    },
    st: {
      init,
      lengths: Int32Array.from(lengths.map((x) => x[0])),
      lengthProbs: Float64Array.from(lengths.map((x) => x[1])),
      intake: o.target != null || o.completionsPath ? null : new Float64Array(Y).fill(o.intake ?? 0),
      target: o.target != null ? new Float64Array(Y).fill(o.target) : null,
      targetCompletions: o.completionsPath ? Float64Array.from(o.completionsPath) : null,
      dropout: perYear(o.dropout ?? 0),
      retention: perYear(o.retention ?? 1),
      fillRate: o.fillRate ?? 1,
      fte: perYear(1),
      completionAge: 38,
      listable: new Array<ListableRule>(Y).fill(o.listable ?? { share: 0.5 }),
      capPerSpecialistFte: Infinity,
      capTotal: null,
      supervisionFtePerTrainee: 0,
    },
    others: [],
    costs: o.costs
      ? { priceBaseYear: 2024, wageGrowth: 0, employerContributions: 0.5, overheadPerEmployee: 100000, salarySpecialist: 90000, salarySt: 60000, stTrainingCost: 50000 }
      : null,
  };
  return { startYear: 2024, endYear: 2024 + Y - 1, regions: [cfg] };
}

// ── Result outputs ──────────────────────────────────────────────────────────────────────────

const Z = { mean: 0, p5: -1.6449, p10: -1.2816, p25: -0.6745, p50: 0, p75: 0.6745, p90: 1.2816, p95: 1.6449 } as const;

/** P(reached by year) from a step table: the value of the latest listed year ≤ year (0 before). */
export const steps = (table: Record<number, number>) => (year: number): number => {
  let p = 0;
  for (const [y, v] of Object.entries(table)) if (Number(y) <= year) p = v;
  return p;
};

/** Flows of every year after the first (persons per year). */
export type Flows = Record<'stPosts' | 'stStarts' | 'stUnfilledByCap' | 'stDropouts' | 'stCompletions' | 'newSpecialistsStaying' | 'recruitment' | 'retirements' | 'otherExits', number>;

/** One region's expected path: linear workforce, geometric population, the measures derived as the engine does. */
export interface PathSpec {
  name: string;
  startYear?: number;
  years?: number;
  pop0?: number;
  popGrowth?: number;
  spec0?: number;
  specGrowth?: number;
  st0?: number;
  stGrowth?: number;
  fte?: number;
  /** ST trainees per listable trainee (2: half of them are listable). */
  stPerListable?: number;
  /** Other listable specialists (each covering 1 000 inhabitants). */
  others?: number;
  costs?: boolean;
  normSpecialist?: number | ((t: number) => number);
  normSt?: number;
  flows?: Partial<Flows>;
}

const CHART_FLOWS: Flows = { stPosts: 26, stStarts: 25.4, stUnfilledByCap: 0, stDropouts: 2.2, stCompletions: 15.1, newSpecialistsStaying: 13.2, recruitment: 3, retirements: 7.5, otherExits: 2.4 };

/** Expected values per year (null: no value — flows in the base year, costs without cost data). */
export function expectedRows(s: PathSpec): YearRow[] {
  const start = s.startYear ?? 2024, n = s.years ?? 11;
  const pop0 = s.pop0 ?? 350_000, g = s.popGrowth ?? 0.006;
  const spec0 = s.spec0 ?? 250, dSpec = s.specGrowth ?? 12, st0 = s.st0 ?? 100, dSt = s.stGrowth ?? 2;
  const fte = s.fte ?? 1, perListable = s.stPerListable ?? 2, others = s.others ?? 0, normSt = s.normSt ?? 550;
  const normSp = (t: number) => (typeof s.normSpecialist === 'function' ? s.normSpecialist(t) : s.normSpecialist ?? 1100);
  const flows = { ...CHART_FLOWS, ...s.flows };
  const out: YearRow[] = [];
  let cost0 = 0, prevCost = 0, cum = 0;
  for (let t = 0; t < n; t++) {
    const row = { year: start + t } as YearRow;
    for (const k of FIELD_KEYS) row[k] = null;
    const population = pop0 * Math.pow(1 + g, t);
    const specialists = spec0 + dSpec * t, st = st0 + dSt * t, listableSt = st / perListable;
    const capSpec = specialists * fte * normSp(t), capSt = listableSt * normSt, capOther = others * 1000, capacity = capSpec + capSt + capOther;
    Object.assign(row, {
      population, populationToCover: population, specialists, specialistsFte: specialists * fte, otherSpecialists: others, otherSpecialistsFte: others,
      st, listableSt, listableStFte: listableSt, supervisionFte: 0, normSpecialist: normSp(t), normSt,
      capacitySpecialists: capSpec, capacitySt: capSt, capacityOther: capOther, capacity, coverage: capacity / population,
      doctorEquivalents: capacity / normSp(t), inhabitantsPerDoctorEquivalent: population / (capacity / normSp(t)),
      inhabitantsPerDoctor: population / (specialists + listableSt), inhabitantsPerSpecialistFte: population / (specialists * fte),
      specialistGap: Math.max(0, population - capacity) / normSp(t), reached: capacity >= population ? 1 : 0, reachedSpecialistsOnly: capSpec >= population ? 1 : 0,
    });
    if (t > 0) {
      const p = out[t - 1];
      Object.assign(row, flows, {
        netIncreaseSpecialists: specialists - (p.specialists as number), netIncreaseOtherSpecialists: others - (p.otherSpecialists as number),
        netIncreaseSt: st - (p.st as number), netIncreaseListableSt: listableSt - (p.listableSt as number),
      });
    }
    if (s.costs ?? true) {
      const cost = (specialists * fte * 12 * 88_000 + st * 12 * 58_000) * 1.52;
      if (t === 0) cost0 = cost;
      const inc = cost - cost0;
      cum += t > 0 ? inc : 0;
      Object.assign(row, { cost, costIncrease: inc, netCostIncrease: t > 0 ? cost - prevCost : null, cumulativeCost: cum });
      prevCost = cost;
    }
    out.push(row);
  }
  return out;
}

/** The engine's result block (field × year, NaN for missing) of rows. */
export function block(ys: YearRow[]): Float64Array {
  const Y = ys.length, b = new Float64Array(NFIELDS * Y);
  FIELDS.forEach((d, f) => ys.forEach((row, t) => { b[f * Y + t] = row[d.key] ?? NaN; }));
  return b;
}

const yearsOf = (ys: YearRow[]): number[] => ys.map((r) => r.year);

/** A deterministic region as `riktvarde run` prints it (years reached by the real builder). */
export const regionOf = (s: PathSpec): RegionOutput => { const ys = expectedRows(s); return regionOutput({ name: s.name, block: block(ys) }, yearsOf(ys)); };

/** A multi-region total as model/project.ts forms it (summed, ratios recomputed, no norms). */
export function totalOf(name: string, regions: RegionOutput[]): RegionOutput {
  const years = regions[0].years.map((r) => r.year);
  return regionOutput({ name, block: aggregate(regions.map((r) => block(r.years)), years.length) }, years);
}

/** A Monte Carlo unit around an expected path: normal-like quantiles widening with the years. */
export interface McSpec extends PathSpec {
  runs?: number;
  /** Relative standard deviation added per year (0 in the base year). */
  spread?: number;
  /** Fields with no spread (besides the norms). */
  fixed?: readonly FieldKey[];
  /** Standard deviation of the net increases, beyond the spread, in year t with median v (default 2). */
  netIncreaseSd?: (t: number, v: number) => number;
  /** The mean is the median plus this many standard deviations. */
  meanShift?: number;
  /** Median and spread of the dropouts (the expected path has `flows.stDropouts`). */
  dropouts?: { median: number; sd: number };
  reached?: (year: number) => number;
  reachedSpec?: (year: number) => number;
  /** Share of runs in which the target holds, relative to P(reached by the year). */
  holdsFactor?: number;
}

/** Per-run first year reached (index, −1 never) whose shares by year follow `prob`. */
function firstYears(years: number[], runs: number, prob: (year: number) => number): Int16Array {
  const first = new Int16Array(runs).fill(-1);
  let r = 0;
  years.forEach((y, t) => { for (const n = Math.round(prob(y) * runs); r < n; r++) first[r] = t; });
  return first;
}

/** Shares by year and the distribution of first years, as model/montecarlo.ts reachedSummary counts them. */
function shares(first: Int16Array, Y: number): { by: Float64Array; dist: Float64Array } {
  const runs = first.length, counts = new Float64Array(Y + 1);
  for (const f of first) counts[f < 0 ? Y : f]++;
  const by = new Float64Array(Y);
  let c = 0;
  for (let t = 0; t < Y; t++) { c += counts[t]; by[t] = c / runs; }
  return { by, dist: counts.map((n) => n / runs) };
}

/** The Monte Carlo summary (what model/montecarlo.ts summarize returns) of a hand-made unit. */
export function unitSummary(s: McSpec, ys = expectedRows(s)): UnitSummary {
  const Y = ys.length, runs = s.runs ?? 5000, years = yearsOf(ys);
  const stats = new Float64Array(NFIELDS * Y * NSTATS).fill(NaN);
  const fixed = new Set<string>(['normSpecialist', 'normSt', ...(s.fixed ?? [])]);
  FIELDS.forEach((d, f) => {
    if (d.unit === 'flag') return; // flags have no quantiles (as summarizeColumns)
    ys.forEach((row, t) => {
      let m = row[d.key];
      if (m === null) return;
      let sd = fixed.has(d.key) ? 0 : Math.abs(m) * (s.spread ?? 0.012) * t + (d.key.startsWith('netIncrease') ? s.netIncreaseSd?.(t, m) ?? 2 : 0);
      if (d.key === 'stDropouts' && s.dropouts && t > 0) { m = s.dropouts.median; sd = s.dropouts.sd; }
      STAT_NAMES.forEach((st, i) => { stats[(f * Y + t) * NSTATS + i] = m! + (st === 'mean' ? s.meanShift ?? 0 : Z[st]) * sd; });
    });
  });
  const first = firstYears(years, runs, s.reached ?? steps({ 2030: 0.12, 2031: 0.3, 2032: 0.5, 2033: 0.62, 2034: 0.7 }));
  const firstSpec = firstYears(years, runs, s.reachedSpec ?? steps({ 2034: 0.04 }));
  const main = shares(first, Y), spec = shares(firstSpec, Y);
  return {
    name: s.name, runs, stats,
    reachedBy: main.by, reachedDist: main.dist, holds: main.by.map((p) => p * (s.holdsFactor ?? 0.95)),
    reachedBySpec: spec.by, reachedDistSpec: spec.dist, holdsSpec: spec.by,
    firstReached: first, sustained: first, firstReachedSpec: firstSpec,
    lastInhabitantsPerDoctor: new Float64Array(runs).fill(ys[Y - 1].inhabitantsPerDoctor ?? NaN),
    lastInhabitantsPerDoctorEquivalent: new Float64Array(runs).fill(ys[Y - 1].inhabitantsPerDoctorEquivalent ?? NaN),
    lastCoverage: new Float64Array(runs).fill(ys[Y - 1].coverage ?? NaN),
    lastCumulativeCost: new Float64Array(runs).fill(ys[Y - 1].cumulativeCost ?? NaN),
  };
}

/** A Monte Carlo region as `riktvarde run --runs N` prints it (the real unitOutput). */
export const mcRegionOf = (s: McSpec): McRegionOutput => { const ys = expectedRows(s); return unitOutput(unitSummary(s, ys), yearsOf(ys)); };

const SCENARIO = { name: 'Testregion – plan 2024–2034', description: 'A test scenario <b>with</b> markup & a </script> tag.', countBasis: 'health-centres' };
const VERSION = '0.0.0-test';

/** Chart and report regions: P(target reached by year) as a step table. */
export interface RegionSpec { name: string; pop0?: number; spec0?: number; specGrowth?: number; st0?: number; costs?: boolean; reached?: Record<number, number> }

const chartMc = (r: RegionSpec): McSpec => ({ ...r, reached: r.reached && steps(r.reached) });

/** `riktvarde run --runs 5000 --seed 7` output of hand-made summaries (and a total with no norms). */
export function mcOutput(regions: RegionSpec[] = [{ name: 'Testregion' }], total?: string): McRunOutput {
  let totalUnit: UnitSummary | null = null;
  if (total) {
    const spec: McSpec = { name: total, pop0: 350_000 * regions.length, spec0: 250 * regions.length, st0: 100 * regions.length, specGrowth: 12 * regions.length };
    const ys = expectedRows(spec);
    for (const y of ys) { y.normSpecialist = null; y.normSt = null; }
    totalUnit = unitSummary(spec, ys);
  }
  const mc: McResult = {
    opts: { runs: 5000, seed: 7, eventNoise: true }, startYear: 2024, endYear: 2034,
    paramKeys: [], params: new Float64Array(0), regions: regions.map((r) => unitSummary(chartMc(r))), total: totalUnit,
  };
  return toMcOutput(mc, SCENARIO, VERSION);
}

/** `riktvarde run` (deterministic) output of the expected rows. */
export function detOutput(regions: RegionSpec[] = [{ name: 'Testregion' }]): RunOutput {
  return { scenario: SCENARIO, version: VERSION, mode: 'deterministic', startYear: 2024, endYear: 2034, regions: regions.map(regionOf) };
}

/** Three regions and a total, one of them already under 1100. */
export const MULTI: RegionSpec[] = [
  { name: 'Norra länet', pop0: 250_000, spec0: 160 },
  { name: 'Södra länet', pop0: 420_000, spec0: 390, reached: { 2024: 0.6, 2025: 0.8 } },
  { name: 'Östra länet', pop0: 300_000, spec0: 230, reached: {} },
];
