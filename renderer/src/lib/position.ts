/**
 * Where the technician stands, when the device knows and allows it. Asked once when a dialog
 * opens, given up after 3 s, and never waited for: saving uses whatever has arrived by then.
 */
import type { Position } from '../../../shared/contract/entities';

const FIX_TIMEOUT_MS = 3000;

export interface PositionFix {
  current(): Position | undefined;
}

export function startPositionFix(): PositionFix {
  let found: Position | undefined;
  const geolocation = typeof navigator !== 'undefined' ? navigator.geolocation : undefined;
  if (geolocation) {
    try {
      geolocation.getCurrentPosition(
        (p) => {
          found = {
            latitude: p.coords.latitude,
            longitude: p.coords.longitude,
            ...(Number.isFinite(p.coords.accuracy) ? { accuracyM: Math.min(100_000, Math.max(0, p.coords.accuracy)) } : {}),
          };
        },
        () => undefined, // denied, unavailable or timed out: the visit is saved without a position
        { enableHighAccuracy: true, timeout: FIX_TIMEOUT_MS, maximumAge: 60_000 },
      );
    } catch {
      // Some embedded browsers throw instead of calling the error callback.
    }
  }
  return { current: () => found };
}
