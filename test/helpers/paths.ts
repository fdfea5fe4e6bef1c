import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** Tests are built to <outDir>/test/helpers/, so the project root is three levels up. */
export const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
/** The built output folder that holds this test (dist/ or a helper's dist-*). */
export const buildRoot = fileURLToPath(new URL('../../', import.meta.url));
/** The built CLI entry point. */
export const cliPath = join(buildRoot, 'src', 'cli', 'main.js');
export const samplesDir = join(projectRoot, 'samples');
