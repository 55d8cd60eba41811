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

/** Smallest k with P(X ≤ k) > u for X ~ Binomial(n, p); n a non-negative integer. */
export function binomialInv(u: number, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  const q = 1 - p;
  const lnq = Math.log1p(-p);
  const mean = n * p;
  const sd = Math.sqrt(mean * q);
  let k: number;
  let pmf: number;
  if (-n * lnq < 600) {
    k = 0;
    pmf = Math.exp(n * lnq);
  } else {
    // P(X < mean − 12 sd) is below 1e-30: start there instead of at an underflowing pmf(0).
    k = Math.max(0, Math.floor(mean - 12 * sd));
    pmf = Math.exp(gammaln(n + 1) - gammaln(k + 1) - gammaln(n - k + 1) + k * Math.log(p) + (n - k) * lnq);
  }
  let cdf = pmf;
  const ratio = p / q;
  const kmax = Math.min(n, Math.ceil(mean + 40 * sd + 10));
  while (u >= cdf && k < kmax) {
    pmf *= (ratio * (n - k)) / (k + 1);
    k++;
    cdf += pmf;
  }
  return k;
}
