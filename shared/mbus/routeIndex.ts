/**
 * Matching a heard telegram to its stop (issue 23, "Speed": O(1) over a 100,000-meter route):
 * one Map keyed by manufacturer and identification number, built once when Listen starts.
 * The key is a number (manufacturer flag × 2³² + the id's 32 bits), so a lookup hashes no string.
 * A meter not on the route matches nothing and is counted by the caller, never saved.
 */
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
  /** Meters whose manufacturer or id cannot be on the air (not three letters, not 8 hex digits). */
  readonly unmatchable: readonly T[];
  match(manufacturer: string | null, id: string | null): T | undefined;
}

/** The route key of a meter, or NaN when it cannot be sent over the air (not three letters, not 1–8 hex digits). */
export function radioKey(manufacturer: string, id: string): number {
  if (manufacturer.length !== 3 || id.length === 0 || id.length > 8) return NaN;
  let flag = 0;
  for (let i = 0; i < 3; i++) {
    const letter = (manufacturer.charCodeAt(i) | 0x20) - 0x60; // 'a'/'A' → 1 (EN 13757-3 §6.5)
    if (letter < 1 || letter > 26) return NaN;
    flag = flag * 32 + letter;
  }
  let value = 0;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    const digit = c >= 0x30 && c <= 0x39 ? c - 0x30 : (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66 ? (c | 0x20) - 0x57 : -1;
    if (digit < 0) return NaN;
    value = value * 16 + digit;
  }
  return flag * 0x1_0000_0000 + value;
}

export function radioRouteIndex<T extends RadioMeter>(meters: Iterable<T>): RadioRouteIndex<T> {
  const byKey = new Map<number, T>();
  const duplicates: T[] = [];
  const unmatchable: T[] = [];
  for (const meter of meters) {
    const key = radioKey(meter.manufacturer, meter.id);
    if (Number.isNaN(key)) unmatchable.push(meter);
    else if (byKey.has(key)) duplicates.push(meter);
    else byKey.set(key, meter);
  }
  return {
    size: byKey.size,
    duplicates,
    unmatchable,
    match: (manufacturer, id) => (manufacturer && id ? byKey.get(radioKey(manufacturer, id)) : undefined),
  };
}
