/**
 * Binomial draws by inversion with exactly one uniform per draw.
 *
 * Why not a faster rejection sampler (BTPE, d3-random): those use a variable number of
 * uniforms, so a change in one count shifts every later draw in the stream. With one uniform
 * per draw and inversion, draw i of a stream is always the same uniform, and the result is
 * monotone in n and p for that uniform. That gives common random numbers between scenarios
 * and a solver whose success probability is monotone in the intake.
 */
import { expNonPositive } from './exp.js';
import { gammaln } from './special.js';

/**
 * Where u fell inside the probability interval of the last result, rescaled to [0, 1): again a
 * uniform, independent of the result. Lets one uniform drive two nested draws (how many leave,
 * then how many of them retire) without a second draw from the stream. (A typed array rather
 * than an exported `let`: module-binding writes are several times slower in V8.)
 */
export const residual = new Float64Array(1);
// Read it through `lastResidual()`: the search leaves what it needs in `last` and the division is
// done only when a caller asks (only stepExits does, after a result ≥ 1). After a result of 0 from
// the search's shortcut it is NaN: nobody splits zero people.
/** [u, cdf, pmf, mirrored] of the last search, or [NaN, …] when `residual` itself holds the value. */
const last = new Float64Array(4);

/** The residual of the last draw (see `residual`). */
export function lastResidual(): number {
  const u = last[0];
  if (Number.isNaN(u)) return residual[0];
  const cdf = last[1], pmf = last[2];
  const r = pmf > 0 ? (u - (cdf - pmf)) / pmf : 0;
  const v = r < 0 ? 0 : r >= 1 ? 1 - 1e-16 : r;
  return last[3] === 1 ? 1 - v : v; // mirrored: the position of u inside the interval of n − m
}

/**
 * The hot paths pass their real-valued arguments through this typed array instead of as function
 * arguments: [u, p, log(1 − p) or, for p > 1/2, log(p)]. V8 passes a double argument of a call it
 * does not inline as a new heap number, and the engine makes millions of these calls per Monte Carlo
 * (the garbage was a tenth of its time). Counts (whole numbers) are passed as arguments.
 */
export const arg = new Float64Array(3);

/**
 * Smallest k with P(X ≤ k) > u for X ~ Binomial(n, p); n a non-negative integer.
 * For p > 1/2 it searches from the top (X = n − Y, Y ~ Binomial(n, 1 − p), at 1 − u), which is
 * the same inverse (up to ties of probability zero) in fewer steps.
 */
export function binomialInv(u: number, n: number, p: number): number {
  arg[0] = u; arg[1] = p;
  arg[2] = p > 0.5 ? Math.log1p(p - 1) : Math.log1p(-p);
  return binomialInvArg(n);
}

/** binomialInv(arg[0], n, arg[1]) with arg[2] = log(1 − p) for p ≤ 1/2, log(p) for p > 1/2 (precomputed by hot loops). */
export function binomialInvArg(n: number): number {
  const u = arg[0], p = arg[1];
  if (n <= 0 || p <= 0) { residual[0] = u; last[0] = NaN; return 0; }
  if (p >= 1) { residual[0] = u; last[0] = NaN; return n; }
  if (p > 0.5) {
    arg[0] = 1 - u; arg[1] = 1 - p;
    const m = searchUp(n, true, false);
    last[3] = 1;
    return n - m;
  }
  return searchUp(n, false, true);
}

/** binomialInv for 0 < p ≤ 1/2 with log(1 − p) precomputed by the caller (hot loops). */
export function binomialInvSmallP(u: number, n: number, p: number, log1mp: number): number {
  arg[0] = u; arg[1] = p; arg[2] = log1mp;
  return binomialInvSmallArg(n);
}

/**
 * binomialInvSmallP(arg[0], n, arg[1], arg[2]) for a caller that has tried `zeroByBound` itself (the
 * engine's hot loops): the search does not try it again. (Without it the search gives the same
 * answer, only later: the bound is a shortcut, never a different result.)
 */
export function binomialInvSmallArg(n: number): number {
  if (n <= 0) { residual[0] = arg[0]; last[0] = NaN; return 0; }
  return searchUp(n, false, false);
}

/**
 * Whether Binomial(n, p) at u is 0 by a bound alone, x = n·log(1 − p): most draws give 0 (u <
 * pmf(0) = e^x), and for x ≤ 0, e^x ≥ 1 + x + x²/2 + x³/6 (the next Taylor term is positive), so
 * below that bound (less a margin far above rounding) the answer is 0 without computing e^x. The
 * search checks it first (`zeroByBoundArg`); the engine's hot loops check it before calling (no call,
 * no state written — the residual is only read after a result ≥ 1).
 */
export function zeroByBound(u: number, x: number): boolean {
  return x > -2 && u < 1 + x * (1 + x * (0.5 + x / 6)) - 1e-12;
}

/**
 * `zeroByBound` at u = arg[0], x = n·arg[2], for the search: its inputs through `arg` and the count as
 * the argument, like the search's own. V8 did not inline `zeroByBound` into the search, and the call
 * then passed u and x as two new heap numbers (~15 MB of garbage per 10 000-run Stockholm Monte
 * Carlo); into this small function it is inlined, and a count is passed as a small integer.
 */
function zeroByBoundArg(n: number): boolean {
  return zeroByBound(arg[0], n * arg[2]);
}

/**
 * Inverse CDF by sequential search from below (p ≤ 1/2) at u = arg[0], p = arg[1], log(1 − p) = arg[2].
 * `strict`: smallest k with F(k) ≥ u (used by the mirrored search for p > 1/2). `tryBound`: first try
 * `zeroByBound` (never with `strict`; not when the caller has).
 */
function searchUp(n: number, strict: boolean, tryBound: boolean): number {
  const u = arg[0], p = arg[1], lnq = arg[2];
  const x = n * lnq;
  // The residual is only needed after a result ≥ 1 (stepExits).
  if (tryBound && zeroByBoundArg(n)) { residual[0] = NaN; last[0] = NaN; return 0; }
  const q = 1 - p;
  let k = 0;
  let pmf: number;
  if (-x < 600) {
    pmf = expNonPositive(x); // not Math.exp: a C++ call V8 cannot inline (exp.ts)
  } else {
    // pmf(0) would underflow: start where P(X < k) < 1e-30 (12 sd below the mean).
    const mean = n * p;
    k = Math.max(0, Math.floor(mean - 12 * Math.sqrt(mean * q)));
    pmf = Math.exp(gammaln(n + 1) - gammaln(k + 1) - gammaln(n - k + 1) + k * Math.log(p) + (n - k) * lnq);
  }
  let cdf = pmf;
  const ratio = p / q;
  if (strict) {
    while (u > cdf && k < n) { pmf *= (ratio * (n - k)) / (k + 1); k++; cdf += pmf; }
  } else {
    while (u >= cdf && k < n) {
      pmf *= (ratio * (n - k)) / (k + 1);
      k++;
      cdf += pmf;
      // Rounding can leave the summed CDF a hair below 1: once the pmf has vanished, stop.
      if (pmf < 1e-300 && k > n * p) break;
    }
  }
  last[0] = u; last[1] = cdf; last[2] = pmf; last[3] = 0;
  return k;
}
