/** Swedish texts: the appendix table, the overview of many regions, Monte Carlo tables and Tabell 1. Typed by `../types.ts`, so a missing text fails the type-check. */
import { fmt, normNum, reachedTail, PERCENTILES, ordinal, intervalName, mcReachedTail, normPair } from './common.js';
import type { NormPair, ReachedInfo, McReachedInfo } from '../info.js';
import type { TableTexts } from '../types.js';
import type { PathInfo } from '../../paths.js';
import { compactYears } from '../../../scenario/messages.js';

const MODE: Record<'deterministic' | 'monte-carlo', string> = {
  deterministic: 'förväntade värden (deterministisk)',
  'monte-carlo': 'värden från Monte Carlo-körning',
};

const COUNT_BASIS: Record<string, string> = {
  'health-centres': 'Räknebas: specialister i allmänmedicin på vårdcentral som kan ha listade patienter (som Stockholms handlingsplan).',
  'all-sectors': 'Räknebas: alla specialister i allmänmedicin i hälso- och sjukvården (som Socialstyrelsens Tabell 1).',
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
    return `Räknebas: ${basis}.`;
  },
  /** e.g. `Riktvärdet 1100/550 (kapacitet ≥ befolkning att täcka) nås första gången 2031 och håller från 2031 till 2034.` */
  reached(r: ReachedInfo): string {
    const n = r.norm;
    const subj = n ? `Riktvärdet ${normNum(n.specialist)}/${normNum(n.st)}` : 'Riktvärdet';
      return `${subj} (kapacitet ≥ befolkning att täcka) ${reachedTail(r)}.`;
  },
  /** The same with specialists alone (ST trainees' capacity not counted). */
  reachedSpecialistsOnly(r: ReachedInfo): string {
    const n = r.norm;
    const subj = n ? `Riktvärdet ${normNum(n.specialist)}` : 'Riktvärdet';
      return `${subj} med enbart specialister (specialisternas kapacitet ≥ befolkning att täcka) ${reachedTail(r)}.`;
  },
  costsOmitted(): string {
    return 'Kostnader visas inte: scenariot saknar kostnadsantaganden.';
  },
  footer(version: string): string {
    return `Modellversion: ${version}`;
  },
  yes(): string {
    return 'ja';
  },
  no(): string {
    return 'nej';
  },

  // --- Overview of many regions (one row per region) ---
  overviewTitle(scenario: string, mode: 'deterministic' | 'monte-carlo'): string {
    return `${scenario} — översikt per region — ${MODE[mode]}`;
  },
  colRegion(): string {
    return 'Region';
  },
  colPerDoctor(year: number): string {
    return `Invånare per läkarekvivalent ${year}`;
  },
  colCoverage(year: number): string {
    return `Täckningsgrad ${year}`;
  },
  colReached(): string {
    return 'Nås första gången';
  },
  colSustained(): string {
    return 'Håller från';
  },
  overviewNote(endYear: number): string {
    return `– = riktvärdet nås inte (håller inte) till och med ${endYear}. Invånare per läkarekvivalent = befolkning att täcka / (kapacitet / specialistriktvärdet): högst riktvärdet precis de år riktvärdet nås.`;
  },

  // --- Monte Carlo ---
  /** `80 %-intervall` / `80% interval` */
  intervalName(percent: number): string {
    return intervalName(percent);
  },
  /** `median (80 %-intervall), 10 000 körningar, frö 7` */
  mcSubtitle(percent: number, runs: number, seed: number): string {
    return `median (${intervalName(percent)}), ${fmt.int(runs)} körningar, frö ${seed}`;
  },
  /** `1100/550 nås: median 2032; 80 %-intervall 2030 – inte till och med 2034; sannolikhet till och med 2034: 58 %.` */
  mcReached(r: McReachedInfo): string {
    const n = normPair(r.norm);
    const subj = n ? `${n} nås` : 'Riktvärdet nås';
    return `${subj}: ${mcReachedTail(r)}.`;
  },
  /** `1100 med enbart specialister: median 2033; …` */
  mcReachedSpecialistsOnly(r: McReachedInfo): string {
    const n = r.norm ? normNum(r.norm.specialist) : null;
    const subj = `${n ?? 'Riktvärdet'} med enbart specialister`;
    return `${subj}: ${mcReachedTail(r)}.`;
  },
  /** `Probability reached by: 2026 0% · 2028 3% · 2030 21%` */
  mcMilestones(items: { year: number; probability: number | null | undefined }[]): string {
    const head = 'Sannolikhet att det nås till och med:';
    return `${head} ${items.map((i) => `${i.year} ${fmt.prob(i.probability)}`).join(' · ')}`;
  },
  /** What a cell shows. */
  mcCellNote(percent: number): string {
    const [lo, hi] = PERCENTILES[percent] ?? ['?', '?'];
    return `Varje cell: medianen över körningarna, inom parentes ett ${intervalName(percent)} (${ordinal(lo)}–${ordinal(hi)} percentilen); ett ensamt värde betyder att intervallet avrundas till medianen. Sannolikhet = andel av körningarna.`;
  },
  /** `Monte Carlo: 10 000 körningar, frö 7, slumpvariation i händelser på.` */
  mcFooter(runs: number, seed: number, eventNoise: boolean): string {
    return `Monte Carlo: ${fmt.int(runs)} körningar, frö ${seed}, slumpvariation i händelser ${eventNoise ? 'på' : 'av'}.`;
  },
  colProbabilityBy(year: number): string {
    return `Sannolikhet att nås till och med ${year}`;
  },
  colMedianReached(): string {
    return 'Medianår då det nås';
  },
  mcOverviewNote(percent: number, endYear: number, norm: NormPair | null): string {
    const n = normPair(norm);
    return `Invånare per läkarekvivalent: median (${intervalName(percent)}); = befolkning att täcka / (kapacitet / specialistriktvärdet), högst riktvärdet precis när riktvärdet nås. Sannolikhet = andel av körningarna där ${n ?? 'riktvärdet'} nås till och med ${endYear}. – = mediankörningen når det inte till och med ${endYear}.`;
  },

  // --- Tabell 1 (Socialstyrelsen) ---
  tabell1Title(year: number, scenario: string): string {
    return `Antal invånare per specialist i allmänmedicin ${year} — ${scenario}`;
  },
  tabell1Headings(): [string, string, string, string, string, string] {
    return ['Region', 'Antal specialister i allmänmedicin (inkl. tillgängliga ST-läkare)', 'Befolkning', 'Antal invånare per specialist', 'Differens riktvärde (1100)', '55 procent av antalet invånare per specialist'];
  },
  tabell1SumName(): string {
    return 'Summa';
  },
  /** Suffix of the computed total when a published national row is shown beside it. */
  tabell1SumSuffix(): string {
    return ' (summa)';
  },
  tabell1PublishedName(): string {
    return 'Riket (publicerat)';
  },
  tabell1CountNote(sum: number, published: number): string {
    return `Obs: regionerna summerar till ${fmt.int(sum)} specialister (inkl. tillgängliga ST-läkare), medan den publicerade riksraden anger ${fmt.int(published)}; raden ”Riket (publicerat)” är beräknad från de publicerade talen.`;
  },
  tabell1PopulationNote(sum: number, published: number): string {
    if (Math.round(sum) === Math.round(published)) {
      return 'Befolkningen summerar till den publicerade riksraden.';
    }
    return `Befolkningen summerar till ${fmt.int(sum)} mot publicerade ${fmt.int(published)}.`;
  },
  unfilledByCap(total: number): string {
    return `Utbildningskapaciteten räckte inte: ${fmt.int(total)} utlysta ST-tjänster kunde inte tillsättas under perioden (se raden Ej tillsatta ST-tjänster).`;
  },
  tabell1Method(): string {
    return 'Invånare per specialist = befolkning / (specialister + tillgängliga ST-läkare), avrundat till heltal; differens = det avrundade talet − 1100; 55 procent = avrunda(0,55 × befolkning / antal).';
  },
  /** `Planens bana för specialister, 1 192 (2025) till 2 200 (2034), nås varje år; den kräver …` */
  path(p: PathInfo): string {
    const n = (x: number) => fmt.int(x);
    const years = `${p.from.year}–${p.to.year}`;
    const mc = p.monteCarlo ? ' i minst hälften av körningarna' : '';
    const what = p.kind === 'specialists'
      ? `Planens bana för specialister, ${n(p.from.value)} (${p.from.year}) till ${n(p.to.value)} (${p.to.year}),`
      : `Planens bana för avslutade ST, ${n(p.from.value)} (${p.from.year}) till ${n(p.to.value)} (${p.to.year}) per år,`;
    const met = p.shortYears.length === 0
      ? `nås varje år${mc}`
      : `nås inte ${compactYears(p.shortYears)}${mc} (som mest ${n(p.maxShort!.gap)} för få, ${p.maxShort!.year})`;
    const avg = n(p.inflow / p.nYears);
    const inflow = p.kind === 'specialists'
      ? p.shortYears.length === 0
        ? `den kräver ${n(p.inflow)} rekryterade ${years} (${avg} per år) utöver de ${n(p.staying)} nya specialister som stannar.`
        : `de ${n(p.staying)} nya specialister som stannar och ${n(p.inflow)} rekryterade ${years} (${avg} per år, taket) räcker inte.`
      : `ST-intaget den kräver är ${n(p.inflow)} nya ST-läkare ${years} (${avg} per år)${p.shortYears.length ? '; de som blir färdiga de första åren utbildas redan, så intaget kan inte ändra dem' : ''}.`;
    const above = p.aboveYears.length === 0 ? ''
      : ` Över banan ${compactYears(p.aboveYears)} (som mest ${n(p.maxAbove!.gap)})${p.kind === 'specialists' ? ': fler nya specialister stannar än banan kräver' : ''}.`;
    return `${what} ${met}; ${inflow}${above}`;
  },
  bilagaCostNote(): string {
    return 'Nettokostnadsökning: ökningen mot året innan; merkostnad mot basåret: nettokostnadsökningarna ackumulerade; ackumulerad merkostnad: merkostnaderna summerade över åren. Fasta priser om scenariot inte anger löneökning (costs.wageGrowth).';
  },
};
