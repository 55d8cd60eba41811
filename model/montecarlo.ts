/**
 * Monte Carlo: the same engine, run many times with parameters drawn once per run and (unless
 * switched off) binomial event noise. Pure: no threads here — `cli/pool.ts` runs these task
 * functions on worker threads, tests call them in-process; both give the same bytes because
 * every run's random numbers depend only on (seed, run, what is drawn), never on scheduling.
 *
 *   drawParams   run range → one value per uncertain parameter and run
 *   simulateTask (region, run range) → per-run result blocks and reached years
 *   summarize    all runs of one region (or the total) → mean and quantiles per field and year,
 *                probability reached by each year, distribution of the first year reached
 */
import { mean } from './dist.js';
import { NAGES, simulateRegion } from './engine.js';
import { F, NFIELDS, FIELDS } from './fields.js';
import { expectedResolver, prepareCopula, resolveRegion, sampleResolver, type Copula, type Resolver } from './params.js';
import { TotalAccumulator, firstReached, regionDraws, sustainedFrom } from './project.js';
import { NSTATS, summarizeColumn } from './quantiles.js';
import type { ModelInput, ScalarParam, SeriesParam } from './types.js';
import { stream, paramKey } from './rng.js';
import { stdNormalQuantile } from './dist.js';

export interface McOptions {
  seed: number;
  runs: number;
  eventNoise: boolean;
}

/** Every uncertain scalar parameter of the input (stream keys), in a stable order. */
export function uncertainKeys(input: ModelInput): { key: string; param: ScalarParam }[] {
  const found = new Map<string, ScalarParam>();
  const visit = (v: unknown): void => {
    if (v === null || typeof v !== 'object') return;
    if (ArrayBuffer.isView(v)) return;
    if (Array.isArray(v)) { v.forEach(visit); return; }
    const o = v as Record<string, unknown>;
    if (typeof o.key === 'string' && o.dist && typeof o.dist === 'object' && o.domain) {
      const p = o as unknown as ScalarParam;
      if (!isFixedParam(p) && !found.has(p.key)) found.set(p.key, p);
      return;
    }
    for (const x of Object.values(o)) visit(x);
  };
  visit(input.regions);
  return [...found.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([key, param]) => ({ key, param }));
}

function isFixedParam(p: ScalarParam): boolean {
  const d = p.dist;
  return d.dist === 'fixed' || (d.dist === 'normal' && d.sd === 0) || (d.dist === 'lognormal' && d.sigma === 0) || ('min' in d && 'max' in d && d.dist !== 'normal' && d.dist !== 'lognormal' && d.min === d.max);
}

/** Parameter draws for runs [from, to): (to − from) × keys.length, row per run. */
export function drawParams(input: ModelInput, seed: number, from: number, to: number): Float64Array {
  const keys = uncertainKeys(input);
  const copula = prepareCopula(input);
  const out = new Float64Array((to - from) * keys.length);
  for (let r = from; r < to; r++) {
    const R = sampleResolver(seed, r, copula);
    keys.forEach((k, j) => { out[(r - from) * keys.length + j] = R.scalar(k.param); });
  }
  return out;
}

/** A resolver that reads this run's pre-drawn parameters (random walks are drawn here). */
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
      const out = Float64Array.from(p.base, (v) => v * m);
      if (p.walk && p.walk.sd > 0) {
        const s = stream(seed, paramKey(run, p.key + '.walk'));
        const sd = p.walk.sd;
        let w = 0;
        for (let t = 0; t < out.length; t++) {
          if (Number.isNaN(out[t])) continue;
          const z = stdNormalQuantile(s());
          if (p.walk.mode === 'relative') { w += sd * z - (sd * sd) / 2; out[t] *= Math.exp(w); }
          else { w += sd * z; out[t] += w; }
        }
      }
      return out;
    },
  };
}

export interface TaskResult {
  region: number;
  from: number;
  to: number;
  /** (to − from) × NFIELDS × nYears, one run's block after another. */
  blocks: Float64Array;
}

/**
 * Runs region `region` for runs [from, to). `params` holds the pre-drawn parameters of exactly
 * these runs (see drawParams).
 */
export function simulateTask(input: ModelInput, opts: McOptions, region: number, from: number, to: number, params: Float64Array): TaskResult {
  const keys = uncertainKeys(input);
  const idx = new Map(keys.map((k, j) => [k.key, j]));
  const K = keys.length;
  const nYears = input.endYear - input.startYear + 1;
  const size = NFIELDS * nYears;
  const blocks = new Float64Array((to - from) * size);
  const reg = input.regions[region];
  const cache = new WeakMap<SeriesParam, Float64Array>();
  for (let r = from; r < to; r++) {
    const row = params.subarray((r - from) * K, (r - from + 1) * K);
    const cfg = resolveRegion(reg, drawnResolver(idx, row, opts.seed, r, cache), input.startYear);
    const draws = opts.eventNoise ? regionDraws(opts.seed, r, reg.name) : null;
    simulateRegion(cfg, nYears, input.startYear, draws, blocks.subarray((r - from) * size, (r - from + 1) * size));
  }
  return { region, from, to, blocks };
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
  /** Per run: inhabitants per doctor and cumulative cost in the last year. */
  lastInhabitantsPerDoctor: Float64Array;
  lastCumulativeCost: Float64Array;
}

/** Summarizes `runs` blocks (as laid out by simulateTask over all runs). */
export function summarize(name: string, blocks: Float64Array, runs: number, nYears: number): UnitSummary {
  const size = NFIELDS * nYears;
  const stats = new Float64Array(NFIELDS * nYears * NSTATS);
  const cols = transpose(blocks, runs, size);
  const scratch = new Float64Array(runs);
  for (let f = 0; f < NFIELDS; f++) {
    if (FIELDS[f].unit === 'flag') continue;
    for (let t = 0; t < nYears; t++) {
      const off = f * nYears + t;
      summarizeColumn(cols.subarray(off * runs, (off + 1) * runs), stats, off * NSTATS, scratch);
    }
  }
  const firstR = new Int16Array(runs), sust = new Int16Array(runs), firstS = new Int16Array(runs);
  const holds = new Float64Array(nYears), holdsSpec = new Float64Array(nYears);
  const lastIpd = new Float64Array(runs), lastCum = new Float64Array(runs);
  for (let r = 0; r < runs; r++) {
    const b = blocks.subarray(r * size, (r + 1) * size);
    firstR[r] = firstReached(b, nYears);
    sust[r] = sustainedFrom(b, nYears);
    firstS[r] = firstReached(b, nYears, F.reachedSpecialistsOnly);
    for (let t = 0; t < nYears; t++) {
      holds[t] += b[F.reached * nYears + t];
      holdsSpec[t] += b[F.reachedSpecialistsOnly * nYears + t];
    }
    lastIpd[r] = b[F.inhabitantsPerDoctor * nYears + nYears - 1];
    lastCum[r] = b[F.cumulativeCost * nYears + nYears - 1];
  }
  for (let t = 0; t < nYears; t++) { holds[t] /= runs; holdsSpec[t] /= runs; }
  const dist = (first: Int16Array) => {
    const d = new Float64Array(nYears + 1);
    for (let r = 0; r < runs; r++) d[first[r] < 0 ? nYears : first[r]] += 1 / runs;
    const by = new Float64Array(nYears);
    let c = 0;
    for (let t = 0; t < nYears; t++) { c += d[t]; by[t] = c; }
    return { d, by };
  };
  const a = dist(firstR), s = dist(firstS);
  return {
    name, runs, stats,
    reachedBy: a.by, reachedDist: a.d, holds,
    reachedBySpec: s.by, reachedDistSpec: s.d, holdsSpec,
    firstReached: firstR, sustained: sust, firstReachedSpec: firstS,
    lastInhabitantsPerDoctor: lastIpd, lastCumulativeCost: lastCum,
  };
}

/** Run-major blocks (runs × size) → column-major (size × runs), in cache-friendly tiles. */
function transpose(a: Float64Array, runs: number, size: number): Float64Array {
  const out = new Float64Array(a.length);
  const T = 64;
  for (let r0 = 0; r0 < runs; r0 += T) {
    const r1 = Math.min(runs, r0 + T);
    for (let c0 = 0; c0 < size; c0 += T) {
      const c1 = Math.min(size, c0 + T);
      for (let r = r0; r < r1; r++) for (let c = c0; c < c1; c++) out[c * runs + r] = a[r * size + c];
    }
  }
  return out;
}

/** Adds every run of a task's blocks into the total. */
export function addTaskToTotal(acc: TotalAccumulator, t: TaskResult, nYears: number): void {
  const size = NFIELDS * nYears;
  for (let r = t.from; r < t.to; r++) acc.add(t.blocks.subarray((r - t.from) * size, (r - t.from + 1) * size), r);
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

/**
 * The whole Monte Carlo in-process (the reference path; the worker pool must give identical
 * results). Memory: all runs of one region at a time plus the per-run blocks the total needs.
 */
export function monteCarlo(input: ModelInput, opts: McOptions): McResult {
  const nYears = input.endYear - input.startYear + 1;
  const keys = uncertainKeys(input);
  const params = drawParams(input, opts.seed, 0, opts.runs);
  const regions: UnitSummary[] = [];
  const acc = input.total !== null ? new TotalAccumulator(opts.runs, nYears) : null;
  input.regions.forEach((reg, i) => {
    const t = simulateTask(input, opts, i, 0, opts.runs, params);
    regions.push(summarize(reg.name, t.blocks, opts.runs, nYears));
    if (acc) addTaskToTotal(acc, t, nYears);
  });
  const total = acc ? summarize(input.total!, acc.finish(), opts.runs, nYears) : null;
  return { opts, startYear: input.startYear, endYear: input.endYear, paramKeys: keys.map((k) => k.key), params, regions, total };
}

export { NSTATS, NAGES, prepareCopula };
export type { Copula };
