/**
 * MeterConfig and EndDeviceConfig (CX MeterConfig.xsd, EndDeviceConfig.xsd; NOTES.md §5): the
 * asset record of a meter installed in the field, and of any EndDevice — PAN devices included,
 * which carry isPan and their ZigBee install code. Both XSDs share one sequence except that only
 * EndDevice has installCode/isPan and only Meter has MeterMultipliers.
 */
import { bool, child, int, many, oneOf, reqStr, str, type XmlValue } from '../xml/read';
import type { XElement } from '../xml/xmlWriter';
import {
  m,
  mo,
  readConfigurationEvent,
  readNames,
  readRef,
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

export const SEAL_KINDS = ['lead', 'lock', 'other', 'steel'] as const;
export const SEAL_CONDITION_KINDS = ['broken', 'locked', 'missing', 'open', 'other'] as const;
export const METER_MULTIPLIER_KINDS = ['ctRatio', 'kE', 'kH', 'kR', 'ptRatio', 'transformerRatio'] as const;

export interface ElectronicAddress {
  lan?: string;
  mac?: string;
  radio?: string;
  web?: string;
}
export interface LifecycleDate {
  installationDate?: string;
  manufacturedDate?: string;
  purchaseDate?: string;
  receivedDate?: string;
  removalDate?: string;
  retiredDate?: string;
}
export interface EndDeviceInfo {
  isSolidState?: boolean;
  phaseCount?: number;
  assetModel?: { modelNumber?: string; modelVersion?: string; manufacturer?: ObjectRef };
}
export interface Seal {
  appliedDateTime?: string;
  condition?: (typeof SEAL_CONDITION_KINDS)[number];
  kind?: (typeof SEAL_KINDS)[number];
  sealNumber: string;
}

/** Fields common to Meter and EndDevice in the two config profiles. */
export interface DeviceAsset {
  mRID?: string;
  amrSystem?: string;
  isVirtual?: boolean;
  lotNumber?: string;
  serialNumber?: string;
  /** Minutes from UTC, decimal text. */
  timeZoneOffset?: string;
  type?: string;
  utcNumber?: string;
  configurationEvents?: ConfigurationEvent;
  electronicAddress?: ElectronicAddress;
  endDeviceInfo?: EndDeviceInfo;
  lifecycle?: LifecycleDate;
  names?: Name[];
  seals?: Seal[];
  status?: Status;
}
/**
 * One of a meter's secrets as an MDM sends it in MeterConfig: the Connexo extension
 * `Meter/SecurityKeys/securityKey` (CX SecurityKeys.xsd), an accessor name and the key as
 * xenc:EncryptedData. Without `wrapKeyInfo` (and without an EncryptionMethod) CipherValue holds the
 * key itself, base64; with one, it is wrapped for an HSM. Read, never written: a key is not sent on.
 */
export interface MeterSecurityKey {
  accessorName?: string;
  /** CipherData/CipherValue as sent (xs:base64Binary). */
  cipherValue?: string;
  /** The value is wrapped (wrapKeyInfo or an EncryptionMethod): only the holder of the wrapping key can open it. */
  wrapped: boolean;
}
export interface MeterAsset extends DeviceAsset {
  multipliers?: { kind?: (typeof METER_MULTIPLIER_KINDS)[number]; value?: string }[];
  securityKeys?: MeterSecurityKey[];
}
export interface EndDeviceAsset extends DeviceAsset {
  installCode?: string;
  isPan?: boolean;
}

export interface MeterConfig {
  meters: MeterAsset[];
}
export interface EndDeviceConfig {
  endDevices: EndDeviceAsset[];
}

const LIFECYCLE = ['installationDate', 'manufacturedDate', 'purchaseDate', 'receivedDate', 'removalDate', 'retiredDate'] as const;

function writeAsset(tag: 'Meter' | 'EndDevice', d: MeterAsset & EndDeviceAsset): XElement {
  const pan = tag === 'EndDevice';
  const a = d.electronicAddress;
  const info = d.endDeviceInfo;
  return m(tag, [
    mo('mRID', d.mRID),
    mo('amrSystem', d.amrSystem),
    pan && mo('installCode', d.installCode),
    pan && mo('isPan', d.isPan),
    mo('isVirtual', d.isVirtual),
    mo('lotNumber', d.lotNumber),
    mo('serialNumber', d.serialNumber),
    mo('timeZoneOffset', d.timeZoneOffset),
    mo('type', d.type),
    mo('utcNumber', d.utcNumber),
    writeConfigurationEvent('ConfigurationEvents', d.configurationEvents),
    a && m('electronicAddress', [mo('lan', a.lan), mo('mac', a.mac), mo('radio', a.radio), mo('web', a.web)]),
    info &&
      m('EndDeviceInfo', [
        mo('isSolidState', info.isSolidState),
        mo('phaseCount', info.phaseCount),
        info.assetModel &&
          m('AssetModel', [
            mo('modelNumber', info.assetModel.modelNumber),
            mo('modelVersion', info.assetModel.modelVersion),
            info.assetModel.manufacturer && writeRef('Manufacturer', info.assetModel.manufacturer),
          ]),
      ]),
    d.lifecycle &&
      m(
        'lifecycle',
        LIFECYCLE.map((k) => mo(k, d.lifecycle?.[k])),
      ),
    ...(tag === 'Meter' ? (d.multipliers ?? []).map((x) => m('MeterMultipliers', [mo('kind', x.kind), mo('value', x.value)])) : []),
    ...writeNames(d.names),
    ...(d.seals ?? []).map((s) =>
      m('Seals', [
        mo('appliedDateTime', s.appliedDateTime),
        mo('condition', s.condition),
        mo('kind', s.kind),
        m('sealNumber', s.sealNumber),
      ]),
    ),
    writeStatus(d.status),
  ]);
}

function readSecurityKey(node: XmlValue): MeterSecurityKey {
  const encrypted = child(node, 'securityAccessorKey');
  return {
    accessorName: str(node, 'securityAccessorName'),
    cipherValue: str(child(encrypted, 'CipherData'), 'CipherValue'),
    wrapped: child(node, 'wrapKeyInfo') !== undefined || child(encrypted, 'EncryptionMethod') !== undefined,
  };
}

function readAsset(node: XmlValue, tag: 'Meter' | 'EndDevice'): MeterAsset & EndDeviceAsset {
  const a = child(node, 'electronicAddress');
  const info = child(node, 'EndDeviceInfo');
  const model = child(info, 'AssetModel');
  const manufacturer = child(model, 'Manufacturer');
  const lifecycle = child(node, 'lifecycle');
  return {
    mRID: str(node, 'mRID'),
    amrSystem: str(node, 'amrSystem'),
    installCode: tag === 'EndDevice' ? str(node, 'installCode') : undefined,
    isPan: tag === 'EndDevice' ? bool(node, 'isPan') : undefined,
    isVirtual: bool(node, 'isVirtual'),
    lotNumber: str(node, 'lotNumber'),
    serialNumber: str(node, 'serialNumber'),
    timeZoneOffset: str(node, 'timeZoneOffset'),
    type: str(node, 'type'),
    utcNumber: str(node, 'utcNumber'),
    configurationEvents: readConfigurationEvent(node, 'ConfigurationEvents'),
    electronicAddress: a === undefined ? undefined : { lan: str(a, 'lan'), mac: str(a, 'mac'), radio: str(a, 'radio'), web: str(a, 'web') },
    endDeviceInfo:
      info === undefined
        ? undefined
        : {
            isSolidState: bool(info, 'isSolidState'),
            phaseCount: int(info, 'phaseCount'),
            assetModel:
              model === undefined
                ? undefined
                : {
                    modelNumber: str(model, 'modelNumber'),
                    modelVersion: str(model, 'modelVersion'),
                    manufacturer: manufacturer === undefined ? undefined : readRef(manufacturer),
                  },
          },
    lifecycle: lifecycle === undefined ? undefined : Object.fromEntries(LIFECYCLE.map((k) => [k, str(lifecycle, k)])),
    multipliers:
      tag === 'Meter'
        ? many(node, 'MeterMultipliers', (x) => ({
            kind: oneOf(str(x, 'kind'), METER_MULTIPLIER_KINDS, 'MeterMultipliers/kind'),
            value: str(x, 'value'),
          }))
        : undefined,
    securityKeys: tag === 'Meter' ? many(child(node, 'SecurityKeys'), 'securityKey', readSecurityKey) : undefined,
    names: readNames(node),
    seals: many(node, 'Seals', (s) => ({
      appliedDateTime: str(s, 'appliedDateTime'),
      condition: oneOf(str(s, 'condition'), SEAL_CONDITION_KINDS, 'Seals/condition'),
      kind: oneOf(str(s, 'kind'), SEAL_KINDS, 'Seals/kind'),
      sealNumber: reqStr(s, 'sealNumber', 'Seals'),
    })),
    status: readStatus(node),
  };
}

export const writeMeterConfig = (p: MeterConfig): XElement =>
  m(
    'MeterConfig',
    p.meters.map((d) => writeAsset('Meter', d)),
  );
export const readMeterConfig = (node: XmlValue): MeterConfig => ({ meters: many(node, 'Meter', (d) => readAsset(d, 'Meter')) ?? [] });
export const writeEndDeviceConfig = (p: EndDeviceConfig): XElement =>
  m(
    'EndDeviceConfig',
    p.endDevices.map((d) => writeAsset('EndDevice', d)),
  );
export const readEndDeviceConfig = (node: XmlValue): EndDeviceConfig => ({
  endDevices: many(node, 'EndDevice', (d) => readAsset(d, 'EndDevice')) ?? [],
});
