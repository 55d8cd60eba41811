/** English texts: the output of sensitivity and compare. Typed by `../types.ts`, so a missing text fails the type-check. */
import { fmt, normNum, normPair, afterYear } from './common.js';
import type { NormPair } from '../info.js';
import { solve, take } from './solve.js';
import { paramLabelWith } from '../shared.js';
import type { DistWords, AnalysisTexts, CompareTexts, SensitivityTexts } from '../types.js';

/** After a swung fixed value: clamped to its range, or above full time (an FTE over 1). */
const NOTE = { none: '', capped: ', capped', overFullTime: ', > full time' } as const;

// --- Sensitivity and compare (viz/sensitivity.ts, viz/compare.ts and their charts) ---

/** Names of scenario parameters by path (without `regions[…].`), for sensitivity tables and charts. */
export const PARAM_TEXT: Record<string, string> = {
  'otherSpecialists.headcount': 'Other listable specialists at the start',
  'otherSpecialists.fte': 'FTE per other listable specialist',
  'otherSpecialists.attrition': 'Exits of other listable specialists (per year)',
  'otherSpecialists.recruitment': 'Recruitment of other listable specialists (per year)',
  'otherSpecialists.salaryPerMonth': 'Monthly salary, other listable specialist',
  'population.growth': 'Population growth per year',
  'population.coverageShare': 'Share of the population to cover',
  'population.careNeedIndex': 'Care-need index',
  'norms.specialist': 'Norm per specialist',
  'norms.st': 'Norm per ST trainee',
  'specialists.headcount': 'GP specialists at the start',
  'specialists.fte': 'FTE per specialist',
  'specialists.attrition': 'Other exits of specialists (per year)',
  'specialists.retirement.meanAge': 'Mean retirement age',
  'specialists.retirement.sd': 'Spread of retirement age',
  'specialists.recruitment.perYear': 'Net recruitment of specialists (per year)',
  'specialists.recruitment.entryAge': 'Age of recruits',
  'st.headcount': 'ST trainees at the start',
  'st.intake': 'ST intake (per year)',
  'st.targetHeadcount': 'ST target headcount',
  'st.dropout': 'ST dropout (share per year)',
  'st.retention': 'New specialists who stay (share)',
  'st.fillRate': 'ST posts filled (share)',
  'st.fte': 'FTE per ST trainee',
  'st.completionAge': 'Age at specialist certification',
  'st.trainingCapacity.maxTraineesPerSpecialistFte': 'Max ST trainees per specialist FTE',
  'st.trainingCapacity.maxTotal': 'Max ST trainees in total',
  'st.trainingCapacity.supervisionHoursPerWeek': 'Supervision, hours per week',
  'costs.wageGrowth': 'Wage growth per year',
  'costs.employerContributions': 'Employer contributions (PO)',
  'costs.overheadPerEmployee': 'Overhead per employee (kr/year)',
  'costs.salaryPerMonth.specialist': 'Monthly salary, specialist (kr)',
  'costs.salaryPerMonth.st': 'Monthly salary, ST trainee (kr)',
  'costs.stTrainingCostPerYear': 'Training cost per ST trainee and year (kr)',
};

const paramLabel = paramLabelWith(PARAM_TEXT, ' (multiplier)');

/** Texts of `riktvarde sensitivity`: tables, notes and charts. */
export const sensitivity: SensitivityTexts = {
  /** The words inside a distribution written out, e.g. `normal(mean 1, sd 0.1)`. */
  distWords(): DistWords {
    return { sep: ', ', mean: 'mean', sd: 'sd', median: 'median', sigma: 'sigma', mode: 'mode' };
  },
  param: paramLabel,
  title(scenario: string, unit: string): string {
    return `Sensitivity analysis — ${scenario} — ${unit}`;
  },
  /** A year reached, or `efter 2034` when not by the horizon. */
  year(y: number | null, endYear: number): string {
    return y === null ? afterYear(endYear) : String(y);
  },
  outcomeYear(norm: NormPair | null): string {
    const n = normPair(norm);
    return `Year ${n ?? 'the target is'} reached`;
  },
  outcomeCoverage(endYear: number): string {
    return `Coverage ${endYear} (%)`;
  },
  outcomeCost(endYear: number): string {
    return `Cumulative extra cost ${endYear} (SEK m)`;
  },
  costCaveat(): string {
    return 'A cost swing is only the change in accumulated cost: a parameter that removes staff (more exits, lower FTE, fewer staying) lowers the salary cost together with the coverage — fewer doctors paid, not a saving.';
  },
  atLowFixed(percent, note) {
    return `${percent}% lower${NOTE[note ?? 'none']}`;
  },
  atHighFixed(percent, note) {
    return `${percent}% higher${NOTE[note ?? 'none']}`;
  },
  fixedMark(percent: number): string {
    return ` [fixed, ±${percent}%]`;
  },
  seriesDist(): string {
    return 'a per-year path as written (swung as a whole)';
  },
  oatHeading(): string {
    return 'One parameter at a time';
  },
  oatIntro(): string {
    return 'Each uncertain parameter at its 10th and at its 90th percentile, and each fixed parameter (marked [fixed, ±10%]: a single number or a per-year path in the scenario, norms excepted) 10% below and above its value, while the others stay at their medians; deterministic runs without event noise. A ±10% swing says how much the answer leans on a number, not how uncertain the number is.';
  },
  colParameter(): string {
    return 'Parameter';
  },
  colAt(): string {
    return 'At';
  },
  colValue(): string {
    return 'Parameter value';
  },
  /** Row names inside a parameter's block. */
  atLow(): string {
    return '10th percentile';
  },
  atHigh(): string {
    return '90th percentile';
  },
  swing(): string {
    return 'swing';
  },
  allAtMedian(): string {
    return 'All parameters at their medians';
  },
  oatNote(endYear: number): string {
    return `Swing = the value at the 90th percentile − the value at the 10th. “${afterYear(endYear)}” = the target is not reached within the horizon; in a swing it counts as ${endYear + 1}, so a swing with ≥ or ≤ is a bound. Coverage swings are in percentage points. Sorted by the swing in coverage in ${endYear}, then in the year reached. A cost swing is only the change in accumulated cost: a parameter that removes staff lowers the salary cost together with the coverage — fewer doctors paid, not a saving.`;
  },
  globalHeading(): string {
    return 'All parameters at once (Monte Carlo)';
  },
  globalIntro(runs: number, seed: number, eventNoise: boolean): string {
    return `From ${fmt.int(runs)} runs (seed ${seed}, event noise ${eventNoise ? 'on' : 'off'}) in which every uncertain parameter is drawn at once: partial rank correlation (PRCC) and standardized regression coefficient (SRC) of each parameter with each outcome.`;
  },
  colPrcc(outcome: string): string {
    return `PRCC: ${outcome}`;
  },
  colSrc(outcome: string): string {
    return `SRC: ${outcome}`;
  },
  /** Short outcome names for the global table's headings. */
  shortYear(): string {
    return 'year reached';
  },
  shortCoverage(endYear: number): string {
    return `coverage ${endYear}`;
  },
  shortCost(endYear: number): string {
    return `extra cost ${endYear}`;
  },
  r2Row(): string {
    return 'R² of the linear model';
  },
  globalNote(noise: number | null, runs: number, endYear: number): string {
    const n = noise === null ? null : fmt.num(noise, 2);
    return `PRCC (-1 to 1): how strongly the outcome rises (+) or falls (-) with the parameter when the others are held fixed, on ranks.${n ? ` With ${fmt.int(runs)} runs, |PRCC| below ${n} cannot be told from 0 (5% level).` : ''} SRC: by how many standard deviations the outcome moves per standard deviation of the parameter, in a linear regression; R² is the share of the variation the linear model explains — the rest is event noise, random walks and interactions. A year not reached within the horizon counts as ${endYear + 1}. – = the outcome is the same in every run (for the year reached: usually because no run reaches the target by ${endYear}), or it is missing (no costs).`;
  },
  parametersHeading(): string {
    return 'Parameters and sources';
  },
  /** `Övriga avgångar … = specialists.attrition: PERT(0.02, 0.031, 0.045); källa: … (antagande)` */
  parameterLine(label: string, key: string, dist: string, source: string | null, kind: string | null, note: string | null): string {
    const kindText = kind === 'assumption' ? 'assumption'
      : kind === 'derived' ? 'derived'
      : kind === 'published' ? 'published' : null;
    const src = source ? `; ${'source'}: ${source}${kindText ? ` (${kindText})` : ''}` : '';
    return `${label} = ${key}: ${dist}${src}${note ? `. ${note}` : ''}`;
  },
  // Charts
  tornadoTitle(outcome: string): string {
    return `${outcome}: one parameter at a time`;
  },
  keyLow(): string {
    return 'Low: 10th percentile (fixed: −10%)';
  },
  keyHigh(): string {
    return 'High: 90th percentile (fixed: +10%)';
  },
  keyBase(): string {
    return 'All at medians';
  },
  keyOutcome(): string {
    return 'Outcome';
  },
  prccTitle(): string {
    return 'Partial rank correlation (PRCC) with the outcomes';
  },
  prccNoiseNote(noise: number | null): string | null {
    if (noise === null) return null;
    return `Grey area: |PRCC| below ${fmt.num(noise, 2)} cannot be told from 0.`;
  },
  noYearEffect(endYear: number): string {
    return `No parameter moves the year the target is reached within the horizon (to ${endYear}).`;
  },
  chartSubtitle(): string {
    return 'Bars run from the outcome with every parameter at its median to the outcome with one parameter moved to its 10th or its 90th percentile (a fixed parameter, marked [fixed, ±10%]: 10% below and above its value). Largest swing on top. A lower cost with fewer doctors is not a saving: coverage falls with it.';
  },
};

/** Texts of `riktvarde compare`. */
export const compare: CompareTexts = {
  /** A norm as the riktvärde is written: no thousands separator (`1100`). */
  normNum(x: number): string {
    return String(x);
  },
  title(): string {
    return 'Scenario comparison';
  },
  subtitle(runs: number, seed: number, eventNoise: boolean): string {
    return `Monte Carlo: median (80% interval), ${fmt.int(runs)} runs, seed ${seed}, event noise ${eventNoise ? 'on' : 'off'}; the same random numbers in every scenario.`;
  },
  legend(label: string, name: string, file: string | null): string {
    return `${label} = ${name}${file ? ` (${file})` : ''}`;
  },
  rowHorizon(): string {
    return 'Horizon';
  },
  rowUnit(): string {
    return 'Region';
  },
  rowCountBasis(): string {
    return 'Count basis';
  },
  countBasisShort(basis: string): string {
    if (basis === 'health-centres') return 'health centres';
    if (basis === 'all-sectors') return 'all sectors';
    return basis;
  },
  rowNorm(): string {
    return 'Norm (specialist/ST)';
  },
  rowReached(): string {
    return 'First year the target is reached';
  },
  rowSustained(): string {
    return 'Holds from (median)';
  },
  rowProbReached(end: number | null): string {
    return `Probability reached ${end === null ? 'within the horizon' : `by ${end}`}`;
  },
  rowProbHolds(end: number | null): string {
    return `Probability it holds in ${end === null ? 'the last year' : end}`;
  },
  rowPerDoctorEquivalent(end: number | null): string {
    return `Inhabitants per doctor equivalent ${end ?? 'in the last year'}`;
  },
  rowPerDoctor(end: number | null): string {
    return `Inhabitants per doctor, Tabell 1 (ST as doctors) ${end ?? 'in the last year'}`;
  },
  rowSpecialists(end: number | null): string {
    return `GP specialists ${end ?? 'in the last year'} (headcount)`;
  },
  rowSt(end: number | null): string {
    return `ST trainees, all, ${end ?? 'in the last year'} (headcount)`;
  },
  rowGap(end: number | null): string {
    return `Specialist shortfall ${end ?? 'in the last year'} (FTE)`;
  },
  rowCost(end: number | null): string {
    return `Cumulative extra cost ${end ?? 'in the last year'} (SEK m)`;
  },
  rowCostPerInhabitant(end: number | null): string {
    return `Extra cost per year per additional inhabitant ${end ?? 'in the last year'} (SEK/year)`;
  },
  rowPeakSt(): string {
    return 'ST trainees at the peak (year)';
  },
  rowPeakCost(): string {
    return 'Extra cost per year at the peak (SEK m, year)';
  },
  rowYearsUnderNorm(): string {
    return 'Years the target is reached (median)';
  },
  rowReachedAgainst(): string {
    return '“Reached” measured against';
  },
  reachedAgainstCell(basis: 'final' | 'current', schedule: boolean): string {
    if (!schedule) return 'the norm (constant)';
    return basis === 'final' ? 'the final norm' : 'each year’s norm';
  },
  bothNever(): string {
    return 'both never';
  },
  onlyNever(label: string): string {
    return `${label} never`;
  },
  rowCoverage(end: number | null): string {
    return `Coverage ${end ?? 'in the last year'} (%)`;
  },
  /** A year, or `efter 2034`. */
  year(y: number | null, endYear: number): string {
    return y === null ? afterYear(endYear) : String(y);
  },
  never(): string {
    return 'never';
  },
  /** A difference of probabilities: `+65 p.e.` / `+65 pp`. */
  points(share: number | null): string {
    if (share === null || !Number.isFinite(share)) return '\u2013';
    const v = fmt.signed(share * 100, 0);
    return `${v} pp`;
  },
  diffNote(): string {
    return 'B − A: the difference of the medians; in brackets the 80% interval of the run-by-run difference (the scenarios share their random numbers). When one side is not reached by its horizon, the difference in years says so in words (“A never”). pp = percentage points.';
  },
  costPerInhabitantNote(): string {
    return 'Extra cost per year per additional inhabitant = (B’s expected extra cost per year above the base year − A’s, in the last year) ÷ (B’s expected capacity − A’s in the last year, in inhabitants, both valued at A’s norms, so a changed norm by itself does not count): kronor per year for each inhabitant of added capacity, not a one-off or accumulated cost; – when capacity does not increase. Capacity beyond the population to cover counts too (see coverage). Coverage = capacity / population to cover. Peaks and years reached are read from the median of each year.';
  },
  perDoctorNote(): string {
    return 'Inhabitants per doctor equivalent = population to cover ÷ (capacity ÷ specialist norm): at or under the norm exactly when the target is reached. Tabell 1’s inhabitants per doctor = population / (specialists + listable ST trainees), a listable trainee counted as a whole doctor, so it can be under the norm before the target is reached. The target is reached when capacity (specialists × the norm + listable ST × the ST norm) covers the whole population to cover.';
  },
  warnCountBasis(): string {
    return 'Note: the scenarios start from different specialist counts (all sectors against health centres); inhabitants per doctor and specialist numbers are not comparable between them.';
  },
  normChanges(basis: 'final' | 'current'): string {
    return basis === 'final'
      ? 'Note: a norm changes during the horizon (→). “Reached” and every measure here are against the final norm in every year (an interim norm being met does not count); --reached-against current measures each year against the norm of that year.'
      : 'Note: a norm changes during the horizon (→). “Reached” is against the norm of each year (--reached-against current), so meeting an interim norm counts; whether it holds to the end is in the row “Probability it holds”.';
  },
  warnHorizon(): string {
    return 'Note: the scenarios have different horizons; “the last year” is each scenario’s own last year.';
  },
  // Chart
  chartTitle(): string {
    return 'Inhabitants per doctor equivalent: the scenarios compared';
  },
  chartSubtitle(runs: number, seed: number): string {
    return `Lines: median; bands: 80% of the runs (${fmt.int(runs)} runs, seed ${seed}, the same random numbers in every scenario). Dashed line: the norm per specialist.`;
  },
  keyNorm(norm: number): string {
    return `Norm ${normNum(norm)}`;
  },
};

export const analysisTexts: AnalysisTexts = { sensitivity, compare, solve, take };
