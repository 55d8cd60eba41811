/**
 * Bad input and faults (issue 14, part 8): each defect found by the fault harness, reproduced and
 * answered with a clean message, a documented exit code, no stack trace and nothing written.
 * In-process (`cliInProcess`, one thread) unless a real process is needed (signals, --version).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, cli, cliInProcess, removeSandboxes, sandbox, scenarioPath, type CliResult } from './helpers.js';
import { parseNumberOption } from '../cli/options.js';
import { messages } from '../viz/texts/messages.js';
import { checkFinite, jsonText } from '../cli/finite.js';
import { makeFolders } from '../cli/files.js';
import { partialRankCorrelation, standardizedRegression } from '../model/sensitivity.js';

afterAll(removeSandboxes);

const STACK = /^\s+at .+:\d+:\d+\)?$/m;
const HALLAND = readFileSync(scenarioPath('halland.yaml'), 'utf8');

/** A sandbox with halland.yaml (and its extending twin) in it. */
const withHalland = () => sandbox({ 'halland.yaml': HALLAND, 'motion.yaml': readFileSync(scenarioPath('halland-motion-1100.yaml'), 'utf8') });

/** What every refusal must look like: the code, one clean message, no stack, and nothing on stdout. */
function refused(r: CliResult, code: number, message: RegExp): void {
  expect(r.code, r.stderr).toBe(code);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(STACK);
  expect(r.stderr).not.toMatch(/internal error/);
  expect(r.stdout).toBe('');
}

/** The files in `dir` (temp files included). */
const files = (dir: string) => readdirSync(dir).sort();

describe('write errors: a clean message, exit 4, nothing left behind', () => {
  it('--out under a file (ENOTDIR/EEXIST)', async () => {
    const dir = withHalland();
    writeFileSync(join(dir, 'a.txt'), 'x');
    const r = await cliInProcess(dir, 'run', 'halland.yaml', '--format', 'json', '--out', 'a.txt/o.json');
    refused(r, 4, /^riktvarde: cannot write a\.txt\/o\.json: a part of the path is a file, not a folder \((ENOTDIR|EEXIST)\); nothing was written$/m);
    expect(files(dir)).toEqual(['a.txt', 'halland.yaml', 'motion.yaml']);
  });

  it('--runs-out under a file: neither output is written', async () => {
    const dir = withHalland();
    writeFileSync(join(dir, 'a.txt'), 'x');
    const r = await cliInProcess(dir, 'run', 'halland.yaml', '--runs', '20', '--seed', '1', '--workers', '1', '--out', 'o.csv', '--format', 'csv', '--runs-out', 'a.txt/runs.csv');
    refused(r, 4, /cannot write a\.txt\/runs\.csv/);
    expect(files(dir)).toEqual(['a.txt', 'halland.yaml', 'motion.yaml']);
  });

  it('--out under a folder that refuses new folders (/proc): exit 4, not a hang', () => {
    // Node 20's recursive mkdirSync retried /proc/<missing> forever; a real process with a kill
    // timer, so a regression fails here instead of hanging the test run.
    const dir = withHalland();
    const missing = `/proc/riktvarde-no-such-${process.pid}`;
    const r = spawnSync(process.execPath, [CLI, 'run', 'halland.yaml', '--format', 'json', '--out', `${missing}/charts/o.json`], { cwd: dir, encoding: 'utf8', timeout: 60_000, killSignal: 'SIGKILL', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.signal, 'killed after 60 s: the write hung').toBeNull();
    refused({ code: r.status, stdout: r.stdout, stderr: r.stderr }, 4, /^riktvarde: cannot write .*o\.json: .*\(ENOENT\); nothing was written$/m);
  });

  it('makeFolders makes the missing folders and says which was the first', () => {
    const dir = sandbox();
    expect(makeFolders(join(dir, 'a', 'b', 'c'))).toBe(join(dir, 'a'));
    expect(existsSync(join(dir, 'a', 'b', 'c'))).toBe(true);
    expect(makeFolders(join(dir, 'a', 'b'))).toBeUndefined();
    writeFileSync(join(dir, 'f'), 'x');
    expect(() => makeFolders(join(dir, 'f', 'g'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
  });

  it('the message names the cause for every error code a disk gives', () => {
    expect(messages.writeFailed('o.csv', 'ENOSPC')).toBe('cannot write o.csv: the disk is full (ENOSPC); nothing was written');
    expect(messages.writeFailed('o.csv', 'EACCES')).toMatch(/permission denied \(EACCES\)/);
    expect(messages.writeFailed('o.csv', 'EROFS')).toMatch(/read-only \(EROFS\)/);
    expect(messages.writeFailed('o.csv', undefined)).toMatch(/^cannot write o\.csv: the system refused; nothing was written$/);
  });
});

describe('inputs are never written to, not even with --force', () => {
  it('--out naming the scenario, directly, through sub/.., and through a symlink', async () => {
    const dir = withHalland();
    mkdirSync(join(dir, 'sub'));
    symlinkSync(join(dir, 'halland.yaml'), join(dir, 'link.yaml'));
    for (const out of ['halland.yaml', './sub/../halland.yaml', 'link.yaml']) {
      const r = await cliInProcess(dir, 'run', 'halland.yaml', '--format', 'json', '--out', out, '--force');
      refused(r, 2, /is the scenario file halland\.yaml .*inputs are never written to/);
    }
    expect(readFileSync(join(dir, 'halland.yaml'), 'utf8')).toBe(HALLAND);
  });

  it('--out naming the `extends` base of the scenario being run', async () => {
    const dir = withHalland();
    const r = await cliInProcess(dir, 'run', 'motion.yaml', '--format', 'csv', '--out', 'halland.yaml', '--force');
    refused(r, 2, /halland\.yaml is the scenario file halland\.yaml/);
    expect(readFileSync(join(dir, 'halland.yaml'), 'utf8')).toBe(HALLAND);
  });

  it('--out and --runs-out naming one file: refused before anything is written', async () => {
    const dir = withHalland();
    const r = await cliInProcess(dir, 'run', 'halland.yaml', '--runs', '20', '--workers', '1', '--format', 'csv', '--out', 'o.csv', '--runs-out', './o.csv');
    refused(r, 2, /o\.csv and \.\/o\.csv are the same file/);
    expect(files(dir)).toEqual(['halland.yaml', 'motion.yaml']);
  });
});

describe('limits, checked before the work starts', () => {
  it('--workers: bounded, whole, positive', async () => {
    const dir = withHalland();
    refused(await cliInProcess(dir, 'run', 'halland.yaml', '--runs', '10', '--workers', '999'), 2, /--workers 999 is more than this machine can use/);
    refused(await cliInProcess(dir, 'run', 'halland.yaml', '--runs', '10', '--workers', '0'), 2, /--workers must be a whole number ≥ 1, got 0/);
    refused(await cliInProcess(dir, 'run', 'halland.yaml', '--runs', '10', '--workers', '1.5'), 2, /--workers must be a whole number ≥ 1, got 1\.5/);
  });

  it('--runs: more than the machine\'s memory holds is refused with the estimate', async () => {
    const dir = withHalland();
    for (const runs of ['1e9', '1000000000000']) {
      const r = await cliInProcess(dir, 'run', 'halland.yaml', '--runs', runs, '--workers', '1');
      refused(r, 2, /runs would need about [\d,.]+ GB of memory, more than this machine has for it \([\d,.]+ GB\); at most about [\d,]+ runs fit/);
    }
    // The same for the scenario's own monteCarlo.runs.
    writeFileSync(join(dir, 'big.yaml'), HALLAND.replace('monteCarlo: { runs: 2000,', 'monteCarlo: { runs: 900000000,'));
    refused(await cliInProcess(dir, 'sensitivity', 'big.yaml', '--workers', '1'), 2, /900,000,000 runs would need/);
  });

  it('scenario files: not a regular file, or too large', async () => {
    const dir = withHalland();
    writeFileSync(join(dir, 'zero.yaml'), HALLAND.replace(/^name:/m, 'extends: /dev/zero\nname:'));
    refused(await cliInProcess(dir, 'validate', 'zero.yaml'), 2, /zero\.yaml:\d+:\d+ {2}extends {2}"\/dev\/zero" is not a regular file/);
    refused(await cliInProcess(dir, 'run', '/dev/zero'), 2, /is not a regular file/);
    refused(await cliInProcess(dir, 'run', '.'), 2, /is not a regular file/);
    writeFileSync(join(dir, 'huge.yaml'), HALLAND + '#'.repeat(5 * 2 ** 20));
    refused(await cliInProcess(dir, 'run', 'huge.yaml'), 2, /"huge\.yaml" is 5\.0 MB; a scenario file may be at most 4 MB/);
  });
});

describe('number options say what they accept', () => {
  it('parses digits and refuses the rest, with the range', () => {
    const runs = { int: true, min: 1, example: '1000' };
    expect(parseNumberOption('--runs', '10000', runs)).toBe(10000);
    expect(parseNumberOption('--runs', '10 000', runs)).toBe(10000);
    expect(parseNumberOption('--runs', '1e4', runs)).toBe(10000);
    expect(() => parseNumberOption('--runs', '10k', runs)).toThrow("--runs expects a number written with digits, e.g. --runs 1000 (got '10k')");
    expect(() => parseNumberOption('--runs', 'NaN', runs)).toThrow(/expects a number written with digits/);
    expect(() => parseNumberOption('--runs', 'Infinity', runs)).toThrow(/expects a number written with digits/);
    expect(() => parseNumberOption('--runs', '1.5', runs)).toThrow('--runs must be a whole number ≥ 1, got 1.5');
    expect(() => parseNumberOption('--runs', ['1', '2'], runs)).toThrow('--runs is given more than once; give it once');
  });

  it('on the command line: --runs 10k, --seed \'\', solve --max-intake -5, --lever retention --max 5', async () => {
    const dir = withHalland();
    refused(await cliInProcess(dir, 'run', 'halland.yaml', '--runs', '10k'), 2, /--runs expects a number written with digits, e\.g\. --runs 1000 \(got '10k'\)/);
    refused(await cliInProcess(dir, 'run', 'halland.yaml', '--runs', '10', '--seed', ''), 2, /--seed expects a number written with digits/);
    refused(await cliInProcess(dir, 'solve', 'halland.yaml', '--target-year', '2030', '--max-intake', '-5'), 2, /--max-intake must be a number > 0/);
    refused(await cliInProcess(dir, 'solve', 'halland.yaml', '--target-year', '2030', '--lever', 'retention', '--max', '5'), 2, /--max must be a share > 0 and ≤ 1 for --lever retention, got 5/);
    refused(await cliInProcess(dir, 'solve', 'halland.yaml', '--target-year', '2030', '--probability', '80%'), 2, /--probability expects a number/);
  });

  it('--version prints the version (a real process, as a user runs it)', async () => {
    const r = await cli(sandbox(), '--version');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync(join(CLI, '..', '..', '..', 'package.json'), 'utf8')).version);
  });
});

describe('scenario values that made NaN or Infinity are refused where they are written', () => {
  const bad: [string, RegExp][] = [
    ['specialists.retirement.meanAge={dist: normal, mean: -70, sd: 1}', /the mean must lie in the parameter's range/],
    ['specialists.headcount=1e308', /must be between 0 and 1000000000/],
    ['population.growth=1000000', /must be between -0\.5 and 0\.5/],
    ['population.growth="10^300"', /formula gives a bad value for 2024/],
    ['population.growth=-1', /must be between -0\.5 and 0\.5|rate of at least -1/],
    ['specialists.fte=5', /must be between 0 and 2/],
    ['st.trainingCapacity={supervisionHoursPerWeek: 1000}', /must be between 0 and 60/],
  ];
  it.each(bad)('--set %s', async (set, message) => {
    const dir = withHalland();
    const r = await cliInProcess(dir, 'run', 'halland.yaml', '--set', set, '--out', 'o.json', '--format', 'json');
    refused(r, 2, message);
    expect(existsSync(join(dir, 'o.json'))).toBe(false);
  });

  it('the last guard: text with NaN or Infinity, and JSON with ±Infinity, is never written', () => {
    expect(() => checkFinite([{ data: 'Specialists  12  NaN\n' }])).toThrow(/not finite \(NaN in stdout\)/);
    expect(() => checkFinite([{ path: 'o.csv', data: 'a,Infinity\n' }])).toThrow(/Infinity in o\.csv/);
    expect(() => checkFinite([{ path: 'r.html', data: 'x=Infinity' }, { data: 'ok\n' }])).not.toThrow();
    expect(() => jsonText({ a: [1, -Infinity] })).toThrow(/-Infinity/);
    expect(jsonText({ a: NaN, b: 1 })).toBe(JSON.stringify({ a: NaN, b: 1 }, null, 2) + '\n');
    // A range's open bound is no result: `domain: {lo: 0, hi: Infinity}` stays as JSON writes it.
    expect(jsonText({ domain: { lo: 0, hi: Infinity } })).toBe(JSON.stringify({ domain: { lo: 0, hi: null } }, null, 2) + '\n');
  });
});

describe('keys and names', () => {
  it('__proto__ in the file and through --set is an unknown key', async () => {
    const dir = withHalland();
    writeFileSync(join(dir, 'proto.yaml'), HALLAND + '__proto__: {x: 1}\n');
    refused(await cliInProcess(dir, 'validate', 'proto.yaml'), 2, /proto\.yaml:\d+:1 {2}__proto__ {2}unknown key '__proto__'/);
    refused(await cliInProcess(dir, 'validate', 'halland.yaml', '--set', '__proto__.x=1'), 2, /unknown key '__proto__'/);
    refused(await cliInProcess(dir, 'validate', 'halland.yaml', '--set', 'st.__proto__=1'), 2, /st\.__proto__ {2}unknown key '__proto__'/);
  });

  it('a table year outside the horizon in an extending file is reported', async () => {
    const dir = withHalland();
    writeFileSync(join(dir, 'late.yaml'), 'extends: halland.yaml\nname: late\nst:\n  intake: {2024: 20, 2025: 20, 2026: 20, 2027: 20, 2028: 20, 2029: 20, 2030: 20, 2031: 20, 2032: 20, 2033: 20, 2034: 20, 2040: 99}\n');
    refused(await cliInProcess(dir, 'validate', 'late.yaml'), 2, /table has year 2040 outside the horizon/);
  });

  it('two regions with one name, or a region named like the total', async () => {
    const dir = sandbox({ 'riket.yaml': readFileSync(scenarioPath('riket-2019.yaml'), 'utf8') });
    refused(await cliInProcess(dir, 'validate', 'riket.yaml', '--set', 'total.name=Stockholms län'), 2, /the total is called 'Stockholms län', like a region/);
    refused(await cliInProcess(dir, 'validate', 'riket.yaml', '--set', 'regions[1].name=stockholms län'), 2, /region name 'stockholms län' is used twice/);
  });
});

describe('sensitivity with very few runs', () => {
  it('is refused with the minimum, and the model never crashes on too few rows', async () => {
    const dir = withHalland();
    refused(await cliInProcess(dir, 'sensitivity', 'halland.yaml', '--runs', '3', '--workers', '1'), 2, /too few runs for PRCC\/SRC: 3 runs with \d+ uncertain parameters — needs at least \d+/);
    const cols = [[1, 2], [3, 1], [2, 2.5]];
    expect(standardizedRegression(cols, [1, 2]).coefficients).toEqual([null, null, null]);
    expect(partialRankCorrelation(cols, [1, 2])).toEqual([null, null, null]);
  });
});

describe('signals', () => {
  it('SIGTERM at any moment leaves no temp file behind', async () => {
    const dir = sandbox({ 'riket.yaml': readFileSync(scenarioPath('riket-2019.yaml'), 'utf8') });
    for (const delay of [300, 900, 1500]) {
      const child = spawn(process.execPath, [CLI, 'run', 'riket.yaml', '--runs', '400', '--seed', '1', '--workers', '1', '--format', 'csv', '--out', `o${delay}.csv`, '--runs-out', `r${delay}.csv`], { cwd: dir });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
      const timer = setTimeout(() => child.kill('SIGTERM'), delay);
      const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
      clearTimeout(timer);
      expect(stderr).not.toMatch(STACK);
      // Killed while computing (signal), stopped while writing (143), or done (0): never a temp file.
      expect([null, 0, 143]).toContain(code);
      expect(files(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    }
  }, 120_000);
});
