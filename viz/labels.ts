/**
 * The one catalogue of user-facing texts, Swedish and English: a label and a unit for every
 * output field (`model/fields.ts`), group titles, and the sentences written under tables.
 * Swedish terms are those a regional board (nämnd) would use. Nothing else in `viz/` hard-codes
 * user-facing words.
 *
 * `unit` is the unit of the value as stored in the output (e.g. `kr/år`); `tableUnit` is the unit
 * shown in a table row label, where values are scaled (costs in million kronor, shares in %).
 * An empty `tableUnit` means the label alone is clear.
 */
import type { FieldGroup, FieldKey } from '../model/fields.js';
import { fmtInt, fmtProb, type Lang } from './format.js';

interface FieldText {
  label: string;
  unit: string;
  tableUnit?: string;
}
type Bi<T> = Record<Lang, T>;

// Units, reused below.
const U = {
  inh: { sv: 'invånare', en: 'inhabitants' },
  head: { sv: 'antal', en: 'headcount' },
  perYear: { sv: 'antal/år', en: 'per year' },
  fte: { sv: 'heltider', en: 'FTE' },
  inhPerFte: { sv: 'invånare per heltid', en: 'inhabitants per FTE' },
  share: { sv: 'andel', en: 'share' },
  flag: { sv: 'ja/nej', en: 'yes/no' },
  krYear: { sv: 'kr/år', en: 'SEK/year' },
  kr: { sv: 'kr', en: 'SEK' },
  mkr: { sv: 'mnkr', en: 'SEK m' },
} as const;

/** Builds a bilingual entry: labels, the stored unit, and optionally a different table unit. */
function e(sv: string, en: string, unit: Bi<string>, tableUnit?: Bi<string>): Bi<FieldText> {
  return {
    sv: { label: sv, unit: unit.sv, tableUnit: tableUnit?.sv },
    en: { label: en, unit: unit.en, tableUnit: tableUnit?.en },
  };
}
const NONE = { sv: '', en: '' };

const FIELD_TEXT: Record<FieldKey, Bi<FieldText>> = {
  population: e('Befolkning', 'Population', U.inh, NONE),
  populationToCover: e('Befolkning att täcka', 'Population to cover', U.inh, NONE),
  specialists: e('Specialister i allmänmedicin', 'GP specialists', U.head),
  specialistsFte: e('Specialister i allmänmedicin', 'GP specialists', U.fte),
  otherSpecialists: e('Övriga listningsbara specialister', 'Other listable specialists', U.head),
  otherSpecialistsFte: e('Övriga listningsbara specialister', 'Other listable specialists', U.fte),
  st: e('ST-läkare totalt', 'ST trainees, all', U.head),
  listableSt: e('Listningsbara ST-läkare', 'Listable ST trainees', U.head),
  listableStFte: e('Listningsbara ST-läkare', 'Listable ST trainees', U.fte),
  supervisionFte: e('Handledning av ST-läkare', 'Supervision of ST trainees', U.fte),
  stPosts: e('Utlysta ST-tjänster', 'ST posts advertised', U.perYear),
  stStarts: e('Nya ST-läkare', 'New ST trainees', U.perYear),
  stUnfilledByCap: e('Ej tillsatta ST-tjänster (utbildningskapacitet)', 'ST posts unfilled (training capacity)', U.perYear),
  stDropouts: e('Avbrutna ST', 'ST dropouts', U.perYear),
  stCompletions: e('Avslutade ST', 'ST completions', U.perYear),
  newSpecialistsStaying: e('Nya specialister som stannar', 'New specialists staying', U.perYear),
  recruitment: e('Nettorekrytering av specialister', 'Net recruitment of specialists', U.perYear),
  retirements: e('Pensionsavgångar', 'Retirements', U.perYear),
  otherExits: e('Övriga avgångar', 'Other exits', U.perYear),
  netIncreaseSpecialists: e('Nettoökning specialister', 'Net increase, GP specialists', U.perYear),
  netIncreaseOtherSpecialists: e('Nettoökning övriga specialister', 'Net increase, other specialists', U.perYear),
  netIncreaseSt: e('Nettoökning ST-läkare', 'Net increase, ST trainees', U.perYear),
  netIncreaseListableSt: e('Nettoökning listningsbara ST', 'Net increase, listable ST', U.perYear),
  normSpecialist: e('Riktvärde per specialist', 'Norm per specialist', U.inhPerFte),
  normSt: e('Riktvärde per ST-läkare', 'Norm per ST trainee', U.inhPerFte),
  capacitySpecialists: e('Kapacitet, specialister', 'Capacity, specialists', U.inh),
  capacitySt: e('Kapacitet, ST-läkare', 'Capacity, ST trainees', U.inh),
  capacityOther: e('Kapacitet, övriga specialister', 'Capacity, other specialists', U.inh),
  capacity: e('Kapacitet', 'Capacity', U.inh),
  coverage: e('Täckningsgrad', 'Coverage', U.share, { sv: '%', en: '%' }),
  inhabitantsPerDoctor: e('Invånare per läkare', 'Inhabitants per doctor', { sv: 'invånare per specialist och listningsbar ST-läkare', en: 'inhabitants per specialist and listable ST trainee' }, { sv: 'spec. + listn. ST', en: 'spec. + listable ST' }),
  inhabitantsPerSpecialistFte: e('Invånare att täcka per specialistheltid', 'Population to cover per specialist FTE', U.inhPerFte, NONE),
  specialistGap: e('Specialistunderskott', 'Specialist shortfall', U.fte),
  reached: e('Riktvärdet nått', 'Target reached', U.flag),
  reachedSpecialistsOnly: e('Riktvärdet nått med enbart specialister', 'Target reached with specialists alone', U.flag),
  cost: e('Kostnad för bemanningen', 'Workforce cost', U.krYear, U.mkr),
  costIncrease: e('Merkostnad mot basåret', 'Cost above base year', U.krYear, U.mkr),
  netCostIncrease: e('Nettokostnadsökning', 'Net cost increase on previous year', U.krYear, U.mkr),
  cumulativeCost: e('Ackumulerad merkostnad', 'Cumulative cost above base year', U.kr, U.mkr),
};

const GROUP_TITLE: Record<FieldGroup, Bi<string>> = {
  population: { sv: 'Befolkning', en: 'Population' },
  workforce: { sv: 'Bemanning', en: 'Workforce' },
  flows: { sv: 'Flöden', en: 'Flows' },
  capacity: { sv: 'Kapacitet', en: 'Capacity' },
  cost: { sv: 'Kostnad', en: 'Cost' },
};

/** The field's label, e.g. `Befolkning att täcka`. */
export function label(key: FieldKey, lang: Lang): string {
  return FIELD_TEXT[key][lang].label;
}

/** The unit of the field's value as stored, e.g. `kr/år`. */
export function unit(key: FieldKey, lang: Lang): string {
  return FIELD_TEXT[key][lang].unit;
}

/** The unit shown in a table row label (values scaled: mnkr, %); '' when none is shown. */
export function tableUnit(key: FieldKey, lang: Lang): string {
  const t = FIELD_TEXT[key][lang];
  return t.tableUnit ?? t.unit;
}

/** A table row label with its unit, e.g. `Merkostnad mot basåret (mnkr)`. */
export function rowLabel(key: FieldKey, lang: Lang): string {
  const u = tableUnit(key, lang);
  return u ? `${label(key, lang)} (${u})` : label(key, lang);
}

export function groupTitle(group: FieldGroup, lang: Lang): string {
  return GROUP_TITLE[group][lang];
}

/** The norm pair named in sentences, or null when norms vary (then "the norm" is written). */
export interface NormPair {
  specialist: number;
  st: number;
}

/** First year reached, first year of the final unbroken run, and the horizon. */
export interface ReachedInfo {
  reachedYear: number | null;
  sustainedFrom: number | null;
  endYear: number;
  norm: NormPair | null;
}

/** A norm number in running text: no thousands separator (`1100`, as the riktvärde is written). */
function normNum(x: number, lang: Lang): string {
  return lang === 'sv' ? String(x).replace('.', ',') : String(x);
}

/** The sentence's tail: reached and held / reached but not held / not reached. */
function reachedTail(r: ReachedInfo, lang: Lang): string {
  const first = r.reachedYear ?? r.sustainedFrom;
  if (first === null) {
    return lang === 'sv' ? `nås inte till och med ${r.endYear}` : `is not reached by ${r.endYear}`;
  }
  if (r.sustainedFrom === null) {
    return lang === 'sv'
      ? `nås ${first} men håller inte till och med ${r.endYear}`
      : `is reached in ${first} but does not hold to ${r.endYear}`;
  }
  return lang === 'sv'
    ? `nås första gången ${first} och håller från ${r.sustainedFrom} till ${r.endYear}`
    : `is first reached in ${first} and holds from ${r.sustainedFrom} to ${r.endYear}`;
}

const MODE: Record<'deterministic' | 'monte-carlo', Bi<string>> = {
  deterministic: { sv: 'förväntade värden (deterministisk)', en: 'expected values (deterministic)' },
  'monte-carlo': { sv: 'värden från Monte Carlo-körning', en: 'values from a Monte Carlo run' },
};

const COUNT_BASIS: Record<string, Bi<string>> = {
  'health-centres': {
    sv: 'Räknebas: specialister i allmänmedicin på vårdcentral som kan ha listade patienter (som Stockholms handlingsplan).',
    en: 'Count basis: GP specialists at health centres who can have listed patients (as in Stockholm’s action plan).',
  },
  'all-sectors': {
    sv: 'Räknebas: alla specialister i allmänmedicin i hälso- och sjukvården (som Socialstyrelsens Tabell 1).',
    en: 'Count basis: every GP specialist employed in health care, any sector (as in Socialstyrelsen’s Tabell 1).',
  },
};

/** Monte Carlo summary of the first year a target is reached (for the sentences under a table). */
export interface McReachedInfo {
  /** Median first year reached; null: the median run does not reach it by the horizon. */
  median: number | null;
  /** 10th and 90th percentile of the first year reached; null: not by the horizon. */
  p10: number | null;
  p90: number | null;
  /** Share of runs that have reached it by the horizon. */
  probability: number | null | undefined;
  endYear: number;
  norm: NormPair | null;
}

/** Which two percentiles bound each interval width (in percent). */
const PERCENTILES: Record<number, [string, string]> = { 50: ['25', '75'], 80: ['10', '90'], 90: ['5', '95'] };

function ordinal(p: string, lang: Lang): string {
  return lang === 'sv' ? `${p}:e` : `${p}th`;
}

/** `80 %-intervall` / `80% interval` */
function intervalName(percent: number, lang: Lang): string {
  return lang === 'sv' ? `${percent} %-intervall` : `${percent}% interval`;
}

/** A year reached, or "not by the horizon". */
function yearOrNever(y: number | null, endYear: number, lang: Lang): string {
  if (y !== null) return String(y);
  return lang === 'sv' ? `inte till och med ${endYear}` : `not by ${endYear}`;
}

/** `median 2032; 80 %-intervall 2030 – inte till och med 2034; sannolikhet till och med 2034: 58 %` */
function mcReachedTail(r: McReachedInfo, lang: Lang): string {
  const parts: string[] = [];
  parts.push(r.median === null ? `median: ${yearOrNever(null, r.endYear, lang)}` : `median ${r.median}`);
  if (r.p10 !== null || r.p90 !== null) {
    const range = r.p10 === r.p90
      ? yearOrNever(r.p10, r.endYear, lang)
      : `${yearOrNever(r.p10, r.endYear, lang)} – ${yearOrNever(r.p90, r.endYear, lang)}`;
    parts.push(`${intervalName(80, lang)} ${range}`);
  }
  parts.push(lang === 'sv'
    ? `sannolikhet till och med ${r.endYear}: ${fmtProb(r.probability, lang)}`
    : `probability by ${r.endYear}: ${fmtProb(r.probability, lang)}`);
  return parts.join('; ');
}

/** `1100/550`, or null when norms vary. */
function normPair(n: NormPair | null, lang: Lang): string | null {
  return n ? `${normNum(n.specialist, lang)}/${normNum(n.st, lang)}` : null;
}

/** Sentence templates and short texts. Every function takes the language last. */
export const text = {
  /** `Scenario — Region — förväntade värden (deterministisk)` */
  title(scenario: string, region: string, mode: 'deterministic' | 'monte-carlo', lang: Lang): string {
    return `${scenario} — ${region} — ${MODE[mode][lang]}`;
  },
  mode(mode: 'deterministic' | 'monte-carlo', lang: Lang): string {
    return MODE[mode][lang];
  },
  /** Which specialist count the scenario starts from (unknown bases are shown as given). */
  countBasis(basis: string, lang: Lang): string {
    const t = COUNT_BASIS[basis];
    if (t) return t[lang];
    return lang === 'sv' ? `Räknebas: ${basis}.` : `Count basis: ${basis}.`;
  },
  /** e.g. `Riktvärdet 1100/550 (kapacitet ≥ befolkning att täcka) nås första gången 2031 och håller från 2031 till 2034.` */
  reached(r: ReachedInfo, lang: Lang): string {
    const n = r.norm;
    if (lang === 'sv') {
      const subj = n ? `Riktvärdet ${normNum(n.specialist, lang)}/${normNum(n.st, lang)}` : 'Riktvärdet';
      return `${subj} (kapacitet ≥ befolkning att täcka) ${reachedTail(r, lang)}.`;
    }
    const subj = n ? `The ${normNum(n.specialist, lang)}/${normNum(n.st, lang)} target` : 'The norm';
    return `${subj} (capacity ≥ population to cover) ${reachedTail(r, lang)}.`;
  },
  /** The same with specialists alone (ST trainees' capacity not counted). */
  reachedSpecialistsOnly(r: ReachedInfo, lang: Lang): string {
    const n = r.norm;
    if (lang === 'sv') {
      const subj = n ? `Riktvärdet ${normNum(n.specialist, lang)}` : 'Riktvärdet';
      return `${subj} med enbart specialister (specialisternas kapacitet ≥ befolkning att täcka) ${reachedTail(r, lang)}.`;
    }
    const subj = n ? `The ${normNum(n.specialist, lang)} target` : 'The norm';
    return `${subj} with specialists alone (specialist capacity ≥ population to cover) ${reachedTail(r, lang)}.`;
  },
  costsOmitted(lang: Lang): string {
    return lang === 'sv'
      ? 'Kostnader visas inte: scenariot saknar kostnadsantaganden.'
      : 'Costs are not shown: the scenario has no cost assumptions.';
  },
  footer(version: string, lang: Lang): string {
    return lang === 'sv' ? `Modellversion: ${version}` : `Model version: ${version}`;
  },
  yes(lang: Lang): string {
    return lang === 'sv' ? 'ja' : 'yes';
  },
  no(lang: Lang): string {
    return lang === 'sv' ? 'nej' : 'no';
  },

  // --- Overview of many regions (one row per region) ---
  overviewTitle(scenario: string, mode: 'deterministic' | 'monte-carlo', lang: Lang): string {
    return lang === 'sv'
      ? `${scenario} — översikt per region — ${MODE[mode][lang]}`
      : `${scenario} — overview by region — ${MODE[mode][lang]}`;
  },
  colRegion(lang: Lang): string {
    return 'Region';
  },
  colPerDoctor(year: number, lang: Lang): string {
    return lang === 'sv' ? `Invånare per läkare ${year}` : `Inhabitants per doctor ${year}`;
  },
  colCoverage(year: number, lang: Lang): string {
    return lang === 'sv' ? `Täckningsgrad ${year}` : `Coverage ${year}`;
  },
  colReached(lang: Lang): string {
    return lang === 'sv' ? 'Nås första gången' : 'First reached';
  },
  colSustained(lang: Lang): string {
    return lang === 'sv' ? 'Håller från' : 'Holds from';
  },
  overviewNote(endYear: number, lang: Lang): string {
    return lang === 'sv'
      ? `– = riktvärdet nås inte (håller inte) till och med ${endYear}. Inv. per läkare = befolkning / (specialister + listningsbara ST-läkare).`
      : `– = the target is not reached (does not hold) by ${endYear}. Inhabitants per doctor = population / (specialists + listable ST trainees).`;
  },

  // --- Monte Carlo ---
  /** `80 %-intervall` / `80% interval` */
  intervalName(percent: number, lang: Lang): string {
    return intervalName(percent, lang);
  },
  /** `median (80 %-intervall), 10 000 körningar, frö 7` */
  mcSubtitle(percent: number, runs: number, seed: number, lang: Lang): string {
    return lang === 'sv'
      ? `median (${intervalName(percent, lang)}), ${fmtInt(runs, lang)} körningar, frö ${seed}`
      : `median (${intervalName(percent, lang)}), ${fmtInt(runs, lang)} runs, seed ${seed}`;
  },
  /** `1100/550 nås: median 2032; 80 %-intervall 2030 – inte till och med 2034; sannolikhet till och med 2034: 58 %.` */
  mcReached(r: McReachedInfo, lang: Lang): string {
    const n = normPair(r.norm, lang);
    const subj = lang === 'sv' ? (n ? `${n} nås` : 'Riktvärdet nås') : (n ? `${n} reached` : 'Target reached');
    return `${subj}: ${mcReachedTail(r, lang)}.`;
  },
  /** `1100 med enbart specialister: median 2033; …` */
  mcReachedSpecialistsOnly(r: McReachedInfo, lang: Lang): string {
    const n = r.norm ? normNum(r.norm.specialist, lang) : null;
    const subj = lang === 'sv'
      ? `${n ?? 'Riktvärdet'} med enbart specialister`
      : `${n ?? 'Target'} with specialists alone`;
    return `${subj}: ${mcReachedTail(r, lang)}.`;
  },
  /** `Probability reached by: 2026 0% · 2028 3% · 2030 21%` */
  mcMilestones(items: { year: number; probability: number | null | undefined }[], lang: Lang): string {
    const head = lang === 'sv' ? 'Sannolikhet att det nås till och med:' : 'Probability reached by:';
    return `${head} ${items.map((i) => `${i.year} ${fmtProb(i.probability, lang)}`).join(' · ')}`;
  },
  /** What a cell shows. */
  mcCellNote(percent: number, lang: Lang): string {
    const [lo, hi] = PERCENTILES[percent] ?? ['?', '?'];
    return lang === 'sv'
      ? `Varje cell: medianen över körningarna, inom parentes ett ${intervalName(percent, lang)} (${ordinal(lo, lang)}–${ordinal(hi, lang)} percentilen); ett ensamt värde betyder att intervallet avrundas till medianen. Sannolikhet = andel av körningarna.`
      : `Each cell: the median over the runs, with the ${intervalName(percent, lang)} (${ordinal(lo, lang)}–${ordinal(hi, lang)} percentile) in brackets; a single value means the interval rounds to the median. Probability = share of runs.`;
  },
  /** `Monte Carlo: 10 000 körningar, frö 7, slumpvariation i händelser på.` */
  mcFooter(runs: number, seed: number, eventNoise: boolean, lang: Lang): string {
    return lang === 'sv'
      ? `Monte Carlo: ${fmtInt(runs, lang)} körningar, frö ${seed}, slumpvariation i händelser ${eventNoise ? 'på' : 'av'}.`
      : `Monte Carlo: ${fmtInt(runs, lang)} runs, seed ${seed}, event noise ${eventNoise ? 'on' : 'off'}.`;
  },
  colProbabilityBy(year: number, lang: Lang): string {
    return lang === 'sv' ? `Sannolikhet att nås till och med ${year}` : `Probability reached by ${year}`;
  },
  colMedianReached(lang: Lang): string {
    return lang === 'sv' ? 'Medianår då det nås' : 'Median year reached';
  },
  mcOverviewNote(percent: number, endYear: number, norm: NormPair | null, lang: Lang): string {
    const n = normPair(norm, lang);
    return lang === 'sv'
      ? `Invånare per läkare: median (${intervalName(percent, lang)}); invånare per läkare = befolkning / (specialister + listningsbara ST-läkare). Sannolikhet = andel av körningarna där ${n ?? 'riktvärdet'} nås till och med ${endYear}. – = mediankörningen når det inte till och med ${endYear}.`
      : `Inhabitants per doctor: median (${intervalName(percent, lang)}); inhabitants per doctor = population / (specialists + listable ST trainees). Probability = share of runs reaching ${n ?? 'the target'} by ${endYear}. – = the median run does not reach it by ${endYear}.`;
  },

  // --- Tabell 1 (Socialstyrelsen) ---
  tabell1Title(year: number, scenario: string, lang: Lang): string {
    return lang === 'sv'
      ? `Antal invånare per specialist i allmänmedicin ${year} — ${scenario}`
      : `Inhabitants per GP specialist, ${year} — ${scenario}`;
  },
  tabell1Headings(lang: Lang): [string, string, string, string, string, string] {
    return lang === 'sv'
      ? ['Region', 'Antal specialister i allmänmedicin (inkl. tillgängliga ST-läkare)', 'Befolkning', 'Antal invånare per specialist', 'Differens riktvärde (1100)', '55 procent av antalet invånare per specialist']
      : ['Region', 'GP specialists (incl. available ST trainees)', 'Population', 'Inhabitants per specialist', 'Difference to norm (1100)', '55 % of inhabitants per specialist'];
  },
  tabell1SumName(lang: Lang): string {
    return lang === 'sv' ? 'Summa' : 'Sum';
  },
  /** Suffix of the computed total when a published national row is shown beside it. */
  tabell1SumSuffix(lang: Lang): string {
    return lang === 'sv' ? ' (summa)' : ' (sum)';
  },
  tabell1PublishedName(lang: Lang): string {
    return lang === 'sv' ? 'Riket (publicerat)' : 'National (published)';
  },
  tabell1CountNote(sum: number, published: number, lang: Lang): string {
    return lang === 'sv'
      ? `Obs: regionerna summerar till ${fmtInt(sum, lang)} specialister (inkl. tillgängliga ST-läkare), medan den publicerade riksraden anger ${fmtInt(published, lang)}; raden ”Riket (publicerat)” är beräknad från de publicerade talen.`
      : `Note: the regions sum to ${fmtInt(sum, lang)} specialists (incl. available ST trainees), while the published national row says ${fmtInt(published, lang)}; the row “National (published)” is computed from the published figures.`;
  },
  tabell1PopulationNote(sum: number, published: number, lang: Lang): string {
    if (Math.round(sum) === Math.round(published)) {
      return lang === 'sv' ? 'Befolkningen summerar till den publicerade riksraden.' : 'The populations sum to the published national row.';
    }
    return lang === 'sv'
      ? `Befolkningen summerar till ${fmtInt(sum, lang)} mot publicerade ${fmtInt(published, lang)}.`
      : `The populations sum to ${fmtInt(sum, lang)} against a published ${fmtInt(published, lang)}.`;
  },
  unfilledByCap(total: number, lang: Lang): string {
    return lang === 'sv'
      ? `Utbildningskapaciteten räckte inte: ${fmtInt(total, lang)} utlysta ST-tjänster kunde inte tillsättas under perioden (se raden Ej tillsatta ST-tjänster).`
      : `Training capacity was short: ${fmtInt(total, lang)} advertised ST posts could not be filled over the period (see the row ST posts unfilled).`;
  },
  tabell1Method(lang: Lang): string {
    return lang === 'sv'
      ? 'Invånare per specialist = befolkning / (specialister + tillgängliga ST-läkare), avrundat till heltal; differens = det avrundade talet − 1100; 55 procent = avrunda(0,55 × befolkning / antal).'
      : 'Inhabitants per specialist = population / (specialists + available ST trainees), rounded; difference = that rounded number − 1100; 55 % = round(0.55 × population / count).';
  },
};

export type TextKey = keyof typeof text;
