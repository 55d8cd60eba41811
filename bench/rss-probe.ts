/**
 * Preloaded by the bench (`node --import …/rss-probe.js dist/cli/main.cjs …`): when the process
 * exits, writes its peak resident memory (whole process, worker threads included) in MB to the
 * file named by RIKTVARDE_BENCH_RSS. Node has no rusage of child processes, so the child reports
 * its own.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.RIKTVARDE_BENCH_RSS;
if (file) process.on('exit', () => writeFileSync(file, String(Math.round(process.resourceUsage().maxRSS / 1024))));
