/**
 * MeterConfig status words as the integration profile maps them (issue 19 §1). The messages are
 * written as Connexo's MeterConfig service writes them: the typed CreateMeterConfig /
 * ChangeMeterConfig wrapper of MeterConfigMessage.xsd, Meter/status/value holding a state of its
 * default device life cycle, as key or as name (DefaultState in chandangeek/Connexo_Code,
 * com.energyict.mdc.device.lifecycle.config: "dlc.default.inStock" / "In stock", "Active",
 * "Removed" …). Every word is schema-valid (Status/value is xs:string), so only the profile
 * tells a known word from an unknown one.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyInboundMessage } from '../../../electron/services/inbound/applyMessage';
import { importRoute } from '../../../electron/services/routes/importRoute';
import { openStore } from '../../../electron/services/store';
import { storeProfile } from '../../../electron/services/sync/profileFile';
import { integrationProfileSchema } from '../../../shared/cim/integrationProfile';
import { csv, row } from '../../support/routeCsv';
import { useTempDir } from '../../support/tempDir';
import { typedXsd, validateXml, xsdSkipReason } from '../../support/xsd';
import { refusedWith } from '../../support/refusal';

const actor = { name: 't', role: 'supervisor' } as const;

/** One Meter per [serial, status word], in MeterConfig.xsd's sequence (serialNumber … status). */
function connexoMeterConfig(verb: 'create' | 'change', id: string, meters: readonly (readonly [string, string])[]): string {
  const Verb = verb === 'create' ? 'Create' : 'Change';
  const items = meters
    .map(([serial, word]) =>
      [
        '      <m:Meter>',
        `        <m:serialNumber>${serial}</m:serialNumber>`,
        `        <m:Names><m:name>${serial}</m:name><m:NameType><m:name>Meter</m:name></m:NameType></m:Names>`,
        `        <m:status><m:dateTime>2026-11-02T08:00:00.000Z</m:dateTime><m:value>${word}</m:value></m:status>`,
        '      </m:Meter>',
      ].join('\n'),
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<ns3:${Verb}MeterConfig xmlns:ns3="http://iec.ch/TC57/2011/MeterConfigMessage" xmlns="http://iec.ch/TC57/2011/schema/message" xmlns:m="http://iec.ch/TC57/2011/MeterConfig#">
  <ns3:Header>
    <Verb>${verb}</Verb>
    <Noun>MeterConfig</Noun>
    <Timestamp>2026-11-02T08:00:00.000Z</Timestamp>
    <Source>MDM</Source>
    <MessageID>${id}</MessageID>
  </ns3:Header>
  <ns3:Payload>
    <m:MeterConfig>
${items}
    </m:MeterConfig>
  </ns3:Payload>
</ns3:${Verb}MeterConfig>
`;
}

describe('MeterConfig status words through the integration profile', () => {
  const tempDir = useTempDir();
  const seeded = () => {
    const store = openStore(join(tempDir(), 'field.db'));
    importRoute(store, actor, { fileName: 'r.csv', content: csv(row()), acceptValidRows: false });
    return store;
  };

  it.skipIf(xsdSkipReason !== null)('the messages are valid against MeterConfigMessage.xsd, whatever the word', () => {
    for (const word of ['dlc.default.inStock', 'Commissioning']) {
      const result = validateXml(connexoMeterConfig('create', 'MC-X', [['E500', word]]), typedXsd('MeterConfig'));
      expect(result.errors).toEqual([]);
    }
  });

  it("maps Connexo's life-cycle keys and names to the app's states with the default profile", () => {
    const store = seeded();
    try {
      const created = applyInboundMessage(
        store,
        actor,
        connexoMeterConfig('create', 'MC-1', [
          ['E500', 'dlc.default.inStock'],
          ['E501', 'In stock'],
          ['E502', 'Removed'],
        ]),
      );
      expect(created.applied).toMatchObject({ metersAdded: 3 });
      expect(store.workOrders.deviceBySerial('E500')).toMatchObject({ status: 'inStock' });
      expect(store.workOrders.deviceBySerial('E501')).toMatchObject({ status: 'inStock' });
      expect(store.workOrders.deviceBySerial('E502')).toMatchObject({ status: 'removed' });
      applyInboundMessage(
        store,
        actor,
        connexoMeterConfig('change', 'MC-2', [
          ['E500', 'dlc.default.decommissioned'],
          ['E501', 'IN STOCK'],
        ]),
      );
      expect(store.workOrders.deviceBySerial('E500')).toMatchObject({ status: 'removed' });
      // "Active" for a meter in stock would install it: where is the linkage's business.
      expect(() => applyInboundMessage(store, actor, connexoMeterConfig('change', 'MC-3', [['E501', 'Active']]))).toThrow(
        refusedWith('statusChangesInstallation', { from: 'inStock', to: 'installed' }),
      );
    } finally {
      store.close();
    }
  });

  it('refuses a schema-valid word the profile does not map, naming the word, and applies nothing', () => {
    const store = seeded();
    try {
      const xml = connexoMeterConfig('create', 'MC-4', [
        ['E600', 'In stock'],
        ['E601', 'Commissioning'],
      ]);
      expect(() => applyInboundMessage(store, actor, xml)).toThrow(
        refusedWith('statusWordUnknown', { serial: 'E601', word: 'Commissioning' }),
      );
      expect(store.workOrders.deviceBySerial('E600')).toBeNull();
      expect(store.inbox.list()).toEqual([]);
    } finally {
      store.close();
    }
  });

  it("follows the stored profile's own words, which replace the default map", () => {
    const store = seeded();
    try {
      storeProfile(
        store,
        integrationProfileSchema.parse({ name: 'Stadtwerke MDM', meterStatus: { Lager: 'inStock', Ausgebaut: 'removed' } }),
      );
      applyInboundMessage(
        store,
        actor,
        connexoMeterConfig('create', 'MC-5', [
          ['E700', 'Lager'],
          ['E701', 'Ausgebaut'],
        ]),
      );
      expect(store.workOrders.deviceBySerial('E700')).toMatchObject({ status: 'inStock' });
      expect(store.workOrders.deviceBySerial('E701')).toMatchObject({ status: 'removed' });
      expect(() => applyInboundMessage(store, actor, connexoMeterConfig('create', 'MC-6', [['E702', 'In stock']]))).toThrow(
        refusedWith('statusWordUnknown', { word: 'In stock', profile: 'Stadtwerke MDM', known: ['Lager', 'Ausgebaut'] }),
      );
    } finally {
      store.close();
    }
  });
});
