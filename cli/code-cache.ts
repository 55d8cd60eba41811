/**
 * Loads the built CLI's command code (dist/cli/handlers.cjs, one CommonJS file made by
 * cli/bundle.mjs) with V8's code cache: the functions a command runs come compiled from
 * handlers.cjs.cache instead of being parsed and compiled in every process (about a fifth of a
 * deterministic `run`'s CPU time). The cache is written once by `npm run build` (a warm-up run
 * with RIKTVARDE_WRITE_CODE_CACHE set); one made by another Node version is rejected by V8 and
 * the file is simply compiled as usual. The results never depend on it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

export function loadWithCodeCache(file: string, resolve: (specifier: string) => string): unknown {
  const cacheFile = `${file}.cache`;
  let cachedData: Buffer | undefined;
  try { cachedData = readFileSync(cacheFile); } catch { /* not built: compile as usual */ }
  const source = `(function (exports, require, module, __filename, __dirname, __importMetaResolve) {${readFileSync(file, 'utf8')}\n})`;
  // No `import()` in there (cli/bundle.mjs checks): a vm.Script has no module loader of its own.
  const script = new Script(source, { filename: file, cachedData });
  const module = { exports: {} };
  (script.runInThisContext() as (...a: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file), resolve);
  if (process.env.RIKTVARDE_WRITE_CODE_CACHE) process.once('exit', () => writeFileSync(cacheFile, script.createCachedData()));
  return module.exports;
}
