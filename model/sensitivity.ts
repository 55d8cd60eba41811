/**
 * Which uncertain parameters matter, for three outcomes of the whole scenario (the multi-region
 * total, or the single region): the first year 1100/550 is reached, inhabitants per doctor in
 * the last year, and the accumulated extra cost in the last year. Pure: no Node APIs.
 *
 *   fixParams        ModelInput + {key → value} → a new ModelInput with those parameters fixed
 *                    (every occurrence of a key, in every region); the input is never mutated
 *   oneAtATime       each parameter at its p10 and p90, all others at their medians (p50),
 *                    deterministic runs (expected values, no event noise)
 *   globalSensitivity  from a Monte Carlo sample (McResult.params and the per-run outcomes):
 *                    standardized regression coefficients (SRC, least squares) with the R² of
 *                    the linear fit, and partial rank correlation coefficients (PRCC: ranks,
 *                    correlation matrix, its inverse), both with ml-matrix
 *
 * Decisions:
 * - "Not reached by the horizon" counts as the year after the horizon (endYear + 1) wherever a
 *   year must be a number (swings, SRC, PRCC). A swing involving it is a bound, not a value:
 *   `censored` says so, and tables print it as ≥ / ≤.
 * - A swing is the outcome at p90 minus the outcome at p10 (signed: negative when the
 *   parameter's high value lowers the outcome). Rows are sorted by the size of the swing in
 *   inhabitants per doctor, then in the year reached, then in cost.
 * - PRCC uses average ranks for ties (years reached tie a lot). A coefficient is null when it is
 *   undefined (the outcome or the parameter does not vary, or the outcome is missing, e.g. a
 *   scenario without costs). `prccNoise` is the |PRCC| below which a coefficient cannot be told
 *   from 0 at the 5 % level (Fisher's z with n − 3 − (K − 1) degrees of freedom).
 */
import { Matrix, inverse, pseudoInverse, solve } from 'ml-matrix';
import { quantile, type Dist, type Domain } from './dist.js';
import { F } from './fields.js';
import { expectedRun } from './params.js';
import { firstReached, project } from './project.js';
import type { ModelInput, ScalarParam } from './types.js';

export interface UncertainParam { key: string; dist: Dist; domain: Domain }

/** The three outcomes, in this order everywhere (JSON keys, table columns, chart panels). */
export const OUTCOMES = ['firstYearReached', 'inhabitantsPerDoctor', 'cumulativeCost'] as const;
export type OutcomeKey = (typeof OUTCOMES)[number];

/** Outcomes of one deterministic run. `firstYearReached` null: not reached by the horizon. */
export interface Outcomes {
  firstYearReached: number | null;
  inhabitantsPerDoctor: number;
  /** NaN when the scenario has no cost assumptions. */
  cumulativeCost: number;
}

const isScalarParam = (o: Record<string, unknown>): boolean =>
  typeof o.key === 'string' && o.dist !== null && typeof o.dist === 'object' && o.domain !== null && typeof o.domain === 'object';

/**
 * A copy of `input` in which every scalar parameter whose key is in `values` is fixed at that
 * value (its distribution replaced by `{dist: 'fixed', value}`). A key may occur in several
 * places (a top-level parameter inherited by every region): all are replaced. Parts without a
 * replaced parameter are shared with the input, never copied; nothing is mutated.
 */
export function fixParams(input: ModelInput, values: ReadonlyMap<string, number>): ModelInput {
  const visit = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object' || ArrayBuffer.isView(v)) return v;
    if (Array.isArray(v)) {
      let changed = false;
      const out = v.map((x) => { const y = visit(x); if (!Object.is(y, x)) changed = true; return y; });
      return changed ? out : v;
    }
    const o = v as Record<string, unknown>;
    if (isScalarParam(o)) {
      const p = o as unknown as ScalarParam;
      const x = values.get(p.key);
      return x === undefined ? v : { ...p, dist: { dist: 'fixed', value: x } };
    }
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(o)) { const y = visit(x); if (!Object.is(y, x)) changed = true; out[k] = y; }
    return changed ? out : v;
  };
  return { ...input, regions: visit(input.regions) as ModelInput['regions'] };
}

/** Outcomes of the deterministic run of `input` (expected values, no event noise). */
export function deterministicOutcomes(input: ModelInput): Outcomes {
  const p = project(expectedRun(input), input.total);
  const block = (p.total ?? p.regions[0]).block;
  const Y = p.years.length;
  const t = firstReached(block, Y);
  return {
    firstYearReached: t < 0 ? null : p.years[t],
    inhabitantsPerDoctor: block[F.inhabitantsPerDoctor * Y + Y - 1],
    cumulativeCost: block[F.cumulativeCost * Y + Y - 1],
  };
}

/** A year reached as a number: not by the horizon → endYear + 1. */
export const yearNumber = (y: number | null, endYear: number): number => (y === null ? endYear + 1 : y);

export interface Swing {
  /** Year at p90 minus year at p10 (never = endYear + 1); null when neither reaches it. */
  firstYearReached: number | null;
  /** True when one side is "not by the horizon": the true swing is at least this large. */
  censored: boolean;
  inhabitantsPerDoctor: number;
  cumulativeCost: number;
}

export interface OatRow {
  key: string;
  /** The parameter's value at its p10, p50 and p90. */
  low: number;
  median: number;
  high: number;
  atLow: Outcomes;
  atHigh: Outcomes;
  swing: Swing;
}

export interface OatResult {
  /** The quantiles used for low and high (0.1 and 0.9). */
  lowQuantile: number;
  highQuantile: number;
  /** All parameters at their medians. */
  base: Outcomes;
  rows: OatRow[];
}

export function swingOf(lo: Outcomes, hi: Outcomes, endYear: number): Swing {
  const neither = lo.firstYearReached === null && hi.firstYearReached === null;
  return {
    firstYearReached: neither ? null : yearNumber(hi.firstYearReached, endYear) - yearNumber(lo.firstYearReached, endYear),
    censored: !neither && (lo.firstYearReached === null || hi.firstYearReached === null),
    inhabitantsPerDoctor: hi.inhabitantsPerDoctor - lo.inhabitantsPerDoctor,
    cumulativeCost: hi.cumulativeCost - lo.cumulativeCost,
  };
}

const absOr0 = (x: number | null) => (x === null || !Number.isFinite(x) ? 0 : Math.abs(x));

/** Order of the tornado: largest swing in inhabitants per doctor first, then year, then cost, then key. */
export function compareSwings(a: OatRow, b: OatRow): number {
  return absOr0(b.swing.inhabitantsPerDoctor) - absOr0(a.swing.inhabitantsPerDoctor)
    || absOr0(b.swing.firstYearReached) - absOr0(a.swing.firstYearReached)
    || absOr0(b.swing.cumulativeCost) - absOr0(a.swing.cumulativeCost)
    || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/**
 * One at a time: every parameter in `params` at its p10 and at its p90 (quantiles of its own
 * distribution, truncated to its domain), all others at their medians.
 */
export function oneAtATime(input: ModelInput, params: readonly UncertainParam[], lowQuantile = 0.1, highQuantile = 0.9): OatResult {
  const medians = new Map(params.map((p) => [p.key, quantile(p.dist, 0.5, p.domain)]));
  const base = deterministicOutcomes(fixParams(input, medians));
  const rows = params.map((p): OatRow => {
    const low = quantile(p.dist, lowQuantile, p.domain);
    const high = quantile(p.dist, highQuantile, p.domain);
    const at = (x: number) => deterministicOutcomes(fixParams(input, new Map(medians).set(p.key, x)));
    const atLow = at(low), atHigh = at(high);
    return { key: p.key, low, median: medians.get(p.key)!, high, atLow, atHigh, swing: swingOf(atLow, atHigh, input.endYear) };
  });
  rows.sort(compareSwings);
  return { lowQuantile, highQuantile, base, rows };
}

// ---------------------------------------------------------------------------------------------
// Global: SRC and PRCC from a sample.

/** Ranks 1…n, ties sharing their average rank. */
export function ranks(x: ArrayLike<number>): Float64Array {
  const n = x.length;
  const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => x[a] - x[b]);
  const r = new Float64Array(n);
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && x[idx[j + 1]] === x[idx[i]]) j++;
    const avg = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) r[idx[k]] = avg;
    i = j + 1;
  }
  return r;
}

function meanSd(x: ArrayLike<number>): { mean: number; sd: number } {
  const n = x.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i];
  const m = s / n;
  let v = 0;
  for (let i = 0; i < n; i++) v += (x[i] - m) * (x[i] - m);
  return { mean: m, sd: n > 1 ? Math.sqrt(v / (n - 1)) : 0 };
}

/** True when a column has at least two distinct finite values and no missing ones. */
function varies(x: ArrayLike<number>): boolean {
  if (x.length < 2) return false;
  for (let i = 0; i < x.length; i++) if (!Number.isFinite(x[i])) return false;
  for (let i = 1; i < x.length; i++) if (x[i] !== x[0]) return true;
  return false;
}

export interface RegressionResult {
  /** One per column of X; null for a column that does not vary, or when y does not. */
  coefficients: (number | null)[];
  /** R² of the linear fit (null when y does not vary or is missing). */
  r2: number | null;
}

/**
 * Standardized regression coefficients: least squares of the z-scored y on the z-scored
 * columns of X (columns[j] is parameter j over the runs). SRC_j = b_j · sd(x_j) / sd(y).
 */
export function standardizedRegression(columns: readonly ArrayLike<number>[], y: ArrayLike<number>): RegressionResult {
  const K = columns.length;
  const none: RegressionResult = { coefficients: new Array(K).fill(null), r2: null };
  if (!varies(y)) return none;
  const use = columns.map((c, j) => j).filter((j) => varies(columns[j]));
  if (use.length === 0) return { coefficients: new Array(K).fill(null), r2: 0 };
  const n = y.length;
  if (n <= use.length + 1) return none; // fewer runs than a fit needs: not estimable
  const zs = (x: ArrayLike<number>) => { const { mean, sd } = meanSd(x); return Float64Array.from(x, (v) => (v - mean) / sd); };
  const Z = new Matrix(n, use.length);
  use.forEach((j, c) => { const z = zs(columns[j]); for (let i = 0; i < n; i++) Z.set(i, c, z[i]); });
  const zy = zs(y);
  const Y = Matrix.columnVector(Array.from(zy));
  // Least squares by SVD: also correct when parameters are collinear (then the split is minimum-norm).
  const b = solve(Z, Y, true);
  const fit = Z.mmul(b);
  let ssRes = 0, ssTot = 0;
  for (let i = 0; i < n; i++) { const e = zy[i] - fit.get(i, 0); ssRes += e * e; ssTot += zy[i] * zy[i]; }
  const coefficients: (number | null)[] = new Array(K).fill(null);
  use.forEach((j, c) => { coefficients[j] = b.get(c, 0); });
  return { coefficients, r2: Math.max(0, Math.min(1, 1 - ssRes / ssTot)) };
}

/**
 * Partial rank correlation coefficients of each column of X with y: rank-transform every
 * variable, take the correlation matrix C of (ranks of X, ranks of y), invert it (P = C⁻¹), and
 * PRCC_j = −P[j][y] / √(P[j][j] · P[y][y]). A singular C (perfectly collinear ranks) falls back
 * to the pseudo-inverse.
 */
export function partialRankCorrelation(columns: readonly ArrayLike<number>[], y: ArrayLike<number>): (number | null)[] {
  const K = columns.length;
  const out: (number | null)[] = new Array(K).fill(null);
  if (!varies(y)) return out;
  const use = columns.map((_, j) => j).filter((j) => varies(columns[j]));
  if (use.length === 0) return out;
  const n = y.length;
  if (n <= use.length + 1) return out; // fewer runs than a partial correlation needs
  const vars = [...use.map((j) => ranks(columns[j])), ranks(y)];
  const m = vars.length;
  // Correlation matrix of the ranks.
  const z = vars.map((v) => { const { mean, sd } = meanSd(v); return Float64Array.from(v, (x) => (x - mean) / sd); });
  const C = new Matrix(m, m);
  for (let a = 0; a < m; a++) {
    C.set(a, a, 1);
    for (let b = a + 1; b < m; b++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += z[a][i] * z[b][i];
      const r = s / (n - 1);
      C.set(a, b, r); C.set(b, a, r);
    }
  }
  let P: Matrix;
  try {
    P = inverse(C);
    if (!P.to1DArray().every(Number.isFinite)) throw new Error('singular');
  } catch {
    P = pseudoInverse(C);
  }
  const yi = m - 1;
  use.forEach((j, a) => {
    const d = P.get(a, a) * P.get(yi, yi);
    const r = d > 0 ? -P.get(a, yi) / Math.sqrt(d) : NaN;
    out[j] = Number.isFinite(r) ? Math.max(-1, Math.min(1, r)) : null;
  });
  return out;
}

/** |PRCC| below which a coefficient cannot be told from 0 at the 5 % level (Fisher's z). */
export function prccNoise(runs: number, params: number): number | null {
  const df = runs - 3 - Math.max(0, params - 1);
  return df > 0 ? Math.tanh(1.959964 / Math.sqrt(df)) : null;
}

export interface GlobalRow {
  key: string;
  prcc: Record<OutcomeKey, number | null>;
  src: Record<OutcomeKey, number | null>;
}

export interface GlobalResult {
  runs: number;
  rows: GlobalRow[];
  /** R² of the linear fit behind the SRC, per outcome. */
  r2: Record<OutcomeKey, number | null>;
  prccNoise: number | null;
}

/** The per-run outcomes of one unit (from McResult: firstReached as year index, −1 never). */
export interface RunOutcomes {
  startYear: number;
  endYear: number;
  firstReached: ArrayLike<number>;
  lastInhabitantsPerDoctor: ArrayLike<number>;
  lastCumulativeCost: ArrayLike<number>;
}

/** Per-run outcome columns; a first year "never" (−1) counts as endYear + 1. */
export function outcomeColumns(o: RunOutcomes): Record<OutcomeKey, Float64Array> {
  return {
    firstYearReached: Float64Array.from(o.firstReached, (t) => (t < 0 ? o.endYear + 1 : o.startYear + t)),
    inhabitantsPerDoctor: Float64Array.from(o.lastInhabitantsPerDoctor),
    cumulativeCost: Float64Array.from(o.lastCumulativeCost),
  };
}

/**
 * SRC, R² and PRCC of every parameter with every outcome. `params` is runs × keys.length, one
 * row per run (McResult.params). Rows are sorted by |PRCC| on inhabitants per doctor, then key.
 */
export function globalSensitivity(keys: readonly string[], params: Float64Array, outcomes: RunOutcomes): GlobalResult {
  const K = keys.length;
  const runs = K > 0 ? params.length / K : outcomes.lastInhabitantsPerDoctor.length;
  const cols = keys.map((_, j) => { const c = new Float64Array(runs); for (let r = 0; r < runs; r++) c[r] = params[r * K + j]; return c; });
  const ys = outcomeColumns(outcomes);
  const prcc = {} as Record<OutcomeKey, (number | null)[]>;
  const src = {} as Record<OutcomeKey, (number | null)[]>;
  const r2 = {} as Record<OutcomeKey, number | null>;
  for (const o of OUTCOMES) {
    prcc[o] = partialRankCorrelation(cols, ys[o]);
    const reg = standardizedRegression(cols, ys[o]);
    src[o] = reg.coefficients;
    r2[o] = reg.r2;
  }
  const pick = (m: Record<OutcomeKey, (number | null)[]>, j: number) => Object.fromEntries(OUTCOMES.map((o) => [o, m[o][j]])) as Record<OutcomeKey, number | null>;
  const rows = keys.map((key, j) => ({ key, prcc: pick(prcc, j), src: pick(src, j) }));
  rows.sort((a, b) => absOr0(b.prcc.inhabitantsPerDoctor) - absOr0(a.prcc.inhabitantsPerDoctor) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { runs, rows, r2, prccNoise: prccNoise(runs, K) };
}

// ---------------------------------------------------------------------------------------------
// The output of `riktvarde sensitivity` (JSON as is; tables and charts are made from it).

/** An uncertain parameter with where its number came from (from the scenario's assumptions). */
export interface ParamInfo {
  key: string;
  dist: Dist;
  domain: Domain;
  source: { id: string; title: string; kind: string | null } | null;
  note: string | null;
}

export interface SensitivityOutput {
  scenario: { name: string; description: string; countBasis: string; file?: string };
  version: string;
  mode: 'sensitivity';
  /** The unit whose outcomes are analysed: the multi-region total, or the single region. */
  unit: string;
  startYear: number;
  endYear: number;
  /** The norm pair when it is the same in every year and region, else null. */
  norm: { specialist: number; st: number } | null;
  definitions: Record<string, string>;
  parameters: ParamInfo[];
  oneAtATime: OatResult;
  global: GlobalResult & { seed: number; eventNoise: boolean };
}

export const SENSITIVITY_DEFINITIONS: Record<string, string> = {
  unit: 'outcomes are those of the multi-region total, or of the single region',
  outcomes: 'firstYearReached: first year capacity ≥ population to cover; inhabitantsPerDoctor: population / (specialists + listable ST) in the last year; cumulativeCost: cost above the base year accumulated to the last year (kr)',
  oneAtATime: 'each parameter at the 10th and 90th percentile of its own distribution (truncated to its domain), all others at their medians; deterministic runs (expected values, no event noise); correlations are ignored',
  swing: 'outcome at the 90th percentile minus outcome at the 10th; a year not reached within the horizon counts as endYear + 1, and then `censored` is true (the swing is a bound)',
  prcc: 'partial rank correlation coefficient: ranks (ties averaged), correlation matrix C of parameters and outcome, P = C⁻¹, PRCC = −P[j][y] / √(P[j][j]·P[y][y]); null when undefined',
  src: 'standardized regression coefficient: least squares of the z-scored outcome on the z-scored parameters; r2 is the R² of that fit',
  prccNoise: '|PRCC| below this cannot be told from 0 at the 5 % level (Fisher z, n − 3 − (K − 1) degrees of freedom)',
  never: 'in the Monte Carlo sample a year not reached by the horizon counts as endYear + 1',
};
