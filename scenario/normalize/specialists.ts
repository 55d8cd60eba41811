/** The specialists block: headcount (or Tabell 1's count incl. listable ST), ages, retirement, exits, recruitment. */
import { NONNEG, isFixed, mean } from '../../model/dist.js';
import { listableAtStart } from '../../model/listable.js';
import { vmsg } from '../messages.js';
import { MAX_AGE, MIN_AGE } from '../../model/engine.js';
import type { RegionIn } from '../schema.js';
import { DEFAULTS } from '../defaults.js';
import type { RegionInput, Retirement, ScalarParam } from '../../model/types.js';
import type { Path } from '../types.js';
import { missingParam, shareEntries, type NormCtx } from './context.js';

export function normalizeSpecialists(c: NormCtx, i: number, r: RegionIn, st: RegionInput['st']): RegionInput['specialists'] {
  const { keyOf, add, checkSource, record, srcOf, withParent, scalar, series, lever, sumCheck } = c;
  const rp = (...p: Path): Path => ['regions', i, ...p];
  const S = r.specialists ?? {};
  if (!r.specialists) add(rp('specialists'), missingParam(['specialists']));
  checkSource(rp('specialists'), S.source);
  let headcount: ScalarParam;
  if (S.headcount !== undefined && S.headcountInclListableSt !== undefined) {
    add(rp('specialists', 'headcountInclListableSt'), vmsg.oneOf('headcount', 'headcountInclListableSt'));
    headcount = scalar(i, ['specialists', 'headcount'], S.headcount, undefined, S);
  } else if (S.headcountInclListableSt !== undefined) {
    // Tabell 1's count includes the listable ST: subtract them (expected value at the start).
    const incl = scalar(i, ['specialists', 'headcountInclListableSt'], S.headcountInclListableSt, undefined, S);
    let listableNow = NaN;
    if (!isFixed(st.headcount.dist) || !isFixed(incl.dist)) add(rp('specialists', 'headcountInclListableSt'), vmsg.inclNeedsFixed());
    else {
      listableNow = listableAtStart(mean(st.headcount.dist), st.listable[0], st.byTrainingYear, st.lengths, st.lengthProbs);
      const inclN = mean(incl.dist);
      if (inclN < listableNow) add(rp('specialists', 'headcountInclListableSt'), vmsg.inclTooSmall(inclN, listableNow));
    }
    headcount = { key: keyOf(i, ['specialists', 'headcount']), dist: { dist: 'fixed', value: isFixed(incl.dist) ? mean(incl.dist) - listableNow : NaN }, domain: NONNEG };
  } else {
    headcount = scalar(i, ['specialists', 'headcount'], S.headcount, undefined, S);
  }
  const ageShares = new Array<number>(MAX_AGE - MIN_AGE).fill(0);
  if (S.ageBands === undefined) { if (r.specialists) add(rp('specialists', 'ageBands'), missingParam(['specialists', 'ageBands'])); }
  else {
    const taken = new Array<string | null>(MAX_AGE - MIN_AGE).fill(null);
    const entries = shareEntries(S.ageBands);
    for (const [k, share] of entries) {
      const m = /^\s*(\d+)\s*(?:[-–]\s*(\d+))?\s*$/.exec(k);
      if (!m) { add(rp('specialists', 'ageBands', k), vmsg.ageBand(k)); continue; }
      const lo = Number(m[1]), hi = m[2] !== undefined ? Number(m[2]) : lo;
      if (lo > hi || lo < MIN_AGE || hi > MAX_AGE - 1) { add(rp('specialists', 'ageBands', k), vmsg.ageBandRange(k, MIN_AGE, MAX_AGE - 1)); continue; }
      let overlap: string | null = null;
      for (let a = lo; a <= hi; a++) { overlap ??= taken[a - MIN_AGE]; taken[a - MIN_AGE] = k; ageShares[a - MIN_AGE] += share / (hi - lo + 1); }
      if (overlap !== null) add(rp('specialists', 'ageBands', k), vmsg.ageBandOverlap(k, overlap));
    }
    sumCheck(rp('specialists', 'ageBands'), entries.map(([, x]) => x));
    checkSource(rp('specialists', 'ageBands'), (S.ageBands as { source?: string }).source);
    record(i, ['specialists', 'ageBands'], keyOf(i, ['specialists', 'ageBands']), entries.map(([k, x]) => `${k}: ${x}`).join(', '), withParent(srcOf(S.ageBands), S));
  }
  let retirement: Retirement;
  const Rt = S.retirement;
  if (Rt === undefined) {
    if (r.specialists) add(rp('specialists', 'retirement'), missingParam(['specialists', 'retirement']));
    retirement = { kind: 'table', hazardByAge: new Array(MAX_AGE - MIN_AGE).fill(0) };
  } else if ('meanAge' in Rt) {
    checkSource(rp('specialists', 'retirement'), Rt.source);
    retirement = {
      kind: 'normal',
      meanAge: scalar(i, ['specialists', 'retirement', 'meanAge'], Rt.meanAge, undefined, Rt),
      sd: scalar(i, ['specialists', 'retirement', 'sd'], Rt.sd, undefined, Rt),
    };
  } else {
    checkSource(rp('specialists', 'retirement'), Rt.source);
    const ages = shareEntries(Rt.byAge).map(([k]) => k);
    const h = new Array<number>(MAX_AGE - MIN_AGE).fill(0);
    const pts: [number, number][] = [];
    for (const k of ages) {
      const a = Number(k);
      if (!/^\d+$/.test(k) || a < MIN_AGE || a > MAX_AGE - 1) { add(rp('specialists', 'retirement', 'byAge', k), vmsg.age(a, MIN_AGE, MAX_AGE - 1)); continue; }
      const x = Rt.byAge[k] as number;
      if (x < 0 || x > 1) add(rp('specialists', 'retirement', 'byAge', k), vmsg.share(x));
      pts.push([a, x]);
    }
    pts.sort((a, b) => a[0] - b[0]);
    for (const [a, x] of pts) for (let b = a; b < MAX_AGE; b++) h[b - MIN_AGE] = x;
    retirement = { kind: 'table', hazardByAge: h };
    record(i, ['specialists', 'retirement', 'byAge'], keyOf(i, ['specialists', 'retirement', 'byAge']), pts.map(([a, x]) => `${a}: ${x}`).join(', '), withParent(srcOf(Rt.byAge), Rt));
  }
  const Rc = S.recruitment;
  if (Rc) checkSource(rp('specialists', 'recruitment'), Rc.source);
  // A plan path: the recruitment it needs follows (model/engine.ts, step 3), so no fixed perYear.
  if (S.targetHeadcount !== undefined && Rc?.perYear !== undefined) add(rp('specialists', 'targetHeadcount'), vmsg.oneOf('recruitment.perYear', 'targetHeadcount'));
  if (S.targetHeadcount === undefined && Rc?.max !== undefined) add(rp('specialists', 'recruitment', 'max'), vmsg.recruitmentMaxNeedsPath());
  const target = S.targetHeadcount !== undefined ? series(i, ['specialists', 'targetHeadcount'], S.targetHeadcount, 1, 'relative', undefined, S) : null;
  const recruitmentMax = target && Rc?.max !== undefined ? series(i, ['specialists', 'recruitment', 'max'], Rc.max, 1, 'relative', undefined, Rc) : null;
  const specialists: RegionInput['specialists'] = {
    headcount,
    ageShares,
    retirement,
    attrition: lever(i, ['specialists', 'attrition'], S.attrition, undefined, S),
    recruitment: target
      ? series(i, ['specialists', 'recruitment', 'perYear'], undefined, 1, 'relative', DEFAULTS.recruitmentWithPath)
      : series(i, ['specialists', 'recruitment', 'perYear'], Rc?.perYear, 1, 'relative', DEFAULTS.recruitment, Rc ?? S),
    target,
    recruitmentMax,
    recruitmentAge: scalar(i, ['specialists', 'recruitment', 'entryAge'], Rc?.entryAge, DEFAULTS.recruitmentAge, Rc),
    fte: lever(i, ['specialists', 'fte'], S.fte, DEFAULTS.fte, S),
  };

  return specialists;
}
