/** Swedish texts: the output of `solve`. Typed by `../types.ts`, so a missing text fails the type-check. */
import type { McRegionOutput } from '../../../model/mcresults.js';
import type { SolveHeadline, SolveReport } from '../info.js';
import type { SolveTexts, TakeTexts } from '../types.js';
import type { WhatItWouldTake } from '../../../model/take.js';
import { fmt, priceBase } from './common.js';

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
    const limit = r.max === null ? ` (sökningens gräns: inget tak angavs${r.lever === 'intake' && r.unfilledByCap > 0.5 ? `; scenariots utbildningskapacitet räcker bara till en del av tjänsterna, se nedan` : ''})` : '';
    return `Svar: går inte att nå med ${value(r, r.level)}${limit}: sannolikheten till och med ${r.targetYear} blir ${fmt.prob(r.probabilityByTarget)}. Med den nivån nås målet med ${fmt.pct(r.probability)} sannolikhet ${at === null ? `inte till och med ${r.horizon}` : `först ${at}`}.`;
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
  rowLevelSolved(none) {
    if (!none) return 'Nivå, löst (per år)';
    return `Inget svar: ${none.cap ? 'nivån vid taket' : none.filled ? `fyllda av ${fmt.int(none.limit)} platser` : 'sökningens gräns'} (per år)`;
  },
  rowLevelPlan(): string {
    return 'Nivå, planen (per år)';
  },
  rowCostSolved(atLimit) {
    return `Merkostnad mot basåret, ${atLimit ? 'vid gränsen' : 'löst'} (mnkr, median)`;
  },
  rowCostPlan(): string {
    return 'Merkostnad mot basåret, planen (mnkr, median)';
  },
  accumulated(r: SolveReport, firstYear: number, diff: number): string {
    return `Ackumulerad merkostnad ${firstYear}–${r.horizon} (median): ${fmt.mkr(r.cumulativeCost.solved)} (planen: ${fmt.mkr(r.cumulativeCost.asWritten)}); skillnad ${fmt.mkr(diff)}.`;
  },
  unfilledByCap(r: SolveReport): string {
    const n = fmt.int(r.unfilledByCap);
    return `Utbildningskapacitet: i genomsnitt ${n} ${n === '1' ? 'tjänst' : 'tjänster'} totalt kunde inte tillsättas under perioden (kapacitetsregeln i scenariot).`;
  },
  budgetQuestion(r: SolveReport): string {
    return `Fråga: den högsta nivån för ${L.lever[r.lever]}${r.schedule ? `, konstant från ${r.fromYear}` : ''}, vars merkostnad mot ${r.fromYear - 1} ryms inom ${fmt.mkr(r.budget!.mnkr * 1e6)} per år varje år till och med ${r.horizon} (väntevärdesprojektion, ${r.priceBase ? priceBase(r.priceBase) : 'scenariots priser'}), och när 1100/550 då nås.`;
  },
  budgetAnswer(r: SolveReport): string {
    const b = r.budget!, need = r.budgetNeeded!;
    if (!b.feasible) return `Svar: inget ryms: redan med ${value(r, r.level)} blir merkostnaden mot basåret ${fmt.mkr(need.value)} år ${need.year}.`;
    if (b.atBound) return `Svar: budgeten begränsar inte: ${value(r, r.level)}, det mesta som prövas${r.lever === 'intake' ? ' (tjänster utöver utbildningskapaciteten tillsätts inte)' : ''}, kostar högst ${fmt.mkr(need.value)} per år.`;
    return `Svar: ${value(r, r.level)}${r.schedule && r.shape.kind === 'constant' ? ` från ${r.fromYear}` : ''}: högst ${fmt.mkr(need.value)} per år mot basåret (${need.year}); ett steg till skulle kräva ${fmt.mkr(b.oneMore)}.`;
  },
  budgetVsPlan(peak, budgetMnkr) {
    if (peak === null) return null;
    if (peak.value <= 0) return 'Planen som den är skriven kostar aldrig mer än basåret (median). Budgeten är hela merkostnaden mot basåret, inte ett tillskott utöver planen.';
    const over = peak.value > budgetMnkr * 1e6 ? ': mer än den här budgeten, så svaret räcker till mindre än planen' : '';
    return `Planen som den är skriven kostar upp till ${fmt.mkr(peak.value)} per år mot basåret (${peak.year}, median)${over}. Budgeten är hela merkostnaden mot basåret, inte ett tillskott utöver planen.`;
  },
  budgetNeeded(r: SolveReport): string {
    const n = r.budgetNeeded;
    return n === null ? 'Årlig budget: scenariot har inga kostnader.' : `Årlig budget som krävs: ${fmt.mkr(n.value)} (den största merkostnaden mot basåret, år ${n.year}; väntevärdesprojektion, ${r.priceBase ? priceBase(r.priceBase) : 'scenariots priser'}).`;
  },
  feasibility(r: SolveReport): string {
    const f = r.feasibility;
    const sup = f.supervisorsNeededPeak !== null
      ? `med ${fmt.num(f.traineesPerSpecialistFte!, 1)} ST-läkare per specialistheltid krävs ${fmt.int(f.supervisorsNeededPeak)} specialistheltider som handledare`
      : 'scenariot har ingen regel om ST-läkare per specialistheltid att räkna handledare efter';
    const warn = f.trainingCapacitySet ? '' : ' Varning: scenariot anger ingen utbildningskapacitet (st.trainingCapacity), så inget begränsar intaget till de handledare och utbildningsplatser som finns.';
    return `Genomförbarhet (väntevärdesprojektion): ST-läkarna blir som flest ${fmt.int(f.stPeak)} år ${f.stPeakYear} (i dag ${fmt.int(f.stToday)}${f.stPeakRatio !== null ? `, ${fmt.num(f.stPeakRatio, 1)} gånger` : ''}); ${sup}; ${fmt.int(f.completionsTotal)} blir färdiga specialister under perioden.${warn}`;
  },
  rowSt(): string {
    return 'ST-läkare (väntevärde)';
  },
  rowSupervisors(): string {
    return 'Handledare som krävs (specialistheltider)';
  },
  rowCompletions(): string {
    return 'Färdiga ST (väntevärde)';
  },
  method(r: SolveReport): string {
    const search = r.budget ? 'bisektion på väntevärdesprojektionens kostnad' : `bisektion över ${r.evaluations} ${r.evaluations === 1 ? 'nivå' : 'nivåer'} på ${fmt.int(r.runs)} Monte Carlo-körningar med samma frö (${r.seed}), ${fmt.int(r.simulations)} regionkörningar simulerade: gemensamma slumptal, så varje körnings utfall växer med nivån och en körning simuleras bara där nivåerna runt den lämnar utfallet öppet`;
    return `Metod: ${search}; därefter Monte Carlo (${fmt.int(r.runs)} körningar, frö ${r.seed}) vid svaret och för planen${r.monotoneViolations ? ' (obs: framåtkörningen vid svaret avviker från sökningens monotonicitet)' : ''}. Slumpvariation i händelser ${r.eventNoise ? 'på' : 'av'}. Modellversion ${r.version}.`;
  },
};

export const take: TakeTexts = {
  heading(): string {
    return 'Vad som skulle krävas';
  },
  sentences(w: WhatItWouldTake): string[] {
    const out: string[] = [];
    const mc = w.basis === 'monte-carlo';
    const ipde = w.inhabitantsPerDoctorEquivalent === null ? '' : `, ${fmt.int(Math.ceil(w.inhabitantsPerDoctorEquivalent))} invånare per läkarekvivalent`;
    const cov = w.coverage === null ? '' : `täckningen ${w.horizon} blir ${fmt.pct(w.coverage)}${ipde}${mc ? ' (median)' : ''}`;
    out.push(`Så långt räcker planen: ${cov}${mc ? `${cov ? '; ' : ''}sannolikhet att nå 1100/550 till och med ${w.horizon}: ${fmt.prob(w.probabilityByHorizon)}` : ''}.`);
    for (const a of w.answers) {
      const how = a.probability === null ? 'i väntevärdesprojektionen' : `med ${fmt.pct(a.probability)} sannolikhet`;
      if (a.alreadyReached) { out.push(`${how[0].toUpperCase()}${how.slice(1)} når planen som den är skriven redan målet till och med ${w.horizon}.`); continue; }
      if (a.intake === null) { out.push(`För att nå målet till och med ${w.horizon} ${how}: inget konstant ST-intag räcker, ${w.trainingCapacitySet ? 'inte ens med varje utbildningsplats som scenariots kapacitet medger tillsatt' : `inte ens ${fmt.int(w.intakeBound)} tjänster per år`}.`); continue; }
      const cost = a.intakeCost ? `; merkostnad mot ${w.fromYear - 1} upp till ${fmt.mkr(a.intakeCost.budgetNeeded)} per år (${a.intakeCost.budgetNeededYear}), ${fmt.mkr(a.intakeCost.cumulativeVsPlan)} mer än planen under ${w.fromYear}–${w.horizon}` : '';
      const f = a.feasibility;
      const feas = f ? ` ST-läkarna skulle bli som flest ${fmt.int(f.stPeak)} år ${f.stPeakYear} (i dag ${fmt.int(f.stToday)}${f.stPeakRatio !== null ? `, ${fmt.num(f.stPeakRatio, 1)} gånger` : ''})${f.supervisorsNeededPeak !== null ? `, vilket kräver ${fmt.int(f.supervisorsNeededPeak)} specialistheltider som handledare med ${fmt.num(f.traineesPerSpecialistFte!, 1)} ST-läkare var` : ''}; ${fmt.int(f.completionsTotal)} skulle bli färdiga specialister ${w.fromYear}–${w.horizon}.` : '';
      out.push(`För att nå målet till och med ${w.horizon} ${how}: ${fmt.int(a.intake)} ST-tjänster per år från ${w.fromYear} (planen: ${fmt.int(w.planIntake)} år ${w.fromYear})${cost}.${feas}`);
    }
    const wc = w.withoutCapacity;
    if (wc) {
      const f = wc.feasibility, fte = f.years.find((y) => y.year === f.stPeakYear)?.specialistsFte ?? null;
      const sup = f.supervisorsNeededPeak !== null ? `, vilket kräver ${fmt.int(f.supervisorsNeededPeak)} specialistheltider som handledare med ${fmt.num(f.traineesPerSpecialistFte!, 1)} ST-läkare var, mot ${fmt.int(fte)} specialistheltider det året med det intaget` : '';
      out.push(`Utan gränsen för utbildningskapacitet (väntevärdesprojektion) skulle det krävas ${fmt.int(wc.intake)} ST-tjänster per år från ${w.fromYear}: ST-läkarna skulle bli som flest ${fmt.int(f.stPeak)} år ${f.stPeakYear} (i dag ${fmt.int(f.stToday)})${sup}${wc.cost ? `; merkostnad mot ${w.fromYear - 1} upp till ${fmt.mkr(wc.cost.budgetNeeded)} per år` : ''}.`);
    }
    const fill = w.trainingCapacitySet ? 'varje utbildningsplats som scenariots kapacitet medger tillsatt' : `${fmt.int(w.intakeBound)} tjänster per år`;
    const years = w.answers.map((a) => `${a.earliestYear === null ? `inte till och med ${w.horizon}` : a.earliestYear}${a.probability === null ? '' : ` med ${fmt.pct(a.probability)}`}`).join(', ');
    out.push(`Tidigaste år som går att nå, med ${fill} från ${w.fromYear}: ${years}${w.boundCost ? ` (merkostnad mot ${w.fromYear - 1} upp till ${fmt.mkr(w.boundCost.budgetNeeded)} per år)` : ''}.`);
    if (!w.trainingCapacitySet) out.push(`Varning: scenariot anger ingen utbildningskapacitet (st.trainingCapacity), så inget begränsar intaget till de handledare och utbildningsplatser som finns — svaren kan vara orealistiska.`);
    out.push(mc
      ? `Intagen är framräknade med samma sökning som riktvarde solve, på de första ${fmt.int(w.runs!)} körningarna i denna Monte Carlo (som riktvarde solve --runs ${w.runs}); kostnad och genomförbarhet från väntevärdesprojektionen vid det intaget.`
      : `Väntevärdesprojektion (ingen osäkerhet); riktvarde solve --probability 0.8 ger intaget med en viss sannolikhet (en körning av en region med --runs visar 50 % och 80 % här).`);
    return out;
  },
};
