/**
 * What it would take's search with its runs simulated ahead on several threads (issue 15,
 * model/level-runs.ts, threads/level-runner.ts): the same answers and the same `simulations` as the
 * search alone on one thread, and every thread's share used once — a share dropped changes the
 * answers, one counted twice (or runs simulated ahead and not consumed counted) changes
 * `simulations`.
 */
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadScenarioFile } from '../api/load.js';
import { mcSettings, monteCarloOutput, programVersion, whatItWouldTakeAnswers } from '../api/index.js';
import { DONE, FAILED, jobBytes, jobLayout, LevelSimulator, LevelWorker, UNKNOWN, type LevelRunner, type LevelSpec } from '../model/level-runs.js';
import { drawParams } from '../model/copula.js';
import { whatItWouldTake } from '../model/take.js';
import { threadLevelRunner } from '../threads/level-runner.js';
import { threadRunner } from '../threads/pool.js';

const root = join(import.meta.dirname, '..');
/** Stockholm with its training capacity lifted (as the bench's row): the search has far to go, ~6 000 simulations at 2 000 runs. */
const stockholm = () => loadScenarioFile(join(root, 'scenarios', 'stockholm-handlingsplan.yaml'), ['st.trainingCapacity=null']);

/**
 * A runner in this thread that hands every other run of a batch to a second simulator made from a
 * copy of the level (what a worker receives): deterministic, so the shares are known.
 */
class SplitRunner implements LevelRunner {
  readonly counts = { local: 0, others: 0 };
  private readonly sims = new Map<LevelSpec, LevelSimulator>();
  runs(level: LevelSpec, runs: Int32Array, n: number, out: Int16Array, local: (run: number) => number): void {
    let other = this.sims.get(level);
    if (!other) { other = new LevelSimulator(structuredClone(level)); this.sims.set(level, other); }
    for (let i = 0; i < n; i++) {
      if (i % 2) { out[i] = other.outcome(runs[i]); this.counts.others++; }
      else { out[i] = local(runs[i]); this.counts.local++; }
    }
  }
}

describe('what it would take with its runs on several threads', () => {
  it('in-process, runs split between two simulators: the same answers and simulations as one thread', () => {
    const sc = stockholm();
    const opts = { runs: 800, seed: 7, eventNoise: true };
    const one = whatItWouldTake(sc.input, 0, opts, 0, null)!;
    const runner = new SplitRunner();
    const outcome = vi.spyOn(LevelSimulator.prototype, 'outcome');
    let split, calls;
    try {
      split = whatItWouldTake(sc.input, 0, opts, 0, null, null, null, runner)!;
      calls = outcome.mock.calls.length;
    } finally {
      outcome.mockRestore();
    }
    expect(split).toEqual(one);
    expect(one.answers.every((a) => a.intake !== null && a.earliestYear !== null)).toBe(true); // a search that went somewhere
    expect(one.simulations).toBeGreaterThan(2 * opts.runs);
    // Every run simulated went through the batches (none again on this thread after a batch: a
    // share dropped would be simulated again here), the other simulator did its half, and the runs
    // simulated ahead and never consumed are few: the search consumed at least 85 % of them.
    const { local, others } = runner.counts;
    expect(calls).toBe(local + others);
    expect(others).toBeGreaterThanOrEqual(local - 100);
    expect(local + others).toBeGreaterThanOrEqual(one.simulations - 100); // the expected-value guide's are not runs (~20)
    expect(local + others).toBeLessThan(one.simulations / 0.85);
  });

  it('after a Monte Carlo, on 1, 2 and 3 threads (worker threads): the answers of the search on this thread alone', async () => {
    const sc = stockholm();
    const { mc, out } = await monteCarloOutput(sc, mcSettings(sc, { runs: 2000, seed: 3 }), programVersion(), { runner: threadRunner(3) });
    const alone = whatItWouldTakeAnswers(sc, mc, out);
    expect(alone[0]!.simulations).toBeGreaterThan(4000);
    expect(threadLevelRunner(1)).toBeNull(); // one thread: the search alone
    for (const threads of [2, 3]) {
      const runner = threadLevelRunner(threads)!;
      try {
        expect(whatItWouldTakeAnswers(sc, mc, out, runner)).toEqual(alone);
      } finally {
        runner.end();
      }
      // The workers did a share, and no run was simulated twice (a worker's share dropped would be
      // simulated again on this thread); how the shares split depends on the machine's load.
      const { local, others } = runner.counts;
      expect(others).toBeGreaterThan(0);
      expect(local + others).toBeGreaterThanOrEqual(alone[0]!.simulations - 100);
      expect(local + others).toBeLessThan(alone[0]!.simulations / 0.85);
    }
  }, 120_000);
});

describe("a worker's side of a batch", () => {
  it('simulates the runs it claims as this thread would, and marks the batch failed instead of throwing', () => {
    const sc = stockholm();
    const opts = { runs: 40, seed: 7, eventNoise: true };
    const level: LevelSpec = { input: sc.input, region: 0, opts, params: drawParams(sc.input, opts.seed, 0, opts.runs) };
    const w = new LevelWorker();
    // A level never sent: its batch is marked failed, nothing thrown.
    const bad = new SharedArrayBuffer(jobBytes(3));
    jobLayout(bad, 3).out.fill(UNKNOWN);
    expect(() => w.handle({ kind: 'runs', id: 5, job: bad, n: 3 })).not.toThrow();
    expect(jobLayout(bad, 3).header[FAILED]).toBe(1);
    expect([...jobLayout(bad, 3).out]).toEqual([UNKNOWN, UNKNOWN, UNKNOWN]);
    // A level sent (a copy, as a worker gets it): every run of the batch claimed, each outcome the one this thread computes.
    w.handle({ kind: 'level', id: 0, level: structuredClone(level) });
    const buf = new SharedArrayBuffer(jobBytes(4));
    const job = jobLayout(buf, 4);
    job.runs.set([3, 1, 4, 1]);
    job.out.fill(UNKNOWN);
    w.handle({ kind: 'runs', id: 0, job: buf, n: 4 });
    const here = new LevelSimulator(level);
    expect([...job.out]).toEqual([3, 1, 4, 1].map((r) => here.outcome(r)));
    expect(job.header[DONE]).toBe(4);
    expect(job.header[FAILED]).toBe(0);
    // A later search numbers its levels from 0 again: level 0 is then the new one, not the simulator kept.
    const halland = loadScenarioFile(join(root, 'scenarios', 'halland.yaml')).input;
    const other: LevelSpec = { input: halland, region: 0, opts, params: drawParams(halland, opts.seed, 0, opts.runs) };
    const runs = Array.from({ length: 40 }, (_, r) => r);
    const there = new LevelSimulator(other);
    expect(runs.map((r) => there.outcome(r))).not.toEqual(runs.map((r) => here.outcome(r))); // the two levels differ
    for (const done of [false, true]) {
      if (done) w.handle({ kind: 'levelsDone' });
      w.handle({ kind: 'level', id: 0, level: structuredClone(done ? level : other) });
      const b = new SharedArrayBuffer(jobBytes(40));
      const j = jobLayout(b, 40);
      j.runs.set(runs);
      j.out.fill(UNKNOWN);
      w.handle({ kind: 'runs', id: 0, job: b, n: 40 });
      expect([...j.out]).toEqual(runs.map((r) => (done ? here : there).outcome(r)));
    }
  });
});
