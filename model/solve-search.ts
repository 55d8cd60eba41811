/**
 * The solver's search (model/solve.ts): each run's first year reached at lever levels of one
 * region (`LevelEvaluator`), and the search for the smallest helpful level reaching a probability
 * (`searchLever`). Pure.
 */
import { drawParams } from './copula.js';
import { uncertainKeys } from './draws.js';
import { newBlock, simulateRegion } from './engine.js';
import { LevelSimulator, UNKNOWN, type LevelRunner, type LevelSpec } from './level-runs.js';
import type { McOptions } from './montecarlo.js';
import { expectedResolver, expectedRun, resolveRegion } from './params.js';
import { firstReached, project, type Projection } from './project.js';
import type { ModelInput, RegionInput, RegionRun, RunConfig, SeriesParam } from './types.js';

/** Earliest year index by which P(reached) ≥ p, or −1. */
export function earliestYear(reachedBy: number[], p: number): number {
  for (let t = 0; t < reachedBy.length; t++) if (reachedBy[t] >= p) return t;
  return -1;
}

/**
 * The expected-value projection of `input` (no total), computed once per input object: the search
 * and "what it would take" (model/take.ts) ask for the same input's projection several times (the
 * plan's schedule, cost and feasibility; a level's cost and feasibility). Inputs are never mutated
 * (see `withLever`) and the projection is pure, so a remembered one is the same numbers; callers
 * only read it.
 */
const projections = new WeakMap<ModelInput, Projection>();
export function expectedProjection(input: ModelInput): Projection {
  let p = projections.get(input);
  if (!p) { p = project(expectedRunOf(input), null); projections.set(input, p); }
  return p;
}

/**
 * Level inputs made from one input (`inputAt` of model/solve.ts's `inputAtLevel`), each noted with
 * the input it was made from: their expected-value runs are then made from that input's, resolving
 * again only what the level changed (`expectedRunOf`). A search's levels differ in the ST intake
 * alone, and resolving the whole region again (hazards, every series) for each level was ~40 % of
 * each of what it would take's ~17 projections.
 */
export function levelsFrom(base: ModelInput, inputAt: (level: number) => ModelInput): (level: number) => ModelInput {
  return (level) => {
    const x = inputAt(level);
    if (x !== base && !madeFrom.has(x)) madeFrom.set(x, base);
    return x;
  };
}
const madeFrom = new WeakMap<ModelInput, ModelInput>();
const expectedRuns = new WeakMap<ModelInput, RunConfig>();

/** The ST series a level may change (model/solve.ts's `withLever` for the intake): resolved again. */
const LEVEL_ST_KEYS = new Set(['intake', 'target', 'targetCompletions']);

/**
 * `expectedRun(input)`, once per input object; for a level input (`levelsFrom`), its base's run with
 * only what differs resolved again: a region object shared with the base keeps its resolved region,
 * one that differs only in the ST series above gets the base's with those series resolved by
 * `expectedResolver` exactly as `RegionPlan` resolves them (the engine never writes a resolved
 * region, so sharing its arrays is safe); any other difference resolves that region in full.
 */
function expectedRunOf(input: ModelInput): RunConfig {
  let run = expectedRuns.get(input);
  if (run) return run;
  const base = madeFrom.get(input);
  if (!base || base.startYear !== input.startYear || base.endYear !== input.endYear || base.regions.length !== input.regions.length) run = expectedRun(input);
  else {
    const from = expectedRunOf(base);
    run = { startYear: input.startYear, endYear: input.endYear, regions: input.regions.map((reg, i) => (reg === base.regions[i] ? from.regions[i] : levelRegion(reg, base.regions[i], from.regions[i]))) };
  }
  expectedRuns.set(input, run);
  return run;
}

const ST_KEY = new Set(['st']);

/** Whether a and b have the same keys in the same order and the same values (===) but under the keys in `but`. */
function sameBut<T extends object>(a: T, b: T, but: Set<string>): boolean {
  const ka = Object.keys(a), kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k, j) => k === kb[j] && (but.has(k) || (a as Record<string, unknown>)[k] === (b as Record<string, unknown>)[k]));
}

function levelRegion(reg: RegionInput, baseReg: RegionInput, from: RegionRun): RegionRun {
  if (!sameBut(reg, baseReg, ST_KEY) || !sameBut(reg.st, baseReg.st, LEVEL_ST_KEYS)) return resolveRegion(reg, expectedResolver);
  const series = (p: SeriesParam | null): Float64Array | null => (p ? expectedResolver.seriesInto(p, new Float64Array(p.base.length)) : null);
  return { ...from, st: { ...from.st, intake: series(reg.st.intake), target: series(reg.st.target), targetCompletions: series(reg.st.targetCompletions) } };
}

// ---------------------------------------------------------------------------------------------
// Evaluating lever levels: each run's first year reached, inferred where monotonicity decides it.

/**
 * With a `LevelRunner`: the fewest runs simulated ahead in one batch. A batch is as many runs as
 * the search will certainly consume before it can stop (then none is wasted), but at least this
 * many, so that a batch is worth handing to another thread; the runs beyond what the search then
 * consumes are kept (`ahead`), not counted, and used if the search comes to them later.
 */
const MIN_BATCH = 16;

/**
 * Each run's first year reached at lever levels of one region, for the search. Only whether (and
 * when) each run reaches the target is computed — no quantile summaries — and a run is simulated
 * at a level only when the levels already simulated do not decide it: with common random numbers
 * a run that reached the target by year T at some level reaches it by T at every more helpful
 * level, and one that did not, at none less helpful (the monotonicity `bisect` relies on). The
 * answer is therefore the one a direct Monte Carlo at each level gives, up to the rare ties in
 * the other direction noted in model/solve.ts; the tests check answers against direct forward runs.
 *
 * `opts` null: the expected-value run alone (one "run"; probabilities are 0 or 1).
 * The parameter draws do not depend on the level (the lever is a fixed schedule at every level),
 * so they are drawn once.
 *
 * `runner` (Monte Carlo only): the runs the search is about to simulate are simulated ahead, in
 * batches, on several threads (model/level-runs.ts). The search is the same — the same runs
 * consumed in the same order, the same `known` outcomes, the same answers — and `simulations`
 * counts what it consumes, never what was simulated ahead and not reached: the same numbers on
 * any number of threads.
 */
export class LevelEvaluator {
  readonly runs: number;
  readonly nYears: number;
  /** Run simulations done so far (each a single region over the horizon). */
  simulations = 0;
  /** Each level's per-run outcomes: first year index reached, −1 never, UNKNOWN not simulated. */
  private readonly known = new Map<number, Int16Array>();
  /** The runs' parameter draws (runs × keys), drawn when a run is first simulated unless adopted. */
  private params: Float64Array | null = null;
  private readonly block: Float64Array;
  /** Runs to simulate at a level (reused between levels). */
  private readonly open: Int32Array;
  /** One simulator per level (its resolved series and hazards), the last one kept for the next call at that level. */
  private sim: { level: number; sim: LevelSimulator } | null = null;
  /** Outcomes simulated ahead (`runner`) by level, not yet consumed by the search: UNKNOWN where none. */
  private readonly ahead = new Map<number, Int16Array>();
  /** Each level's constant input for the runner (one object per level: the runner knows a level by it). */
  private readonly specs = new Map<number, LevelSpec>();
  /** A batch's runs and outcomes (reused). */
  private batchRuns: Int32Array | null = null;
  private batchOut: Int16Array | null = null;

  private readonly template: ModelInput;

  private runner: LevelRunner | null = null;

  constructor(private readonly inputAt: (level: number) => ModelInput, private readonly region: number, private readonly opts: McOptions | null, private readonly better: 1 | -1, runner: LevelRunner | null = null) {
    const template = inputAt(0);
    this.runs = opts ? opts.runs : 1;
    this.nYears = template.endYear - template.startYear + 1;
    this.template = template;
    this.block = newBlock(this.nYears);
    this.open = new Int32Array(this.runs);
    this.useRunner(runner);
  }

  /** From now on, the runs the search needs are simulated ahead by `runner` (null: on this thread, one at a time); Monte Carlo only. */
  useRunner(runner: LevelRunner | null): void {
    this.runner = this.opts ? runner : null;
  }

  /**
   * Uses parameter draws already made — a Monte Carlo's (`McResult.paramKeys`, `.params`) of an
   * input with the same uncertain parameters, seed and correlations, with at least these runs:
   * its first runs are these runs, drawn the same way — instead of drawing them again. Ignored
   * when the keys differ.
   */
  adoptDraws(keys: readonly string[], params: Float64Array): void {
    if (!this.opts || this.params) return;
    const own = uncertainKeys(this.template);
    const K = own.length;
    if (keys.length !== K || own.some((k, j) => k.key !== keys[j]) || params.length < this.runs * K) return;
    this.params = params.subarray(0, this.runs * K);
  }

  /**
   * Takes every run's first year reached at `level` from a Monte Carlo made there (the same
   * runs: same seed, same draws) instead of simulating them; they count as this search's
   * simulations.
   */
  know(level: number, firstReached: Int16Array): void {
    if (firstReached.length !== this.runs) throw new Error(`expected ${this.runs} runs, got ${firstReached.length}`);
    const a = this.outcomes(level);
    for (let r = 0; r < this.runs; r++) if (a[r] === UNKNOWN) { a[r] = firstReached[r]; this.simulations++; }
  }

  /**
   * Whether P(first reached at or before year index T) ≥ p at `level` — the same answer as
   * `reachedBy(level, T) >= p`, but the undecided runs are simulated only until the answer is
   * certain: once enough runs reach it (or too few are left to get there), the rest stay
   * unsimulated. Far from the answer, while the search's bracket is wide, that is a few runs.
   */
  reaches(level: number, T: number, p: number): boolean {
    const a = this.outcomes(level), runs = this.runs, open = this.open;
    const need = this.need(p);
    let ok = 0, n = 0;
    for (let r = 0; r < runs; r++) {
      const v = a[r];
      if (v !== UNKNOWN) { if (v >= 0 && v <= T) ok++; continue; }
      const d = this.decided(level, T, r);
      if (d === true) ok++;
      else if (d === null) open[n++] = r;
    }
    for (let i = 0; i < n; i++) {
      if (ok >= need) return true;
      if (ok + (n - i) < need) return false;
      const r = open[i];
      // At least min(need − ok, n − i − (need − ok) + 1) more runs before the answer is certain.
      if (this.runner) this.simulateAhead(level, open, i, n, Math.min(need - ok, n - i - (need - ok) + 1));
      this.simulate(level, r, a);
      if (a[r] >= 0 && a[r] <= T) ok++;
    }
    return ok >= need;
  }

  /**
   * For each probability p of `ps`: the earliest year index t with P(first reached at or before t)
   * ≥ p at `level` (−1: none by the horizon) — the same answers as `earliestYear(reachedByYear(level), p)`,
   * but the runs not yet known there are simulated only until every answer is certain: once a
   * year's count of runs reached by it meets p, or cannot any more, the rest stay unsimulated.
   */
  earliestYears(level: number, ps: readonly number[]): number[] {
    const a = this.outcomes(level), runs = this.runs, Y = this.nYears;
    const need = ps.map((p) => this.need(p));
    // Runs known to reach it first in each year, and runs not known.
    const first = new Int32Array(Y);
    let unknown = 0;
    for (let r = 0; r < runs; r++) {
      const v = a[r];
      if (v === UNKNOWN) unknown++;
      else if (v >= 0) first[v]++;
    }
    // Every answer is certain when no year is open for any p: its count reached by then either
    // meets the need already or could not meet it with every unknown run reaching it. An open year
    // (count c < k ≤ c + unknown) needs at least min(k − c, c + unknown − k + 1) more runs to close
    // (each run adds 1 to c or takes 1 from c + unknown): `open` is the most of these, 0 if none.
    const open = (): number => {
      let most = 0;
      for (const k of need) {
        let c = 0;
        for (let t = 0; t < Y; t++) {
          c += first[t];
          if (c >= k) break;
          if (c + unknown >= k) most = Math.max(most, Math.min(k - c, c + unknown - k + 1));
        }
      }
      return most;
    };
    const list = this.open;
    let n = 0;
    if (this.runner) for (let r = 0; r < runs; r++) if (a[r] === UNKNOWN) list[n++] = r;
    for (let r = 0, i = 0, m: number; r < runs && unknown > 0 && (m = open()) > 0; r++) {
      if (a[r] !== UNKNOWN) continue;
      if (this.runner) this.simulateAhead(level, list, i++, n, m);
      this.simulate(level, r, a);
      unknown--;
      if (a[r] >= 0) first[a[r]]++;
    }
    return need.map((k) => {
      let c = 0;
      for (let t = 0; t < Y; t++) if ((c += first[t]) >= k) return t;
      return -1;
    });
  }

  /** The fewest runs k with k / runs ≥ p, by the same division the probabilities are compared with. */
  private need(p: number): number {
    const runs = this.runs;
    let need = Math.max(0, Math.floor(p * runs) - 1);
    while (need <= runs && !(need / runs >= p)) need++;
    return need;
  }

  /** Levels evaluated so far. */
  get levels(): number { return this.known.size; }

  /** Each run's first year index reached at `level` (−1: not by the horizon); every run simulated. */
  firstReached(level: number): Int16Array {
    const a = this.outcomes(level);
    this.fill(level, a, () => true);
    return a;
  }

  /** P(first reached at or before year index T) at `level`, simulating only the runs not yet decided. */
  reachedBy(level: number, T: number): number {
    const a = this.outcomes(level);
    let inferredOk = 0;
    this.fill(level, a, (r) => {
      const d = this.decided(level, T, r);
      if (d === true) inferredOk++;
      return d === null;
    });
    let ok = inferredOk;
    for (let r = 0; r < this.runs; r++) if (a[r] >= 0 && a[r] <= T) ok++;
    return ok / this.runs;
  }

  /** P(reached by each year index) at `level`, from a fully simulated level. */
  reachedByYear(level: number): number[] {
    const a = this.firstReached(level);
    const counts = new Array<number>(this.nYears).fill(0);
    for (let r = 0; r < this.runs; r++) if (a[r] >= 0) counts[a[r]]++;
    let c = 0;
    return counts.map((n) => (c += n) / this.runs);
  }

  private outcomes(level: number): Int16Array {
    let a = this.known.get(level);
    if (!a) { a = new Int16Array(this.runs).fill(UNKNOWN); this.known.set(level, a); }
    return a;
  }

  /** Simulates the runs still unknown at `level` for which `need(run)` holds (every one of them: simulated ahead in one batch). */
  private fill(level: number, a: Int16Array, need: (run: number) => boolean): void {
    const list = this.open;
    let n = 0;
    for (let r = 0; r < this.runs; r++) if (a[r] === UNKNOWN && need(r)) list[n++] = r;
    if (this.runner) this.simulateAhead(level, list, 0, n, n);
    for (let i = 0; i < n; i++) this.simulate(level, list[i], a);
  }

  /**
   * With a runner: simulates ahead, in one batch on every thread, the runs list[i …] at `level`
   * not yet simulated ahead — `certain` of them (the search consumes at least that many before it
   * can stop), at least MIN_BATCH, at most to `n` — unless list[i] already is.
   */
  private simulateAhead(level: number, list: Int32Array, i: number, n: number, certain: number): void {
    let got = this.ahead.get(level);
    if (got && got[list[i]] !== UNKNOWN) return;
    if (!got) { got = new Int16Array(this.runs).fill(UNKNOWN); this.ahead.set(level, got); }
    const end = Math.min(n, i + Math.max(certain, MIN_BATCH));
    const runs = (this.batchRuns ??= new Int32Array(this.runs)), out = (this.batchOut ??= new Int16Array(this.runs));
    let m = 0;
    for (let j = i; j < end; j++) if (got[list[j]] === UNKNOWN) runs[m++] = list[j];
    const sim = this.simulator(level);
    this.runner!.runs(this.specs.get(level)!, runs, m, out, (r) => sim.outcome(r));
    for (let j = 0; j < m; j++) got[runs[j]] = out[j];
  }

  /** This thread's simulator at `level` (the last one kept); the level's spec made for the runner. */
  private simulator(level: number): LevelSimulator {
    if (this.sim?.level === level) return this.sim.sim;
    // Drawn when first needed: a search decided by levels already known draws nothing.
    this.params ??= drawParams(this.template, this.opts!.seed, 0, this.runs);
    let spec = this.specs.get(level);
    if (!spec) { spec = { input: this.inputAt(level), region: this.region, opts: this.opts!, params: this.params }; this.specs.set(level, spec); }
    this.sim = { level, sim: new LevelSimulator(spec) };
    return this.sim.sim;
  }

  /** Simulates run r at `level` into a[r] (or takes its outcome simulated ahead): one simulation of the search. */
  private simulate(level: number, r: number, a: Int16Array): void {
    if (this.opts) {
      const got = this.ahead.get(level);
      // Only the first year reached is read: the run stops there (the years before are the same).
      a[r] = got && got[r] !== UNKNOWN ? got[r] : this.simulator(level).outcome(r);
    } else {
      const input = this.inputAt(level);
      // One region (what it would take's searches): its projection, shared with the cost and
      // feasibility read at the same level. Several: only the region searched is simulated.
      if (input.regions.length === 1) a[r] = firstReached(expectedProjection(input).regions[0].block, this.nYears);
      else {
        simulateRegion(expectedRunOf(input).regions[this.region], this.nYears, input.startYear, null, this.block, undefined, true);
        a[r] = firstReached(this.block, this.nYears);
      }
    }
    this.simulations++;
  }

  /** Whether run r reaches the target by T at `level`, as the simulated levels decide it (null: undecided). */
  private decided(level: number, T: number, r: number): boolean | null {
    for (const [x, a] of this.known) {
      const v = a[r];
      if (v === UNKNOWN || x === level) continue;
      const ok = v >= 0 && v <= T;
      if (ok && this.better * (x - level) <= 0) return true;
      if (!ok && this.better * (x - level) >= 0) return false;
    }
    return null;
  }
}
/** Search bounds of a lever, in its own units: levels lo … hi in steps of `step`; `better` as in `bisect`. */
export interface LeverBounds { lo: number; hi: number; step: number; better: 1 | -1 }

export interface LeverAnswer {
  feasible: boolean;
  /** The smallest helpful level that reaches it (feasible), else the bound. */
  level: number;
  /** P(reached by the target year) at `level`, as the search sees it (computed when first read). */
  readonly probability: number;
  /** With `feasible` false: the earliest year index reached with the probability at the bound (−1: none; computed when first read). */
  readonly earliestAtBound: number | null;
}

/** The first level `searchLever` evaluates (in the lever's units): the guess within the bounds, or the helpful bound. */
export function searchStart(b: LeverBounds, guess: number | null): number {
  return startK(b, guess) * b.step;
}

function startK(b: LeverBounds, guess: number | null): number {
  const kLo = Math.round(b.lo / b.step), kHi = Math.round(b.hi / b.step);
  const good = b.better === 1 ? kHi : kLo;
  return Math.min(kHi, Math.max(kLo, guess === null ? good : Math.round(guess / b.step)));
}

/**
 * The smallest helpful level reaching the target by year index T with probability ≥ p: brackets
 * from `guess` (the expected-value answer, say) outward in doubling steps, then bisects. Every
 * step needs only whether a level reaches p (`ev.reaches`), which stops simulating runs as soon as
 * that is certain; the answer is the same as with every run of every level evaluated
 * (test/solve-early.test.ts). `stopEarly` false evaluates every run of each level visited: more
 * simulations for this search, more runs known for a later search on the same evaluator.
 * Without a guess it starts from the helpful bound.
 */
export function searchLever(ev: LevelEvaluator, b: LeverBounds, T: number, p: number, guess: number | null = null, stopEarly = true): LeverAnswer {
  const kLo = Math.round(b.lo / b.step), kHi = Math.round(b.hi / b.step);
  const ok = (k: number) => (stopEarly ? ev.reaches(k * b.step, T, p) : ev.reachedBy(k * b.step, T) >= p);
  const good = b.better === 1 ? kHi : kLo, bad = b.better === 1 ? kLo : kHi;
  const feasible = (k: number): LeverAnswer => ({ feasible: true, level: k * b.step, get probability() { return ev.reachedBy(k * b.step, T); }, earliestAtBound: null });
  // Bracket [failing k, succeeding k] in the helpful direction d.
  const d = b.better;
  let okK: number, failK: number;
  const g = startK(b, guess);
  let s = Math.max(1, Math.round(Math.abs(g - bad) * 0.03));
  if (ok(g)) {
    let at = g;
    for (;;) {
      if (at === bad) return feasible(bad);
      const x: number = d === 1 ? Math.max(bad, at - s) : Math.min(bad, at + s);
      if (!ok(x)) { failK = x; okK = at; break; }
      at = x; s *= 2;
    }
  } else {
    let fail = g;
    for (;;) {
      if (fail === good) {
        // Read only when asked: they need every run at the bound (the search needed only "not p").
        const by = () => ev.reachedByYear(good * b.step);
        return { feasible: false, level: good * b.step, get probability() { return by()[T]; }, get earliestAtBound() { return earliestYear(by(), p); } };
      }
      const x: number = d === 1 ? Math.min(good, fail + s) : Math.max(good, fail - s);
      if (ok(x)) { okK = x; failK = fail; break; }
      fail = x; s *= 2;
    }
  }
  // Bisection between them (as `bisect`, on whether each level reaches p).
  while (Math.abs(okK - failK) > 1) {
    const m = Math.round((failK + okK) / 2);
    if (ok(m)) okK = m;
    else failK = m;
  }
  return feasible(okK);
}
