/**
 * One run of a whole scenario: every region through the engine, plus the multi-region total,
 * plus the first year the target is reached. Used by the deterministic run and, per run, by the
 * Monte Carlo.
 */
import { DRAW_KINDS, newBlock, simulateRegion, type Draws } from './engine.js';
import { F, FIELDS, NFIELDS } from './fields.js';
import { eventsKey, streams } from './rng.js';
import type { RunConfig } from './types.js';

export interface SeriesBlock {
  name: string;
  /** NFIELDS × nYears; index field·nYears + yearIndex (see `fields.ts`). */
  block: Float64Array;
}

export interface Projection {
  startYear: number;
  endYear: number;
  years: number[];
  regions: SeriesBlock[];
  total: SeriesBlock | null;
}

/** Event streams of one region in one run. */
export function regionDraws(seed: number, run: number, region: string): Draws {
  return streams(seed, eventsKey(run, region), DRAW_KINDS);
}

/** Runs every region of `cfg`. `draws(regionName)` gives event streams, or null for expected values. */
export function project(cfg: RunConfig, totalName: string | null, draws: (region: string) => Draws | null = () => null): Projection {
  const nYears = cfg.endYear - cfg.startYear + 1;
  const years = Array.from({ length: nYears }, (_, i) => cfg.startYear + i);
  const regions = cfg.regions.map((r) => {
    const block = newBlock(nYears);
    simulateRegion(r, nYears, cfg.startYear, draws(r.name), block);
    return { name: r.name, block };
  });
  const total = totalName === null ? null : { name: totalName, block: aggregate(regions.map((r) => r.block), nYears) };
  return { startYear: cfg.startYear, endYear: cfg.endYear, years, regions, total };
}

/**
 * The total of several regions: stocks, flows and costs summed; ratios recomputed from the sums
 * (the nation as one pool, like Tabell 1's national row); norms left empty (they may differ).
 * Built incrementally (`TotalAccumulator`) so a Monte Carlo never holds every region at once.
 */
export function aggregate(blocks: Float64Array[], nYears: number): Float64Array {
  const acc = new TotalAccumulator(1, nYears);
  for (const b of blocks) acc.add(b, 0);
  return acc.finish();
}

/**
 * Per-run sums of every region, for the multi-region total. The buffers can be shared between
 * threads: different runs occupy disjoint ranges.
 */
export class TotalAccumulator {
  readonly sums: Float64Array;
  /** Σ normSpecialist × populationToCover per run and year, for the total's gap in FTE. */
  readonly normWeight: Float64Array;
  constructor(readonly runs: number, readonly nYears: number, sums?: Float64Array, normWeight?: Float64Array) {
    this.sums = sums ?? new Float64Array(runs * NFIELDS * nYears);
    this.normWeight = normWeight ?? new Float64Array(runs * nYears);
  }
  /** Adds the block of one region in run `run`. */
  add(block: Float64Array, run: number): void {
    const Y = this.nYears, base = run * NFIELDS * Y;
    for (let f = 0; f < NFIELDS; f++) {
      if (SUMMED[f] === 0) continue;
      for (let t = 0; t < Y; t++) this.sums[base + f * Y + t] += block[f * Y + t];
    }
    for (let t = 0; t < Y; t++) this.normWeight[run * Y + t] += block[F.normSpecialist * Y + t] * block[F.populationToCover * Y + t];
  }
  /** Turns the sums into the total's blocks, in place (runs × NFIELDS × nYears), and returns them. */
  finish(): Float64Array {
    const Y = this.nYears, size = NFIELDS * Y;
    const out = this.sums;
    for (let r = 0; r < this.runs; r++) {
      for (let f = 0; f < NFIELDS; f++) if (SUMMED[f] === 0) for (let t = 0; t < Y; t++) out[r * size + f * Y + t] = NaN;
      deriveRatios(out.subarray(r * size, (r + 1) * size), Y, this.normWeight.subarray(r * Y, (r + 1) * Y));
    }
    return out;
  }
}

const SUMMED = Uint8Array.from(FIELDS, (d) => (d.total === 'sum' ? 1 : 0));

function deriveRatios(b: Float64Array, nYears: number, normWeight: Float64Array): void {
  const g = (f: number, t: number) => b[f * nYears + t];
  const put = (f: number, t: number, v: number) => { b[f * nYears + t] = v; };
  for (let t = 0; t < nYears; t++) {
    const cap = g(F.capacity, t), need = g(F.populationToCover, t);
    put(F.coverage, t, cap / need);
    put(F.inhabitantsPerDoctor, t, g(F.population, t) / (g(F.specialists, t) + g(F.listableSt, t)));
    put(F.inhabitantsPerSpecialistFte, t, need / g(F.specialistsFte, t));
    put(F.reached, t, cap >= need ? 1 : 0);
    put(F.reachedSpecialistsOnly, t, g(F.capacitySpecialists, t) >= need ? 1 : 0);
    // Specialist FTE missing at the regions' population-weighted mean norm.
    put(F.specialistGap, t, Math.max(0, need - cap) / (normWeight[t] / need));
  }
}

/** First year index the flag field is 1, or -1. */
export function firstReached(block: Float64Array, nYears: number, field: number = F.reached): number {
  for (let t = 0; t < nYears; t++) if (block[field * nYears + t] === 1) return t;
  return -1;
}

/** First year index from which the flag holds to the horizon, or -1. */
export function sustainedFrom(block: Float64Array, nYears: number, field: number = F.reached): number {
  let s = -1;
  for (let t = nYears - 1; t >= 0; t--) {
    if (block[field * nYears + t] === 1) s = t;
    else break;
  }
  return s;
}

export { NFIELDS };
