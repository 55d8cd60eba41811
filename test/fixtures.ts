/** Hand-built engine configurations for closed-form tests (no YAML involved). */
import { MIN_AGE, NAGES } from '../model/engine.js';
import type { ListableRule, RegionRun, RunConfig } from '../model/types.js';

export interface MiniOpts {
  years?: number;
  specialists?: number;
  age?: number; // all specialists at this age
  attrition?: number;
  recruitment?: number;
  retirementAge?: number | null; // hard exit at this age (hazard 1), null = none before MAX_AGE
  st?: number;
  stYear?: number; // all trainees in this training year
  length?: number;
  lengths?: [number, number][];
  intake?: number;
  target?: number | null;
  dropout?: number;
  retention?: number;
  fillRate?: number;
  population?: number;
  listable?: ListableRule;
  costs?: boolean;
}

export function mini(o: MiniOpts = {}): RunConfig {
  const Y = o.years ?? 11;
  const spec = new Float64Array(NAGES);
  spec[(o.age ?? 40) - MIN_AGE] = o.specialists ?? 100;
  const hazard = new Float64Array(NAGES);
  if (o.retirementAge != null) for (let a = o.retirementAge; a < MIN_AGE + NAGES; a++) hazard[a - MIN_AGE] = 1;
  hazard[NAGES - 1] = 1;
  const lengths = o.lengths ?? [[o.length ?? 6, 1]];
  const L = lengths.length;
  const maxLen = Math.max(...lengths.map((x) => x[0]));
  const init = new Float64Array(maxLen * L);
  if (o.st) init[((o.stYear ?? 1) - 1) * L] = o.st;
  const perYear = (x: number) => new Float64Array(Y).fill(x);
  const population = perYear(o.population ?? 100000);
  const cfg: RegionRun = {
    name: 'Test',
    population,
    needWeighted: population,
    ageGroups: null,
    coverageShare: perYear(1),
    careNeedIndex: perYear(1),
    normSpecialist: new Float64Array(Y).fill(1100),
    normSt: new Float64Array(Y).fill(550),
    spec: {
      initByAge: spec,
      hazardByAge: hazard,
      attrition: perYear(o.attrition ?? 0),
      recruitment: new Float64Array(Y).fill(o.recruitment ?? 0),
      recruitmentAge: 40,
      fte: perYear(1),
    },
    st: {
      init,
      lengths: Int32Array.from(lengths.map((x) => x[0])),
      lengthProbs: Float64Array.from(lengths.map((x) => x[1])),
      intake: o.target != null ? null : new Float64Array(Y).fill(o.intake ?? 0),
      target: o.target != null ? new Float64Array(Y).fill(o.target) : null,
      dropout: perYear(o.dropout ?? 0),
      retention: perYear(o.retention ?? 1),
      fillRate: o.fillRate ?? 1,
      fte: perYear(1),
      completionAge: 38,
      listable: new Array<ListableRule>(Y).fill(o.listable ?? { share: 0.5 }),
      capPerSpecialistFte: Infinity,
      capTotal: null,
      supervisionFtePerTrainee: 0,
    },
    others: [],
    costs: o.costs
      ? { priceBaseYear: 2024, wageGrowth: 0, employerContributions: 0.5, overheadPerEmployee: 100000, salarySpecialist: 90000, salarySt: 60000, stTrainingCost: 50000 }
      : null,
  };
  return { startYear: 2024, endYear: 2024 + Y - 1, regions: [cfg] };
}
