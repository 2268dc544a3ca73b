/**
 * The alarms a meter raises in its telegram, each with the raw flags that raised it:
 * - the status byte of the transport header (EN 13757-3:2018 Table 5 / EN 13757-7 Table 9): bits
 *   0–1 = 01 application busy (no alarm), 10 any application error, 11 abnormal situation (alarm);
 *   bit 2 power low, bit 3 permanent error, bit 4 temporary error; bits 5–7 are the manufacturer's
 *   and say nothing on their own;
 * - the error-flags record (VIF 0xFD 0x17, EN 13757-3 Table 14): every bit set is an alarm of its
 *   own, its meaning the manufacturer's (OMS Vol.2 leaves it to the device);
 * - a maker's own flags in a record with a manufacturer-specific VIF, read by the table in
 *   manufacturerAlarms.ts (Kamstrup's info codes: dry, reverse flow, leak, burst; Ei Electronics'
 *   smoke alarm: tampered with while removed).
 * Pure: which event code each becomes is shared/cim/codes/mbusAlarmEvents.ts's to say.
 */
import type { DeviceType } from './identity';
import { manufacturerAlarmFlags, manufacturerAlarmRecords, type MeterOfRecord } from './manufacturerAlarms';
import type { DataRecord } from './records';

export const meterAlarmKinds = [
  'applicationError',
  'alarm',
  'powerLow',
  'permanentError',
  'temporaryError',
  'errorFlag',
  'dry',
  'backflow',
  'leak',
  'burst',
  'tamper',
] as const;
export type MeterAlarmKind = (typeof meterAlarmKinds)[number];

export interface MeterAlarm {
  /** Stable per meter: the same flag raised in the next telegram has the same key (to send each onset once). */
  readonly key: string;
  readonly kind: MeterAlarmKind;
  /** The raw flags as the meter sent them, for the event's details. */
  readonly details: readonly { readonly name: string; readonly value: string }[];
}

const hex = (n: number | bigint, digits: number) => n.toString(16).toUpperCase().padStart(digits, '0');

function statusAlarms(status: number): MeterAlarm[] {
  const details = [{ name: 'mbusStatus', value: hex(status, 2) }];
  const alarms: MeterAlarm[] = [];
  const application = status & 0x03;
  if (application === 0x02) alarms.push({ key: 'status.applicationError', kind: 'applicationError', details });
  if (application === 0x03) alarms.push({ key: 'status.alarm', kind: 'alarm', details });
  if (status & 0x04) alarms.push({ key: 'status.powerLow', kind: 'powerLow', details });
  if (status & 0x08) alarms.push({ key: 'status.permanentError', kind: 'permanentError', details });
  if (status & 0x10) alarms.push({ key: 'status.temporaryError', kind: 'temporaryError', details });
  return alarms;
}

/** The error-flags record of now (storage 0) with a value read as its bits; another says nothing about the flags. */
const readableFlags = (record: DataRecord): record is DataRecord & { readonly value: string } =>
  record.quantity === 'errorFlags' && record.storage === 0 && record.value !== null && /^\d+$/.test(record.value);

function errorFlagAlarms(record: DataRecord): MeterAlarm[] {
  if (!readableFlags(record)) return [];
  const flags = BigInt(record.value);
  const alarms: MeterAlarm[] = [];
  for (let bit = 0; 1n << BigInt(bit) <= flags; bit++) {
    if (!(flags & (1n << BigInt(bit)))) continue;
    alarms.push({
      key: `errorFlags.${bit}`,
      kind: 'errorFlag',
      details: [
        { name: 'mbusErrorFlags', value: hex(flags, 4) },
        { name: 'mbusErrorFlagBit', value: String(bit) },
      ],
    });
  }
  return alarms;
}

function manufacturerAlarms(meter: MeterOfRecord, record: DataRecord): MeterAlarm[] {
  const read = manufacturerAlarmFlags(meter, record);
  if (!read) return [];
  const { row, flags } = read;
  const details = [{ name: row.detail, value: hex(flags, row.bytes * 2) }];
  return row.bits.filter(([bit]) => flags & bit).map(([, kind]) => ({ key: `${row.key}.${kind}`, kind, details }));
}

export interface AlarmSource {
  readonly manufacturer: string | null;
  readonly version?: number | null;
  readonly deviceType?: DeviceType | null;
  readonly status: number | null;
  readonly records: readonly DataRecord[];
}

/** Every alarm the telegram raises, status byte first, then the records in order. */
export function meterAlarms(telegram: AlarmSource): MeterAlarm[] {
  const alarms = telegram.status === null ? [] : statusAlarms(telegram.status);
  for (const record of telegram.records) {
    if (record.quantity === 'errorFlags') alarms.push(...errorFlagAlarms(record));
    else if (record.manufacturerVif) alarms.push(...manufacturerAlarms(telegram, record));
  }
  const seen = new Set<string>();
  return alarms.filter((a) => !seen.has(a.key) && seen.add(a.key));
}

/** A flag source the telegram carried, with its raw value: the evidence when an alarm of it ends. */
export interface AlarmSourceRead {
  /** `status`, `errorFlags` or a maker table row's key: the part of an alarm's key before the dot. */
  readonly key: string;
  readonly details: readonly { readonly name: string; readonly value: string }[];
}

/**
 * Which of the flag sources the telegram carried: `status` (the transport header's status byte),
 * `errorFlags` (the error-flags record, when its value was read as bits) and each maker table row's
 * key. An alarm can only be seen to end in a telegram that carries its source; a short telegram
 * without the record says nothing about it.
 */
export function alarmSources(telegram: AlarmSource): AlarmSourceRead[] {
  const sources = new Map<string, AlarmSourceRead>();
  if (telegram.status !== null) sources.set('status', { key: 'status', details: [{ name: 'mbusStatus', value: hex(telegram.status, 2) }] });
  for (const record of telegram.records) {
    if (readableFlags(record))
      sources.set('errorFlags', { key: 'errorFlags', details: [{ name: 'mbusErrorFlags', value: hex(BigInt(record.value), 4) }] });
    else if (record.manufacturerVif) {
      const read = manufacturerAlarmFlags(telegram, record);
      if (read)
        sources.set(read.row.key, { key: read.row.key, details: [{ name: read.row.detail, value: hex(read.flags, read.row.bytes * 2) }] });
    }
  }
  return [...sources.values()];
}

/** The raw flags that showed an alarm ended (its source as this telegram carried it). */
export const endEvidence = (key: string, sources: readonly AlarmSourceRead[]): AlarmSourceRead['details'] =>
  sources.find((s) => s.key === sourceOfKey(key))?.details ?? [];

const sourceOfKey = (key: string) => key.slice(0, key.indexOf('.'));

/**
 * The alarms raised since the meter was last told (`raised`: the keys raised as last reported), the
 * keys to keep, and the keys no longer raised: a flag still raised is not sent again; one that
 * cleared and is raised again is a new onset. A flag is cleared only by a telegram that carries its
 * source (`sources`, alarmSources) without it; a flag whose source the telegram does not carry stays
 * as it was.
 */
export function alarmOnsets(
  alarms: readonly MeterAlarm[],
  raised: readonly string[],
  sources: readonly AlarmSourceRead[],
): { onsets: MeterAlarm[]; cleared: string[]; raised: string[] } {
  const before = new Set(raised);
  const now = new Set(alarms.map((a) => a.key));
  const read = new Set(sources.map((s) => s.key));
  const unread = raised.filter((key) => !now.has(key) && !read.has(sourceOfKey(key)));
  return {
    onsets: alarms.filter((a) => !before.has(a.key)),
    cleared: raised.filter((key) => !now.has(key) && read.has(sourceOfKey(key))),
    raised: [...alarms.map((a) => a.key), ...unread],
  };
}

const statusKinds: readonly MeterAlarmKind[] = ['applicationError', 'alarm', 'powerLow', 'permanentError', 'temporaryError'];

/** The kind of alarm a key was raised for (the keys kept per meter), or null for a key no longer read. */
export function alarmKindOfKey(key: string): MeterAlarmKind | null {
  const source = sourceOfKey(key);
  const flag = key.slice(source.length + 1);
  if (source === 'status') return statusKinds.find((kind) => kind === flag) ?? null;
  if (source === 'errorFlags') return /^\d+$/.test(flag) ? 'errorFlag' : null;
  const row = manufacturerAlarmRecords.find((r) => r.key === source);
  return row?.bits.find(([, kind]) => kind === flag)?.[1] ?? null;
}
