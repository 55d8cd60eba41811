/**
 * Usage errors and exit codes, in one place. Exit codes: 0 ok · 1 unexpected internal error ·
 * 2 invalid input (scenario or arguments, an output that would replace an input, results that are
 * not finite) · 3 the output file exists (nothing written; use --force) · 4 an output could not be
 * written (disk full, read-only, no permission; nothing written; or stdout failed) · 130/143/129 stopped by SIGINT/SIGTERM/SIGHUP.
 * Stderr that cannot be written changes none of them (cli/stdout.ts `errorStream`).
 */
import { ScenarioError, formatProblem, visible } from '../scenario/errors.js';
import { OutputExistsError, OutputIsFolderError, OutputRefusedError, WriteError } from './files.js';
import { NonFiniteError } from './finite.js';
import { StdoutWriteError, writeStderr } from './stdout.js';
import { useMessageLanguage } from '../scenario/messages-sv.js';
import type { Lang } from '../viz/format.js';
import { messages, useCliMessages } from './messages.js';

// Light on purpose (the modules above import nothing large): `riktvarde --help` and a usage error
// load this module and the parser only.

/** Messages from now on in `lang`: the command line's own and the scenario layer's. */
export function useLanguage(lang: Lang): void {
  useCliMessages(lang);
  useMessageLanguage(lang);
}

/** api/core.ts's OptionError, recognised by name: importing the class would load the whole engine. */
const isOptionError = (e: unknown): boolean => e instanceof Error && e.name === 'OptionError';

export const EXIT = { ok: 0, internal: 1, invalid: 2, exists: 3, write: 4 } as const;

/** A command line that cannot be run as given (exit 2, with a hint to --help). */
export class UsageError extends Error {}

/** The machine is not set up for the command (RIKTVARDE_CHROMIUM names nothing): exit 2, no --help hint. */
export class SetupError extends Error {}

/** The command line is right but the scenario lacks what the command needs (no observed figures): exit 2, no --help hint. */
export class ScenarioUnfitError extends Error {}

/** A file the command needs could not be written outside its outputs (the PDF browser unpacked into TMPDIR): exit 4. */
export class SupportWriteError extends Error {}

/** Exit codes of the signals the CLI stops on (128 + the signal's number). */
export const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

/** Stopped by a signal while a handler of ours held it (the PDF browser's run): its exit code, never "internal error". */
export class InterruptedError extends Error {
  constructor(readonly signal: keyof typeof SIGNAL_EXIT) {
    super(signal);
  }
}

/** Prints `e` as the user should see it (never a stack trace: for an internal error only with RIKTVARDE_DEBUG set) and gives the exit code. */
export function report(e: unknown): number {
  // Every message quotes something the user typed (an option, a path, a region name): its control
  // characters are written as \u001b, never sent raw to the terminal (`--years $'\e]0;x\a'` set the
  // terminal's title). Problem lines do so in formatProblem.
  const say = (text: string) => writeStderr(`riktvarde: ${visible(text)}\n`);
  if (e instanceof ScenarioError) {
    for (const p of e.problems) writeStderr(formatProblem(p) + '\n');
    writeStderr(`${messages.problems(e.problems.length)}\n`);
    return EXIT.invalid;
  }
  if (e instanceof UsageError || e instanceof OutputIsFolderError || isOptionError(e)) {
    const text = isOptionError(e) ? `--${(e as Error).message}` : (e as Error).message;
    say(text);
    writeStderr(`${messages.seeHelp()}\n`);
    return EXIT.invalid;
  }
  if (e instanceof OutputRefusedError || e instanceof NonFiniteError || e instanceof SetupError || e instanceof ScenarioUnfitError) {
    say(e.message);
    return EXIT.invalid;
  }
  if (e instanceof WriteError || e instanceof StdoutWriteError || e instanceof SupportWriteError) {
    say(e.message);
    return EXIT.write;
  }
  if (e instanceof InterruptedError) {
    say(messages.interrupted(e.signal));
    return SIGNAL_EXIT[e.signal];
  }
  if (e instanceof OutputExistsError) {
    say(e.message);
    return EXIT.exists;
  }
  const debug = process.env.RIKTVARDE_DEBUG !== undefined && process.env.RIKTVARDE_DEBUG !== '' && process.env.RIKTVARDE_DEBUG !== '0';
  const message = e instanceof Error ? (debug ? e.stack ?? e.message : e.message) : String(e);
  say(messages.internalError(message));
  return EXIT.internal;
}

