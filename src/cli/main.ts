#!/usr/bin/env node
import { applyGcSettings } from './gc-settings.js';

// The CLI entry point. V8's garbage collector is set up first (see gc-settings.ts), before the
// rest of the CLI loads; then run, and leave with the exit code run() decided.
applyGcSettings();
const { run } = await import('./run.js');
process.exitCode = await run(process.argv.slice(2));
