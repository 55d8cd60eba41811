/**
 * The input of the reference programs (bench/ref.c, bench/ref_numpy.py): a small flat text file
 * written from the normalized scenario — the same ModelInput riktvarde runs — so the references
 * hard-code no number of the scenario. One item per line, `name values…`:
 *
 *   scalar parameter  name dist a b c lo hi   (dist: fixed v | uniform min max | triangular
 *                                              min mode max | pert min mode max | normal mean sd;
 *                                              lo hi: the parameter's domain, for truncation)
 *   series            name v0 v1 … (one value per year, `nan` where it does not apply)
 *
 * The references implement one region with the features of the shipped single-region scenarios.
 * Anything else (several regions, training capacity, random walks, multipliers, correlations,
 * retirement tables, lognormal parameters) is refused here with a clear message, never dropped.
 */
import { mean } from '../model/dist.js';
import type { Dist } from '../model/dist.js';
import { isSeriesParam, type LeverParam, type ModelInput, type ScalarParam, type SeriesParam } from '../model/types.js';

const num = (x: number): string => (Number.isNaN(x) ? 'nan' : x === Infinity ? 'inf' : x === -Infinity ? '-inf' : String(x));

function scalar(name: string, p: ScalarParam): string {
  const d: Dist = p.dist;
  const dom = `${num(p.domain.lo)} ${num(p.domain.hi)}`;
  switch (d.dist) {
    case 'fixed': return `${name} fixed ${num(d.value)} 0 0 ${dom}`;
    case 'uniform': return d.min === d.max ? `${name} fixed ${num(d.min)} 0 0 ${dom}` : `${name} uniform ${d.min} ${d.max} 0 ${dom}`;
    case 'triangular': return d.min === d.max ? `${name} fixed ${num(d.min)} 0 0 ${dom}` : `${name} triangular ${d.min} ${d.mode} ${d.max} ${dom}`;
    case 'pert': return d.min === d.max ? `${name} fixed ${num(d.min)} 0 0 ${dom}` : `${name} pert ${d.min} ${d.mode} ${d.max} ${dom}`;
    case 'normal': {
      if (d.sd === 0) return `${name} fixed ${num(mean(d, p.domain))} 0 0 ${dom}`;
      const lo = Math.max(d.min ?? -Infinity, p.domain.lo), hi = Math.min(d.max ?? Infinity, p.domain.hi);
      return `${name} normal ${d.mean} ${d.sd} 0 ${num(lo)} ${num(hi)}`;
    }
    case 'lognormal':
      if (d.sigma === 0) return `${name} fixed ${num(d.median)} 0 0 ${dom}`;
      throw new Error(`reference input: ${p.key} is lognormal, which the reference programs do not implement`);
  }
}

function series(name: string, p: SeriesParam): string {
  if (p.multiplier !== null || (p.walk !== null && p.walk.sd > 0)) throw new Error(`reference input: ${p.key} has a multiplier or random walk, which the reference programs do not implement`);
  return `${name} ${p.base.map(num).join(' ')}`;
}

/** A lever given as one value; the reference programs have no per-year levers. */
function lever(name: string, p: LeverParam): string {
  if (isSeriesParam(p)) throw new Error(`reference input: ${p.key} changes over time, which the reference programs do not implement`);
  return scalar(name, p);
}

/**
 * The references do not implement the ST training capacity (refInput refuses it). Stockholm's cap
 * (stockholm-handlingsplan.yaml) does not bind at the scenario's intake, so the bench and
 * test/bench-ref.test.ts run riktvarde and the references alike with these `--set`s: the same work
 * on both sides.
 */
export const REF_SETS: readonly string[] = ['st.trainingCapacity=null'];

/** The reference programs' input for a single-region scenario; throws for what they lack. */
export function refInput(input: ModelInput, origin: string): string {
  if (input.regions.length !== 1) throw new Error('reference input: one region only');
  if (input.correlations.length > 0) throw new Error('reference input: correlations are not implemented by the reference programs');
  const r = input.regions[0];
  const nYears = input.endYear - input.startYear + 1;
  const S = r.specialists, T = r.st;
  if (r.demand !== null || r.others.some((o) => o.ageRange !== null)) throw new Error('reference input: age-structured demand is not implemented by the reference programs');
  if (T.listable.some((x) => x !== T.listable[0])) throw new Error('reference input: a listable-ST rule that changes over time is not implemented by the reference programs');
  const listable = T.listable[0];
  if (S.retirement.kind !== 'normal') throw new Error('reference input: only a normal retirement age is implemented by the reference programs');
  if (T.capacity !== null) throw new Error('reference input: training capacity is not implemented by the reference programs');
  // Population: the table where given, growth applied to the previous year elsewhere (params.ts).
  const growth = r.population.growth;
  if (growth.multiplier !== null || (growth.walk !== null && growth.walk.sd > 0)) throw new Error('reference input: uncertain population growth is not implemented by the reference programs');
  const pop: number[] = [];
  for (let t = 0; t < nYears; t++) {
    const v = r.population.table[t];
    pop.push(Number.isNaN(v) ? pop[t - 1] * (1 + growth.base[t]) : v);
  }
  const lines = [
    `# riktvarde reference input, written by bench/ref-input.ts from ${origin}`,
    `startYear ${input.startYear}`,
    `nYears ${nYears}`,
    `population ${pop.map(num).join(' ')}`,
    lever('coverageShare', r.coverageShare),
    lever('careNeedIndex', r.careNeedIndex),
    series('normSpecialist', r.normSpecialist),
    series('normSt', r.normSt),
    scalar('specHeadcount', S.headcount),
    `ageShares ${S.ageShares.map(num).join(' ')}`,
    scalar('retireMean', S.retirement.meanAge),
    scalar('retireSd', S.retirement.sd),
    lever('specAttrition', S.attrition),
    series('recruitment', S.recruitment),
    scalar('recruitmentAge', S.recruitmentAge),
    lever('specFte', S.fte),
    scalar('stHeadcount', T.headcount),
    `byTrainingYear ${T.byTrainingYear.map(num).join(' ')}`,
    `lengths ${T.lengths.join(' ')}`,
    `lengthProbs ${T.lengthProbs.map(num).join(' ')}`,
    T.target ? series('target', T.target) : series('intake', T.intake!),
    lever('dropout', T.dropout),
    lever('retention', T.retention),
    scalar('fillRate', T.fillRate),
    lever('stFte', T.fte),
    scalar('completionAge', T.completionAge),
    'lastYears' in listable ? `listableLastYears ${listable.lastYears}` : `listableShare ${listable.share}`,
  ];
  for (const o of r.others) {
    lines.push('other', scalar('other.headcount', o.headcount), scalar('other.fte', o.fte), scalar('other.attrition', o.attrition),
      series('other.recruitment', o.recruitment), series('other.norm', o.norm),
      o.salaryPerMonth ? scalar('other.salary', o.salaryPerMonth) : 'other.salary fixed nan 0 0 0 inf');
  }
  const C = r.costs;
  if (C) {
    lines.push(`costs ${C.priceBaseYear}`, scalar('wageGrowth', C.wageGrowth), scalar('employerContributions', C.employerContributions),
      scalar('overheadPerEmployee', C.overheadPerEmployee), scalar('salarySpecialist', C.salarySpecialist), scalar('salarySt', C.salarySt),
      scalar('stTrainingCost', C.stTrainingCost));
  }
  return lines.join('\n') + '\n';
}
