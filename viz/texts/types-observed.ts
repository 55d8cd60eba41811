/** The assumptions table's words and the observed figures' texts (split from types.ts to keep files short). */
import type { DefaultKey } from '../../scenario/defaults.js';
/**
 * The scenario's assumptions as the report and the workbook list them: a readable name for each
 * parameter path, the program defaults' reasons, and a value's text in the language's words and
 * number format (the scenario layer writes it language-neutrally: `.` decimals, `, ` lists).
 */
export interface AssumptionTexts {
  /** `specialists.attrition` → `Other exits of specialists (share/year)`; an unknown path is returned as it is. */
  paramLabel(path: string): string;
  /** The reason of a program default, e.g. `careNeedIndex`. */
  defaultReason(key: DefaultKey): string;
  /** A value as the scenario layer wrote it (`PERT(0.02, 0.031, 0.045)`, `5 years: 0.2, …`) in this language. */
  value(text: string): string;
  /** Comparison: above B's list, which holds only what B changes from A. */
  changedOnly(label: string, base: string): string;
  /** Comparison: B changes no assumption of A. */
  noneChanged(label: string, base: string): string;
  /** Above the table of the numbers that differ by region (one row per region, one column per number). */
  byRegion(): string;
  /** Under it: a column's note (`label: note`). */
  columnNote(label: string, note: string): string;
}

/** Observed figures beside the model (`run`, report), `calibrate` and `backtest`. */
export interface ObservedTexts {
  /** `Observed beside the model — Region` */
  title(region: string): string;
  quantity(q: string): string;
  colQuantity(): string;
  /** The backtest's row over all quantities. */
  totalRow(): string;
  colYear(): string;
  colObserved(): string;
  colModelled(mode: 'deterministic' | 'monte-carlo'): string;
  colDifference(): string;
  colInterval80(): string;
  colSource(): string;
  /** Under the table: what the difference is; `namedDoctor`: the table has the share with a named doctor, which has no modelled counterpart. */
  footnote(mode: 'deterministic' | 'monte-carlo', namedDoctor: boolean): string;
  // --- calibrate ---
  calibrateTitle(scenario: string): string;
  colParameter(): string;
  colBefore(): string;
  colAfter(): string;
  colResidualBefore(): string;
  colResidualAfter(): string;
  /** Sum of squared relative residuals before and after, and the method (in the reader's language; the English is model/calibrate.ts CALIBRATION_METHOD). */
  calibrateFit(before: string, after: string): string;
  notIdentified(params: string[]): string;
  /** Under the fit when a parameter ends at a bound of its search range: what the `!` means. */
  atBound(): string;
  overlayWritten(file: string): string;
  // --- backtest ---
  backtestTitle(scenario: string, base: number, runs: number): string;
  colPoints(): string;
  colMape(): string;
  colBias(): string;
  colInside50(): string;
  colInside80(): string;
  /** The plain warning: the 80 % intervals held only `inside80` (a count) of `n` observed figures. */
  tooNarrow(quantity: string, inside80: number, n: number): string;
  allWithin(): string;
  backtestNote(): string;
  chartTitle(): string;
}

