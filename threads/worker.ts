/**
 * Worker thread for the Monte Carlo: claims tasks of each phase (model/mc-tasks.ts) until none is
 * left, on buffers shared with the main thread; between Monte Carlos, the runs of a search's levels
 * (model/level-runs.ts: what it would take, solve). Imports the engine only (never mathjs or the
 * scenario layer).
 */
import { parentPort } from 'node:worker_threads';
import { McContext } from '../model/montecarlo.js';
import { claimAndRun, type InitMessage, type PhaseMessage, type WorkerResponse } from '../model/mc-tasks.js';
import { LevelWorker, type LevelMessage, type LevelsDoneMessage, type RunsMessage } from '../model/level-runs.js';

let ctx: McContext | null = null;
const levels = new LevelWorker();

parentPort!.on('message', (m: InitMessage | PhaseMessage | LevelMessage | RunsMessage | LevelsDoneMessage) => {
  // A search's runs: the main thread waits on the batch's shared counters, not for a message.
  if (m.kind === 'level' || m.kind === 'runs' || m.kind === 'levelsDone') { levels.handle(m); return; }
  try {
    if (m.kind === 'init') { ctx = new McContext(m.input, m.opts, new Float64Array(m.params), m.copula); return; }
    const counter = new Int32Array(m.counter);
    while (claimAndRun(ctx!, m.tasks, counter));
    parentPort!.postMessage({ kind: 'phaseDone' } satisfies WorkerResponse);
  } catch (e) {
    parentPort!.postMessage({ kind: 'error', message: e instanceof Error ? e.stack ?? e.message : String(e) } satisfies WorkerResponse);
  }
});
