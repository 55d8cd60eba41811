/**
 * cli/handlers.ts: which commands start worker threads before their code initializes — the same
 * commands whose pipeline runs a Monte Carlo (cli/commands.ts: `run` only with --runs or --runs-out).
 */
import { describe, expect, it } from 'vitest';
import { runsMonteCarlo } from '../cli/handlers.js';

describe('runsMonteCarlo', () => {
  it('run: only with --runs or --runs-out', () => {
    expect(runsMonteCarlo('run', {})).toBe(false);
    expect(runsMonteCarlo('run', { runs: 100 })).toBe(true);
    expect(runsMonteCarlo('run', { runsOut: 'r.csv' })).toBe(true);
  });

  it('the Monte Carlo commands always, the others never', () => {
    for (const c of ['solve', 'chart', 'report', 'sensitivity', 'compare', 'backtest'] as const) expect(runsMonteCarlo(c, {})).toBe(true);
    for (const c of ['validate', 'schema', 'explore', 'calibrate'] as const) expect(runsMonteCarlo(c, { runs: 100 })).toBe(false);
  });
});
