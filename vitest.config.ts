import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // vitest's default is one worker fewer than the cores: on a 2-core machine that is ONE worker,
    // and the test files ran one after another. Two workers (forks: process.chdir in cliInProcess
    // needs a process of its own) keep both cores busy; vitest starts the slowest files first.
    pool: 'forks',
    maxWorkers: 2,
  },
});
