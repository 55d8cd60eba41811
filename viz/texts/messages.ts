/**
 * The command line's own messages (stderr) in English and Swedish, like the validation messages
 * (`scenario/messages-sv.ts`): the language the command line was given with --lang.
 */
import type { MessageTexts } from './types.js';

export const messages: MessageTexts = {
  problems(n: number): string {
    return `${n} problem${n === 1 ? '' : 's'}; nothing was written.`;
  },
  seeHelp(): string {
    return "Run 'riktvarde --help' for usage.";
  },
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

export const messagesSv: MessageTexts = {
  problems(n: number): string {
    return `${n} ${n === 1 ? 'problem' : 'problem'}; ingenting skrevs.`;
  },
  seeHelp(): string {
    return "Kör 'riktvarde --help' för att se hur kommandot används.";
  },
  stderrCountBasis(bases: string[]): string {
    return `varning: scenarierna räknar specialister på olika sätt (${bases.join(', ')}): invånare per läkare går inte att jämföra mellan dem`;
  },
  stderrHorizon(horizons: string[]): string {
    return `varning: scenarierna har olika tidshorisonter (${horizons.join(', ')}): värdena för sista året gäller olika år`;
  },
  tooFewRuns(runs: number, params: number, needed: number): string {
    return `för få körningar för PRCC/SRC: ${runs} körningar med ${params} osäkra parametrar — det behövs minst ${needed} (--runs ${needed} eller fler; 1000 eller fler för stabila koefficienter)`;
  },
  noUncertain(file: string): string {
    return `${file} har inga osäkra parametrar (inget värde anges som fördelning): det finns inget för en känslighetsanalys att variera`;
  },
};
