/**
 * The Node side's heap policy, for the web host and the Electron main process alike. V8 otherwise
 * lets garbage reach several times the live heap before it collects: after a 100,000-meter import
 * and a list of it the heap held ~185 MB of which ~50 MB was live, and RSS peaked over 300 MB.
 * Favouring size keeps the peak near 215 MB (bench/webhost.ts, issue 11) for ~15 % more CPU on a
 * large import. Call it first thing in a process entry, before the large allocations.
 */
import { setFlagsFromString } from 'node:v8';

export function favourSmallHeap(): void {
  setFlagsFromString('--optimize-for-size');
}
