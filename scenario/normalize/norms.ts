/** The norms block: inhabitants per full-time specialist and per listable ST. */
import { DEFAULTS } from '../defaults.js';
import type { RegionIn } from '../schema.js';
import type { RegionInput } from '../../model/types.js';
import type { Path } from '../types.js';
import type { NormCtx } from './context.js';

export function normalizeNorms(c: NormCtx, i: number, r: RegionIn): Pick<RegionInput, 'normSpecialist' | 'normSt'> {
  const { checkSource, norm } = c;
  const rp = (...p: Path): Path => ['regions', i, ...p];
  checkSource(rp('norms'), r.norms?.source);
  const normSpecialist = norm(i, ['norms', 'specialist'], r.norms?.specialist, DEFAULTS.normSpecialist);
  const normSt = norm(i, ['norms', 'st'], r.norms?.st, DEFAULTS.normSt);

  return { normSpecialist, normSt };
}
