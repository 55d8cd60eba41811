/**
 * The text catalogues' types: one interface per consumer. Each language (`en/`, `sv/`) is an
 * object of type `Texts`, so a text missing in one language fails the type-check. `texts(lang)`
 * (`./index.ts`) picks one once, at the command line's edge, and everything that writes words
 * takes the resulting `Locale` (or the part it needs) instead of a language code.
 *
 * - `fields`: a label and a unit for every output field (`model/fields.ts`), group titles;
 * - `tables`: the appendix table, the overview of many regions, Monte Carlo tables, Tabell 1;
 * - `charts`: chart titles, keys and notes;
 * - `report`: the HTML report and the workbook;
 * - `analysis`: the output of `solve`, `sensitivity` and `compare`;
 * - `messages`: the command line's own messages (stderr).
 */
import type { FieldGroup, FieldKey } from '../../model/fields.js';
import type { Lang, NumberFormat } from '../format.js';
import type { PathInfo } from '../paths.js';
import type { CompareHeadlineInfo, McReachedInfo, NormPair, ReachedInfo, SolveHeadline, SolveReport } from './info.js';
import type { WhatItWouldTake } from '../../model/take.js';
import type { ExploreTexts } from './explore-types.js';
import type { TerminalTexts, UsageErrorTexts } from './types-cli.js';
export type { ExploreTexts } from './explore-types.js';

export interface FieldTexts {
  /** The field's label, e.g. `Befolkning att täcka`. */
  label(key: FieldKey): string;
  /** The unit of the field's value as stored, e.g. `kr/år`. */
  unit(key: FieldKey): string;
  /** The unit shown in a table row label (values scaled: mnkr, %); '' when none is shown. */
  tableUnit(key: FieldKey): string;
  /** A table row label with its unit, e.g. `Merkostnad mot basåret (mnkr)`. */
  rowLabel(key: FieldKey): string;
  groupTitle(group: FieldGroup, priceBase?: { year: number; wageGrowth: number }): string; // cost: with its price base
}

/**
 * The command line's own messages on stderr, in the language of --lang (as the validation
 * messages: `scenario/messages-sv.ts`).
 */
export interface MessageTexts extends UsageErrorTexts, TerminalTexts {
  /** After the list of problems in the input. */
  problems(n: number): string;
  /** After a usage error. */
  seeHelp(): string;
  /** An unexpected error (a bug): what it said, and how to report it. */
  internalError(message: string): string;
  /** `compare`: the scenarios count specialists differently. */
  stderrCountBasis(bases: string[]): string;
  /** `compare`: the scenarios' horizons differ. */
  stderrHorizon(horizons: string[]): string;
  /** `sensitivity` on a scenario without distributions. */
  noUncertain(file: string): string;
  /** Writing an output failed; `code` is the system's error code (ENOSPC, EACCES, EROFS, ENOTDIR…). */
  writeFailed(path: string, code: string | undefined): string;
  /** The packaged Chromium (for `report --out x.pdf`) could not be unpacked into `dir`. */
  browserUnpackFailed(dir: string, code: string | undefined): string;
  /** RIKTVARDE_CHROMIUM names no file (`notProgram`: a folder or a file that cannot be run). */
  chromiumMissing(path: string, notProgram?: boolean): string;
  /** No packaged Chromium for this platform and no RIKTVARDE_CHROMIUM. */
  chromiumPlatform(platform: string, arch: string): string;
  /** `--years 2030-2025`: the later year first. */
  yearsReversed(spec: string, first: number, last: number): string;
  /** Two outputs name the same file. */
  sameOutputTwice(first: string, second: string): string;
  /** An output names a device or a pipe (`/dev/null`): renaming onto it would replace it by a file. */
  outputNotRegular(path: string): string;
  /** Writing to stdout failed (`> /dev/full`, a full disk); part of the text may be out. */
  stdoutFailed(code: string | undefined): string;
  /** An output names an input scenario (or one of its `extends` bases). */
  outputIsInput(out: string, input: string): string;
  /** Stopped by a signal while working; temp files removed. */
  interrupted(signal: string): string;
  /** A number option that must be a whole number ≥ `min`. */
  badWholeNumber(option: string, got: string, min: number): string;
  /** A number option given text that is not a number. */
  notANumber(option: string, got: string, example: string): string;
  /** A number option given more than once. */
  givenTwice(option: string): string;
  /** A number option out of its range. */
  outOfRange(option: string, got: number, range: string): string;
  /** --workers above the limit. */
  tooManyWorkers(got: number, max: number, cores: number): string;
  /** --runs whose memory estimate exceeds what the machine has. */
  tooManyRuns(runs: number, need: number, budget: number, fits: number): string;
  /** A result that is not a finite number (overflow from absurd input). */
  notFinite(where: string, value: string): string;
  /** The output exists and --force was not given (exit 3). */
  outputExists(path: string): string;
  /** `solve --lever retention|attrition --max`: the range a share lever takes. */
  leverShareRange(lever: string): string;
  /** `sensitivity`: fewer Monte Carlo runs than PRCC and SRC need. */
  tooFewRuns(runs: number, params: number, needed: number): string;
}

export interface TableTexts {
  /** `Scenario — Region — förväntade värden (deterministisk)` */
  title(scenario: string, region: string, mode: 'deterministic' | 'monte-carlo'): string;
  mode(mode: 'deterministic' | 'monte-carlo'): string;
  /** Which specialist count the scenario starts from (unknown bases are shown as given). */
  countBasis(basis: string): string;
  /** e.g. `Riktvärdet 1100/550 (kapacitet ≥ befolkning att täcka) nås första gången 2031 och håller från 2031 till 2034.` */
  reached(r: ReachedInfo): string;
  /** The same with specialists alone (ST trainees' capacity not counted). */
  reachedSpecialistsOnly(r: ReachedInfo): string;
  costsOmitted(): string;
  footer(version: string): string;
  yes(): string;
  no(): string;
  // --- Overview of many regions (one row per region) ---
  overviewTitle(scenario: string, mode: 'deterministic' | 'monte-carlo'): string;
  colRegion(): string;
  colPerDoctor(year: number): string;
  colCoverage(year: number): string;
  colReached(): string;
  colSustained(): string;
  overviewNote(endYear: number): string;
  // --- Monte Carlo ---
  /** `80 %-intervall` / `80% interval` */
  intervalName(percent: number): string;
  /** `median (80 %-intervall), 10 000 körningar, frö 7` */
  mcSubtitle(percent: number, runs: number, seed: number): string;
  /** `1100/550 nås: median 2032; 80 %-intervall 2030 – inte till och med 2034; sannolikhet till och med 2034: 58 %.` */
  mcReached(r: McReachedInfo): string;
  /** `1100 med enbart specialister: median 2033; …` */
  mcReachedSpecialistsOnly(r: McReachedInfo): string;
  /** `Probability reached by: 2026 0% · 2028 3% · 2030 21%` */
  mcMilestones(items: { year: number; probability: number | null | undefined }[]): string;
  /** What a cell shows. */
  mcCellNote(percent: number): string;
  /** `Monte Carlo: 10 000 körningar, frö 7, slumpvariation i händelser på.` */
  mcFooter(runs: number, seed: number, eventNoise: boolean): string;
  colProbabilityBy(year: number): string;
  colMedianReached(): string;
  mcOverviewNote(percent: number, endYear: number, norm: NormPair | null): string;
  // --- Tabell 1 (Socialstyrelsen) ---
  tabell1Title(year: number, scenario: string): string;
  tabell1Headings(): [string, string, string, string, string, string];
  tabell1SumName(): string;
  /** Suffix of the computed total when a published national row is shown beside it. */
  tabell1SumSuffix(): string;
  tabell1PublishedName(): string;
  tabell1CountNote(sum: number, published: number): string;
  tabell1PopulationNote(sum: number, published: number): string;
  unfilledByCap(total: number): string;
  tabell1Method(): string;
  /** The sentence under a table about a plan path (viz/paths.ts): met or not, and its inflow. */
  path(p: PathInfo): string;
  /** Under the appendix layout (bilaga): what the three cost rows are. */
  bilagaCostNote(): string;
}

export interface ChartTexts {
  /** Vega's number locale (a d3-format definition). */
  numberLocale(): Record<string, unknown>;
  /** A series name in a chart key (short; the table labels are longer than a key allows). */
  seriesLabel(key: FieldKey): string;
  /** Whole million kronor, a chart label (not a table cell): `858 mnkr`, `SEK 858 m`. */
  mkrShort(v: number): string;
  perDoctorTitle(region: string, norm: number | null): string;
  perDoctorAxis(): string;
  /** What the headline measure is: inhabitants per doctor equivalent, and why it agrees with the verdict. */
  perDoctorDefinition(norm: NormPair | null): string;
  /** The coverage beside the headline: `Täckningsgrad 2034: 91,3 % (median).` */
  coverageNote(year: number, coverage: number | null, median: boolean): string;
  /** `Median och 50 %- och 90 %-intervall av 5 000 körningar (frö 2024).` */
  bandsNote(runs: number, seed: number): string;
  band80Note(runs: number, seed: number): string;
  mediansNote(runs: number, seed: number): string;
  deterministicNote(): string;
  /** Provenance line at the bottom of every subtitle. */
  source(scenario: string, version: string): string;
  keyMedian(): string;
  keyExpected(): string;
  keyBand(percent: number): string;
  keyNorm(norm: number | null): string;
  /** Label at the marker of the median year reached: `1100/550 nås 2032 (median)`; lost: a second line, not held from `lost.year` (share of runs holding in `lost.endYear`). */
  reachedMarker(year: number, norm: NormPair | null, lost?: { year: number; endYear: number; holdsAtEnd?: number }): string;
  reachedMarkerDeterministic(year: number, norm: NormPair | null, lost?: { year: number; endYear: number }): string;
  probabilityTitle(region: string, norm: NormPair | null): string;
  probabilityAxis(): string;
  probabilityNote(norm: NormPair | null, runs: number, seed: number): string;
  keyProbability(): string;
  keyGuides(): string;
  distributionTitle(region: string, norm: NormPair | null): string;
  distributionNote(endYear: number, runs: number, seed: number): string;
  /** Two-line axis label of the "not by the horizon" bar. */
  notBy(endYear: number): [string, string];
  keyFirstYear(): string;
  keyNotBy(endYear: number): string;
  shareAxis(): string;
  workforceTitle(region: string): string;
  /** Chart 8: the population by age group over the years (age-structured demand only). */
  populationByAgeTitle(region: string): string;
  inhabitantsAxis(): string;
  /** Key of the need-weighted population line. */
  keyNeedWeighted(): string;
  /** Subtitle: what the weights are and that the groups are expected values. */
  populationByAgeNote(): string;
  headcountAxis(): string;
  flowsTitle(region: string): string;
  flowsSpecialistsPanel(): string;
  flowsStPanel(): string;
  flowsAxis(): string;
  flowsNote(): string;
  keyNetChange(): string;
  costTitle(region: string): string;
  costPerYearPanel(): string;
  costCumulativePanel(): string;
  costAxis(): string;
  costNote(baseYear: number, priceBase?: { year: number; wageGrowth: number }): string;
  regionsTitle(first: number, last: number): string;
  regionsRunNote(last: number, runs: number, seed: number): string;
  regionsNote(): string;
  keyYear(year: number): string;
  keyYearMedian(year: number): string;
  keyInterval(percent: number): string;
  yearTooltip(): string;
}

/** The words inside a distribution written out. */
export interface DistWords { sep: string; mean: string; sd: string; median: string; sigma: string; mode: string }

export interface SensitivityTexts {
  /** The words inside a distribution written out, e.g. `normal(mean 1, sd 0.1)`. */
  distWords(): DistWords;
  /**
   * A parameter's name for people, from its stream key: `regions[Skåne].st.dropout` → `Avbrutna ST
   * (andel per år) (Skåne)`; a series' whole-path multiplier adds `(multiplikator)`. Unknown keys
   * are shown as they are.
   */
  param(key: string): string;
  title(scenario: string, unit: string): string;
  /** A year reached, or `efter 2034` when not by the horizon. */
  year(y: number | null, endYear: number): string;
  outcomeYear(norm: NormPair | null): string;
  outcomeCoverage(endYear: number): string;
  outcomeCost(endYear: number): string;
  /** Said next to every cost swing: a lower cost from fewer staff is not a saving. */
  costCaveat(): string;
  /** Row names of a fixed parameter's block: its value 10 % lower / higher. */
  atLowFixed(percent: number, note?: 'capped' | 'overFullTime'): string; // capped: clamped to the parameter's range
  atHighFixed(percent: number, note?: 'capped' | 'overFullTime'): string;
  /** Marks a fixed parameter (swung ±10 %, not by its uncertainty). */
  fixedMark(percent: number): string;
  /** A fixed per-year series in the parameter list: swung as a whole path. */
  seriesDist(): string;
  oatHeading(): string;
  oatIntro(): string;
  colParameter(): string;
  colAt(): string;
  colValue(): string;
  /** Row names inside a parameter's block. */
  atLow(): string;
  atHigh(): string;
  swing(): string;
  allAtMedian(): string;
  oatNote(endYear: number): string;
  globalHeading(): string;
  globalIntro(runs: number, seed: number, eventNoise: boolean): string;
  colPrcc(outcome: string): string;
  colSrc(outcome: string): string;
  /** Short outcome names for the global table's headings. */
  shortYear(): string;
  shortCoverage(endYear: number): string;
  shortCost(endYear: number): string;
  r2Row(): string;
  globalNote(noise: number | null, runs: number, endYear: number): string;
  parametersHeading(): string;
  /** `Övriga avgångar … = specialists.attrition: PERT(0.02, 0.031, 0.045); källa: … (antagande)` */
  parameterLine(label: string, key: string, dist: string, source: string | null, kind: string | null, note: string | null): string;
  // Charts
  tornadoTitle(outcome: string): string;
  keyLow(): string;
  keyHigh(): string;
  keyBase(): string;
  keyOutcome(): string;
  prccTitle(): string;
  prccNoiseNote(noise: number | null): string | null;
  noYearEffect(endYear: number): string;
  chartSubtitle(): string;
}

export interface CompareTexts {
  /** A norm as the riktvärde is written: no thousands separator (`1100`; sv decimal comma). */
  normNum(x: number): string;
  title(): string;
  subtitle(runs: number, seed: number, eventNoise: boolean): string;
  legend(label: string, name: string, file: string | null): string;
  rowHorizon(): string;
  rowUnit(): string;
  rowCountBasis(): string;
  countBasisShort(basis: string): string;
  rowNorm(): string;
  rowReached(): string;
  rowSustained(): string;
  rowProbReached(end: number | null): string;
  rowProbHolds(end: number | null): string;
  /** The headline: inhabitants per doctor equivalent in the last year. */
  rowPerDoctorEquivalent(end: number | null): string;
  /** Tabell 1's measure, labelled as such. */
  rowPerDoctor(end: number | null): string;
  rowSpecialists(end: number | null): string;
  rowSt(end: number | null): string;
  rowGap(end: number | null): string;
  rowCost(end: number | null): string;
  /** Extra cost per year per additional inhabitant of capacity, in the last year. */
  rowCostPerInhabitant(end: number | null): string;
  rowPeakSt(): string;
  rowPeakCost(): string;
  rowYearsUnderNorm(): string;
  rowReachedAgainst(): string;
  /** What "reached" is measured against: the final norm of a schedule, or the norm of each year. */
  reachedAgainstCell(basis: 'final' | 'current', schedule: boolean): string;
  /** A year difference where neither side is reached by its horizon. */
  bothNever(): string;
  /** A year difference where one side (`label`) is never reached by its horizon. */
  onlyNever(label: string): string;
  rowCoverage(end: number | null): string;
  /** A year, or `efter 2034`. */
  year(y: number | null, endYear: number): string;
  never(): string;
  /** A difference of probabilities: `+65 p.e.` / `+65 pp`. */
  points(share: number | null): string;
  diffNote(): string;
  costPerInhabitantNote(): string;
  perDoctorNote(): string;
  warnCountBasis(): string;
  normChanges(basis: 'final' | 'current'): string;
  warnHorizon(): string;
  // Chart
  chartTitle(): string;
  chartSubtitle(runs: number, seed: number): string;
  keyNorm(norm: number): string;
}

export interface ReportTexts {
  /** The 80 % interval's name in a key figure: `80 %`, `80%`. */
  pct80(): string;
  /** `<html lang>` */
  htmlLang(): string;
  docTitle(names: string[]): string;
  kicker(): string;
  /** The answer in words, at the top. */
  headline(r: McReachedInfo, region: string): string;
  keyFigures(): string;
  /** `Invånare per läkare: 1 894 (2024) → 1 546 (2034)` */
  fromTo(label: string, a: string, ya: number, b: string, yb: number): string;
  median(): string;
  costLastYear(year: number): string;
  costAccumulated(first: number, last: number): string;
  gapLastYear(year: number): string;
  sectionAnswer(): string;
  sectionCharts(): string;
  sectionAppendix(): string;
  sectionAssumptions(): string;
  sectionReproduce(): string;
  appendixNote(): string;
  /** Printed under the appendix note: which rows show intervals on paper. */
  appendixPrintNote(): string;
  /** Printed instead of the regions' overview table when there are many regions (the chart and the HTML/workbook carry it). */
  overviewPrintNote(): string;
  probabilityRow(): string;
  colParameter(): string;
  colValue(): string;
  colKind(): string;
  colSource(): string;
  colNote(): string;
  colId(): string;
  colTitle(): string;
  colPublisher(): string;
  colYear(): string;
  colUrl(): string;
  colField(): string;
  colLabel(): string;
  colUnit(): string;
  allRegions(): string;
  kind(kind: string): string;
  kindsNote(): string;
  sourcesTitle(): string;
  reproduceIntro(): string;
  metaRuns(): string;
  metaSeed(): string;
  metaEventNoise(): string;
  metaVersion(): string;
  metaFile(): string;
  metaQuantiles(): string;
  metaCharts(): string;
  chartsBy(vegaVersion: string): string;
  noScript(): string;
  chartFailed(): string;
  on(): string;
  off(): string;
  // Several scenarios: the comparison at the top
  /** `A: Region Halland – …` above a scenario's own sections. */
  scenarioTitle(label: string, name: string): string;
  /** `B against A in words: …` one sentence per scenario after the first. */
  compareHeadline(d: CompareHeadlineInfo): string;
  compareIntro(): string;
  compareTableTitle(): string;
  // Workbook
  sheetAppendix(): string;
  sheetQuantiles(): string;
  sheetValues(): string;
  sheetAssumptions(): string;
  xlsxMedianNote(runs: number, seed: number): string;
  colRegionYear(): [string, string];
  colValueRaw(): string;
  /** Swedish CSV: header of a probability column (`probabilityReachedBy`, `probabilityHolds`, `probabilityReachedBySpecialistsOnly`). */
  csvProbability(name: string): string;
  /** How the quantiles are computed, in words (the output's `quantileDefinition` is the machine's text). */
  quantileText(definition: string): string;
  // Workbook: the inputs sheet and the cost formulas
  sheetInputs(): string;
  inputsTitle(): string;
  /** How to use the sheet; `appendix` is the appendix sheet's name. */
  inputsNote(appendix: string): string;
  inputLabel(key: 'salarySpecialist' | 'salarySt' | 'employerContributions' | 'overheadPerEmployee' | 'stTrainingCost' | 'wageGrowth' | 'priceBaseYear' | 'stFte'): string;
  /** Regions whose cost includes other specialist groups: their cost rows stay numbers. */
  inputsOthersCosted(regions: string[]): string;
  inputsMcNote(): string;
  /** Under a region's table: the cost rows are formulas of the sheet `inputs`. */
  costFormulaNote(inputs: string): string;
  costFormulaNoteMc(inputs: string): string;
  /** The parameter's path, as `--set` takes it. */
  colKey(): string;
  colMean(): string;
}

/** The sentences and row names of `solve`, in their order of appearance. */
export interface SolveTexts {
  title(r: SolveReport): string;
  /** The question asked: lever, shape, target year, probability, cap. */
  question(r: SolveReport): string;
  /** The level found, or why none reaches the target. */
  answer(r: SolveReport): string;
  atThatLevel(r: SolveReport): string;
  specialists(r: SolveReport): string;
  /** `Invånare per läkarekvivalent (median): 1 098 år 2032 (täckningsgrad 100,2 %), …` */
  headline(h: SolveHeadline): string;
  planAsWritten(r: SolveReport, x: number): string;
  rowLevelSolved(noAnswer?: { limit: number; filled: boolean; cap: boolean }): string; // no answer: at the cap given, the limit searched, or the posts filled of it
  rowLevelPlan(): string;
  rowCostSolved(atLimit?: boolean): string;
  rowCostPlan(): string;
  accumulated(r: SolveReport, firstYear: number, diff: number): string;
  unfilledByCap(r: SolveReport): string;
  /** With --budget: the question, the most the budget buys (or why nothing fits), and the plan's own peak cost above the base year (median) against the budget (null: no costs). */
  budgetQuestion(r: SolveReport): string;
  budgetAnswer(r: SolveReport): string;
  budgetVsPlan(peak: { value: number; year: number } | null, budgetMnkr: number): string | null;
  /** The yearly budget the answer needs (its largest cost above the base year). */
  budgetNeeded(r: SolveReport): string;
  /** ST headcount at its peak against today, supervisors, completions. */
  feasibility(r: SolveReport): string;
  rowSt(): string;
  rowSupervisors(): string;
  rowCompletions(): string;
  method(r: SolveReport): string;
}

/**
 * "What it would take" beside a verdict (issue 10, part 2): how far the plan gets, the intake
 * that reaches the target at 50 % and 80 % (or in the expected-value projection), the earliest
 * year the training capacity allows, their cost and feasibility — plain sentences.
 */
export interface TakeTexts {
  /** The sentences, in order; `w` as in the JSON's `whatItWouldTake`. */
  sentences(w: WhatItWouldTake): string[];
  /** Short heading (report). */
  heading(): string;
}

/** `solve`, `sensitivity` and `compare`. */
export interface AnalysisTexts {
  sensitivity: SensitivityTexts;
  compare: CompareTexts;
  solve: SolveTexts;
  take: TakeTexts;
}

import type { AssumptionTexts, ObservedTexts } from './types-observed.js';
export type { AssumptionTexts, ObservedTexts };
/** One language's catalogue. */
export interface Texts {
  assumptions: AssumptionTexts;
  fields: FieldTexts;
  tables: TableTexts;
  charts: ChartTexts;
  report: ReportTexts;
  analysis: AnalysisTexts;
  messages: MessageTexts;
  observed: ObservedTexts;
  explore: ExploreTexts;
}

/** What text-writing code takes: one language's catalogue and its number format. */
export interface Locale extends Texts {
  readonly lang: Lang;
  readonly fmt: NumberFormat;
}
