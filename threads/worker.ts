/**
 * Worker thread for the Monte Carlo: claims tasks of each phase (model/mc-tasks.ts) until none is
 * left, on buffers shared with the main thread. Imports the engine only (never mathjs or the
 * scenario layer).
 */
import { parentPort } from 'node:worker_threads';
import { McContext } from '../model/montecarlo.js';
import { claimAndRun, type InitMessage, type PhaseMessage, type WorkerResponse } from '../model/mc-tasks.js';

let ctx: McContext | null = null;

parentPort!.on('message', (m: InitMessage | PhaseMessage) => {
  try {
    if (m.kind === 'init') { ctx = new McContext(m.input, m.opts, new Float64Array(m.params), m.copula); return; }
    const counter = new Int32Array(m.counter);
    while (claimAndRun(ctx!, m.tasks, counter));
    parentPort!.postMessage({ kind: 'phaseDone' } satisfies WorkerResponse);
  } catch (e) {
    parentPort!.postMessage({ kind: 'error', message: e instanceof Error ? e.stack ?? e.message : String(e) } satisfies WorkerResponse);
  }
});
