/**
 * The Monte Carlo's units of work, run the same way by worker threads and by the main thread
 * (`model/mc-run.ts`; worker threads in `threads/`). A task names what to compute and where the result goes in shared buffers; a
 * task's result depends on nothing but its own fields, so any executor may take any task.
 */
import { drawParamsInto } from './draws.js';
import { McContext, simulateRange, summarizeColumns, type McOptions } from './montecarlo.js';
import type { Copula } from './params.js';
import { TotalAccumulator } from './project.js';
import type { ModelInput } from './types.js';

export interface InitMessage { kind: 'init'; input: ModelInput; opts: McOptions; params: SharedArrayBuffer; copula: Copula | null }

export type Task =
  /** Region `region`, runs [from, to); `drawParams`: first draw those runs' parameters (the first region's tasks). */
  | { kind: 'simulate'; region: number; from: number; to: number; drawParams: boolean; blocks: ArrayBufferLike; total: { sums: ArrayBufferLike; normWeight: ArrayBufferLike } | null }
  /** Mean and quantiles of columns [c0, c1) of one unit's run blocks. */
  | { kind: 'summarize'; blocks: ArrayBufferLike; runs: number; size: number; c0: number; c1: number; stats: ArrayBufferLike };

/**
 * A batch of tasks for the workers. Executors claim task indices from `counter[0]` with
 * Atomics.add (so none waits for the main thread to hand out work) and count finished tasks in
 * `counter[1]`.
 */
export interface PhaseMessage { kind: 'phase'; tasks: Task[]; counter: SharedArrayBuffer }

export type WorkerResponse = { kind: 'phaseDone' } | { kind: 'error'; message: string };

export function runTask(ctx: McContext, m: Task): void {
  if (m.kind === 'simulate') {
    const total = m.total ? new TotalAccumulator(ctx.opts.runs, ctx.nYears, new Float64Array(m.total.sums), new Float64Array(m.total.normWeight)) : null;
    if (m.drawParams) drawParamsInto(ctx.input, ctx.opts.seed, m.from, m.to, ctx.copula, ctx.params);
    simulateRange(ctx, m.region, m.from, m.to, new Float64Array(m.blocks), total);
  } else {
    summarizeColumns(new Float64Array(m.blocks), m.runs, m.size, m.c0, m.c1, new Float64Array(m.stats));
  }
}

/** Claims and runs one task of a phase; false when none is left. */
export function claimAndRun(ctx: McContext, tasks: Task[], counter: Int32Array): boolean {
  const i = Atomics.add(counter, 0, 1);
  if (i >= tasks.length) return false;
  runTask(ctx, tasks[i]);
  Atomics.add(counter, 1, 1);
  return true;
}
