/**
 * Binomial draws by inversion with exactly one uniform per draw.
 *
 * Why not a faster rejection sampler (BTPE, d3-random): those use a variable number of
 * uniforms, so a change in one count shifts every later draw in the stream. With one uniform
 * per draw and inversion, draw i of a stream is always the same uniform, and the result is
 * monotone in n and p for that uniform. That gives common random numbers between scenarios
 * and a solver whose success probability is monotone in the intake.
 */
import gammaln from '@stdlib/math-base-special-gammaln';

/**
 * Smallest k with P(X ≤ k) > u for X ~ Binomial(n, p); n a non-negative integer.
 * For p > 1/2 it searches from the top (X = n − Y, Y ~ Binomial(n, 1 − p), at 1 − u), which is
 * the same inverse (up to ties of probability zero) in fewer steps.
 */
export function binomialInv(u: number, n: number, p: number): number {
  if (n <= 0 || p <= 0) { residual = u; return 0; }
  if (p >= 1) { residual = u; return n; }
  if (p > 0.5) {
    const m = binomialLow(1 - u, n, 1 - p, true);
    residual = 1 - residual; // position of u inside the pmf interval of n − m
    return n - m;
  }
  return binomialLow(u, n, p, false);
}

/**
 * Where u fell inside the probability interval of the last result of `binomialInv`, rescaled to
 * [0, 1): again a uniform, independent of the result. Lets one uniform drive two nested draws
 * (how many leave, then how many of them retire) without a second draw from the stream.
 */
export let residual = 0;

/** log(1 − p) of the last p seen: the engine draws many times in a row with the same rate. */
let memoP = -1, memoLnq = 0;

/** Inverse CDF search from below for p ≤ 1/2; `strict` finds the smallest k with F(k) ≥ u. */
function binomialLow(u: number, n: number, p: number, strict: boolean): number {
  if (p !== memoP) { memoP = p; memoLnq = Math.log1p(-p); }
  const lnq = memoLnq;
  const q = 1 - p;
  let k: number;
  let pmf: number;
  if (-n * lnq < 600) {
    k = 0;
    pmf = Math.exp(n * lnq);
  } else {
    // P(X < mean − 12 sd) is below 1e-30: start there instead of at an underflowing pmf(0).
    const mean = n * p, sd = Math.sqrt(mean * q);
    k = Math.max(0, Math.floor(mean - 12 * sd));
    pmf = Math.exp(gammaln(n + 1) - gammaln(k + 1) - gammaln(n - k + 1) + k * Math.log(p) + (n - k) * lnq);
  }
  let cdf = pmf;
  const ratio = p / q;
  // Rounding can leave the summed CDF a hair below 1: stop far in the upper tail.
  let kmax = n;
  let steps = 0;
  while ((strict ? u > cdf : u >= cdf) && k < kmax) {
    pmf *= (ratio * (n - k)) / (k + 1);
    k++;
    cdf += pmf;
    if (++steps === 64) { const mean = n * p; kmax = Math.min(n, Math.ceil(mean + 40 * Math.sqrt(mean * q) + 10)); }
  }
  const r = pmf > 0 ? (u - (cdf - pmf)) / pmf : 0;
  residual = r < 0 ? 0 : r >= 1 ? 1 - 1e-16 : r;
  return k;
}
