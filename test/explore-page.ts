/** The what-if page in Chromium for the explore tests: its recorded state, and waiting for a result. */
import type { Page } from 'playwright-core';

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
