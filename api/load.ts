/** Reading scenario files from disk (Node): `extends` resolved beside the file, --set applied, validated. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { dirname, resolve, relative, isAbsolute } from 'node:path';
import './formula-node.js';
import { FileRefused, NotUtf8, type FileAccess } from '../scenario/doc.js';
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
    // `-` (standard input, as many tools read it) when no file is called that.
    if (path === '-' && !existsSync(path)) throw new FileRefused(msg.noStdin());
    const st = statSync(path);
    if (!st.isFile()) throw new FileRefused(msg.notRegularFile(path));
    if (st.size > MAX_SCENARIO_BYTES) throw new FileRefused(msg.fileTooLarge(path, st.size, MAX_SCENARIO_BYTES));
    return utf8Text(path, readFileSync(path));
  },
  // Paths stay relative to the working directory so messages read like the user's command line.
  resolve: (from, ref) => {
    const abs = resolve(dirname(from), ref);
    const rel = relative(process.cwd(), abs);
    // The working folder itself is '.', not '' (`extends: .` said 'extended file "" does not exist').
    return rel.startsWith('..') || isAbsolute(rel) ? abs : rel === '' ? '.' : rel;
  },
};

/**
 * The text of a file that must be UTF-8 (a scenario, a CSV file it names). Decoding anything else as
 * UTF-8 turned a Latin-1 "ä" silently into "\uFFFD" in a note, and a UTF-16 file into "a scenario
 * file must be a mapping" or a CSV syntax error: now the message says what the file is.
 */
export function utf8Text(path: string, bytes: Buffer): string {
  // A NUL byte is valid UTF-8 but never in a text file: UTF-16 without a byte-order mark has one in
  // every other byte (ASCII-only UTF-16 would otherwise pass as UTF-8).
  if (isUtf8(bytes) && !bytes.includes(0)) return bytes.toString('utf8');
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) throw new NotUtf8(msg.utf16(path));
  if (looksUtf16(bytes)) throw new NotUtf8(msg.utf16(path));
  // The first byte that starts no valid sequence: every byte before it is UTF-8, so the line and column are exact.
  const good = firstNotUtf8(bytes);
  const lineStart = good === 0 ? 0 : bytes.lastIndexOf(0x0a, good - 1) + 1;
  const line = bytes.subarray(0, lineStart).reduce((k, b) => k + (b === 0x0a ? 1 : 0), 1);
  const col = bytes.subarray(lineStart, good).toString('utf8').length + 1;
  throw new NotUtf8(msg.notUtf8(path, bytes[good], line, col), { line, col });
}

/** Whether the first bytes hold a NUL in at least 40 % of the even or of the odd places: UTF-16 text. */
function looksUtf16(b: Uint8Array): boolean {
  const n = Math.min(b.length, 512);
  let even = 0, odd = 0;
  for (let i = 0; i < n; i++) if (b[i] === 0) (i % 2 === 0 ? even++ : odd++);
  return n >= 4 && Math.max(even, odd) >= 0.4 * (n / 2);
}

/** The index of the first byte that does not begin a well-formed UTF-8 sequence (RFC 3629), or the length. */
function firstNotUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length;) {
    const c = b[i];
    if (c === 0) return i; // valid UTF-8, but no text file has it
    if (c < 0x80) { i++; continue; }
    const len = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > b.length) return i;
    // The second byte's range is narrower after E0, ED, F0 and F4 (no overlong forms, no surrogates).
    const lo = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80, hi = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
    if (b[i + 1] < lo || b[i + 1] > hi) return i;
    for (let k = 2; k < len; k++) if (b[i + k] < 0x80 || b[i + k] > 0xbf) return i;
    i += len;
  }
  return b.length;
}

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
