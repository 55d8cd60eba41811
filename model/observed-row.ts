/** The row an observed figure becomes in the output (no imports of the output modules: they import this). */
import type { FieldKey } from './fields.js';

export type ObservedQuantityName = 'specialists' | 'st' | 'completions' | 'newSpecialistsStaying' | 'retirements' | 'otherExits' | 'population' | 'namedDoctorShare';

export interface ObservedRow {
  quantity: ObservedQuantityName;
  field: FieldKey | null;
  year: number;
  observed: number;
  source: string;
  note?: string;
  /** Deterministic: the expected value; Monte Carlo: the median. Null: no counterpart or no value that year. */
  modelled: number | null;
  /** modelled − observed, and that as a share of observed. */
  difference: number | null;
  relativeDifference: number | null;
  /** Monte Carlo only: the 50 % (p25–p75) and 80 % (p10–p90) intervals. */
  interval50?: [number, number] | null;
  interval80?: [number, number] | null;
}
