/**
 * The bench's yardsticks stay honest: the C reference (bench/ref.c) is fed the normalized
 * scenario and agrees with riktvarde's Monte Carlo statistically (different random numbers, same
 * model), and the input writer refuses what the references do not implement. No timing here.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REF_SETS, refInput } from '../bench/ref-input.js';
import { loadScenarioFile } from '../api/load.js';
import { monteCarloSync as monteCarlo } from '../model/mc-run.js';
import { F } from '../model/fields.js';
import { NSTATS } from '../model/quantiles.js';

const root = join(import.meta.dirname, '..');
const stockholmFile = join(root, 'scenarios', 'stockholm-handlingsplan.yaml');
// Without the training capacity, on both sides (bench/ref-input.ts, REF_SETS).
const stockholm = loadScenarioFile(stockholmFile, REF_SETS);
const tmp = mkdtempSync(join(tmpdir(), 'riktvarde-ref-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const hasCc = spawnSync('cc', ['--version'], { stdio: 'ignore' }).status === 0;

describe('reference input', () => {
  it('carries the scenario’s uncertain parameters as distributions, not as means', () => {
    const txt = refInput(stockholm.input, 'stockholm');
    expect(txt).toMatch(/^retireMean normal 66 0\.75 0 25 79$/m);
    expect(txt).toMatch(/^specAttrition pert 0\.02 0\.031 0\.045 0 1$/m);
    expect(txt).toMatch(/^target nan 730 750 /m);
    expect(txt).toMatch(/^listableLastYears 2$/m);
  });
  it('leaves out only a training capacity that does not bind: riktvarde gives the same numbers with and without it', () => {
    const opts = { seed: 3, runs: 200, eventNoise: true };
    const withCap = monteCarlo(loadScenarioFile(stockholmFile).input, opts).regions[0].stats;
    expect(loadScenarioFile(stockholmFile).input.regions[0].st.capacity).not.toBeNull();
    expect(monteCarlo(stockholm.input, opts).regions[0].stats).toEqual(withCap);
  });
  it('refuses a scenario the references do not implement', () => {
    expect(() => refInput(loadScenarioFile(stockholmFile).input, 'stockholm')).toThrow(/training capacity/);
    const riket = loadScenarioFile(join(root, 'scenarios', 'riket-2019.yaml'));
    expect(() => refInput(riket.input, 'riket')).toThrow(/one region only/);
  });
});

describe.runIf(hasCc)('C reference (bench/ref.c)', () => {
  it('agrees with riktvarde’s medians within a few per cent of the 90 % band', () => {
    const exe = join(tmp, 'ref'), input = join(tmp, 'in.txt');
    const cc = spawnSync('cc', ['-O2', '-o', exe, join(root, 'bench', 'ref.c'), '-lm'], { encoding: 'utf8' });
    expect(cc.stderr).toBe('');
    writeFileSync(input, refInput(stockholm.input, 'stockholm'));
    const runs = 2000;
    const c = spawnSync(exe, [input, String(runs), '11'], { encoding: 'utf8' });
    expect(c.status).toBe(0);
    const ref = new Map(c.stdout.split('\n').filter((l) => l.startsWith('stat ')).map((l) => {
      const p = l.split(' ');
      return [`${p[1]}@${p[2]}`, p.slice(3).map(Number)] as const;
    }));
    const rk = monteCarlo(stockholm.input, { seed: 11, runs, eventNoise: true }).regions[0];
    const Y = stockholm.input.endYear - stockholm.input.startYear + 1;
    for (const f of ['specialists', 'listableSt', 'retirements', 'stCompletions', 'inhabitantsPerDoctor', 'cumulativeCost'] as const) {
      for (const t of [1, 5, Y - 1]) {
        const o = (F[f] * Y + t) * NSTATS;
        const [p5, p50, p95] = [rk.stats[o + 1], rk.stats[o + 4], rk.stats[o + 7]];
        const s = ref.get(`${f}@${t}`)!;
        // 2 000 runs: sampling alone moves a median by ~1–2 % of the band; counts move by whole people.
        expect(Math.abs(s[4] - p50), `${f} year ${t}: C ${s[4]} vs riktvarde ${p50}`).toBeLessThanOrEqual(Math.max(0.12 * (p95 - p5), 1));
        expect(Math.abs(s[7] - s[1] - (p95 - p5)), `${f} year ${t}: band width`).toBeLessThanOrEqual(Math.max(0.15 * (p95 - p5), 2));
      }
    }
  });
});
