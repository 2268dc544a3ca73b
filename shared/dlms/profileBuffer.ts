/**
 * A Profile Generic buffer decoded straight from its A-XDR bytes into rows, in one pass without
 * building the value tree (a 7-day profile is 24 kB, a year of 15-minute data about 1 MB).
 * Scalar cells are read inline; anything else in a cell goes through the general decoder, so the
 * result equals `profileRows(decodeValue(bytes), …)`. The same limits hold: counts are checked
 * against the bytes left before any work, and a cell's nesting against maxDepth.
 */
import { readValue } from './axdr';
import { ByteReader } from './bytes';
import { ClassId, type ScalerUnit } from './classes';
import { Tag, defaultLimits, type DecodeLimits } from './dataTypes';
import { dateTimeEpoch, parseDateTime, parseDateTimeAt, type CosemDateTime } from './dateTime';
import { DlmsError } from './errors';
import { amrStatusOf, type CaptureObject, type ProfileCell, type ProfileRow } from './profile';
import { scaledText } from './scaling';

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
// Tags as local constants: the loop below runs per cell (a year of 15-minute data is 170,000 cells).
const NULL = Tag.null;
const STRUCTURE = Tag.structure;
const OCTET_STRING = Tag.octetString;
const DATE_TIME = Tag.dateTime;
const UINT8 = Tag.uint8;
const ENUM = Tag.enum;
const UINT16 = Tag.uint16;
const UINT32 = Tag.uint32;
const INT32 = Tag.int32;

/** value × 10^scaler as exact text for a safe integer (the common case: no BigInt needed). */
function integerText(value: number, scaler: number): string {
  if (scaler === 0) return String(value);
  if (scaler > 0) return scaledText({ type: 'int64', value: BigInt(value) }, scaler) ?? '';
  const negative = value < 0;
  const digits = String(negative ? -value : value);
  const point = -scaler;
  const padded = digits.length > point ? digits : '0'.repeat(point - digits.length + 1) + digits;
  const whole = padded.slice(0, padded.length - point);
  let end = padded.length;
  while (end > whole.length && padded.charCodeAt(end - 1) === 0x30) end--;
  const text = end > whole.length ? `${whole}.${padded.slice(whole.length, end)}` : whole;
  return negative && text !== '0' ? `-${text}` : text;
}

type Kind = 'clock' | 'status' | 'value';

export function decodeProfileBuffer(
  bytes: Uint8Array,
  columns: readonly CaptureObject[],
  scalers: ReadonlyMap<string, ScalerUnit> = new Map(),
  capturePeriodS = 0,
  limits: DecodeLimits = defaultLimits,
): ProfileRow[] {
  const r = new ByteReader(bytes);
  if (r.u8('buffer tag') !== Tag.array) throw new DlmsError('dlms.format', 'buffer is not an array');
  const count = r.length('buffer');
  const width = columns.length;
  // each row takes at least its tag, its length and one byte per cell
  if (count * (width + 2) > r.remaining) throw new DlmsError('dlms.truncated', `a buffer of ${count} rows in ${r.remaining} bytes`);
  if (count * (width + 1) > limits.maxElements) throw new DlmsError('dlms.limit', `a buffer of ${count} rows`);
  const kinds: Kind[] = columns.map((c) =>
    c.classId === ClassId.clock && c.attribute === 2
      ? 'clock'
      : c.classId === ClassId.data && /^0-\d+:96\.10\.\d+\.255$/.test(c.obis)
        ? 'status'
        : 'value',
  );
  const su = columns.map((c) => scalers.get(c.obis) ?? null);
  const b = bytes;
  const rows: ProfileRow[] = new Array(count);
  let previous: number | null = null;
  for (let k = 0; k < count; k++) {
    if (r.u8('row tag') !== STRUCTURE || r.length('row') !== width)
      throw new DlmsError('dlms.format', `buffer row ${k} is not a structure of ${width} values`);
    let clock: CosemDateTime | null = null;
    let statusByte: number | null = null;
    const cells: ProfileCell[] = [];
    for (let i = 0; i < width; i++) {
      const kind = kinds[i];
      const tag = r.u8('cell tag');
      let p = r.pos;
      if (kind === 'clock') {
        if (tag === OCTET_STRING && b[p] === 12) {
          r.need(13, 'date-time');
          clock = parseDateTimeAt(b, p + 1);
          r.pos = p + 13;
        } else if (tag === DATE_TIME) clock = parseDateTime(r.take(12, 'date-time'));
        else {
          r.pos = p - 1;
          readValue(r, limits);
        }
        continue;
      }
      let n: number | null = null;
      switch (tag) {
        case UINT8:
        case ENUM:
          r.need(1, 'uint8');
          n = b[p] ?? 0;
          p += 1;
          break;
        case UINT16:
          r.need(2, 'uint16');
          n = ((b[p] ?? 0) << 8) | (b[p + 1] ?? 0);
          p += 2;
          break;
        case UINT32:
          r.need(4, 'uint32');
          n = (b[p] ?? 0) * 0x1000000 + (((b[p + 1] ?? 0) << 16) | ((b[p + 2] ?? 0) << 8) | (b[p + 3] ?? 0));
          p += 4;
          break;
        case INT32:
          r.need(4, 'int32');
          n = ((b[p] ?? 0) << 24) | ((b[p + 1] ?? 0) << 16) | ((b[p + 2] ?? 0) << 8) | (b[p + 3] ?? 0);
          p += 4;
          break;
        case NULL:
          break;
        default: {
          r.pos = p - 1;
          const value = readValue(r, limits);
          p = r.pos;
          if (kind === 'status') statusByte = value.type === 'uint8' || value.type === 'enum' ? value.value : null;
          else cells.push({ obis: columns[i]?.obis ?? '', value: scaledText(value, su[i]?.scaler ?? 0), unit: su[i]?.unitText ?? null });
          continue;
        }
      }
      r.pos = p;
      if (kind === 'status') statusByte = n;
      else
        cells.push({
          obis: columns[i]?.obis ?? '',
          value: n === null || n > MAX_SAFE ? null : integerText(n, su[i]?.scaler ?? 0),
          unit: su[i]?.unitText ?? null,
        });
    }
    const own: number | null = clock ? dateTimeEpoch(clock) : null;
    const time: number | null = own ?? (previous !== null && capturePeriodS > 0 ? previous + capturePeriodS * 1000 : null);
    previous = time;
    rows[k] = { time, clock, status: statusByte === null ? [] : amrStatusOf(statusByte), statusByte, cells };
  }
  return rows;
}
