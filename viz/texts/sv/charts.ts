/** Swedish texts: titles, key entries and notes of the charts. Typed by `../types.ts`, so a missing text fails the type-check. */
import { fmt, normNum, intervalName, normPair, priceBase, runsSeed } from './common.js';
import type { NormPair } from '../info.js';
import type { FieldKey } from '../../../model/fields.js';
import type { ChartTexts } from '../types.js';

/** Titles, key entries and notes of the charts. */
/** Short series labels (the table labels are longer than a chart key allows). */
const FLOW_LABEL: Partial<Record<FieldKey, string>> = {
  specialists: 'Specialister i allmänmedicin',
  st: 'ST-läkare, alla',
  listableSt: 'Listningsbara ST-läkare',
  newSpecialistsStaying: 'Nya specialister som stannar',
  recruitment: 'Nettorekrytering',
  retirements: 'Pensionsavgångar',
  otherExits: 'Övriga avgångar',
  stStarts: 'Nya ST-läkare',
  stCompletions: 'Avslutad ST (blir specialist)',
  stDropouts: 'Avbrutna ST',
};

export const charts: ChartTexts = {
  /** Vega's number locale (a d3-format definition). */
  numberLocale(): Record<string, unknown> {
    return { decimal: ',', thousands: '\u00a0', grouping: [3], currency: ['', '\u00a0kr'], percent: '\u00a0%', minus: '\u2212' };
  },
  /** A series name in a chart key (short; the table labels are longer than a key allows). */
  seriesLabel(key: FieldKey): string {
    return FLOW_LABEL[key] ?? key;
  },
  /** Whole million kronor, a chart label (not a table cell). */
  mkrShort(v: number): string {
    const n = Math.round(v).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0').replace('-', '\u2212');
    return `${n} mnkr`;
  },
  perDoctorTitle(region: string, norm: number | null): string {
    const n = norm === null ? '' : ` ${normNum(norm)}`;
    return `Invånare per läkarekvivalent mot riktvärdet${n} — ${region}`;
  },
  perDoctorAxis(): string {
    return 'Invånare per läkarekvivalent';
  },
  perDoctorDefinition(norm: NormPair | null): string {
    const st = norm ? `en listningsbar ST-läkare räknas som ${normNum(norm.st)}/${normNum(norm.specialist)} specialist` : 'ST-läkare och övriga specialister räknas efter sina riktvärden';
    return `Invånare per läkarekvivalent = befolkning att täcka ÷ (kapacitet ÷ specialistriktvärdet), där ${st}: högst riktvärdet precis när riktvärdet nås.`;
  },
  coverageNote(year: number, coverage: number | null, median: boolean): string {
    return `Täckningsgrad ${year}: ${fmt.pct(coverage, 1)}${median ? ' (median)' : ''} av befolkningen att täcka.`;
  },
  /** `Median och 50 %- och 90 %-intervall av 5 000 körningar (frö 2024).` */
  bandsNote(runs: number, seed: number): string {
    return `Linjen är medianen, banden visar var 50 % och 90 % av körningarna hamnar (${runsSeed(runs, seed)}).`;
  },
  band80Note(runs: number, seed: number): string {
    return `Linjer: median; band: 80 % av körningarna (${runsSeed(runs, seed)}).`;
  },
  mediansNote(runs: number, seed: number): string {
    return `Medianer över ${runsSeed(runs, seed)}.`;
  },
  deterministicNote(): string {
    return 'Förväntade värden (deterministisk körning, utan osäkerhet).';
  },
  /** Provenance line at the bottom of every subtitle. */
  source(scenario: string, version: string): string {
    return `Scenario: ${scenario} · riktvarde ${version}`;
  },
  keyMedian(): string {
    return 'Median';
  },
  keyExpected(): string {
    return 'Förväntat värde';
  },
  keyBand(percent: number): string {
    return `${percent} % av körningarna`;
  },
  keyNorm(norm: number | null): string {
    if (norm === null) return 'Riktvärde';
    return `Riktvärde ${normNum(norm)}`;
  },
  /** Label at the marker of the median year reached: `1100/550 nås 2032 (median)`. */
  reachedMarker(year, norm, lost) {
    const n = normPair(norm);
    return `${n ?? 'Riktvärdet'} nås ${year} (median)${lost ? `\nhåller inte från ${lost.year}: ${lost.endYear} håller det i ${fmt.prob(lost.holdsAtEnd)} av körningarna` : ''}`;
  },
  reachedMarkerDeterministic(year, norm, lost) {
    const n = normPair(norm);
    return `${n ?? 'Riktvärdet'} nås ${year}${lost ? `\nhåller inte från ${lost.year}, inte heller ${lost.endYear}` : ''}`;
  },
  probabilityTitle(region: string, norm: NormPair | null): string {
    const n = normPair(norm);
    return `Sannolikhet att ${n ?? 'riktvärdet'} har nåtts — ${region}`;
  },
  probabilityAxis(): string {
    return 'Andel av körningarna';
  },
  probabilityNote(norm: NormPair | null, runs: number, seed: number): string {
    const n = normPair(norm);
    return `Andel av körningarna där ${n ?? 'riktvärdet'} har nåtts något år till och med året (${runsSeed(runs, seed)}). Streckade linjer: 50 % och 80 %.`;
  },
  keyProbability(): string {
    return 'Sannolikhet att ha nått riktvärdet';
  },
  keyGuides(): string {
    return '50 % och 80 %';
  },
  distributionTitle(region: string, norm: NormPair | null): string {
    const n = normPair(norm);
    return `Första år då ${n ?? 'riktvärdet'} nås — ${region}`;
  },
  distributionNote(endYear: number, runs: number, seed: number): string {
    return `Andel av körningarna som når riktvärdet första gången respektive år; sista stapeln: når det inte till och med ${endYear} (${runsSeed(runs, seed)}).`;
  },
  /** Two-line axis label of the "not by the horizon" bar. */
  notBy(endYear: number): [string, string] {
    return ['Inte t.o.m.', String(endYear)];
  },
  keyFirstYear(): string {
    return 'Nås första gången detta år';
  },
  keyNotBy(endYear: number): string {
    return `Nås inte till och med ${endYear}`;
  },
  shareAxis(): string {
    return 'Andel av körningarna';
  },
  workforceTitle(region: string): string {
    return `Specialister och ST-läkare — ${region}`;
  },
  populationByAgeTitle(region: string): string {
    return `Befolkning efter åldersgrupp — ${region}`;
  },
  inhabitantsAxis(): string {
    return 'Invånare';
  },
  keyNeedWeighted(): string {
    return 'Behovsviktad befolkning';
  },
  populationByAgeNote(): string {
    return 'Åldersgrupperna staplade (förväntade värden); linjen väger varje grupp med dess vårdbehov (rikets åldersmix = 1)';
  },
  headcountAxis(): string {
    return 'Antal personer';
  },
  flowsTitle(region: string): string {
    return `Inflöden och utflöden per år — ${region}`;
  },
  flowsSpecialistsPanel(): string {
    return 'Specialister i allmänmedicin';
  },
  flowsStPanel(): string {
    return 'ST-läkare';
  },
  flowsAxis(): string {
    return 'Personer per år';
  },
  flowsNote(): string {
    return 'Staplar uppåt: tillskott; nedåt: avgångar. Punkten är nettoförändringen.';
  },
  keyNetChange(): string {
    return 'Nettoförändring';
  },
  costTitle(region: string): string {
    return `Merkostnad mot basåret — ${region}`;
  },
  costPerYearPanel(): string {
    return 'Per år';
  },
  costCumulativePanel(): string {
    return 'Ackumulerat';
  },
  costAxis(): string {
    return 'Miljoner kronor (mnkr)';
  },
  costNote(baseYear, pb) {
    return `Kostnaden för bemanningen utöver basåret ${baseYear}, i ${pb ? priceBase(pb) : 'varje regions egna priser'}.`;
  },
  regionsTitle(first: number, last: number): string {
    return `Invånare per läkarekvivalent per region, ${first} och ${last}`;
  },
  regionsRunNote(last: number, runs: number, seed: number): string {
    return `Fylld punkt: median ${last}; band: 80 % av körningarna ${last} (${runsSeed(runs, seed)}).`;
  },
  regionsNote(): string {
    return 'Sorterat efter slutåret; den nedersta raden är totalen.';
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
    return 'År';
  },
};
