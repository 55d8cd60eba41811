/** English texts: the assumptions list of the report and the workbook. Typed by `../types.ts`, so a missing text fails the type-check. */
import type { DefaultKey } from '../../../scenario/defaults.js';
import { DEFAULTS } from '../../../scenario/defaults.js';
import type { AssumptionTexts } from '../types.js';
import { paramLabelFrom, valueTextWith } from '../shared.js';
import { fmt } from './common.js';
import { PARAM_TEXT } from './analysis.js';

/** Every parameter path a scenario can give, by `paramPathKey` (list indices as `[]`). */
const LABELS: Record<string, string> = {
  ...PARAM_TEXT,
  'population.start': 'Population at the start',
  'population.table': 'Population forecast by year',
  'population.growth': 'Population growth per year (share)',
  'norms.specialist': 'Norm: inhabitants per specialist FTE',
  'norms.st': 'Norm: inhabitants per listable ST FTE',
  'specialists.headcountInclListableSt': 'Specialists incl. listable ST (Tabell 1)',
  'specialists.ageBands': 'Specialists by age (shares)',
  'specialists.retirement.byAge': 'Share retiring per year, by age',
  'st.byTrainingYear': 'ST trainees by training year at the start (shares)',
  'st.trainingLength': 'Length of ST in calendar years (shares)',
  'st.listable': 'Listable ST trainees',
  'st.trainingCapacity.hoursPerFte': 'Hours per FTE and week',
  'otherSpecialists[].headcount': 'Other listable specialists at the start',
  'otherSpecialists[].fte': 'FTE per other specialist',
  'otherSpecialists[].attrition': 'Exits of other specialists (share per year)',
  'otherSpecialists[].recruitment': 'Recruitment of other specialists (per year)',
  'otherSpecialists[].norm': 'Norm per other specialist FTE',
  'otherSpecialists[].salaryPerMonth': 'Monthly salary, other specialists',
  'costs.priceBaseYear': 'Price base year',
  'costs.employerContributions': 'Employer contributions (PO, share of salary)',
  'costs.overheadPerEmployee': 'Overhead per employee (kr per year)',
  'costs.salaryPerMonth.specialist': 'Monthly salary, specialist (kr)',
  'costs.salaryPerMonth.st': 'Monthly salary, ST trainee (kr)',
  'costs.stTrainingCostPerYear': 'Training cost per ST trainee and year (kr)',
  'otherSpecialists[].ageRange': 'Ages the other specialists serve',
  'population.careNeedByAge': 'Care-need weight by age',
  'population.careNeedByAge.referenceMix': 'Reference age mix of the care-need weights',
  'specialists.targetHeadcount': 'Target specialist headcount',
  'st.targetCompletions': 'Target ST completions per year',
};

const PATTERNS: [RegExp, string][] = [
  [/^population\.ageGroups\.([^.]+)\.start$/, 'Population aged $1 at the start'],
  [/^population\.ageGroups\.([^.]+)\.table$/, 'Population aged $1, forecast by year'],
  [/^population\.ageGroups\.([^.]+)\.growth$/, 'Population growth per year, aged $1 (share)'],
  [/^population\.careNeedByAge\.weights\.([^.]+)$/, 'Care-need weight, aged $1'],
];

const value = valueTextWith((x, d) => fmt.num(x, d), []);

export const assumptions: AssumptionTexts = {
  paramLabel: paramLabelFrom(LABELS, PATTERNS),
  // The scenario layer's own wording is the English text.
  defaultReason: (key: DefaultKey) => DEFAULTS[key].why,
  value,
  changedOnly(label: string, base: string): string {
    return `Only what ${label} changes from ${base}; everything else is as in ${base}.`;
  },
  noneChanged(label: string, base: string): string {
    return `${label} changes no assumption of ${base}.`;
  },
  byRegion(): string {
    return 'Numbers that differ between the regions: one row per region; kind and source under the heading.';
  },
  columnNote(label: string, note: string): string {
    return `${label}: ${note}`;
  },
};
