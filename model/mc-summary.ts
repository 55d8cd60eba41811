/**
 * Summaries of one unit's runs (a region or the multi-region total), read from its per-run
 * columns (`Columns`: the compact store of model/mc-store.ts, or the multi-region total's plain values):
 *
 *   summarizeColumns  (column range) → mean and quantiles per field and year (quantiles.ts:
 *                     Hyndman–Fan type 7, exact)
 *   summarizeDerived  (year) → the same for the fields a store derives on reading, together
 *   summarizeRuns     all runs → probability reached by each year, first-year distribution,
 *                     per-run outcomes kept for solver, sensitivity and --runs-out
 *
 * Each column is read whole into a scratch column, so a summary needs a few columns of memory per
 * thread (two, and one per derived field with quantiles: 80 bytes a run) beside the store.
 */
import { F, FIELDS, NFIELDS } from './fields.js';
import { DERIVED_FIELDS, warmStore, type Columns } from './mc-store.js';
import { COST_OUTPUTS } from './measures.js';
import { NSTATS, summarizeColumn } from './quantiles.js';

/** Summary of one region (or the total) over all runs. */
export interface UnitSummary {
  name: string;
  runs: number;
  /** NFIELDS × nYears × NSTATS: [mean, p5, p10, p25, p50, p75, p90, p95]. */
  stats: Float64Array;
  /** P(target first reached in or before year t), t = 0 … nYears − 1. */
  reachedBy: Float64Array;
  /** Share of runs whose first year reached is t; the last entry is "never". */
  reachedDist: Float64Array;
  /** Share of runs in which the target holds in year t. */
  holds: Float64Array;
  /** The same three for the specialists-only view (specialist capacity alone ≥ population to cover). */
  reachedBySpec: Float64Array;
  reachedDistSpec: Float64Array;
  holdsSpec: Float64Array;
  /** Per run: first year index reached (−1 never), sustained-from index, for solver and sensitivity. */
  firstReached: Int16Array;
  sustained: Int16Array;
  firstReachedSpec: Int16Array;
  /** Per run, in the last year: inhabitants per doctor (Tabell 1's), per doctor equivalent (the headline), coverage, cumulative cost. */
  lastInhabitantsPerDoctor: Float64Array;
  lastInhabitantsPerDoctorEquivalent: Float64Array;
  lastCoverage: Float64Array;
  lastCumulativeCost: Float64Array;
}

// This thread's two columns (grown as needed, reused by every summary task).
let values = new Float64Array(0), scratch = new Float64Array(0);

const columnsFor = (runs: number) => {
  if (values.length !== runs) { values = new Float64Array(runs); scratch = new Float64Array(runs); }
};

/**
 * Mean and quantiles of columns [c0, c1) into stats (size × NSTATS). Columns of fields the source
 * derives on reading are left to `summarizeDerived` unless `all`. `want` (one byte per column,
 * field·nYears + yearIndex): only the columns marked 1 are summarized, the others left NaN (a
 * command that reads a few of them); null: every column.
 */
export function summarizeColumns(src: Columns, c0: number, c1: number, stats: Float64Array, all = false, want: Uint8Array | null = null): void {
  const nYears = src.nYears;
  columnsFor(src.runs);
  for (let c = c0; c < c1; c++) {
    const f = Math.floor(c / nYears);
    // A flag's summary is the share of runs in which it holds (summarizeRuns), never quantiles.
    if (FIELDS[f].kind === 'flag' || (want && want[c] === 0 && (all || !src.derived(f)))) { stats.fill(NaN, c * NSTATS, (c + 1) * NSTATS); continue; }
    if (!all && src.derived(f)) continue;
    src.column(c, values);
    summarizeColumn(values, stats, c * NSTATS, scratch);
  }
}

/**
 * The derived fields that have quantiles (every one but the flags), in two groups read one after the
 * other into the same columns (fewer columns of fresh memory per thread): those derived from the
 * year's own fields, and the cost increases (derived from the years before too).
 */
const DERIVED_STATS = DERIVED_FIELDS.filter((f) => FIELDS[f].kind !== 'flag');
const DERIVED_GROUPS: readonly (readonly number[])[] = [
  DERIVED_STATS.filter((f) => !(COST_OUTPUTS as readonly number[]).includes(f)),
  DERIVED_STATS.filter((f) => (COST_OUTPUTS as readonly number[]).includes(f)),
];
let derivedCols: Float64Array[] = [];

/**
 * Mean and quantiles of the derived fields of year index t (those `summarizeColumns` leaves):
 * read together, so their inputs are read once. `want` as in `summarizeColumns`.
 */
export function summarizeDerived(src: Columns, t: number, stats: Float64Array, want: Uint8Array | null = null): void {
  const runs = src.runs, nYears = src.nYears;
  columnsFor(runs);
  if (derivedCols.length === 0 || derivedCols[0].length !== runs) derivedCols = DERIVED_GROUPS[0].map(() => new Float64Array(runs));
  if (want) for (const f of DERIVED_STATS) if (want[f * nYears + t] === 0) stats.fill(NaN, (f * nYears + t) * NSTATS, (f * nYears + t + 1) * NSTATS);
  for (const group of DERIVED_GROUPS) {
    const fields = want ? group.filter((f) => want[f * nYears + t] === 1) : group;
    if (fields.length === 0) continue;
    src.fields(t, fields, derivedCols);
    fields.forEach((f, q) => summarizeColumn(derivedCols[q], stats, (f * nYears + t) * NSTATS, scratch));
  }
}

const FLAGS = [F.reached, F.reachedSpecialistsOnly];
const LAST = [F.inhabitantsPerDoctor, F.inhabitantsPerDoctorEquivalent, F.coverage, F.cumulativeCost];

/** The per-run part of a unit's summary (reached years, outcomes); `stats` comes from summarizeColumns. */
export function summarizeRuns(name: string, src: Columns, stats: Float64Array): UnitSummary {
  const runs = src.runs, nYears = src.nYears;
  const firstR = new Int16Array(runs).fill(-1), sust = new Int16Array(runs).fill(-1), firstS = new Int16Array(runs).fill(-1);
  const holds = new Float64Array(nYears), holdsSpec = new Float64Array(nYears);
  // Runs whose first year reached is t (the last entry: never), counted as the years are read.
  const countsR = new Float64Array(nYears + 1), countsS = new Float64Array(nYears + 1);
  const reached = new Float64Array(runs), reachedSpec = new Float64Array(runs);
  for (let t = 0; t < nYears; t++) {
    src.fields(t, FLAGS, [reached, reachedSpec]);
    YEAR[0] = 0; YEAR[1] = 0;
    // In pieces, so that no call loops long enough for V8 to compile it on the stack first (quantiles.ts `PIECE`).
    for (let from = 0; from < runs; from += 1024) outcomesOfYear(t, from, Math.min(runs, from + 1024), reached, reachedSpec, firstR, sust, firstS, countsR, countsS, YEAR);
    holds[t] = YEAR[0] / runs; holdsSpec[t] = YEAR[1] / runs;
  }
  const last = LAST.map(() => new Float64Array(runs));
  src.fields(nYears - 1, LAST, last);
  const a = dist(countsR, runs, nYears), s = dist(countsS, runs, nYears);
  return {
    name, runs, stats,
    reachedBy: a.by, reachedDist: a.d, holds,
    reachedBySpec: s.by, reachedDistSpec: s.d, holdsSpec,
    firstReached: firstR, sustained: sust, firstReachedSpec: firstS,
    lastInhabitantsPerDoctor: last[0], lastInhabitantsPerDoctorEquivalent: last[1], lastCoverage: last[2], lastCumulativeCost: last[3],
  };
}

/** Runs in which the target holds in the year `outcomesOfYear` reads: [all capacity, specialists alone]. */
const YEAR = new Float64Array(2);

/**
 * One year's reached flags (1/0 per run) of runs [from, to) into each run's first year reached,
 * sustained-from year and first year reached by the specialists alone, and the first years' counts;
 * the runs that reach it that year added into `year`. The one loop over the runs of `summarizeRuns`,
 * a small function of its own called on pieces of runs: a loop inside `summarizeRuns` (called once
 * per unit) was compiled on the stack with all of that function, every Monte Carlo.
 */
function outcomesOfYear(t: number, from: number, to: number, reached: Float64Array, reachedSpec: Float64Array, firstR: Int16Array, sust: Int16Array,
  firstS: Int16Array, countsR: Float64Array, countsS: Float64Array, year: Float64Array): void {
  let h = year[0], hs = year[1];
  for (let r = from; r < to; r++) {
    const a = reached[r], s = reachedSpec[r];
    h += a; hs += s;
    if (a === 1) { if (firstR[r] < 0) { firstR[r] = t; countsR[t]++; } if (sust[r] < 0) sust[r] = t; }
    else sust[r] = -1; // held to the horizon only from after the last year it did not hold
    if (s === 1 && firstS[r] < 0) { firstS[r] = t; countsS[t]++; }
  }
  year[0] = h; year[1] = hs;
}

/** Shares of runs by first year reached (`d`, the last entry never) and reached by each year (`by`) from the counts of the years. */
function dist(counts: Float64Array, runs: number, nYears: number): { d: Float64Array; by: Float64Array } {
  // Counts first, divided once: a cumulative sum of shares could give 0.9999999999999999.
  let reachedRuns = 0;
  for (let t = 0; t < nYears; t++) reachedRuns += counts[t];
  counts[nYears] = runs - reachedRuns;
  const d = new Float64Array(nYears + 1), by = new Float64Array(nYears);
  for (let t = 0; t <= nYears; t++) d[t] = counts[t] / runs;
  let c = 0;
  for (let t = 0; t < nYears; t++) { c += counts[t]; by[t] = c / runs; }
  return { d, by };
}

/** Full summary of one unit in this thread. */
export function summarize(name: string, src: Columns): UnitSummary {
  const size = NFIELDS * src.nYears;
  const stats = new Float64Array(size * NSTATS);
  summarizeColumns(src, 0, size, stats, true);
  return summarizeRuns(name, src, stats);
}

/**
 * Warm-up before a thread's first Monte Carlo task: `summarizeRuns` of a tiny store (mc-store.ts `warmStore`), ten
 * times (V8 keeps type feedback for a function only after it has run about eight times its own
 * length), so that it has type feedback on every line before V8 optimizes it. Otherwise V8 compiled `summarizeRuns`' loop over the runs on the stack (OSR)
 * during the first unit's call, before the code after it had run, and deoptimized and compiled it
 * again there. Nothing of it is kept.
 */
let summariesWarm = false;
/** That warm-up, once per thread: by the first Monte Carlo task (mc-tasks.ts), not when the module loads. */
export function warmUpSummaries(): void {
  if (summariesWarm) return;
  summariesWarm = true;
  const store = warmStore(false), stats = new Float64Array(0);
  for (let rep = 0; rep < 10; rep++) summarizeRuns('', store, stats);
}

