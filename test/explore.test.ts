/**
 * `riktvarde explore`: the what-if page in real Chromium (the packaged one, cli/browser.ts),
 * offline. It loads with no request and no console error; every lever changes the fan chart's
 * data and the verdict; for three settings its probabilities and quantiles equal those of the
 * command it shows (`riktvarde run --runs N --seed S --set …`).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { McRunOutput } from '../model/mcresults.js';
import { LEVER_IDS } from '../web/levers.js';
import { cliInProcess, ROOT, sandbox } from './helpers.js';
import { importGraph } from './imports.js';
import { explorePages, pageState, setLever, settled as settledAt, QUICK_STEPS } from './explore-page.js';

interface Shown { gen: number; runs: number; sets: string[]; out: McRunOutput }
interface State { compare: { outA: McRunOutput; setA: string[]; result: { scenarios: unknown[] } } | null; gen: number; shown: Shown | null; verdict: string; command: string; overlay: string; specs: Record<string, { data?: unknown; datasets?: unknown } | null>; error: string | null }

const ARTIFACTS = join(ROOT, 'test-artifacts');
const pages = explorePages({ 'halland.yaml': 'sv', 'halland-motion-1100.yaml': 'en', 'stockholm-ageing.yaml': 'en' });
const dir = () => pages.dir();

const state = (p: Page) => pageState<State>(p);
const settled = (p: Page, runs = 0) => settledAt<State>(p, runs);

async function open(file: string): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const ctx = await pages.context();
  const page = await ctx.newPage();
  const requests: string[] = [], errors: string[] = [];
  const url = 'file://' + join(dir(), file);
  page.on('request', (r) => { if (r.url() !== url && !r.url().startsWith('blob:')) requests.push(r.url()); });
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  return { page, requests, errors };
}

const fanData = (s: State) => JSON.stringify(s.specs['chart-fan']);

/** Shell words of the page's command (single quotes as the page writes them). */
function words(cmd: string): string[] {
  return [...cmd.matchAll(/'((?:[^']|'\\'')*)'|(\S+)/g)].map((m) => (m[1] !== undefined ? m[1].replace(/'\\''/g, "'") : m[2]));
}

/** The command the page shows, run in-process, as JSON. */
async function cliJson(command: string): Promise<McRunOutput> {
  const w = words(command);
  expect(w.slice(0, 3)).toEqual(['npx', 'riktvarde', 'run']);
  const r = await cliInProcess(ROOT, ...w.slice(2), '--format', 'json', '--workers', '1');
  if (r.code !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as McRunOutput;
}

function expectSameNumbers(page: McRunOutput, cli: McRunOutput): void {
  expect(page.runs).toBe(cli.runs);
  expect(page.seed).toBe(cli.seed);
  for (const [a, b] of page.regions.map((r, i) => [r, cli.regions[i]] as const)) {
    expect(a.probabilityReachedBy).toEqual(b.probabilityReachedBy);
    expect(a.reachedYearDistribution).toEqual(b.reachedYearDistribution);
    expect(a.years.map((y) => y.quantiles)).toEqual(b.years.map((y) => y.quantiles));
  }
}

describe('explore: the page and its worker are browser code', () => {
  it('import no node: module (the worker runs the pure core)', () => {
    const graph = importGraph(['web/start.ts', 'web/page.ts', 'web/worker.ts']);
    expect(graph.has('api/core.ts')).toBe(true);
    expect(graph.has('api/index.ts')).toBe(false);
    const bad = [...graph].flatMap(([f, { external }]) => external.filter((s) => s.startsWith('node:') || ['fs', 'path', 'os', 'url', 'worker_threads'].includes(s)).map((s) => `${f} imports ${s}`));
    expect(bad).toEqual([]);
  });
});

describe('explore --steps', () => {
  const runSteps = (file: string) => (JSON.parse(readFileSync(file, 'utf8').match(/<script type="application\/json" id="riktvarde-data">(.*?)<\/script>/s)![1]) as { runSteps: number[] }).runSteps;

  it('writes the page\'s run counts per update (increasing, repeats dropped); the default is 100, 1 000, 5 000; a bad count is a usage error', async () => {
    const d = sandbox({});
    expect((await cliInProcess(ROOT, 'explore', 'scenarios/halland.yaml', '--steps', '1000,100,100', '--out', join(d, 'a.html'))).code).toBe(0);
    expect(runSteps(join(d, 'a.html'))).toEqual([100, 1000]);
    expect((await cliInProcess(ROOT, 'explore', 'scenarios/halland.yaml', '--out', join(d, 'b.html'))).code).toBe(0);
    expect(runSteps(join(d, 'b.html'))).toEqual([100, 1000, 5000]);
    const bad = await cliInProcess(ROOT, 'explore', 'scenarios/halland.yaml', '--steps', '100,0', '--out', join(d, 'c.html'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--steps');
  });
});

describe('explore: the what-if page in Chromium, offline', () => {
  it('loads with no request and no console error, and every lever changes the chart data and the verdict', async () => {
    // The quick answer is all this test waits for: a page with no refinement behind it.
    const r = await cliInProcess(ROOT, 'explore', 'scenarios/halland.yaml', '--lang', 'sv', '--steps', QUICK_STEPS, '--out', join(dir(), 'halland-quick.html'));
    expect(r.code, r.stderr).toBe(0);
    const { page, requests, errors } = await open('halland-quick.html');
    let before = await settled(page);
    expect(before.verdict).toMatch(/Halland/);
    expect(before.shown!.sets).toEqual([]);
    const model = JSON.parse(readFileSync(join(dir(), 'halland-quick.html'), 'utf8').match(/<script type="application\/json" id="riktvarde-data">(.*?)<\/script>/s)![1]) as { model: { levers: { id: string; value: number; min: number; max: number }[] } };
    const levers = model.model.levers;
    expect(levers.map((l) => l.id)).toEqual([...LEVER_IDS]);
    for (const l of levers) {
      if (l.id === 'normYear') {
        // The final year of a norm schedule matters once the final norm differs from the first.
        await setLever(page, 'norm', 1300);
        before = await settled(page);
      }
      // The farther end of the lever's range from the scenario's value.
      const v = l.id === 'normYear' ? l.max : l.value - l.min > l.max - l.value ? l.min : l.max;
      await setLever(page, l.id, v);
      const after = await settled(page);
      expect(after.shown!.sets.length, l.id).toBeGreaterThan(before.shown!.sets.length - (l.id === 'normYear' ? 1 : 0));
      expect(fanData(after), `${l.id}: the fan chart's data`).not.toBe(fanData(before));
      expect(after.verdict, `${l.id}: the verdict`).not.toBe(before.verdict);
      await page.click(`#lever-${l.id} button.reset`);
      if (l.id === 'normYear') await page.click('#lever-norm button.reset');
      before = await settled(page);
      expect(before.shown!.sets, `${l.id}: reset`).toEqual([]);
    }
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'explore-1280.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(ARTIFACTS, 'explore-390.png') });
  }, 600_000);

  it('for three settings, the page\'s probabilities and quantiles equal the command it shows', async () => {
    const { page, errors } = await open('halland-motion-1100.html');
    // 1: the scenario as written (an extends chain); 2: intake ramp and retention; 3: norm schedule and attrition.
    const settings: [string, number][][] = [
      [],
      [['retention', 0.9], ['intake', 45]],
      [['attrition', 0.02], ['norm', 1300], ['normYear', 2030]],
    ];
    for (const [k, setting] of settings.entries()) {
      for (const [id, v] of setting) await setLever(page, id, v);
      if (k === 1) {
        await page.selectOption('#intake-shape', 'ramp');
        await page.fill('#intake-step', '3');
        await page.dispatchEvent('#intake-step', 'change');
      }
      const s = await settled(page, 1000);
      expect(s.shown!.runs).toBeGreaterThanOrEqual(1000);
      expect(s.shown!.sets.length > 0).toBe(k > 0);
      expect(s.command).toContain(`--runs ${s.shown!.runs} `);
      expectSameNumbers(s.shown!.out, await cliJson(s.command));
      // The quick answer drew the fan chart only; this step drew the others, from these runs.
      expect(await page.locator('.chart.stale').count()).toBe(0);
      const region = s.shown!.out.regions[0];
      const probs = (s.specs['chart-probability'] as { layer: { data?: { values: { p: number }[] } }[] }).layer[1].data!.values.map((r) => r.p);
      expect(probs).toEqual(region.years.map((y) => region.probabilityReachedBy[String(y.year)] ?? 0));
      await page.click('#reset-all');
    }
    expect(errors).toEqual([]);
  }, 600_000);

  it('compares on the page: A pinned, B changed, both on the same random numbers as the command line', async () => {
    const { page, errors } = await open('halland.html');
    await settled(page);
    await page.click('#pin');
    await setLever(page, 'intake', 40);
    const s = await settled(page, 1000);
    expect(s.compare).not.toBeNull();
    expect(s.compare!.setA).toEqual([]);
    expect(s.compare!.result.scenarios).toHaveLength(2);
    expect(await page.locator('#compare').isVisible()).toBe(true);
    expect(await page.locator('#compare table.cmp tr').count()).toBeGreaterThan(3);
    await page.waitForSelector('#chart-compare svg');
    const text = await page.locator('#compare').innerText();
    expect(text).toContain(s.verdict);
    // A is the scenario as written: the command without --set, at the same runs and seed.
    expectSameNumbers(s.compare!.outA, await cliJson(s.command.replace(/ --set .*$/, '')));
    expectSameNumbers(s.shown!.out, await cliJson(s.command));
    await page.click('#pin');
    const t = await settled(page);
    expect(t.compare).toBeNull();
    expect(await page.locator('#compare').isVisible()).toBe(false);
    expect(errors).toEqual([]);
  }, 600_000);

  it('a scenario with a formula in `year` gets mathjs\'s parser in the page, and the same numbers as the command line', async () => {
    const sdir = sandbox({
      'halland.yaml': readFileSync(join(ROOT, 'scenarios', 'halland.yaml'), 'utf8'),
      'formula.yaml': 'extends: halland.yaml\nst:\n  targetHeadcount: null\n  intake: "min(40, 20 + 4*(year-2023))"\n',
    });
    const r = await cliInProcess(ROOT, 'explore', join(sdir, 'formula.yaml'), '--steps', QUICK_STEPS, '--out', join(dir(), 'formula.html'));
    expect(r.code, r.stderr).toBe(0);
    const { page, errors } = await open('formula.html');
    const s = await settled(page);
    expectSameNumbers(s.shown!.out, await cliJson(s.command));
    expect(errors).toEqual([]);
  }, 300_000);

  it('a scenario with CSV data files (population by age) carries them in the page, and gives the command line\'s numbers', async () => {
    const { page, errors } = await open('stockholm-ageing.html');
    await setLever(page, 'intake', 150);
    const s = await settled(page);
    expect(s.shown!.out.regions[0].ageGroups, 'the age groups of the expected path').toBeDefined();
    expectSameNumbers(s.shown!.out, await cliJson(s.command));
    expect(errors).toEqual([]);
  }, 300_000);
});
