/**
 * Signals and write failures in a real process, at the moment a file is being written. A preload
 * module (`--import`) wraps node:fs's writeFileSync, and the first writeSync into an opened file,
 * for the CLI's temp files only: it writes part of the file, says so on stderr, and then either
 * holds the write for a while (the test sends SIGTERM or SIGINT exactly then: the signal arrives
 * during the write) or fails it as a full disk does (ENOSPC). Everything else is the built CLI as
 * a user runs it.
 *
 * What must hold (cli/files.ts, exit codes in cli/usage.ts and the README):
 * - a signal during a write: no temp file left, exit 143 (SIGTERM) or 130 (SIGINT), no stack
 *   trace; the writes are synchronous, so the signal is handled when they are done: every output
 *   there is whole (all-or-nothing), none is partial;
 * - a failed write: exit 4, nothing written, no temp file, and no folder the command created for
 *   its outputs left behind (an existing folder stays).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, removeSandboxes, sandbox, scenarioPath } from './helpers.js';

afterAll(removeSandboxes);

const STACK = /^\s+at .+:\d+:\d+\)?$/m;

const PRELOAD = `
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
const write = fs.writeFileSync, open = fs.openSync, writeSync = fs.writeSync;
let n = 0;
function writing() {
  n++;
  process.stderr.write('TEST-WRITING\\n');
  if (process.env.TEST_WRITE === 'fail' || (process.env.TEST_WRITE === 'fail-second' && n === 2)) throw Object.assign(new Error('ENOSPC: simulated'), { code: 'ENOSPC' });
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1500);
}
fs.writeFileSync = function (path, data, ...rest) {
  if (String(path).endsWith('.tmp')) {
    write(path, 'partial');
    writing();
  }
  return write.call(this, path, data, ...rest);
};
// Text is written chunk by chunk into an opened temp file (cli/files.ts writeText): the first
// write of each writes part of the file (at offset 0, which the real writes then overwrite) first.
const temps = new Set();
fs.openSync = function (path, ...rest) {
  const fd = open.call(this, path, ...rest);
  if (String(path).endsWith('.tmp')) temps.add(fd);
  return fd;
};
fs.writeSync = function (fd, ...rest) {
  if (temps.delete(fd)) {
    writeSync(fd, 'partial', 0);
    writing();
  }
  return writeSync.call(this, fd, ...rest);
};
syncBuiltinESMExports();
`;

/** Every file under `dir`, relative, sorted. */
function tree(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? [`${prefix}${e.name}/`, ...tree(join(dir, e.name), `${prefix}${e.name}/`)] : [`${prefix}${e.name}`])).sort();
}

/** Runs the CLI in `dir` with the preload; `onWrite` is called when the first temp file is being written. */
function runWithPreload(dir: string, args: string[], mode: 'hold' | 'fail' | 'fail-second', onWrite?: (kill: (s: NodeJS.Signals) => void) => void): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; writes: number }> {
  const preload = join(dir, 'preload.mjs');
  writeFileSync(preload, PRELOAD);
  const child = spawn(process.execPath, ['--import', pathToFileURL(preload).href, CLI, ...args], { cwd: dir, env: { ...process.env, TEST_WRITE: mode } });
  let stderr = '';
  let seen = false;
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
    if (!seen && stderr.includes('TEST-WRITING')) { seen = true; onWrite?.((s) => child.kill(s)); }
  });
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr: stderr.replace(/TEST-WRITING\n/g, ''), writes: stderr.split('TEST-WRITING').length - 1 })));
}

const HALLAND = readFileSync(scenarioPath('halland.yaml'), 'utf8');

describe('a signal while a file is being written', () => {
  // SIGHUP: the terminal closed (an ssh session dropped) during the write.
  for (const [signal, code] of [['SIGTERM', 143], ['SIGINT', 130], ['SIGHUP', 129]] as const) {
    it(`${signal}: exit ${code}, no temp file, the outputs whole or absent`, async () => {
      const dir = sandbox({ 'halland.yaml': HALLAND });
      const r = await runWithPreload(dir, ['run', 'halland.yaml', '--runs', '300', '--seed', '1', '--workers', '1', '--format', 'csv', '--out', 'o.csv', '--runs-out', join('out', 'runs.csv')], 'hold', (kill) => kill(signal));
      expect(r.stderr).not.toMatch(STACK);
      expect(r.signal).toBeNull(); // the handler ran: not killed in the middle
      expect(r.code).toBe(code);
      expect(r.stderr).toContain(`stopped (${signal})`);
      const files = tree(dir);
      expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
      // Both outputs whole (the signal is handled when the synchronous writes are done); none partial.
      expect(files).toEqual(['halland.yaml', 'o.csv', 'out/', 'out/runs.csv', 'preload.mjs']);
      expect(readFileSync(join(dir, 'out', 'runs.csv'), 'utf8').trim().split('\n')).toHaveLength(301);
      expect(readFileSync(join(dir, 'o.csv'), 'utf8')).not.toContain('partial');
    }, 120_000);
  }
});

describe('a write that fails', () => {
  it('ENOSPC: exit 4, nothing written, no temp file, no folder of ours left (an existing one stays)', async () => {
    const dir = sandbox({ 'halland.yaml': HALLAND });
    mkdirSync(join(dir, 'existing'));
    for (const out of [join('new', 'deeper', 'o.json'), join('existing', 'o.json'), join('existing', 'sub', 'o.json')]) {
      const r = await runWithPreload(dir, ['run', 'halland.yaml', '--format', 'json', '--out', out], 'fail');
      expect(r.code, r.stderr).toBe(4);
      expect(r.stderr).toMatch(/the disk is full \(ENOSPC\); nothing was written\n$/);
      expect(r.stderr).not.toMatch(STACK);
      expect(tree(dir)).toEqual(['existing/', 'halland.yaml', 'preload.mjs']);
    }
    expect(existsSync(join(dir, 'new'))).toBe(false);
  }, 120_000);

  it('the second of two outputs fails: the first is removed with the folder made for it', async () => {
    const dir = sandbox({ 'halland.yaml': HALLAND });
    // The first output is written (into a new folder a/), the second fails (in new folders b/c/).
    const r = await runWithPreload(dir, ['run', 'halland.yaml', '--runs', '20', '--workers', '1', '--format', 'csv', '--out', join('a', 'o.csv'), '--runs-out', join('b', 'c', 'runs.csv')], 'fail-second');
    expect(r.code, r.stderr).toBe(4);
    expect(r.writes).toBe(2); // the first output was written before the second failed
    expect(tree(dir)).toEqual(['halland.yaml', 'preload.mjs']);
  }, 120_000);
});
