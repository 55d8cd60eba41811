/**
 * Summary statistics of Monte Carlo columns.
 *
 * Quantile definition (documented in the README): Hyndman & Fan type 7, the default of R and
 * NumPy — for p in [0, 1] and sorted values x[0..n−1], h = (n − 1)·p, quantile =
 * x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]). Computed with a multi-quickselect (no full sort):
 * the order statistics are the same whatever the algorithm, so results are exact and
 * deterministic.
 */

export const PROBS = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95] as const;
export const STAT_NAMES = ['mean', 'p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95'] as const;
export type StatName = (typeof STAT_NAMES)[number];
export const NSTATS = STAT_NAMES.length;

/** Rearranges a[lo..hi] so that a[k] is the k-th smallest and everything left/right is ≤/≥. */
function select(a: Float64Array, lo: number, hi: number, k: number): void {
  while (hi > lo) {
    // Median of three as pivot.
    const mid = (lo + hi) >>> 1;
    if (a[mid] < a[lo]) swap(a, mid, lo);
    if (a[hi] < a[lo]) swap(a, hi, lo);
    if (a[hi] < a[mid]) swap(a, hi, mid);
    const pivot = a[mid];
    let i = lo, j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) { swap(a, i, j); i++; j--; }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}
function swap(a: Float64Array, i: number, j: number) { const t = a[i]; a[i] = a[j]; a[j] = t; }

/** Places the order statistics `ks` (sorted ascending) at their positions in `a`. */
function multiSelect(a: Float64Array, lo: number, hi: number, ks: number[], kl: number, kh: number): void {
  if (kl > kh || lo >= hi) return;
  const km = (kl + kh) >>> 1;
  const k = ks[km];
  select(a, lo, hi, k);
  multiSelect(a, lo, k - 1, ks, kl, km - 1);
  multiSelect(a, k + 1, hi, ks, km + 1, kh);
}

/**
 * Mean and the PROBS quantiles of `values` (NaN values are ignored; all-NaN gives NaN).
 * `scratch` is reused between calls to avoid allocation; it is overwritten.
 */
export function summarizeColumn(values: Float64Array, out: Float64Array, outOffset: number, scratch?: Float64Array): void {
  const a = scratch && scratch.length >= values.length ? scratch : new Float64Array(values.length);
  let n = 0, sum = 0, min = Infinity, max = -Infinity, integral = true;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === v) {
      a[n++] = v; sum += v;
      if (v < min) min = v;
      if (v > max) max = v;
      if (integral && v !== Math.floor(v)) integral = false;
    }
  }
  if (n === 0) { for (let s = 0; s < NSTATS; s++) out[outOffset + s] = NaN; return; }
  out[outOffset] = sum / n;
  if (min === max) { for (let s = 1; s < NSTATS; s++) out[outOffset + s] = min; return; } // constant column
  if (integral && max - min < 65536 && max - min < 4 * n) { countingQuantiles(a, n, min, max, out, outOffset); return; }
  const ks: number[] = [];
  for (const p of PROBS) {
    const h = (n - 1) * p;
    const f = Math.floor(h);
    ks.push(f);
    if (f + 1 < n) ks.push(f + 1);
  }
  const uniq = [...new Set(ks)].sort((x, y) => x - y);
  multiSelect(a, 0, n - 1, uniq, 0, uniq.length - 1);
  PROBS.forEach((p, s) => {
    const h = (n - 1) * p;
    const f = Math.floor(h);
    const lo = a[f];
    const hi = f + 1 < n ? a[f + 1] : lo;
    out[outOffset + 1 + s] = lo + (h - f) * (hi - lo);
  });
}

/**
 * Order statistics of whole numbers by counting (most event-noise columns are counts of
 * people): O(n + range) instead of selection, and the same order statistics exactly.
 */
function countingQuantiles(a: Float64Array, n: number, min: number, max: number, out: Float64Array, outOffset: number): void {
  const counts = new Uint32Array(max - min + 1);
  for (let i = 0; i < n; i++) counts[a[i] - min]++;
  // The order statistics needed, ascending; found in one pass over the running sum.
  const ks = new Set<number>();
  for (const p of PROBS) { const f = Math.floor((n - 1) * p); ks.add(f); if (f + 1 < n) ks.add(f + 1); }
  const sorted = [...ks].sort((x, y) => x - y);
  const value = new Map<number, number>();
  let bucket = 0, below = counts[0];
  for (const k of sorted) {
    while (below <= k) { bucket++; below += counts[bucket]; }
    value.set(k, min + bucket);
  }
  PROBS.forEach((p, s) => {
    const h = (n - 1) * p;
    const f = Math.floor(h);
    const lo = value.get(f)!;
    const hi = f + 1 < n ? value.get(f + 1)! : lo;
    out[outOffset + 1 + s] = lo + (h - f) * (hi - lo);
  });
}

/** Type-7 quantile of an already sorted array (for small inputs such as reached years). */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const f = Math.floor(h);
  const lo = sorted[f];
  const hi = f + 1 < n ? sorted[f + 1] : lo;
  return hi === lo ? lo : lo + (h - f) * (hi - lo);
}
