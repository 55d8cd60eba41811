/**
 * Where the CLI writes files (reading scenarios: api/load.ts). Writes are atomic (temp file in the same
 * folder, then rename) and never replace an existing file unless the user says --force.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { dirname, resolve, basename, join } from 'node:path';
import { msg } from '../scenario/errors.js';

export class OutputExistsError extends Error {
  constructor(public path: string) {
    super(`${path} already exists; nothing was written. Use --force to replace it, or choose another --out.`);
  }
}

/** The output path names a folder: a usage error (even with --force, a folder is never replaced). */
export class OutputIsFolderError extends Error {
  constructor(public path: string) {
    super(msg.outIsFolder(path));
  }
}

/** Refuses early (before any work) when a target exists and --force was not given, or is a folder. */
export function checkWritable(path: string, force: boolean): void {
  if (existsSync(path) && statSync(path).isDirectory()) throw new OutputIsFolderError(path);
  if (!force && existsSync(path)) throw new OutputExistsError(path);
}

/** Writes `data` to `path` atomically: a reader sees the old file or the whole new one. */
export function writeAtomic(path: string, data: string | Uint8Array, force: boolean): void {
  checkWritable(path, force);
  const dir = dirname(resolve(path));
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Writes several files all-or-nothing: every target is checked before the first is written. */
export function writeAllAtomic(files: { path: string; data: string | Uint8Array }[], force: boolean): void {
  for (const f of files) checkWritable(f.path, force);
  for (const f of files) writeAtomic(f.path, f.data, true);
}

/** Writes text to --out (atomically) or to stdout. */
export function emitText(text: string, out: string | undefined, force: boolean): void {
  if (out) writeAtomic(out, text, force);
  else process.stdout.write(text.endsWith('\n') ? text : text + '\n');
}
