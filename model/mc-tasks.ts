/**
 * The Monte Carlo's units of work, run the same way by worker threads and by the main thread
 * (`model/mc-run.ts`; worker threads in `threads/`). A task names what to compute and where the result goes in shared buffers; a
 * task's result depends on nothing but its own fields, so any executor may take any task.
 */
import { drawParamsInto } from './draws.js';
import { ChunkStore, DenseColumns, stageFor, warmUpStore, type Columns, type StoreRef } from './mc-store.js';
import { summarizeColumns, summarizeDerived, warmUpSummaries } from './mc-summary.js';
import { warmUpQuantiles } from './quantiles.js';
import { McContext, simulateRun, type McOptions } from './montecarlo.js';
import type { Copula } from './params.js';
import { TotalAccumulator } from './project.js';
import type { ModelInput } from './types.js';

export interface InitMessage { kind: 'init'; input: ModelInput; opts: McOptions; params: SharedArrayBuffer; copula: Copula | null }

/** A unit's per-run columns: a region's compact store, or the multi-region total's values run by run. */
export type ColumnsRef = { kind: 'store'; store: StoreRef } | { kind: 'dense'; data: ArrayBufferLike; runs: number; nYears: number };

export type Task =
  /**
   * Region `region`, chunk `chunk` of `store` (its runs [from, to)). `draws` (the first region's
   * tasks): the chunks' draw states (`drawRange`); those runs' parameters are drawn first unless a
   * thread has already drawn them.
   */
  | { kind: 'simulate'; region: number; chunk: number; from: number; to: number; draws: ArrayBufferLike | null; store: StoreRef; total: { sums: ArrayBufferLike; normWeight: ArrayBufferLike } | null }
  /** Mean and quantiles of columns [c0, c1) of one unit's runs (but the derived fields of a store); `want`: only the columns marked (null: all). */
  | { kind: 'summarize'; columns: ColumnsRef; c0: number; c1: number; stats: ArrayBufferLike; want: ArrayBufferLike | null }
  /** Mean and quantiles of the fields a store derives on reading, in year index t; `want` as above. */
  | { kind: 'summarizeDerived'; columns: ColumnsRef; t: number; stats: ArrayBufferLike; want: ArrayBufferLike | null };

/**
 * A batch of tasks for the workers. Executors claim task indices from `counter[0]` with
 * Atomics.add (so none waits for the main thread to hand out work) and count finished tasks in
 * `counter[1]`.
 */
export interface PhaseMessage { kind: 'phase'; tasks: Task[]; counter: SharedArrayBuffer }

export type WorkerResponse = { kind: 'phaseDone' } | { kind: 'error'; message: string };

/** This thread's reader of a unit's columns. */
export const columnsOf = (ref: ColumnsRef): Columns =>
  (ref.kind === 'store' ? new ChunkStore(ref.store) : new DenseColumns(new Float64Array(ref.data), ref.runs, ref.nYears));

/**
 * Runs [from, to) of region `region` as chunk `chunk` of `store`: the engine writes each run's
 * block (`simulateRun`, the seam), each block is added into the total, then the chunk is stored.
 */
export function simulateChunk(ctx: McContext, region: number, chunk: number, from: number, to: number, store: ChunkStore, total: TotalAccumulator | null): void {
  const size = ctx.size, n = to - from;
  const blocks = stageFor(n, size);
  for (let i = 0; i < n; i++) {
    const block = blocks.subarray(i * size, (i + 1) * size);
    simulateRun(ctx, region, from + i, block);
    if (total) total.add(block, from + i);
  }
  store.writeChunk(chunk, blocks, n);
}

/** A chunk's draw state (one Int32 per simulate task of the first region, shared by the threads). */
const NOT_DRAWN = 0, DRAWING = 1, DRAWN = 2, FAILED = 3;

/**
 * Draws the parameters of simulate task `m`'s runs unless another thread has (claimed with a
 * compare-and-swap of its draw state); waits when another thread is drawing them right now. The
 * values depend on (seed, run, parameter) only, so whichever thread draws them, they are the same.
 */
function drawRange(ctx: McContext, m: Task & { kind: 'simulate' }, states: Int32Array): void {
  const k = m.chunk;
  const draw = () => drawParamsInto(ctx.input, ctx.opts.seed, m.from, m.to, ctx.copula, ctx.params);
  if (Atomics.compareExchange(states, k, NOT_DRAWN, DRAWING) === NOT_DRAWN) {
    try {
      draw();
    } catch (e) {
      Atomics.store(states, k, FAILED);
      Atomics.notify(states, k);
      throw e;
    }
    Atomics.store(states, k, DRAWN);
    Atomics.notify(states, k);
    return;
  }
  // Another thread (shared buffers) is drawing them: a chunk's draws take a few ms. Never waited for
  // long: after ~100 ms, or when that thread failed, they are drawn here too — the same values into
  // the same places, so a thread that died or stalled mid-draw cannot hang this one, and an error
  // in the draws is then this thread's own.
  for (let i = 0; i < 10 && Atomics.load(states, k) === DRAWING; i++) Atomics.wait(states, k, DRAWING, 10);
  if (Atomics.load(states, k) !== DRAWN) draw();
}

/**
 * The calling thread draws the parameters of every simulate task in `tasks` that no thread has
 * drawn yet, in order, before it simulates (issue 15). The Monte Carlo's first thread does this
 * (threads/pool.ts) while the others simulate: the draws (the beta and normal inverses, ~4 µs a
 * run warm, 2–3 times that cold) are then compiled and warmed up in one thread only instead of in
 * every thread's first task.
 */
function drawAhead(ctx: McContext, tasks: Task[]): void {
  for (const m of tasks) {
    if (m.kind !== 'simulate' || m.draws === null) continue;
    const states = new Int32Array(m.draws);
    if (Atomics.load(states, m.chunk) === NOT_DRAWN) drawRange(ctx, m, states);
  }
}

export function runTask(ctx: McContext, m: Task): void {
  if (m.kind === 'simulate') {
    const total = m.total ? new TotalAccumulator(ctx.opts.runs, ctx.nYears, new Float64Array(m.total.sums), new Float64Array(m.total.normWeight)) : null;
    if (m.draws) drawRange(ctx, m, new Int32Array(m.draws));
    simulateChunk(ctx, m.region, m.chunk, m.from, m.to, new ChunkStore(m.store), total);
  } else if (m.kind === 'summarize') {
    summarizeColumns(columnsOf(m.columns), m.c0, m.c1, new Float64Array(m.stats), false, m.want ? new Uint8Array(m.want) : null);
  } else {
    summarizeDerived(columnsOf(m.columns), m.t, new Float64Array(m.stats), m.want ? new Uint8Array(m.want) : null);
  }
}

/**
 * The result store's and the summaries' warm-ups (mc-store.ts, quantiles.ts, mc-summary.ts: a few
 * milliseconds in the interpreter, so that V8 optimizes those functions once, with feedback on every
 * branch), before this thread's first task: every thread that runs tasks, and only those.
 */
let warm = false;
function warmUp(): void {
  warm = true;
  warmUpStore();
  warmUpQuantiles();
  warmUpSummaries();
}

/**
 * Claims and runs one task of a phase; false when none is left. `drawFirst`: first draw every
 * parameter of the phase that no thread has drawn yet (`drawAhead`; one thread of a Monte Carlo).
 */
export function claimAndRun(ctx: McContext, tasks: Task[], counter: Int32Array, drawFirst = false): boolean {
  if (!warm) warmUp();
  if (drawFirst) drawAhead(ctx, tasks);
  const i = Atomics.add(counter, 0, 1);
  if (i >= tasks.length) return false;
  runTask(ctx, tasks[i]);
  Atomics.add(counter, 1, 1);
  return true;
}
