import { setHeapGrowth } from './heap-growth.js';
import { setSerialScavenge } from './serial-scavenge.js';

/**
 * The V8 settings the CLI makes before anything else loads: heaps get room to grow
 * (heap-growth.ts) and, on small machines, scavenges stay on their own thread
 * (serial-scavenge.ts). The bench's reading side makes the same ones through here, so it stays
 * the ceiling analyze is compared with.
 */
export function applyGcSettings(): void {
  setHeapGrowth();
  setSerialScavenge();
}
