/**
 * Monte Carlo building blocks: the same engine, run many times with parameters drawn once per run
 * and (unless switched off) binomial event noise. Pure: no threads here — `model/mc-run.ts` runs
 * them as tasks (`model/mc-tasks.ts`) in-process or on worker threads (`threads/pool.ts`); both
 * give the same bytes because every run's random numbers depend only on (seed, run, what is
 * drawn), results are placed by run index, and the total adds regions in the same order.
 *
 *   drawParamsInto    (run range) → one value per uncertain parameter and run (draws.ts); done
 *                     by the first region's simulation task of each run range
 *   simulateRun       (region, run) → the run's result block: the seam where the engine writes
 *                     a run's values; `model/mc-store.ts` keeps them compactly per run chunk
 *   simulateRange     (region, run range) → full column-layout blocks (tests and small uses)
 * The summaries are `model/mc-summary.ts`'s.
 */
import { mean } from './dist.js';
import { EVENT_KINDS, simulateRegion, Workspace } from './engine.js';
import { NFIELDS } from './fields.js';
import { uncertainKeys } from './draws.js';
import { applyWalk, expectedResolver, HazardCache, RegionPlan, type Copula, type Drawn, type Resolver } from './params.js';
import { TotalAccumulator } from './project.js';
import { ReusableStreams } from './rng.js';
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

/** `tile`: simulateRange's only, made on its first use (a search's contexts, one per level, never need it). */
interface RegionCache { plan: RegionPlan; ws: Workspace; tile: Float64Array | null; streams: ReusableStreams<(typeof EVENT_KINDS)[number]> }

/** Shared state of one Monte Carlo within one thread (caches; never shared across threads). */
export class McContext {
  readonly keys: Map<string, number>;
  readonly K: number;
  readonly nYears: number;
  readonly size: number;
  private readonly caches = new Map<number, RegionCache>();
  private readonly hazards: HazardCache;
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
    this.hazards = new HazardCache(input.regions.length > 1 ? opts.runs : 0);
    this.drawn = (p) => this.keys.has(p.key);
  }
  /** Region `region`'s plan and buffers in this thread (compiled on first use). */
  cache(region: number): RegionCache {
    let c = this.caches.get(region);
    if (!c) {
      const plan = new RegionPlan(this.input.regions[region], expectedResolver, this.drawn, this.hazards);
      c = { plan, ws: new Workspace(), tile: null, streams: new ReusableStreams(EVENT_KINDS) };
      this.caches.set(region, c);
    }
    return c;
  }
  /** Run `run`'s configuration of region `c`'s plan (recomputed in place). */
  prepare(c: RegionCache, run: number): RegionRun {
    this.hazards.at(run);
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
  const tile = (c.tile ??= new Float64Array(TILE * size));
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
export function simulateRun(ctx: McContext, region: number, run: number, block: Float64Array, untilReached = false): void {
  const { input, opts, nYears } = ctx;
  const c = ctx.cache(region);
  const cfg = ctx.prepare(c, run);
  const events = opts.eventNoise ? c.streams.reseedEvents(opts.seed, run, cfg.name) : null;
  simulateRegion(cfg, nYears, input.startYear, events, block, c.ws, untilReached);
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

export interface McResult {
  opts: McOptions;
  startYear: number;
  endYear: number;
  /** Parameter keys and the draws (runs × keys), for sensitivity analysis and --runs-out. */
  paramKeys: string[];
  params: Float64Array;
  regions: import('./mc-summary.js').UnitSummary[];
  total: import('./mc-summary.js').UnitSummary | null;
}

export { NSTATS } from './quantiles.js';
export type { UnitSummary } from './mc-summary.js';
