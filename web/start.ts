/**
 * The first script the what-if page runs (before vega's and the page's, which take a while to
 * parse): it starts the worker and asks for the scenario as written, so the Monte Carlo runs while
 * the main thread is still loading the charting code. web/page.ts takes the worker over, with any
 * reply that came before it was ready.
 */
import type { PageData } from './levers.js';
import type { WorkInit, WorkReply, WorkRequest } from './worker.js';

export interface Started { worker: Worker; early: WorkReply[]; at: number; sets: string[] }

const text = (id: string) => document.getElementById(id)!.textContent!;
const data = JSON.parse(text('riktvarde-data')) as PageData;
const m = data.model;
const worker = new Worker(URL.createObjectURL(new Blob([text('riktvarde-worker')], { type: 'text/javascript' })));
const early: WorkReply[] = [];
worker.onmessage = (e: MessageEvent<WorkReply>) => { early.push(e.data); };
worker.postMessage({ kind: 'init', text: data.text, file: data.file, files: data.files, seed: m.seed, version: m.version } satisfies WorkInit);
// The levers start at the scenario's values: their `--set` list is `explore`'s own (setsFor).
worker.postMessage({ kind: 'run', gen: 1, set: m.baseSets, steps: data.runSteps } satisfies WorkRequest);
(window as unknown as { riktvardeStart: Started }).riktvardeStart = { worker, early, at: performance.now(), sets: m.baseSets };
