/** The ST block: headcount by training year, intake or target, training lengths, listable rule, capacity. */
import { vmsg } from '../messages.js';
import type { RegionIn } from '../schema.js';
import { DEFAULTS } from '../defaults.js';
import type { ListableRule, RegionInput, TrainingCapacityInput } from '../../model/types.js';
import type { Path } from '../types.js';
import { missingParam, shareEntries, type NormCtx } from './context.js';

export function normalizeSt(c: NormCtx, i: number, r: RegionIn): RegionInput['st'] {
  const { keyOf, add, checkSource, record, srcOf, withParent, scalar, series, sumCheck } = c;
  const rp = (...p: Path): Path => ['regions', i, ...p];
  const T = r.st ?? {};
  if (!r.st) add(rp('st'), missingParam(['st'], 'ST trainees in general practice'));
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
  if (T.byTrainingYear === undefined) {
    // Steady state of a constant intake: the share in year j ∝ P(length ≥ j).
    const w = Array.from({ length: maxLen }, (_, j) => lengths.reduce((s2, L, d) => s2 + (L >= j + 1 ? lengthProbs[d] : 0), 0));
    const sw = w.reduce((a, b) => a + b, 0);
    byTrainingYear = w.map((x) => x / sw);
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
  let listable: ListableRule;
  if (T.listable === undefined) {
    listable = DEFAULTS.listable.value;
    record(i, ['st', 'listable'], keyOf(i, ['st', 'listable']), 'half of all trainees', null, DEFAULTS.listable.why);
  } else {
    checkSource(rp('st', 'listable'), T.listable.source);
    listable = 'lastYears' in T.listable ? { lastYears: T.listable.lastYears } : { share: T.listable.share };
    if ('lastYears' in listable && listable.lastYears >= lengths[0]) add(rp('st', 'listable', 'lastYears'), vmsg.listableTooLong(listable.lastYears, lengths[0]));
    record(i, ['st', 'listable'], keyOf(i, ['st', 'listable']), 'lastYears' in listable ? `the last ${listable.lastYears} years of training` : `${listable.share} of all trainees`, T.listable);
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
    dropout: scalar(i, ['st', 'dropout'], T.dropout, undefined, T),
    retention: scalar(i, ['st', 'retention'], T.retention, undefined, T),
    fillRate: scalar(i, ['st', 'fillRate'], T.fillRate, DEFAULTS.fillRate, T),
    fte: scalar(i, ['st', 'fte'], T.fte, DEFAULTS.fte, T),
    completionAge: scalar(i, ['st', 'completionAge'], T.completionAge, undefined, T),
    listable,
    capacity,
  };

  return st;
}
