/** English texts: the HTML report and the workbook. Typed by `../types.ts`, so a missing text fails the type-check. */
import { fmt, intervalName, yearOrNever, normPair, afterYear } from './common.js';
import { reachedButLost, type McReachedInfo, type CompareHeadlineInfo } from '../info.js';
import type { ReportTexts } from '../types.js';

// --- HTML report (viz/report.ts) and workbook (viz/xlsx.ts) ---
const KIND_TEXT: Record<string, string> = {
  published: 'Published',
  assumption: 'Assumption',
  derived: 'Derived',
  default: 'Default',
  unsourced: 'No source',
};

/** Texts of the HTML report and the workbook. */
export const report: ReportTexts = {
  /** The 80 % interval's name in a key figure. */
  pct80(): string {
    return '80%';
  },
  /** `<html lang>` */
  htmlLang(): string {
    return 'en';
  },
  docTitle(names: string[]): string {
    return 'Report: ' + names.join(' · ');
  },
  kicker(): string {
    return 'A named GP in primary care: when is the 1100/550 norm reached?';
  },
  /** The answer in words, at the top. */
  headline(r: McReachedInfo, region: string): string {
    const n = normPair(r.norm) ?? 'the target';
    const p = fmt.prob(r.probability);
    const range = r.p10 === r.p90 ? yearOrNever(r.p10, r.endYear) : `${yearOrNever(r.p10, r.endYear)} – ${yearOrNever(r.p90, r.endYear)}`;
    if (r.median !== null) {
      return `${region}: with the scenario's assumptions, ${n} is reached in ${r.median} (median); ${intervalName(80)} ${range}; probability of reaching it by ${r.endYear}: ${p}.${reachedButLost(r) ? ` It does not last: in ${r.endYear} it holds in only ${fmt.prob(r.holdsAtEnd)} of the runs.` : ''}`;
    }
    const early = r.p10 !== null ? ` In the fastest 10% of runs it is reached by ${r.p10}.` : '';
    return `${region}: with the scenario's assumptions, ${n} is not reached by ${r.endYear} in the median run; the probability of reaching it by ${r.endYear} is ${p}.${early}`;
  },
  keyFigures(): string {
    return 'Key figures';
  },
  /** `Invånare per läkare: 1 894 (2024) → 1 546 (2034)` */
  fromTo(label: string, a: string, ya: number, b: string, yb: number): string {
    return `${label}: ${a} (${ya}) → ${b} (${yb})`;
  },
  median(): string {
    return 'median';
  },
  costLastYear(year: number): string {
    return `Cost above the base year in ${year}`;
  },
  costAccumulated(first: number, last: number): string {
    return `Accumulated cost ${first}–${last}`;
  },
  gapLastYear(year: number): string {
    return `Specialist shortfall in ${year} (FTE missing for the target)`;
  },
  sectionAnswer(): string {
    return 'Answer';
  },
  sectionCharts(): string {
    return 'Charts';
  },
  sectionAppendix(): string {
    return 'Appendix: year by year';
  },
  sectionAssumptions(): string {
    return 'Assumptions and sources';
  },
  sectionReproduce(): string {
    return 'How to reproduce this report';
  },
  appendixNote(): string {
    return 'Each cell: the median over the runs; below it the 80% interval (10th–90th percentile) where it differs from the median.';
  },
  appendixPrintNote(): string {
    return 'On paper the intervals are shown for the workforce, capacity and cost; population and flows as medians (every interval is in the HTML report).';
  },
  overviewPrintNote(): string {
    return 'On paper the year table is the total’s; each region’s figures are in the chart by region (page 2), the HTML report’s overview table and the workbook (--out x.xlsx).';
  },
  probabilityRow(): string {
    return 'Probability the target has been reached (%)';
  },
  colParameter(): string {
    return 'Parameter';
  },
  colValue(): string {
    return 'Value';
  },
  colKind(): string {
    return 'Kind';
  },
  colSource(): string {
    return 'Source';
  },
  colNote(): string {
    return 'Note';
  },
  colId(): string {
    return 'Id';
  },
  colTitle(): string {
    return 'Title';
  },
  colPublisher(): string {
    return 'Publisher';
  },
  colYear(): string {
    return 'Year';
  },
  colUrl(): string {
    return 'Link';
  },
  colField(): string {
    return 'Field';
  },
  colLabel(): string {
    return 'Label';
  },
  colUnit(): string {
    return 'Unit';
  },
  allRegions(): string {
    return 'all';
  },
  kind(kind: string): string {
    return KIND_TEXT[kind] ?? kind;
  },
  kindsNote(): string {
    return 'Published = a published figure; Assumption = an assumption the scenario gives a source or reason for; Default = the program’s default (the reason is the note); No source = the scenario gives no source.';
  },
  sourcesTitle(): string {
    return 'Sources';
  },
  reproduceIntro(): string {
    return 'The same scenario file, seed and number of runs give exactly the same numbers. Run:';
  },
  metaRuns(): string {
    return 'Runs';
  },
  metaSeed(): string {
    return 'Seed';
  },
  metaEventNoise(): string {
    return 'Event noise';
  },
  metaVersion(): string {
    return 'Program version';
  },
  metaFile(): string {
    return 'Scenario file';
  },
  metaQuantiles(): string {
    return 'Quantiles';
  },
  metaCharts(): string {
    return 'Charts';
  },
  chartsBy(vegaVersion: string): string {
    return `drawn with Vega ${vegaVersion} (embedded; the report works offline)`;
  },
  noScript(): string {
    return 'The charts are drawn with JavaScript; turn it on to see them.';
  },
  chartFailed(): string {
    return 'The chart could not be drawn.';
  },
  on(): string {
    return 'on';
  },
  off(): string {
    return 'off';
  },
  // Several scenarios: the comparison at the top
  /** `A: Region Halland – …` above a scenario's own sections. */
  scenarioTitle(label: string, name: string): string {
    return `${label}: ${name}`;
  },
  /** `B against A in words: …` one sentence per scenario after the first. */
  compareHeadline(d: CompareHeadlineInfo): string {
    const n = normPair(d.norm) ?? 'the target';
    const p = (x: number | null) => fmt.prob(x);
    const mkr = d.costDiff === null ? null : fmt.signed(d.costDiff / 1e6, 0);
    const y = (v: number | null, end: number) => (v === null ? afterYear(end) : `in ${v}`);
    const yb = y(d.yearB, d.endB), ya = y(d.yearA, d.endA);
    const parts = [yb !== ya || d.endA !== d.endB
      ? `With ${d.b}, ${n} is reached ${yb} (median) instead of ${ya} with ${d.a}`
      : d.yearB === null
        ? `With ${d.b}, as with ${d.a}, ${n} is not reached by ${d.endB} (median)`
        : `With ${d.b}, as with ${d.a}, ${n} is reached ${yb} (median)`];
    parts.push(`probability ${d.end === null ? 'of reaching it within the horizon' : `by ${d.end}`}: ${p(d.probB)} against ${p(d.probA)}`);
    const peak = (v: { value: number; year: number } | null | undefined, f: (x: number) => string) => (v ? `${f(v.value)} in ${v.year}` : '–');
    const versus = (b: string, a: string) => (a === b ? `${b}, as with ${d.a}` : `${b} instead of ${a}`);
    const st = (x: number) => fmt.int(x), mkrAt = (x: number) => `SEK ${fmt.int(x / 1e6)} m`;
    if (d.peakStA !== undefined && d.peakStB !== undefined) parts.push(`ST trainees peak at ${versus(peak(d.peakStB, st), peak(d.peakStA, st))}`);
    if (d.peakCostA && d.peakCostB) parts.push(`the extra cost per year peaks at ${versus(peak(d.peakCostB, mkrAt), peak(d.peakCostA, mkrAt))}`);
    if (mkr !== null) parts.push(`extra cost ${d.end === null ? 'over the horizon' : `to ${d.end}`}: SEK ${mkr} m`);
    return parts.join('; ') + '.';
  },
  compareIntro(): string {
    return 'Every scenario is run with the same seed and number of runs, so with the same random numbers: the differences show what differs between the scenarios, not chance. Each scenario follows in full further down.';
  },
  compareTableTitle(): string {
    return 'The scenarios side by side';
  },
  // Workbook
  sheetAppendix(): string {
    return 'Appendix';
  },
  sheetQuantiles(): string {
    return 'Quantiles';
  },
  sheetValues(): string {
    return 'All values';
  },
  sheetAssumptions(): string {
    return 'Assumptions';
  },
  xlsxMedianNote(runs: number, seed: number): string {
    return `Medians over ${fmt.int(runs)} runs (seed ${seed}); intervals per year and field are on the sheet Quantiles.`;
  },
  colRegionYear(): [string, string] {
    return ['Region', 'Year'];
  },
  colValueRaw(): string {
    return 'Value';
  },
  colMean(): string {
    return 'Mean';
  },
  csvProbability(name: string): string {
    return name;
  },
  quantileText(definition: string): string {
    return definition;
  },
  sheetInputs(): string {
    return 'Inputs';
  },
  inputsTitle(): string {
    return 'Cost inputs';
  },
  inputsNote(appendix: string): string {
    return `Change a blue cell: the cost rows on the sheet ${appendix} recompute. The values are the scenario's (the mean where it gives a distribution).`;
  },
  inputLabel(key): string {
    return {
      salarySpecialist: 'Monthly salary, specialist (kr, full time)',
      salarySt: 'Monthly salary, ST trainee (kr, full time)',
      employerContributions: 'Employer contributions (PO, share of salary)',
      overheadPerEmployee: 'Overhead per employee (kr per year)',
      stTrainingCost: 'Training cost per ST trainee (kr per year)',
      wageGrowth: 'Wage growth above the price base (share per year)',
      priceBaseYear: 'Price base year',
      stFte: 'FTE per ST trainee',
    }[key];
  },
  inputsOthersCosted(regions: string[]): string {
    return `${regions.join(', ')}: the cost includes other specialists, whose salaries are not rows of the table; there the cost rows are numbers, not formulas.`;
  },
  inputsMcNote(): string {
    return 'Monte Carlo: the cost rows are computed from the median headcounts; p10 and p90 under them are the runs\' own quantiles (numbers).';
  },
  costFormulaNote(inputs: string): string {
    return `The cost rows are formulas of the headcounts above and the sheet ${inputs}.`;
  },
  costFormulaNoteMc(inputs: string): string {
    return `The cost rows are formulas of the median headcounts above and the sheet ${inputs} (the cost of the median workforce); p10 and p90 are the runs' quantiles.`;
  },
  colKey(): string {
    return 'Key (for --set)';
  },
};
