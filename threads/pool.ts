/**
 * The worker-thread runner of the Monte Carlo (Node only; optional: `model/mc-run.ts` runs the
 * same phases in-process). N threads: the main thread and N − 1 worker threads (one thread,
 * --workers 1, needs no worker at all). Every thread claims the next task from a shared counter,
 * so none waits for another to hand out work, and the main thread computes while the workers
 * load. Results are byte-identical whatever the number of threads: each run's random numbers
 * depend only on (seed, run, what is drawn), every value has a fixed place, and the total adds
 * regions in the same order.
 */
import type { Worker } from 'node:worker_threads';
import { idle, spawnWorker } from './idle.js';
import { monteCarlo, type PhaseRunner } from '../model/mc-run.js';
import { claimAndRun, type PhaseMessage, type Task, type WorkerResponse } from '../model/mc-tasks.js';
import type { McContext, McOptions, McResult } from '../model/montecarlo.js';
import type { ModelInput } from '../model/types.js';

export interface PoolOptions {
  /** Threads computing, the main thread included. */
  workers: number;
  /** Called with (done, total) units of work. */
  onProgress?: (done: number, total: number) => void;
}

export { defaultWorkers, prestartWorkers } from './idle.js';

/** The Monte Carlo on `pool.workers` threads (the main thread included). */
export async function runMonteCarlo(input: ModelInput, opts: McOptions, pool: PoolOptions): Promise<McResult> {
  if (!Number.isInteger(pool.workers) || pool.workers < 1) throw new Error(`threads must be a whole number ≥ 1, got ${pool.workers}`);
  return monteCarlo(input, opts, { runner: threadRunner(pool.workers), onProgress: pool.onProgress });
}

/** A PhaseRunner on `threads` threads: the main thread and worker threads from the idle set. */
export function threadRunner(threads: number): PhaseRunner {
  let workers: Worker[] | null = null;
  return {
    threads,
    start(init, n) {
      workers = n > 1 ? acquireWorkers(n - 1) : null;
      for (const w of workers ?? []) w.postMessage(init);
    },
    runPhase: (tasks, local, counterBuf, tick) => runPhase(tasks, local, workers, counterBuf, tick),
    async end(healthy) {
      if (workers) await releaseWorkers(workers, healthy);
    },
  };
}

const yieldToEventLoop = () => new Promise<void>((r) => setImmediate(r)); // lets the progress bar draw and worker messages arrive

/** Runs one phase's tasks on the main thread and every worker; resolves when all are done. */
async function runPhase(tasks: Task[], local: McContext, workers: Worker[] | null, counterBuf: ArrayBufferLike, tick: () => void): Promise<void> {
  const counter = new Int32Array(counterBuf);
  let reported = 0;
  const report = () => { for (const d = Atomics.load(counter, 1); reported < d; reported++) tick(); };
  const others = (workers ?? []).map((w) => new Promise<void>((resolve, reject) => {
    const off = () => { w.off('message', onMessage); w.off('error', onError); w.off('exit', onExit); };
    const onMessage = (m: WorkerResponse) => { off(); if (m.kind === 'error') reject(new Error(`Monte Carlo worker failed: ${m.message}`)); else resolve(); };
    const onError = (e: Error) => { off(); reject(e); };
    const onExit = (code: number) => { off(); reject(new Error(`Monte Carlo worker stopped (exit code ${code})`)); };
    w.on('message', onMessage); w.on('error', onError); w.on('exit', onExit);
    w.postMessage({ kind: 'phase', tasks, counter: counterBuf as SharedArrayBuffer } satisfies PhaseMessage);
  }));
  // A failed worker must not leave the others' promises unobserved while the main thread works.
  const all = Promise.all(others);
  all.catch(() => {});
  // This thread draws the phase's parameters while the workers simulate (model/mc-tasks.ts, drawAhead).
  while (claimAndRun(local, tasks, counter, true)) { report(); await yieldToEventLoop(); }
  await all;
  report();
}

function acquireWorkers(n: number): Worker[] {
  const ws = idle.splice(0, n);
  while (ws.length < n) ws.push(spawnWorker());
  for (const w of ws) w.ref();
  return ws;
}

/** Returns workers to the idle set, or ends them after a failure (their state is unknown). */
async function releaseWorkers(ws: Worker[], healthy: boolean): Promise<void> {
  if (!healthy) { await Promise.all(ws.map((w) => w.terminate())); return; }
  for (const w of ws) { w.unref(); idle.push(w); }
}
