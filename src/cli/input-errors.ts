import type { InputStats } from '../types.js';
import { neutralise } from '../report/sanitize.js';

/** One sentence on stderr per input that could not be read to its end; the others were used. */
export function reportInputErrors(inputs: InputStats[]): void {
  for (const input of inputs) {
    if (input.error === undefined) continue;
    process.stderr.write(`racetrace: ${neutralise(input.name)}: ${neutralise(input.error)}; the other inputs were analyzed.\n`);
  }
}
