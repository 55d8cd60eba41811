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
import { applyWalk, expectedResolver, resolveRegion, ResolveMemo, type Copula, type Resolver } from './params.js';
import { TotalAccumulator, regionEventsInto } from './project.js';
import { ReusableStreams } from './rng.js';
import type { ModelInput, ScalarParam, SeriesParam } from './types.js';

export interface McOptions {
  seed: number;
  runs: number;
  eventNoise: boolean;
}

/** A resolver reading run r's pre-drawn parameters; random walks are drawn here. */
function drawnResolver(keys: Map<string, number>, row: Float64Array, seed: number, run: number, cache: WeakMap<SeriesParam, Float64Array>): Resolver {
  const scalar = (p: ScalarParam): number => {
    const j = keys.get(p.key);
    return j === undefined ? mean(p.dist, p.domain) : row[j];
  };
  return {
    scalar,
    series: (p: SeriesParam) => {
      const random = (p.multiplier !== null && keys.has(p.multiplier.key)) || (p.walk !== null && p.walk.sd > 0);
      // The engine never writes its config, so a series that is the same in every run is shared.
      if (!random) {
        let c = cache.get(p);
        if (!c) { c = expectedResolver.series(p); cache.set(p, c); }
        return c;
      }
      const m = p.multiplier ? scalar(p.multiplier) : 1;
      return applyWalk(Float64Array.from(p.base, (v) => v * m), p, seed, run);
    },
  };
}

/** Shared state of one Monte Carlo within one thread (caches; never shared across threads). */
export class McContext {
  readonly keys: Map<string, number>;
  readonly K: number;
  readonly nYears: number;
  readonly size: number;
  private readonly caches = new Map<number, { series: WeakMap<SeriesParam, Float64Array>; memo: ResolveMemo; ws: Workspace; tile: Float64Array; streams: ReusableStreams<(typeof EVENT_KINDS)[number]> }>();
  private readonly hazards = new Map<string, Float64Array>();
  /** `copula`: the prepared Cholesky factor, needed only by threads that draw parameters. */
  constructor(readonly input: ModelInput, readonly opts: McOptions, readonly params: Float64Array, readonly copula: Copula | null = null) {
    const keys = uncertainKeys(input);
    this.keys = new Map(keys.map((k, j) => [k.key, j]));
    this.K = keys.length;
    this.nYears = input.endYear - input.startYear + 1;
    this.size = NFIELDS * this.nYears;
  }
  cache(region: number) {
    let c = this.caches.get(region);
    if (!c) { c = { series: new WeakMap(), memo: new ResolveMemo(this.hazards), ws: new Workspace(), tile: new Float64Array(TILE * this.size), streams: new ReusableStreams(EVENT_KINDS) }; this.caches.set(region, c); }
    return c;
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
  const { input, opts, K, nYears } = ctx;
  const reg = input.regions[region];
  const c = ctx.cache(region);
  const row = ctx.params.subarray(run * K, (run + 1) * K);
  const cfg = resolveRegion(reg, drawnResolver(ctx.keys, row, opts.seed, run, c.series), input.startYear, c.memo);
  const events = opts.eventNoise ? regionEventsInto(c.streams, opts.seed, run, reg.name) : null;
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
