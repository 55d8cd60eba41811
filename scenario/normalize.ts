/**
 * Validated scenario (zod output, regions expanded) → `ModelInput` for the engine, plus the
 * scenario's metadata and its list of assumptions with sources. Checks that need the horizon
 * happen here: per-year tables must cover every projected year, schedules must start in time,
 * shares must sum to 1, and every parameter must lie in its range. Problems are collected (not
 * thrown) so that every problem in a file is reported at once. One small normaliser per block
 * (normalize/*.ts), called in this order (the order of the assumptions and problems listed).
 */
import { findUncertain } from '../model/draws.js';
import type { ModelInput, RegionInput } from '../model/types.js';
import { vmsg } from './messages.js';
import { DEFAULTS } from './defaults.js';
import type { PathProblem, Scenario, ScenarioMeta } from './types.js';
import { createContext, type ExpandCtx, type ScenarioRegions } from './normalize/context.js';
import { checkAgeRanges, normalizePopulation } from './normalize/population.js';
import { normalizeNorms } from './normalize/norms.js';
import { normalizeSt } from './normalize/st.js';
import { normalizeSpecialists } from './normalize/specialists.js';
import { normalizeOthers } from './normalize/others.js';
import { normalizeCosts } from './normalize/costs.js';
import { normalizeCorrelations } from './normalize/correlations.js';
import { normalizeObserved } from './normalize/observed.js';
import type { ObservedPoint } from './types.js';

export type { ExpandCtx };

export function normalize(s: ScenarioRegions, ctx: ExpandCtx): { scenario: Scenario | null; problems: PathProblem[] } {
  const c = createContext(s, ctx);
  const { problems, add, absent, sources, assumptions, start, end } = c;
  const regions: RegionInput[] = [];
  const names = new Set<string>();
  const observed: ObservedPoint[] = [];
  s.regions.forEach((r, i) => {
    absent.clear();
    for (const k of ['population', 'st', 'specialists'] as const) if (r[k] === undefined) absent.add(k);
    // Names are told apart as a reader does: case and surrounding spaces aside.
    const key = r.name.trim().toLowerCase();
    if (names.has(key)) add(['regions', i, 'name'], vmsg.duplicateRegion(r.name));
    names.add(key);
    const { population, demand, coverageShare, careNeedIndex } = normalizePopulation(c, i, r);
    const { normSpecialist, normSt } = normalizeNorms(c, i, r);
    // ST before specialists: headcountInclListableSt needs the listable ST.
    const st = normalizeSt(c, i, r);
    const specialists = normalizeSpecialists(c, i, r, st);
    const others = normalizeOthers(c, i, r, normSpecialist);
    checkAgeRanges(c, i, r, demand, others.map((o) => o.ageRange));
    const costs = normalizeCosts(c, i, r);
    observed.push(...normalizeObserved(c, i, r));
    regions.push({ name: r.name, population, demand, coverageShare, careNeedIndex, normSpecialist, normSt, specialists, st, others, costs });
  });
  // The uncertain parameters, found once here and carried on the input (draws, sensitivity, outputs).
  const uncertain = findUncertain(regions);
  const correlations = normalizeCorrelations(c, s, uncertain);
  const totalName = s.total?.name ?? 'Total';
  if (s.regions.length > 1 && names.has(totalName.trim().toLowerCase())) add(s.total?.name !== undefined ? ['total', 'name'] : ['regions'], vmsg.regionLikeTotal(totalName));

  if (problems.length) return { scenario: null, problems };
  const meta: ScenarioMeta = {
    name: s.name,
    description: s.description ?? '',
    ...(s.descriptionSv !== undefined ? { descriptionSv: s.descriptionSv } : {}),
    countBasis: s.countBasis,
    sources,
    monteCarlo: {
      runs: s.monteCarlo?.runs ?? DEFAULTS.monteCarlo.runs,
      seed: s.monteCarlo?.seed ?? DEFAULTS.monteCarlo.seed,
      eventNoise: s.monteCarlo?.eventNoise ?? DEFAULTS.monteCarlo.eventNoise,
    },
    output: { layout: s.output?.layout ?? 'full' },
    assumptions,
    totalReported: s.total?.reported ?? null,
    observed,
  };
  const input: ModelInput = {
    startYear: start,
    endYear: end,
    regions,
    total: s.regions.length > 1 ? (s.total?.name ?? 'Total') : null,
    correlations,
    uncertain,
  };
  return { scenario: { meta, input }, problems };
}
