import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Test files that need a module graph of their own: they replace modules (`vi.mock`), stub
 * globals or the environment, or drive a browser. Found by reading the files, so a new test that
 * mocks a module is isolated without anyone remembering to list it.
 */
const TEST = fileURLToPath(new URL('./test/', import.meta.url));
const ISOLATED = readdirSync(TEST)
  .filter((f) => f.endsWith('.test.ts') && /\bvi\.(mock|doMock|stubGlobal|stubEnv)\(|\blaunchBrowser\(/.test(readFileSync(TEST + f, 'utf8')))
  .map((f) => `test/${f}`);

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // vitest's default is one worker fewer than the cores: on a 2-core machine that is ONE worker,
    // and the files ran one after another. Two workers keep both cores busy (forks: cliInProcess
    // needs process.chdir, which worker threads do not have); vitest starts the slowest files first.
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      // The rest share a worker's modules from file to file (isolate: false): the CLI, vega, zod
      // and the scenario layer are loaded once per worker instead of once per file.
      { extends: true, test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: ISOLATED, isolate: false } },
      { extends: true, test: { name: 'isolated', include: ISOLATED.length ? ISOLATED : ['test/none'] } },
    ],
  },
});
