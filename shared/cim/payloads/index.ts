/**
 * The 61968-9 payloads Fieldmeter builds and reads, keyed by the name of their root element
 * (which is also the `<Noun>` of their XSD and namespace). Each body is written with the prefix
 * `m:` bound on its own root, so it can sit in a typed wrapper, a generic envelope, or alone.
 */
import type { XmlValue } from '../xml/read';
import { el, type XElement } from '../xml/xmlWriter';
import { payloadNamespace } from '../message/verbs';
import {
  readEndDeviceConfig,
  readMeterConfig,
  writeEndDeviceConfig,
  writeMeterConfig,
  type EndDeviceConfig,
  type MeterConfig,
} from './deviceConfig';
import { readEndDeviceControls, writeEndDeviceControls, type EndDeviceControls } from './endDeviceControls';
import { readEndDeviceEvents, writeEndDeviceEvents, type EndDeviceEvents } from './endDeviceEvents';
import { readGetMeterReadings, writeGetMeterReadings, type GetMeterReadings } from './getMeterReadings';
import { readMasterDataLinkageConfig, writeMasterDataLinkageConfig, type MasterDataLinkageConfig } from './masterDataLinkageConfig';
import { readMeterServiceRequests, writeMeterServiceRequests, type MeterServiceRequests } from './meterServiceRequests';
import { readMeterReadings, writeMeterReadings, type MeterReadings } from './meterReadings';
import { readUsagePointConfig, writeUsagePointConfig, type UsagePointConfig } from './usagePointConfig';

export interface PayloadTypes {
  MeterReadings: MeterReadings;
  GetMeterReadings: GetMeterReadings;
  EndDeviceEvents: EndDeviceEvents;
  EndDeviceControls: EndDeviceControls;
  MeterConfig: MeterConfig;
  EndDeviceConfig: EndDeviceConfig;
  UsagePointConfig: UsagePointConfig;
  MasterDataLinkageConfig: MasterDataLinkageConfig;
  MeterServiceRequests: MeterServiceRequests;
}
export type PayloadNoun = keyof PayloadTypes;
export type PayloadBody = { [K in PayloadNoun]: { noun: K; value: PayloadTypes[K] } }[PayloadNoun];

const codecs: { [K in PayloadNoun]: { write(value: PayloadTypes[K]): XElement; read(node: XmlValue): PayloadTypes[K] } } = {
  MeterReadings: { write: writeMeterReadings, read: readMeterReadings },
  GetMeterReadings: { write: writeGetMeterReadings, read: readGetMeterReadings },
  EndDeviceEvents: { write: writeEndDeviceEvents, read: readEndDeviceEvents },
  EndDeviceControls: { write: writeEndDeviceControls, read: readEndDeviceControls },
  MeterConfig: { write: writeMeterConfig, read: readMeterConfig },
  EndDeviceConfig: { write: writeEndDeviceConfig, read: readEndDeviceConfig },
  UsagePointConfig: { write: writeUsagePointConfig, read: readUsagePointConfig },
  MasterDataLinkageConfig: { write: writeMasterDataLinkageConfig, read: readMasterDataLinkageConfig },
  MeterServiceRequests: { write: writeMeterServiceRequests, read: readMeterServiceRequests },
};

export const PAYLOAD_NOUNS = Object.keys(codecs) as PayloadNoun[];
export const isPayloadNoun = (name: string): name is PayloadNoun => Object.hasOwn(codecs, name);

/** The payload's root element with `xmlns:m` declared on it. */
export function writePayloadBody(body: PayloadBody): XElement {
  const codec = codecs[body.noun] as { write(value: PayloadBody['value']): XElement };
  const root = codec.write(body.value);
  return el(root.name, root.children ?? [], { 'xmlns:m': payloadNamespace(body.noun), ...root.attrs });
}

export function readPayloadBody(noun: PayloadNoun, node: XmlValue): PayloadBody {
  const codec = codecs[noun] as { read(node: XmlValue): PayloadBody['value'] };
  return { noun, value: codec.read(node) } as PayloadBody;
}

export type {
  MeterReadings,
  GetMeterReadings,
  EndDeviceEvents,
  EndDeviceControls,
  MeterConfig,
  EndDeviceConfig,
  UsagePointConfig,
  MasterDataLinkageConfig,
  MeterServiceRequests,
};
