/**
 * Parameter distributions, all sampled by inverse CDF from a single uniform. One uniform per
 * parameter per run keeps parameter streams independent and lets a Gaussian copula correlate
 * any marginals (see `params.ts`). Bounds are applied by truncation — the uniform is mapped
 * into [F(lo), F(hi)] before inversion — so shares stay in 0–1 and headcounts non-negative by
 * construction, never by clamping a draw after the fact.
 */
import { ibetainv, normalCdf, normalInv } from './special.js';

// jStat's normal CDF and quantile and beta quantile (PERT; accurate to ~1e-8, ~6× faster than the
// alternative tried), as ported in special.ts (the same doubles without jStat's per-call garbage).
const betaQuantile = ibetainv;
const normalQuantile = normalInv;

export type Dist =
  | { dist: 'fixed'; value: number }
  | { dist: 'normal'; mean: number; sd: number; min?: number; max?: number }
  | { dist: 'lognormal'; median: number; sigma: number; min?: number; max?: number }
  | { dist: 'uniform'; min: number; max: number }
  | { dist: 'triangular'; min: number; mode: number; max: number }
  | { dist: 'pert'; min: number; mode: number; max: number };

export type DistName = Dist['dist'];

/** The admissible values of a parameter; used to truncate unbounded distributions. */
export interface Domain { lo: number; hi: number }
export const SHARE: Domain = { lo: 0, hi: 1 };
export const NONNEG: Domain = { lo: 0, hi: Infinity };
export const ANY: Domain = { lo: -Infinity, hi: Infinity };

const SQRT2PI = Math.sqrt(2 * Math.PI);
const phi = (z: number) => Math.exp(-0.5 * z * z) / SQRT2PI;
const Phi = (z: number) => (z === Infinity ? 1 : z === -Infinity ? 0 : normalCdf(z, 0, 1));

export const stdNormalQuantile = (u: number): number => normalQuantile(u, 0, 1);
export const stdNormalCdf = Phi;

/**
 * Φ for hot loops (retirement hazards are recomputed for every run when the mean retirement age
 * is uncertain): cubic Hermite interpolation of Φ on a grid of step 1/512 over [−8.5, 8.5], with
 * the exact derivative φ at the nodes. The interpolation error is below h⁴·max|Φ⁗|/384 ≈ 1e-14;
 * outside the grid Φ is within 1e-17 of 0 or 1. Each node keeps Φ and φ·h, so an evaluation needs
 * no `exp`; each node is computed (with jStat's erf, special.ts) the first time an evaluation
 * needs it, so a deterministic run builds only the nodes its ages read (one at a time: blocks of
 * 32 built ~3 800 nodes for a deterministic Stockholm run, most never read, ~9 ms of its start-up;
 * a node's value does not depend on when it is built).
 */
const GRID_STEP = 1 / 512, GRID_LO = -8.5, GRID_N = Math.round(17 / GRID_STEP) + 1;
const gridPhi = new Float64Array(GRID_N), gridSlope = new Float64Array(GRID_N);
const nodeBuilt = new Uint8Array(GRID_N);
function buildNode(i: number): void {
  if (nodeBuilt[i] === 1) return;
  const z = GRID_LO + i * GRID_STEP;
  gridPhi[i] = Phi(z);
  gridSlope[i] = phi(z) * GRID_STEP;
  nodeBuilt[i] = 1;
}
function buildNodes(i: number): void { buildNode(i); buildNode(i + 1); }
/**
 * That Φ of zs[0 … n − 1] into out[0 … n − 1]: a whole table per call, so no number is passed or
 * returned per value (a one-value form called in a loop that V8 did not inline it into got each
 * argument and result as a new heap number: ~5 MB of garbage per 10 000-run Stockholm Monte Carlo).
 */
export function stdNormalCdfFastInto(zs: Float64Array, out: Float64Array, n: number): void {
  for (let j = 0; j < n; j++) {
    const z = zs[j];
    if (z <= GRID_LO) { out[j] = 0; continue; }
    if (z >= -GRID_LO) { out[j] = 1; continue; }
    const x = (z - GRID_LO) / GRID_STEP;
    const i = Math.min(GRID_N - 2, Math.floor(x));
    // Both nodes through one call site, taken on the very first call: a second call site (or an
    // index computed only inside its branch) had no type feedback when V8 optimized this function,
    // and deoptimized it the first time a value needed a node not yet built.
    if (nodeBuilt[i] === 0 || nodeBuilt[i + 1] === 0) buildNodes(i);
    const t = x - i;
    const p0 = gridPhi[i], p1 = gridPhi[i + 1], m0 = gridSlope[i], m1 = gridSlope[i + 1];
    const t2 = t * t, t3 = t2 * t;
    out[j] = (2 * t3 - 3 * t2 + 1) * p0 + (t3 - 2 * t2 + t) * m0 + (-2 * t3 + 3 * t2) * p1 + (t3 - t2) * m1;
  }
}

/** Effective truncation bounds of an unbounded distribution inside a domain. */
function bounds(d: { min?: number; max?: number }, dom: Domain): [number, number] {
  return [Math.max(d.min ?? -Infinity, dom.lo), Math.min(d.max ?? Infinity, dom.hi)];
}

/** Inverse CDF of `d`, truncated to `dom`, at u ∈ (0, 1). */
export function quantile(d: Dist, u: number, dom: Domain = ANY): number {
  switch (d.dist) {
    case 'fixed':
      return d.value;
    case 'uniform':
      return d.min + u * (d.max - d.min);
    case 'triangular': {
      const { min: a, mode: c, max: b } = d;
      if (b === a) return a;
      const fc = (c - a) / (b - a);
      return u < fc ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
    }
    case 'pert': {
      const { min: a, mode: m, max: b } = d;
      if (b === a) return a;
      const alpha = 1 + (4 * (m - a)) / (b - a);
      const beta = 1 + (4 * (b - m)) / (b - a);
      return a + (b - a) * betaQuantile(u, alpha, beta);
    }
    case 'normal': {
      if (d.sd === 0) return d.mean;
      const [lo, hi] = bounds(d, dom);
      const flo = Phi((lo - d.mean) / d.sd);
      const fhi = Phi((hi - d.mean) / d.sd);
      const x = d.mean + d.sd * stdNormalQuantile(flo + u * (fhi - flo));
      return Math.min(hi, Math.max(lo, x)); // guards rounding only; the mass is already inside
    }
    case 'lognormal': {
      if (d.sigma === 0) return d.median;
      const [lo0, hi] = bounds(d, dom);
      const lo = Math.max(lo0, 0);
      const mu = Math.log(d.median);
      const flo = lo > 0 ? Phi((Math.log(lo) - mu) / d.sigma) : 0;
      const fhi = hi < Infinity ? Phi((Math.log(hi) - mu) / d.sigma) : 1;
      const x = Math.exp(mu + d.sigma * stdNormalQuantile(flo + u * (fhi - flo)));
      return Math.min(hi, Math.max(lo, x));
    }
  }
}

/** Expected value of `d` truncated to `dom` — what the deterministic run uses. */
export function mean(d: Dist, dom: Domain = ANY): number {
  switch (d.dist) {
    case 'fixed':
      return d.value;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'triangular':
      return (d.min + d.mode + d.max) / 3;
    case 'pert':
      return (d.min + 4 * d.mode + d.max) / 6;
    case 'normal': {
      if (d.sd === 0) return d.mean;
      const [lo, hi] = bounds(d, dom);
      const a = (lo - d.mean) / d.sd;
      const b = (hi - d.mean) / d.sd;
      const z = Phi(b) - Phi(a);
      const pa = a === -Infinity ? 0 : phi(a);
      const pb = b === Infinity ? 0 : phi(b);
      return d.mean + (d.sd * (pa - pb)) / z;
    }
    case 'lognormal': {
      if (d.sigma === 0) return d.median;
      const [lo0, hi] = bounds(d, dom);
      const lo = Math.max(lo0, 0);
      const mu = Math.log(d.median);
      const s = d.sigma;
      const la = lo > 0 ? (Math.log(lo) - mu) / s : -Infinity;
      const lb = hi < Infinity ? (Math.log(hi) - mu) / s : Infinity;
      return (Math.exp(mu + (s * s) / 2) * (Phi(lb - s) - Phi(la - s))) / (Phi(lb) - Phi(la));
    }
  }
}

/** Support of `d` within `dom` (for validation and charts). */
export function support(d: Dist, dom: Domain = ANY): [number, number] {
  switch (d.dist) {
    case 'fixed':
      return [d.value, d.value];
    case 'uniform':
    case 'triangular':
    case 'pert':
      return [d.min, d.max];
    case 'normal':
      return bounds(d, dom);
    case 'lognormal': {
      const [lo, hi] = bounds(d, dom);
      return [Math.max(lo, 0), hi];
    }
  }
}

/** True when the distribution always gives the same value. */
export function isFixed(d: Dist): boolean {
  const [lo, hi] = support(d);
  return d.dist === 'fixed' || lo === hi || (d.dist === 'normal' && d.sd === 0) || (d.dist === 'lognormal' && d.sigma === 0);
}
