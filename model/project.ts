/**
 * One run of a whole scenario: every region through the engine, plus the multi-region total,
 * plus the first year the target is reached. Used by the deterministic run and, per run, by the
 * Monte Carlo.
 */
import { writeMeasures } from './measures.js';
import { EVENT_KINDS, newBlock, simulateRegion, type EventStreams } from './engine.js';
import { F, FIELDS, NFIELDS } from './fields.js';
import { ReusableStreams } from './rng.js';
import type { RunConfig } from './types.js';

export interface SeriesBlock {
  name: string;
  /** NFIELDS × nYears; index field·nYears + yearIndex (see `fields.ts`). */
  block: Float64Array;
  /** Inhabitants and care-need weight per age group and year, when the demand is age-structured. */
  ageGroups?: AgeGroupSeries[];
}

export interface AgeGroupSeries { group: string; population: number[]; weight: number[] }

export interface Projection {
  startYear: number;
  endYear: number;
  years: number[];
  regions: SeriesBlock[];
  total: SeriesBlock | null;
  /** Whether any region's demand is age-structured (the age-only fields are then written out). */
  ageStructured: boolean;
}

/** Event streams of one region in one run. */
export function regionEvents(seed: number, run: number, region: string): EventStreams {
  return new ReusableStreams(EVENT_KINDS).reseedEvents(seed, run, region);
}

/** Runs every region of `cfg`. `events(regionName)` gives event streams, or null for expected values. */
export function project(cfg: RunConfig, totalName: string | null, events: (region: string) => EventStreams | null = () => null): Projection {
  const nYears = cfg.endYear - cfg.startYear + 1;
  const years = Array.from({ length: nYears }, (_, i) => cfg.startYear + i);
  const regions = cfg.regions.map((r) => {
    const block = newBlock(nYears);
    simulateRegion(r, nYears, cfg.startYear, events(r.name), block);
    const s: SeriesBlock = { name: r.name, block };
    if (r.ageGroups) {
      const A = r.ageGroups;
      s.ageGroups = A.labels.map((group, g) => ({ group, population: Array.from(A.population[g]), weight: Array.from(A.weight[g]) }));
    }
    return s;
  });
  const total: SeriesBlock | null = totalName === null ? null : { name: totalName, block: aggregate(regions.map((r) => r.block), nYears) };
  if (total) {
    const groups = totalAgeGroups(regions);
    if (groups) total.ageGroups = groups;
  }
  return { startYear: cfg.startYear, endYear: cfg.endYear, years, regions, total, ageStructured: cfg.regions.some((r) => r.ageGroups !== null) };
}

/** Age groups of a total: inhabitants summed, weights population-weighted; only when every region has the same groups. */
function totalAgeGroups(regions: SeriesBlock[]): AgeGroupSeries[] | null {
  const first = regions[0]?.ageGroups;
  if (!first || regions.some((r) => !r.ageGroups || r.ageGroups.map((g) => g.group).join('|') !== first.map((g) => g.group).join('|'))) return null;
  return first.map((g0, g) => {
    const population = g0.population.map((_, t) => regions.reduce((s, r) => s + r.ageGroups![g].population[t], 0));
    const weighted = g0.population.map((_, t) => regions.reduce((s, r) => s + r.ageGroups![g].population[t] * r.ageGroups![g].weight[t], 0));
    return { group: g0.group, population, weight: weighted.map((w, t) => w / population[t]) };
  });
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
 * Per-run sums of every region, for the multi-region total, run by run: run r's block (NFIELDS ×
 * nYears, index field·nYears + year index, as the engine writes it) at r·size, so adding a region's
 * run writes one contiguous block (a column layout wrote each of its ~600 values a whole column
 * apart, a cache and TLB miss each: 7 % of a 21-county Monte Carlo). The summaries read it through
 * `DenseColumns` (mc-store.ts). The buffers can be shared between threads: different runs occupy
 * disjoint places. With one run it is simply a block.
 */
export class TotalAccumulator {
  readonly sums: Float64Array;
  /** Σ normSpecialist × populationToCover per run and year (r·nYears + t), for the total's gap in FTE. */
  readonly normWeight: Float64Array;
  constructor(readonly runs: number, readonly nYears: number, sums?: Float64Array, normWeight?: Float64Array) {
    this.sums = sums ?? new Float64Array(runs * NFIELDS * nYears);
    this.normWeight = normWeight ?? new Float64Array(runs * nYears);
  }
  /** Adds the block (one run, NFIELDS × nYears) of one region in run `run`. */
  add(block: Float64Array, run: number): void {
    const Y = this.nYears, size = NFIELDS * Y, sums = this.sums, at = run * size;
    for (let f = 0; f < NFIELDS; f++) {
      if (SUMMED[f] === 0) continue;
      const c0 = f * Y;
      for (let t = 0; t < Y; t++) sums[at + c0 + t] += block[c0 + t];
    }
    const w = this.normWeight, wAt = run * Y, cN = F.normSpecialist * Y, cP = F.populationToCover * Y;
    for (let t = 0; t < Y; t++) w[wAt + t] += block[cN + t] * block[cP + t];
  }
  /** Turns the sums into the total's values, in place (same layout), and returns them. */
  finish(): Float64Array {
    const Y = this.nYears, R = this.runs, size = NFIELDS * Y;
    const out = this.sums;
    for (let r = 0; r < R; r++) {
      const b = out.subarray(r * size, (r + 1) * size);
      for (let f = 0; f < NFIELDS; f++) if (SUMMED[f] === 0) b.fill(NaN, f * Y, (f + 1) * Y);
      deriveRatios(b, Y, this.normWeight.subarray(r * Y, (r + 1) * Y));
    }
    return out;
  }
}

const SUMMED = Uint8Array.from(FIELDS, (d) => (d.total === 'sum' ? 1 : 0));

function deriveRatios(b: Float64Array, nYears: number, normWeight: Float64Array): void {
  // Specialist FTE missing at the regions' population-weighted mean norm.
  for (let t = 0; t < nYears; t++) writeMeasures(b, nYears, t, normWeight[t] / b[F.populationToCover * nYears + t]);
}

/**
 * First year index the flag field is 1, or -1. A block of one run has stride 1; in the Monte
 * Carlo's column layout (value of column c in run r at c·runs + r) pass offset r, stride runs.
 */
export function firstReached(block: Float64Array, nYears: number, field: number = F.reached, offset = 0, stride = 1): number {
  for (let t = 0; t < nYears; t++) if (block[offset + (field * nYears + t) * stride] === 1) return t;
  return -1;
}

/** First year index from which the flag holds to the horizon, or -1 (offset and stride as above). */
export function sustainedFrom(block: Float64Array, nYears: number, field: number = F.reached, offset = 0, stride = 1): number {
  let s = -1;
  for (let t = nYears - 1; t >= 0; t--) {
    if (block[offset + (field * nYears + t) * stride] === 1) s = t;
    else break;
  }
  return s;
}

export { NFIELDS };
