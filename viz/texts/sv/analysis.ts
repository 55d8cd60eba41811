/** Swedish texts: the output of sensitivity and compare. Typed by `../types.ts`, so a missing text fails the type-check. */
import { fmt, normNum, normPair, afterYear } from './common.js';
import type { NormPair } from '../info.js';
import { solve, take } from './solve.js';
import { paramLabelWith } from '../shared.js';
import type { DistWords, AnalysisTexts, CompareTexts, SensitivityTexts } from '../types.js';

/** Efter ett svängt fast värde: begränsat till sitt intervall, eller över heltid (en tjänstgöringsgrad över 1). */
const NOTE = { none: '', capped: ', vid gräns', overFullTime: ', > heltid' } as const;

// --- Sensitivity and compare (viz/sensitivity.ts, viz/compare.ts and their charts) ---

/** Names of scenario parameters by path (without `regions[…].`), for sensitivity tables and charts. */
export const PARAM_TEXT: Record<string, string> = {
  'otherSpecialists.headcount': 'Övriga listningsbara specialister vid start',
  'otherSpecialists.fte': 'Tjänstgöringsgrad, övriga listningsbara specialister',
  'otherSpecialists.attrition': 'Avgångar, övriga listningsbara specialister (andel per år)',
  'otherSpecialists.recruitment': 'Rekrytering, övriga listningsbara specialister (per år)',
  'otherSpecialists.salaryPerMonth': 'Månadslön, övrig listningsbar specialist',
  'population.growth': 'Befolkningstillväxt per år',
  'population.coverageShare': 'Andel av befolkningen att täcka',
  'population.careNeedIndex': 'Vårdbehovsindex',
  'norms.specialist': 'Riktvärde per specialist',
  'norms.st': 'Riktvärde per ST-läkare',
  'specialists.headcount': 'Specialister vid start',
  'specialists.fte': 'Tjänstgöringsgrad, specialister',
  'specialists.attrition': 'Övriga avgångar, specialister (per år)',
  'specialists.retirement.meanAge': 'Pensionsålder, medelvärde',
  'specialists.retirement.sd': 'Pensionsålder, spridning',
  'specialists.recruitment.perYear': 'Nettorekrytering av specialister (per år)',
  'specialists.recruitment.entryAge': 'Ålder vid rekrytering',
  'st.headcount': 'ST-läkare vid start',
  'st.intake': 'ST-intag (per år)',
  'st.targetHeadcount': 'Mål för antal ST-läkare',
  'st.dropout': 'Avbrutna ST (andel per år)',
  'st.retention': 'Nya specialister som stannar (andel)',
  'st.fillRate': 'Tillsatta ST-tjänster (andel)',
  'st.fte': 'Tjänstgöringsgrad, ST-läkare',
  'st.completionAge': 'Ålder vid specialistbevis',
  'st.trainingCapacity.maxTraineesPerSpecialistFte': 'Högst antal ST per specialistheltid',
  'st.trainingCapacity.maxTotal': 'Högst antal ST-läkare',
  'st.trainingCapacity.supervisionHoursPerWeek': 'Handledning, timmar per vecka',
  'costs.wageGrowth': 'Löneökning per år',
  'costs.employerContributions': 'Personalomkostnader (PO)',
  'costs.overheadPerEmployee': 'Gemensamma kostnader per anställd (kr/år)',
  'costs.salaryPerMonth.specialist': 'Månadslön, specialist (kr)',
  'costs.salaryPerMonth.st': 'Månadslön, ST-läkare (kr)',
  'costs.stTrainingCostPerYear': 'Utbildningskostnad per ST-läkare och år (kr)',
};

const paramLabel = paramLabelWith(PARAM_TEXT, ' (multiplikator)');

/** Texts of `riktvarde sensitivity`: tables, notes and charts. */
export const sensitivity: SensitivityTexts = {
  /** The words inside a distribution written out, e.g. `normal(mean 1, sd 0.1)`. */
  distWords(): DistWords {
    return { sep: '; ', mean: 'medel', sd: 'sd', median: 'median', sigma: 'sigma', mode: 'typvärde' };
  },
  param: paramLabel,
  title(scenario: string, unit: string): string {
    return `Känslighetsanalys — ${scenario} — ${unit}`;
  },
  /** A year reached, or `efter 2034` when not by the horizon. */
  year(y: number | null, endYear: number): string {
    return y === null ? afterYear(endYear) : String(y);
  },
  outcomeYear(norm: NormPair | null): string {
    const n = normPair(norm);
    return `År ${n ?? 'riktvärdet'} nås`;
  },
  outcomeCoverage(endYear: number): string {
    return `Täckningsgrad ${endYear} (%)`;
  },
  outcomeCost(endYear: number): string {
    return `Ackumulerad merkostnad ${endYear} (mnkr)`;
  },
  costCaveat(): string {
    return 'Ett kostnadsutslag är bara ändringen i ackumulerad kostnad: en parameter som tar bort personal (fler avgångar, lägre tjänstgöringsgrad, färre som stannar) sänker lönekostnaden och täckningsgraden samtidigt — färre läkare att betala, ingen besparing.';
  },
  atLowFixed(percent, note) {
    return `${percent} % lägre${NOTE[note ?? 'none']}`;
  },
  atHighFixed(percent, note) {
    return `${percent} % högre${NOTE[note ?? 'none']}`;
  },
  fixedMark(percent: number): string {
    return ` [fast värde, ±${percent} %]`;
  },
  seriesDist(): string {
    return 'årsvärden enligt scenariot (ändras som helhet)';
  },
  oatHeading(): string {
    return 'En parameter i taget';
  },
  oatIntro(): string {
    return 'Varje osäker parameter på sin 10:e och sin 90:e percentil, och varje fast parameter (märkt [fast värde, ±10 %]: ett enskilt tal eller en årsserie i scenariot, riktvärdena undantagna) 10 % under och över sitt värde, medan de övriga står på sin median; deterministiska körningar utan slumpvariation i händelser. Ett utslag på ±10 % visar hur mycket svaret hänger på ett tal, inte hur osäkert talet är.';
  },
  colParameter(): string {
    return 'Parameter';
  },
  colAt(): string {
    return 'Vid';
  },
  colValue(): string {
    return 'Parameterns värde';
  },
  /** Row names inside a parameter's block. */
  atLow(): string {
    return '10:e percentil';
  },
  atHigh(): string {
    return '90:e percentil';
  },
  swing(): string {
    return 'utslag';
  },
  allAtMedian(): string {
    return 'Alla parametrar på sin median';
  },
  oatNote(endYear: number): string {
    return `Utslag = värdet vid 90:e percentilen − värdet vid 10:e. ”${afterYear(endYear)}” = riktvärdet nås inte under perioden; i utslaget räknas det som ${endYear + 1}, så ett utslag med ≥ eller ≤ är en gräns. Utslag i täckningsgrad anges i procentenheter. Ordnat efter utslaget i täckningsgrad ${endYear}, sedan i året riktvärdet nås. Ett kostnadsutslag är bara ändringen i ackumulerad kostnad: en parameter som tar bort personal sänker lönekostnaden och täckningsgraden samtidigt — färre läkare att betala, ingen besparing.`;
  },
  globalHeading(): string {
    return 'Alla parametrar samtidigt (Monte Carlo)';
  },
  globalIntro(runs: number, seed: number, eventNoise: boolean): string {
    return `Från ${fmt.int(runs)} körningar (frö ${seed}, slumpvariation i händelser ${eventNoise ? 'på' : 'av'}) där alla osäkra parametrar dras samtidigt: partiell rangkorrelation (PRCC) och standardiserad regressionskoefficient (SRC) mellan varje parameter och varje utfall.`;
  },
  colPrcc(outcome: string): string {
    return `PRCC: ${outcome}`;
  },
  colSrc(outcome: string): string {
    return `SRC: ${outcome}`;
  },
  /** Short outcome names for the global table's headings. */
  shortYear(): string {
    return 'år nås';
  },
  shortCoverage(endYear: number): string {
    return `täckning ${endYear}`;
  },
  shortCost(endYear: number): string {
    return `merkostnad ${endYear}`;
  },
  r2Row(): string {
    return 'R² för den linjära modellen';
  },
  globalNote(noise: number | null, runs: number, endYear: number): string {
    const n = noise === null ? null : fmt.num(noise, 2);
    return `PRCC (−1 till 1): hur starkt utfallet stiger (+) eller sjunker (−) med parametern när de övriga hålls fast, räknat på rangordningar.${n ? ` Med ${fmt.int(runs)} körningar går |PRCC| under ${n} inte att skilja från 0 (5 %-nivå).` : ''} SRC: hur många standardavvikelser utfallet ändras per standardavvikelse i parametern, i en linjär regression; R² är den andel av variationen som den linjära modellen förklarar — resten är slumpvariation i händelser, slumpvandringar och samspel. År som inte nås under perioden räknas som ${endYear + 1}. – = utfallet är detsamma i alla körningar (för året: oftast för att ingen körning når riktvärdet till och med ${endYear}), eller saknas (inga kostnader).`;
  },
  parametersHeading(): string {
    return 'Parametrar och källor';
  },
  /** `Övriga avgångar … = specialists.attrition: PERT(0.02, 0.031, 0.045); källa: … (antagande)` */
  parameterLine(label: string, key: string, dist: string, source: string | null, kind: string | null, note: string | null): string {
    const kindText = kind === 'assumption' ? 'antagande'
      : kind === 'derived' ? 'härlett'
      : kind === 'published' ? 'publicerat' : null;
    const src = source ? `; ${'källa'}: ${source}${kindText ? ` (${kindText})` : ''}` : '';
    return `${label} = ${key}: ${dist}${src}${note ? `. ${note}` : ''}`;
  },
  // Charts
  tornadoTitle(outcome: string): string {
    return `${outcome}: en parameter i taget`;
  },
  keyLow(): string {
    return 'Låg: 10:e percentilen (fast värde: −10 %)';
  },
  keyHigh(): string {
    return 'Hög: 90:e percentilen (fast värde: +10 %)';
  },
  keyBase(): string {
    return 'Alla på median';
  },
  keyOutcome(): string {
    return 'Utfall';
  },
  prccTitle(): string {
    return 'Partiell rangkorrelation (PRCC) med utfallen';
  },
  prccNoiseNote(noise: number | null): string | null {
    if (noise === null) return null;
    return `Grått fält: |PRCC| under ${fmt.num(noise, 2)} går inte att skilja från 0.`;
  },
  noYearEffect(endYear: number): string {
    return `Ingen parameter flyttar året då riktvärdet nås inom perioden (t.o.m. ${endYear}).`;
  },
  chartSubtitle(): string {
    return 'Staplarna går från utfallet när alla parametrar står på sin median till utfallet när en parameter flyttas till sin 10:e respektive 90:e percentil (en fast parameter, märkt [fast värde, ±10 %]: 10 % under och över sitt värde). Längst upp: störst utslag. En lägre kostnad med färre läkare är ingen besparing: täckningsgraden sjunker med den.';
  },
};

/** Texts of `riktvarde compare`. */
export const compare: CompareTexts = {
  /** A norm as the riktvärde is written: no thousands separator (`1100`). */
  normNum(x: number): string {
    return String(x).replace('.', ',');
  },
  title(): string {
    return 'Jämförelse av scenarier';
  },
  subtitle(runs: number, seed: number, eventNoise: boolean): string {
    return `Monte Carlo: median (80 %-intervall), ${fmt.int(runs)} körningar, frö ${seed}, slumpvariation i händelser ${eventNoise ? 'på' : 'av'}; samma slumptal i alla scenarier.`;
  },
  legend(label: string, name: string, file: string | null): string {
    return `${label} = ${name}${file ? ` (${file})` : ''}`;
  },
  rowHorizon(): string {
    return 'Period';
  },
  rowUnit(): string {
    return 'Region';
  },
  rowCountBasis(): string {
    return 'Räknebas';
  },
  countBasisShort(basis: string): string {
    if (basis === 'health-centres') return 'vårdcentraler';
    if (basis === 'all-sectors') return 'alla sektorer';
    return basis;
  },
  rowNorm(): string {
    return 'Riktvärde (specialist/ST)';
  },
  rowReached(): string {
    return 'År riktvärdet nås första gången';
  },
  rowSustained(): string {
    return 'Håller sedan från (median)';
  },
  rowProbReached(end: number | null): string {
    return `Sannolikhet att det nås ${end === null ? 'under perioden' : `t.o.m. ${end}`}`;
  },
  rowProbHolds(end: number | null): string {
    return `Sannolikhet att det håller ${end === null ? 'sista året' : end}`;
  },
  rowPerDoctorEquivalent(end: number | null): string {
    return `Invånare per läkarekvivalent ${end ?? 'sista året'}`;
  },
  rowPerDoctor(end: number | null): string {
    return `Invånare per läkare, Tabell 1 (ST som läkare) ${end ?? 'sista året'}`;
  },
  rowSpecialists(end: number | null): string {
    return `Specialister ${end ?? 'sista året'} (antal)`;
  },
  rowSt(end: number | null): string {
    return `ST-läkare totalt ${end ?? 'sista året'} (antal)`;
  },
  rowGap(end: number | null): string {
    return `Specialistunderskott ${end ?? 'sista året'} (heltider)`;
  },
  rowCost(end: number | null): string {
    return `Ackumulerad merkostnad ${end ?? 'sista året'} (mnkr)`;
  },
  rowCostPerInhabitant(end: number | null): string {
    return `Merkostnad per år per tillkommen invånare ${end ?? 'sista året'} (kr/år)`;
  },
  rowPeakSt(): string {
    return 'ST-läkare som mest (år)';
  },
  rowPeakCost(): string {
    return 'Merkostnad per år som mest (mnkr, år)';
  },
  rowYearsUnderNorm(): string {
    return 'Antal år riktvärdet nås (median)';
  },
  rowReachedAgainst(): string {
    return '”Nås” mäts mot';
  },
  reachedAgainstCell(basis: 'final' | 'current', schedule: boolean): string {
    if (!schedule) return 'riktvärdet (oförändrat)';
    return basis === 'final' ? 'slutliga riktvärdet' : 'årets riktvärde';
  },
  bothNever(): string {
    return 'båda aldrig';
  },
  onlyNever(label: string): string {
    return `${label} aldrig`;
  },
  rowCoverage(end: number | null): string {
    return `Täckningsgrad ${end ?? 'sista året'} (%)`;
  },
  /** A year, or `efter 2034`. */
  year(y: number | null, endYear: number): string {
    return y === null ? afterYear(endYear) : String(y);
  },
  never(): string {
    return 'aldrig';
  },
  /** A difference of probabilities: `+65 p.e.` / `+65 pp`. */
  points(share: number | null): string {
    if (share === null || !Number.isFinite(share)) return '\u2013';
    const v = fmt.signed(share * 100, 0);
    return `${v} p.e.`;
  },
  diffNote(): string {
    return 'B − A: skillnaden mellan medianerna; inom parentes 80 %-intervallet för skillnaden körning för körning (scenarierna har samma slumptal). När den ena sidan inte når riktvärdet under perioden säger skillnaden i år det med ord (”A aldrig”). p.e. = procentenheter.';
  },
  costPerInhabitantNote(): string {
    return 'Merkostnad per år per tillkommen invånare = (B:s förväntade merkostnad per år mot basåret − A:s, sista året) ÷ (B:s förväntade kapacitet − A:s sista året, i invånare, båda värderade med A:s riktvärden, så att ett ändrat riktvärde i sig inte räknas): kronor per år för varje invånare kapaciteten ökar med, inte en engångs- eller ackumulerad kostnad; – när kapaciteten inte ökar. Kapacitet utöver befolkningen att täcka räknas också (se täckningsgraden). Täckningsgrad = kapacitet / befolkning att täcka. Toppar och år då riktvärdet nås avläses från medianen för varje år.';
  },
  perDoctorNote(): string {
    return 'Invånare per läkarekvivalent = befolkning att täcka ÷ (kapacitet ÷ specialistriktvärdet): högst riktvärdet precis när riktvärdet nås. Tabell 1:s invånare per läkare = befolkning / (specialister + listningsbara ST-läkare), där en listningsbar ST-läkare räknas som en hel läkare, så det kan ligga under riktvärdet innan riktvärdet nås. Riktvärdet nås när kapaciteten (specialister × riktvärdet + listningsbara ST × ST-riktvärdet) räcker till hela befolkningen att täcka.';
  },
  warnCountBasis(): string {
    return 'Obs: scenarierna utgår från olika räknebas (alla sektorer mot vårdcentraler); invånare per läkare och antal specialister går inte att jämföra mellan dem.';
  },
  normChanges(basis: 'final' | 'current'): string {
    return basis === 'final'
      ? 'Obs: ett riktvärde ändras under perioden (→). ”Nås” och alla mått här avser det slutliga riktvärdet alla år (att ett mellanliggande riktvärde nås räknas inte); --reached-against current mäter varje år mot det riktvärde som gäller det året.'
      : 'Obs: ett riktvärde ändras under perioden (→). ”Nås” avser det riktvärde som gäller varje år (--reached-against current), så att ett mellanliggande riktvärde nås räknas; om det håller till slutet visar raden ”Sannolikhet att det håller”.';
  },
  warnHorizon(): string {
    return 'Obs: scenarierna har olika perioder; ”sista året” är varje scenarios eget sista år.';
  },
  // Chart
  chartTitle(): string {
    return 'Invånare per läkarekvivalent: scenarierna jämförda';
  },
  chartSubtitle(runs: number, seed: number): string {
    return `Linjer: median; band: 80 % av körningarna (${fmt.int(runs)} körningar, frö ${seed}, samma slumptal i alla scenarier). Streckad linje: riktvärdet per specialist.`;
  },
  keyNorm(norm: number): string {
    return `Riktvärde ${normNum(norm)}`;
  },
};

export const analysisTexts: AnalysisTexts = { sensitivity, compare, solve, take };
