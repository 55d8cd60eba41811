/** The ST block: headcount by training year, intake or target, training lengths, listable rule, capacity. */
import { vmsg } from '../messages.js';
import type { RegionIn } from '../schema.js';
import { DEFAULTS } from '../defaults.js';
import type { ListableRule, RegionInput, TrainingCapacityInput } from '../../model/types.js';
import type { Path } from '../types.js';
import { missingParam, shareEntries, type NormCtx } from './context.js';
import { steadyStateSplit } from '../../model/listable.js';
import { mean } from '../../model/dist.js';
import { isSeriesParam, type LeverParam } from '../../model/types.js';

/** A lever's expected value in the base year (a series: its base value, times its multiplier's mean). */
function leverStart(p: LeverParam): number {
  if (!isSeriesParam(p)) return mean(p.dist, p.domain);
  const v = Number.isFinite(p.base[0]) ? p.base[0] : p.base.find(Number.isFinite) ?? 0;
  return v * (p.multiplier ? mean(p.multiplier.dist, p.multiplier.domain) : 1);
}

export function normalizeSt(c: NormCtx, i: number, r: RegionIn): RegionInput['st'] {
  const { keyOf, add, checkSource, record, srcOf, withParent, scalar, series, lever, stepSchedule, sumCheck, nYears } = c;
  const rp = (...p: Path): Path => ['regions', i, ...p];
  const T = r.st ?? {};
  if (!r.st) add(rp('st'), missingParam(['st']));
  checkSource(rp('st'), T.source);
  const lengths: number[] = [], lengthProbs: number[] = [];
  if (T.trainingLength === undefined) { if (r.st) add(rp('st', 'trainingLength'), missingParam(['st', 'trainingLength'])); }
  else {
    const entries = shareEntries(T.trainingLength);
    for (const [k, x] of entries) {
      if (!/^\d+$/.test(k) || Number(k) < 1 || Number(k) > 15) add(rp('st', 'trainingLength', k), vmsg.lengthKey(k));
      else { lengths.push(Number(k)); lengthProbs.push(x); }
    }
    sumCheck(rp('st', 'trainingLength'), entries.map(([, x]) => x));
    const order = lengths.map((_, j) => j).sort((a, b) => lengths[a] - lengths[b]);
    const l2 = order.map((j) => lengths[j]), p2 = order.map((j) => lengthProbs[j]);
    lengths.splice(0, lengths.length, ...l2); lengthProbs.splice(0, lengthProbs.length, ...p2);
    checkSource(rp('st', 'trainingLength'), (T.trainingLength as { source?: string }).source);
    record(i, ['st', 'trainingLength'], keyOf(i, ['st', 'trainingLength']), entries.map(([k, x]) => `${k} years: ${x}`).join(', '), withParent(srcOf(T.trainingLength), T));
  }
  if (lengths.length === 0) { lengths.push(6); lengthProbs.push(1); }
  const maxLen = lengths[lengths.length - 1];
  let byTrainingYear: number[];
  const dropout = lever(i, ['st', 'dropout'], T.dropout, undefined, T);
  const steadyState = T.byTrainingYear === undefined;
  if (steadyState) {
    // The steady state of a constant intake under the model's own flows (shown here at the mean
    // dropout; model/params.ts recomputes it with each run's dropout): the share in training year
    // j ∝ Σ_d P(length d) · [d ≥ j] · (1 − dropout)^(j−1).
    byTrainingYear = steadyStateSplit(lengths, lengthProbs, leverStart(dropout));
    record(i, ['st', 'byTrainingYear'], keyOf(i, ['st', 'byTrainingYear']), byTrainingYear.map((x) => x.toFixed(3)).join(', '), null, DEFAULTS.byTrainingYear.why);
  } else {
    const arr = Array.isArray(T.byTrainingYear) ? T.byTrainingYear : (() => {
      const o = Object.fromEntries(shareEntries(T.byTrainingYear as Record<string, unknown>));
      const ks = Object.keys(o);
      const bad = ks.filter((k) => !/^\d+$/.test(k) || Number(k) < 1);
      bad.forEach((k) => add(rp('st', 'byTrainingYear', k), vmsg.trainingYearKey(k)));
      const n = Math.max(0, ...ks.filter((k) => !bad.includes(k)).map(Number));
      return Array.from({ length: n }, (_, j) => o[String(j + 1)] ?? 0);
    })();
    sumCheck(rp('st', 'byTrainingYear'), arr);
    if (arr.length > maxLen) add(rp('st', 'byTrainingYear'), vmsg.trainingYearBeyondLength(arr.length, maxLen));
    byTrainingYear = arr.slice(0, maxLen);
    record(i, ['st', 'byTrainingYear'], keyOf(i, ['st', 'byTrainingYear']), arr.join(', '), withParent(Array.isArray(T.byTrainingYear) ? null : srcOf(T.byTrainingYear), T));
  }
  // The listable-ST rule: one rule, or a step schedule of rules (one object per step, shared by its years).
  let listable: ListableRule[];
  const ruleOf = (x: { lastYears: number } | { share: number }, at: Path): ListableRule => {
    if ('lastYears' in x && x.lastYears >= lengths[0]) add([...at, 'lastYears'], vmsg.listableTooLong(x.lastYears, lengths[0]));
    return 'lastYears' in x ? { lastYears: x.lastYears } : { share: x.share };
  };
  const ruleText = (x: ListableRule) => ('lastYears' in x ? `the last ${x.lastYears} years of training` : `${x.share} of all trainees`);
  if (T.listable === undefined) {
    listable = new Array<ListableRule>(nYears).fill(DEFAULTS.listable.value);
    record(i, ['st', 'listable'], keyOf(i, ['st', 'listable']), 'half of all trainees', null, DEFAULTS.listable.why);
  } else if ('schedule' in T.listable) {
    checkSource(rp('st', 'listable'), T.listable.source);
    const rules = new Map<unknown, ListableRule>();
    const { base, steps } = stepSchedule(rp('st', 'listable', 'schedule'), T.listable.schedule, (x, at) => { rules.set(x, ruleOf(x, at)); });
    listable = base.map((x) => rules.get(x) ?? DEFAULTS.listable.value);
    record(i, ['st', 'listable'], keyOf(i, ['st', 'listable']), steps.map(([y, x]) => `${ruleText(rules.get(x)!)} from ${y}`).join(', '), T.listable);
  } else {
    checkSource(rp('st', 'listable'), T.listable.source);
    const rule = ruleOf(T.listable, rp('st', 'listable'));
    listable = new Array<ListableRule>(nYears).fill(rule);
    record(i, ['st', 'listable'], keyOf(i, ['st', 'listable']), ruleText(rule), T.listable);
  }
  const stHeadcount = scalar(i, ['st', 'headcount'], T.headcount, undefined, T);
  if (T.intake !== undefined && T.targetHeadcount !== undefined) add(rp('st', 'targetHeadcount'), vmsg.oneOf('intake', 'targetHeadcount'));
  if (T.targetCompletions !== undefined && (T.intake !== undefined || T.targetHeadcount !== undefined)) add(rp('st', 'targetCompletions'), vmsg.oneOfThree('intake', 'targetHeadcount', 'targetCompletions'));
  if (T.intake === undefined && T.targetHeadcount === undefined && T.targetCompletions === undefined && r.st) add(rp('st'), vmsg.needOneOfThree('intake', 'targetHeadcount', 'targetCompletions'));
  const intake = T.intake !== undefined ? series(i, ['st', 'intake'], T.intake, 1, 'relative', undefined, T) : null;
  const target = T.intake === undefined && T.targetHeadcount !== undefined ? series(i, ['st', 'targetHeadcount'], T.targetHeadcount, 1, 'relative', undefined, T) : null;
  // A completions path: the intake follows a training length earlier (model/engine.ts, step 4).
  const targetCompletions = intake === null && target === null && T.targetCompletions !== undefined
    ? series(i, ['st', 'targetCompletions'], T.targetCompletions, 1, 'relative', undefined, T) : null;
  let capacity: TrainingCapacityInput | null = null;
  if (T.trainingCapacity) {
    const C = T.trainingCapacity;
    checkSource(rp('st', 'trainingCapacity'), C.source);
    capacity = {
      perSpecialistFte: C.maxTraineesPerSpecialistFte !== undefined ? scalar(i, ['st', 'trainingCapacity', 'maxTraineesPerSpecialistFte'], C.maxTraineesPerSpecialistFte, undefined, C) : null,
      maxTotal: C.maxTotal !== undefined ? series(i, ['st', 'trainingCapacity', 'maxTotal'], C.maxTotal, 1, 'relative') : null,
      supervisionHoursPerWeek: C.supervisionHoursPerWeek !== undefined ? scalar(i, ['st', 'trainingCapacity', 'supervisionHoursPerWeek'], C.supervisionHoursPerWeek, undefined, C) : null,
      hoursPerFte: C.hoursPerFte ?? DEFAULTS.hoursPerFte.value,
    };
  }
  const st: RegionInput['st'] = {
    headcount: stHeadcount,
    byTrainingYear,
    intake,
    target,
    targetCompletions,
    lengths,
    lengthProbs,
    dropout,
    steadyState,
    retention: lever(i, ['st', 'retention'], T.retention, undefined, T),
    fillRate: scalar(i, ['st', 'fillRate'], T.fillRate, DEFAULTS.fillRate, T),
    fte: lever(i, ['st', 'fte'], T.fte, DEFAULTS.fte, T),
    completionAge: scalar(i, ['st', 'completionAge'], T.completionAge, undefined, T),
    listable,
    capacity,
  };

  return st;
}
