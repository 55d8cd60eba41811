/**
 * From a `ModelInput` (parameters as distributions) to a concrete `RunConfig`, through a
 * `Resolver` that turns each parameter into a number: `expectedResolver` uses each
 * distribution's mean (the deterministic run); `draws.ts` has the resolver that draws them.
 */
import { isFixed, mean, quantile, stdNormalCdf, stdNormalCdfFast, stdNormalQuantile } from './dist.js';
import { MIN_AGE, NAGES, MAX_AGE } from './engine.js';
import { firstUniform, paramKey, stream } from './rng.js';
import { isSeriesParam, type DemandInput, type LeverParam, type ModelInput, type RegionInput, type RegionRun, type RunConfig, type ScalarParam, type SeriesParam, type Retirement } from './types.js';
import { steadyStateSplit } from './listable.js';

/** Resolves a scalar or series parameter to a number for one run. */
export interface Resolver {
  scalar(p: ScalarParam): number;
  series(p: SeriesParam): Float64Array;
}

export const expectedResolver: Resolver = {
  scalar: (p) => mean(p.dist, p.domain),
  series: (p) => {
    const m = p.multiplier ? mean(p.multiplier.dist, p.multiplier.domain) : 1;
    return Float64Array.from(p.base, (v) => v * m);
  },
};

/** The Cholesky factor of the correlated parameters (computed in draws.ts). */
export interface Copula {
  keys: string[];
  lower: number[][];
}

/** Resolver drawing run `run`'s parameters under `seed`. */
export function sampleResolver(seed: number, run: number, copula: Copula | null): Resolver {
  const cache = new Map<string, number>();
  // Correlated uniforms, computed once per run: independent normals from each parameter's own
  // stream, mixed by the Cholesky factor.
  let corr: Map<string, number> | null = null;
  if (copula) {
    const z = copula.keys.map((k) => stdNormalQuantile(firstUniform(seed, paramKey(run, k))));
    corr = new Map();
    copula.keys.forEach((k, i) => {
      let s = 0;
      for (let j = 0; j <= i; j++) s += copula.lower[i][j] * z[j];
      corr!.set(k, stdNormalCdf(s));
    });
  }
  const uniformFor = (key: string) => corr?.get(key) ?? firstUniform(seed, paramKey(run, key));
  const scalar = (p: ScalarParam): number => {
    if (isFixed(p.dist)) return mean(p.dist, p.domain);
    let v = cache.get(p.key);
    if (v === undefined) {
      v = quantile(p.dist, uniformFor(p.key), p.domain);
      cache.set(p.key, v);
    }
    return v;
  };
  return {
    scalar,
    series: (p) => {
      const m = p.multiplier ? scalar(p.multiplier) : 1;
      return applyWalk(Float64Array.from(p.base, (v) => v * m), p, seed, run);
    },
  };
}


/**
 * A series' random walk for run `run`, applied in place: relative (log scale, with a drift that
 * keeps the mean path at the base values) for counts, additive for rates.
 */
export function applyWalk(out: Float64Array, p: SeriesParam, seed: number, run: number): Float64Array {
  if (!p.walk || p.walk.sd <= 0) return out;
  const s = stream(seed, paramKey(run, p.key + '.walk'));
  const sd = p.walk.sd;
  let w = 0;
  for (let t = 0; t < out.length; t++) {
    if (Number.isNaN(out[t])) continue;
    const z = stdNormalQuantile(s());
    if (p.walk.mode === 'relative') { w += sd * z - (sd * sd) / 2; out[t] *= Math.exp(w); }
    else { w += sd * z; out[t] += w; }
  }
  return out;
}

/**
 * Remembers the last value computed for each named part of a region's configuration, so that a
 * Monte Carlo reuses (never copies) arrays whose inputs did not change between runs. The engine
 * never writes its configuration, so sharing is safe.
 */
export class ResolveMemo {
  private last = new Map<string, { key: readonly unknown[]; value: unknown }>();
  /** The last retirement hazard computed, shared by every region of a Monte Carlo in one thread:
   *  a national retirement assumption is drawn once per run and used by all 21 counties. Only the
   *  current run's table is kept (a table per drawn (mean, sd) would grow with the runs). */
  constructor(readonly hazards: HazardCache = new HazardCache()) {}
  get<T>(name: string, key: readonly unknown[], make: () => T): T {
    const e = this.last.get(name);
    if (e && e.key.length === key.length && e.key.every((x, i) => x === key[i])) return e.value as T;
    const value = make();
    this.last.set(name, { key, value });
    return value;
  }
}

/** Retirement hazard by age (age at the start of the year, index age − MIN_AGE). */
export function retirementHazard(r: Retirement, R: Resolver, memo?: ResolveMemo): Float64Array {
  if (r.kind === 'table') return memo ? memo.get('hazard', [r], () => tableHazard(r.hazardByAge)) : tableHazard(r.hazardByAge);
  const mu = R.scalar(r.meanAge);
  const sd = Math.max(R.scalar(r.sd), 1e-9);
  if (!memo) return normalHazard(mu, sd);
  return memo.get('hazard', [mu, sd], () => memo.hazards.get(mu, sd));
}

/** The retirement hazard of the last (mean, sd) asked for. A new table on every change (a region's
 *  memo may still hold the previous one), so the old one is garbage as soon as no region uses it. */
export class HazardCache {
  private mu = NaN;
  private sd = NaN;
  private table: Float64Array | null = null;
  get(mu: number, sd: number): Float64Array {
    if (this.table === null || mu !== this.mu || sd !== this.sd) { this.table = normalHazard(mu, sd); this.mu = mu; this.sd = sd; }
    return this.table;
  }
}

function tableHazard(t: number[]): Float64Array {
  const h = new Float64Array(NAGES);
  h.set(t.slice(0, NAGES));
  return h;
}

/** Retirement age ~ Normal(mu, sd): a specialist retires in the year they would pass it. */
function normalHazard(mu: number, sd: number): Float64Array {
  const h = new Float64Array(NAGES);
  // Survival S(x) = P(retirement age > x) = Φ((mu − x)/sd), computed from the lower tail so it
  // stays accurate where it is tiny; beyond 8.3 sd it is 0 or 1 to within 5e-17.
  const S = (x: number) => { const z = (mu - x) / sd; return z < -8.3 ? 0 : z > 8.3 ? 1 : stdNormalCdfFast(z); };
  let Sb = S(MIN_AGE);
  for (let i = 0; i < NAGES; i++) {
    const a = MIN_AGE + i;
    const Sa = Sb;
    Sb = S(a + 1);
    const hi = Sa <= 0 ? 1 : Math.min(1, Math.max(0, (Sa - Sb) / Sa));
    h[i] = hi < 1e-12 ? 0 : hi; // below one in a trillion: no retirement draw needed
  }
  h[MAX_AGE - MIN_AGE - 1] = 1;
  return h;
}

/**
 * A lever's value per year: a scalar repeated (the same array while the value does not change
 * between runs), or a series with its uncertainty, kept inside the lever's range.
 */
function resolveLever(name: string, p: LeverParam, R: Resolver, nYears: number, memo: ResolveMemo): Float64Array {
  if (isSeriesParam(p)) {
    const v = R.series(p);
    const { lo, hi } = p.domain;
    for (let t = 0; t < v.length; t++) if (v[t] < lo) v[t] = lo; else if (v[t] > hi) v[t] = hi;
    return v;
  }
  const x = R.scalar(p);
  return memo.get(name, [x], () => new Float64Array(nYears).fill(x));
}

/** Table values, then growth applied to the previous year. */
function grow(table: readonly number[], growth: Float64Array): Float64Array {
  const p = new Float64Array(table.length);
  for (let t = 0; t < table.length; t++) {
    const v = table[t];
    p[t] = Number.isNaN(v) ? p[t - 1] * (1 + growth[t]) : v;
  }
  return p;
}

/** Step 6's inputs with age groups: inhabitants and weight per group, their sum, the need-weighted sum, and the need of each other group's age range. */
function resolveDemand(D: DemandInput, reg: RegionInput, R: Resolver, nYears: number, memo: ResolveMemo) {
  const pops = D.groups.map((g) => grow(g.table, R.series(g.growth)));
  const bandW = D.bands.map((b, k) => resolveLever(`weight${k}`, b.weight, R, nYears, memo));
  if (D.referenceMix) {
    // The reference (national) age mix has weight 1 in the start year.
    let scale = 0;
    D.referenceMix.forEach((m, k) => { scale += m * bandW[k][0]; });
    for (let k = 0; k < bandW.length; k++) bandW[k] = bandW[k].map((w) => w / scale);
  }
  const weights = D.groups.map((_, g) => bandW[D.bandOf[g]]);
  const population = new Float64Array(nYears), needWeighted = new Float64Array(nYears);
  for (let t = 0; t < nYears; t++) {
    for (let g = 0; g < pops.length; g++) { population[t] += pops[g][t]; needWeighted[t] += pops[g][t] * weights[g][t]; }
  }
  const rangeNeed = reg.others.map((o) => {
    if (!o.ageRange) return null;
    const r = new Float64Array(nYears);
    D.groups.forEach((g, i) => {
      if (g.lo >= o.ageRange!.lo && g.hi <= o.ageRange!.hi) for (let t = 0; t < nYears; t++) r[t] += pops[i][t] * weights[i][t];
    });
    return r;
  });
  return { population, needWeighted, rangeNeed, ageGroups: { labels: D.groups.map((g) => g.label), population: pops, weight: weights } };
}

export function resolveRegion(reg: RegionInput, R: Resolver, startYear: number, memo: ResolveMemo = new ResolveMemo()): RegionRun {
  const nYears = reg.population.table.length;
  const demand = reg.demand ? resolveDemand(reg.demand, reg, R, nYears, memo) : null;
  // Population: table values, then growth applied to the previous year.
  const growth = demand ? null : R.series(reg.population.growth);
  const pop = demand ? demand.population : memo.get('population', [growth], () => grow(reg.population.table, growth!));
  const S = reg.specialists;
  const head = R.scalar(S.headcount);
  const initByAge = memo.get('initByAge', [head], () => Float64Array.from(S.ageShares, (s) => s * head));

  const T = reg.st;
  const L = T.lengths.length;
  const J = T.byTrainingYear.length;
  const stHead = R.scalar(T.headcount);
  const dropout = resolveLever('dropout', T.dropout, R, nYears, memo);
  // The steady state before the base year uses the base year's dropout.
  const d0 = dropout[0];
  const init = memo.get('stInit', [stHead, T.steadyState ? d0 : -1], () => {
    const split = T.steadyState ? steadyStateSplit(T.lengths, T.lengthProbs, d0) : T.byTrainingYear;
    const a = new Float64Array(J * L);
    for (let j = 1; j <= J; j++) {
      // Trainees in training year j have a length ≥ j: split by the conditional length distribution.
      let tail = 0;
      for (let d = 0; d < L; d++) if (T.lengths[d] >= j) tail += T.lengthProbs[d];
      for (let d = 0; d < L; d++) {
        if (T.lengths[d] >= j && tail > 0) a[(j - 1) * L + d] = (stHead * split[j - 1] * T.lengthProbs[d]) / tail;
      }
    }
    return a;
  });
  const cap = T.capacity;
  const C = reg.costs;
  return {
    name: reg.name,
    population: pop,
    needWeighted: demand ? demand.needWeighted : pop,
    ageGroups: demand ? demand.ageGroups : null,
    coverageShare: resolveLever('coverageShare', reg.coverageShare, R, nYears, memo),
    careNeedIndex: resolveLever('careNeedIndex', reg.careNeedIndex, R, nYears, memo),
    normSpecialist: R.series(reg.normSpecialist),
    normSt: R.series(reg.normSt),
    spec: {
      initByAge,
      hazardByAge: retirementHazard(S.retirement, R, memo),
      attrition: resolveLever('attrition', S.attrition, R, nYears, memo),
      recruitment: R.series(S.recruitment),
      recruitmentAge: R.scalar(S.recruitmentAge),
      fte: resolveLever('specFte', S.fte, R, nYears, memo),
      target: S.target ? R.series(S.target) : null,
      recruitmentMax: S.recruitmentMax ? R.series(S.recruitmentMax) : null,
    },
    st: {
      init,
      lengths: memo.get('lengths', [], () => Int32Array.from(T.lengths)),
      lengthProbs: memo.get('lengthProbs', [], () => Float64Array.from(T.lengthProbs)),
      intake: T.intake ? R.series(T.intake) : null,
      target: T.target ? R.series(T.target) : null,
      targetCompletions: T.targetCompletions ? R.series(T.targetCompletions) : null,
      dropout,
      retention: resolveLever('retention', T.retention, R, nYears, memo),
      fillRate: R.scalar(T.fillRate),
      fte: resolveLever('stFte', T.fte, R, nYears, memo),
      completionAge: R.scalar(T.completionAge),
      listable: T.listable,
      capPerSpecialistFte: cap?.perSpecialistFte ? R.scalar(cap.perSpecialistFte) : Infinity,
      capTotal: cap?.maxTotal ? R.series(cap.maxTotal) : null,
      supervisionFtePerTrainee: cap?.supervisionHoursPerWeek ? R.scalar(cap.supervisionHoursPerWeek) / cap.hoursPerFte : 0,
    },
    others: reg.others.map((o, g) => ({
      name: o.name,
      headcount: R.scalar(o.headcount),
      fte: R.scalar(o.fte),
      attrition: R.scalar(o.attrition),
      recruitment: R.series(o.recruitment),
      norm: R.series(o.norm),
      salaryPerMonth: o.salaryPerMonth ? R.scalar(o.salaryPerMonth) : NaN,
      rangeNeed: demand ? demand.rangeNeed[g] : null,
    })),
    costs: C
      ? {
          priceBaseYear: C.priceBaseYear,
          wageGrowth: R.scalar(C.wageGrowth),
          employerContributions: R.scalar(C.employerContributions),
          overheadPerEmployee: R.scalar(C.overheadPerEmployee),
          salarySpecialist: R.scalar(C.salarySpecialist),
          salarySt: R.scalar(C.salarySt),
          stTrainingCost: R.scalar(C.stTrainingCost),
        }
      : null,
  };
}

export function resolveRun(input: ModelInput, R: Resolver): RunConfig {
  return {
    startYear: input.startYear,
    endYear: input.endYear,
    regions: input.regions.map((r) => resolveRegion(r, R, input.startYear)),
  };
}

export const expectedRun = (input: ModelInput): RunConfig => resolveRun(input, expectedResolver);
