/**
 * Alarm flags a maker sends in a record of its own (a manufacturer-specific VIF, 0x7F/0xFF,
 * EN 13757-3 §6.4.1), as data: which maker (and, where the published decoder tells the device
 * apart, which version and device type), which record, and what each bit means. The record's
 * value is kept raw (hex, least significant byte first, as every M-Bus integer).
 *
 * - Kamstrup's info codes (KAM, DIF 0x02 VIF 0xFF 0x20, as Multical 21 and flowIQ send it): bit 0
 *   dry, 1 reverse flow, 2 leak, 3 burst; the higher bits say for how long (wmbusmeters
 *   src/driver_multical21.cc, the same bits in driver_flowiq2200.cc).
 * - Ei Electronics' Ei6500-OMS smoke alarm (EIE, version 0x0C, device type 0x1A), its head status
 *   (DIF 0x84 DIFE 0x40 = subunit 1, VIF 0xFF 0x2C, 32 bits): bit 6 "tamper while removed", the
 *   alarm taken off its base and tampered with (wmbusmeters src/driver_ei6500.cc HEAD_STATUS,
 *   drivers/src/ei6500.xmq; its published telegrams "Smokey ei6500 01097274" carry 0x00110F02,
 *   then 0x00110F42 after the alarm was removed).
 */
import type { MeterAlarmKind } from './alarms';
import type { DeviceType } from './identity';
import type { DataRecord } from './records';

export interface ManufacturerAlarmRecord {
  readonly manufacturer: string;
  /** Only this version of the maker's device, where the published decoder is for one version. */
  readonly version?: number;
  readonly deviceType?: DeviceType;
  /** The record's manufacturer-specific VIF and VIFEs as sent (records.ts `manufacturerVif`). */
  readonly vif: string;
  readonly subunit?: number;
  /** How long the value is, in bytes. */
  readonly bytes: number;
  /** Each alarm's key is `${key}.${kind}`: stable per meter, so an onset is told once. */
  readonly key: string;
  /** The name the raw value travels under in the event's details. */
  readonly detail: string;
  readonly bits: readonly (readonly [mask: number, kind: MeterAlarmKind])[];
}

export const manufacturerAlarmRecords: readonly ManufacturerAlarmRecord[] = [
  {
    manufacturer: 'KAM',
    vif: 'FF20',
    bytes: 2,
    key: 'kamstrup',
    detail: 'kamstrupInfoCodes',
    bits: [
      [0x01, 'dry'],
      [0x02, 'backflow'],
      [0x04, 'leak'],
      [0x08, 'burst'],
    ],
  },
  {
    manufacturer: 'EIE',
    version: 0x0c,
    deviceType: 'smokeDetector',
    vif: 'FF2C',
    subunit: 1,
    bytes: 4,
    key: 'ei',
    detail: 'eiHeadStatus',
    bits: [[0x40, 'tamper']],
  },
];

export interface MeterOfRecord {
  readonly manufacturer: string | null;
  readonly version?: number | null;
  readonly deviceType?: DeviceType | null;
}

const fits = (row: ManufacturerAlarmRecord, meter: MeterOfRecord, record: DataRecord): boolean =>
  row.manufacturer === meter.manufacturer &&
  (row.version === undefined || row.version === meter.version) &&
  (row.deviceType === undefined || row.deviceType === meter.deviceType) &&
  row.vif === record.manufacturerVif &&
  (row.subunit === undefined || row.subunit === record.subunit) &&
  record.storage === 0 &&
  record.value?.length === row.bytes * 2 &&
  /^[0-9A-F]+$/.test(record.value);

/** The table's row for this record of this meter, and the record's value as a number; null when none fits. */
export function manufacturerAlarmFlags(meter: MeterOfRecord, record: DataRecord): { row: ManufacturerAlarmRecord; flags: number } | null {
  const row = manufacturerAlarmRecords.find((r) => fits(r, meter, record));
  if (!row || record.value === null) return null;
  const bytes = record.value.match(/../g) ?? [];
  return { row, flags: parseInt(bytes.reverse().join(''), 16) };
}
