import type { StoryEvent, TraceEvent } from '../types.js';
import type { Hold } from './holds.js';

/** Events kept per hold of another export until the story's export touches its path. */
const PER_HOLD = 32;
/** Upper bound on the story's length; a story longer than this is not read by a person anyway. */
const MAX_STORY = 10_000;

interface Line {
  ord: number;
  event: StoryEvent;
}

/**
 * One export's story (`--correlation-id`): its own events across every process, interleaved with
 * the events other exports logged on the same paths while the story's export held them. Before
 * the export touches a path, other exports' events on it wait in small per-hold buffers, so a
 * holder that started earlier shows up from its first event. Memory: the buffers of open holds.
 */
export class StoryBuilder {
  private readonly lines: Line[] = [];
  private readonly added = new Set<number>();
  private readonly buffers = new WeakMap<Hold, Line[]>();
  /** Paths the story's export holds now. */
  private readonly held = new Set<string>();
  private ord = 0;

  constructor(
    readonly correlationId: string,
    private readonly holdsOn: (path: string) => readonly Hold[],
  ) {}

  /** Before the trackers see `e`. */
  begin(e: TraceEvent, ord: number): void {
    this.ord = ord;
    if (e.correlationId === this.correlationId) this.add({ ord, event: toStory(e, true) });
  }

  touched(hold: Hold, e: TraceEvent): void {
    if (hold.correlationId === this.correlationId) return;
    const line = { ord: this.ord, event: toStory(e, false) };
    if (this.held.has(hold.path)) {
      this.add(line);
      return;
    }
    let buffer = this.buffers.get(hold);
    if (!buffer) {
      buffer = [];
      this.buffers.set(hold, buffer);
    }
    if (buffer.length < PER_HOLD) buffer.push(line);
  }

  opened(hold: Hold): void {
    if (hold.correlationId !== this.correlationId) return;
    this.held.add(hold.path);
    // Other exports that already held the path: their events so far belong in the story.
    for (const other of this.holdsOn(hold.path)) {
      if (other.correlationId === this.correlationId) continue;
      for (const line of this.buffers.get(other) ?? []) this.add(line);
    }
  }

  closed(hold: Hold): void {
    if (hold.correlationId === this.correlationId) this.held.delete(hold.path);
  }

  finish(): { correlationId: string; events: StoryEvent[] } {
    const lines = this.lines.slice().sort((a, b) => a.ord - b.ord);
    return { correlationId: this.correlationId, events: lines.map((l) => l.event) };
  }

  private add(line: Line): void {
    // One event may touch a temp and a target hold: show it once.
    if (this.added.has(line.ord) || this.lines.length >= MAX_STORY) return;
    this.added.add(line.ord);
    this.lines.push(line);
  }
}

function toStory(e: TraceEvent, own: boolean): StoryEvent {
  const s: StoryEvent = {
    time: e.time,
    host: e.host,
    pid: e.pid,
    correlationId: e.correlationId,
    event: e.event,
    own,
    source: e.source,
  };
  if (e.tempPath !== undefined) s.tempPath = e.tempPath;
  if (e.targetPath !== undefined) s.targetPath = e.targetPath;
  if (e.attempt !== undefined) s.attempt = e.attempt;
  if (e.errorCode !== undefined) s.errorCode = e.errorCode;
  return s;
}
