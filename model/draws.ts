/**
 * Parameter draws for the Monte Carlo ("draws" in riktvarde always means these; the binomial
 * event noise of the engine comes from its event streams). Worker safe: no ml-matrix here, the
 * copula comes ready-made from copula.ts.
 * Every uncertain parameter is drawn once per run from its own stream (key = where it was
 * declared), by inverse CDF from one uniform, with an optional Gaussian copula for correlations.
 * A parameter declared once at the top level of a multi-region scenario has one key and so one
 * draw per run, shared by every region that inherits it; a parameter written inside a region's
 * own block is drawn for that region alone.
 */
import { isFixed, mean, quantile, stdNormalCdf, stdNormalQuantile } from './dist.js';
import { resolveRun, sampleResolver, type Copula } from './params.js';
import { paramUniform } from './rng.js';
import type { ModelInput, RegionInput, RunConfig, ScalarParam } from './types.js';

export const sampleRun = (input: ModelInput, seed: number, run: number, copula: Copula | null): RunConfig =>
  resolveRun(input, sampleResolver(seed, run, copula));

/** The uncertain parameters of the input (its stream keys), in key order: the list carried on the input. */
export function uncertainKeys(input: ModelInput): { key: string; param: ScalarParam }[] {
  return input.uncertain.map((param) => ({ key: param.key, param }));
}

/**
 * The one definition of "uncertain": every scalar parameter of `regions` whose distribution is not
 * a single value, once per key, in key order. Called when an input is built (normalisation) or
 * restructured (solve's lever), never per Monte Carlo.
 */
export function findUncertain(regions: readonly RegionInput[]): ScalarParam[] {
  const found = new Map<string, ScalarParam>();
  const visit = (v: unknown): void => {
    if (v === null || typeof v !== 'object' || ArrayBuffer.isView(v)) return;
    if (Array.isArray(v)) { v.forEach(visit); return; }
    const o = v as Record<string, unknown>;
    if (typeof o.key === 'string' && o.dist && typeof o.dist === 'object' && o.domain) {
      const p = o as unknown as ScalarParam;
      if (!isFixedParam(p) && !found.has(p.key)) found.set(p.key, p);
      return;
    }
    for (const x of Object.values(o)) visit(x);
  };
  visit(regions);
  return [...found.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, p]) => p);
}

function isFixedParam(p: ScalarParam): boolean {
  const d = p.dist;
  if (d.dist === 'fixed') return true;
  if (d.dist === 'normal') return d.sd === 0;
  if (d.dist === 'lognormal') return d.sigma === 0;
  return d.min === d.max;
}

/**
 * Draws the uncertain parameters of runs [from, to) into `out` (row r − offset per run): the same
 * values as `sampleResolver`, without building a resolver, a key string or a stream per run. Worker
 * safe: the copula's Cholesky factor comes ready-made from the main thread.
 */
export function drawParamsInto(input: ModelInput, seed: number, from: number, to: number, copula: Copula | null, out: Float64Array, offset = 0): void {
  const keys = uncertainKeys(input);
  const K = keys.length;
  const ck = copula ? copula.keys : [], nc = ck.length;
  // A typed array: a plain one's map (element kind) varied between calls, and deoptimized the loop below.
  const inCopula = Int32Array.from(keys, (k) => ck.indexOf(k.key));
  const z = new Float64Array(nc), u = new Float64Array(nc);
  // Whether a parameter is fixed, and its value then, depend on the parameter alone: found once, not per run.
  const fixed = Uint8Array.from(keys, (k) => (isFixed(k.param.dist) ? 1 : 0));
  const fixedValue = Float64Array.from(keys, (k, j) => (fixed[j] ? mean(k.param.dist, k.param.domain) : 0));
  for (let r = from; r < to; r++) {
    // Correlated uniforms: independent normals from each parameter's own stream, mixed by the Cholesky factor.
    for (let i = 0; i < nc; i++) z[i] = stdNormalQuantile(paramUniform(seed, r, ck[i]));
    for (let i = 0; i < nc; i++) {
      let s = 0;
      for (let j = 0; j <= i; j++) s += copula!.lower[i][j] * z[j];
      u[i] = stdNormalCdf(s);
    }
    for (let j = 0; j < K; j++) {
      const p = keys[j].param;
      out[(r - offset) * K + j] = fixed[j] ? fixedValue[j] : quantile(p.dist, inCopula[j] >= 0 ? u[inCopula[j]] : paramUniform(seed, r, p.key), p.domain);
    }
  }
}


export { sampleResolver, type Copula };
