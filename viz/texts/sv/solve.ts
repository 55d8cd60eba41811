/** Swedish texts: the output of `solve`. Typed by `../types.ts`, so a missing text fails the type-check. */
import type { McRegionOutput } from '../../../model/mcresults.js';
import type { SolveHeadline, SolveReport } from '../info.js';
import type { SolveTexts } from '../types.js';
import { fmt } from './common.js';

const L = {
  lever: {
    intake: 'ST-intag (utlysta tjänster per år)',
    recruitment: 'nettorekrytering av specialister (per år)',
    retention: 'andel nya specialister som stannar',
    attrition: 'övriga avgångar bland specialister (andel per år)',
  },
  unit: {
    intake: 'tjänster per år',
    recruitment: 'specialister per år',
  },
};

function value(r: SolveReport, x: number): string {
  if (r.lever === 'retention' || r.lever === 'attrition') return fmt.pct(x, 1);
  return `${fmt.int(x)} ${L.unit[r.lever]}`;
}

function yearsText(y: number | null, horizon: number): string {
  return y === null ? `inte till och med ${horizon}` : String(y);
}

function reachedLine(o: McRegionOutput, horizon: number): string {
  const med = yearsText(o.reachedYear, horizon);
  const lo = yearsText(o.reachedYearInterval80.p10, horizon), hi = yearsText(o.reachedYearInterval80.p90, horizon);
  return `median ${med} (80 %-intervall ${lo} – ${hi})`;
}

export const solve: SolveTexts = {
  title(r: SolveReport): string {
    return `Lös — ${r.scenario} — ${r.region}`;
  },
  question(r: SolveReport): string {
    const shape = r.shape.kind === 'constant'
      ? `konstant från ${r.fromYear}`
      : `ökning med högst ${fmt.num(r.shape.maxStep)} per år från ${r.fromYear}`;
    const smallest = r.lever === 'attrition' ? 'den högsta nivån för' : 'den lägsta nivån för';
    return `Fråga: ${smallest} ${L.lever[r.lever]}${r.schedule ? `, ${shape}` : ''}, som når 1100/550 senast ${r.targetYear} med minst ${fmt.pct(r.probability)} sannolikhet${r.max !== null ? ` (högst ${value(r, r.max)})` : ''}.`;
  },
  answer(r: SolveReport): string {
    if (r.feasible) return `Svar: ${value(r, r.level)}${r.schedule && r.shape.kind === 'constant' ? ` från ${r.fromYear}` : ''}.`;
    const at = r.earliestYearAtBound;
    return `Svar: går inte att nå med ${value(r, r.level)}: sannolikheten till och med ${r.targetYear} blir ${fmt.prob(r.probabilityByTarget)}. Med den nivån nås målet med ${fmt.pct(r.probability)} sannolikhet ${at === null ? `inte till och med ${r.horizon}` : `först ${at}`}.`;
  },
  atThatLevel(r: SolveReport): string {
    return `Med den nivån: sannolikhet att nå målet till och med ${r.targetYear}: ${fmt.prob(r.probabilityByTarget)} (planen som den är skriven: ${fmt.prob(r.baseProbabilityByTarget)}); år då målet nås: ${reachedLine(r.result, r.horizon)}; planen: ${reachedLine(r.base, r.horizon)}.`;
  },
  specialists(r: SolveReport): string {
    const atTarget = r.targetYear === r.horizon ? '' : `${fmt.int(r.specialists.targetYear)} år ${r.targetYear}, `;
    return `Specialister (median): ${atTarget}${fmt.int(r.specialists.horizon)} år ${r.horizon} (planen: ${fmt.int(r.specialists.asWrittenHorizon)} år ${r.horizon}).`;
  },
  headline(h: SolveHeadline): string {
    const one = (v: SolveHeadline['plan'], y: number) => `${v.perDoctorEquivalent === null ? '–' : fmt.int(Math.ceil(v.perDoctorEquivalent))} år ${y} (täckningsgrad ${fmt.pct(v.coverage, 1)})`;
    const atTarget = h.targetYear === h.horizon ? '' : `${one(h.solvedTarget, h.targetYear)}, `;
    return `Invånare per läkarekvivalent (median): ${atTarget}${one(h.solvedHorizon, h.horizon)}; planen: ${one(h.plan, h.horizon)}.`;
  },
  planAsWritten(r: SolveReport, x: number): string {
    return `Planen som den är skriven: ${value(r, x)}.`;
  },
  rowLevelSolved(): string {
    return 'Nivå, löst (per år)';
  },
  rowLevelPlan(): string {
    return 'Nivå, planen (per år)';
  },
  rowCostSolved(): string {
    return 'Merkostnad mot basåret, löst (mnkr, median)';
  },
  rowCostPlan(): string {
    return 'Merkostnad mot basåret, planen (mnkr, median)';
  },
  accumulated(r: SolveReport, firstYear: number, diff: number): string {
    return `Ackumulerad merkostnad ${firstYear}–${r.horizon} (median): ${fmt.mkr(r.cumulativeCost.solved)} (planen: ${fmt.mkr(r.cumulativeCost.asWritten)}); skillnad ${fmt.mkr(diff)}.`;
  },
  unfilledByCap(r: SolveReport): string {
    return `Utbildningskapacitet: i genomsnitt ${fmt.int(r.unfilledByCap)} tjänster totalt kunde inte tillsättas under perioden (kapacitetsregeln i scenariot).`;
  },
  method(r: SolveReport): string {
    return `Metod: bisektion över ${r.evaluations} nivåer, varje med ${fmt.int(r.runs)} Monte Carlo-körningar på samma frö (${r.seed}) — gemensamma slumptal, så sannolikheten växer med nivån${r.monotoneViolations ? ` (obs: ${r.monotoneViolations} avvikelse(r) från monotonicitet sågs)` : ''}. Slumpvariation i händelser ${r.eventNoise ? 'på' : 'av'}. Modellversion ${r.version}.`;
  },
};
