/**
 * Worker thread for the Monte Carlo: runs the task functions of model/montecarlo.ts on buffers
 * shared with the main thread. Imports the engine only (never mathjs or the scenario layer).
 */
import { parentPort } from 'node:worker_threads';
import { McContext, simulateRange, summarizeColumns, type McOptions } from '../model/montecarlo.js';
import { TotalAccumulator } from '../model/project.js';
import type { ModelInput } from '../model/types.js';

export type WorkerRequest =
  | { kind: 'init'; input: ModelInput; opts: McOptions; params: SharedArrayBuffer }
  | { kind: 'simulate'; id: number; region: number; from: number; to: number; blocks: SharedArrayBuffer; total: { sums: SharedArrayBuffer; normWeight: SharedArrayBuffer } | null }
  | { kind: 'summarize'; id: number; blocks: SharedArrayBuffer; runs: number; size: number; c0: number; c1: number; stats: SharedArrayBuffer };

export type WorkerResponse = { kind: 'done'; id: number } | { kind: 'error'; id: number; message: string };

let ctx: McContext | null = null;

parentPort!.on('message', (m: WorkerRequest) => {
  try {
    if (m.kind === 'init') { ctx = new McContext(m.input, m.opts, new Float64Array(m.params)); return; }
    if (m.kind === 'simulate') {
      const total = m.total ? new TotalAccumulator(ctx!.opts.runs, ctx!.nYears, new Float64Array(m.total.sums), new Float64Array(m.total.normWeight)) : null;
      simulateRange(ctx!, m.region, m.from, m.to, new Float64Array(m.blocks), total);
    } else {
      summarizeColumns(new Float64Array(m.blocks), m.runs, m.size, m.c0, m.c1, new Float64Array(m.stats));
    }
    parentPort!.postMessage({ kind: 'done', id: m.id } satisfies WorkerResponse);
  } catch (e) {
    parentPort!.postMessage({ kind: 'error', id: (m as { id?: number }).id ?? -1, message: e instanceof Error ? e.stack ?? e.message : String(e) } satisfies WorkerResponse);
  }
});
