import type { AdapterContext, IngestOptions } from './adapter.js';
import type { TraceEvent } from '../types.js';

export type Transform = (event: TraceEvent) => TraceEvent;

/** What the adapters of one run share: cross-input state, post-merge transforms and notes. */
export class RunState {
  readonly shared = new Map<string, unknown>();
  readonly notes = new Set<string>();
  private readonly transformsByKey = new Map<string, Transform>();
  /** In registration order; an array so the per-event loop allocates no iterator. */
  transforms: Transform[] = [];

  constructor(readonly options: IngestOptions) {}

  contextFor(input: string): AdapterContext {
    return {
      input,
      options: this.options,
      shared: this.shared,
      addTransform: (key, transform) => {
        if (this.transformsByKey.has(key)) return;
        this.transformsByKey.set(key, transform);
        this.transforms = [...this.transformsByKey.values()];
      },
      addNote: (note) => {
        this.notes.add(note);
      },
    };
  }
}
