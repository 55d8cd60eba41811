/**
 * `backtest`: how well the model, run from an earlier base year with only what the scenario knew
 * then, did on the observed later years. Per quantity: the mean absolute percentage error of the
 * median (MAPE), the bias (mean signed relative error; negative = the model underestimates), and
 * the share of observed figures inside the 50 % (p25–p75) and 80 % (p10–p90) intervals. Pure.
 *
 * "Too narrow": a quantity is flagged when its 80 % intervals held so few of the observed figures
 * that this would happen less than 5 % of the time if they really covered 80 % (one-sided binomial
 * test: P(X ≤ inside | n, 0.8) < 0.05). A single point can never be flagged (0.2); two misses out
 * of two can (0.2² = 0.04).
 */
import type { McRunOutput } from './mcresults.js';
import type { ObservedRow } from './observed.js';

export interface BacktestQuantity {
  quantity: string;
  n: number;
  mape: number;
  bias: number;
  inside50: number;
  inside80: number;
  /** P(at most this many inside | n, 0.8): small means the intervals are too narrow. */
  pValue80: number;
  tooNarrow: boolean;
}

export interface BacktestPoint extends ObservedRow { region: string; inside50: boolean; inside80: boolean }

export interface BacktestResult {
  baseYear: number;
  runs: number;
  seed: number;
  eventNoise: boolean;
  quantities: BacktestQuantity[];
  /** Every point, all quantities together. */
  all: Omit<BacktestQuantity, 'quantity'>;
  points: BacktestPoint[];
}

/** P(X ≤ k) for X ~ Binomial(n, p). */
export function binomialCdf(k: number, n: number, p: number): number {
  let s = 0, term = (1 - p) ** n;
  for (let i = 0; i <= k; i++) {
    s += term;
    term *= ((n - i) / (i + 1)) * (p / (1 - p));
  }
  return Math.min(1, s);
}

const within = (v: number, iv: [number, number] | null | undefined) => !!iv && v >= iv[0] && v <= iv[1];

function summary(pts: BacktestPoint[]): Omit<BacktestQuantity, 'quantity'> {
  const n = pts.length;
  const rel = pts.map((p) => p.relativeDifference!);
  const in80 = pts.filter((p) => p.inside80).length;
  const pValue80 = binomialCdf(in80, n, 0.8);
  return {
    n,
    mape: rel.reduce((s, x) => s + Math.abs(x), 0) / n,
    bias: rel.reduce((s, x) => s + x, 0) / n,
    inside50: pts.filter((p) => p.inside50).length / n,
    inside80: in80 / n,
    pValue80,
    tooNarrow: pValue80 < 0.05,
  };
}

/** The backtest of a Monte Carlo output that carries observed rows (model/observed.ts `withObserved`). */
export function backtest(out: McRunOutput): BacktestResult {
  const points: BacktestPoint[] = [];
  for (const r of out.regions) {
    for (const o of r.observed ?? []) {
      // Only figures after the base year that the model projects (the base year is an input).
      if (o.year <= out.startYear || o.modelled === null || o.relativeDifference === null) continue;
      points.push({ ...o, region: r.name, inside50: within(o.observed, o.interval50), inside80: within(o.observed, o.interval80) });
    }
  }
  const names = [...new Set(points.map((p) => p.quantity))];
  return {
    baseYear: out.startYear,
    runs: out.runs,
    seed: out.seed,
    eventNoise: out.eventNoise,
    quantities: names.map((q) => ({ quantity: q, ...summary(points.filter((p) => p.quantity === q)) })),
    all: points.length ? summary(points) : { n: 0, mape: NaN, bias: NaN, inside50: NaN, inside80: NaN, pValue80: 1, tooNarrow: false },
    points,
  };
}
