/** The what-if page in Chromium for the explore tests: its recorded state, and waiting for a result. */
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchBrowser } from '../cli/browser.js';
import { cliInProcess, removeSandboxes, ROOT, sandbox } from './helpers.js';

export interface PageState { gen: number; shown: { gen: number; runs: number; sets: string[] } | null; error: string | null }

/** What the page exposes for tests (`window.riktvardeExplore.state()`). */
export const pageState = <S extends PageState>(p: Page): Promise<S> => p.evaluate(() => (window as unknown as { riktvardeExplore: { state(): S } }).riktvardeExplore.state());

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
 * runs the tests wait for, without the 5 000-run refinement that would keep a core busy after a
 * test has what it waits for. The page's default steps (cli/explore.ts RUN_STEPS) are tested by
 * explore-keyboard.test.ts's copy-button test, which waits for the last refinement of a default page.
 */
export const TEST_STEPS = '100,1000';

/**
 * For a test file: writes the pages of `scenarios` (shipped file → language) with `riktvarde
 * explore --steps TEST_STEPS` into a sandbox before all tests, starts Chromium, and closes both
 * after. `context()` opens an offline browser context that is closed after the test that opened
 * it, so no page keeps its worker computing into the next test.
 */
export function explorePages(scenarios: Record<string, 'sv' | 'en'>): { dir: () => string; browser: () => Browser; context: () => Promise<BrowserContext> } {
  let dir = '';
  let browser: Browser | undefined;
  const open: BrowserContext[] = [];
  beforeAll(async () => {
    dir = sandbox({}, 'riktvarde-explore-');
    for (const [f, lang] of Object.entries(scenarios)) {
      const r = await cliInProcess(ROOT, 'explore', `scenarios/${f}`, '--lang', lang, '--steps', TEST_STEPS, '--out', join(dir, f.replace('.yaml', '.html')));
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
