/**
 * racetrace's public entry (`import ... from 'racetrace'`): the instrumentation an exporter drops
 * in, and the shared types. The analyzer has its own entry, `racetrace/analyze`.
 */
export { createTracer } from './instrument/tracer.js';
export type { Tracer, TracerOptions, ExtraFields, TempFields, RenameFields } from './instrument/tracer.js';
export { CORRELATION_ENV, newCorrelationId } from './instrument/correlation.js';
export { createWorkFolder, withWorkFolder, WORK_FOLDER_PREFIX } from './instrument/workfolder.js';
export type { WorkFolder } from './instrument/workfolder.js';
export { tempName } from './instrument/tempnames.js';
export { atomicWrite, moveIntoPlace, writeTempFile } from './instrument/atomic-move.js';
export type { Chunks, MoveDeps, MoveResult } from './instrument/atomic-move.js';
export { DEFAULT_RETRY_POLICY, NEVER_RETRIED } from './instrument/retry-policy.js';
export type { RetryPolicy } from './instrument/retry-policy.js';
export { nodeFs, systemClock } from './instrument/fs.js';
export type { Clock, FileSystem, OpenFlags, Random, WritableFile } from './instrument/fs.js';
export { FAULT_OPS, faultsFromEnv, parseFaults, withFaults } from './instrument/faults.js';
export type { FaultOp, FaultRule } from './instrument/faults.js';
export { RacetraceError, isRacetraceError } from './errors.js';
export type { RacetraceErrorCode } from './errors.js';
export { EVENT_NAMES } from './types.js';
export type * from './types.js';
