#!/usr/bin/env node
// Entry point of the `riktvarde` command; everything else is in app.ts (importable by tests).
import { main } from './app.js';

// `riktvarde run … | head` closes stdout early: stop quietly instead of crashing with EPIPE.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

// Exits as soon as everything written to stdout has been handed to the system, instead of letting
// Node tear down the heaps and the idle worker threads one by one.
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
});
