/** English texts: the appendix table, the overview of many regions, Monte Carlo tables and Tabell 1. Typed by `../types.ts`, so a missing text fails the type-check. */
import { fmt, normNum, reachedTail, PERCENTILES, ordinal, intervalName, mcReachedTail, normPair } from './common.js';
import type { NormPair, ReachedInfo, McReachedInfo } from '../info.js';
import type { TableTexts } from '../types.js';
import type { PathInfo } from '../../paths.js';
import { compactYears } from '../../../scenario/messages.js';

const MODE: Record<'deterministic' | 'monte-carlo', string> = {
  deterministic: 'expected values (deterministic)',
  'monte-carlo': 'values from a Monte Carlo run',
};

const COUNT_BASIS: Record<string, string> = {
  'health-centres': 'Count basis: GP specialists at health centres who can have listed patients (as in Stockholm’s action plan).',
  'all-sectors': 'Count basis: every GP specialist employed in health care, any sector (as in Socialstyrelsen’s Tabell 1).',
};

/** Sentence templates and short texts of the tables. */
export const tables: TableTexts = {
  /** `Scenario — Region — förväntade värden (deterministisk)` */
  title(scenario: string, region: string, mode: 'deterministic' | 'monte-carlo'): string {
    return `${scenario} — ${region} — ${MODE[mode]}`;
  },
  mode(mode: 'deterministic' | 'monte-carlo'): string {
    return MODE[mode];
  },
  /** Which specialist count the scenario starts from (unknown bases are shown as given). */
  countBasis(basis: string): string {
    const t = COUNT_BASIS[basis];
    if (t) return t;
    return `Count basis: ${basis}.`;
  },
  /** e.g. `Riktvärdet 1100/550 (kapacitet ≥ befolkning att täcka) nås första gången 2031 och håller från 2031 till 2034.` */
  reached(r: ReachedInfo): string {
    const n = r.norm;
    const subj = n ? `The ${normNum(n.specialist)}/${normNum(n.st)} target` : 'The norm';
    return `${subj} (capacity ≥ population to cover) ${reachedTail(r)}.`;
  },
  /** The same with specialists alone (ST trainees' capacity not counted). */
  reachedSpecialistsOnly(r: ReachedInfo): string {
    const n = r.norm;
    const subj = n ? `The ${normNum(n.specialist)} target` : 'The norm';
    return `${subj} with specialists alone (specialist capacity ≥ population to cover) ${reachedTail(r)}.`;
  },
  costsOmitted(): string {
    return 'Costs are not shown: the scenario has no cost assumptions.';
  },
  footer(version: string): string {
    return `Model version: ${version}`;
  },
  yes(): string {
    return 'yes';
  },
  no(): string {
    return 'no';
  },

  // --- Overview of many regions (one row per region) ---
  overviewTitle(scenario: string, mode: 'deterministic' | 'monte-carlo'): string {
    return `${scenario} — overview by region — ${MODE[mode]}`;
  },
  colRegion(): string {
    return 'Region';
  },
  colPerDoctor(year: number): string {
    return `Inhabitants per doctor equivalent ${year}`;
  },
  colCoverage(year: number): string {
    return `Coverage ${year}`;
  },
  colReached(): string {
    return 'First reached';
  },
  colSustained(): string {
    return 'Holds from';
  },
  overviewNote(endYear: number): string {
    return `– = the target is not reached (does not hold) by ${endYear}. Inhabitants per doctor equivalent = population to cover / (capacity / specialist norm): at or under the norm exactly in the years the target is reached.`;
  },

  // --- Monte Carlo ---
  /** `80 %-intervall` / `80% interval` */
  intervalName(percent: number): string {
    return intervalName(percent);
  },
  /** `median (80 %-intervall), 10 000 körningar, frö 7` */
  mcSubtitle(percent: number, runs: number, seed: number): string {
    return `median (${intervalName(percent)}), ${fmt.int(runs)} runs, seed ${seed}`;
  },
  /** `1100/550 nås: median 2032; 80 %-intervall 2030 – inte till och med 2034; sannolikhet till och med 2034: 58 %.` */
  mcReached(r: McReachedInfo): string {
    const n = normPair(r.norm);
    const subj = n ? `${n} reached` : 'Target reached';
    return `${subj}: ${mcReachedTail(r)}.`;
  },
  /** `1100 med enbart specialister: median 2033; …` */
  mcReachedSpecialistsOnly(r: McReachedInfo): string {
    const n = r.norm ? normNum(r.norm.specialist) : null;
    const subj = `${n ?? 'Target'} with specialists alone`;
    return `${subj}: ${mcReachedTail(r)}.`;
  },
  /** `Probability reached by: 2026 0% · 2028 3% · 2030 21%` */
  mcMilestones(items: { year: number; probability: number | null | undefined }[]): string {
    const head = 'Probability reached by:';
    return `${head} ${items.map((i) => `${i.year} ${fmt.prob(i.probability)}`).join(' · ')}`;
  },
  /** What a cell shows. */
  mcCellNote(percent: number): string {
    const [lo, hi] = PERCENTILES[percent] ?? ['?', '?'];
    return `Each cell: the median over the runs, with the ${intervalName(percent)} (${ordinal(lo)}–${ordinal(hi)} percentile) in brackets; a single value means the interval rounds to the median. Probability = share of runs.`;
  },
  /** `Monte Carlo: 10 000 körningar, frö 7, slumpvariation i händelser på.` */
  mcFooter(runs: number, seed: number, eventNoise: boolean): string {
    return `Monte Carlo: ${fmt.int(runs)} runs, seed ${seed}, event noise ${eventNoise ? 'on' : 'off'}.`;
  },
  colProbabilityBy(year: number): string {
    return `Probability reached by ${year}`;
  },
  colMedianReached(): string {
    return 'Median year reached';
  },
  mcOverviewNote(percent: number, endYear: number, norm: NormPair | null): string {
    const n = normPair(norm);
    return `Inhabitants per doctor equivalent: median (${intervalName(percent)}); = population to cover / (capacity / specialist norm), at or under the norm exactly when the target is reached. Probability = share of runs reaching ${n ?? 'the target'} by ${endYear}. – = the median run does not reach it by ${endYear}.`;
  },

  // --- Tabell 1 (Socialstyrelsen) ---
  tabell1Title(year: number, scenario: string): string {
    return `Inhabitants per GP specialist, ${year} — ${scenario}`;
  },
  tabell1Headings(): [string, string, string, string, string, string] {
    return ['Region', 'GP specialists (incl. available ST trainees)', 'Population', 'Inhabitants per specialist', 'Difference to norm (1100)', '55% of inhabitants per specialist'];
  },
  tabell1SumName(): string {
    return 'Sum';
  },
  /** Suffix of the computed total when a published national row is shown beside it. */
  tabell1SumSuffix(): string {
    return ' (sum)';
  },
  tabell1PublishedName(): string {
    return 'National (published)';
  },
  tabell1CountNote(sum: number, published: number): string {
    return `Note: the regions sum to ${fmt.int(sum)} specialists (incl. available ST trainees), while the published national row says ${fmt.int(published)}; the row “National (published)” is computed from the published figures.`;
  },
  tabell1PopulationNote(sum: number, published: number): string {
    if (Math.round(sum) === Math.round(published)) {
      return 'The populations sum to the published national row.';
    }
    return `The populations sum to ${fmt.int(sum)} against a published ${fmt.int(published)}.`;
  },
  unfilledByCap(total: number): string {
    return `Training capacity was short: ${fmt.int(total)} advertised ST posts could not be filled over the period (see the row ST posts unfilled).`;
  },
  tabell1Method(): string {
    return 'Inhabitants per specialist = population / (specialists + available ST trainees), rounded; difference = that rounded number − 1100; 55% = round(0.55 × population / count).';
  },
  /** `The specialist path, 1 192 (2025) to 2 200 (2034), is met in every year; it needs …` */
  path(p: PathInfo): string {
    const n = (x: number) => fmt.int(x);
    const years = `${p.from.year}–${p.to.year}`;
    const mc = p.monteCarlo ? ' in at least half of the runs' : '';
    const what = p.kind === 'specialists'
      ? `The specialist path, ${n(p.from.value)} (${p.from.year}) to ${n(p.to.value)} (${p.to.year}),`
      : `The completions path, ${n(p.from.value)} (${p.from.year}) to ${n(p.to.value)} (${p.to.year}) a year,`;
    const met = p.shortYears.length === 0
      ? `is met in every year${mc}`
      : `is not met in ${compactYears(p.shortYears)}${mc} (short by up to ${n(p.maxShort!.gap)}, in ${p.maxShort!.year})`;
    const avg = n(p.inflow / p.nYears);
    const inflow = p.kind === 'specialists'
      ? p.shortYears.length === 0
        ? `it needs ${n(p.inflow)} recruited in ${years} (${avg} a year) beyond the ${n(p.staying)} new specialists who stay.`
        : `the ${n(p.staying)} new specialists who stay and ${n(p.inflow)} recruited in ${years} (${avg} a year, the ceiling) are not enough.`
      : `the ST intake it sets is ${n(p.inflow)} new trainees in ${years} (${avg} a year)${p.shortYears.length ? "; the first years' completers are already in training, so intake cannot change them" : ''}.`;
    const above = p.aboveYears.length === 0 ? ''
      : ` Above the path in ${compactYears(p.aboveYears)} (by up to ${n(p.maxAbove!.gap)})${p.kind === 'specialists' ? ': more new specialists stay than it needs' : ''}.`;
    return `${what} ${met}; ${inflow}${above}`;
  },
  bilagaCostNote(): string {
    return 'Net cost increase: the increase on the year before; cost above base year: the net cost increases accumulated; cumulative cost: the costs above the base year summed over the years. Fixed prices unless the scenario sets wage growth (costs.wageGrowth).';
  },
};
