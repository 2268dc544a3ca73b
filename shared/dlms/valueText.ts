/**
 * A decoded value as the text a person reads, "as sent": numbers as exact decimal text, strings as
 * text, a 12-octet date-time as ISO 8601, other octet strings as hex, structures as `[a, b]`.
 * No maker-specific factor is guessed (issue 22 item 7).
 */
import { bytesToHex } from './bytes';
import type { DlmsValue } from './dataTypes';
import { dateTimeText, parseDateTime } from './dateTime';
import { scaledText } from './scaling';

/** A 12-octet string that parses as a plausible date-time (month, day and hour in range). */
export function asDateTimeText(bytes: Uint8Array): string | null {
  if (bytes.length !== 12) return null;
  const dt = parseDateTime(bytes);
  return dt.year !== null && dt.year >= 1970 && dt.year < 2200 ? dateTimeText(dt) : null;
}

export function valueText(value: DlmsValue, depth = 0): string | null {
  switch (value.type) {
    case 'null':
      return null;
    case 'boolean':
      return value.value ? 'true' : 'false';
    case 'visible-string':
    case 'utf8-string':
      return value.text;
    case 'octet-string':
    case 'date-time':
      return asDateTimeText(value.bytes) ?? bytesToHex(value.bytes);
    case 'date':
    case 'time':
    case 'bit-string':
      return bytesToHex(value.bytes);
    case 'array':
    case 'structure':
    case 'compact-array':
      return depth > 4 ? '[…]' : `[${value.items.map((item) => valueText(item, depth + 1) ?? 'null').join(', ')}]`;
    default:
      return scaledText(value, 0);
  }
}
