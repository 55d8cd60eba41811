/**
 * One Monte Carlo in a fresh process, so wall time and peak memory are this run's alone.
 * Usage: node dist/bench/mc-once.js <scenario> <runs> <workers> [noise=1]
 * Prints one JSON line: { ms, maxRssMB, hash }.
 */
import { createHash } from 'node:crypto';
import { loadScenarioFile } from '../cli/scenario.js';
import { runMonteCarlo } from '../cli/pool.js';

const [file, runsS, workersS, noiseS] = process.argv.slice(2);
const sc = loadScenarioFile(file);
const t0 = performance.now();
const mc = await runMonteCarlo(sc.input, { runs: Number(runsS), seed: 7, eventNoise: noiseS !== '0' }, { workers: Number(workersS) });
const ms = performance.now() - t0;
const h = createHash('sha256');
for (const u of [...mc.regions, ...(mc.total ? [mc.total] : [])]) h.update(new Uint8Array(u.stats.buffer));
process.stdout.write(JSON.stringify({ ms: Math.round(ms), maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024), hash: h.digest('hex').slice(0, 16) }) + '\n');
