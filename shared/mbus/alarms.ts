/**
 * The alarms a meter raises in its telegram, each with the raw flags that raised it:
 * - the status byte of the transport header (EN 13757-3:2018 Table 5 / EN 13757-7 Table 9): bits
 *   0–1 = 01 application busy (no alarm), 10 any application error, 11 abnormal situation (alarm);
 *   bit 2 power low, bit 3 permanent error, bit 4 temporary error; bits 5–7 are the manufacturer's
 *   and say nothing on their own;
 * - the error-flags record (VIF 0xFD 0x17, EN 13757-3 Table 14): every bit set is an alarm of its
 *   own, its meaning the manufacturer's (OMS Vol.2 leaves it to the device);
 * - Kamstrup's info codes (manufacturer KAM, record DIF 0x02 VIF 0xFF 0x20, as Multical 21 and
 *   flowIQ send it): bit 0 dry, 1 reverse flow, 2 leak, 3 burst; the higher bits say for how long
 *   (wmbusmeters src/driver_multical21.cc, the same bits in driver_flowiq2200.cc).
 * Pure: which event code each becomes is shared/cim/codes/mbusAlarmEvents.ts's to say.
 */
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

function errorFlagAlarms(record: DataRecord): MeterAlarm[] {
  if (record.storage !== 0 || record.value === null || !/^\d+$/.test(record.value)) return [];
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

const kamstrupBits: readonly [number, MeterAlarmKind][] = [
  [0x01, 'dry'],
  [0x02, 'backflow'],
  [0x04, 'leak'],
  [0x08, 'burst'],
];

function kamstrupInfoCodes(record: DataRecord): MeterAlarm[] {
  if (record.manufacturerVif !== 'FF20' || record.storage !== 0 || !record.value || !/^[0-9A-F]{4}$/.test(record.value)) return [];
  // Sent least significant byte first, as every M-Bus integer.
  const codes = parseInt(record.value.slice(2, 4) + record.value.slice(0, 2), 16);
  const details = [{ name: 'kamstrupInfoCodes', value: hex(codes, 4) }];
  return kamstrupBits.filter(([bit]) => codes & bit).map(([, kind]) => ({ key: `kamstrup.${kind}`, kind, details }));
}

export interface AlarmSource {
  readonly manufacturer: string | null;
  readonly status: number | null;
  readonly records: readonly DataRecord[];
}

/** Every alarm the telegram raises, status byte first, then the records in order. */
export function meterAlarms(telegram: AlarmSource): MeterAlarm[] {
  const alarms = telegram.status === null ? [] : statusAlarms(telegram.status);
  for (const record of telegram.records) {
    if (record.quantity === 'errorFlags') alarms.push(...errorFlagAlarms(record));
    else if (telegram.manufacturer === 'KAM') alarms.push(...kamstrupInfoCodes(record));
  }
  const seen = new Set<string>();
  return alarms.filter((a) => !seen.has(a.key) && seen.add(a.key));
}

/**
 * The alarms raised since the meter was last told (`raised`: the keys raised in the telegram last
 * reported), and the keys to keep: a flag still raised is not sent again; one that cleared and is
 * raised again is a new onset.
 */
export function alarmOnsets(alarms: readonly MeterAlarm[], raised: readonly string[]): { onsets: MeterAlarm[]; raised: string[] } {
  const before = new Set(raised);
  return { onsets: alarms.filter((a) => !before.has(a.key)), raised: alarms.map((a) => a.key) };
}
