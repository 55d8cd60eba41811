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
};
