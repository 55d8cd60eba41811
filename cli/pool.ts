/**
 * Runs the Monte Carlo on worker threads (or in-process for --workers 1 and tests). Results are
 * byte-identical whatever the number of workers: every run's random numbers depend only on
 * (seed, run, what is drawn), and results are placed by run index, not by arrival order.
 *
 * Memory: one region's runs are assembled at a time (plus the multi-region total's per-run
 * sums), and per-run detail is summarized as soon as a region is complete.
 */
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { NFIELDS } from '../model/fields.js';
import { addTaskToTotal, drawParams, simulateTask, summarize, uncertainKeys, type McOptions, type McResult, type TaskResult, type UnitSummary } from '../model/montecarlo.js';
import { TotalAccumulator } from '../model/project.js';
import type { ModelInput } from '../model/types.js';
import type { WorkerRequest, WorkerResponse } from './mc-worker.js';

export interface PoolOptions {
  workers: number;
  /** Called with (done, total) units of work. */
  onProgress?: (done: number, total: number) => void;
}

export const defaultWorkers = (): number => Math.max(1, cpus().length);

/** Chunks of [0, runs) of about `size` runs. */
function chunks(runs: number, size: number): [number, number][] {
  const out: [number, number][] = [];
  for (let a = 0; a < runs; a += size) out.push([a, Math.min(runs, a + size)]);
  return out;
}

function workerUrl(): URL {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) return new URL('./mc-worker-dev.mjs', import.meta.url);
  return new URL('./mc-worker.js', import.meta.url);
}

export async function runMonteCarlo(input: ModelInput, opts: McOptions, pool: PoolOptions): Promise<McResult> {
  const nYears = input.endYear - input.startYear + 1;
  const size = NFIELDS * nYears;
  const keys = uncertainKeys(input);
  const K = keys.length;
  const nRegions = input.regions.length;
  const chunkSize = Math.max(50, Math.ceil(opts.runs / (Math.max(1, pool.workers) * 8)));
  const runChunks = chunks(opts.runs, chunkSize);
  const totalWork = runChunks.length * (1 + nRegions);
  let done = 0;
  const tick = () => pool.onProgress?.(++done, totalWork);

  const regions: UnitSummary[] = new Array(nRegions);
  const acc = input.total !== null ? new TotalAccumulator(opts.runs, nYears) : null;
  const params = new Float64Array(opts.runs * K);
  const regionBlocks = new Map<number, { blocks: Float64Array; remaining: number }>();
  const onTask = (t: TaskResult) => {
    let rb = regionBlocks.get(t.region);
    if (!rb) { rb = { blocks: new Float64Array(opts.runs * size), remaining: runChunks.length }; regionBlocks.set(t.region, rb); }
    rb.blocks.set(t.blocks, t.from * size);
    if (acc) addTaskToTotal(acc, t, nYears);
    if (--rb.remaining === 0) {
      regions[t.region] = summarize(input.regions[t.region].name, rb.blocks, opts.runs, nYears);
      regionBlocks.delete(t.region);
    }
    tick();
  };

  if (pool.workers <= 1) {
    for (const [a, b] of runChunks) { params.set(drawParams(input, opts.seed, a, b), a * K); tick(); await Promise.resolve(); }
    for (let i = 0; i < nRegions; i++) {
      for (const [a, b] of runChunks) {
        onTask(simulateTask(input, opts, i, a, b, params.subarray(a * K, b * K)));
        await new Promise((r) => setImmediate(r)); // let the progress bar draw
      }
    }
  } else {
    const n = Math.min(pool.workers, runChunks.length * nRegions);
    const workers = Array.from({ length: n }, () => new Worker(workerUrl()));
    try {
      for (const w of workers) w.postMessage({ kind: 'init', input, opts } satisfies WorkerRequest);
      // Phase 1: parameter draws.
      await dispatch(workers, runChunks.map(([a, b], id) => ({ kind: 'params', id, from: a, to: b }) as WorkerRequest), (m) => {
        if (m.kind === 'params') { params.set(m.params, m.from * K); tick(); }
      });
      // Phase 2: region by region, run chunks in parallel.
      const tasks: WorkerRequest[] = [];
      let id = 0;
      for (let i = 0; i < nRegions; i++) for (const [a, b] of runChunks) tasks.push({ kind: 'simulate', id: id++, region: i, from: a, to: b, params: params.slice(a * K, b * K) });
      await dispatch(workers, tasks, (m) => {
        if (m.kind === 'simulate') onTask({ region: m.region, from: m.from, to: m.to, blocks: m.blocks });
      });
    } finally {
      await Promise.all(workers.map((w) => w.terminate()));
    }
  }
  const total = acc ? summarize(input.total!, acc.finish(), opts.runs, nYears) : null;
  return { opts, startYear: input.startYear, endYear: input.endYear, paramKeys: keys.map((k) => k.key), params, regions, total };
}

/** Feeds tasks to idle workers until all are answered. */
function dispatch(workers: Worker[], tasks: WorkerRequest[], onResult: (m: WorkerResponse) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let next = 0, pending = 0;
    const give = (w: Worker) => {
      if (next >= tasks.length) { if (pending === 0) finish(); return; }
      const t = tasks[next++];
      pending++;
      const transfer = t.kind === 'simulate' ? [t.params.buffer] : [];
      w.postMessage(t, transfer as ArrayBuffer[]);
    };
    const handlers = new Map<Worker, (m: WorkerResponse) => void>();
    const errHandlers = new Map<Worker, (e: Error) => void>();
    const finish = () => {
      for (const [w, h] of handlers) w.off('message', h);
      for (const [w, h] of errHandlers) w.off('error', h);
      resolve();
    };
    for (const w of workers) {
      const h = (m: WorkerResponse) => {
        pending--;
        if (m.kind === 'error') { reject(new Error(`Monte Carlo worker failed: ${m.message}`)); return; }
        try { onResult(m); } catch (e) { reject(e); return; }
        give(w);
      };
      const eh = (e: Error) => reject(e);
      handlers.set(w, h);
      errHandlers.set(w, eh);
      w.on('message', h);
      w.on('error', eh);
    }
    if (tasks.length === 0) { resolve(); return; }
    for (const w of workers) give(w);
  });
}

