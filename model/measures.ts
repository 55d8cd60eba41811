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
