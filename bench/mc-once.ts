/**
 * Monte Carlos in a fresh process, so wall time and peak memory are this process's alone.
 * Usage: node dist/bench/mc-once.js <scenario> <runs> <threads> [noise=1] [repeat=1] [set…]
 * (each `set` as riktvarde's --set, e.g. st.trainingCapacity=null).
 * Worker threads start before the scenario is read, as the CLI does. With repeat > 1 the same
 * Monte Carlo runs that many times in the process and the last one is reported: threads that
 * are already loaded and optimized, as in solve, compare, sensitivity and report.
 * Prints one JSON line: { ms, maxRssMB, hash }.
 */
import { createHash } from 'node:crypto';
import { loadScenarioFile } from '../api/load.js';
import { prestartWorkers, runMonteCarlo } from '../threads/pool.js';

const [file, runsS, threadsS, noiseS, repeatS, ...sets] = process.argv.slice(2);
prestartWorkers(Number(threadsS));
const sc = loadScenarioFile(file, sets);
let ms = 0;
let mc = null as Awaited<ReturnType<typeof runMonteCarlo>> | null;
for (let i = 0; i < Number(repeatS ?? 1); i++) {
  const t0 = performance.now();
  mc = await runMonteCarlo(sc.input, { runs: Number(runsS), seed: 7, eventNoise: noiseS !== '0' }, { workers: Number(threadsS) });
  ms = performance.now() - t0;
}
const h = createHash('sha256');
for (const u of [...mc!.regions, ...(mc!.total ? [mc!.total] : [])]) h.update(new Uint8Array(u.stats.buffer));
process.stdout.write(JSON.stringify({ ms: Math.round(ms), maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024), hash: h.digest('hex').slice(0, 16) }) + '\n');
