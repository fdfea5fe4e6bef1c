import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The package root: this file is built to dist/src/schema/, three levels below it. */
export const packageRoot = fileURLToPath(new URL('../../../', import.meta.url));

export function readSchema(name: string): Record<string, unknown> {
  const url = new URL(`../../../schemas/${name}`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>;
}
