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
import { NONNEG, SHARE } from './dist.js';
import type { ModelInput, RegionInput, ScalarParam, SeriesParam } from './types.js';

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
const fixedScalar = (p: ScalarParam, value: number): ScalarParam => ({ ...p, dist: { dist: 'fixed', value } });

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
  return { ...input, regions };
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
export async function bisect(
  evaluate: (level: number) => Promise<Evaluation>,
  lo: number, hi: number, target: number, step: number, better: 1 | -1,
): Promise<SearchResult> {
  const evaluations: Evaluation[] = [];
  const cache = new Map<number, Evaluation>();
  const ev = async (x: number) => {
    const k = Math.round(x / step);
    let e = cache.get(k);
    if (!e) { e = await evaluate(k * step); cache.set(k, e); evaluations.push(e); }
    return e;
  };
  // In "better" direction: the good end is hi (better = 1) or lo (better = −1).
  const good = better === 1 ? hi : lo, bad = better === 1 ? lo : hi;
  const eg = await ev(good);
  if (eg.probability < target) return { feasible: false, best: null, atBound: eg, evaluations, monotoneViolations: 0 };
  const eb = await ev(bad);
  if (eb.probability >= target) return { feasible: true, best: eb, atBound: null, evaluations, monotoneViolations: 0 };
  let a = Math.round(bad / step), b = Math.round(good / step); // a fails, b succeeds
  let violations = 0;
  while (Math.abs(b - a) > 1) {
    const m = Math.round((a + b) / 2);
    const e = await ev(m * step);
    if (e.probability >= target) b = m;
    else a = m;
  }
  // Monotonicity check on the visited points, ordered by level in the helpful direction.
  const sorted = [...evaluations].sort((x, y) => better * (x.level - y.level));
  for (let i = 1; i < sorted.length; i++) if (sorted[i].probability + 1e-12 < sorted[i - 1].probability) violations++;
  return { feasible: true, best: await ev(b * step), atBound: null, evaluations, monotoneViolations: violations };
}

/** Earliest year index by which P(reached) ≥ p, or −1. */
export function earliestYear(reachedBy: number[], p: number): number {
  for (let t = 0; t < reachedBy.length; t++) if (reachedBy[t] >= p) return t;
  return -1;
}
