/**
 * MeterServiceRequests: meter service work (install, exchange, disconnect …) for a crew. Only the
 * older EPRI/openwms set has this noun (NOTES.md §5; whether 61968-9 ed.2 keeps it is not verified),
 * and that set uses the DRAFT envelope namespace `http://www.iec.ch/TC57/2011/schema/message`:
 * messages with this noun are built with `schemaSet: 'openwmsDraft'`. Its payload repeats a
 * Header (draft HeaderType), bound here to the prefix `msgd:`.
 */
import { child, many, reqStr, str, oneOf, type XmlValue } from '../xml/read';
import type { XElement } from '../xml/xmlWriter';
import { readHeader, writeHeader } from '../message/parts';
import type { Header } from '../message/types';
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
  type Name,
  type ObjectRef,
} from './common';
import { CimXmlError } from '../xml/safeXml';
import { DRAFT_MESSAGE_NS } from '../message/verbs';

export const METER_SERVICE_WORK_KINDS = [
  'construction',
  'disconnect',
  'inspection',
  'maintenance',
  'meter',
  'other',
  'reconnect',
  'repair',
  'service',
  'test',
] as const;

export interface ServiceMeter {
  mRID?: string;
  amrSystem?: string;
  formNumber?: string;
  serialNumber?: string;
  /** The readings the work asks for; a switch gives the window to read in as valuesInterval (issue 9). */
  meterReadings?: { valuesInterval?: DateTimeInterval }[];
  names?: Name[];
}

/** Work.Customers: whose service the work concerns, with their agreements (a switch names the agreement that changes hands). */
export interface ServiceCustomer {
  mRID?: string;
  customerAgreements?: ObjectRef[];
  names?: Name[];
}

export interface MeterServiceWork {
  kind?: (typeof METER_SERVICE_WORK_KINDS)[number];
  lastModifiedDateTime?: string;
  priority?: string;
  requestDateTime?: string;
  type?: string;
  customers?: ServiceCustomer[];
  meter: ServiceMeter;
  oldMeter?: ServiceMeter;
  status?: { dateTime?: string; reason?: string; remark?: string; value: string };
}

export interface MeterServiceRequests {
  header: Header;
  work?: MeterServiceWork[];
}

const writeMeter = (tag: string, x: ServiceMeter): XElement =>
  m(tag, [
    mo('mRID', x.mRID),
    mo('amrSystem', x.amrSystem),
    mo('formNumber', x.formNumber),
    mo('serialNumber', x.serialNumber),
    ...(x.meterReadings ?? []).map((r) => m('MeterReadings', [writeInterval('valuesInterval', r.valuesInterval)])),
    ...writeNames(x.names),
  ]);

const readMeter = (x: XmlValue): ServiceMeter => ({
  mRID: str(x, 'mRID'),
  amrSystem: str(x, 'amrSystem'),
  formNumber: str(x, 'formNumber'),
  serialNumber: str(x, 'serialNumber'),
  meterReadings: many(x, 'MeterReadings', (r) => ({ valuesInterval: readInterval(r, 'valuesInterval') })),
  names: readNames(x),
});

const writeCustomer = (c: ServiceCustomer): XElement =>
  m('Customers', [
    mo('mRID', c.mRID),
    ...(c.customerAgreements ?? []).map((a) => writeRef('CustomerAgreements', a)),
    ...writeNames(c.names),
  ]);

const readCustomer = (c: XmlValue): ServiceCustomer => ({
  mRID: str(c, 'mRID'),
  customerAgreements: many(c, 'CustomerAgreements', readRef),
  names: readNames(c),
});

export function writeMeterServiceRequests(p: MeterServiceRequests): XElement {
  const root = m('MeterServiceRequests', [
    writeHeader('m:Header', p.header, 'msgd:'),
    ...(p.work ?? []).map((w) =>
      m('MeterServiceWork', [
        mo('kind', w.kind),
        mo('lastModifiedDateTime', w.lastModifiedDateTime),
        mo('priority', w.priority),
        mo('requestDateTime', w.requestDateTime),
        mo('type', w.type),
        ...(w.customers ?? []).map(writeCustomer),
        writeMeter('Meter', w.meter),
        w.oldMeter && writeMeter('OldMeter', w.oldMeter),
        w.status &&
          m('status', [
            mo('dateTime', w.status.dateTime),
            mo('reason', w.status.reason),
            mo('remark', w.status.remark),
            m('value', w.status.value),
          ]),
      ]),
    ),
  ]);
  return { ...root, attrs: { 'xmlns:msgd': DRAFT_MESSAGE_NS } };
}

export function readMeterServiceRequests(node: XmlValue): MeterServiceRequests {
  return {
    header: readHeader(child(node, 'Header'), () => undefined),
    work: many(node, 'MeterServiceWork', (w) => {
      const meter = child(w, 'Meter');
      if (meter === undefined) throw new CimXmlError('INVALID_MESSAGE', 'MeterServiceWork: required element Meter is missing');
      const old = child(w, 'OldMeter');
      const status = child(w, 'status');
      return {
        kind: oneOf(str(w, 'kind'), METER_SERVICE_WORK_KINDS, 'MeterServiceWork/kind'),
        lastModifiedDateTime: str(w, 'lastModifiedDateTime'),
        priority: str(w, 'priority'),
        requestDateTime: str(w, 'requestDateTime'),
        type: str(w, 'type'),
        customers: many(w, 'Customers', readCustomer),
        meter: readMeter(meter),
        oldMeter: old === undefined ? undefined : readMeter(old),
        status:
          status === undefined
            ? undefined
            : {
                dateTime: str(status, 'dateTime'),
                reason: str(status, 'reason'),
                remark: str(status, 'remark'),
                value: reqStr(status, 'value', 'MeterServiceWork/status'),
              },
      };
    }),
  };
}
