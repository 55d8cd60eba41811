/**
 * The what-if page's Web Worker, started once and kept: the scenario text in once (`init`), then
 * for each setting of the levers a `--set` list in and, run count by run count (the quick first
 * answer, then the refined ones), the object `riktvarde run --runs N --seed S --set … --format json`
 * prints out — through the pure library entry (api/core.ts), so the page computes exactly what the
 * command line computes.
 *
 * Lean on purpose:
 * - the YAML (and its `extends` chain) is parsed once; a setting applies its `--set` list to that
 *   parsed document, then validates and normalises (`scenarioParser`, the same steps as
 *   `parseScenario`, so the same numbers);
 * - a newer setting cancels the one being computed: the Monte Carlo runs its tasks on a runner
 *   that yields to the message queue between tasks and stops once a newer job has arrived;
 * - results are kept by (`--set` list, runs): a pinned A is not recomputed while B moves, and going
 *   back to a setting seen before costs nothing.
 */
import { mcSettings, monteCarloOutput, scenarioParser, ScenarioError, formatProblem, type LoadedScenario, type McResult, type McRunOutput, type PhaseRunner } from '../api/core.js';
import { claimAndRun } from '../model/mc-tasks.js';
import { comparedUnit, compareScenarios } from '../model/compare.js';

export interface WorkInit { kind: 'init'; text: string; file: string; files: Record<string, string>; seed: number; version: string }
export interface WorkRequest {
  kind: 'run';
  gen: number;
  set: string[];
  /** With A pinned: A's `--set` list, run on the same runs and seed, and compared (A, B). */
  setA?: string[];
  /** Run counts in order: each is computed and posted, unless a newer request came first. */
  steps: number[];
}
/** Worker times (ms): the setting's validation and normalisation, B's Monte Carlo (0 when cached), the whole step. */
export interface WorkTimes { parse: number; mc: number; total: number; cached: boolean }
export type WorkReply =
  | { gen: number; runs: number; out: McRunOutput; times: WorkTimes; outA?: McRunOutput; compare?: unknown }
  | { gen: number; runs: number; error: string };

const post = (m: WorkReply) => (self as unknown as { postMessage(m: unknown): void }).postMessage(m);

class Cancelled extends Error {}

let init: WorkInit | null = null;
let parser: ((set?: readonly string[]) => LoadedScenario) | null = null;
/** The newest request; the loop below always works on it. */
let newest: WorkRequest | null = null;
let running = false;

/** A zero-delay macrotask (setTimeout is clamped after a few nested calls). */
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
const yieldToQueue = () => new Promise<void>((resolve) => { waiting.push(resolve); channel.port2.postMessage(null); });

/** The calling thread alone (as api/core's `inProcess`), yielding every ~12 ms; stops when `stale()`. */
function yieldingRunner(stale: () => boolean): PhaseRunner {
  return {
    threads: 1,
    start() {},
    async runPhase(tasks, local, counterBuf, tick) {
      const counter = new Int32Array(counterBuf);
      let since = performance.now();
      while (claimAndRun(local, tasks, counter)) {
        tick();
        if (performance.now() - since > 12) {
          await yieldToQueue();
          if (stale()) throw new Cancelled();
          since = performance.now();
        }
      }
    },
    async end() {},
  };
}

interface Done { mc: McResult; out: McRunOutput }
/** Results by `--set` list and runs (a few: each holds its runs' outcomes). */
const cache = new Map<string, Done>();
const CACHE_SIZE = 12;

/** Validated scenarios by `--set` list (B and a pinned A): a setting's next run count does not validate it again. */
const scenarios = new Map<string, LoadedScenario>();

function parsed(set: string[]): LoadedScenario {
  const key = JSON.stringify(set);
  let sc = scenarios.get(key);
  if (!sc) {
    sc = parser!(set);
    scenarios.set(key, sc);
    if (scenarios.size > 2) scenarios.delete(scenarios.keys().next().value!);
  }
  return sc;
}

/** B (or A) at `runs`, from the cache or computed; `parse` and `mc` add the times taken. */
async function result(set: string[], runs: number, stale: () => boolean, times: WorkTimes): Promise<Done> {
  const key = `${runs}\u0000${JSON.stringify(set)}`;
  const hit = cache.get(key);
  if (hit) { cache.delete(key); cache.set(key, hit); return hit; }
  times.cached = false;
  let t = performance.now();
  const sc = parsed(set);
  times.parse += performance.now() - t;
  t = performance.now();
  const done = await monteCarloOutput(sc, mcSettings(sc, { runs, seed: init!.seed }), init!.version, { runner: yieldingRunner(stale) });
  times.mc += performance.now() - t;
  cache.set(key, done);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return done;
}

async function work(q: WorkRequest): Promise<void> {
  const stale = () => newest !== q;
  for (const runs of q.steps) {
    if (stale()) return;
    const t0 = performance.now();
    const times: WorkTimes = { parse: 0, mc: 0, total: 0, cached: true };
    try {
      const b = await result(q.set, runs, stale, times);
      if (!q.setA) { times.total = performance.now() - t0; post({ gen: q.gen, runs, out: b.out, times }); continue; }
      const a = await result(q.setA, runs, stale, { parse: 0, mc: 0, total: 0, cached: true });
      const compare = compareScenarios([{ out: a.out, unit: comparedUnit(a.mc), file: null }, { out: b.out, unit: comparedUnit(b.mc), file: null }], init!.version);
      times.total = performance.now() - t0;
      post({ gen: q.gen, runs, out: b.out, outA: a.out, compare, times });
    } catch (err) {
      if (err instanceof Cancelled) return;
      post({ gen: q.gen, runs, error: err instanceof ScenarioError ? err.problems.map(formatProblem).join('\n') : String((err as Error)?.message ?? err) });
      return;
    }
  }
}

async function loop(): Promise<void> {
  running = true;
  try {
    for (let q = newest; q !== null; q = newest === q ? null : newest) await work(q);
  } finally {
    running = false;
  }
}

self.onmessage = (e: MessageEvent<WorkInit | WorkRequest>) => {
  const m = e.data;
  if (m.kind === 'init') {
    init = m;
    try {
      parser = scenarioParser(m.text, { file: m.file, files: m.files });
    } catch (err) {
      post({ gen: 0, runs: 0, error: err instanceof ScenarioError ? err.problems.map(formatProblem).join('\n') : String(err) });
    }
    return;
  }
  if (!parser) return;
  newest = m;
  if (!running) void loop();
};
