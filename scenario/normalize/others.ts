/** Other listable specialists (e.g. geriatricians): each group's headcount, FTE, exits, recruitment, norm, salary. */
import { DEFAULTS } from '../defaults.js';
import type { RegionIn } from '../schema.js';
import type { OtherGroupInput, SeriesParam } from '../../model/types.js';
import type { Path } from '../types.js';
import type { NormCtx } from './context.js';

export function normalizeOthers(c: NormCtx, i: number, r: RegionIn, normSpecialist: SeriesParam): OtherGroupInput[] {
  const { checkSource, scalar, series, norm } = c;
  const rp = (...p: Path): Path => ['regions', i, ...p];
  const others: OtherGroupInput[] = (r.otherSpecialists ?? []).map((o, g) => {
    const p = (...x: Path): Path => ['otherSpecialists', g, ...x];
    checkSource(rp(...p()), o.source);
    return {
      name: o.name,
      headcount: scalar(i, p('headcount'), o.headcount, undefined, o),
      fte: scalar(i, p('fte'), o.fte, DEFAULTS.fte, o),
      attrition: scalar(i, p('attrition'), o.attrition, DEFAULTS.otherAttrition, o),
      recruitment: series(i, p('recruitment'), o.recruitment, 1, 'relative', DEFAULTS.recruitment, o),
      norm: o.norm === undefined ? normSpecialist : norm(i, p('norm'), o.norm, DEFAULTS.normSpecialist),
      salaryPerMonth: o.salaryPerMonth !== undefined ? scalar(i, p('salaryPerMonth'), o.salaryPerMonth, undefined, o) : null,
    };
  });

  return others;
}
