/**
 * Text to stdout without making `process.stdout` when stdout is a file, a pipe or /dev/null
 * (issue 15): making that stream loads Node's stream modules, a few percent of a short command
 * such as `--help` or a deterministic `run`. Only in the built CLI (cli/bundle.mjs defines
 * RIKTVARDE_BUNDLE in the front and the command code); in-process (tests, tsx) everything goes
 * through process.stdout, which tests capture. A terminal always gets process.stdout.
 */
import { fstatSync, readFileSync, statSync, writeSync, type Stats } from 'node:fs';
import { messages } from './messages.js';

/** Stdout could not be written (a full disk, `> /dev/full`): exit 4 with a message, never a stack trace. */
export class StdoutWriteError extends Error {
  constructor(readonly code: string | undefined) {
    super(messages.stdoutFailed(code));
  }
}

/** Set by cli/bundle.mjs in the built CLI. */
declare const RIKTVARDE_BUNDLE: boolean | undefined;

export const bundled = (): boolean => typeof RIKTVARDE_BUNDLE !== 'undefined' && RIKTVARDE_BUNDLE;

const isDevNull = (s: Stats): boolean => {
  try {
    const n = statSync('/dev/null');
    return n.isCharacterDevice() && n.rdev === s.rdev;
  } catch {
    return false;
  }
};

let terminal: boolean | undefined;
/**
 * Whether stdout may be a terminal: a character device other than /dev/null. Asked with fstat,
 * not node:tty's isatty: loading node:tty loads Node's net and stream modules.
 */
export function maybeTerminal(): boolean {
  if (terminal === undefined) {
    try {
      const s = fstatSync(1);
      terminal = s.isCharacterDevice() && !isDevNull(s);
    } catch {
      terminal = true;
    }
  }
  return terminal;
}

/** The terminal's width, or undefined when stdout is not a terminal. */
export const terminalColumns = (): number | undefined => (maybeTerminal() && process.stdout.isTTY ? process.stdout.columns : undefined);

let stderrGuarded = false;
/**
 * process.stderr with its write errors ignored: with stderr on a full device (`2> /dev/full`)
 * nothing can be said, and the failed write had turned the command's exit code into 1 ("a bug"):
 * the exit code is the one channel left, so it stays the code of what happened (docs/decisions.md).
 */
export function errorStream(): NodeJS.WriteStream {
  if (!stderrGuarded) {
    stderrGuarded = true;
    process.stderr.on('error', () => {});
  }
  return process.stderr;
}

/** Text to stderr (see errorStream). */
export const writeStderr = (text: string): void => { errorStream().write(text); };

/**
 * Whether stdout is what Node makes of a closed one (`riktvarde run x.yaml >&-`): Node reopens a
 * closed fd 1 as /dev/null for reading and writing before any code runs, so the result went
 * nowhere without a word. The shell's `> /dev/null` opens it write-only; a program's
 * `stdio: 'ignore'` (Node) or `DEVNULL` (Python) opens it read-write too and cannot be told apart,
 * so this only warns, and only on a terminal (docs/decisions.md). Linux only (/proc).
 */
export function stdoutLooksClosed(): boolean {
  try {
    const s = fstatSync(1);
    if (!s.isCharacterDevice() || !isDevNull(s)) return false; // a file or a pipe: no stat of /dev/null
    const flags = /^flags:\s*([0-7]+)/m.exec(readFileSync('/proc/self/fdinfo/1', 'utf8'));
    return flags !== null && (parseInt(flags[1], 8) & 3) === 2;
  } catch {
    return false;
  }
}

let closedChecked = false;
function warnIfStdoutClosed(): void {
  if (closedChecked) return;
  closedChecked = true;
  if (maybeTerminal() || !stdoutLooksClosed() || !process.stderr.isTTY) return;
  writeStderr(`riktvarde: ${messages.stdoutClosed()}\n`);
}

let guarded = false;
/** `riktvarde run … | head` closes stdout early: stop quietly instead of crashing with EPIPE. */
export function guardStdout(): NodeJS.WriteStream {
  if (!guarded) {
    guarded = true;
    process.stdout.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      // Any other failure (ENOSPC from `> /dev/full`) arrives here, outside the command's own error
      // handling: the message and exit code 4 (EXIT.write in cli/usage.ts, which imports this module).
      writeStderr(`riktvarde: ${new StdoutWriteError(e.code).message}\n`);
      process.exit(4);
    });
  }
  return process.stdout;
}

/** UTF-16 code units encoded at a time by `utf8Chunks` (their UTF-8 is at most 3 bytes each). */
const CHUNK = 1 << 16;
let chunkBytes: Uint8Array | undefined;
let encoder: TextEncoder | undefined;

/**
 * Calls `write` with the UTF-8 bytes of `text` (the same bytes as Buffer.from(text)), 64 Ki
 * characters at a time, encoded into one buffer that is used again (issue 15): the 5 MB JSON of 21
 * counties as one Buffer is 5 MB of fresh memory, and first touching memory is slow on this kind
 * of machine (~10 µs a page): Buffer.from + one writeSync took 38–51 ms where this takes 5–15 ms.
 * `write` gets a view of the shared buffer (copy what it keeps) and the index in `text` after it.
 */
export function utf8Chunks(text: string, write: (bytes: Uint8Array, next: number) => void): void {
  const bytes = (chunkBytes ??= new Uint8Array(3 * CHUNK));
  encoder ??= new TextEncoder();
  for (let at = 0; at < text.length;) {
    let end = Math.min(at + CHUNK, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--; // a surrogate pair stays whole
    const { written } = encoder.encodeInto(text.substring(at, end), bytes);
    write(bytes.subarray(0, written), end);
    at = end;
  }
}

/**
 * Writes `text` to stdout: straight to the file descriptor into a file or pipe in the built CLI
 * (a closed pipe ends the writing quietly, as the stream's guard does), else through
 * process.stdout, guarded.
 */
export function writeStdout(text: string): void {
  warnIfStdoutClosed();
  if (bundled() && !maybeTerminal()) {
    let rest: Uint8Array | undefined;
    let next = 0;
    try {
      utf8Chunks(text, (bytes, end) => {
        let at = 0;
        try {
          while (at < bytes.length) at += writeSync(1, bytes, at);
        } catch (e) {
          rest = Buffer.from(bytes.subarray(at)); // a copy: the chunk's buffer is used again
          next = end;
          throw e;
        }
      });
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') return; // `riktvarde run … | head`
      if (code !== 'EAGAIN') throw new StdoutWriteError(code);
      // A non-blocking pipe that is full: the stream writes the rest when it can.
    }
    const out = guardStdout();
    out.write(rest!);
    if (next < text.length) out.write(text.substring(next));
    return;
  }
  guardStdout().write(text);
}
