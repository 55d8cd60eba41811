/** Reading scenario files from disk (Node): `extends` resolved beside the file, --set applied, validated. */
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve, relative, isAbsolute } from 'node:path';
import './formula-node.js';
import { FileRefused, type FileAccess } from '../scenario/doc.js';
import { msg } from '../scenario/errors.js';
import { loadDocument, type QuickRead } from '../scenario/extends.js';
import { applySets } from '../scenario/set.js';
import { inlineCsvData } from '../scenario/csv.js';
import { validateOrThrow } from '../scenario/validate.js';
import { parseFileQuick } from '../scenario/yaml-quick.js';
import type { LoadedScenario } from '../scenario/types.js';

export type { LoadedScenario };

/** The largest scenario file read (the shipped ones are under 100 KB). */
export const MAX_SCENARIO_BYTES = 4 * 2 ** 20;

export const fileAccess: FileAccess = {
  // Only regular files, and not huge ones: `extends: /dev/zero` would never end.
  read: (path) => {
    const st = statSync(path);
    if (!st.isFile()) throw new FileRefused(msg.notRegularFile(path));
    if (st.size > MAX_SCENARIO_BYTES) throw new FileRefused(msg.fileTooLarge(path, st.size, MAX_SCENARIO_BYTES));
    return readFileSync(path, 'utf8');
  },
  // Paths stay relative to the working directory so messages read like the user's command line.
  resolve: (from, ref) => {
    const abs = resolve(dirname(from), ref);
    const rel = relative(process.cwd(), abs);
    return rel.startsWith('..') || isAbsolute(rel) ? abs : rel;
  },
};

/** Loads, applies `sets` and validates; throws ScenarioError (every problem with file:line:col). `fa`: how files are read. */
export function loadScenarioFile(file: string, sets: readonly string[] = [], fa: FileAccess = fileAccess): LoadedScenario {
  // First without source positions (issue 15: a several times quicker read, scenario/yaml-quick.ts).
  // Positions only ever appear in problems: when anything goes wrong, or the quick reader declines
  // a file, everything is read again with them, so every message is made exactly as before.
  try {
    return loadWith(file, sets, fa, parseFileQuick);
  } catch {
    return loadWith(file, sets, fa, undefined);
  }
}

function loadWith(file: string, sets: readonly string[], fa: FileAccess, quick: QuickRead | undefined): LoadedScenario {
  let doc = loadDocument(file, fa, quick);
  if (sets.length) doc = applySets(doc, [...sets]);
  doc = inlineCsvData(doc, fa);
  const sc = validateOrThrow(doc);
  return { ...sc, file, files: doc.files };
}

export { programVersion } from './version.js';
