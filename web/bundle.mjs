// Bundles the what-if page and its worker (web/page.ts, web/worker.ts) for `riktvarde explore`:
// one IIFE each, minified, for browsers, into dist/web/. Run by `npm run build`.
// es2022: class fields stay class fields (es2020 turned the engine's into Object.defineProperty
// calls, ~5 % more CPU per Monte Carlo in the worker); every current browser runs it.
import { build } from 'esbuild';
import { browserAlias } from './browser-alias.mjs';

const common = { alias: browserAlias, bundle: true, format: 'iife', platform: 'browser', target: 'es2022', minify: true, legalComments: 'none', logLevel: 'warning' };
await Promise.all([
  build({ ...common, entryPoints: ['web/start.ts'], outfile: 'dist/web/start.js' }),
  build({ ...common, entryPoints: ['web/page.ts'], outfile: 'dist/web/page.js' }),
  build({ ...common, entryPoints: ['web/worker.ts'], outfile: 'dist/web/worker.js' }),
  // Only for scenarios with formulas: mathjs's parser makes it about twice as large.
  build({ ...common, entryPoints: ['web/worker-formula.ts'], outfile: 'dist/web/worker-formula.js' }),
]);
