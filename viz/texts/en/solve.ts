/** English texts: the output of `solve`. Typed by `../types.ts`, so a missing text fails the type-check. */
import type { McRegionOutput } from '../../../model/mcresults.js';
import type { SolveHeadline, SolveReport } from '../info.js';
import type { SolveTexts, TakeTexts } from '../types.js';
import type { WhatItWouldTake } from '../../../model/take.js';
import { fmt, priceBase } from './common.js';

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
    const limit = r.max === null ? ` (the limit of the search: no cap was given${r.lever === 'intake' && r.unfilledByCap > 0.5 ? `; the scenario's training capacity fills only part of those posts, see below` : ''})` : '';
    return `Answer: not reachable with ${value(r, r.level)}${limit}: the probability by ${r.targetYear} is ${fmt.prob(r.probabilityByTarget)}. At that level the target is reached with ${fmt.pct(r.probability)} probability ${at === null ? `not by ${r.horizon}` : `in ${at} at the earliest`}.`;
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
  rowLevelSolved(none) {
    if (!none) return 'Level, solved (per year)';
    return `No answer: ${none.cap ? 'the level at the cap' : none.filled ? `posts filled of ${fmt.int(none.limit)}` : "the search's limit"} (per year)`;
  },
  rowLevelPlan(): string {
    return 'Level, plan as written';
  },
  rowCostSolved(atLimit) {
    return `Cost above base year, ${atLimit ? 'at the limit' : 'solved'} (SEK m, median)`;
  },
  rowCostPlan(): string {
    return 'Cost above base year, plan (SEK m, median)';
  },
  accumulated(r: SolveReport, firstYear: number, diff: number): string {
    return `Accumulated extra cost ${firstYear}–${r.horizon} (median): ${fmt.mkr(r.cumulativeCost.solved)} (plan: ${fmt.mkr(r.cumulativeCost.asWritten)}); difference ${fmt.mkr(diff)}.`;
  },
  unfilledByCap(r: SolveReport): string {
    const n = fmt.int(r.unfilledByCap);
    return `Training capacity: on average ${n} ${n === '1' ? 'post' : 'posts'} in all could not be filled over the period (the scenario's capacity rule).`;
  },
  budgetQuestion(r: SolveReport): string {
    return `Question: the largest ${L.lever[r.lever]}${r.schedule ? `, constant from ${r.fromYear}` : ''}, whose cost above ${r.fromYear - 1} stays within ${fmt.mkr(r.budget!.mnkr * 1e6)} a year in every year to ${r.horizon} (expected-value projection, ${r.priceBase ? priceBase(r.priceBase) : 'the scenario\'s prices'}), and when 1100/550 is then reached.`;
  },
  budgetAnswer(r: SolveReport): string {
    const b = r.budget!, need = r.budgetNeeded!;
    if (!b.feasible) return `Answer: nothing fits: even at ${value(r, r.level)} the cost above the base year reaches ${fmt.mkr(need.value)} in ${need.year}.`;
    if (b.atBound) return `Answer: the budget does not bind: ${value(r, r.level)}, the most searched${r.lever === 'intake' ? ' (posts beyond the training capacity stay unfilled)' : ''}, costs at most ${fmt.mkr(need.value)} a year.`;
    return `Answer: ${value(r, r.level)}${r.schedule && r.shape.kind === 'constant' ? ` from ${r.fromYear}` : ''}: at most ${fmt.mkr(need.value)} a year above the base year (${need.year}); one step more would need ${fmt.mkr(b.oneMore)}.`;
  },
  budgetVsPlan(peak, budgetMnkr) {
    if (peak === null) return null;
    if (peak.value <= 0) return 'The plan as written never costs more than the base year (median). The budget is the whole cost above the base year, not an addition to the plan.';
    const over = peak.value > budgetMnkr * 1e6 ? ': more than this budget, so the answer buys less than the plan' : '';
    return `The plan as written costs up to ${fmt.mkr(peak.value)} a year above the base year (${peak.year}, median)${over}. The budget is the whole cost above the base year, not an addition to the plan.`;
  },
  budgetNeeded(r: SolveReport): string {
    const n = r.budgetNeeded;
    return n === null ? 'Yearly budget: the scenario has no costs.' : `Yearly budget this needs: ${fmt.mkr(n.value)} (its largest cost above the base year, in ${n.year}; expected-value projection, ${r.priceBase ? priceBase(r.priceBase) : 'the scenario\'s prices'}).`;
  },
  feasibility(r: SolveReport): string {
    const f = r.feasibility;
    const sup = f.supervisorsNeededPeak !== null
      ? `at ${fmt.num(f.traineesPerSpecialistFte!, 1)} trainees per specialist FTE that needs ${fmt.int(f.supervisorsNeededPeak)} specialist FTE as supervisors`
      : 'the scenario has no rule of trainees per specialist FTE to count supervisors by';
    const warn = f.trainingCapacitySet ? '' : ' Warning: the scenario sets no training capacity (st.trainingCapacity), so nothing limits the intake to the supervisors and training places there are.';
    return `Feasibility (expected-value projection): ST trainees peak at ${fmt.int(f.stPeak)} in ${f.stPeakYear} (today ${fmt.int(f.stToday)}${f.stPeakRatio !== null ? `, ${fmt.num(f.stPeakRatio, 1)}×` : ''}); ${sup}; ${fmt.int(f.completionsTotal)} complete ST over the period.${warn}`;
  },
  rowSt(): string {
    return 'ST trainees (expected)';
  },
  rowSupervisors(): string {
    return 'Supervisors needed (specialist FTE)';
  },
  rowCompletions(): string {
    return 'ST completions (expected)';
  },
  method(r: SolveReport): string {
    const search = r.budget ? 'bisection on the expected-value cost' : `bisection over ${r.evaluations} ${r.evaluations === 1 ? 'level' : 'levels'} on ${fmt.int(r.runs)} Monte Carlo runs of the same seed (${r.seed}), ${fmt.int(r.simulations)} region-runs simulated: common random numbers, so each run's outcome grows with the level and a run is simulated only where the levels around it leave it open`;
    return `Method: ${search}; then the Monte Carlo (${fmt.int(r.runs)} runs, seed ${r.seed}) at the answer and of the plan${r.monotoneViolations ? ` (note: the forward run at the answer departs from the search's monotonicity)` : ''}. Event noise ${r.eventNoise ? 'on' : 'off'}. Model version ${r.version}.`;
  },
};

export const take: TakeTexts = {
  heading(): string {
    return 'What it would take';
  },
  sentences(w: WhatItWouldTake): string[] {
    const out: string[] = [];
    const mc = w.basis === 'monte-carlo';
    const ipde = w.inhabitantsPerDoctorEquivalent === null ? '' : `, ${fmt.int(Math.ceil(w.inhabitantsPerDoctorEquivalent))} inhabitants per doctor equivalent`;
    const cov = w.coverage === null ? '' : `coverage in ${w.horizon} is ${fmt.pct(w.coverage)}${ipde}${mc ? ' (median)' : ''}`;
    out.push(`How far it gets: ${cov}${mc ? `${cov ? '; ' : ''}probability of reaching 1100/550 by ${w.horizon}: ${fmt.prob(w.probabilityByHorizon)}` : ''}.`);
    for (const a of w.answers) {
      const how = a.probability === null ? 'in the expected-value projection' : `with ${fmt.pct(a.probability)} probability`;
      if (a.alreadyReached) { out.push(`${how[0].toUpperCase()}${how.slice(1)} the plan as written already reaches it by ${w.horizon}.`); continue; }
      if (a.intake === null) { out.push(`To reach it by ${w.horizon} ${how}: no constant ST intake does, ${w.trainingCapacitySet ? 'not even with every training place the scenario\'s capacity allows filled' : `not even ${fmt.int(w.intakeBound)} posts a year`}.`); continue; }
      const cost = a.intakeCost ? `; cost above ${w.fromYear - 1} up to ${fmt.mkr(a.intakeCost.budgetNeeded)} a year (${a.intakeCost.budgetNeededYear}), ${fmt.mkr(a.intakeCost.cumulativeVsPlan)} more than the plan over ${w.fromYear}–${w.horizon}` : '';
      const f = a.feasibility;
      const feas = f ? ` ST trainees would peak at ${fmt.int(f.stPeak)} in ${f.stPeakYear} (today ${fmt.int(f.stToday)}${f.stPeakRatio !== null ? `, ${fmt.num(f.stPeakRatio, 1)}×` : ''})${f.supervisorsNeededPeak !== null ? `, needing ${fmt.int(f.supervisorsNeededPeak)} specialist FTE as supervisors at ${fmt.num(f.traineesPerSpecialistFte!, 1)} trainees each` : ''}; ${fmt.int(f.completionsTotal)} would complete ST in ${w.fromYear}–${w.horizon}.` : '';
      out.push(`To reach it by ${w.horizon} ${how}: ${fmt.int(a.intake)} ST posts a year from ${w.fromYear} (plan: ${fmt.int(w.planIntake)} in ${w.fromYear})${cost}.${feas}`);
    }
    const wc = w.withoutCapacity;
    if (wc) {
      const f = wc.feasibility, fte = f.years.find((y) => y.year === f.stPeakYear)?.specialistsFte ?? null;
      const sup = f.supervisorsNeededPeak !== null ? `, needing ${fmt.int(f.supervisorsNeededPeak)} specialist FTE as supervisors at ${fmt.num(f.traineesPerSpecialistFte!, 1)} trainees each against ${fmt.int(fte)} specialist FTE that year at that intake` : '';
      out.push(`Without the training capacity (expected-value projection) it would take ${fmt.int(wc.intake)} ST posts a year from ${w.fromYear}: ST trainees would peak at ${fmt.int(f.stPeak)} in ${f.stPeakYear} (today ${fmt.int(f.stToday)})${sup}${wc.cost ? `; cost above ${w.fromYear - 1} up to ${fmt.mkr(wc.cost.budgetNeeded)} a year` : ''}.`);
    }
    const fill = w.trainingCapacitySet ? 'every training place the scenario\'s capacity allows filled' : `${fmt.int(w.intakeBound)} posts a year`;
    const years = w.answers.map((a) => `${a.earliestYear === null ? `not by ${w.horizon}` : a.earliestYear}${a.probability === null ? '' : ` at ${fmt.pct(a.probability)}`}`).join(', ');
    out.push(`Earliest year reachable, with ${fill} from ${w.fromYear}: ${years}${w.boundCost ? ` (cost above ${w.fromYear - 1} up to ${fmt.mkr(w.boundCost.budgetNeeded)} a year)` : ''}.`);
    if (!w.trainingCapacitySet) out.push(`Warning: the scenario sets no training capacity (st.trainingCapacity), so nothing limits the intake to the supervisors and training places there are — these answers may be out of reach.`);
    out.push(mc
      ? `Intakes found by the same search as riktvarde solve, on the first ${fmt.int(w.runs!)} runs of this Monte Carlo (as riktvarde solve --runs ${w.runs}); costs and feasibility from the expected-value projection at that intake.`
      : `Expected-value projection (no uncertainty); riktvarde solve --probability 0.8 gives the intake with a probability (a one-region run with --runs shows 50% and 80% here).`);
    return out;
  },
};
