#!/usr/bin/env node
import { run } from './run.js';

// The CLI entry point: run, then leave with the exit code run() decided.
process.exitCode = await run(process.argv.slice(2));
