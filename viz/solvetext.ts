/**
 * Text output of `riktvarde solve`, in Swedish and English. Pure: the report object in, a
 * string out. (Every user-facing text of the solver is here, in both languages.)
 */
import type { McRegionOutput } from '../model/mcresults.js';
import type { Lever, Shape } from '../model/solve.js';
import { fmtInt, fmtMkr, fmtNum, fmtPct, fmtProb, type Lang } from './format.js';
import { renderGrid, splitEven } from './table.js';

export interface SolveReport {
  scenario: string;
  region: string;
  lever: Lever;
  shape: Shape;
  fromYear: number;
  targetYear: number;
  probability: number;
  max: number | null;
  feasible: boolean;
  /** The solved level (or the bound, when not feasible). */
  level: number;
  schedule: { year: number; value: number | null; asWritten: number | null }[] | null;
  asWrittenValue: number | null;
  result: McRegionOutput;
  base: McRegionOutput;
  probabilityByTarget: number;
  baseProbabilityByTarget: number;
  earliestYearAtBound: number | null;
  costs: { year: number; solved: number; asWritten: number }[];
  cumulativeCost: { solved: number; asWritten: number };
  specialists: { targetYear: number; horizon: number; asWrittenHorizon: number };
  unfilledByCap: number;
  evaluations: number;
  monotoneViolations: number;
  runs: number;
  seed: number;
  eventNoise: boolean;
  version: string;
  horizon: number;
}

const L = {
  lever: {
    intake: { sv: 'ST-intag (utlysta tjänster per år)', en: 'ST intake (advertised posts per year)' },
    recruitment: { sv: 'nettorekrytering av specialister (per år)', en: 'net recruitment of specialists (per year)' },
    retention: { sv: 'andel nya specialister som stannar', en: 'share of new specialists who stay' },
    attrition: { sv: 'övriga avgångar bland specialister (andel per år)', en: 'other exits of specialists (share per year)' },
  },
  unit: {
    intake: { sv: 'tjänster per år', en: 'posts a year' },
    recruitment: { sv: 'specialister per år', en: 'specialists a year' },
  },
};

function value(r: SolveReport, x: number, lang: Lang): string {
  if (r.lever === 'retention' || r.lever === 'attrition') return fmtPct(x, lang, 1);
  return `${fmtInt(x, lang)} ${L.unit[r.lever][lang]}`;
}

function yearsText(y: number | null, horizon: number, lang: Lang): string {
  return y === null ? (lang === 'sv' ? `inte till och med ${horizon}` : `not by ${horizon}`) : String(y);
}

function reachedLine(o: McRegionOutput, horizon: number, lang: Lang): string {
  const med = yearsText(o.reachedYear, horizon, lang);
  const lo = yearsText(o.reachedYearInterval80.p10, horizon, lang), hi = yearsText(o.reachedYearInterval80.p90, horizon, lang);
  return lang === 'sv' ? `median ${med} (80 %-intervall ${lo} – ${hi})` : `median ${med} (80% interval ${lo} – ${hi})`;
}

export function renderSolve(r: SolveReport, lang: Lang, width = 120): string {
  const sv = lang === 'sv';
  const out: string[] = [];
  const shape = r.shape.kind === 'constant'
    ? (sv ? `konstant från ${r.fromYear}` : `constant from ${r.fromYear}`)
    : (sv ? `ökning med högst ${fmtNum(r.shape.maxStep, lang)} per år från ${r.fromYear}` : `rising by at most ${fmtNum(r.shape.maxStep, lang)} a year from ${r.fromYear}`);
  const smallest = r.lever === 'attrition' ? (sv ? 'den högsta nivån för' : 'the highest level of') : (sv ? 'den lägsta nivån för' : 'the smallest');
  out.push(sv ? `Lös — ${r.scenario} — ${r.region}` : `Solve — ${r.scenario} — ${r.region}`);
  out.push(sv
    ? `Fråga: ${smallest} ${L.lever[r.lever].sv}${r.schedule ? `, ${shape}` : ''}, som når 1100/550 senast ${r.targetYear} med minst ${fmtPct(r.probability, lang)} sannolikhet${r.max !== null ? ` (högst ${value(r, r.max, lang)})` : ''}.`
    : `Question: ${smallest} ${L.lever[r.lever].en}${r.schedule ? `, ${shape}` : ''}, that reaches 1100/550 by ${r.targetYear} with at least ${fmtPct(r.probability, lang)} probability${r.max !== null ? ` (at most ${value(r, r.max, lang)})` : ''}.`);
  out.push('');
  if (r.feasible) {
    out.push(sv ? `Svar: ${value(r, r.level, lang)}${r.schedule && r.shape.kind === 'constant' ? ` från ${r.fromYear}` : ''}.` : `Answer: ${value(r, r.level, lang)}${r.schedule && r.shape.kind === 'constant' ? ` from ${r.fromYear}` : ''}.`);
  } else {
    const at = r.earliestYearAtBound;
    out.push(sv
      ? `Svar: går inte att nå med ${value(r, r.level, lang)}: sannolikheten till och med ${r.targetYear} blir ${fmtProb(r.probabilityByTarget, lang)}. Med den nivån nås målet med ${fmtPct(r.probability, lang)} sannolikhet ${at === null ? `inte till och med ${r.horizon}` : `först ${at}`}.`
      : `Answer: not reachable with ${value(r, r.level, lang)}: the probability by ${r.targetYear} is ${fmtProb(r.probabilityByTarget, lang)}. At that level the target is reached with ${fmtPct(r.probability, lang)} probability ${at === null ? `not by ${r.horizon}` : `in ${at} at the earliest`}.`);
  }
  out.push(sv
    ? `Med den nivån: sannolikhet att nå målet till och med ${r.targetYear}: ${fmtProb(r.probabilityByTarget, lang)} (planen som den är skriven: ${fmtProb(r.baseProbabilityByTarget, lang)}); år då målet nås: ${reachedLine(r.result, r.horizon, lang)}; planen: ${reachedLine(r.base, r.horizon, lang)}.`
    : `At that level: probability reached by ${r.targetYear}: ${fmtProb(r.probabilityByTarget, lang)} (plan as written: ${fmtProb(r.baseProbabilityByTarget, lang)}); year reached: ${reachedLine(r.result, r.horizon, lang)}; plan: ${reachedLine(r.base, r.horizon, lang)}.`);
  const atTarget = r.targetYear === r.horizon ? '' : sv ? `${fmtInt(r.specialists.targetYear, lang)} år ${r.targetYear}, ` : `${fmtInt(r.specialists.targetYear, lang)} in ${r.targetYear}, `;
  out.push(sv
    ? `Specialister (median): ${atTarget}${fmtInt(r.specialists.horizon, lang)} år ${r.horizon} (planen: ${fmtInt(r.specialists.asWrittenHorizon, lang)} år ${r.horizon}).`
    : `Specialists (median): ${atTarget}${fmtInt(r.specialists.horizon, lang)} in ${r.horizon} (plan: ${fmtInt(r.specialists.asWrittenHorizon, lang)} in ${r.horizon}).`);
  if (r.asWrittenValue !== null) out.push(sv ? `Planen som den är skriven: ${value(r, r.asWrittenValue, lang)}.` : `Plan as written: ${value(r, r.asWrittenValue, lang)}.`);
  out.push('');

  // Per-year table: the schedule (if any) and the extra cost.
  const years = r.costs.map((c) => c.year);
  const rows: { label: string; cells: string[] }[] = [];
  if (r.schedule) {
    rows.push({ label: sv ? 'Nivå, löst (per år)' : 'Level, solved (per year)', cells: r.schedule.map((s) => (s.value === null ? '–' : fmtInt(s.value, lang))) });
    rows.push({ label: sv ? 'Nivå, planen (per år)' : 'Level, plan as written', cells: r.schedule.map((s) => (s.asWritten === null ? '–' : fmtInt(s.asWritten, lang))) });
  }
  const mkr = (x: number) => (Number.isFinite(x) ? fmtNum(x / 1e6, lang, 1) : '–');
  rows.push({ label: sv ? 'Merkostnad mot basåret, löst (mnkr, median)' : 'Cost above base year, solved (SEK m, median)', cells: r.costs.map((c) => mkr(c.solved)) });
  rows.push({ label: sv ? 'Merkostnad mot basåret, planen (mnkr, median)' : 'Cost above base year, plan (SEK m, median)', cells: r.costs.map((c) => mkr(c.asWritten)) });
  const labelW = Math.max(...rows.map((x) => x.label.length));
  const perBlock = Math.max(1, Math.floor((width - labelW - 2) / 9));
  for (const block of splitEven(years.map((_, i) => i), perBlock)) {
    const a = block[0], b = block[block.length - 1] + 1;
    out.push(...renderGrid(['', ...years.slice(a, b).map(String)], rows.map((x) => [x.label, ...x.cells.slice(a, b)]), ['l', ...years.slice(a, b).map(() => 'r' as const)], width));
    out.push('');
  }
  const diff = r.cumulativeCost.solved - r.cumulativeCost.asWritten;
  out.push(sv
    ? `Ackumulerad merkostnad ${years[0]}–${r.horizon} (median): ${fmtMkr(r.cumulativeCost.solved, lang)} (planen: ${fmtMkr(r.cumulativeCost.asWritten, lang)}); skillnad ${fmtMkr(diff, lang)}.`
    : `Accumulated extra cost ${years[0]}–${r.horizon} (median): ${fmtMkr(r.cumulativeCost.solved, lang)} (plan: ${fmtMkr(r.cumulativeCost.asWritten, lang)}); difference ${fmtMkr(diff, lang)}.`);
  if (r.unfilledByCap > 0.5) {
    out.push(sv
      ? `Utbildningskapacitet: i genomsnitt ${fmtInt(r.unfilledByCap, lang)} tjänster totalt kunde inte tillsättas under perioden (kapacitetsregeln i scenariot).`
      : `Training capacity: on average ${fmtInt(r.unfilledByCap, lang)} posts in all could not be filled over the period (the scenario's capacity rule).`);
  }
  out.push(sv
    ? `Metod: bisektion över ${r.evaluations} nivåer, varje med ${fmtInt(r.runs, lang)} Monte Carlo-körningar på samma frö (${r.seed}) — gemensamma slumptal, så sannolikheten växer med nivån${r.monotoneViolations ? ` (obs: ${r.monotoneViolations} avvikelse(r) från monotonicitet sågs)` : ''}. Slumpvariation i händelser ${r.eventNoise ? 'på' : 'av'}. Modellversion ${r.version}.`
    : `Method: bisection over ${r.evaluations} levels, each with ${fmtInt(r.runs, lang)} Monte Carlo runs on the same seed (${r.seed}) — common random numbers, so the probability grows with the level${r.monotoneViolations ? ` (note: ${r.monotoneViolations} departure(s) from monotonicity seen)` : ''}. Event noise ${r.eventNoise ? 'on' : 'off'}. Model version ${r.version}.`);
  return out.join('\n');
}
