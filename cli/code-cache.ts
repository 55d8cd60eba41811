/**
 * Loads the built CLI's command code (dist/cli/handlers.cjs, one CommonJS file made by
 * cli/bundle.mjs) with V8's code cache: the functions a command runs come compiled from
 * handlers.cjs.cache instead of being parsed and compiled in every process (about a fifth of a
 * deterministic `run`'s CPU time); the charts (render.cjs) likewise. The caches are written once
 * by `npm run build` (warm-up runs with RIKTVARDE_WRITE_CODE_CACHE naming the file); one made by
 * another Node version is rejected by V8 and the file is simply compiled as usual. The results
 * never depend on it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

const loaded = new Map<string, unknown>();

/** The function a loaded file runs inside; cli/bundle.mjs writes its files with exactly these around them. */
export const WRAPPER_HEAD = '(function (exports, require, module, __filename, __dirname, __importMetaResolve) {';
export const WRAPPER_TAIL = '\n})';

/**
 * `file`'s exports, run from its code cache. A `require('./NAME.cjs')` inside it (the charts,
 * render.cjs) is loaded the same way, once.
 */
export function loadWithCodeCache(file: string, resolve: (specifier: string) => string): unknown {
  if (loaded.has(file)) return loaded.get(file);
  const cacheFile = `${file}.cache`;
  let cachedData: Buffer | undefined;
  try { cachedData = readFileSync(cacheFile); } catch { /* not built: compile as usual */ }
  // The build writes the files this loads already inside the function (cli/bundle.mjs): V8 then
  // compiles the file's own string, where a wrapper added here makes a concatenated string that V8
  // copies whole (0.65 MB for handlers.cjs) before it can look the code cache up.
  const text = readFileSync(file, 'utf8');
  const source = text.startsWith(WRAPPER_HEAD) ? text : `${WRAPPER_HEAD}${text}${WRAPPER_TAIL}`;
  // No `import()` in there (cli/bundle.mjs checks): a vm.Script has no module loader of its own.
  const script = new Script(source, { filename: file, cachedData });
  const base = createRequire(file);
  const require = Object.assign((id: string) => (/^\.\/[\w-]+\.cjs$/.test(id) ? loadWithCodeCache(join(dirname(file), id), resolve) : base(id)), base);
  const module = { exports: {} };
  (script.runInThisContext() as (...a: unknown[]) => void)(module.exports, require, module, file, dirname(file), resolve);
  loaded.set(file, module.exports);
  // The build's warm-up runs name the file whose cache they write (cli/bundle.mjs).
  if (process.env.RIKTVARDE_WRITE_CODE_CACHE === basename(file)) process.once('exit', () => writeFileSync(cacheFile, script.createCachedData()));
  return module.exports;
}
