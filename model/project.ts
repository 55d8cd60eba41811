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
 * Per-run sums of every region, for the multi-region total, in the Monte Carlo's column layout
 * (value of column c in run r at c·runs + r; with one run, simply a block). The buffers can be
 * shared between threads: different runs occupy disjoint places.
 */
export class TotalAccumulator {
  readonly sums: Float64Array;
  /** Σ normSpecialist × populationToCover per year and run (t·runs + r), for the total's gap in FTE. */
  readonly normWeight: Float64Array;
  constructor(readonly runs: number, readonly nYears: number, sums?: Float64Array, normWeight?: Float64Array) {
    this.sums = sums ?? new Float64Array(runs * NFIELDS * nYears);
    this.normWeight = normWeight ?? new Float64Array(runs * nYears);
  }
  /** Adds the block (one run, NFIELDS × nYears) of one region in run `run`. */
  add(block: Float64Array, run: number): void {
    const Y = this.nYears, R = this.runs;
    for (let f = 0; f < NFIELDS; f++) {
      if (SUMMED[f] === 0) continue;
      for (let t = 0; t < Y; t++) this.sums[(f * Y + t) * R + run] += block[f * Y + t];
    }
    for (let t = 0; t < Y; t++) this.normWeight[t * R + run] += block[F.normSpecialist * Y + t] * block[F.populationToCover * Y + t];
  }
  /** Turns the sums into the total's values, in place (same layout), and returns them. */
  finish(): Float64Array {
    const Y = this.nYears, R = this.runs, size = NFIELDS * Y;
    const out = this.sums;
    const b = new Float64Array(size), w = new Float64Array(Y);
    for (let r = 0; r < R; r++) {
      for (let c = 0; c < size; c++) b[c] = out[c * R + r];
      for (let t = 0; t < Y; t++) w[t] = this.normWeight[t * R + r];
      for (let f = 0; f < NFIELDS; f++) if (SUMMED[f] === 0) for (let t = 0; t < Y; t++) b[f * Y + t] = NaN;
      deriveRatios(b, Y, w);
      for (let c = 0; c < size; c++) out[c * R + r] = b[c];
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
