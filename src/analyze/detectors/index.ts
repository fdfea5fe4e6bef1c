import type { Detector } from './detector.js';
import { failedRename } from './failed-rename.js';
import { incompleteExport } from './incomplete-export.js';
import { orphanedTemp } from './orphaned-temp.js';
import { overlappingPath } from './overlapping-path.js';
import { recoveredRename } from './recovered-rename.js';
import { retryStorm } from './retry-storm.js';
import { reusedTempPath } from './reused-temp-path.js';

/** Every detector the analysis runs. Adding one: a file in this folder and a line here. */
export const DETECTORS: readonly Detector[] = [
  overlappingPath,
  failedRename,
  recoveredRename,
  retryStorm,
  orphanedTemp,
  incompleteExport,
  reusedTempPath,
];

export type { Detector, DetectorContext, DetectorRun } from './detector.js';
