/**
 * Every per-year output series, with its unit and kind (Starsim's results-with-metadata idea):
 * summaries, totals, tables and charts follow from this list, so a new field is added here once.
 * User-facing labels live in `viz/texts/` (one catalogue per language); this file has no language.
 */

/**
 * What a series is; the kind chooses its summary: a `flag` (1/0 per year) is summarized as the share
 * of runs in which it holds, never by quantiles; every other kind by mean and quantiles.
 */
export type FieldKind = 'stock' | 'flow' | 'ratio' | 'cost' | 'flag';
export type FieldGroup = 'population' | 'workforce' | 'flows' | 'capacity' | 'cost' | 'path';
/** How a multi-region total is formed: summed, or recomputed from the summed fields. */
export type TotalRule = 'sum' | 'derived' | 'none';

export interface FieldDef {
  key: string;
  unit: 'inhabitants' | 'persons' | 'fte' | 'persons/year' | 'share' | 'inhabitants/doctor' | 'inhabitants/fte' | 'kr' | 'kr/year' | 'flag';
  kind: FieldKind;
  group: FieldGroup;
  total: TotalRule;
  /** Only in the output of scenarios with age-structured demand (so that a scenario giving only a
   *  total keeps the same bytes out). */
  ageOnly?: true;
}

const f = <K extends string>(key: K, unit: FieldDef['unit'], kind: FieldKind, group: FieldGroup, total: TotalRule = 'sum'): FieldDef & { key: K } =>
  ({ key, unit, kind, group, total });

export const FIELDS = [
  f('population', 'inhabitants', 'stock', 'population'),
  f('populationToCover', 'inhabitants', 'stock', 'population'),
  { ...f('needWeightedPopulation', 'inhabitants', 'stock', 'population'), ageOnly: true },
  f('specialists', 'persons', 'stock', 'workforce'),
  f('specialistsFte', 'fte', 'stock', 'workforce'),
  f('otherSpecialists', 'persons', 'stock', 'workforce'),
  f('otherSpecialistsFte', 'fte', 'stock', 'workforce'),
  f('st', 'persons', 'stock', 'workforce'),
  f('listableSt', 'persons', 'stock', 'workforce'),
  f('listableStFte', 'fte', 'stock', 'workforce'),
  f('supervisionFte', 'fte', 'stock', 'workforce'),
  f('stPosts', 'persons/year', 'flow', 'flows'),
  f('stStarts', 'persons/year', 'flow', 'flows'),
  f('stUnfilledByCap', 'persons/year', 'flow', 'flows'),
  f('stDropouts', 'persons/year', 'flow', 'flows'),
  f('stCompletions', 'persons/year', 'flow', 'flows'),
  f('newSpecialistsStaying', 'persons/year', 'flow', 'flows'),
  f('recruitment', 'persons/year', 'flow', 'flows'),
  f('retirements', 'persons/year', 'flow', 'flows'),
  f('otherExits', 'persons/year', 'flow', 'flows'),
  f('netIncreaseSpecialists', 'persons/year', 'flow', 'flows'),
  f('netIncreaseOtherSpecialists', 'persons/year', 'flow', 'flows'),
  f('netIncreaseSt', 'persons/year', 'flow', 'flows'),
  f('netIncreaseListableSt', 'persons/year', 'flow', 'flows'),
  f('normSpecialist', 'inhabitants/fte', 'ratio', 'capacity', 'none'),
  f('normSt', 'inhabitants/fte', 'ratio', 'capacity', 'none'),
  f('capacitySpecialists', 'inhabitants', 'stock', 'capacity'),
  f('capacitySt', 'inhabitants', 'stock', 'capacity'),
  f('capacityOther', 'inhabitants', 'stock', 'capacity'),
  f('capacity', 'inhabitants', 'stock', 'capacity'),
  f('inhabitantsPerDoctorEquivalent', 'inhabitants/fte', 'ratio', 'capacity', 'derived'),
  f('doctorEquivalents', 'fte', 'stock', 'capacity', 'derived'),
  f('coverage', 'share', 'ratio', 'capacity', 'derived'),
  f('inhabitantsPerDoctor', 'inhabitants/doctor', 'ratio', 'capacity', 'derived'),
  f('inhabitantsPerSpecialistFte', 'inhabitants/fte', 'ratio', 'capacity', 'derived'),
  f('specialistGap', 'fte', 'stock', 'capacity', 'derived'),
  f('reached', 'flag', 'flag', 'capacity', 'derived'),
  f('reachedSpecialistsOnly', 'flag', 'flag', 'capacity', 'derived'),
  f('cost', 'kr/year', 'cost', 'cost'),
  f('costIncrease', 'kr/year', 'cost', 'cost'),
  f('netCostIncrease', 'kr/year', 'cost', 'cost'),
  f('cumulativeCost', 'kr', 'cost', 'cost'),
  // Plan paths (missing without one): the target, target − outcome (> 0 short of the path,
  // < 0 above it), and met = at or above the path within rounding (gap ≤ PATH_TOLERANCE). The met
  // flags are of kind ratio, summarized by mean and quantiles: the mean is the probability met.
  f('specialistPath', 'persons', 'stock', 'path'),
  f('specialistPathGap', 'persons', 'stock', 'path'),
  f('specialistPathMet', 'flag', 'ratio', 'path', 'derived'),
  f('completionsPath', 'persons/year', 'flow', 'path'),
  f('completionsPathGap', 'persons/year', 'flow', 'path'),
  f('completionsPathMet', 'flag', 'ratio', 'path', 'derived'),
] as const satisfies readonly FieldDef[];

export type FieldKey = (typeof FIELDS)[number]['key'];
export const FIELD_KEYS: readonly FieldKey[] = FIELDS.map((d) => d.key);
export const NFIELDS = FIELDS.length;
/** Column of each field in a result block. */
export const F = Object.fromEntries(FIELDS.map((d, i) => [d.key, i])) as Record<FieldKey, number>;
/** The fields written out: every field, less the age-only ones unless the demand is age-structured. */
export function outputFields(ageStructured: boolean): readonly (typeof FIELDS)[number][] {
  return ageStructured ? FIELDS : FIELDS.filter((d) => !('ageOnly' in d));
}
/** Within rounding: a path is met when the outcome is at most this far below it. */
export const PATH_TOLERANCE = 0.5;
export const FIELD_DEF: Record<FieldKey, FieldDef> = Object.fromEntries(FIELDS.map((d) => [d.key, d])) as Record<FieldKey, FieldDef>;
