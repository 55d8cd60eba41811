/**
 * Worker thread for the Monte Carlo: runs task functions from model/montecarlo.ts. Imports the
 * engine only (never mathjs or the scenario layer), so a worker starts in tens of milliseconds.
 */
import { parentPort } from 'node:worker_threads';
import { drawParams, simulateTask, type McOptions } from '../model/montecarlo.js';
import type { ModelInput } from '../model/types.js';

export type WorkerRequest =
  | { kind: 'init'; input: ModelInput; opts: McOptions }
  | { kind: 'params'; id: number; from: number; to: number }
  | { kind: 'simulate'; id: number; region: number; from: number; to: number; params: Float64Array };

export type WorkerResponse =
  | { kind: 'params'; id: number; from: number; to: number; params: Float64Array }
  | { kind: 'simulate'; id: number; region: number; from: number; to: number; blocks: Float64Array }
  | { kind: 'error'; id: number; message: string };

let input: ModelInput | null = null;
let opts: McOptions | null = null;

parentPort!.on('message', (m: WorkerRequest) => {
  try {
    if (m.kind === 'init') { input = m.input; opts = m.opts; return; }
    if (m.kind === 'params') {
      const params = drawParams(input!, opts!.seed, m.from, m.to);
      parentPort!.postMessage({ kind: 'params', id: m.id, from: m.from, to: m.to, params } satisfies WorkerResponse, [params.buffer as ArrayBuffer]);
      return;
    }
    const t = simulateTask(input!, opts!, m.region, m.from, m.to, m.params);
    parentPort!.postMessage({ kind: 'simulate', id: m.id, region: m.region, from: m.from, to: m.to, blocks: t.blocks } satisfies WorkerResponse, [t.blocks.buffer as ArrayBuffer]);
  } catch (e) {
    parentPort!.postMessage({ kind: 'error', id: (m as { id?: number }).id ?? -1, message: e instanceof Error ? e.stack ?? e.message : String(e) } satisfies WorkerResponse);
  }
});
