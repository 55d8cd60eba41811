/** Correlations between named uncertain parameters: known names, no self-pairs or repeats, a valid copula. */
import { prepareCopula } from '../../model/copula.js';
import type { Correlation, ScalarParam } from '../../model/types.js';
import { vmsg } from '../messages.js';
import type { NormCtx, ScenarioRegions } from './context.js';

export function normalizeCorrelations(c: NormCtx, s: ScenarioRegions, uncertainParams: readonly ScalarParam[]): Correlation[] {
  const { add, checkSource, problems, start, end } = c;
  const uncertain = new Set(uncertainParams.map((p) => p.key));
  const correlations = (s.correlations ?? []).map((c, k) => {
    c.params.forEach((p, j) => { if (!uncertain.has(p)) add(['correlations', k, 'params', j], vmsg.correlationParam(p)); });
    checkSource(['correlations', k], c.source);
    if (c.params[0] === c.params[1]) add(['correlations', k, 'params'], vmsg.correlationSelf(c.params[0]));
    return { a: c.params[0], b: c.params[1], rho: c.rho };
  });
  const seenPairs = new Set<string>();
  correlations.forEach((c, k) => {
    const pair = [c.a, c.b].sort().join('|');
    if (seenPairs.has(pair)) add(['correlations', k, 'params'], vmsg.correlationTwice(c.a, c.b));
    seenPairs.add(pair);
  });
  if (correlations.length && !problems.length) {
    try { prepareCopula({ startYear: start, endYear: end, regions: [], total: null, correlations, uncertain: [] }); }
    catch { add(['correlations'], vmsg.correlationPd()); }
  }
  return correlations;
}
