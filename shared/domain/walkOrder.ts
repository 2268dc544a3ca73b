/**
 * Which stop comes next on a walk. A technician walks the route in its order (the sequence the
 * route file gives); a stop passed by — no access today, a gate to come back to — stays open, but
 * the walk goes on from where it is. So the next stop is the first open stop after the last done
 * one in route order; only when no open stop lies ahead does the walk turn back to the first one
 * left behind. A read with a warning and a skip both count as done: the stop was visited.
 */
import type { StopStatus } from '../contract/entities';

export interface WalkStop {
  readonly sequence: number;
  readonly status: StopStatus;
}

export function nextStop<T extends WalkStop>(stops: readonly T[]): T | null {
  let lastDone = -Infinity;
  for (const s of stops) if (s.status !== 'unread' && s.sequence > lastDone) lastDone = s.sequence;
  let ahead: T | null = null;
  let behind: T | null = null;
  for (const s of stops) {
    if (s.status !== 'unread') continue;
    if (s.sequence > lastDone) {
      if (!ahead || s.sequence < ahead.sequence) ahead = s;
    } else if (!behind || s.sequence < behind.sequence) {
      behind = s;
    }
  }
  return ahead ?? behind;
}
