/**
 * Text to stdout without making `process.stdout` when stdout is a file, a pipe or /dev/null
 * (issue 15): making that stream loads Node's stream modules, a few percent of a short command
 * such as `--help` or a deterministic `run`. Only in the built CLI (cli/bundle.mjs defines
 * RIKTVARDE_BUNDLE in the front and the command code); in-process (tests, tsx) everything goes
 * through process.stdout, which tests capture. A terminal always gets process.stdout.
 */
import { fstatSync, statSync, writeSync, type Stats } from 'node:fs';

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

let guarded = false;
/** `riktvarde run … | head` closes stdout early: stop quietly instead of crashing with EPIPE. */
export function guardStdout(): NodeJS.WriteStream {
  if (!guarded) {
    guarded = true;
    process.stdout.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  return process.stdout;
}

/**
 * Writes `text` to stdout: straight to the file descriptor into a file or pipe in the built CLI
 * (a closed pipe ends the writing quietly, as the stream's guard does), else through
 * process.stdout, guarded.
 */
export function writeStdout(text: string): void {
  if (bundled() && !maybeTerminal()) {
    const bytes = Buffer.from(text, 'utf8');
    let at = 0;
    try {
      while (at < bytes.length) at += writeSync(1, bytes, at);
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') return; // `riktvarde run … | head`
      if (code !== 'EAGAIN') throw e;
      // A non-blocking pipe that is full: the stream writes the rest when it can.
    }
    guardStdout().write(bytes.subarray(at));
    return;
  }
  guardStdout().write(text);
}
