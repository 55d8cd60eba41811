/**
 * The measures of one year, derived from its stocks — the one definition used by every region's
 * rows (engine.ts) and by the multi-region total (project.ts): the headline measure (doctor
 * equivalents and inhabitants per doctor equivalent), coverage, inhabitants per doctor
 * (Tabell 1: population / (specialists + listable ST), by headcount), inhabitants per specialist
 * FTE, the specialist gap in FTE, and whether 1100/550 is reached (all capacity, and specialists
 * alone), and whether each plan path is met. `gapNorm`: inhabitants per FTE the gap and the doctor equivalents are counted at (a
 * region: its specialist norm that year; the total: the regions' population-weighted mean norm).
 *
 * The headline measure agrees with the verdict by construction:
 * - doctor equivalents = capacity ÷ specialist norm (specialist FTE less supervision, plus listable
 *   ST FTE × normSt ÷ normSpecialist, plus each other group's FTE × its norm ÷ normSpecialist);
 * - inhabitants per doctor equivalent = population to cover ÷ doctor equivalents, computed as
 *   norm × (population to cover ÷ capacity), which is mathematically the same and exact in floating
 *   point at equality: it is ≤ the norm exactly when capacity ≥ population to cover (`reached`).
 * Tabell 1's measure (`inhabitantsPerDoctor`) counts a listable ST trainee as a whole doctor and
 * can fall under the norm years before the target is met; it stays for the Tabell 1 view.
 */
import { F, PATH_TOLERANCE } from './fields.js';

export function writeMeasures(b: Float64Array, Y: number, t: number, gapNorm: number): void {
  const capacity = b[F.capacity * Y + t], need = b[F.populationToCover * Y + t];
  b[F.coverage * Y + t] = capacity / need;
  b[F.doctorEquivalents * Y + t] = capacity / gapNorm;
  b[F.inhabitantsPerDoctorEquivalent * Y + t] = capacity > 0 ? gapNorm * (need / capacity) : NaN;
  b[F.inhabitantsPerDoctor * Y + t] = b[F.population * Y + t] / (b[F.specialists * Y + t] + b[F.listableSt * Y + t]);
  b[F.inhabitantsPerSpecialistFte * Y + t] = need / b[F.specialistsFte * Y + t];
  b[F.specialistGap * Y + t] = Math.max(0, need - capacity) / gapNorm;
  writeReached(b, Y, t);
  // Plan paths: met when the outcome is at or above the path within rounding (missing without one;
  // in a total, missing unless every region has one).
  const gs = b[F.specialistPathGap * Y + t], gc = b[F.completionsPathGap * Y + t];
  b[F.specialistPathMet * Y + t] = Number.isNaN(gs) ? NaN : gs <= PATH_TOLERANCE ? 1 : 0;
  b[F.completionsPathMet * Y + t] = Number.isNaN(gc) ? NaN : gc <= PATH_TOLERANCE ? 1 : 0;
}

/** The two reached flags of writeMeasures (all capacity, and specialists alone, against the population to cover); alone when only they are read. */
export function writeReached(b: Float64Array, Y: number, t: number): void {
  const need = b[F.populationToCover * Y + t];
  b[F.reached * Y + t] = b[F.capacity * Y + t] >= need ? 1 : 0;
  b[F.reachedSpecialistsOnly * Y + t] = b[F.capacitySpecialists * Y + t] >= need ? 1 : 0;
}
/** What writeReached reads. */
export const REACHED_INPUTS = [F.capacity, F.populationToCover, F.capacitySpecialists] as const;

/**
 * The specialists' capacity against the norm (their FTE less supervision, at the specialist norm) and
 * the whole capacity (plus the listable ST's and the other groups'): the one definition, used by the
 * engine's rows and by the Monte Carlo's store, which derives these two fields on reading instead of
 * keeping them (model/mc-store.ts), so they are the engine's values to the bit.
 */
export function writeCapacity(b: Float64Array, Y: number, t: number): void {
  const capSpec = Math.max(0, b[F.specialistsFte * Y + t] - b[F.supervisionFte * Y + t]) * b[F.normSpecialist * Y + t];
  b[F.capacitySpecialists * Y + t] = capSpec;
  b[F.capacity * Y + t] = capSpec + b[F.capacitySt * Y + t] + b[F.capacityOther * Y + t];
}
export const CAPACITY_INPUTS = [F.specialistsFte, F.supervisionFte, F.normSpecialist, F.capacitySt, F.capacityOther] as const;
export const CAPACITY_OUTPUTS = [F.capacitySpecialists, F.capacity] as const;

/**
 * The cost increases of the year at index i, whose year index is `year`, from the costs: against the
 * first year, against the year before (NaN in the first year) and their running sum (the first year's
 * own increase, 0, in the first year; all NaN without costs). The same run's year τ is at index
 * i − (year − τ)·step (the engine: step 1; the store's field-major block of several years: step = the
 * chunk length). The one definition, as `writeCapacity`: the store derives these fields on reading.
 */
export function writeCostIncreases(b: Float64Array, Y: number, i: number, year: number, step: number): void {
  const cost = b[F.cost * Y + i];
  const inc = cost - b[F.cost * Y + i - year * step];
  b[F.costIncrease * Y + i] = inc;
  b[F.netCostIncrease * Y + i] = year === 0 ? NaN : cost - b[F.cost * Y + i - step];
  b[F.cumulativeCost * Y + i] = year === 0 ? inc : b[F.cumulativeCost * Y + i - step] + inc;
}
export const COST_OUTPUTS = [F.costIncrease, F.netCostIncrease, F.cumulativeCost] as const;

/**
 * The fields `writeMeasures` reads (besides `gapNorm`) and writes. The Monte Carlo keeps only the
 * inputs per run and derives the outputs again while it summarizes (model/mc-store.ts), with this
 * same function, so the derived values are the engine's to the bit; keep both lists in step with
 * the function (test/mc-store.test.ts checks them on every shipped scenario).
 */
export const MEASURE_INPUTS = [
  F.capacity, F.populationToCover, F.population, F.specialists, F.listableSt, F.specialistsFte,
  F.capacitySpecialists, F.specialistPathGap, F.completionsPathGap,
] as const;
export const MEASURE_OUTPUTS = [
  F.coverage, F.doctorEquivalents, F.inhabitantsPerDoctorEquivalent, F.inhabitantsPerDoctor, F.inhabitantsPerSpecialistFte,
  F.specialistGap, F.reached, F.reachedSpecialistsOnly, F.specialistPathMet, F.completionsPathMet,
] as const;
