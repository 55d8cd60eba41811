/**
 * The Monte Carlo contract: samplers with known moments, event noise that averages to the
 * deterministic run, byte-identical results for any number of workers, independent parameter
 * streams, and quantiles that converge.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMonteCarlo } from '../threads/pool.js';
import { loadScenarioFile } from '../api/load.js';
import { binomialInv } from '../model/binomial.js';
import { mean, quantile, support, type Dist, type Domain, NONNEG, SHARE, ANY } from '../model/dist.js';
import { drawParams } from '../model/copula.js';
import { monteCarloSync as monteCarlo } from '../model/mc-run.js';
import { uncertainKeys } from '../model/draws.js';
import { F, NFIELDS } from '../model/fields.js';
import { McContext, simulateRange, valueAt } from '../model/montecarlo.js';
import { expectedRun, HazardCache } from '../model/params.js';
import { project } from '../model/project.js';
import { firstUniform, ReusableStreams, stream, streams } from '../model/rng.js';
import type { ModelInput, ScalarParam } from '../model/types.js';
import { cliInProcess, removeSandboxes, sandbox } from './helpers.js';

const root = join(import.meta.dirname, '..');
const scen = (f: string) => join(root, 'scenarios', f);

/** Every uncertain parameter fixed at its mean: the same input without parameter uncertainty. */
function fixAll(input: ModelInput): ModelInput {
  const walk = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object' || ArrayBuffer.isView(v)) return v;
    if (Array.isArray(v)) return v.map(walk);
    const o = v as Record<string, unknown>;
    if (typeof o.key === 'string' && o.dist && o.domain) {
      const p = o as unknown as ScalarParam;
      return { ...p, dist: { dist: 'fixed', value: mean(p.dist, p.domain) } };
    }
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, walk(x)]));
  };
  return { ...(walk(input) as ModelInput), uncertain: [] };
}

describe('parameter samplers (inverse CDF, 20 000 stratified points)', () => {
  const cases: [string, Dist, Domain, number][] = [
    ['uniform', { dist: 'uniform', min: 2, max: 5 }, ANY, 3.5],
    ['triangular', { dist: 'triangular', min: 0, mode: 1, max: 4 }, ANY, 5 / 3],
    ['pert', { dist: 'pert', min: 0.02, mode: 0.031, max: 0.045 }, SHARE, (0.02 + 4 * 0.031 + 0.045) / 6],
    ['normal', { dist: 'normal', mean: 66, sd: 2 }, ANY, 66],
    ['lognormal', { dist: 'lognormal', median: 1, sigma: 0.2 }, NONNEG, Math.exp(0.02)],
  ];
  for (const [name, d, dom, m] of cases) {
    it(`${name}: mean ${m.toFixed(4)} within 1e-3 relative, all draws inside the support`, () => {
      const n = 20000;
      let s = 0;
      const [lo, hi] = support(d, dom);
      let min = Infinity, max = -Infinity; // one expect for all draws (an expect per draw is the slow part)
      for (let i = 0; i < n; i++) {
        const x = quantile(d, (i + 0.5) / n, dom);
        if (x < min) min = x;
        if (x > max) max = x;
        s += x;
      }
      expect(min).toBeGreaterThanOrEqual(lo);
      expect(max).toBeLessThanOrEqual(hi);
      expect(Math.abs(s / n - m) / Math.abs(m)).toBeLessThan(1e-3);
      expect(Math.abs(mean(d, dom) - m) / Math.abs(m)).toBeLessThan(1e-9);
    });
  }

  it('a normal share is truncated to 0–1 by construction (not clamped): no mass piles up at the bounds', () => {
    const d: Dist = { dist: 'normal', mean: 0.05, sd: 0.05 };
    const n = 20000;
    let atZero = 0, s = 0;
    let min = Infinity;
    for (let i = 0; i < n; i++) {
      const x = quantile(d, (i + 0.5) / n, SHARE);
      if (x < min) min = x;
      if (x === 0) atZero++;
      s += x;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(atZero).toBe(0);
    // Mean of N(0.05, 0.05) truncated at 0: 0.05 + 0.05·φ(−1)/(1 − Φ(−1)) = 0.0644
    expect(s / n).toBeCloseTo(mean(d, SHARE), 3);
    expect(mean(d, SHARE)).toBeCloseTo(0.06438, 4);
  });

  it('a lognormal headcount multiplier is never negative and has the lognormal mean (seeded draws, 4 SE)', () => {
    const d: Dist = { dist: 'lognormal', median: 1, sigma: 0.1 };
    const u = stream(11, 'test:lognormal');
    const n = 50000;
    let s = 0, s2 = 0;
    let min = Infinity;
    for (let i = 0; i < n; i++) { const x = quantile(d, u(), NONNEG); if (x < min) min = x; s += x; s2 += x * x; }
    expect(min).toBeGreaterThan(0);
    const m = s / n, se = Math.sqrt((s2 / n - m * m) / n);
    expect(Math.abs(m - Math.exp(0.005))).toBeLessThan(4 * se);
  });
});

describe('binomial by inversion (seeded, 4 standard errors)', () => {
  for (const [n, p] of [[20, 0.03], [150, 0.87], [3000, 0.5], [40000, 0.02], [7, 0.999]] as const) {
    it(`Binomial(${n}, ${p}): mean and variance`, () => {
      const u = stream(3, `test:binom:${n}:${p}`);
      const N = 40000;
      let s = 0, s2 = 0;
      const outside: number[] = [];
      for (let i = 0; i < N; i++) {
        const x = binomialInv(u(), n, p);
        if (!(Number.isInteger(x) && x >= 0 && x <= n)) outside.push(x);
        s += x; s2 += x * x;
      }
      expect(outside).toEqual([]);
      const m = s / N, v = s2 / N - m * m;
      const sd = Math.sqrt(n * p * (1 - p));
      expect(Math.abs(m - n * p)).toBeLessThan(4 * sd / Math.sqrt(N) + 1e-9);
      // SE of the sample variance ≈ σ²·sqrt(2/N) for a near-normal variable.
      expect(Math.abs(v - sd * sd)).toBeLessThan(4 * sd * sd * Math.sqrt(2 / N) + 0.01);
    });
  }
  it('is monotone in n and p for a fixed uniform', () => {
    for (const u of [0.01, 0.3, 0.5, 0.77, 0.999]) {
      let prev = 0;
      for (let n = 0; n < 200; n += 7) { const x = binomialInv(u, n, 0.3); expect(x).toBeGreaterThanOrEqual(prev); prev = x; }
      prev = 0;
      for (let p = 0; p <= 1; p += 0.05) { const x = binomialInv(u, 100, p); expect(x).toBeGreaterThanOrEqual(prev); prev = x; }
    }
  });
});

describe('event noise and the deterministic run', () => {
  const sc = loadScenarioFile(scen('stockholm-handlingsplan.yaml'), ['st.targetHeadcount=null', 'st.intake=150']);
  const input = fixAll(sc.input);
  const nYears = input.endYear - input.startYear + 1;
  const det = project(expectedRun(input), null).regions[0].block;

  it('with every distribution fixed and event noise off, each Monte Carlo run equals the deterministic run exactly', () => {
    const runs = 5;
    const ctx = new McContext(input, { seed: 9, runs, eventNoise: false }, new Float64Array(0));
    const out = new Float64Array(runs * ctx.size);
    simulateRange(ctx, 0, 0, runs, out, null);
    for (let r = 0; r < runs; r++) expect(Array.from({ length: ctx.size }, (_, c) => valueAt(out, runs, c, r))).toEqual(Array.from(det));
  });

  it('the mean of 4 000 event-noise runs matches the deterministic run within 4 binomial standard errors', () => {
    const runs = 4000;
    const ctx = new McContext(input, { seed: 5, runs, eventNoise: true }, new Float64Array(0));
    const out = new Float64Array(runs * ctx.size);
    simulateRange(ctx, 0, 0, runs, out, null);
    for (const f of [F.specialists, F.st, F.retirements, F.otherExits, F.stCompletions, F.newSpecialistsStaying, F.stStarts]) {
      for (let t = 1; t < nYears; t++) {
        let s = 0, s2 = 0;
        for (let r = 0; r < runs; r++) { const x = valueAt(out, runs, f * nYears + t, r); s += x; s2 += x * x; }
        const m = s / runs, sd = Math.sqrt(Math.max(0, s2 / runs - m * m));
        const d = det[f * nYears + t];
        expect(Math.abs(m - d), `field ${f} year ${t}: mean ${m} vs deterministic ${d} (sd ${sd})`).toBeLessThan(4 * sd / Math.sqrt(runs) + 1e-9);
      }
    }
  });
});

describe('reproducibility', () => {
  // The built CLI (compiled worker threads) against the same `main` in-process on one thread.
  const built = (args: string[]) => execFileSync(process.execPath, [join(root, 'dist', 'cli', 'main.cjs'), ...args], { encoding: 'utf8' });
  const inProcess = async (args: string[]) => {
    const r = await cliInProcess(root, ...args);
    expect(r.code, r.stderr).toBe(0);
    return r.stdout;
  };

  it('same seed → identical JSON bytes with 1 (in-process) and with 2 workers (built CLI); another seed differs', async () => {
    const base = ['run', scen('halland.yaml'), '--runs', '400', '--format', 'json'];
    const one = await inProcess([...base, '--seed', '7', '--workers', '1']);
    const two = built([...base, '--seed', '7', '--workers', '2']);
    const other = await inProcess([...base, '--seed', '8', '--workers', '1']);
    expect(two).toBe(one);
    expect(other).not.toBe(one);
    const j = JSON.parse(one);
    expect([j.runs, j.seed, typeof j.version]).toEqual([400, 7, 'string']);
  });

  it('the thread pool gives the in-process results, and again when its workers are reused', async () => {
    const input = loadScenarioFile(scen('riket-2019.yaml')).input;
    const opts = { seed: 11, runs: 90, eventNoise: true };
    const ref = monteCarlo(input, opts);
    for (let i = 0; i < 2; i++) {
      const mc = await runMonteCarlo(input, opts, { workers: 2 });
      expect(Array.from(mc.params)).toEqual(Array.from(ref.params));
      expect(mc.regions.map((u) => Array.from(u.stats))).toEqual(ref.regions.map((u) => Array.from(u.stats)));
      expect(Array.from(mc.total!.stats)).toEqual(Array.from(ref.total!.stats));
      expect(Array.from(mc.total!.firstReached)).toEqual(Array.from(ref.total!.firstReached));
    }
  });

  it('the re-seeded streams of the hot path give exactly the sequences of seedrandom\'s alea streams', () => {
    const kinds = ['init', 'exits', 'stDropout', 'flows'] as const;
    const reuse = new ReusableStreams(kinds);
    for (const [seed, key] of [[7, 'run:0|region:Halland|events'], [2 ** 40 + 3, 'run:9999|region:Stockholm|events'], [0, '']] as const) {
      const fresh = streams(seed, key, kinds);
      const again = reuse.reseed(seed, key);
      for (const k of kinds) for (let i = 0; i < 200; i++) expect(again[k]()).toBe(fresh[k]());
      expect(firstUniform(seed, key)).toBe(stream(seed, key)());
    }
    // Re-seeding really resets: the same key twice gives the same numbers.
    const a = Array.from({ length: 5 }, reuse.reseed(1, 'x').exits);
    const b = Array.from({ length: 5 }, reuse.reseed(1, 'x').exits);
    expect(b).toEqual(a);
    expect(Array.from({ length: 5 }, reuse.reseed(2, 'x').exits)).not.toEqual(a);
  });

  it('an error in a task rejects the Monte Carlo (no hang), and the next one runs normally', async () => {
    const good = loadScenarioFile(scen('halland.yaml')).input;
    const bad = structuredClone(good);
    (bad.regions[0].population as { table: unknown }).table = null; // resolveRegion fails on every run
    const opts = { seed: 2, runs: 64, eventNoise: true };
    await expect(runMonteCarlo(bad, opts, { workers: 2 })).rejects.toThrow(TypeError);
    const mc = await runMonteCarlo(good, opts, { workers: 2 });
    expect(Array.from(mc.regions[0].stats)).toEqual(Array.from(monteCarlo(good, opts).regions[0].stats));
  });

  it('multi-region totals are identical with 1 (in-process) and 2 workers (built CLI)', async () => {
    const base = ['run', scen('riket-2019.yaml'), '--runs', '60', '--seed', '3', '--format', 'csv'];
    expect(built([...base, '--workers', '2'])).toBe(await inProcess([...base, '--workers', '1']));
  });

  it('the per-run retirement tables (shared by the counties of a run) are the tables computed afresh, also when runs share a slot or a county has its own retirement', () => {
    const fresh = (mu: number, sd: number) => Float64Array.from(new HazardCache().get(mu, sd));
    const cache = new HazardCache(3); // runs 0 … 5 in 3 slots: runs 0 and 3 share one
    const keys = [[69, 3], [68.2, 3], [70.5, 2.5], [66, 1], [69, 3], [71, 4]];
    for (let pass = 0; pass < 3; pass++) {
      for (let run = 0; run < keys.length; run++) {
        // A national retirement for every county, then one county with its own (a different key in the same slot).
        for (const [mu, sd] of [keys[run], [64 + run, 2], keys[run]]) {
          cache.at(run);
          expect(Array.from(cache.get(mu, sd))).toEqual(Array.from(fresh(mu, sd)));
        }
      }
    }
  });

  it('adding a distribution to one parameter does not change the draws of another', () => {
    const a = loadScenarioFile(scen('halland.yaml'));
    const b = loadScenarioFile(scen('halland.yaml'), ['st.fillRate={dist: uniform, min: 0.8, max: 1}']);
    const ka = uncertainKeys(a.input).map((k) => k.key), kb = uncertainKeys(b.input).map((k) => k.key);
    expect(kb.length).toBe(ka.length + 1);
    const pa = drawParams(a.input, 21, 0, 300), pb = drawParams(b.input, 21, 0, 300);
    for (const key of ka) {
      const ia = ka.indexOf(key), ib = kb.indexOf(key);
      for (let r = 0; r < 300; r++) expect(pb[r * kb.length + ib]).toBe(pa[r * ka.length + ia]);
    }
  });

  it('two scenarios on the same seed share their random numbers: more intake never lowers specialists in any run (common random numbers)', () => {
    const lo = fixAll(loadScenarioFile(scen('halland.yaml'), ['st.targetHeadcount=null', 'st.intake=20']).input);
    const hi = fixAll(loadScenarioFile(scen('halland.yaml'), ['st.targetHeadcount=null', 'st.intake=30']).input);
    const runs = 200;
    const run = (input: ModelInput) => {
      const ctx = new McContext(input, { seed: 4, runs, eventNoise: true }, new Float64Array(0));
      const out = new Float64Array(runs * ctx.size);
      simulateRange(ctx, 0, 0, runs, out, null);
      return { out, ctx };
    };
    const A = run(lo), B = run(hi);
    const Y = lo.endYear - lo.startYear + 1;
    let differ = 0;
    for (let r = 0; r < runs; r++) {
      // Before the extra trainees qualify (5+ years), the specialist paths are identical run by run.
      expect(valueAt(B.out, runs, F.specialists * Y + 3, r)).toBe(valueAt(A.out, runs, F.specialists * Y + 3, r));
      if (valueAt(B.out, runs, F.specialists * Y + Y - 1, r) !== valueAt(A.out, runs, F.specialists * Y + Y - 1, r)) differ++;
    }
    expect(differ).toBeGreaterThan(0);
  });
});

describe('convergence', () => {
  it('quantiles at 500 and 2 000 runs agree within 4 standard errors (inhabitants per doctor and specialists, last year)', () => {
    const sc = loadScenarioFile(scen('halland.yaml'));
    const na = 500, nb = 2000;
    const a = monteCarlo(sc.input, { seed: 1, runs: na, eventNoise: true });
    const b = monteCarlo(sc.input, { seed: 2, runs: nb, eventNoise: true });
    const Y = sc.input.endYear - sc.input.startYear + 1;
    // The standard error of a sample p-quantile is sqrt(p(1 − p)/n) / f(q); 1/f(q) is estimated
    // from the larger run's neighbouring quantiles (p5…p25 around p10, p25…p75 around p50,
    // p75…p95 around p90). Half a person of slack for quantiles of whole headcounts.
    const around: Record<number, [number, number, number]> = { 2: [0.1, 1, 3], 4: [0.5, 3, 5], 6: [0.9, 5, 7] }; // stat → [p, lower stat, upper stat]
    const PROB = [0, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95];
    for (const f of [F.inhabitantsPerDoctor, F.specialists]) {
      const at = (st: Float64Array, s: number) => st[(f * Y + Y - 1) * 8 + s];
      for (const s of [2, 4, 6]) { // p10, p50, p90
        const [p, lo, hi] = around[s];
        const invDensity = (at(b.regions[0].stats, hi) - at(b.regions[0].stats, lo)) / (PROB[hi] - PROB[lo]);
        const se = Math.sqrt(p * (1 - p)) * invDensity * Math.sqrt(1 / na + 1 / nb);
        const x = at(a.regions[0].stats, s), y = at(b.regions[0].stats, s);
        expect(se, `field ${f} stat ${s}: a spread to compare against`).toBeGreaterThan(0);
        expect(Math.abs(x - y), `field ${f} stat ${s}: ${x} vs ${y}, standard error ${se}`).toBeLessThan(4 * se + (f === F.specialists ? 0.5 : 0));
        // …and 4 standard errors are a small share of the value: the assertion can fail.
        expect(4 * se / y).toBeLessThan(0.03);
      }
    }
    expect(NFIELDS).toBeGreaterThan(0);
  });
});

describe('correlated parameters and path uncertainty', () => {
  const corr = [
    'correlations=[{params: [specialists.retirement.meanAge, specialists.attrition], rho: -0.6}]',
  ];
  it('a Gaussian copula gives the requested rank correlation between two parameters (±0.05 at 4 000 runs)', () => {
    const sc = loadScenarioFile(scen('halland.yaml'), corr);
    const keys = uncertainKeys(sc.input).map((k) => k.key);
    const K = keys.length, runs = 4000;
    const p = drawParams(sc.input, 3, 0, runs);
    const col = (key: string) => Array.from({ length: runs }, (_, r) => p[r * K + keys.indexOf(key)]);
    const rank = (x: number[]) => { const o = x.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]); const r = new Array(x.length); o.forEach(([, i], k) => { r[i] = k; }); return r as number[]; };
    const pearson = (a: number[], b: number[]) => { const n = a.length, ma = a.reduce((s, x) => s + x, 0) / n, mb = b.reduce((s, x) => s + x, 0) / n; let c = 0, va = 0, vb = 0; for (let i = 0; i < n; i++) { c += (a[i] - ma) * (b[i] - mb); va += (a[i] - ma) ** 2; vb += (b[i] - mb) ** 2; } return c / Math.sqrt(va * vb); };
    const a = col('specialists.retirement.meanAge'), b = col('specialists.attrition');
    // Spearman's rho of a Gaussian copula with correlation r is (6/π)·asin(r/2).
    const expected = (6 / Math.PI) * Math.asin(-0.6 / 2);
    expect(Math.abs(pearson(rank(a), rank(b)) - expected)).toBeLessThan(0.05);
    // The marginals are unchanged by the copula.
    const free = drawParams(loadScenarioFile(scen('halland.yaml')).input, 3, 0, runs);
    const meanOf = (x: number[]) => x.reduce((s, v) => s + v, 0) / x.length;
    expect(Math.abs(meanOf(b) - meanOf(Array.from({ length: runs }, (_, r) => free[r * K + keys.indexOf('specialists.attrition')])))).toBeLessThan(0.001);
  });

  it('correlations that cannot hold together are a validation error, not a crash', () => {
    expect(() => loadScenarioFile(scen('halland.yaml'), ['correlations=[{params: [st.dropout, st.retention], rho: 0.9}, {params: [st.dropout, specialists.attrition], rho: 0.9}, {params: [st.retention, specialists.attrition], rho: -0.9}]']))
      .toThrow(/not positive definite/);
  });

  it('a relative random walk on the intake keeps the written path as its mean; a multiplier scales the whole path', () => {
    const walk = loadScenarioFile(scen('halland.yaml'), ['st.targetHeadcount=null', 'st.intake={values: 30, randomWalk: {sd: 0.1}}']);
    const mult = loadScenarioFile(scen('halland.yaml'), ['st.targetHeadcount=null', 'st.intake={values: 30, multiplier: {dist: uniform, min: 0.5, max: 1.5}}']);
    const runs = 3000;
    const posts = (input: ModelInput, noise: boolean) => {
      const ctx = new McContext(input, { seed: 8, runs, eventNoise: noise }, drawParams(input, 8, 0, runs));
      const out = new Float64Array(runs * ctx.size);
      simulateRange(ctx, 0, 0, runs, out, null);
      const Y = input.endYear - input.startYear + 1;
      return Array.from({ length: runs }, (_, r) => Array.from({ length: Y - 1 }, (_, t) => valueAt(out, runs, F.stPosts * Y + t + 1, r)));
    };
    const w = posts(walk.input, false);
    const last = w.map((row) => row[row.length - 1]);
    const m = last.reduce((s, x) => s + x, 0) / runs, sd = Math.sqrt(last.reduce((s, x) => s + (x - m) ** 2, 0) / runs);
    expect(Math.abs(m - 30)).toBeLessThan(4 * sd / Math.sqrt(runs));
    expect(sd).toBeGreaterThan(3); // 11 steps of 10 %: the path really wanders
    const mm = posts(mult.input, false);
    for (const row of mm.slice(0, 50)) expect(new Set(row.map((x) => x.toFixed(9))).size).toBe(1); // one factor for the whole path
    expect(Math.min(...mm.map((r) => r[0]))).toBeGreaterThanOrEqual(15);
    expect(Math.max(...mm.map((r) => r[0]))).toBeLessThanOrEqual(45);
  });
});

describe('--runs-out', () => {
  it('writes one row per run with the parameter draws and each unit\'s outcomes', async () => {
    const dir = sandbox({}, 'riktvarde-runs-out-');
    const file = join(dir, 'runs.csv');
    const r = await cliInProcess(root, 'run', scen('halland.yaml'), '--runs', '50', '--seed', '2', '--runs-out', file, '--format', 'json', '--out', join(dir, 'o.json'), '--workers', '1');
    expect(r.code, r.stderr).toBe(0);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines.length).toBe(51);
    const head = lines[0].split(',');
    expect(head[0]).toBe('run');
    expect(head).toContain('param:specialists.attrition');
    expect(head).toContain('Halland:firstYearReached');
    expect(lines[1].split(',').length).toBe(head.length);
  });
  afterAll(removeSandboxes);
});
