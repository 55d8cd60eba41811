/**
 * Projection (typed arrays) → the documented output shape that other tools read:
 *
 *   { scenario, version, mode, startYear, endYear, regions: [Region], total?: Region }
 *   Region = { name, reachedYear, sustainedFrom, reachedYearSpecialistsOnly,
 *              sustainedFromSpecialistsOnly, years: [Year] }
 *   Year   = { year, population, populationToCover, specialists, … } (every field in fields.ts)
 *
 * Missing values (flows in the base year, costs without cost assumptions) are null, never 0.
 */
import { F, outputFields, type FieldKey } from './fields.js';
import type { WhatItWouldTake } from './take.js';
import { firstReached, sustainedFrom, type AgeGroupSeries, type Projection, type SeriesBlock } from './project.js';

export type YearRow = { year: number } & { [K in FieldKey]: number | null };

export interface RegionOutput {
  name: string;
  reachedYear: number | null;
  sustainedFrom: number | null;
  reachedYearSpecialistsOnly: number | null;
  sustainedFromSpecialistsOnly: number | null;
  years: YearRow[];
  /** The scenario's observed figures beside the model (only when the scenario has any; model/observed.ts). */
  observed?: import('./observed-row.js').ObservedRow[];
  /** Inhabitants and care-need weight per age group, one value per year (age-structured demand only). */
  ageGroups?: AgeGroupSeries[];
  /** How far it gets and what it would take (model/take.ts); null where the target is reached; absent when not computed. */
  whatItWouldTake?: WhatItWouldTake | null;
}

export interface ScenarioInfo {
  name: string;
  description: string;
  /** The description in Swedish, when the scenario gives one (`descriptionSv`). */
  descriptionSv?: string;
  countBasis: string;
  /**
   * The price base of every cost (kronor of `year`; wages rising `wageGrowth` a year from it, 0:
   * fixed prices), when the scenario has costs and every costed region has the same; absent otherwise.
   */
  priceBase?: PriceBase;
  file?: string;
}

/** The price level costs are in: kronor of `year`, wages rising by `wageGrowth` (mean, a share) a year from it. */
export interface PriceBase { year: number; wageGrowth: number }

export interface RunOutput {
  scenario: ScenarioInfo;
  version: string;
  mode: 'deterministic' | 'monte-carlo';
  startYear: number;
  endYear: number;
  regions: RegionOutput[];
  total?: RegionOutput;
}

const clean = (v: number): number | null => (Number.isFinite(v) ? v : null);

export function regionOutput(s: SeriesBlock, years: number[], ageStructured = false): RegionOutput {
  const Y = years.length;
  const yr = (t: number) => (t < 0 ? null : years[t]);
  const fields = outputFields(ageStructured);
  const out: RegionOutput = {
    name: s.name,
    reachedYear: yr(firstReached(s.block, Y)),
    sustainedFrom: yr(sustainedFrom(s.block, Y)),
    reachedYearSpecialistsOnly: yr(firstReached(s.block, Y, F.reachedSpecialistsOnly)),
    sustainedFromSpecialistsOnly: yr(sustainedFrom(s.block, Y, F.reachedSpecialistsOnly)),
    years: years.map((year, t) => {
      const row = { year } as YearRow;
      fields.forEach((d) => { row[d.key as FieldKey] = clean(s.block[F[d.key as FieldKey] * Y + t]); });
      return row;
    }),
  };
  if (s.ageGroups) out.ageGroups = s.ageGroups;
  return out;
}

export function toOutput(p: Projection, scenario: ScenarioInfo, version: string): RunOutput {
  const out: RunOutput = {
    scenario,
    version,
    mode: 'deterministic',
    startYear: p.startYear,
    endYear: p.endYear,
    regions: p.regions.map((r) => regionOutput(r, p.years, p.ageStructured)),
  };
  if (p.total) out.total = regionOutput(p.total, p.years, p.ageStructured);
  return out;
}
