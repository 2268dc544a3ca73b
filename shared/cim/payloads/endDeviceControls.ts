/**
 * EndDeviceControls (CX EndDeviceControls.xsd; NOTES.md §5, §7): commands to meters and PAN
 * devices — remote connect/disconnect, demand reset, PAN pairing window, load control (PAN
 * demand response), text display, price signal. Float-typed values (Minutes, PerCent, Money)
 * are carried as decimal text so nothing is lost on the way.
 */
import { child, int, bool, many, oneOf, reqRef, reqStr, str, type XmlValue } from '../xml/read';
import type { XElement } from '../xml/xmlWriter';
import {
  m,
  mo,
  mref,
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

export const RANDOMISATION_KINDS = ['default', 'end', 'none', 'start', 'startAndEnd'] as const;
export const TRANSMISSION_MODE_KINDS = ['anonymous', 'both', 'normal'] as const;

export interface EndDeviceTiming {
  duration?: string;
  durationIndefinite?: boolean;
  randomisation?: (typeof RANDOMISATION_KINDS)[number];
  interval?: DateTimeInterval;
}

/** An EndDevice as addressed by a control; PAN devices carry isPan and their install code. */
export interface ControlledEndDevice {
  mRID?: string;
  serialNumber?: string;
  installCode?: string;
  isPan?: boolean;
  names?: Name[];
}

export type PanControl =
  | {
      kind: 'PanDemandResponse';
      cancelNow?: boolean;
      command?: string;
      criticalityLevel?: string;
      duration?: string;
      durationIndefinite?: boolean;
      dutyCycle?: string;
      enrollmentGroup?: string;
      startDateTime?: string;
    }
  | {
      kind: 'PanDisplay';
      command?: string;
      confirmationRequired?: boolean;
      duration?: string;
      durationIndefinite?: boolean;
      priority?: string;
      startDateTime?: string;
      textMessage?: string;
      transmissionMode?: (typeof TRANSMISSION_MODE_KINDS)[number];
    }
  | {
      kind: 'PanPricing';
      command?: string;
      duration?: string;
      providerID?: number;
      startDateTime?: string;
      details?: { price?: string; priceTier?: number; priceTierCount?: number; rateLabel?: string; unitOfMeasure?: string }[];
    };

export interface EndDeviceControl {
  mRID?: string;
  drProgramLevel?: number;
  drProgramMandatory?: boolean;
  issuerID?: string;
  issuerTrackingID?: string;
  priceSignal?: string;
  reason?: string;
  pan?: PanControl;
  scheduleStrategy?: string;
  /** `type.domain.subDomain.eventOrAction`, e.g. 3.31.0.23 disconnect (../codes/endDeviceCodes.ts). */
  controlType: string;
  attributes?: { name: string; value: string }[];
  endDeviceGroups?: ObjectRef[];
  endDevices?: ControlledEndDevice[];
  primaryDeviceTiming?: EndDeviceTiming;
  secondaryDeviceTiming?: EndDeviceTiming;
  usagePointGroups?: ObjectRef[];
  usagePoints?: ObjectRef[];
}

export interface EndDeviceControls {
  endDeviceControls: EndDeviceControl[];
}

function writePan(p: PanControl): XElement {
  switch (p.kind) {
    case 'PanDemandResponse':
      return m(p.kind, [
        mo('cancelNow', p.cancelNow),
        mo('command', p.command),
        mo('criticalityLevel', p.criticalityLevel),
        mo('duration', p.duration),
        mo('durationIndefinite', p.durationIndefinite),
        mo('dutyCycle', p.dutyCycle),
        mo('enrollmentGroup', p.enrollmentGroup),
        mo('startDateTime', p.startDateTime),
      ]);
    case 'PanDisplay':
      return m(p.kind, [
        mo('command', p.command),
        mo('confirmationRequired', p.confirmationRequired),
        mo('duration', p.duration),
        mo('durationIndefinite', p.durationIndefinite),
        mo('priority', p.priority),
        mo('startDateTime', p.startDateTime),
        mo('textMessage', p.textMessage),
        mo('transmissionMode', p.transmissionMode),
      ]);
    case 'PanPricing':
      return m(p.kind, [
        mo('command', p.command),
        mo('duration', p.duration),
        mo('providerID', p.providerID),
        mo('startDateTime', p.startDateTime),
        ...(p.details ?? []).map((d) =>
          m('PanPricingDetails', [
            mo('price', d.price),
            mo('priceTier', d.priceTier),
            mo('priceTierCount', d.priceTierCount),
            mo('rateLabel', d.rateLabel),
            mo('unitOfMeasure', d.unitOfMeasure),
          ]),
        ),
      ]);
  }
}

function readPan(node: XmlValue): PanControl | undefined {
  const dr = child(node, 'PanDemandResponse');
  if (dr !== undefined) {
    return {
      kind: 'PanDemandResponse',
      cancelNow: bool(dr, 'cancelNow'),
      command: str(dr, 'command'),
      criticalityLevel: str(dr, 'criticalityLevel'),
      duration: str(dr, 'duration'),
      durationIndefinite: bool(dr, 'durationIndefinite'),
      dutyCycle: str(dr, 'dutyCycle'),
      enrollmentGroup: str(dr, 'enrollmentGroup'),
      startDateTime: str(dr, 'startDateTime'),
    };
  }
  const display = child(node, 'PanDisplay');
  if (display !== undefined) {
    return {
      kind: 'PanDisplay',
      command: str(display, 'command'),
      confirmationRequired: bool(display, 'confirmationRequired'),
      duration: str(display, 'duration'),
      durationIndefinite: bool(display, 'durationIndefinite'),
      priority: str(display, 'priority'),
      startDateTime: str(display, 'startDateTime'),
      textMessage: str(display, 'textMessage'),
      transmissionMode: oneOf(str(display, 'transmissionMode'), TRANSMISSION_MODE_KINDS, 'PanDisplay/transmissionMode'),
    };
  }
  const pricing = child(node, 'PanPricing');
  if (pricing === undefined) return undefined;
  return {
    kind: 'PanPricing',
    command: str(pricing, 'command'),
    duration: str(pricing, 'duration'),
    providerID: int(pricing, 'providerID'),
    startDateTime: str(pricing, 'startDateTime'),
    details: many(pricing, 'PanPricingDetails', (d) => ({
      price: str(d, 'price'),
      priceTier: int(d, 'priceTier'),
      priceTierCount: int(d, 'priceTierCount'),
      rateLabel: str(d, 'rateLabel'),
      unitOfMeasure: str(d, 'unitOfMeasure'),
    })),
  };
}

const writeTiming = (tag: string, t: EndDeviceTiming | undefined) =>
  t &&
  m(tag, [
    mo('duration', t.duration),
    mo('durationIndefinite', t.durationIndefinite),
    mo('randomisation', t.randomisation),
    writeInterval('interval', t.interval),
  ]);

function readTiming(node: XmlValue, name: string): EndDeviceTiming | undefined {
  const t = child(node, name);
  if (t === undefined) return undefined;
  return {
    duration: str(t, 'duration'),
    durationIndefinite: bool(t, 'durationIndefinite'),
    randomisation: oneOf(str(t, 'randomisation'), RANDOMISATION_KINDS, `${name}/randomisation`),
    interval: readInterval(t, 'interval'),
  };
}

export function writeEndDeviceControls(p: EndDeviceControls): XElement {
  return m(
    'EndDeviceControls',
    p.endDeviceControls.map((c) =>
      m('EndDeviceControl', [
        mo('mRID', c.mRID),
        mo('drProgramLevel', c.drProgramLevel),
        mo('drProgramMandatory', c.drProgramMandatory),
        mo('issuerID', c.issuerID),
        mo('issuerTrackingID', c.issuerTrackingID),
        mo('priceSignal', c.priceSignal),
        mo('reason', c.reason),
        c.pan && writePan(c.pan),
        mo('scheduleStrategy', c.scheduleStrategy),
        mref('EndDeviceControlType', c.controlType),
        ...(c.attributes ?? []).map((a) => m('EndDeviceControlAttribute', [m('name', a.name), m('value', a.value)])),
        ...(c.endDeviceGroups ?? []).map((g) => writeRef('EndDeviceGroups', g)),
        ...(c.endDevices ?? []).map((d) =>
          m('EndDevices', [
            mo('mRID', d.mRID),
            mo('serialNumber', d.serialNumber),
            mo('installCode', d.installCode),
            mo('isPan', d.isPan),
            ...writeNames(d.names),
          ]),
        ),
        writeTiming('primaryDeviceTiming', c.primaryDeviceTiming),
        writeTiming('secondaryDeviceTiming', c.secondaryDeviceTiming),
        ...(c.usagePointGroups ?? []).map((g) => writeRef('UsagePointGroups', g)),
        ...(c.usagePoints ?? []).map((u) => writeRef('UsagePoints', u)),
      ]),
    ),
  );
}

export function readEndDeviceControls(node: XmlValue): EndDeviceControls {
  return {
    endDeviceControls:
      many(node, 'EndDeviceControl', (c) => ({
        mRID: str(c, 'mRID'),
        drProgramLevel: int(c, 'drProgramLevel'),
        drProgramMandatory: bool(c, 'drProgramMandatory'),
        issuerID: str(c, 'issuerID'),
        issuerTrackingID: str(c, 'issuerTrackingID'),
        priceSignal: str(c, 'priceSignal'),
        reason: str(c, 'reason'),
        pan: readPan(c),
        scheduleStrategy: str(c, 'scheduleStrategy'),
        controlType: reqRef(c, 'EndDeviceControlType', 'EndDeviceControl'),
        attributes: many(c, 'EndDeviceControlAttribute', (a) => ({
          name: reqStr(a, 'name', 'EndDeviceControlAttribute'),
          value: reqStr(a, 'value', 'EndDeviceControlAttribute'),
        })),
        endDeviceGroups: many(c, 'EndDeviceGroups', readRef),
        endDevices: many(c, 'EndDevices', (d) => ({
          mRID: str(d, 'mRID'),
          serialNumber: str(d, 'serialNumber'),
          installCode: str(d, 'installCode'),
          isPan: bool(d, 'isPan'),
          names: readNames(d),
        })),
        primaryDeviceTiming: readTiming(c, 'primaryDeviceTiming'),
        secondaryDeviceTiming: readTiming(c, 'secondaryDeviceTiming'),
        usagePointGroups: many(c, 'UsagePointGroups', readRef),
        usagePoints: many(c, 'UsagePoints', readRef),
      })) ?? [],
  };
}
