// The loaded scenario document: a plain value plus where each value and key was written, and the
// tree helpers the loading steps (yaml.ts, extends.ts, set.ts) share.
import type { Origin } from './errors.js';
import { formatPath } from './errors.js';

/** Injected so this module never touches the file system itself. */
/** A file `FileAccess.read` refuses to read (not a regular file, too large): its message is shown as is. */
export class FileRefused extends Error {}
/** A file that is not UTF-8 text (UTF-16, Latin-1): where its first byte that is not UTF-8 is, when known. */
export class NotUtf8 extends FileRefused {
  constructor(message: string, readonly at?: { line: number; col: number }) {
    super(message);
  }
}

export interface FileAccess {
  read(path: string): string;
  /** Path of `ref` relative to `fromFile`; should be normalized, since cycles are found by comparing paths. */
  resolve(fromFile: string, ref: string): string;
}

export interface LoadedDoc {
  value: Record<string, unknown>;
  /** Keyed by pathKey(path); '' is the root. */
  origins: Map<string, Origin>;
  /**
   * Where the key of each mapping entry was written (same keys as `origins`; none for the root or
   * list items). Always set by this module; optional for hand-made documents.
   */
  keyOrigins?: Map<string, Origin>;
  /** Every file involved, base first, entry last. */
  files: string[];
}


export type Path = (string | number)[];

/**
 * A text and its Swedish twin (`note`/`noteSv`, …). A layer (an `extends` overlay, a region
 * over the top-level values) that writes the text but not its twin drops the twin it would
 * otherwise inherit: a Swedish reader must never get the base's twin of a text that changed.
 */
export const SV_TWIN: Readonly<Record<string, string>> = { note: 'noteSv', title: 'titleSv', description: 'descriptionSv' };

/** The twin keys `over` makes stale: those whose text it writes without writing the twin. */
export const staleTwins = (over: Record<string, unknown>): string[] =>
  Object.keys(over).filter((k) => Object.hasOwn(SV_TWIN, k) && over[k] !== null && !Object.hasOwn(over, SV_TWIN[k])).map((k) => SV_TWIN[k]);

/** Key used in `origins`. */
export function pathKey(path: readonly (string | number)[]): string {
  return formatPath(path);
}


/** Where values and keys were written; kept in step by every operation below. */
export interface OriginMaps {
  origins: Map<string, Origin>;
  keyOrigins: Map<string, Origin>;
}

/** Removes the origins of `value` (at `path`) and everything below it. */
export function dropOrigins(maps: OriginMaps, value: unknown, path: Path): void {
  if (value === undefined) return;
  forEachNode(value, path, (p) => {
    maps.origins.delete(pathKey(p));
    maps.keyOrigins.delete(pathKey(p));
  });
}

export function copyOrigins(from: OriginMaps, to: OriginMaps, value: unknown, path: Path): void {
  forEachNode(value, path, (p) => {
    const o = from.origins.get(pathKey(p));
    if (o) to.origins.set(pathKey(p), o);
    const k = from.keyOrigins.get(pathKey(p));
    if (k) to.keyOrigins.set(pathKey(p), k);
  });
}

export function forEachNode(value: unknown, path: Path, fn: (path: Path) => void): void {
  fn(path);
  if (Array.isArray(value)) value.forEach((v, i) => forEachNode(v, [...path, i], fn));
  else if (isPlainObject(value)) for (const k of Object.keys(value)) forEachNode(value[k], [...path, k], fn);
}

// ---------------------------------------------------------------- locate

/**
 * Where to point for a problem with the key at `path` (an unknown or misplaced key): the key
 * itself, else its value. A path that is not in the document (a required key that is missing)
 * points at the key of its deepest existing ancestor, e.g. `horizon:` when `horizon.end` is missing.
 */
export function locateKey(doc: LoadedDoc, path: readonly (string | number)[]): Origin {
  for (let n = path.length; n >= 0; n--) {
    const k = pathKey(path.slice(0, n));
    const o = doc.keyOrigins?.get(k) ?? doc.origins.get(k);
    if (o) return o;
  }
  return locate(doc, path);
}

/** Origin of the deepest prefix of `path` that has one (the entry file's 1:1 if none). */
export function locate(doc: LoadedDoc, path: readonly (string | number)[]): Origin {
  for (let n = path.length; n >= 0; n--) {
    const o = doc.origins.get(pathKey(path.slice(0, n)));
    if (o) return o;
  }
  return { file: doc.files[doc.files.length - 1] ?? '', line: 1, col: 1 };
}

// ---------------------------------------------------------------- helpers

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

// A YAML key `__proto__` must stay an own data property, never reach the prototype.
export function getOwn(o: Record<string, unknown>, k: string): unknown {
  return Object.hasOwn(o, k) ? o[k] : undefined;
}

export function putOwn(o: Record<string, unknown>, k: string, v: unknown): void {
  Object.defineProperty(o, k, { value: v, writable: true, enumerable: true, configurable: true });
}

/** Deep copy of plain objects and arrays; shared references become separate copies. */
export function cloneTree(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(cloneTree);
  if (isPlainObject(v)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) putOwn(out, k, cloneTree(v[k]));
    return out;
  }
  return v;
}

export function linePosIn(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      start = i + 1;
    }
  }
  return { line, col: offset - start + 1 };
}
