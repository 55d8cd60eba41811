/** English texts: titles, key entries and notes of the charts. Typed by `../types.ts`, so a missing text fails the type-check. */
import { fmt, normNum, intervalName, normPair, priceBase, runsSeed } from './common.js';
import type { NormPair } from '../info.js';
import type { FieldKey } from '../../../model/fields.js';
import type { ChartTexts } from '../types.js';

/** Titles, key entries and notes of the charts. */
/** Short series labels (the table labels are longer than a chart key allows). */
const FLOW_LABEL: Partial<Record<FieldKey, string>> = {
  specialists: 'GP specialists',
  st: 'ST trainees, all',
  listableSt: 'Listable ST trainees',
  newSpecialistsStaying: 'New specialists staying',
  recruitment: 'Net recruitment',
  retirements: 'Retirements',
  otherExits: 'Other exits',
  stStarts: 'New ST trainees',
  stCompletions: 'Completed ST (become specialists)',
  stDropouts: 'ST dropouts',
};

export const charts: ChartTexts = {
  /** Vega's number locale (a d3-format definition). */
  numberLocale(): Record<string, unknown> {
    return { decimal: '.', thousands: ',', grouping: [3], currency: ['SEK\u00a0', ''], percent: '%', minus: '-' };
  },
  /** A series name in a chart key (short; the table labels are longer than a key allows). */
  seriesLabel(key: FieldKey): string {
    return FLOW_LABEL[key] ?? key;
  },
  /** Whole million kronor, a chart label (not a table cell). */
  mkrShort(v: number): string {
    const n = Math.round(v).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return `SEK ${n} m`;
  },
  perDoctorTitle(region: string, norm: number | null): string {
    const n = norm === null ? '' : ` ${normNum(norm)}`;
    return `Inhabitants per doctor equivalent against the${n} norm — ${region}`;
  },
  perDoctorAxis(): string {
    return 'Inhabitants per doctor equivalent';
  },
  perDoctorDefinition(norm: NormPair | null): string {
    const st = norm ? `a listable ST trainee counts as ${normNum(norm.st)}/${normNum(norm.specialist)} of a specialist` : 'ST trainees and other specialists count at their norms';
    return `Inhabitants per doctor equivalent = population to cover ÷ (capacity ÷ the specialist norm), where ${st}: at or below the norm exactly when the target is reached.`;
  },
  coverageNote(year: number, coverage: number | null, median: boolean): string {
    return `Coverage ${year}: ${fmt.pct(coverage, 1)}${median ? ' (median)' : ''} of the population to cover.`;
  },
  /** `Median och 50 %- och 90 %-intervall av 5 000 körningar (frö 2024).` */
  bandsNote(runs: number, seed: number): string {
    return `The line is the median; the bands show where 50% and 90% of the runs fall (${runsSeed(runs, seed)}).`;
  },
  band80Note(runs: number, seed: number): string {
    return `Lines: median; bands: 80% of the runs (${runsSeed(runs, seed)}).`;
  },
  mediansNote(runs: number, seed: number): string {
    return `Medians over ${runsSeed(runs, seed)}.`;
  },
  deterministicNote(): string {
    return 'Expected values (deterministic run, no uncertainty).';
  },
  /** Provenance line at the bottom of every subtitle. */
  source(scenario: string, version: string): string {
    return `Scenario: ${scenario} · riktvarde ${version}`;
  },
  keyMedian(): string {
    return 'Median';
  },
  keyExpected(): string {
    return 'Expected value';
  },
  keyBand(percent: number): string {
    return `${percent}% of runs`;
  },
  keyNorm(norm: number | null): string {
    if (norm === null) return 'Norm';
    return `Norm ${normNum(norm)}`;
  },
  /** Label at the marker of the median year reached: `1100/550 nås 2032 (median)`. */
  reachedMarker(year, norm, lost) {
    const n = normPair(norm);
    return `${n ?? 'Target'} reached ${year} (median)${lost ? `\nnot held from ${lost.year}: in ${lost.endYear} it holds in ${fmt.prob(lost.holdsAtEnd)} of the runs` : ''}`;
  },
  reachedMarkerDeterministic(year, norm, lost) {
    const n = normPair(norm);
    return `${n ?? 'Target'} reached ${year}${lost ? `\nnot held from ${lost.year}, nor in ${lost.endYear}` : ''}`;
  },
  probabilityTitle(region: string, norm: NormPair | null): string {
    const n = normPair(norm);
    return `Probability that ${n ?? 'the target'} has been reached — ${region}`;
  },
  probabilityAxis(): string {
    return 'Share of runs';
  },
  probabilityNote(norm: NormPair | null, runs: number, seed: number): string {
    const n = normPair(norm);
    return `Share of runs in which ${n ?? 'the target'} has been reached in some year up to and including the year (${runsSeed(runs, seed)}). Dashed lines: 50% and 80%.`;
  },
  keyProbability(): string {
    return 'Probability of having reached the target';
  },
  keyGuides(): string {
    return '50% and 80%';
  },
  distributionTitle(region: string, norm: NormPair | null): string {
    const n = normPair(norm);
    return `First year ${n ?? 'the target'} is reached — ${region}`;
  },
  distributionNote(endYear: number, runs: number, seed: number): string {
    return `Share of runs first reaching the target in each year; last bar: not reached by ${endYear} (${runsSeed(runs, seed)}).`;
  },
  /** Two-line axis label of the "not by the horizon" bar. */
  notBy(endYear: number): [string, string] {
    return ['Not by', String(endYear)];
  },
  keyFirstYear(): string {
    return 'First reached this year';
  },
  keyNotBy(endYear: number): string {
    return `Not reached by ${endYear}`;
  },
  shareAxis(): string {
    return 'Share of runs';
  },
  workforceTitle(region: string): string {
    return `GP specialists and ST trainees — ${region}`;
  },
  populationByAgeTitle(region: string): string {
    return `Population by age group — ${region}`;
  },
  inhabitantsAxis(): string {
    return 'Inhabitants';
  },
  keyNeedWeighted(): string {
    return 'Need-weighted population';
  },
  populationByAgeNote(): string {
    return 'Age groups stacked (expected values); the line weights each group by its care need (the national age mix = 1)';
  },
  headcountAxis(): string {
    return 'Headcount';
  },
  flowsTitle(region: string): string {
    return `Inflows and outflows per year — ${region}`;
  },
  flowsSpecialistsPanel(): string {
    return 'GP specialists';
  },
  flowsStPanel(): string {
    return 'ST trainees';
  },
  flowsAxis(): string {
    return 'Persons per year';
  },
  flowsNote(): string {
    return 'Bars up: additions; down: exits. The dot is the net change.';
  },
  keyNetChange(): string {
    return 'Net change';
  },
  costTitle(region: string): string {
    return `Cost above the base year — ${region}`;
  },
  costPerYearPanel(): string {
    return 'Per year';
  },
  costCumulativePanel(): string {
    return 'Accumulated';
  },
  costAxis(): string {
    return 'SEK million';
  },
  costNote(baseYear, pb) {
    return `Workforce cost above the base year ${baseYear}, in ${pb ? priceBase(pb) : "each region's own prices"}.`;
  },
  regionsTitle(first: number, last: number): string {
    return `Inhabitants per doctor equivalent by region, ${first} and ${last}`;
  },
  regionsRunNote(last: number, runs: number, seed: number): string {
    return `Filled dot: median ${last}; band: 80% of the runs in ${last} (${runsSeed(runs, seed)}).`;
  },
  regionsNote(): string {
    return 'Sorted by the last year; the bottom row is the total.';
  },
  keyYear(year: number): string {
    return String(year);
  },
  keyYearMedian(year: number): string {
    return `${year} (median)`;
  },
  keyInterval(percent: number): string {
    return intervalName(percent);
  },
  yearTooltip(): string {
    return 'Year';
  },
};
