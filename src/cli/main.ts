#!/usr/bin/env node
import { setHeapGrowth } from './heap-growth.js';
import { setSerialScavenge } from './serial-scavenge.js';

// The CLI entry point. V8's garbage collector is set up first (heaps get room to grow, see
// heap-growth.ts; scavenges stay on their own thread on small machines, see serial-scavenge.ts),
// before the rest of the CLI loads; then run, and leave with the exit code run() decided.
setHeapGrowth();
setSerialScavenge();
const { run } = await import('./run.js');
process.exitCode = await run(process.argv.slice(2));
