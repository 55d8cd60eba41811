/**
 * The library API: `import { loadScenario, simulate } from 'riktvarde'` from another folder gives
 * the CLI's bytes; errors carry the CLI's file:line:col problems; `riktvarde/core` is pure.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, importGraph } from './imports.js';

import { cliInProcess } from './helpers.js';

/** The CLI's `main` in-process, a run on one thread (the same bytes as any thread count); `status` is the exit code. */
const cli = async (...args: string[]) => { const r = await cliInProcess(ROOT, ...args, ...(args[0] === 'run' ? ['--workers', '1'] : [])); return { ...r, status: r.code }; };

describe('riktvarde as a package, imported by name from another folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'riktvarde-api-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(ROOT, join(dir, 'node_modules', 'riktvarde'), 'dir');
  writeFileSync(join(dir, 'bad.yaml'), 'name: x\nhorizon: {start: 2024, end: 2020}\ncountBasis: nope\n');
  writeFileSync(join(dir, 'use.mjs'), `
    import { loadScenario, simulate, ScenarioError, OptionError } from 'riktvarde';
    import * as core from 'riktvarde/core';
    const out = {};
    const sc = loadScenario('scenarios/halland.yaml', { set: ['st.dropout=0.05'] });
    out.det = JSON.stringify(await simulate(sc), null, 2) + '\\n';
    out.mc = JSON.stringify(await simulate(sc, { runs: 150, seed: 7, workers: 2 }), null, 2) + '\\n';
    out.mc1 = JSON.stringify(await core.simulateWith(sc, { runs: 150, seed: 7 }, JSON.parse(out.mc).version), null, 2) + '\\n';
    try { loadScenario(process.argv[2]); } catch (e) { out.error = { typed: e instanceof ScenarioError, problems: e.problems.map(core.formatProblem) }; }
    try { await simulate(sc, { runs: 0 }); } catch (e) { out.option = { typed: e instanceof OptionError, option: e.option, message: e.message }; }
    process.stdout.write(JSON.stringify(out));
  `);
  const got = JSON.parse(execFileSync(process.execPath, [join(dir, 'use.mjs'), join(dir, 'bad.yaml')], { cwd: ROOT, encoding: 'utf8' }));

  it('simulate() without runs equals `run --format json` byte for byte', async () => {
    const r = await cli('run', 'scenarios/halland.yaml', '--set', 'st.dropout=0.05', '--format', 'json');
    expect(r.status).toBe(0);
    expect(got.det).toBe(r.stdout);
  });

  it('simulate() with runs and seed equals `run --runs --seed --format json`, on threads and in-process (riktvarde/core)', async () => {
    const r = await cli('run', 'scenarios/halland.yaml', '--set', 'st.dropout=0.05', '--runs', '150', '--seed', '7', '--format', 'json');
    expect(r.status).toBe(0);
    expect(got.mc).toBe(r.stdout);
    expect(got.mc1).toBe(r.stdout);
  });

  it('loadScenario() throws a ScenarioError with the problems the CLI prints', async () => {
    const r = await cli('validate', join(dir, 'bad.yaml'));
    expect(r.status).toBe(2);
    expect(got.error.typed).toBe(true);
    expect(got.error.problems.length).toBeGreaterThan(2);
    expect(r.stderr).toBe(got.error.problems.join('\n') + `\n${got.error.problems.length} problems; nothing was written.\n`);
  });

  it('simulate() rejects runs out of range with a typed OptionError, worded like the CLI', async () => {
    expect(got.option).toEqual({ typed: true, option: 'runs', message: 'runs must be a whole number ≥ 1, got 0' });
    expect((await cli('run', 'scenarios/halland.yaml', '--runs', '0')).stderr).toContain(`--${got.option.message}`);
  });
});

describe('riktvarde/core is pure (a bundler can put it in a web page)', () => {
  const graph = importGraph(['api/core.ts']);

  it('reaches the engine, the Monte Carlo and the scenario parser', () => {
    for (const f of ['model/engine.ts', 'model/mc-run.ts', 'scenario/validate.ts', 'scenario/formula.ts']) expect(graph.has(f), f).toBe(true);
  });

  it('imports no node: module, fs, process, clock or Math.random', () => {
    const bad: string[] = [];
    for (const [f, { external }] of graph) {
      for (const s of external) if (s.startsWith('node:') || ['fs', 'path', 'os', 'url', 'module', 'worker_threads', 'child_process'].includes(s)) bad.push(`${f} imports ${s}`);
      const code = readFileSync(join(ROOT, f), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
      for (const word of ['process.', 'Date.now', 'Math.random', 'require(', 'setImmediate']) if (code.includes(word)) bad.push(`${f} uses ${word}`);
    }
    expect(bad).toEqual([]);
  });
});
