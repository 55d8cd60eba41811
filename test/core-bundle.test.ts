/**
 * `riktvarde/core` bundled for a browser, as the what-if page bundles it (esbuild, platform
 * browser, web/browser-alias.mjs), runs where there is no Node: in a `vm` context holding only
 * JavaScript's own globals and the few web ones a Web Worker has too (structuredClone,
 * TextEncoder/TextDecoder, performance, console) — no Buffer, process, require, global or
 * setImmediate — so a use of a Node global (ours or a dependency's) fails. It parses a scenario with CSV data files (csv-parse)
 * and an `extends` chain, and its Monte Carlo gives the same numbers as the core in Node.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { parseScenario, simulateWith } from '../api/core.js';
import { browserAlias } from '../web/browser-alias.mjs';
import { ROOT } from './helpers.js';

const SCENARIO = 'stockholm-ageing.yaml';
const FILES = ['stockholm-handlingsplan.yaml', 'data/population-stockholm-by-age-2024.csv'];

async function bundle(alias: Record<string, string>): Promise<string> {
  const r = await build({
    entryPoints: [join(ROOT, 'api/core.ts')], bundle: true, format: 'iife', globalName: 'core', platform: 'browser',
    target: 'es2020', write: false, alias, logLevel: 'silent',
  });
  return r.outputFiles[0].text;
}

/** Parses and runs the scenario with the bundle in a context of JavaScript's globals only. */
async function runBundled(code: string): Promise<{ input: string; out: string }> {
  const ctx = createContext({
    structuredClone, TextEncoder, TextDecoder, performance, console, queueMicrotask,
    text: readFileSync(join(ROOT, 'scenarios', SCENARIO), 'utf8'),
    files: Object.fromEntries(FILES.map((f) => [f, readFileSync(join(ROOT, 'scenarios', f), 'utf8')])),
    file: SCENARIO,
  });
  expect(runInContext('[typeof Buffer, typeof process, typeof require, typeof global, typeof setImmediate].join()', ctx)).toBe('undefined,undefined,undefined,undefined,undefined');
  runInContext(code, ctx);
  return runInContext(`(async () => {
    const sc = core.parseScenario(text, { file, files });
    const out = await core.simulateWith(sc, { runs: 40, seed: 3, whatItWouldTake: false }, 'x');
    return { input: JSON.stringify(sc.input), out: JSON.stringify(out) };
  })()`, ctx) as Promise<{ input: string; out: string }>;
}

describe('riktvarde/core bundled for a browser', () => {
  it('uses no Node global (Buffer, process, require, global, setImmediate) and computes what the core computes in Node', async () => {
    const got = await runBundled(await bundle(browserAlias));
    const files = Object.fromEntries(FILES.map((f) => [f, readFileSync(join(ROOT, 'scenarios', f), 'utf8')]));
    const sc = parseScenario(readFileSync(join(ROOT, 'scenarios', SCENARIO), 'utf8'), { file: SCENARIO, files });
    expect(sc.input.regions[0].demand, 'the scenario reads its CSV data').not.toBeNull();
    expect(got.input).toBe(JSON.stringify(sc.input));
    expect(got.out).toBe(JSON.stringify(await simulateWith(sc, { runs: 40, seed: 3, whatItWouldTake: false }, 'x')));
  }, 120_000);

  it('without the alias, csv-parse\'s Node entry fails there (the check above can fail)', async () => {
    await expect(runBundled(await bundle({}))).rejects.toThrow(/(Buffer|process|require|global|setImmediate) is not defined/);
  }, 120_000);
});
