/**
 * From a `ModelInput` (parameters as distributions) to a concrete `RunConfig`:
 *  - `expectedRun` uses each distribution's mean — the deterministic run;
 *  - `sampleRun` draws every uncertain parameter once for run r, from its own stream
 *    (key = where it was declared), with an optional Gaussian copula for correlations.
 * A parameter declared once at the top level of a multi-region scenario has one key and so
 * one draw per run, shared by every region that inherits it; a parameter written inside a
 * region's own block is drawn for that region alone.
 */
import { Matrix, CholeskyDecomposition } from 'ml-matrix';
import { isFixed, mean, quantile, stdNormalCdf, stdNormalQuantile } from './dist.js';
import { MIN_AGE, NAGES, MAX_AGE } from './engine.js';
import { paramKey, stream } from './rng.js';
import type { ModelInput, RegionInput, RegionRun, RunConfig, ScalarParam, SeriesParam, Retirement } from './types.js';

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

/** Prepared copula: the Cholesky factor of each correlated group. */
export interface Copula {
  keys: string[];
  lower: number[][];
}

export function prepareCopula(input: ModelInput): Copula | null {
  if (input.correlations.length === 0) return null;
  const keys = [...new Set(input.correlations.flatMap((c) => [c.a, c.b]))].sort();
  const n = keys.length;
  const m = Matrix.eye(n, n);
  for (const c of input.correlations) {
    const i = keys.indexOf(c.a), j = keys.indexOf(c.b);
    m.set(i, j, c.rho); m.set(j, i, c.rho);
  }
  const chol = new CholeskyDecomposition(m);
  if (!chol.isPositiveDefinite()) throw new Error('correlation matrix is not positive definite');
  return { keys, lower: chol.lowerTriangularMatrix.to2DArray() };
}

/** Resolver drawing run `run`'s parameters under `seed`. */
export function sampleResolver(seed: number, run: number, copula: Copula | null): Resolver {
  const cache = new Map<string, number>();
  // Correlated uniforms, computed once per run: independent normals from each parameter's own
  // stream, mixed by the Cholesky factor.
  let corr: Map<string, number> | null = null;
  if (copula) {
    const z = copula.keys.map((k) => stdNormalQuantile(stream(seed, paramKey(run, k))()));
    corr = new Map();
    copula.keys.forEach((k, i) => {
      let s = 0;
      for (let j = 0; j <= i; j++) s += copula.lower[i][j] * z[j];
      corr!.set(k, stdNormalCdf(s));
    });
  }
  const uniformFor = (key: string) => corr?.get(key) ?? stream(seed, paramKey(run, key))();
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
      const out = Float64Array.from(p.base, (v) => v * m);
      if (p.walk && p.walk.sd > 0) {
        const s = stream(seed, paramKey(run, p.key + '.walk'));
        const sd = p.walk.sd;
        let w = 0;
        for (let t = 0; t < out.length; t++) {
          if (Number.isNaN(out[t])) continue;
          const z = stdNormalQuantile(s());
          if (p.walk.mode === 'relative') {
            w += sd * z - (sd * sd) / 2; // drift keeps E[exp(w)] = 1
            out[t] *= Math.exp(w);
          } else {
            w += sd * z;
            out[t] += w;
          }
        }
      }
      return out;
    },
  };
}

/** Retirement hazard by age (age at the start of the year, index age − MIN_AGE). */
export function retirementHazard(r: Retirement, R: Resolver): Float64Array {
  const h = new Float64Array(NAGES);
  if (r.kind === 'table') {
    h.set(r.hazardByAge.slice(0, NAGES));
    return h;
  }
  const mu = R.scalar(r.meanAge);
  const sd = Math.max(R.scalar(r.sd), 1e-9);
  let Fb = stdNormalCdf((MIN_AGE - mu) / sd);
  for (let i = 0; i < NAGES; i++) {
    const a = MIN_AGE + i;
    const Fa = Fb;
    Fb = stdNormalCdf((a + 1 - mu) / sd);
    const hi = Fa >= 1 - 1e-15 ? 1 : Math.min(1, (Fb - Fa) / (1 - Fa));
    h[i] = hi < 1e-12 ? 0 : hi; // below one in a trillion: no retirement draw needed
  }
  h[MAX_AGE - MIN_AGE - 1] = 1;
  return h;
}

export function resolveRegion(reg: RegionInput, R: Resolver, startYear: number): RegionRun {
  const nYears = reg.population.table.length;
  // Population: table values, then growth applied to the previous year.
  const growth = R.series(reg.population.growth);
  const pop = new Float64Array(nYears);
  for (let t = 0; t < nYears; t++) {
    const v = reg.population.table[t];
    pop[t] = Number.isNaN(v) ? pop[t - 1] * (1 + growth[t]) : v;
  }
  const S = reg.specialists;
  const head = R.scalar(S.headcount);
  const initByAge = Float64Array.from(S.ageShares, (s) => s * head);

  const T = reg.st;
  const L = T.lengths.length;
  const J = T.byTrainingYear.length;
  const stHead = R.scalar(T.headcount);
  const init = new Float64Array(J * L);
  for (let j = 1; j <= J; j++) {
    // Trainees in training year j have a length ≥ j: split by the conditional length distribution.
    let tail = 0;
    for (let d = 0; d < L; d++) if (T.lengths[d] >= j) tail += T.lengthProbs[d];
    for (let d = 0; d < L; d++) {
      if (T.lengths[d] >= j && tail > 0) init[(j - 1) * L + d] = (stHead * T.byTrainingYear[j - 1] * T.lengthProbs[d]) / tail;
    }
  }
  const cap = T.capacity;
  const C = reg.costs;
  return {
    name: reg.name,
    population: pop,
    coverageShare: R.scalar(reg.coverageShare),
    careNeedIndex: R.scalar(reg.careNeedIndex),
    normSpecialist: R.series(reg.normSpecialist),
    normSt: R.series(reg.normSt),
    spec: {
      initByAge,
      hazardByAge: retirementHazard(S.retirement, R),
      attrition: R.scalar(S.attrition),
      recruitment: R.series(S.recruitment),
      recruitmentAge: R.scalar(S.recruitmentAge),
      fte: R.scalar(S.fte),
    },
    st: {
      init,
      lengths: Int32Array.from(T.lengths),
      lengthProbs: Float64Array.from(T.lengthProbs),
      intake: T.intake ? R.series(T.intake) : null,
      target: T.target ? R.series(T.target) : null,
      dropout: R.scalar(T.dropout),
      retention: R.scalar(T.retention),
      fillRate: R.scalar(T.fillRate),
      fte: R.scalar(T.fte),
      completionAge: R.scalar(T.completionAge),
      listable: T.listable,
      capPerSpecialistFte: cap?.perSpecialistFte ? R.scalar(cap.perSpecialistFte) : Infinity,
      capTotal: cap?.maxTotal ? R.series(cap.maxTotal) : null,
      supervisionFtePerTrainee: cap?.supervisionHoursPerWeek ? R.scalar(cap.supervisionHoursPerWeek) / cap.hoursPerFte : 0,
    },
    others: reg.others.map((o) => ({
      name: o.name,
      headcount: R.scalar(o.headcount),
      fte: R.scalar(o.fte),
      attrition: R.scalar(o.attrition),
      recruitment: R.series(o.recruitment),
      norm: R.series(o.norm),
      salaryPerMonth: o.salaryPerMonth ? R.scalar(o.salaryPerMonth) : NaN,
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
export const sampleRun = (input: ModelInput, seed: number, run: number, copula: Copula | null): RunConfig =>
  resolveRun(input, sampleResolver(seed, run, copula));
