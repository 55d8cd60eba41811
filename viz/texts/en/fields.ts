/** English texts: a label and a unit for every output field, and group titles. Typed by `../types.ts`, so a missing text fails the type-check. */
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
  inh: 'inhabitants',
  head: 'headcount',
  perYear: 'per year',
  fte: 'FTE',
  inhPerFte: 'inhabitants per FTE',
  share: 'share',
  flag: 'yes/no',
  krYear: 'SEK/year',
  kr: 'SEK',
  mkr: 'SEK m',
} as const;

const NONE = '';

const FIELD_TEXT: Record<FieldKey, FieldText> = {
  population: e('Population', U.inh, NONE),
  populationToCover: e('Population to cover', U.inh, NONE),
  needWeightedPopulation: e('Need-weighted population (care need by age)', U.inh, NONE),
  specialists: e('GP specialists', U.head),
  specialistsFte: e('GP specialists', U.fte),
  otherSpecialists: e('Other listable specialists', U.head),
  otherSpecialistsFte: e('Other listable specialists', U.fte),
  st: e('ST trainees, all', U.head),
  listableSt: e('Listable ST trainees', U.head),
  listableStFte: e('Listable ST trainees', U.fte),
  supervisionFte: e('Supervision of ST trainees', U.fte),
  stPosts: e('ST posts advertised', U.perYear),
  stStarts: e('New ST trainees', U.perYear),
  stUnfilledByCap: e('ST posts unfilled (training capacity)', U.perYear),
  stDropouts: e('ST dropouts', U.perYear),
  stCompletions: e('ST completions', U.perYear),
  newSpecialistsStaying: e('New specialists staying', U.perYear),
  recruitment: e('Net recruitment of specialists', U.perYear),
  retirements: e('Retirements', U.perYear),
  otherExits: e('Other exits', U.perYear),
  netIncreaseSpecialists: e('Net increase, GP specialists', U.perYear),
  netIncreaseOtherSpecialists: e('Net increase, other specialists', U.perYear),
  netIncreaseSt: e('Net increase, ST trainees', U.perYear),
  netIncreaseListableSt: e('Net increase, listable ST', U.perYear),
  normSpecialist: e('Norm per specialist', U.inhPerFte),
  normSt: e('Norm per ST trainee', U.inhPerFte),
  capacitySpecialists: e('Capacity, specialists', U.inh),
  capacitySt: e('Capacity, ST trainees', U.inh),
  capacityOther: e('Capacity, other specialists', U.inh),
  capacity: e('Capacity', U.inh),
  inhabitantsPerDoctorEquivalent: e('Inhabitants per doctor equivalent', 'inhabitants per doctor equivalent (population to cover ÷ capacity × norm)', NONE),
  doctorEquivalents: e('Doctor equivalents', 'FTE at the specialist norm (capacity ÷ norm)', 'FTE at the norm'),
  coverage: e('Coverage', U.share, '%'),
  inhabitantsPerDoctor: e('Inhabitants per doctor, Tabell 1', 'inhabitants per specialist and listable ST trainee, each counted as a whole doctor (Tabell 1’s measure)', 'ST as doctors'),
  inhabitantsPerSpecialistFte: e('Population to cover per specialist FTE', U.inhPerFte, NONE),
  specialistGap: e('Specialist shortfall', U.fte),
  reached: e('Target reached', U.flag),
  reachedSpecialistsOnly: e('Target reached with specialists alone', U.flag),
  cost: e('Workforce cost', U.krYear, U.mkr),
  costIncrease: e('Cost above base year', U.krYear, U.mkr),
  netCostIncrease: e('Net cost increase on previous year', U.krYear, U.mkr),
  cumulativeCost: e('Cumulative cost above base year', U.kr, U.mkr),
  specialistPath: e('Path: GP specialists', U.head),
  specialistPathGap: e('Specialists short of path (+) / above (−)', U.head),
  specialistPathMet: e('Specialist path met', U.flag),
  completionsPath: e('Path: ST completions', U.perYear),
  completionsPathGap: e('Completions short of path (+) / above (−)', U.perYear),
  completionsPathMet: e('Completions path met', U.flag),
};

const GROUP_TITLE: Record<FieldGroup, string> = {
  population: 'Population',
  workforce: 'Workforce',
  flows: 'Flows',
  capacity: 'Capacity',
  cost: 'Cost',
  path: 'Plan path',
};

export const fields: FieldTexts = fieldTexts(FIELD_TEXT, GROUP_TITLE, priceBase);
