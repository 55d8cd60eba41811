/** Swedish texts: the assumptions list of the report and the workbook. Typed by `../types.ts`, so a missing text fails the type-check. */
import type { DefaultKey } from '../../../scenario/defaults.js';
import type { AssumptionTexts } from '../types.js';
import { paramLabelFrom, valueTextWith } from '../shared.js';
import { fmt } from './common.js';
import { PARAM_TEXT } from './analysis.js';

/** Every parameter path a scenario can give, by `paramPathKey` (list indices as `[]`). */
const LABELS: Record<string, string> = {
  ...PARAM_TEXT,
  'population.start': 'Befolkning vid start',
  'population.table': 'Befolkningsprognos per år',
  'population.growth': 'Befolkningstillväxt per år (andel)',
  'norms.specialist': 'Riktvärde: invånare per specialistheltid',
  'norms.st': 'Riktvärde: invånare per listningsbar ST-heltid',
  'specialists.headcountInclListableSt': 'Specialister inkl. listningsbara ST (Tabell 1)',
  'specialists.ageBands': 'Specialister efter ålder (andelar)',
  'specialists.retirement.byAge': 'Andel som går i pension per år, efter ålder',
  'st.byTrainingYear': 'ST-läkare per utbildningsår vid start (andelar)',
  'st.trainingLength': 'ST-tidens längd i kalenderår (andelar)',
  'st.listable': 'Listningsbara ST-läkare',
  'st.trainingCapacity.hoursPerFte': 'Timmar per heltid och vecka',
  'otherSpecialists[].headcount': 'Övriga listningsbara specialister vid start',
  'otherSpecialists[].fte': 'Tjänstgöringsgrad, övriga specialister',
  'otherSpecialists[].attrition': 'Avgångar, övriga specialister (andel per år)',
  'otherSpecialists[].recruitment': 'Rekrytering, övriga specialister (per år)',
  'otherSpecialists[].norm': 'Riktvärde per övrig specialistheltid',
  'otherSpecialists[].salaryPerMonth': 'Månadslön, övriga specialister',
  'costs.priceBaseYear': 'Prisbasår',
  'costs.employerContributions': 'Personalomkostnader (PO-påslag, andel av lön)',
  'costs.overheadPerEmployee': 'Gemensamma kostnader per anställd (kr per år)',
  'costs.salaryPerMonth.specialist': 'Månadslön, specialist (kr)',
  'costs.salaryPerMonth.st': 'Månadslön, ST-läkare (kr)',
  'costs.stTrainingCostPerYear': 'Utbildningskostnad per ST-läkare och år (kr)',
  'otherSpecialists[].ageRange': 'Åldrar som övriga specialister betjänar',
  'population.careNeedByAge': 'Vårdbehovsvikt efter ålder',
  'population.careNeedByAge.referenceMix': 'Referensfördelning för vårdbehovsvikterna',
  'specialists.targetHeadcount': 'Mål för antal specialister',
  'st.targetCompletions': 'Mål för antal färdiga ST per år',
};

const PATTERNS: [RegExp, string][] = [
  [/^population\.ageGroups\.([^.]+)\.start$/, 'Befolkning $1 år vid start'],
  [/^population\.ageGroups\.([^.]+)\.table$/, 'Befolkning $1 år, prognos per år'],
  [/^population\.ageGroups\.([^.]+)\.growth$/, 'Befolkningstillväxt per år, $1 år (andel)'],
  [/^population\.careNeedByAge\.weights\.([^.]+)$/, 'Vårdbehovsvikt, $1 år'],
];

const REASONS: Record<DefaultKey, string> = {
  normSpecialist: 'Socialstyrelsen, Nationellt riktvärde för fast läkarkontakt (2022): 1100 invånare per specialistheltid i allmänmedicin',
  normSt: 'Socialstyrelsen (2022): 550 invånare per ST-läkare i allmänmedicin',
  coverageShare: 'riktvärdet gäller alla invånare',
  careNeedIndex: 'ingen viktning för vårdbehov om inte scenariot anger en',
  careNeedByAge: 'ingen viktning för vårdbehov efter ålder om inte scenariot anger vikter',
  fte: 'riktvärdet räknar med heltid',
  fillRate: 'alla utlysta tjänster tillsätts om inte scenariot anger något annat',
  listable: 'Tabell 1 (Socialstyrelsen 2022) räknar hälften av alla ST-läkare som tillgängliga',
  recruitment: 'ingen nettorekrytering utifrån om inte scenariot anger en',
  recruitmentWithPath: 'med specialists.targetHeadcount är rekryteringen varje år det som banan kräver utöver de färdiga ST-läkare som stannar (se raden för rekrytering)',
  recruitmentAge: 'programmets förval; påverkar bara när de rekryterade går i pension',
  wageGrowth: 'fasta priser, som i Region Stockholms handlingsplan',
  otherAttrition: 'inga avgångar om inte scenariot anger en takt',
  hoursPerFte: 'heltidsvecka, timmar',
  byTrainingYear: 'jämviktsläge vid konstant intag med avhopp: andelen i utbildningsår j är proportionell mot andelen ST-tider ≥ j år gånger (1 − avhopp)^(j−1)',
};

const value = valueTextWith((x, d) => fmt.num(x, d), [
  [/^the last (\S+) years of training$/, 'de sista $1 åren av ST'],
  [/^half of all trainees$/, 'hälften av alla ST-läkare'],
  [/^(\S+) of all trainees$/, '$1 av alla ST-läkare'],
  [/ years:/g, ' år:'],
  [/^1 for every age$/, '1 för alla åldrar'],
  [/ \(linear in between\)/g, ' (linjärt däremellan)'],
  [/ \(each held until the next\)/g, ' (vart och ett gäller till nästa)'],
  [/; linear in between/g, '; linjärt däremellan'],
  [/ from /g, ' från '],
  [/normal\(mean /g, 'normal(medelvärde '],
  [/\buniform\(/g, 'likformig('],
  [/\btriangular\(/g, 'triangel('],
  [/ with random walk \(sd ([^/]+)\/year\)/g, ' med slumpvandring (sd $1 per år)'],
]);

export const assumptions: AssumptionTexts = {
  paramLabel: paramLabelFrom(LABELS, PATTERNS),
  defaultReason: (key) => REASONS[key],
  value,
  changedOnly(label: string, base: string): string {
    return `Bara det som ${label} ändrar jämfört med ${base}; allt annat är som i ${base}.`;
  },
  noneChanged(label: string, base: string): string {
    return `${label} ändrar inga antaganden jämfört med ${base}.`;
  },
  byRegion(): string {
    return 'Tal som skiljer sig mellan regionerna: en rad per region; typ och källa under rubriken.';
  },
  columnNote(label: string, note: string): string {
    return `${label}: ${note}`;
  },
};
