/**
 * Worker thread for the Monte Carlo: claims tasks of each phase (model/mc-tasks.ts) until none is
 * left, on buffers shared with the main thread. Imports the engine only (never mathjs or the
 * scenario layer).
 *
 * Warm-up (the built CLI only): a worker started early (`prestartWorkers`) is idle while the main
 * thread loads the command and reads the scenario. With `workerData.warmRuns` > 0 it spends that
 * time simulating a built-in input (the shipped Stockholm scenario, embedded by cli/bundle.mjs as
 * RIKTVARDE_WARM_INPUT) one small task at a time and discards the results, so that V8 has
 * compiled the engine's hot code when the real tasks come; it stops at the first message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { McContext } from '../model/montecarlo.js';
import { claimAndRun, warmUp, type InitMessage, type PhaseMessage, type WorkerResponse } from '../model/mc-tasks.js';
import type { ModelInput } from '../model/types.js';

declare const RIKTVARDE_WARM_INPUT: ModelInput | undefined;

let ctx: McContext | null = null;
let warming: Generator<void, void, void> | null = null;

/** One warm-up task, then the event loop (where a real message is taken at once), then the next. */
function warmStep(): void {
  if (warming && !warming.next().done) setImmediate(warmStep);
  else warming = null;
}

const warmRuns = (workerData as { warmRuns?: number } | null)?.warmRuns ?? 0;
if (warmRuns > 0 && typeof RIKTVARDE_WARM_INPUT !== 'undefined') {
  warming = warmUp(RIKTVARDE_WARM_INPUT, warmRuns);
  setImmediate(warmStep);
}

parentPort!.on('message', (m: InitMessage | PhaseMessage) => {
  warming = null;
  try {
    if (m.kind === 'init') { ctx = new McContext(m.input, m.opts, new Float64Array(m.params), m.copula); return; }
    const counter = new Int32Array(m.counter);
    while (claimAndRun(ctx!, m.tasks, counter));
    parentPort!.postMessage({ kind: 'phaseDone' } satisfies WorkerResponse);
  } catch (e) {
    parentPort!.postMessage({ kind: 'error', message: e instanceof Error ? e.stack ?? e.message : String(e) } satisfies WorkerResponse);
  }
});
