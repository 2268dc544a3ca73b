/**
 * A radio meter's number on a route: its wireless M-Bus address, the manufacturer's three letters
 * and the 8-digit identification number it sends (EN 13757-4 M- and A-field), e.g. `KAM44556677`.
 * Both sides ask here: the Node side matches telegrams by it, the screen offers Listen for it.
 */
export const radioAddressPattern = /^([A-Za-z]{3})[ -]?([0-9A-Fa-f]{8})$/;

/** The manufacturer and id a meter number names, or null when it is not a radio address. */
export function radioAddressOf(meterSerial: string): { manufacturer: string; id: string } | null {
  const match = radioAddressPattern.exec(meterSerial.trim());
  return match ? { manufacturer: (match[1] ?? '').toUpperCase(), id: (match[2] ?? '').toUpperCase() } : null;
}
