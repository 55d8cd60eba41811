/**
 * A `LevelRunner` (model/level-runs.ts) on the Monte Carlo's idle worker threads: what it would
 * take and solve's search run on the main thread after (or between) Monte Carlos, and their runs
 * are simulated in batches by the main thread and these workers together, so the worker no longer
 * sits idle while the search runs (issue 15).
 *
 * The search is synchronous, so the main thread does not return to its event loop during a batch:
 * the batch goes to each worker as a message (the worker, idle on its event loop, takes it at once),
 * the main thread claims runs from the batch's shared counter like the workers, then waits for the
 * runs the workers are still simulating (each has at most one: they claim one at a time) — but no
 * longer than about one run takes on this thread: a worker that failed (it marks the batch), died or
 * is not being scheduled (this machine is shared) is not waited for; the main thread then simulates
 * the runs still without an outcome itself — the same numbers into the same places, so a late
 * worker's write changes nothing.
 */
import { idle } from './idle.js';
import { claimRuns, DONE, FAILED, jobBytes, jobLayout, UNKNOWN, BY_OTHERS, type LevelMessage, type LevelRunner, type LevelsDoneMessage, type LevelSpec, type RunsMessage } from '../model/level-runs.js';

export interface ThreadLevelRunner extends LevelRunner {
  /** Runs simulated by this thread and by the workers so far (speculative ones included). */
  readonly counts: { local: number; others: number };
  /** Gives the workers back to the idle set. */
  end(): void;
}

/**
 * A runner on `threads` threads (the main thread included), using up to threads − 1 of the idle
 * workers (none is started for it: after a Monte Carlo they are idle and warm). Null when there is
 * none to use: the search then simulates every run on this thread, with the same result.
 */
export function threadLevelRunner(threads: number): ThreadLevelRunner | null {
  const workers = threads > 1 ? idle.splice(0, threads - 1) : [];
  if (workers.length === 0) return null;
  for (const w of workers) w.ref();
  const ids = new Map<LevelSpec, number>();
  const counts = { local: 0, others: 0 };
  const post = (m: LevelMessage | RunsMessage | LevelsDoneMessage) => { for (const w of workers) w.postMessage(m); };
  return {
    counts,
    runs(level, runs, n, out, local) {
      if (workers.length === 0) { for (let i = 0; i < n; i++) out[i] = local(runs[i]); counts.local += n; return; } // after end()
      let id = ids.get(level);
      if (id === undefined) { ids.set(level, (id = ids.size)); post({ kind: 'level', id, level }); }
      const buf = new SharedArrayBuffer(jobBytes(n));
      const job = jobLayout(buf, n);
      job.runs.set(runs.subarray(0, n));
      job.out.fill(UNKNOWN);
      post({ kind: 'runs', id, job: buf, n });
      const t0 = performance.now();
      const mine = claimRuns(buf, n, local);
      counts.local += mine;
      waitFor(job.header, n, mine > 0 ? 1.5 * (performance.now() - t0) / mine : 0.2);
      for (let i = 0; i < n; i++) {
        let v = Atomics.load(job.out, i);
        if (v === UNKNOWN) { v = local(job.runs[i]); counts.local++; } // a failed or stalled worker's run
        out[i] = v;
      }
      counts.others += Atomics.load(job.header, BY_OTHERS);
    },
    end() {
      post({ kind: 'levelsDone' });
      for (const w of workers.splice(0)) { w.unref(); idle.push(w); }
    },
  };
}

/**
 * Waits until every run of the batch is done, a worker failed, or `ms` passed without a run
 * finishing — spinning: asleep (Atomics.wait), this thread would wait for the scheduler to run it
 * again, which on a busy machine took milliseconds a batch (take 1.27× slower at load 8).
 */
function waitFor(header: Int32Array, n: number, ms: number): void {
  let done = Atomics.load(header, DONE), since = performance.now();
  while (done < n && Atomics.load(header, FAILED) === 0) {
    const now = Atomics.load(header, DONE);
    if (now !== done) { done = now; since = performance.now(); }
    else if (performance.now() - since >= ms) return;
  }
}
