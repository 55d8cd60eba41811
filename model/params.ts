/**
 * From a `ModelInput` (parameters as distributions) to a concrete `RegionRun`, through a
 * `Resolver` that turns each parameter into a number: `expectedResolver` uses each
 * distribution's mean (the deterministic run); `sampleResolver` draws them; the Monte Carlo's
 * resolver reads each run's pre-drawn row (montecarlo.ts).
 *
 * A region is compiled once into a `RegionPlan`: every array of its `RegionRun` is allocated and
 * filled once, and the parts that depend on a run's draws are kept as a list to recompute in
 * place for each run (allocation-free). The deterministic run compiles with nothing drawn.
 */
import { isFixed, mean, quantile, stdNormalCdf, stdNormalCdfFastInto, stdNormalQuantile } from './dist.js';
import { MIN_AGE, NAGES, MAX_AGE } from './engine.js';
import { AleaStream, firstUniform, paramKey, seedWalkStream } from './rng.js';
import { isSeriesParam, type DemandInput, type LeverParam, type ModelInput, type RegionInput, type RegionRun, type RunConfig, type ScalarParam, type SeriesParam } from './types.js';
import { steadyStateSplitInto } from './listable.js';

/** Resolves a scalar or series parameter to a number for one run. */
export interface Resolver {
  scalar(p: ScalarParam): number;
  /** The series' values (base × multiplier, then its random walk if the resolver draws one) into `out` (length p.base.length). */
  seriesInto(p: SeriesParam, out: Float64Array): Float64Array;
}

/** base × m into out. */
function scaledInto(p: SeriesParam, m: number, out: Float64Array): Float64Array {
  const b = p.base;
  for (let t = 0; t < b.length; t++) out[t] = b[t] * m;
  return out;
}

export const expectedResolver: Resolver = {
  scalar: (p) => mean(p.dist, p.domain),
  seriesInto: (p, out) => scaledInto(p, p.multiplier ? mean(p.multiplier.dist, p.multiplier.domain) : 1, out),
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
    seriesInto: (p, out) => applyWalk(scaledInto(p, p.multiplier ? scalar(p.multiplier) : 1, out), p, seed, run),
  };
}

const walkStream = new AleaStream();

/**
 * A series' random walk for run `run`, applied in place: relative (log scale, with a drift that
 * keeps the mean path at the base values) for counts, additive for rates. Its stream is
 * `stream(seed, paramKey(run, key + '.walk'))`, re-seeded in place.
 */
export function applyWalk(out: Float64Array, p: SeriesParam, seed: number, run: number): Float64Array {
  if (!p.walk || p.walk.sd <= 0) return out;
  seedWalkStream(walkStream, seed, run, p.key);
  const sd = p.walk.sd, relative = p.walk.mode === 'relative';
  let w = 0;
  for (let t = 0; t < out.length; t++) {
    if (Number.isNaN(out[t])) continue;
    const z = stdNormalQuantile(walkStream.next());
    if (relative) { w += sd * z - (sd * sd) / 2; out[t] *= Math.exp(w); }
    else { w += sd * z; out[t] += w; }
  }
  return out;
}

/**
 * The retirement hazard of the last (mean, sd) asked for, in one buffer, shared by every region of
 * a Monte Carlo in one thread: a national retirement assumption is drawn once per run and used by
 * all 21 counties. Regions are prepared and simulated one at a time, and each region whose
 * retirement is drawn asks again for every run, so the buffer always holds its own run's table.
 *
 * Because the regions take turns over all runs, run r's table is needed again only after every
 * other run of the region: with `runs` given, each run's (mean, sd) and table are also kept in a
 * slot of their own (`at(run)` says which), so the second to 21st county of a run copy the first
 * one's table instead of computing 56 normal CDFs again (~1 µs per county-run, 2 % of a 21-county
 * Monte Carlo). The same doubles either way. At most MAX_SLOTS slots (4.6 MB at 10 000 runs);
 * with more runs, runs share slots (run mod slots) and a slot holding another run's (mean, sd) is
 * simply computed again.
 */
export class HazardCache {
  private mu = NaN;
  private sd = NaN;
  private readonly table = new Float64Array(NAGES);
  private slot = -1;
  /** Per slot: mean, sd (NaN: empty), and the table. */
  private readonly keys: Float64Array;
  private readonly tables: Float64Array;
  constructor(runs = 0) {
    const slots = Math.min(runs, MAX_SLOTS);
    this.keys = new Float64Array(2 * slots).fill(NaN);
    this.tables = new Float64Array(NAGES * slots);
  }
  /** The run whose tables the next `get` is for (a Monte Carlo's run index). */
  at(run: number): void {
    const slots = this.keys.length / 2;
    this.slot = slots > 0 ? run % slots : -1;
  }
  get(mu: number, sd: number): Float64Array {
    if (mu === this.mu && sd === this.sd) return this.table;
    const s = this.slot, keys = this.keys, tables = this.tables, table = this.table, at = s * NAGES;
    if (s < 0) normalHazardInto(mu, sd, table);
    else if (keys[2 * s] === mu && keys[2 * s + 1] === sd) { for (let i = 0; i < NAGES; i++) table[i] = tables[at + i]; }
    else {
      normalHazardInto(mu, sd, table);
      keys[2 * s] = mu; keys[2 * s + 1] = sd;
      for (let i = 0; i < NAGES; i++) tables[at + i] = table[i];
    }
    this.mu = mu; this.sd = sd;
    return table;
  }
}
const MAX_SLOTS = 10_000;

function tableHazard(t: number[]): Float64Array {
  const h = new Float64Array(NAGES);
  h.set(t.slice(0, NAGES));
  return h;
}

/** Retirement age ~ Normal(mu, sd): a specialist retires in the year they would pass it. */
function normalHazardInto(mu: number, sd: number, h: Float64Array): Float64Array {
  // Survival S(x) = P(retirement age > x) = Φ((mu − x)/sd) at x = MIN_AGE … MIN_AGE + NAGES, computed
  // from the lower tail so it stays accurate where it is tiny; beyond 8.3 sd it is 0 or 1 to within
  // 5e-17 (±Infinity: Φ is then exactly 0 or 1 without reading its grid).
  for (let i = 0; i <= NAGES; i++) {
    const z = (mu - (MIN_AGE + i)) / sd;
    HAZARD_Z[i] = z < -8.3 ? MINUS_INFINITY : z > 8.3 ? Infinity : z;
  }
  stdNormalCdfFastInto(HAZARD_Z, HAZARD_S, NAGES + 1);
  for (let i = 0; i < NAGES; i++) {
    const Sa = HAZARD_S[i], Sb = HAZARD_S[i + 1];
    const hi = Sa <= 0 ? 1 : Math.min(1, Math.max(0, (Sa - Sb) / Sa));
    h[i] = hi < 1e-12 ? 0 : hi; // below one in a trillion: no retirement draw needed
  }
  h[MAX_AGE - MIN_AGE - 1] = 1;
  return h;
}
const HAZARD_Z = new Float64Array(NAGES + 1), HAZARD_S = new Float64Array(NAGES + 1);
/** (A constant: `-Infinity` in the loop is a negation that had no type feedback when V8 optimized it, and deoptimized it.) */
const MINUS_INFINITY = -Infinity;

/** A part of a region's run configuration: recomputes some of its values in place from `R`. */
type Part = (R: Resolver) => void;

/** Whether a scalar parameter is drawn per run (in a Monte Carlo: one of the uncertain keys). */
export type Drawn = (p: ScalarParam) => boolean;
const nothingDrawn: Drawn = () => false;
const seriesDrawn = (p: SeriesParam, drawn: Drawn): boolean => (p.multiplier !== null && drawn(p.multiplier)) || (p.walk !== null && p.walk.sd > 0);
const leverDrawn = (p: LeverParam, drawn: Drawn): boolean => (isSeriesParam(p) ? seriesDrawn(p, drawn) : drawn(p));
const anyDrawn = (drawn: Drawn, ps: (ScalarParam | null | undefined)[]): boolean => ps.some((p) => p && drawn(p));

/** A lever's value per year into `out`: a scalar repeated, or a series with its uncertainty, kept inside the lever's range. */
function leverInto(p: LeverParam, R: Resolver, out: Float64Array): void {
  if (!isSeriesParam(p)) { out.fill(R.scalar(p)); return; }
  R.seriesInto(p, out);
  const { lo, hi } = p.domain;
  for (let t = 0; t < out.length; t++) if (out[t] < lo) out[t] = lo; else if (out[t] > hi) out[t] = hi;
}

/** Table values, then growth applied to the previous year, into `p`. */
function growInto(table: readonly number[], growth: Float64Array, p: Float64Array): void {
  for (let t = 0; t < table.length; t++) {
    const v = table[t];
    p[t] = Number.isNaN(v) ? p[t - 1] * (1 + growth[t]) : v;
  }
}

/** Builds the arrays of one region once; the parts that depend on draws are kept for each run. */
class Compiler {
  readonly parts: Part[] = [];
  constructor(readonly R: Resolver, readonly drawn: Drawn, readonly nYears: number) {}
  /** Runs `f` now; keeps it for every run when `random`. */
  add(random: boolean, f: Part): void {
    f(this.R);
    if (random) this.parts.push(f);
  }
  lever(p: LeverParam): Float64Array {
    const out = new Float64Array(isSeriesParam(p) ? p.base.length : this.nYears);
    this.add(leverDrawn(p, this.drawn), (R) => leverInto(p, R, out));
    return out;
  }
  series(p: SeriesParam): Float64Array {
    const out = new Float64Array(p.base.length);
    this.add(seriesDrawn(p, this.drawn), (R) => { R.seriesInto(p, out); });
    return out;
  }
  maybe(p: SeriesParam | null): Float64Array | null {
    return p ? this.series(p) : null;
  }
}

/** Step 6's inputs with age groups: inhabitants and weight per group, their sum, the need-weighted sum, and the need of each other group's age range. */
function compileDemand(D: DemandInput, reg: RegionInput, c: Compiler) {
  const nYears = c.nYears;
  const growth = D.groups.map((g) => new Float64Array(g.growth.base.length));
  const pops = D.groups.map((g) => new Float64Array(g.table.length));
  const bandW = D.bands.map((b) => new Float64Array(isSeriesParam(b.weight) ? b.weight.base.length : nYears));
  const weights = D.groups.map((_, g) => bandW[D.bandOf[g]]);
  const population = new Float64Array(nYears), needWeighted = new Float64Array(nYears);
  const rangeNeed = reg.others.map((o) => (o.ageRange ? new Float64Array(nYears) : null));
  const random = D.groups.some((g) => seriesDrawn(g.growth, c.drawn)) || D.bands.some((b) => leverDrawn(b.weight, c.drawn));
  c.add(random, (R) => {
    D.groups.forEach((g, i) => { R.seriesInto(g.growth, growth[i]); growInto(g.table, growth[i], pops[i]); });
    D.bands.forEach((b, k) => leverInto(b.weight, R, bandW[k]));
    if (D.referenceMix) {
      // The reference (national) age mix has weight 1 in the start year.
      let scale = 0;
      D.referenceMix.forEach((m, k) => { scale += m * bandW[k][0]; });
      for (const w of bandW) for (let t = 0; t < w.length; t++) w[t] = w[t] / scale;
    }
    population.fill(0); needWeighted.fill(0);
    for (let t = 0; t < nYears; t++) {
      for (let g = 0; g < pops.length; g++) { population[t] += pops[g][t]; needWeighted[t] += pops[g][t] * weights[g][t]; }
    }
    reg.others.forEach((o, k) => {
      const r = rangeNeed[k];
      if (!r || !o.ageRange) return;
      r.fill(0);
      D.groups.forEach((g, i) => {
        if (g.lo >= o.ageRange!.lo && g.hi <= o.ageRange!.hi) for (let t = 0; t < nYears; t++) r[t] += pops[i][t] * weights[i][t];
      });
    });
  });
  return { population, needWeighted, rangeNeed, ageGroups: { labels: D.groups.map((g) => g.label), population: pops, weight: weights } };
}

/**
 * One region compiled for many runs: `cfg` holds every value of a run; `prepare(R)` recomputes, in
 * place, only what depends on the run's draws (R reads that run). The engine never writes `cfg`.
 * `hazards`: the thread's shared retirement table (Monte Carlo), or null (a table per region).
 */
export class RegionPlan {
  readonly cfg: RegionRun;
  private readonly parts: Part[];
  constructor(reg: RegionInput, R: Resolver, drawn: Drawn = nothingDrawn, hazards: HazardCache | null = null) {
    const nYears = reg.population.table.length;
    const c = new Compiler(R, drawn, nYears);
    const demand = reg.demand ? compileDemand(reg.demand, reg, c) : null;
    let pop: Float64Array;
    if (demand) pop = demand.population;
    else {
      const growth = new Float64Array(reg.population.growth.base.length);
      pop = new Float64Array(reg.population.table.length);
      c.add(seriesDrawn(reg.population.growth, drawn), (Q) => { Q.seriesInto(reg.population.growth, growth); growInto(reg.population.table, growth, pop); });
    }
    const S = reg.specialists, T = reg.st, cap = T.capacity, C = reg.costs;
    const L = T.lengths.length, J = T.byTrainingYear.length;
    const initByAge = new Float64Array(S.ageShares.length);
    c.add(drawn(S.headcount), (Q) => { const head = Q.scalar(S.headcount); for (let i = 0; i < initByAge.length; i++) initByAge[i] = S.ageShares[i] * head; });
    const dropout = c.lever(T.dropout);
    const cfg: RegionRun = {
      name: reg.name,
      population: pop,
      needWeighted: demand ? demand.needWeighted : pop,
      ageGroups: demand ? demand.ageGroups : null,
      coverageShare: c.lever(reg.coverageShare),
      careNeedIndex: c.lever(reg.careNeedIndex),
      normSpecialist: c.series(reg.normSpecialist),
      normSt: c.series(reg.normSt),
      spec: {
        initByAge,
        hazardByAge: S.retirement.kind === 'table' ? tableHazard(S.retirement.hazardByAge) : new Float64Array(NAGES),
        attrition: c.lever(S.attrition),
        recruitment: c.series(S.recruitment),
        recruitmentAge: NaN,
        fte: c.lever(S.fte),
        target: c.maybe(S.target),
        recruitmentMax: c.maybe(S.recruitmentMax),
      },
      st: {
        init: new Float64Array(J * L),
        lengths: Int32Array.from(T.lengths),
        lengthProbs: Float64Array.from(T.lengthProbs),
        intake: c.maybe(T.intake),
        target: c.maybe(T.target),
        targetCompletions: c.maybe(T.targetCompletions),
        dropout,
        retention: c.lever(T.retention),
        fillRate: NaN,
        fte: c.lever(T.fte),
        completionAge: NaN,
        listable: T.listable,
        capPerSpecialistFte: Infinity,
        capTotal: cap?.maxTotal ? c.series(cap.maxTotal) : null,
        supervisionFtePerTrainee: 0,
      },
      others: reg.others.map((o, g) => ({
        name: o.name, headcount: NaN, fte: NaN, attrition: NaN,
        recruitment: c.series(o.recruitment), norm: c.series(o.norm),
        salaryPerMonth: NaN, rangeNeed: demand ? demand.rangeNeed[g] : null,
      })),
      costs: C ? { priceBaseYear: C.priceBaseYear, wageGrowth: NaN, employerContributions: NaN, overheadPerEmployee: NaN, salarySpecialist: NaN, salarySt: NaN, stTrainingCost: NaN } : null,
    };
    const SP = cfg.spec, ST = cfg.st;
    const ret = S.retirement;
    if (ret.kind === 'normal') {
      const random = drawn(ret.meanAge) || drawn(ret.sd);
      const shared = random ? hazards : null;
      c.add(random, (Q) => {
        const mu = Q.scalar(ret.meanAge), sd = Math.max(Q.scalar(ret.sd), 1e-9);
        SP.hazardByAge = shared ? shared.get(mu, sd) : normalHazardInto(mu, sd, SP.hazardByAge);
      });
    }
    // The steady state before the base year uses the base year's dropout (computed above).
    const split = new Float64Array(J);
    c.add(drawn(T.headcount) || (T.steadyState === true && leverDrawn(T.dropout, drawn)), (Q) => {
      const stHead = Q.scalar(T.headcount);
      if (T.steadyState) steadyStateSplitInto(T.lengths, T.lengthProbs, dropout[0], split);
      else split.set(T.byTrainingYear);
      const a = ST.init;
      for (let j = 1; j <= J; j++) {
        // Trainees in training year j have a length ≥ j: split by the conditional length distribution.
        let tail = 0;
        for (let d = 0; d < L; d++) if (T.lengths[d] >= j) tail += T.lengthProbs[d];
        for (let d = 0; d < L; d++) {
          if (T.lengths[d] >= j && tail > 0) a[(j - 1) * L + d] = (stHead * split[j - 1] * T.lengthProbs[d]) / tail;
        }
      }
    });
    c.add(anyDrawn(drawn, [S.recruitmentAge, T.fillRate, T.completionAge, cap?.perSpecialistFte, cap?.supervisionHoursPerWeek]), (Q) => {
      SP.recruitmentAge = Q.scalar(S.recruitmentAge);
      ST.fillRate = Q.scalar(T.fillRate);
      ST.completionAge = Q.scalar(T.completionAge);
      ST.capPerSpecialistFte = cap?.perSpecialistFte ? Q.scalar(cap.perSpecialistFte) : Infinity;
      ST.supervisionFtePerTrainee = cap?.supervisionHoursPerWeek ? Q.scalar(cap.supervisionHoursPerWeek) / cap.hoursPerFte : 0;
    });
    reg.others.forEach((o, g) => {
      const out = cfg.others[g];
      c.add(anyDrawn(drawn, [o.headcount, o.fte, o.attrition, o.salaryPerMonth]), (Q) => {
        out.headcount = Q.scalar(o.headcount);
        out.fte = Q.scalar(o.fte);
        out.attrition = Q.scalar(o.attrition);
        out.salaryPerMonth = o.salaryPerMonth ? Q.scalar(o.salaryPerMonth) : NaN;
      });
    });
    const costs = cfg.costs;
    if (C && costs) {
      c.add(anyDrawn(drawn, [C.wageGrowth, C.employerContributions, C.overheadPerEmployee, C.salarySpecialist, C.salarySt, C.stTrainingCost]), (Q) => {
        costs.wageGrowth = Q.scalar(C.wageGrowth);
        costs.employerContributions = Q.scalar(C.employerContributions);
        costs.overheadPerEmployee = Q.scalar(C.overheadPerEmployee);
        costs.salarySpecialist = Q.scalar(C.salarySpecialist);
        costs.salarySt = Q.scalar(C.salarySt);
        costs.stTrainingCost = Q.scalar(C.stTrainingCost);
      });
    }
    this.cfg = cfg;
    this.parts = c.parts;
  }
  /** The run whose draws `R` reads: recomputes the drawn parts in place and returns `cfg`. */
  prepare(R: Resolver): RegionRun {
    const parts = this.parts;
    for (let i = 0; i < parts.length; i++) parts[i](R);
    return this.cfg;
  }
}

/** One region's configuration for one run, every parameter through `R`. */
export function resolveRegion(reg: RegionInput, R: Resolver): RegionRun {
  return new RegionPlan(reg, R).cfg;
}

export function resolveRun(input: ModelInput, R: Resolver): RunConfig {
  return {
    startYear: input.startYear,
    endYear: input.endYear,
    regions: input.regions.map((r) => resolveRegion(r, R)),
  };
}

export const expectedRun = (input: ModelInput): RunConfig => resolveRun(input, expectedResolver);
