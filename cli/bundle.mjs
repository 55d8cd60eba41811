// Bundles the command line (cli/main.ts) and the Monte Carlo's worker thread (threads/worker.ts)
// with esbuild into dist/cli/main.js and dist/cli/worker.js, for start-up time: one ESM file and
// a few shared chunks instead of hundreds of modules to resolve, read and compile. Run by
// `npm run build` after tsc (tsc's own dist/cli/*.js stay for the library and the bench; the
// bundle replaces dist/cli/main.js, the `bin`).
//
// - Code splitting: what a command loads on use (`import()` of cli/chart.ts with vega, …)
//   becomes its own chunk, loaded only by that command. Every output sits in dist/cli, so
//   threads/pool.ts finds `./worker.js` next to whichever file it lands in, and the paths the
//   program finds by walking up from its own file (package.json, dist/web) still resolve.
// - External (loaded from node_modules as before): native or file-relative packages
//   (@resvg/resvg-js, playwright-core, @sparticuz/chromium; fontkit reads its Unicode tables
//   from files beside its own), exceljs (large CJS with dynamic
//   requires), mathjs (loaded by createRequire on the first formula).
// - The CJS packages inside an ESM bundle need `require` for Node's built-ins: the banner makes one.
// - zod's `z` namespace re-exports all of its ~45 message locales (about 300 kB of the bundle, parsed
//   by every command): only English is kept, which is what zod uses unless told otherwise (our
//   messages are our own, scenario/messages*.ts).
import { build } from 'esbuild';
import { chmodSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const out = 'dist/cli';
// Chunks of an earlier build (name-HASH.js): never tsc's files, which have no hash.
for (const f of readdirSync(out)) if (/-[A-Z0-9]{8}\.js$/.test(f)) rmSync(join(out, f));
/** zod/v4/locales/index.js → English only. */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, (a) => ({ contents: 'export { default as en } from "./en.js";', loader: 'js', resolveDir: dirname(a.path) }));
  },
};

const result = await build({
  plugins: [zodEnglishOnly],
  metafile: !!process.env.RIKTVARDE_BUNDLE_META,
  entryPoints: { main: 'cli/main.ts', worker: 'threads/worker.ts' },
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: !process.env.RIKTVARDE_BUNDLE_READABLE, // readable names in a profile: RIKTVARDE_BUNDLE_READABLE=1 node cli/bundle.mjs
  keepNames: true,
  legalComments: 'none',
  external: ['@resvg/resvg-js', 'playwright-core', '@sparticuz/chromium', 'exceljs', 'mathjs', 'fontkit'],
  banner: { js: "import { createRequire as __riktvardeRequire } from 'node:module'; globalThis.require ??= __riktvardeRequire(import.meta.url);" },
  logLevel: 'warning',
});
chmodSync(join(out, 'main.js'), 0o755);
// What each output holds (for finding what a command loads): RIKTVARDE_BUNDLE_META=file.json.
if (process.env.RIKTVARDE_BUNDLE_META) writeFileSync(process.env.RIKTVARDE_BUNDLE_META, JSON.stringify(result.metafile));
