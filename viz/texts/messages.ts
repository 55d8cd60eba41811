/**
 * The command line's own messages (stderr), shared by both catalogues: English, like the
 * validation messages, because they speak to the person at the terminal (see `MessageTexts`).
 */
import type { MessageTexts } from './types.js';

export const messages: MessageTexts = {
  stderrCountBasis(bases: string[]): string {
    return `warning: the scenarios use different count bases (${bases.join(', ')}): inhabitants per doctor is not comparable between them`;
  },
  stderrHorizon(horizons: string[]): string {
    return `warning: the scenarios have different horizons (${horizons.join(', ')}): last-year values are for different years`;
  },
  tooFewRuns(runs: number, params: number, needed: number): string {
    return `too few runs for PRCC/SRC: ${runs} runs with ${params} uncertain parameters — needs at least ${needed} (--runs ${needed} or more; 1000 or more for stable coefficients)`;
  },
  noUncertain(file: string): string {
    return `${file} has no uncertain parameters (no value is given as a distribution): there is nothing for a sensitivity analysis to vary`;
  },
  writeFailed(path: string, code: string | undefined): string {
    const why: Record<string, string> = {
      ENOSPC: 'the disk is full',
      EDQUOT: 'the disk quota is used up',
      EACCES: 'permission denied',
      EPERM: 'permission denied',
      EROFS: 'the file system is read-only',
      ENOTDIR: 'a part of the path is a file, not a folder',
      EEXIST: 'a part of the path is a file, not a folder',
      EISDIR: 'it is a folder',
      ENAMETOOLONG: 'the name is too long',
      ENOENT: 'the folder cannot be created',
    };
    return `cannot write ${path}: ${(code && why[code]) ?? 'the system refused'}${code ? ` (${code})` : ''}; nothing was written`;
  },
  sameOutputTwice(first: string, second: string): string {
    return `${first} and ${second} are the same file: give each output its own file; nothing was written`;
  },
  outputIsInput(out: string, input: string): string {
    return `${out} is the scenario file ${input} (an input, or a file it extends): inputs are never written to, not even with --force; nothing was written`;
  },
  interrupted(signal: string): string {
    return `stopped (${signal}); unfinished files were removed`;
  },
  badWholeNumber(option: string, got: string, min: number): string {
    return `${option} must be a whole number ≥ ${min}, got ${got}`;
  },
  notANumber(option: string, got: string, example: string): string {
    return `${option} expects a number written with digits, e.g. ${option} ${example} (got '${got}')`;
  },
  givenTwice(option: string): string {
    return `${option} is given more than once; give it once`;
  },
  outOfRange(option: string, got: number, range: string): string {
    return `${option} must be ${range}, got ${got}`;
  },
  tooManyWorkers(got: number, max: number, cores: number): string {
    return `--workers ${got} is more than this machine can use (${cores} cores; at most ${max}); results are the same for any number of threads`;
  },
  tooManyRuns(runs: number, need: number, budget: number, fits: number): string {
    const gb = (b: number) => (b / 2 ** 30).toFixed(1);
    return `${runs} runs would need about ${gb(need)} GB of memory, more than this machine has for it (${gb(budget)} GB); at most about ${fits} runs fit`;
  },
  notFinite(where: string, value: string): string {
    return `the result holds a number that is not finite (${value} in ${where}): some value in the scenario is far outside any sensible range; nothing was written`;
  },
};
