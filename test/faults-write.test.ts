/**
 * Write errors a test machine cannot make for real (a full disk, a read-only file system, a folder
 * root may write into anyway): node:fs's writeFileSync, and writeSync into a temp file, fail as the
 * system would, and the CLI must answer with exit 4, a clean message and nothing written (no output,
 * no temp file).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { cliInProcess, removeSandboxes, sandbox, scenarioPath } from './helpers.js';

/** Which error the next writes fail with (none: write normally). */
const failing: { code: string | null } = { code: null };

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const fail = () => Object.assign(new Error(`${failing.code}: simulated`), { code: failing.code });
  const writeFileSync = (...args: Parameters<typeof fs.writeFileSync>) => {
    if (failing.code && String(args[0]).endsWith('.tmp')) {
      // Half a file, then the error: what a full disk does.
      fs.writeFileSync(args[0], 'partial');
      throw fail();
    }
    return fs.writeFileSync(...args);
  };
  // Text files are written chunk by chunk (cli/files.ts writeText): the same, one write at a time.
  const tmpFds = new Set<number>();
  const openSync = (...args: Parameters<typeof fs.openSync>) => {
    const fd = fs.openSync(...args);
    if (String(args[0]).endsWith('.tmp')) tmpFds.add(fd);
    return fd;
  };
  const closeSync = (fd: number) => {
    tmpFds.delete(fd);
    fs.closeSync(fd);
  };
  const writeSync = ((fd: number, ...rest: unknown[]) => {
    if (failing.code && tmpFds.has(fd)) {
      fs.writeSync(fd, 'partial');
      throw fail();
    }
    return (fs.writeSync as (fd: number, ...r: unknown[]) => number)(fd, ...rest);
  }) as typeof fs.writeSync;
  const mocked = { writeFileSync, openSync, closeSync, writeSync };
  return { ...fs, ...mocked, default: { ...fs, ...mocked } };
});

afterAll(removeSandboxes);

describe('write errors (simulated): exit 4, a clean message, nothing written', () => {
  it.each([
    ['ENOSPC', /the disk is full \(ENOSPC\)/],
    ['EACCES', /permission denied \(EACCES\)/],
    ['EROFS', /the file system is read-only \(EROFS\)/],
  ])('%s for --out, --runs-out and xlsx', async (code, message) => {
    const dir = sandbox({ 'halland.yaml': readFileSync(scenarioPath('halland.yaml'), 'utf8') });
    failing.code = code;
    try {
      for (const args of [
        ['--format', 'json', '--out', 'o.json'],
        ['--runs', '20', '--workers', '1', '--format', 'csv', '--runs-out', 'runs.csv'],
        ['--format', 'xlsx', '--out', 'o.xlsx'],
      ]) {
        const r = await cliInProcess(dir, 'run', 'halland.yaml', ...args);
        expect(r.code, r.stderr).toBe(4);
        expect(r.stderr).toMatch(message);
        expect(r.stderr).toMatch(/nothing was written\n$/);
        expect(r.stderr).not.toMatch(/internal error|^\s+at /m);
        expect(r.stdout).toBe('');
        expect(readdirSync(dir)).toEqual(['halland.yaml']);
      }
    } finally {
      failing.code = null;
    }
  });
});
