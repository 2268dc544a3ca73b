/**
 * Profile Generic (class 7, Blue Book §4.3.6): capture_objects (attr 3) say what each column of
 * the buffer (attr 2) holds; a load profile row is typically {clock, AMR profile status,
 * channel 1…n}. The AMR profile status byte (DLMS UA 1000-1 companion, DSMR/IDIS "amr profile
 * status"): bit 0 critical error, 1 clock invalid, 2 data not valid, 3 daylight saving,
 * 5 clock adjusted, 7 power down. Meters may leave the clock of a row null when it follows the
 * previous one by capture_period (attr 4): the time is then carried forward.
 */
import { bytesOf, integerOf, itemsOf, type DlmsValue } from './dataTypes';
import { dateTimeEpoch, parseDateTime, type CosemDateTime } from './dateTime';
import { DlmsError } from './errors';
import { obisFromBytes } from './obis';
import { scaledText } from './scaling';
import type { ScalerUnit } from './classes';
import { ClassId } from './classes';

export interface CaptureObject {
  readonly classId: number;
  readonly obis: string;
  readonly attribute: number;
  readonly dataIndex: number;
}

export function parseCaptureObjects(value: DlmsValue): CaptureObject[] {
  const list = itemsOf(value);
  if (!list) throw new DlmsError('dlms.format', 'capture_objects is not an array');
  return list.map((entry) => {
    const f = itemsOf(entry);
    const classId = integerOf(f?.[0]);
    const name = bytesOf(f?.[1]);
    const attribute = integerOf(f?.[2]);
    const dataIndex = integerOf(f?.[3]);
    if (classId === null || !name || attribute === null)
      throw new DlmsError('dlms.format', 'capture object is not {class_id, logical_name, attribute_index, data_index}');
    return { classId: Number(classId), obis: obisFromBytes(name), attribute: Number(attribute), dataIndex: Number(dataIndex ?? 0) };
  });
}

export const amrStatusFlags = [
  'critical-error',
  'clock-invalid',
  'data-not-valid',
  'daylight-saving',
  null,
  'clock-adjusted',
  null,
  'power-down',
] as const;
export type AmrStatusFlag = Exclude<(typeof amrStatusFlags)[number], null>;

const statusFlags: (readonly AmrStatusFlag[])[] = Array.from({ length: 256 }, (_, byte) =>
  Object.freeze(amrStatusFlags.filter((flag, bit): flag is AmrStatusFlag => flag !== null && (byte & (1 << bit)) !== 0)),
);

/** The flags of an AMR profile status byte (one shared, frozen list per byte value). */
export function amrStatusOf(byte: number): readonly AmrStatusFlag[] {
  return statusFlags[byte & 0xff] ?? [];
}

export interface ProfileCell {
  readonly obis: string;
  /** Exact decimal text, scaled when the column has a scaler; null for a null or non-numeric value. */
  readonly value: string | null;
  readonly unit: string | null;
}

export interface ProfileRow {
  /** End of the interval, ms since the epoch (UTC); null when neither given nor derivable. */
  readonly time: number | null;
  readonly clock: CosemDateTime | null;
  readonly status: readonly AmrStatusFlag[];
  readonly statusByte: number | null;
  readonly cells: ProfileCell[];
}

const isClock = (c: CaptureObject) => c.classId === ClassId.clock && c.attribute === 2;
const isStatus = (c: CaptureObject) => c.classId === ClassId.data && /^0-\d+:96\.10\.\d+\.255$/.test(c.obis);

/**
 * The buffer as rows. `scalers` gives each register column's scaler_unit by OBIS (read from the
 * registers themselves: the buffer carries raw integers). `capturePeriodS` lets a row without its
 * own clock take the previous row's time plus one period.
 */
export function profileRows(
  buffer: DlmsValue,
  columns: readonly CaptureObject[],
  scalers: ReadonlyMap<string, ScalerUnit> = new Map(),
  capturePeriodS = 0,
): ProfileRow[] {
  const rows = itemsOf(buffer);
  if (!rows) throw new DlmsError('dlms.format', 'buffer is not an array');
  const out: ProfileRow[] = [];
  let previous: number | null = null;
  for (const row of rows) {
    const values = itemsOf(row);
    if (!values || values.length !== columns.length)
      throw new DlmsError('dlms.format', `a buffer row of ${values?.length ?? 0} values for ${columns.length} capture objects`);
    let clock: CosemDateTime | null = null;
    let statusByte: number | null = null;
    const cells: ProfileCell[] = [];
    columns.forEach((column, i) => {
      const v = values[i];
      if (isClock(column)) {
        const bytes = bytesOf(v);
        clock = bytes && bytes.length === 12 ? parseDateTime(bytes) : null;
      } else if (isStatus(column)) {
        const n = integerOf(v);
        statusByte = n === null ? null : Number(n);
      } else {
        const su = scalers.get(column.obis) ?? null;
        cells.push({ obis: column.obis, value: scaledText(v, su?.scaler ?? 0), unit: su?.unitText ?? null });
      }
    });
    const own: number | null = clock ? dateTimeEpoch(clock) : null;
    const time: number | null = own ?? (previous !== null && capturePeriodS > 0 ? previous + capturePeriodS * 1000 : null);
    previous = time;
    out.push({ time, clock, status: statusByte === null ? [] : amrStatusOf(statusByte), statusByte, cells });
  }
  return out;
}
