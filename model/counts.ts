/**
 * Whole-number helpers of the engine (model/engine.ts): a fractional count rounded stochastically,
 * fractional cells rounded together, exact sums of whole numbers, and the recruitment a specialist
 * path needs. Pure; the random ones take one uniform each, as every draw of the engine does.
 */
import type { RandomSource } from './rng.js';

/** A count that may be fractional in the scenario: itself, or unbiased stochastic rounding. */
export function count(s: RandomSource | null, x: number): number {
  if (s === null) return x;
  const fl = Math.floor(x);
  return fl + (s.next() < x - fl ? 1 : 0);
}

/**
 * Integer counts from fractional ones with one uniform (systematic sampling): cell i gets
 * ⌊C_i + u⌋ − ⌊C_(i−1) + u⌋ where C is the running sum. Each cell is unbiased, and the total is
 * the rounded total (exact when it is whole). Expected values copy through.
 */
export function roundSystematic(x: ArrayLike<number>, out: Float64Array, n: number, s: RandomSource | null): void {
  if (s === null) { for (let i = 0; i < n; i++) out[i] = x[i]; return; }
  const u = s.next();
  let c = 0, prev = Math.floor(u);
  for (let i = 0; i < n; i++) {
    c += x[i];
    const cur = Math.floor(c + u);
    out[i] = cur - prev;
    prev = cur;
  }
}

/**
 * x[from] + … + x[to − 1], in that order; with `whole` (every value a whole number, as every count
 * of a random run is) in four interleaved partial sums: whole numbers far below 2^53 add exactly in
 * any order, so it is the same double, but four chains of dependent additions instead of one.
 */
export function sum(x: Float64Array, from: number, to: number, whole: boolean): number {
  let s0 = 0;
  if (!whole) { for (let i = from; i < to; i++) s0 += x[i]; return s0; }
  let s1 = 0, s2 = 0, s3 = 0, i = from;
  for (; i + 3 < to; i += 4) { s0 += x[i]; s1 += x[i + 1]; s2 += x[i + 2]; s3 += x[i + 3]; }
  for (; i < to; i++) s0 += x[i];
  return (s0 + s1) + (s2 + s3);
}

/**
 * The recruitment a specialist path needs this year: the target less the specialists present
 * (survivors and completers who stay), never negative, at most `max`. A random run draws the
 * same one uniform as a fixed recruitment (common random numbers) and recruits the need rounded
 * up, so its headcount reaches the target; a binding ceiling is rounded stochastically.
 */
export function pathRecruitment(target: number, max: number, spec: Float64Array, s: RandomSource | null): number {
  let now = 0;
  for (let a = 0; a < spec.length; a++) now += spec[a];
  const need = Math.max(0, target - now);
  if (s === null) return Math.min(need, max);
  const u = s.next();
  const whole = Math.ceil(need - 1e-9);
  if (whole <= max) return whole;
  const fl = Math.floor(max);
  return fl + (u < max - fl ? 1 : 0);
}
