/**
 * The what-if page's speed in Chromium (issue 13), for `npm run bench` — or alone:
 * `node dist/bench/explore.js [scenario]`. Writes the page with `riktvarde explore`, opens it
 * offline in the packaged Chromium, then changes the ST intake a few times and reads what the
 * page recorded: the time from each lever change to the first updated fan chart (1 000 runs),
 * and the worker's time for 1 000 runs (parse, Monte Carlo, summaries), warm.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser } from '../cli/browser.js';
import { exploreCommand } from '../cli/explore.js';

export interface ExploreBench { bytes: number; firstChartMs: number[]; runs1000Ms: number[]; loadToFirstMs: number }

interface PageState { gen: number; shown: { gen: number } | null; latencies: number[]; runTimes: { runs: number; ms: number }[] }

export async function exploreBench(scenario: string, changes = 6): Promise<ExploreBench> {
  const dir = mkdtempSync(join(tmpdir(), 'riktvarde-explore-bench-'));
  const file = join(dir, 'page.html');
  const write = process.stdout.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try { await exploreCommand({ scenario, set: [], lang: 'sv', out: file, force: true }); } finally { process.stdout.write = write; }
  const browser = await launchBrowser();
  try {
    const page = await (await browser.newContext({ offline: true, viewport: { width: 1280, height: 800 } })).newPage();
    const state = () => page.evaluate(() => (window as unknown as { riktvardeExplore: { state(): PageState } }).riktvardeExplore.state());
    const shownNewest = () => page.waitForFunction(() => {
      const s = (window as unknown as { riktvardeExplore: { state(): PageState } }).riktvardeExplore.state();
      return s.shown !== null && s.shown.gen === s.gen && document.body.dataset.shown?.startsWith(`${s.gen}:`);
    }, null, { timeout: 120_000 });
    const t0 = performance.now();
    await page.goto(pathToFileURL(file).href);
    await shownNewest();
    const loadToFirstMs = performance.now() - t0;
    // Wait for the refinement to finish, so each change starts with an idle worker.
    const idle = () => page.waitForFunction(() => document.body.dataset.shown?.endsWith(':5000'), null, { timeout: 120_000 });
    await idle();
    for (let i = 0; i < changes; i++) {
      await page.evaluate((v) => (window as unknown as { riktvardeExplore: { setLever(i: string, x: number): void } }).riktvardeExplore.setLever('intake', v), 30 + 7 * i);
      await shownNewest();
      await idle();
    }
    const s = await state();
    return {
      bytes: statSync(file).size,
      firstChartMs: s.latencies.slice(1),
      runs1000Ms: s.runTimes.filter((r) => r.runs === 1000).slice(1).map((r) => r.ms),
      loadToFirstMs,
    };
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** The bench rows: [measure, result, target, met]. */
export function exploreRows(b: ExploreBench): [string, string, string, boolean | null][] {
  const first = median(b.firstChartMs), best = Math.min(...b.firstChartMs);
  return [
    ['explore page size (stockholm)', `${(b.bytes / 1024 / 1024).toFixed(2)} MB`, '', null],
    ['explore: page opened → first chart (Chromium, offline)', `${(b.loadToFirstMs / 1000).toFixed(2)} s`, '', null],
    [`explore: lever change → first updated chart, median of ${b.firstChartMs.length} (best ${best.toFixed(0)} ms)`, `${first.toFixed(0)} ms`, '≤ 200 ms', first <= 200],
    ['explore: 1 000 runs in the page\'s worker, median (warm)', `${median(b.runs1000Ms).toFixed(0)} ms`, '', null],
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const scenario = process.argv[2] ?? join(import.meta.dirname, '..', '..', 'scenarios', 'stockholm-handlingsplan.yaml');
  const b = await exploreBench(scenario);
  for (const r of exploreRows(b)) console.log(`${r[0]}  ${r[1]}  ${r[2]} ${r[3] === null ? '' : r[3] ? '✔' : '✘'}`);
  console.log(JSON.stringify(b));
}
