/**
 * Monte Carlo building blocks: the same engine, run many times with parameters drawn once per run
 * and (unless switched off) binomial event noise. Pure: no threads here — `model/mc-run.ts` runs
 * them as tasks (`model/mc-tasks.ts`) in-process or on worker threads (`threads/pool.ts`); both
 * give the same bytes because every run's random numbers depend only on (seed, run, what is
 * drawn), results are placed by run index, and the total adds regions in the same order.
 *
 *   drawParamsInto    (run range) → one value per uncertain parameter and run (draws.ts); done
 *                     by the first region's simulation task of each run range
 *   simulateRange     (region, run range) → each run's result block, added into the total
 *   summarizeColumns  (unit, column range) → mean and quantiles per field and year
 *   summarizeRuns     all runs of a unit → probability reached by each year, first-year
 *                     distribution, per-run outcomes kept for solver and sensitivity
 */
import { mean } from './dist.js';
import { EVENT_KINDS, simulateRegion, Workspace } from './engine.js';
import { F, FIELDS, NFIELDS } from './fields.js';
import { uncertainKeys } from './draws.js';
import { applyWalk, expectedResolver, HazardCache, RegionPlan, type Copula, type Drawn, type Resolver } from './params.js';
import { TotalAccumulator, firstReached, sustainedFrom } from './project.js';
import { ReusableStreams } from './rng.js';
import { NSTATS, summarizeColumn } from './quantiles.js';
import type { ModelInput, RegionRun, ScalarParam, SeriesParam } from './types.js';

export interface McOptions {
  seed: number;
  runs: number;
  eventNoise: boolean;
}

/**
 * The resolver of the Monte Carlo's runs: reads run `run`'s pre-drawn parameters (row `run` of
 * `params`), the mean for a parameter that is not drawn; random walks are drawn here. One per
 * thread, pointed at each run in turn (`at`), so resolving a run allocates nothing.
 */
class DrawnResolver implements Resolver {
  private base = 0;
  private run = 0;
  constructor(private readonly keys: Map<string, number>, private readonly params: Float64Array, private readonly K: number, private readonly seed: number) {}
  at(run: number): this {
    this.run = run; this.base = run * this.K;
    return this;
  }
  scalar(p: ScalarParam): number {
    const j = this.keys.get(p.key);
    return j === undefined ? mean(p.dist, p.domain) : this.params[this.base + j];
  }
  seriesInto(p: SeriesParam, out: Float64Array): Float64Array {
    const m = p.multiplier ? this.scalar(p.multiplier) : 1;
    const b = p.base;
    for (let t = 0; t < b.length; t++) out[t] = b[t] * m;
    return applyWalk(out, p, this.seed, this.run);
  }
}

interface RegionCache { plan: RegionPlan; ws: Workspace; tile: Float64Array; streams: ReusableStreams<(typeof EVENT_KINDS)[number]> }

/** Shared state of one Monte Carlo within one thread (caches; never shared across threads). */
export class McContext {
  readonly keys: Map<string, number>;
  readonly K: number;
  readonly nYears: number;
  readonly size: number;
  private readonly caches = new Map<number, RegionCache>();
  private readonly hazards = new HazardCache();
  private readonly resolver: DrawnResolver;
  private readonly drawn: Drawn;
  /** `copula`: the prepared Cholesky factor, needed only by threads that draw parameters. */
  constructor(readonly input: ModelInput, readonly opts: McOptions, readonly params: Float64Array, readonly copula: Copula | null = null) {
    const keys = uncertainKeys(input);
    this.keys = new Map(keys.map((k, j) => [k.key, j]));
    this.K = keys.length;
    this.nYears = input.endYear - input.startYear + 1;
    this.size = NFIELDS * this.nYears;
    this.resolver = new DrawnResolver(this.keys, params, this.K, opts.seed);
    this.drawn = (p) => this.keys.has(p.key);
  }
  /** Region `region`'s plan and buffers in this thread (compiled on first use). */
  cache(region: number): RegionCache {
    let c = this.caches.get(region);
    if (!c) {
      const plan = new RegionPlan(this.input.regions[region], expectedResolver, this.drawn, this.hazards);
      c = { plan, ws: new Workspace(), tile: new Float64Array(TILE * this.size), streams: new ReusableStreams(EVENT_KINDS) };
      this.caches.set(region, c);
    }
    return c;
  }
  /** Run `run`'s configuration of region `c`'s plan (recomputed in place). */
  prepare(c: RegionCache, run: number): RegionRun {
    return c.plan.prepare(this.resolver.at(run));
  }
}

/**
 * Runs region `region` for runs [from, to) into `out`, which holds all runs in column layout:
 * the value of column c (= field·nYears + yearIndex) in run r is at out[c·runs + r], so each
 * column's runs are contiguous for the summaries. Each run is added into `total` when given.
 */
export function simulateRange(ctx: McContext, region: number, from: number, to: number, out: Float64Array, total: TotalAccumulator | null): void {
  const { opts, size } = ctx;
  const runs = opts.runs;
  const c = ctx.cache(region);
  // Runs go through a small run-by-run tile first, then into the columns TILE runs at a time
  // (contiguous writes instead of one far-apart write per value).
  const tile = c.tile;
  for (let r0 = from; r0 < to; r0 += TILE) {
    const r1 = Math.min(to, r0 + TILE);
    for (let r = r0; r < r1; r++) {
      const block = tile.subarray((r - r0) * size, (r - r0 + 1) * size);
      simulateRun(ctx, region, r, block);
      if (total) total.add(block, r);
    }
    untile(tile, size, r0, r1, out, runs);
  }
}

const TILE = 32;

/** Run `run` of region `region` into `block` (one run: NFIELDS × nYears, index field·nYears + yearIndex). */
export function simulateRun(ctx: McContext, region: number, run: number, block: Float64Array): void {
  const { input, opts, nYears } = ctx;
  const c = ctx.cache(region);
  const cfg = ctx.prepare(c, run);
  const events = opts.eventNoise ? c.streams.reseedEvents(opts.seed, run, cfg.name) : null;
  simulateRegion(cfg, nYears, input.startYear, events, block, c.ws);
}

/** Copies runs [r0, r1) from a run-by-run tile into the column layout. */
function untile(tile: Float64Array, size: number, r0: number, r1: number, out: Float64Array, runs: number): void {
  const n = r1 - r0;
  for (let col = 0; col < size; col++) {
    const base = col * runs + r0;
    for (let i = 0; i < n; i++) out[base + i] = tile[i * size + col];
  }
}

/** Value of column `col` in run `run` of a column-layout buffer (see simulateRange). */
export const valueAt = (out: Float64Array, runs: number, col: number, run: number): number => out[col * runs + run];

/** Mean and quantiles of columns [c0, c1) of a column-layout buffer, into stats (size × NSTATS). */
export function summarizeColumns(blocks: Float64Array, runs: number, size: number, c0: number, c1: number, stats: Float64Array): void {
  const scratch = new Float64Array(runs);
  const nYears = size / NFIELDS;
  for (let c = c0; c < c1; c++) {
    // A flag's summary is the share of runs in which it holds (summarizeRuns), never quantiles.
    if (FIELDS[Math.floor(c / nYears)].kind === 'flag') { stats.fill(NaN, c * NSTATS, (c + 1) * NSTATS); continue; }
    summarizeColumn(blocks.subarray(c * runs, (c + 1) * runs), stats, c * NSTATS, scratch);
  }
}

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

/** The per-run part of a unit's summary (reached years, outcomes); `stats` comes from summarizeColumns. */
export function summarizeRuns(name: string, blocks: Float64Array, runs: number, nYears: number, stats: Float64Array): UnitSummary {
  const firstR = new Int16Array(runs), sust = new Int16Array(runs), firstS = new Int16Array(runs);
  const holds = new Float64Array(nYears), holdsSpec = new Float64Array(nYears);
  const lastIpd = new Float64Array(runs), lastCum = new Float64Array(runs);
  const lastIpde = new Float64Array(runs), lastCov = new Float64Array(runs);
  const at = (field: number, t: number, r: number) => blocks[(field * nYears + t) * runs + r];
  for (let r = 0; r < runs; r++) {
    firstR[r] = firstReached(blocks, nYears, F.reached, r, runs);
    sust[r] = sustainedFrom(blocks, nYears, F.reached, r, runs);
    firstS[r] = firstReached(blocks, nYears, F.reachedSpecialistsOnly, r, runs);
    for (let t = 0; t < nYears; t++) {
      holds[t] += at(F.reached, t, r);
      holdsSpec[t] += at(F.reachedSpecialistsOnly, t, r);
    }
    lastIpd[r] = at(F.inhabitantsPerDoctor, nYears - 1, r);
    lastIpde[r] = at(F.inhabitantsPerDoctorEquivalent, nYears - 1, r);
    lastCov[r] = at(F.coverage, nYears - 1, r);
    lastCum[r] = at(F.cumulativeCost, nYears - 1, r);
  }
  for (let t = 0; t < nYears; t++) { holds[t] /= runs; holdsSpec[t] /= runs; }
  // Counts first, divided once: a cumulative sum of shares could give 0.9999999999999999.
  const dist = (first: Int16Array) => {
    const counts = new Float64Array(nYears + 1);
    for (let r = 0; r < runs; r++) counts[first[r] < 0 ? nYears : first[r]]++;
    const d = counts.map((c) => c / runs);
    const by = new Float64Array(nYears);
    let c = 0;
    for (let t = 0; t < nYears; t++) { c += counts[t]; by[t] = c / runs; }
    return { d, by };
  };
  const a = dist(firstR), s = dist(firstS);
  return {
    name, runs, stats,
    reachedBy: a.by, reachedDist: a.d, holds,
    reachedBySpec: s.by, reachedDistSpec: s.d, holdsSpec,
    firstReached: firstR, sustained: sust, firstReachedSpec: firstS,
    lastInhabitantsPerDoctor: lastIpd, lastInhabitantsPerDoctorEquivalent: lastIpde, lastCoverage: lastCov, lastCumulativeCost: lastCum,
  };
}

/** Full summary of one unit in this thread. */
export function summarize(name: string, blocks: Float64Array, runs: number, nYears: number): UnitSummary {
  const size = NFIELDS * nYears;
  const stats = new Float64Array(size * NSTATS);
  summarizeColumns(blocks, runs, size, 0, size, stats);
  return summarizeRuns(name, blocks, runs, nYears, stats);
}

export interface McResult {
  opts: McOptions;
  startYear: number;
  endYear: number;
  /** Parameter keys and the draws (runs × keys), for sensitivity analysis and --runs-out. */
  paramKeys: string[];
  params: Float64Array;
  regions: UnitSummary[];
  total: UnitSummary | null;
}

export { NSTATS };
