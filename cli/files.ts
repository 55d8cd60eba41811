/**
 * Where the CLI writes files (reading scenarios: api/load.ts). Writes are atomic (temp file in the same
 * folder, then rename), all-or-nothing for several files, never replace an existing file unless the
 * user says --force, never touch an input scenario or its `extends` bases, and leave no temp file
 * behind, not even when the process is interrupted (SIGINT, SIGTERM, SIGHUP) while writing.
 */
import { closeSync, existsSync, mkdirSync, openSync, realpathSync, renameSync, rmdirSync, rmSync, writeFileSync, writeSync, statSync } from 'node:fs';
import { dirname, resolve, basename, join } from 'node:path';
import { msg } from '../scenario/errors.js';
import { messages } from './messages.js';
import { utf8Chunks, writeStderr, writeStdout } from './stdout.js';

export class OutputExistsError extends Error {
  constructor(public path: string) {
    super(messages.outputExists(path));
  }
}

/** The output path names a folder: a usage error (even with --force, a folder is never replaced). */
export class OutputIsFolderError extends Error {
  constructor(public path: string, name?: string) {
    super(msg.outIsFolder(path, name));
  }
}

/** An output path and the file name to suggest when it names a folder (`result.json`, the report's default name). */
export interface Target { path: string; name?: string }

/** An output that must never be written (an input, or the same file twice): a usage error, even with --force. */
export class OutputRefusedError extends Error {}

/** Writing failed (disk full, read-only, no permission, a file where a folder should be): exit 4. */
export class WriteError extends Error {
  constructor(readonly path: string, readonly code: string | undefined) {
    super(messages.writeFailed(path, code));
  }
}

/** One output of a command: a file (`path`) or, without a path, text on stdout. */
export interface Output {
  path?: string;
  data: string | Uint8Array;
  /** Code or markup (the report's HTML with its inlined chart library): not searched for NaN, whatever the file is called. */
  markup?: true;
}

/**
 * Refuses early (before any work) when a target exists and --force was not given, or is a folder,
 * or is neither a file nor a folder: the rename of an atomic write would replace a device or a pipe
 * by a regular file (`--out /dev/null --force` run as root did).
 */
export function checkWritable(path: string, force: boolean, name?: string): void {
  // `--out newdir/` names a folder even before it exists (the rename failed with ENOTDIR, exit 4).
  if (/[\\/]$/.test(path)) throw new OutputIsFolderError(path, name);
  if (!existsSync(path)) return;
  const st = statSync(path);
  if (st.isDirectory()) throw new OutputIsFolderError(path, name);
  if (!st.isFile()) throw new OutputRefusedError(messages.outputNotRegular(path));
  if (!force) throw new OutputExistsError(path);
}

/** The file a path names, symlinks and `..` resolved (as far as it exists), for comparing paths. */
export function identity(path: string): string {
  const abs = resolve(path);
  try {
    return realpathSync(abs);
  } catch {
    // Not there yet: its folder's real path and its name.
    try { return join(realpathSync(dirname(abs)), basename(abs)); } catch { return abs; }
  }
}

/** Every target writable and no two targets the same file. */
export function checkTargets(targets: (string | Target)[], force: boolean): void {
  const seen = new Map<string, string>();
  const all = targets.map((t): Target => (typeof t === 'string' ? { path: t } : t));
  for (const { path } of all) {
    const id = identity(path);
    const before = seen.get(id);
    if (before !== undefined) throw new OutputRefusedError(messages.sameOutputTwice(before, path));
    seen.set(id, path);
  }
  for (const t of all) checkWritable(t.path, force, t.name);
}

/** No target is one of `inputs` (the scenarios read, their `extends` bases): refused even with --force. */
export function checkNotInputs(targets: string[], inputs: string[]): void {
  const ins = new Map(inputs.map((f) => [identity(f), f]));
  for (const t of targets) {
    const hit = ins.get(identity(t));
    if (hit !== undefined) throw new OutputRefusedError(messages.outputIsInput(t, hit));
  }
}

// ── temp files, removed on any exit ───────────────────────────────────────────────────────────

const temps = new Set<string>();
/** Folders this process created for its outputs (deepest, and the first one created above it). */
const createdDirs: { deepest: string; first: string }[] = [];

let writing = false;
/** Just after the writes, while a signal that came during them is delivered. */
let settling = false;
let handlersInstalled = false;

/**
 * While files are written, SIGINT, SIGTERM and SIGHUP are held: Node runs a handler only after the
 * (synchronous) writes, and this one removes any temp file left and exits as the signal would
 * (130, 143, 129). Without a handler the signal would kill the process in the middle of a write and
 * leave the temp file. Installed once, on the first write; outside a write it just exits.
 */
function withSignalCleanup<T>(work: () => T): T {
  if (!handlersInstalled) {
    handlersInstalled = true;
    // SIGHUP too: a terminal closed (an ssh session dropped) during a write killed the process
    // there and left the temp file.
    for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
      process.on(signal, () => {
        const during = writing || settling || temps.size > 0;
        removeTemps();
        removeCreatedDirs();
        if (during) writeStderr(`riktvarde: ${messages.interrupted(signal)}\n`);
        process.exit(code);
      });
    }
  }
  writing = true;
  try {
    return work();
  } finally {
    writing = false;
    removeTemps();
    // Whatever happened, no folder this call created is left empty (one holding an output stays).
    removeCreatedDirs();
  }
}

/** Removes a file if it is there (a path under a file, or already gone, is no error). */
function removeQuietly(path: string): void {
  try { rmSync(path, { force: true }); } catch { /* nothing to remove */ }
}

function removeTemps(): void {
  for (const t of temps) removeQuietly(t);
  temps.clear();
}

/** Removes the folders this process created for outputs, deepest first, as far as they are empty. */
function removeCreatedDirs(): void {
  for (const { deepest, first } of createdDirs.splice(0).reverse()) {
    for (let d = deepest; ; d = dirname(d)) {
      try { rmdirSync(d); } catch { break; /* not empty (it holds an output), or gone */ }
      if (d === first || dirname(d) === d) break;
    }
  }
}

const errnoOf = (e: unknown): string | undefined => (e as NodeJS.ErrnoException | null)?.code;

/**
 * `mkdirSync(dir, { recursive: true })`, one folder at a time from the deepest one that exists:
 * returns the first folder created (undefined when `dir` was there). Node 20's recursive mkdirSync
 * never returns where a parent exists but refuses a child with ENOENT (`/proc/xx/…`: it retries the
 * child forever, and a signal cannot stop a synchronous loop); here that is the ENOENT it is.
 */
export function makeFolders(dir: string): string | undefined {
  const missing: string[] = [];
  for (let d = resolve(dir); !existsSync(d); d = dirname(d)) {
    missing.push(d);
    if (dirname(d) === d) break;
  }
  const made: string[] = [];
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d);
    } catch (e) {
      if (errnoOf(e) === 'EEXIST' && statSync(d).isDirectory()) continue; // made meanwhile by another process
      // The folders made before this one go too (`a/b/<a name too long>` left a and a/b behind).
      for (const m of made.reverse()) try { rmdirSync(m); } catch { /* not empty: someone else's now */ }
      throw e;
    }
    made.push(d);
  }
  return made[0];
}

/** Text into a new file as writeFileSync would, through utf8Chunks' reused buffer (no 5 MB Buffer). */
function writeText(file: string, text: string): void {
  const fd = openSync(file, 'w');
  try {
    utf8Chunks(text, (bytes) => {
      let at = 0;
      while (at < bytes.length) at += writeSync(fd, bytes, at);
    });
  } finally {
    closeSync(fd);
  }
}

/** Writes `data` to `path` atomically: a reader sees the old file or the whole new one. */
export function writeAtomic(path: string, data: string | Uint8Array, force: boolean): void {
  checkWritable(path, force);
  const dir = dirname(resolve(path));
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const first = makeFolders(dir);
    if (first !== undefined) createdDirs.push({ deepest: dir, first });
    temps.add(tmp);
    if (typeof data === 'string') writeText(tmp, data);
    else writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    removeQuietly(tmp);
    throw new WriteError(path, errnoOf(e));
  } finally {
    temps.delete(tmp);
  }
}

/**
 * Writes the outputs: every file target checked, then each written atomically (a failure removes
 * the files this call already wrote, so nothing is half-written), then the stdout text. The writes
 * are synchronous, so SIGINT, SIGTERM or SIGHUP during them is handled when they are done: one turn of the
 * event loop lets it through before anything is printed — the files are whole, and the command
 * still stops with 130, 143 or 129 as the user asked (test/faults-signal.test.ts).
 */
export async function writeOutputs(outputs: Output[], force: boolean): Promise<void> {
  const files = outputs.filter((o): o is Required<Output> => o.path !== undefined);
  checkTargets(files.map((f) => f.path), force);
  const written: string[] = [];
  withSignalCleanup(() => {
    try {
      for (const f of files) {
        const existed = existsSync(f.path);
        writeAtomic(f.path, f.data, true);
        if (!existed) written.push(f.path);
      }
    } catch (e) {
      for (const w of written) removeQuietly(w);
      throw e;
    }
  });
  settling = true;
  try {
    await new Promise((done) => setImmediate(done));
  } finally {
    settling = false;
  }
  for (const o of outputs) {
    if (o.path !== undefined) continue;
    const text = typeof o.data === 'string' ? o.data : Buffer.from(o.data).toString('utf8');
    writeStdout(text.endsWith('\n') ? text : text + '\n');
  }
}

/** Text to --out (a file) or to stdout: the Output for it. */
export const textOutput = (text: string, out: string | undefined): Output => ({ path: out, data: text });
