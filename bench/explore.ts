/**
 * The what-if page's speed in Chromium (issue 13), for `npm run bench` — or alone:
 * `node dist/bench/explore.js [scenario]`. Writes the page with `riktvarde explore`, opens it
 * offline in the packaged Chromium, then moves the ST intake a few times and reads what the page
 * recorded: per change, the time to the first updated fan chart (the quick answer), to the fan
 * chart from 1 000 runs, and the worker's time for those 1 000 runs. Half the changes wait for the
 * refinement to end; the other half come while it runs (as when dragging a slider), which the
 * page must cancel. Then, with the page idle, a second worker from the page's own worker script
 * runs 1 000-run updates alone (no chart drawn meanwhile), and on Linux each thread's CPU time
 * (/proc schedstat) is read for them and for Node's: Chromium's worker against Node at equal work,
 * however loaded the machine.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../cli/browser.js';
import { exploreCommand, RUN_STEPS } from '../cli/explore.js';
import { loadScenarioFile } from '../api/load.js';
import { mcSettings, monteCarloOutput } from '../api/core.js';

export interface ExploreBench {
  bytes: number;
  loadToFirstMs: number;
  loadToFirst1000Ms: number;
  /** Lever change → first updated fan chart (the quick answer), changes made with the worker idle. */
  firstChartMs: number[];
  /** The same, changes made while the worker was refining the previous one. */
  firstChartBusyMs: number[];
  /** Lever change → fan chart from 1 000 runs, and → all four charts from 1 000 runs. */
  chart1000Ms: number[];
  allCharts1000Ms: number[];
  /** The worker's time for a 1 000-run step: validation + Monte Carlo + summaries (not cached). */
  worker1000Ms: number[];
  /** The same 1 000 runs in Node, in-process and warm, just before the page opened (how loaded the machine is). */
  node1000Ms: number[];
  /** 1 000-run updates in a second worker of the page's script, the page idle: wall (ms) each. */
  bare1000Ms: number[];
  /** CPU time (ms) of one 1 000-run update: that worker's thread, and Node's main thread above (null: no /proc). */
  bareCpuMs: number | null;
  nodeCpuMs: number | null;
}

/** A thread's CPU time so far (ms), from Linux's /proc schedstat. */
const threadCpuMs = (pid: string, tid: string): number => Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
const hasSchedstat = () => existsSync(`/proc/${process.pid}/task/${process.pid}/schedstat`);

/** The parent of a process (0 when unknown). */
const parentOf = (pid: string): number => { try { const s = readFileSync(`/proc/${pid}/stat`, 'utf8'); return Number(s.slice(s.lastIndexOf(')') + 2).split(' ')[1]); } catch { return 0; } };

/** Whether `pid` descends from this process (the Chromium it started, not another one on the machine). */
function ours(pid: string): boolean {
  for (let p = Number(pid), i = 0; p > 1 && i < 10; p = parentOf(String(p)), i++) if (p === process.pid) return true;
  return false;
}

/** The renderer threads of the Chromium this process started that run a dedicated worker, as `pid/tid`. */
function workerThreads(): string[] {
  const out: string[] = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer') || !ours(pid)) continue;
      for (const tid of readdirSync(`/proc/${pid}/task`)) if (readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').startsWith('DedicatedWorker')) out.push(`${pid}/${tid}`);
    } catch { /* a process that ended meanwhile */ }
  }
  return out;
}

/** 1 000 runs of `scenario` in this process, `n` times after two warm-ups (ms each), and the main thread's CPU time per run. */
async function node1000(scenario: string, n = 5): Promise<{ ms: number[]; cpuMs: number | null }> {
  const sc = loadScenarioFile(scenario);
  const out: number[] = [];
  const me = String(process.pid);
  let cpu0 = 0;
  for (let i = 0; i < n + 2; i++) {
    if (i === 2 && hasSchedstat()) cpu0 = threadCpuMs(me, me);
    const t0 = performance.now();
    await monteCarloOutput(sc, mcSettings(sc, { runs: 1000, seed: 1 + i }), 'bench');
    if (i >= 2) out.push(performance.now() - t0);
  }
  return { ms: out, cpuMs: hasSchedstat() ? (threadCpuMs(me, me) - cpu0) / n : null };
}

type BareWin = Win & { riktvardeBare: { ask(i: number): Promise<number>; stop(): void } };

/**
 * A second worker from the page's worker script, asked for 1 000 runs `n` times (after two
 * warm-ups) while the page draws nothing; each request a different setting (the fan chart's
 * FTE), so none comes from its cache.
 */
async function bare1000(page: Page, n = 8): Promise<{ ms: number[]; cpuMs: number | null }> {
  const before = new Set(workerThreads());
  await page.evaluate(() => {
    const data = JSON.parse(document.getElementById('riktvarde-data')!.textContent!) as { text: string; file: string; files: Record<string, string>; model: { seed: number; version: string; baseSets: string[]; levers: { id: string; path: string; prefix: string }[] } };
    const m = data.model, fte = m.levers.find((l) => l.id === 'fte')!;
    const w = new Worker(URL.createObjectURL(new Blob([document.getElementById('riktvarde-worker')!.textContent!], { type: 'text/javascript' })));
    w.postMessage({ kind: 'init', text: data.text, file: data.file, files: data.files, seed: m.seed, version: m.version });
    const ask = (i: number) => new Promise<number>((resolve, reject) => {
      w.onmessage = (e: MessageEvent<{ error?: string; times?: { total: number } }>) => (e.data.error ? reject(new Error(e.data.error)) : resolve(e.data.times!.total));
      w.postMessage({ kind: 'run', gen: i + 1, set: [...m.baseSets, `${fte.prefix}${fte.path}=${(0.8 + i * 0.001).toFixed(3)}`], steps: [1000] });
    });
    (window as unknown as BareWin).riktvardeBare = { ask, stop: () => w.terminate() };
  });
  const ask = (i: number) => page.evaluate((k) => (window as unknown as BareWin).riktvardeBare.ask(k), i);
  await ask(0);
  await ask(1);
  const mine = hasSchedstat() ? workerThreads().filter((t) => !before.has(t)) : [];
  const [pid, tid] = mine.length === 1 ? mine[0].split('/') : ['', ''];
  const cpu0 = pid ? threadCpuMs(pid, tid) : 0;
  const ms: number[] = [];
  for (let i = 2; i < n + 2; i++) ms.push(await ask(i));
  const cpuMs = pid ? (threadCpuMs(pid, tid) - cpu0) / n : null;
  await page.evaluate(() => (window as unknown as BareWin).riktvardeBare.stop());
  return { ms, cpuMs };
}

interface Timing { gen: number; runs: number; receivedMs: number; firstChartMs: number; allChartsMs: number; worker: { parse: number; mc: number; total: number; cached: boolean } }
interface PageState { gen: number; shown: { gen: number; runs: number } | null; timings: Timing[] }
type Win = { riktvardeExplore: { state(): PageState; setLever(i: string, x: number): void } };

const QUICK = RUN_STEPS[0], LAST = RUN_STEPS[RUN_STEPS.length - 1];

export async function exploreBench(scenario: string, changes = 6): Promise<ExploreBench> {
  const dir = mkdtempSync(join(tmpdir(), 'riktvarde-explore-bench-'));
  const file = join(dir, 'page.html');
  const write = process.stdout.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try { await exploreCommand({ scenario, set: [], lang: 'sv', out: file, force: true }); } finally { process.stdout.write = write; }
  const node = await node1000(scenario);
  const browser = await launchBrowser();
  try {
    const page = await (await browser.newContext({ offline: true, viewport: { width: 1280, height: 800 } })).newPage();
    const state = () => page.evaluate(() => (window as unknown as Win).riktvardeExplore.state());
    /** Until the newest setting is shown with at least `runs` runs. */
    const shown = (runs: number) => page.waitForFunction((n) => {
      const s = (window as unknown as Win).riktvardeExplore.state();
      return s.shown !== null && s.shown.gen === s.gen && s.shown.runs >= n && document.body.dataset.shown === `${s.gen}:${s.shown.runs}`;
    }, runs, { timeout: 120_000, polling: 5 });
    const t0 = performance.now();
    await page.goto(pathToFileURL(file).href);
    await shown(QUICK);
    const loadToFirstMs = performance.now() - t0;
    await shown(1000);
    const loadToFirst1000Ms = performance.now() - t0;
    await shown(LAST);
    const busyGens = new Set<number>();
    for (let i = 0; i < 2 * changes; i++) {
      const busy = i % 2 === 1;
      if (busy) await page.waitForTimeout(150); // the 5 000-run refinement of the last change is running
      const g = await page.evaluate((v) => { const w = (window as unknown as Win).riktvardeExplore; w.setLever('intake', v); return w.state().gen; }, 30 + 3 * i);
      if (busy) busyGens.add(g);
      await shown(busy ? 1000 : LAST);
    }
    await shown(LAST);
    const bare = await bare1000(page);
    const t = (await state()).timings.filter((x) => x.gen > 1);
    if (process.env.RIKTVARDE_BENCH_DETAIL) console.error(JSON.stringify(t));
    const at = (runs: number, busy?: boolean) => t.filter((x) => x.runs === runs && (busy === undefined || busyGens.has(x.gen) === busy));
    return {
      bytes: statSync(file).size,
      loadToFirstMs, loadToFirst1000Ms,
      firstChartMs: at(QUICK, false).map((x) => x.firstChartMs),
      firstChartBusyMs: at(QUICK, true).map((x) => x.firstChartMs),
      chart1000Ms: at(1000).map((x) => x.firstChartMs),
      allCharts1000Ms: at(1000).map((x) => x.allChartsMs),
      worker1000Ms: at(1000).filter((x) => !x.worker.cached).map((x) => x.worker.total),
      node1000Ms: node.ms,
      bare1000Ms: bare.ms, bareCpuMs: bare.cpuMs, nodeCpuMs: node.cpuMs,
    };
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const ms = (xs: number[]) => `${median(xs).toFixed(0)} ms`;
const range = (xs: number[]) => `${xs.length}: ${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)} ms`;

/** The bench rows: [measure, result, target, met]. */
export function exploreRows(b: ExploreBench): [string, string, string, boolean | null][] {
  return [
    ['explore page size (stockholm)', `${(b.bytes / 1024 / 1024).toFixed(2)} MB`, '', null],
    ['explore: page opened → first chart (Chromium, offline)', `${(b.loadToFirstMs / 1000).toFixed(2)} s`, '', null],
    ['explore: page opened → first chart from 1 000 runs', `${(b.loadToFirst1000Ms / 1000).toFixed(2)} s`, '', null],
    [`explore: lever change → first updated chart (${QUICK} runs), median of ${range(b.firstChartMs)}`, ms(b.firstChartMs), '≤ 200 ms', median(b.firstChartMs) <= 200],
    [`explore: the same, lever moved while the page refines (${range(b.firstChartBusyMs)})`, ms(b.firstChartBusyMs), '≤ 200 ms', median(b.firstChartBusyMs) <= 200],
    [`explore: lever change → fan chart from 1 000 runs (${range(b.chart1000Ms)})`, ms(b.chart1000Ms), '', null],
    [`explore: lever change → all four charts from 1 000 runs (${range(b.allCharts1000Ms)})`, ms(b.allCharts1000Ms), '', null],
    [`explore: a 1 000-run update in the page's worker (${range(b.worker1000Ms)})`, ms(b.worker1000Ms), '≤ 100 ms (issue 15)', median(b.worker1000Ms) <= 100],
    [`explore: the same 1 000 runs in Node, in-process, just before (machine load; ${range(b.node1000Ms)})`, ms(b.node1000Ms), '', null],
    [`explore: 1 000-run updates in a second worker of the page's script, the page idle (${range(b.bare1000Ms)})`, ms(b.bare1000Ms), '', null],
    ['explore: CPU time of a 1 000-run update: the worker\'s thread ÷ Node\'s main thread (Linux schedstat)', b.bareCpuMs === null || b.nodeCpuMs === null ? 'n/a' : `${b.bareCpuMs.toFixed(0)} ÷ ${b.nodeCpuMs.toFixed(0)} ms = ${(b.bareCpuMs / b.nodeCpuMs).toFixed(2)}×`, '', null],
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const scenario = process.argv[2] ?? join(import.meta.dirname, '..', '..', 'scenarios', 'stockholm-handlingsplan.yaml');
  const b = await exploreBench(scenario);
  for (const r of exploreRows(b)) console.log(`${r[0]}  ${r[1]}  ${r[2]} ${r[3] === null ? '' : r[3] ? '✔' : '✘'}`);
  console.log(JSON.stringify(b));
}
