/** English texts: the output of `solve`. Typed by `../types.ts`, so a missing text fails the type-check. */
import type { McRegionOutput } from '../../../model/mcresults.js';
import type { SolveHeadline, SolveReport } from '../info.js';
import type { SolveTexts } from '../types.js';
import { fmt } from './common.js';

const L = {
  lever: {
    intake: 'ST intake (advertised posts per year)',
    recruitment: 'net recruitment of specialists (per year)',
    retention: 'share of new specialists who stay',
    attrition: 'other exits of specialists (share per year)',
  },
  unit: {
    intake: 'posts a year',
    recruitment: 'specialists a year',
  },
};

function value(r: SolveReport, x: number): string {
  if (r.lever === 'retention' || r.lever === 'attrition') return fmt.pct(x, 1);
  return `${fmt.int(x)} ${L.unit[r.lever]}`;
}

function yearsText(y: number | null, horizon: number): string {
  return y === null ? `not by ${horizon}` : String(y);
}

function reachedLine(o: McRegionOutput, horizon: number): string {
  const med = yearsText(o.reachedYear, horizon);
  const lo = yearsText(o.reachedYearInterval80.p10, horizon), hi = yearsText(o.reachedYearInterval80.p90, horizon);
  return `median ${med} (80% interval ${lo} – ${hi})`;
}

export const solve: SolveTexts = {
  title(r: SolveReport): string {
    return `Solve — ${r.scenario} — ${r.region}`;
  },
  question(r: SolveReport): string {
    const shape = r.shape.kind === 'constant'
      ? `constant from ${r.fromYear}`
      : `rising by at most ${fmt.num(r.shape.maxStep)} a year from ${r.fromYear}`;
    const smallest = r.lever === 'attrition' ? 'the highest level of' : 'the smallest';
    return `Question: ${smallest} ${L.lever[r.lever]}${r.schedule ? `, ${shape}` : ''}, that reaches 1100/550 by ${r.targetYear} with at least ${fmt.pct(r.probability)} probability${r.max !== null ? ` (at most ${value(r, r.max)})` : ''}.`;
  },
  answer(r: SolveReport): string {
    if (r.feasible) return `Answer: ${value(r, r.level)}${r.schedule && r.shape.kind === 'constant' ? ` from ${r.fromYear}` : ''}.`;
    const at = r.earliestYearAtBound;
    return `Answer: not reachable with ${value(r, r.level)}: the probability by ${r.targetYear} is ${fmt.prob(r.probabilityByTarget)}. At that level the target is reached with ${fmt.pct(r.probability)} probability ${at === null ? `not by ${r.horizon}` : `in ${at} at the earliest`}.`;
  },
  atThatLevel(r: SolveReport): string {
    return `At that level: probability reached by ${r.targetYear}: ${fmt.prob(r.probabilityByTarget)} (plan as written: ${fmt.prob(r.baseProbabilityByTarget)}); year reached: ${reachedLine(r.result, r.horizon)}; plan: ${reachedLine(r.base, r.horizon)}.`;
  },
  specialists(r: SolveReport): string {
    const atTarget = r.targetYear === r.horizon ? '' : `${fmt.int(r.specialists.targetYear)} in ${r.targetYear}, `;
    return `Specialists (median): ${atTarget}${fmt.int(r.specialists.horizon)} in ${r.horizon} (plan: ${fmt.int(r.specialists.asWrittenHorizon)} in ${r.horizon}).`;
  },
  headline(h: SolveHeadline): string {
    const one = (v: SolveHeadline['plan'], y: number) => `${v.perDoctorEquivalent === null ? '–' : fmt.int(Math.ceil(v.perDoctorEquivalent))} in ${y} (coverage ${fmt.pct(v.coverage, 1)})`;
    const atTarget = h.targetYear === h.horizon ? '' : `${one(h.solvedTarget, h.targetYear)}, `;
    return `Inhabitants per doctor equivalent (median): ${atTarget}${one(h.solvedHorizon, h.horizon)}; plan: ${one(h.plan, h.horizon)}.`;
  },
  planAsWritten(r: SolveReport, x: number): string {
    return `Plan as written: ${value(r, x)}.`;
  },
  rowLevelSolved(): string {
    return 'Level, solved (per year)';
  },
  rowLevelPlan(): string {
    return 'Level, plan as written';
  },
  rowCostSolved(): string {
    return 'Cost above base year, solved (SEK m, median)';
  },
  rowCostPlan(): string {
    return 'Cost above base year, plan (SEK m, median)';
  },
  accumulated(r: SolveReport, firstYear: number, diff: number): string {
    return `Accumulated extra cost ${firstYear}–${r.horizon} (median): ${fmt.mkr(r.cumulativeCost.solved)} (plan: ${fmt.mkr(r.cumulativeCost.asWritten)}); difference ${fmt.mkr(diff)}.`;
  },
  unfilledByCap(r: SolveReport): string {
    return `Training capacity: on average ${fmt.int(r.unfilledByCap)} posts in all could not be filled over the period (the scenario's capacity rule).`;
  },
  method(r: SolveReport): string {
    return `Method: bisection over ${r.evaluations} levels, each with ${fmt.int(r.runs)} Monte Carlo runs on the same seed (${r.seed}) — common random numbers, so the probability grows with the level${r.monotoneViolations ? ` (note: ${r.monotoneViolations} departure(s) from monotonicity seen)` : ''}. Event noise ${r.eventNoise ? 'on' : 'off'}. Model version ${r.version}.`;
  },
};
