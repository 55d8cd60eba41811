#!/usr/bin/env node
// Entry point of the `riktvarde` command; everything else is in app.ts (importable by tests).
import { hideBin } from 'yargs/helpers';
import { main } from './app.js';

main(hideBin(process.argv)).then((code) => { process.exitCode = code; });
