/**
 * The measures of one year, derived from its stocks — the one definition used by every region's
 * rows (engine.ts) and by the multi-region total (project.ts): coverage, inhabitants per doctor
 * (Tabell 1: population / (specialists + listable ST), by headcount), inhabitants per specialist
 * FTE, the specialist gap in FTE, and whether 1100/550 is reached (all capacity, and specialists
 * alone). `gapNorm`: inhabitants per FTE the gap is counted at (a region: its specialist norm;
 * the total: the regions' population-weighted mean norm).
 */
import { F } from './fields.js';

export function writeMeasures(b: Float64Array, Y: number, t: number, gapNorm: number): void {
  const capacity = b[F.capacity * Y + t], need = b[F.populationToCover * Y + t];
  b[F.coverage * Y + t] = capacity / need;
  b[F.inhabitantsPerDoctor * Y + t] = b[F.population * Y + t] / (b[F.specialists * Y + t] + b[F.listableSt * Y + t]);
  b[F.inhabitantsPerSpecialistFte * Y + t] = need / b[F.specialistsFte * Y + t];
  b[F.specialistGap * Y + t] = Math.max(0, need - capacity) / gapNorm;
  b[F.reached * Y + t] = capacity >= need ? 1 : 0;
  b[F.reachedSpecialistsOnly * Y + t] = b[F.capacitySpecialists * Y + t] >= need ? 1 : 0;
}
