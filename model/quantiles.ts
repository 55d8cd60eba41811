/**
 * Summary statistics of Monte Carlo columns.
 *
 * Quantile definition (documented in the README): Hyndman & Fan type 7, the default of R and
 * NumPy — for p in [0, 1] and sorted values x[0..n−1], h = (n − 1)·p, quantile =
 * x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]). No full sort: whole numbers are counted, other
 * values are put into buckets by value (a monotone map, so bucket order is value order) and only
 * the few buckets holding a needed order statistic are searched (quickselect). The order
 * statistics are the same whatever the algorithm, so results are exact and deterministic.
 */

export const PROBS = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95] as const;
export const STAT_NAMES = ['mean', 'p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95'] as const;
export type StatName = (typeof STAT_NAMES)[number];
export const NSTATS = STAT_NAMES.length;
/** Index of each statistic in a stats row: `STAT.p50`, never a bare 4. */
export const STAT = Object.fromEntries(STAT_NAMES.map((s, i) => [s, i])) as Record<StatName, number>;

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

/** Places the order statistics ks[kl … kh] (ascending) at their positions in `a`. */
function multiSelect(a: Float64Array, lo: number, hi: number, ks: Int32Array, kl: number, kh: number): void {
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
  // The passes over the column are small functions of their own, each called on pieces of at most
  // PIECE values (see PIECE).
  SCAN[0] = 0; SCAN[1] = Infinity; SCAN[2] = -Infinity; SCAN[3] = 1;
  let n = 0;
  for (let from = 0; from < values.length; from += PIECE) n = scanColumn(values, from, Math.min(values.length, from + PIECE), a, n, SCAN);
  if (n === 0) { for (let s = 0; s < NSTATS; s++) out[outOffset + s] = NaN; return; }
  const sum = SCAN[0], min = SCAN[1], max = SCAN[2], integral = SCAN[3] === 1;
  out[outOffset] = sum / n;
  if (min === max) { for (let s = 1; s < NSTATS; s++) out[outOffset + s] = min; return; } // constant column
  if (n !== planned) plan(n);
  if (integral && max - min < 65536 && max - min < 4 * n) countingQuantiles(a, n, min, max);
  else if (n < 256 || !bucketQuantiles(a, n, min, max)) selectQuantiles(a, n);
  writeQuantiles(out, outOffset);
}

/**
 * The longest piece of a column one call of a pass (scanColumn, countBuckets, gatherBuckets, countValues)
 * runs over. V8 compiles a function that loops long within one call on the stack (OSR) and then, once it
 * is called again, a second time as a whole: twice per pass and thread in a fresh process (a 10 000-run
 * column is one long loop). Calls over at most PIECE values each return before V8 would compile on the
 * stack, so each pass is compiled once. The values and their order are the same either way.
 */
const PIECE = 1024;

/** Scan state: [sum, min, max, integral (1/0)], carried from piece to piece. */
const SCAN = new Float64Array(4);

/**
 * Copies the non-NaN values of values[from … to − 1] into `a` from a[n] on and returns the new count;
 * sum, min, max and wholeness carried on in `res`.
 */
function scanColumn(values: Float64Array, from: number, to: number, a: Float64Array, n: number, res: Float64Array): number {
  let sum = res[0], min = res[1], max = res[2], integral = res[3];
  for (let i = from; i < to; i++) {
    const v = values[i];
    // Stored before the test (a is as long as values): a store that only a non-NaN value reaches
    // would have no type feedback when the first long column is all NaN (a plan path that is not
    // set), and its optimized loop would then deoptimize on every later column.
    a[n] = v;
    if (v === v) {
      n++; sum += v;
      if (v < min) min = v;
      if (v > max) max = v;
      if (v !== Math.floor(v)) integral = 0;
    }
  }
  res[0] = sum; res[1] = min; res[2] = max; res[3] = integral;
  return n;
}

// The order statistics a column of n values needs, planned once per n (every column of a Monte
// Carlo has as many values as runs, but for NaN): typed arrays and plain loops only, so that what
// V8 compiles for the hot functions below is small (a Set, a sort, `indexOf` and closures per
// column cost TurboFan more time than the loops themselves; docs/speed-findings.md §11.jit6).
let planned = -1;
/** ⌊h⌋ and ⌊h⌋ + 1 of every quantile, unique and ascending (KS[0 … nk − 1]). */
const KS = new Int32Array(2 * PROBS.length);
let nk = 0;
/** Per quantile s: the indices in KS of ⌊h⌋ and of ⌊h⌋ + 1 (⌊h⌋ again at the last value), and h − ⌊h⌋. */
const QLO = new Int32Array(PROBS.length), QHI = new Int32Array(PROBS.length), QW = new Float64Array(PROBS.length);
/** The value of order statistic KS[i] (the column's (KS[i] + 1)-th smallest), filled by the selection paths. */
const ORDER = new Float64Array(2 * PROBS.length);

/** Plans the order statistics of n values (type 7: h = (n − 1)·p). */
function plan(n: number): void {
  const ks = new Set<number>();
  for (const p of PROBS) { const f = Math.floor((n - 1) * p); ks.add(f); if (f + 1 < n) ks.add(f + 1); }
  const sorted = [...ks].sort((x, y) => x - y);
  nk = sorted.length;
  KS.set(sorted);
  PROBS.forEach((p, s) => {
    const h = (n - 1) * p, f = Math.floor(h);
    QLO[s] = sorted.indexOf(f);
    QHI[s] = f + 1 < n ? sorted.indexOf(f + 1) : QLO[s];
    QW[s] = h - f;
  });
  planned = n;
}

/** Type-7 quantiles from the order statistics in ORDER: x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]). */
function writeQuantiles(out: Float64Array, outOffset: number): void {
  for (let s = 0; s < QLO.length; s++) {
    const lo = ORDER[QLO[s]], hi = ORDER[QHI[s]];
    out[outOffset + 1 + s] = lo + QW[s] * (hi - lo);
  }
}

function selectQuantiles(a: Float64Array, n: number): void {
  multiSelect(a, 0, n - 1, KS, 0, nk - 1);
  for (let i = 0; i < nk; i++) ORDER[i] = a[KS[i]];
}

const NB = 2048;
const bucketCount = new Uint32Array(NB);
const bucketStart = new Int32Array(NB);
const bucketFill = new Int32Array(NB);
/** Per order statistic: its bucket and its rank within the bucket. */
const kBucket = new Int32Array(2 * PROBS.length), kRank = new Int32Array(2 * PROBS.length);
// Empty at first: the warm-up below grows it, so that growing has type feedback too.
let gathered = new Float64Array(0);

/**
 * Order statistics by buckets of equal width between min and max: one pass counts the values per
 * bucket, which tells the bucket and the rank within it of each order statistic needed; a second
 * pass gathers the values of those buckets only, and quickselect finds the rank in each.
 * False (nothing done) when the width is not a finite positive number.
 */
function bucketQuantiles(a: Float64Array, n: number, min: number, max: number): boolean {
  const scale = NB / (max - min);
  if (!(scale > 0 && scale < Infinity)) return false;
  bucketCount.fill(0);
  for (let from = 0; from < n; from += PIECE) countBuckets(a, from, Math.min(n, from + PIECE), min, scale);
  bucketStart.fill(-1);
  let b = 0, below = 0, need = 0;
  for (let i = 0; i < nk; i++) {
    const k = KS[i];
    while (below + bucketCount[b] <= k) { below += bucketCount[b]; b++; }
    kBucket[i] = b; kRank[i] = k - below;
    if (bucketStart[b] < 0) { bucketStart[b] = need; bucketFill[b] = need; need += bucketCount[b]; }
  }
  if (gathered.length < need) gathered = new Float64Array(Math.max(need, 2 * gathered.length));
  for (let from = 0; from < n; from += PIECE) gatherBuckets(a, from, Math.min(n, from + PIECE), min, scale);
  for (let i = 0; i < nk; i++) {
    const lo = bucketStart[kBucket[i]], len = bucketCount[kBucket[i]];
    select(gathered, lo, lo + len - 1, lo + kRank[i]);
    ORDER[i] = gathered[lo + kRank[i]];
  }
  return true;
}

// The two passes over the column are functions of their own: a long loop inside bucketQuantiles
// was compiled on the stack (OSR) at its first call, when the code after it had no type feedback
// yet, and that cached code then deoptimized at the loop's end on every call (17–75 times per
// Monte Carlo, the rest of each call interpreted) until the whole function was optimized.

/** Values of a[from … to − 1] per bucket added into bucketCount. */
function countBuckets(a: Float64Array, from: number, to: number, min: number, scale: number): void {
  for (let i = from; i < to; i++) bucketCount[bucketOf(a[i], min, scale)]++;
}

/** The values of a[from … to − 1] in the buckets that hold a needed order statistic (bucketStart ≥ 0) into `gathered`. */
function gatherBuckets(a: Float64Array, from: number, to: number, min: number, scale: number): void {
  const g = gathered;
  for (let i = from; i < to; i++) {
    const v = a[i], bi = bucketOf(v, min, scale);
    if (bucketStart[bi] >= 0) g[bucketFill[bi]++] = v;
  }
}

/** Bucket of v: monotone in v, so every value in a lower bucket is smaller. */
function bucketOf(v: number, min: number, scale: number): number {
  const b = Math.floor((v - min) * scale);
  return b < NB ? b : NB - 1;
}

/** Counts per whole value (countingQuantiles), grown as needed. */
let counts = new Uint32Array(0);

/**
 * Order statistics of whole numbers by counting (most event-noise columns are counts of
 * people): O(n + range) instead of selection, and the same order statistics exactly.
 */
function countingQuantiles(a: Float64Array, n: number, min: number, max: number): void {
  const range = max - min + 1;
  if (counts.length < range) counts = new Uint32Array(Math.max(range, 2 * counts.length));
  const c = counts;
  c.fill(0, 0, range);
  for (let from = 0; from < n; from += PIECE) countValues(a, from, Math.min(n, from + PIECE), min, c);
  // The order statistics needed, ascending; found in one pass over the running sum.
  let bucket = 0, below = c[0];
  for (let i = 0; i < nk; i++) {
    while (below <= KS[i]) { bucket++; below += c[bucket]; }
    ORDER[i] = min + bucket;
  }
}

/** Each whole value v of a[from … to − 1] counted in c[v − min]. */
function countValues(a: Float64Array, from: number, to: number, min: number, c: Uint32Array): void {
  for (let i = from; i < to; i++) c[a[i] - min]++;
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

/**
 * Warm-up before a thread's first Monte Carlo task: every path of `summarizeColumn` on small columns of each kind,
 * a dozen times (the one long column twice; V8 only keeps type feedback for a function after it has run about eight times its
 * own length), so that its functions have feedback on every branch before V8 optimizes them during
 * the first long column. Without it the first Monte Carlo deoptimized `scanColumn`, `select`,
 * `countingQuantiles` and `bucketQuantiles` and compiled them again, some every call: `scanColumn`'s
 * loop compiled on the stack (OSR) before the code after it had run deoptimized at the loop's end
 * on each of hundreds of columns. About a millisecond in the interpreter; nothing of it is kept.
 */
function warmUp(): void {
  const long = new Float64Array(256), short = new Float64Array(20), counts = new Float64Array(20), nan = new Float64Array(20).fill(NaN), same = new Float64Array(20).fill(3);
  for (let i = 0; i < 256; i++) long[i] = ((i * 37) % 256) / 7;
  for (let i = 0; i < 20; i++) { short[i] = i % 3 ? (i * 13) % 20 + 0.5 : NaN; counts[i] = (i * 11) % 30; }
  const out = new Float64Array(NSTATS), scratch = new Float64Array(256);
  // The long column (the only path that needs n ≥ 256) twice: its loops run long enough for feedback on the first call.
  for (let rep = 0; rep < 12; rep++) {
    if (rep < 2) summarizeColumn(long, out, 0, scratch);
    summarizeColumn(counts, out, 0, scratch);
    summarizeColumn(short, out, 0, scratch);
    summarizeColumn(nan, out, 0, scratch);
    summarizeColumn(same, out, 0, scratch);
  }
}
let quantilesWarm = false;
/** The summaries' warm-up (`warmUp`), once per thread: by the first Monte Carlo task (mc-tasks.ts), not when the module loads. */
export function warmUpQuantiles(): void {
  if (quantilesWarm) return;
  quantilesWarm = true;
  warmUp();
}
