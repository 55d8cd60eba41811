/** The what-if page in Chromium for the explore tests: its recorded state, and waiting for a result. */
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchBrowser } from '../cli/browser.js';
import { cliInProcess, removeSandboxes, ROOT, sandbox } from './helpers.js';

export interface PageState { gen: number; shown: { gen: number; runs: number; sets: string[] } | null; error: string | null }

/**
 * What the page exposes for tests (`window.riktvardeExplore.state()`). Copied out of the page as
 * one JSON string: Playwright's own copy of the state (the shown run's output and every chart's
 * data, ~120 kB) took ~0.4–0.7 s per call, most of the browser tests' time. A number JSON cannot
 * carry (NaN, ±Infinity, -0) arrives as its text, so it still differs from the CLI's JSON.
 */
export const pageState = async <S extends PageState>(p: Page): Promise<S> => JSON.parse(await p.evaluate(() => JSON.stringify(
  (window as unknown as { riktvardeExplore: { state(): unknown } }).riktvardeExplore.state(),
  (_k, v: unknown) => (typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0)) ? (Object.is(v, -0) ? '-0' : String(v)) : v),
))) as S;

/** The page's result for its newest setting, drawn, from at least `runs` runs (default: the first, quick one). */
export async function settled<S extends PageState>(p: Page, runs = 0): Promise<S> {
  await p.waitForFunction((n) => {
    const s = (window as unknown as { riktvardeExplore: { state(): PageState } }).riktvardeExplore.state();
    return s.error !== null || (s.shown !== null && s.shown.gen === s.gen && s.shown.runs >= n && document.body.dataset.shown === `${s.gen}:${s.shown.runs}`);
  }, runs, { timeout: 90_000 });
  const s = await pageState<S>(p);
  if (s.error) throw new Error(s.error);
  return s;
}

/** Moves a lever as the page's own input handlers do. */
export const setLever = (p: Page, id: string, v: number) => p.evaluate(([i, x]) => (window as unknown as { riktvardeExplore: { setLever(i: string, x: number): void } }).riktvardeExplore.setLever(i as string, x as number), [id, v] as const);

/**
 * Run counts per update for the test pages (`explore --steps`): the quick answer and the 1 000
 * runs some tests wait for (TEST_STEPS), or the quick answer only (QUICK_STEPS) for tests that
 * wait for nothing more, without the refinements that would keep a core busy after a test has
 * what it waits for. The page's default steps (cli/explore.ts RUN_STEPS) are tested by
 * explore-keyboard.test.ts's copy-button test, which waits for the last refinement of a default page.
 */
export const TEST_STEPS = '100,1000';
export const QUICK_STEPS = '100';

/**
 * For a test file: writes the pages of `scenarios` (shipped file → language) with `riktvarde
 * explore --steps <steps>` into a sandbox before all tests, starts Chromium, and closes both
 * after. `context()` opens an offline browser context that is closed after the test that opened
 * it, so no page keeps its worker computing into the next test.
 */
export function explorePages(scenarios: Record<string, 'sv' | 'en'>, steps = TEST_STEPS): { dir: () => string; browser: () => Browser; context: () => Promise<BrowserContext> } {
  let dir = '';
  let browser: Browser | undefined;
  const open: BrowserContext[] = [];
  beforeAll(async () => {
    dir = sandbox({}, 'riktvarde-explore-');
    for (const [f, lang] of Object.entries(scenarios)) {
      const r = await cliInProcess(ROOT, 'explore', `scenarios/${f}`, '--lang', lang, '--steps', steps, '--out', join(dir, f.replace('.yaml', '.html')));
      if (r.code !== 0) throw new Error(`explore ${f} failed: ${r.stderr}`);
    }
    browser = await launchBrowser();
  }, 120_000);
  afterEach(async () => {
    await Promise.all(open.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    await browser?.close();
    removeSandboxes();
  });
  const context = async () => {
    const c = await browser!.newContext({ offline: true, viewport: { width: 1280, height: 800 } });
    open.push(c);
    return c;
  };
  return { dir: () => dir, browser: () => browser!, context };
}
