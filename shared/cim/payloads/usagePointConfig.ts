/**
 * UsagePointConfig (CX UsagePointConfig.xsd; NOTES.md §5): the usage point as the field sees it —
 * connection state, service category, location, read route, metrology requirements (ReadingTypes).
 */
import { bool, child, many, oneOf, str, attr, type XmlValue } from '../xml/read';
import type { XElement } from '../xml/xmlWriter';
import {
  m,
  mo,
  mref,
  optRef,
  readConfigurationEvent,
  readNames,
  readStatus,
  writeConfigurationEvent,
  writeNames,
  writeRef,
  writeStatus,
  type ConfigurationEvent,
  type Name,
  type ObjectRef,
  type Status,
} from './common';

export const USAGE_POINT_CONNECTED_KINDS = ['connected', 'logicallyDisconnected', 'physicallyDisconnected'] as const;
export const PHASE_CODES = [
  'A',
  'AB',
  'ABC',
  'ABCN',
  'ABN',
  'AC',
  'ACN',
  'AN',
  'B',
  'BC',
  'BCN',
  'BN',
  'C',
  'CN',
  'N',
  's1',
  's12',
  's12N',
  's1N',
  's2',
  's2N',
] as const;
export const SERVICE_KINDS = [
  'electricity',
  'gas',
  'heat',
  'internet',
  'other',
  'rates',
  'refuse',
  'sewerage',
  'time',
  'tvLicence',
  'water',
] as const;

export interface UsagePoint {
  mRID?: string;
  connectionState?: (typeof USAGE_POINT_CONNECTED_KINDS)[number];
  isSdp?: boolean;
  isVirtual?: boolean;
  outageRegion?: string;
  phaseCode?: (typeof PHASE_CODES)[number];
  readCycle?: string;
  readRoute?: string;
  serviceDeliveryRemark?: string;
  configurationEvents?: ConfigurationEvent;
  /** ReadingType codes the usage point must be read for. */
  metrologyRequirements?: { mRID?: string; readingTypes: string[] }[];
  names?: Name[];
  serviceCategory?: (typeof SERVICE_KINDS)[number];
  serviceLocation?: ObjectRef;
  status?: Status;
}

export interface UsagePointConfig {
  usagePoints: UsagePoint[];
}

export function writeUsagePointConfig(p: UsagePointConfig): XElement {
  return m(
    'UsagePointConfig',
    p.usagePoints.map((u) =>
      m('UsagePoint', [
        mo('mRID', u.mRID),
        mo('connectionState', u.connectionState),
        mo('isSdp', u.isSdp),
        mo('isVirtual', u.isVirtual),
        mo('outageRegion', u.outageRegion),
        mo('phaseCode', u.phaseCode),
        mo('readCycle', u.readCycle),
        mo('readRoute', u.readRoute),
        mo('serviceDeliveryRemark', u.serviceDeliveryRemark),
        writeConfigurationEvent('ConfigurationEvents', u.configurationEvents),
        ...(u.metrologyRequirements ?? []).map((r) =>
          m('MetrologyRequirements', [mo('mRID', r.mRID), ...r.readingTypes.map((t) => mref('ReadingTypes', t))]),
        ),
        ...writeNames(u.names),
        u.serviceCategory !== undefined && m('ServiceCategory', [m('kind', u.serviceCategory)]),
        u.serviceLocation && writeRef('ServiceLocation', u.serviceLocation),
        writeStatus(u.status),
      ]),
    ),
  );
}

export function readUsagePointConfig(node: XmlValue): UsagePointConfig {
  return {
    usagePoints:
      many(node, 'UsagePoint', (u) => ({
        mRID: str(u, 'mRID'),
        connectionState: oneOf(str(u, 'connectionState'), USAGE_POINT_CONNECTED_KINDS, 'UsagePoint/connectionState'),
        isSdp: bool(u, 'isSdp'),
        isVirtual: bool(u, 'isVirtual'),
        outageRegion: str(u, 'outageRegion'),
        phaseCode: oneOf(str(u, 'phaseCode'), PHASE_CODES, 'UsagePoint/phaseCode'),
        readCycle: str(u, 'readCycle'),
        readRoute: str(u, 'readRoute'),
        serviceDeliveryRemark: str(u, 'serviceDeliveryRemark'),
        configurationEvents: readConfigurationEvent(u, 'ConfigurationEvents'),
        metrologyRequirements: many(u, 'MetrologyRequirements', (r) => ({
          mRID: str(r, 'mRID'),
          readingTypes: many(r, 'ReadingTypes', (t) => attr(t, 'ref') ?? '') ?? [],
        })),
        names: readNames(u),
        serviceCategory: oneOf(str(child(u, 'ServiceCategory'), 'kind'), SERVICE_KINDS, 'ServiceCategory/kind'),
        serviceLocation: optRef(u, 'ServiceLocation'),
        status: readStatus(u),
      })) ?? [],
  };
}
