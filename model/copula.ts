/**
 * The Gaussian copula of correlated parameters, prepared once per Monte Carlo on the calling thread
 * (it loads ml-matrix; worker threads receive the factor ready-made).
 */
import { Matrix, CholeskyDecomposition } from 'ml-matrix';
import { drawParamsInto, uncertainKeys } from './draws.js';
import type { Copula } from './params.js';
import type { ModelInput } from './types.js';

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

/** Parameter draws for runs [from, to): (to − from) × keys.length, one row per run. */
export function drawParams(input: ModelInput, seed: number, from: number, to: number): Float64Array {
  const out = new Float64Array((to - from) * uncertainKeys(input).length);
  drawParamsInto(input, seed, from, to, prepareCopula(input), out, from);
  return out;
}

