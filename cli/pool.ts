/**
 * Runs the Monte Carlo on worker threads (or in-process with --workers 1). Region by region:
 * the workers simulate disjoint run ranges into one shared buffer (and add them into the shared
 * total), then summarize disjoint column ranges of it. Results are byte-identical whatever the
 * number of workers: each run's random numbers depend only on (seed, run, what is drawn), every
 * value has a fixed place, and the total adds regions in the same order.
 *
 * Memory: one region's runs at a time, plus the multi-region total's per-run sums.
 */
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { NFIELDS } from '../model/fields.js';
import { prepareCopula } from '../model/draws.js';
import { drawParamsInto, McContext, reachedSummary, simulateRange, summarizeColumns, uncertainKeys, NSTATS, type McOptions, type McResult, type UnitSummary } from '../model/montecarlo.js';
import { TotalAccumulator } from '../model/project.js';
import type { ModelInput } from '../model/types.js';
import type { WorkerRequest, WorkerResponse } from './mc-worker.js';

export interface PoolOptions {
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
  const W = Math.max(1, Math.min(pool.workers, runs));
  const units = input.regions.length + (input.total !== null ? 1 : 0);
  const runRanges = ranges(runs, W * 16);
  const colRanges = ranges(size, W * 8);
  const totalWork = runRanges.length + input.regions.length * runRanges.length + units * colRanges.length;
  let done = 0;
  const tick = () => pool.onProgress?.(++done, totalWork);

  const shared = W > 1;
  const buffer = (bytes: number) => (shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
  const K = uncertainKeys(input).length;
  const paramsBuf = buffer(runs * K * 8);
  const params = new Float64Array(paramsBuf);
  const copula = prepareCopula(input);
  const blocksBuf = buffer(runs * size * 8);
  const blocks = new Float64Array(blocksBuf);
  const sumsBuf = input.total !== null ? buffer(runs * size * 8) : null;
  const normBuf = input.total !== null ? buffer(runs * nYears * 8) : null;
  const total = sumsBuf && normBuf ? new TotalAccumulator(runs, nYears, new Float64Array(sumsBuf), new Float64Array(normBuf)) : null;

  const exec = W > 1 ? await startWorkers(W, { kind: 'init', input, opts, params: paramsBuf as SharedArrayBuffer }) : null;
  const local = exec ? null : new McContext(input, opts, params);
  try {
    // Parameter draws, one row per run — on the main thread while the workers start up (the
    // workers read them only in simulation tasks, which are posted after this).
    for (const [a, b] of runRanges) { drawParamsInto(input, opts.seed, a, b, copula, params); tick(); }

    const summarizeUnit = async (name: string): Promise<UnitSummary> => {
      const statsBuf = buffer(size * NSTATS * 8);
      const stats = new Float64Array(statsBuf);
      if (exec) {
        await exec.run(colRanges.map(([c0, c1], id) => ({ kind: 'summarize', id, blocks: blocksBuf as SharedArrayBuffer, runs, size, c0, c1, stats: statsBuf as SharedArrayBuffer })), tick);
      } else {
        for (const [c0, c1] of colRanges) { summarizeColumns(blocks, runs, size, c0, c1, stats); tick(); await yieldToEventLoop(); }
      }
      return reachedSummary(name, blocks, runs, nYears, stats.slice());
    };

    const regions: UnitSummary[] = [];
    for (let i = 0; i < input.regions.length; i++) {
      if (exec) {
        const totalRef = sumsBuf && normBuf ? { sums: sumsBuf as SharedArrayBuffer, normWeight: normBuf as SharedArrayBuffer } : null;
        await exec.run(runRanges.map(([a, b], id) => ({ kind: 'simulate', id, region: i, from: a, to: b, blocks: blocksBuf as SharedArrayBuffer, total: totalRef })), tick);
      } else {
        for (const [a, b] of runRanges) { simulateRange(local!, i, a, b, blocks, total); tick(); await yieldToEventLoop(); }
      }
      regions.push(await summarizeUnit(input.regions[i].name));
    }
    let totalSummary: UnitSummary | null = null;
    if (total) {
      blocks.set(total.finish());
      totalSummary = await summarizeUnit(input.total!);
    }
    return { opts, startYear: input.startYear, endYear: input.endYear, paramKeys: uncertainKeys(input).map((k) => k.key), params, regions, total: totalSummary };
  } finally {
    await exec?.close();
  }
}

const yieldToEventLoop = () => new Promise<void>((r) => setImmediate(r)); // lets the progress bar draw

interface Executor {
  run(tasks: WorkerRequest[], onDone: () => void): Promise<void>;
  close(): Promise<void>;
}

async function startWorkers(n: number, init: WorkerRequest): Promise<Executor> {
  const workers = Array.from({ length: n }, () => new Worker(workerUrl()));
  for (const w of workers) w.postMessage(init);
  return {
    run(tasks, onDone) {
      return new Promise((resolve, reject) => {
        let next = 0, pending = 0, failed = false;
        const cleanup = () => workers.forEach((w) => { w.removeAllListeners('message'); w.removeAllListeners('error'); });
        const give = (w: Worker) => {
          if (failed) return;
          if (next >= tasks.length) { if (pending === 0) { cleanup(); resolve(); } return; }
          pending++;
          w.postMessage(tasks[next++]);
        };
        for (const w of workers) {
          w.on('message', (m: WorkerResponse) => {
            pending--;
            if (m.kind === 'error') { failed = true; cleanup(); reject(new Error(`Monte Carlo worker failed: ${m.message}`)); return; }
            onDone();
            give(w);
          });
          w.on('error', (e) => { failed = true; cleanup(); reject(e); });
        }
        if (tasks.length === 0) { cleanup(); resolve(); return; }
        for (const w of workers) give(w);
      });
    },
    async close() { await Promise.all(workers.map((w) => w.terminate())); },
  };
}
