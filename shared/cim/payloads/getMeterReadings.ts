/**
 * GetMeterReadings (CX GetMeterReadings.xsd): which meters / usage points / ReadingTypes the
 * enterprise is asked for. In the typed wrapper it sits inside Request (GetMeterReadingsMessage.xsd).
 */
import { many, type XmlValue } from '../xml/read';
import type { XElement } from '../xml/xmlWriter';
import {
  m,
  mo,
  readInterval,
  readNames,
  readRef,
  writeInterval,
  writeNames,
  writeRef,
  type DateTimeInterval,
  type ObjectRef,
} from './common';
import type { MeterRef } from './meterReadings';
import { str } from '../xml/read';

export interface GetMeterReadings {
  endDevices?: MeterRef[];
  endDeviceGroups?: ObjectRef[];
  /** ReadingType codes wanted (sent as ReadingType/mRID). */
  readingTypes?: string[];
  /** ReadingTypes named by Names/name only, without an mRID (resolved by the receiver, readingTypeNames.ts). */
  readingTypeNames?: string[];
  timeSchedules?: DateTimeInterval[];
  usagePoints?: ObjectRef[];
  usagePointGroups?: ObjectRef[];
}

export function writeGetMeterReadings(p: GetMeterReadings): XElement {
  return m('GetMeterReadings', [
    ...(p.endDevices ?? []).map((d) => m('EndDevice', [mo('mRID', d.mRID), mo('serialNumber', d.serialNumber), ...writeNames(d.names)])),
    ...(p.endDeviceGroups ?? []).map((g) => writeRef('EndDeviceGroup', g)),
    ...(p.readingTypes ?? []).map((code) => m('ReadingType', [mo('mRID', code)])),
    ...(p.readingTypeNames ?? []).map((name) => m('ReadingType', writeNames([{ name }]))),
    ...(p.timeSchedules ?? []).map((t) => m('TimeSchedule', [writeInterval('scheduleInterval', t)])),
    ...(p.usagePoints ?? []).map((u) => writeRef('UsagePoint', u)),
    ...(p.usagePointGroups ?? []).map((g) => writeRef('UsagePointGroup', g)),
  ]);
}

const filtered = (list: (string | undefined)[] | undefined): string[] | undefined => {
  const kept = list?.filter((v): v is string => v !== undefined);
  return kept && kept.length > 0 ? kept : undefined;
};

export function readGetMeterReadings(node: XmlValue): GetMeterReadings {
  return {
    endDevices: many(node, 'EndDevice', (d) => ({ mRID: str(d, 'mRID'), serialNumber: str(d, 'serialNumber'), names: readNames(d) })),
    endDeviceGroups: many(node, 'EndDeviceGroup', readRef),
    // A ReadingType with neither mRID nor Names reads as '' so the receiver can refuse it.
    readingTypes: filtered(many(node, 'ReadingType', (t) => str(t, 'mRID') ?? (readNames(t) ? undefined : ''))),
    readingTypeNames: filtered(many(node, 'ReadingType', (t) => (str(t, 'mRID') === undefined ? readNames(t)?.[0]?.name : undefined))),
    timeSchedules: many(node, 'TimeSchedule', (t) => readInterval(t, 'scheduleInterval') ?? {}),
    usagePoints: many(node, 'UsagePoint', readRef),
    usagePointGroups: many(node, 'UsagePointGroup', readRef),
  };
}
