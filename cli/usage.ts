/**
 * Usage errors and exit codes, in one place. Exit codes: 0 ok · 1 unexpected internal error ·
 * 2 invalid input (scenario or arguments) · 3 the output file exists (nothing written; use --force).
 */
import { OptionError } from '../api/core.js';
import { ScenarioError, formatProblem } from '../scenario/errors.js';
import { OutputExistsError, OutputIsFolderError } from './files.js';
import { useMessageLanguage } from '../scenario/messages-sv.js';
import { texts, type Lang, type MessageTexts } from '../viz/texts/index.js';

/** The language of the messages on stderr, chosen once per command from --lang (`useLanguage`). */
let messages: MessageTexts = texts('en').messages;

/** Messages from now on in `lang`: the command line's own and the scenario layer's. */
export function useLanguage(lang: Lang): void {
  messages = texts(lang).messages;
  useMessageLanguage(lang);
}

export const EXIT = { ok: 0, internal: 1, invalid: 2, exists: 3 } as const;

/** A command line that cannot be run as given (exit 2, with a hint to --help). */
export class UsageError extends Error {}

/** Prints `e` as the user should see it (never a stack trace, except for an internal error) and gives the exit code. */
export function report(e: unknown): number {
  if (e instanceof ScenarioError) {
    for (const p of e.problems) process.stderr.write(formatProblem(p) + '\n');
    process.stderr.write(`${messages.problems(e.problems.length)}\n`);
    return EXIT.invalid;
  }
  if (e instanceof UsageError || e instanceof OutputIsFolderError || e instanceof OptionError) {
    const text = e instanceof OptionError ? `--${e.message}` : e.message;
    process.stderr.write(`riktvarde: ${text}\n${messages.seeHelp()}\n`);
    return EXIT.invalid;
  }
  if (e instanceof OutputExistsError) {
    process.stderr.write(`riktvarde: ${e.message}\n`);
    return EXIT.exists;
  }
  process.stderr.write(`riktvarde: internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  return EXIT.internal;
}

