/**
 * A search level's runs shared between threads (`LevelEvaluator` of model/solve-search.ts: what it
 * would take after a Monte Carlo, solve's search). The search itself stays on the calling thread and
 * sequential — it decides which runs to simulate, in which order, and counts them — but when a
 * `LevelRunner` is given, the runs it is about to need are simulated ahead, in batches, by the
 * calling thread and the idle Monte Carlo workers together (threads/level-runner.ts). A run's
 * outcome (first year reached) depends on its level, its draws and its index only, so whichever
 * thread simulates it, it is the same number. Pure: the Node side (worker threads) is threads/'.
 *
 * A batch is one shared buffer (`jobLayout`): a header, the runs' indices, their outcomes. Every
 * thread claims the next index from the header's counter (Atomics.add), so none waits for another
 * to hand out work and a thread that arrives late simply finds nothing left.
 */
import { newBlock } from './engine.js';
import { McContext, simulateRun, type McOptions } from './montecarlo.js';
import { firstReached } from './project.js';
import type { ModelInput } from './types.js';

/** An outcome not computed (yet): in a batch's outcomes and in the evaluator's. */
export const UNKNOWN = -2;

/** One level of one search: what any thread needs to simulate its runs (sent once per level). */
export interface LevelSpec { input: ModelInput; region: number; opts: McOptions; params: Float64Array }

/**
 * Simulates batches of a level's runs on several threads (threads/level-runner.ts). Synchronous:
 * it returns when every run of the batch has its outcome.
 */
export interface LevelRunner {
  /**
   * out[i] = the first year index reached (−1: none) of run runs[i] at `level`, for i < n. This
   * thread simulates its share with `local` (the evaluator's own context); `level` is the same
   * object for every batch of one level (its identity is the level's).
   */
  runs(level: LevelSpec, runs: Int32Array, n: number, out: Int16Array, local: (run: number) => number): void;
}

/** Header slots (Int32) of a batch buffer. */
export const CLAIMED = 0, DONE = 1, FAILED = 2, BY_OTHERS = 3;
const HEADER = 4;

/** A batch of n runs: header, run indices (Int32) and outcomes (Int16, UNKNOWN until simulated), views on one buffer. */
export function jobLayout(buf: ArrayBufferLike, n: number): { header: Int32Array; runs: Int32Array; out: Int16Array } {
  return { header: new Int32Array(buf, 0, HEADER), runs: new Int32Array(buf, HEADER * 4, n), out: new Int16Array(buf, (HEADER + n) * 4, n) };
}

/** Bytes of a batch buffer of n runs. */
export const jobBytes = (n: number): number => (HEADER + n) * 4 + 2 * n;

/**
 * Claims runs of a batch one at a time until none is left; `simulate` gives a run's outcome. Each
 * outcome is stored before it is counted done, so a thread that sees DONE = n reads every outcome.
 * `other`: this is not the thread that made the batch (its runs are counted in BY_OTHERS, for the
 * record). Returns how many runs this thread simulated.
 */
export function claimRuns(buf: ArrayBufferLike, n: number, simulate: (run: number) => number, other = false): number {
  const { header, runs, out } = jobLayout(buf, n);
  let mine = 0;
  for (let i = Atomics.add(header, CLAIMED, 1); i < n; i = Atomics.add(header, CLAIMED, 1)) {
    Atomics.store(out, i, simulate(runs[i]));
    mine++;
    if (other) Atomics.add(header, BY_OTHERS, 1);
    Atomics.add(header, DONE, 1); // the calling thread spins on it (threads/level-runner.ts): no notify
  }
  return mine;
}

/** A thread's simulator of one level's runs: the same as `LevelEvaluator`'s on the calling thread. */
export class LevelSimulator {
  private readonly ctx: McContext;
  private readonly block: Float64Array;
  private readonly nYears: number;
  constructor(private readonly level: LevelSpec) {
    this.ctx = new McContext(level.input, level.opts, level.params);
    this.nYears = level.input.endYear - level.input.startYear + 1;
    this.block = newBlock(this.nYears);
  }
  /** Run `run`'s first year index reached (−1: none); the run stops there. */
  outcome(run: number): number {
    simulateRun(this.ctx, this.level.region, run, this.block, true);
    return firstReached(this.block, this.nYears);
  }
}

/** Messages to a worker thread (threads/worker.ts): a level's constant input, then batches of its runs. */
export interface LevelMessage { kind: 'level'; id: number; level: LevelSpec }
export interface RunsMessage { kind: 'runs'; id: number; job: SharedArrayBuffer; n: number }
/** The search is over: its levels are forgotten (a later search numbers its levels from 0 again). */
export interface LevelsDoneMessage { kind: 'levelsDone' }

/**
 * A worker thread's side: the levels sent to it, the last one's simulator kept. A failure marks
 * the batch (FAILED) instead of throwing: the calling thread then simulates what is left and meets
 * the same error itself.
 */
export class LevelWorker {
  private readonly levels = new Map<number, LevelSpec>();
  private sim: { id: number; sim: LevelSimulator } | null = null;
  handle(m: LevelMessage | RunsMessage | LevelsDoneMessage): void {
    if (m.kind === 'levelsDone') { this.levels.clear(); this.sim = null; return; }
    if (m.kind === 'level') { this.levels.set(m.id, m.level); if (this.sim?.id === m.id) this.sim = null; return; }
    try {
      if (this.sim?.id !== m.id) this.sim = { id: m.id, sim: new LevelSimulator(this.levels.get(m.id)!) };
      const sim = this.sim.sim;
      claimRuns(m.job, m.n, (r) => sim.outcome(r), true);
    } catch {
      const { header } = jobLayout(m.job, m.n);
      Atomics.store(header, FAILED, 1);
    }
  }
}
