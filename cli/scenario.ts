/** Reads a scenario file (with `extends` and --set) and validates it. */
import { loadDocument } from '../scenario/extends.js';
import { inlineCsvData } from '../scenario/csv.js';
import { applySets } from '../scenario/set.js';
import { validateOrThrow } from '../scenario/validate.js';
import type { Scenario } from '../scenario/types.js';
import { fileAccess } from './files.js';

export interface LoadedScenario extends Scenario {
  file: string;
  files: string[];
}

export function loadScenarioFile(file: string, sets: readonly string[] = []): LoadedScenario {
  let doc = loadDocument(file, fileAccess);
  if (sets.length) doc = applySets(doc, [...sets]);
  doc = inlineCsvData(doc, fileAccess);
  const sc = validateOrThrow(doc);
  return { ...sc, file, files: doc.files };
}
