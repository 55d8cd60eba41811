/** Swedish texts: a label and a unit for every output field, and group titles. Typed by `../types.ts`, so a missing text fails the type-check. */
import type { FieldGroup, FieldKey } from '../../../model/fields.js';
import { fieldTexts, type FieldText } from '../shared.js';
import type { FieldTexts } from '../types.js';
import { priceBase } from './common.js';

/** Builds an entry: the label, the stored unit, and optionally a different table unit. */
function e(label: string, unit: string, tableUnit?: string): FieldText {
  return { label, unit, tableUnit };
}

// Units, reused below.
const U = {
  inh: 'invånare',
  head: 'antal',
  perYear: 'antal/år',
  fte: 'heltider',
  inhPerFte: 'invånare per heltid',
  share: 'andel',
  flag: 'ja/nej',
  krYear: 'kr/år',
  kr: 'kr',
  mkr: 'mnkr',
} as const;

const NONE = '';

const FIELD_TEXT: Record<FieldKey, FieldText> = {
  population: e('Befolkning', U.inh, NONE),
  populationToCover: e('Befolkning att täcka', U.inh, NONE),
  needWeightedPopulation: e('Behovsviktad befolkning (vårdbehov efter ålder)', U.inh, NONE),
  specialists: e('Specialister i allmänmedicin', U.head),
  specialistsFte: e('Specialister i allmänmedicin', U.fte),
  otherSpecialists: e('Övriga listningsbara specialister', U.head),
  otherSpecialistsFte: e('Övriga listningsbara specialister', U.fte),
  st: e('ST-läkare totalt', U.head),
  listableSt: e('Listningsbara ST-läkare', U.head),
  listableStFte: e('Listningsbara ST-läkare', U.fte),
  supervisionFte: e('Handledning av ST-läkare', U.fte),
  stPosts: e('Utlysta ST-tjänster', U.perYear),
  stStarts: e('Nya ST-läkare', U.perYear),
  stUnfilledByCap: e('Ej tillsatta ST-tjänster (utbildningskapacitet)', U.perYear),
  stDropouts: e('Avbrutna ST', U.perYear),
  stCompletions: e('Avslutade ST', U.perYear),
  newSpecialistsStaying: e('Nya specialister som stannar', U.perYear),
  recruitment: e('Nettorekrytering av specialister', U.perYear),
  retirements: e('Pensionsavgångar', U.perYear),
  otherExits: e('Övriga avgångar', U.perYear),
  netIncreaseSpecialists: e('Nettoökning specialister', U.perYear),
  netIncreaseOtherSpecialists: e('Nettoökning övriga specialister', U.perYear),
  netIncreaseSt: e('Nettoökning ST-läkare', U.perYear),
  netIncreaseListableSt: e('Nettoökning listningsbara ST', U.perYear),
  normSpecialist: e('Riktvärde per specialist', U.inhPerFte),
  normSt: e('Riktvärde per ST-läkare', U.inhPerFte),
  capacitySpecialists: e('Kapacitet, specialister', U.inh),
  capacitySt: e('Kapacitet, ST-läkare', U.inh),
  capacityOther: e('Kapacitet, övriga specialister', U.inh),
  capacity: e('Kapacitet', U.inh),
  inhabitantsPerDoctorEquivalent: e('Invånare per läkarekvivalent', 'invånare per läkarekvivalent (befolkning att täcka ÷ kapacitet × riktvärde)', NONE),
  doctorEquivalents: e('Läkarekvivalenter', 'heltider vid specialistriktvärdet (kapacitet ÷ riktvärde)', 'heltider vid riktvärdet'),
  coverage: e('Täckningsgrad', U.share, '%'),
  inhabitantsPerDoctor: e('Invånare per läkare, Tabell 1', 'invånare per specialist och listningsbar ST-läkare, var och en räknad som en hel läkare (Tabell 1:s mått)', 'ST som läkare'),
  inhabitantsPerSpecialistFte: e('Invånare att täcka per specialistheltid', U.inhPerFte, NONE),
  specialistGap: e('Specialistunderskott', U.fte),
  reached: e('Riktvärdet nått', U.flag),
  reachedSpecialistsOnly: e('Riktvärdet nått med enbart specialister', U.flag),
  cost: e('Kostnad för bemanningen', U.krYear, U.mkr),
  costIncrease: e('Merkostnad mot basåret', U.krYear, U.mkr),
  netCostIncrease: e('Nettokostnadsökning', U.krYear, U.mkr),
  cumulativeCost: e('Ackumulerad merkostnad', U.kr, U.mkr),
  specialistPath: e('Bana: specialister', U.head),
  specialistPathGap: e('Specialister under banan (+) / över (−)', U.head),
  specialistPathMet: e('Banan för specialister nås', U.flag),
  completionsPath: e('Bana: avslutade ST', U.perYear),
  completionsPathGap: e('Avslutade ST under banan (+) / över (−)', U.perYear),
  completionsPathMet: e('Banan för avslutade ST nås', U.flag),
};

const GROUP_TITLE: Record<FieldGroup, string> = {
  population: 'Befolkning',
  workforce: 'Bemanning',
  flows: 'Flöden',
  capacity: 'Kapacitet',
  cost: 'Kostnad',
  path: 'Planens bana',
};

export const fields: FieldTexts = fieldTexts(FIELD_TEXT, GROUP_TITLE, priceBase);
