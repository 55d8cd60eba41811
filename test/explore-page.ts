/** The what-if page in Chromium for the explore tests: its recorded state, and waiting for a result. */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
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
 * For a test file: writes the pages of `scenarios` (shipped file → language) with `riktvarde
 * explore` into a sandbox before all tests, starts Chromium, and closes both after.
 */
export function explorePages(scenarios: Record<string, 'sv' | 'en'>): { dir: () => string; browser: () => Browser } {
  let dir = '';
  let browser: Browser | undefined;
  beforeAll(async () => {
    dir = sandbox({}, 'riktvarde-explore-');
    for (const [f, lang] of Object.entries(scenarios)) {
      const r = await cliInProcess(ROOT, 'explore', `scenarios/${f}`, '--lang', lang, '--out', join(dir, f.replace('.yaml', '.html')));
      if (r.code !== 0) throw new Error(`explore ${f} failed: ${r.stderr}`);
    }
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    removeSandboxes();
  });
  return { dir: () => dir, browser: () => browser! };
}
