import { readFileSync } from 'node:fs';

/** racetrace's own version, from package.json (dist/src/version.js is two levels below it). */
export const toolVersion: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
