/** Swedish texts: the HTML report and the workbook. Typed by `../types.ts`, so a missing text fails the type-check. */
import { fmt, intervalName, yearOrNever, normPair, afterYear } from './common.js';
import { reachedButLost, type McReachedInfo, type CompareHeadlineInfo } from '../info.js';
import type { ReportTexts } from '../types.js';

// --- HTML report (viz/report.ts) and workbook (viz/xlsx.ts) ---
const KIND_TEXT: Record<string, string> = {
  published: 'Publicerad',
  assumption: 'Antagande',
  derived: 'Härledd',
  default: 'Standardvärde',
  unsourced: 'Utan källa',
};

/** Texts of the HTML report and the workbook. */
export const report: ReportTexts = {
  /** The 80 % interval's name in a key figure. */
  pct80(): string {
    return '80 %';
  },
  /** `<html lang>` */
  htmlLang(): string {
    return 'sv';
  },
  docTitle(names: string[]): string {
    return 'Rapport: ' + names.join(' · ');
  },
  kicker(): string {
    return 'Fast läkarkontakt i primärvården: när nås riktvärdet 1100/550?';
  },
  /** The answer in words, at the top. */
  headline(r: McReachedInfo, region: string): string {
    const n = normPair(r.norm) ?? 'riktvärdet';
    const p = fmt.prob(r.probability);
    const range = r.p10 === r.p90 ? yearOrNever(r.p10, r.endYear) : `${yearOrNever(r.p10, r.endYear)} – ${yearOrNever(r.p90, r.endYear)}`;
    if (r.median !== null) {
        return `${region}: med scenariots antaganden nås ${n} år ${r.median} (median); ${intervalName(80)} ${range}; sannolikhet att det nås till och med ${r.endYear}: ${p}.${reachedButLost(r) ? ` Det består inte: ${r.endYear} håller det bara i ${fmt.prob(r.holdsAtEnd)} av körningarna.` : ''}`;
      }
      const early = r.p10 !== null ? ` I de 10 % snabbaste körningarna nås det senast ${r.p10}.` : '';
      return `${region}: med scenariots antaganden nås ${n} inte till och med ${r.endYear} i medianfallet; sannolikheten att det nås till och med ${r.endYear} är ${p}.${early}`;
  },
  keyFigures(): string {
    return 'Nyckeltal';
  },
  /** `Invånare per läkare: 1 894 (2024) → 1 546 (2034)` */
  fromTo(label: string, a: string, ya: number, b: string, yb: number): string {
    return `${label}: ${a} (${ya}) → ${b} (${yb})`;
  },
  median(): string {
    return 'median';
  },
  costLastYear(year: number): string {
    return `Merkostnad mot basåret ${year}`;
  },
  costAccumulated(first: number, last: number): string {
    return `Ackumulerad merkostnad ${first}–${last}`;
  },
  gapLastYear(year: number): string {
    return `Specialistunderskott ${year} (heltider som saknas för riktvärdet)`;
  },
  sectionAnswer(): string {
    return 'Svar';
  },
  sectionCharts(): string {
    return 'Diagram';
  },
  sectionAppendix(): string {
    return 'Bilaga: år för år';
  },
  sectionAssumptions(): string {
    return 'Antaganden och källor';
  },
  sectionReproduce(): string {
    return 'Så återskapas rapporten';
  },
  appendixNote(): string {
    return 'Varje cell: medianen över körningarna; under den 80 %-intervallet (10:e–90:e percentilen) när det skiljer sig från medianen.';
  },
  appendixPrintNote(): string {
    return 'På papper står intervallen för bemanning, kapacitet och kostnad; befolkning och flöden som medianer (alla intervall finns i HTML-rapporten).';
  },
  overviewPrintNote(): string {
    return 'På papper visas totalens årstabell; varje regions siffror finns i diagrammet per region (sidan 2), HTML-rapportens översiktstabell och arbetsboken (--out x.xlsx).';
  },
  probabilityRow(): string {
    return 'Sannolikhet att riktvärdet har nåtts (%)';
  },
  colParameter(): string {
    return 'Parameter';
  },
  colValue(): string {
    return 'Värde';
  },
  colKind(): string {
    return 'Typ';
  },
  colSource(): string {
    return 'Källa';
  },
  colNote(): string {
    return 'Kommentar';
  },
  colId(): string {
    return 'Id';
  },
  colTitle(): string {
    return 'Titel';
  },
  colPublisher(): string {
    return 'Utgivare';
  },
  colYear(): string {
    return 'År';
  },
  colUrl(): string {
    return 'Länk';
  },
  colField(): string {
    return 'Fält';
  },
  colLabel(): string {
    return 'Benämning';
  },
  colUnit(): string {
    return 'Enhet';
  },
  allRegions(): string {
    return 'alla';
  },
  kind(kind: string): string {
    return KIND_TEXT[kind] ?? kind;
  },
  kindsNote(): string {
    return 'Publicerad = ett publicerat tal; Antagande = ett antagande som scenariot anger källan eller skälet till; Standardvärde = programmets förval (skälet står som kommentar); Utan källa = scenariot anger ingen källa.';
  },
  sourcesTitle(): string {
    return 'Källförteckning';
  },
  reproduceIntro(): string {
    return 'Samma scenariofil, frö och antal körningar ger exakt samma tal. Kör:';
  },
  metaRuns(): string {
    return 'Körningar';
  },
  metaSeed(): string {
    return 'Frö';
  },
  metaEventNoise(): string {
    return 'Slumpvariation i händelser';
  },
  metaVersion(): string {
    return 'Programversion';
  },
  metaFile(): string {
    return 'Scenariofil';
  },
  metaQuantiles(): string {
    return 'Kvantiler';
  },
  metaCharts(): string {
    return 'Diagram';
  },
  chartsBy(vegaVersion: string): string {
    return `ritade med Vega ${vegaVersion} (inbäddat; rapporten fungerar utan nätverk)`;
  },
  noScript(): string {
    return 'Diagrammen ritas med JavaScript; slå på JavaScript för att se dem.';
  },
  chartFailed(): string {
    return 'Diagrammet kunde inte ritas.';
  },
  on(): string {
    return 'på';
  },
  off(): string {
    return 'av';
  },
  // Several scenarios: the comparison at the top
  /** `A: Region Halland – …` above a scenario's own sections. */
  scenarioTitle(label: string, name: string): string {
    return `${label}: ${name}`;
  },
  /** `B against A in words: …` one sentence per scenario after the first. */
  compareHeadline(d: CompareHeadlineInfo): string {
    const n = normPair(d.norm) ?? 'riktvärdet';
    const p = (x: number | null) => fmt.prob(x);
    const mkr = d.costDiff === null ? null : fmt.signed(d.costDiff / 1e6, 0);
    const y = (v: number | null, end: number) => (v === null ? afterYear(end) : String(v));
      const yb = y(d.yearB, d.endB), ya = y(d.yearA, d.endA);
      const parts = [yb !== ya || d.endA !== d.endB
        ? `Med ${d.b} nås ${n} ${yb} (median) i stället för ${ya} med ${d.a}`
        : d.yearB === null
          ? `Med ${d.b}, som med ${d.a}, nås ${n} inte till och med ${d.endB} (median)`
          : `Med ${d.b} nås ${n} ${yb} (median), samma år som med ${d.a}`];
      parts.push(`sannolikhet ${d.end === null ? 'att det nås under perioden' : `till och med ${d.end}`}: ${p(d.probB)} mot ${p(d.probA)}`);
      const peak = (v: { value: number; year: number } | null | undefined, f: (x: number) => string) => (v ? `${f(v.value)} år ${v.year}` : '–');
      const versus = (b: string, a: string) => (a === b ? `${b}, som med ${d.a}` : `${b} i stället för ${a}`);
      const st = (x: number) => fmt.int(x), mkrAt = (x: number) => `${fmt.int(x / 1e6)} mnkr`;
      if (d.peakStA !== undefined && d.peakStB !== undefined) parts.push(`ST-läkarna är som flest ${versus(peak(d.peakStB, st), peak(d.peakStA, st))}`);
      if (d.peakCostA && d.peakCostB) parts.push(`merkostnaden per år är som högst ${versus(peak(d.peakCostB, mkrAt), peak(d.peakCostA, mkrAt))}`);
      if (mkr !== null) parts.push(`merkostnad ${d.end === null ? 'under perioden' : `till och med ${d.end}`}: ${mkr} mnkr`);
      return parts.join('; ') + '.';
  },
  compareIntro(): string {
    return 'Alla scenarier är körda med samma frö och antal körningar, alltså samma slumptal: skillnaderna visar vad som skiljer scenarierna åt, inte slumpen. Varje scenario redovisas i sin helhet längre ned.';
  },
  compareTableTitle(): string {
    return 'Scenarierna sida vid sida';
  },
  // Workbook
  sheetAppendix(): string {
    return 'Bilaga';
  },
  sheetQuantiles(): string {
    return 'Kvantiler';
  },
  sheetValues(): string {
    return 'Alla värden';
  },
  sheetAssumptions(): string {
    return 'Antaganden';
  },
  xlsxMedianNote(runs: number, seed: number): string {
    return `Medianer över ${fmt.int(runs)} körningar (frö ${seed}); intervall per år och fält finns på bladet Kvantiler.`;
  },
  colRegionYear(): [string, string] {
    return ['Region', 'År'];
  },
  colValueRaw(): string {
    return 'Värde';
  },
  colMean(): string {
    return 'Medelvärde';
  },
  csvProbability(name: string): string {
    return ({ probabilityReachedBy: 'Sannolikhet nått senast året', probabilityHolds: 'Sannolikhet att riktvärdet håller året', probabilityReachedBySpecialistsOnly: 'Sannolikhet nått med enbart specialister' } as Record<string, string>)[name] ?? name;
  },
  quantileText(): string {
    return 'kvantiler per år: Hyndman–Fan typ 7 (som R och NumPy); år då riktvärdet nås: det första år då minst andelen p av körningarna har nått det, "inte till och med slutåret" sist';
  },
  sheetInputs(): string {
    return 'Indata';
  },
  inputsTitle(): string {
    return 'Indata för kostnaderna';
  },
  inputsNote(appendix: string): string {
    return `Ändra en blå cell: kostnadsraderna på bladet ${appendix} räknas om. Värdena är scenariots (medelvärdet när scenariot anger en fördelning).`;
  },
  inputLabel(key): string {
    return {
      salarySpecialist: 'Månadslön, specialist (kr, heltid)',
      salarySt: 'Månadslön, ST-läkare (kr, heltid)',
      employerContributions: 'Personalomkostnader (PO-påslag, andel av lön)',
      overheadPerEmployee: 'Gemensamma kostnader per anställd (kr per år)',
      stTrainingCost: 'Utbildningskostnad per ST-läkare (kr per år)',
      wageGrowth: 'Löneökning utöver prisbasen (andel per år)',
      priceBaseYear: 'Prisbasår',
      stFte: 'Tjänstgöringsgrad, ST-läkare (heltider per person)',
    }[key];
  },
  inputsOthersCosted(regions: string[]): string {
    return `${regions.join(', ')}: kostnaden omfattar även övriga specialister, vars löner inte är rader i tabellen; där är kostnadsraderna tal, inte formler.`;
  },
  inputsMcNote(): string {
    return 'Monte Carlo: kostnadsraderna räknas från medianerna av antalen; p10 och p90 under dem är körningarnas egna kvantiler (tal).';
  },
  costFormulaNote(inputs: string): string {
    return `Kostnadsraderna är formler av antalen ovan och bladet ${inputs}.`;
  },
  costFormulaNoteMc(inputs: string): string {
    return `Kostnadsraderna är formler av medianantalen ovan och bladet ${inputs} (kostnaden för medianbemanningen); p10 och p90 är körningarnas kvantiler.`;
  },
  colKey(): string {
    return 'Nyckel (för --set)';
  },
};
