/**
 * `calibrate`: fits a small, named set of parameters to a scenario's observed figures by least
 * squares on the deterministic model. Pure.
 *
 * Parameters (each only when the scenario gives it as a scalar of the region, and only when the
 * observed figures can tell it apart from the others — "identified", see below):
 *   specialists.retirement.meanAge (60–72), specialists.attrition (0–0.15),
 *   st.dropout (0–0.15), st.retention (0.3–1).
 * Objective: the sum over observed points (those with a modelled counterpart, after the base year)
 * of the squared relative residual ((modelled − observed) / observed)², so that a count of 36 and
 * one of 5 000 weigh alike.
 *
 * Method: bounded cyclic coordinate descent, each step a golden-section search over the
 * parameter's whole range, sweeps repeated until the objective stops improving. Why: 1–4 bounded
 * parameters, a deterministic model that evaluates in well under a millisecond, no derivatives;
 * the objective is close to separable (retirements move with the retirement age, other exits with
 * attrition, completions with dropout, new specialists with retention), which is where coordinate
 * descent converges fastest; bounds are respected by construction (Levenberg–Marquardt as in
 * ml-levenberg-marquardt clamps to bounds after each step and needs numerical Jacobians; not worth
 * a dependency here). A parameter the data cannot identify is left as it is and named.
 */
import { mean as distMean, type Dist } from './dist.js';
import type { FieldKey } from './fields.js';
import { findUncertain } from './draws.js';
import { expectedRun } from './params.js';
import { project } from './project.js';
import { F } from './fields.js';
import { isSeriesParam, type LeverParam, type ModelInput, type ScalarParam } from './types.js';
import { OBSERVED_FIELD, type ObservedInput } from './observed.js';
import { Matrix, SingularValueDecomposition } from 'ml-matrix';

export interface CalibrationParam { name: string; lo: number; hi: number; get(input: ModelInput): ScalarParam | null }

/** A lever given as one value (calibrate leaves a lever that changes over time alone). */
const scalarOnly = (p: LeverParam): ScalarParam | null => (isSeriesParam(p) ? null : p);

/** The parameters calibrate may fit, in this order. */
export const CALIBRATION_PARAMS: readonly CalibrationParam[] = [
  { name: 'specialists.retirement.meanAge', lo: 60, hi: 72, get: (m) => { const r = m.regions[0].specialists.retirement; return r.kind === 'normal' ? r.meanAge : null; } },
  { name: 'specialists.attrition', lo: 0, hi: 0.15, get: (m) => scalarOnly(m.regions[0].specialists.attrition) },
  { name: 'st.dropout', lo: 0, hi: 0.15, get: (m) => scalarOnly(m.regions[0].st.dropout) },
  { name: 'st.retention', lo: 0.3, hi: 1, get: (m) => scalarOnly(m.regions[0].st.retention) },
];

export interface FitPoint { quantity: string; year: number; observed: number; before: number; after: number }
export interface FittedParam { name: string; key: string; before: number; after: number; lo: number; hi: number; atBound: boolean }
export interface CalibrationResult {
  method: string;
  fitted: FittedParam[];
  notIdentified: string[];
  points: FitPoint[];
  /** Sum of squared relative residuals. */
  sseBefore: number;
  sseAfter: number;
  sweeps: number;
}

export const CALIBRATION_METHOD = 'least squares on relative residuals; bounded coordinate descent with golden-section line searches on the deterministic model';

/** A copy of `input` with the given parameters set to fixed values (by parameter object identity). */
function withValues(input: ModelInput, params: ScalarParam[], values: number[]): ModelInput {
  const copy = structuredClone(input);
  const originals = params.map((p) => p.key);
  // Walk the copy's first region and replace matching parameters by key.
  const replace = (obj: unknown): void => {
    if (obj === null || typeof obj !== 'object') return;
    for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
      if (v && typeof v === 'object' && 'key' in v && 'dist' in v && 'domain' in v) {
        const i = originals.indexOf((v as ScalarParam).key);
        if (i >= 0) (obj as Record<string, unknown>)[k] = { ...(v as ScalarParam), dist: { dist: 'fixed', value: values[i] } satisfies Dist };
      } else replace(v);
    }
  };
  replace(copy.regions[0]);
  return { ...copy, uncertain: findUncertain(copy.regions) };
}

/** The modelled values at the observed points (region 0, deterministic). */
function modelledAt(input: ModelInput, pts: { field: FieldKey; t: number }[]): number[] {
  const p = project(expectedRun(input), input.total);
  const block = p.regions[0].block, Y = p.years.length;
  return pts.map(({ field, t }) => block[F[field] * Y + t]);
}

const GOLD = (Math.sqrt(5) - 1) / 2;
/** Minimum of f on [lo, hi] by golden-section search (f assumed unimodal there; the ends are checked too). */
function goldenMin(f: (x: number) => number, lo: number, hi: number, tol: number): number {
  let a = lo, b = hi;
  let c = b - GOLD * (b - a), d = a + GOLD * (b - a);
  let fc = f(c), fd = f(d);
  while (b - a > tol) {
    if (fc <= fd) { b = d; d = c; fd = fc; c = b - GOLD * (b - a); fc = f(c); }
    else { a = c; c = d; fc = fd; d = a + GOLD * (b - a); fd = f(d); }
  }
  const x = (a + b) / 2;
  const cands = [x, lo, hi];
  const vals = cands.map(f);
  return cands[vals.indexOf(Math.min(...vals))];
}

/** Fits the identifiable parameters of a single-region scenario to its observed figures. */
export function calibrate(input: ModelInput, observed: readonly ObservedInput[]): CalibrationResult {
  const region = input.regions[0].name;
  const usable = observed.filter((o) => o.region === region && OBSERVED_FIELD[o.quantity] !== null && o.year > input.startYear && o.year <= input.endYear && o.value > 0);
  const pts = usable.map((o) => ({ field: OBSERVED_FIELD[o.quantity]!, t: o.year - input.startYear }));
  const obs = usable.map((o) => o.value);
  const sse = (m: number[]) => m.reduce((s, v, i) => s + ((v - obs[i]) / obs[i]) ** 2, 0);

  const candidates = CALIBRATION_PARAMS.map((c) => ({ c, p: c.get(input) })).filter((x): x is { c: CalibrationParam; p: ScalarParam } => x.p !== null);
  const start = candidates.map(({ p }) => distMean(p.dist, p.domain));
  // Identified: the sensitivities of the relative residuals to each parameter (central difference
  // over its range, scaled by the range) are added one parameter at a time, in the order above;
  // a parameter whose column adds no independent direction (the smallest singular value of the
  // chosen columns falls under 1 % of the largest) is not fitted: the data cannot tell it apart.
  const base = modelledAt(input, pts);
  const column = ({ c, p }: { c: CalibrationParam; p: ScalarParam }) => {
    const m0 = modelledAt(withValues(input, [p], [c.lo]), pts), m1 = modelledAt(withValues(input, [p], [c.hi]), pts);
    return m0.map((x, k) => (m1[k] - x) / obs[k]);
  };
  const cols: number[][] = [];
  const identified: boolean[] = candidates.map((cand) => {
    const col = column(cand);
    if (col.every((x) => Math.abs(x) < 1e-9)) return false;
    const trial = [...cols, col];
    if (trial.length > pts.length) return false;
    const sv = new SingularValueDecomposition(new Matrix(pts.map((_, k) => trial.map((cc) => cc[k]))), { computeLeftSingularVectors: false, computeRightSingularVectors: false }).diagonal;
    if (Math.min(...sv) < 0.01 * Math.max(...sv)) return false;
    cols.push(col);
    return true;
  });
  const fit = candidates.filter((_, i) => identified[i]);
  const x = fit.map(({ p }) => distMean(p.dist, p.domain));
  const params = fit.map(({ p }) => p);
  const objective = (vals: number[]) => sse(modelledAt(withValues(input, params, vals), pts));

  const sseBefore = sse(base);
  let best = fit.length ? objective(x) : sseBefore;
  let sweeps = 0;
  for (; sweeps < 60 && fit.length; sweeps++) {
    const prev = best;
    fit.forEach(({ c }, j) => {
      const tol = (c.hi - c.lo) * 1e-7;
      const xj = goldenMin((v) => { const t = x.slice(); t[j] = v; return objective(t); }, c.lo, c.hi, tol);
      const t = x.slice(); t[j] = xj;
      const val = objective(t);
      if (val <= best) { x[j] = xj; best = val; }
    });
    if (prev - best <= 1e-14 * Math.max(1, prev)) break;
  }
  const after = fit.length ? modelledAt(withValues(input, params, x), pts) : base;
  return {
    method: CALIBRATION_METHOD,
    fitted: fit.map(({ c, p }, j) => ({
      name: c.name, key: p.key, before: distMean(p.dist, p.domain), after: x[j], lo: c.lo, hi: c.hi,
      atBound: Math.abs(x[j] - c.lo) < (c.hi - c.lo) * 1e-4 || Math.abs(x[j] - c.hi) < (c.hi - c.lo) * 1e-4,
    })),
    notIdentified: candidates.filter((_, i) => !identified[i]).map(({ c }) => c.name),
    points: usable.map((o, k) => ({ quantity: o.quantity, year: o.year, observed: o.value, before: base[k], after: after[k] })),
    sseBefore,
    sseAfter: sse(after),
    sweeps,
  };
}
