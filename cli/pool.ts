/**
 * Runs the Monte Carlo on N threads: the main thread and N − 1 worker threads (one thread,
 * --workers 1, needs no worker at all). Region by region, the threads simulate disjoint run
 * ranges into a shared buffer (and add them into the shared total), and summarize disjoint
 * column ranges of the previous region's buffer in the same phase. Every thread claims the next
 * task from a shared counter, so none waits for another to hand out work, and the main thread
 * starts computing while the workers load.
 * Results are byte-identical whatever the number of threads: each run's random numbers depend
 * only on (seed, run, what is drawn), every value has a fixed place, and the total adds regions
 * in the same order.
 *
 * Memory: two regions' runs at a time, plus the multi-region total's per-run sums.
 */
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { NFIELDS } from '../model/fields.js';
import { prepareCopula } from '../model/draws.js';
import { McContext, reachedSummary, uncertainKeys, NSTATS, type McOptions, type McResult, type UnitSummary } from '../model/montecarlo.js';
import { TotalAccumulator } from '../model/project.js';
import type { ModelInput } from '../model/types.js';
import { claimAndRun, type InitMessage, type PhaseMessage, type Task, type WorkerResponse } from './mc-tasks.js';

export interface PoolOptions {
  /** Threads computing, the main thread included. */
  workers: number;
  /** Called with (done, total) units of work. */
  onProgress?: (done: number, total: number) => void;
}

export const defaultWorkers = (): number => Math.max(1, cpus().length);

function ranges(n: number, parts: number): [number, number][] {
  const out: [number, number][] = [];
  const step = Math.max(1, Math.ceil(n / parts));
  for (let a = 0; a < n; a += step) out.push([a, Math.min(n, a + step)]);
  return out;
}

function workerUrl(): URL {
  // Under tsx (tests) the worker is TypeScript and needs a bootstrap that registers tsx.
  return fileURLToPath(import.meta.url).endsWith('.ts') ? new URL('./mc-worker-dev.mjs', import.meta.url) : new URL('./mc-worker.js', import.meta.url);
}

export async function runMonteCarlo(input: ModelInput, opts: McOptions, pool: PoolOptions): Promise<McResult> {
  const nYears = input.endYear - input.startYear + 1;
  const size = NFIELDS * nYears;
  const runs = opts.runs;
  if (!Number.isInteger(pool.workers) || pool.workers < 1) throw new Error(`threads must be a whole number ≥ 1, got ${pool.workers}`);
  const W = Math.min(pool.workers, runs);
  const units = input.regions.length + (input.total !== null ? 1 : 0);
  const runRanges = ranges(runs, W * 16);
  const colRanges = ranges(size, W * 8);
  const totalWork = input.regions.length * runRanges.length + units * colRanges.length;
  let done = 0;
  const tick = () => pool.onProgress?.(++done, totalWork);

  const shared = W > 1;
  const buffer = (bytes: number) => (shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
  const K = uncertainKeys(input).length;
  const paramsBuf = buffer(runs * K * 8);
  const params = new Float64Array(paramsBuf);
  const copula = prepareCopula(input);
  // Region i is simulated into buffer i mod 2 while region i − 1's columns are summarized from
  // the other one, so no thread waits at the end of a phase with nothing to do.
  const R = input.regions.length;
  const bufs = [buffer(runs * size * 8), R > 1 ? buffer(runs * size * 8) : null];
  const sumsBuf = input.total !== null ? buffer(runs * size * 8) : null;
  const normBuf = input.total !== null ? buffer(runs * nYears * 8) : null;
  const total = sumsBuf && normBuf ? new TotalAccumulator(runs, nYears, new Float64Array(sumsBuf), new Float64Array(normBuf)) : null;
  const totalRef = sumsBuf && normBuf ? { sums: sumsBuf, normWeight: normBuf } : null;

  const workers = shared ? acquireWorkers(W - 1) : null;
  let healthy = true;
  const init: InitMessage = { kind: 'init', input, opts, params: paramsBuf as SharedArrayBuffer, copula };
  for (const w of workers ?? []) w.postMessage(init);
  const local = new McContext(input, opts, params, copula);
  const run = (tasks: Task[]) => runPhase(tasks, local, workers, buffer(8), tick);
  interface Unit { name: string; blocks: ArrayBufferLike; stats: ArrayBufferLike }
  const unit = (name: string, blocks: ArrayBufferLike): Unit => ({ name, blocks, stats: buffer(size * NSTATS * 8) });
  const summarizeTasks = (u: Unit): Task[] => colRanges.map(([c0, c1]) => ({ kind: 'summarize', blocks: u.blocks, runs, size, c0, c1, stats: u.stats }));
  const finish = (u: Unit): UnitSummary => reachedSummary(u.name, new Float64Array(u.blocks), runs, nYears, new Float64Array(u.stats).slice());
  try {
    const regions: UnitSummary[] = [];
    let totalSummary: UnitSummary | null = null;
    let prev: Unit | null = null;
    for (let i = 0; i <= R; i++) {
      const tasks: Task[] = prev ? summarizeTasks(prev) : [];
      let totalUnit: Unit | null = null;
      if (i < R) {
        // The first region's tasks also draw each run's parameters; later regions read them.
        const blocks = bufs[i % 2]!;
        tasks.push(...runRanges.map(([a, b]): Task => ({ kind: 'simulate', region: i, from: a, to: b, drawParams: i === 0, blocks, total: totalRef })));
      } else if (total) {
        total.finish(); // every region has been added
        totalUnit = unit(input.total!, sumsBuf!);
        tasks.push(...summarizeTasks(totalUnit));
      }
      await run(tasks);
      if (prev) regions.push(finish(prev));
      if (totalUnit) totalSummary = finish(totalUnit);
      prev = i < R ? unit(input.regions[i].name, bufs[i % 2]!) : null;
    }
    return { opts, startYear: input.startYear, endYear: input.endYear, paramKeys: uncertainKeys(input).map((k) => k.key), params, regions, total: totalSummary };
  } catch (e) {
    healthy = false;
    throw e;
  } finally {
    if (workers) await releaseWorkers(workers, healthy);
  }
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
  while (claimAndRun(local, tasks, counter)) { report(); await yieldToEventLoop(); }
  await all;
  report();
}

/**
 * Idle worker threads, kept between Monte Carlos of one process (solve and compare run many) so
 * that each starts loaded and with its code already optimized. Idle workers are unref'd: they
 * never keep the process alive.
 */
const idle: Worker[] = [];

function spawnWorker(): Worker {
  const w = new Worker(workerUrl());
  w.on('exit', () => { const i = idle.indexOf(w); if (i >= 0) idle.splice(i, 1); });
  w.on('error', () => {}); // reported to the phase that uses it (runPhase); an idle one just exits
  w.unref();
  return w;
}

/**
 * Starts the worker threads a Monte Carlo on `threads` threads will use (threads − 1; the main
 * thread is the other), so that they load while the scenario is read. Optional: a Monte Carlo
 * starts any that are missing.
 */
export function prestartWorkers(threads: number): void {
  if (!Number.isInteger(threads)) return;
  while (idle.length < threads - 1) idle.push(spawnWorker());
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
