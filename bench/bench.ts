/**
 * `npm run bench` (`npm run bench -- --quick` for one repetition and no thread-scaling rows;
 * `-- --only start-up,commands` for some sections: references, start-up, commands, what-if, memory,
 * engine): speed and memory against the targets in the issues, measured on the built code. Each
 * target is a row with its result, the target, the result as a share of the target ("of target":
 * 1.00 or less meets it; for a "≥" target the target ÷ the result) and ✔/✘. Timings on a
 * shared machine are noisy, so each figure is the best of a few repetitions; the load average is
 * printed with the results. Targets are reported here, never asserted in tests.
 *
 * Issue 15's yardsticks are measured in the same run as riktvarde, so their ratios hold on any
 * machine: a C reference of the same Monte Carlo (bench/ref.c, built with `cc -O2` when `cc`
 * exists) and a plain vectorised NumPy script of it (bench/ref_numpy.py, when python3 with numpy
 * and scipy exists). Both read their parameters from the normalized scenario (bench/ref-input.ts),
 * and their medians are checked against riktvarde's.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { loadScenarioFile } from '../api/load.js';
import { expectedRun } from '../model/params.js';
import { project } from '../model/project.js';
import { REF_SETS, refInput } from './ref-input.js';
import { exploreBench, exploreRows } from './explore.js';

const quick = process.argv.includes('--quick');
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? (process.argv[onlyAt + 1] ?? '').split(',') : null;
/** Whether the section named `name` runs (all of them without --only). */
const want = (name: string) => only === null || only.includes(name);
const REPS = quick ? 1 : 3;
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const scen = (f: string) => join(root, 'scenarios', f);
const bin = join(root, 'dist', 'cli', 'main.cjs'); // the `bin` (package.json)
const probe = join(root, 'dist', 'bench', 'rss-probe.js');
const tmp = mkdtempSync(join(tmpdir(), 'riktvarde-bench-'));
const STOCKHOLM = scen('stockholm-handlingsplan.yaml');
const SEED = 7;

type Row = [string, string, string, string, string];
const rows: Row[] = [];
const mark = (v: boolean | null) => (v === null ? '' : v ? '✔' : '✘');
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const section = (title: string) => rows.push([`— ${title}`, '', '', '', '']);
/** A row; `of`: the result as a share of the target (≤ 1 meets it). */
const row = (measure: string, result: string, target = '', met: boolean | null = null, of?: number) =>
  rows.push([measure, result, target, of === undefined || !Number.isFinite(of) ? '' : `${of.toFixed(2)}`, mark(met)]);
const load1 = () => loadavg()[0].toFixed(1);
const loadAtStart = load1();

interface ProcResult { ms: number; code: number | null; stdout: string; stderr: string; rssMB: number | null; failed: string | null }

/**
 * Runs a process to its end; wall time from spawn to exit. With `rssLimitMB` its resident memory
 * is watched (Linux /proc) and the process is stopped past the limit, so a run that would exhaust
 * the machine fails cleanly instead. With `probeRss` a riktvarde child reports its own peak RSS.
 */
function proc(cmd: string, args: string[], o: { rssLimitMB?: number; timeoutMs?: number; probeRss?: boolean; keepStdout?: boolean } = {}): Promise<ProcResult> {
  const rssFile = o.probeRss ? join(tmp, `rss-${Math.random().toString(36).slice(2)}`) : null;
  const env = rssFile ? { ...process.env, RIKTVARDE_BENCH_RSS: rssFile } : process.env;
  const t0 = performance.now();
  const child = spawn(cmd, args, { env, stdio: ['ignore', o.keepStdout ? 'pipe' : 'ignore', 'pipe'] });
  const out: Buffer[] = [], err: Buffer[] = [];
  child.stdout?.on('data', (b: Buffer) => out.push(b));
  child.stderr?.on('data', (b: Buffer) => { if (err.length < 64) err.push(b); });
  let failed: string | null = null, watchedPeak = 0;
  const watch = o.rssLimitMB ? setInterval(() => {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      const mb = m ? Number(m[1]) / 1024 : 0;
      watchedPeak = Math.max(watchedPeak, mb);
      if (mb > o.rssLimitMB!) { failed = `stopped at ${Math.round(mb)} MB resident (limit ${o.rssLimitMB} MB) after ${sec(performance.now() - t0)}`; child.kill('SIGKILL'); }
    } catch { /* exited, or no /proc */ }
  }, 50) : null;
  const timer = o.timeoutMs ? setTimeout(() => { failed = `stopped after ${sec(o.timeoutMs!)} (time limit)${watchedPeak > 0 ? `, ${Math.round(watchedPeak)} MB resident by then` : ''}`; child.kill('SIGKILL'); }, o.timeoutMs) : null;
  return new Promise((resolve) => {
    child.on('error', (e) => { failed = e.message; });
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      if (watch) clearInterval(watch);
      if (timer) clearTimeout(timer);
      let rssMB: number | null = watchedPeak > 0 ? Math.round(watchedPeak) : null;
      if (rssFile && existsSync(rssFile)) rssMB = Number(readFileSync(rssFile, 'utf8'));
      const stderr = Buffer.concat(err).toString('utf8');
      // The message, not the last line of a stack trace.
      const why = stderr.split('\n').find((l) => l.trim() !== '' && !/^\s+at /.test(l)) ?? '';
      if (!failed && code !== 0) failed = `exit code ${code}: ${why.trim()}`.slice(0, 160);
      resolve({ ms, code, stdout: Buffer.concat(out).toString('utf8'), stderr, rssMB, failed });
    });
  });
}

const cli = (args: string[], o: Parameters<typeof proc>[2] = {}) =>
  proc(process.execPath, o.probeRss ? ['--import', probe, bin, ...args] : [bin, ...args], o);

/** Best (smallest wall time) of `n` runs; the first failure is returned as it is. */
async function best(n: number, f: () => Promise<ProcResult>): Promise<ProcResult> {
  let b: ProcResult | null = null;
  for (let i = 0; i < n; i++) {
    const r = await f();
    if (r.failed) return r;
    if (!b || r.ms < b.ms) b = r;
  }
  return b!;
}

/** A row for a command with a wall-time target; a failure is printed as such, not thrown. */
async function timedRow(measure: string, targetMs: number, reps: number, f: () => Promise<ProcResult>): Promise<ProcResult> {
  const r = await best(reps, f);
  if (r.failed) row(measure, `failed: ${r.failed}`, `≤ ${sec(targetMs)}`, false);
  else row(measure, sec(r.ms), `≤ ${sec(targetMs)}`, r.ms <= targetMs, r.ms / targetMs);
  return r;
}

function mcOnce(file: string, runs: number, workers: number, repeat = 1, sets: readonly string[] = []): { ms: number; maxRssMB: number; hash: string } {
  const out = execFileSync(process.execPath, [join(root, 'dist', 'bench', 'mc-once.js'), file, String(runs), String(workers), '1', String(repeat), ...sets], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!);
}
function bestMc(file: string, runs: number, workers: number, reps: number, repeat = 1, sets: readonly string[] = []) {
  let b: ReturnType<typeof mcOnce> | null = null;
  for (let i = 0; i < reps; i++) {
    const r = mcOnce(file, runs, workers, repeat, sets);
    if (!b || r.ms < b.ms) b = r;
  }
  return b!;
}

// ---- reference programs' output -----------------------------------------------------------

interface RefOut { timeMs: number; stats: Map<string, number[]> }
function parseRef(stdout: string): RefOut {
  const stats = new Map<string, number[]>();
  let timeMs = NaN;
  for (const l of stdout.split('\n')) {
    const p = l.split(' ');
    if (p[0] === 'time_ms') timeMs = Number(p[1]);
    else if (p[0] === 'stat') stats.set(`${p[1]}@${p[2]}`, p.slice(3).map(Number));
  }
  return { timeMs, stats };
}

/**
 * Statistical agreement of a reference with riktvarde: the largest difference of medians over a
 * few series and years, as a share of riktvarde's 90 % band (p95 − p5) of that series and year.
 * Independent Monte Carlos of 10 000 runs differ by about 0.5 % of the band from sampling alone;
 * medians of counts move in whole people, which is a few per cent of a narrow band.
 */
const CHECKED = ['specialists', 'listableSt', 'retirements', 'otherExits', 'stCompletions', 'inhabitantsPerDoctor', 'coverage', 'cumulativeCost'];
function agreement(ref: RefOut, rk: { years: { quantiles: Record<string, { p5: number; p50: number; p95: number }> }[] }): { worst: number; where: string } {
  let worst = 0, where = '';
  const Y = rk.years.length;
  for (const f of CHECKED) for (const t of [Math.floor(Y / 2), Y - 1]) {
    const q = rk.years[t].quantiles[f], s = ref.stats.get(`${f}@${t}`);
    if (!q || !s) return { worst: Infinity, where: `${f} missing` };
    const band = q.p95 - q.p5;
    const d = band > 0 ? Math.abs(s[4] - q.p50) / band : s[4] === q.p50 ? 0 : Infinity;
    if (d >= worst) { worst = d; where = `${f}, year ${t}: ${fmt(s[4])} vs ${fmt(q.p50)}`; }
  }
  return { worst, where };
}
const fmt = (x: number) => (Math.abs(x) >= 1e6 ? x.toExponential(4) : Number(x.toPrecision(6)).toString());

const CFLAGS = ['-O2'];
let cBuilt: string | null | undefined;
/** bench/ref.c built once (null, with a row saying why, when there is no `cc` or it fails). */
function cReference(): string | null {
  if (cBuilt !== undefined) return cBuilt;
  cBuilt = null;
  if (spawnSync('cc', ['--version'], { stdio: 'ignore' }).status !== 0) row('C reference (bench/ref.c)', 'skipped: no cc');
  else {
    const exe = join(tmp, 'ref');
    const built = spawnSync('cc', [...CFLAGS, '-o', exe, join(root, 'bench', 'ref.c'), '-lm'], { encoding: 'utf8' });
    if (built.status !== 0) row('C reference (bench/ref.c)', `failed: cc ${CFLAGS.join(' ')}: ${built.stderr.trim().split('\n')[0]}`, '', false);
    else cBuilt = exe;
  }
  return cBuilt;
}

// ==== 1. Issue 15: riktvarde against the C and NumPy references ================================
let rkMc: ReturnType<typeof bestMc> | null = null;
if (want('references')) {
  section('Stockholm 10 000 runs against a C reference and a NumPy script (issue 15)');
  const refIn = join(tmp, 'stockholm.ref.txt');
  writeFileSync(refIn, refInput(loadScenarioFile(STOCKHOLM, REF_SETS).input, `scenarios/stockholm-handlingsplan.yaml --set ${REF_SETS.join(' --set ')}`));

  rkMc = bestMc(STOCKHOLM, 10000, 1, REPS, 1, REF_SETS);
  row('riktvarde Monte Carlo in-process, 1 thread (draws, simulation, summaries)', sec(rkMc.ms));

  // The same work as the C program and the NumPy script: the Monte Carlo and its summaries, not
  // the searches of "what it would take" that `run` adds beside a "not reached" verdict (--no-take).
  const whole = await timedRow('whole CLI: riktvarde run stockholm --runs 10000 --format json --no-take (default threads)', 800, REPS,
    () => cli(['run', STOCKHOLM, '--runs', '10000', '--seed', String(SEED), '--format', 'json', '--no-take', ...REF_SETS.flatMap((x) => ['--set', x])], { keepStdout: true }));
  const withTake = await best(REPS, () => cli(['run', STOCKHOLM, '--runs', '10000', '--seed', String(SEED), '--format', 'json', ...REF_SETS.flatMap((x) => ['--set', x])]));
  row('  the same with "what it would take" (the default; its searches run without the training capacity here)', withTake.failed ? `failed: ${withTake.failed}` : sec(withTake.ms));
  const rkRegion = whole.failed ? null : JSON.parse(whole.stdout).regions[0];

  const exe = cReference();
  if (exe !== null) {
    let c: RefOut | null = null, wall = Infinity;
    for (let i = 0; i < REPS; i++) {
      const r = await proc(exe, [refIn, '10000', String(SEED)], { keepStdout: true });
      if (r.failed) { row('C reference (bench/ref.c)', `failed: ${r.failed}`, '', false); c = null; break; }
      const p = parseRef(r.stdout);
      if (!c || p.timeMs < c.timeMs) c = p;
      wall = Math.min(wall, r.ms);
    }
    if (c) {
      row(`C reference, same work (cc ${CFLAGS.join(' ')}; in-program time, whole process ${sec(wall)})`, sec(c.timeMs));
      const ratio = rkMc.ms / c.timeMs;
      row('riktvarde in-process 1 thread ÷ C reference', `${ratio.toFixed(2)}×`, '≤ 1.2×', ratio <= 1.2, ratio / 1.2);
      // The same Monte Carlo once V8 has optimized it (the third in one process, as solve,
      // compare and sensitivity run theirs): the loop's own cost, without the JIT's warm-up.
      const warm = bestMc(STOCKHOLM, 10000, 1, 2, 3, REF_SETS);
      row(`  the same, warm (3rd in one process): ${sec(warm.ms)} ÷ C`, `${(warm.ms / c.timeMs).toFixed(2)}×`);
      if (rkRegion) {
        const a = agreement(c, rkRegion);
        row(`C medians vs riktvarde's (worst: ${a.where})`, `${(a.worst * 100).toFixed(1)} % of band`, '< 10 % of p5–p95', a.worst < 0.1, a.worst / 0.1);
      }
    }
  }

  const hasNumpy = spawnSync('python3', ['-c', 'import numpy, scipy.special'], { stdio: 'ignore' }).status === 0;
  if (!hasNumpy) row('NumPy script (bench/ref_numpy.py)', 'skipped: no python3 with numpy and scipy');
  else {
    const np = await best(REPS, () => proc('python3', [join(root, 'bench', 'ref_numpy.py'), refIn, '10000', String(SEED)], { keepStdout: true }));
    if (np.failed) row('NumPy script (bench/ref_numpy.py)', `failed: ${np.failed}`, '', false);
    else {
      row('NumPy script, same model, whole process', sec(np.ms));
      if (!whole.failed) {
        const ratio = np.ms / whole.ms;
        row('NumPy script ÷ riktvarde whole CLI (how much faster riktvarde is)', `${ratio.toFixed(2)}×`, '≥ 2×', ratio >= 2, 2 / ratio);
      }
      if (rkRegion) {
        const a = agreement(parseRef(np.stdout), rkRegion);
        row(`NumPy medians vs riktvarde's (worst: ${a.where})`, `${(a.worst * 100).toFixed(1)} % of band`, '< 10 % of p5–p95', a.worst < 0.1, a.worst / 0.1);
      }
    }
  }
}

// ==== 2. Start-up ===============================================================================
if (want('start-up')) {
  section('start-up (whole processes)');
  const n = quick ? 2 : 5;
  const bare = await best(n, () => proc(process.execPath, ['-e', '0']));
  row('bare node -e 0 (floor)', sec(bare.ms));
  const run = await timedRow('riktvarde run stockholm (deterministic, table)', 150, n, () => cli(['run', STOCKHOLM]));
  if (!run.failed) row('  of which above the bare node', sec(run.ms - bare.ms));
  const help = await timedRow('riktvarde --help', 120, n, () => cli(['--help']));
  // The targets were set where a bare node takes ~0.07 s. On a busy machine every process is
  // slower; these ratios to the bare node of the same moment say what the targets would be then.
  // Shown for reading, not marked: the targets themselves are the rows above.
  if (!run.failed) row('  run ÷ bare node, same moment (the target is ~2.1× a 0.07 s node)', `${(run.ms / bare.ms).toFixed(2)}×`);
  if (!help.failed) row('  --help ÷ bare node, same moment (the target is ~1.7× a 0.07 s node)', `${(help.ms / bare.ms).toFixed(2)}×`);
  const v = await best(n, () => cli(['validate', STOCKHOLM]));
  row('riktvarde validate stockholm (read, check, normalize; no projection)', v.failed ? `failed: ${v.failed}` : sec(v.ms));
}

// ==== 3. Commands ===============================================================================
if (want('commands')) {
  section('commands (whole processes, default threads)');
  const n = quick ? 1 : 2;
  await timedRow('21 counties: run riket-2019 --runs 10000 --format json', 3000, n, () => cli(['run', scen('riket-2019.yaml'), '--runs', '10000', '--format', 'json']));
  await timedRow('solve stockholm --target-year 2034 --probability 0.8', 1000, n, () => cli(['solve', STOCKHOLM, '--target-year', '2034', '--probability', '0.8']));
  // Issue 10, part 2: "what it would take" beside the verdict costs at most as much again as the plain run.
  {
    const plain = await best(n, () => cli(['run', STOCKHOLM, '--runs', '5000', '--no-take', '--set', 'st.trainingCapacity=null']));
    const take = await best(n, () => cli(['run', STOCKHOLM, '--runs', '5000', '--set', 'st.trainingCapacity=null']));
    if (plain.failed || take.failed) row('run stockholm --runs 5000: with "what it would take" ÷ without', `failed: ${plain.failed ?? take.failed}`, '≤ 2×', false);
    else row(`run stockholm --runs 5000: with "what it would take" (${sec(take.ms)}) ÷ without (${sec(plain.ms)})`, `${(take.ms / plain.ms).toFixed(2)}×`, '≤ 2×', take.ms <= 2 * plain.ms, take.ms / plain.ms / 2);
  }
  await timedRow('solve stockholm --budget 300', 1000, n, () => cli(['solve', STOCKHOLM, '--budget', '300']));
  await timedRow('sensitivity stockholm --runs 2000', 1500, n, () => cli(['sensitivity', STOCKHOLM, '--runs', '2000']));
  await timedRow('compare stockholm handlingsplan vs dlf --runs 5000', 1500, n, () => cli(['compare', STOCKHOLM, scen('stockholm-dlf.yaml'), '--runs', '5000']));
  await timedRow('report stockholm --runs 2000', 1500, n, () => cli(['report', STOCKHOLM, '--runs', '2000', '--out', join(tmp, 'report.html'), '--force']));
  await timedRow('chart stockholm --format png (scenario runs: 2000)', 1500, n, () => cli(['chart', STOCKHOLM, '--format', 'png', '--out', join(tmp, 'charts'), '--force']));
}

// ==== 3b. The what-if page (issue 13) ==========================================================
if (want('what-if')) {
  section('what-if page (riktvarde explore) in Chromium');
  try {
  for (const r of exploreRows(await exploreBench(STOCKHOLM))) row(...r);
} catch (e) {
  row('explore page in Chromium', `failed: ${(e as Error).message.split('\n')[0]}`, '', false);
  }
}

// ==== 4. Memory =================================================================================
if (want('memory')) {
  section('memory (peak resident memory of the whole process)');
  const r = await cli(['run', STOCKHOLM, '--runs', '100000', '--format', 'json'], { probeRss: true, rssLimitMB: 4096 });
  if (r.failed) row('run stockholm --runs 100000', `failed: ${r.failed}`, '≤ 300 MB', false);
  else row(`run stockholm --runs 100000 (${sec(r.ms)})`, `${r.rssMB} MB`, '≤ 300 MB', r.rssMB !== null && r.rssMB <= 300, (r.rssMB ?? NaN) / 300);
  if (quick) row('run stockholm --runs 1000000', 'skipped (--quick)');
  else {
    const m = await cli(['run', STOCKHOLM, '--runs', '1000000', '--format', 'json'], { probeRss: true, rssLimitMB: 2048, timeoutMs: 300_000 });
    if (m.failed) row('run stockholm --runs 1000000', `failed: ${m.failed}`, 'works, ≤ 2 GB', false);
    else row(`run stockholm --runs 1000000 (${sec(m.ms)})`, `${m.rssMB} MB`, 'works, ≤ 2 GB', m.rssMB !== null && m.rssMB <= 2048, (m.rssMB ?? NaN) / 2048);
  }
}

// ==== 5. Engine and threads (earlier issues) ===================================================
if (want('engine')) {
  section('engine and threads');
  {
    const sc = loadScenarioFile(STOCKHOLM);
    for (let i = 0; i < 50; i++) project(expectedRun(sc.input), sc.input.total); // warm up
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t = performance.now();
      project(expectedRun(sc.input), sc.input.total);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    row('deterministic Stockholm run (in-process, median of 200)', `${times[100].toFixed(3)} ms`, '< 5 ms', times[100] < 5, times[100] / 5);
  }
  const W = Math.min(2, cpus().length);
  const threads = (n: number) => (n === 1 ? '--workers 1' : `--workers ${n}`);
  if (quick) row('thread scaling and the machine ceiling', 'skipped (--quick)');
  else {
    // The same input as the 1-thread row of the references section (REF_SETS), so the bytes compare.
    const mc1 = rkMc ?? bestMc(STOCKHOLM, 10000, 1, REPS, 1, REF_SETS);
    const s2 = bestMc(STOCKHOLM, 10000, W, REPS, 1, REF_SETS);
    row(`Stockholm MC in-process, 10 000 runs, ${threads(W)}`, sec(s2.ms));
    row(`Stockholm speed-up ${W} threads vs 1`, `${(mc1.ms / s2.ms).toFixed(2)}×`, '≥ 1.7×', mc1.ms / s2.ms >= 1.7, 1.7 / (mc1.ms / s2.ms));
    row('Stockholm: same bytes with 1 and 2 threads', mc1.hash === s2.hash ? 'identical' : 'DIFFERENT', 'identical', mc1.hash === s2.hash);
    // Threads already loaded and optimized: the third Monte Carlo in one process (solve, compare,
    // sensitivity and report run several).
    const w1 = bestMc(STOCKHOLM, 10000, 1, 2, 3);
    const w2 = bestMc(STOCKHOLM, 10000, W, 2, 3);
    row(`Stockholm MC, warm (3rd in one process), ${threads(W)}`, sec(w2.ms));
    row(`Stockholm MC, warm (3rd in one process), ${threads(1)}`, sec(w1.ms));
    row(`Stockholm speed-up ${W} threads vs 1, warm`, `${(w1.ms / w2.ms).toFixed(2)}×`, '≥ 1.7×', w1.ms / w2.ms >= 1.7, 1.7 / (w1.ms / w2.ms));
    const r2 = mcOnce(scen('riket-2019.yaml'), 10000, W);
    const r1 = mcOnce(scen('riket-2019.yaml'), 10000, 1);
    row(`21 counties MC in-process, 10 000 runs, ${threads(W)}`, sec(r2.ms));
    row('21 counties MC in-process, peak memory', `${r2.maxRssMB} MB`, '≤ 400 MB', r2.maxRssMB <= 400, r2.maxRssMB / 400);
    row(`21 counties speed-up ${W} threads vs 1`, `${(r1.ms / r2.ms).toFixed(2)}×`, '≥ 1.7×', r1.ms / r2.ms >= 1.7, 1.7 / (r1.ms / r2.ms));
    row('21 counties: same bytes with 1 and 2 threads', r1.hash === r2.hash ? 'identical' : 'DIFFERENT', 'identical', r1.hash === r2.hash);
    // The C reference on the same 21 counties, each its own input (bench/ref-input.ts implements one
    // region, and no training capacity: riket's cap never binds at its intake), W processes at a
    // time — what the ≤ 3 s target asks of riktvarde, asked of the C program.
    const exe = cReference();
    if (exe !== null) {
      const riket = loadScenarioFile(scen('riket-2019.yaml')).input;
      const files = riket.regions.map((r, i) => {
        const f = join(tmp, `riket-${i}.ref.txt`);
        writeFileSync(f, refInput({ ...riket, regions: [{ ...r, st: { ...r.st, capacity: null } }] }, `scenarios/riket-2019.yaml, region ${r.name}`));
        return f;
      });
      let cWall = Infinity;
      for (let rep = 0; rep < 2; rep++) {
        const t = performance.now();
        let next = 0, failed: string | null = null;
        await Promise.all(Array.from({ length: W }, async () => {
          while (next < files.length && failed === null) {
            const r = await proc(exe, [files[next++], '10000', String(SEED)]);
            if (r.failed) failed = r.failed;
          }
        }));
        if (failed !== null) { row('C reference, 21 counties', `failed: ${failed}`, '', false); cWall = NaN; break; }
        cWall = Math.min(cWall, performance.now() - t);
      }
      if (Number.isFinite(cWall)) {
        row(`C reference, 21 counties × 10 000 runs, ${W} processes at a time (whole processes)`, sec(cWall));
        row('  21 counties riktvarde (in-process, above) ÷ C', `${(r2.ms / cWall).toFixed(2)}×`);
        row('  the ≤ 3 s target ÷ C\'s own time (below 1: faster than the C program)', `${(3000 / cWall).toFixed(2)}×`);
      }
    }
    // This machine's own ceiling for this workload: two processes with half the runs each against
    // one process with all of them — no shared memory, no messages. Well below 2×, and the two
    // cores do not run this code twice as fast, whatever the program does.
    const once = (runs: number) => [join(root, 'dist', 'bench', 'mc-once.js'), STOCKHOLM, String(runs), '1', '1'];
    const together = async (n: number, args: string[]) => {
      const t = performance.now();
      await Promise.all(Array.from({ length: n }, () => proc(process.execPath, args)));
      return performance.now() - t;
    };
    let ceiling = 0;
    for (let i = 0; i < 2; i++) ceiling = Math.max(ceiling, (await together(1, once(20000))) / (await together(2, once(10000))));
    row('machine ceiling: 2 processes × 10 000 runs vs 1 process × 20 000', `${ceiling.toFixed(2)}×`);
  }
}

rmSync(tmp, { recursive: true, force: true });
const HEAD = ['measure', 'result', 'target', 'of target', ''];
const w = HEAD.map((h, i) => Math.max(...rows.map((r) => (r[0].startsWith('—') && i === 0 ? 0 : r[i].length)), h.length));
const line = (r: string[]) => (r[0].startsWith('—') ? r[0] : r.map((c, i) => (i === 1 || i === 3 ? c.padStart(w[i]) : c.padEnd(w[i]))).join('  ').trimEnd());
console.log(`riktvarde benchmark — ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}${quick ? ', --quick (one repetition)' : `, best of ${REPS}`}`);
console.log(`load average (1 min) at start ${loadAtStart}, at end ${load1()}: on a busy machine every time here is inflated, the ratios less so`);
console.log(line(HEAD));
for (const r of rows) console.log(line(r));
