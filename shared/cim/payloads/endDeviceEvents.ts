/**
 * EndDeviceEvents (CX EndDeviceEvents.xsd; NOTES.md §5, §7): events a meter reported (power
 * down/up, tamper, cover open, demand reset occurred …), each with its 4-part EndDeviceEventType.
 */
import { child, many, reqRef, reqStr, str, type XmlValue } from '../xml/read';
import type { XElement } from '../xml/xmlWriter';
import {
  m,
  mo,
  mref,
  optRef,
  readNames,
  readStatus,
  writeNames,
  writeRef,
  writeStatus,
  type Name,
  type ObjectRef,
  type Status,
} from './common';

export interface EndDeviceAsset {
  mRID?: string;
  serialNumber?: string;
  names?: Name[];
}

export interface EndDeviceEventDetail {
  name: string;
  value?: string;
}

export interface EndDeviceEvent {
  mRID?: string;
  createdDateTime: string;
  issuerID?: string;
  issuerTrackingID?: string;
  reason?: string;
  severity?: string;
  userID?: string;
  assets?: EndDeviceAsset;
  details?: EndDeviceEventDetail[];
  /** `type.domain.subDomain.eventOrAction`, see ../codes/endDeviceCodes.ts */
  eventType: string;
  names?: Name[];
  status?: Status;
  usagePoint?: ObjectRef;
}

export interface EndDeviceEvents {
  endDeviceEvents: EndDeviceEvent[];
}

export function writeEndDeviceEvent(e: EndDeviceEvent): XElement {
  return m('EndDeviceEvent', [
    mo('mRID', e.mRID),
    m('createdDateTime', e.createdDateTime),
    mo('issuerID', e.issuerID),
    mo('issuerTrackingID', e.issuerTrackingID),
    mo('reason', e.reason),
    mo('severity', e.severity),
    mo('userID', e.userID),
    e.assets && m('Assets', [mo('mRID', e.assets.mRID), mo('serialNumber', e.assets.serialNumber), ...writeNames(e.assets.names)]),
    ...(e.details ?? []).map((d) => m('EndDeviceEventDetails', [m('name', d.name), mo('value', d.value)])),
    mref('EndDeviceEventType', e.eventType),
    ...writeNames(e.names),
    writeStatus(e.status),
    e.usagePoint && writeRef('UsagePoint', e.usagePoint),
  ]);
}

export function writeEndDeviceEvents(p: EndDeviceEvents): XElement {
  return m('EndDeviceEvents', p.endDeviceEvents.map(writeEndDeviceEvent));
}

export function readEndDeviceEvent(e: XmlValue): EndDeviceEvent {
  const assets = child(e, 'Assets');
  return {
    mRID: str(e, 'mRID'),
    createdDateTime: reqStr(e, 'createdDateTime', 'EndDeviceEvent'),
    issuerID: str(e, 'issuerID'),
    issuerTrackingID: str(e, 'issuerTrackingID'),
    reason: str(e, 'reason'),
    severity: str(e, 'severity'),
    userID: str(e, 'userID'),
    assets:
      assets === undefined ? undefined : { mRID: str(assets, 'mRID'), serialNumber: str(assets, 'serialNumber'), names: readNames(assets) },
    details: many(e, 'EndDeviceEventDetails', (d) => ({ name: reqStr(d, 'name', 'EndDeviceEventDetails'), value: str(d, 'value') })),
    eventType: reqRef(e, 'EndDeviceEventType', 'EndDeviceEvent'),
    names: readNames(e),
    status: readStatus(e),
    usagePoint: optRef(e, 'UsagePoint'),
  };
}

export function readEndDeviceEvents(node: XmlValue): EndDeviceEvents {
  return { endDeviceEvents: many(node, 'EndDeviceEvent', readEndDeviceEvent) ?? [] };
}
