/**
 * Usage errors and exit codes, in one place. Exit codes: 0 ok · 1 unexpected internal error ·
 * 2 invalid input (scenario or arguments) · 3 the output file exists (nothing written; use --force).
 */
import { OptionError } from '../api/core.js';
import { ScenarioError, formatProblem } from '../scenario/errors.js';
import { OutputExistsError, OutputIsFolderError } from './files.js';

export const EXIT = { ok: 0, internal: 1, invalid: 2, exists: 3 } as const;

/** A command line that cannot be run as given (exit 2, with a hint to --help). */
export class UsageError extends Error {}

/** Prints `e` as the user should see it (never a stack trace, except for an internal error) and gives the exit code. */
export function report(e: unknown): number {
  if (e instanceof ScenarioError) {
    for (const p of e.problems) process.stderr.write(formatProblem(p) + '\n');
    const n = e.problems.length;
    process.stderr.write(`${n} problem${n === 1 ? '' : 's'}; nothing was written.\n`);
    return EXIT.invalid;
  }
  if (e instanceof UsageError || e instanceof OutputIsFolderError || e instanceof OptionError) {
    const text = e instanceof OptionError ? `--${e.message}` : e.message;
    process.stderr.write(`riktvarde: ${text}\nRun 'riktvarde --help' for usage.\n`);
    return EXIT.invalid;
  }
  if (e instanceof OutputExistsError) {
    process.stderr.write(`riktvarde: ${e.message}\n`);
    return EXIT.exists;
  }
  process.stderr.write(`riktvarde: internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  return EXIT.internal;
}

