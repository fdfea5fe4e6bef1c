#!/usr/bin/env node
import { setHeapGrowth } from './heap-growth.js';

// The CLI entry point. V8's heaps get room to grow first (see heap-growth.ts), before the rest of
// the CLI loads; then run, and leave with the exit code run() decided.
setHeapGrowth();
const { run } = await import('./run.js');
process.exitCode = await run(process.argv.slice(2));
