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
import { fmtInt, fmtNum, fmtProb, fmtSigned, type Lang } from './format.js';
import { compactYears } from '../scenario/messages.js';
import type { PathInfo } from './paths.js';

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
  specialistPath: e('Bana: specialister', 'Path: GP specialists', U.head),
  specialistPathGap: e('Specialister under banan (+) / över (−)', 'Specialists short of path (+) / above (−)', U.head),
  specialistPathMet: e('Banan för specialister nås', 'Specialist path met', U.flag),
  completionsPath: e('Bana: avslutade ST', 'Path: ST completions', U.perYear),
  completionsPathGap: e('Avslutade ST under banan (+) / över (−)', 'Completions short of path (+) / above (−)', U.perYear),
  completionsPathMet: e('Banan för avslutade ST nås', 'Completions path met', U.flag),
};

const GROUP_TITLE: Record<FieldGroup, Bi<string>> = {
  population: { sv: 'Befolkning', en: 'Population' },
  workforce: { sv: 'Bemanning', en: 'Workforce' },
  flows: { sv: 'Flöden', en: 'Flows' },
  capacity: { sv: 'Kapacitet', en: 'Capacity' },
  cost: { sv: 'Kostnad', en: 'Cost' },
  path: { sv: 'Planens bana', en: 'Plan path' },
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

/** One scenario (B) against the first (A), for the headline of a report with several scenarios. */
export interface CompareHeadlineInfo {
  /** Labels: `A`, `B`. */
  a: string;
  b: string;
  /** The norm pair both scenarios hold throughout, or null ("the target"). */
  norm: NormPair | null;
  /** Median first year reached (null: not by that scenario's horizon) and the horizons. */
  yearA: number | null;
  yearB: number | null;
  endA: number;
  endB: number;
  /** Shares of runs reaching it by each scenario's horizon. */
  probA: number | null;
  probB: number | null;
  /** The common horizon end, or null when the horizons differ. */
  end: number | null;
  /** Accumulated extra cost B − A in the last year (kronor, difference of the medians); null without costs. */
  costDiff: number | null;
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
/** The reached facts of a Monte Carlo region (main rule, or the specialists-only view) for the sentences. */
export function mcReachedInfo(
  r: { years: { year: number }[]; reachedYear: number | null; reachedYearInterval80?: { p10: number | null; p90: number | null }; probabilityReachedBy?: Record<string, number>;
       reachedYearSpecialistsOnly?: number | null; specialistsOnly?: { median: number | null; p10: number | null; p90: number | null; probabilityBy?: Record<string, number> } },
  fallbackEnd: number, norm: NormPair | null, view: 'main' | 'specialistsOnly' = 'main',
): McReachedInfo {
  const endYear = r.years.length ? r.years[r.years.length - 1].year : fallbackEnd;
  if (view === 'specialistsOnly') {
    const so = r.specialistsOnly;
    return { median: so ? so.median : r.reachedYearSpecialistsOnly ?? null, p10: so?.p10 ?? null, p90: so?.p90 ?? null, probability: so?.probabilityBy?.[String(endYear)], endYear, norm };
  }
  return { median: r.reachedYear, p10: r.reachedYearInterval80?.p10 ?? null, p90: r.reachedYearInterval80?.p90 ?? null, probability: r.probabilityReachedBy?.[String(endYear)], endYear, norm };
}

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
  /** The sentence under a table about a plan path (see viz/paths.ts). */
  path(p: PathInfo, lang: Lang): string {
    const n = (x: number) => fmtInt(x, lang);
    const years = `${p.from.year}–${p.to.year}`;
    const sv = lang === 'sv';
    const what = p.kind === 'specialists'
      ? (sv ? `Planens bana för specialister, ${n(p.from.value)} (${p.from.year}) till ${n(p.to.value)} (${p.to.year}),` : `The specialist path, ${n(p.from.value)} (${p.from.year}) to ${n(p.to.value)} (${p.to.year}),`)
      : (sv ? `Planens bana för avslutade ST, ${n(p.from.value)} (${p.from.year}) till ${n(p.to.value)} (${p.to.year}) per år,` : `The completions path, ${n(p.from.value)} (${p.from.year}) to ${n(p.to.value)} (${p.to.year}) a year,`);
    const mc = p.monteCarlo;
    const met = p.shortYears.length === 0
      ? (sv ? (mc ? 'nås varje år i minst hälften av körningarna' : 'nås varje år') : mc ? 'is met in every year in at least half of the runs' : 'is met in every year')
      : sv ? `nås inte ${compactYears(p.shortYears)}${mc ? ' i minst hälften av körningarna' : ''} (som mest ${n(p.maxShort!.gap)} för få, ${p.maxShort!.year})`
        : `is not met in ${compactYears(p.shortYears)}${mc ? ' in at least half of the runs' : ''} (short by up to ${n(p.maxShort!.gap)}, in ${p.maxShort!.year})`;
    const avg = n(p.inflow / p.nYears);
    const inflow = p.kind === 'specialists'
      ? (sv ? `den kräver ${n(p.inflow)} rekryterade ${years} (${avg} per år) utöver de ${n(p.staying)} nya specialister som stannar.`
        : `it needs ${n(p.inflow)} recruited in ${years} (${avg} a year) beyond the ${n(p.staying)} new specialists who stay.`)
      : (sv ? `ST-intaget den kräver är ${n(p.inflow)} nya ST-läkare ${years} (${avg} per år)${p.shortYears.length ? '; de som blir färdiga de första åren utbildas redan, så intaget kan inte ändra dem' : ''}.`
        : `the ST intake it sets is ${n(p.inflow)} new trainees in ${years} (${avg} a year)${p.shortYears.length ? "; the first years' completers are already in training, so intake cannot change them" : ''}.`);
    const above = p.aboveYears.length === 0 ? ''
      : p.kind === 'specialists'
        ? (sv ? ` Över banan ${compactYears(p.aboveYears)} (som mest ${n(p.maxAbove!.gap)}): fler nya specialister stannar än banan kräver.`
          : ` Above the path in ${compactYears(p.aboveYears)} (by up to ${n(p.maxAbove!.gap)}): more new specialists stay than it needs.`)
        : (sv ? ` Över banan ${compactYears(p.aboveYears)} (som mest ${n(p.maxAbove!.gap)}).` : ` Above the path in ${compactYears(p.aboveYears)} (by up to ${n(p.maxAbove!.gap)}).`);
    return `${what} ${met}; ${inflow}${above}`;
  },
  /** Under the appendix layout: what the three cost rows are. */
  bilagaCostNote(lang: Lang): string {
    return lang === 'sv'
      ? 'Nettokostnadsökning: ökningen mot året innan; merkostnad mot basåret: nettokostnadsökningarna ackumulerade; ackumulerad merkostnad: merkostnaderna summerade över åren. Fasta priser om scenariot inte anger löneökning (costs.wageGrowth).'
      : 'Net cost increase: the increase on the year before; cost above base year: the net cost increases accumulated; cumulative cost: the costs above the base year summed over the years. Fixed prices unless the scenario sets wage growth (costs.wageGrowth).';
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

// --- Charts (viz/charts.ts) ---

/** `5 000 körningar, frö 2024` / `5,000 runs, seed 2024` */
function runsSeed(runs: number, seed: number, lang: Lang): string {
  return lang === 'sv' ? `${fmtInt(runs, lang)} körningar, frö ${seed}` : `${fmtInt(runs, lang)} runs, seed ${seed}`;
}

/** Titles, key entries and notes of the charts. Every function takes the language last. */
export const chartText = {
  perDoctorTitle(region: string, norm: number | null, lang: Lang): string {
    const n = norm === null ? '' : ` ${normNum(norm, lang)}`;
    return lang === 'sv' ? `Invånare per läkare mot riktvärdet${n} — ${region}` : `Inhabitants per doctor against the${n} norm — ${region}`;
  },
  perDoctorAxis(lang: Lang): string {
    return lang === 'sv' ? 'Invånare per läkare' : 'Inhabitants per doctor';
  },
  perDoctorDefinition(lang: Lang): string {
    return lang === 'sv'
      ? 'Invånare per läkare = befolkning / (specialister + listningsbara ST-läkare).'
      : 'Inhabitants per doctor = population / (specialists + listable ST trainees).';
  },
  /** Shown when the line dips under the norm in a year the target is not (yet) reached. */
  perDoctorCaveat(norm: NormPair | null, lang: Lang): string {
    const n = norm ? normNum(norm.specialist, lang) : null;
    const st = norm ? normNum(norm.st, lang) : null;
    return lang === 'sv'
      ? `Obs: linjen räknar en listningsbar ST-läkare som en hel läkare, men riktvärdet räknar ${st ?? 'ett lägre tal'} invånare per ST-läkare; linjen kan därför ligga under ${n ?? 'riktvärdet'} innan riktvärdet nås.`
      : `Note: the line counts a listable ST trainee as a whole doctor, but the norm counts ${st ?? 'fewer'} inhabitants per ST trainee; so the line can be under ${n ?? 'the norm'} before the target is reached.`;
  },
  /** `Median och 50 %- och 90 %-intervall av 5 000 körningar (frö 2024).` */
  bandsNote(runs: number, seed: number, lang: Lang): string {
    return lang === 'sv'
      ? `Linjen är medianen, banden visar var 50 % och 90 % av körningarna hamnar (${runsSeed(runs, seed, lang)}).`
      : `The line is the median; the bands show where 50% and 90% of the runs fall (${runsSeed(runs, seed, lang)}).`;
  },
  band80Note(runs: number, seed: number, lang: Lang): string {
    return lang === 'sv'
      ? `Linjer: median; band: 80 % av körningarna (${runsSeed(runs, seed, lang)}).`
      : `Lines: median; bands: 80% of the runs (${runsSeed(runs, seed, lang)}).`;
  },
  mediansNote(runs: number, seed: number, lang: Lang): string {
    return lang === 'sv' ? `Medianer över ${runsSeed(runs, seed, lang)}.` : `Medians over ${runsSeed(runs, seed, lang)}.`;
  },
  deterministicNote(lang: Lang): string {
    return lang === 'sv' ? 'Förväntade värden (deterministisk körning, utan osäkerhet).' : 'Expected values (deterministic run, no uncertainty).';
  },
  /** Provenance line at the bottom of every subtitle. */
  source(scenario: string, version: string, lang: Lang): string {
    return lang === 'sv' ? `Scenario: ${scenario} · riktvarde ${version}` : `Scenario: ${scenario} · riktvarde ${version}`;
  },
  keyMedian(lang: Lang): string {
    return 'Median';
  },
  keyExpected(lang: Lang): string {
    return lang === 'sv' ? 'Förväntat värde' : 'Expected value';
  },
  keyBand(percent: number, lang: Lang): string {
    return lang === 'sv' ? `${percent} % av körningarna` : `${percent}% of runs`;
  },
  keyNorm(norm: number | null, lang: Lang): string {
    if (norm === null) return lang === 'sv' ? 'Riktvärde' : 'Norm';
    return lang === 'sv' ? `Riktvärde ${normNum(norm, lang)}` : `Norm ${normNum(norm, lang)}`;
  },
  /** Label at the marker of the median year reached: `1100/550 nås 2032 (median)`. */
  reachedMarker(year: number, norm: NormPair | null, lang: Lang): string {
    const n = normPair(norm, lang);
    return lang === 'sv' ? `${n ?? 'Riktvärdet'} nås ${year} (median)` : `${n ?? 'Target'} reached ${year} (median)`;
  },
  reachedMarkerDeterministic(year: number, norm: NormPair | null, lang: Lang): string {
    const n = normPair(norm, lang);
    return lang === 'sv' ? `${n ?? 'Riktvärdet'} nås ${year}` : `${n ?? 'Target'} reached ${year}`;
  },
  probabilityTitle(region: string, norm: NormPair | null, lang: Lang): string {
    const n = normPair(norm, lang);
    return lang === 'sv'
      ? `Sannolikhet att ${n ?? 'riktvärdet'} har nåtts — ${region}`
      : `Probability that ${n ?? 'the target'} has been reached — ${region}`;
  },
  probabilityAxis(lang: Lang): string {
    return lang === 'sv' ? 'Andel av körningarna' : 'Share of runs';
  },
  probabilityNote(norm: NormPair | null, runs: number, seed: number, lang: Lang): string {
    const n = normPair(norm, lang);
    return lang === 'sv'
      ? `Andel av körningarna där ${n ?? 'riktvärdet'} har nåtts något år till och med året (${runsSeed(runs, seed, lang)}). Streckade linjer: 50 % och 80 %.`
      : `Share of runs in which ${n ?? 'the target'} has been reached in some year up to and including the year (${runsSeed(runs, seed, lang)}). Dashed lines: 50% and 80%.`;
  },
  keyProbability(lang: Lang): string {
    return lang === 'sv' ? 'Sannolikhet att ha nått riktvärdet' : 'Probability of having reached the target';
  },
  keyGuides(lang: Lang): string {
    return lang === 'sv' ? '50 % och 80 %' : '50% and 80%';
  },
  distributionTitle(region: string, norm: NormPair | null, lang: Lang): string {
    const n = normPair(norm, lang);
    return lang === 'sv' ? `Första år då ${n ?? 'riktvärdet'} nås — ${region}` : `First year ${n ?? 'the target'} is reached — ${region}`;
  },
  distributionNote(endYear: number, runs: number, seed: number, lang: Lang): string {
    return lang === 'sv'
      ? `Andel av körningarna som når riktvärdet första gången respektive år; sista stapeln: når det inte till och med ${endYear} (${runsSeed(runs, seed, lang)}).`
      : `Share of runs first reaching the target in each year; last bar: not reached by ${endYear} (${runsSeed(runs, seed, lang)}).`;
  },
  /** Two-line axis label of the "not by the horizon" bar. */
  notBy(endYear: number, lang: Lang): [string, string] {
    return lang === 'sv' ? ['Inte t.o.m.', String(endYear)] : ['Not by', String(endYear)];
  },
  keyFirstYear(lang: Lang): string {
    return lang === 'sv' ? 'Nås första gången detta år' : 'First reached this year';
  },
  keyNotBy(endYear: number, lang: Lang): string {
    return lang === 'sv' ? `Nås inte till och med ${endYear}` : `Not reached by ${endYear}`;
  },
  shareAxis(lang: Lang): string {
    return lang === 'sv' ? 'Andel av körningarna' : 'Share of runs';
  },
  workforceTitle(region: string, lang: Lang): string {
    return lang === 'sv' ? `Specialister och ST-läkare — ${region}` : `GP specialists and ST trainees — ${region}`;
  },
  headcountAxis(lang: Lang): string {
    return lang === 'sv' ? 'Antal personer' : 'Headcount';
  },
  flowsTitle(region: string, lang: Lang): string {
    return lang === 'sv' ? `Inflöden och utflöden per år — ${region}` : `Inflows and outflows per year — ${region}`;
  },
  flowsSpecialistsPanel(lang: Lang): string {
    return lang === 'sv' ? 'Specialister i allmänmedicin' : 'GP specialists';
  },
  flowsStPanel(lang: Lang): string {
    return lang === 'sv' ? 'ST-läkare' : 'ST trainees';
  },
  flowsAxis(lang: Lang): string {
    return lang === 'sv' ? 'Personer per år' : 'Persons per year';
  },
  flowsNote(lang: Lang): string {
    return lang === 'sv'
      ? 'Staplar uppåt: tillskott; nedåt: avgångar. Punkten är nettoförändringen.'
      : 'Bars up: additions; down: exits. The dot is the net change.';
  },
  keyNetChange(lang: Lang): string {
    return lang === 'sv' ? 'Nettoförändring' : 'Net change';
  },
  costTitle(region: string, lang: Lang): string {
    return lang === 'sv' ? `Merkostnad mot basåret — ${region}` : `Cost above the base year — ${region}`;
  },
  costPerYearPanel(lang: Lang): string {
    return lang === 'sv' ? 'Per år' : 'Per year';
  },
  costCumulativePanel(lang: Lang): string {
    return lang === 'sv' ? 'Ackumulerat' : 'Accumulated';
  },
  costAxis(lang: Lang): string {
    return lang === 'sv' ? 'Miljoner kronor (mnkr)' : 'SEK million';
  },
  costNote(baseYear: number, lang: Lang): string {
    return lang === 'sv'
      ? `Kostnaden för bemanningen utöver basåret ${baseYear}, i fasta priser enligt scenariots antaganden.`
      : `Workforce cost above the base year ${baseYear}, in the scenario's prices.`;
  },
  regionsTitle(first: number, last: number, lang: Lang): string {
    return lang === 'sv' ? `Invånare per läkare per region, ${first} och ${last}` : `Inhabitants per doctor by region, ${first} and ${last}`;
  },
  regionsRunNote(last: number, runs: number, seed: number, lang: Lang): string {
    return lang === 'sv'
      ? `Fylld punkt: median ${last}; band: 80 % av körningarna ${last} (${runsSeed(runs, seed, lang)}).`
      : `Filled dot: median ${last}; band: 80% of the runs in ${last} (${runsSeed(runs, seed, lang)}).`;
  },
  regionsNote(lang: Lang): string {
    return lang === 'sv' ? 'Sorterat efter slutåret; den nedersta raden är totalen.' : 'Sorted by the last year; the bottom row is the total.';
  },
  keyYear(year: number, lang: Lang): string {
    return String(year);
  },
  keyYearMedian(year: number, lang: Lang): string {
    return `${year} (median)`;
  },
  keyInterval(percent: number, lang: Lang): string {
    return intervalName(percent, lang);
  },
  yearTooltip(lang: Lang): string {
    return lang === 'sv' ? 'År' : 'Year';
  },
};

// --- Sensitivity and compare (viz/sensitivity.ts, viz/compare.ts and their charts) ---

/** Names of scenario parameters by path (without `regions[…].`), for sensitivity tables and charts. */
const PARAM_TEXT: Record<string, Bi<string>> = {
  'population.growth': { sv: 'Befolkningstillväxt per år', en: 'Population growth per year' },
  'population.coverageShare': { sv: 'Andel av befolkningen att täcka', en: 'Share of the population to cover' },
  'population.careNeedIndex': { sv: 'Vårdbehovsindex', en: 'Care-need index' },
  'norms.specialist': { sv: 'Riktvärde per specialist', en: 'Norm per specialist' },
  'norms.st': { sv: 'Riktvärde per ST-läkare', en: 'Norm per ST trainee' },
  'specialists.headcount': { sv: 'Specialister vid start', en: 'GP specialists at the start' },
  'specialists.fte': { sv: 'Tjänstgöringsgrad, specialister', en: 'FTE per specialist' },
  'specialists.attrition': { sv: 'Övriga avgångar, specialister (per år)', en: 'Other exits of specialists (per year)' },
  'specialists.retirement.meanAge': { sv: 'Pensionsålder, medelvärde', en: 'Mean retirement age' },
  'specialists.retirement.sd': { sv: 'Pensionsålder, spridning', en: 'Spread of retirement age' },
  'specialists.recruitment.perYear': { sv: 'Nettorekrytering av specialister (per år)', en: 'Net recruitment of specialists (per year)' },
  'specialists.recruitment.entryAge': { sv: 'Ålder vid rekrytering', en: 'Age of recruits' },
  'st.headcount': { sv: 'ST-läkare vid start', en: 'ST trainees at the start' },
  'st.intake': { sv: 'ST-intag (per år)', en: 'ST intake (per year)' },
  'st.targetHeadcount': { sv: 'Mål för antal ST-läkare', en: 'ST target headcount' },
  'st.dropout': { sv: 'Avbrutna ST (andel per år)', en: 'ST dropout (share per year)' },
  'st.retention': { sv: 'Nya specialister som stannar (andel)', en: 'New specialists who stay (share)' },
  'st.fillRate': { sv: 'Tillsatta ST-tjänster (andel)', en: 'ST posts filled (share)' },
  'st.fte': { sv: 'Tjänstgöringsgrad, ST-läkare', en: 'FTE per ST trainee' },
  'st.completionAge': { sv: 'Ålder vid specialistbevis', en: 'Age at specialist certification' },
  'st.trainingCapacity.maxTraineesPerSpecialistFte': { sv: 'Högst antal ST per specialistheltid', en: 'Max ST trainees per specialist FTE' },
  'st.trainingCapacity.maxTotal': { sv: 'Högst antal ST-läkare', en: 'Max ST trainees in total' },
  'st.trainingCapacity.supervisionHoursPerWeek': { sv: 'Handledning, timmar per vecka', en: 'Supervision, hours per week' },
  'costs.wageGrowth': { sv: 'Löneökning per år', en: 'Wage growth per year' },
  'costs.employerContributions': { sv: 'Personalomkostnader (PO)', en: 'Employer contributions (PO)' },
  'costs.overheadPerEmployee': { sv: 'Overhead per anställd', en: 'Overhead per employee' },
  'costs.salaryPerMonth.specialist': { sv: 'Månadslön, specialist', en: 'Monthly salary, specialist' },
  'costs.salaryPerMonth.st': { sv: 'Månadslön, ST-läkare', en: 'Monthly salary, ST trainee' },
  'costs.stTrainingCostPerYear': { sv: 'Utbildningskostnad per ST-läkare och år', en: 'Training cost per ST trainee and year' },
};

/**
 * A parameter's name for people, from its stream key: `regions[Skåne].st.dropout` → `Avbrutna ST
 * (andel per år) (Skåne)`; a series' whole-path multiplier adds `(multiplikator)`. Unknown keys
 * are shown as they are.
 */
export function paramLabel(key: string, lang: Lang): string {
  let path = key;
  let region: string | null = null;
  const m = /^regions\[([^\]]*)\]\.(.*)$/.exec(path);
  if (m) { region = m[1]; path = m[2]; }
  let suffix = '';
  if (path.endsWith('.multiplier')) { path = path.slice(0, -'.multiplier'.length); suffix = lang === 'sv' ? ' (multiplikator)' : ' (multiplier)'; }
  else if (path.endsWith('.values')) path = path.slice(0, -'.values'.length);
  const t = PARAM_TEXT[path];
  const base = t ? t[lang] : path;
  return `${base}${suffix}${region !== null ? ` (${region})` : ''}`;
}

/** `efter 2034` / `after 2034`: a year reached beyond the horizon. */
function afterYear(endYear: number, lang: Lang): string {
  return lang === 'sv' ? `efter ${endYear}` : `after ${endYear}`;
}

/** Texts of `riktvarde sensitivity`: tables, notes and charts. */
export const sensText = {
  title(scenario: string, unit: string, lang: Lang): string {
    return lang === 'sv' ? `Känslighetsanalys — ${scenario} — ${unit}` : `Sensitivity analysis — ${scenario} — ${unit}`;
  },
  /** A year reached, or `efter 2034` when not by the horizon. */
  year(y: number | null, endYear: number, lang: Lang): string {
    return y === null ? afterYear(endYear, lang) : String(y);
  },
  outcomeYear(norm: NormPair | null, lang: Lang): string {
    const n = normPair(norm, lang);
    return lang === 'sv' ? `År ${n ?? 'riktvärdet'} nås` : `Year ${n ?? 'the target is'} reached`;
  },
  outcomePerDoctor(endYear: number, lang: Lang): string {
    return lang === 'sv' ? `Invånare per läkare ${endYear}` : `Inhabitants per doctor ${endYear}`;
  },
  outcomeCost(endYear: number, lang: Lang): string {
    return lang === 'sv' ? `Ackumulerad merkostnad ${endYear} (mnkr)` : `Cumulative extra cost ${endYear} (SEK m)`;
  },
  oatHeading(lang: Lang): string {
    return lang === 'sv' ? 'En parameter i taget' : 'One parameter at a time';
  },
  oatIntro(lang: Lang): string {
    return lang === 'sv'
      ? 'Varje osäker parameter på sin 10:e och sin 90:e percentil medan de övriga står på sin median; deterministiska körningar utan slumpvariation i händelser.'
      : 'Each uncertain parameter at its 10th and at its 90th percentile while the others stay at their medians; deterministic runs without event noise.';
  },
  colParameter(lang: Lang): string {
    return 'Parameter';
  },
  colAt(lang: Lang): string {
    return lang === 'sv' ? 'Vid' : 'At';
  },
  colValue(lang: Lang): string {
    return lang === 'sv' ? 'Parameterns värde' : 'Parameter value';
  },
  /** Row names inside a parameter's block. */
  atLow(lang: Lang): string {
    return lang === 'sv' ? '10:e percentil' : '10th percentile';
  },
  atHigh(lang: Lang): string {
    return lang === 'sv' ? '90:e percentil' : '90th percentile';
  },
  swing(lang: Lang): string {
    return lang === 'sv' ? 'utslag' : 'swing';
  },
  allAtMedian(lang: Lang): string {
    return lang === 'sv' ? 'Alla parametrar på sin median' : 'All parameters at their medians';
  },
  oatNote(endYear: number, lang: Lang): string {
    return lang === 'sv'
      ? `Utslag = värdet vid 90:e percentilen − värdet vid 10:e. ”${afterYear(endYear, lang)}” = riktvärdet nås inte under perioden; i utslaget räknas det som ${endYear + 1}, så ett utslag med ≥ eller ≤ är en gräns. Ordnat efter utslaget i invånare per läkare.`
      : `Swing = the value at the 90th percentile − the value at the 10th. “${afterYear(endYear, lang)}” = the target is not reached within the horizon; in a swing it counts as ${endYear + 1}, so a swing with ≥ or ≤ is a bound. Sorted by the swing in inhabitants per doctor.`;
  },
  globalHeading(lang: Lang): string {
    return lang === 'sv' ? 'Alla parametrar samtidigt (Monte Carlo)' : 'All parameters at once (Monte Carlo)';
  },
  globalIntro(runs: number, seed: number, eventNoise: boolean, lang: Lang): string {
    return lang === 'sv'
      ? `Från ${fmtInt(runs, lang)} körningar (frö ${seed}, slumpvariation i händelser ${eventNoise ? 'på' : 'av'}) där alla osäkra parametrar dras samtidigt: partiell rangkorrelation (PRCC) och standardiserad regressionskoefficient (SRC) mellan varje parameter och varje utfall.`
      : `From ${fmtInt(runs, lang)} runs (seed ${seed}, event noise ${eventNoise ? 'on' : 'off'}) in which every uncertain parameter is drawn at once: partial rank correlation (PRCC) and standardized regression coefficient (SRC) of each parameter with each outcome.`;
  },
  colPrcc(outcome: string, lang: Lang): string {
    return `PRCC: ${outcome}`;
  },
  colSrc(outcome: string, lang: Lang): string {
    return `SRC: ${outcome}`;
  },
  /** Short outcome names for the global table's headings. */
  shortYear(lang: Lang): string {
    return lang === 'sv' ? 'år nås' : 'year reached';
  },
  shortPerDoctor(endYear: number, lang: Lang): string {
    return lang === 'sv' ? `inv. per läkare ${endYear}` : `inh. per doctor ${endYear}`;
  },
  shortCost(endYear: number, lang: Lang): string {
    return lang === 'sv' ? `merkostnad ${endYear}` : `extra cost ${endYear}`;
  },
  r2Row(lang: Lang): string {
    return lang === 'sv' ? 'R² för den linjära modellen' : 'R² of the linear model';
  },
  globalNote(noise: number | null, runs: number, endYear: number, lang: Lang): string {
    const n = noise === null ? null : fmtNum(noise, lang, 2);
    return lang === 'sv'
      ? `PRCC (−1 till 1): hur starkt utfallet stiger (+) eller sjunker (−) med parametern när de övriga hålls fast, räknat på rangordningar.${n ? ` Med ${fmtInt(runs, lang)} körningar går |PRCC| under ${n} inte att skilja från 0 (5 %-nivå).` : ''} SRC: hur många standardavvikelser utfallet ändras per standardavvikelse i parametern, i en linjär regression; R² är den andel av variationen som den linjära modellen förklarar — resten är slumpvariation i händelser, slumpvandringar och samspel. År som inte nås under perioden räknas som ${endYear + 1}. – = utfallet är detsamma i alla körningar (för året: oftast för att ingen körning når riktvärdet till och med ${endYear}), eller saknas (inga kostnader).`
      : `PRCC (-1 to 1): how strongly the outcome rises (+) or falls (-) with the parameter when the others are held fixed, on ranks.${n ? ` With ${fmtInt(runs, lang)} runs, |PRCC| below ${n} cannot be told from 0 (5% level).` : ''} SRC: by how many standard deviations the outcome moves per standard deviation of the parameter, in a linear regression; R² is the share of the variation the linear model explains — the rest is event noise, random walks and interactions. A year not reached within the horizon counts as ${endYear + 1}. – = the outcome is the same in every run (for the year reached: usually because no run reaches the target by ${endYear}), or it is missing (no costs).`;
  },
  parametersHeading(lang: Lang): string {
    return lang === 'sv' ? 'Parametrar och källor' : 'Parameters and sources';
  },
  /** `Övriga avgångar … = specialists.attrition: PERT(0.02, 0.031, 0.045); källa: … (antagande)` */
  parameterLine(label: string, key: string, dist: string, source: string | null, kind: string | null, note: string | null, lang: Lang): string {
    const kindText = kind === 'assumption' ? (lang === 'sv' ? 'antagande' : 'assumption')
      : kind === 'derived' ? (lang === 'sv' ? 'härlett' : 'derived')
      : kind === 'published' ? (lang === 'sv' ? 'publicerat' : 'published') : null;
    const src = source ? `; ${lang === 'sv' ? 'källa' : 'source'}: ${source}${kindText ? ` (${kindText})` : ''}` : '';
    return `${label} = ${key}: ${dist}${src}${note ? `. ${note}` : ''}`;
  },
  noUncertain(file: string, lang: Lang): string {
    return `${file} has no uncertain parameters (no value is given as a distribution): there is nothing for a sensitivity analysis to vary`;
  },
  // Charts
  tornadoTitle(outcome: string, lang: Lang): string {
    return lang === 'sv' ? `${outcome}: en parameter i taget` : `${outcome}: one parameter at a time`;
  },
  keyLow(lang: Lang): string {
    return lang === 'sv' ? 'Parametern på sin 10:e percentil' : 'Parameter at its 10th percentile';
  },
  keyHigh(lang: Lang): string {
    return lang === 'sv' ? 'Parametern på sin 90:e percentil' : 'Parameter at its 90th percentile';
  },
  keyBase(lang: Lang): string {
    return lang === 'sv' ? 'Alla på median' : 'All at medians';
  },
  keyOutcome(lang: Lang): string {
    return lang === 'sv' ? 'Utfall' : 'Outcome';
  },
  prccTitle(lang: Lang): string {
    return lang === 'sv' ? 'Partiell rangkorrelation (PRCC) med utfallen' : 'Partial rank correlation (PRCC) with the outcomes';
  },
  prccNoiseNote(noise: number | null, lang: Lang): string | null {
    if (noise === null) return null;
    return lang === 'sv'
      ? `Grått fält: |PRCC| under ${fmtNum(noise, lang, 2)} går inte att skilja från 0.`
      : `Grey area: |PRCC| below ${fmtNum(noise, lang, 2)} cannot be told from 0.`;
  },
  noYearEffect(endYear: number, lang: Lang): string {
    return lang === 'sv'
      ? `Ingen parameter flyttar året då riktvärdet nås inom perioden (t.o.m. ${endYear}).`
      : `No parameter moves the year the target is reached within the horizon (to ${endYear}).`;
  },
  chartSubtitle(lang: Lang): string {
    return lang === 'sv'
      ? 'Staplarna går från utfallet när alla parametrar står på sin median till utfallet när en parameter flyttas till sin 10:e respektive 90:e percentil. Längst upp: störst utslag.'
      : 'Bars run from the outcome with every parameter at its median to the outcome with one parameter moved to its 10th or its 90th percentile. Largest swing on top.';
  },
};

/** Texts of `riktvarde compare`. */
export const compareText = {
  title(lang: Lang): string {
    return lang === 'sv' ? 'Jämförelse av scenarier' : 'Scenario comparison';
  },
  subtitle(runs: number, seed: number, eventNoise: boolean, lang: Lang): string {
    return lang === 'sv'
      ? `Monte Carlo: median (80 %-intervall), ${fmtInt(runs, lang)} körningar, frö ${seed}, slumpvariation i händelser ${eventNoise ? 'på' : 'av'}; samma slumptal i alla scenarier.`
      : `Monte Carlo: median (80% interval), ${fmtInt(runs, lang)} runs, seed ${seed}, event noise ${eventNoise ? 'on' : 'off'}; the same random numbers in every scenario.`;
  },
  legend(label: string, name: string, file: string | null, lang: Lang): string {
    return `${label} = ${name}${file ? ` (${file})` : ''}`;
  },
  rowHorizon(lang: Lang): string {
    return lang === 'sv' ? 'Period' : 'Horizon';
  },
  rowUnit(lang: Lang): string {
    return 'Region';
  },
  rowCountBasis(lang: Lang): string {
    return lang === 'sv' ? 'Räknebas' : 'Count basis';
  },
  countBasisShort(basis: string, lang: Lang): string {
    if (basis === 'health-centres') return lang === 'sv' ? 'vårdcentraler' : 'health centres';
    if (basis === 'all-sectors') return lang === 'sv' ? 'alla sektorer' : 'all sectors';
    return basis;
  },
  rowNorm(lang: Lang): string {
    return lang === 'sv' ? 'Riktvärde (specialist/ST)' : 'Norm (specialist/ST)';
  },
  rowReached(lang: Lang): string {
    return lang === 'sv' ? 'År riktvärdet nås första gången' : 'First year the target is reached';
  },
  rowSustained(lang: Lang): string {
    return lang === 'sv' ? 'Håller sedan från (median)' : 'Holds from (median)';
  },
  rowProbReached(end: number | null, lang: Lang): string {
    return lang === 'sv'
      ? `Sannolikhet att det nås ${end === null ? 'under perioden' : `t.o.m. ${end}`}`
      : `Probability reached ${end === null ? 'within the horizon' : `by ${end}`}`;
  },
  rowProbHolds(end: number | null, lang: Lang): string {
    return lang === 'sv'
      ? `Sannolikhet att det håller ${end === null ? 'sista året' : end}`
      : `Probability it holds in ${end === null ? 'the last year' : end}`;
  },
  rowPerDoctor(end: number | null, lang: Lang): string {
    return lang === 'sv' ? `Invånare per läkare ${end ?? 'sista året'}` : `Inhabitants per doctor ${end ?? 'in the last year'}`;
  },
  rowSpecialists(end: number | null, lang: Lang): string {
    return lang === 'sv' ? `Specialister ${end ?? 'sista året'} (antal)` : `GP specialists ${end ?? 'in the last year'} (headcount)`;
  },
  rowSt(end: number | null, lang: Lang): string {
    return lang === 'sv' ? `ST-läkare totalt ${end ?? 'sista året'} (antal)` : `ST trainees, all, ${end ?? 'in the last year'} (headcount)`;
  },
  rowGap(end: number | null, lang: Lang): string {
    return lang === 'sv' ? `Specialistunderskott ${end ?? 'sista året'} (heltider)` : `Specialist shortfall ${end ?? 'in the last year'} (FTE)`;
  },
  rowCost(end: number | null, lang: Lang): string {
    return lang === 'sv' ? `Ackumulerad merkostnad ${end ?? 'sista året'} (mnkr)` : `Cumulative extra cost ${end ?? 'in the last year'} (SEK m)`;
  },
  rowCostPerInhabitant(lang: Lang): string {
    return lang === 'sv' ? 'Merkostnad per tillkommen invånare (kr)' : 'Cost per additional inhabitant (SEK)';
  },
  rowCoverage(end: number | null, lang: Lang): string {
    return lang === 'sv' ? `Täckningsgrad ${end ?? 'sista året'} (%)` : `Coverage ${end ?? 'in the last year'} (%)`;
  },
  /** A year, or `efter 2034`. */
  year(y: number | null, endYear: number, lang: Lang): string {
    return y === null ? afterYear(endYear, lang) : String(y);
  },
  never(lang: Lang): string {
    return lang === 'sv' ? 'aldrig' : 'never';
  },
  /** A difference of probabilities: `+65 p.e.` / `+65 pp`. */
  points(share: number | null, lang: Lang): string {
    if (share === null || !Number.isFinite(share)) return '\u2013';
    const v = fmtSigned(share * 100, lang, 0);
    return lang === 'sv' ? `${v} p.e.` : `${v} pp`;
  },
  diffNote(lang: Lang): string {
    return lang === 'sv'
      ? 'B − A: skillnaden mellan medianerna; inom parentes 80 %-intervallet för skillnaden körning för körning (scenarierna har samma slumptal). Ett år ”efter” perioden räknas som året efter, så ≤ och ≥ är gränser. p.e. = procentenheter.'
      : 'B − A: the difference of the medians; in brackets the 80% interval of the run-by-run difference (the scenarios share their random numbers). A year “after” the horizon counts as the year after it, so ≤ and ≥ are bounds. pp = percentage points.';
  },
  costPerInhabitantNote(lang: Lang): string {
    return lang === 'sv'
      ? 'Merkostnad per tillkommen invånare = skillnaden i förväntad ackumulerad merkostnad ÷ skillnaden i förväntad kapacitet sista året (invånare, båda värderade med A:s riktvärden, så att ett ändrat riktvärde i sig inte räknas); – när kapaciteten inte ökar. Kapacitet utöver befolkningen att täcka räknas också (se täckningsgraden). Täckningsgrad = kapacitet / befolkning att täcka.'
      : 'Cost per additional inhabitant = the difference in expected cumulative extra cost ÷ the difference in expected capacity in the last year (inhabitants covered, both valued at A’s norms, so a changed norm by itself does not count); – when capacity does not increase. Capacity beyond the population to cover counts too (see coverage). Coverage = capacity / population to cover.';
  },
  perDoctorNote(lang: Lang): string {
    return lang === 'sv'
      ? 'Invånare per läkare = befolkning / (specialister + listningsbara ST-läkare). Riktvärdet nås när kapaciteten (specialister × riktvärdet + listningsbara ST × ST-riktvärdet) räcker till hela befolkningen att täcka.'
      : 'Inhabitants per doctor = population / (specialists + listable ST trainees). The target is reached when capacity (specialists × the norm + listable ST × the ST norm) covers the whole population to cover.';
  },
  warnCountBasis(lang: Lang): string {
    return lang === 'sv'
      ? 'Obs: scenarierna utgår från olika räknebas (alla sektorer mot vårdcentraler); invånare per läkare och antal specialister går inte att jämföra mellan dem.'
      : 'Note: the scenarios start from different specialist counts (all sectors against health centres); inhabitants per doctor and specialist numbers are not comparable between them.';
  },
  normChanges(lang: Lang): string {
    return lang === 'sv'
      ? 'Obs: riktvärdet ändras under perioden (→). ”Nås första gången” avser det riktvärde som gäller det året; om det håller till slutet visar raden ”Sannolikhet att det håller”.'
      : 'Note: the norm changes during the horizon (→). “First reached” is against the norm of that year; whether it holds to the end is in the row “Probability it holds”.';
  },
  warnHorizon(lang: Lang): string {
    return lang === 'sv'
      ? 'Obs: scenarierna har olika perioder; ”sista året” är varje scenarios eget sista år.'
      : 'Note: the scenarios have different horizons; “the last year” is each scenario’s own last year.';
  },
  /** Warnings printed on stderr (English: messages to the user, not report text). */
  stderrCountBasis(bases: string[]): string {
    return `warning: the scenarios use different count bases (${bases.join(', ')}): inhabitants per doctor is not comparable between them`;
  },
  stderrHorizon(horizons: string[]): string {
    return `warning: the scenarios have different horizons (${horizons.join(', ')}): last-year values are for different years`;
  },
  // Chart
  chartTitle(lang: Lang): string {
    return lang === 'sv' ? 'Invånare per läkare: scenarierna jämförda' : 'Inhabitants per doctor: the scenarios compared';
  },
  chartSubtitle(runs: number, seed: number, lang: Lang): string {
    return lang === 'sv'
      ? `Linjer: median; band: 80 % av körningarna (${fmtInt(runs, lang)} körningar, frö ${seed}, samma slumptal i alla scenarier). Streckad linje: riktvärdet per specialist.`
      : `Lines: median; bands: 80% of the runs (${fmtInt(runs, lang)} runs, seed ${seed}, the same random numbers in every scenario). Dashed line: the norm per specialist.`;
  },
  keyNorm(norm: number, lang: Lang): string {
    return lang === 'sv' ? `Riktvärde ${normNum(norm, lang)}` : `Norm ${normNum(norm, lang)}`;
  },
};

// --- HTML report (viz/report.ts) and workbook (viz/xlsx.ts) ---

const KIND_TEXT: Record<string, Bi<string>> = {
  published: { sv: 'Publicerad', en: 'Published' },
  assumption: { sv: 'Antagande', en: 'Assumption' },
  derived: { sv: 'Härledd', en: 'Derived' },
  default: { sv: 'Standardvärde', en: 'Default' },
  unsourced: { sv: 'Utan källa', en: 'No source' },
};

/** Texts of the HTML report and the workbook. Every function takes the language last. */
export const reportText = {
  /** `<html lang>` */
  htmlLang(lang: Lang): string {
    return lang;
  },
  docTitle(names: string[], lang: Lang): string {
    return (lang === 'sv' ? 'Rapport: ' : 'Report: ') + names.join(' · ');
  },
  kicker(lang: Lang): string {
    return lang === 'sv'
      ? 'Fast läkarkontakt i primärvården: när nås riktvärdet 1100/550?'
      : 'A named GP in primary care: when is the 1100/550 norm reached?';
  },
  /** The answer in words, at the top. */
  headline(r: McReachedInfo, region: string, lang: Lang): string {
    const n = normPair(r.norm, lang) ?? (lang === 'sv' ? 'riktvärdet' : 'the target');
    const p = fmtProb(r.probability, lang);
    const range = r.p10 === r.p90 ? yearOrNever(r.p10, r.endYear, lang) : `${yearOrNever(r.p10, r.endYear, lang)} – ${yearOrNever(r.p90, r.endYear, lang)}`;
    if (lang === 'sv') {
      if (r.median !== null) {
        return `${region}: med scenariots antaganden nås ${n} år ${r.median} (median); ${intervalName(80, lang)} ${range}; sannolikhet att det nås till och med ${r.endYear}: ${p}.`;
      }
      const early = r.p10 !== null ? ` I de 10 % snabbaste körningarna nås det senast ${r.p10}.` : '';
      return `${region}: med scenariots antaganden nås ${n} inte till och med ${r.endYear} i medianfallet; sannolikheten att det nås till och med ${r.endYear} är ${p}.${early}`;
    }
    if (r.median !== null) {
      return `${region}: with the scenario's assumptions, ${n} is reached in ${r.median} (median); ${intervalName(80, lang)} ${range}; probability of reaching it by ${r.endYear}: ${p}.`;
    }
    const early = r.p10 !== null ? ` In the fastest 10% of runs it is reached by ${r.p10}.` : '';
    return `${region}: with the scenario's assumptions, ${n} is not reached by ${r.endYear} in the median run; the probability of reaching it by ${r.endYear} is ${p}.${early}`;
  },
  keyFigures(lang: Lang): string {
    return lang === 'sv' ? 'Nyckeltal' : 'Key figures';
  },
  /** `Invånare per läkare: 1 894 (2024) → 1 546 (2034)` */
  fromTo(label: string, a: string, ya: number, b: string, yb: number, lang: Lang): string {
    return `${label}: ${a} (${ya}) → ${b} (${yb})`;
  },
  median(lang: Lang): string {
    return 'median';
  },
  costLastYear(year: number, lang: Lang): string {
    return lang === 'sv' ? `Merkostnad mot basåret ${year}` : `Cost above the base year in ${year}`;
  },
  costAccumulated(first: number, last: number, lang: Lang): string {
    return lang === 'sv' ? `Ackumulerad merkostnad ${first}–${last}` : `Accumulated cost ${first}–${last}`;
  },
  gapLastYear(year: number, lang: Lang): string {
    return lang === 'sv' ? `Specialistunderskott ${year} (heltider som saknas för riktvärdet)` : `Specialist shortfall in ${year} (FTE missing for the target)`;
  },
  sectionAnswer(lang: Lang): string {
    return lang === 'sv' ? 'Svar' : 'Answer';
  },
  sectionCharts(lang: Lang): string {
    return lang === 'sv' ? 'Diagram' : 'Charts';
  },
  sectionAppendix(lang: Lang): string {
    return lang === 'sv' ? 'Bilaga: år för år' : 'Appendix: year by year';
  },
  sectionAssumptions(lang: Lang): string {
    return lang === 'sv' ? 'Antaganden och källor' : 'Assumptions and sources';
  },
  sectionReproduce(lang: Lang): string {
    return lang === 'sv' ? 'Så återskapas rapporten' : 'How to reproduce this report';
  },
  appendixNote(lang: Lang): string {
    return lang === 'sv'
      ? 'Varje cell: medianen över körningarna; under den 80 %-intervallet (10:e–90:e percentilen) när det skiljer sig från medianen.'
      : 'Each cell: the median over the runs; below it the 80% interval (10th–90th percentile) where it differs from the median.';
  },
  probabilityRow(lang: Lang): string {
    return lang === 'sv' ? 'Sannolikhet att riktvärdet har nåtts (%)' : 'Probability the target has been reached (%)';
  },
  colParameter(lang: Lang): string {
    return lang === 'sv' ? 'Parameter' : 'Parameter';
  },
  colValue(lang: Lang): string {
    return lang === 'sv' ? 'Värde' : 'Value';
  },
  colKind(lang: Lang): string {
    return lang === 'sv' ? 'Typ' : 'Kind';
  },
  colSource(lang: Lang): string {
    return lang === 'sv' ? 'Källa' : 'Source';
  },
  colNote(lang: Lang): string {
    return lang === 'sv' ? 'Kommentar' : 'Note';
  },
  colId(lang: Lang): string {
    return 'Id';
  },
  colTitle(lang: Lang): string {
    return lang === 'sv' ? 'Titel' : 'Title';
  },
  colPublisher(lang: Lang): string {
    return lang === 'sv' ? 'Utgivare' : 'Publisher';
  },
  colYear(lang: Lang): string {
    return lang === 'sv' ? 'År' : 'Year';
  },
  colUrl(lang: Lang): string {
    return lang === 'sv' ? 'Länk' : 'Link';
  },
  colField(lang: Lang): string {
    return lang === 'sv' ? 'Fält' : 'Field';
  },
  colLabel(lang: Lang): string {
    return lang === 'sv' ? 'Benämning' : 'Label';
  },
  colUnit(lang: Lang): string {
    return lang === 'sv' ? 'Enhet' : 'Unit';
  },
  allRegions(lang: Lang): string {
    return lang === 'sv' ? 'alla' : 'all';
  },
  kind(kind: string, lang: Lang): string {
    return KIND_TEXT[kind]?.[lang] ?? kind;
  },
  kindsNote(lang: Lang): string {
    return lang === 'sv'
      ? 'Publicerad = ett publicerat tal; Antagande = ett antagande som scenariot anger källan eller skälet till; Standardvärde = programmets förval (skälet står som kommentar); Utan källa = scenariot anger ingen källa.'
      : 'Published = a published figure; Assumption = an assumption the scenario gives a source or reason for; Default = the program’s default (the reason is the note); No source = the scenario gives no source.';
  },
  sourcesTitle(lang: Lang): string {
    return lang === 'sv' ? 'Källförteckning' : 'Sources';
  },
  reproduceIntro(lang: Lang): string {
    return lang === 'sv'
      ? 'Samma scenariofil, frö och antal körningar ger exakt samma tal. Kör:'
      : 'The same scenario file, seed and number of runs give exactly the same numbers. Run:';
  },
  metaRuns(lang: Lang): string {
    return lang === 'sv' ? 'Körningar' : 'Runs';
  },
  metaSeed(lang: Lang): string {
    return lang === 'sv' ? 'Frö' : 'Seed';
  },
  metaEventNoise(lang: Lang): string {
    return lang === 'sv' ? 'Slumpvariation i händelser' : 'Event noise';
  },
  metaVersion(lang: Lang): string {
    return lang === 'sv' ? 'Programversion' : 'Program version';
  },
  metaFile(lang: Lang): string {
    return lang === 'sv' ? 'Scenariofil' : 'Scenario file';
  },
  metaQuantiles(lang: Lang): string {
    return lang === 'sv' ? 'Kvantiler' : 'Quantiles';
  },
  metaCharts(lang: Lang): string {
    return lang === 'sv' ? 'Diagram' : 'Charts';
  },
  chartsBy(vegaVersion: string, lang: Lang): string {
    return lang === 'sv' ? `ritade med Vega ${vegaVersion} (inbäddat; rapporten fungerar utan nätverk)` : `drawn with Vega ${vegaVersion} (embedded; the report works offline)`;
  },
  noScript(lang: Lang): string {
    return lang === 'sv' ? 'Diagrammen ritas med JavaScript; slå på JavaScript för att se dem.' : 'The charts are drawn with JavaScript; turn it on to see them.';
  },
  chartFailed(lang: Lang): string {
    return lang === 'sv' ? 'Diagrammet kunde inte ritas.' : 'The chart could not be drawn.';
  },
  on(lang: Lang): string {
    return lang === 'sv' ? 'på' : 'on';
  },
  off(lang: Lang): string {
    return lang === 'sv' ? 'av' : 'off';
  },
  // Several scenarios: the comparison at the top
  /** `A: Region Halland – …` above a scenario's own sections. */
  scenarioTitle(label: string, name: string, lang: Lang): string {
    return `${label}: ${name}`;
  },
  /** `B against A in words: …` one sentence per scenario after the first. */
  compareHeadline(d: CompareHeadlineInfo, lang: Lang): string {
    const n = normPair(d.norm, lang) ?? (lang === 'sv' ? 'riktvärdet' : 'the target');
    const p = (x: number | null) => fmtProb(x, lang);
    const mkr = d.costDiff === null ? null : fmtSigned(d.costDiff / 1e6, lang, 0);
    if (lang === 'sv') {
      const y = (v: number | null, end: number) => (v === null ? afterYear(end, lang) : String(v));
      const yb = y(d.yearB, d.endB), ya = y(d.yearA, d.endA);
      const parts = [yb !== ya || d.endA !== d.endB
        ? `Med ${d.b} nås ${n} ${yb} (median) i stället för ${ya} med ${d.a}`
        : d.yearB === null
          ? `Med ${d.b}, som med ${d.a}, nås ${n} inte till och med ${d.endB} (median)`
          : `Med ${d.b} nås ${n} ${yb} (median), samma år som med ${d.a}`];
      parts.push(`sannolikhet ${d.end === null ? 'att det nås under perioden' : `till och med ${d.end}`}: ${p(d.probB)} mot ${p(d.probA)}`);
      if (mkr !== null) parts.push(`merkostnad ${d.end === null ? 'under perioden' : `till och med ${d.end}`}: ${mkr} mnkr`);
      return parts.join('; ') + '.';
    }
    const y = (v: number | null, end: number) => (v === null ? afterYear(end, lang) : `in ${v}`);
    const yb = y(d.yearB, d.endB), ya = y(d.yearA, d.endA);
    const parts = [yb !== ya || d.endA !== d.endB
      ? `With ${d.b}, ${n} is reached ${yb} (median) instead of ${ya} with ${d.a}`
      : d.yearB === null
        ? `With ${d.b}, as with ${d.a}, ${n} is not reached by ${d.endB} (median)`
        : `With ${d.b}, as with ${d.a}, ${n} is reached ${yb} (median)`];
    parts.push(`probability ${d.end === null ? 'of reaching it within the horizon' : `by ${d.end}`}: ${p(d.probB)} against ${p(d.probA)}`);
    if (mkr !== null) parts.push(`extra cost ${d.end === null ? 'over the horizon' : `to ${d.end}`}: SEK ${mkr} m`);
    return parts.join('; ') + '.';
  },
  compareIntro(lang: Lang): string {
    return lang === 'sv'
      ? 'Alla scenarier är körda med samma frö och antal körningar, alltså samma slumptal: skillnaderna visar vad som skiljer scenarierna åt, inte slumpen. Varje scenario redovisas i sin helhet längre ned.'
      : 'Every scenario is run with the same seed and number of runs, so with the same random numbers: the differences show what differs between the scenarios, not chance. Each scenario follows in full further down.';
  },
  compareTableTitle(lang: Lang): string {
    return lang === 'sv' ? 'Scenarierna sida vid sida' : 'The scenarios side by side';
  },
  // Workbook
  sheetAppendix(lang: Lang): string {
    return lang === 'sv' ? 'Bilaga' : 'Appendix';
  },
  sheetQuantiles(lang: Lang): string {
    return lang === 'sv' ? 'Kvantiler' : 'Quantiles';
  },
  sheetValues(lang: Lang): string {
    return lang === 'sv' ? 'Alla värden' : 'All values';
  },
  sheetAssumptions(lang: Lang): string {
    return lang === 'sv' ? 'Antaganden' : 'Assumptions';
  },
  xlsxMedianNote(runs: number, seed: number, lang: Lang): string {
    return lang === 'sv'
      ? `Medianer över ${fmtInt(runs, lang)} körningar (frö ${seed}); intervall per år och fält finns på bladet Kvantiler.`
      : `Medians over ${fmtInt(runs, lang)} runs (seed ${seed}); intervals per year and field are on the sheet Quantiles.`;
  },
  colRegionYear(lang: Lang): [string, string] {
    return lang === 'sv' ? ['Region', 'År'] : ['Region', 'Year'];
  },
  colValueRaw(lang: Lang): string {
    return lang === 'sv' ? 'Värde' : 'Value';
  },
  colMean(lang: Lang): string {
    return lang === 'sv' ? 'Medelvärde' : 'Mean';
  },
};
