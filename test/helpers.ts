/** Small helpers shared by the tests: CSV and layout checks, temporary folders, the command line. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/** Minimal RFC 4180 parser (quoted fields, doubled quotes, embedded commas and newlines). */
export function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], field = '', i = 0, quoted = false;
  while (i < s.length) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      field += c; i++; continue;
    }
    if (c === '"') { quoted = true; i++; continue; }
    if (c === ',') { row.push(field); field = ''; i++; continue; }
    if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; continue; }
    field += c; i++;
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}

/** Lines that break the layout rules: too wide, trailing spaces, control characters. */
export function layoutProblems(s: string, width = 120): string[] {
  return s.split('\n').filter((l) => [...l].length > width || /[ \t]$/.test(l) || /[\u0000-\u0009\u000b-\u001f\u007f]/.test(l));
}

/** Header lines of year blocks (start with spaces and contain only years). */
export function yearHeaders(s: string): number[][] {
  return s.split('\n').filter((l) => /^\s+\d{4}(\s+\d{4})*$/.test(l)).map((l) => l.trim().split(/\s+/).map(Number));
}

// ── The command line, end to end (a child process) and in-process ─────────────────────────────

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The built CLI (`npm run build`, which `npm test` runs first). */
export const CLI = join(ROOT, 'dist', 'cli', 'main.cjs');
/** A shipped scenario's path. */
export const scenarioPath = (file: string): string => join(ROOT, 'scenarios', file);

export interface CliResult { code: number | null; stdout: string; stderr: string }

const sandboxes: string[] = [];

/** A fresh temporary folder holding `files`; removed by `removeSandboxes` (call it in afterAll). */
export function sandbox(files: Record<string, string> = {}, prefix = 'riktvarde-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  sandboxes.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

export function removeSandboxes(): void {
  for (const d of sandboxes.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** Runs the built CLI as a child process in `dir` (file names in messages are relative to it). */
export function cli(dir: string, ...args: string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    let stdout = '', stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let inProcessQueue: Promise<unknown> = Promise.resolve();

/**
 * The CLI's `main` (cli/app.ts) called in this process, in `dir`, with stdout and stderr captured:
 * the same exit code and bytes as `cli()` without starting Node (about 50× faster). Calls are
 * queued, because the working folder and the streams are the process's own (process.chdir needs
 * vitest's default `forks` pool, not `threads`). Not for more than one worker thread: use `cli()`
 * for that.
 */
export function cliInProcess(dir: string, ...args: string[]): Promise<CliResult> {
  const run = async (): Promise<CliResult> => {
    const { main } = await import('../cli/app.js');
    let stdout = '', stderr = '';
    const capture = (append: (s: string) => void) => (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
      append(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const cb = rest.find((x) => typeof x === 'function') as (() => void) | undefined;
      cb?.();
      return true;
    };
    const out = process.stdout.write, err = process.stderr.write, cwd = process.cwd();
    process.stdout.write = capture((s) => { stdout += s; }) as typeof process.stdout.write;
    process.stderr.write = capture((s) => { stderr += s; }) as typeof process.stderr.write;
    process.chdir(dir);
    try {
      const code = await main(args);
      return { code, stdout, stderr };
    } finally {
      process.chdir(cwd);
      process.stdout.write = out;
      process.stderr.write = err;
      // `--lang` sets the language of messages for the rest of the process: back to a new
      // process's English, so the next test (or test file sharing this worker) starts clean.
      (await import('../cli/usage.js')).useLanguage('en');
    }
  };
  const result = inProcessQueue.then(run);
  inProcessQueue = result.catch(() => undefined);
  return result;
}

/** `text` with each [find, replace] applied once; a `find` that is not there is a bug in the test. */
export function edit(text: string, ...changes: [string, string][]): string {
  for (const [find, replace] of changes) {
    if (!text.includes(find)) throw new Error(`test bug: ${JSON.stringify(find)} is not in the scenario`);
    text = text.replace(find, replace);
  }
  return text;
}

const STACK = /^\s+at .+:\d+:\d+\)?$/m;

/** A refusal as every one must look: the code, the message, no stack trace, no "internal error". */
export function refused(r: CliResult, code: number, message: RegExp): void {
  expect(r.code, r.stderr).toBe(code);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(STACK);
  expect(r.stderr).not.toMatch(/internal error|intern(t)? fel/i);
}
