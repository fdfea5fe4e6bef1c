/**
 * The two stamps every event carries: `seq` and a sub-millisecond `time`.
 * Races happen inside one millisecond, so Date.now() is too coarse; `seq` orders events that
 * still share a `time`.
 */

// One counter per process, even when two copies of this module are loaded (say a bundled copy
// and the package): Symbol.for reaches the same slot from both.
const SEQ_KEY = Symbol.for('racetrace.seq');
const slot = globalThis as unknown as Record<symbol, { next: number } | undefined>;
const counter = (slot[SEQ_KEY] ??= { next: 0 });

/** The next sequence number of this process: 0, 1, 2, ... shared by every tracer. */
export function nextSeq(): number {
  return counter.next++;
}

// Read once: performance.timeOrigin is a getter that costs about as much as the rest of the stamp.
const origin = performance.timeOrigin;

/** Epoch milliseconds with the sub-millisecond fraction (timeOrigin + monotonic offset). */
export function preciseNow(): number {
  return origin + performance.now();
}

// The time of the event being written: emit() validates the record with it, then pino's
// timestamp function writes the same value. pino builds the line synchronously, so nothing
// can run in between.
let pending: number | undefined;

/** Takes the time for the next line pino writes and returns it. */
export function stampTime(): number {
  pending = preciseNow();
  return pending;
}

/** Drops a stamp that will not be written (the event was refused). */
export function dropStamp(): void {
  pending = undefined;
}

/**
 * A pino `timestamp` function: `,"time":<epoch ms>.<3-digit µs>`. Lines that were not stamped
 * (the exporter's own logs through the same logger) get a fresh time. Microseconds are all a
 * double holds at today's epoch (its step is about 0.24 µs); formatting two integers is about
 * three times faster than printing the float, and the fraction is always there, even at .000.
 */
export function preciseTimestamp(): string {
  const time = pending ?? preciseNow();
  pending = undefined;
  const whole = Math.floor(time);
  const micros = Math.floor((time - whole) * 1000);
  return `,"time":${whole}.${micros < 10 ? '00' : micros < 100 ? '0' : ''}${micros}`;
}
