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

/** The command line's words on a terminal and around its outputs (part of MessageTexts, split from types.ts to keep files short). */
export interface TerminalTexts {
  /** Stdout is /dev/null opened read-write (what Node makes of a closed stdout): a warning on a terminal. */
  stdoutClosed(): string;
  /** The progress bar's label: the scenario's name and the number of runs. */
  progressLabel(name: string, runs: number): string;
  /** solve's line on a terminal before its last two Monte Carlo runs (the lever by its option value). */
  solveLastRuns(lever: string, level: number): string;
  /** What `validate` prints for a valid scenario (starts with "ok" in every language). */
  validateOk(file: string, name: string, regions: number, start: number, end: number, uncertain: number): string;
  /** The file name suggested when an output option names a folder, for a format (`table` → `.txt`). */
  outFileName(kind: 'result' | 'runs' | 'calibrated', format: string): string;
}
