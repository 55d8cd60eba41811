/**
 * Process-level speed (issue 15, docs/speed-findings.md §9.warm): the worker's JIT warm-up on a
 * built-in input, and the per-run outcomes read while the last phase runs, change no result.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../api/load.js';
import { monteCarlo, monteCarloSync } from '../model/mc-run.js';
import { warmUp } from '../model/mc-tasks.js';
import { runMonteCarlo } from '../threads/pool.js';

const root = join(import.meta.dirname, '..');
const input = (f: string) => loadScenarioFile(join(root, 'scenarios', f)).input;

describe('the workers\' warm-up', () => {
  it('runs one small task per step, and a Monte Carlo after it (stopped half-way) is the same', () => {
    const sthlm = input('stockholm-handlingsplan.yaml');
    const opts = { seed: 11, runs: 120, eventNoise: true };
    const before = monteCarloSync(sthlm, opts);
    const g = warmUp(sthlm, 256);
    let steps = 0;
    while (steps < 20 && !g.next().done) steps++;
    expect(steps).toBe(20); // 256 runs in chunks of 8: 32 simulate steps before the summaries
    expect(monteCarloSync(sthlm, opts)).toEqual(before);
    for (let r = g.next(); !r.done; r = g.next()) steps++;
    expect(steps).toBeGreaterThan(32);
    expect(monteCarloSync(sthlm, opts)).toEqual(before);
  });

  it('does nothing for an input with correlations (it has no copula)', () => {
    const sthlm = input('stockholm-handlingsplan.yaml');
    const correlated = { ...sthlm, correlations: [{ a: 'specialists.attrition', b: 'st.dropout', rho: 0.3 }] } as unknown as typeof sthlm;
    expect(warmUp(correlated, 64).next().done).toBe(true);
  });

  it('the built worker carries the shipped Stockholm input to warm up on', () => {
    const worker = readFileSync(join(root, 'dist', 'cli', 'worker.js'), 'utf8');
    expect(worker).toMatch(/const __riktvardeWarmInput = \{"startYear":\d+/);
    expect(worker).toContain('"name":"Stockholm"');
  });
});

describe('per-run outcomes read while the last phase runs', () => {
  it('give the in-process result with several regions and a total, on 1 to 3 threads', async () => {
    const riket = input('riket-2019.yaml');
    const opts = { seed: 5, runs: 60, eventNoise: true };
    const one = monteCarloSync(riket, opts);
    expect(one.total).not.toBeNull();
    expect(await monteCarlo(riket, opts)).toEqual(one);
    for (const workers of [2, 3]) expect(await runMonteCarlo(riket, opts, { workers })).toEqual(one);
  }, 60_000);
});
