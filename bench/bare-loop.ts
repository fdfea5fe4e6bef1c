import { createReadStream } from 'node:fs';
import split2 from 'split2';

/**
 * The baseline every analyzer figure is a ratio of: read each file, split lines with split2,
 * JSON.parse each line, nothing else. Files are read one after another, as the analyzer's
 * cost floor would be without merging.
 */
let lines = 0;
let parsed = 0;
for (const file of process.argv.slice(2)) {
  const stream = createReadStream(file).pipe(split2());
  for await (const line of stream as AsyncIterable<string>) {
    lines++;
    try {
      if (JSON.parse(line) !== null) parsed++;
    } catch {
      // A torn line costs the same to find as a good one; nothing else to do here.
    }
  }
}
process.stdout.write(`${JSON.stringify({ lines, parsed })}\n`);
