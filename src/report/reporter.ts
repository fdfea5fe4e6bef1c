import type { Report } from '../types.js';

/** How a reporter may decorate its output. */
export interface RenderOptions {
  /** ANSI colour: only on a terminal, never with NO_COLOR. */
  color: boolean;
}

/** Reporters only render: a Report in, text out. Registered by `--format` in ./index.ts. */
export type Reporter = (report: Report, options: RenderOptions) => string;
