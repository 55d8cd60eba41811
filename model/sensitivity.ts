/**
 * Which parameters matter, for three outcomes of the whole scenario (the multi-region total, or
 * the single region): the first year 1100/550 is reached, coverage (capacity ÷ population to
 * cover) in the last year, and the accumulated extra cost in the last year. Pure: no Node APIs.
 *
 *   fixParams        ModelInput + {key → value} → a new ModelInput with those parameters fixed
 *                    (every occurrence of a key, in every region); the input is never mutated
 *   oneAtATime       each parameter at its p10 and p90, all others at their medians (p50),
 *                    deterministic runs (expected values, no event noise); and each fixed
 *                    parameter (a plain number in the scenario, or a per-year series without
 *                    uncertainty, norms excepted) 10 % below and 10 % above its value
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
 *   coverage in the last year (the share of the target reached: it moves even when the year
 *   reached does not), then in the year reached, then in cost.
 * - Fixed parameters swing ±10 % (`kind: 'fixed'`), clamped to the parameter's range (a share of
 *   1.0 only swings down): not a statement of their uncertainty, only of how much the answer
 *   leans on them. A series is scaled as a whole path. Norms are the target, not an assumption,
 *   and are left out; so are values of 0 (10 % of 0 is 0).
 * - A cost swing is the change in accumulated cost, nothing more: a parameter that removes staff
 *   (more exits, lower FTE) lowers the salary cost and the coverage together — fewer doctors paid,
 *   not a saving. Tables and charts say so next to the cost.
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
import { uncertainKeys } from './draws.js';
import type { ModelInput, ScalarParam, SeriesParam } from './types.js';

export interface UncertainParam { key: string; dist: Dist; domain: Domain }

/** The three outcomes, in this order everywhere (JSON keys, table columns, chart panels). */
export const OUTCOMES = ['firstYearReached', 'coverage', 'cumulativeCost'] as const;
export type OutcomeKey = (typeof OUTCOMES)[number];

/** Outcomes of one deterministic run. `firstYearReached` null: not reached by the horizon. */
export interface Outcomes {
  firstYearReached: number | null;
  /** Capacity ÷ population to cover in the last year (a share; 1 = the target met). */
  coverage: number;
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
  return { ...input, regions: visit(input.regions) as ModelInput['regions'], uncertain: input.uncertain.filter((p) => !values.has(p.key)) };
}

/** Outcomes of the deterministic run of `input` (expected values, no event noise). */
export function deterministicOutcomes(input: ModelInput): Outcomes {
  const p = project(expectedRun(input), input.total);
  const block = (p.total ?? p.regions[0]).block;
  const Y = p.years.length;
  const t = firstReached(block, Y);
  return {
    firstYearReached: t < 0 ? null : p.years[t],
    coverage: block[F.coverage * Y + Y - 1],
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
  /** In shares (0.05 = 5 percentage points). */
  coverage: number;
  cumulativeCost: number;
}

export interface OatRow {
  key: string;
  /** `uncertain`: low/high are the p10 and p90 of its distribution; `fixed`: 10 % below and above its value (a series: the path × 0.9 and × 1.1). */
  kind: 'uncertain' | 'fixed';
  /** The parameter's value at its p10, p50 and p90 (fixed: −10 %, its value, +10 %; a series: the factors 0.9, 1, 1.1). */
  low: number;
  median: number;
  high: number;
  atLow: Outcomes;
  atHigh: Outcomes;
  swing: Swing;
}

export interface OatResult {
  /** The quantiles used for low and high of an uncertain parameter (0.1 and 0.9). */
  lowQuantile: number;
  highQuantile: number;
  /** The relative swing of a fixed parameter (0.1: ±10 %). */
  fixedSwing: number;
  /** All parameters at their medians. */
  base: Outcomes;
  rows: OatRow[];
}

export function swingOf(lo: Outcomes, hi: Outcomes, endYear: number): Swing {
  const neither = lo.firstYearReached === null && hi.firstYearReached === null;
  return {
    firstYearReached: neither ? null : yearNumber(hi.firstYearReached, endYear) - yearNumber(lo.firstYearReached, endYear),
    censored: !neither && (lo.firstYearReached === null || hi.firstYearReached === null),
    coverage: hi.coverage - lo.coverage,
    cumulativeCost: hi.cumulativeCost - lo.cumulativeCost,
  };
}

const absOr0 = (x: number | null) => (x === null || !Number.isFinite(x) ? 0 : Math.abs(x));

/** Order of the tornado: largest swing in coverage first, then year, then cost, then key. */
export function compareSwings(a: OatRow, b: OatRow): number {
  return absOr0(b.swing.coverage) - absOr0(a.swing.coverage)
    || absOr0(b.swing.firstYearReached) - absOr0(a.swing.firstYearReached)
    || absOr0(b.swing.cumulativeCost) - absOr0(a.swing.cumulativeCost)
    || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** A parameter without uncertainty: a scalar with its value, or a per-year series (scaled as a whole). */
export interface FixedParam { key: string; kind: 'scalar' | 'series'; value: number; domain: Domain }

/** Series that are the target, not an assumption: never swung. */
const NORM_KEY = /(^|\.)norms?(\.|$)|\.norm$/;

/**
 * Every fixed parameter of the input, in key order: scalars whose distribution is a single value
 * (not 0), and series without a multiplier or random walk that are not all 0 (norms left out).
 */
export function fixedParams(input: ModelInput): FixedParam[] {
  const uncertain = new Set(uncertainKeys(input).map((k) => k.key));
  const found = new Map<string, FixedParam>();
  const visit = (v: unknown): void => {
    if (v === null || typeof v !== 'object' || ArrayBuffer.isView(v)) return;
    if (Array.isArray(v)) { v.forEach(visit); return; }
    const o = v as Record<string, unknown>;
    if (isScalarParam(o)) {
      const p = o as unknown as ScalarParam;
      if (!uncertain.has(p.key) && !found.has(p.key)) {
        const x = quantile(p.dist, 0.5, p.domain);
        if (Number.isFinite(x) && x !== 0) found.set(p.key, { key: p.key, kind: 'scalar', value: x, domain: p.domain });
      }
      return;
    }
    if (typeof o.key === 'string' && Array.isArray(o.base) && o.domain) {
      const p = o as unknown as SeriesParam;
      if (p.multiplier === null && p.walk === null && !NORM_KEY.test(p.key) && !found.has(p.key) && p.base.some((x) => Number.isFinite(x) && x !== 0)) {
        found.set(p.key, { key: p.key, kind: 'series', value: 1, domain: p.domain });
      }
      return;
    }
    for (const x of Object.values(o)) visit(x);
  };
  visit(input.regions);
  return [...found.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** A copy of `input` with every series keyed `key` scaled by `factor`, each value clamped to the series' domain. */
export function scaleSeries(input: ModelInput, key: string, factor: number): ModelInput {
  const visit = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object' || ArrayBuffer.isView(v)) return v;
    if (Array.isArray(v)) return v.map(visit);
    const o = v as Record<string, unknown>;
    if (o.key === key && Array.isArray(o.base) && o.domain) {
      const p = o as unknown as SeriesParam;
      return { ...p, base: p.base.map((x) => (Number.isFinite(x) ? clamp(x * factor, p.domain) : x)) };
    }
    if (isScalarParam(o)) return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(o)) out[k] = visit(x);
    return out;
  };
  return { ...input, regions: visit(input.regions) as ModelInput['regions'] };
}

const clamp = (x: number, d: Domain) => Math.min(d.hi, Math.max(d.lo, x));

/**
 * One at a time: every parameter in `params` at its p10 and at its p90 (quantiles of its own
 * distribution, truncated to its domain), all others at their medians; then every parameter in
 * `fixed` 10 % below and above its value (clamped to its range), the uncertain ones at their medians.
 */
export function oneAtATime(input: ModelInput, params: readonly UncertainParam[], lowQuantile = 0.1, highQuantile = 0.9, fixed: readonly FixedParam[] = [], fixedSwing = 0.1): OatResult {
  const medians = new Map(params.map((p) => [p.key, quantile(p.dist, 0.5, p.domain)]));
  const atMedians = fixParams(input, medians);
  const base = deterministicOutcomes(atMedians);
  const rows = params.map((p): OatRow => {
    const low = quantile(p.dist, lowQuantile, p.domain);
    const high = quantile(p.dist, highQuantile, p.domain);
    const at = (x: number) => deterministicOutcomes(fixParams(input, new Map(medians).set(p.key, x)));
    const atLow = at(low), atHigh = at(high);
    return { key: p.key, kind: 'uncertain', low, median: medians.get(p.key)!, high, atLow, atHigh, swing: swingOf(atLow, atHigh, input.endYear) };
  });
  for (const f of fixed) {
    const at = (factor: number) => (f.kind === 'series'
      ? deterministicOutcomes(scaleSeries(atMedians, f.key, factor))
      : deterministicOutcomes(fixParams(atMedians, new Map([[f.key, clamp(f.value * factor, f.domain)]]))));
    const low = f.kind === 'series' ? 1 - fixedSwing : clamp(f.value * (1 - fixedSwing), f.domain);
    const high = f.kind === 'series' ? 1 + fixedSwing : clamp(f.value * (1 + fixedSwing), f.domain);
    const atLow = at(1 - fixedSwing), atHigh = at(1 + fixedSwing);
    rows.push({ key: f.key, kind: 'fixed', low, median: f.value, high, atLow, atHigh, swing: swingOf(atLow, atHigh, input.endYear) });
  }
  rows.sort(compareSwings);
  return { lowQuantile, highQuantile, fixedSwing, base, rows };
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
  lastCoverage: ArrayLike<number>;
  lastCumulativeCost: ArrayLike<number>;
}

/** Per-run outcome columns; a first year "never" (−1) counts as endYear + 1. */
export function outcomeColumns(o: RunOutcomes): Record<OutcomeKey, Float64Array> {
  return {
    firstYearReached: Float64Array.from(o.firstReached, (t) => (t < 0 ? o.endYear + 1 : o.startYear + t)),
    coverage: Float64Array.from(o.lastCoverage),
    cumulativeCost: Float64Array.from(o.lastCumulativeCost),
  };
}

/**
 * The fewest runs PRCC and SRC need with K uncertain parameters: K + 3 (the correlation matrix of
 * K parameters and the outcome must be of full rank, and the significance threshold needs
 * n − 3 − (K − 1) > 0 degrees of freedom).
 */
export const minRunsForGlobal = (K: number): number => K + 3;

/**
 * SRC, R² and PRCC of every parameter with every outcome. `params` is runs × keys.length, one
 * row per run (McResult.params). Rows are sorted by |PRCC| on coverage, then key. Throws a
 * RangeError with fewer runs than `minRunsForGlobal(K)`.
 */
export function globalSensitivity(keys: readonly string[], params: Float64Array, outcomes: RunOutcomes): GlobalResult {
  const K = keys.length;
  const runs = K > 0 ? params.length / K : outcomes.lastCoverage.length;
  if (runs < minRunsForGlobal(K)) throw new RangeError(`too few runs for PRCC/SRC: ${runs} runs with ${K} uncertain parameters — needs at least ${minRunsForGlobal(K)}`);
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
  rows.sort((a, b) => absOr0(b.prcc.coverage) - absOr0(a.prcc.coverage) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { runs, rows, r2, prccNoise: prccNoise(runs, K) };
}

// ---------------------------------------------------------------------------------------------
// The output of `riktvarde sensitivity` (JSON as is; tables and charts are made from it).

/** An uncertain parameter with where its number came from (from the scenario's assumptions). */
export interface ParamInfo {
  key: string;
  kind: 'uncertain' | 'fixed';
  /** null: a fixed per-year series (swung as a whole path). */
  dist: Dist | null;
  domain: Domain;
  /** `titleSv`: the source's title in Swedish, when the scenario gives one. */
  source: { id: string; title: string; titleSv?: string; kind: string | null } | null;
  note: string | null;
  /** The note in Swedish, when the scenario gives one. */
  noteSv?: string;
  /** A program default: which one (`note` is its reason in English; outputs word it per language). */
  defaultReason?: string;
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
  /** The uncertain parameters (swung p10–p90), then the fixed ones (swung ±10 %). */
  parameters: ParamInfo[];
  oneAtATime: OatResult;
  global: GlobalResult & { seed: number; eventNoise: boolean };
}

export const SENSITIVITY_DEFINITIONS: Record<string, string> = {
  unit: 'outcomes are those of the multi-region total, or of the single region',
  outcomes: 'firstYearReached: first year capacity ≥ population to cover; coverage: capacity / population to cover in the last year (1 = the target met); cumulativeCost: cost above the base year accumulated to the last year (kr) — a lower cost from fewer staff (more exits, lower FTE) is not a saving: coverage falls with it',
  oneAtATime: "each uncertain parameter (kind 'uncertain') at the 10th and 90th percentile of its own distribution (truncated to its domain), all others at their medians; each fixed parameter (kind 'fixed': a single value, or a per-year series without uncertainty; norms excluded) 10 % below and above its value (a series scaled as a whole path; clamped to its range); deterministic runs (expected values, no event noise); correlations are ignored; rows sorted by the swing in coverage, then in the year reached",
  swing: 'outcome at the 90th percentile minus outcome at the 10th; a year not reached within the horizon counts as endYear + 1, and then `censored` is true (the swing is a bound)',
  prcc: 'partial rank correlation coefficient: ranks (ties averaged), correlation matrix C of parameters and outcome, P = C⁻¹, PRCC = −P[j][y] / √(P[j][j]·P[y][y]); null when undefined',
  src: 'standardized regression coefficient: least squares of the z-scored outcome on the z-scored parameters; r2 is the R² of that fit',
  prccNoise: '|PRCC| below this cannot be told from 0 at the 5 % level (Fisher z, n − 3 − (K − 1) degrees of freedom)',
  never: 'in the Monte Carlo sample a year not reached by the horizon counts as endYear + 1',
};
