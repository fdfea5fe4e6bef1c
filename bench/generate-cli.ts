import { parseArgs } from 'node:util';
import { generate, parseSize } from './generate.js';

// `node dist/bench/generate-cli.js --out bench/data/x --size 100MB --procs 20 [--interleaved]`
const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'bench/data/generated' },
    size: { type: 'string', default: '100MB' },
    procs: { type: 'string', default: '20' },
    hosts: { type: 'string', default: '4' },
    collide: { type: 'string', default: '0.02' },
    seed: { type: 'string', default: '42' },
    interleaved: { type: 'boolean', default: false },
  },
});
const files = await generate({
  outDir: values.out,
  bytes: parseSize(values.size),
  procs: Number(values.procs),
  hosts: Number(values.hosts),
  collide: Number(values.collide),
  seed: Number(values.seed),
  layout: values.interleaved ? 'interleaved' : 'per-process',
});
process.stdout.write(`${files.length} files in ${values.out}\n`);
