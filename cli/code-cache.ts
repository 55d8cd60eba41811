/**
 * Loads the built CLI's command code (dist/cli/handlers.cjs, one CommonJS file made by
 * cli/bundle.mjs) with V8's code cache: the functions a command runs come compiled from
 * handlers.cjs.cache instead of being parsed and compiled in every process (about a fifth of a
 * deterministic `run`'s CPU time); the charts (render.cjs) likewise. The caches are written once
 * by `npm run build` (warm-up runs with RIKTVARDE_WRITE_CODE_CACHE naming the file); one made by
 * another Node version is rejected by V8 and the file is simply compiled as usual. The results
 * never depend on it.
 */
import { isAscii } from 'node:buffer';
import { closeSync, fstatSync, openSync, readSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

const loaded = new Map<string, unknown>();

/** The function a loaded file runs inside; cli/bundle.mjs writes its files with exactly these around them. */
export const WRAPPER_HEAD = '(function (exports, require, module, __filename, __dirname, __importMetaResolve) {';
export const WRAPPER_TAIL = '\n})';

/** Reads up to `n` bytes of `fd` into the start of `buf`; the count read. */
function readInto(fd: number, buf: Buffer, n: number): number {
  let at = 0;
  for (let got; at < n && (got = readSync(fd, buf, at, n - at, at)) > 0;) at += got;
  return at;
}

/**
 * `file`'s text and its code cache (undefined when there is none), read through one buffer: the
 * text is copied out of it before the cache is read into it. Fresh memory is dear at start-up (a
 * page's first touch is a page fault), and reading each into its own buffer touched 0.65 MB more
 * for handlers.cjs. ASCII (handlers.cjs is, cli/bundle.mjs sees to it) is decoded as Latin-1, the
 * same characters without a UTF-8 decoder; anything else as UTF-8, as `readFileSync` would.
 */
function readWithCache(file: string, cacheFile: string): { text: string; cachedData: Buffer | undefined } {
  const fd = openSync(file, 'r');
  let cfd: number | undefined;
  try { cfd = openSync(cacheFile, 'r'); } catch { /* not built: compiled as usual */ }
  try {
    const size = fstatSync(fd).size, cacheSize = cfd === undefined ? 0 : fstatSync(cfd).size;
    const buf = Buffer.allocUnsafeSlow(Math.max(size, cacheSize));
    const bytes = buf.subarray(0, readInto(fd, buf, size));
    const text = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
    return { text, cachedData: cfd === undefined ? undefined : buf.subarray(0, readInto(cfd, buf, cacheSize)) };
  } finally {
    closeSync(fd);
    if (cfd !== undefined) closeSync(cfd);
  }
}

/**
 * `file`'s exports, run from its code cache. A `require('./NAME.cjs')` inside it (the charts,
 * render.cjs) is loaded the same way, once.
 */
export function loadWithCodeCache(file: string, resolve: (specifier: string) => string): unknown {
  if (loaded.has(file)) return loaded.get(file);
  const cacheFile = `${file}.cache`;
  const { text, cachedData } = readWithCache(file, cacheFile);
  // The build writes the files this loads already inside the function (cli/bundle.mjs): V8 then
  // compiles the file's own string, where a wrapper added here makes a concatenated string that V8
  // copies whole (0.65 MB for handlers.cjs) before it can look the code cache up.
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
