/** The retry delays one rename waited, and the process (host + pid) that waited them. */
export interface DelaySequence {
  process: string;
  delays: number[];
}

/**
 * Did two different processes wait exactly the same retry delays? Sequences of different lengths
 * match when the shorter is a prefix of the longer (one process simply retried fewer times).
 * Undefined when fewer than two processes reported delays: nothing to compare.
 *
 * Why it matters: without jitter, processes that collided once retry in lockstep and collide again.
 */
export function delaysIdentical(sequences: readonly DelaySequence[]): boolean | undefined {
  const withDelays = sequences.filter((s) => s.delays.length > 0);
  if (new Set(withDelays.map((s) => s.process)).size < 2) return undefined;
  // After a lexicographic sort, every sequence that extends s follows s directly.
  const sorted = withDelays.slice().sort((a, b) => compareSequences(a.delays, b.delays));
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i];
    if (!a) continue;
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j];
      if (!b || !isPrefix(a.delays, b.delays)) break;
      if (b.process !== a.process) return true;
    }
  }
  return false;
}

function compareSequences(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

function isPrefix(prefix: readonly number[], of: readonly number[]): boolean {
  if (prefix.length > of.length) return false;
  for (let i = 0; i < prefix.length; i++) if (prefix[i] !== of[i]) return false;
  return true;
}
