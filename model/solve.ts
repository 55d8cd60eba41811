/**
 * The reverse question: the smallest lever setting that reaches 1100/550 by a target year with
 * at least a given probability. Pure: the Monte Carlo that evaluates a setting is passed in, so
 * the search runs the same with worker threads or in-process.
 *
 * Monotonicity: every evaluation uses the same seed, so all settings share their random
 * numbers (common random numbers). Binomial draws by inversion are monotone in their counts,
 * so more intake gives at least as many specialists run by run, and the share of runs reaching
 * the target is (up to rare ties in the other direction) non-decreasing — a bisection on integer
 * settings finds the smallest one. The solver checks monotonicity at the bracket ends it visits
 * and says so when it sees a violation.
 */
import { findUncertain } from './draws.js';
import { NONNEG, SHARE } from './dist.js';
import { F } from './fields.js';
import { expectedRun } from './params.js';

import type { LeverBounds } from './solve-search.js';
import { expectedProjection } from './solve-search.js';
export { earliestYear, expectedProjection, LevelEvaluator, searchLever, searchStart, type LeverAnswer, type LeverBounds } from './solve-search.js';
import type { LeverParam, ModelInput, RegionInput, ScalarParam, SeriesParam } from './types.js';

export type Lever = 'intake' | 'recruitment' | 'retention' | 'attrition';
export type Shape = { kind: 'constant' } | { kind: 'ramp'; maxStep: number };

export interface SolveSpec {
  lever: Lever;
  region: number;
  targetYear: number;
  probability: number;
  /** First year the lever changes (default: the year after the start). */
  fromYear: number;
  shape: Shape;
  /** Upper bound of the setting (intake or recruitment per year), or null. */
  max: number | null;
}

/** The per-year schedule for a level: constant from fromYear, or a ramp from the current level. */
export function schedule(level: number, current: number[], startYear: number, spec: SolveSpec): number[] {
  return current.map((c, t) => {
    const y = startYear + t;
    if (t === 0 || y < spec.fromYear) return c;
    if (spec.shape.kind === 'constant') return level;
    const base = current[spec.fromYear - startYear] ?? c;
    return Math.min(level, Math.max(0, base) + spec.shape.maxStep * (y - spec.fromYear + 1));
  });
}

const fixedSeries = (key: string, values: number[]): SeriesParam => ({ key, base: values, multiplier: null, walk: null, domain: NONNEG });
/** The lever as one fixed value for the whole horizon (a schedule it had is replaced). */
const fixedScalar = (p: LeverParam, value: number): ScalarParam => ({ key: p.key, domain: p.domain, dist: { dist: 'fixed', value } });

/**
 * The input with the lever set. Intake and recruitment take a per-year schedule (intake replaces
 * a target headcount or a completions path; recruitment replaces a specialist path); retention
 * and attrition take one value and lose their uncertainty.
 * Never mutates `input`.
 */
export function withLever(input: ModelInput, spec: SolveSpec, values: number[] | number): ModelInput {
  const regions = input.regions.map((r, i): RegionInput => {
    if (i !== spec.region) return r;
    switch (spec.lever) {
      case 'intake':
        return { ...r, st: { ...r.st, intake: fixedSeries(r.st.intake?.key ?? r.st.target?.key ?? 'st.intake', values as number[]), target: null, targetCompletions: null } };
      case 'recruitment':
        return { ...r, specialists: { ...r.specialists, recruitment: fixedSeries(r.specialists.recruitment.key, values as number[]), target: null, recruitmentMax: null } };
      case 'retention':
        return { ...r, st: { ...r.st, retention: fixedScalar(r.st.retention, values as number) } };
      case 'attrition':
        return { ...r, specialists: { ...r.specialists, attrition: fixedScalar(r.specialists.attrition, values as number) } };
    }
  });
  // The lever's own uncertainty is gone in this region (other regions may still draw the same key).
  // Found when first read: an expected-value search ("what it would take" in a deterministic run)
  // makes an input per level and never reads it.
  const out: ModelInput = { ...input, regions };
  let uncertain: ModelInput['uncertain'] | undefined;
  Object.defineProperty(out, 'uncertain', { enumerable: true, configurable: true, get: () => (uncertain ??= findUncertain(regions)) });
  return out;
}

export const leverDomain = (lever: Lever) => (lever === 'retention' || lever === 'attrition' ? SHARE : NONNEG);

export interface Evaluation {
  level: number;
  /** P(target first reached in or before the target year). */
  probability: number;
  /** P(reached by each year), per year index. */
  reachedBy: number[];
}

export interface SearchResult {
  feasible: boolean;
  best: Evaluation | null;
  /** The evaluation at the bound when infeasible. */
  atBound: Evaluation | null;
  evaluations: Evaluation[];
  monotoneViolations: number;
}

/**
 * Bisection for the smallest level (integer steps for counts, `step` for shares) whose
 * probability reaches `target`. `better` is +1 when larger levels help (intake, recruitment,
 * retention) and −1 when smaller levels help (attrition).
 */
export function bisect(
  evaluate: (level: number) => Evaluation,
  lo: number, hi: number, target: number, step: number, better: 1 | -1,
): SearchResult {
  const evaluations: Evaluation[] = [];
  const cache = new Map<number, Evaluation>();
  const ev = (x: number) => {
    const k = Math.round(x / step);
    let e = cache.get(k);
    if (!e) { e = evaluate(k * step); cache.set(k, e); evaluations.push(e); }
    return e;
  };
  // In "better" direction: the good end is hi (better = 1) or lo (better = −1).
  const good = better === 1 ? hi : lo, bad = better === 1 ? lo : hi;
  const eg = ev(good);
  if (eg.probability < target) return { feasible: false, best: null, atBound: eg, evaluations, monotoneViolations: 0 };
  const eb = ev(bad);
  if (eb.probability >= target) return { feasible: true, best: eb, atBound: null, evaluations, monotoneViolations: 0 };
  let a = Math.round(bad / step), b = Math.round(good / step); // a fails, b succeeds
  let violations = 0;
  while (Math.abs(b - a) > 1) {
    const m = Math.round((a + b) / 2);
    const e = ev(m * step);
    if (e.probability >= target) b = m;
    else a = m;
  }
  // Monotonicity check on the visited points, ordered by level in the helpful direction.
  const sorted = [...evaluations].sort((x, y) => better * (x.level - y.level));
  for (let i = 1; i < sorted.length; i++) if (sorted[i].probability + 1e-12 < sorted[i - 1].probability) violations++;
  return { feasible: true, best: ev(b * step), atBound: null, evaluations, monotoneViolations: violations };
}



/** Bounds of the lever: shares over [0, 1] (attrition [0, 0.5]); counts 0 … the cap, or 50× today's level. */
export function leverBounds(spec: SolveSpec, current: number[]): LeverBounds {
  if (spec.lever === 'retention') return { lo: 0, hi: spec.max ?? 1, step: 0.001, better: 1 };
  if (spec.lever === 'attrition') return { lo: 0, hi: 0.5, step: 0.0005, better: -1 };
  const now = Math.max(1, ...current.slice(1).filter(Number.isFinite));
  return { lo: 0, hi: spec.max ?? Math.ceil(50 * now), step: 1, better: 1 };
}

/** The plan's own per-year level of the lever (posts or recruitment per year) in its expected-value run. */
export function currentSchedule(input: ModelInput, spec: SolveSpec): number[] {
  if (spec.lever !== 'intake' && spec.lever !== 'recruitment') return [];
  const det = expectedProjection(input).regions[spec.region].block;
  const nYears = input.endYear - input.startYear + 1;
  const f = spec.lever === 'intake' ? F.stPosts : F.recruitment;
  return Array.from({ length: nYears }, (_, t) => det[f * nYears + (t === 0 ? 1 : t)]);
}

/** The input at a lever level: the schedule for intake and recruitment, the value for shares. */
export function inputAtLevel(input: ModelInput, spec: SolveSpec, current: number[]): (level: number) => ModelInput {
  const perYear = spec.lever === 'intake' || spec.lever === 'recruitment';
  // One input object per level: its projection is then computed once (`expectedProjection`).
  const at = new Map<number, ModelInput>();
  return (level) => {
    let x = at.get(level);
    if (!x) { x = withLever(input, spec, perYear ? schedule(level, current, input.startYear, spec) : level); at.set(level, x); }
    return x;
  };
}

// ---------------------------------------------------------------------------------------------
// Feasibility and budget: from the expected-value projection at a level.

export interface FeasibilityYear {
  year: number;
  /** ST trainees (headcount) at the end of the year. */
  st: number;
  /** Specialist FTE the training-capacity rule needs as supervisors (ST ÷ k); null without a rule. */
  supervisorsNeeded: number | null;
  specialistsFte: number;
  completions: number | null;
  /** Posts the training-capacity rule left unfilled. */
  unfilledByCap: number | null;
}

export interface Feasibility {
  /** ST trainees in the base year. */
  stToday: number;
  stPeak: number;
  stPeakYear: number;
  /** Peak ST ÷ today's. */
  /** The peak over today's ST headcount; null with no ST today (a region starting ST from nothing). */
  stPeakRatio: number | null;
  /** k: trainees per specialist FTE the scenario's rule allows (null: no such rule). */
  traineesPerSpecialistFte: number | null;
  /** The scenario sets any training capacity (a cap per specialist FTE or a maximum total). */
  trainingCapacitySet: boolean;
  supervisorsNeededPeak: number | null;
  completionsTotal: number;
  years: FeasibilityYear[];
}

/**
 * What a lever level implies in its expected-value projection: ST headcount, supervisors,
 * completions. `rule`: the input whose training-capacity rule counts the supervisors (default
 * `input` itself; the scenario's own when `input` has had its caps lifted).
 */
export function feasibility(input: ModelInput, region: number, rule: ModelInput = input): Feasibility {
  const nYears = input.endYear - input.startYear + 1;
  const b = expectedProjection(input).regions[region].block;
  const at = (f: number, t: number) => b[f * nYears + t];
  const cap = rule.regions[region].st.capacity;
  const k = cap?.perSpecialistFte ? expectedRun(rule).regions[region].st.capPerSpecialistFte : null;
  const years: FeasibilityYear[] = Array.from({ length: nYears }, (_, t) => ({
    year: input.startYear + t,
    st: at(F.st, t),
    supervisorsNeeded: k !== null && k > 0 ? at(F.st, t) / k : null,
    specialistsFte: at(F.specialistsFte, t),
    completions: t === 0 ? null : at(F.stCompletions, t),
    unfilledByCap: t === 0 ? null : at(F.stUnfilledByCap, t),
  }));
  let peak = 0;
  years.forEach((y, t) => { if (y.st > years[peak].st) peak = t; });
  return {
    stToday: years[0].st,
    stPeak: years[peak].st,
    stPeakYear: years[peak].year,
    stPeakRatio: years[0].st > 0 ? years[peak].st / years[0].st : null,
    traineesPerSpecialistFte: k,
    trainingCapacitySet: cap !== null && (cap.perSpecialistFte !== null || cap.maxTotal !== null),
    supervisorsNeededPeak: k !== null && k > 0 ? years[peak].st / k : null,
    completionsTotal: years.reduce((s, y) => s + (y.completions ?? 0), 0),
    years,
  };
}

export interface CostPath {
  /** Cost above the base year per year (kr, expected-value projection), from the year after the base. */
  perYear: { year: number; value: number }[];
  /** The largest of them: the yearly budget this level needs. */
  max: number;
  maxYear: number;
  cumulative: number;
}

/** The expected-value extra cost (above the base year) per year of the input's region; null without costs. */
export function costPath(input: ModelInput, region: number): CostPath | null {
  const nYears = input.endYear - input.startYear + 1;
  const b = expectedProjection(input).regions[region].block;
  if (!Number.isFinite(b[F.costIncrease * nYears + 1])) return null;
  const perYear = Array.from({ length: nYears - 1 }, (_, i) => ({ year: input.startYear + i + 1, value: b[F.costIncrease * nYears + i + 1] }));
  let m = 0;
  perYear.forEach((y, i) => { if (y.value > perYear[m].value) m = i; });
  return { perYear, max: perYear[m].value, maxYear: perYear[m].year, cumulative: b[F.cumulativeCost * nYears + nYears - 1] };
}

export interface BudgetAnswer {
  /** Some level keeps within the budget in every year (false: even the least helpful level exceeds it). */
  feasible: boolean;
  /** The most helpful level whose extra cost stays within the budget in every year. */
  level: number;
  /** The helpful bound itself is within the budget: the budget does not bind. */
  atBound: boolean;
  cost: CostPath;
}

/**
 * The most helpful lever level whose expected-value extra cost above the base year stays within
 * `budget` (kr a year) in every year after the base year. The cost grows with the level (more
 * trainees and specialists), so a bisection on the level finds it. Null without costs.
 */
export function solveBudget(inputAt: (level: number) => ModelInput, region: number, b: LeverBounds, budget: number): BudgetAnswer | null {
  const kLo = Math.round(b.lo / b.step), kHi = Math.round(b.hi / b.step);
  const good = b.better === 1 ? kHi : kLo, bad = b.better === 1 ? kLo : kHi;
  const cost = (k: number) => costPath(inputAt(k * b.step), region);
  const c0 = cost(bad);
  if (c0 === null) return null;
  if (c0.max > budget) return { feasible: false, level: bad * b.step, atBound: false, cost: c0 };
  const cg = cost(good)!;
  if (cg.max <= budget) return { feasible: true, level: good * b.step, atBound: true, cost: cg };
  let a = bad, z = good; // a within, z over
  while (Math.abs(z - a) > 1) {
    const m = Math.round((a + z) / 2);
    if (cost(m)!.max <= budget) a = m; else z = m;
  }
  return { feasible: true, level: a * b.step, atBound: false, cost: cost(a)! };
}

/** The input with region `region`'s training caps lifted (per specialist FTE and maximum total); supervision time stays. */
export function withoutTrainingCaps(input: ModelInput, region: number): ModelInput {
  return {
    ...input,
    regions: input.regions.map((r, i) => (i !== region || r.st.capacity === null ? r : { ...r, st: { ...r.st, capacity: { ...r.st.capacity, perSpecialistFte: null, maxTotal: null } } })),
  };
}
