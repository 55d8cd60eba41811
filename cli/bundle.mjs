// Bundles the command line with esbuild, for start-up time (run by `npm run build` after tsc; tsc's
// own dist/cli/*.js stay for the library and the bench):
//
//   dist/cli/main.cjs       the `bin`: a few lines of CommonJS that run front.cjs from its code cache
//   dist/cli/main.js        the bin before, now a one-line ES module requiring main.cjs (compatibility)
//   dist/cli/front.cjs      cli/main.ts → argument parsing, help, usage errors (CommonJS, small)
//   dist/cli/import-resolve.mjs  one line: ES module resolution (import.meta.resolve) for the CommonJS parts
//   dist/cli/handlers.cjs   every command's code (cli/handlers.ts and all it loads; written inside
//                           the function cli/code-cache.ts runs it in, so not a file to require)
//   dist/cli/handlers.cjs.cache  V8's code cache of it, written by a warm-up run (cli/code-cache.ts)
//   dist/cli/render.cjs     charts (viz/render.ts with vega, vega-lite, fontkit), required on use
//   dist/cli/render.cjs.cache  its code cache, written by a warm-up chart command
//   dist/cli/worker.cjs     the Monte Carlo's worker thread (threads/worker.ts: the engine only; CommonJS)
//
// - One file per part instead of hundreds of modules to resolve, read and compile; `--help` loads
//   main.cjs and front.cjs only; a command compiles almost nothing (the code cache). The bin and
//   the front are CommonJS: Node's ES module loader costs ~12 ms for an entry alone, and a few
//   milliseconds per module and per built-in module imported (start-up, issue 15).
// - Every output sits in dist/cli: threads/idle.ts finds `./worker.cjs` next to itself, and the
//   paths the program finds by walking up from its own file (package.json, dist/web) resolve.
// - External (loaded from node_modules as before): native or file-relative packages
//   (@resvg/resvg-js, playwright-core, @sparticuz/chromium), exceljs (large CJS with dynamic
//   requires) and jszip (exceljs's zip: viz/xlsx.ts sets its default date on the instance exceljs
//   uses, so it must not be a second, bundled copy), mathjs (loaded by createRequire on the first formula). vega, vega-lite and fontkit
//   are inside render.cjs (they are ESM-only, which Node 20's require cannot load).
// - handlers.cjs runs in a vm.Script, where `import()` is not available: what it imports
//   dynamically outside itself (playwright-core, render.cjs; both CommonJS) is required instead.
// - zod's `z` namespace re-exports all of its ~45 message locales (about 300 kB): only English is
//   kept, which is what zod uses unless told otherwise (our messages are our own).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const out = 'dist/cli';
const external = ['@resvg/resvg-js', 'playwright-core', '@sparticuz/chromium', 'exceljs', 'jszip', 'mathjs'];
const common = {
  bundle: true, platform: 'node', target: 'node20', external, legalComments: 'none', logLevel: 'warning', keepNames: true,
  minify: !process.env.RIKTVARDE_BUNDLE_READABLE, // readable names in a profile: RIKTVARDE_BUNDLE_READABLE=1 node cli/bundle.mjs
  metafile: !!process.env.RIKTVARDE_BUNDLE_META, // what each output holds: RIKTVARDE_BUNDLE_META=file.json
  plugins: [{
    name: 'zod-english-only',
    setup(b) {
      b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, (a) => ({ contents: 'export { default as en } from "./en.js";', loader: 'js', resolveDir: dirname(a.path) }));
    },
  }, {
    // fontkit's Unicode tables: the copy embedded as text (the browser build) instead of the file
    // beside the package that the Node build reads relative to its own module.
    name: 'unicode-trie-embedded',
    setup(b) {
      b.onResolve({ filter: /^#binary-trie$/ }, (a) => ({ path: join(a.resolveDir, 'binaryTrie.browser.js') }));
    },
  }, {
    name: 'dynamic-import-as-require',
    setup(b) {
      b.onResolve({ filter: /^playwright-core$/ }, (a) => (a.kind === 'dynamic-import' ? { path: a.path, namespace: 'require-shim' } : undefined));
      b.onLoad({ filter: /.*/, namespace: 'require-shim' }, (a) => ({ contents: `module.exports = require(${JSON.stringify(a.path)});`, loader: 'js' }));
    },
  }, {
    // vega-canvas tries `await import('canvas')` at the top of its module (not allowed in CommonJS).
    // riktvarde never uses the canvas package (viz/render.ts measures text with the shipped fonts),
    // so the bundle has vega-canvas as it is without it: the same charts on every machine.
    name: 'vega-without-canvas',
    setup(b) {
      b.onLoad({ filter: /[\\/]vega-canvas[\\/]build[\\/]vega-canvas\.node\.js$/ }, (a) => {
        const src = readFileSync(a.path, 'utf8');
        const without = src.replace(/let NodeCanvas;\s*try \{[\s\S]*?\n\} catch \(error\) \{[\s\S]*?\n\}/, 'let NodeCanvas = null;');
        if (without === src) throw new Error(`vega-canvas changed: update the vega-without-canvas plugin in cli/bundle.mjs (${a.path})`);
        return { contents: without, loader: 'js' };
      });
    },
  }],
};

// Outputs of an earlier build: chunks (name-HASH.js) and the command bundle; never tsc's files.
for (const f of readdirSync(out)) if (/-[A-Z0-9]{8}\.js$|^(handlers|render|front|worker)\.cjs|^worker\.js$/.test(f)) rmSync(join(out, f));

/**
 * CommonJS outputs use `import.meta` through variables the banner (or cli/code-cache.ts) sets. The
 * URL is made when first read (pathToFileURL costs ~0.5 ms cold, and `--help` never reads it).
 */
const asCommonJs = (resolveMeta) => ({
  format: 'cjs',
  define: { 'import.meta.url': '__importMeta.url', 'import.meta.resolve': '__importMetaResolve' },
  banner: { js: `var __importMetaUrl, __importMeta = { get url() { return __importMetaUrl ??= require('node:url').pathToFileURL(__filename).href; } };${resolveMeta}` },
});
const renderTs = resolve('viz/render.ts');

// The front and the command code without esbuild's keepNames: it gives every function its name
// again at load (a property defined per function: ~1.4 MB of heap and a few % of a `run`'s
// start-up), and nothing there reads a function's name (errors name themselves). seedrandom
// requires Node's crypto only to seed itself without a seed, which riktvarde never does: an empty
// module instead of loading crypto in every command (~1 % of a `run`).
const lean = {
  keepNames: false,
  plugins: [...common.plugins, {
    name: 'seedrandom-without-crypto',
    setup(b) {
      b.onResolve({ filter: /^crypto$/ }, (a) => (/[\\/]seedrandom[\\/]/.test(a.importer) ? { path: 'crypto', namespace: 'no-crypto' } : undefined));
      b.onLoad({ filter: /.*/, namespace: 'no-crypto' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
    },
  }],
};

// Node built-in modules loaded on first use instead of when the bundle loads: the command code's
// worker_threads (threads/pool.ts imports it at its top; a deterministic `run` or `validate` never
// starts a thread: ~1 % of a `run`) and os (the default thread count), the front's vm (only to
// load the command code: `--help` never needs it), v8 (flags for a command: cli/app.ts) and the front's worker_threads and os too
// (cli/workers-first.ts starts threads only for a Monte Carlo). Every name the module exports (in the Node
// that builds) is read through on use.
const lazyBuiltins = async (names, instead = {}) => {
  const exported = new Map(await Promise.all(names.map(async (n) => [n, Object.keys(await import(`node:${n}`)).filter((k) => k !== 'default')])));
  const getter = (name, k) => instead[name]?.[k] ?? `get: () => load()[${JSON.stringify(k)}]`;
  return {
    name: 'builtins-on-use',
    setup(b) {
      b.onResolve({ filter: new RegExp(`^(node:)?(${names.join('|')})$`) }, (a) => {
        const name = a.path.replace(/^node:/, '');
        return a.namespace === 'lazy-builtin' ? { path: `node:${name}`, external: true } : { path: name, namespace: 'lazy-builtin' };
      });
      b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (a) => ({
        loader: 'js',
        contents: `let m, set; const load = () => (m ??= require('node:${a.path}'));\n${exported.get(a.path).map((k) => `Object.defineProperty(exports, ${JSON.stringify(k)}, { enumerable: true, ${getter(a.path, k)} });`).join('\n')}`,
      }));
    },
  };
};
// Packages a deterministic `run` or `validate` never calls, each its own file beside the command
// code (`pkg-NAME.cjs`), required through a module of getters on first use (like the built-ins
// above): `yaml` (syntax trees with positions: only when a scenario has a problem, or for --set),
// ml-matrix (correlations, sensitivity, calibration), csv-parse (scenario CSV files) and
// cli-progress (a terminal's progress bar). The command code that every command reads and
// deserializes is then ~0.2 MB smaller. The package's own code is unchanged and used in one place
// only (nothing else bundles it), so there is one copy of each.
const apart = { yaml: 'yaml', 'ml-matrix': 'ml-matrix', 'csv-parse/sync': 'csv-parse', 'cli-progress': 'cli-progress' };
const apartNames = new Map(await Promise.all(Object.keys(apart).map(async (spec) => [spec, Object.keys(await import(spec))])));
const packagesApart = {
  name: 'packages-apart',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^(${Object.keys(apart).join('|')})$`) }, (a) => ({ path: a.path, namespace: 'package-apart' }));
    b.onResolve({ filter: /^\.\/pkg-[\w-]+\.cjs$/ }, (a) => ({ path: a.path, external: true }));
    b.onLoad({ filter: /.*/, namespace: 'package-apart' }, (a) => ({
      loader: 'js',
      contents: `let m; const load = () => (m ??= require('./pkg-${apart[a.path]}.cjs'));\nObject.defineProperty(exports, '__esModule', { value: true });\n${apartNames.get(a.path).map((k) => `Object.defineProperty(exports, ${JSON.stringify(k)}, { enumerable: true, get: () => load()[${JSON.stringify(k)}] });`).join('\n')}`,
    }));
  },
};
const packageBundles = Object.entries(apart).map(([spec, name]) => build({
  ...common, ...lean, ...asCommonJs(''),
  stdin: { contents: `export * from ${JSON.stringify(spec)};${apartNames.get(spec).includes('default') ? ` export { default } from ${JSON.stringify(spec)};` : ''}`, resolveDir: process.cwd(), loader: 'js' },
  outfile: join(out, `pkg-${name}.cjs`),
}));
// zod's `z` as the names riktvarde's code reads (scenario/schema.ts, scenario/jsonschema.ts) instead
// of all of zod: zod is written to be shaken that way (English is still registered by its first
// schema), and its JSON Schema reader, ISO dates, coercion and error formatters are then neither
// in the command code nor initialized in every command. A name used but not listed here leaves
// `z.name` undefined: the check below stops the build when a file importing `z` calls or reads a
// name that is not listed (`z.core` is only ever a type).
const zodNames = {
  'v4/classic/schemas.js': ['array', 'boolean', 'discriminatedUnion', 'enum', 'literal', 'number', 'object', 'never', 'record', 'strictObject', 'string', 'tuple', 'union', 'ZodObject', 'ZodOptional', 'ZodType'],
  'v4/core/registries.js': ['globalRegistry', 'registry'],
  'v4/core/json-schema-processors.js': ['toJSONSchema'],
};
for (const file of ['api', 'cli', 'model', 'scenario', 'threads', 'viz', 'web'].flatMap((d) => readdirSync(d, { recursive: true }).filter((f) => f.endsWith('.ts')).map((f) => join(d, f)))) {
  const src = readFileSync(file, 'utf8');
  if (!/^import \{[^}]*\bz\b[^}]*\} from 'zod';/m.test(src)) continue;
  const listed = new Set(Object.values(zodNames).flat());
  for (const [, name] of src.matchAll(/\bz\.(\w+)\s*[(.]/g)) if (name !== 'core' && !listed.has(name)) throw new Error(`${file} uses z.${name}: add it to zodNames in cli/bundle.mjs`);
}
const zodUsed = {
  name: 'zod-used-names',
  setup(b) {
    b.onResolve({ filter: /^zod$/ }, (a) => (/[\\/]node_modules[\\/]/.test(a.importer) ? undefined : { path: 'z', namespace: 'zod-used' }));
    b.onResolve({ filter: /^zod-names$/ }, () => ({ path: 'names', namespace: 'zod-used' }));
    b.onLoad({ filter: /^z$/, namespace: 'zod-used' }, () => ({ loader: 'js', contents: "export * as z from 'zod-names';" }));
    b.onLoad({ filter: /^names$/, namespace: 'zod-used' }, () => ({
      loader: 'js',
      resolveDir: dirname(fileURLToPath(import.meta.resolve('zod/package.json'))),
      contents: Object.entries(zodNames).map(([file, names]) => `export { ${names.join(', ')} } from './${file}';`).join('\n'),
    }));
  },
};
const lazyInCommands = await lazyBuiltins(['worker_threads', 'os']);
// The front's `setFlagsFromString` (cli/app.ts sets V8 flags for a command) without loading
// node:v8: on Node 20 that module loads its heap-snapshot streams at once — Node's ~20 stream
// modules, ~4 % of a deterministic `run` — to set a flag. `v8.setFlagsFromString` is a type check
// in front of the binding's function, which `process.binding('v8')` returns (deprecated, DEP0111:
// its one-time warning is kept quiet by `noDeprecation` for that call). Where that is not there
// (a later Node, the permission model), node:v8 as before. The same flags set either way.
const setFlagsQuietly = `value: (flags) => {
  if (typeof flags !== 'string') return load().setFlagsFromString(flags);
  if (set === undefined) {
    const quiet = process.noDeprecation;
    try { process.noDeprecation = true; set = process.binding('v8').setFlagsFromString; } catch { /* not there: node:v8 */ } finally { process.noDeprecation = quiet; }
    if (typeof set !== 'function') set = load().setFlagsFromString;
  }
  set(flags);
}`;
const lazyInFront = await lazyBuiltins(['vm', 'worker_threads', 'os', 'v8'], { v8: { setFlagsFromString: setFlagsQuietly } });

const [[front, threads, commands, render]] = await Promise.all([Promise.all([
  build({
    ...common,
    ...lean,
    // import.meta.resolve (passed to the command code): ES module resolution through import-resolve.mjs (written below).
    ...asCommonJs(" var __importMetaResolve = (s) => { try { return require('./import-resolve.mjs').resolve(s); } catch (e) { if (e?.code !== 'ERR_REQUIRE_ESM') throw e; return require('node:url').pathToFileURL(require.resolve(s)).href; } };"),
    entryPoints: ['cli/main.ts'],
    outfile: join(out, 'front.cjs'),
    define: { ...asCommonJs('').define, RIKTVARDE_BUNDLE: 'true' },
    plugins: [...lean.plugins, lazyInFront, {
      // cli/app.ts imports ./handlers.js only when not bundled (tsx, tests): handlers.cjs instead.
      name: 'handlers-apart',
      setup(b) {
        b.onResolve({ filter: /^\.\/handlers\.js$/ }, (a) => (a.kind === 'dynamic-import' ? { path: a.path, external: true } : undefined));
      },
    }],
  }),
  // The worker as CommonJS (threads/idle.ts starts `./worker.cjs` in the built CLI): a worker thread
  // whose entry is an ES module first sets up Node's ES module loader, ~10 ms of the worker's boot
  // (its CPU and its readiness, medians of 14 alternating spawns) that a CommonJS entry does not
  // need. The worker imports the engine only, with nothing that needs an ES module.
  build({
    ...common,
    entryPoints: ['threads/worker.ts'],
    outfile: join(out, 'worker.cjs'), format: 'cjs',
    define: { RIKTVARDE_BUNDLE: 'true' },
  }),
  build({
    ...common,
    ...lean,
    ...asCommonJs(''), // cli/code-cache.ts runs this file inside a function that receives __importMetaResolve
    define: { ...asCommonJs('').define, RIKTVARDE_BUNDLE: 'true' }, // cli/stdout.ts: output without process.stdout
    entryPoints: ['cli/handlers.ts'],
    outfile: join(out, 'handlers.cjs'),
    plugins: [...lean.plugins, lazyInCommands, packagesApart, zodUsed, {
      // Charts (vega, vega-lite, fontkit: 1.2 MB) are render.cjs, required by the commands that draw.
      name: 'render-apart',
      setup(b) {
        b.onResolve({ filter: /^\.\/render\.cjs$/ }, () => ({ path: './render.cjs', external: true }));
        b.onResolve({ filter: /(^|\/)render\.js$/ }, (a) => {
          if (resolve(a.resolveDir, a.path).replace(/\.js$/, '.ts') !== renderTs) return undefined;
          return a.kind === 'dynamic-import' ? { path: './render.cjs', namespace: 'require-shim' } : { path: './render.cjs', external: true };
        });
      },
    }],
  }),
  build({
    ...common,
    ...asCommonJs(" var __importMetaResolve = (s) => require('node:url').pathToFileURL(require.resolve(s)).href;"),
    entryPoints: ['viz/render.ts'],
    outfile: join(out, 'render.cjs'),
  }),
]), ...packageBundles]);
// The bin, main.cjs, runs front.cjs as CommonJS would, but compiled from V8's code cache
// (front.cjs.cache, written by a warm-up `--help` below; as cli/code-cache.ts does for the command
// code): compiling the 0.08 MB front was about a third of what `--help` costs above a bare node.
// Without the cache (or with one V8 rejects) it is compiled as usual. The bin is CommonJS: an ES
// module entry costs Node's ES module loader, ~12 ms of every command (an empty `node e.mjs`
// against `node e.cjs`). It sits beside front.cjs, so its `require` resolves as the front's would.
/** Writes dist/cli/NAME, one line per entry; an entry point of the command line is executable. */
const writeLines = (name, lines, executable) => {
  writeFileSync(join(out, name), [...lines, ''].join('\n'));
  if (executable) chmodSync(join(out, name), 0o755);
};
writeLines('main.cjs', [
  '#!/usr/bin/env node',
  "'use strict';",
  '// The `bin`, written by cli/bundle.mjs: the command line is front.cjs (cli/main.ts), run from its code cache.',
  "const { readFileSync, writeFileSync } = require('node:fs');",
  "const { Script } = require('node:vm');",
  "const file = require('node:path').join(__dirname, 'front.cjs');",
  'let cachedData;',
  "try { cachedData = readFileSync(`${file}.cache`); } catch { /* not built: compiled as usual */ }",
  "const script = new Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\\n})`, { filename: file, cachedData });",
  'const front = { exports: {} };',
  // The build's warm-ups only: V8 stamps a code cache with the flags of the moment it is made, and a
  // `run` has set the young generation's growth (cli/app.ts) by then; with V8's default back the
  // cache matches the flags every command starts with, when main.cjs reads it.
  "if (process.env.RIKTVARDE_WRITE_CODE_CACHE === 'front.cjs') process.once('exit', () => { require('node:v8').setFlagsFromString('--semi-space-growth-factor=2'); writeFileSync(`${file}.cache`, script.createCachedData()); });",
  'script.runInThisContext()(front.exports, require, front, file, __dirname);',
], true);
// dist/cli/main.js (tsc's ES module build of cli/main.ts, the bin before) as a compatibility entry:
// `node dist/cli/main.js …` still works, ~12 ms slower than the bin.
writeLines('main.js', [
  '#!/usr/bin/env node',
  '// Compatibility entry written by cli/bundle.mjs: the `bin` is main.cjs (quicker: no ES module loader).',
  "import { createRequire } from 'node:module';",
  "createRequire(import.meta.url)('./main.cjs');",
], true);
// What the command code asks `import.meta.resolve` (the directory of vega-lite's build, of
// @sparticuz/chromium) is resolved by Node's ES module resolution as before: this one-line ES module,
// required on first use (Node >= 20.19 requires an ES module synchronously). Where Node cannot,
// CommonJS resolution instead (the same file for vega-lite; @sparticuz/chromium's CommonJS build
// beside its ES one, so the same package folder).
writeLines('import-resolve.mjs', [
  '// Written by cli/bundle.mjs: ES module resolution for the CommonJS command line (front.cjs).',
  'export const resolve = (specifier) => import.meta.resolve(specifier);',
]);
if (process.env.RIKTVARDE_BUNDLE_META) {
  const all = [front, threads, commands, render].map((r) => r.metafile);
  writeFileSync(process.env.RIKTVARDE_BUNDLE_META, JSON.stringify({ inputs: Object.assign({}, ...all.map((m) => m.inputs)), outputs: Object.assign({}, ...all.map((m) => m.outputs)) }));
}

// A vm.Script (cli/code-cache.ts) cannot `import()`: every dynamic import must be inside the file
// (lines that are comments aside: the readable build keeps them).
if (/^(?!\s*\/\/).*\bimport\(/m.test(readFileSync(join(out, 'handlers.cjs'), 'utf8'))) throw new Error('dist/cli/handlers.cjs has an import() of a file outside it: make it a require (see the plugins above)');

// The command code as ASCII only: esbuild escapes non-ASCII characters in strings but not in
// regular expressions (a few `–` and `∞`), and one such character makes Node read the whole
// 1 MB file into a two-byte string (a slower UTF-8 decoding and twice the memory, in every
// command). As \uXXXX escapes they mean the same in a regular expression (with or without the u
// flag), a string or an identifier; one right after a backslash would not, so that stops the build.
for (const f of ['front.cjs', 'handlers.cjs']) {
  const file = join(out, f);
  const src = readFileSync(file, 'utf8').replace(/^#!.*/, ''); // main.cjs is the bin: front.cjs runs inside a function
  if (/\\[^\x00-\x7f]/.test(src)) throw new Error(`${file}: a non-ASCII character right after a backslash; escape it in the source`);
  writeFileSync(file, src.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

// The files the command code's loader runs (cli/code-cache.ts: handlers.cjs, render.cjs and the
// packages apart) written inside the function it runs them in, exactly as WRAPPER_HEAD and
// WRAPPER_TAIL there: V8 then compiles the file's string as it is, where a wrapper added at load made
// a concatenation that V8 copied whole (0.65 MB of fresh memory for handlers.cjs) before looking
// the code cache up. They are no longer files to require directly.
const WRAPPER_HEAD = '(function (exports, require, module, __filename, __dirname, __importMetaResolve) {', WRAPPER_TAIL = '\n})';
for (const f of readdirSync(out).filter((n) => /^(handlers|render|pkg-[\w-]+)\.cjs$/.test(n))) {
  const file = join(out, f);
  writeFileSync(file, `${WRAPPER_HEAD}${readFileSync(file, 'utf8')}${WRAPPER_TAIL}`);
}

// The code cache: compiled by a deterministic `run` (the start-up the issue times), which also
// compiles what every scenario command shares (YAML, validation, normalisation, the projection).
const warmUp = (file, ...args) => execFileSync(process.execPath, [join(out, 'main.cjs'), ...args], { stdio: 'ignore', env: { ...process.env, RIKTVARDE_WRITE_CODE_CACHE: file } });
warmUp('handlers.cjs', 'run', 'scenarios/stockholm-handlingsplan.yaml');
// Then `validate` and a JSON `run`, each reading that cache and writing it again with the few
// functions of its own path added (4 and 2, ~0.3 and ~0.2 ms of compiling in every such command).
warmUp('handlers.cjs', 'validate', 'scenarios/stockholm-handlingsplan.yaml');
warmUp('handlers.cjs', 'run', 'scenarios/stockholm-handlingsplan.yaml', '--format', 'json');
// The front's cache: a `--help`, then a deterministic `run` that reads that cache and writes it again
// with the functions of its own path added (finding and loading the command code, the flags): a
// `run` compiled ~25 of the front's functions itself (~1 ms) when the cache held `--help`'s only.
warmUp('front.cjs', '--help');
warmUp('front.cjs', 'run', 'scenarios/stockholm-handlingsplan.yaml');
// The charts' cache: one chart command (a few runs, PNG), into a temporary folder.
const charts = mkdtempSync(join(tmpdir(), 'riktvarde-build-'));
try {
  warmUp('render.cjs', 'chart', 'scenarios/stockholm-handlingsplan.yaml', '--runs', '20', '--workers', '1', '--format', 'png', '--out', charts, '--force');
} finally {
  rmSync(charts, { recursive: true, force: true });
}
