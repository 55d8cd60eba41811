/**
 * The idle worker threads of the Monte Carlo (threads/pool.ts takes them), and starting them
 * early. Kept apart from the pool so that the built CLI's front (dist/cli/front.cjs) can start
 * them as soon as the command line is parsed, before the command code (handlers.cjs) loads: a
 * worker takes ~0.1–0.2 s to boot, about as long as that load. The two bundles each have a copy of
 * this module, so the idle set lives on `globalThis` under a registered symbol: both copies
 * share it.
 */
import { availableParallelism, cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

export const defaultWorkers = (): number => Math.max(1, cpus().length);

/** At most this many threads: twice the cores, and never fewer than 8 (results are the same for any number). */
export const maxWorkers = (): number => Math.max(8, 2 * availableParallelism());

/**
 * Idle worker threads, kept between Monte Carlos of one process (solve and compare run many) so
 * that each starts loaded and with its code already optimized. Idle workers are unref'd: they
 * never keep the process alive.
 */
export const idle: Worker[] = ((globalThis as Record<symbol, unknown>)[Symbol.for('riktvarde.idleWorkers')] ??= []) as Worker[];

/** Set by cli/bundle.mjs in the built CLI. */
declare const RIKTVARDE_BUNDLE: boolean | undefined;

function workerUrl(): URL {
  // The built CLI's worker is CommonJS (cli/bundle.mjs: it boots without Node's ES module loader).
  if (typeof RIKTVARDE_BUNDLE !== 'undefined' && RIKTVARDE_BUNDLE) return new URL('./worker.cjs', import.meta.url);
  // Under tsx (tests) the worker is TypeScript and needs a bootstrap that registers tsx.
  return fileURLToPath(import.meta.url).endsWith('.ts') ? new URL('./worker-dev.mjs', import.meta.url) : new URL('./worker.js', import.meta.url);
}

/** A new worker thread, unref'd. */
export function spawnWorker(): Worker {
  const w = new Worker(workerUrl());
  w.on('exit', () => { const i = idle.indexOf(w); if (i >= 0) idle.splice(i, 1); });
  w.on('error', () => {}); // reported to the phase that uses it (threads/pool.ts); an idle one just exits
  w.unref();
  return w;
}

/**
 * Starts the worker threads a Monte Carlo on `threads` threads will use (threads − 1; the main
 * thread is the other), so that they load while the command starts and the scenario is read.
 * Optional: a Monte Carlo starts any that are missing.
 */
export function prestartWorkers(threads: number): void {
  if (!Number.isInteger(threads)) return;
  while (idle.length < threads - 1) idle.push(spawnWorker());
}
