/** Texts of the what-if page (`riktvarde explore`, web/). */
import type { LeverId } from './explore-levers.js';

export interface ExploreTexts {
  docTitle(name: string): string;
  kicker(): string;
  intro(): string;
  levers(): string;
  lever(id: LeverId): string;
  /** What the lever sets, in a few words (shown under its name). */
  leverHelp(id: LeverId): string;
  scenarioValue(value: string): string;
  source(title: string): string;
  noSource(): string;
  reset(): string;
  resetAll(): string;
  noCap(): string;
  constant(): string;
  ramp(): string;
  rampStep(): string;
  fromYear(): string;
  results(): string;
  computing(): string;
  /** Status line: runs and seed of what is shown, and whether more are coming. */
  status(runs: string, seed: number, refining: boolean): string;
  command(): string;
  commandHelp(): string;
  overlay(): string;
  overlayHelp(): string;
  copy(): string;
  copied(): string;
  pinA(): string;
  unpinA(): string;
  compareTitle(): string;
  compareHelp(): string;
  /** One line of A against B (the verdicts are shown in full above it). */
  compareLabel(which: 'A' | 'B'): string;
  probabilityBy(year: number, a: string, b: string): string;
  noScript(): string;
  failed(message: string): string;
  unchanged(): string;
}
