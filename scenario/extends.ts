// A scenario file and its `extends` chain, merged base first (JSON merge patch: maps merge key by
// key, lists and scalars replace, null deletes), origins kept in step.
import { ScenarioError, msg, type Origin } from './errors.js';
import { FileRefused, NotUtf8, cloneTree, copyOrigins, dropOrigins, getOwn, isPlainObject, pathKey, putOwn, staleTwins, type FileAccess, type LoadedDoc, type OriginMaps, type Path } from './doc.js';
import { parseFile, type ParsedFile } from './yaml.js';

/** A reader that may decline a file (null): then parseFile reads it (scenario/yaml-quick.ts). */
export type QuickRead = (file: string, src: string) => ParsedFile | null;

// ---------------------------------------------------------------- loading

/**
 * Loads `entry` and its `extends` chain; throws ScenarioError listing every problem found.
 * `quick`: read each file with it first (no positions: see api/load.ts).
 */
export function loadDocument(entry: string, fa: FileAccess, quick?: QuickRead): LoadedDoc {
  return loadFile(entry, fa, [], undefined, quick);
}

/** `chain`: files currently extending something, outermost first; `from`: where the `extends` naming `file` was written. */
function loadFile(file: string, fa: FileAccess, chain: string[], from: Origin | undefined, quick: QuickRead | undefined): LoadedDoc {
  let src: string;
  try {
    src = fa.read(file);
  } catch (e) {
    const refused = e instanceof FileRefused ? e.message : null;
    const code = (e as { code?: unknown } | null)?.code;
    const missing = code === 'ENOENT';
    const why = typeof code === 'string' ? code : undefined;
    throw new ScenarioError([
      from
        ? { ...from, path: 'extends', message: refused ?? (missing ? msg.extendsMissing(file) : msg.extendsNotFound(file, why)) }
        : { file, line: 1, col: 1, ...(e instanceof NotUtf8 ? e.at : undefined), path: '', message: refused ?? (missing ? msg.fileMissing(file) : msg.fileNotFound(file, why)) },
    ]);
  }
  const own = quick?.(file, src) ?? parseFile(file, src);
  if (own.extends === undefined) return { value: own.value, origins: own.origins, keyOrigins: own.keyOrigins, files: [file] };

  const { ref, origin } = own.extends;
  let baseFile: string;
  try {
    baseFile = fa.resolve(file, ref);
  } catch {
    throw new ScenarioError([{ ...origin, path: 'extends', message: msg.extendsNotFound(ref) }]);
  }
  const here = [...chain, file];
  const seen = here.indexOf(baseFile);
  if (seen >= 0) {
    throw new ScenarioError([
      { ...origin, path: 'extends', message: msg.extendsCycle([...here.slice(seen), baseFile]) },
    ]);
  }
  const base = loadFile(baseFile, fa, here, origin, quick);
  const merged = mergeDocs({ ...base, keyOrigins: base.keyOrigins ?? new Map() }, own);
  return { ...merged, files: [...base.files, file] };
}

// ---------------------------------------------------------------- merging

/**
 * JSON-merge-patch semantics (RFC 7396): mappings merge key by key, lists and
 * scalars replace wholesale (merging lists by index would silently mix
 * regions of two scenarios), and `null` in the overriding file deletes the key.
 */
function mergeDocs(
  base: OriginMaps & { value: Record<string, unknown> },
  over: OriginMaps & { value: Record<string, unknown> },
): OriginMaps & { value: Record<string, unknown> } {
  const maps: OriginMaps = { origins: new Map(base.origins), keyOrigins: new Map(base.keyOrigins) };
  const value = mergeValue(cloneTree(base.value), over.value, [], maps, over);
  return { value: value as Record<string, unknown>, ...maps };
}

function mergeValue(base: unknown, over: unknown, path: Path, origins: OriginMaps, overOrigins: OriginMaps): unknown {
  if (!isPlainObject(over)) {
    dropOrigins(origins, base, path);
    copyOrigins(overOrigins, origins, over, path);
    return cloneTree(over);
  }
  let out: Record<string, unknown>;
  if (isPlainObject(base)) out = base;
  else {
    dropOrigins(origins, base, path);
    out = {};
  }
  const own = overOrigins.origins.get(pathKey(path));
  if (own) origins.origins.set(pathKey(path), own);
  const ownKey = overOrigins.keyOrigins.get(pathKey(path));
  if (ownKey) origins.keyOrigins.set(pathKey(path), ownKey);
  for (const twin of staleTwins(over)) {
    dropOrigins(origins, getOwn(out, twin), [...path, twin]);
    delete out[twin];
  }
  for (const k of Object.keys(over)) {
    const child = [...path, k];
    const v = over[k];
    const old = getOwn(out, k);
    if (v === null) {
      dropOrigins(origins, old, child);
      delete out[k];
    } else {
      putOwn(out, k, mergeValue(old, v, child, origins, overOrigins));
    }
  }
  return out;
}

