/** The commands' usage errors (exit 2), part of the command line's messages (split from types.ts to keep files short). */
export interface UsageErrorTexts {
  noObservedForBacktest(scenario: string, start: number): string;
  calibrateNoSet(): string;
  calibrateOneRegion(): string;
  noObservedForCalibrate(scenario: string, start: number): string;
  calibrateRegionScoped(keys: string[]): string;
  chartOutIsFile(out: string): string;
  regionNotInScenario(region: string, names: string[]): string;
  badYears(spec: string): string;
  yearsOutside(spec: string, start: number, end: number): string;
  xlsxNeedsOut(): string;
  compareNeedsTwo(n: number): string;
  regionNotInFile(region: string, file: string, names: string[]): string;
  chartFileType(flag: string, path: string): string;
  badBudget(got: string): string;
  solveNeedsTarget(): string;
  badProbability(got: number): string;
  badTargetYear(start: number, end: number, got: number): string;
  chooseRegion(names: string[]): string;
  noSuchRegion(region: string, names: string[]): string;
  badFromYear(start: number, target: number): string;
  maxStepPositive(): string;
  maxStepLever(): string;
  budgetNeedsCosts(name: string): string;
}
