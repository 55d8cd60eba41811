#!/usr/bin/env node
// Entry point of the `riktvarde` command; everything else is in app.ts (importable by tests).
import { main } from './app.js';

// (`riktvarde run … | head`: app.ts stops quietly on EPIPE.)
main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
