/** Svenska texter: observerade värden bredvid modellen, `calibrate` och `backtest`. */
import type { ObservedTexts } from '../types.js';
import { fmt } from './common.js';

const Q: Record<string, string> = {
  specialists: 'Specialister i allmänmedicin',
  st: 'ST-läkare',
  completions: 'Färdiga ST-läkare',
  newSpecialistsStaying: 'Nya specialister som stannar',
  retirements: 'Pensionsavgångar',
  otherExits: 'Övriga avgångar',
  population: 'Befolkning',
  namedDoctorShare: 'Andel med fast läkarkontakt',
};

export const observed: ObservedTexts = {
  title: (region) => `Observerat bredvid modellen — ${region}`,
  quantity: (q) => Q[q] ?? q,
  colQuantity: () => 'Storhet',
  totalRow: () => 'Totalt',
  colYear: () => 'År',
  colObserved: () => 'Observerat',
  colModelled: (mode) => (mode === 'deterministic' ? 'Modellen' : 'Modellen (median)'),
  colDifference: () => 'Skillnad',
  colInterval80: () => '80 %-intervall',
  colSource: () => 'Källa',
  footnote: (mode, namedDoctor) =>
    `Skillnad = modellen − observerat (i % av observerat).${mode === 'monte-carlo' ? ' * = observerat utanför 80 %-intervallet.' : ''}${namedDoctor ? ' Andelen med fast läkarkontakt har ingen motsvarighet i modellen och visas som referens.' : ''}`,
  calibrateTitle: (scenario) => `Kalibrering — ${scenario}`,
  colParameter: () => 'Parameter',
  colBefore: () => 'Före',
  colAfter: () => 'Efter',
  colResidualBefore: () => 'Residual före',
  colResidualAfter: () => 'Residual efter',
  calibrateFit: (before, after) => `Summa av kvadrerade relativa residualer: ${before} före, ${after} efter (minsta kvadrat-anpassning av relativa residualer; koordinatvis sökning inom gränser, med gyllene snittet längs varje parameter, på den deterministiska modellen).`,
  notIdentified: (params) => `Inte anpassade (de observerade värdena påverkas inte av dem): ${params.join(', ')}.`,
  atBound: () => '! = vid en gräns för sökintervallet: de observerade värdena skulle driva den längre; läs den som en gräns, inte en skattning.',
  overlayWritten: (file) => `Tillägget skrevs till ${file}; din scenariofil ändrades inte.`,
  backtestTitle: (scenario, base, runs) => `Efterhandstest — ${scenario}, från basåret ${base}, ${fmt.int(runs)} körningar`,
  colPoints: () => 'Punkter',
  colMape: () => 'MAPE',
  colBias: () => 'Systematiskt fel',
  colInside50: () => 'Inom 50 %',
  colInside80: () => 'Inom 80 %',
  tooNarrow: (quantity, inside80, n) =>
    `Varning: 80 %-intervallen för ${quantity} rymde bara ${inside80} av ${n} observerade värden — modellens intervall är för smala för det som hände; läs dem som en nedre gräns för osäkerheten.`,
  allWithin: () => 'Intervallen rymde utfallen ungefär så ofta som de anger (ingen storhet flaggad).',
  backtestNote: () => 'MAPE: medelabsolutfel för medianen i % av observerat; systematiskt fel: medelfel med tecken (negativt = modellen underskattar); inom: andel observerade värden inom intervallet.',
  chartTitle: () => 'Efterhandstest: observerade värden mot modellen (median, 50 %- och 80 %-intervall)',
};
