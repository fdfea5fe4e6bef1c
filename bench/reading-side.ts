import { applyGcSettings } from '../src/cli/gc-settings.js';
import { DEFAULT_INGEST_OPTIONS } from '../src/ingest/options.js';
import { streamEventsOnThread } from '../src/merge/ingest-thread/index.js';

/**
 * The analyzer's reading side alone: its reading thread (read, split, parse, validate, reorder,
 * merge and pack the events into batches), with a consumer that only counts what arrives. This
 * is `racetrace analyze` without the detectors, with the V8 settings the CLI makes, so its time
 * is the fastest analyze can be while one thread does all the reading: the bench prints it beside
 * analyze to show which side limits.
 */
applyGcSettings();
let events = 0;
const result = await streamEventsOnThread(process.argv.slice(2), DEFAULT_INGEST_OPTIONS, () => {
  events++;
}, {}, 'on');
const lines = result.inputs.reduce((sum, input) => sum + input.lines, 0);
process.stdout.write(`${JSON.stringify({ lines, events })}\n`);
