/**
 * A Profile Generic buffer decoded into columns (typed arrays) instead of row objects: interval
 * end times, AMR status bytes and each channel's raw integers. A year of 15-minute, 4-channel
 * data (1 MB) becomes six arrays rather than 200,000 objects, so reading a long profile costs
 * little memory and no collector time. Integers stay exact (up to 2^53); a cell that is not a
 * plain integer (a float, a huge long64, a structure) is kept as its decoded value in `others`.
 * The decimal text of a cell is made when it is shown or saved (`cellText`), with the column's
 * scaler, exactly as `profileRows` makes it.
 */
import { readValue } from './axdr';
import { ByteReader } from './bytes';
import { ClassId, type ScalerUnit } from './classes';
import { Tag, defaultLimits, type DecodeLimits, type DlmsValue } from './dataTypes';
import { DlmsError } from './errors';
import type { CaptureObject } from './profile';
import { scaledText, shiftDecimal } from './scaling';

export interface ProfileTable {
  readonly rows: number;
  /** Interval end, ms since the epoch (UTC); NaN when the row's clock is absent or not fully specified. */
  readonly times: Float64Array;
  /** AMR profile status byte per row; -1 when the profile has no status column or the cell is null. */
  readonly status: Int16Array;
  readonly channels: readonly { readonly obis: string; readonly values: Float64Array }[];
  /** Cells that are not plain integers: key `row * channels + channel`. */
  readonly others: ReadonlyMap<number, DlmsValue>;
}

const STRUCTURE = Tag.structure;
const OCTET_STRING = Tag.octetString;
const NULL = Tag.null;
const UINT8 = Tag.uint8;
const ENUM = Tag.enum;
const INT8 = Tag.int8;
const UINT16 = Tag.uint16;
const INT16 = Tag.int16;
const UINT32 = Tag.uint32;
const INT32 = Tag.int32;

/** UTC ms of the 12 date-time octets at `at`, NaN when a field or the deviation is not specified. */
function epochAt(b: Uint8Array, at: number): number {
  const year = ((b[at] ?? 0xff) << 8) | (b[at + 1] ?? 0xff);
  const month = b[at + 2] ?? 0xff;
  const day = b[at + 3] ?? 0xff;
  const hour = b[at + 5] ?? 0xff;
  const minute = b[at + 6] ?? 0xff;
  const second = b[at + 7] ?? 0xff;
  const dev = ((b[at + 9] ?? 0x80) << 8) | (b[at + 10] ?? 0);
  if (year === 0xffff || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || dev === 0x8000) return NaN;
  const hundredths = b[at + 8] ?? 0xff;
  return (
    Date.UTC(year, month - 1, day, hour, minute, second > 59 ? 0 : second, hundredths > 99 ? 0 : hundredths * 10) +
    (dev > 0x7fff ? dev - 0x10000 : dev) * 60_000
  );
}

export function decodeProfileTable(
  bytes: Uint8Array,
  columns: readonly CaptureObject[],
  capturePeriodS = 0,
  limits: DecodeLimits = defaultLimits,
): ProfileTable {
  const r = new ByteReader(bytes);
  if (r.u8('buffer tag') !== Tag.array) throw new DlmsError('dlms.format', 'buffer is not an array');
  const count = r.length('buffer');
  const width = columns.length;
  // each row takes at least its tag, its length and one byte per cell
  if (count * (width + 2) > r.remaining) throw new DlmsError('dlms.truncated', `a buffer of ${count} rows in ${r.remaining} bytes`);
  if (count * (width + 1) > limits.maxElements) throw new DlmsError('dlms.limit', `a buffer of ${count} rows`);
  // column role: 0 clock, 1 status, 2 + channel index
  const role = new Int32Array(width);
  const channels: { obis: string; values: Float64Array }[] = [];
  columns.forEach((c, i) => {
    if (c.classId === ClassId.clock && c.attribute === 2) role[i] = 0;
    else if (c.classId === ClassId.data && /^0-\d+:96\.10\.\d+\.255$/.test(c.obis)) role[i] = 1;
    else {
      role[i] = 2 + channels.length;
      channels.push({ obis: c.obis, values: new Float64Array(count) });
    }
  });
  const times = new Float64Array(count).fill(NaN);
  const status = new Int16Array(count).fill(-1);
  const others = new Map<number, DlmsValue>();
  const nch = channels.length;
  const b = bytes;
  let p = r.pos;
  const end = bytes.length;
  for (let k = 0; k < count; k++) {
    if (p + 2 > end || b[p] !== STRUCTURE || b[p + 1] !== width)
      throw new DlmsError('dlms.format', `buffer row ${k} is not a structure of ${width} values`);
    p += 2;
    for (let i = 0; i < width; i++) {
      const ro = role[i] ?? 2;
      const tag = b[p] ?? -1;
      let n = NaN;
      let size = 0;
      switch (tag) {
        case NULL:
          size = 1;
          break;
        case UINT8:
        case ENUM:
          n = b[p + 1] ?? 0;
          size = 2;
          break;
        case INT8:
          n = ((b[p + 1] ?? 0) << 24) >> 24;
          size = 2;
          break;
        case UINT16:
          n = ((b[p + 1] ?? 0) << 8) | (b[p + 2] ?? 0);
          size = 3;
          break;
        case INT16:
          n = ((((b[p + 1] ?? 0) << 8) | (b[p + 2] ?? 0)) << 16) >> 16;
          size = 3;
          break;
        case UINT32:
          n = (b[p + 1] ?? 0) * 0x1000000 + (((b[p + 2] ?? 0) << 16) | ((b[p + 3] ?? 0) << 8) | (b[p + 4] ?? 0));
          size = 5;
          break;
        case INT32:
          n = ((b[p + 1] ?? 0) << 24) | ((b[p + 2] ?? 0) << 16) | ((b[p + 3] ?? 0) << 8) | (b[p + 4] ?? 0);
          size = 5;
          break;
        case OCTET_STRING:
          if (ro === 0 && b[p + 1] === 12) {
            if (p + 14 > end) throw new DlmsError('dlms.truncated', 'date-time');
            times[k] = epochAt(b, p + 2);
            size = 14;
          }
          break;
      }
      if (size === 0) {
        // anything else: the general decoder, limits and all
        r.pos = p;
        const value = readValue(r, limits);
        size = r.pos - p;
        if (ro >= 2) others.set(k * nch + ro - 2, value);
        else if (ro === 1 && (value.type === 'uint8' || value.type === 'enum')) status[k] = value.value;
      } else if (p + size > end) throw new DlmsError('dlms.truncated', `buffer row ${k}`);
      else if (ro >= 2) {
        const column = channels[ro - 2];
        if (column) column.values[k] = n;
      } else if (ro === 1 && n === n) status[k] = n;
      p += size;
    }
    if (times[k] !== times[k] && k > 0 && capturePeriodS > 0) times[k] = (times[k - 1] ?? NaN) + capturePeriodS * 1000;
  }
  return { rows: count, times, status, channels, others };
}

/** The exact decimal text of a cell with the channel's scaler; null for a null cell. */
export function cellText(table: ProfileTable, row: number, channel: number, scaler: ScalerUnit | null): string | null {
  const other = table.others.get(row * table.channels.length + channel);
  if (other) return scaledText(other, scaler?.scaler ?? 0);
  const v = table.channels[channel]?.values[row];
  if (v === undefined || v !== v) return null;
  return scaler && scaler.scaler !== 0 ? shiftDecimal(String(v), scaler.scaler) : String(v);
}
