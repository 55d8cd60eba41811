/**
 * Parameter draws for the Monte Carlo (main thread only: it loads ml-matrix for the copula).
 * Every uncertain parameter is drawn once per run from its own stream (key = where it was
 * declared), by inverse CDF from one uniform, with an optional Gaussian copula for correlations.
 * A parameter declared once at the top level of a multi-region scenario has one key and so one
 * draw per run, shared by every region that inherits it; a parameter written inside a region's
 * own block is drawn for that region alone.
 */
import { Matrix, CholeskyDecomposition } from 'ml-matrix';
import { drawParamsInto, McContext, reachedSummary, simulateRange, summarize, uncertainKeys, type McOptions, type McResult } from './montecarlo.js';
import { resolveRun, sampleResolver, type Copula } from './params.js';
import { TotalAccumulator } from './project.js';
import type { ModelInput, RunConfig } from './types.js';

/** Prepared copula: the Cholesky factor of each correlated group. */
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

export const sampleRun = (input: ModelInput, seed: number, run: number, copula: Copula | null): RunConfig =>
  resolveRun(input, sampleResolver(seed, run, copula));

/** Parameter draws for runs [from, to): (to − from) × keys.length, one row per run. */
export function drawParams(input: ModelInput, seed: number, from: number, to: number): Float64Array {
  const out = new Float64Array((to - from) * uncertainKeys(input).length);
  drawParamsInto(input, seed, from, to, prepareCopula(input), out, from);
  return out;
}

/**
 * The whole Monte Carlo in-process — the reference the worker pool must match byte for byte.
 * Memory: all runs of one region at a time, plus the total's per-run sums.
 */
export function monteCarlo(input: ModelInput, opts: McOptions): McResult {
  const params = drawParams(input, opts.seed, 0, opts.runs);
  const ctx = new McContext(input, opts, params);
  const total = input.total !== null ? new TotalAccumulator(opts.runs, ctx.nYears) : null;
  const blocks = new Float64Array(opts.runs * ctx.size);
  const regions = input.regions.map((reg, i) => {
    simulateRange(ctx, i, 0, opts.runs, blocks, total);
    return summarize(reg.name, blocks, opts.runs, ctx.nYears);
  });
  return {
    opts, startYear: input.startYear, endYear: input.endYear,
    paramKeys: uncertainKeys(input).map((k) => k.key), params, regions,
    total: total ? summarize(input.total!, total.finish(), opts.runs, ctx.nYears) : null,
  };
}

export { reachedSummary, sampleResolver, type Copula };
