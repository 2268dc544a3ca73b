/**
 * Event, control and reading-quality codes as utility data (issue 19 §5, issue 20 §4): the codes
 * the app sends come from a code table chosen in the integration profile. The app keeps the
 * published 61968-9 code in every outbox row; the table turns it into the utility's code when the
 * message is rendered (outbox/render.ts), so a change of table also changes what is resent.
 *
 * Event and control codes are `type.domain.subDomain.eventOrAction`; a table code with device
 * type 0 takes the meter's type (as the published code did), any other type is sent as written.
 * Reading qualities are `system.category.index`. PAN join outcome codes may use `*` for a part.
 */
import {
  END_DEVICE_CONTROL_CODES,
  END_DEVICE_EVENT_CODES,
  isEndDeviceCode,
  type EndDeviceControlName,
  type EndDeviceEventName,
} from './endDeviceCodes';
import { readingQuality } from '../readingQuality';

export type ReadingQualityName = keyof typeof readingQuality;

export interface CodeTable {
  readonly name: string;
  readonly events: Readonly<Record<EndDeviceEventName, string>>;
  readonly controls: Readonly<Record<EndDeviceControlName, string>>;
  readonly readingQualities: Readonly<Record<ReadingQualityName, string>>;
  /** EndDeviceEventType codes the head end reports a PAN device's join with, and a failed join. */
  readonly panJoined: readonly string[];
  readonly panJoinFailed: readonly string[];
}

const typeNA = <K extends string>(codes: Readonly<Record<K, string>>) =>
  Object.fromEntries(Object.entries(codes).map(([name, code]) => [name, `0.${code as string}`])) as Record<K, string>;

/**
 * The default: the published 61968-9 codes as shared/cim/README.md lists them with their sources
 * (Connexo's EndDeviceEventTypeFactory and control mapping, NOTES.md §7-8). PAN join: Pairing
 * (domain 10), Connected 42 / Failed 85, any device type and subdomain (composed, see README).
 */
export const IEC_61968_9_TABLE: CodeTable = {
  name: 'IEC 61968-9 (published tables)',
  events: typeNA(END_DEVICE_EVENT_CODES),
  controls: typeNA(END_DEVICE_CONTROL_CODES),
  readingQualities: { ...readingQuality },
  panJoined: ['*.10.*.42'],
  panJoinFailed: ['*.10.*.85'],
};

/**
 * An example of a large AMI vendor's codes that differ from the default, written as data for a
 * utility to adjust to its own system — not a copy of any vendor's complete table. The events
 * follow the alarm list of Aclara's endpoint firmware (ALRM_Handler.h, © 2018 Aclara, in the
 * public code index): power failure 3.26.0.85 (Power.NA.Failed), power restore reported by the
 * communication module 26.26.0.216 (ComDevice.Power.NA.Restored), cover removed 3.12.29.212,
 * meter system error 3.0.0.79. Its PAN join codes take the Network domain (23) as well as Pairing
 * (composed). Controls and reading qualities are the published ones.
 */
export const AMI_VENDOR_EXAMPLE_TABLE: CodeTable = {
  ...IEC_61968_9_TABLE,
  name: 'AMI vendor example (Aclara-style alarm codes)',
  events: {
    ...IEC_61968_9_TABLE.events,
    powerDown: '0.26.0.85',
    powerUp: '26.26.0.216',
    coverOpened: '0.12.29.212',
    fatalError: '0.0.0.79',
  },
  panJoined: ['*.10.*.42', '*.23.*.42'],
  panJoinFailed: ['*.10.*.85', '*.23.*.85'],
};

export const SHIPPED_CODE_TABLES = { iec61968_9: IEC_61968_9_TABLE, amiVendorExample: AMI_VENDOR_EXAMPLE_TABLE } as const;
export type ShippedCodeTableName = keyof typeof SHIPPED_CODE_TABLES;
export const SHIPPED_CODE_TABLE_NAMES = Object.keys(SHIPPED_CODE_TABLES) as [ShippedCodeTableName, ...ShippedCodeTableName[]];

const restOf = (code: string) => code.split('.').slice(1).join('.');

function nameOf<K extends string>(published: Readonly<Record<K, string>>, rest: string): K | undefined {
  return (Object.keys(published) as K[]).find((name) => published[name] === rest);
}

/** The table's code for a published one, keeping the meter's device type where the table says 0. */
function withType(code: string, tableCode: string): string {
  const [type] = code.split('.');
  const [tableType, ...rest] = tableCode.split('.');
  return tableType === '0' ? [type, ...rest].join('.') : tableCode;
}

/** An EndDeviceEventType the app sends, as the table writes it; a code the app did not compose (a utility's own) is kept. */
export function eventCodeIn(table: CodeTable, code: string): string {
  const name = isEndDeviceCode(code) ? nameOf(END_DEVICE_EVENT_CODES, restOf(code)) : undefined;
  return name ? withType(code, table.events[name]) : code;
}

export function controlCodeIn(table: CodeTable, code: string): string {
  const name = isEndDeviceCode(code) ? nameOf(END_DEVICE_CONTROL_CODES, restOf(code)) : undefined;
  return name ? withType(code, table.controls[name]) : code;
}

export function qualityCodeIn(table: CodeTable, code: string): string {
  const name = nameOf(readingQuality as Readonly<Record<ReadingQualityName, string>>, code);
  return name ? table.readingQualities[name] : code;
}

const matches = (pattern: string, code: string) => {
  const want = pattern.split('.');
  const got = code.split('.');
  return want.length === got.length && want.every((part, i) => part === '*' || part === got[i]);
};

/**
 * A PAN join outcome in an inbound EndDeviceEventType: the profile's table and every shipped one
 * are accepted (a head end may still write the published codes after the utility moved tables).
 */
export function panJoinOutcomeIn(table: CodeTable, code: string): 'joined' | 'failed' | null {
  if (!isEndDeviceCode(code)) return null;
  const tables = [table, ...Object.values(SHIPPED_CODE_TABLES)];
  if (tables.some((t) => t.panJoined.some((p) => matches(p, code)))) return 'joined';
  if (tables.some((t) => t.panJoinFailed.some((p) => matches(p, code)))) return 'failed';
  return null;
}

/**
 * The event an inbound or recorded EndDeviceEventType stands for, for showing it in words: looked up
 * in the profile's table and every shipped one (a head end may still write the published codes after
 * the utility moved tables). A table code of device type 0 matches any type, as the tables send it.
 * Null for a code none of them names (shown as its code).
 */
export function eventNameIn(table: CodeTable, code: string): EndDeviceEventName | null {
  if (!isEndDeviceCode(code)) return null;
  const [type, ...rest] = code.split('.');
  for (const t of [table, ...Object.values(SHIPPED_CODE_TABLES)]) {
    for (const [name, tableCode] of Object.entries(t.events) as [EndDeviceEventName, string][]) {
      const [tableType, ...tableRest] = tableCode.split('.');
      if ((tableType === '0' || tableType === type) && tableRest.join('.') === rest.join('.')) return name;
    }
  }
  return null;
}
