/**
 * Matching a heard telegram to its stop (issue 23, "Speed": O(1) over a 100,000-meter route):
 * one Map keyed by manufacturer and identification number, built once when Listen starts.
 * A meter not on the route matches nothing and is counted by the caller, never saved.
 */
import { meterKey } from './telegram';

export interface RadioMeter {
  /** Three letters, e.g. 'KAM'. */
  readonly manufacturer: string;
  /** The 8-digit identification number as printed ('12345678'). */
  readonly id: string;
}

export interface RadioRouteIndex<T extends RadioMeter> {
  readonly size: number;
  /** Meters listed twice under one manufacturer and id: the first is kept, these are reported. */
  readonly duplicates: readonly T[];
  match(manufacturer: string | null, id: string | null): T | undefined;
}

export function radioRouteIndex<T extends RadioMeter>(meters: Iterable<T>): RadioRouteIndex<T> {
  const byKey = new Map<string, T>();
  const duplicates: T[] = [];
  for (const meter of meters) {
    const key = meterKey(meter.manufacturer, meter.id.padStart(8, '0'));
    if (byKey.has(key)) duplicates.push(meter);
    else byKey.set(key, meter);
  }
  return {
    size: byKey.size,
    duplicates,
    match: (manufacturer, id) => (manufacturer && id ? byKey.get(meterKey(manufacturer, id)) : undefined),
  };
}
