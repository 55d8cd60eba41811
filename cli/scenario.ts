/** Reads a scenario file (with `extends` and --set) and validates it. */
import { applySets, loadScenario } from '../schema/load.js';
import { validateOrThrow } from '../schema/validate.js';
import type { Scenario } from '../schema/normalize.js';
import { fileAccess } from './files.js';

export interface LoadedScenario extends Scenario {
  file: string;
  files: string[];
}

export function loadScenarioFile(file: string, sets: readonly string[] = []): LoadedScenario {
  let doc = loadScenario(file, fileAccess);
  if (sets.length) doc = applySets(doc, [...sets]);
  const sc = validateOrThrow(doc);
  return { ...sc, file, files: doc.files };
}
