/**
 * MasterDataLinkageConfig (CX MasterDataLinkageConfig.xsd; NOTES.md §5). Install/remove in the
 * field: verb create = link the meter to the usage point, close = unlink (as Connexo's
 * MasterDataLinkageAction implements it). Customer data (issue 9): no CustomerAgreementConfig
 * schema is public, so an agreement arrives as a link of CustomerAgreement, Customer,
 * CustomerAccount, ServiceSupplier and PricingStructure (the tariff) to the UsagePoint; create =
 * the agreement starts at ConfigurationEvent/effectiveDateTime, close = it ends then.
 */
import { many, str, type XmlValue } from '../xml/read';
import type { XElement } from '../xml/xmlWriter';
import {
  m,
  mo,
  readConfigurationEvent,
  readNames,
  readRef,
  writeConfigurationEvent,
  writeNames,
  writeRef,
  type ConfigurationEvent,
  type ObjectRef,
} from './common';

export interface LinkedMeter extends ObjectRef {
  /** Connexo extension: the meter's role at the usage point (e.g. "meter.role.default"). */
  role?: string;
}

export interface MasterDataLinkageConfig {
  configurationEvent?: ConfigurationEvent;
  customers?: ObjectRef[];
  customerAccounts?: ObjectRef[];
  customerAgreements?: ObjectRef[];
  endDevices?: ObjectRef[];
  meters?: LinkedMeter[];
  pricingStructures?: ObjectRef[];
  serviceLocations?: ObjectRef[];
  serviceSuppliers?: ObjectRef[];
  usagePoints?: ObjectRef[];
}

const refs = (tag: string, list: readonly ObjectRef[] | undefined): XElement[] => (list ?? []).map((r) => writeRef(tag, r));

export function writeMasterDataLinkageConfig(p: MasterDataLinkageConfig): XElement {
  return m('MasterDataLinkageConfig', [
    writeConfigurationEvent('ConfigurationEvent', p.configurationEvent),
    ...refs('Customer', p.customers),
    ...refs('CustomerAccount', p.customerAccounts),
    ...refs('CustomerAgreement', p.customerAgreements),
    ...refs('EndDevice', p.endDevices),
    ...(p.meters ?? []).map((x) => m('Meter', [mo('mRID', x.mRID), ...writeNames(x.names), mo('role', x.role)])),
    ...refs('PricingStructure', p.pricingStructures),
    ...refs('ServiceLocation', p.serviceLocations),
    ...refs('ServiceSupplier', p.serviceSuppliers),
    ...refs('UsagePoint', p.usagePoints),
  ]);
}

export function readMasterDataLinkageConfig(node: XmlValue): MasterDataLinkageConfig {
  return {
    configurationEvent: readConfigurationEvent(node, 'ConfigurationEvent'),
    customers: many(node, 'Customer', readRef),
    customerAccounts: many(node, 'CustomerAccount', readRef),
    customerAgreements: many(node, 'CustomerAgreement', readRef),
    endDevices: many(node, 'EndDevice', readRef),
    meters: many(node, 'Meter', (x) => ({ mRID: str(x, 'mRID'), names: readNames(x), role: str(x, 'role') })),
    pricingStructures: many(node, 'PricingStructure', readRef),
    serviceLocations: many(node, 'ServiceLocation', readRef),
    serviceSuppliers: many(node, 'ServiceSupplier', readRef),
    usagePoints: many(node, 'UsagePoint', readRef),
  };
}
