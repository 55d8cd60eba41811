/**
 * Process-level speed (issue 15, docs/speed-findings.md §9.warm): the per-run outcomes of a unit
 * read while its columns are summarized on the other threads change no result.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../api/load.js';
import { monteCarlo, monteCarloSync } from '../model/mc-run.js';
import { runMonteCarlo } from '../threads/pool.js';
import { drawParams } from '../model/copula.js';

const root = join(import.meta.dirname, '..');
const input = (f: string) => loadScenarioFile(join(root, 'scenarios', f)).input;

describe('per-run outcomes read while the last phase runs', () => {
  it('give the in-process result with several regions and a total, on 1 to 3 threads', async () => {
    const riket = input('riket-2019.yaml');
    const opts = { seed: 5, runs: 60, eventNoise: true };
    const one = monteCarloSync(riket, opts);
    expect(one.total).not.toBeNull();
    // The statistics are copied in after their phase: none may be left as the empty buffer.
    for (const u of [...one.regions, one.total!]) expect(u.stats.filter((v) => v !== 0 && Number.isFinite(v)).length).toBeGreaterThan(u.stats.length / 2);
    expect(await monteCarlo(riket, opts)).toEqual(one);
    for (const workers of [2, 3]) expect(await runMonteCarlo(riket, opts, { workers })).toEqual(one);
  }, 60_000);
});

describe('parameters drawn ahead by the first thread (issue 15)', () => {
  it('are the ones drawn in one pass, and the results those of one thread, on 2 and 3 threads', async () => {
    const sc = input('stockholm-handlingsplan.yaml');
    const opts = { seed: 11, runs: 700, eventNoise: true };
    const one = monteCarloSync(sc, opts);
    const params = drawParams(sc, opts.seed, 0, opts.runs);
    expect(params.some((v) => v !== params[0])).toBe(true);
    expect(one.params).toEqual(params);
    for (const workers of [2, 3]) {
      const r = await runMonteCarlo(sc, opts, { workers });
      expect(r.params).toEqual(params);
      expect(r).toEqual(one);
    }
  }, 60_000);
});
