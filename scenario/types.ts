/** What the scenario layer hands on: the engine's input plus the scenario's metadata. */
import type { ModelInput } from '../model/types.js';
import type { DefaultKey } from './defaults.js';

export type Path = (string | number)[];
export interface PathProblem { path: Path; message: string }

export type SourceKind = 'published' | 'assumption' | 'derived';
/** A source; `titleSv`/`noteSv`: the Swedish twins Swedish output shows when given. */
export interface SourceEntry { title: string; publisher?: string; year?: string | number; url?: string; kind?: SourceKind; note?: string; titleSv?: string; noteSv?: string }

/** One number the projection rests on, with where it came from (for reports). */
export interface Assumption {
  region: string | null; // null: shared by all regions
  path: string;
  value: string;
  source: string | null; // id under `sources`, or null
  kind: SourceKind | 'default' | 'unsourced';
  /** For a program default: which one (its reason, worded per language, is `note` in English). */
  defaultReason?: DefaultKey;
  note?: string;
  /** The scenario's note in Swedish (`noteSv`), shown by Swedish output instead of `note`. */
  noteSv?: string;
}

/** One published figure from a scenario's `observed:` block. */
export interface ObservedPoint {
  region: string;
  quantity: 'specialists' | 'st' | 'completions' | 'newSpecialistsStaying' | 'retirements' | 'otherExits' | 'population' | 'namedDoctorShare';
  year: number;
  value: number;
  source: string;
  note?: string;
  noteSv?: string;
}

export interface ScenarioMeta {
  name: string;
  description: string;
  /** The description in Swedish, when the scenario gives one. */
  descriptionSv?: string;
  countBasis: 'health-centres' | 'all-sectors';
  sources: Record<string, SourceEntry>;
  monteCarlo: { runs: number; seed: number; eventNoise: boolean };
  /** The table `run` prints by default: every row, or the rows of Stockholm's appendix (bilaga 1). */
  output: { layout: 'full' | 'bilaga' };
  assumptions: Assumption[];
  totalReported: { headcountInclListableSt?: number; population?: number; source?: string; note?: string } | null;
  /** The `observed:` figures of every region (empty when none). */
  observed: ObservedPoint[];
}

export interface Scenario { meta: ScenarioMeta; input: ModelInput }

/** A scenario with the file it was read from and every file involved (base first, entry last). */
export interface LoadedScenario extends Scenario {
  file: string;
  files: string[];
}
