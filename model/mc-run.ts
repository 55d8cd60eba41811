/**
 * The Monte Carlo, in one place: draws → simulate → summarise → totals.
 *
 *   1. draw     each run's uncertain parameters (draws.ts), inside the first region's tasks (or
 *               ahead of them by the first thread: mc-tasks.ts)
 *   2. simulate region by region, run ranges into a column-layout buffer, each run added into
 *               the multi-region total
 *   3. summarise the previous region's columns (mean, quantiles) in the same phase as the next
 *               region's simulation, and meanwhile (on the calling thread) its per-run outcomes
 *               (reached years, last-year values)
 *   4. totals   after the last region: the pooled total, summarised the same way
 *
 * The tasks of each phase run on a `PhaseRunner`: `inProcess` (this module: the calling thread
 * alone, pure, usable in a web page) or the worker-thread runner of `threads/pool.ts` (Node). The
 * phases, tasks and buffers are the same, so both give the same bytes for any number of threads.
 *
 * Memory: two regions' runs at a time, plus the multi-region total's per-run sums.
 */
import { prepareCopula } from './copula.js';
import { uncertainKeys } from './draws.js';
import { NFIELDS } from './fields.js';
import { chunkLength, MAX_CHUNK, newStore, releaseStore, storeMaxBytes } from './mc-store.js';
import { summarizeRuns, type UnitSummary } from './mc-summary.js';
import { McContext, NSTATS, type McOptions, type McResult } from './montecarlo.js';
import { claimAndRun, columnsOf, type ColumnsRef, type InitMessage, type Task } from './mc-tasks.js';
import { TotalAccumulator } from './project.js';
import type { ModelInput } from './types.js';

/** Runs each phase's tasks on some threads; the calling thread always takes part (`local`). */
export interface PhaseRunner {
  /** Threads computing, the calling thread included (more than 1: buffers must be shared). */
  readonly threads: number;
  /** Starts `threads` − 1 other threads (`threads` ≤ this.threads) with the Monte Carlo's constant input. */
  start(init: InitMessage, threads: number): void;
  /** Runs `tasks` (claimed through the counter in `counterBuf`) to the end; `tick` per finished task. */
  runPhase(tasks: Task[], local: McContext, counterBuf: ArrayBufferLike, tick: () => void): Promise<void>;
  /** After the Monte Carlo; `healthy` false after a failure. */
  end(healthy: boolean): Promise<void>;
}

/** The calling thread alone: no worker, no Node API. */
export const inProcess: PhaseRunner = {
  threads: 1,
  start() {},
  async runPhase(tasks, local, counterBuf, tick) {
    const counter = new Int32Array(counterBuf);
    while (claimAndRun(local, tasks, counter)) tick();
  },
  async end() {},
};

export interface MonteCarloOptions {
  /** Where the tasks run (default: in-process). */
  runner?: PhaseRunner;
  /** Called with (done, total) units of work. */
  onProgress?: (done: number, total: number) => void;
  /**
   * The columns (field·nYears + yearIndex) whose mean and quantiles the caller reads, 1 a byte; the
   * others are left NaN in `UnitSummary.stats` (the per-run outcomes are always complete). Default:
   * every column. For commands that read a few (compare, sensitivity).
   */
  summarize?: Uint8Array;
  /**
   * Work of the caller's that does not need the result (what it would take of several regions): run
   * once on this thread while the first phase's tasks run, so the other threads take more of them
   * instead of waiting idle after the Monte Carlo while this thread does it (issue 15). It must not
   * throw (keep an error for later).
   */
  alongside?: () => void;
}

/** [0, n) in consecutive pieces of `step` (the last may be shorter). */
function chunks(n: number, step: number): [number, number][] {
  const out: [number, number][] = [];
  for (let a = 0; a < n; a += step) out.push([a, Math.min(n, a + step)]);
  return out;
}

const ranges = (n: number, parts: number): [number, number][] => chunks(n, Math.max(1, Math.ceil(n / parts)));

/**
 * The phases of one Monte Carlo as a generator: each `yield` hands out one phase's tasks, to be
 * run to the end (by any threads) before the next `next()`; the return value is the result.
 */
class McPlan {
  readonly init: InitMessage;
  readonly local: McContext;
  readonly totalWork: number;
  private readonly buffer: (bytes: number) => ArrayBufferLike;
  private readonly runRanges: [number, number][];
  private readonly colRanges: [number, number][];
  /** Runs per simulate task, stored together (model/mc-store.ts). */
  private readonly chunk: number;
  /** Units whose runs are complete but whose per-run outcomes are not yet read (`finishPending`). */
  private readonly pending: (() => void)[] = [];

  /** `threads`: how many threads will run the tasks (more than 1: shared buffers). */
  /** The columns to summarize (null: all), in a buffer the threads share. */
  private readonly want: ArrayBufferLike | null;

  constructor(private readonly input: ModelInput, private readonly opts: McOptions, readonly threads: number, want: Uint8Array | null = null) {
    const runs = opts.runs;
    const shared = threads > 1;
    this.buffer = (bytes: number) => (shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
    const params = this.buffer(runs * uncertainKeys(input).length * 8);
    const copula = prepareCopula(input);
    this.init = { kind: 'init', input, opts, params: params as SharedArrayBuffer, copula };
    this.local = new McContext(input, opts, new Float64Array(params), copula);
    const size = this.local.size;
    if (want && want.length !== size) throw new RangeError(`summarize: expected ${size} columns, got ${want.length}`);
    this.want = want ? this.buffer(size) : null;
    if (want) new Uint8Array(this.want!).set(want);
    this.chunk = chunkLength(runs, threads);
    this.runRanges = chunks(runs, this.chunk);
    this.colRanges = ranges(size, threads * 8);
    const units = input.regions.length + (input.total !== null ? 1 : 0);
    this.totalWork = input.regions.length * (this.runRanges.length + this.local.nYears) + units * this.colRanges.length;
  }

  /** A fresh counter for one phase (claimed tasks, finished tasks). */
  counter(): ArrayBufferLike { return this.buffer(8); }

  /**
   * Reads the per-run outcomes of the units simulated so far (`summarizeRuns`: this thread only,
   * it builds the result's objects). Called once the phase that summarizes their columns is handed
   * out, so the other threads summarize (and simulate the next region) meanwhile instead of
   * waiting for it — also after the last phase.
   */
  finishPending(): void {
    for (let f = this.pending.shift(); f; f = this.pending.shift()) f();
  }

  *phases(): Generator<Task[], McResult, void> {
    const { input, opts, buffer, colRanges, runRanges, want } = this;
    const runs = opts.runs, nYears = this.local.nYears, size = this.local.size;
    // Region i is simulated into a fresh store while region i − 1's columns are summarized and
    // its per-run outcomes read from its own, so no thread waits at the end of a phase with
    // nothing to do; at most two stores are alive at a time.
    const R = input.regions.length;
    const sumsBuf = input.total !== null ? buffer(runs * size * 8) : null;
    const normBuf = input.total !== null ? buffer(runs * nYears * 8) : null;
    const total = sumsBuf && normBuf ? new TotalAccumulator(runs, nYears, new Float64Array(sumsBuf), new Float64Array(normBuf)) : null;
    const totalRef = sumsBuf && normBuf ? { sums: sumsBuf, normWeight: normBuf } : null;
    interface Unit { name: string; columns: ColumnsRef; stats: ArrayBufferLike }
    const unit = (name: string, columns: ColumnsRef): Unit => ({ name, columns, stats: buffer(size * NSTATS * 8) });
    // A store's derived fields: one task per year, the rest in column ranges.
    const summarizeTasks = (u: Unit): Task[] => [
      ...(u.columns.kind === 'store' ? Array.from({ length: nYears }, (_, t): Task => ({ kind: 'summarizeDerived', columns: u.columns, t, stats: u.stats, want })) : []),
      ...colRanges.map(([c0, c1]): Task => ({ kind: 'summarize', columns: u.columns, c0, c1, stats: u.stats, want })),
    ];
    // A unit's per-run outcomes (summarizeRuns: this thread only, it builds the result's objects)
    // need its runs only, not its statistics: they are read while the other threads summarize its
    // columns (finishPending), and the statistics are copied in once that phase is done (`after`).
    const finish = (u: Unit, after: (() => void)[], done: (s: UnitSummary) => void): void => {
      const stats = new Float64Array(size * NSTATS);
      this.pending.push(() => done(summarizeRuns(u.name, columnsOf(u.columns), stats)));
      after.push(() => stats.set(new Float64Array(u.stats)));
    };
    const regions: UnitSummary[] = [];
    let totalSummary: UnitSummary | null = null;
    let prev: Unit | null = null;
    for (let i = 0; i <= R; i++) {
      const after: (() => void)[] = [];
      const tasks: Task[] = prev ? summarizeTasks(prev) : [];
      if (prev) finish(prev, after, (s) => { regions.push(s); });
      let current: Unit | null = null;
      if (i < R) {
        // The first region's tasks also draw each run's parameters; later regions read them.
        const store = newStore(runs, nYears, this.chunk, this.threads > 1);
        const draws = i === 0 ? buffer(4 * runRanges.length) : null; // each chunk's draw state (mc-tasks.ts)
        current = unit(input.regions[i].name, { kind: 'store', store });
        tasks.push(...runRanges.map(([a, b], k): Task => ({ kind: 'simulate', region: i, chunk: k, from: a, to: b, draws, store, total: totalRef })));
      } else if (total) {
        total.finish(); // every region has been added
        const totalUnit = unit(input.total!, { kind: 'dense', data: sumsBuf!, runs, nYears });
        tasks.push(...summarizeTasks(totalUnit));
        finish(totalUnit, after, (s) => { totalSummary = s; });
      }
      yield tasks;
      for (const f of after) f();
      // prev's columns are summarized (this phase) and its per-run outcomes read (finishPending,
      // during this phase; read here if a caller has not): its arena can serve a later region's store.
      if (prev?.columns.kind === 'store') { this.finishPending(); releaseStore(prev.columns.store); }
      prev = current;
    }
    this.finishPending();
    const paramKeys = uncertainKeys(input).map((k) => k.key);
    return { opts, startYear: input.startYear, endYear: input.endYear, paramKeys, params: this.local.params, regions, total: totalSummary };
  }
}

/**
 * An estimate of the memory (bytes) a Monte Carlo of `runs` runs takes, for refusing one the machine
 * cannot hold. An upper bound of the per-run buffers above: parameter draws; each region's store at
 * its largest (every kept value in 8 bytes and a directory entry per chunk-column of one run — in
 * practice whole numbers take 1–2 bytes and constant columns nothing, so a store uses a third to a
 * quarter of that), up to three at a time with several regions; the total's sums and weights; per-unit
 * outcomes; the summaries' scratch columns (ten per thread, counted for two threads). Plus 2 KB a run for the per-run outputs
 * (--runs-out rows, compare and sensitivity samples) and a 64 MB floor for everything else.
 */
export function mcMemoryBytes(input: ModelInput, runs: number): number {
  const nYears = input.endYear - input.startYear + 1;
  const size = NFIELDS * nYears;
  const R = input.regions.length, total = input.total !== null;
  const units = R + (total ? 1 : 0);
  // A store: its values, and its directory (a 24-byte entry per column and chunk of up to MAX_CHUNK
  // runs; with few runs, up to 16 chunks per thread of at most 16 threads).
  const dir = (n: number) => 24 * size * (Math.ceil(n / MAX_CHUNK) + 256);
  const stores = Math.min(R, 3) * (storeMaxBytes(runs, nYears) + dir(runs));
  const perRun = 8 * uncertainKeys(input).length + (total ? 8 * (size + nYears) : 0) + 38 * units + 2 * 10 * 8 + 2048;
  return 64 * 2 ** 20 + stores + runs * perRun;
}

/** The Monte Carlo of `input` with `opts` (seed, runs, event noise), on `options.runner`'s threads. */
export async function monteCarlo(input: ModelInput, opts: McOptions, options: MonteCarloOptions = {}): Promise<McResult> {
  const runner = options.runner ?? inProcess;
  const plan = new McPlan(input, opts, Math.min(runner.threads, opts.runs), options.summarize ?? null);
  let done = 0;
  const tick = () => options.onProgress?.(++done, plan.totalWork);
  let healthy = true;
  let alongside = options.alongside;
  try {
    runner.start(plan.init, plan.threads);
    const phases = plan.phases();
    for (let step = phases.next(); ; step = phases.next()) {
      if (step.done) return step.value;
      // The runner hands the tasks out before its first await; the outcomes of the region before
      // are read meanwhile (one thread), then this thread works on the tasks too.
      const running = runner.runPhase(step.value, plan.local, plan.counter(), tick);
      running.catch(() => {}); // awaited below; not unobserved if finishPending throws
      if (alongside) { const f = alongside; alongside = undefined; f(); }
      plan.finishPending();
      await running;
    }
  } catch (e) {
    healthy = false;
    throw e;
  } finally {
    await runner.end(healthy);
  }
}

/** The same Monte Carlo, synchronously on the calling thread (the same bytes as `monteCarlo`). */
export function monteCarloSync(input: ModelInput, opts: McOptions): McResult {
  const plan = new McPlan(input, opts, 1);
  const phases = plan.phases();
  for (let step = phases.next(); ; step = phases.next()) {
    if (step.done) return step.value;
    const counter = new Int32Array(plan.counter());
    while (claimAndRun(plan.local, step.value, counter));
  }
}
