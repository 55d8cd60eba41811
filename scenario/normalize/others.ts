/** Other listable specialists (e.g. geriatricians): each group's headcount, FTE, exits, recruitment, norm, salary. */
import { DEFAULTS } from '../defaults.js';
import type { RegionIn } from '../schema.js';
import type { OtherGroupInput, SeriesParam } from '../../model/types.js';
import type { Path } from '../types.js';
import type { NormCtx } from './context.js';
import { vmsg } from '../messages.js';
import { parseAgeLabel } from './population.js';

/** An other-listable group's age range as written, parsed; null when the group serves everyone. */
export function ageRangeOf(c: NormCtx, i: number, g: number, o: NonNullable<RegionIn['otherSpecialists']>[number]): { lo: number; hi: number; text: string } | null {
  if (o.ageRange === undefined) return null;
  const text = typeof o.ageRange === 'string' ? o.ageRange : o.ageRange.ages;
  const at: Path = ['regions', i, 'otherSpecialists', g, 'ageRange'];
  if (typeof o.ageRange !== 'string') c.checkSource(at, o.ageRange.source);
  const r = parseAgeLabel(text);
  if (!r) { c.add(at, vmsg.ageGroupLabel(text)); return null; }
  c.record(i, ['otherSpecialists', g, 'ageRange'], c.keyOf(i, ['otherSpecialists', g, 'ageRange']), text, c.withParent(typeof o.ageRange === 'string' ? null : o.ageRange, o));
  return { ...r, text };
}

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
      ageRange: ageRangeOf(c, i, g, o),
    };
  });

  return others;
}
