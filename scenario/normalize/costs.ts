/** The costs block: salaries, employer contributions, overhead, training cost, wage growth. */
import { DEFAULTS } from '../defaults.js';
import type { RegionIn } from '../schema.js';
import type { CostInput } from '../../model/types.js';
import type { Path } from '../types.js';
import type { NormCtx } from './context.js';

export function normalizeCosts(c: NormCtx, i: number, r: RegionIn): CostInput | null {
  const { start, checkSource, scalar } = c;
  const rp = (...p: Path): Path => ['regions', i, ...p];
  let costs: CostInput | null = null;
  if (r.costs) {
    const C = r.costs;
    checkSource(rp('costs'), C.source);
    if (C.salaryPerMonth) checkSource(rp('costs', 'salaryPerMonth'), C.salaryPerMonth.source);
    costs = {
      priceBaseYear: C.priceBaseYear ?? start,
      wageGrowth: scalar(i, ['costs', 'wageGrowth'], C.wageGrowth, DEFAULTS.wageGrowth, C),
      employerContributions: scalar(i, ['costs', 'employerContributions'], C.employerContributions, undefined, C),
      overheadPerEmployee: scalar(i, ['costs', 'overheadPerEmployee'], C.overheadPerEmployee, undefined, C),
      salarySpecialist: scalar(i, ['costs', 'salaryPerMonth', 'specialist'], C.salaryPerMonth?.specialist, undefined, C.salaryPerMonth ?? C),
      salarySt: scalar(i, ['costs', 'salaryPerMonth', 'st'], C.salaryPerMonth?.st, undefined, C.salaryPerMonth ?? C),
      stTrainingCost: scalar(i, ['costs', 'stTrainingCostPerYear'], C.stTrainingCostPerYear, undefined, C),
    };
  }

  return costs;
}
