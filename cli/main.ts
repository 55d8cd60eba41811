#!/usr/bin/env node
// Entry point of the `riktvarde` command; everything else is in app.ts (importable by tests).
import { main } from './app.js';

// `riktvarde run … | head` closes stdout early: stop quietly instead of crashing with EPIPE.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
